"""Distractors and hard cases.

Holding, R&D and the real aftermarket rows are real firms; dealer/trader/other distractors, job shops and
deregistered rows are composed in the registry style (illustrative names, not meant to identify a firm).
"""
# ruff: noqa: E501  (data rows: CJK characters count double towards the line length)
from regsample_common import FRDZ, FSS, GYDZ, GYKG, LIC, OLD, WGDZ, WSFD, ZRR, ZWHZ, R, g

# ---- holding companies of real groups (no producer link) ----
H = "L7212 投资与资产管理"
R("浙江吉利控股集团有限公司",
  g("以自有资金从事投资活动", "企业总部管理", "汽车零部件研发", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广", "货物进出口"),
  "L7211 企业总部管理", "103000万人民币", "2003-03-24", "浙江省杭州市滨江区江陵路1760号", ZRR,
  cat="holding", basis="Geely group parent; vehicles made by subsidiaries")
R("蔚来控股有限公司",
  g("以自有资金从事投资活动", "企业管理", "新能源汽车整车销售", "汽车零部件研发", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  H, "1000000万人民币", "2020-04-29", "安徽省合肥市经济技术开发区", WSFD,
  cat="holding", basis="NIO China holding; JAC-NIO plant builds the cars")
R("上海汽车工业（集团）有限公司",
  g("企业总部管理", "以自有资金从事投资活动", "国内贸易代理", "非居住房地产租赁"),
  "L7211 企业总部管理", "2159917.5万人民币", "1996-03-01", "上海市武康路390号", GYDZ,
  cat="holding", basis="SAIC state parent (SAIC Motor is the operating listed arm)")
R("东风汽车集团有限公司",
  g("企业总部管理", "以自有资金从事投资活动", "汽车新车销售", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  "L7211 企业总部管理", "1560000万人民币", "1991-06-25", "湖北省武汉市经济技术开发区东风大道特1号", GYDZ,
  cat="holding", basis="Dongfeng group parent")
R("奇瑞控股集团有限公司",
  g("以自有资金从事投资活动", "企业总部管理", "汽车新车销售", "非居住房地产租赁"),
  "L7211 企业总部管理", "300000万人民币", "2014-09-01", "安徽省芜湖市经济技术开发区", GYKG,
  cat="holding", basis="Chery group parent; vehicles made by Chery Automobile")
R("恩斯克投资有限公司",
  "在国家允许外商投资的领域依法进行投资；为所投资企业提供采购、销售、人员培训及管理咨询服务；轴承及相关产品的批发、进出口" + OLD,
  H, "11000万美元", "2002-06-19", "江苏省苏州市昆山开发区", WGDZ,
  cat="holding", basis="NSK China investment company")
R("山特维克（中国）投资有限公司",
  g("以自有资金从事投资活动", "企业总部管理", "五金产品批发", "机械设备销售", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  H, "6000万美元", "2004-01-01", "上海市浦东新区", WGDZ,
  cat="holding", basis="Sandvik China holding")
R("汉高（中国）投资有限公司",
  g("以自有资金从事投资活动", "企业总部管理", "化工产品销售（不含许可类化工产品）", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  H, "9000万美元", "1995-01-01", "上海市浦东新区", WGDZ,
  cat="holding", basis="Henkel China holding")
R("博世（中国）投资有限公司",
  g("以自有资金从事投资活动", "企业总部管理", "汽车零配件批发", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  H, "12000万美元", "1999-01-01", "上海市长宁区", WGDZ,
  cat="holding", basis="Bosch China holding")
R("中国稀土集团有限公司",
  g("以自有资金从事投资活动", "企业总部管理", "稀土功能材料销售", "金属材料销售"),
  "L7211 企业总部管理", "932123.3万人民币", "2021-12-22", "江西省赣州市章贡区", GYKG,
  cat="holding", basis="state rare-earth group parent formed 2021")

# ---- R&D-only (labels = researched segment; a classifier should at most say 'probable') ----
R("吉利汽车研究院（宁波）有限公司",
  g("汽车零部件研发", "工程和技术研究和试验发展", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广", "软件开发"),
  "M7320 工程和技术研究和试验发展", "60000万人民币", "2010-12-01", "浙江省宁波市杭州湾新区", FRDZ,
  "auto-vehicle", cat="rnd", basis="Geely vehicle R&D institute, no production")
R("泛亚汽车技术中心有限公司",
  "汽车、动力总成及零部件的设计、开发、试验及相关技术咨询服务" + OLD,
  "M7320 工程和技术研究和试验发展", "5000万美元", "1997-06-01", "上海市浦东新区", ZWHZ,
  "auto-vehicle", cat="rnd", basis="SAIC-GM engineering centre")
R("大众汽车（中国）科技有限公司",
  g("工程和技术研究和试验发展", "汽车零部件研发", "软件开发", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  "M7320 工程和技术研究和试验发展", "100000万人民币", "2019-01-01", "安徽省合肥市经济技术开发区", WGDZ,
  "auto-vehicle", cat="rnd", basis="VW China R&D company")
R("通用技术集团机床工程研究院有限公司",
  g("工程和技术研究和试验发展", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广", "数控机床销售", "机床功能部件及附件销售"),
  "M7320 工程和技术研究和试验发展", "30000万人民币", "2021-01-01", "北京市朝阳区", FRDZ,
  "mt-machine", cat="rnd", basis="GT group machine-tool research institute")
R("中国石油化工股份有限公司北京化工研究院",
  g("工程和技术研究和试验发展", "新材料技术研发", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  "M7320 工程和技术研究和试验发展", "", "1958-01-01", "北京市朝阳区北三环东路14号", "股份有限公司分公司（上市、国有控股）",
  "nm-polyolefin", cat="rnd", basis="Sinopec polyolefin catalyst and resin research branch")
R("中国汽车技术研究中心有限公司",
  g("工程和技术研究和试验发展", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广", "标准化服务", "认证咨询", "会议及展览服务"),
  "M7452 检测服务", "200000万人民币", "1985-01-01", "天津市东丽区", GYDZ,
  cat="distractor-other", basis="testing and standards body; no production")

# ---- real aftermarket firms ----
AM = "O8111 汽车修理与维护"
R("上海阑途信息技术有限公司",
  "许可项目：机动车检验检测服务" + LIC +
  g("机动车修理和维护", "汽车零配件零售", "轮胎销售", "汽车装饰用品销售", "信息技术咨询服务"),
  "I6432 互联网生活服务平台", "30000万人民币", "2011-09-01", "上海市嘉定区", WSFD,
  "auto-aftermarket", cat="aftermarket", basis="Tuhu car-service platform and workshops")
R("杭州小拇指汽车维修科技股份有限公司",
  g("机动车修理和维护", "汽车零配件零售", "汽车装饰用品销售", "汽车拖车、求援、清障服务"),
  AM, "5000万人民币", "2004-01-01", "浙江省杭州市", FSS,
  "auto-aftermarket", cat="aftermarket", basis="body-repair franchise chain")
R("济南复强动力有限公司",
  "汽车发动机及零部件的再制造、销售；汽车维修技术服务" + OLD,
  "C3670 汽车零部件及配件制造", "10000万人民币", "1994-01-01", "山东省济南市", ZWHZ,
  "auto-aftermarket", cat="aftermarket", basis="engine remanufacturing")
R("潍柴动力（潍坊）再制造有限公司",
  g("汽车零部件再制造", "通用设备修理", "汽车零配件批发", "机动车修理和维护"),
  "C3670 汽车零部件及配件制造", "5000万人民币", "2008-06-01", "山东省潍坊市高新区", FRDZ,
  "auto-aftermarket", cat="aftermarket", basis="Weichai engine remanufacturing")
