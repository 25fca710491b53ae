"""Machine-tool-chain producers (real firms; scopes written in registry style for this sample)."""
# ruff: noqa: E501  (data rows: CJK characters count double towards the line length)
from regsample_common import FRDZ, FSS, FSSGY, GADZ, GYDZ, GYKG, LIC, OLD, SS, SSGY, WGDZ, WSDZ, ZRR, ZWHZ, R, g

C3670 = "C3670 汽车零部件及配件制造"
C3421 = "C3421 金属切削机床制造"
C3422 = "C3422 金属成形机床制造"
C3425 = "C3425 机床功能部件及附件制造"

# ---- mt-casting ----
R("共享装备股份有限公司",
  g("黑色金属铸造", "有色金属铸造", "增材制造装备制造", "机械零件、零部件加工", "货物进出口"),
  "C3391 黑色金属铸造", "58000万人民币", "2002-06-20", "宁夏回族自治区银川市西夏区", FSS,
  "mt-casting", basis="Kocel large castings incl. machine-tool beds")
R("南通国盛智能科技集团股份有限公司",
  g("金属切削机床制造", "数控机床制造", "黑色金属铸造", "机床功能部件及附件制造", "货物进出口"),
  C3421, "13200万人民币", "2007-12-21", "江苏省南通市崇川区", SS,
  "mt-machine|mt-casting", basis="machining centres plus own machine-tool castings")

# ---- mt-bearing ----
R("瓦房店轴承股份有限公司",
  g("轴承制造", "轴承销售", "轴承、齿轮和传动部件制造", "货物进出口"),
  "C3451 滚动轴承制造", "40260万人民币", "1994-01-22", "辽宁省大连市瓦房店市北共济街一段1号", SSGY,
  "mt-bearing", basis="ZWZ rolling bearings incl. machine-tool bearings")
R("洛阳LYC轴承有限公司",
  g("轴承制造", "轴承销售", "机械零件、零部件加工", "货物进出口"),
  "C3451 滚动轴承制造", "54000万人民币", "1998-12-30", "河南省洛阳市涧西区建设路96号", GYKG,
  "mt-bearing", basis="LYC bearings")
R("洛阳轴承研究所有限公司",
  g("轴承制造", "轴承、齿轮和传动部件制造", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广", "检验检测服务"),
  "C3451 滚动轴承制造", "12000万人民币", "1958-01-01", "河南省洛阳市涧西区吉林路1号", FRDZ,
  "mt-bearing", basis="ZYS precision spindle bearings")
R("人本股份有限公司",
  g("轴承制造", "轴承销售", "机械零件、零部件加工", "汽车零部件及配件制造", "货物进出口"),
  "C3451 滚动轴承制造", "60000万人民币", "1995-10-12", "浙江省温州市经济技术开发区", FSS,
  "mt-bearing", basis="C&U bearings")
R("斯凯孚（上海）轴承有限公司",
  "生产精密轴承及相关零部件，销售自产产品并提供相关技术咨询服务" + OLD,
  "C3451 滚动轴承制造", "4300万美元", "1995-05-30", "上海市嘉定区", WGDZ,
  "mt-bearing", basis="SKF bearing plant Shanghai")
R("舍弗勒（中国）有限公司",
  "生产滚动轴承、直线导轨、汽车发动机及变速箱零部件，销售自产产品并提供相关技术服务" + OLD,
  "C3451 滚动轴承制造", "21300万美元", "2005-01-14", "江苏省苏州市太仓市", WGDZ,
  "mt-bearing|mt-linear-guide|auto-powertrain", cat="multi", basis="Schaeffler Taicang: bearings, guides, auto parts")
R("浙江五洲新春集团股份有限公司",
  g("轴承制造", "轴承销售", "汽车零部件及配件制造", "机械零件、零部件加工", "货物进出口"),
  "C3451 滚动轴承制造", "36600万人民币", "1999-11-22", "浙江省绍兴市新昌县", SS,
  "mt-bearing", basis="bearing rings and bearings")

# ---- mt-electrical ----
R("江苏恒立液压股份有限公司",
  g("液压动力机械及元件制造", "液压动力机械及元件销售", "液气密元件及系统制造", "机械零件、零部件加工", "货物进出口"),
  "C3444 液压动力机械及元件制造", "134087.6万人民币", "2005-06-16", "江苏省常州市武进区", SS,
  "mt-electrical", basis="hydraulic cylinders, pumps, valves")
R("亚德客（中国）有限公司",
  "生产气动元件、液压元件及相关零部件，销售自产产品" + OLD,
  "C3446 气压动力机械及元件制造", "6000万美元", "2005-03-14", "浙江省宁波市奉化区", GADZ,
  "mt-electrical", basis="AirTAC pneumatics")
R("SMC（中国）有限公司",
  "生产气动元件、电磁阀、空气处理元件，销售本公司产品并提供售后服务" + OLD,
  "C3446 气压动力机械及元件制造", "19500万美元", "1994-06-09", "北京市北京经济技术开发区", WGDZ,
  "mt-electrical", basis="SMC pneumatics plant Beijing")
R("浙江正泰电器股份有限公司",
  g("配电开关控制设备制造", "输配电及控制设备制造", "电力电子元器件制造", "智能仪器仪表制造", "货物进出口"),
  "C3823 配电开关控制设备制造", "214862.6万人民币", "1997-08-05", "浙江省乐清市北白象镇", SS,
  "mt-electrical", basis="low-voltage switchgear and controls")
R("博世力士乐（常州）有限公司",
  "生产液压泵、液压马达、液压阀及液压系统，销售自产产品并提供相关服务" + OLD,
  "C3444 液压动力机械及元件制造", "5200万欧元", "2007-02-12", "江苏省常州市武进区", WGDZ,
  "mt-electrical", basis="Rexroth hydraulics plant")

# ---- mt-cnc-system / servo ----
R("武汉华中数控股份有限公司",
  g("工业自动控制系统装置制造", "伺服控制机构制造", "工业机器人制造", "数控机床制造", "软件开发", "货物进出口"),
  "C4011 工业自动控制系统装置制造", "19872万人民币", "1994-10-18", "湖北省武汉市东湖新技术开发区", SS,
  "mt-cnc-system|mt-servo|mt-robot", basis="Chinese CNC systems, servo and robots")
R("广州数控设备有限公司",
  g("工业自动控制系统装置制造", "伺服控制机构制造", "电机制造", "工业机器人制造", "机床功能部件及附件制造"),
  "C4011 工业自动控制系统装置制造", "15000万人民币", "2000-09-07", "广东省广州市黄埔区", ZRR,
  "mt-cnc-system|mt-servo|mt-robot", basis="GSK CNC systems, servo, robots")
R("北京发那科机电有限公司",
  "生产数控系统、伺服电机、伺服放大器及其零部件，销售自产产品，提供维修服务" + OLD,
  "C4011 工业自动控制系统装置制造", "2000万美元", "1992-01-01", "北京市海淀区", ZWHZ,
  "mt-cnc-system|mt-servo|mt-service", basis="FANUC CNC JV: assembly and repair")
R("西门子数控（南京）有限公司",
  "开发、生产数控系统、驱动系统、伺服电机及相关产品，销售自产产品并提供维修服务" + OLD,
  "C4011 工业自动控制系统装置制造", "1900万美元", "1996-11-04", "江苏省南京市江宁区", ZWHZ,
  "mt-cnc-system|mt-servo", basis="Siemens CNC and drives plant")
R("沈阳高精数控智能技术股份有限公司",
  g("工业自动控制系统装置制造", "伺服控制机构制造", "软件开发", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  "C4011 工业自动控制系统装置制造", "8000万人民币", "2000-11-22", "辽宁省沈阳市浑南区", FSS,
  "mt-cnc-system", basis="CAS-derived CNC systems")
R("科德数控股份有限公司",
  g("数控机床制造", "金属切削机床制造", "工业自动控制系统装置制造", "伺服控制机构制造", "机床功能部件及附件制造",
    "货物进出口"),
  C3421, "9339万人民币", "2008-01-10", "辽宁省大连经济技术开发区", SS,
  "mt-machine|mt-cnc-system|mt-spindle|mt-rotary-table", basis="5-axis machines with own CNC, spindles, tables")
R("深圳市汇川技术股份有限公司",
  g("伺服控制机构制造", "工业自动控制系统装置制造", "电机制造", "电力电子元器件制造", "新能源汽车电附件销售", "货物进出口"),
  "C4011 工业自动控制系统装置制造", "267700万人民币", "2003-04-10", "广东省深圳市宝安区", SS,
  "mt-servo|mt-electrical|auto-electric-control", cat="multi", basis="servo, drives, PLC; EV drives via subsidiary")
R("浙江禾川科技股份有限公司",
  g("伺服控制机构制造", "电机制造", "工业自动控制系统装置制造", "机床功能部件及附件制造"),
  "C3813 微特电机及组件制造", "15101万人民币", "2011-07-12", "浙江省衢州市龙游县", SS,
  "mt-servo", basis="servo systems and PLCs")
R("安川电机（中国）有限公司",
  "生产伺服电机、驱动器、变频器及运动控制器，销售自产产品并提供售后服务" + OLD,
  "C3813 微特电机及组件制造", "2350万美元", "1999-04-28", "上海市松江区", WGDZ,
  "mt-servo", basis="Yaskawa servo and drives")
R("南京埃斯顿自动化股份有限公司",
  g("工业机器人制造", "伺服控制机构制造", "工业自动控制系统装置制造", "智能机器人的研发", "货物进出口"),
  "C3491 工业机器人制造", "86954万人民币", "2002-02-26", "江苏省南京市江宁区", SS,
  "mt-robot|mt-servo", basis="industrial robots and servo")

# ---- mt-spindle / screws / guides ----
R("广州市昊志机电股份有限公司",
  g("机床功能部件及附件制造", "电机制造", "轴承制造", "机械零件、零部件加工", "货物进出口"),
  C3425, "30800万人民币", "2006-12-08", "广东省广州市黄埔区", SS,
  "mt-spindle", basis="motor spindles for machining centres")
R("安阳莱必泰机械有限公司",
  g("机床功能部件及附件制造", "电机制造", "机械零件、零部件加工"),
  C3425, "3000万人民币", "2003-05-19", "河南省安阳市高新区", ZRR,
  "mt-spindle", basis="electric spindle maker")
R("南京工艺装备制造股份有限公司",
  g("机床功能部件及附件制造", "轴承、齿轮和传动部件制造", "机械零件、零部件加工", "货物进出口"),
  C3425, "12000万人民币", "1952-01-01", "江苏省南京市江宁区", FSS,
  "mt-ball-screw|mt-linear-guide", basis="ball screws and linear guides")
R("上银科技（苏州）有限公司",
  "生产滚珠丝杠、直线导轨、线性模组等精密传动元件，销售自产产品" + OLD,
  C3425, "9000万美元", "2005-07-01", "江苏省苏州工业园区", GADZ,
  "mt-linear-guide|mt-ball-screw", basis="HIWIN guides and screws")
R("山东博特精工股份有限公司",
  g("机床功能部件及附件制造", "轴承、齿轮和传动部件制造", "通用零部件制造"),
  C3425, "15000万人民币", "2003-04-18", "山东省济宁市高新区", FSS,
  "mt-ball-screw|mt-linear-guide", basis="ball screws and guides")
R("汉江机床有限公司",
  g("金属切削机床制造", "机床功能部件及附件制造", "数控机床制造"),
  C3421, "20000万人民币", "1968-01-01", "陕西省汉中市", FRDZ,
  "mt-ball-screw|mt-machine", basis="ball screws and thread grinders (Qinchuan group)")
R("THK（无锡）精密工业有限公司",
  "生产直线运动导轨、滚珠丝杠等精密机械部件，销售自产产品" + OLD,
  C3425, "4500万美元", "2002-11-18", "江苏省无锡市新吴区", WGDZ,
  "mt-linear-guide", basis="THK linear guides plant")

# ---- mt-turret / rotary table ----
R("烟台环球机床装备股份有限公司",
  g("机床功能部件及附件制造", "金属切削机床制造", "机械零件、零部件加工", "货物进出口"),
  C3425, "8000万人民币", "1998-06-28", "山东省烟台市福山区", FSS,
  "mt-turret|mt-rotary-table", basis="tool turrets, magazines, indexing tables")

R("山东威达机械股份有限公司",
  g("机床功能部件及附件制造", "金属工具制造", "电动机制造", "机械零件、零部件加工", "货物进出口"),
  C3425, "43000万人民币", "1998-01-01", "山东省威海市文登区", SS,
  "mt-fixture", basis="drill chucks and power-tool accessories")

# ---- mt-machine ----
R("宁波海天精工股份有限公司",
  g("金属切削机床制造", "数控机床制造", "机床功能部件及附件制造", "货物进出口"),
  C3421, "52200万人民币", "2002-06-19", "浙江省宁波市北仑区小港街道", SS,
  "mt-machine", basis="gantry and vertical machining centres")
R("纽威数控装备（苏州）股份有限公司",
  "许可项目：道路货物运输（不含危险货物）；特种设备安装改造修理" + LIC + g("数控机床制造", "金属切削机床制造", "机床功能部件及附件制造", "货物进出口"),
  C3421, "45723.5万人民币", "2009-11-26", "江苏省苏州市高新区", SS,
  "mt-machine", basis="machining centres and lathes")
R("深圳市创世纪机械有限公司",
  g("数控机床制造", "金属切削机床制造", "工业机器人制造"),
  C3421, "30000万人民币", "2005-06-15", "广东省深圳市宝安区", FRDZ,
  "mt-machine", basis="drilling/tapping centres (Genesis)")
R("浙江海德曼智能装备股份有限公司",
  g("数控机床制造", "金属切削机床制造", "机床功能部件及附件制造", "货物进出口"),
  C3421, "5407万人民币", "1993-05-22", "浙江省台州市玉环市", SS,
  "mt-machine", basis="CNC lathes")
R("浙江日发精密机械股份有限公司",
  g("数控机床制造", "纺织专用设备制造", "航空航天设备研发", "货物进出口"),
  C3421, "80000万人民币", "2000-12-12", "浙江省绍兴市新昌县", SS,
  "mt-machine|mt-automation-line", basis="machining centres, lines; also textile machinery")
R("沈阳机床股份有限公司",
  g("金属切削机床制造", "数控机床制造", "机床功能部件及附件制造", "机械设备租赁", "货物进出口"),
  C3421, "206471.9万人民币", "1993-05-20", "辽宁省沈阳市经济技术开发区", SSGY,
  "mt-machine", basis="lathes and machining centres")
R("秦川机床工具集团股份公司",
  g("金属切削机床制造", "齿轮及齿轮减、变速箱制造", "机床功能部件及附件制造", "货物进出口"),
  C3421, "100974万人民币", "1998-11-27", "陕西省宝鸡市渭滨区", SSGY,
  "mt-machine", basis="gear grinding machines")
R("北京精雕科技集团有限公司",
  g("数控机床制造", "工业自动控制系统装置制造", "软件开发"),
  C3421, "20000万人民币", "1994-06-28", "北京市海淀区", ZRR,
  "mt-machine|mt-cnc-system", basis="engraving/milling machines with own CNC")
R("山崎马扎克机床（辽宁）有限公司",
  "生产数控机床及其零部件，销售自产产品并提供售后服务" + OLD,
  C3421, "4700万美元", "2000-07-20", "辽宁省大连经济技术开发区", WGDZ,
  "mt-machine", basis="Mazak plant Dalian")
R("北一大隈（北京）机床有限公司",
  "生产数控车床、加工中心等数控机床，销售自产产品并提供维修服务" + OLD,
  C3421, "1600万美元", "1996-01-01", "北京市北京经济技术开发区", ZWHZ,
  "mt-machine", basis="Okuma JV")
R("兄弟机械（西安）有限公司",
  "生产加工中心及工业用缝纫机零部件，销售自产产品" + OLD,
  C3421, "5600万美元", "1992-10-01", "陕西省西安市", WGDZ,
  "mt-machine", basis="Brother compact machining centres")
R("天水星火机床有限责任公司",
  g("金属切削机床制造", "数控机床制造", "铸造机械制造"),
  C3421, "42000万人民币", "1969-12-01", "甘肃省天水市秦州区", GYKG,
  "mt-machine", basis="heavy CNC lathes")
R("重庆机床（集团）有限责任公司",
  g("金属切削机床制造", "齿轮及齿轮减、变速箱制造", "机床功能部件及附件制造"),
  C3421, "26000万人民币", "1991-05-14", "重庆市南岸区", GYKG,
  "mt-machine", basis="gear hobbing machines")
R("南京二机齿轮机床有限公司",
  g("金属切削机床制造", "数控机床制造"),
  C3421, "10000万人民币", "2002-12-10", "江苏省南京市", ZRR,
  "mt-machine", basis="gear shaping machines")
R("埃马克（中国）机械有限公司",
  "设计、生产数控车床、磨床及自动化加工生产线，销售自产产品并提供维修服务" + OLD,
  C3421, "2500万欧元", "2004-06-02", "江苏省苏州市太仓市", WGDZ,
  "mt-machine|mt-automation-line", basis="EMAG lathes and machining lines")
R("格劳博机床（中国）有限公司",
  "设计、生产数控机床、柔性加工生产线及自动化装配线，销售自产产品并提供技术服务" + OLD,
  C3421, "16000万欧元", "2011-06-21", "辽宁省大连市金州区", WGDZ,
  "mt-machine|mt-automation-line", basis="GROB machining centres and lines")
R("东风设备制造有限公司",
  g("专用设备制造（不含许可类专业设备制造）", "金属切削机床制造", "工业自动控制系统装置制造", "模具制造"),
  C3421, "28000万人民币", "1989-01-01", "湖北省十堰市张湾区", FRDZ,
  "mt-automation-line|mt-machine|mt-mold", basis="machining lines and special machines for Dongfeng")

# ---- mt-forming-machine ----
R("通快（中国）有限公司",
  "生产激光切割机、数控折弯机、数控冲床及激光器，销售自产产品并提供维修服务" + OLD,
  C3422, "6000万欧元", "2000-09-05", "江苏省苏州市太仓市", WGDZ,
  "mt-forming-machine", basis="TRUMPF laser cutting and bending machines")
R("济南二机床集团有限公司",
  g("金属成形机床制造", "金属切削机床制造", "冶金专用设备制造", "数控机床制造"),
  C3422, "60000万人民币", "1937-01-01", "山东省济南市槐荫区", GYDZ,
  "mt-forming-machine|mt-machine", basis="large presses and gantry mills")
R("扬力集团股份有限公司",
  g("金属成形机床制造", "数控机床制造", "通用设备制造（不含特种设备制造）"),
  C3422, "30000万人民币", "2002-06-08", "江苏省扬州市邗江区", FSS,
  "mt-forming-machine", basis="mechanical presses and press brakes")
R("江苏亚威机床股份有限公司",
  g("金属成形机床制造", "金属切割及焊接设备制造", "数控机床制造", "货物进出口"),
  C3422, "55708万人民币", "2003-07-10", "江苏省扬州市江都区", SS,
  "mt-forming-machine", basis="press brakes, punching and laser cutting")
R("大族激光科技产业集团股份有限公司",
  g("激光打标加工", "金属切割及焊接设备制造", "电子专用设备制造", "工业机器人制造", "货物进出口"),
  "C3424 金属切割及焊接设备制造", "105000万人民币", "1999-03-04", "广东省深圳市南山区", SS,
  "mt-forming-machine", basis="laser cutting and marking machines")
R("济南邦德激光股份有限公司",
  g("金属切割及焊接设备制造", "激光打标加工", "数控机床制造"),
  "C3424 金属切割及焊接设备制造", "36000万人民币", "2008-03-31", "山东省济南市", FSS,
  "mt-forming-machine", basis="fiber laser cutting machines")
R("合肥合锻智能制造股份有限公司",
  g("金属成形机床制造", "液压动力机械及元件制造", "模具制造", "货物进出口"),
  C3422, "49456万人民币", "1997-12-02", "安徽省合肥市经济技术开发区", SS,
  "mt-forming-machine", basis="hydraulic presses")
R("江苏金方圆数控机床有限公司",
  g("金属成形机床制造", "数控机床制造", "金属切割及焊接设备制造"),
  C3422, "12000万人民币", "1995-06-01", "江苏省扬州市", ZRR,
  "mt-forming-machine", basis="turret punch presses and laser cutters")

# ---- mt-measuring-tool ----
R("海克斯康测量技术（青岛）有限公司",
  "开发、生产三坐标测量机、测量软件及相关检测设备，销售自产产品并提供技术服务" + OLD,
  "C4013 绘图、计算及测量仪器制造", "2800万美元", "1995-01-01", "山东省青岛市崂山区", WGDZ,
  "mt-measuring-tool", basis="Hexagon CMM plant Qingdao")
R("长春禹衡光学有限公司",
  g("光学仪器制造", "电子测量仪器制造", "仪器仪表制造"),
  "C4013 绘图、计算及测量仪器制造", "5000万人民币", "1998-06-01", "吉林省长春市高新区", ZRR,
  "mt-measuring-tool", basis="encoders and linear scales")
R("桂林广陆数字测控有限公司",
  g("绘图、计算及测量仪器制造", "仪器仪表制造", "电子测量仪器制造"),
  "C4013 绘图、计算及测量仪器制造", "8000万人民币", "1999-09-01", "广西壮族自治区桂林市", ZRR,
  "mt-measuring-tool", basis="digital calipers, micrometers")
R("哈尔滨量具刃具集团有限责任公司",
  g("绘图、计算及测量仪器制造", "切削工具制造", "金属工具制造", "工业自动控制系统装置制造"),
  "C4013 绘图、计算及测量仪器制造", "40000万人民币", "1952-01-01", "黑龙江省哈尔滨市香坊区", GYKG,
  "mt-measuring-tool|mt-cutting-tool", basis="HLCT gauges and cutting tools")
R("成都工具研究所有限公司",
  g("切削工具制造", "绘图、计算及测量仪器制造", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广", "检验检测服务"),
  "C3321 切削工具制造", "18000万人民币", "1956-01-01", "四川省成都市成华区", FRDZ,
  "mt-cutting-tool|mt-measuring-tool", basis="tool research institute making tools and gauges")

# ---- mt-cutting-tool ----
R("株洲钻石切削刀具股份有限公司",
  g("切削工具制造", "金属工具制造", "有色金属合金制造", "货物进出口"),
  "C3321 切削工具制造", "55000万人民币", "2002-04-26", "湖南省株洲市芦淞区", FSSGY,
  "mt-cutting-tool", basis="carbide inserts (ZCC-CT)")
R("株洲华锐精密工具股份有限公司",
  g("切削工具制造", "金属工具制造", "货物进出口"),
  "C3321 切削工具制造", "6200万人民币", "2007-03-26", "湖南省株洲市芦淞区", SS,
  "mt-cutting-tool", basis="carbide indexable inserts")
R("株洲欧科亿数控精密刀具股份有限公司",
  g("切削工具制造", "有色金属合金制造", "金属表面处理及热处理加工", "货物进出口"),
  "C3321 切削工具制造", "11291万人民币", "1996-12-18", "湖南省株洲市", SS,
  "mt-cutting-tool|nm-hard-alloy", cat="multi", basis="inserts plus carbide products")
R("恒锋工具股份有限公司",
  g("切削工具制造", "金属工具制造", "绘图、计算及测量仪器制造", "货物进出口"),
  "C3321 切削工具制造", "16699万人民币", "1994-05-24", "浙江省嘉兴市海宁市", SS,
  "mt-cutting-tool", basis="broaches and gear-cutting tools")
R("北京沃尔德金刚石工具股份有限公司",
  g("切削工具制造", "超硬材料产品生产", "金属工具制造", "技术进出口"),
  "C3321 切削工具制造", "15288万人民币", "2006-09-08", "北京市平谷区", SS,
  "mt-cutting-tool|nm-hard-alloy", cat="multi", basis="PCD/CBN tools and superhard blanks")
R("上海工具厂有限公司",
  g("切削工具制造", "金属工具制造", "金属表面处理及热处理加工", "非居住房地产租赁"),
  "C3321 切削工具制造", "12000万人民币", "1950-01-01", "上海市普陀区", FRDZ,
  "mt-cutting-tool", basis="HSS and carbide drills/taps")

# ---- mt-fixture ----
R("无锡贝斯特精机股份有限公司",
  g("汽车零部件及配件制造", "机床功能部件及附件制造", "工业自动控制系统装置制造", "通用设备制造（不含特种设备制造）",
    "货物进出口"),
  C3670, "33600万人民币", "1997-05-16", "江苏省无锡市滨湖区", SS,
  "auto-powertrain|mt-fixture|mt-automation-line", cat="multi",
  basis="turbocharger parts plus fixtures and automation equipment")

# ---- mt-robot ----
R("沈阳新松机器人自动化股份有限公司",
  g("工业机器人制造", "特殊作业机器人制造", "智能物料搬运装备销售", "工业自动控制系统装置制造", "货物进出口"),
  "C3491 工业机器人制造", "155648.7万人民币", "2000-04-30", "辽宁省沈阳市浑南区", SS,
  "mt-robot|mt-automation-line", basis="Siasun robots and automation lines")
R("埃夫特智能装备股份有限公司",
  g("工业机器人制造", "工业机器人安装、维修", "工业自动控制系统装置制造", "货物进出口"),
  "C3491 工业机器人制造", "52179万人民币", "2007-08-02", "安徽省芜湖市鸠江区", SS,
  "mt-robot", basis="EFORT industrial robots")
R("上海发那科机器人有限公司",
  "生产工业机器人、机器人系统及相关零部件，销售自产产品并提供维修服务" + OLD,
  "C3491 工业机器人制造", "7500万美元", "1997-11-20", "上海市宝山区", ZWHZ,
  "mt-robot", basis="FANUC robot JV")
R("库卡机器人（广东）有限公司",
  g("工业机器人制造", "工业机器人销售", "工业机器人安装、维修", "智能机器人的研发"),
  "C3491 工业机器人制造", "120000万人民币", "2017-12-01", "广东省佛山市顺德区", WSDZ,
  "mt-robot", basis="KUKA robot plant Shunde")
R("广东拓斯达科技股份有限公司",
  g("工业机器人制造", "数控机床制造", "塑料加工专用设备制造", "工业自动控制系统装置制造"),
  "C3491 工业机器人制造", "42000万人民币", "2007-06-19", "广东省东莞市大岭山镇", SS,
  "mt-robot|mt-machine", basis="robots, automation and CNC machines")

# ---- mt-mold ----
R("天津汽车模具股份有限公司",
  g("模具制造", "模具销售", "汽车零部件及配件制造", "货物进出口"),
  "C3525 模具制造", "104000万人民币", "1996-12-23", "天津市空港经济区", SS,
  "mt-mold|auto-stamping", basis="automotive stamping dies; stamping parts")
R("四川成飞集成科技股份有限公司",
  g("模具制造", "汽车零部件及配件制造", "机械零件、零部件加工", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  "C3525 模具制造", "35872万人民币", "2000-12-28", "四川省成都市青羊区", SSGY,
  "mt-mold|auto-stamping", basis="auto body dies and stamping parts")
R("宁波合力科技股份有限公司",
  g("模具制造", "有色金属铸造", "汽车零部件及配件制造", "货物进出口"),
  "C3525 模具制造", "15670万人民币", "1993-05-24", "浙江省宁波市象山县", SS,
  "mt-mold|auto-die-casting", cat="multi", basis="casting/die-casting dies plus aluminium parts")
R("深圳市银宝山新科技股份有限公司",
  g("模具制造", "塑料制品制造", "汽车零部件及配件制造"),
  "C3525 模具制造", "50000万人民币", "2000-05-31", "广东省深圳市宝安区", SS,
  "mt-mold", basis="injection moulds and plastic parts")
R("无锡威唐工业技术股份有限公司",
  g("模具制造", "汽车零部件及配件制造", "机械零件、零部件加工"),
  "C3525 模具制造", "17400万人民币", "2009-07-02", "江苏省无锡市惠山区", SS,
  "mt-mold|auto-stamping", basis="progressive stamping dies and stamped parts")
R("山东豪迈机械科技股份有限公司",
  g("模具制造", "通用设备制造（不含特种设备制造）", "数控机床制造", "铸造机械制造"),
  "C3525 模具制造", "80000万人民币", "1995-12-27", "山东省潍坊市高密市", SS,
  "mt-mold|mt-machine", cat="multi", basis="tyre moulds, large machining, CNC machines")
R("一汽模具制造有限公司",
  g("模具制造", "汽车零部件及配件制造", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"),
  "C3525 模具制造", "50000万人民币", "2002-11-27", "吉林省长春市", FRDZ,
  "mt-mold", basis="FAW stamping die maker")
R("青岛海泰科模塑科技股份有限公司",
  g("模具制造", "模具销售", "塑料制品制造", "新材料技术研发"),
  "C3525 模具制造", "8520万人民币", "2012-12-04", "山东省青岛市城阳区", SS,
  "mt-mold", basis="large injection moulds for car interiors")
