"""Composed look-alike rows (illustrative names in registry style, not meant to identify any firm), plus real firms
marked "real:" in basis that make or trade things outside the three chains.
"""
# ruff: noqa: E501  (data rows: CJK characters count double towards the line length)
from regsample_common import FRDZ, FSSGY, GADZ, GRDZ, GYKG, LIC, OLD, SS, WGDZ, ZRR, ZRRDZ, R, g

DEALER, TRADER, OTHER = "distractor-dealer", "distractor-trader", "distractor-other"
PH = "浙江省嘉兴市平湖市"

# ---- car dealers (new-car sales, no production, no repair item) ----
R("平湖宝利德汽车销售服务有限公司",
  g("汽车新车销售", "新能源汽车整车销售", "汽车零配件零售", "汽车装饰用品销售", "汽车租赁"),
  "F5261 汽车新车零售", "1000万人民币", "2016-05-12", PH + "当湖街道新华南路", ZRR, cat=DEALER, basis="brand 4S sales company")
R("嘉兴骏华汽车有限公司",
  g("汽车新车销售", "汽车零配件零售", "会议及展览服务"),
  "F5261 汽车新车零售", "2000万人民币", "2012-08-20", "浙江省嘉兴市南湖区", ZRR, cat=DEALER, basis="dealer")
R("平湖市通途新能源汽车销售有限公司",
  g("新能源汽车整车销售", "新能源汽车电附件销售", "充电桩销售", "汽车零配件零售"),
  "F5261 汽车新车零售", "500万人民币", "2021-03-09", PH + "钟埭街道", ZRR, cat=DEALER,
  basis="EV showroom; sells chargers, makes nothing")
R("上海永达汽车集团有限公司",
  g("汽车新车销售", "二手车经销", "汽车零配件批发", "以自有资金从事投资活动"),
  "F5261 汽车新车零售", "200000万人民币", "1992-01-01", "上海市浦东新区", ZRR, cat=DEALER, basis="real: Yongda dealer group")
R("嘉兴德奥汽车销售服务有限公司",
  "销售：汽车（不含小轿车）、汽车配件、汽车用品；汽车信息咨询服务" + OLD,
  "F5261 汽车新车零售", "800万人民币", "2008-04-16", "浙江省嘉兴市秀洲区", ZRR, cat=DEALER, basis="old-style dealer scope")
R("平湖市东湖汽车贸易有限公司",
  g("汽车新车销售", "汽车旧车销售", "汽车零配件零售", "汽车租赁"),
  "F5261 汽车新车零售", "300万人民币", "2010-11-02", PH + "经济技术开发区", ZRRDZ, cat=DEALER, basis="local car trader")
R("浙江物产元通汽车集团有限公司",
  g("汽车新车销售", "汽车零配件批发", "二手车经纪", "以自有资金从事投资活动"),
  "F5172 汽车及零配件批发", "66000万人民币", "1996-01-01", "浙江省杭州市", GYKG, cat=DEALER, basis="real: Wuchan Yuantong dealer group")
R("嘉兴众悦汽车销售有限公司",
  g("汽车新车销售", "新能源汽车整车销售", "汽车装饰用品销售"),
  "F5261 汽车新车零售", "1000万人民币", "2019-07-01", "浙江省嘉兴市经济技术开发区", ZRR, cat=DEALER, basis="dealer")
R("苏州工业园区恒驰汽车销售服务有限公司",
  g("汽车新车销售", "汽车零配件零售", "汽车拖车、求援、清障服务"),
  "F5261 汽车新车零售", "1500万人民币", "2014-02-18", "江苏省苏州工业园区", ZRR, cat=DEALER, basis="dealer")
R("平湖市卡力房车销售有限公司",
  g("汽车装饰用品销售", "汽车新车销售", "露营地服务"),
  "F5261 汽车新车零售", "200万人民币", "2020-09-01", PH + "乍浦镇", ZRR, cat=DEALER, basis="RV dealer")
R("宁波北仑新能源汽车销售有限公司",
  g("新能源汽车整车销售", "汽车新车销售", "机动车充电销售"),
  "F5261 汽车新车零售", "500万人民币", "2022-01-01", "浙江省宁波市北仑区", ZRR, cat=DEALER, basis="EV dealer")
R("广汇汽车服务集团股份公司",
  g("汽车新车销售", "二手车经纪", "汽车租赁", "以自有资金从事投资活动", "企业管理咨询"),
  "F5261 汽车新车零售", "811732.5万人民币", "2006-01-01", "上海市闵行区", SS, cat=DEALER,
  basis="real: China Grand Auto dealer group")

# ---- traders: auto parts, machine tools, steel, chemicals, materials ----
R("平湖市鑫达汽车配件有限公司",
  g("汽车零配件批发", "汽车零配件零售", "五金产品批发", "轮胎销售"),
  "F5172 汽车及零配件批发", "100万人民币", "2015-06-10", PH + "新埭镇", ZRR, cat=TRADER, basis="parts wholesaler")
R("嘉兴佳驰汽车零部件贸易有限公司",
  g("汽车零配件批发", "汽车零部件研发", "货物进出口"),
  "F5172 汽车及零配件批发", "300万人民币", "2017-03-22", "浙江省嘉兴市南湖区", ZRR, cat=TRADER, basis="parts trader")
R("上海博胜汽车零部件有限公司",
  "汽车零部件、摩托车配件、五金交电、橡塑制品的销售；从事货物进出口业务" + OLD,
  "F5172 汽车及零配件批发", "500万人民币", "2009-01-01", "上海市嘉定区", ZRR, cat=TRADER,
  basis="name says 零部件, scope is sales only")
R("平湖恒锐机床设备有限公司",
  g("数控机床销售", "机床功能部件及附件销售", "机械设备租赁", "五金产品批发"),
  "F5179 其他机械设备及电子产品批发", "200万人民币", "2018-08-08", PH + "经济技术开发区", ZRR, cat=TRADER,
  basis="machine-tool sales agent")
R("德马吉森精机机床贸易有限公司",
  "机床、机床零部件及配件的批发、佣金代理（拍卖除外）、进出口；提供售后服务及技术咨询" + OLD,
  "F5179 其他机械设备及电子产品批发", "1500万美元", "2004-01-01", "上海市闵行区", WGDZ, cat=TRADER,
  basis="real: DMG MORI China sales company")
R("雷尼绍（上海）贸易有限公司",
  "测量仪器、机床测头及相关软件的批发、进出口、佣金代理，并提供售后服务" + OLD,
  "F5179 其他机械设备及电子产品批发", "200万美元", "2004-01-01", "上海市长宁区", WGDZ, cat=TRADER,
  basis="real: Renishaw China sales")
R("苏州恒久精密机床销售有限公司",
  g("数控机床销售", "机械设备销售", "五金产品批发", "机械零件、零部件销售"),
  "F5179 其他机械设备及电子产品批发", "100万人民币", "2016-01-01", "江苏省苏州市吴中区", ZRR, cat=TRADER,
  basis="used/new machine-tool dealer")
R("宁波科纳刀具有限公司",
  g("五金产品批发", "金属工具销售", "机械设备销售", "货物进出口"),
  "F5174 五金产品批发", "50万人民币", "2019-05-05", "浙江省宁波市鄞州区", ZRR, cat=TRADER,
  basis="cutting-tool reseller; name says 刀具")
R("嘉兴友信轴承有限公司",
  g("轴承销售", "五金产品批发", "机械零件、零部件销售"),
  "F5174 五金产品批发", "100万人民币", "2013-01-01", "浙江省嘉兴市秀洲区", ZRR, cat=TRADER, basis="bearing distributor")
R("上海昊汇液压气动设备有限公司",
  g("液压动力机械及元件销售", "气压动力机械及元件销售", "机械设备销售", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  "F5179 其他机械设备及电子产品批发", "500万人民币", "2011-01-01", "上海市松江区", ZRR, cat=TRADER,
  basis="hydraulics/pneumatics distributor")
R("平湖市金钢物资有限公司",
  g("金属材料销售", "建筑材料销售", "五金产品批发"),
  "F5164 金属及金属矿批发", "500万人民币", "2007-01-01", PH + "曹桥街道", ZRR, cat=TRADER, basis="steel trader")
R("上海宝钢钢材贸易有限公司",
  g("金属材料销售", "金属制品销售", "货物进出口"),
  "F5164 金属及金属矿批发", "5000万人民币", "2002-01-01", "上海市宝山区", FRDZ, cat=TRADER,
  basis="steel trading arm (name has 宝钢)")
R("嘉兴硅钢贸易有限公司",
  g("金属材料销售", "电气设备销售", "货物进出口"),
  "F5164 金属及金属矿批发", "300万人民币", "2015-01-01", "浙江省嘉兴市南湖区", ZRR, cat=TRADER,
  basis="silicon-steel trader, no slitting")
R("浙江锂源新能源贸易有限公司",
  g("化工产品销售（不含许可类化工产品）", "电池销售", "有色金属合金销售", "货物进出口"),
  "F5169 其他化工产品批发", "1000万人民币", "2021-06-01", "浙江省杭州市萧山区", ZRR, cat=TRADER,
  basis="lithium-salt and battery trader")
R("平湖市诚信化工有限公司",
  "许可项目：危险化学品经营" + LIC + g("化工产品销售（不含许可类化工产品）", "塑料制品销售"),
  "F5169 其他化工产品批发", "200万人民币", "2009-01-01", PH + "独山港镇", ZRR, cat=TRADER, basis="chemical trader")
R("上海聚丰塑化有限公司",
  g("塑料制品销售", "合成材料销售", "工程塑料及合成树脂销售", "货物进出口"),
  "F5169 其他化工产品批发", "500万人民币", "2012-01-01", "上海市金山区", ZRR, cat=TRADER,
  basis="plastic-resin trader")
R("苏州博源稀土磁材有限公司",
  g("磁性材料销售", "稀土功能材料销售", "金属材料销售"),
  "F5164 金属及金属矿批发", "100万人民币", "2018-01-01", "江苏省苏州市相城区", ZRR, cat=TRADER,
  basis="magnet reseller, no production")
R("深圳市芯联达电子有限公司",
  g("电子元器件批发", "集成电路芯片及产品销售", "半导体分立器件销售", "货物进出口"),
  "F5179 其他机械设备及电子产品批发", "100万人民币", "2016-01-01", "广东省深圳市福田区", ZRR, cat=TRADER,
  basis="chip distributor")
R("嘉兴恒泰涂料贸易有限公司",
  g("涂料销售（不含危险化学品）", "建筑材料销售", "五金产品零售"),
  "F5169 其他化工产品批发", "50万人民币", "2014-01-01", "浙江省嘉兴市秀洲区", ZRR, cat=TRADER, basis="paint shop")
R("平湖市博远进出口有限公司",
  g("货物进出口", "技术进出口", "汽车零配件批发", "机械设备销售", "针纺织品销售"),
  "F5199 其他未列明批发业", "500万人民币", "2010-01-01", PH + "当湖街道", ZRR, cat=TRADER, basis="general importer/exporter")
R("宁波保税区捷锐国际贸易有限公司",
  g("货物进出口", "金属材料销售", "电子元器件批发", "汽车零配件批发"),
  "F5199 其他未列明批发业", "1000万人民币", "2013-01-01", "浙江省宁波市北仑区", ZRR, cat=TRADER, basis="bonded-zone importer")
R("上海贵研贵金属贸易有限公司",
  g("金银制品销售", "有色金属合金销售", "货物进出口"),
  "F5164 金属及金属矿批发", "1000万人民币", "2015-01-01", "上海市黄浦区", ZRR, cat=TRADER,
  basis="precious-metal trader (name looks like a PGM firm)")
R("平湖市华晟电池销售有限公司",
  g("电池销售", "电动自行车销售", "电池零配件销售"),
  "F5279 其他电子产品零售", "50万人民币", "2019-01-01", PH + "钟埭街道", ZRRDZ, cat=TRADER, basis="battery shop")
R("杭州凯利轮胎有限公司",
  g("轮胎销售", "汽车零配件零售", "橡胶制品销售"),
  "F5263 汽车零配件零售", "100万人民币", "2011-01-01", "浙江省杭州市拱墅区", ZRR, cat=TRADER, basis="tyre shop")

# ---- other look-alikes: packaging, building materials, consulting shells, scrap, logistics ----
R("平湖市华达塑料包装有限公司",
  g("塑料制品制造", "塑料包装箱及容器制造", "包装材料及制品销售"),
  "C2926 塑料包装箱及容器制造", "300万人民币", "2005-01-01", PH + "新仓镇", ZRR, cat=OTHER, basis="plastic packaging")
R("嘉兴市新丰塑胶制品有限公司",
  "生产：塑料薄膜、塑料编织袋；销售自产产品" + OLD,
  "C2921 塑料薄膜制造", "200万人民币", "2003-01-01", "浙江省嘉兴市秀洲区", ZRR, cat=OTHER, basis="packaging film")
R("平湖市金盛泡沫制品有限公司",
  g("包装材料及制品销售", "塑料制品制造", "纸制品销售"),
  "C2924 泡沫塑料制造", "100万人民币", "2008-01-01", PH + "广陈镇", ZRR, cat=OTHER, basis="EPS foam packaging")
R("浙江华盛新型建材有限公司",
  g("轻质建筑材料制造", "砼结构构件制造", "建筑材料销售"),
  "C3021 水泥制品制造", "2000万人民币", "2010-01-01", "浙江省嘉兴市海盐县", ZRR, cat=OTHER, basis="concrete products")
R("平湖市恒力商品混凝土有限公司",
  "许可项目：建设工程施工" + LIC + g("水泥制品制造", "建筑材料销售"),
  "C3021 水泥制品制造", "3000万人民币", "2006-01-01", PH + "林埭镇", ZRR, cat=OTHER, basis="ready-mix concrete")
R("北京东方雨虹防水技术股份有限公司",
  g("建筑防水卷材产品制造", "建筑材料销售", "涂料制造（不含危险化学品）"),
  "C3033 防水建筑材料制造", "251848.9万人民币", "1998-03-19", "北京市顺义区", SS, cat=OTHER,
  basis="real: waterproofing for buildings (coatings in scope but building materials)")
R("嘉兴博瑞新材料科技有限公司",
  g("新材料技术推广服务", "新材料技术研发", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广", "塑料制品销售"),
  "M7513 新材料技术推广服务", "100万人民币", "2020-01-01", "浙江省嘉兴市南湖区", ZRR, cat=OTHER,
  basis="'新材料科技' consulting/sales shell")
R("平湖市鼎新新材料科技有限公司",
  g("新材料技术推广服务", "化工产品销售（不含许可类化工产品）", "金属材料销售"),
  "M7513 新材料技术推广服务", "50万人民币", "2021-01-01", PH + "当湖街道", ZRRDZ, cat=OTHER, basis="新材料 shell")
R("上海科峰新材料科技有限公司",
  g("新材料技术研发", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广", "电子专用材料销售", "合成材料销售"),
  "M7513 新材料技术推广服务", "500万人民币", "2017-01-01", "上海市松江区", ZRR, cat=OTHER, basis="新材料 sales shell")
R("杭州锂行新能源科技有限公司",
  g("新兴能源技术研发", "电池销售", "储能技术服务", "太阳能发电技术服务"),
  "M7515 新能源技术推广服务", "100万人民币", "2022-01-01", "浙江省杭州市余杭区", ZRR, cat=OTHER, basis="energy consulting shell")
R("苏州碳立方新材料科技有限公司",
  g("新材料技术推广服务", "石墨及碳素制品销售", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  "M7513 新材料技术推广服务", "100万人民币", "2019-01-01", "江苏省苏州市吴江区", ZRR, cat=OTHER, basis="carbon-materials shell")
R("平湖市永盛再生资源回收有限公司",
  g("再生资源回收（除生产性废旧金属）", "生产性废旧金属回收", "再生资源销售"),
  "F5191 再生物资回收与批发", "50万人民币", "2012-01-01", PH + "曹桥街道", ZRR, cat=OTHER,
  basis="scrap metal/paper collector, not battery recycling")
R("嘉兴市恒达废旧物资回收有限公司",
  "废旧金属、废纸、废塑料的收购、销售" + OLD,
  "F5191 再生物资回收与批发", "30万人民币", "2005-01-01", "浙江省嘉兴市南湖区", ZRR, cat=OTHER, basis="scrap collector")
R("浙江鑫源钢铁炉料有限公司",
  g("生产性废旧金属回收", "再生资源加工", "金属材料销售"),
  "C4210 金属废料和碎屑加工处理", "1000万人民币", "2011-01-01", "浙江省湖州市长兴县", ZRR, cat=OTHER,
  basis="scrap-steel processor (steel furnace feed), not battery recycling")
R("平湖市顺通物流有限公司",
  "许可项目：道路货物运输（不含危险货物）" + LIC + g("普通货物仓储服务（不含危险化学品等需许可审批的项目）", "装卸搬运"),
  "G5431 普通货物道路运输", "500万人民币", "2010-01-01", PH + "乍浦镇", ZRR, cat=OTHER, basis="haulage")
R("嘉兴安行汽车租赁有限公司",
  g("小微型客车租赁经营服务", "汽车租赁", "停车场服务"),
  "L7111 汽车租赁", "200万人民币", "2016-01-01", "浙江省嘉兴市南湖区", ZRR, cat=OTHER, basis="car rental")
R("平湖市安达机动车驾驶员培训有限公司",
  "许可项目：机动车驾驶员培训" + LIC + g("汽车租赁", "停车场服务"),
  "P8391 职业技能培训", "300万人民币", "2004-01-01", PH + "当湖街道", ZRR, cat=OTHER, basis="driving school")
R("嘉兴市智停停车管理有限公司",
  g("停车场服务", "充电桩销售", "机动车充电销售", "物业管理"),
  "G5449 其他道路运输辅助活动", "100万人民币", "2020-01-01", "浙江省嘉兴市南湖区", ZRR, cat=OTHER,
  basis="parking operator that also resells chargers")
R("平湖市光华五金厂",
  g("五金产品制造", "日用杂品制造", "五金产品零售"),
  "C3389 其他金属制日用品制造", "20万人民币", "1998-01-01", PH + "新埭镇", GRDZ, cat=OTHER, basis="household hardware")
R("平湖市洁雅服装有限公司",
  g("服装制造", "服装服饰批发", "货物进出口"),
  "C1810 机织服装制造", "500万人民币", "2002-01-01", PH + "当湖街道", ZRR, cat=OTHER, basis="garment maker (Pinghu's classic)")
R("浙江嘉欣箱包有限公司",
  g("箱包制造", "皮革制品制造", "货物进出口"),
  "C1922 皮箱、包（袋）制造", "800万人民币", "2006-01-01", PH + "经济技术开发区", ZRR, cat=OTHER, basis="luggage maker")
R("平湖市康宁家具有限公司",
  g("家具制造", "家具销售"),
  "C2110 木质家具制造", "300万人民币", "2009-01-01", PH + "新仓镇", ZRR, cat=OTHER, basis="furniture")
R("山东恒邦冶炼股份有限公司",
  "许可项目：危险化学品生产" + LIC + g("贵金属冶炼", "常用有色金属冶炼", "金银制品销售", "货物进出口"),
  "C3221 金冶炼", "114842.6万人民币", "1994-09-24", "山东省烟台市牟平区", SS, cat=OTHER,
  basis="real: gold/silver smelter, not PGM")
R("嘉兴汽车城物业管理有限公司",
  g("物业管理", "非居住房地产租赁", "停车场服务", "会议及展览服务"),
  "K7020 物业管理", "300万人民币", "2012-01-01", "浙江省嘉兴市秀洲区", FRDZ, cat=OTHER,
  basis="property manager of an auto mall")
R("平湖市正泰电器销售有限公司",
  g("电气设备销售", "五金产品零售", "电线、电缆经营"),
  "F5175 电气设备批发", "50万人民币", "2015-01-01", PH + "钟埭街道", ZRRDZ, cat=OTHER,
  basis="local electrical shop borrowing a brand name")
R("上海申优汽车检测有限公司",
  "许可项目：机动车检验检测服务" + LIC + g("汽车零配件零售"),
  "M7452 检测服务", "500万人民币", "2013-01-01", "上海市闵行区", ZRR, cat=OTHER, basis="vehicle inspection station")
R("平湖市绿洲园林工具有限公司",
  g("金属工具制造", "农林牧渔机械配件制造", "五金产品批发"),
  "C3323 农用及园林用金属工具制造", "500万人民币", "2007-01-01", PH + "新埭镇", ZRR, cat=OTHER,
  basis="garden tools (metal tools, not cutting tools for machines)")
R("嘉兴市嘉塑日用品有限公司",
  g("日用品销售", "塑料制品制造", "日用百货销售"),
  "C2927 日用塑料制品制造", "100万人民币", "2011-01-01", "浙江省嘉兴市南湖区", ZRR, cat=OTHER, basis="household plastics")
R("平湖市宏远光伏科技有限公司",
  g("太阳能发电技术服务", "光伏设备及元器件销售", "合同能源管理"),
  "D4416 太阳能发电", "1000万人民币", "2017-01-01", PH + "独山港镇", ZRR, cat=OTHER, basis="rooftop PV operator")

# ---- composed aftermarket (repair / care / used cars) ----
R("平湖市通达汽车修理厂",
  "许可项目：机动车修理和维护" + LIC + g("汽车零配件零售", "轮胎销售"),
  "O8111 汽车修理与维护", "50万人民币", "1996-01-01", PH + "当湖街道", GRDZ, "auto-aftermarket", cat="aftermarket",
  basis="local repair garage")
R("嘉兴车美仕汽车服务有限公司",
  g("洗车服务", "汽车装饰用品销售", "机动车修理和维护", "汽车零配件零售"),
  "O8111 汽车修理与维护", "100万人民币", "2018-01-01", "浙江省嘉兴市秀洲区", ZRR, "auto-aftermarket", cat="aftermarket",
  basis="car-care and quick service")
R("平湖市诚信二手车交易市场有限公司",
  g("二手车交易市场经营", "二手车经纪", "二手车鉴定评估", "机动车修理和维护"),
  "F5262 汽车旧车零售", "500万人民币", "2014-01-01", PH + "经济技术开发区", ZRR, "auto-aftermarket", cat="aftermarket",
  basis="used-car market")
R("上海固特轮胎翻新有限公司",
  "旧轮胎翻新、修补；汽车轮胎销售" + OLD,
  "O8111 汽车修理与维护", "200万人民币", "2003-01-01", "上海市宝山区", ZRR, "auto-aftermarket", cat="aftermarket",
  basis="tyre retreading is aftermarket, not tyre production")

# ---- job shops (label = what they really do, empty if nothing chain-specific) ----
R("平湖市永拓机械有限公司",
  g("机械零件、零部件加工", "通用设备制造（不含特种设备制造）", "五金产品制造"),
  "C3484 机械零部件加工", "200万人民币", "2012-01-01", PH + "新埭镇", ZRR, cat="jobshop",
  basis="generic turning/milling jobs, no chain-specific product")
R("嘉兴市金诚精密机械有限公司",
  g("机械零件、零部件加工", "模具制造", "金属表面处理及热处理加工"),
  "C3484 机械零部件加工", "300万人民币", "2010-01-01", "浙江省嘉兴市秀洲区", ZRR, "mt-mold", cat="jobshop",
  basis="job shop whose real product line is small dies")
R("平湖市恒精电机配件有限公司",
  g("通用零部件制造", "机械零件、零部件加工", "汽车零部件及配件制造"),
  "C3484 机械零部件加工", "500万人民币", "2016-01-01", PH + "钟埭街道", ZRR, "auto-motor-parts", cat="jobshop",
  basis="machines motor shafts and end covers for motor makers")
R("苏州锐捷钣金制造有限公司",
  g("金属结构制造", "机械零件、零部件加工", "机床功能部件及附件制造"),
  "C3311 金属结构制造", "300万人民币", "2013-01-01", "江苏省苏州市相城区", ZRR, "mt-sheet-metal", cat="jobshop",
  basis="sheet-metal shop making machine-tool guards")
R("平湖市华鑫五金冲压件厂",
  g("五金产品制造", "金属制品研发", "机械零件、零部件加工"),
  "C3399 其他未列明金属制品制造", "30万人民币", "2004-01-01", PH + "广陈镇", GRDZ, cat="jobshop",
  basis="general small stampings for appliances")
R("嘉兴市恒昌热处理有限公司",
  g("金属表面处理及热处理加工", "机械零件、零部件加工"),
  "C3360 金属表面处理及热处理加工", "200万人民币", "2008-01-01", "浙江省嘉兴市南湖区", ZRR, cat="jobshop",
  basis="heat-treatment service, no product")
R("宁波北仑博创数控设备有限公司",
  g("通用设备制造（不含特种设备制造）", "机械设备研发", "数控机床销售", "机械零件、零部件加工"),
  "C3499 其他未列明通用设备制造业", "500万人民币", "2015-01-01", "浙江省宁波市北仑区", ZRR, cat="jobshop",
  basis="builds bespoke handling equipment; sells CNC machines of others")
R("平湖市精工自动化设备有限公司",
  g("工业自动控制系统装置制造", "专用设备制造（不含许可类专业设备制造）", "工业机器人安装、维修"),
  "C3499 其他未列明通用设备制造业", "300万人民币", "2017-01-01", PH + "经济技术开发区", ZRR, "mt-robot",
  cat="jobshop", basis="integrates loading robots onto customers' CNC lathes")

# ---- deregistered (must be skipped; label empty whatever the scope says) ----
R("平湖市德力汽车零部件有限公司",
  g("汽车零部件及配件制造", "模具制造"),
  "C3670 汽车零部件及配件制造", "500万人民币", "2011-01-01", PH + "钟埭街道", ZRR, cat="deregistered",
  status="注销", basis="would be auto-stamping if alive")
R("嘉兴市佳锐数控机床有限公司",
  g("数控机床制造", "机床功能部件及附件制造"),
  "C3421 金属切削机床制造", "1000万人民币", "2013-01-01", "浙江省嘉兴市秀洲区", ZRR, cat="deregistered",
  status="吊销，未注销", basis="revoked licence")
R("平湖市华新新材料有限公司",
  g("工程塑料及合成树脂制造", "塑料制品制造"),
  "C2651 初级形态塑料及合成树脂制造", "800万人民币", "2014-01-01", PH + "独山港镇", ZRR, cat="deregistered",
  status="注销", basis="closed compounder")
R("苏州恒磁电子材料有限公司",
  "生产钕铁硼磁性材料，销售自产产品" + OLD,
  "C3985 电子专用材料制造", "300万美元", "2007-01-01", "江苏省苏州市吴中区", WGDZ, cat="deregistered",
  status="吊销，已注销", basis="former magnet maker")
R("嘉兴市新源锂电池有限公司",
  g("电池制造", "电池销售"),
  "C3841 锂离子电池制造", "2000万人民币", "2016-01-01", "浙江省嘉兴市南湖区", ZRR, cat="deregistered",
  status="注销", basis="failed battery start-up")
R("平湖市奥特模具有限公司",
  "模具、五金配件制造、加工" + OLD,
  "C3525 模具制造", "100万人民币", "2001-01-01", PH + "新埭镇", ZRR, cat="deregistered",
  status="吊销", basis="revoked")
R("上海锐能充电设备有限公司",
  g("充电桩销售", "输配电及控制设备制造"),
  "C3829 其他输配电及控制设备制造", "500万人民币", "2017-01-01", "上海市嘉定区", ZRR, cat="deregistered",
  status="注销", basis="closed charger maker")
R("宁波精锐刀具有限公司",
  g("切削工具制造", "五金产品批发"),
  "C3321 切削工具制造", "200万人民币", "2012-01-01", "浙江省宁波市鄞州区", ZRR, cat="deregistered",
  status="注销", basis="closed tool maker")

# ---- real producers outside the three chains (look-alikes by wording) ----
R("雅迪科技集团有限公司",
  g("助动车制造", "自行车制造", "电池销售", "货物进出口"),
  "C3770 助动车制造", "100000万人民币", "2001-01-01", "江苏省无锡市锡山区", ZRR, cat=OTHER,
  basis="real: electric two-wheelers, not cars")
R("浙江钱江摩托股份有限公司",
  g("摩托车零配件制造", "助动车制造", "汽车零部件及配件制造", "货物进出口", lic="道路机动车辆生产"),
  "C3751 摩托车整车制造", "52000万人民币", "1999-01-01", "浙江省台州市温岭市", SS, cat=OTHER,
  basis="real: motorcycles (auto-parts item in the tail only)")
R("南兴装备股份有限公司",
  g("木竹材加工机械制造", "数控机床制造", "工业自动控制系统装置制造", "货物进出口"),
  "C3524 木竹材加工机械制造", "29000万人民币", "1996-01-01", "广东省东莞市厚街镇", SS, cat=OTHER,
  basis="real: woodworking panel machinery, not metal-cutting machine tools")
R("宁波海天塑机集团有限公司",
  g("塑料加工专用设备制造", "液压动力机械及元件制造", "伺服控制机构制造", "货物进出口"),
  "C3523 塑料加工专用设备制造", "60000万人民币", "1998-01-01", "浙江省宁波市北仑区", GADZ, cat=OTHER,
  basis="real: injection-moulding machines (own hydraulics/servo for them)")
R("杰克科技股份有限公司",
  g("缝制机械制造", "电机制造", "工业自动控制系统装置制造", "货物进出口"),
  "C3553 缝制机械制造", "44000万人民币", "2003-01-01", "浙江省台州市椒江区", SS, cat=OTHER,
  basis="real: industrial sewing machines")
R("无锡先导智能装备股份有限公司",
  g("专用设备制造（不含许可类专业设备制造）", "电子专用设备制造", "电池零配件生产", "工业自动控制系统装置制造"),
  "C3569 其他电子专用设备制造", "156000万人民币", "2002-04-30", "江苏省无锡市新吴区", SS, cat=OTHER,
  basis="real: lithium-battery production equipment, not batteries")
R("杭叉集团股份有限公司",
  g("物料搬运装备制造", "电池销售", "货物进出口", lic="特种设备制造"),
  "C3433 生产专用车辆制造", "93000万人民币", "2003-01-01", "浙江省杭州市临安区", SS, cat=OTHER,
  basis="real: forklifts (industrial vehicles), not road vehicles")
R("欧冶云商股份有限公司",
  g("金属材料销售", "互联网销售（除销售需要许可的商品）", "供应链管理服务", "国内货物运输代理"),
  "F5193 互联网批发", "100000万人民币", "2015-02-12", "上海市宝山区", FSSGY, cat=TRADER,
  basis="real: Baowu steel e-commerce and trading")
R("安吉汽车物流股份有限公司",
  "许可项目：道路货物运输（不含危险货物）" + LIC + g("汽车零配件批发", "国际货物运输代理", "普通货物仓储服务（不含危险化学品等需许可审批的项目）"),
  "G5439 其他道路货物运输", "83000万人民币", "2000-08-01", "上海市嘉定区安亭镇", FSSGY, cat=OTHER,
  basis="real: SAIC vehicle logistics")
R("浙江景兴纸业股份有限公司",
  g("纸制品制造", "纸浆销售", "包装材料及制品销售", "货物进出口", lic="包装装潢印刷品印刷"),
  "C2221 机制纸及纸板制造", "112000万人民币", "1996-01-01", "浙江省嘉兴市平湖市曹桥街道", SS, cat=OTHER,
  basis="real: Pinghu packaging-paper maker")
R("福莱特玻璃集团股份有限公司",
  g("玻璃制造", "技术玻璃制品制造", "光伏设备及元器件制造", "货物进出口"),
  "C3041 平板玻璃制造", "235000万人民币", "1998-06-24", "浙江省嘉兴市秀洲区", SS, cat=OTHER,
  basis="real: PV and float glass, not a chain material")
R("新凤鸣集团股份有限公司",
  g("合成纤维制造", "合成纤维销售", "货物进出口"),
  "C2822 涤纶纤维制造", "152000万人民币", "2000-01-01", "浙江省嘉兴市桐乡市洲泉镇", SS, cat=OTHER,
  basis="real: polyester filament (commodity fibre, not a high-performance fibre)")
