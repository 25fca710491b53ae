"""New-materials-chain producers (real firms; scopes written in registry style for this sample)."""
# ruff: noqa: E501  (data rows: CJK characters count double towards the line length)
from regsample_common import FRDZ, FSS, FSSGY, GADZ, GAHZ, GYKG, LIC, OLD, SS, SSGY, SSWS, WGDZ, WSFD, ZRR, ZWHZ, R, g

C3985 = "C3985 电子专用材料制造"
C2651 = "C2651 初级形态塑料及合成树脂制造"
HZ = "许可项目：危险化学品生产" + LIC

# ---- nm-chemical-feedstock ----
R("中国石化上海石油化工股份有限公司",
  HZ + g("石油制品制造（不含危险化学品）", "合成材料制造（不含危险化学品）", "合成纤维制造", "化工产品销售（不含许可类化工产品）",
          "非居住房地产租赁"),
  "C2511 原油加工及石油制品制造", "1082381.5万人民币", "1993-06-29", "上海市金山区金一路48号", SSGY,
  "nm-chemical-feedstock|nm-hp-fiber", basis="Sinopec Shanghai refinery/chemicals, also carbon fibre")
R("卫星化学股份有限公司",
  "许可项目：危险化学品生产；危险化学品经营" + LIC + g("化工产品生产（不含许可类化工产品）", "合成材料制造（不含危险化学品）",
                                                   "货物进出口"),
  "C2614 有机化学原料制造", "336876.8万人民币", "2005-12-21", "浙江省嘉兴市嘉兴港区", SS,
  "nm-chemical-feedstock", basis="acrylic acid and C2/C3 chemicals, Jiaxing port plant")
R("浙江嘉化能源化工股份有限公司",
  "许可项目：危险化学品生产；热力生产和供应" + LIC + g("化工产品生产（不含许可类化工产品）", "专用化学产品制造（不含危险化学品）"),
  "C2614 有机化学原料制造", "142017.3万人民币", "2003-06-30", "浙江省嘉兴市乍浦滨海大道2288号", SS,
  "nm-chemical-feedstock", basis="chlor-alkali, sulfonation, steam in Zhapu")
R("浙江石油化工有限公司",
  "许可项目：危险化学品生产；危险化学品经营；港口经营" + LIC + g("石油制品制造（不含危险化学品）", "合成材料制造（不含危险化学品）"),
  "C2511 原油加工及石油制品制造", "5000000万人民币", "2015-06-18", "浙江省舟山市岱山县鱼山岛", FRDZ,
  "nm-chemical-feedstock|nm-polyolefin", basis="Rongsheng ZPC refinery, olefins, EVA/PE")
R("万华化学集团股份有限公司",
  HZ + g("化工产品生产（不含许可类化工产品）", "合成材料制造（不含危险化学品）", "工程塑料及合成树脂制造", "新材料技术研发",
          "货物进出口"),
  "C2614 有机化学原料制造", "313974.6万人民币", "1998-12-16", "山东省烟台市经济技术开发区", SS,
  "nm-chemical-feedstock|nm-engineering-plastics|nm-resin", basis="MDI, petrochemicals, PC and TPU")
R("浙江巨化股份有限公司",
  HZ + g("化工产品生产（不含许可类化工产品）", "电子专用材料制造", "合成材料制造（不含危险化学品）", "货物进出口"),
  "C2614 有机化学原料制造", "269980万人民币", "1998-06-17", "浙江省衢州市柯城区", SSGY,
  "nm-chemical-feedstock|nm-electronic-chemicals", basis="fluorochemicals, fluoropolymers, electronic chemicals")

R("浙江独山能源有限公司",
  HZ + g("化工产品生产（不含许可类化工产品）", "热力生产和供应", "货物进出口"),
  "C2614 有机化学原料制造", "300000万人民币", "2015-04-01", "浙江省嘉兴市平湖市独山港镇", FRDZ,
  "nm-chemical-feedstock", basis="Tongkun PTA plant at Dushangang")
R("浙江美福石油化工有限公司",
  HZ + g("化工产品生产（不含许可类化工产品）", "化工产品销售（不含许可类化工产品）"),
  "C2614 有机化学原料制造", "150000万人民币", "2012-01-01", "浙江省嘉兴市平湖市独山港镇", GAHZ,
  "nm-chemical-feedstock", basis="propane-dehydrogenation propylene at Dushangang")
R("三江化工有限公司",
  HZ + g("化工产品生产（不含许可类化工产品）", "专用化学产品制造（不含危险化学品）", "货物进出口"),
  "C2614 有机化学原料制造", "60000万美元", "2003-01-01", "浙江省嘉兴市嘉兴港区", GADZ,
  "nm-chemical-feedstock", basis="ethylene oxide, ethylene glycol and surfactants at Jiaxing port")

# ---- nm-metal-raw ----
R("中国铝业股份有限公司",
  g("常用有色金属冶炼", "有色金属压延加工", "金属矿石销售", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  "C3216 铝冶炼", "1716234.6万人民币", "2001-09-10", "北京市海淀区西直门北大街62号", SSGY,
  "nm-metal-raw", basis="Chalco alumina and primary aluminium")
R("洛阳栾川钼业集团股份有限公司",
  g("常用有色金属冶炼", "稀有稀土金属冶炼", "选矿", "金属矿石销售", lic="矿产资源（非煤矿山）开采"),
  "B0931 钨钼矿采选", "2159940.4万人民币", "1999-12-22", "河南省洛阳市栾川县", SS,
  "nm-metal-raw|nm-lithium-resources", basis="CMOC Mo/W mining, cobalt")
R("江西铜业股份有限公司",
  g("常用有色金属冶炼", "贵金属冶炼", "有色金属压延加工", lic="矿产资源（非煤矿山）开采"),
  "C3211 铜冶炼", "346272.9万人民币", "1997-01-24", "江西省贵溪市冶金大道15号", SSGY,
  "nm-metal-raw", basis="copper mining and smelting")
R("金川集团股份有限公司",
  g("常用有色金属冶炼", "贵金属冶炼", "有色金属压延加工", "化工产品生产（不含许可类化工产品）",
    lic="矿产资源（非煤矿山）开采"),
  "C3213 镍钴冶炼", "2293758.3万人民币", "2001-09-28", "甘肃省金昌市金川区", FSSGY,
  "nm-metal-raw|nm-pgm|nm-lithium-resources", basis="nickel, cobalt and PGM producer")
R("山东宏桥新型材料有限公司",
  g("常用有色金属冶炼", "有色金属压延加工", "有色金属合金制造"),
  "C3216 铝冶炼", "2100000万人民币", "1994-07-27", "山东省滨州市邹平市", FRDZ,
  "nm-metal-raw|nm-aluminum-alloy", basis="Hongqiao alumina, primary aluminium, alloys")

# ---- nm-lithium-resources ----
R("天齐锂业股份有限公司",
  HZ + g("基础化学原料制造（不含危险化学品等许可类化学品的制造）", "有色金属合金制造", "货物进出口"),
  "C2613 无机盐制造", "164122.1万人民币", "1995-10-16", "四川省遂宁市射洪市", SS,
  "nm-lithium-resources", basis="lithium carbonate and hydroxide")
R("江西赣锋锂业集团股份有限公司",
  HZ + g("稀有稀土金属冶炼", "电池制造", "基础化学原料制造（不含危险化学品等许可类化学品的制造）", "货物进出口"),
  "C3239 其他稀有金属冶炼", "201710.6万人民币", "2000-03-02", "江西省新余市经济开发区龙腾路", SS,
  "nm-lithium-resources|auto-battery", basis="lithium compounds and metal; batteries via subsidiary")
R("浙江华友钴业股份有限公司",
  HZ + g("常用有色金属冶炼", "电子专用材料制造", "基础化学原料制造（不含危险化学品等许可类化学品的制造）", "货物进出口"),
  "C3213 镍钴冶炼", "171167.1万人民币", "2002-05-22", "浙江省嘉兴市桐乡经济开发区梧振东路18号", SS,
  "nm-lithium-resources", basis="cobalt chemicals and ternary precursors")
R("中伟新材料股份有限公司",
  g("电子专用材料制造", "电子专用材料研发", "电池零配件生产", "资源再生利用技术研发", "货物进出口"),
  C3985, "67016.4万人民币", "2014-09-15", "贵州省铜仁市大龙经济开发区", SS,
  "nm-lithium-resources", basis="NCM precursors")
R("四川雅化实业集团股份有限公司",
  "许可项目：民用爆炸物品生产；危险化学品生产" + LIC + g("基础化学原料制造（不含危险化学品等许可类化学品的制造）", "货物进出口"),
  "C2613 无机盐制造", "115253.8万人民币", "2001-12-25", "四川省雅安市雨城区", SS,
  "nm-lithium-resources", basis="explosives plus lithium hydroxide/carbonate")

# ---- nm-rare-earth ----
R("中国北方稀土（集团）高科技股份有限公司",
  g("稀有稀土金属冶炼", "稀土功能材料销售", "磁性材料生产", "有色金属合金制造", "货物进出口"),
  "C3232 稀土金属冶炼", "361510.7万人民币", "1997-09-12", "内蒙古自治区包头市稀土高新技术产业开发区", SSGY,
  "nm-rare-earth", basis="Baotou rare-earth oxides and metals")
R("广晟有色金属股份有限公司",
  g("稀有稀土金属冶炼", "常用有色金属冶炼", "金属材料销售"),
  "C3232 稀土金属冶炼", "33643.7万人民币", "1993-06-18", "广东省广州市天河区", SSGY,
  "nm-rare-earth|nm-metal-raw", basis="southern ionic rare earth, tungsten")
R("厦门钨业股份有限公司",
  g("稀有稀土金属冶炼", "有色金属合金制造", "电子专用材料制造", "磁性材料生产", "货物进出口"),
  "C3231 钨钼冶炼", "141856.8万人民币", "1997-12-30", "福建省厦门市海沧区", SSGY,
  "nm-hard-alloy|nm-rare-earth|nm-cathode|nm-rare-earth-magnet", basis="tungsten/carbide, rare earth, cathode")

R("甘肃稀土新材料股份有限公司",
  g("稀有稀土金属冶炼", "稀土功能材料销售", "基础化学原料制造（不含危险化学品等许可类化学品的制造）"),
  "C3232 稀土金属冶炼", "60000万人民币", "2003-01-01", "甘肃省白银市", FSSGY,
  "nm-rare-earth", basis="rare-earth separation and oxides")

# ---- nm-resin ----
R("湛新科技材料（嘉兴）有限公司",
  "生产水性树脂、粉末涂料树脂、辐射固化树脂等涂料用树脂及添加剂，销售自产产品" + OLD,
  C2651, "9800万美元", "2014-04-01", "浙江省嘉兴市平湖市独山港经济开发区", WGDZ,
  "nm-resin", basis="allnex coating-resin plant at Dushangang")
R("济南圣泉集团股份有限公司",
  g("合成材料制造（不含危险化学品）", "专用化学产品制造（不含危险化学品）", "生物基材料制造", "货物进出口"),
  C2651, "78185.6万人民币", "1994-03-25", "山东省济南市章丘区", SS,
  "nm-resin", basis="phenolic and furan resins")
R("江苏三木集团有限公司",
  HZ + g("合成材料制造（不含危险化学品）", "涂料制造（不含危险化学品）", "化工产品销售（不含许可类化工产品）"),
  C2651, "56000万人民币", "1993-01-18", "江苏省无锡市宜兴市官林镇", ZRR,
  "nm-resin|nm-coatings", basis="synthetic resins and coatings")
R("国都化工（昆山）有限公司",
  "生产环氧树脂、固化剂等合成树脂产品，销售自产产品" + OLD,
  C2651, "5500万美元", "2004-05-17", "江苏省苏州市昆山市", WGDZ,
  "nm-resin", basis="Kukdo epoxy resins")
R("宏昌电子材料股份有限公司",
  g("合成材料制造（不含危险化学品）", "电子专用材料制造", "货物进出口"),
  C2651, "113406.3万人民币", "1995-08-01", "广东省广州市黄埔区", SSWS,
  "nm-resin", basis="electronic-grade epoxy resins")

# ---- nm-engineering-plastics ----
R("金发科技股份有限公司",
  g("塑料制品制造", "合成材料制造（不含危险化学品）", "工程塑料及合成树脂制造", "生物基材料制造", "货物进出口"),
  C2651, "264690.7万人民币", "1993-05-26", "广东省广州市黄埔区科学城", SS,
  "nm-engineering-plastics", basis="modified plastics, special engineering plastics")
R("科思创聚合物（中国）有限公司",
  "生产聚碳酸酯、异氰酸酯及聚氨酯原料等化工产品，销售自产产品" + OLD,
  C2651, "89000万美元", "2001-05-18", "上海市化学工业区", WGDZ,
  "nm-engineering-plastics|nm-chemical-feedstock", basis="Covestro PC and MDI site")
R("上海普利特复合材料股份有限公司",
  g("工程塑料及合成树脂制造", "塑料制品制造", "新材料技术研发", "货物进出口"),
  "C2929 塑料零件及其他塑料制品制造", "101477.6万人民币", "1999-12-24", "上海市青浦区", SS,
  "nm-engineering-plastics", basis="automotive modified plastics")
R("南京聚隆科技股份有限公司",
  g("工程塑料及合成树脂制造", "塑料制品制造", "合成材料销售"),
  C2651, "10800万人民币", "2009-06-23", "江苏省南京市江北新区", SS,
  "nm-engineering-plastics", basis="modified nylon/PP for autos")

# ---- nm-hp-fiber / composite ----
R("中复神鹰碳纤维股份有限公司",
  g("高性能纤维及复合材料制造", "合成纤维制造", "货物进出口"),
  "C2829 其他合成纤维制造", "90000万人民币", "2006-11-20", "江苏省连云港市经济技术开发区", SS,
  "nm-hp-fiber", basis="dry-jet wet spun carbon fibre")
R("威海光威复合材料股份有限公司",
  g("高性能纤维及复合材料制造", "合成纤维制造", "玻璃纤维增强塑料制品制造", "体育用品及器材制造"),
  "C2829 其他合成纤维制造", "51840万人民币", "1992-10-31", "山东省威海市高区", SS,
  "nm-hp-fiber|nm-composite", basis="carbon fibre, prepreg, composite parts")
R("泰和新材集团股份有限公司",
  g("合成纤维制造", "高性能纤维及复合材料制造", "产业用纺织制成品制造", "货物进出口"),
  "C2829 其他合成纤维制造", "86106.4万人民币", "1987-08-01", "山东省烟台市经济技术开发区", SS,
  "nm-hp-fiber", basis="aramid and spandex")
R("中国巨石股份有限公司",
  g("玻璃纤维及制品制造", "玻璃纤维增强塑料制品制造", "货物进出口"),
  "C3061 玻璃纤维及制品制造", "400308.6万人民币", "1999-04-19", "浙江省桐乡市经济开发区", SSGY,
  "nm-hp-fiber", basis="glass fibre roving and fabrics")
R("江苏恒神股份有限公司",
  g("高性能纤维及复合材料制造", "合成纤维制造", "玻璃纤维增强塑料制品制造"),
  "C2829 其他合成纤维制造", "120000万人民币", "2007-08-28", "江苏省镇江市丹阳市", FSS,
  "nm-hp-fiber|nm-composite", basis="carbon fibre and composites")
R("中材科技股份有限公司",
  g("玻璃纤维及制品制造", "风力发电机组及零部件销售", "电池零配件生产", "高性能纤维及复合材料制造"),
  "C3062 玻璃纤维增强塑料制品制造", "167812.3万人民币", "2001-12-28", "江苏省南京市江宁区", SSGY,
  "nm-hp-fiber|nm-composite|nm-separator", basis="glass fibre (largest), wind blades, battery separators")
R("中航复合材料有限责任公司",
  g("高性能纤维及复合材料制造", "新材料技术研发", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  "C3062 玻璃纤维增强塑料制品制造", "50000万人民币", "2010-12-01", "北京市顺义区", FRDZ,
  "nm-composite", basis="AVIC aerospace composites and prepregs")

# ---- nm-rubber ----
R("阿朗新科高性能弹性体（常州）有限公司",
  "生产三元乙丙橡胶及其他合成橡胶，销售自产产品" + OLD,
  "C2652 合成橡胶制造", "23500万美元", "2012-10-09", "江苏省常州市新北区", WGDZ,
  "nm-rubber", basis="ARLANXEO EPDM plant")
R("卡博特化工（天津）有限公司",
  "生产炭黑及相关产品，销售自产产品并提供技术服务" + OLD,
  "C2619 其他基础化学原料制造", "4800万美元", "1996-12-01", "天津市滨海新区", WGDZ,
  "nm-rubber", basis="Cabot carbon black")
R("江西黑猫炭黑股份有限公司",
  HZ + g("专用化学产品制造（不含危险化学品）", "化工产品销售（不含许可类化工产品）", "货物进出口"),
  "C2619 其他基础化学原料制造", "74760万人民币", "2001-09-29", "江西省景德镇市昌江区", SS,
  "nm-rubber", basis="carbon black for tyres")
R("浙江信汇新材料股份有限公司",
  HZ + g("合成材料制造（不含危险化学品）", "橡胶制品销售", "货物进出口"),
  "C2652 合成橡胶制造", "58200万人民币", "2009-11-11", "浙江省嘉兴市嘉兴港区", FSS,
  "nm-rubber", basis="butyl and halobutyl rubber")

# ---- nm-electronic-chemicals ----
R("浙江凯圣氟化学有限公司",
  HZ + g("电子专用材料制造", "电子专用材料研发", "化工产品销售（不含许可类化工产品）"),
  C3985, "20000万人民币", "2006-03-15", "浙江省衢州市柯城区", FRDZ,
  "nm-electronic-chemicals", basis="Juhua electronic-grade HF and wet chemicals")
R("江阴江化微电子材料股份有限公司",
  HZ + g("电子专用材料制造", "专用化学产品制造（不含危险化学品）", "货物进出口"),
  C3985, "38565.5万人民币", "2001-08-02", "江苏省无锡市江阴市周庄镇", SS,
  "nm-electronic-chemicals", basis="wet process chemicals for IC and panels")
R("杭州格林达电子材料股份有限公司",
  HZ + g("电子专用材料制造", "电子专用材料销售"),
  C3985, "20000万人民币", "2001-04-18", "浙江省杭州市钱塘区", SS,
  "nm-electronic-chemicals", basis="TMAH developer")
R("晶瑞电子材料股份有限公司",
  HZ + g("电子专用材料制造", "专用化学产品制造（不含危险化学品）", "电池零配件生产", "货物进出口"),
  C3985, "59000万人民币", "2001-11-29", "江苏省苏州市吴中区", SS,
  "nm-electronic-chemicals|nm-semiconductor-materials", basis="wet chemicals and photoresists")
R("多氟多新材料股份有限公司",
  HZ + g("电子专用材料制造", "电池制造", "基础化学原料制造（不含危险化学品等许可类化学品的制造）", "货物进出口"),
  "C2613 无机盐制造", "119011.9万人民币", "1999-12-21", "河南省焦作市中站区", SS,
  "nm-electrolyte|nm-electronic-chemicals|auto-battery", basis="LiPF6, electronic HF, fluorides; cells")

# ---- nm-semiconductor-materials ----
R("上海新昇半导体科技有限公司",
  g("电子专用材料制造", "电子专用材料研发", "半导体器件专用设备销售", "货物进出口"),
  C3985, "388000万人民币", "2014-06-04", "上海市浦东新区（临港新片区）", FRDZ,
  "nm-semiconductor-materials", basis="300 mm silicon wafers")
R("宁波江丰电子材料股份有限公司",
  g("电子专用材料制造", "有色金属压延加工", "半导体器件专用设备制造", "货物进出口"),
  C3985, "26540万人民币", "2005-04-14", "浙江省宁波市余姚市经济开发区", SS,
  "nm-semiconductor-materials", basis="high-purity sputtering targets")
R("北京科华微电子材料有限公司",
  g("电子专用材料制造", "电子专用材料研发", "技术进出口"),
  C3985, "12000万人民币", "2004-08-16", "北京市北京经济技术开发区", WSFD,
  "nm-semiconductor-materials", basis="photoresists")
R("金宏气体股份有限公司",
  "许可项目：危险化学品生产；危险化学品经营；移动式压力容器/气瓶充装" + LIC + g("电子专用材料制造", "技术进出口"),
  "C2619 其他基础化学原料制造", "48427.7万人民币", "1999-10-28", "江苏省苏州市相城区", SS,
  "nm-semiconductor-materials", basis="electronic special gases and industrial gases")
R("安集微电子科技（上海）股份有限公司",
  g("电子专用材料制造", "电子专用材料研发", "专用化学产品制造（不含危险化学品）"),
  C3985, "9900万人民币", "2006-02-07", "上海市浦东新区", SS,
  "nm-semiconductor-materials|nm-electronic-chemicals", basis="CMP slurries and cleaning chemicals")
R("江苏南大光电材料股份有限公司",
  HZ + g("电子专用材料制造", "电子专用材料研发", "技术进出口"),
  C3985, "54400万人民币", "2000-12-28", "江苏省苏州工业园区", SS,
  "nm-semiconductor-materials", basis="MO sources, specialty gases, ArF photoresist")
R("杭州立昂微电子股份有限公司",
  g("电子专用材料制造", "半导体分立器件制造", "集成电路制造", "货物进出口"),
  C3985, "67700万人民币", "2002-03-19", "浙江省杭州市钱塘区", SS,
  "nm-semiconductor-materials|auto-semiconductor", basis="silicon wafers plus power device chips")

# ---- nm-special-steel ----
R("江阴兴澄特种钢铁有限公司",
  g("钢、铁冶炼", "钢压延加工", "金属材料销售", "货物进出口"),
  "C3120 炼钢", "360000万人民币", "1993-03-23", "江苏省无锡市江阴市滨江东路297号", WSFD,
  "nm-special-steel", basis="CITIC special bar and bearing steel")
R("大冶特殊钢有限公司",
  g("钢、铁冶炼", "钢压延加工", "黑色金属铸造", "金属材料销售"),
  "C3120 炼钢", "200000万人民币", "1993-04-09", "湖北省黄石市黄石大道316号", FRDZ,
  "nm-special-steel", basis="alloy and gear steels")
R("宝武特种冶金有限公司",
  g("钢、铁冶炼", "钢压延加工", "有色金属压延加工", "有色金属合金制造"),
  "C3130 钢压延加工", "150000万人民币", "2003-05-28", "上海市宝山区", FRDZ,
  "nm-special-steel", basis="high-temperature alloys and special steels")
R("江苏沙钢集团淮钢特钢股份有限公司",
  g("钢、铁冶炼", "钢压延加工", "金属材料销售"),
  "C3120 炼钢", "70000万人民币", "1998-06-01", "江苏省淮安市", FSS,
  "nm-special-steel", basis="special bar steel")

# ---- nm-electrical-steel ----
R("宝山钢铁股份有限公司",
  g("钢、铁冶炼", "钢压延加工", "金属材料销售", "港口货物装卸搬运活动", "货物进出口"),
  "C3120 炼钢", "2227392.4万人民币", "2000-02-03", "上海市宝山区富锦路885号", SSGY,
  "nm-special-steel|nm-electrical-steel", basis="Baosteel automotive and electrical steels")
R("首钢智新迁安电磁材料有限公司",
  g("钢压延加工", "金属材料销售", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  "C3130 钢压延加工", "850000万人民币", "2018-10-25", "河北省唐山市迁安市", FRDZ,
  "nm-electrical-steel", basis="Shougang oriented/non-oriented electrical steel")

# ---- nm-aluminum-alloy ----
R("山东南山铝业股份有限公司",
  g("有色金属压延加工", "常用有色金属冶炼", "有色金属合金制造", "货物进出口"),
  "C3252 铝压延加工", "1170000万人民币", "1993-03-18", "山东省龙口市东江镇", SS,
  "nm-aluminum-alloy", basis="aluminium plate, automotive and aerospace sheet")
R("东北轻合金有限责任公司",
  g("有色金属压延加工", "有色金属合金制造"),
  "C3252 铝压延加工", "120000万人民币", "1952-01-01", "黑龙江省哈尔滨市平房区", GYKG,
  "nm-aluminum-alloy", basis="aluminium and magnesium alloy semis")
R("诺贝丽斯（中国）铝制品有限公司",
  "生产铝板带、汽车用铝板等铝制品，销售自产产品" + OLD,
  "C3252 铝压延加工", "25000万美元", "2004-01-01", "江苏省常州市新北区", WGDZ,
  "nm-aluminum-alloy", basis="Novelis automotive aluminium sheet")
R("立中四通轻合金集团股份有限公司",
  g("有色金属合金制造", "汽车零部件及配件制造", "有色金属压延加工", "货物进出口"),
  "C3240 有色金属合金制造", "61702.3万人民币", "1998-04-28", "河北省保定市清苑区", SS,
  "nm-aluminum-alloy|auto-wheel", basis="cast aluminium alloys, master alloys, wheels")
R("江苏亚太轻合金科技股份有限公司",
  g("有色金属压延加工", "汽车零部件及配件制造", "货物进出口"),
  "C3252 铝压延加工", "125000万人民币", "2000-12-15", "江苏省无锡市新吴区", SS,
  "nm-aluminum-alloy", basis="aluminium profiles and tubes for auto")

# ---- nm-rare-earth-magnet ----
R("江西金力永磁科技股份有限公司",
  g("磁性材料生产", "磁性材料销售", "稀土功能材料销售", "货物进出口"),
  C3985, "137200万人民币", "2008-08-19", "江西省赣州市经济技术开发区", SS,
  "nm-rare-earth-magnet", basis="sintered NdFeB for EV motors")
R("北京中科三环高技术股份有限公司",
  g("磁性材料生产", "磁性材料销售", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广", "货物进出口"),
  C3985, "121670万人民币", "1999-07-23", "北京市海淀区", SS,
  "nm-rare-earth-magnet", basis="NdFeB magnets")
R("宁波韵升股份有限公司",
  g("磁性材料生产", "电机制造", "货物进出口"),
  C3985, "98000万人民币", "1994-06-13", "浙江省宁波市鄞州区", SS,
  "nm-rare-earth-magnet", basis="NdFeB magnets")
R("烟台正海磁性材料股份有限公司",
  g("磁性材料生产", "磁性材料销售", "货物进出口"),
  C3985, "82000万人民币", "2000-04-30", "山东省烟台市经济技术开发区", SS,
  "nm-rare-earth-magnet", basis="NdFeB for NEV drive motors")

# ---- nm-pgm ----
R("贵研铂业股份有限公司",
  g("贵金属冶炼", "有色金属压延加工", "专用化学产品制造（不含危险化学品）", "汽车零部件及配件制造", "货物进出口"),
  "C3229 其他贵金属冶炼", "76200万人民币", "2000-09-21", "云南省昆明市高新技术产业开发区", SSGY,
  "nm-pgm|auto-catalyst", basis="PGM refining and materials, autocatalysts")
R("BASF HERAEUS (China) Metal Resource Co., Ltd.",
  g("贵金属冶炼", "再生资源回收（除生产性废旧金属）", "资源再生利用技术研发", lic="危险废物经营"),
  "C3229 其他贵金属冶炼", "5000万欧元", "2022-03-01", "浙江省嘉兴市平湖市独山港经济开发区", WSFD,
  "nm-pgm", basis="BASF-Heraeus PGM recovery JV at Dushangang (Chinese legal name not known)")

# ---- nm-cathode ----
R("宁波容百新能源科技股份有限公司",
  g("电子专用材料制造", "电子专用材料研发", "电池零配件生产", "货物进出口"),
  C3985, "48412.7万人民币", "2014-09-18", "浙江省宁波市余姚市", SS,
  "nm-cathode", basis="high-nickel NCM cathode")
R("北京当升材料科技股份有限公司",
  g("电子专用材料制造", "电池零配件生产", "技术进出口"),
  C3985, "50650.6万人民币", "1998-06-09", "北京市丰台区", SSGY,
  "nm-cathode", basis="NCM and LCO cathode")
R("湖南裕能新能源电池材料股份有限公司",
  g("电子专用材料制造", "电池零配件生产", "电子专用材料研发"),
  C3985, "75700万人民币", "2016-06-23", "湖南省湘潭市雨湖区", SS,
  "nm-cathode", basis="LFP cathode")
R("巴斯夫杉杉电池材料有限公司",
  g("电子专用材料制造", "电子专用材料研发", "电池零配件生产", "货物进出口"),
  C3985, "153000万人民币", "2003-08-22", "湖南省长沙市岳麓区", WSFD,
  "nm-cathode", basis="BASF-Shanshan cathode JV")
R("湖南长远锂科股份有限公司",
  g("电子专用材料制造", "电池零配件生产", "资源再生利用技术研发"),
  C3985, "192920.2万人民币", "2002-05-15", "湖南省长沙市岳麓区", SSGY,
  "nm-cathode", basis="NCM cathode and precursors")

# ---- nm-anode ----
R("贝特瑞新材料集团股份有限公司",
  g("电子专用材料制造", "石墨及碳素制品制造", "非金属矿物制品制造", "货物进出口"),
  C3985, "110200万人民币", "2000-08-07", "广东省深圳市光明区", SS,
  "nm-anode|nm-cathode", basis="natural/artificial graphite and silicon anodes, some cathode")
R("江西紫宸科技有限公司",
  g("石墨及碳素制品制造", "电子专用材料制造", "电子专用材料研发"),
  "C3091 石墨及碳素制品制造", "52000万人民币", "2012-06-11", "江西省宜春市经济技术开发区", FRDZ,
  "nm-anode", basis="Putailai artificial graphite anode")
R("上海杉杉科技有限公司",
  g("电子专用材料制造", "石墨及碳素制品制造", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  "C3091 石墨及碳素制品制造", "60000万人民币", "2003-03-12", "上海市浦东新区", FRDZ,
  "nm-anode", basis="Shanshan anode materials")
R("石家庄尚太科技股份有限公司",
  g("石墨及碳素制品制造", "电子专用材料制造", "货物进出口"),
  "C3091 石墨及碳素制品制造", "26000万人民币", "2008-03-13", "河北省石家庄市无极县", SS,
  "nm-anode", basis="artificial graphite anode with own graphitization")

# ---- nm-electrolyte ----
R("广州天赐高新材料股份有限公司",
  HZ + g("电子专用材料制造", "专用化学产品制造（不含危险化学品）", "日用化学产品制造", "货物进出口"),
  "C2662 专项化学用品制造", "192000万人民币", "2000-06-05", "广东省广州市黄埔区", SS,
  "nm-electrolyte", basis="electrolytes and LiPF6; personal-care chemicals")
R("深圳新宙邦科技股份有限公司",
  HZ + g("电子专用材料制造", "专用化学产品制造（不含危险化学品）", "货物进出口"),
  "C2662 专项化学用品制造", "74555.6万人民币", "2002-02-19", "广东省深圳市坪山区", SS,
  "nm-electrolyte|nm-electronic-chemicals", basis="electrolytes, capacitor chemicals, fluorochemicals")
R("江苏国泰华荣化工新材料有限公司",
  HZ + g("电子专用材料制造", "化工产品销售（不含许可类化工产品）"),
  "C2662 专项化学用品制造", "30000万人民币", "2002-12-03", "江苏省苏州市张家港市", FRDZ,
  "nm-electrolyte", basis="lithium battery electrolyte")

# ---- nm-separator ----
R("上海恩捷新材料科技有限公司",
  g("塑料制品制造", "电子专用材料制造", "电池零配件生产", "货物进出口"),
  "C2921 塑料薄膜制造", "67000万人民币", "2010-04-12", "上海市浦东新区", FRDZ,
  "nm-separator", basis="wet-process separators")
R("深圳市星源材质科技股份有限公司",
  g("塑料制品制造", "电池零配件生产", "电子专用材料制造", "货物进出口"),
  "C2921 塑料薄膜制造", "128000万人民币", "2003-09-17", "广东省深圳市光明区", SS,
  "nm-separator", basis="dry and wet separators")
R("中材锂膜有限公司",
  g("电池零配件生产", "塑料制品制造", "新材料技术研发"),
  "C2921 塑料薄膜制造", "140000万人民币", "2016-04-11", "山东省枣庄市滕州市", FRDZ,
  "nm-separator", basis="Sinoma separator subsidiary")

# ---- nm-hard-alloy ----
R("厦门金鹭特种合金有限公司",
  "生产钨粉、碳化钨粉、硬质合金及其制品、数控刀片和整体刀具，销售自产产品" + OLD,
  "C3240 有色金属合金制造", "49000万人民币", "1989-12-01", "福建省厦门市湖里区", ZWHZ,
  "nm-hard-alloy|mt-cutting-tool", basis="Xiamen Tungsten carbide and tools JV")
R("株洲硬质合金集团有限公司",
  g("有色金属合金制造", "稀有稀土金属冶炼", "切削工具制造", "货物进出口"),
  "C3240 有色金属合金制造", "170000万人民币", "1994-07-12", "湖南省株洲市荷塘区", FRDZ,
  "nm-hard-alloy|mt-cutting-tool", basis="ZCC cemented carbide")
R("自贡硬质合金有限责任公司",
  g("有色金属合金制造", "金属工具制造", "货物进出口"),
  "C3240 有色金属合金制造", "60000万人民币", "1999-05-01", "四川省自贡市", FRDZ,
  "nm-hard-alloy", basis="cemented carbide products")
R("河南黄河旋风股份有限公司",
  g("超硬材料产品生产", "超硬材料产品销售", "金属工具制造", "货物进出口"),
  "C3099 其他非金属矿物制品制造", "143000万人民币", "1998-11-26", "河南省许昌市长葛市", SS,
  "nm-hard-alloy", basis="synthetic diamond and cBN")
R("中南钻石有限公司",
  g("超硬材料产品生产", "超硬材料产品销售", "非金属矿物制品制造"),
  "C3099 其他非金属矿物制品制造", "100000万人民币", "2003-10-23", "河南省南阳市方城县", FRDZ,
  "nm-hard-alloy", basis="synthetic diamond (Sinoma)")

# ---- nm-coatings ----
R("立邦涂料（中国）有限公司",
  "生产建筑涂料、工业涂料、汽车涂料及相关产品，销售自产产品并提供技术服务" + OLD,
  "C2641 涂料制造", "10000万美元", "1992-09-01", "上海市青浦区", GADZ,
  "nm-coatings", basis="Nippon Paint China")
R("艾仕得涂料系统（上海）有限公司",
  "生产汽车修补漆、汽车原厂漆及工业涂料，销售自产产品" + OLD,
  "C2641 涂料制造", "3000万美元", "1996-01-01", "上海市嘉定区", WGDZ,
  "nm-coatings", basis="Axalta auto coatings")
R("PPG涂料（天津）有限公司",
  "生产汽车原厂涂料、工业涂料，销售自产产品并提供技术服务" + OLD,
  "C2641 涂料制造", "4500万美元", "2005-01-01", "天津市滨海新区", WGDZ,
  "nm-coatings", basis="PPG auto OEM coatings Tianjin")
R("汉高粘合剂技术（广东）有限公司",
  "生产胶粘剂、密封剂及表面处理剂，销售自产产品" + OLD,
  "C2669 其他专用化学产品制造", "5000万美元", "2010-01-01", "广东省广州市增城区", WGDZ,
  "nm-coatings", basis="Henkel adhesives plant")
R("湖北回天新材料股份有限公司",
  HZ + g("专用化学产品制造（不含危险化学品）", "涂料制造（不含危险化学品）", "电子专用材料制造", "货物进出口"),
  "C2669 其他专用化学产品制造", "56000万人民币", "1998-01-01", "湖北省襄阳市高新区", SS,
  "nm-coatings", basis="adhesives and sealants")
R("湖南松井新材料股份有限公司",
  HZ + g("涂料制造（不含危险化学品）", "油墨制造（不含危险化学品）", "专用化学产品制造（不含危险化学品）"),
  "C2641 涂料制造", "11000万人民币", "2007-01-01", "湖南省长沙市宁乡市", SS,
  "nm-coatings", basis="functional coatings for electronics and autos")

# ---- nm-battery-foil ----
R("广东嘉元科技股份有限公司",
  g("电子专用材料制造", "有色金属压延加工", "货物进出口"),
  C3985, "42600万人民币", "2001-10-31", "广东省梅州市梅县区", SS,
  "nm-battery-foil", basis="ultra-thin lithium-battery copper foil")
R("湖北中一科技股份有限公司",
  g("电子专用材料制造", "有色金属压延加工"),
  C3985, "10100万人民币", "2007-07-19", "湖北省孝感市云梦县", SS,
  "nm-battery-foil", basis="electrolytic copper foil")
R("九江德福科技股份有限公司",
  g("电子专用材料制造", "电子专用材料研发", "货物进出口"),
  C3985, "45000万人民币", "1985-01-01", "江西省九江市经济技术开发区", SS,
  "nm-battery-foil", basis="lithium copper foil and PCB foil")
R("江苏鼎胜新能源材料股份有限公司",
  g("有色金属压延加工", "电子专用材料制造", "货物进出口"),
  "C3252 铝压延加工", "49000万人民币", "2003-03-12", "江苏省镇江市京口区", SS,
  "nm-battery-foil|nm-aluminum-alloy", basis="battery aluminium foil and aluminium strip")
R("汕头万顺新材集团股份有限公司",
  g("有色金属压延加工", "纸制品制造", "塑料制品制造", "货物进出口"),
  "C3252 铝压延加工", "89000万人民币", "1998-01-01", "广东省汕头市濠江区", SS,
  "nm-battery-foil|nm-aluminum-alloy", basis="aluminium foil incl. battery foil; paper packaging")

# ---- nm-polyolefin ----
R("江苏斯尔邦石化有限公司",
  HZ + g("合成材料制造（不含危险化学品）", "化工产品销售（不含许可类化工产品）", "货物进出口"),
  C2651, "300000万人民币", "2010-01-01", "江苏省连云港市徐圩新区", FRDZ,
  "nm-polyolefin|nm-chemical-feedstock", basis="PV-grade EVA, acrylonitrile (Shenghong)")
R("联泓新科技股份有限公司",
  HZ + g("合成材料制造（不含危险化学品）", "专用化学产品制造（不含危险化学品）", "货物进出口"),
  C2651, "133500万人民币", "2007-12-12", "山东省枣庄市滕州市", SS,
  "nm-polyolefin", basis="EVA and specialty PP")
R("上海联乐化工科技有限公司",
  g("合成材料制造（不含危险化学品）", "工程塑料及合成树脂制造", "化工产品销售（不含许可类化工产品）"),
  C2651, "5000万人民币", "2002-01-01", "上海市金山区", ZRR,
  "nm-polyolefin", basis="UHMWPE resin")
