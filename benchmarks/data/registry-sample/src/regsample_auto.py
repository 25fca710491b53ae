"""Automotive-chain producers (real firms; scopes written in registry style for this sample)."""
# ruff: noqa: E501  (data rows: CJK characters count double towards the line length)
from regsample_common import FRDZ, FSS, FSSGY, GADZ, GEN, GYKG, LIC, OLD, SS, SSGY, WGDZ, WSFD, ZRR, ZWHZ, R, g

C3670 = "C3670 汽车零部件及配件制造"

# ---- auto-forging ----
R("德西福格汽车配件（平湖）有限公司",
  "生产汽车锻件、精密锻造零部件及其机加工件，销售本公司自产产品并提供相关技术服务" + OLD,
  C3670, "4500万欧元", "2005-09-12", "浙江省嘉兴市平湖市经济技术开发区新明路", WGDZ,
  "auto-forging", basis="Hirschvogel forging plant in Pinghu")
R("江苏太平洋精锻科技股份有限公司",
  g("汽车零部件及配件制造", "锻件及粉末冶金制品制造", "齿轮及齿轮减、变速箱制造", "模具制造", "汽车零部件研发",
    "货物进出口", "技术进出口"),
  C3670, "48158.8万人民币", "1992-12-30", "江苏省泰州市姜堰区姜堰经济开发区", SS,
  "auto-forging|auto-powertrain", basis="precision-forged differential and transmission gears")
R("湖北三环锻造有限公司",
  "汽车锻件、转向节、前轴及机械零部件的锻造、机加工和销售；锻造模具设计与制造；货物进出口" + OLD,
  "C3393 锻件及粉末冶金制品制造", "30000万人民币", "2002-07-16", "湖北省襄阳市谷城县城关镇", FRDZ,
  "auto-forging", basis="Sanhuan group forging plant making steering knuckles")
R("天润工业技术股份有限公司",
  g("汽车零部件及配件制造", "锻件及粉末冶金制品制造", "通用零部件制造", "机械零件、零部件加工", "货物进出口"),
  C3670, "114010.4万人民币", "1995-03-06", "山东省威海市文登区天润路2-13号", SS,
  "auto-forging|auto-powertrain", basis="engine crankshafts and con-rods, own forging")
R("一汽锻造（吉林）有限公司",
  g("锻件及粉末冶金制品制造", "汽车零部件及配件制造", "金属表面处理及热处理加工", "模具制造"),
  "C3393 锻件及粉末冶金制品制造", "39000万人民币", "2011-04-20", "吉林省吉林市经济技术开发区", FRDZ,
  "auto-forging", basis="FAW group forging subsidiary in Jilin city")

# ---- auto-die-casting ----
R("广东鸿图科技股份有限公司",
  g("有色金属铸造", "汽车零部件及配件制造", "模具制造", "金属表面处理及热处理加工", "汽车零部件研发",
    "非居住房地产租赁", "货物进出口"),
  "C3392 有色金属铸造", "53039.9万人民币", "2000-12-27", "广东省肇庆市高要区金渡工业园", SS,
  "auto-die-casting", basis="large aluminium die castings, integrated casting")
R("宁波旭升集团股份有限公司",
  g("汽车零部件及配件制造", "有色金属铸造", "有色金属压延加工", "机械零件、零部件加工", "模具制造",
    "货物进出口", "技术进出口"),
  C3670, "66453.9万人民币", "2003-08-13", "浙江省宁波市北仑区沿山河南路68号", SS,
  "auto-die-casting|auto-motor-parts", basis="aluminium housings for EV drivetrains and battery packs")
R("文灿集团股份有限公司",
  g("汽车零部件及配件制造", "有色金属铸造", "模具制造", "金属表面处理及热处理加工", "货物进出口"),
  C3670, "26371.5万人民币", "1998-09-29", "广东省佛山市南海区里水镇和顺大道", SS,
  "auto-die-casting", basis="high-pressure aluminium die castings, body structures")
R("爱柯迪股份有限公司",
  "许可项目：道路货物运输（不含危险货物）" + LIC + "一般项目：汽车零部件及配件制造；有色金属铸造；模具制造；机械零件、零部件加工；技术服务、技术开发；"
  "货物进出口；技术进出口" + GEN,
  "C3392 有色金属铸造", "88156万人民币", "2003-12-12", "浙江省宁波市江北区金山路588号", SS,
  "auto-die-casting", basis="small and mid aluminium die-cast parts")
R("利优比压铸（大连）有限公司",
  "生产铝合金压铸件及其模具、汽车零部件，销售自产产品，并提供售后服务" + OLD,
  "C3392 有色金属铸造", "4000万美元", "2004-06-10", "辽宁省大连经济技术开发区", WGDZ,
  "auto-die-casting", basis="Ryobi die-casting plant in Dalian")

# ---- auto-stamping ----
R("凌云工业股份有限公司",
  g("汽车零部件及配件制造", "汽车零部件研发", "金属结构制造", "塑料制品制造", "模具制造", "货物进出口"),
  C3670, "95737.7万人民币", "1995-09-28", "河北省保定市涿州市松林店镇", SSGY,
  "auto-stamping", basis="bumper beams, roll-formed and stamped body parts")
R("无锡市振华汽车部件股份有限公司",
  g("汽车零部件及配件制造", "模具制造", "金属表面处理及热处理加工", "机械零件、零部件加工"),
  C3670, "25000万人民币", "2007-06-21", "江苏省无锡市滨湖区胡埭镇", SS,
  "auto-stamping", basis="stamped and welded body parts for SAIC joint ventures")
R("Gestamp Autocomponents (Kunshan) Co., Ltd.",
  "设计、开发、生产汽车车身冲压件、热成型件及焊接总成，销售自产产品" + OLD,
  C3670, "9500万欧元", "2008-03-18", "江苏省苏州市昆山开发区", WGDZ,
  "auto-stamping", basis="Gestamp hot-stamping/BIW plant (English legal name as exported)")
R("上海赛科利汽车模具技术应用有限公司",
  g("汽车零部件及配件制造", "模具制造", "模具销售", "汽车零部件研发", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  C3670, "36000万人民币", "2001-11-01", "上海市嘉定区", FRDZ,
  "auto-stamping|mt-mold", cat="multi", basis="Huayu subsidiary: body stampings and stamping dies")
R("江苏博俊工业科技股份有限公司",
  g("汽车零部件及配件制造", "模具制造", "模具销售", "金属制品研发", "货物进出口"),
  C3670, "14178.3万人民币", "2011-04-25", "江苏省苏州市昆山开发区", SS,
  "auto-stamping|mt-mold", cat="multi", basis="precision stamped auto parts plus own dies")

# ---- auto-motor-core ----
R("宁波震裕科技股份有限公司",
  g("模具制造", "电机制造", "汽车零部件及配件制造", "电池零配件生产", "五金产品制造", "货物进出口"),
  "C3525 模具制造", "10296.8万人民币", "1994-06-20", "浙江省宁波市海曙区望春工业园区", SS,
  "auto-motor-core|mt-mold|auto-battery", primary="auto-motor-core", cat="multi",
  basis="motor cores, progressive stamping dies, battery structural parts")
R("江苏通达动力科技股份有限公司",
  "电机定转子冲片、铁芯、电机及配件制造、销售；自营和代理各类商品及技术的进出口业务" + OLD,
  "C3812 电动机制造", "16500万人民币", "2002-08-09", "江苏省南通市通州区", SS,
  "auto-motor-core", basis="stator/rotor laminations and cores")
R("信质集团股份有限公司",
  g("电机制造", "汽车零部件及配件制造", "电机及其控制系统研发", "模具制造", "货物进出口"),
  "C3812 电动机制造", "40766.6万人民币", "1990-11-23", "浙江省台州市椒江区前所街道", SS,
  "auto-motor-core", basis="stator and rotor cores for EV and industrial motors")
R("浙江川电钢板加工有限公司",
  "钢板（电工钢、硅钢）的剪切、分条加工，电机铁芯的冲压加工；销售本公司生产的产品" + OLD,
  "C3130 钢压延加工", "1800万美元", "1994-03-15", "浙江省嘉兴市平湖市经济开发区", ZWHZ,
  "nm-electrical-steel|auto-motor-core", cat="multi", basis="JFE Shoji steel centre: slitting and motor cores")

# ---- auto-motor-parts ----
R("浙江双环传动机械股份有限公司",
  g("齿轮及齿轮减、变速箱制造", "汽车零部件及配件制造", "轴承、齿轮和传动部件制造", "机械零件、零部件加工",
    "货物进出口"),
  "C3453 齿轮及齿轮减、变速箱制造", "85032.3万人民币", "2005-08-25", "浙江省台州市玉环市机电产业功能区", SS,
  "auto-powertrain|auto-motor-parts", basis="precision gears and EV reducer gears/shafts")
R("浙江兆丰机电股份有限公司",
  g("汽车零部件及配件制造", "轴承制造", "机械零件、零部件加工", "货物进出口"),
  C3670, "6667万人民币", "1992-06-03", "浙江省杭州市萧山区萧山经济技术开发区", SS,
  "auto-chassis", basis="wheel-hub bearing units")
R("江苏嵘泰工业股份有限公司",
  g("汽车零部件及配件制造", "有色金属铸造", "机械零件、零部件加工", "货物进出口"),
  C3670, "18500万人民币", "2000-05-18", "江苏省扬州市江都区", SS,
  "auto-die-casting|auto-motor-parts", basis="die-cast and machined EPS and e-drive housings")

C2911 = "C2911 轮胎制造"
C3841 = "C3841 锂离子电池制造"

# ---- auto-catalyst ----
R("无锡威孚环保催化剂有限公司",
  "机动车尾气净化催化剂及净化器的研发、生产和销售；环保技术咨询服务；自营和代理各类商品和技术的进出口业务" + OLD,
  "C2661 化学试剂和助剂制造", "15000万人民币", "2004-11-10", "江苏省无锡市新吴区", FRDZ,
  "auto-catalyst", basis="Weifu catalyst coating plant")
R("中自环保科技股份有限公司",
  g("专用化学产品制造（不含危险化学品）", "汽车零部件及配件制造", "环境保护专用设备制造", "新材料技术研发",
    "货物进出口"),
  "C2661 化学试剂和助剂制造", "8600万人民币", "2005-06-21", "四川省成都市高新区", SS,
  "auto-catalyst", basis="Chinese autocatalyst maker (Sino-Environment)")
R("巴斯夫催化剂（上海）有限公司",
  "生产机动车尾气净化催化剂及相关催化剂产品，销售自产产品并提供技术咨询与售后服务" + OLD,
  "C2661 化学试剂和助剂制造", "5000万美元", "2004-03-22", "上海市闵行区", WGDZ,
  "auto-catalyst", basis="BASF mobile-emissions catalyst plant")
R("优美科汽车催化剂（苏州）有限公司",
  "研发、生产汽车尾气净化催化剂，销售本公司所生产的产品，并提供相关技术服务" + OLD,
  "C2661 化学试剂和助剂制造", "3500万美元", "2005-10-18", "江苏省苏州工业园区", WGDZ,
  "auto-catalyst", basis="Umicore autocatalyst plant Suzhou")
R("昆明贵研催化剂有限责任公司",
  g("专用化学产品制造（不含危险化学品）", "汽车零部件及配件制造", "贵金属冶炼", "环境保护专用设备制造", "新材料技术研发"),
  "C2661 化学试剂和助剂制造", "23000万人民币", "2008-12-09", "云南省昆明市高新区", GYKG,
  "auto-catalyst", basis="Sino-Platinum emission catalyst subsidiary")

# ---- auto-tire ----
R("中策橡胶集团股份有限公司",
  g("轮胎制造", "橡胶制品制造", "轮胎销售", "橡胶制品销售", "货物进出口", "技术进出口", "非居住房地产租赁"),
  C2911, "78703万人民币", "1992-06-12", "浙江省杭州市钱塘区1号大街1号", SS,
  "auto-tire", basis="largest Chinese tyre maker (Chaoyang brand)")
R("山东玲珑轮胎股份有限公司",
  g("轮胎制造", "轮胎销售", "橡胶制品制造", "汽车零配件批发", "货物进出口"),
  C2911, "147447.6万人民币", "1994-06-29", "山东省烟台市招远市金龙路777号", SS,
  "auto-tire", basis="Linglong tyre")
R("赛轮集团股份有限公司",
  g("轮胎制造", "橡胶制品制造", "轮胎销售", "合成材料制造（不含危险化学品）", "货物进出口", "技术进出口"),
  C2911, "328815.6万人民币", "2002-11-18", "山东省青岛市黄岛区", SS,
  "auto-tire", basis="Sailun tyre")
R("米其林沈阳轮胎有限公司",
  "生产子午线轮胎及其相关产品，销售自产产品并提供售后服务" + OLD,
  C2911, "41730万美元", "1995-09-13", "辽宁省沈阳经济技术开发区", WGDZ,
  "auto-tire", basis="Michelin Shenyang radial tyre plant")
R("普利司通（无锡）轮胎有限公司",
  "生产、销售子午线轮胎；从事同类商品的批发及进出口业务" + OLD,
  C2911, "11800万美元", "2004-08-24", "江苏省无锡市新吴区", WGDZ,
  "auto-tire", basis="Bridgestone passenger tyre plant Wuxi")

# ---- auto-wheel ----
R("浙江万丰奥威汽轮股份有限公司",
  g("汽车零部件及配件制造", "有色金属铸造", "有色金属合金制造", "摩托车零配件制造", "货物进出口"),
  C3670, "212218.9万人民币", "2001-09-30", "浙江省绍兴市新昌县七星街道", SS,
  "auto-wheel|auto-die-casting", basis="aluminium wheels plus magnesium die casting")
R("中信戴卡股份有限公司",
  g("汽车零部件及配件制造", "有色金属铸造", "汽车零部件研发", "货物进出口"),
  C3670, "150000万人民币", "1988-05-18", "河北省秦皇岛市经济技术开发区龙海道185号", FSSGY,
  "auto-wheel|auto-die-casting", basis="world's largest aluminium wheel maker, also cast chassis parts")
R("浙江今飞凯达轮毂股份有限公司",
  g("汽车零部件及配件制造", "摩托车零配件制造", "有色金属铸造", "货物进出口"),
  C3670, "49889.6万人民币", "2005-12-28", "浙江省金华市婺城区", SS,
  "auto-wheel", basis="aluminium wheels for cars and motorcycles")
R("正兴车轮集团有限公司",
  "生产钢制车轮、轮辋及汽车零部件；销售自产产品；从事货物及技术的进出口业务" + OLD,
  C3670, "10000万美元", "1997-05-20", "福建省厦门市海沧区", GADZ,
  "auto-wheel", basis="steel wheels for trucks and cars")
R("浙江跃岭股份有限公司",
  g("汽车零部件及配件制造", "有色金属铸造", "货物进出口"),
  C3670, "25600万人民币", "1998-03-16", "浙江省台州市温岭市泽国镇", SS,
  "auto-wheel", basis="aluminium alloy wheels, mostly export")

# ---- auto-semiconductor ----
R("嘉兴斯达半导体股份有限公司",
  g("半导体分立器件制造", "电力电子元器件制造", "集成电路设计", "半导体分立器件销售", "货物进出口"),
  "C3972 半导体分立器件制造", "17075.7万人民币", "2005-04-27", "浙江省嘉兴市南湖区", SS,
  "auto-semiconductor", basis="IGBT and SiC power modules")
R("杭州士兰微电子股份有限公司",
  g("集成电路制造", "集成电路设计", "半导体分立器件制造", "电子元器件制造", "货物进出口"),
  "C3973 集成电路制造", "166407.7万人民币", "1997-09-25", "浙江省杭州市西湖区黄姑山路4号", SS,
  "auto-semiconductor", basis="IDM: power devices, MCUs, MEMS")
R("株洲中车时代半导体有限公司",
  g("半导体分立器件制造", "电力电子元器件制造", "集成电路制造", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  "C3972 半导体分立器件制造", "180000万人民币", "2019-07-02", "湖南省株洲市石峰区", FRDZ,
  "auto-semiconductor", basis="CRRC IGBT and SiC devices")
R("英飞凌科技（无锡）有限公司",
  "设计、生产集成电路及功率半导体模块，销售自产产品，并提供相关技术服务" + OLD,
  "C3972 半导体分立器件制造", "22500万美元", "1995-11-15", "江苏省无锡市新吴区", WGDZ,
  "auto-semiconductor", basis="Infineon power-module back-end fab")
R("比亚迪半导体股份有限公司",
  g("集成电路设计", "集成电路制造", "半导体分立器件制造", "电子元器件制造", "光电子器件制造"),
  "C3973 集成电路制造", "45000万人民币", "2004-10-15", "广东省深圳市龙岗区", FSS,
  "auto-semiconductor", basis="BYD IGBT/SiC and MCU unit")

# ---- auto-wiring ----
R("昆山沪光汽车电器股份有限公司",
  g("汽车零部件及配件制造", "电线、电缆经营", "电子元器件制造", "汽车零部件研发", "货物进出口"),
  C3670, "43618.5万人民币", "1997-09-19", "江苏省苏州市昆山市张浦镇", SS,
  "auto-wiring", basis="vehicle wiring harnesses incl. high-voltage")
R("浙江永贵电器股份有限公司",
  g("电子元器件制造", "电力电子元器件制造", "光纤制造", "汽车零部件及配件制造", "货物进出口"),
  "C3989 其他电子元件制造", "38793.4万人民币", "2002-04-01", "浙江省台州市天台县", SS,
  "auto-wiring", basis="rail and EV high-voltage connectors")
R("苏州瑞可达连接系统股份有限公司",
  g("电子元器件制造", "电子元器件与机电组件设备制造", "汽车零部件及配件制造", "货物进出口"),
  "C3989 其他电子元件制造", "15376万人民币", "2006-06-15", "江苏省苏州市吴中区", SS,
  "auto-wiring", basis="RF and EV connectors, busbars")
R("安波福电气系统有限公司",
  "设计、开发、生产汽车用电线束、电缆、连接器及电气分配系统，销售自产产品并提供售后服务" + OLD,
  C3670, "9800万美元", "1993-10-28", "上海市嘉定区", ZWHZ,
  "auto-wiring", basis="Aptiv (ex Delphi Packard) harness JV in Shanghai")

# ---- auto-drive-motor / electric control ----
R("浙江方正电机股份有限公司",
  g("电机制造", "微特电机及组件制造", "汽车零部件及配件制造", "电机及其控制系统研发", "货物进出口"),
  "C3812 电动机制造", "51134.5万人民币", "1995-12-08", "浙江省丽水市莲都区", SS,
  "auto-drive-motor|auto-electric-control", basis="EV drive motors, sewing-machine motors")
R("精进电动科技股份有限公司",
  g("电机制造", "电机及其控制系统研发", "汽车零部件及配件制造", "输配电及控制设备制造", "技术进出口"),
  "C3812 电动机制造", "59020万人民币", "2008-03-25", "北京市顺义区", SS,
  "auto-drive-motor|auto-electric-control", basis="EV traction motors and inverters")
R("珠海英搏尔电气股份有限公司",
  g("电机及其控制系统研发", "电力电子元器件制造", "电机制造", "汽车零部件及配件制造", "货物进出口"),
  "C3824 电力电子元器件制造", "10286万人民币", "2005-09-30", "广东省珠海市高新区", SS,
  "auto-electric-control|auto-drive-motor", basis="motor controllers and integrated e-drives")
R("上海电驱动股份有限公司",
  g("电机制造", "输配电及控制设备制造", "汽车零部件及配件制造", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  "C3812 电动机制造", "20000万人民币", "2008-05-20", "上海市嘉定区", FSS,
  "auto-drive-motor|auto-electric-control", basis="Broad-Ocean e-drive subsidiary")
R("臻驱科技（上海）有限公司",
  g("汽车零部件及配件制造", "电力电子元器件制造", "电机及其控制系统研发", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  "C3670 汽车零部件及配件制造", "6000万人民币", "2017-03-01", "上海市嘉定区", ZRR,
  "auto-electric-control", basis="EV inverters and power modules")
R("蔚然（南京）动力科技有限公司",
  g("汽车零部件及配件制造", "电机制造", "电力电子元器件制造", "新能源汽车电附件销售"),
  C3670, "100000万人民币", "2017-09-06", "江苏省南京市江宁区", FRDZ,
  "auto-drive-motor|auto-electric-control", basis="NIO XPT e-drive plant")
R("联合汽车电子有限公司",
  "设计、开发、生产汽车电子控制系统、汽油发动机管理系统、新能源汽车电驱动系统及其零部件，销售自产产品，"
  "提供相关技术咨询和售后服务" + OLD,
  C3670, "7830万美元", "1995-05-25", "上海市浦东新区", ZWHZ,
  "auto-electronics|auto-electric-control|auto-drive-motor", basis="SAIC-Bosch JV: EMS, e-drive, controllers")
R("弗迪动力有限公司",
  g("汽车零部件及配件制造", "电机制造", "发电机及发电机组制造", "汽车零部件研发", "电力电子元器件制造"),
  C3670, "100000万人民币", "2019-12-30", "广东省深圳市坪山区", FRDZ,
  "auto-drive-motor|auto-electric-control|auto-powertrain", basis="BYD powertrain/e-drive unit")

# ---- auto-battery ----
R("宁德时代新能源科技股份有限公司",
  g("电池制造", "电池零配件生产", "电池销售", "新能源汽车废旧动力蓄电池回收及梯次利用（不含危险废物经营）",
    "储能技术服务", "货物进出口"),
  C3841, "440264.7万人民币", "2011-12-16", "福建省宁德市蕉城区漳湾镇新港路2号", SS,
  "auto-battery", basis="CATL traction batteries")
R("中创新航科技集团股份有限公司",
  g("电池制造", "电池销售", "电池零配件生产", "电池零配件销售", "储能技术服务"),
  C3841, "177230万人民币", "2015-12-08", "江苏省常州市金坛区江东大道1号", FSSGY,
  "auto-battery", basis="CALB traction batteries")
R("国轩高科股份有限公司",
  g("电池制造", "电池销售", "新材料技术研发", "电子专用材料制造", "货物进出口"),
  C3841, "179049万人民币", "1995-01-23", "安徽省合肥市包河区", SS,
  "auto-battery|nm-cathode", basis="Gotion LFP cells, own LFP cathode")
R("惠州亿纬锂能股份有限公司",
  g("电池制造", "电池销售", "电池零配件生产", "储能技术服务", "货物进出口"),
  C3841, "204574.2万人民币", "2001-12-24", "广东省惠州市仲恺高新区惠风七路38号", SS,
  "auto-battery", basis="EVE traction and consumer lithium cells")
R("蜂巢能源科技股份有限公司",
  g("电池制造", "电池销售", "电池零配件生产", "输配电及控制设备制造"),
  C3841, "336000万人民币", "2018-02-12", "江苏省常州市金坛区", FSS,
  "auto-battery", basis="SVOLT traction batteries (Great Wall origin)")
R("乐金化学（南京）新能源电池有限公司",
  "生产锂离子动力电池电芯、模组及电池包，销售自产产品并提供售后服务" + OLD,
  C3841, "62000万美元", "2014-07-15", "江苏省南京市江宁区滨江经济开发区", WGDZ,
  "auto-battery", basis="LG Energy Solution Nanjing EV cell plant")

# ---- auto-eps ----
R("博世华域转向系统有限公司",
  "设计、开发、生产汽车转向系统及零部件，销售自产产品并提供相关技术服务" + OLD,
  C3670, "6200万美元", "2006-03-10", "上海市嘉定区", ZWHZ,
  "auto-eps", basis="Bosch-Huayu steering JV")
R("浙江世宝股份有限公司",
  g("汽车零部件及配件制造", "汽车零部件研发", "机械零件、零部件加工", "货物进出口"),
  C3670, "82044.3万人民币", "1993-08-12", "浙江省义乌市", SS,
  "auto-eps", basis="steering gears and EPS")
R("株洲易力达机电有限公司",
  g("汽车零部件及配件制造", "电机制造", "汽车零部件研发"),
  C3670, "12000万人民币", "2005-04-20", "湖南省株洲市天元区", FRDZ,
  "auto-eps", basis="electric power steering systems")
R("耐世特汽车系统（苏州）有限公司",
  "开发、生产汽车转向系统、传动轴及相关零部件，销售自产产品" + OLD,
  C3670, "5800万美元", "2009-11-02", "江苏省苏州工业园区", GADZ,
  "auto-eps|auto-chassis", basis="Nexteer steering and driveline plant")

# ---- auto-chassis ----
R("芜湖伯特利汽车安全系统股份有限公司",
  g("汽车零部件及配件制造", "汽车零部件研发", "有色金属铸造", "黑色金属铸造", "货物进出口"),
  C3670, "43283万人民币", "2004-06-23", "安徽省芜湖市经济技术开发区", SS,
  "auto-chassis", basis="brake systems and electronic parking brakes (name says 安全系统)")
R("浙江亚太机电股份有限公司",
  g("汽车零部件及配件制造", "汽车零部件研发", "机械零件、零部件加工", "货物进出口"),
  C3670, "73902.4万人民币", "2000-10-10", "浙江省杭州市萧山区蜀山街道", SS,
  "auto-chassis", basis="hydraulic brake systems")
R("万向钱潮股份有限公司",
  g("汽车零部件及配件制造", "轴承制造", "轴承、齿轮和传动部件制造", "汽车零部件研发", "货物进出口"),
  C3670, "330362.5万人民币", "1994-01-10", "浙江省杭州市萧山区萧山经济技术开发区", SS,
  "auto-chassis", basis="universal joints, hub units, driveshafts")
R("布雷博（南京）汽车零部件有限公司",
  "生产汽车制动卡钳、制动盘等制动系统零部件，销售自产产品" + OLD,
  C3670, "6500万欧元", "2012-08-16", "江苏省南京市江宁区", WGDZ,
  "auto-chassis", basis="Brembo brake calipers Nanjing")
R("上海保隆汽车科技股份有限公司",
  g("汽车零部件及配件制造", "电子元器件制造", "传感器制造", "汽车零部件研发", "货物进出口"),
  C3670, "21000万人民币", "1997-05-26", "上海市松江区", SS,
  "auto-electronics|auto-chassis", basis="TPMS, sensors, air suspension, tyre valves")
R("宁波拓普集团股份有限公司",
  g("汽车零部件及配件制造", "橡胶制品制造", "有色金属铸造", "汽车零部件研发", "货物进出口", "技术进出口"),
  C3670, "110203.4万人民币", "2004-04-22", "浙江省宁波市北仑区", SS,
  "auto-chassis|auto-interior|auto-thermal|auto-die-casting", cat="multi",
  basis="NVH, lightweight chassis, thermal pumps, interior")

# ---- auto-powertrain ----
R("潍柴动力股份有限公司",
  g("汽车用发动机制造", "内燃机及配件制造", "汽车零部件及配件制造", "发电机及发电机组制造", "货物进出口"),
  "C3620 汽车用发动机制造", "872655.6万人民币", "2002-12-23", "山东省潍坊市高新技术产业开发区福寿东街197号甲", SSGY,
  "auto-powertrain", basis="Weichai diesel engines")
R("浙江万里扬股份有限公司",
  "许可项目：检验检测服务" + LIC + g("汽车零部件及配件制造", "齿轮及齿轮减、变速箱制造", "汽车零部件研发", "货物进出口"),
  C3670, "131015.4万人民币", "2003-10-30", "浙江省金华市婺城区", SS,
  "auto-powertrain", basis="manual and CVT transmissions")
R("东风康明斯发动机有限公司",
  "研发、生产和销售柴油发动机、燃气发动机及其零部件，提供售后服务" + OLD,
  "C3620 汽车用发动机制造", "9600万美元", "1996-06-11", "湖北省襄阳市高新区", ZWHZ,
  "auto-powertrain", basis="Dongfeng-Cummins engine JV")
R("加特可（广州）自动变速箱有限公司",
  "生产汽车用无级自动变速箱（CVT）及其零部件，销售自产产品并提供售后服务" + OLD,
  C3670, "12000万美元", "2007-02-08", "广东省广州市花都区", WGDZ,
  "auto-powertrain", basis="JATCO CVT plant")
R("上海汽车变速器有限公司",
  g("汽车零部件及配件制造", "齿轮及齿轮减、变速箱制造", "汽车零部件研发", "非居住房地产租赁"),
  C3670, "128000万人民币", "1984-01-01", "上海市嘉定区安亭镇", FRDZ,
  "auto-powertrain", basis="SAIC transmissions incl. EV reducers")

# ---- auto-thermal ----
R("浙江三花汽车零部件有限公司",
  g("汽车零部件及配件制造", "制冷、空调设备制造", "阀门和旋塞研发", "汽车零部件研发"),
  C3670, "80000万人民币", "2002-05-20", "浙江省杭州市钱塘区", FRDZ,
  "auto-thermal", basis="EV thermal valves, pumps, heat exchangers")
R("浙江银轮机械股份有限公司",
  g("汽车零部件及配件制造", "制冷、空调设备制造", "机械零件、零部件加工", "货物进出口"),
  C3670, "79187.5万人民币", "1999-03-16", "浙江省台州市天台县", SS,
  "auto-thermal", basis="heat exchangers and thermal modules")
R("南京奥特佳新能源科技有限公司",
  g("汽车零部件及配件制造", "制冷、空调设备制造", "汽车零部件研发"),
  C3670, "88000万人民币", "1998-07-28", "江苏省南京市江宁区", FRDZ,
  "auto-thermal", basis="automotive A/C and electric compressors")
R("华域三电汽车空调有限公司",
  "生产汽车空调压缩机、空调系统及零部件，销售自产产品" + OLD,
  C3670, "6325万美元", "1997-12-16", "上海市浦东新区", ZWHZ,
  "auto-thermal", basis="Huayu-Sanden A/C compressors")
R("翰昂汽车零部件（大连）有限公司",
  "生产汽车空调系统、散热器及其零部件，销售自产产品" + OLD,
  C3670, "3900万美元", "1995-03-06", "辽宁省大连经济技术开发区", WGDZ,
  "auto-thermal", basis="Hanon Systems HVAC plant")

# ---- auto-electronics ----
R("惠州市德赛西威汽车电子股份有限公司",
  g("汽车零部件及配件制造", "智能车载设备制造", "汽车零部件研发", "软件开发", "货物进出口"),
  C3670, "55495.9万人民币", "1986-07-10", "广东省惠州市仲恺高新区", SS,
  "auto-electronics", basis="cockpit units and ADAS domain controllers")
R("北京经纬恒润科技股份有限公司",
  g("汽车零部件及配件制造", "软件开发", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广", "智能车载设备制造", "电子元器件制造"),
  C3670, "12000万人民币", "2003-09-17", "北京市朝阳区", SS,
  "auto-electronics", basis="body/ADAS controllers, produced in Nantong")
R("科博达技术股份有限公司",
  g("汽车零部件及配件制造", "电子元器件制造", "照明器具制造", "汽车零部件研发"),
  C3670, "40387.5万人民币", "2003-10-10", "上海市浦东新区", SS,
  "auto-electronics", basis="lamp and motor controllers, electronic modules")
R("上海禾赛科技有限公司",
  g("雷达及配套设备制造", "汽车零部件及配件制造", "光电子器件制造", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  "C3940 雷达及配套设备制造", "16000万美元", "2014-10-21", "上海市嘉定区", WSFD,
  "auto-electronics", basis="automotive lidar maker")
R("宁波均胜电子股份有限公司",
  g("汽车零部件及配件制造", "电子元器件制造", "智能车载设备制造", "汽车零部件研发", "货物进出口"),
  C3670, "140873.4万人民币", "1992-08-07", "浙江省宁波市高新区", SS,
  "auto-electronics|auto-safety", basis="car electronics plus Joyson safety business")

# ---- auto-interior ----
R("延锋汽车饰件系统有限公司",
  g("汽车零部件及配件制造", "汽车装饰用品制造", "塑料制品制造", "汽车零部件研发"),
  C3670, "120000万人民币", "1994-11-08", "上海市徐汇区", FRDZ,
  "auto-interior", basis="Yanfeng interior trim")
R("江苏新泉汽车饰件股份有限公司",
  g("汽车零部件及配件制造", "汽车装饰用品制造", "模具制造", "塑料制品制造", "货物进出口"),
  C3670, "48728.6万人民币", "2001-04-29", "江苏省常州市新北区", SS,
  "auto-interior", basis="dashboards and door panels")
R("宁波华翔电子股份有限公司",
  g("汽车零部件及配件制造", "汽车装饰用品制造", "电子元器件制造", "货物进出口"),
  C3670, "81386.5万人民币", "1988-09-23", "浙江省象山县西周镇象西开发区", SS,
  "auto-interior", basis="interior trim, decorative parts")
R("延锋彼欧汽车外饰系统有限公司",
  "设计、开发、生产汽车保险杠、外饰件及其相关零部件，销售自产产品" + OLD,
  C3670, "5500万美元", "2006-10-19", "上海市嘉定区", ZWHZ,
  "auto-interior", basis="Yanfeng-Plastic Omnium bumpers")
R("嘉兴敏惠汽车零部件有限公司",
  "设计、生产汽车外饰件、装饰条、行李架等汽车零部件，销售自产产品" + OLD,
  C3670, "3000万美元", "2006-08-08", "浙江省嘉兴市经济技术开发区", GADZ,
  "auto-interior", basis="Minth exterior trim plant Jiaxing")

# ---- auto-seat ----
R("延锋安道拓座椅有限公司",
  "设计、开发、生产汽车座椅及其零部件，销售自产产品并提供售后服务" + OLD,
  C3670, "3500万美元", "1997-09-08", "上海市闵行区", ZWHZ,
  "auto-seat", basis="Yanfeng-Adient seating JV")
R("宁波继峰汽车零部件股份有限公司",
  g("汽车零部件及配件制造", "汽车零部件研发", "模具制造", "货物进出口"),
  C3670, "118008.3万人民币", "2003-03-31", "浙江省宁波市北仑区", SS,
  "auto-seat|auto-interior", basis="headrests, armrests, seats, consoles (Grammer)")
R("诺博汽车系统有限公司",
  g("汽车零部件及配件制造", "汽车装饰用品制造", "塑料制品制造", "橡胶制品制造"),
  C3670, "80000万人民币", "2015-08-10", "河北省保定市徐水区", FRDZ,
  "auto-seat|auto-interior", basis="Great Wall-group seats and interior")
R("上海沿浦金属制品股份有限公司",
  g("汽车零部件及配件制造", "金属制品研发", "模具制造", "塑料制品制造"),
  C3670, "8000万人民币", "1999-03-05", "上海市闵行区浦江镇", SS,
  "auto-seat|auto-stamping", basis="seat frames, slides, stamped parts")

# ---- auto-vehicle ----
R("长城汽车股份有限公司",
  g("汽车零部件及配件制造", "汽车新车销售", "新能源汽车整车销售", "货物进出口", lic="道路机动车辆生产"),
  "C3611 汽柴油车整车制造", "849999.2万人民币", "2001-06-12", "河北省保定市朝阳南大街2266号", SS,
  "auto-vehicle", basis="Great Wall Motor vehicles")
R("比亚迪汽车工业有限公司",
  g("汽车零部件及配件制造", "新能源汽车整车销售", "汽车新车销售", lic="道路机动车辆生产"),
  "C3612 新能源车整车制造", "226000万人民币", "2004-06-01", "广东省深圳市坪山区", FRDZ,
  "auto-vehicle", basis="BYD vehicle manufacturing company")
R("浙江零跑科技股份有限公司",
  g("汽车零部件及配件制造", "新能源汽车整车销售", "智能车载设备制造", "电机及其控制系统研发",
    lic="道路机动车辆生产"),
  "C3612 新能源车整车制造", "133671万人民币", "2015-12-24", "浙江省杭州市滨江区", SS,
  "auto-vehicle|auto-electric-control|auto-electronics", basis="Leapmotor EVs, in-house e-drive and electronics")
R("上汽大众汽车有限公司",
  "生产汽车（含轿车）、发动机及其零部件，销售自产产品，提供售后服务" + OLD,
  "C3611 汽柴油车整车制造", "115000万人民币", "1984-10-12", "上海市嘉定区安亭镇", ZWHZ,
  "auto-vehicle|auto-powertrain", basis="SAIC-VW vehicle and engine plants")
R("特斯拉（上海）有限公司",
  g("汽车零部件及配件制造", "新能源汽车整车销售", "新能源汽车电附件销售", "货物进出口", lic="道路机动车辆生产"),
  "C3612 新能源车整车制造", "470000万人民币", "2018-05-10", "上海市浦东新区（临港新片区）", WGDZ,
  "auto-vehicle", basis="Tesla Gigafactory Shanghai")
R("奇瑞汽车股份有限公司",
  g("汽车零部件及配件制造", "汽车新车销售", "货物进出口", lic="道路机动车辆生产"),
  "C3611 汽柴油车整车制造", "546983万人民币", "1997-01-08", "安徽省芜湖市经济技术开发区长春路8号", FSSGY,
  "auto-vehicle|auto-powertrain", basis="Chery vehicles and engines")
R("合众新能源汽车股份有限公司",
  g("新能源汽车整车销售", "汽车零部件及配件制造", "汽车零部件研发", lic="道路机动车辆生产"),
  "C3612 新能源车整车制造", "300000万人民币", "2014-10-16", "浙江省嘉兴市桐乡市", FSS,
  "auto-vehicle", basis="Neta EV maker in Tongxiang")

# ---- auto-fuel-cell ----
R("上海捷氢科技股份有限公司",
  g("电池制造", "电池零配件生产", "汽车零部件及配件制造", "新兴能源技术研发", "技术进出口"),
  "C3849 其他电池制造", "86870万人民币", "2018-06-12", "上海市嘉定区", FSS,
  "auto-fuel-cell", basis="SAIC fuel-cell stacks and systems")
R("国鸿氢能科技（嘉兴）股份有限公司",
  g("电池制造", "电池零配件生产", "汽车零部件及配件制造", "新兴能源技术研发"),
  "C3849 其他电池制造", "45000万人民币", "2015-06-25", "浙江省嘉兴市嘉善县", FSS,
  "auto-fuel-cell", basis="Sinosynergy fuel-cell stacks")
R("未势能源科技有限公司",
  g("电池制造", "汽车零部件及配件制造", "储能技术服务", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广", "气体压缩机械制造"),
  "C3849 其他电池制造", "110000万人民币", "2019-05-24", "河北省保定市莲池区", FRDZ,
  "auto-fuel-cell", basis="Great Wall hydrogen: stacks and tanks")
R("北京亿华通科技股份有限公司",
  g("电池制造", "汽车零部件及配件制造", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广", "货物进出口"),
  "C3849 其他电池制造", "7018万人民币", "2012-07-19", "北京市海淀区", SS,
  "auto-fuel-cell", basis="SinoHytec fuel-cell engines")
R("上海治臻新能源股份有限公司",
  g("电池零配件生产", "汽车零部件及配件制造", "金属表面处理及热处理加工", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  "C3849 其他电池制造", "12000万人民币", "2016-08-26", "上海市松江区", FSS,
  "auto-fuel-cell", basis="metal bipolar plates for fuel-cell stacks")

# ---- auto-charging ----
R("特来电新能源股份有限公司",
  g("输配电及控制设备制造", "充电桩销售", "电动汽车充电基础设施运营", "机动车充电销售", "软件开发"),
  "C3829 其他输配电及控制设备制造", "78000万人民币", "2014-12-02", "山东省青岛市崂山区", FSS,
  "auto-charging", basis="TELD charging equipment maker and operator")
R("万帮数字能源股份有限公司",
  g("充电桩销售", "输配电及控制设备制造", "电动汽车充电基础设施运营", "储能技术服务", "货物进出口"),
  "C3829 其他输配电及控制设备制造", "40000万人民币", "2014-07-28", "江苏省常州市武进区", FSS,
  "auto-charging", basis="Star Charge charging piles maker")
R("奥动新能源汽车科技有限公司",
  g("电动汽车充电基础设施运营", "机械电气设备制造", "新能源汽车换电设施销售", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  "C3829 其他输配电及控制设备制造", "88000万人民币", "2016-02-02", "上海市嘉定区", FRDZ,
  "auto-charging", basis="Aulton battery-swap stations, builds own swap equipment")
R("许继电源有限公司",
  g("输配电及控制设备制造", "电力电子元器件制造", "充电桩销售", "机动车充电销售"),
  "C3824 电力电子元器件制造", "23500万人民币", "2004-05-13", "河南省许昌市", FRDZ,
  "auto-charging", basis="XJ Group charging piles and power supplies")

# ---- auto-battery-recycling ----
R("广东邦普循环科技有限公司",
  g("新能源汽车废旧动力蓄电池回收及梯次利用（不含危险废物经营）", "资源再生利用技术研发", "电子专用材料制造",
    "常用有色金属冶炼", lic="危险废物经营"),
  "C4210 金属废料和碎屑加工处理", "21200万人民币", "2005-12-29", "广东省佛山市南海区", FRDZ,
  "auto-battery-recycling|nm-lithium-resources", basis="CATL recycling arm: spent batteries to precursors")
R("格林美股份有限公司",
  g("电子专用材料制造", "新能源汽车废旧动力蓄电池回收及梯次利用（不含危险废物经营）", "再生资源回收（除生产性废旧金属）",
    "资源再生利用技术研发", "货物进出口", lic="危险废物经营"),
  "C4210 金属废料和碎屑加工处理", "513078.6万人民币", "2001-12-28", "广东省深圳市宝安区", SS,
  "nm-lithium-resources|auto-battery-recycling", cat="multi",
  basis="GEM: ternary precursors, battery and e-waste recycling")
R("衢州华友资源再生科技有限公司",
  g("新能源汽车废旧动力蓄电池回收及梯次利用（不含危险废物经营）", "资源再生利用技术研发", "常用有色金属冶炼",
    lic="危险废物经营"),
  "C4210 金属废料和碎屑加工处理", "50000万人民币", "2017-06-09", "浙江省衢州市衢江区", FRDZ,
  "auto-battery-recycling", basis="Huayou battery recycling plant")
R("赣州市豪鹏科技有限公司",
  "废旧电池回收、拆解、再生利用；钴、镍、锂化合物的生产和销售；货物进出口" + OLD,
  "C4210 金属废料和碎屑加工处理", "10000万人民币", "2010-03-19", "江西省赣州市赣县区", ZRR,
  "auto-battery-recycling|nm-lithium-resources", basis="battery recycler producing Co/Ni/Li salts")

# ---- auto-safety ----
R("奥托立夫（中国）汽车安全系统有限公司",
  "开发、生产汽车安全气囊、安全带、方向盘及其零部件，销售自产产品并提供技术咨询" + OLD,
  C3670, "5000万美元", "1998-05-14", "上海市嘉定区", WGDZ,
  "auto-safety", basis="Autoliv China airbags and seatbelts")
R("上海天合汽车安全系统有限公司",
  "生产汽车安全带、安全气囊及相关零部件，销售自产产品" + OLD,
  C3670, "1500万美元", "1995-11-10", "上海市松江区", ZWHZ,
  "auto-safety", basis="TRW (ZF) occupant safety JV")
R("锦州锦恒汽车安全系统股份有限公司",
  g("汽车零部件及配件制造", "汽车零部件研发", "产业用纺织制成品制造", "货物进出口"),
  C3670, "9000万人民币", "2000-06-08", "辽宁省锦州市经济技术开发区", FSS,
  "auto-safety", basis="airbags and seatbelts, Chinese supplier")
R("浙江松原汽车安全系统股份有限公司",
  g("汽车零部件及配件制造", "汽车零部件研发", "产业用纺织制成品制造", "货物进出口"),
  C3670, "22528万人民币", "2001-05-25", "浙江省宁波市余姚市", SS,
  "auto-safety", basis="seatbelt and airbag maker in Yuyao")

# ---- auto-lighting ----
R("常州星宇车灯股份有限公司",
  g("汽车零部件及配件制造", "照明器具制造", "模具制造", "汽车零部件研发", "货物进出口"),
  C3670, "28567.8万人民币", "2000-10-20", "江苏省常州市新北区汉江路398号", SS,
  "auto-lighting", basis="Xingyu head and tail lamps")
R("华域视觉科技（上海）有限公司",
  g("汽车零部件及配件制造", "照明器具制造", "电子元器件制造", "汽车零部件研发", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  C3670, "28000万人民币", "1989-03-01", "上海市嘉定区", FRDZ,
  "auto-lighting", basis="HASCO Vision (ex Shanghai Koito) lamps")
R("广州小糸车灯有限公司",
  "生产汽车车灯及其零部件，销售本企业产品" + OLD,
  C3670, "1800万美元", "2002-12-17", "广东省广州市花都区", ZWHZ,
  "auto-lighting", basis="Koito lamp JV Guangzhou")
R("法雷奥市光（中国）车灯有限公司",
  "设计、开发、生产汽车车灯及相关电子零部件，销售自产产品并提供售后服务" + OLD,
  C3670, "3200万美元", "2006-07-11", "湖北省武汉市经济技术开发区", ZWHZ,
  "auto-lighting", basis="Valeo Ichikoh lighting JV")
