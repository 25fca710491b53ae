"""Third round (classification round 3): more real firms, written before the classifier was run on them.

Same rules as the other row modules (../README.md): real firms with their publicly known business, scopes written
for this sample in registry wording (2021 规范表述 style for most domestic firms, the older free style for several
foreign-invested plants), capital and dates of the right order only. Added because dev alone was too small to tell a
general rule from a rule for a few rows; the rows were dealt to dev and test by build.py like every new row.
"""
# ruff: noqa: E501  (data rows: CJK characters count double towards the line length)
from regsample_common import FRDZ, FSS, GYKG, OLD, SS, SSGY, WGDZ, WSDZ, ZRR, ZWHZ, R, g

A = "C3670 汽车零部件及配件制造"

# ---- automotive ----
R("浙江万安科技股份有限公司",
  g("汽车零部件及配件制造", "汽车零部件研发", "机械零件、零部件加工", "货物进出口"),
  A, "48019万人民币", "1999-11-10", "浙江省绍兴市诸暨市店口镇", SS,
  "auto-chassis", basis="pneumatic and hydraulic brake systems")
R("欣旺达电动汽车电池有限公司",
  g("电池制造", "电池零配件生产", "电池销售", "新能源汽车生产测试设备销售", "货物进出口"),
  "C3841 锂离子电池制造", "400000万人民币", "2014-09-26", "广东省深圳市光明区", FRDZ,
  "auto-battery", basis="EV traction cells and packs")
R("孚能科技（赣州）股份有限公司",
  g("电池制造", "电池零配件生产", "电池销售", "新能源汽车废旧动力蓄电池回收及梯次利用（不含危险废物经营）"),
  "C3841 锂离子电池制造", "107074.3万人民币", "2009-12-18", "江西省赣州市经济技术开发区", SS,
  "auto-battery", basis="soft-pack NCM traction cells")
R("北京理想汽车有限公司",
  "许可项目：道路机动车辆生产" + OLD.replace("）", "，具体经营项目以审批结果为准）") + "一般项目：汽车零部件及配件制造；新能源汽车整车销售；汽车零部件研发；技术进出口（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）",
  "C3612 新能源车整车制造", "150000万人民币", "2021-03-03", "北京市顺义区", FRDZ,
  "auto-vehicle", basis="Li Auto Beijing plant")
R("弗迪电池有限公司",
  g("电池制造", "电池零配件生产", "电池销售", "货物进出口"),
  "C3841 锂离子电池制造", "100000万人民币", "2019-03-25", "广东省深圳市坪山区", FRDZ,
  "auto-battery", basis="BYD blade-battery maker")
R("大陆汽车电子（长春）有限公司",
  "开发、生产汽车电子产品、发动机管理系统及车身电子控制单元，销售自产产品并提供售后服务" + OLD,
  A, "3200万美元", "2001-06-12", "吉林省长春市高新区", ZWHZ,
  "auto-electronics", basis="Continental automotive electronics JV")
R("博世汽车部件（苏州）有限公司",
  "开发、生产汽车电子控制系统、制动防抱死系统、车身稳定系统、汽车传感器及其零部件，销售自产产品" + OLD,
  A, "12000万美元", "1999-12-08", "江苏省苏州市工业园区", WGDZ,
  "auto-electronics|auto-chassis", basis="Bosch Suzhou: electronics, ABS/ESP")
R("廊坊莱尼线束系统有限公司",
  "生产汽车线束及其配件，销售自产产品" + OLD,
  A, "1000万美元", "2002-01-29", "河北省廊坊市经济技术开发区", WSDZ,
  "auto-wiring", basis="LEONI harness plant")
R("重庆长安汽车股份有限公司",
  "许可项目：道路机动车辆生产" + OLD.replace("）", "，具体经营项目以审批结果为准）") + "一般项目：汽车零部件及配件制造；汽车新车销售；发动机及零部件研发；货物进出口（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）",
  "C3611 汽柴油车整车制造", "991796.9万人民币", "1996-10-31", "重庆市江北区", SSGY,
  "auto-vehicle|auto-powertrain", basis="Changan vehicles and engines")
R("上海汇众汽车制造有限公司",
  g("汽车零部件及配件制造", "汽车零部件研发", "机械零件、零部件加工", "货物进出口"),
  A, "152000万人民币", "1992-04-10", "上海市浦东新区", FRDZ,
  "auto-chassis", basis="SAIC chassis: suspensions, subframes, axles")
R("北京地平线机器人技术研发有限公司",
  g("技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广", "集成电路芯片设计及服务", "软件开发", "人工智能应用软件开发"),
  "I6520 集成电路设计", "10000万人民币", "2015-07-14", "北京市海淀区", WSDZ,
  "auto-semiconductor", cat="rnd", basis="Horizon Robotics: ADAS chip design, fabless")
# ---- machine tools ----
R("瓦房店轴承集团有限责任公司",
  g("轴承制造", "轴承销售", "机械零件、零部件加工", "货物进出口"),
  "C3451 滚动轴承制造", "60000万人民币", "1995-11-22", "辽宁省大连市瓦房店市", GYKG,
  "mt-bearing", basis="ZWZ bearings")
R("南京工艺装备制造有限公司",
  g("机床功能部件及附件制造", "轴承、齿轮和传动部件制造", "通用零部件制造"),
  "C3425 机床功能部件及附件制造", "20000万人民币", "1993-06-14", "江苏省南京市江宁区", GYKG,
  "mt-ball-screw|mt-linear-guide", basis="ball screws and linear guides")
R("深圳市雷赛智能控制股份有限公司",
  g("伺服控制机构制造", "电机制造", "工业自动控制系统装置制造", "软件开发"),
  "C4011 工业自动控制系统装置制造", "31000万人民币", "2007-04-24", "广东省深圳市南山区", SS,
  "mt-servo", basis="stepper and servo drives and motors, motion controllers")
R("宁波方正汽车模具股份有限公司",
  g("模具制造", "汽车零部件及配件制造", "模具销售"),
  "C3525 模具制造", "7500万人民币", "2004-05-27", "浙江省宁波市宁海县", FSS,
  "mt-mold", basis="injection moulds for car interior and exterior parts")
R("库卡机器人（上海）有限公司",
  "生产工业机器人及其配件、机器人自动化系统，销售自产产品并提供售后服务" + OLD,
  "C3491 工业机器人制造", "3000万欧元", "2013-06-05", "上海市松江区", WGDZ,
  "mt-robot|mt-automation-line", basis="KUKA robot factory, robot cells")
# ---- new materials ----
R("上海璞泰来新能源科技股份有限公司",
  g("电子专用材料制造", "石墨及碳素制品制造", "电池零配件生产", "专用设备制造（不含许可类专业设备制造）"),
  "C3985 电子专用材料制造", "69922.4万人民币", "2012-11-19", "上海市浦东新区", SS,
  "nm-anode|nm-separator", basis="graphite anodes, coated separators; coating machines")
R("诺德新材料股份有限公司",
  g("电子专用材料制造", "有色金属压延加工", "货物进出口"),
  "C3985 电子专用材料制造", "173664.9万人民币", "1989-11-24", "吉林省长春市", SS,
  "nm-battery-foil", basis="lithium battery copper foil")
R("崇义章源钨业股份有限公司",
  g("稀有稀土金属冶炼", "有色金属合金制造", "金属矿石销售"),
  "C3231 钨钼冶炼", "115520.8万人民币", "2000-02-28", "江西省赣州市崇义县", SS,
  "nm-hard-alloy", basis="tungsten concentrate, APT, tungsten powder and carbide")
R("中钨高新材料股份有限公司",
  g("有色金属合金制造", "切削工具制造", "稀有稀土金属冶炼"),
  "C3240 有色金属合金制造", "142487.1万人民币", "1993-03-18", "海南省海口市", SSGY,
  "nm-hard-alloy|mt-cutting-tool", cat="multi", basis="cemented carbide group (ZCC, Zigong)")
R("广东华特气体股份有限公司",
  g("电子专用材料制造", "化工产品销售（不含许可类化工产品）", "气体、液体分离及纯净设备销售"),
  "C2619 其他基础化学原料制造", "12033万人民币", "1999-02-01", "广东省佛山市南海区", SS,
  "nm-semiconductor-materials", basis="electronic specialty gases")
R("山东道恩高分子材料股份有限公司",
  g("工程塑料及合成树脂制造", "合成材料制造（不含危险化学品）", "塑料制品制造", "货物进出口"),
  "C2651 初级形态塑料及合成树脂制造", "44783万人民币", "2002-05-28", "山东省烟台市龙口市", SS,
  "nm-engineering-plastics|nm-rubber", basis="modified plastics, TPV elastomers")
R("会通新材料股份有限公司",
  g("工程塑料及合成树脂制造", "塑料制品制造", "新材料技术研发", "货物进出口"),
  "C2929 塑料零件及其他塑料制品制造", "45928.3万人民币", "2008-07-14", "安徽省合肥市", SS,
  "nm-engineering-plastics", basis="modified plastics for cars and appliances")
R("神马实业股份有限公司",
  g("合成纤维制造", "工程塑料及合成树脂制造", "产业用纺织制成品制造", "货物进出口"),
  "C2651 初级形态塑料及合成树脂制造", "104418.6万人民币", "1993-12-25", "河南省平顶山市", SSGY,
  "nm-engineering-plastics", basis="nylon 66 chips, industrial yarn and cord")

# ---- distractors and holdings (real firms) ----
R("厦门建发股份有限公司",
  g("供应链管理服务", "金属材料销售", "化工产品销售（不含许可类化工产品）", "汽车新车销售", "货物进出口"),
  "F5169 其他化工产品批发", "300661.5万人民币", "1998-06-10", "福建省厦门市思明区", SSGY,
  cat="distractor-trader", basis="real: supply-chain trading group")
R("物产中大金属集团有限公司",
  g("金属材料销售", "金属矿石销售", "供应链管理服务", "货物进出口"),
  "F5164 金属及金属矿批发", "120000万人民币", "1994-08-08", "浙江省杭州市", FRDZ,
  cat="distractor-trader", basis="real: steel and metals trader")
R("爱玛科技集团股份有限公司",
  g("自行车制造", "助动车制造", "电动自行车销售", "摩托车及零配件批发"),
  "C3770 助动车制造", "57471.1万人民币", "2004-10-19", "天津市静海区", SS,
  cat="distractor-other", basis="real: e-bikes and e-scooters")
R("黄山永新股份有限公司",
  g("塑料制品制造", "包装材料及制品销售", "油墨制造（不含危险化学品）"),
  "C2921 塑料薄膜制造", "61519.6万人民币", "1992-07-08", "安徽省黄山市徽州区", SS,
  cat="distractor-other", basis="real: flexible packaging films")
R("北新集团建材股份有限公司",
  g("石膏、水泥制品及类似制品制造", "建筑材料销售", "轻质建筑材料制造"),
  "C3024 轻质建筑材料制造", "168947.6万人民币", "1997-05-30", "北京市海淀区", SSGY,
  cat="distractor-other", basis="real: gypsum board")
R("三棵树涂料股份有限公司",
  g("涂料制造（不含危险化学品）", "建筑材料销售", "专用化学产品制造（不含危险化学品）", "防水建筑材料制造"),
  "C2641 涂料制造", "52700万人民币", "2003-09-29", "福建省莆田市荔城区", SS,
  cat="distractor-other", basis="real: architectural paints and waterproofing")
R("伊之密股份有限公司",
  g("塑料加工专用设备制造", "铸造机械制造", "橡胶加工专用设备制造", "货物进出口"),
  "C3523 塑料加工专用设备制造", "46878.4万人民币", "2002-05-23", "广东省佛山市顺德区", SS,
  cat="distractor-other", basis="real: injection-moulding and die-casting machines")
R("万向集团公司",
  g("以自有资金从事投资活动", "企业总部管理", "汽车零部件研发", "货物进出口"),
  "L7212 投资与资产管理", "45000万人民币", "1990-04-09", "浙江省杭州市萧山区", ZRR,
  cat="holding", basis="real: Wanxiang group holding")

# ---- further real producers, chosen for thin segments ----
R("豫北转向系统（新乡）股份有限公司",
  g("汽车零部件及配件制造", "汽车零部件研发", "液压动力机械及元件制造", "货物进出口"),
  A, "12000万人民币", "2005-11-10", "河南省新乡市", FSS,
  "auto-eps", basis="steering gears and electric power steering")
R("合肥巨一动力系统有限公司",
  g("电机制造", "汽车零部件及配件制造", "电机及其控制系统研发", "输配电及控制设备制造"),
  "C3812 电动机制造", "20000万人民币", "2016-06-16", "安徽省合肥市包河区", FRDZ,
  "auto-drive-motor|auto-electric-control", basis="EV e-drive assemblies: motors and inverters")
R("阳光电动力科技有限公司",
  g("汽车零部件及配件制造", "电力电子元器件制造", "电机及其控制系统研发", "输配电及控制设备制造"),
  A, "30000万人民币", "2016-09-20", "安徽省合肥市高新区", FRDZ,
  "auto-electric-control", basis="Sungrow EV motor controllers and on-board power")
R("浙江金固股份有限公司",
  g("汽车零部件及配件制造", "有色金属合金制造", "汽车零配件批发", "货物进出口"),
  A, "99993万人民币", "1996-05-07", "浙江省杭州市富阳区", SS,
  "auto-wheel", basis="steel wheels; low-carbon alloy wheels")
R("常熟汽车饰件股份有限公司",
  g("汽车零部件及配件制造", "汽车装饰用品制造", "塑料制品制造", "模具制造"),
  A, "38000万人民币", "1996-09-20", "江苏省苏州市常熟市", SS,
  "auto-interior", basis="door panels, instrument panels, interior trim")
R("重庆美利信科技股份有限公司",
  g("有色金属铸造", "汽车零部件及配件制造", "通信设备制造", "模具制造"),
  "C3392 有色金属铸造", "21060万人民币", "2001-06-19", "重庆市巴南区", SS,
  "auto-die-casting", basis="aluminium die castings for telecom and new-energy vehicles")
R("浙江天马轴承集团有限公司",
  g("轴承制造", "轴承销售", "机械零件、零部件加工", "货物进出口"),
  "C3451 滚动轴承制造", "118800万人民币", "1993-09-18", "浙江省杭州市", FRDZ,
  "mt-bearing", basis="rolling bearings")
R("哈尔滨轴承集团有限公司",
  g("轴承制造", "轴承、齿轮和传动部件制造", "机床功能部件及附件制造", "货物进出口"),
  "C3451 滚动轴承制造", "50000万人民币", "1996-07-01", "黑龙江省哈尔滨市香坊区", GYKG,
  "mt-bearing", basis="HRB bearings")
R("成都成量工具集团有限公司",
  g("切削工具制造", "绘图、计算及测量仪器制造", "五金产品制造"),
  "C3321 切削工具制造", "12000万人民币", "1993-12-01", "四川省成都市", FRDZ,
  "mt-cutting-tool|mt-measuring-tool", basis="taps, gear cutters and gauges")
R("苏州阿诺精密切削技术有限公司",
  g("切削工具制造", "五金产品制造", "货物进出口"),
  "C3321 切削工具制造", "6000万人民币", "2001-07-10", "江苏省苏州市吴中区", ZRR,
  "mt-cutting-tool", basis="solid carbide drills and mills")
R("浙江凯达机床股份有限公司",
  g("金属切削机床制造", "数控机床制造", "机床功能部件及附件制造"),
  "C3421 金属切削机床制造", "10000万人民币", "2004-02-16", "浙江省台州市温岭市", FSS,
  "mt-machine", basis="grinding and milling machines")
R("徐州锻压机床厂集团有限公司",
  g("金属成形机床制造", "锻件及粉末冶金制品制造", "机械零件、零部件加工"),
  "C3422 金属成形机床制造", "8000万人民币", "1994-05-20", "江苏省徐州市", FRDZ,
  "mt-forming-machine", basis="hydraulic and mechanical presses")
R("深圳市英威腾电气股份有限公司",
  g("输配电及控制设备制造", "伺服控制机构制造", "电力电子元器件制造", "工业自动控制系统装置制造"),
  "C3829 其他输配电及控制设备制造", "78300万人民币", "2002-04-15", "广东省深圳市南山区", SS,
  "mt-electrical|mt-servo", basis="inverters (largest), servo systems, PLCs")
R("珞石（北京）科技有限公司",
  g("工业机器人制造", "智能机器人的研发", "工业机器人安装、维修"),
  "C3491 工业机器人制造", "3000万人民币", "2014-12-29", "北京市海淀区", ZRR,
  "mt-robot", basis="ROKAE light industrial and collaborative robots")
R("宁波佳尔灵气动机械有限公司",
  g("气压动力机械及元件制造", "液压动力机械及元件制造", "货物进出口"),
  "C3446 气压动力机械及元件制造", "5000万人民币", "1993-10-08", "浙江省宁波市奉化区", ZRR,
  "mt-electrical", basis="pneumatic cylinders and valves")
