"""Propose facts from a Chinese signing article: firms, projects, figures, dates, statuses, places, segments.

Rule-based and offline. The text is first repaired (:mod:`chaingraph.sources.text`); every proposed
:class:`Fact` then says which record it is about (``record`` + ``key``: a firm or project by the name the
article gives it, a region fact by its metric), which field, the value in the dataset's canonical form, the
words as the article wrote them, their offsets in the *original* text (as read from the file, before repair)
and a confidence. Nothing here reads the dataset's firms or projects: extraction must work on unseen articles;
only the chain templates (segment keywords) and the region names are used.

Examples
--------
>>> text = "今年3月，德国德库威勒项目签约落户平湖经济技术开发区，总投资2500万美元，占地面积40亩。"
>>> result = extract_facts(text, doc_date="2022-06-01")
>>> [(f.key, f.field, f.value) for f in result.of("project") if f.field in ("investment", "date", "area_mu")]
[('德国德库威勒项目', 'date', '2022-03'), ('德国德库威勒项目', 'investment', '25000000 USD'), \
('德国德库威勒项目', 'area_mu', '40')]
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from dataclasses import field as _dc_field
from typing import TYPE_CHECKING

from ..dataset.model import Quantity, Segment, parse_date, parse_quantity
from ..dataset.store import Dataset, normalize_name
from ..errors import InvalidArgument, ParseError
from ..messages import msg
from .calibration import calibrate
from .divisions import CITIES, PROVINCES, is_place_name
from .text import MappedText, prepare_text
from .vocabulary import CONCRETE_HEAD as _CONCRETE_HEAD
from .vocabulary import GENERIC_WORD_RE as _GENERIC_WORD_RE
from .vocabulary import PRODUCT_HINT as _PRODUCT_HINT

if TYPE_CHECKING:
    from .ner import Tagger

__all__ = ["Fact", "Extraction", "FACT_COLUMNS", "HIGH_CONFIDENCE", "extract_facts", "resolve_date", "COUNTRY_WORDS"]

HIGH_CONFIDENCE = 0.93
"""The lowest calibrated confidence (:mod:`chaingraph.sources.calibration`) at which the dev corpus's facts at or
above it are at least 95% right (82 of 85 on dev; the test split's share is in docs/extract.md). Review lists
mark these as high confidence; ``chaingraph merge`` has its own, lower default threshold."""

FACT_COLUMNS = ("id", "record", "key", "field", "value", "confidence", "text", "start", "end", "evidence", "note")
"""Columns of the proposed-facts table (CSV and JSON), documented in docs/extract.md."""

COUNTRY_WORDS = {
    "日本": "JP", "德国": "DE", "美国": "US", "法国": "FR", "韩国": "KR", "英国": "GB", "瑞士": "CH",
    "意大利": "IT", "荷兰": "NL", "新加坡": "SG", "瑞典": "SE", "丹麦": "DK", "芬兰": "FI", "比利时": "BE",
    "奥地利": "AT", "西班牙": "ES", "加拿大": "CA", "澳大利亚": "AU", "以色列": "IL", "印度": "IN",
    "泰国": "TH", "中国台湾": "TW", "台湾": "TW", "中国香港": "HK", "香港": "HK",
}
_COUNTRY_ALT = "|".join(sorted(COUNTRY_WORDS, key=len, reverse=True))
_PROVINCES = ("浙江", "江苏", "上海", "北京", "天津", "重庆", "广东", "山东", "福建", "安徽", "河北", "河南", "湖北",
              "湖南", "江西", "四川", "陕西", "山西", "辽宁", "吉林", "黑龙江", "云南", "贵州", "广西", "海南", "甘肃",
              "内蒙古", "宁夏", "青海", "新疆", "西藏", "嘉兴", "平湖", "杭州", "宁波", "苏州", "中国")

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_MULT = r"万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千|百"
_UNIT = r"人民币|瑞士法郎|新加坡元|新台币|美元|欧元|日元|港元|港币|英镑|韩元|元|平方米|平米|公顷|亩|吨"
_QTY = (rf"(?:不低于|不少于|不超过|大约|将近|超过|总计|达到|高达|突破|约|近|超|逾|达|共)?"
        rf"(?:{_NUM}(?:余|多)?(?:{_MULT})?|(?:{_MULT}))(?:余|多)?(?:{_UNIT}|(?<=[亿万])(?=[的，。；、）]))"
        rf"(?:以上|左右|以下)?")
_LABELS = {
    # label as written -> field (project fields; "region:" = a region fact; "note:" = kept in the note)
    "计划总投资": "investment", "项目总投资": "investment", "投资总额": "investment", "总投资额": "investment",
    "总投资": "investment", "固定资产投资": "fixed_asset_investment", "注册资本": "registered_capital",
    "注册资金": "registered_capital", "合同外资": "registered_capital", "合同利用外资": "registered_capital",
    "增资": "capital_increase", "占地面积": "area_mu", "用地面积": "area_mu",
    "占地": "area_mu", "用地": "area_mu", "规划总面积": "area_mu", "规划面积": "area_mu", "规划用地": "area_mu",
    "总用地面积": "area_mu", "建筑面积": "note:建筑面积", "新增产值": "region:新增产值",
    "年产值": "expected_output", "年销售收入": "note:年销售收入", "年销售额": "note:年销售额",
    "产值": "expected_output",
    "年税收": "note:年税收", "年纳税": "note:年纳税", "税收": "note:税收", "利税": "note:利税", "年产能": "capacity",
    "年产": "capacity", "产能": "capacity", "实际利用外资": "region:实际利用外资", "实际外资": "region:实际利用外资",
    "到位外资": "region:实际利用外资", "投资": "investment", "斥资": "investment",
    # a signing's amount: one project's investment, or a fair's or a region's total (told apart like 总投资)
    "签约金额": "investment", "签约总金额": "investment", "签约总额": "investment", "签约额": "investment",
    "协议金额": "investment", "协议总金额": "investment", "协议资金": "investment", "协议引资": "investment",
    "合同金额": "investment", "合同引资额": "investment", "合同引资总额": "investment", "合同引资": "investment",
    "签约资金": "investment", "合同资金": "investment", "投入资金": "investment",
}
_LABEL_ALT = "|".join(sorted(_LABELS, key=len, reverse=True))
_FIGURE_RE = re.compile(
    rf"(?P<label>{_LABEL_ALT})(?:额|量)?(?P<filler>(?:预计|计划|将|可|能|为|约为|实现|了|后|累计|共计|合计|总计|"
    rf"分别为|分别|均)*)(?P<cur>新台币|台币|人民币)?"
    rf"(?P<qty>{_QTY})"
)
# the next figure of a list of figures ("分别为300亿元、700亿元和50亿元")
_NEXT_FIGURE_RE = re.compile(rf"[、和及与](?P<qty>{_QTY})")
_RESEARCH_AFTER_RE = re.compile(r"(?:用于)?(?:自主|独立|联合)?(?:研发|研制)")
_HUNDRED_YI_RE = re.compile(r"(?P<qty>[百千]亿)(?:元|级)?(?:项目|大项目)")

_NAME_CHARS = r"\u3400-\u9fffA-Za-z0-9（）()&·\-"
_STOPS = ("签约落户", "新认定", "认定", "引进", "落户", "签约", "随着", "设立", "继", "在", "像", "与", "和", "及",
          "对",
          "为", "是", "的", "了", "了解", "等", "向", "把", "被", "从", "于", "即", "当", "由", "给", "我市", "全市",
          "今年", "去年", "明年", "以来", "又一个", "一个", "该", "此", "这", "其", "其中", "希望", "同时", "表示",
          "来到",
          "包括", "引入", "范围", "新增", "推动", "支持", "通过", "召开", "审查", "事务所", "编辑", "记者",
          "作者", "来源",
          "通讯员", "隶属", "旗下", "所属", "系", "投资者", "投资方", "合作方", "签约方", "宣布", "出席", "主持",
          "致辞", "见证",
          # a role or a description before the name ("业主代表X集团公司", "民营企业X有限公司", "标志着X有限公司")
          "代表", "业主", "标志着", "央企", "民营企业", "国有企业", "龙头企业", "股王",
          # a visit, a take-over or a use before the name ("一行深入X有限公司", "盘活原X公司", "利用X集团")
          "深入", "走访", "调研", "考察", "参观", "观摩", "盘活", "利用", "成立", "洽谈",
          # a speaker's verbs and a whole before the name ("助推X有限公司项目投产", "高度重视X集团在Y的项目",
          # "主要建设X集团华中区域总部", "提升整个X集团年产量"); what a list covers or a ceremony stands for
          # ("涉及X实业有限公司", "象征X集团…")
          "助推", "重视", "主要建设", "整个", "涉及", "象征")
_TIME_WORD_RE = re.compile(r"(今年|去年|明年|前年)(?:\d{1,2}月份?)?$")
# legal forms: Chinese ones, the Japanese and Korean ones written in Chinese characters (株式会社, 有限会社…) and the
# Latin ones after a capitalised name ("Robert Bosch GmbH", "Ferrero S.p.A.", "Acme Co., Ltd.")
_LEGAL_FORMS = "股份有限公司|有限责任公司|有限公司|株式会社|有限会社|合同会社|合资会社|合名会社|公司"
_LEGAL_SUFFIX_RE = re.compile(rf"(?:{_LEGAL_FORMS})$")
_LEGAL_RE = re.compile(rf"[{_NAME_CHARS}]+?(?:{_LEGAL_FORMS})")
_LATIN_FORMS = (r"GmbH(?:[ ]&[ ]Co\.[ ]KG)?|AG|SE|KGaA|KG|Co\.,?[ ]?Ltd\.?|Ltd\.?|Limited|Inc\.?|LLC|Corp\.?|"
                r"Corporation|S\.p\.A\.?|S\.A\.S\.?|S\.A\.?|B\.V\.?|N\.V\.?|plc|PLC|Pte\.?[ ]Ltd\.?|Oy|AB")
_LATIN_LEGAL_RE = re.compile(
    rf"(?<![A-Za-z0-9&])[A-Z][A-Za-z0-9&\-]*(?:[ ][A-Z&][A-Za-z0-9&\-]*){{0,4}}?,?[ ](?:{_LATIN_FORMS})(?![A-Za-z])"
)
# a legal name without its form ("浙江华锐精密机械有限公司" -> "浙江华锐精密机械"); a bare 公司 stays
_LEGAL_BODY_RE = re.compile(rf"(?:股份有限公司|有限责任公司|有限公司|株式会社|有限会社|合同会社|合资会社|合名会社"
                            rf"|,?[ ](?:{_LATIN_FORMS}))$")
_BRAND_RE = re.compile(r"(?<![A-Za-z])([A-Z][A-Za-z0-9&\-]*(?: [A-Z][A-Za-z0-9&\-]*)*)(商事|商社|株式会社|控股|集团)")
_COUNTRY_NAME_RE = re.compile(
    rf"(?P<country>{_COUNTRY_ALT})(?P<name>[\u3400-\u9fffA-Za-z0-9&]{{2,14}}?)"
    r"(?=项目|配套|等|、|，|。|；|落户|签约|“|联手|投资|在|与|和|及|公司|的|[两三四几多]家|是|已|将|于|也|$)"
)
_ITEM = rf"(?:(?!等|项目)[{_NAME_CHARS}]){{2,24}}"
_LIST_RE = re.compile(rf"{_ITEM}(?:、{_ITEM})*(?=等[^，。；]{{0,10}}项目|落户)")
# a verb of being before the first item of a list ("有X", "还有X", "集中开工有X"; not 有色, 有机 …)
_LIST_LEAD_RE = re.compile(r"(?:[^，。；、]{0,8}?(?:开工|签约|竣工|投产|落户))?[还另也既]?有(?![色机限线效])")
# after a list: a count of projects by the ten or the hundred ("等项目433个"), or a verb that holds projects back
_KINDS_OR_OBSTACLES_RE = re.compile(r"等(?:项目\d{3,}个|[^，。；]{0,4}?(?:制约|影响|阻碍|困扰)[^，。；]{0,4}?项目)")
# a batch named after a list ("等项目", "等一批优质项目") and an item that names an activity, not a product or a maker
# ("竹材综合利用", "苗木繁育", "茶叶精深加工"): a list of such items is of kinds of work, not of projects
_BATCH_AFTER_LIST_RE = re.compile(r"等(?:一批)?[^，。；\d]{0,4}?项目")
_ACTIVITY_ITEM_RE = re.compile(r"(?:加工|利用|制造|育种|繁育|收储|种植|养殖|仓储|研发|回收|处理)$")
_FIRM_LIST_RE = re.compile(rf"{_ITEM}(?:、{_ITEM})+(?=等(?:\d+|[一二两三四五六七八九十]+)家[^，。；]{{0,6}}?"
                           r"(?:企业|公司|厂商|厂|台商|业者|集团))")
_PAIR_RE = re.compile(rf"([{_NAME_CHARS}]{{2,20}}?)(?:和|与|及|、)([{_NAME_CHARS}]{{2,12}}?)两家")
_PROJECT_RE = re.compile(rf"[{_NAME_CHARS}—.]+?项目")
# a zone named after its town or city ("新乡经开区", "辛丰镇工业园区"): the town is not where the name ends
_ZONE_TAIL = r"(?:经济技术开发区|高新技术产业开发区|经济开发区|经开区|高新区|开发区|工业园|产业园|工业集中区|园区)"
_PLACE_RE = re.compile(
    rf"[{_NAME_CHARS}]{{2,20}}?(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|开发区|产业合作园|产业园区|"
    rf"产业园|"
    rf"工业园区|工业园|园区|街道|镇(?!{_ZONE_TAIL}|海|江)|(?<![同家故城下老])乡(?![村镇]|{_ZONE_TAIL})|新区|综合保税区|保税区|产业集聚区|集聚区|科技城|产业新城|港区|物流园|科技园|片区|"
    r"经开区|高新园区|工业集中区|集中区|(?:空港|临空|航空港|临港)经济区|新城(?!片区)|出口加工区|加工出口区|投资区|试验区|示范区)"
    r"(?![\u3400-\u9fff]{0,2}(?:有限|公司|集团))"
)
_GENERIC_PLACE = re.compile(r"^(?:工业园区|产业园区|工业园|产业园|开发区|高新区|经济开发区|经开区|城镇|乡镇|小镇|"
                            r"全市|全县|全区|"
                            r"我市|我县|我区|本市|该市|该县|该区|城市|县市|市县|地区|片区|社区|园区|城区|新区|市区|"
                            r"村镇|全镇|各镇|该镇|本镇|重镇|名镇|古镇|强镇|特色小镇|城乡|各乡|全乡|本乡|该乡|"
                            r"园区|新区|片区|港区|该园区|全区|各园区|老区|城区|市区|辖区|社区|景区|校区|小区|"
                            r".*[的和与及、])$")
_CAPACITY_RE = re.compile(
    rf"(?:年产能?|产能|年生产能力|年加工|年处理|年装配|设计产能)(?:为|达到|达|约|超过|超|近|可达)?"
    rf"(?P<n>{_NUM})(?P<mult>万|亿|千)?(?P<unit>台套|台|套|辆|件|只|片|千瓦时|兆瓦时|吉瓦时|GWh|MWh|兆瓦|吉瓦|MW|GW|"
    rf"万千瓦|"
    r"立方米|方|千升|平方米|吨|个|块|颗|粒|支|瓶|箱|头|羽|条|根|米|张|双)"
)
_CAPACITY_UNIT = {"立方米": "m3", "方": "m3", "平方米": "m2", "千瓦": "kW", "kw": "kW", "KW": "kW", "kW": "kW"}
"""Capacity units written in Chinese that have a canonical symbol (``600000 m3/yr``)."""
# "年产扁线电机100万台", "年生产可达5万台智能送纱器", "年产量550万件", "日产3万条自行车轮胎", "装机规模13.5万千瓦": a
# capacity in units other than tons, the product (if any) between label and amount
_UNIT_CAPACITY_RE = re.compile(
    rf"(?P<label>年产量|年产能|年生产能力|年生产|年产|年加工|年处理|年装配|设计产能|产能|日产量|日产能力|日产|"
    rf"装机规模|装机容量|总装机)"
    rf"(?P<product>(?:各类|各种)?[\u4e00-\u9fffA-Za-z]{{2,14}}?)??(?:能力|产能)?"
    rf"(?:为|达到|达|约|超过|超|近|可达|可)?(?P<n>{_NUM})(?P<mult>万|亿|千)?"
    rf"(?P<unit>台套|台|套|辆|件|只|片|千瓦时|兆瓦时|吉瓦时|GWh|MWh|兆瓦|吉瓦|MW|GW|万千瓦|千瓦|kW|kw|KW|"
    r"立方米|千升|个|块|颗|粒|支|瓶|箱|头|羽|条|根|张|双)"
)
# "100万吨/年乙烯工程", "形成3.9万吨/年各类离子交换树脂", "将形成10万吨年产能": tons a year written after the amount
_TONS_A_YEAR_RE = re.compile(rf"(?P<n>{_NUM})(?P<mult>万|千)?吨(?:/年|年产能|的年产能)")
# "37.5MW风力发电项目", "50兆瓦太阳能光煤互补发电试验示范电站": the installed power a generating plant's name opens with
_POWER_IN_NAME_RE = re.compile(rf"(?<![\d.×xX*])(?P<n>{_NUM})(?P<unit>MW|兆瓦|GW|吉瓦|万千瓦)"
                               r"(?=[\u4e00-\u9fffA-Za-z“”+]{0,12}?(?:发电|电站|风电场|"
                               # "14万千瓦光伏项目", "20兆瓦渔光互补光伏", "30万千瓦风电工程": a plant, not a factory
                               # for its parts ("1GW光伏组件", "风电叶片")
                               r"光伏(?!组件|电池|支架|玻璃|硅|板|材料|产业|制造|设备|装备)|"
                               r"风电(?!装备|设备|叶片|主机|产业|制造)))")
# "100万吨造纸项目", "5万吨玻纤池窑拉丝项目", "第二条8万吨生产线": a yearly tonnage that opens a plant's name without
# 年产; not a store (`2万吨果品气调库`) nor a name with two tonnages (`30万吨合成氨52万吨尿素项目`)
_TONS_IN_NAME_RE = re.compile(rf"(?<![\d.×xX*/])(?P<n>{_NUM})(?P<mult>万|千)?吨(?![/／每]|级|位)")
_TONS_IN_NAME_STORE = re.compile(r"库|仓|储|码头|泊位|港|罐|堆场|物流")
_POWER_KW = {"MW": 10**3, "兆瓦": 10**3, "GW": 10**6, "吉瓦": 10**6, "万千瓦": 10**4}
_PRODUCT_CAPACITY_RE = re.compile(rf"(?P<label>年产|年生产|日产)(?P<product>[\u4e00-\u9fff]{{2,10}}?)(?:能力|产能)?"
                                  rf"(?:为|达到|达|约|超过|近)?(?P<n>{_NUM})(?P<mult>万|千)?吨")
_OUTPUT_AFTER_RE = re.compile(rf"(?:实现|形成|新增|达到|带来)(?P<qty>(?:约|近|超)?{_NUM}(?:亿|万)元)(?:的)?年产值")
_DAILY_RE = re.compile(rf"日产(?:能力|产能)?(?:为|达到|达|约)?(?P<n>{_NUM})(?P<mult>万|千)?吨")
_DAILY_IN_NAME_RE = re.compile(rf"日处理(?P<n>{_NUM})(?P<mult>万|千)?(?P<unit>吨)")
# counts a farm's or a mill's own name gives: "年出栏100万头商品猪项目" (head a year), "30万锭环纺项目" (spindles, a
# size with no period), "日处理1800吨番茄原料的…生产线项目" (tons a day); read only inside a project's name, where
# the figure cannot belong to a neighbour
_HEAD_IN_NAME_RE = re.compile(rf"(?:年出栏|年屠宰|年养殖)(?P<n>{_NUM})(?P<mult>万|亿|千)?(?P<unit>头|只|羽)")
_SPINDLES_IN_NAME_RE = re.compile(rf"(?<![\d.])(?P<n>{_NUM})(?P<mult>万)?(?P<unit>锭)(?!子)")
_CN_COUNT = r"(?:\d+|[一二三四五六七八九十两百几多数]{2,}|[两三四五六七八九十百几多数])"
_AGGREGATE_RE = re.compile(rf"{_CN_COUNT}个[^，。；]{{0,12}}项目|项目{_CN_COUNT}[个项]|{_CN_COUNT}大项目"
                           rf"|项目(?:共|共有|合计|总计)?{_CN_COUNT}[个项]")
_COUNT_RE = re.compile(r"(?P<n>\d+)个(?P<what>[^，。；、\d\n]{0,12}项目)|"
                       # "集中开工项目共13个", "工业项目达到49个": the verb between the kind and its count
                       r"(?P<what2>[^，。；、\d\n]{2,10}项目)"
                       r"(?:(?P<verb2>共计|共有|共|有|达到|达|占到|占)(?P<n4>\d+) ?个|(?P<n2>\d+)[个项])|"
                       # "其中：三元区8个、总投资31.2亿元，沙县区6个…", "钢结构类3个、PC结构类3个": a breakdown by
                       # district, county or class of a count of projects
                       r"(?:(?<=[：:，,、；])|(?<=其中))(?P<what3>[\u4e00-\u9fffA-Za-z]{2,8}?(?:区|县|市|类|板块))"
                       r" ?(?P<n3>\d+) ?[个项](?=[，,、；。])")
_FIRM_COUNT_RE = re.compile(r"(?P<n>\d{1,3}(?:,\d{3})*|\d+)家"
                            r"(?P<what>[^，。；、\d]{0,8}?(?:企业|厂商|公司|台商|外资企业))|"
                            r"(?P<what2>[^，。；、\d]{2,10}?(?:企业|厂商|公司))(?:总数)?(?:共计|共有|共|有|已达|达到|达)?"
                            r"(?P<n2>\d+)家")
_FIRM_COUNT_VERB_RE = re.compile(r"投资|签约|落户|入驻|通过|核定|新批|增资|吸引|引进|开工|投产|参与|设厂|扩产|进驻")
_FIRM_COUNT_NOT_RE = re.compile(r"拜访|走访|对接|联系|洽谈|现有|拥有|集聚|聚集|规上|规模以上|知名")
# words that frame a count but do not say what was counted: "其中", "共", "合计", "此次共"
_METRIC_FUNCTION_RE = re.compile(
    r"^(?:[^，。；、\d]{0,6}?(?:其中|其余|另有|另外|此外|还有)|[：:]|共计|共有|一共|总共|合计|总计|分别"
    r"|(?:此次|本次|这次|全市|全区|全县|全省|全镇|今年|当天|当日|目前|次)?(?:共|已经|已|又)(?=签约|签订|开工|新开工|竣工|投产|引进|落户|实施|推进|建设|新建|续建|入库|储备|谋划|完成|洽谈|达成))+"
)
_FORTUNE_RE = re.compile(r"世界500强|财富500强|全球500强|世界五百强")
_GENERIC_PROJECT = re.compile(
    r"^(?:省|市|全省|全市|又一个|一个|一批|首批|各类|其他|这些|这个|该|此|本|新|大|好)*"
    r"(?:重大|重点|龙头|外资|高质量|制造业|招大引强|百亿|亿元|超亿美元|亿美元|优质|产业|签约|在建|投资|集中|主导|"
    r"关键|标志性|代表性|代表|"
    r"增资|新|大|整车|机床整机|新能源汽车驱动电机|外资|产业化|示范)*项目$"
)
_PROJECT_STOPS = re.compile(
    r"签约落户|签约|落户|引进|投资建设|投资兴建|建设|新建|扩建|兴建|投建|实施|推进|启动|开工|竣工|投产|打造|包括|"
    r"分别是|主要有|还有|另有|"
    r"分别为|分别|其中|位于|举行|参加|为|是|的|在|对|将|等|了解|了|从|于|即|由|暨|：|、|即为|就是|系列?化?(?=建设|投资)|"
    r"(?:\d+|[一二三四五六七八九十两百几多数]+)个|"
    # (服务 of a name's 公共服务平台 is a noun, not the verb of "服务企业")
    r"促进|加快|推动|协调|解决|保证|抓好|做好|抓|强化|吸引|坚决|招引|服务(?!平台)|保障|围绕|聚焦|谋划|加强|深化|优化|支持|"
    r"鼓励|落实|"
    r"确保|争取|帮助|跟踪|洽谈|对接|督促|盯紧|紧盯|随着|以|集聚(?!区)|带动|助力|依托|借助|通过|成为|作为|属于|"
    r"涉及|涵盖|包含|设立|成立|入驻|落地|签订|签署|共建|合资建设|合作建设|看好|迎来|见证|出席|听取|考察|调研|观摩|"
    r"视察|走访|参观|主持|宣布|致辞|介绍|表示|指出|要求|希望|举办|召开|当属|就是|"
    r"投资(?=[\d一二三四五六七八九十几数百千]|建设|兴建|新建|扩建)|来到|到|赴|前往|引入|"
    r"主会场|分会场|会场|现场|标志着|汇报|推出|发布|完成|实现|掀起|持续|迎来|"
    r"进行|列入|负责|协商|商谈|预计|着力|支援|关注|审议|通过|重视|打好|开展|质量把|(?<=[会府局司团])就|"
    # prepositions and verbs that take a project as their object ("始终把项目…", "双方就此项目签署", "通过招拍挂方式
    # 取得项目用地"): what precedes them is a clause, not part of the name
    r"把|就(?=此|该|这)|取得|获得|"
    # verbs of a report's prose before 项目 ("积极组织好项目实施", "按程序办理项目备案", "还建立…项目…责任制")
    r"建立|深入|学习|办理|展现|打响|全力|组织|按照|退出|获批|"
    # a target, a push or a ceremony before a name ("力争X项目早建成", "助推X公司项目投产", "奠基X项目")
    r"力争|助推|奠基|^属(?![地性])|"
    # a project placed ("投资成立X公司，落子年产Y工厂项目")
    r"落子|"
    # "在X新区投资Y项目", "本次投资Y项目": a place or this time, then the investing verb, then the name
    r"(?:(?<=[区县市镇])|(?<=本次|此次))投资(?!有限|集团|控股|公司|股份|发展|管理|基金|开发|建设|项目)"
)
_MONEY_IN_NAME = re.compile(rf"(?:{_NUM}|[{_MULT}])(?:余|多)?(?:{_MULT})?(?:人民币|美元|欧元|日元|港元|英镑|"
                            rf"元)(?:以上|左右)?")
_WORKS_NOT_NAME = re.compile(r"民心|民生|系统|一号|重点|重大|实事|惠民|示范|人才|工程师|提升|行动|计划|战略|品牌|质量")
_WORKS_EVENT_RE = re.compile(rf"[{_NAME_CHARS}“”]{{2,40}}?(?:工业园|产业园|科技园|物流园|生产基地|工厂|生产线)"
                             r"(?=(?:(?:\d{1,2}月)?\d{1,2}日|昨日|昨天|今天|今日|近日|日前)?(?:上午|下午)?"
                             r"(?:在[\u4e00-\u9fff]{2,16}?)?"
                             r"(?:正式|顺利|全面|已|已经|宣告|宣布)?(?:竣工|开工|投产|开业|奠基|动工|动土|破土|建成|落成))")
# a plant, park, station or works named as such (an item of a list of projects), optionally with a bracketed
# second name: "南昌国际陆港枢纽产业园（南昌向塘电商物流服务中心）"
_PLANT_ITEM_RE = re.compile(r"(?:产业园|工业园|科技园|物流园|产业园区|工业园区|生产基地|产业基地|基地|电站|光伏|"
                            r"风电场|工厂|[^工水]厂|厂区|生产线|产线|工程|小镇|校区|水厂|水库|大桥|防洪堤|总部|酒店|综合体)"
                            r"(?:[（(][^（）()]{2,20}[）)])?$")
_MADE_ITEM_RE = re.compile(r"年产|日产|生产线|生产基地|工厂|[^工]厂$|产业园$")
# a fair's or a conference's batch named like a project ("第四届X博会…项目", "2018X大会…项目"), or a trade's
# projects ("汽车零部件及装备制造行业项目", "X市纺织服装产业招商项目")
_EVENT_BATCH_NAME_RE = re.compile(r"(?:第[\d一二三四五六七八九十]+届|\d{4}年?)[^，。；]{0,12}?"
                                  r"(?:大会|博会|博览会|洽会|交易会|论坛|峰会|洽谈会|推介会)|(?:行业|产业招商)项目$")
# a name that ends in a type, a class or a quality: "…型", "…类", "综合性", "附加值高", "科技含量高"
_KIND_NAME_RE = re.compile(r"[\u4e00-\u9fff](?:型|类|性|[高强多好])$")
_PARTS_LIST_INTRO_RE = re.compile(r"(?:基地|工程|仪式|活动|(?:该|本|此)项目)[，,]?(?:主要|重点)?"
                                  r"(?:包括|包含|建设内容(?:包括|为)?|内容(?:包括|为))(?:[^，。；、]{2,12}、)?$")
_PARTS_INTRO_RE = re.compile(r"(?:项目|工程)[，,]?(?:主要)?(?:包括|包含|建设内容(?:包括|为)?|内容(?:包括|为)|含)$")
_HOST_COUNTY_RE = re.compile(r"(?:^|(?<=[，,、：:\s日在元]))(?P<county>[\u4e00-\u9fff]{1,3}?(?:自治县|县|区|旗)|"
                             r"[\u4e00-\u9fff]{2}市)(?=[^，。；]{0,10}?(?:\d+|[一二三四五六七八九十两几多]+)个"
                             r"[^，。；]{0,8}?项目)")
_CATEGORY_TAIL_PROJECT_RE = re.compile(r"(?:重大|重点|招商引资|招商|开复工|复工|新开工|开工|签约|集中|优质|产业|工业|"
                                       r"制造业)+(?:建设)?项目$")
_CODE_IN_NAME_RE = re.compile(r"[（(](?:\d{6}(?:\.S[HZ])?|\d{4}(?:-TW)?)[）)](?=.)")
_ZONE_WORD_START_RE = re.compile(r"经济技术开发区|高新技术产业开发区|经济开发区|经开区|高新区|开发区")
_PAIR_SPLIT_RE = re.compile(r"(?P<first>[^和与]{4,30}?(?:中心|基地|产业园|工业园|科技园|物流园|工厂|总部|研究院|学校|"
                            r"医院|广场|综合体|工程))(?:和|与)(?P<second>.+项目)$")
_BUILDER_RE = re.compile(r"承建|施工|代建|总承包|总包|中标|设计的|监理")
_ENUM_ITEM = rf"(?:(?!等)[{_NAME_CHARS}“”]){{2,40}}"
_ENUMERATION_RE = re.compile(rf"{_ENUM_ITEM}(?:、{_ENUM_ITEM})+(?:(?:以及|和|及){_ENUM_ITEM})?(?=等|[，。；：\n]|$)")
_ENUM_LAST_RE = re.compile(r"(?:项目|工程|中心|示范区|产业园|工业园|科技园|物流园|基地|工厂|厂|学校|中学|小学|幼儿园|"
                           r"医院|公园|大道|大桥|路|小区|综合体|广场|电站|水库|港|码头|机场|总部|[一二三四]期[）)]?)$")
_ENUM_NOT_PROJECT_RE = re.compile(r"领域|行业|产业链|企业$|公司$|集团$|[省市县区]委|政府|书记|市长|县长|区长|局长|主任|"
                                  r"领导|嘉宾|代表|客商|^[^\u4e00-\u9fff]+$|^(?:年产|日产)|"
                                  r"^[\d一二三四五六七八九十两]+[条座个栋家项台套批]")
_PLACE_INTRO_RE = re.compile(r"主要有|还有|另有|共有|安排|按照|涉及|包含|之一|以及|国家级|省级|我[省市县区]|地处|"
                             r"建成投运|建成|投运|升级|跟进|^仅|"
                             r"第[一二三四五六七八九十\d]+[家个批]")
_PLACE_IN_NAME = re.compile(r"经济技术开发区|高新技术产业开发区|经济开发区|高新区|开发区|工业园区|工业园|产业园区|街道")
_COUNTED_RE = re.compile(r"[一二两三四五六七八九十\d]+份|\d+个|[一二三四五六七八九十两几多数]+个|"
                         r"第[一二三四五六七八九十\d]+批|"
                         r"[一二三四五六七八九十\d]+大")
_GENERIC_FIRM = re.compile(r"^(?:企业|公司|外资企业|集团|我市|全市|政府|项目|产业|两家|多家|世界500强)")
_PLACE_WORDS = set(
    """北京 上海 天津 重庆 深圳 广州 杭州 南京 苏州 无锡 常州 宁波 温州 嘉兴 绍兴 合肥 武汉 长沙 成都 西安 郑州
    济南 青岛
    厦门 福州 沈阳 大连 长春 哈尔滨 石家庄 太原 南昌 昆明 贵阳 南宁 海口 兰州 银川 西宁 乌鲁木齐 拉萨 呼和浩特 东莞 佛山
    珠海 中山 惠州 泉州 烟台 潍坊 徐州 南通 扬州 镇江 泰州 盐城 淮安 连云港 宿迁 湖州 金华 台州 舟山 丽水 衢州
    芜湖 长三角
    珠三角 京津冀 粤港澳大湾区 大湾区 港澳 港澳台 海外 国外 国内 省内 省外 市外 本地 当地 全国 全球 世界 亚洲 欧洲 美洲
    中国 华东 华南 华北 华中 西南 西北 东北""".split()
)
_NOT_A_FIRM = re.compile(
    r"^(?:项目|合同|协议|企业|公司|集团|政府|管委会|园区|开发区|全市|全区|全县|全省|我市|我区|我县|该市|该区|该县|"
    r"其中|此次|"
    r"本次|总部|基金|资本|团队|客商|嘉宾|代表|领导|双方|各方|甲方|乙方|专家|市场|行业|产业|平台|载体|基地|工厂|车间|"
    r"一家|多家|两家|这家|该公司|该企业|龙头|链主|投资|科技|实业|发展|控股|集团公司|多元化集团公司|商会|协会)$"
    r"|来自|全部|以及|其中|^[一二三四五六七八九十\d]+家"
    r"|(?:省|市|县|区|镇|乡|村|街道|开发区|高新区|园区|工业园|产业园|新区|保税区|自贸区|港区|片区)$"
    # streets, roads and squares are where things are, not who builds them ("神农大道项目")
    r"|(?:大道|大街|[^公]路|广场|大桥|隧道|公园|[前后中左右]旗)$"
    # a plan or a policy ("投资台湾三大方案", "中小企业方案") and a rank ("全球第一大") are no firm's name
    r"|(?:方案|计划|政策|措施|办法|第[一二三四五六七八九十\d]{1,3}大|最大)$"
    # an organ of government or of a party ("国务院国资委", "市发改委", "县委"): no firm
    r"|(?:国资委|发改委|经信委|工信委|商务委|科委|管委|[省市县区]委|党委|人大|政协)$"
)


_CLAUSE_COMPANY_RE = re.compile(
    # a bare 公司 after a verb, preposition or list word is the noun "the company" at the end of a clause, not a
    # legal name; so is one whose words name a project, an organ of government or a contract
    r"(?:由|给予|给|获得|取得|引进|引入|约定|同意|向|对|与|和|及|为|的|将|拟|让|使|请|要求|帮助|支持|鼓励|协助|"
    r"成立|组建|注册|设立|新设|其|该|本|此|各|每|家|符合|适合|属于|提升|带动|推动|"
    # an announcement's verbs ("并授权公司管理层", "需提交公司股东大会", "并不代表公司对…的承诺")
    r"授权|提交|代表|欢迎|提醒|告知|披露)公司$|"
    # a kind of company ("关于子公司…的公告", "科创板上市公司"), not a name
    r"(?:(?:关于|的|其|全资|控股|下属|旗下)子|上市|挂牌|参股)公司$|"
    r"(?:管委会|政府|协议|合同)[^有]*公司$|"
    # the noun 公司 opening a clause ("公司发行可转换公司债券") or a new company being set up ("子公司参股设立新公司")
    r"^公司.|(?:设立|成立|组建|注册)新公司$|"
    # a body of more than 12 characters before a bare 公司 is a clause ("产业发展资金中拨付一定额度资金给公司")
    r"^[^有]{13,}(?<!股份)(?<!集团)(?<!总)公司$")
# a fragment of a clause caught as a firm: a year before it ("2012年…"), a verb after it ("公司发行", "客商签订",
# "…集团拟"); a bracket left open or closed alone is checked beside it
_FRAGMENT_RE = re.compile(r"^\d{4}年|(?:发行|签订|签署|合资|共同成立|拟)$")
# a superlative or a first that describes a project ("新疆首套X项目", "全国最大的…", "第六大生产基地"), optionally after
# the place it is first or largest in
_DESCRIPTION_RE = re.compile(rf"^(?:中国|我国|全国|国内|世界|全球|亚洲|(?:{'|'.join(_PROVINCES[:31])})省?)?(?:单体)?"
                             r"(?:首个|首套|首家|首座|最大|第[一二三四五六七八九十\d]{1,2}大)")
_PHRASE_NOT_NAME = re.compile(
    # a clause or a description caught by a name pattern, not a firm's name: list markers and headings, counts,
    # the speaker's own region, officials with their titles, event and generic nouns, verbs of reporting
    r"[（(][一二三四五六七八九十\d]{1,3}[）)]|^\d{1,2}[.、]|概述|\d+家|[共还]有|"
    r"我[市区县省镇]|本[市区县]|书记|[县市区镇乡]长|主任|局长|"
    r"居民|市民|活动|资产|缺口|产业链|喜欢|举办|建立|完成|整合|规划|新增|开工|竣工|投产|开业|"
    r"^(?:以|由|对|向|为|从|把|被|将|在|与|和)|^(?:投资性|跨国|外资|合资|独资|民营|国有)(?:公司|企业)$|"
    # what a firm has, not who it is: "（日本）先进技术", "成熟工艺", "核心设备"
    rf"^(?:{_COUNTRY_ALT})?(?:先进|领先|成熟|核心|关键|高端|前沿)(?:技术|工艺|设备|装备|经验|理念)$"
)


# what a company does or is, in its name ("X科技", "X实业", "X投资"): no part of what names it
_TRADE_WORD_RE = re.compile(r"高科技|科技|实业|投资|发展|产业|工业|技术|贸易|集团|控股|管理|运营|开发|建设|工程|服务|"
                            r"新材料|新能源|信息")


def _names_nothing(head: str) -> bool:
    """Whether a firm's name without its legal form is only words of a trade, a product or a kind ("电梯", "电子科技",
    "研究院", "玻璃"): a kind of company, not one company's name."""
    rest = re.sub(r"[\d.%、（）()年]+", "", head)
    for words in (_TRADE_WORD_RE, _CONCRETE_HEAD, _PRODUCT_HINT):
        # (words of two characters or more: one character of a brand, 云 of 云高, 港 of 云港, is no trade word)
        rest = words.sub(lambda m: "" if len(m.group()) >= 2 else m.group(), rest)
    return not rest


def _former_name(name: str) -> bool:
    """Whether a legal name is written as a firm's former name ("原杭州X股份有限公司"): 原 before a province or a city
    (not 太原, 中原, 原平 …, where 原 belongs to the place)."""
    return name.startswith("原") and (name[1:3] in _PROVINCES or name[1:3] in CITIES or name[1:4] in CITIES)


def _unbalanced(name: str) -> bool:
    """Whether ``name`` opens more brackets than it closes, or the other way round."""
    return name.count("（") + name.count("(") != name.count("）") + name.count(")")


def _bad_firm_name(name: str) -> bool:
    """A word that is not a firm's name: a place (深圳, 吴江开发区), a generic word (项目, 合同) or a phrase.

    >>> [_bad_firm_name(n) for n in ("项目", "深圳", "合同", "吴江开发区", "全部来自济南", "宁德时代", "博世")]
    [True, True, True, True, True, False, False]
    """
    core = name
    for word in _PROVINCES:
        if core.startswith(word) and core != word and core[len(word):] in _PLACE_WORDS | {"市", "省"}:
            return True
    return (len(core) < 2 or core in _PLACE_WORDS or core in _PROVINCES or is_place_name(core)
            or bool(_NOT_A_FIRM.search(core))
            or bool(re.fullmatch(r"[\d.%]+", core)) or bool(_FRAGMENT_RE.search(core))
            or _unbalanced(core))
_STATUS_WORDS = [
    # (regex, status, date field)
    (r"试生产|试产", "trial", "trial_date"),
    (r"开工建设|开工|动工|在建|封顶", "under_construction", "start_date"),
    (r"正式投产|投产", "operating", "note"),
    (r"竣工验收|竣工", "operating", "date"),
    (r"签约落户|签约|落户|牵手|设立|增资", "signed", "date"),
]
_STATUS_RANK = {"signed": 1, "under_construction": 2, "trial": 3, "operating": 4}
_FUTURE_RE = re.compile(r"预计|计划|将|明年|力争|争取|有望|拟|达产后|力促|早日|确保|尽快|尽早")
_DATE_RE = re.compile(
    r"(?P<range>(?:今年)?(?P<m1>\d{1,2})月份?至(?P<m2>\d{1,2})月份?)"
    r"|(?P<abs>(?P<y>\d{4})年(?:(?P<m>\d{1,2})月(?:份)?(?:(?P<d>\d{1,2})日|(?P<dek>上旬|中旬|下旬|初|底|末))?)?)"
    r"|(?P<rel>今年|去年|明年|前年)(?:前(?P<first_n>\d{1,2})个月|(?P<rm>\d{1,2})月(?:份)?"
    r"(?:(?P<rd>\d{1,2})日|(?P<rdek>上旬|中旬|下旬|初|底|末))?|(?P<rq>[一二三四1-4])季度|(?P<rh>上半年|下半年)"
    r"|(?P<rend>年底|年末|年初)|)"
    r"|(?P<md>(?P<mm>\d{1,2})月(?:份)?(?:(?P<dd>\d{1,2})日|(?P<mdek>上旬|中旬|下旬|初|底|末))?)"
    r"|(?P<q>[一二三四])季度|(?P<yend>年底|年末)|上周(?P<wd>[一二三四五六日天])"
)
_DATELINE_RE = re.compile(r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:电|讯)")
_RELATIVE_DAY_RE = re.compile(r"昨日|昨天|前天|今天|今日|当天|当日|同日|同一天|同天|次日|翌日|同月|当月|本月"
                              r"|上月|上个月|(?P<yday>昨|今)?[（(]?(?<![月\d年])(?P<day>\d{1,2})[）)]?"
                              # "22号，全省…集中开工仪式…举行": a day written with 号 before a comma or a time of day
                              r"(?:日(?!电|讯)|号(?=[，,]|上午|下午|晚上|早上|凌晨))")
_EVENT_RE = re.compile(r"(?:集中|联合|重大项目|项目)?“?(?:云|线上|网上|视频)?"
                       r"(?:签约|开工|动工|动土|竣工|投产|奠基|揭牌|开业)”?"
                       # "开工动员会", "“云签约”活动": a ceremony by another name, or its name in quotes
                       r"(?:仪式|活动|大会|会议|暨|现场会|动员会|动员大会)"
                       r"|集中(?:签约|开工|动工|竣工|投产)|(?:推介|洽谈|签约|招商)(?:会|大会)"
                       # "集中开(竣)工仪式", "集中开竣工": groundbreaking and completion in one ceremony (not 开复工,
                       # where the projects resumed were started before: the day is not theirs)
                       r"|集中开[(（]?竣[)）]?工|开[(（]?竣[)）]?工(?:仪式|活动|大会|现场会)"
                       r"|\d+个(?:[^，。；]{0,8})?项目(?:集中|顺利|正式)?(?:签约|开工|竣工|投产)|(?:签约|开工|竣工|"
                       r"投产)\d+个"
                       r"|\d+个项目[^。；]{0,30}?(?:签约|开工|竣工|投产|奠基)|签[订署]了?[^，。；]{0,12}(?:协议|合同)"
                       r"|(?:签约|开工|竣工|投产)的?项目(?:共|有|达)?\d+[个项]"
                       r"|签[订署]了?《[^》]{2,40}(?:协议|合同)[^》]{0,6}》"
                       # an approval meeting ("联审会议，通过…投资案") is the day the projects are agreed
                       r"|(?:联审|审议|审查)会议|通过[^，。；]{0,20}(?:投资案|申请案|审查|审核)"
                       # an approval round ("今(27)日公告，再通过A、B等8家中小企业扩大投资", "再添5家企业扩大投资")
                       r"|(?:通过|核定|核准|再添)[^。；]{0,60}?\d+家[^。；]{0,8}?(?:企业|厂商|公司)[^。；]{0,4}?"
                       r"(?:扩大)?投资")
_MIXED_EVENT_RE = re.compile(r"(?:签约|开工|动工|竣工|投产)(?:[、和及与]|暨)(?:签约|开工|动工|竣工|投产)")
_EVENT_KIND = (("开工", "start_date", "under_construction"), ("奠基", "start_date", "under_construction"),
               ("动工", "start_date", "under_construction"), ("动土", "start_date", "under_construction"),
               ("竣工", "date", ""), ("投产", "date", "operating"), ("开业", "date", "operating"),
               ("签约", "date", "signed"), ("签订", "date", "signed"), ("签署", "date", "signed"),
               ("联审", "date", "signed"), ("审议", "date", "signed"), ("审查", "date", "signed"),
               ("投资案", "date", "signed"), ("申请案", "date", "signed"), ("揭牌", "date", ""),
               ("通过", "date", "signed"), ("核定", "date", "signed"), ("核准", "date", "signed"),
               ("再添", "date", "signed"))
ANAPHOR_REACH = 600
"""How far back (characters) 该园区 looks for the park it stands for."""
EVENT_REACH = 2000
"""Projects first named more than this many characters after an event are not given its date."""
_TAIWAN_REPORT_RE = re.compile(r"\d{4}-TW\b|(?<![\d年])1[01]\d年(?!代)")
_TAIWAN_PLACE_RE = re.compile(r"新竹|桃园|彰化|嘉义|苗栗|屏东|云林|宜兰|花莲|台东|新北|基隆|南投|高雄|台中|台南")
_CONTENT_INTRO_RE = re.compile(r"(?:(?:主要|分[两三四]期|将|拟|计划)?(?:建设|新建|兴建|建成)|[一二三四首]期(?:主要)?为|"
                               r"即)$")
_CONTENT_OPENING_RE = re.compile(r"(?:[^，。；]{0,6}[，,])?(?:其中[，,]?)?"
                                 r"(?:该项目|(?:(?:此次|本次|这次)(?:签约|开工|落户)?的?)?项目|[一二三四首]期|分[两三四]期)")
_CATEGORY_TAIL_RE = re.compile(r"等(?:各类|各种|多种|多类|各个|不同)")
_SCOPE_BEFORE_RE = re.compile(r"(?:涵盖|涉及|囊括|覆盖|横跨|集(?![团中成约聚]))(?:了)?(?=[^，。；、]{2})")
_TICKER_RE = re.compile(r"(?P<name>[\u3400-\u9fffA-Za-z]{2,12})\s?"
                        r"[（(](?:\d{6}|\d{4}-TW|\d{4,5}\.HK|\d{6}\.S[HZ])[）)]")
_INTENT_LIST_RE = re.compile(r"(?:将|拟|计划|重点|主要|着力|积极|大力)[^，。；]{0,4}?"
                             r"(?:引入|引进|发展|聚焦|布局|培育|招引|瞄准|吸引)[^，。；]{0,4}$")
# "该园区新增…", "今年以来，园区已签约…": the park named before is the subject
_PARK_ANAPHOR_RE = re.compile(r"该园区|该园|园区内|园内|该开发区|区内|"
                              r"(?<![\u4e00-\u9fff])园区(?=已|共|今年|新|累计|先后|还|签约|引进)")
_PHASE_AFTER_RE = re.compile(r"[一二三四首]期(?![\u4e00-\u9fff]{0,3}(?:工程|项目))")
_PHASE_BEFORE_RE = re.compile(r"(?P<p>[一二三四首]期)(?:工程|项目)?[^，。；]{0,14}$")
_PHASE_SUBJECT_RE = re.compile(r"(?:^|(?<=[，。；,\n]))(?:其中)?(?P<p>[一二三四首]期)(?:工程|项目)?")
_SIZE_CLASS_AFTER_RE = re.compile(rf"(?:以上)?的?(?:[\u4e00-\u9fff]{{0,4}}项目(?:有|达|共)?|有){_CN_COUNT}[个项]")
_SIZE_CLASS_BEFORE_RE = re.compile(r"(?:单个|每个|单体|均)[^，。；]{0,6}$")
_RANGE_AFTER_RE = re.compile(rf"(?:以上|以下)?(?:至|到|~|～|—|-)(?:{_NUM})")
_AVERAGE_RE = re.compile(r"平均|户均|人均|单个项目|每个项目|单体项目")
_COUNT_BEFORE_RE = re.compile(r"(?:\d+|[一二两三四五六七八九十]{1,3})[个项家案件][，,]?"
                              r"(?:涉及|项目|计划|合计|共|将|拟)?$")
# a project still courted, promoted or planned in its own sentence: the ceremony's date is not its date
_INTENDED_RE = re.compile(r"意向|洽谈(?!会)|在谈|推介|跟进|谋划|储备|计划参加|将参加|拟参加|"
                          # still to come in ("A、B项目等也将于年底前入驻")
                          r"将于[^，。；]{0,8}?(?:入驻|入园|落户)|即将(?:入驻|入园|落户)")
_VISIT_RE = re.compile(r"观摩|考察|参观|调研|察看|查看|走访|视察|详细了解|听取|来到|深入|实地")
# a period of the year before a batch's name ("下半年项目", "上半年X市项目"): no part of a project's name
# a period ("上半年", "年内", "一季度") or a span of years ("三年后", "两年时间内", "近年") that starts a batch's name
_PERIOD_RE = re.compile(r"^(?:今年|去年|明年)?(?:[上下]半年|年内|全年|第?[一二三四1-4]季度)|"
                        r"^(?:\d{1,2}|[一二两三四五六七八九十])年(?:后|以后|内|时间内|来)|^近(?:几|两|三|五)?年(?:来)?")
_DEKAD = {"上旬": "E", "初": "E", "中旬": "M", "下旬": "L", "底": "L", "末": "L"}
_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass
class Fact:
    """One proposed fact: ``record`` (firm, project, region_fact, source) named ``key``, its ``field`` = ``value``.

    ``text`` is what the article wrote (after repair), ``start``/``end`` its character offsets in the original
    text, ``evidence`` a short snippet for citations.csv, ``confidence`` in [0, 1].
    """

    record: str
    key: str
    field: str
    value: str
    confidence: float = 0.9
    text: str = ""
    start: int = 0
    end: int = 0
    evidence: str = ""
    note: str = ""
    id: str = ""
    rule: str = _dc_field(default="", compare=False)
    """Which rule proposed it (``record.field:level``): the key of the calibration table, not a column."""

    def to_row(self) -> dict[str, str]:
        data = asdict(self)
        data["confidence"] = f"{self.confidence:.2f}"
        return {column: str(data[column]) for column in FACT_COLUMNS}


@dataclass
class Extraction:
    """The facts proposed from one article, and the repaired text they were read from."""

    facts: list[Fact]
    repaired: MappedText
    source_id: str
    doc_date: str
    encoding: str = "utf-8"

    def of(self, record: str, key: str | None = None, field: str | None = None) -> list[Fact]:
        return [f for f in self.facts if f.record == record and (key is None or f.key == key)
                and (field is None or f.field == field)]

    def keys(self, record: str) -> list[str]:
        seen: list[str] = []
        for fact in self.facts:
            if fact.record == record and fact.key not in seen:
                seen.append(fact.key)
        return seen


# ------------------------------------------------------------------------------------------------- dates


def resolve_date(match_text: str, doc_date: _dt.date, year_hint: int | None = None) -> str | None:
    """Resolve a date expression (absolute or relative to ``doc_date``) to a partial-date string, or None.

    >>> d = _dt.date(2022, 6, 1)
    >>> [resolve_date(t, d) for t in ("今年4月", "去年10月份", "明年二季度", "3月上旬", "年底", "上周六", "1994年")]
    ['2022-04', '2021-10', '2023-Q2', '2022-03-E', '2022-12', '2022-05-28', '1994']
    >>> resolve_date("今年前4个月", d), resolve_date("1月份至4月份", d)
    ('2022-01/2022-04', '2022-01/2022-04')
    """
    m = _DATE_RE.fullmatch(match_text)
    if not m:
        return None
    year = year_hint or doc_date.year
    try:
        if m["abs"]:
            if m["m"]:
                return _month(int(m["y"]), m["m"], m["d"], m["dek"])
            return str(parse_date(m["y"]))
        if m["rel"]:
            year = doc_date.year + {"今年": 0, "去年": -1, "明年": 1, "前年": -2}[m["rel"]]
            if m["first_n"]:
                return f"{year}-01/{year}-{int(m['first_n']):02d}"
            if m["rm"]:
                return _month(year, m["rm"], m["rd"], m["rdek"])
            if m["rq"]:
                return f"{year}-Q{_CN_DIGIT[m['rq']]}"
            if m["rh"]:
                return f"{year}-H{1 if m['rh'] == '上半年' else 2}"
            if m["rend"]:
                return f"{year}-01" if m["rend"] == "年初" else f"{year}-12"
            return str(year)
        if m["range"]:
            return f"{year}-{int(m['m1']):02d}/{year}-{int(m['m2']):02d}"
        if m["md"]:
            return _month(year, m["mm"], m["dd"], m["mdek"])
        if m["q"]:
            return f"{year}-Q{_CN_DIGIT[m['q']]}"
        if m["yend"]:
            return f"{year}-12"
        if m["wd"]:
            weekday = _CN_DIGIT[m["wd"]] - 1
            monday = doc_date - _dt.timedelta(days=doc_date.weekday() + 7)
            return (monday + _dt.timedelta(days=weekday)).isoformat()
    except ParseError:
        return None
    return None


def _month(year: int, month: str, day: str | None, dekad: str | None) -> str | None:
    text = f"{year}-{int(month):02d}"
    if day:
        text += f"-{int(day):02d}"
    elif dekad:
        text += f"-{_DEKAD[dekad]}"
    try:
        return str(parse_date(text))
    except ParseError:
        return None


# ------------------------------------------------------------------------------------------------- helpers


@dataclass
class _Sentence:
    start: int
    end: int
    paragraph: int


@dataclass
class _DateToken:
    """A date expression and its resolved value (same interface as a match: ``group``, ``start``, ``end``)."""

    begin: int
    finish: int
    written: str
    value: str

    def group(self) -> str:
        return self.written

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


@dataclass
class _FirmEntity:
    names: list[str]
    legal_name: str = ""
    country: str = ""
    country_text: tuple[str, int, int] | None = None
    fortune500: tuple[str, int, int] | None = None
    first: tuple[str, int, int] | None = None
    how: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        short = [n for n in self.names if n != self.legal_name]
        if self.legal_name and not short:
            return self.legal_name
        plain = [n for n in short if not any(n.startswith(c) for c in COUNTRY_WORDS)] or short
        return max(plain, key=len)


@dataclass
class _ProjectEntity:
    names: list[str]
    firms: list[int] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    weak_mentions: list[tuple[int, int]] = field(default_factory=list)
    weak: bool = False
    implicit: bool = False

    def display(self, specific: set[str]) -> str:
        best = [n for n in self.names if n in specific] or self.names
        return max(best, key=len)


def _strip_left(name: str) -> tuple[str, str]:
    """Cut a candidate name after the last stop word; returns (name, what was cut)."""
    cut = 0
    for stop in _STOPS:
        pos = name.rfind(stop, 0, max(0, len(name) - 2))
        if (stop == "和" and pos > 0 and _is_place_word(name[:pos])
                and not name.startswith(_PROVINCES, pos + 1)):
            continue  # "福州和盛食品有限公司": a place, then the name
        if stop == "继" and pos > 0:
            continue  # "继X之后" opens a clause; inside a run of name characters 继 is part of a name ("许昌西继电梯")
        if pos >= 0 and pos + len(stop) > cut and not _inside_parens(name, pos):
            cut = pos + len(stop)
    return name[cut:], name[:cut]


def _is_place_word(text: str) -> bool:
    """Whether ``text`` ends with a city or province name ("福州", "遂宁市")."""
    tail = text[-4:]
    if any(is_place_name(tail[i:]) for i in range(len(tail) - 1)):
        return True
    return any(tail.endswith(w) for w in (*_PLACE_WORDS, *_PROVINCES)) or bool(
        re.search(r"[\u4e00-\u9fff]{2,3}[省市县]$", tail))


def _inside_parens(text: str, pos: int) -> bool:
    return text.count("（", 0, pos) > text.count("）", 0, pos)


class _Extractor:
    def __init__(self, original: str, doc_date: _dt.date, dataset: Dataset | None, source_id: str,
                 ner: bool = False) -> None:
        self.original = original
        self.mapped = prepare_text(original)
        self.t = self.mapped.text
        self.doc_date = doc_date
        self.dataset = dataset
        self.source_id = source_id
        self.tagger: Tagger | None = None
        if ner:
            from .ner import Tagger

            self.tagger = Tagger(self.t)
        self.facts: list[Fact] = []
        self._occurrences: dict[str, list[int]] = {}
        self._firm_index: dict[str, int] = {}
        self._firm_spots: list[tuple[int, int]] | None = None
        self._firm_version = 0
        self._segment_words: set[str] | None = None
        self._residuals: dict[tuple[str, tuple[int, ...], int], str] = {}
        self._project_index: dict[str, list[int]] = {}
        self._head_index: dict[str, list[int]] = {}  # first two characters of a project name -> projects
        self._projects_of_firm: dict[int, list[int]] = {}
        self._mention_index: list[tuple[int, int]] | None = None
        self._end_index: list[tuple[int, int]] = []
        self._bigrams: dict[str, list[int]] | None = None
        self._in_mention: bytearray | None = None
        self._by_first: tuple[tuple[int, int], dict[str, list[tuple[int, int, str]]]] | None = None
        self.sentences = self._sentences()
        self._sentence_starts = [s.start for s in self.sentences]
        self.firms: list[_FirmEntity] = []
        self.projects: list[_ProjectEntity] = []

    # --------------------------------------------------------------------------------------- plumbing
    def _sentences(self) -> list[_Sentence]:
        result: list[_Sentence] = []
        paragraph = 0
        start = 0
        for m in re.finditer(r"[。！？；;!?\n]|……", self.t):
            if m.end() > start:
                result.append(_Sentence(start, m.end(), paragraph))
            if m.group() == "\n":
                paragraph += 1
            start = m.end()
        if start < len(self.t):
            result.append(_Sentence(start, len(self.t), paragraph))
        return result

    def sentence_at(self, pos: int) -> int:
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if 0 <= i < len(self.sentences) and pos < self.sentences[i].end:
            return i
        return len(self.sentences) - 1 if i >= 0 else 0

    def clause(self, pos: int) -> tuple[int, int]:
        s = self.sentences[self.sentence_at(pos)]
        left = max(self.t.rfind(c, s.start, pos) for c in "，,：:")
        right_candidates = [i for i in (self.t.find(c, pos, s.end) for c in "，,：:") if i >= 0]
        return (left + 1 if left >= 0 else s.start), (min(right_candidates) if right_candidates else s.end)

    def add(self, record: str, key: str, fld: str, value: str, start: int, end: int, confidence: float,
            evidence: str | None = None, note: str = "", tag: str = "") -> None:
        """Append a fact; its rule is ``record.field:level`` plus ``/tag`` when the frame says more (the
        calibration table counts each rule apart)."""
        o_start, o_end = self.mapped.span(start, end)
        text = self.t[start:end]
        if evidence is None:
            evidence = text
        rule = f"{record}.{fld}:{confidence:.2f}" + (f"/{tag}" if tag else "")
        self.facts.append(Fact(record, key, fld, value, round(confidence, 2), text, o_start, o_end, evidence, note,
                               rule=rule))

    def occurrences(self, name: str) -> list[int]:
        """Start offsets of ``name`` in the text (cached: names are looked up many times)."""
        if not name:
            return []
        found = self._occurrences.get(name)
        if found is None:
            if len(name) < 2:
                found = [m.start() for m in re.finditer(re.escape(name), self.t)]
            else:
                # candidates from an index of two-character pairs, so a lookup does not rescan the whole text
                if self._bigrams is None:
                    self._bigrams = {}
                    t = self.t
                    for i in range(len(t) - 1):
                        self._bigrams.setdefault(t[i:i + 2], []).append(i)
                found, last = [], -1
                for i in self._bigrams.get(name[:2], []):
                    if i >= last and self.t.startswith(name, i):
                        found.append(i)
                        last = i + len(name)
            self._occurrences[name] = found
        return found

    def _line_breaks(self, start: int, end: int) -> list[int]:
        """Positions in ``[start, end)`` of the text where the original had a line break just before."""
        origin = self.mapped.origin
        return [i for i in range(max(start, 1), min(end, len(origin)))
                if origin[i] - origin[i - 1] > 1 and "\n" in self.original[origin[i - 1] + 1:origin[i]]]

    def occurrences_in(self, name: str, start: int, end: int) -> list[int]:
        spots = self.occurrences(name)
        return spots[bisect.bisect_left(spots, start):bisect.bisect_left(spots, end)]

    # --------------------------------------------------------------------------------------- firms
    def find_firms(self) -> None:
        candidates: list[tuple[str, int, str]] = []  # (name, position, how)
        legal_end = -1
        for m in _LEGAL_RE.finditer(self.t):
            if m.start() == legal_end and m.group().endswith("分公司"):
                legal_end = m.end()
                continue  # "X有限公司湖南湖北分公司": a branch written after its firm's name is part of that name
            legal_end = m.end()
            suffix = _LEGAL_SUFFIX_RE.search(m.group())
            body = m.group()[:suffix.start()] if suffix else m.group()
            head, cut = _strip_left(body)
            inner = head.rfind("项目")
            if inner >= 0 and not head.endswith("项目"):
                # "…防水涂料项目河南中联天盛防水防腐材料有限公司": a project's name ends before the firm's
                cut, head = cut + head[:inner + 2], head[inner + 2:]
            name = m.group()[len(cut):]
            short_form = suffix is not None and suffix.group() == "公司"
            # "牧原集团永济分公司": a group's branch is a firm; "在厦门等地设有分公司" is not a name
            branch = len(head) >= 4 and head.endswith("分") and bool(re.search(r"集团|股份|公司|银行", head))
            generic = re.search(r"我们|他们|你们|本|该|外资|合资|多元化|大型|知名|龙头|综合性|一家|经理|董事|共同",
                                head) or (
                # "子公司", "其母公司", "设有分公司", "新设全资子公司" are no names; "济宁碳素工业总公司" is one
                re.search(r"[子母分总]", head) and (len(head) < 4 or re.search(
                    r"(?:设有?了?|全资|控股|下属|所属|旗下)[子母分总]$", head)))
            if short_form and not branch and (len(head) < 3 or generic):
                continue
            verb = re.match(r"(?:投资建设|建设|新建|组建|成立|设立|注册|投资)", name)
            if verb and (re.match(r"[\u4e00-\u9fff]{2,3}[省市县区]", name[verb.end():])
                         or is_place_name(name[verb.end():verb.end() + 2])):
                # "建设曲靖市商品混凝土分公司": the verb before a legal name that starts with its place
                cut += verb.group()
                name, head = name[verb.end():], head[verb.end():]
            if len(head) >= 2 and len(name) >= 5 and not _former_name(name) and not _names_nothing(head):
                candidates.append((name, m.start() + len(cut), "legal"))
        for m in _LATIN_LEGAL_RE.finditer(self.t):  # "Robert Bosch GmbH"
            candidates.append((m.group(), m.start(), "legal"))
        for m in _BRAND_RE.finditer(self.t):
            candidates.append((m.group(), m.start(), "brand"))
        for m in _GROUP_RE.finditer(self.t):
            # "康佳集团", "中天钢铁集团": a group named without 有限公司 (and not across a line break)
            start = max([m.start(), *[i for i in self._line_breaks(m.start(), m.end())]])
            name, cut = _strip_left(self.t[start:m.end()])
            described = _GROUP_DESCRIPTION_RE.search(name[:-2])
            if described:  # "晶硅电池生产企业通威集团", "发挥娲石集团": the name after its description or a verb
                cut, name = cut + name[:described.end()], name[described.end():]
            cut = self.t[m.start():start] + cut
            head = name[:-2].removesuffix("控股")
            if (4 <= len(name) <= 12 and not _bad_firm_name(head) and not _bad_firm_name(name)
                    and not _COUNTED_THING_RE.search(name)
                    and not _GENERIC_WORD_RE.fullmatch(head) and not re.search(r"多元化|大型|知名|龙头|国际$", head)):
                candidates.append((name, m.start() + len(cut), "group"))
        for m in _COUNTRY_NAME_RE.finditer(self.t):
            name = m["name"]
            brand = _BRAND_RE.search(name)
            if brand:
                continue  # 日本JFE商事车载马达铁芯: the brand pattern has it
            if name.endswith("项目") or _GENERIC_FIRM.match(name) or self._is_segment_word(name):
                continue
            if re.search(r"\d|则|今天|召开|业者|加速|的|是|有|了|将|事务所|表示|说明|指出|商会|协会|"
                         # a clause after the country word ("在地农产品", "与日本X合作开发…产品", "推广到全球各地")
                         r"^在|合作|开发|推广|市场|各地|产品$|"
                         # an event or a port ("台湾工业园奠基", "德国路德维希港")
                         r"(?:奠基|开工|签约|投产|竣工|开业|港)$", name) or (
                    _LIST_PRODUCT.search(name)):
                continue  # "台湾则通过4案", "台湾上游零件": a clause or a product, not a firm
            if re.match(r"[等和与及、]", name):
                continue  # "美国、日本、德国等国家", "日本、韩国等": a list of countries, not a firm
            # an actor: the name is followed by what firms do (项目, 落户, 投资 ...) or recurs in the article; a
            # country word before a noun phrase ("日本先进技术和德国生产线", "香港中环") is neither
            acts = re.match(r"项目|配套|落户|签约|联手|投资|公司|[两三四几多]家|在|与|将|于|已",
                            self.t[m.end():m.end() + 2])
            how = "country" if acts or len(self.occurrences(name)) > 1 else "country_weak"
            product = self._segment_suffix(name)  # 日本东洋精工驱动电机 -> 东洋精工 (驱动电机 is a product)
            group = re.match(r"[\u4e00-\u9fffA-Za-z]{2,}?集团(?=[\u4e00-\u9fff])", name)
            if group:  # "台湾统一集团昆山新厂总投资…": the group, then its plant
                product = name[group.end():]
            if product and len(name) - len(product) >= 2:
                candidates.append((m.group()[:-len(product)], m.start(), how))
                continue
            candidates.append((m.group(), m.start(), how))
        for m in _SIGNS_WITH_RE.finditer(self.t):
            # "中国建筑与株洲国家高新区签订战略合作框架协议": who signs with a government or a zone is a firm
            name, cut = _strip_left(m["a"])
            if (2 <= len(name) <= 14 and not _bad_firm_name(name) and not _GENERIC_FIRM.match(name)
                    and not _GOVERNMENT_RE.search(name) and not re.search(r"\d", name)
                    and not _CONNECTIVE_RE.search(name)):
                candidates.append((name, m.start("a") + len(cut), "subject"))
        for m in _PROJECT_RE.finditer(self.t):
            # "福清市福耀玻璃年产400万套…项目", "福建奔驰新增纯电动车车型建设项目": the maker named before 年产/新增
            name = _project_name(m.group())
            maker = _FIRM_HEAD_RE.match(name)
            if maker is None:
                continue
            maker_name = maker["firm"]
            if (not _bad_firm_name(maker_name) and not _GENERIC_FIRM.match(maker_name)
                    and not self._is_segment_word(maker_name) and not _LIST_PRODUCT.search(maker_name)
                    and not _GOVERNMENT_RE.search(maker_name) and not _SUBJECT_NOT_FIRM.search(maker_name)):
                candidates.append((maker_name, m.end() - len(name) + maker.start("firm"), "subject"))
        for m in _TICKER_RE.finditer(self.t):
            # "美联新材(300586)", "日月光集团 (3711-TW)": a name followed by its stock code is a listed firm
            name, cut = _strip_left(m["name"])
            described = _GROUP_DESCRIPTION_RE.search(name[:-2])
            if described:
                cut, name = cut + name[:described.end()], name[described.end():]
            if len(name) >= 2 and not _bad_firm_name(name) and not _GENERIC_FIRM.match(name):
                candidates.append((name, m.start("name") + len(cut), "group"))
        for m in _SUBJECT_INVESTS_RE.finditer(self.t):
            # "精工科技拟投资3.5亿元，在双流建设…", "全球传动规划投资逾17亿元": the subject of a clause whose verb
            # is investing an amount is the investor (weaker than a legal name: its own, lower level)
            name = _INVESTS_IN_RE.sub("", m["name"])  # "X集团在汉川投资85亿元": the investor is X
            if (2 <= len(name) <= 12 and not _bad_firm_name(name) and not _GENERIC_FIRM.match(name)
                    and not _SUBJECT_NOT_FIRM.search(name) and not _CONNECTIVE_RE.search(name)
                    and not _ADVERB_SUBJECT_RE.fullmatch(name)
                    and not self._is_region_word(name)
                    and not self._is_segment_word(name) and not is_place_name(name)):
                candidates.append((name, m.start("name"), "subject"))
        for m in _PAIR_RE.finditer(self.t):
            first, cut = _strip_left(m.group(1))
            candidates.append((first, m.start(1) + len(cut), "pair"))
            candidates.append((m.group(2), m.start(2), "pair"))
        self.list_items: list[tuple[list[tuple[str, int]], int, str | None, bool]] = []
        self.list_projects: list[tuple[str, int]] = []
        for m in _LIST_RE.finditer(self.t):
            if _CATEGORY_TAIL_RE.match(self.t, m.end()):
                continue  # "生态观光、休闲度假等各类旅游招商项目": kinds of project, neither firms nor projects
            if re.match(r"等[^，。；]{0,4}?(?:国家|地区|城市|领导|嘉宾|负责人|同志)", self.t[m.end():m.end() + 8]):
                continue  # "柬埔寨、新加坡等东盟国家官员见证项目签约", "赵一、钱二等县领导出席": places or people,
                # neither firms nor projects
            if _SCOPE_BEFORE_RE.search(self.t[max(0, m.start() - 4):m.start() + m.group().find("、") % len(m.group())]):
                continue  # "涵盖汽车零部件内外饰、电驱等项目", "集赛事、研学等项目为一体": the scope of a group or a
                # project, kinds of work, neither firms nor projects
            items = m.group().split("、")
            if _PARTS_LIST_INTRO_RE.search(self.t, max(0, m.start() - 16), m.start() + len(_strip_left(items[0])[1])):
                continue  # "X生产基地，包括配套建设矿山、硫酸、…等项目", "签约仪式，包括银企合作、载体建设等在内的63个
                # 项目": the parts of one base or project, or the kinds of an event's signings, not projects
            if any(re.search(r"(?:产业|行业|领域|服务业|制造业)$", item) for item in items):
                continue  # "新材料、新能源、环保再生产业等项目13个": fields of industry, neither firms nor projects
            first, cut = _strip_left(items[0])
            lead = _LIST_LEAD_RE.match(first)
            if lead and len(first) - lead.end() >= 2:
                # "有X基地、Y基地等", "此次集中开工有X食品、Y基地等": what is there, then the first item
                first, cut = first[lead.end():], cut + lead.group()
            if _KINDS_OR_OBSTACLES_RE.match(self.t, m.end()) and all(_field_item(item) for item in [first, *items[1:]]):
                # "生态环保、教育医疗等项目251个": kinds counted by the hundred; "土地、资金等制约项目建设": what holds
                # projects back; neither firms nor projects
                continue
            if _BATCH_AFTER_LIST_RE.match(self.t, m.end()) and all(
                    _field_item(item) and _ACTIVITY_ITEM_RE.search(item) for item in [first, *items[1:]]):
                continue  # "竹材综合利用、茶叶精深加工等一批项目达成意向": kinds of work, not projects
            kinds = re.match(r"等[^，。；]{0,10}?(?:产业|行业|服务业|制造业|领域)类?项目", self.t[m.end():])
            if kinds and len(items) >= 2 and all(len(item) <= 4 or _field_item(item) for item in items[1:]):
                # "文旅、工业、商贸等产业项目9个", "金融服务、现代物流等现代服务业项目", "新一代信息技术、高端装备
                # 制造等产业项目": the fields of a group
                continue
            time_word = None
            tm = _TIME_WORD_RE.search(cut)
            if tm:
                time_word = tm.group()
            positions: list[tuple[str, int]] = []
            pos = m.start() + len(cut)
            names = [first, *items[1:]]
            for item in names:
                positions.append((item, pos))
                pos += len(item) + 1
            landed = self.t.startswith("落户", m.end())
            if landed and len(names) < 2:
                continue
            plain = [(n, p) for n, p in positions if len(n) >= 2 and "项目" not in n and not _GENERIC_FIRM.match(n)
                     and not self._is_segment_word(n) and not self._is_region_word(n) and not re.search(r"\d", n)
                     and n not in _STOPS and not _bad_firm_name(n)]
            # "美佳爽卫生用品、兴讯科技二期等项目": items naming a product or a phase are projects, not firms
            ok = [(n, p) for n, p in plain if not (_LIST_PRODUCT.search(n) and not re.match(_COUNTRY_ALT, n))]
            tail = re.match(r"等[^，。；]{0,10}?项目", self.t[m.end():])
            c_start, _c_end = self.clause(m.start())
            intended = _INTENT_LIST_RE.search(self.t[c_start:m.start() + len(cut)]) and not (
                tail and re.search(r"\d|[一二两三四五六七八九十]个|开工|签约|竣工|投产|落户", tail.group()))
            if not self.t.startswith("落户", m.end()) and len(positions) >= 2 and not intended:
                # "将引入智能纺织机械、中高端面料等高新技术项目": kinds of project a park means to attract, not projects
                self.list_projects.extend((n, p) for n, p in plain if (n, p) not in ok and len(n) >= 4)
            if not ok:
                continue
            self.list_items.append((ok, m.end(), time_word, self.t.startswith("落户", m.end())))
            for n, p in ok:
                candidates.append((n, p, "list"))
        for m in _FIRM_LIST_RE.finditer(self.t):
            # "通过志同塑胶工业、锋霈环境科技、合锠国际等8家中小企业扩大投资": the items of a counted list of firms
            # are firms (no project of their own is implied) when the article comes back to them; a list named
            # once is background ("已吸引西门子、华为等20家世界500强企业")
            first, cut = _strip_left(m.group().split("、")[0])
            pos = m.start() + len(cut)
            for item in [first, *m.group().split("、")[1:]]:
                if (2 <= len(item) <= 12 and not _GENERIC_FIRM.match(item) and not self._is_segment_word(item)
                        and not self._is_region_word(item) and not re.search(r"\d", item) and item not in _STOPS
                        and not _bad_firm_name(item) and not _LIST_PRODUCT.search(item)
                        and self.t.find(item, m.end()) >= 0):
                    candidates.append((item, pos, "list"))
                pos += len(item) + 1
        # group candidates into entities
        for name, pos, how in sorted(candidates, key=lambda c: ({"legal": 0, "brand": 1, "group": 1, "pair": 2,
                                                                  "country": 3, "country_weak": 3, "subject": 4,
                                                                  "list": 4}[c[2]],
                                                                 c[1])):
            self._add_firm_name(name, pos, how)
        self._split_compounds()
        self._merge_variants()
        self._all_short_names()
        self._merge_short_records()
        self.unconfirmed = self._unconfirmed()

    def _merge_short_records(self) -> None:
        """One firm proposed twice, once by its full legal name and once short (as a brand, a group, a list item,
        with a bare 公司 or without its bracketed place): "天顺风能（苏州）股份有限公司" … "天顺风能",
        "珠海金桥置业有限公司" … "金桥公司", "金兴九英控股（湖北）集团有限公司" … "金兴九英控股集团有限公司".
        A record whose name (without 公司, a country word) starts the body of exactly one full legal name (without a
        province, city or bracketed place), 4+ characters long or 2+ written with 公司, is that firm. Linear: each
        legal name adds its prefixes once."""
        full = [i for i, f in enumerate(self.firms) if f.legal_name and _LEGAL_BODY_RE.search(f.legal_name)]
        if not full:
            return
        owners: dict[str, int] = {}
        cores: dict[str, int] = {}
        for i in full:
            variants = self._legal_variants(self.firms[i].legal_name)
            for v in list(variants):
                for word in COUNTRY_WORDS:
                    if v.startswith(word):
                        variants.append(v[len(word):])
                for size in (2, 3):
                    city = v[:size]
                    if city in CITIES:
                        variants.append(v[size + (v[size:size + 1] == "市"):])
            for v in set(variants):
                for size in range(2, len(v) + 1):
                    if owners.setdefault(v[:size], i) != i:
                        owners[v[:size]] = -1
            if variants[1] != variants[0]:
                cores[variants[1]] = i if cores.get(variants[1], i) == i else -1
        into: dict[int, int] = {}
        for j, firm in enumerate(self.firms):
            target = None
            if j in full:
                core = _LEGAL_BODY_RE.sub("", firm.legal_name)
                k = cores.get(core)
                if k is not None and k >= 0 and k != j and "（" not in core and "(" not in core and len(core) >= 4:
                    target = k  # "金兴九英控股集团有限公司" beside "金兴九英控股（湖北）集团有限公司"
            elif "group" not in firm.how:  # "X集团" beside "X集团Y有限公司": most often the parent, another firm
                for n in firm.names:
                    body = n.removesuffix("公司")
                    for word in COUNTRY_WORDS:
                        if body.startswith(word) and len(body) > len(word) + 1:
                            body = body[len(word):]
                            break
                    k = owners.get(body, -1)
                    if k >= 0 and k != j and len(body) >= (2 if n.endswith("公司") else 4):
                        target = k
                        break
            if target is not None and target not in into and not self._subsidiary(self.firms[target].legal_name):
                into[j] = target
        if not into:
            return
        self._absorb(into, legal_last=True)

    def _unconfirmed(self) -> set[int]:
        """With the optional tagger: the firms that only weak frames propose (an investing clause's subject, a list
        item, one of a pair) and that the tagger reads as neither an organisation nor a proper name in any of their
        first mentions. They are left out of the output with every fact about them; their projects stay. A name with
        a legal form (有限公司, 株式会社, GmbH…), a brand, a group or a country frame does not depend on the tagger."""
        if self.tagger is None:
            return set()
        out: set[int] = set()
        for index, firm in enumerate(self.firms):
            if firm.legal_name or firm.country or firm.how & {"legal", "brand", "group", "country", "country_weak"}:
                continue  # a legal form, a brand, a group or a country frame vouches for the name
            spots = sorted((p, n) for n in firm.names for p in self.occurrences(n)[:3])[:4]
            if not any(self.tagger.labels(p, p + len(n)) & {"ORG", "nz"} for p, n in spots):
                out.add(index)
        return out

    def _is_segment_word(self, name: str) -> bool:
        if self.dataset is None:
            return False
        if self._segment_words is None:  # the chains' and segments' names and keywords, normalised once
            self._segment_words = {normalize_name(w) for chain in self.dataset.chains.values()
                                   for w in [chain.name, *chain.aliases]}
            self._segment_words |= {normalize_name(w) for chain in self.dataset.chains.values()
                                    for seg in chain.segments for w in [seg.name, *seg.keywords, *seg.aliases]}
        return normalize_name(name) in self._segment_words

    def _segment_suffix(self, name: str) -> str:
        if self.dataset is None:
            return ""
        words = [w for seg in self.dataset.segments.values() for w in (seg.name, *seg.keywords, *seg.aliases)
                 if len(w) >= 2 and name.endswith(w)]
        return max(words, key=len) if words else ""

    def _is_region_word(self, name: str) -> bool:
        if self.dataset is None:
            return False
        return any(name in (r.name, *r.aliases) for r in self.dataset.regions.values())

    def firm_of(self, name: str) -> int | None:
        return self._firm_index.get(_norm(name))

    def _reindex_firms(self) -> None:
        self._firm_index = {}
        for i, firm in enumerate(self.firms):
            for n in firm.names:
                self._firm_index.setdefault(_norm(n), i)
        self._firm_spots = None
        self._firm_version += 1

    def _described_firm(self, name: str) -> int | None:
        """Where a firm already named starts in ``name`` after a description ending in 厂/商/家/者
        ("铝门窗制造厂国田兴业" -> 6), None if it does not."""
        return next((k for k in range(2, len(name) - 1) if name[k - 1] in "厂商家者"
                     and self.firm_of(name[k:]) is not None), None)

    def _add_firm_name(self, name: str, pos: int, how: str) -> None:
        if how != "legal" and _bad_firm_name(name):
            return
        if name.startswith("目") and self.t[pos - 1:pos] == "项":
            return  # "项目（中豪国际）": a cut inside 项目, not a name
        described = _GROUP_DESCRIPTION_RE.search(name[:-2]) if how != "legal" else None
        if described:  # "全球光伏龙头晨曦集团", "发挥远山集团": the name after its description or a verb
            name, pos = name[described.end():], pos + described.end()
            if _bad_firm_name(name):
                return
        if how != "legal":
            # "铝门窗制造厂国田兴业", "设备商矽碁科技": a description before a firm already named is not part of it
            cut = self._described_firm(name)
            if cut is not None:
                name, pos = name[cut:], pos + cut
        head = _LEGAL_SUFFIX_RE.sub("", name)
        if _PHRASE_NOT_NAME.search(head if how == "legal" else name) or (how == "legal" and len(head) < 2):
            return
        if re.search(r"(?<!有限)项目公司$", name):
            return  # "成立项目公司", "海润光伏项目公司": the company a project will have, described, not named
        if how == "legal" and _CLAUSE_COMPANY_RE.search(name):
            return  # "管委会同意由公司", "并给予公司", "拟引进公司", "X等公司": a clause ending in the noun 公司
        country = ""
        stripped = name
        for word, code in sorted(COUNTRY_WORDS.items(), key=lambda kv: -len(kv[0])):
            if name.startswith(word) and len(name) > len(word) + 1:
                country, stripped = code, name[len(word):]
                break
        names = [stripped] + ([name] if stripped != name else [])
        index = None
        # "苹果公司" and "美国苹果": one firm, written with and without 公司
        for n in [*names, *(n + "公司" for n in names), *(n.removesuffix("公司") for n in names if n.endswith("公司"))]:
            index = self.firm_of(n)
            if index is not None:
                break
        if index is None:
            self.firms.append(_FirmEntity(names=[], first=(name, pos, pos + len(name))))
            index = len(self.firms) - 1
        firm = self.firms[index]
        for n in names:
            if n not in firm.names:
                firm.names.append(n)
                self._firm_index.setdefault(_norm(n), index)
        self._firm_spots = None
        self._firm_version += 1
        firm.how.add(how)
        if how == "legal" and not firm.legal_name:
            firm.legal_name = name
        if country and not firm.country:
            firm.country = country
            firm.country_text = (name, pos, pos + len(name))

    def _split_compounds(self) -> None:
        """德国巴斯夫贺利氏 = 巴斯夫 + 贺利氏: a name made only of other firms' names is those firms."""
        for i, firm in enumerate(list(self.firms)):
            for name in list(firm.names):
                parts = self._segment_by_names(name, exclude=i)
                if parts and len(parts) >= 2:
                    for part in parts:
                        other = self.firms[part]
                        if firm.country and not other.country:
                            other.country = firm.country
                            other.country_text = firm.country_text
                    firm.names.remove(name)
        self.firms = [f for f in self.firms if f.names]
        self._reindex_firms()

    def _merge_variants(self) -> None:
        """Two legal names of one firm in one article ("X节能玻璃有限公司", later "X节能玻璃幕墙有限责任公司"): when one
        name's body (without 有限公司…) is the start of the other's, at least six characters long, and the other
        adds at most two characters, they are one firm under the name written first."""
        bodies = sorted((_LEGAL_SUFFIX_RE.sub("", f.legal_name), i)
                        for i, f in enumerate(self.firms) if f.legal_name)
        into: dict[int, int] = {}
        for k, (body, i) in enumerate(bodies):
            if len(body) < 6:
                continue
            for other, j in bodies[k + 1:]:
                if not other.startswith(body):
                    break
                if 0 < len(other) - len(body) <= 2 and i not in into and j not in into:
                    spot_i, spot_j = self.firms[i].first, self.firms[j].first
                    first_i = spot_i[1] if spot_i is not None else 0
                    first_j = spot_j[1] if spot_j is not None else 0
                    keep, drop = (i, j) if first_i <= first_j else (j, i)
                    into[drop] = keep
        self._with_and_without_parent(into)
        # "凤冈县长山米业有限公司" and "长山米业有限公司": the county or city before a legal name is where it is
        legal = {f.legal_name: i for i, f in enumerate(self.firms) if f.legal_name}
        for name, i in legal.items():
            place = _ADMIN_PLACE_RE.match(name)
            if place is None:
                continue
            short = legal.get(name[place.end():])
            if short is not None and short != i and len(name) - place.end() >= 6 and i not in into and \
                    short not in into:
                into[i] = short
        if not into:
            return
        self._absorb(into)

    def _with_and_without_parent(self, into: dict[int, int]) -> None:
        """"广西森工集团高林林业股份有限公司" and "广西高林林业股份有限公司": a subsidiary written with and without its
        parent group after the place is one firm (added to ``into``, drop -> keep, the name with the group kept)."""
        named = [(_LEGAL_SUFFIX_RE.sub("", n), i) for i, f in enumerate(self.firms) for n in f.names
                 if _LEGAL_SUFFIX_RE.search(n)]
        by_body = {body: i for body, i in named}
        for body, i in named:
            inner = _GROUP_INFIX_RE.match(body)
            short = by_body.get(inner["place"] + inner["rest"]) if inner else None
            keep = into.get(i, i)
            if short is not None and short != keep and short not in into and short not in into.values():
                into[short] = keep

    def _absorb(self, into: dict[int, int], legal_last: bool = False) -> None:
        """Fold each firm ``drop`` of ``into`` (drop -> keep) into the firm it keeps: its names, how it was found and
        its country; then drop it and reindex. With ``legal_last`` the dropped firm's legal name goes after its
        other names, and not at all when it is the kept firm's own legal name."""
        for drop, keep in into.items():
            kept, gone = self.firms[keep], self.firms[drop]
            legal = gone.legal_name if legal_last else ""
            kept.names.extend(n for n in gone.names if n not in kept.names and (not legal or n != legal))
            if legal and legal != kept.legal_name and legal not in kept.names:
                kept.names.append(legal)
            kept.how |= gone.how
            if not kept.country and gone.country:
                kept.country, kept.country_text = gone.country, gone.country_text
            gone.names = []
        self.firms = [f for f in self.firms if f.names]
        self._reindex_firms()

    def _subsidiary(self, legal: str) -> bool:
        """A legal name written as a subsidiary ("向全资子公司美联新材料（四川）有限公司增资", "旗下X有限公司"): the
        shorter name that starts it is most often the parent, another firm."""
        return any(_SUBSIDIARY_BEFORE_RE.search(self.t, max(0, p - 6), p) for p in self.occurrences(legal))

    def _segment_by_names(self, name: str, exclude: int) -> list[int] | None:
        for word in COUNTRY_WORDS:
            if name.startswith(word):
                name = name[len(word):]
                break
        result: list[int] = []
        key = (len(self.firms), self._firm_version)
        if self._by_first is None or self._by_first[0] != key:
            by_first: dict[str, list[tuple[int, int, str]]] = {}
            for i, firm in enumerate(self.firms):
                for n in firm.names:
                    if n:
                        by_first.setdefault(n[0], []).append((i, -len(n), n))
            self._by_first = (key, {c: sorted(v) for c, v in by_first.items()})
        pos = 0
        while pos < len(name):
            found = None
            for i, minus_len, n in self._by_first[1].get(name[pos], []):
                if i != exclude and name.startswith(n, pos):
                    found = (i, -minus_len)
                    break
            if not found:
                return None
            result.append(found[0])
            pos += found[1]
        return result

    @staticmethod
    def _legal_variants(legal: str) -> list[str]:
        """A legal name's body, without its bracketed part, and without a leading province or city."""
        core = _LEGAL_BODY_RE.sub("", legal)
        variants = [core, re.sub(r"（[^）]*）|\([^)]*\)", "", core)]
        for province in _PROVINCES:
            variants += [v[len(province):] for v in list(variants) if v.startswith(province)]
        return variants

    def _all_short_names(self) -> None:
        """Short names of the firms with a legal name: each prefix of the name's body that the article uses
        outside every legal name ("浙江华锐精密机械有限公司", later "华锐精密"). A prefix that starts another firm's
        legal name (浙江华锐 of 浙江华锐电子有限公司 too) would point at both firms: it is no short name of either,
        and its mentions inside the other firm's legal name are no mentions of this one.

        Linear in the text: the legal-name spans are marked once, and a prefix is looked up only when it belongs
        to one firm, so a group's many subsidiaries (浙江华…有限公司 ×300) do not make each firm scan all the others'
        mentions."""
        legal_firms = [(i, firm, self._legal_variants(firm.legal_name)) for i, firm in enumerate(self.firms)
                       if firm.legal_name]
        if not legal_firms:
            return
        # prefix -> the one firm whose legal name it starts, -1 when several. A name with a full legal form comes
        # first: "江华海螺公司" (a bare 公司) after "江华海螺水泥有限公司" is most often the same firm written short,
        # so it claims only the prefixes no full legal name starts
        full: dict[str, int] = {}
        bare: dict[str, int] = {}
        for i, firm, variants in legal_firms:
            owners = bare if _LEGAL_BODY_RE.search(firm.legal_name) is None else full
            for variant in variants:
                for size in range(2, len(variant) + 1):
                    prefix = variant[:size]
                    if owners.setdefault(prefix, i) != i:
                        owners[prefix] = -1
        owners = {**bare, **full}
        in_legal = bytearray(len(self.t))  # 1 inside any legal name written in the article
        for legal in {firm.legal_name for _, firm, _ in legal_firms}:
            for p in self.occurrences(legal):
                in_legal[p:p + len(legal)] = b"\x01" * len(legal)
        for i, firm, variants in legal_firms:
            self._short_names(i, firm, variants, owners, in_legal)
        self._firm_version += 1

    def _short_names(self, index: int, firm: _FirmEntity, variants: list[str], owners: dict[str, int],
                     in_legal: bytearray) -> None:
        legal = firm.legal_name
        own: set[int] = set()  # positions inside this firm's short names found so far
        found: list[str] = []
        for variant in variants:
            stem = re.match(r"[\u4e00-\u9fff]{1,4}?(?:自治县|县|旗|区|市)(?=[\u4e00-\u9fff]{4})", variant)
            if stem and (stem.group().removesuffix("市") in CITIES or _NOT_A_COUNTY_RE.search(stem.group())):
                stem = None  # a city starts many firms' names and is cut elsewhere; "…园区" is no county
            city = _city_prefix_size(variant)
            for size in range(len(variant), 1, -1):
                prefix = variant[:size]
                if prefix.endswith("（") or prefix.count("（") != prefix.count("）"):
                    continue
                if (stem and size <= stem.end()) or size < city:
                    # "科右前", "科右" of "科右前旗乌兰集团…公司", "哈尔" of "哈尔滨X公司": the place it starts with,
                    # or part of it
                    continue
                if (prefix == legal or owners.get(prefix) != index or prefix in _PROVINCES or _names_nothing(prefix)
                        or prefix in COUNTRY_WORDS or prefix in _PLACE_WORDS or self._is_region_word(prefix)
                        or _bad_firm_name(prefix)):
                    continue
                spots = [p for p in self.occurrences(prefix) if not in_legal[p] and p not in own]
                if spots:
                    found.append(prefix)
                    for p in spots:
                        own.update(range(p, p + len(prefix)))
        for name in found:
            if name not in firm.names and self.firm_of(name) is None:
                firm.names.append(name)
                self._firm_index.setdefault(_norm(name), index)
                self._firm_spots = None

    def _background(self, pos: int, name: str) -> bool:
        """A mention of a firm that does not act in the article's events: a guest (its chairman attends or speaks),
        a customer or supplier, a parent (隶属…, …旗下), or one of the firms that attended (…等企业参加)."""
        c_start, c_end = self.clause(pos)
        after = self.t[pos + len(name):c_end]
        before = self.t[c_start:pos]
        return bool(_GUEST_AFTER_RE.match(after) or _CUSTOMER_BEFORE_RE.search(before)
                    or _PARENT_RE.search(before[-4:]) or _PARENT_AFTER_RE.match(after)
                    or _ATTENDED_RE.search(after) or self._officer_only(pos + len(name))
                    or (before.endswith("在") and bool(_SUPPORTED_BY_RE.match(after))))

    def _officer_only(self, end: int) -> bool:
        """A firm named only as the employer of a person with a title ("X公司总工程师张三表示", "X集团党委书记、
        董事长李四出席") in a sentence where nobody signs: a guest's or a speaker's affiliation, not an actor."""
        if not _OFFICER_AFTER_RE.match(self.t, end):
            return False
        s = self.sentences[self.sentence_at(end)]
        return not _SIGNING_VERB_RE.search(self.t, s.start, s.end)

    def emit_firms(self) -> None:
        linked = {f for proj in self.projects if not proj.weak for f in proj.firms}
        for index, firm in enumerate(self.firms):
            key = firm.name
            spots = sorted((p, n) for n in firm.names for p in self.occurrences(n))
            if not spots or index in self.unconfirmed:
                continue
            pos, written = spots[0]
            # a legal name is a firm; a foreign brand or a name after a country word most likely; an item of a
            # list before 等项目 or of a pair may as well be a product or a project
            conf = (0.8 if firm.legal_name else 0.7 if firm.how & {"brand", "country", "group"}
                    else 0.6 if "country_weak" in firm.how else 0.65 if "subject" in firm.how else 0.55)
            if index not in linked and all(self._background(p, n) for p, n in spots):
                conf = 0.45  # a guest, a customer, a parent or an attendee, in every mention: likely not an actor
            self.add("firm", key, "name", key, pos, pos + len(written), conf)
            if firm.legal_name:
                p = self.occurrences(firm.legal_name)[0]
                self.add("firm", key, "legal_name", firm.legal_name, p, p + len(firm.legal_name), 0.9)
            for alias in firm.names:
                if alias in (key, firm.legal_name):
                    continue
                spot = self.occurrences(alias)
                if spot:
                    self.add("firm", key, "aliases", alias, spot[0], spot[0] + len(alias), 0.7)
            if firm.country and firm.country_text:
                text, a, b = firm.country_text
                self.add("firm", key, "country", firm.country, a, b, 0.7)
            for p, n in spots:
                c_start, c_end = self.clause(p)
                m = _FORTUNE_RE.search(self.t, c_start, c_end)
                if m:
                    self.add("firm", key, "fortune500", "yes", m.start(), m.end(), 0.6,
                             evidence=self.t[max(c_start, p):m.end() + 2], note=f"{n} …{m.group()}")
                    break

    # --------------------------------------------------------------------------------------- projects
    def firms_in(self, start: int, end: int) -> list[int]:
        """Firms named in ``text[start:end]``, in the order of their first mention there."""
        if self._firm_spots is None:
            self._firm_spots = sorted((p, i) for i, firm in enumerate(self.firms) for n in firm.names
                                      for p in self.occurrences(n))
        spots = self._firm_spots
        found: list[int] = []
        for _p, i in spots[bisect.bisect_left(spots, (start, -1)):bisect.bisect_left(spots, (end, -1))]:
            if i not in found:
                found.append(i)
        return found

    def find_projects(self) -> None:
        mentions: list[tuple[str, int, int]] = []
        for m in _PROJECT_RE.finditer(self.t):
            if self.t.startswith("库", m.end()):
                continue  # "储备项目库": 项目 qualifies another noun
            raw = m.group()
            name = _project_name(raw)
            start = m.end() - len(name)
            if len(name) < 4:
                continue
            pair = _PAIR_SPLIT_RE.match(name)
            if pair and len(pair["second"]) >= 8:
                # "美国罗克韦尔智能产业联创中心和新加坡吉宝光明区重点片区综合开发运营项目": two projects
                mentions.append((pair["first"], start, start + len(pair["first"])))
                start += pair.start("second")
                name = pair["second"]
            phase = _PHASE_AFTER_RE.match(self.t, m.end())
            if phase and not re.match(r"(?:该|这个|此|本|上述|这)", name):
                # "…标准化厂房项目一期总投资约5.75亿元": the phase is part of the name
                mentions.append((name + phase.group(), start, phase.end()))
                continue
            mentions.append((name, start, m.end()))
        for m in _WORKS_RE.finditer(self.t):
            # "八尺门海堤贯通工程", "东环路改扩建工程": public works are projects too, when they name what is built
            name = _project_name(m.group()[:-2] + "项目")[:-2] + "工程"
            if "项目" in name:
                continue  # "X项目主体工程": the works of a project named before, that project
            if len(name) >= 6 and not self._generic(name.removesuffix("工程") + "项目", []) and not (
                    _WORKS_NOT_NAME.search(name)):
                mentions.append((name, m.end() - len(name), m.end()))
        for m in _BUILD_OBJECT_RE.finditer(self.t):
            # "计划在遂宁经开区建设占地2000亩的电子科技产业园": the object of 建设 is the project
            name = m["name"]
            counted = re.search(r"为|是|^[\d一二两三四五六七八九十]+[条座个栋]", name)
            if len(name) >= 4 and not self._generic(name + "项目", []) and not counted:
                mentions.append((name, m.start("name"), m.end("name")))
        for m in _PRE_AMOUNT_FIRM_RE.finditer(self.t):
            # "如总投资9300万美元的鹤山市钜颖电子科技有限公司": a firm that is the project itself
            firm = self.firm_of(m["firm"])
            if firm is not None and self.firms[firm].legal_name:
                self._add_project([self.firms[firm].legal_name], [firm], (m.start("firm"), m.end("firm")))
        for m in _PRE_AMOUNT_RE.finditer(self.t):
            # "投资8856万元的八尺门海堤贯通工程", "总投资100亿元以上的东山海洋生物科技园": the amount comes first
            name = _project_name(m["name"] + "项目").removesuffix("项目")
            if len(name) >= 4 and not self._generic(name + "项目", []) and not re.search(r"民生|重点|重大", name):
                mentions.append((name, m.end("name") - len(name), m.end("name")))
        self.example_starts: set[int] = set()
        for m in _INCLUDES_RE.finditer(self.t):
            # "开工建设项目113个，包括X创新中心、Y示范区等": the examples of a group of projects (of this event's
            # projects when the group is this event's: "此次集中开工项目，包括…")
            this_event = re.search(r"此次|本次|这次|今天|今日|当天|当日", self.t[self.clause(m.start())[0]:m.start()])
            pos = m.start("items")
            for item in m["items"].split("、"):
                name = _project_name(item + "项目").removesuffix("项目")
                if (len(name) >= 5 and _CONCRETE_ITEM_RE.search(name) and not self._generic(name + "项目", [])
                        and not re.search(r"\d", name)):
                    start = pos + len(item) - len(name)
                    mentions.append((name, start, start + len(name)))
                    if not this_event:
                        self.example_starts.add(start)
                pos += len(item) + 1
        for m in _WORKS_EVENT_RE.finditer(self.t):
            # "占地150亩的追日电气科技工业园竣工": a park or plant whose own event is reported is a project
            name = _project_name(m.group() + "项目").removesuffix("项目")
            if len(name) >= 6 and not self._generic(name + "项目", []) and not _GENERIC_PLACE.match(name):
                mentions.append((name, m.end() - len(name), m.end()))
        for m in _OTHER_PROJECT_RE.finditer(self.t):
            # "山王坪供水工程，计划总投资2.5亿元", "长兴工业园，总投资5000万元": a project not called 项目
            name = _project_name(m.group() + "项目").removesuffix("项目")
            if re.search(r"(?:位于|在|落户|落地|入驻|坐落于|选址于?|地处)$", self.t[max(0, m.end() - len(name) - 4):
                                                                         m.end() - len(name)]):
                continue  # "该项目位于X产业园，总投资20亿元": the park is where the project is, not a project
            if len(name) >= 4:
                mentions.append((name, m.end() - len(name), m.end()))
        siblings = self._enumerated_siblings(mentions)
        self.sibling_ends = {end for _name, _start, end in siblings}
        mentions += siblings
        # "A项目——B项目" is one project under two names
        joined: list[tuple[str, int, int]] = []
        for name, start, end in mentions:
            if joined and re.fullmatch(r"—+", self.t[joined[-1][2]:start]):
                prev = joined.pop()
                joined.append((self.t[prev[1]:end], prev[1], end))
            else:
                joined.append((name, start, end))
        mentions = joined
        # drop mentions inside a longer one
        mentions = _outermost(mentions)
        self.specific_names: set[str] = set()
        known: list[tuple[str, int]] = []
        for name, start, end in mentions:
            firms = self.firms_in(start, end)
            sent = self.sentences[self.sentence_at(start)]
            if re.search(r"(?:相关|有关|其他|其它|等|和|及|与)项目$", name):
                continue
            if _unbalanced(name):
                continue  # "人民币（最终项目": a bracket's inside or outside cut in two, not a name
            if _DESCRIPTION_RE.match(name):
                # "中国首个外商独资…项目", "广东最大冷轧薄板生产线", "世界单体最大X项目——Y项目": a description of a
                # project named elsewhere (or right after the dash), not its name
                tail = name.rsplit("—", 1)[-1] if "—" in name else ""
                if len(tail) < 4:
                    continue
                name, start = tail, end - len(tail)
            determiner = re.match(r"(?:该|这个|这一|此|本|上述|这|首个|一期|二期|三期)", name)
            if determiner or re.match(r"[\d.]+万?吨级", name):
                # "这个钢帘线项目", "400万吨级精选矿项目": another mention of a project named before
                rest = re.sub(r"^(?:该|这个|这一|此|本|上述|这|首个|[\d.]+万?吨级)", "", name)
                earlier = [i for n, i in known if len(rest) >= 4 and (n.endswith(rest) or rest in n)]
                if earlier:
                    self.projects[earlier[-1]].mentions.append((start, end))
                    self._mention_index = None
                    continue
                if determiner and len(rest) <= 4:
                    continue
            owner = self._content_owner(start, known)
            if owner is not None:
                # "华洲高端药项目建设高端医药原料药及中间体项目。其中一期建设年产1150吨原料药项目": what a project
                # builds, phase by phase, is that project's content, another mention of it, not a new project
                self.projects[owner].mentions.append((start, end))
                self._mention_index = None
                continue
            if self._counted(start, end) or (self._generic(name, firms) and not (
                    self.firms_in(sent.start, start) and self._has_segment_word(name, whole=True)
                    and not _GENERIC_PROJECT.match(re.sub(_QTY, "", name)))):
                # a product-only name ("精密轴承项目") is a project when its firms come first in the sentence
                continue
            # "年产10GW高效太阳能（000591）电池片项目": a stock code a mirror site put after a firm's name is no part
            # of the project's name
            name = _CODE_IN_NAME_RE.sub("", name)
            self.specific_names.add(name)
            added = self._add_project([name, *self._parts(name)], firms, (start, end))
            known.append((name, added))
        self._invest_frames()
        for item, pos in self.list_projects:
            if pos + len(item) in self.sibling_ends:
                continue  # "还有X生产基地、Y基地等产业项目": the item already names a project of the list
            if not _GENERIC_WORD_RE.fullmatch(item):
                self._add_project([f"{item}项目"], self.firms_in(pos, pos + len(item)), (pos, pos + len(item)))
        for items, end, time_word, landed in self.list_items:
            if re.match(r"等[^，。；]{0,6}?(?:企业|公司|厂商|客商|集团|单位)", self.t[end:end + 12]):
                continue  # "和A、B等企业签约合作项目30个": the firms of a counted group, no project of each
            for item, pos in items:
                index = self.firm_of(item)
                if index is None:
                    continue
                for part in self._segment_by_names(item, exclude=-1) or [index]:
                    proj = self._add_project([f"{self.firms[part].name}项目"], [part], (pos, pos + len(item)),
                                             weak=True)
                    if time_word and landed:
                        self.pending_dates.append((proj, time_word, pos, end))

    def _content_owner(self, start: int, known: list[tuple[str, int]]) -> int | None:
        """The project whose content a name introduced by 建设/为/即 is: another project named earlier in the same
        sentence ("A项目建设B项目", "A项目一期投资3亿元，建设B项目"), else the project named last before a sentence
        that opens with that project, a phase or 该项目 ("其中一期建设B项目", "一期主要产品为…，二期为B项目",
        "该项目…分两期建设B生产线"); None when the name is not introduced that way."""
        if not known:
            return None
        sent = self.sentences[self.sentence_at(start)]
        pre = self.t[sent.start:start]
        if not _CONTENT_INTRO_RE.search(pre):
            return None
        earlier = [(b, i) for _n, i in known for a, b in self.projects[i].mentions if sent.start <= a and b <= start]
        if earlier:
            # only when nothing else takes the subject between them: a firm, a place, a list or a second clause
            end, owner = max(earlier)
            between = self.t[end:start]
            if (start - end <= 30 and not re.search(r"[、；]|在|以及|和|与|由", between)
                    and not self.firms_in(end, start)):
                return owner
            return None
        if _CONTENT_OPENING_RE.match(pre):
            return known[-1][1]
        return None

    def _enumerated_siblings(self, mentions: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        """Items of an enumeration whose other items are projects are projects too, whatever they are called:
        "经开区公立学校建设项目、灞桥区教育综合提升工程、大兴新区第二学校等开工建设", "主要包括高旺大桥、蒙山县古皂水库
        工程等", "X公司年产50万吨预焙阳极、Y集团年产600万套子午胎等22个项目实现竣工投产". An enumeration is a run of
        items joined by 、 (the last may follow 和/及) inside one clause; it counts as a list of projects when one of
        its items is a project named 项目 or 工程, or when 等 (N个)…项目 closes it. Items that are only a place, a
        firm, a field of industry or a category word are left out."""
        ends = {end for name, _start, end in mentions if re.search(r"(?:项目|工程)$", name)
                and not self._generic(name.removesuffix("工程") + ("项目" if name.endswith("工程") else ""), [])}
        taken = {end for _name, _start, end in mentions}
        found: list[tuple[str, int, int]] = []
        for m in _ENUMERATION_RE.finditer(self.t):
            pieces: list[tuple[str, int]] = []
            pos = m.start()
            for part in re.split(r"、|(?:以及|和|及)(?=[^、]*$)", m.group()):
                at = self.t.find(part, pos, m.end())
                pieces.append((part, at))
                pos = at + len(part)
            closed = self.t.startswith("等", m.end())
            # "X公司年产50万吨预焙阳极、Y集团年产600万套子午胎等22个项目": items that name a capacity or a plant,
            # closed by 等…项目, are projects too
            counted = closed and re.match(r"等[^，。；、]{0,10}?项目", self.t[m.end():m.end() + 14])
            made = [part for part, _at in pieces if _MADE_ITEM_RE.search(part)]
            # "A电站、B光伏、C有机硅等5大项目", "A产业园、B校区及C产业园等1075个项目集中开工": in a list closed by
            # 等…项目, an item named as a plant, park, station or works is a project whatever the other items are
            plants = bool(counted) and any(_PLANT_ITEM_RE.search(part) for part, _at in pieces) and not re.search(
                r"洽谈|跟踪|对接|谋划|储备|招引|引进", self.t[self.clause(m.start())[0]:m.start() + len(pieces[0][0])])
            # (not "跟踪洽谈A、B产业园等产业性项目": projects still being courted)
            if not (any(at + len(part) in ends for part, at in pieces) or (counted and len(made) == len(pieces))
                    or plants) or _inside_parens(self.t, m.start()):
                continue
            if _PARTS_INTRO_RE.search(self.t, max(0, m.start() - 12), m.start()):
                continue  # "…贯通工程，主要包括退堤还海工程、海域清淤等": the parts of one project
            only_plants = plants and not (any(at + len(part) in ends for part, at in pieces)
                                          or len(made) == len(pieces))
            for index, (part, at) in enumerate(pieces):
                if at + len(part) in taken:
                    continue
                if only_plants and not _PLANT_ITEM_RE.search(part):
                    continue  # the other items of such a list may be firms or fields: left to the other rules
                if only_plants:
                    # "还有X生产基地", "长沙高新区投资建X基地": an intro word is no part of the name, and an item
                    # holding a verb phrase is prose, not a name
                    intros = list(re.finditer(r"还有|另有|以及|包括|包含|主要有|既有|也有|其中|签约了?|签订了?|"
                                              r"开工了?|竣工了?|投产了?", part[:-4]))
                    intro = intros[-1] if intros else None
                    if intro:
                        part, at = part[intro.end():], at + intro.end()
                    if re.search(r"投资|投建|建设|新建|打造|引进|落户", part[:-2]):
                        continue
                if index == len(pieces) - 1 and not closed and not _ENUM_LAST_RE.search(part):
                    continue  # "…、B工程开工": where the last item ends is unsure without 等
                name = _project_name(part if part.endswith("项目") else part + "项目")
                name = name if part.endswith("项目") else name.removesuffix("项目")
                # (a park counted among the projects is one of them, not a place)
                placed = not (only_plants and len(name) >= 6) and (
                    is_place_name(name) or _is_place_word(name) or bool(_PLACE_RE.fullmatch(name)))
                if (not 4 <= len(name) <= 30 or self._generic(name if name.endswith("项目") else name + "项目", [])
                        or _GENERIC_PLACE.match(name) or placed
                        or _GENERIC_WORD_RE.fullmatch(name) or self.firm_of(name) is not None
                        or _ENUM_NOT_PROJECT_RE.search(name)
                        or _unbalanced(name)):
                    continue
                start = at + len(part) - len(name)
                found.append((name, start, start + len(name)))
        return found

    def _invest_frames(self) -> None:
        """"全懋精机则将投资近3亿元，在彰化田中建新厂": a firm that invests an amount to build something is a project
        of that firm, named by what is built (新厂, 厂房, 产线 …) even when the article never says 项目; its place is
        the place of the build clause. Only when the sentence names no project of its own after the amount."""
        self.frame_places: dict[int, tuple[str, str, int, int]] = {}  # id(project entity) -> place
        frames = [*_SUBJECT_INVESTS_RE.finditer(self.t), *_BARE_INVESTS_RE.finditer(self.t)]
        frame_starts = sorted(x.start() for x in frames)
        for m in sorted(frames, key=lambda x: x.start()):
            sent = self.sentences[self.sentence_at(m.start())]
            subject = m["name"]
            if not subject or _ADVERB_SUBJECT_RE.fullmatch(subject):
                # "瑞振工业也因应产业发展，同样将斥资5亿元在彰化秀水乡兴建厂房": a clause without a subject of its own
                # invests for the firm named last before it in the sentence
                spots = [(p, i) for i in self.firms_in(sent.start, m.start()) for n in self.firms[i].names
                         for p in self.occurrences_in(n, sent.start, m.start())]
                if not spots:
                    continue
                firm: int | None = max(spots)[1]
                subject = self.firms[max(spots)[1]].names[0]
                name_start = m.start("verb")
            else:
                firm = self.firm_of(subject)
                cut = self._described_firm(subject) if firm is None else None
                if cut is not None:
                    subject = subject[cut:]
                    firm = self.firm_of(subject)
                name_start = m.end("name") - len(subject)
            unnamed = firm is None and re.match(r"(?:不具名|一家|另一家|另有一家|某)", subject)
            if firm is None and not unnamed:
                continue
            stop = self.t.find("；", m.end(), sent.end)
            stop = sent.end if stop < 0 else stop
            # the next investing clause of the sentence has a subject and an object of its own
            k = bisect.bisect_right(frame_starts, m.end())
            if k < len(frame_starts) and frame_starts[k] < stop:
                stop = frame_starts[k]
            if self.strong_mentions(m.start(), stop):
                continue
            built = _INVEST_OBJECT_RE.search(self.t, m.end(), stop)
            if built is None or len(built["obj"]) < 2 or re.search(r"\d|就业|机会|产能|比重|能力", built["obj"]):
                continue
            if firm is None:
                # "不具名RFID厂则将投资12亿元新建厂房及办公大楼": a project of a firm the article does not name
                if len(built["obj"]) < 4:
                    continue
                index = self._add_project([built["obj"]], [], (name_start, built.end("obj")))
            else:
                span = (name_start, built.end("obj"))
                index = self._add_project([f"{subject}{built['obj']}"], [firm], span)
            if built["place"] and not _NOT_A_PLACE_HEAD.search(built["place"]):
                place = built["place"]
                self.frame_places[id(self.projects[index])] = (place, self._region_id(place), built.start("place"),
                                                               built.end("place"))

    def _parts(self, name: str) -> list[str]:
        return [p for p in re.split(r"—+", name) if p.endswith("项目") and p != name]

    def _counted(self, start: int, end: int) -> bool:
        """A kind of project that is counted ("医养健康项目2个", "信息技术项目2项", "6个工业项目"), not one project;
        not the last item of a list the count is of ("A项目、B项目、C项目3项")."""
        after = self.t[end:end + 6]
        before = self.t[max(0, start - 4):start]
        counted_after = re.match(r"(?:占到|有|共|达|约|合计|共计|为)?(?:\d+|[一二三四五六七八九十两几多数]+)[个项]",
                                 after)
        listed = before.endswith("项目、")
        return bool((counted_after and not listed)
                    or re.search(r"(?:\d|[一二三四五六七八九十两几多数])个$", before)
                    or re.match(r"[一二三四五六七八九十\d]+大", after))

    def _generic(self, name: str, firms: list[int]) -> bool:
        """A project name that names no firm, place, brand or product ("重点项目", "21个高质量制造业项目").

        What is left after taking out quantities, counts and a vocabulary of category words (重大, 产业, 工业, 社会事业,
        新能源, 签约, 亿元级 ...) must be at least two characters.
        """
        if firms or re.match(_COUNTRY_ALT, name):
            return False
        if _KIND_NAME_RE.search(name.removesuffix("项目")):
            return True  # "资源开发型", "能源类项目", "附加值高项目": a type, a class or a quality of projects
        if _EVENT_BATCH_NAME_RE.search(name):
            return True  # "第十届X博会Y市签约项目", "X行业项目": the batch of a fair or the kind of a trade
        stripped = re.sub(_QTY, "", name)
        if _GENERIC_PROJECT.match(stripped) or len(stripped) < 4:
            return True
        rest = _COUNTED_RE.sub("", _DATE_RE.sub("", stripped.removesuffix("项目")).replace("第", ""))
        # a period before or after the place ("上半年X市项目", "该县上半年续建项目")
        rest = _PERIOD_RE.sub("", _ADMIN_PLACE_RE.sub("", _PERIOD_RE.sub("", _RELATIVE_DAY_RE.sub("", rest))))
        zone = _ZONE_PREFIX_RE.match(rest)
        if zone and _EVALUATIVE_RE.fullmatch(rest[zone.end():]):
            return True  # "X经济技术开发区重点项目": the zone's projects of a kind, not one project
        tail = _CATEGORY_TAIL_PROJECT_RE.search(stripped)
        # (the county or city that starts a batch's name is no product: "澄城县2022年度1-2月份重点项目")
        head = _ADMIN_PLACE_RE.sub("", re.sub(r"^[\d.:：]+", "", stripped[:tail.start()])) if tail else ""
        if tail and not (_CONCRETE_HEAD.search(head) or _PRODUCT_HINT.search(head)
                         or self._has_segment_word(head, whole=True)
                         or re.search(r"[A-Za-z]", head)):
            # "第三师一周内重大项目", "梧州市2021年第二季度重大项目", "穆棱市2019年秋季招商引资项目": a batch of a
            # time or place by its category, not one project (nothing made, built or branded before the category)
            return True
        words = _GENERIC_WORD_RE.sub("", rest)
        rest = re.sub(r"[\d.%、（）()]+", "", words)
        # two characters are a name only next to a kind of work ("台玻技改项目") or before a kind of place or
        # facility it names ("滨海产业示范区"), not alone ("整车项目")
        return len(rest) < 2 or (len(rest) == 2 and words == rest and not _CONCRETE_HEAD.search(name)
                                 and not _CONCRETE_ITEM_RE.search(name.removesuffix("项目")))

    def _has_segment_word(self, text: str, whole: bool = False) -> bool:
        """Whether ``text`` names a product of a chain template (more than only the product, unless ``whole``)."""
        if self.dataset is None:
            return False
        return any(len(w) >= 2 and w in text and (whole or w != text.removesuffix("项目"))
                   for seg in self.dataset.segments.values() for w in (seg.name, *seg.keywords, *seg.aliases))

    def _residual(self, name: str, firms: list[int]) -> str:
        cache_key = (name, tuple(firms), len(self.firms))
        cached = self._residuals.get(cache_key)
        if cached is None:
            cached = self._residuals[cache_key] = self._residual_uncached(name, firms)
        return cached

    def _residual_uncached(self, name: str, firms: list[int]) -> str:
        rest = name
        for i in firms:
            for n in sorted(self.firms[i].names, key=len, reverse=True):
                rest = rest.replace(n, "")
        for word in [*COUNTRY_WORDS, "增资", "项目", "平湖", "新", "—"]:
            rest = rest.replace(word, "")
        # "彰教工业园区长山米业有限公司项目", "凤冈县长山米业有限公司建设项目": a place before the firm's name and
        # the word 建设 say where and what, not which project
        if firms and rest != name:
            rest = _RESIDUAL_PLACE_RE.sub("", rest).replace("建设", "")
        return rest

    def _add_project(self, names: list[str], firms: list[int], span: tuple[int, int], weak: bool = False,
                     implicit: bool = False) -> int:
        keys = {_norm(n) for n in names} | {_norm(_name_core(n)) for n in names}
        keys |= {_norm(n.removesuffix("项目")) for n in names}
        keys |= {k for n in names if (k := self._without_maker(n, firms))}
        firm_only = all(not self._residual(n, firms) for n in names)
        candidates = sorted({i for k in keys for i in self._project_index.get(k, ())}
                            | {i for f in firms for i in self._projects_of_firm.get(f, ())})
        short_form = None if weak or implicit else self._short_form_of(names, firms)
        if short_form is not None and short_form not in candidates:
            candidates = sorted([*candidates, short_form])
        for i in candidates:
            proj = self.projects[i]
            same_name = keys & ({_norm(n) for n in proj.names} | {_norm(_name_core(n)) for n in proj.names}
                                | {_norm(n.removesuffix("项目")) for n in proj.names}
                                | {k for n in proj.names if (k := self._without_maker(n, proj.firms))})
            proj_firm_only = all(not self._residual(n, proj.firms) for n in proj.names)
            same_firms = bool(firms) and bool(proj.firms) and (
                (set(firms) == set(proj.firms) and (firm_only or proj_firm_only))
                or (firm_only and set(firms) <= set(proj.firms))
                or (proj_firm_only and set(proj.firms) <= set(firms)))
            variant = bool(firms) and set(firms) == set(proj.firms) and any(
                _variant(self._residual(n, firms), self._residual(m, proj.firms)) for n in names for m in proj.names)
            if same_name or same_firms or variant or i == short_form:
                for n in names:
                    if n not in proj.names:
                        proj.names.append(n)
                        self._head_index.setdefault(_norm(n)[:2], []).append(i)
                        self._project_index.setdefault(_norm(n), []).append(i)
                        self._project_index.setdefault(_norm(_name_core(n)), []).append(i)
                for f in firms:
                    if f not in proj.firms:
                        proj.firms.append(f)
                        self._projects_of_firm.setdefault(f, []).append(i)
                self._mention_index = None
                if weak:
                    proj.weak_mentions.append(span)
                else:
                    proj.mentions.append(span)
                    proj.weak = False
                return i
        self.projects.append(_ProjectEntity(names=list(names), firms=list(firms), mentions=[] if weak else [span],
                                            weak_mentions=[span] if weak else [], weak=weak, implicit=implicit))
        index = len(self.projects) - 1
        for n in names:
            self._head_index.setdefault(_norm(n)[:2], []).append(index)
            without = self._without_maker(n, firms)
            if without:
                self._project_index.setdefault(without, []).append(index)
            self._project_index.setdefault(_norm(n), []).append(index)
            self._project_index.setdefault(_norm(_name_core(n)), []).append(index)
            self._project_index.setdefault(_norm(n.removesuffix("项目")), []).append(index)
        for f in firms:
            self._projects_of_firm.setdefault(f, []).append(index)
        self._mention_index = None
        return index

    def _short_form_of(self, names: list[str], firms: list[int]) -> int | None:
        """The one project already found that a new name is a short form of, or the short form of ("易商基地项目"
        after "易商智能终端及核心零部件产业基地项目", "金百利产业园项目" before "金百利包装产业园项目"): see
        :func:`_short_form`. None when there is none, or more than one (then the short name is ambiguous)."""
        found: set[int] = set()
        for n in names:
            a = _norm(n)
            sharing = self._head_index.get(a[:2], ())
            if not a.endswith("项目") or _NO_BRAND_START_RE.match(a) or len(sharing) > SHORT_FORM_BUCKET:
                continue  # (many projects starting alike: a short form would be ambiguous, and costly to look up)
            for i in sharing:
                proj = self.projects[i]
                if proj.weak or proj.implicit or (firms and proj.firms and not set(firms) & set(proj.firms)):
                    continue
                if any(_short_form(a[:-2], b[:-2], short_later=True) or _short_form(b[:-2], a[:-2], short_later=False)
                       for m in proj.names if (b := _norm(m)).endswith("项目")):
                    found.add(i)
        return found.pop() if len(found) == 1 else None

    def _without_maker(self, name: str, firms: list[int]) -> str:
        """The key of a project name without the firm that starts it ("桂林天海塑业有限公司圆织成套生产线…项目" ->
        "圆织成套生产线…项目"), when what is left is specific (6+ characters); else ""."""
        for f in firms:
            for n in sorted(self.firms[f].names, key=len, reverse=True):
                if name.startswith(n) and len(name) - len(n) >= 8:
                    return _norm(name[len(n):])
        return ""

    def _mention_ends(self, start: int, end: int) -> list[tuple[int, int]]:
        """``(start, end)`` of the project mentions that end inside ``[start, end]``."""
        self.strong_mentions(0, 0)
        index = self._end_index
        low, high = bisect.bisect_left(index, (start, -1)), bisect.bisect_right(index, (end, 1 << 60))
        return [(a, b) for b, a in index[low:high] if a < end]

    def strong_mentions(self, start: int, end: int) -> list[tuple[int, int]]:
        """``(position, project)`` of the non-weak project mentions starting in ``[start, end)``, in order."""
        if self._mention_index is None:
            self._mention_index = sorted((a, i) for i, p in enumerate(self.projects) if not p.weak
                                         for a, _ in p.mentions)
            self._end_index = sorted((b, a) for p in self.projects for a, b in p.mentions)
        index = self._mention_index
        return index[bisect.bisect_left(index, (start, -1)):bisect.bisect_left(index, (end, -1))]

    def project_for_firm(self, firm: int) -> int | None:
        owned = [i for i in self._projects_of_firm.get(firm, []) if firm in self.projects[i].firms]
        return owned[0] if len(owned) == 1 else None

    def project_at(self, pos: int, include_following: bool = True) -> int | None:
        """The project a figure or date at ``pos`` is about: in its sentence, else the paragraph's focus."""
        sent_index = self.sentence_at(pos)
        sent = self.sentences[sent_index]
        strong = self.strong_mentions(sent.start, sent.end)
        tail = re.match(rf"(?:{_QTY})?的", self.t[pos:pos + 30])
        if tail:  # "计划投资1.2亿元的台玻技改项目": the project named right after
            _c_start, c_end = self.clause(pos)
            following = [x for x in strong if pos < x[0] <= min(c_end, pos + tail.end() + 30)]
            if following:
                return following[0][1]
        before = [x for x in strong if x[0] <= pos]
        if before:
            return max(before)[1]
        after = [x for x in strong if x[0] > pos]
        if after and include_following:
            return min(after)[1]
        firms = [f for f in self.firms_in(sent.start, sent.end)]
        for f in firms:
            owned = self.project_for_firm(f)
            if owned is not None:
                return owned
        if not self._anaphor_subject(sent.start, pos) and any(
                not self._projects_of_firm.get(f) for f in self.firms_in(sent.start, pos)):
            return None  # a new subject: a firm with no project yet ("本地电机有限公司今年实现增资800万美元")
        # focus: the last project or firm-with-one-project mentioned earlier in the same paragraph, or further
        # back when the sentence says which ("该项目总投资…", "项目总用地面积…" at the start of a paragraph)
        anaphor = bool(_ANAPHOR_RE.search(self.t, sent.start, pos))
        for prev in range(sent_index - 1, max(-1, sent_index - (9 if anaphor else 6)), -1):
            s = self.sentences[prev]
            if s.paragraph != sent.paragraph and not anaphor:
                break
            strong = self.strong_mentions(s.start, s.end)
            if strong:
                return max(strong)[1]
            for f in reversed(self.firms_in(s.start, s.end)):
                owned = self.project_for_firm(f)
                if owned is not None:
                    return owned
        return None

    def _signed_firm_project(self, sent_index: int, pos: int) -> int | None:
        """"X公司与园区签订投资协议，标志着第二个招商项目落户。该项目用地58.4亩…": a sentence opening with 该项目 right
        after one that signs with one firm (by its legal name) and names no project of it: the project is that
        firm's own, named after it (implicit, kept below the high-confidence mark)."""
        sent = self.sentences[sent_index]
        if sent_index == 0 or not self._anaphor_subject(sent.start, pos):
            return None
        prev = self.sentences[sent_index - 1]
        firms = [f for f in self.firms_in(prev.start, prev.end) if self.firms[f].legal_name]
        if (len(set(firms)) != 1 or self._projects_of_firm.get(firms[0]) or self.strong_mentions(prev.start, prev.end)
                or not _SIGNED_FIRM_RE.search(self.t, prev.start, prev.end)):
            return None
        firm = self.firms[firms[0]]
        spot = min(p for p in self.occurrences(firm.legal_name) if p >= prev.start)
        return self._add_project([firm.legal_name], [firms[0]], (spot, spot + len(firm.legal_name)), implicit=True)

    def _anaphor_subject(self, sent_start: int, pos: int) -> bool:
        """"该项目作为X有限公司在华东的总部，…总投资30亿元", "项目由X公司投资建设，总投资…": the sentence's subject is
        the project named before (该项目, 项目, 这个项目 opening the sentence, before any firm), so a firm named
        later in it is what the project is for or who builds it, not a new subject with a figure of its own."""
        opening = _ANAPHOR_SUBJECT_RE.match(self.t, sent_start, pos)
        if opening is None:
            # "…出席签约仪式，据X介绍，该项目由Y公司投资兴建，投资额达3.5亿元": a later clause opening with 该项目
            clauses = list(_ANAPHOR_CLAUSE_RE.finditer(self.t, sent_start, pos))
            opening = clauses[-1] if clauses else None
        return opening is not None and not self.firms_in(opening.start(), opening.start("anaphor"))

    # --------------------------------------------------------------------------------------- figures
    def find_figures(self) -> None:
        self.project_values: list[tuple[int, str, str, int, int, float, str]] = []
        self.region_values: list[tuple[str, str, int, int, str]] = []
        for m in _FIGURE_RE.finditer(self.t):
            label, qty_text = m["label"], m["qty"]
            if qty_text[-1] in "亿万" and _LABELS[label] in ("investment", "registered_capital", "expected_output"):
                qty_text += "元"  # "总投资26亿的…项目": yuan unsaid
            try:
                qty = parse_quantity(qty_text)
            except ParseError:
                continue
            if qty.unit == "CNY" and "人民币" not in qty_text and m["cur"] != "人民币" and (
                    m["cur"] or self._twd_before(m.start()) or re.match(r"(?:新)?台币", self.t[m.end():m.end() + 3])):
                # "将投资约新台币46亿元…华泰电子将投资近43亿元": after 新台币, a plain 元 is the same currency
                qty = Quantity(qty.amount, "TWD", qty.qualifier)
            target = _LABELS[label]
            before_label = self.t[max(0, m.start() - 4):m.start()]
            if qty.qualifier == "at_least" and (_SIZE_CLASS_AFTER_RE.match(self.t, m.end())
                                                or _SIZE_CLASS_BEFORE_RE.search(self.t, max(0, m.start() - 10),
                                                                                m.start())):
                continue  # "投资超亿元项目35个", "单个项目投资超过1亿元": a size class of projects, not an amount
            if _RANGE_AFTER_RE.match(self.t, m.end()) or _AVERAGE_RE.search(
                    self.t, max(self.clause(m.start())[0], m.start() - 8), m.start() + 4):
                continue  # "投资10亿元至50亿元的项目62个", "单体项目平均总投资额达8.32亿元": a class or a mean
            if target == "investment" and _RESEARCH_AFTER_RE.match(self.t, m.end()):
                continue  # "投资300多万元自主研发的节能扶梯": what a firm spent on research, no project's total
            if target == "expected_output" and re.search(r"(?:去年|上年|前年|已)(?:全年)?(?:完成|实现)?$",
                                                         self.t[max(0, m.start() - 6):m.start()]):
                continue  # "去年完成产值102亿元": an output already reached, a region's or a firm's, not a plan
            sent = self.sentences[self.sentence_at(m.start())]
            if re.search(r"(?:年度?|当年|今年|年内)(?:计划)?$", before_label) and target == "investment":
                # "年度计划投资3亿元": this year's spending, not a project's total; a group's ("9个产业项目总投资26.5
                # 亿元，年度计划投资12.6亿元", "全市…2016年计划投资40.7亿元") is a region fact of its own
                aggregate = _AGGREGATE_RE.search(self.t, sent.start, m.start())
                grouped = aggregate is not None and not self._project_between(aggregate.end(), m.start())
                after_group = bool(self.region_values) and sent.start <= self.region_values[-1][2] < m.start()
                regional = not self.strong_mentions(sent.start, sent.end) and bool(
                    _REGION_SUBJECT.search(self.t, sent.start, m.start()))
                if qty.is_money and (grouped or after_group or regional):
                    word = re.search(r"(?:\d{4}年|年度?|当年|今年|年内)(?:计划)?$",
                                     self.t[max(0, m.start() - 8):m.start()])
                    base = (self._count_metric(aggregate.start(), aggregate.group()) if grouped and aggregate
                            else self.region_values[-1][0].removesuffix("总投资").removesuffix("投资总额")
                            if after_group else "项目")
                    base = re.sub(r"(?:共有|共计|共|有)?(?:\d+|[一二两三四五六七八九十]+)?[个项]?$", "", base) or "项目"
                    self.region_values.append((f"{base}{word.group() if word else '年度'}{label}", str(qty),
                                               m.start(), m.end(), "counted" if grouped else ""))
                continue
            named_in = self._named_in(m.start(), m.end())
            if named_in is not None and not target.startswith("region:"):
                # "兖州益海嘉里年产24万吨面粉项目等32个项目": a figure inside a project's name is that project's
                value, fld, note = self._field_value(target, label, qty)
                if value is not None:
                    self.project_values.append((named_in, fld, value, m.start(), m.end(), 0.85, note))
                continue
            aggregate = _AGGREGATE_RE.search(self.t, sent.start, m.start())
            if target == "region:新增产值" and qty.is_money and not aggregate:
                # "X工业园竣工，…预计今年新增产值5亿元": the output a project named in its sentence adds
                c_start, _c_end = self.clause(m.start())
                named = [i for a, i in self.strong_mentions(sent.start, m.start())]
                if named and not _REGION_SUBJECT.search(self.t, c_start, m.start()) and not re.search(
                        r"为[^，。；]{2,8}新增", self.t[c_start:m.end()]):
                    self.project_values.append((named[-1], "expected_output", str(qty), m.start(), m.end(), 0.85,
                                                ""))
                    continue
            if target.startswith("region:"):
                self.region_values.append((target[7:], str(qty), m.start(), m.end(), ""))
                continue
            names_next = self.t.startswith("的", m.end()) and bool(self.strong_mentions(m.end(), m.end() + 3))
            nearest = aggregate
            if aggregate is not None:
                # the count nearest the figure ("A产业园、B校区等1075个项目集中开工，总投资9913亿元": the projects
                # listed before the count are counted by it, they do not take its total)
                for later in _AGGREGATE_RE.finditer(self.t, aggregate.start(), m.start()):
                    nearest = later
            if aggregate and nearest and not self._project_between(nearest.end(), m.start()) and not names_next:
                # (not "共签约项目17个…，分别是总投资5亿元的A项目": a figure with 的 before a project is that project's)
                metric = f"{self._count_metric(aggregate.start(), aggregate.group())}{label}"
                self.region_values.append((metric, str(qty), m.start(), m.end(), "counted"))
                continue
            if (qty.is_money and target == "investment" and re.search(r"签约$", before_label)
                    and not re.match(r"的?(?:大|重大|重点)?项目", self.t[m.end():m.end() + 5])):
                # "百家客商签订了…合同，签约投资总额17.191亿美元": what was signed in all, not one project's figure
                self.region_values.append((f"签约{label}", str(qty), m.start(), m.end(), ""))
                continue
            counted = _COUNT_BEFORE_RE.search(self.t[max(sent.start, m.start() - 12):m.start()])
            if counted and qty.is_money and target in ("investment", "registered_capital"):
                # "新经济和综合服务平台项目有6个，总投资达25.1亿元，包括A项目、B项目": the group's total
                self.region_values.append((f"项目{label}", str(qty), m.start(), m.end(), "counted"))
                continue
            if self._respective_figures(m, sent.start, target, qty):
                continue
            if self._group_figure(m, sent.start):
                if qty.is_money:
                    self.region_values.append((f"项目{label}", str(qty), m.start(), m.end(), ""))
                continue
            value, fld, note = self._field_value(target, label, qty)
            if value is None:
                continue
            if (not self.strong_mentions(sent.start, sent.end) and qty.is_money
                    and _REGION_SUBJECT.search(self.t, sent.start, m.start())
                    and not re.match(r"的?(?:大|重大|重点)?项目", self.t[m.end():m.end() + 5])):
                # "今年以来，全区签约项目总投资108亿元": the region's total, not the last project's figure
                self.region_values.append((f"项目{label}", str(qty), m.start(), m.end(), ""))
                continue
            if target == "investment" and label == "投资" and before_label.endswith("完成") and qty.is_money:
                # "今年1-9月完成投资1.3亿元": the spending so far, no project's total (a region's when the sentence
                # names no project, not even as 该项目)
                if not self.strong_mentions(sent.start, sent.end) and not _ANAPHOR_RE.search(self.t, sent.start,
                                                                                                m.start()):
                    self.region_values.append(("项目完成投资", str(qty), m.start(), m.end(), ""))
                continue
            owner = None
            link = re.match(r"的|用于|建设|新建|兴建|投建|投资建设|实施", self.t[m.end():m.end() + 4])
            if link:
                # "投资3000万元的南湖包装材料项目", "投资10亿元用于X项目": the project named right after; when the
                # name right after was not read as a project, the figure is left out rather than given to another
                _c_start, c_end = self.clause(m.start())
                following = self.strong_mentions(m.end(), min(c_end, m.end() + 30))
                right_after = [x for x in following if x[0] <= m.end() + len(link.group()) + 2]
                if link.group() == "的" and not right_after:
                    continue
                owner = following[0][1] if following else None
            elif target in ("investment", "fixed_asset_investment"):
                # "、投资2.5亿元年产9000万平米锂电隔膜生产项目": a project named right after its amount
                next_name = self.strong_mentions(m.end(), m.end() + 1)
                owner = next_name[0][1] if next_name else None
            if owner is None:
                owner = self.project_at(m.start())
            if owner is None:
                owner = self._signed_firm_project(self.sentence_at(m.start()), m.start())
            if owner is None and target == "capital_increase":
                firms = self.firms_in(sent.start, m.start())
                if firms:
                    firm = self.firms[firms[-1]]
                    base = firm.legal_name or firm.name
                    spot = max(p for n in firm.names for p in self.occurrences(n) if p < m.start())
                    owner = self._add_project([f"{base}增资项目"], [firms[-1]], (spot, m.end()), implicit=True)
            if owner is None and target in ("investment", "registered_capital"):
                # "周口天发食品有限公司，总投资1.2亿元，注册资本1200万美元": the firm's own investment, a project
                # named after the firm (kept below the high-confidence mark: it is implicit)
                c_start, _c_end = self.clause(m.start())
                firms = [f for f in self.firms_in(sent.start, m.start()) if self.firms[f].legal_name]
                if firms and not self._projects_of_firm.get(firms[-1]) and not self._anaphor_subject(
                        sent.start, m.start()):
                    firm = self.firms[firms[-1]]
                    spot = max(p for n in firm.names for p in self.occurrences(n) if p < m.start())
                    owner = self._add_project([firm.legal_name], [firms[-1]], (spot, spot + len(firm.legal_name)),
                                              implicit=True)
            if owner is None:
                continue
            if self._phase_figure(owner, m.start()):
                continue
            self.project_values.append((owner, fld, value, m.start(), m.end(), 0.85, note))
        last_capacity = (-1, -1)  # (sentence, end) of the last capacity read
        for m in _UNIT_CAPACITY_RE.finditer(self.t):
            product = m["product"] or ""
            if re.search(r"[\d，。；、]|产值|收入|税|利润|销售|营业|就业|岗位", product):
                continue
            sent_index = self.sentence_at(m.start())
            breakdown = last_capacity[0] == sent_index and re.search(r"[：:]", self.t[last_capacity[1]:m.start()])
            if breakdown:
                continue  # "形成年产各类零部件65万台：年产电机20万台；…": the parts of the total read before
            last_capacity = (sent_index, m.end())
            amount = float(m["n"].replace(",", "")) * {"万": 10**4, "亿": 10**8, "千": 10**3, None: 1}[m["mult"]]
            unit = m["unit"]
            if unit == "万千瓦":
                amount, unit = amount * 10**4, "kW"
            owner = self.project_at(m.start())
            if owner is None or self._phase_figure(owner, m.start()):
                continue
            unit = _CAPACITY_UNIT.get(unit, unit)
            per = "" if m["label"] in ("装机规模", "装机容量", "总装机") else "/d" if m["label"].startswith("日产") \
                else "/yr"
            qty = Quantity(int(amount) if amount.is_integer() else amount, f"{unit}{per}", "exact")
            self.project_values.append((owner, "capacity", str(qty), m.start(), m.end(), 0.8, ""))
        for m in _TONS_A_YEAR_RE.finditer(self.t):
            if re.search(r"年产|产能|年生产|年加工|年处理", self.t[max(0, m.start() - 6):m.start()]):
                continue  # "年产100万吨/年": read with the labelled figures
            amount = float(m["n"].replace(",", "")) * {"万": 10**4, "千": 10**3, None: 1}[m["mult"]]
            owner = self._named_in(m.start(), m.end())
            if owner is None:
                if not re.search(r"(?:形成|新增)$", self.t[max(0, m.start() - 2):m.start()]):
                    continue  # "具备了2300万吨/年炼油能力": a capacity the firm has, not what a project adds
                owner = self.project_at(m.start())
            if owner is None or self._phase_figure(owner, m.start()):
                continue
            qty = Quantity(int(amount) if amount.is_integer() else amount, "t/yr", "exact")
            self.project_values.append((owner, "capacity", str(qty), m.start(), m.end(), 0.8, ""))
        for m in _POWER_IN_NAME_RE.finditer(self.t):
            # a power plant's own name gives its installed power ("15MW光伏发电项目" -> 15000 kW)
            owner = self._named_in(m.start(), m.end())
            if owner is None or self._phase_figure(owner, m.start()):
                continue
            amount = float(m["n"].replace(",", "")) * _POWER_KW[m["unit"]]
            qty = Quantity(int(amount) if amount.is_integer() else amount, "kW", "exact")
            self.project_values.append((owner, "capacity", str(qty), m.start(), m.end(), 0.8, ""))
        tonnages: dict[str, list[int]] = {}  # every tonnage written, once, so the check below stays linear
        for m in re.finditer(rf"(?<![\d.])(?:{_NUM})(?:万|千)?吨", self.t):
            tonnages.setdefault(m.group(), []).append(m.start())
        open_tonnage: dict[tuple[int, str], bool] = {}
        for m in _TONS_IN_NAME_RE.finditer(self.t):
            if re.search(r"年产|产能|年生产|年加工|年处理|日产|日处理|形成|新增|达到|达|[年日万亿]$",
                         self.t[max(0, m.start() - 6):m.start()]):
                continue  # labelled figures are read by the rules above
            owner = self._named_in(m.start(), m.end())
            if owner is None or self._phase_figure(owner, m.start()):
                continue
            mention = next(((a, b) for a, b in self.projects[owner].mentions if a <= m.start() and b >= m.end()),
                           None)
            if mention is None:
                continue
            name = self.t[mention[0]:mention[1]]
            if len(_TONS_IN_NAME_RE.findall(name)) > 1 or _TONS_IN_NAME_STORE.search(name) \
                    or re.search(r"年产|产能|年生产|年加工|年处理|日产|日处理", name) or re.match(r"[该此这本]", name):
                continue  # another figure labels the name's capacity; `该条8万吨生产线` is a plant named before
            if (owner, m.group()) not in open_tonnage:
                spans = sorted(self.projects[owner].mentions)
                starts = [a for a, _b in spans]

                def held(pos: int, spans: list[tuple[int, int]] = spans, starts: list[int] = starts) -> bool:
                    i = bisect.bisect_right(starts, pos) - 1
                    return i >= 0 and spans[i][1] > pos

                open_tonnage[(owner, m.group())] = not all(held(pos) for pos in tonnages.get(m.group(), ()))
            if open_tonnage[(owner, m.group())]:
                continue  # the same tonnage heads a name this record does not hold: which project it is stays open
            amount = float(m["n"].replace(",", "")) * {"万": 10**4, "千": 10**3, None: 1}[m["mult"]]
            qty = Quantity(int(amount) if amount.is_integer() else amount, "t/yr", "exact")
            self.project_values.append((owner, "capacity", str(qty), m.start(), m.end(), 0.8, ""))
        for m in _PRODUCT_CAPACITY_RE.finditer(self.t):
            # "可年产精品钢帘线150万吨", "年产铁精矿400万吨", "日产4500吨水泥熟料": the product between label and amount
            if re.search(r"[\d，。；、]|产值|收入|税", m["product"]):
                continue
            amount = float(m["n"].replace(",", "")) * {"万": 10**4, "千": 10**3, None: 1}[m["mult"]]
            owner = self.project_at(m.start())
            if owner is None or self._phase_figure(owner, m.start()):
                continue
            per = "d" if m["label"] == "日产" else "yr"
            qty = Quantity(int(amount) if amount.is_integer() else amount, f"t/{per}", "exact")
            self.project_values.append((owner, "capacity", str(qty), m.start(), m.end(), 0.8, ""))
        for m in _OUTPUT_AFTER_RE.finditer(self.t):
            # "建成投产后将实现200亿元年产值": the amount before its label
            if _REGION_SUBJECT.search(self.t, self.clause(m.start())[0], m.start()):
                continue
            owner = self.project_at(m.start())
            qty = parse_quantity(m["qty"].removeprefix("约").removeprefix("近").removeprefix("超"))
            if owner is None or qty is None or self._phase_figure(owner, m.start()):
                continue
            self.project_values.append((owner, "expected_output", str(qty), m.start(), m.end(), 0.85, ""))
        for m in _DAILY_RE.finditer(self.t):
            # "日产4500吨新型干法水泥熟料生产线": a daily capacity
            amount = float(m["n"].replace(",", "")) * {"万": 10**4, "千": 10**3, None: 1}[m["mult"]]
            owner = self.project_at(m.start())
            if owner is None or self._phase_figure(owner, m.start()):
                continue
            qty = Quantity(int(amount) if amount.is_integer() else amount, "t/d", "exact")
            self.project_values.append((owner, "capacity", str(qty), m.start(), m.end(), 0.8, ""))
        self._counts_in_names(_HEAD_IN_NAME_RE, "/yr")
        self._counts_in_names(_SPINDLES_IN_NAME_RE, "")
        self._counts_in_names(_DAILY_IN_NAME_RE, "/d")
        for m in _HUNDRED_YI_RE.finditer(self.t):
            qty = Quantity(10**10 if m["qty"] == "百亿" else 10**11, "CNY", "at_least")
            for proj_index in self._weak_projects_before(m.start()):
                self.project_values.append((proj_index, "investment", str(qty), m.start(), m.end(), 0.5,
                                            "百亿项目: at least 10 billion yuan"))

    def _counts_in_names(self, pattern: re.Pattern[str], per: str) -> None:
        """A capacity in heads, spindles or tons a day that a project's own name states (``pattern`` has n, mult and
        unit); a phase written before the name is another project's ("A二期185兆瓦项目、B年出栏…项目")."""
        for m in pattern.finditer(self.t):
            owner = self._named_in(m.start(), m.end())
            if owner is None:
                continue
            amount = float(m["n"].replace(",", "")) * {"万": 10**4, "亿": 10**8, "千": 10**3, None: 1}[m["mult"]]
            unit = {"吨": "t"}.get(m["unit"], m["unit"])
            qty = Quantity(int(amount) if amount.is_integer() else amount, f"{unit}{per}", "exact")
            self.project_values.append((owner, "capacity", str(qty), m.start(), m.end(), 0.8, ""))

    def _named_in(self, start: int, end: int) -> int | None:
        """The project whose (non-weak) mention holds ``[start, end)``, if any."""
        for a, index in reversed(self.strong_mentions(max(0, start - 60), start + 1)):
            if any(ma == a and mb >= end for ma, mb in self.projects[index].mentions):
                return index
        return None

    def _twd_before(self, pos: int) -> bool:
        """The article wrote 新台币 before ``pos`` and no 人民币 in between: its plain 元 are New Taiwan dollars."""
        if not hasattr(self, "_currency_marks"):
            self._currency_marks = sorted([(m.start(), "TWD") for m in re.finditer("台币", self.t)]
                                          + [(m.start(), "CNY") for m in re.finditer("人民币", self.t)])
            # a Taiwan report that never names its currency: stock codes "(3711-TW)" or a Minguo year ("114年")
            # or one that names Taiwan's ministry (经济部, 投资台湾) or two of its counties ("在新竹湖口…在台南…")
            self._taiwan_report = not self._currency_marks and bool(
                _TAIWAN_REPORT_RE.search(self.t) or re.search(r"经济部|投资台湾", self.t)
                or len(set(_TAIWAN_PLACE_RE.findall(self.t))) >= 2)
        i = bisect.bisect_left(self._currency_marks, (pos, ""))
        return (i > 0 and self._currency_marks[i - 1][1] == "TWD") or self._taiwan_report

    def _phase_figure(self, owner: int, pos: int) -> bool:
        """A figure of one phase ("一期拟投资额为6亿元", "一期用地不低于500亩") of a project not named after that
        phase: not the project's total, so left out (the answer keys keep phase figures off the project)."""
        c_start, _c_end = self.clause(pos)
        sent = self.sentences[self.sentence_at(pos)]
        phase = _PHASE_BEFORE_RE.search(self.t[c_start:pos]) or _PHASE_SUBJECT_RE.search(self.t, sent.start, pos)
        if phase is None:
            return False
        return not any(phase["p"] in n for n in self.projects[owner].names)

    def _respective_figures(self, m: re.Match[str], sent_start: int, target: str, qty: Quantity) -> bool:
        """"A项目、B项目签约，投资额分别为300亿元、700亿元": as many figures after 分别 as projects named before them
        in the sentence, each project takes its own, in order. Adds them and says whether it did."""
        if "分别" not in (m["filler"] or "") + self.t[max(0, m.start() - 3):m.start()]:
            return False
        figures = [(qty, m.start(), m.end())]
        for more in _NEXT_FIGURE_RE.finditer(self.t, m.end()):
            if more.start() != figures[-1][2]:
                break
            try:
                figures.append((parse_quantity(more["qty"] + ("元" if more["qty"][-1] in "亿万" else "")),
                                more.start("qty"), more.end()))
            except ParseError:
                break
        # the projects listed last before the figures, one after the other ("A项目、B项目" or "A项目和B项目")
        listed: list[tuple[int, int]] = []
        for a, i in reversed(self.strong_mentions(sent_start, m.start())):
            if listed and (i == listed[0][1] or not re.fullmatch(r"[^，。；,]*[、和及与]", self.t[a:listed[0][0]])):
                break
            listed.insert(0, (a, i))
        owners = [i for _a, i in listed]
        if len(figures) < 2 or len(owners) != len(figures) or any(f[0].unit != qty.unit for f in figures):
            return False
        for owner, (each, a, b) in zip(owners, figures, strict=True):
            value, fld, note = self._field_value(target, m["label"], each)
            if value is not None:
                self.project_values.append((owner, fld, value, a, b, 0.85, note))
        return True

    def _group_figure(self, m: re.Match[str], sent_start: int) -> bool:
        """A figure about several projects at once: after a list of them ("A项目、B项目，总投资4.74亿元"), before a
        count ("总投资122亿元的27个项目"), a running total (累计, 合计), or split between them (分别)."""
        if re.match(rf"的?{_CN_COUNT}[个项]", self.t[m.end():m.end() + 8]):
            return True
        if re.search(r"累计|合计|共计|总计", m["filler"] or ""):
            return True
        if ("分别" in (m["filler"] or "") or "分别" in self.t[max(0, m.start() - 3):m.start()]) and re.match(
                r"[、和及与]\d", self.t[m.end():m.end() + 2]):
            return True  # "总投资分别为11亿元、6亿元的A项目和B项目": not one project's figure
        mentions = self.strong_mentions(sent_start, m.start())
        if len(mentions) >= 2:
            last = mentions[-1][0]
            if self.t[last - 1:last] == "、" and not _FIGURE_RE.search(self.t, last, m.start()):
                return True
        return False

    def _weak_projects_before(self, pos: int) -> list[int]:
        found = []
        for items, end, _, _ in self.list_items:
            if 0 <= pos - end <= 2:
                for item, _p in items:
                    f = self.firm_of(item)
                    if f is not None:
                        owned = [i for i, p in enumerate(self.projects) if f in p.firms]
                        found += owned[:1]
        return found

    def _project_between(self, a: int, b: int) -> bool:
        return bool(self.strong_mentions(a, b))

    def _field_value(self, target: str, label: str, qty: Quantity) -> tuple[str | None, str, str]:
        if target.startswith("note:"):
            return f"{target[5:]}{qty.label()}", "note", ""
        if target == "area_mu":
            if qty.unit == "mu":
                return _plain(qty.amount), "area_mu", ""
            if qty.unit == "m2":
                return _plain(round(float(qty.amount) / 666.6667, 2)), "area_mu", f"{qty} = {qty.amount}/666.67 亩"
            return None, "", ""
        if target == "capacity":
            if qty.is_money:
                return None, "", ""
            return str(Quantity(qty.amount, f"{qty.unit}/yr", qty.qualifier)), "capacity", ""
        if not qty.is_money:
            return None, "", ""
        return str(qty), target, ""

    # --------------------------------------------------------------------------------------- dates, status
    def date_tokens(self) -> list[_DateToken]:
        """Every date expression with its resolved value, in text order, datelines left out.

        同日/当天/次日/同月 resolve against the last explicit date before them; 昨日/今天/本月 against the dateline
        ("5月27日讯", the day the report was written) when there is one, else ``doc_date``.
        """
        reference = self.doc_date
        datelines: list[tuple[int, int]] = []
        for m in _DATELINE_RE.finditer(self.t, 0, min(len(self.t), 400)):
            day = _month(int(m["y"] or self.doc_date.year), m["m"], m["d"], None)
            if day and len(day) == 10:
                reference = _dt.date.fromisoformat(day)
                datelines.append((m.start(), m.end()))
                break
        found: list[tuple[int, int, str, str | None]] = []
        for m in _DATE_RE.finditer(self.t):
            if m.group() and not any(a <= m.start() < b for a, b in datelines):
                found.append((m.start(), m.end(), m.group(), None))
        for m in _RELATIVE_DAY_RE.finditer(self.t):
            if m["day"]:
                if any(a <= m.start() < b for a, b in datelines) or any(s <= m.start() < e for s, e, *_ in found):
                    continue
                found.append((m.start(), m.end(), m.group(), "day"))
            else:
                found.append((m.start(), m.end(), m.group(), "relative"))
        tokens: list[_DateToken] = []
        last_day: str | None = None
        last_month: str | None = None
        for start, end, text, how in sorted(found):
            value: str | None
            if how is None:
                value = resolve_date(text, self.doc_date)
            elif how == "day":  # "于29日举办", "昨（27）日": a day of the dateline's month (or the month before)
                day_of_month = int(re.sub(r"\D", "", text))
                month_start = reference.replace(day=1)
                if day_of_month > reference.day:
                    month_start = (month_start - _dt.timedelta(days=1)).replace(day=1)
                try:
                    value = month_start.replace(day=day_of_month).isoformat()
                except ValueError:
                    value = None
            elif text in ("昨日", "昨天", "前天", "今天", "今日"):
                back = {"昨日": 1, "昨天": 1, "前天": 2}.get(text, 0)
                value = (reference - _dt.timedelta(days=back)).isoformat()
            elif text in ("当天", "当日", "同日", "同一天", "同天", "次日", "翌日"):
                value = last_day
                if value and text in ("次日", "翌日"):
                    value = (_dt.date.fromisoformat(value) + _dt.timedelta(days=1)).isoformat()
            elif text in ("同月", "当月"):
                value = last_month
            elif text == "本月":
                value = f"{reference.year}-{reference.month:02d}"
            else:
                first = reference.replace(day=1) - _dt.timedelta(days=1)
                value = f"{first.year}-{first.month:02d}"
            if value is None:
                continue
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                last_day, last_month = value, value[:7]
            elif re.fullmatch(r"\d{4}-\d{2}", value):
                last_month = value
            tokens.append(_DateToken(start, end, text, value))
        return tokens

    def find_dates_and_status(self) -> None:
        self.project_dates: list[tuple[int, str, str, int, int, float]] = []
        self.project_status: list[tuple[int, str, int, int, bool]] = []
        self.region_periods: dict[int, tuple[str, int, int]] = {}
        self.tokens = self.date_tokens()
        weak_starts = {a for p in self.projects for a, _ in p.weak_mentions}
        for m in self.tokens:
            value = m.value
            sent_index = self.sentence_at(m.start())
            sent = self.sentences[sent_index]
            if sent_index not in self.region_periods:
                self.region_periods[sent_index] = (value, m.start(), m.end())
            c_start, c_end = self.clause(m.start())
            window_end = c_end
            if c_end < sent.end and len(self.t[c_start:c_end].strip()) <= len(m.group()) + 3:
                # a clause that is only the date ("2月份，巴斯夫…设立…项目"): its event is later in the sentence
                following = _DATE_RE.search(self.t, c_end + 1, sent.end)
                while following is not None and not following.group():
                    following = _DATE_RE.search(self.t, following.end() + 1, sent.end)
                window_end = following.start() if following else sent.end
            if m.end() in weak_starts or m.end() + 1 in weak_starts:
                continue  # 去年德马吉森精机、中津精密落户: dated with the list
            status_field = None
            for pattern, _status, fld in _STATUS_WORDS:
                if re.search(pattern, self.t[m.end():window_end]):
                    status_field = fld
                    break
            if status_field is None or status_field == "note":
                continue
            if _AGGREGATE_RE.search(self.t, sent.start, sent.end) and not self._project_between(m.start(),
                                                                                                window_end):
                continue
            owner = self.project_at(m.start())
            if owner is None or self._phase_figure(owner, m.start()):
                continue  # (a phase's day, "其中一期工程…将于今年12月开工", is not the project's)
            if not self._project_between(sent.start, sent.end) and int(value[:4]) < self.doc_date.year - 1:
                continue  # "川电钢板…于1994年落户": the firm's history, not a project date
            mates = self._list_mates(owner, m.start())
            if window_end != c_end:  # "5月24日，A项目和B项目分别与市政府签约": the date clause's event is each item's
                mates += [i for i in self._following_mates(owner, m.end(), window_end) if i not in mates]
            for mate in mates:
                self.project_dates.append((mate, status_field, value, m.start(), m.end(), 0.75))
        for pattern, status, _fld in _STATUS_WORDS:
            for sm in re.finditer(pattern, self.t):
                sent = self.sentences[self.sentence_at(sm.start())]
                if _AGGREGATE_RE.search(self.t, sent.start, sent.end):
                    continue
                owner = self.project_at(sm.start(), include_following=False)
                if owner is None:
                    continue
                c_start, _ = self.clause(sm.start())
                future = (bool(_FUTURE_RE.search(self.t, c_start, sm.start())) or self._future_date(c_start, sm.start())
                          or bool(_AFTER_STATUS_RE.match(self.t, sm.end())))
                for mate in self._list_mates(owner, sm.start()):
                    self.project_status.append((mate, status, sm.start(), sm.end(), future))
                if sm.group() == "增资":
                    self.project_status.append((owner, "kind:expansion", sm.start(), sm.end(), False))
        for i, proj in enumerate(self.projects):
            if any("增资" in n for n in proj.names):
                a, b = (proj.mentions or proj.weak_mentions)[0]
                self.project_status.append((i, "kind:expansion", a, b, False))

    def _list_mates(self, owner: int, pos: int) -> list[int]:
        """The owner and the projects listed with it right before ``pos`` ("A项目、B项目等在8月竣工": both)."""
        sent = self.sentences[self.sentence_at(pos)]
        spans = sorted(self._mention_ends(sent.start, pos))
        mates = [owner]
        if not spans:
            return mates
        index_at = {a: i for a, i in self.strong_mentions(sent.start, pos)}
        a, b = spans[-1]
        if index_at.get(a) != owner or not re.fullmatch(r"等?[^，。；、]{0,8}", self.t[b:pos]):
            return mates
        for prev_a, prev_b in reversed(spans[:-1]):
            if not re.fullmatch(r"、|和|及|与|以及", self.t[prev_b:a]):
                break
            mate = index_at.get(prev_a)
            if mate is None:
                break
            if mate not in mates:
                mates.append(mate)
            a = prev_a
        return mates

    def _following_mates(self, owner: int, start: int, end: int) -> list[int]:
        """The projects listed right after the owner's first mention in ``[start, end)`` ("A项目和B项目分别…": B)."""
        spans = self.strong_mentions(start, end)
        if not spans or spans[0][1] != owner:
            return []
        mates: list[int] = []
        ends = {a: b for a, b in self._mention_ends(start, end)}
        prev_end = ends.get(spans[0][0])
        for a, index in spans[1:]:
            if prev_end is None or not re.fullmatch(r"、|和|及|与|以及", self.t[prev_end:a]):
                break
            if index not in mates and index != owner:
                mates.append(index)
            prev_end = ends.get(a)
        return mates

    def _future_date(self, start: int, end: int) -> bool:
        for m in _DATE_RE.finditer(self.t, start, end):
            value = resolve_date(m.group(), self.doc_date) if m.group() else None
            if value:
                try:
                    if parse_date(value.split("/")[0]).start() > self.doc_date:
                        return True
                except ParseError:
                    continue
        return False

    def propagate_event_dates(self) -> None:
        """Give the date of a ceremony ("5月28日下午…集中签约仪式") to the projects reported after it that have none.

        An event is a sentence with a day or month and an event phrase (集中签约, 开工仪式, 签约大会 ...); its
        projects are those first mentioned from that sentence up to the next event.
        """
        events: list[tuple[int, str, str, str, int, int]] = []  # (sentence start, field, status, value, s, e)
        for token in self.tokens:
            if not re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", token.value):
                continue
            sent = self.sentences[self.sentence_at(token.start())]
            event = _EVENT_RE.search(self.t, sent.start, sent.end)
            if event is None:
                continue
            if events and events[-1][0] == sent.start:
                if len(token.value) <= len(events[-1][3]):
                    continue
                events.pop()  # the day is more precise than the month of the same sentence
            words = event.group()
            kind = next(((f, st) for w, f, st in _EVENT_KIND if w in words), ("date", ""))
            if _MIXED_EVENT_RE.search(self.t, max(sent.start, event.start() - 6), min(sent.end, event.end() + 8)):
                kind = ("date", "")  # "集中签约、开工、投产一批项目": each project's own event is one of them
            events.append((sent.start, kind[0], kind[1], token.value, token.start(), token.end()))
        self.event_starts = [e[0] for e in events]
        if not events:
            self._drop_coarse_dates()
            return
        by_start = {e[0]: e for e in events}
        dated: dict[int, set[str]] = {}
        for owner, _f, value, *_ in self.project_dates:
            if re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", value):
                dated.setdefault(owner, set()).add(value)
        statuses: dict[int, list[str]] = {}
        for owner, st, _s, _e, future in self.project_status:
            if not future:  # "力促项目早日竣工投产": a goal, not a status that rules out the ceremony
                statuses.setdefault(owner, []).append(st)
        headline_end = self.t.find("\n")
        for index, proj in enumerate(self.projects):
            spans = proj.mentions or [
                # "A等6个文化旅游项目", "A、B等14个重点项目": an item of a counted list is one of the event's projects
                (a, b) for a, b in proj.weak_mentions
                if re.match(r"[^，。；]*?等(?:\d+|[一二两三四五六七八九十]+)(?:个|大|项)[^，。；]{0,12}?项目",
                            self.t[b:b + 120])]
            if not spans or proj.implicit:
                continue
            first = min(a for a, _ in spans)
            # the event whose own sentence names the project ("四川好彩头食品生产基地等46个项目集中开工" in the
            # headline, then "4月25日上午，四川好彩头食品生产基地等…集中开工"), else the last one before it
            named_at = [by_start[st] for st in (self.sentences[self.sentence_at(a)].start for a, _ in sorted(spans))
                        if st in by_start]
            before = [e for e in events if e[0] <= first]
            if named_at:
                chosen = named_at[0]
                sent = self.sentences[self.sentence_at(chosen[0])]
            elif (not before and 0 <= first < headline_end < events[0][0]
                  and any(events[0][0] <= a <= events[0][0] + EVENT_REACH for a, _ in spans)):
                # named in the headline ("凤冈…18个项目集中开工" / "长山米业有限公司项目…") and again after the lead's
                # ceremony ("9月28日，凤冈县…集中开工建设"): the lead's ceremony is its event
                chosen = events[0]
                sent = self.sentences[self.sentence_at(chosen[0])]
            elif not before or first - before[-1][0] > EVENT_REACH:
                continue
            else:
                chosen = before[-1]
                sent = self.sentences[self.sentence_at(first)]
            if first in self.example_starts and sent.start != chosen[0]:
                continue  # "开工建设项目113个，包括A、B等": examples of a period's projects, not of the ceremony
            own_text = re.sub(r"(?:签约|开工|竣工|投产|奠基)(?:仪式|活动)?[前后]", "", self.t[sent.start:sent.end])
            if sent.start != chosen[0] and _VISIT_RE.search(own_text) and not any(
                    re.search(pattern, own_text) for pattern, _st, _f in _STATUS_WORDS):
                continue  # "与会人员还到…项目进行实地观摩": a project visited on the day is not the day's event
            if sent.start != chosen[0] and _INTENDED_RE.search(own_text):
                continue  # "洽谈达成了A、B等意向项目", "A、B项目计划参加集中签约", "对A、B进行了推介": not yet signed
            _, fld, status, value, s, e = chosen
            own_dates = dated.get(index, set())
            if own_dates and not (len(value) == 10 and own_dates == {value[:7]}) and not (
                    fld == "date" and all(d > value for d in own_dates)):
                # a date of its own, unless only the month of the ceremony's day ("10月份…开工仪式") or only later
                # plans of a project signed that day ("…签约，项目今年10月动工": signed on the day, to start later)
                continue
            if value > self.doc_date.isoformat()[:len(value)]:
                continue  # "…集中开工主会场，…计划明年5月建成": a plan; a ceremony the article reports is past
            own = [st for st in statuses.get(index, []) if st in _STATUS_RANK]
            if own and "under_construction" in own and fld == "date" and status == "signed":
                continue
            if own and status and status not in own and max(_STATUS_RANK[o] for o in own) > _STATUS_RANK[status]:
                continue  # "…等在10月竣工项目共11项" after a groundbreaking ceremony: another event, not this one
            self.project_dates.append((index, fld, value, s, e, 0.65))
            if status:
                self.project_status.append((index, status, s, e, False))
        self._drop_coarse_dates()

    def _drop_coarse_dates(self) -> None:
        """Drop a year or quarter ("2020年第六批", "三季度") of a project that also has a day or month inside it."""
        fine: dict[int, list[str]] = {}
        for owner, _f, value, *_ in self.project_dates:
            if re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", value):
                fine.setdefault(owner, []).append(value)

        def covered(owner: int, value: str) -> bool:
            if re.fullmatch(r"\d{4}-\d{2}", value):  # "10月份…集中开工" and the day of that ceremony
                return any(v.startswith(value + "-") for v in fine.get(owner, []))
            if re.fullmatch(r"\d{4}", value):
                return any(v.startswith(value + "-") for v in fine.get(owner, []))
            q = re.fullmatch(r"(\d{4})-Q([1-4])", value)
            if q:
                months = range(3 * int(q[2]) - 2, 3 * int(q[2]) + 1)
                return any(v[:4] == q[1] and int(v[5:7]) in months for v in fine.get(owner, []))
            h = re.fullmatch(r"(\d{4})-H([12])", value)
            if h:
                months = range(1, 7) if h[2] == "1" else range(7, 13)
                return any(v[:4] == h[1] and int(v[5:7]) in months for v in fine.get(owner, []))
            return False

        def past_period(value: str) -> bool:
            m = re.fullmatch(r"(\d{4})(?:-([QH])([1-4]))?", value)
            if m is None:
                return False
            first_month = 1 if not m[2] else (3 * int(m[3]) - 2 if m[2] == "Q" else 6 * int(m[3]) - 5)
            return _dt.date(int(m[1]), first_month, 1) <= self.doc_date

        # a year, half or quarter that has begun is a period ("2021年第二季度重大项目", "2015年引进"), not the day or
        # month of an event: it dates no project (a later one is a plan and stays: "计划明年一季度开工")
        self.project_dates = [d for d in self.project_dates if not covered(d[0], d[2]) and not past_period(d[2])]

    def resolve_pending_dates(self) -> None:
        for proj, time_word, pos, _end in self.pending_dates:
            value = resolve_date(time_word, self.doc_date)
            if value:
                self.project_dates.append((proj, "date", value, pos - len(time_word), pos, 0.6))

    # --------------------------------------------------------------------------------------- places
    def find_places(self) -> list[tuple[str, str, int, int]]:
        places: list[tuple[str, str, int, int]] = []  # (name, region id or "", start, end)
        for m in _PLACE_RE.finditer(self.t):
            name = _place_name(m.group())
            cut = m.group()[:len(m.group()) - len(name)]
            short_ok = len(name) == 3 and name[-1] in "镇乡"
            if (len(name) < 4 and not short_ok) or _GENERIC_PLACE.match(name) or re.match(
                    r"^(两大|各|本|该|多个|国别|[一二三四五六七八九十]+个|全|省级|国家级)", name):
                continue
            places.append((name, self._region_id(name), m.start() + len(cut), m.end()))
        for m in _HEADING_COUNTY_RE.finditer(self.t):
            # "2.东城区会场：…项目", "（三）南湖区：…": a county or district heading a list item is where its
            # projects are
            name = m["county"]
            if not _GENERIC_PLACE.match(name) and not is_place_name(name) and name not in _PLACE_WORDS:
                places.append((name, self._region_id(name), m.start("county"), m.end("county")))
        places = _join_sub_zones(places)
        places += self._bare_zones(places)
        places += self._listing_counties()
        firm_spans = [(p, p + len(n)) for firm in self.firms for n in firm.names for p in self.occurrences(n)]
        in_firm = bytearray(len(self.t) + 1)
        for a, b in firm_spans:
            in_firm[a:b] = b"\x01" * (b - a)
        # (a zone that opens a firm's name, "交城经济开发区华庆新材料科技有限公司", is where that firm is; a themed
        # town, "漫画小镇", is a development project, not a town)
        firm_starts = {a for a, b in firm_spans}
        places = [x for x in places if (not in_firm[x[2]] or (x[2] in firm_starts and _ZONE_NAME_RE.search(x[0])))
                  and not self._names_an_office(x)
                  and not self._park_is_a_project(x) and not x[0].endswith("小镇")]
        # a park that is the project itself ("华中服装制造产业园项目"), not where it lands
        own_names = [(a, b) for p in self.projects for a, b in p.mentions]
        ends = {b for _a, b in own_names}
        places = [x for x in places if not any(x[3] + k in ends and self.t.startswith(w, x[3])
                                               for k, w in ((2, "项目"), (4, "建设项目"), (4, "二期项目"),
                                                            (4, "一期项目"), (4, "三期项目")))]
        # "数字经济产业园项目": a park that is built as a project is no other project's place, named as a project
        # or not
        places = [x for x in places if not (re.search(r"(?:产业园|工业园|科技园|物流园)$", x[0])
                                            and re.match(r"(?:[一二三四]期)?(?:建设)?项目", self.t[x[3]:x[3] + 6]))]
        # "中国电子泸州产业园项目": the park is that project wherever the article names it
        own_parks = {n.removesuffix("项目") for p in self.projects for n in p.names if n.endswith("项目")}
        places = [x for x in places if not (_PROJECT_PARK_RE.search(x[0]) and x[0] in own_parks)]
        if self.dataset is not None:
            taken = bytearray(in_firm)
            for _, _, a, b in places:
                taken[a:b] = b"\x01" * (b - a)
            # (a province or city is where a firm comes from, not a place: "全省" is an alias of the province)
            words = sorted({w for r in self.dataset.regions.values() if r.kind not in _ORIGIN_KINDS
                            for w in (r.name, *r.aliases) if len(w) >= 2}, key=len, reverse=True)
            for word in words:
                for p in self.occurrences(word):
                    if not taken[p]:
                        places.append((word, self._region_id(word), p, p + len(word)))
                        taken[p:p + len(word)] = b"\x01" * len(word)
        return sorted(places, key=lambda x: x[2])

    def _bare_zones(self, places: list[tuple[str, str, int, int]]) -> list[tuple[str, str, int, int]]:
        """"将落户高新区", "奠基仪式在高新区举行": a zone named by its kind alone after 在/落户/于 is the article's zone
        of that kind (济宁高新区) when it names one, else the zone word itself."""
        found = []
        for m in _BARE_ZONE_RE.finditer(self.t):
            full = {p[0] for p in places if p[0].endswith(m.group()) and len(p[0]) > len(m.group())
                    and not _GENERIC_PLACE.match(p[0])}
            if len(full) <= 1:
                name = next(iter(full)) if full else m.group()
                found.append((name, self._region_id(name), m.start(), m.end()))
        return found

    def _listing_counties(self) -> list[tuple[str, str, int, int]]:
        """"以泰顺县为例，此次签约的项目包括：…", "福清市参加签约的项目包括…", "苍溪县有A等20个项目": a county,
        district or county-level city that opens a sentence listing its projects is where they are (not the one
        the article is about, which is the home of all its projects)."""
        found = []
        for m in _LISTING_COUNTY_RE.finditer(self.t):
            name = m["county"]
            if (_NOT_A_COUNTY_RE.search(name) or name.removesuffix("市") in CITIES or is_place_name(name)
                    or name in _PLACE_WORDS or self._home_county(name)):
                continue
            found.append((name, self._region_id(name), m.start("county"), m.end("county")))
        self._listing = found
        return found

    def _listing_county_over(self, a: int) -> tuple[str, str, int, int] | None:
        """The county whose list of projects (items parted by ；) runs on to ``a`` in the same sentence to its 。."""
        for place in reversed(getattr(self, "_listing", [])):
            if place[3] <= a and not re.search(r"[。\n]", self.t[place[3]:a]):
                return place
            if place[3] <= a:
                return None
        return None

    def _counted_zone_before(self, a: int) -> tuple[str, str, int, int] | None:
        """"仅襄阳高新区就有14个重大项目竣工。其中，占地150亩的X工业园竣工": a sentence opening with 其中 picks
        its projects out of the zone that the sentence before counts projects of."""
        index = self.sentence_at(a)
        while index > 0 and self.t[self.sentences[index - 1].start:self.sentences[index].start].rstrip().endswith("；"):
            index -= 1  # the items after ； belong to the sentence that opened with 其中
        sent = self.sentences[index]
        if index == 0 or not re.match(r"\s*其中", self.t[sent.start:a]):
            return None
        before = self.sentences[index - 1]
        zones = [p for p in self._places_by_sentence.get(index - 1, [])
                 if _ZONE_NAME_RE.search(p[0]) and _COUNTED_AFTER_RE.match(self.t, p[3], before.end)]
        # "长乐区在欧洲等地设11个分会场，与…11家企业集中签约。其中，…有A项目": a district counting its signings
        zones += [(m["county"], self._region_id(m["county"]), m.start("county"), m.end("county"))
                  for m in _COUNTING_COUNTY_RE.finditer(self.t, before.start, before.end)
                  if not (_NOT_A_COUNTY_RE.search(m["county"]) or self._home_county(m["county"]))]
        return zones[0] if len({p[0] for p in zones}) == 1 else None

    def _names_an_office(self, place: tuple[str, str, int, int]) -> bool:
        """"同安新城指挥部：X项目": a zone naming the command that runs projects is no site of them."""
        return self.t.startswith("指挥部", place[3])

    def _park_is_a_project(self, place: tuple[str, str, int, int]) -> bool:
        """A park that is one of the article's projects, not where others are: an item of a list of projects
        ("开工项目包括A项目、B服饰产业园、C项目"), a park whose phase or completion is reported
        ("B产业园二期开工项目共3个") or a park that itself lands in a zone ("B产业园于2015年落户C经开区": C is the
        place)."""
        name, _rid, a, b = place
        if not _PROJECT_PARK_RE.search(name):
            return False
        c_start, c_end = self.clause(a)
        head = self.t[c_start:a]
        if _PARK_SITE_WORD_RE.search(head):
            return False  # "落户A产业园、B产业园": parks as sites
        if re.search(r"(?:建成投运|建成|投运|建设|新建|开工建设|打造)$", head):
            return True  # "建成投运正威新材料产业园": the park is what is built
        listed = bool(re.search(r"(?:包括|分别是|分别为|、)$", head)) or self.t.startswith("、", b)
        if listed and "项目" in self.t[c_start:c_end]:
            return True
        return bool(_PARK_OWN_EVENT_RE.match(self.t, b, c_end) or _PARK_LANDS_RE.match(self.t, b, c_end))

    def _region_id(self, name: str) -> str:
        return self.dataset.region_named(name) if self.dataset is not None else ""

    # --------------------------------------------------------------------------------------- segments
    def segment_guesses(self, proj: _ProjectEntity) -> list[tuple[Segment, float, list[str], int, int]]:
        if self.dataset is None:
            return []
        name_text = " ".join(proj.names)
        for f in proj.firms:
            for n in sorted(self.firms[f].names, key=len, reverse=True):
                name_text = name_text.replace(n, " ")
        spans = [(self.sentences[self.sentence_at(a)].start, self.sentences[self.sentence_at(a)].end)
                 for a, _ in proj.mentions or proj.weak_mentions]
        body = " ".join(self.t[a:b] for a, b in dict.fromkeys(spans))
        guesses = []
        for seg in self.dataset.segments.values():
            words = sorted({w for w in (seg.name, *seg.keywords, *seg.aliases) if len(w) >= 2}, key=len, reverse=True)
            in_name = [w for w in words if w in name_text]
            in_body = [w for w in words if w in body and w not in in_name]
            matched = _non_overlapping(in_name) + _non_overlapping(in_body)
            if not matched:
                continue
            score = min(0.9, (0.6 if in_name else 0.3) + 0.1 * (len(matched) - 1)) - (0.1 if proj.weak else 0)
            pos = next((p for w in matched for p in self.occurrences(w)), 0)
            guesses.append((seg, score, matched, pos, pos + len(matched[0])))
        guesses.sort(key=lambda g: (-g[1], -sum(len(w) for w in g[2])))
        best = guesses[:1] + [g for g in guesses[1:3] if g[1] >= 0.6]
        return best

    # --------------------------------------------------------------------------------------- output
    def run(self) -> list[Fact]:
        self.pending_dates: list[tuple[int, str, int, int]] = []
        self.find_firms()
        self.find_projects()
        self.find_figures()
        self.find_dates_and_status()
        self.resolve_pending_dates()
        self.propagate_event_dates()
        places = self.find_places()
        self.emit_firms()
        self.emit_projects(places)
        self.emit_region_facts()
        self.emit_source()
        self._drop_unnamed_firms()
        calibrate(self.facts, self.mapped)
        for n, fact in enumerate(self.facts, start=1):
            fact.id = f"f{n:03d}"
        return self.facts

    def _drop_unnamed_firms(self) -> None:
        """Every fact about a firm, or naming one as a project's firm, needs that firm's name fact: a firm left out
        of the output (unconfirmed by the tagger, or never mentioned under its names) leaves no fact behind, so
        ``merge`` never meets a firm without a name."""
        named = {f.key for f in self.facts if f.record == "firm" and f.field == "name"}
        self.facts = [f for f in self.facts
                      if not (f.record == "firm" and f.key not in named)
                      and not (f.record == "project" and f.field == "firms" and f.value not in named)]

    def emit_projects(self, places: list[tuple[str, str, int, int]]) -> None:
        dates_of: dict[int, list[tuple[int, str, str, int, int, float]]] = {}
        for row in self.project_dates:
            dates_of.setdefault(row[0], []).append(row)
        values_of: dict[int, list[tuple[int, str, str, int, int, float, str]]] = {}
        for vrow in self.project_values:
            values_of.setdefault(vrow[0], []).append(vrow)
        status_of: dict[int, list[tuple[int, str, int, int, bool]]] = {}
        for srow in self.project_status:
            status_of.setdefault(srow[0], []).append(srow)
        self._places_by_sentence: dict[int, list[tuple[str, str, int, int]]] = {}
        for place in places:
            self._places_by_sentence.setdefault(self.sentence_at(place[2]), []).append(place)
        for index, proj in enumerate(self.projects):
            key = proj.display(self.specific_names)
            a, b = (proj.mentions or proj.weak_mentions)[0]
            name_conf = self._name_confidence(proj, index, values_of)
            has_value = any(fld != "note" for _o, fld, *_r in values_of.get(index, []))
            name_tag = (("firm+figure" if proj.firms and has_value else "") if name_conf >= 0.85
                        else "implicit" if proj.implicit else "list" if proj.weak else "")
            self.add("project", key, "name", key, a, b, name_conf, tag=name_tag)
            for other in proj.names:
                if other != key:
                    spot = self.occurrences(other)
                    if spot:
                        self.add("project", key, "note", f"也称{other}", spot[0], spot[0] + len(other), 0.6)
            for f in proj.firms:
                firm = self.firms[f]
                spot = sorted(p for n in firm.names for p in self.occurrences(n))
                s = spot[0] if spot else a
                self.add("project", key, "firms", firm.name, s, s + len(firm.name), 0.7)
            if not proj.firms and not proj.weak:
                # the firms named before it in its sentence, after any other project ("X公司投资5亿元建设Y项目")
                sent = self.sentences[self.sentence_at(a)]
                earlier = [b for x, b in self._mention_ends(sent.start, a)]
                window = max([sent.start, *earlier])
                for f in self.firms_in(window, a):
                    firm = self.firms[f]
                    spot = [p for n in firm.names for p in self.occurrences(n) if window <= p < a]
                    if spot and _BUILDER_RE.search(self.t, spot[-1], a):
                        continue  # "中建八局一公司承建的X项目": the contractor, not the project's firm
                    self.add("project", key, "firms", firm.name, spot[0], spot[0] + len(firm.name), 0.6)
                    proj.firms.append(f)
                    self._projects_of_firm.setdefault(f, []).append(index)
                for m_start, m_end in sorted(proj.mentions) if not proj.firms else []:
                    # "X项目投资方为Y公司", "X项目由Y公司投资建设"
                    m_sent = self.sentences[self.sentence_at(m_start)]
                    for f in self.firms_in(m_end, m_sent.end):
                        names = self.firms[f].names
                        spot = [p for n in names for p in self.occurrences_in(n, m_end, m_sent.end)]
                        if spot and re.search(r"(?:投资方|投资主体|业主|建设单位|实施主体)(?:为|是)$|由$",
                                              self.t[max(m_end, spot[0] - 6):spot[0]]):
                            firm = self.firms[f]
                            self.add("project", key, "firms", firm.name, spot[0], spot[0] + len(firm.name), 0.7)
                            proj.firms.append(f)
                            self._projects_of_firm.setdefault(f, []).append(index)
                            break
                    if proj.firms:
                        break
            seen: set[tuple[str, str]] = set()
            for owner, fld, value, s, e, conf in dates_of.get(index, []):
                if owner == index and (fld, value) not in seen:
                    seen.add((fld, value))
                    if not re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", value):
                        conf = min(conf, 0.5)  # a year or a quarter is context more often than the event's date
                    self.add("project", key, fld, value, s, e, conf, evidence=self._date_evidence(s, e))
            given: set[str] = set()
            # "X公司年产1500万平方米防水卷材项目：…主要建设年产1000万平方米…生产线1条": a capacity the project's own
            # name states is its capacity; the lines of its description are parts of it
            in_name = {fld for owner, fld, _v, s, _e, _c, _n in values_of.get(index, [])
                       if fld == "capacity" and any(a <= s < b for a, b in proj.mentions)}
            for owner, fld, value, s, e, conf, note in values_of.get(index, []):
                if fld in in_name and not any(a <= s < b for a, b in proj.mentions):
                    continue
                if owner == index and (fld, value) not in seen:
                    seen.add((fld, value))
                    if fld in given and fld != "note":
                        # a second, different amount for the same field: most likely another project's
                        conf, note = min(conf, 0.4), (note + " " if note else "") + "second value for this field"
                    given.add(fld)
                    self.add("project", key, fld, value, s, e, min(conf, max(name_conf, 0.6)), note=note,
                             tag=self._figure_frame(index, s) if fld != "note" else "")
            statuses = [(st, s, e, fut) for owner, st, s, e, fut in status_of.get(index, []) if owner == index]
            if any(st == "kind:expansion" for st, *_ in statuses):
                s, e = next((s, e) for st, s, e, _ in statuses if st == "kind:expansion")
                self.add("project", key, "kind", "expansion", s, e, 0.7)
            real = [(st, s, e) for st, s, e, fut in statuses if not fut and st in _STATUS_RANK]
            if real:
                st, s, e = max(real, key=lambda x: _STATUS_RANK[x[0]])
                self.add("project", key, "status", st, s, e, 0.7, evidence=self.t[max(0, s - 6):e])
            region = self._project_region(proj, places) or self._event_place(proj, places)
            if region and region[0] in {n.removesuffix("项目") for n in proj.names}:
                region = None  # a park is not its own place ("创维集团西部产业园")
            if region:
                name, region_id, s, e, how = region
                self.add("project", key, "region", region_id or name, s, e,
                         0.75 if how == "clause" else 0.72 if how == "name" else 0.6 if how == "event"
                         else 0.7 if region_id else 0.55,
                         note="" if region_id else "not a region of the dataset")
                for f in proj.firms:
                    self.add("firm", self.firms[f].name, "region", region_id or name, s, e, 0.5,
                             note=f"where its project {key} is")
            for seg, score, matched, s, e in self.segment_guesses(proj):
                self.add("project", key, "segments", seg.id, s, e, score, evidence="|".join(matched),
                         note=f"{seg.name}: matched {', '.join(matched)}")

    def _name_confidence(self, proj: _ProjectEntity, index: int,
                         values_of: dict[int, list[tuple[int, str, str, int, int, float, str]]]) -> float:
        """How sure the project is a project: a firm or a figure of its own says so more than a name alone.

        Weak (from a list of firms) and implicit projects 0.5; a name with its firm or its own figure 0.85; a
        name with a kind of work or product in it (年产, 基地, 生产线, 二期, 设备, 材料 ...) 0.75; any other name 0.55.
        """
        if proj.weak or proj.implicit:
            return 0.5
        names = " ".join(proj.names)
        has_value = any(fld != "note" for _o, fld, *_r in values_of.get(index, []))
        if proj.firms or has_value or re.match(_COUNTRY_ALT, names):
            return 0.85
        # a name made only of product and category words ("智能纺织机械项目") may be a kind of project, not one
        named = any(len(_PRODUCT_HINT.sub("", _GENERIC_WORD_RE.sub("", n.removesuffix("项目")))) >= 2 for n in
        proj.names)
        if named and (_CONCRETE_HEAD.search(names) or _PRODUCT_HINT.search(names)):
            return 0.75
        return 0.55

    def _figure_frame(self, index: int, pos: int) -> str:
        """Where a figure stands from its project: ``alone`` (the project is the only one named in the figure's
        sentence), ``shared`` (other projects are named there too) or ``far`` (the project is named in no
        sentence of the figure: read from context)."""
        sent = self.sentences[self.sentence_at(pos)]
        named = {i for _a, i in self.strong_mentions(sent.start, sent.end)}
        named |= {index} if any(sent.start <= a < sent.end for a, _b in self.projects[index].mentions) else set()
        if index not in named:
            return "far"
        return "alone" if named == {index} else "shared"

    def _date_evidence(self, s: int, e: int) -> str:
        _, c_end = self.clause(s)
        return self.t[s:min(c_end, s + 24)]

    def _project_region(self, proj: _ProjectEntity, places: list[tuple[str, str, int, int]]
                        ) -> tuple[str, str, int, int, str] | None:
        if proj.weak:
            # a firm named in a list ("该园区新增A、B等6个开工项目"): only the park the sentence points back to
            spans = proj.weak_mentions or proj.mentions
            anaphor = self._anaphor_park(min(a for a, _ in spans), places) if spans else None
            return (*anaphor, "anaphor") if anaphor is not None else None
        frame = getattr(self, "frame_places", {}).get(id(proj))
        if frame is not None:
            return (*frame, "clause")
        site = self._site_places().get(id(proj))
        if site is not None:
            return (*site, "clause")
        for a, b in sorted(proj.mentions):
            in_clause = self._clause_place(a, b)
            if in_clause is not None:
                return (*in_clause, "clause")
        for a, _b in sorted(proj.mentions):
            signer = self._signer_place(a)
            if signer is not None:
                return (*signer, "clause")
        for a, b in sorted(proj.mentions):
            # "经开区公铁物流园项目": the zone the article names in full ("新乡经开区"), or the zone word alone
            zone = _ZONE_WORD_START_RE.match(self.t, a, b)
            if zone and b - zone.end() >= 4:
                full = {p[0]: p for p in places if p[0].endswith(zone.group()) and len(p[0]) > len(zone.group())
                        and not _GENERIC_PLACE.match(p[0])}
                if len(full) == 1:
                    return (*next(iter(full.values())), "name")
                if not full:
                    return (zone.group(), self._region_id(zone.group()), zone.start(), zone.end(), "name")
        for a, b in sorted(proj.mentions):
            # "灞桥区教育综合提升工程", "蒙山县古皂水库工程", "科右前旗华锐风机制造厂": the county or district that
            # starts the name (a prefecture city or province is where it comes from, not a place)
            county = _COUNTY_PREFIX_RE.match(self.t, a, b)
            if county and b - county.end("county") >= 4 and not _NOT_A_COUNTY_RE.search(county["county"]) and (
                    not re.match(r"[市县区]?(?:委|政府|长|人民|党)", self.t[county.end("county"):b])) and (
                    county["county"].removesuffix("市") not in CITIES and not is_place_name(county["county"])) and (
                    not self._home_county(county["county"])):
                name = county["county"]
                return (name, self._region_id(name), county.start("county"), county.end("county"), "name")
        anaphor = self._anaphor_park(min(a for a, _ in proj.mentions), places)
        if anaphor is not None:
            return (*anaphor, "anaphor")
        sentences = sorted({self.sentence_at(a) for a, _ in proj.mentions})
        candidates = [p for i in sentences for p in self._places_by_sentence.get(i, [])]
        if not candidates:  # "独山港经济开发区…保障辖区内像湛新科技材料（嘉兴）有限公司这样的重大产业项目"
            own = sorted({self.sentence_at(p) for f in proj.firms if self.project_for_firm(f) is not None
                          for n in self.firms[f].names for p in self.occurrences(n)})
            candidates = [p for i in own for p in self._places_by_sentence.get(i, [])]
        in_mention = self._mention_mask()

        def heading(place: tuple[str, str, int, int]) -> bool:
            """A place before every project of its sentence, inside none ("绥安开发区的A项目、B项目")."""
            sent = self.sentences[self.sentence_at(place[2])]
            first = self.strong_mentions(sent.start, sent.end)
            return not in_mention[place[2]] and (not first or place[3] <= first[0][0])

        parks = [p for p in candidates if p[1] and self.dataset and self.dataset.regions[p[1]].kind == "park"]
        parks += [p for p in candidates if not p[1]]
        parks = [p for p in parks if heading(p) and not self._venue_only(p, proj)]
        if parks:
            return (*parks[0], "sentence")
        listed = self._listing_county_over(min(a for a, _ in proj.mentions))
        if listed is not None:
            return (*listed, "sentence")
        counted = self._counted_zone_before(min(a for a, _ in proj.mentions))
        if counted is not None:
            return (*counted, "sentence")
        near = [p for p in candidates if re.search(r"(落户|在|于|入驻|选址)$", self.t[max(0, p[2] - 3):p[2]])
                and not is_place_name(p[0]) and not self._venue_only(p, proj)]
        return (*near[0], "sentence") if near else None

    def _mention_mask(self) -> bytearray:
        """One byte per character: 1 inside a project mention."""
        if self._in_mention is None:
            self._in_mention = bytearray(len(self.t) + 1)
            for p in self.projects:
                for a, b in p.mentions:
                    self._in_mention[a:b] = b"\x01" * (b - a)
        return self._in_mention

    def _anaphor_park(self, a: int, places: list[tuple[str, str, int, int]]) -> tuple[str, str, int, int] | None:
        """"该园区新增A、B等6个开工项目": the park named last before the sentence (a park, or a project that is a
        park: "鸿锦产业园项目")."""
        sent = self.sentences[self.sentence_at(a)]
        if not _PARK_ANAPHOR_RE.search(self.t, sent.start, a):
            return None
        window = max(0, sent.start - ANAPHOR_REACH)
        nearby = [p for i in range(self.sentence_at(window), self.sentence_at(a))
                  for p in self._places_by_sentence.get(i, [])]
        found: list[tuple[str, str, int, int]] = [
            p for p in nearby if window <= p[2] and p[3] <= sent.start
            and re.search(r"(?:园区|产业园|工业园|科技园|开发区|经开区|高新区|集中区|集聚区)$", p[0])
            and not _GENERIC_PLACE.match(p[0])
            # "功能定位为高端智能纺织产业园区", "打造…的产业园": a description, not the park's name
            and not re.search(r"[为是造成的个]$", self.t[max(0, p[2] - 1):p[2]])]
        for ms, me in self._mention_ends(window, sent.start):
            name = self.t[ms:me].removesuffix("项目")
            if re.search(r"(?:产业园|工业园|科技园|园区)$", name):
                found.append((name, "", ms, ms + len(name)))
        return max(found, key=lambda p: p[2]) if found else None

    def _event_place(self, proj: _ProjectEntity, places: list[tuple[str, str, int, int]]
                     ) -> tuple[str, str, int, int, str] | None:
        """The zone of the ceremony or of the headline when the project names none ("沈抚新区…集中签约": its
        projects land there): a park, zone or town in the event's sentence, else the only one in the title."""
        if proj.weak or not proj.mentions:
            return None
        first = min(a for a, _ in proj.mentions)
        starts = [s for s in getattr(self, "event_starts", []) if s <= first]
        sources = []
        if starts and first - starts[-1] <= EVENT_REACH:
            at = self.sentence_at(starts[-1])
            sent = self.sentences[at]
            sources.append((sent.start, sent.end))
            after = self.sentences[at + 1] if at + 1 < len(self.sentences) else None
            if after is not None and after.end <= first and _BATCH_COUNT_RE.search(self.t, after.start, after.end):
                # the sentence after the ceremony's that counts its batch ("X片区设分会场，19个项目集中签约")
                sources.append((after.start, after.end))
        title_end = self.t.find("\n")
        if 0 < title_end <= 80:
            sources.append((0, title_end))
        inside = self._mention_mask()
        for start, end in sources:
            # (not a town that starts a project's name: "潭下镇社会福利院项目" is that project's place)
            zones = [p for p in places if start <= p[2] < end and not is_place_name(p[0]) and not inside[p[2]]
                     and not _GENERIC_PLACE.match(p[0]) and (not p[1] or (self.dataset is not None
                                                                        and self.dataset.regions[p[1]].kind == "park"))
                     and not self._venue_only(p, proj) and not _OFFICE_AFTER_RE.match(self.t, p[3])]
            if len({_zone_key(p[0]) for p in zones}) == 1 and not (
                    zones[0][0].endswith(("镇", "乡")) and _BATCH_RE.search(self.t, start, end)):
                # (a town that holds a batch ceremony, "临泽镇举行重大项目集中开工仪式", hosts projects it does not
                # place one by one; the town where one project's own ceremony is held is that project's place). One
                # zone written twice, short and in full ("X开发区", "Y县X经济技术开发区"), is one: its full name
                return (*max(zones, key=lambda p: len(p[0])), "event")
            # "国家新乡经济技术开发区授牌…，3个重大项目在仪式上集中签约，正式落户新乡经开区": of several zones of the
            # event's sentence, the one its projects land in
            landed = [p for p in zones
                      if re.search(r"(?:落户|落地|入驻|落户于|落户到|落户在)$", self.t[max(0, p[2] - 4):p[2]])]
            if len({p[0] for p in landed}) == 1:
                return (*landed[0], "event")
        # "洛江区3个项目现场签约", "光明区成功推动5个项目签约", "芗城区集中签约落户12个项目": the county or district
        # whose projects the event (else the headline or the lead sentence) reports
        lead = self.sentences[0] if self.sentences else None
        for start, end in [*sources, *([(lead.start, lead.end)] if lead is not None else [])]:
            hosts = {m["county"]: m for m in self._host_counties(start, end)
                     if not _NOT_A_COUNTY_RE.search(m["county"]) and m["county"].removesuffix("市") not in CITIES
                     and not is_place_name(m["county"])}
            m = next(iter(hosts.values())) if len(hosts) == 1 else None
            # a county (县, 旗) reporting its batch ("镇原县14个重点项目集中开工") is the home of every project, not
            # a place that tells one from another (a city's district, "洛江区3个项目现场签约", is)
            if m is not None and first >= start and not m["county"].endswith(("县", "旗")):
                return (m["county"], self._region_id(m["county"]), m.start("county"), m.end("county"), "event")
        host = self.sentences[self.sentence_at(starts[-1])] if starts else None
        if (host is not None and first - starts[-1] <= EVENT_REACH
                and not _BATCH_RE.search(self.t, host.start, host.end)):
            # "X项目开工仪式在江苏省淮安市淮阴区举行": the county or district that hosts a project's own ceremony (a
            # batch ceremony's venue is one site of many: "全市…集中开工仪式在西秀区Y项目举行")
            venues = {m["county"]: m for m in _VENUE_RE.finditer(self.t, host.start, host.end)
                      if not _GENERIC_PLACE.match(m["county"]) and m["county"] not in _PLACE_WORDS
                      and m["county"].rstrip("市") not in CITIES}
            if len(venues) == 1:
                m = next(iter(venues.values()))
                return (m["county"], self._region_id(m["county"]), m.start("county"), m.end("county"), "event")
        return None

    def _host_counties(self, start: int, end: int) -> list[re.Match[str]]:
        """Counties or districts reporting N projects between ``start`` and ``end``: "洛江区3个项目现场签约", also
        after their prefecture city ("潍坊滨海区12个重大项目集中开工"); one match per position."""
        found = {m.start("county"): m for m in _HOST_COUNTY_RE.finditer(self.t, start, end)}
        for m in _HOST_CITY_COUNTY_RE.finditer(self.t, start, end):
            found.setdefault(m.start("county"), m)
        return [found[k] for k in sorted(found)]

    def _lead(self) -> str:
        """The headline and lead sentence: the text up to the first 。 (at most 300 characters)."""
        stop = self.t.find("。")
        return self.t[:stop if 0 <= stop <= 300 else min(len(self.t), 300)]

    def _home_county(self, county: str) -> bool:
        """"西华县举行…活动", "兴义市(义龙新区)…集中开工": the county or city the article is about (named in its
        headline or lead sentence outside a project's name, not as a venue after 在/于) is the home of all its
        projects, not a place that tells one of them from the others."""
        core = county[:-1] if len(county) >= 3 and county[-1] in "县市区旗" else county
        lead = self._lead()
        inside = self._mention_mask()
        return any(not re.search(r"(?:在|于)$", lead[max(0, m.start() - 1):m.start()]) and not inside[m.start()]
                   for m in re.finditer(re.escape(core), lead))

    def _subject_region(self) -> tuple[str, int, int]:
        """The place the article's totals belong to: a region of the dataset named in the headline or lead sentence
        (its id), else the first county, city or province named there (its name, which ``merge`` does not take
        for a region of the dataset), else "" (the dataset's default region applies); with where it is named."""
        lead = self._lead()
        if self.dataset is not None:
            named = [(lead.find(n), len(n), region.id) for region in self.dataset.regions.values()
                     for n in (region.name, *region.aliases) if n and len(n) >= 2 and n in lead]
            if named:
                at, size, rid = min(named)
                return rid, at, at + size
        found = [(m.start(), m.group()) for m in _SUBJECT_CITY_RE.finditer(lead)]
        found += [(m.start(), m.group()) for m in _SUBJECT_COUNTY_RE.finditer(lead)
                  if not _NOT_A_COUNTY_RE.search(m.group()) and m.group()[:-1] not in CITIES]
        if not found:
            return "", 0, 0
        at, name = min(found)
        return self._region_id(name) or name, at, at + len(name)

    def _venue_only(self, place: tuple[str, str, int, int], proj: _ProjectEntity) -> bool:
        """"集中开工仪式在归阳工业园举行": a zone the article names once, as the venue of its ceremony, is where the
        ceremony was held, not where the projects are (a zone the article comes back to is its subject); the venue
        of a project's own ceremony ("…暨X项目开工仪式在Y园区举行") is that project's place."""
        name, _rid, a, b = place
        if not (re.search(r"(?:在|于)(?:主会场|分会场|会场)?$", self.t[max(0, a - 4):a])
                and re.match(r"(?:隆重|盛大|正式)?(?:举行|举办|召开|开幕|启动)", self.t[b:b + 6])):
            return False
        sent = self.sentences[self.sentence_at(a)]
        if any(sent.start <= ms < a and re.match(r"(?:[一二三四]期)?(?:开工|签约|奠基|竣工|投产|开业)?(?:仪式|典礼)",
                                                 self.t[me:me + 8]) for ms, me in proj.mentions):
            return False
        return len(self.occurrences(name)) <= 1

    def _signer_place(self, a: int) -> tuple[str, str, int, int] | None:
        """The county or zone that signs the project named at ``a``: "A公司和新建区政府签约X项目",
        "研和工业园区管委会与A签订X项目，与B签订Y项目", "峨山县与A公司签订X项目". The local government (政府,
        管委会) or a county signing for itself is where the project lands; a province or prefecture city is not
        (it signs for many places). The signer must head the project's part of the sentence (up to a 。 or ；),
        and the clauses between it and the project must go on with 与/和 (the same signer with another
        partner)."""
        sent = self.sentences[self.sentence_at(a)]
        floor = max(sent.start, self.t.rfind("；", sent.start, a) + 1)
        for right_before in _SIGNED_WITH_PLACE_RE.finditer(self.t, max(floor, a - 40), a):
            if right_before.end() == a:
                place = self._signer_name(right_before, county_alone=False)
                if place is not None:
                    return place
        for m in reversed(list(_SIGNER_PLACE_RE.finditer(self.t, floor, a))):
            between = self.t[m.end():a]
            clauses = re.split(r"[，,]", between)
            # "X县人民政府和A公司就Y项目签约": 就 names what is signed
            if ("签" in between or between.endswith("就")) and all(
                    re.match(r"(?:并|还|又|另)?(?:与|和|同)", c) for c in clauses[1:]):
                return self._signer_name(m, county_alone=True)
            return None
        return None

    def _signer_name(self, m: re.Match[str], county_alone: bool) -> tuple[str, str, int, int] | None:
        name = m["place"]
        gov = bool(m["gov"])
        county = re.fullmatch(r"[\u4e00-\u9fff]{1,4}(?:自治县|县|区|旗)|[\u4e00-\u9fff]{2}市", name)
        if county and not (gov or county_alone):
            return None
        if not county and not _PLACE_RE.fullmatch(name):
            return None
        if (_GENERIC_PLACE.match(name) or is_place_name(name) or name.removesuffix("市") in CITIES
                or (county and (_NOT_A_COUNTY_RE.search(name) or self._home_county(name)))
                or re.match(r"[我本该全各]", name)):
            return None  # (the county the article is about is every project's home, it tells none apart)
        return (name, self._region_id(name), m.start("place"), m.end("place"))

    def _site_places(self) -> dict[int, tuple[str, str, int, int]]:
        """Places a sentence of their own gives ("投资地点位于华安经开区九龙工业园"), by id of the project that sentence
        is about (the one a figure there would go to); only a park, zone, town or county."""
        cached = getattr(self, "_sites", None)
        if cached is not None:
            return cached
        sites: dict[int, tuple[str, str, int, int]] = {}
        for m in [*_SITE_RE.finditer(self.t), *_PROJECT_SITE_RE.finditer(self.t)]:
            name = _site_name(m["place"])
            if not (_PLACE_RE.fullmatch(name) or re.search(r"(?:园区|园|开发区|新区|镇|乡|街道|[县区旗])$", name)) or (
                    _GENERIC_PLACE.match(name)) or is_place_name(name) or re.match(r"[我本该全各此这其]", name):
                continue
            owner = self.project_at(m.start())
            if owner is None:  # the site is the project's, like 该项目: the project named last, a paragraph back
                earlier = self.strong_mentions(max(0, m.start() - ANAPHOR_REACH), m.start())
                owner = max(earlier)[1] if earlier else None
            if owner is not None:
                sites.setdefault(id(self.projects[owner]), (name, self._region_id(name), m.start("place"),
                                                            m.start("place") + len(name)))
        self._sites = sites
        return sites

    def _clause_place(self, a: int, b: int) -> tuple[str, str, int, int] | None:
        """The park or town in the project's own clause: right before it ("绥安开发区的X项目", "在P投资建设X项目"), or
        after it with 落户/位于/在 ("X项目位于盘陀镇"); never one that belongs to another project of the sentence."""
        c_start, c_end = self.clause(a)
        c_end = max(c_end, self.clause(max(a, b - 1))[1])
        sent = self.sentences[self.sentence_at(a)]
        earlier = [end for _start, end in self._mention_ends(sent.start, a)]
        floor = max([c_start, *earlier])
        places = self._places_by_sentence.get(self.sentence_at(a), [])
        inside = [p for p in places if p[2] == a and p[3] <= b - 4 and not p[1] and not is_place_name(p[0])
                  and re.search(r"(?:镇|乡|街道|开发区|经开区|高新区|新区|园区|集中区|集聚区)$", p[0])]  # "蒲州镇…项目"
        if inside:
            name, rid, ps, pe = inside[0]
            sub = re.match(r"[\u4e00-\u9fff]{1,3}园(?=[\u4e00-\u9fff]{4})", self.t[pe:b])
            if sub and not re.search(r"产业|工业|科技", sub.group()):
                # "松溪经济开发区城东园新型纺织专业园…项目": the zone and its sub-park
                return (name + sub.group(), "", ps, pe + sub.end())
            return inside[0]
        before = [p for p in places if floor <= p[2] and p[3] <= a and not is_place_name(p[0])]
        if before:
            name, rid, ps, pe = before[-1]
            chain = _CHAIN_COUNTY_RE.fullmatch(self.t[ps:pe + 1])
            if chain and self.t[pe:pe + 1] in ("市", "县", "区") and chain["county"] not in CITIES:
                # "在贵州贵阳清镇市投资建设": a county-level city read as a town (清镇) at the end of a chain
                county = chain["county"]
                return (county, self._region_id(county), ps + chain.start("county"), pe + 1)
            return before[-1]
        # "在双流建设X", "在彰化田中建新厂", "在新北市莺歌新建厂房": the place of a build clause (suffix or not)
        for m in _BUILD_AT_RE.finditer(self.t, floor, a):
            if m.end() <= a and a - m.end() <= 16 and not re.search(r"[，。；、]", self.t[m.end():a]):
                name, start = m["place"], m.start("place")
                chain = _CHAIN_COUNTY_RE.fullmatch(name)
                if chain and chain["county"] not in CITIES and not _NOT_A_COUNTY_RE.search(chain["county"]):
                    # "在贵州贵阳清镇市投资建设X项目": of a province-city-county chain, the county is the place
                    name, start = chain["county"], start + chain.start("county")
                name, start = _build_site(name, start)
                if not (_GENERIC_PLACE.match(name) or _NOT_A_PLACE_HEAD.search(name) or name in COUNTRY_WORDS
                        or _ABROAD_RE.fullmatch(name)):
                    return (name, self._region_id(name), start, start + len(name))
        started = _STARTED_AT_RE.match(self.t, b, c_end)
        if started and not _NOT_A_SITE_RE.search(started["place"]) and not _GENERIC_PLACE.match(started["place"]):
            return (started["place"], self._region_id(started["place"]), started.start("place"), started.end("place"))
        county_of = _COUNTY_OF_RE.search(self.t, max(0, a - 12), a)
        if county_of and not (_NOT_A_COUNTY_RE.search(county_of["county"]) or self._home_county(county_of["county"])):
            name = county_of["county"]
            return (name, self._region_id(name), county_of.start("county"), county_of.end("county"))
        invested = _INVEST_AT_RE.search(self.t, max(0, a - 40), a)
        if invested and not _NOT_A_PLACE_HEAD.search(invested["place"]) and not is_place_name(invested["place"]):
            name = invested["place"]
            return (name, self._region_id(name), invested.start("place"), invested.end("place"))
        landed = _COUNTY_AFTER.search(self.t, b, c_end)
        if landed and not _GENERIC_PLACE.match(landed["county"]):
            return (landed["county"], self._region_id(landed["county"]), landed.start("county"), landed.end("county"))
        after = [p for p in places if b <= p[2] < c_end and not is_place_name(p[0])
                 and re.search(r"(?:落户|位于|在|于|入驻|选址|落地|坐落)$", self.t[max(0, p[2] - 3):p[2]])]
        return after[0] if after else None

    def emit_region_facts(self) -> None:
        seen: set[tuple[str, str, str]] = set()
        seen_values: set[str] = set()
        # the exact figures by the label that ends their metric (总投资, 签约额 …), to drop a rounded repeat
        exact = {(metric[-2:], *_amount(value)[1:]) for metric, value, *_ in self.region_values
                 if _amount(value)[0] == ""}
        subject = self._subject_region()
        for metric, value, s, e, how in self.region_values:
            qualifier, amount, unit = _amount(value)
            if qualifier and any(m == metric[-2:] and u == unit and amount <= a < amount * 1.1 for m, a, u in exact):
                continue  # "签约额逾1184亿元" in the headline, "签约额1184.08亿元" in the lead: the exact one
            # a total next to its count ("21个项目，总投资108亿元") is surely the group's; one read from context less so
            conf = 0.75 if how == "counted" or metric in ("实际利用外资", "新增产值") else 0.6
            sent_index = self.sentence_at(s)
            period = self.region_periods.get(sent_index, ("", 0, 0))[0]
            region = ""
            m = re.search(r"为(\S{2,8}?)新增", self.t[self.sentences[sent_index].start:e])
            if m and metric == "新增产值":
                region = self._region_id(m.group(1)) or m.group(1)
            key = f"{metric}" + (f" {period}" if period else "")
            if (metric, value, period) in seen or value in seen_values:
                continue  # the headline and the lead repeat a total: one region fact
            seen.add((metric, value, period))
            seen_values.add(value)
            tag = ("flow" if re.search(r"税|产值|营收|收入|销售|利润|年产", metric)
                   else "at_least" if value.startswith(">=")
                   else "annual" if re.search(r"(?:年度?|当年|今年)(?:计划)?投资$", metric) else "")
            self.add("region_fact", key, "value", value, s, e, conf, tag=tag)
            self.add("region_fact", key, "metric", metric, s, e, conf)
            if period:
                self.add("region_fact", key, "period", period, *self.region_periods[sent_index][1:], 0.6)
            self._add_fact_region(key, (region, s, e) if region else subject)
        counted: set[tuple[str, str]] = set()
        counted_values: set[str] = set()
        # a count restated with a verb ("…的项目共5个") after the plain ones, so that it is the one left out
        for m in sorted([*_COUNT_RE.finditer(self.t), *_CITY_COUNT_RE.finditer(self.t)],
                        key=lambda m: (bool(m.groupdict().get("verb2")), m.start())):
            groups = m.groupdict()
            n = groups.get("n") or groups.get("n2") or groups.get("n4") or groups["n3"]
            part = groups.get("what3") or (groups["city"].removesuffix("市") + "市" if groups.get("city") else None)
            if part and not _AGGREGATE_RE.search(self.t, self.sentences[self.sentence_at(m.start())].start,
                                                 m.start()) and not re.search(r"项目|分区域|从区域|分类", self.t[
                                                     max(0, m.start() - 30):m.start()]):
                continue  # a breakdown only of a count of projects
            written = m.group() if not groups.get("verb2") else m["what2"]
            what = part + "项目" if part else self._count_metric(m.start(), written)
            sent_index = self.sentence_at(m.start())
            period = self.region_periods.get(sent_index, ("", 0, 0))[0]
            key = f"{what}数" + (f" {period}" if period else "")
            if (what, n) in counted or (n in counted_values and (int(n) >= 10 or groups.get("verb2"))
                                        and not re.match(r"[\u4e00-\u9fff]{2,4}?[省市县区](?!域)", what)):
                continue  # "315个重大项目集中开工" in the headline and again in the lead, "…的项目共5个": one count
                # (not two districts' counts: "旺苍县11个项目…剑阁县11个项目")
            counted.add((what, n))
            counted_values.add(n)
            self.add("region_fact", key, "value", f"{n} 个", m.start(), m.end(), 0.6)
            self.add("region_fact", key, "metric", f"{what}数", m.start(), m.end(), 0.6)
            if period:
                self.add("region_fact", key, "period", period, *self.region_periods[sent_index][1:], 0.5)
            city = groups.get("city")
            self._add_fact_region(key, (self._region_id(city) or city, m.start("city"), m.end("city")) if city
                                  else subject)
        for m in _FIRM_COUNT_RE.finditer(self.t):
            # "再通过A、B等8家中小企业扩大投资", "已吸引1,082家企业", "新批外商投资企业10家": a count of investing
            # firms of a region or an event
            n = (m["n"] or m["n2"]).replace(",", "")
            if int(n) < 2 or n in counted_values:
                continue
            c_start, c_end = self.clause(m.start())
            clause = self.t[c_start:c_end]
            if not _FIRM_COUNT_VERB_RE.search(clause) or _FIRM_COUNT_NOT_RE.search(clause):
                continue  # firms an industry has, visited or known: no investment of the region's
            what = _METRIC_FUNCTION_RE.sub("", m["what"] or m["what2"])
            sent_index = self.sentence_at(m.start())
            period = self.region_periods.get(sent_index, ("", 0, 0))[0]
            key = f"{what}数" + (f" {period}" if period else "")
            if (what, n) in counted:
                continue
            counted.add((what, n))
            counted_values.add(n)
            self.add("region_fact", key, "value", f"{n} 家", m.start(), m.end(), 0.6, tag="firms")
            self.add("region_fact", key, "metric", f"{what}数", m.start(), m.end(), 0.6)
            if period:
                self.add("region_fact", key, "period", period, *self.region_periods[sent_index][1:], 0.5)
            self._add_fact_region(key, subject)

    def _add_fact_region(self, key: str, region: tuple[str, int, int]) -> None:
        """The region a total belongs to: named with it (为X新增, a city of a breakdown) or the article's place; none
        when the article names none (``merge`` then uses the dataset's default region)."""
        if region[0]:
            self.add("region_fact", key, "region", *region, 0.5)

    def _count_metric(self, pos: int, written: str) -> str:
        """"签约落户招大引强项目" for "我市签约落户日本电产机床、…等招大引强项目7个": the verb and what was counted,
        without the function words around a count (其中, 共, 合计 …: "其中投资超亿元项目35个" counts 投资超亿元项目)."""
        what = re.sub(r"\d+个", "", written)
        what = _METRIC_FUNCTION_RE.sub("", what)
        what = _strip_left(what)[0] if not what.startswith("项目") else what
        what = _METRIC_FUNCTION_RE.sub("", what)
        c_start, _ = self.clause(pos)
        verb = re.search(r"新认定|签约落户|签约|落户|引进|开工|竣工|投产", self.t[c_start:pos + len(written)])
        return (verb.group() if verb and verb.group() not in what else "") + what

    def emit_source(self) -> None:
        first = next((line.strip() for line in self.t.split("\n") if line.strip()), self.source_id)
        title = re.split(r"[。！？，]", first)[0][:60]
        self.facts.append(Fact("source", self.source_id, "title", title, 1.0, title, 0, 0, ""))
        self.facts.append(Fact("source", self.source_id, "date", self.doc_date.isoformat(), 1.0))
        self.facts.append(Fact("source", self.source_id, "kind", "article", 1.0))


def _variant(a: str, b: str) -> bool:
    """One project written twice by one firm with a word more or less: the shorter name, of at least 8
    characters, is the longer one with at most 4 characters left out.

    >>> _variant("遮阳节能玻璃及节能门窗生产项目", "遮阳节能玻璃及节能幕墙门窗生产项目")
    True
    >>> _variant("一期厂房项目", "二期厂房项目")
    False
    """
    short, long = sorted((a, b), key=len)
    if len(short) < 8 or not 0 < len(long) - len(short) <= 4:
        return False
    chars = iter(long)
    return all(c in chars for c in short)


_NO_BRAND_START_RE = re.compile(r"\d|年产|日产|[一二三四]期|新建|建设")
SHORT_FORM_BUCKET = 12  # projects sharing a name's first two characters, beyond which no short form is looked up


def _city_prefix_size(name: str) -> int:
    """The length of the prefecture city a name starts with ("哈尔滨X公司" -> 3), else 0."""
    return next((size for size in (4, 3, 2) if name[:size] in CITIES), 0)


def _short_form(short: str, long: str, short_later: bool) -> bool:
    """A project name (without 项目) written short: the long name's start (2+ characters) and end with a middle
    left out. A middle of up to 4 characters may be left out either way round ("金百利产业园" / "金百利包装产业园");
    a longer one only when the short name comes after the long one, as a later mention ("易商基地" after
    "易商智能终端及核心零部件产业基地"). A count, a year or a capacity at the start is no brand to share.

    >>> _short_form("易商基地", "易商智能终端及核心零部件产业基地", short_later=True)
    True
    >>> _short_form("易商基地", "易商智能终端及核心零部件产业基地", short_later=False)
    False
    >>> _short_form("华丰一期", "华丰二期", short_later=True)
    False
    """
    if len(long) <= len(short) or len(short) < 2:
        return False
    k = 0
    while k < len(short) and short[k] == long[k]:
        k += 1
    if k < 2 or not long.endswith(short[k:]) or _NO_BRAND_START_RE.match(short):
        return False
    return len(long) - len(short) <= 4 or short_later


def _amount(value: str) -> tuple[str, float, str]:
    """A figure's qualifier (">=", "~", "<=" or ""), amount and unit ("~1.5 亿" is not read: ``(?, 0, value)``)."""
    m = re.fullmatch(r"(>=|<=|~)?([\d.]+) (\S+)", value)
    return (m[1] or "", float(m[2]), m[3]) if m else ("?", 0.0, value)


def _field_item(item: str) -> bool:
    """Whether a list's item names a field of industry, not a firm or a plant: no digit, no plant, site or works
    word and no firm's form ("新一代信息技术", "高端装备制造"; not "年产5万吨板材", "北岭产业园", "青禾科技公司")."""
    return not (re.search(r"\d|项目|工程|公司|集团|厂|场|园|基地|中心|线|站", item) or _CONCRETE_ITEM_RE.search(item))


# 向 as a preposition right before 项目, not the end of a word (导向, 定向, 双向, 方向, 走向 …), or a one-character verb
# that takes the projects as its object ("以服务提效促项目提速", "不遗余力引项目")
_TOWARD_PROJECT_RE = re.compile(r"(?:(?<![导定双方走转纵横面志动意倾取单逆指风])向|[促引])项目$")


# an adverb of manner, then a short verb phrase, then 项目 ("将进一步擂响项目建设战鼓", "尽快拟定项目方案",
# "大力实施项目提速行动"): 项目 is the object or a modifier in prose, not the end of a name
_ADVERB_VERB_PROJECT_RE = re.compile(r"(?:进一步|尽快|尽早|大力|积极|切实|认真|努力|全力|奋力|着力)"
                                     r"[\u4e00-\u9fff]{1,4}项目$")


def _project_name(raw: str) -> str:
    """The project name in a run of text ending in 项目: after the last verb, preposition or amount, without its
    leading punctuation ("计划投资1.2亿元的台玻技改项目" -> "台玻技改项目", "在X镇投资5亿元建设Y项目" -> "Y项目")."""
    cut = 0
    for m in _PROJECT_STOPS.finditer(raw, 0, len(raw) - 2):
        if m.group() in _NOUN_VERBS and m.start() > 0 and re.fullmatch(r"(?:工程|一期|二期|三期)?项目", raw[m.end():]):
            continue  # "…车型建设项目", "…技改项目": the kind of work is part of the name
        if not _inside_parens(raw, m.start()):
            cut = max(cut, m.end())
    if cut > len(raw) - 4 or _TOWARD_PROJECT_RE.search(raw) or _ADVERB_VERB_PROJECT_RE.search(raw):
        # a verb right before 项目 ("加快项目", "保证的是项目", "提效促项目"), or 向 (towards) before it ("资源向项目
        # 聚焦", "代表区政协向项目签约表示祝贺"): prose, not a name
        return ""
    for m in _MONEY_IN_NAME.finditer(raw, cut):
        if m.end() < len(raw) - 2:
            cut = max(cut, m.end())
            verb = re.match(r"(?:的|用于|投资|建设|新建|兴建|投建)+", raw[cut:])
            if verb and verb.end() < len(raw) - cut - 4:
                cut += verb.end()
    name = _ENUMERATOR.sub("", raw[cut:].lstrip("—.的"))
    if name.startswith("据"):
        return ""  # "据市发改委项目建设科数据": a source of figures, not a name
    lead = _NAME_LEAD_RE.match(name)
    if lead and len(name) - lead.end() >= 4:
        # "A项目和永宝文明村项目", "有B基地项目", "一座年产2万吨C生产线项目", "16亿D物流园": the name without the
        # conjunction, the verb of being, the count or the amount before it
        name = name[lead.end():]
    return name


# what may stand before a project's name in a run of text without being part of it: a conjunction, 有 (not 有色,
# 有机 …), one plant counted (一座, 一条), or an amount without its currency (not a count of animals or goods)
_NAME_LEAD_RE = re.compile(rf"以及|和|与|及|同|还有|另有|此外还有|其中|包括|[也既]有|有(?![色机限线效])|"
                           rf"一[座个条家处栋]|(?:{_NUM})(?:余|多)?(?:亿|万)(?![羽头只株粒片件个块台套辆吨瓦度平立米锭元])")
_BUILD_AT_RE = re.compile(r"(?<!位)[在于](?P<place>[\u4e00-\u9fff]{2,12}?)(?:投资建设|合资建设|建设|新建|兴建|扩建|"
                          r"设立|打造|建(?=新|厂)|拆除旧厂兴建)")
_NOT_A_PLACE_HEAD = re.compile(r"^(?:此|这|该|当地|本地|国内|省内|全国|全省|全市|原址|原有|现有|厂区|园区)|"
                               r"[的是了将拟]|基础上|期间|过程")
_ZONE_PREFIX_RE = re.compile(r"^[\u4e00-\u9fff]{0,16}?(?:经济技术开发区|高新技术产业开发区|经济开发区|经开区|"
                             r"高新区|片区|新区|保税区|经济区|园区)")
_EVALUATIVE_RE = re.compile(r"(?:重大|重点|优质|龙头|标志性|招商|招商引资|签约|开工|新开工|在建|续建|新建|集中|亿元|"
                            r"亿元以上|以上|产业|工业|[一二三四]?批)*")
_RESIDUAL_PLACE_RE = re.compile(r"^(?:[\u4e00-\u9fff]{2,10}?(?:工业园区|产业园区|工业园|产业园|经济技术开发区|"
                                r"经济开发区|开发区|高新区|经开区|园区)|[\u4e00-\u9fff]{1,4}?[省市县区])")
_ADMIN_PLACE_RE = re.compile(r"^[\u4e00-\u9fff]{1,4}?[省市县区](?!域)")
_OTHER_PROJECT_RE = re.compile(
    rf"[{_NAME_CHARS}]{{2,30}}?(?:工程|产业园|工业园|基地|中心|工厂|电站|公路|水库|大桥|综合体|生产线|"
    r"(?:科技|生态|智慧|光电|物流|汽车|商贸|产业)城)"
    r"(?=[，、]?(?:计划|预计|拟|项目)?(?:总投资|投资额|投资\d))"
)
_LIST_PRODUCT = re.compile(r"面料|织造|服饰|用品|材料|机械|设备|装备|期$|生产|制造|加工|基地|产业园|中心|工程|系统|"
                           r"零件|部件|"
                           r"电池|芯片|纺织|食品|医药|化工|模组|组件")
_CITY_ALT = "|".join(sorted(CITIES, key=len, reverse=True))
# "从地区分布看：沈阳市新开工项目267个，大连256个，鞍山143个": a breakdown by city that leaves out the kind of project
# after the first item (the same groups as _COUNT_RE's breakdown)
_CITY_COUNT_RE = re.compile(rf"(?<=[，,、；])(?P<city>(?:{_CITY_ALT})市?)(?P<n3>\d+) ?个(?=[，,、；。])")
# "潍坊滨海区12个重大项目集中开工": a district after its prefecture city, reporting its projects
_HOST_CITY_COUNTY_RE = re.compile(rf"(?:^|(?<=[，,、：:\s日在]))(?:{_CITY_ALT})市?(?P<county>[\u4e00-\u9fff]{{1,3}}?"
                                  r"(?:自治县|县|区|旗))(?=[^，。；]{0,10}?(?:\d+|[一二三四五六七八九十两几多]+)个"
                                  r"[^，。；]{0,8}?项目)")
_ORIGIN_KINDS = frozenset({"country", "province", "city"})
_ABROAD_RE = re.compile(r"非洲|欧洲|亚洲|美洲|北美|南美|东南亚|中东|海外|国外|境外")
# a park named by what it makes or who runs it, which may be a project itself ("服饰产业园", "创维西部产业园")
_PROJECT_PARK_RE = re.compile(r"(?:产业园|工业园|科技园|物流园|科技城)$")
_PARK_SITE_WORD_RE = re.compile(r"落户|位于|坐落|落地|入驻|选址|[在于至到]")
_PARK_OWN_EVENT_RE = re.compile(r"[一二三四五]期|(?:正式|全面|顺利)?(?:竣工|投产|建成)")
_PARK_LANDS_RE = re.compile(r"[^，。；]{0,12}?(?:落户|位于|坐落于|落地|入驻)")
# "虹桥镇党委书记", "滨海区党工委书记、管委会主任": a place that names an official's office, not a site
_OFFICE_AFTER_RE = re.compile(r"(?:党工委|党委|管委会|工委|[区县镇乡市]委|人民政府|政府)?(?:常务)?副?"
                              r"(?:书记|主任|[区县镇乡市]长|委员)")
_SIGNED_WITH_PLACE_RE = re.compile(r"(?:与|和|同)(?P<place>[\u4e00-\u9fff]{1,15}[县区旗市])"
                                   r"(?P<gov>人民政府|政府|管委会|管理委员会)"
                                   r"(?:正式|成功)?(?:签约|签订|签署|签下)了?")
_SIGNER_PLACE_RE = re.compile(r"(?:^|(?<=[，,：:。；\n、由是]))"
                              r"(?P<place>(?:(?![是由的])[\u4e00-\u9fff]){1,15}?[县区旗市])"
                              r"(?P<gov>人民政府|政府|管委会|管理委员会)?(?:与|和|同)")
_COUNTY_PREFIX_RE = re.compile(rf"(?:(?:{_CITY_ALT})市?)?(?P<county>[\u4e00-\u9fff]{{1,3}}?(?:自治县|县|区|旗)|"
                               # (not the 市 of 市政/市场/市民: "广元市石盘市政基础设施…项目")
                               r"[\u4e00-\u9fff]{2}市(?![政场民容]))")
_SUBJECT_CITY_RE = re.compile("(?:" + "|".join(sorted(CITIES | PROVINCES, key=len, reverse=True)) + ")(?:省|市)?")
_SUBJECT_COUNTY_RE = re.compile(r"(?:^|(?<=[，,、：:\s日在讯）)】]))[\u4e00-\u9fff]{1,3}?(?:自治县|县|区|旗|市)")
# provinces, cities and counties named in an article's lead: the candidates for the place its totals belong to
_NOT_A_COUNTY_RE = re.compile(r"^[山林牧库灾战地分大赛展专游老郊辖全本该我城市片园新景社小校厂矿港湾街各][区县市旗]$|"
                              r"(?:开发|高新|经开|保税|示范|试验|集聚|功能|商务|核心|起步|产业|工业|物流|园|新|片|城|景|"
                              r"街|港|湾|矿|厂)区$|^(?:城市|都市|超市|门市|股市|上市|夜市|集市)$")
_PROVINCE_ALT = "|".join(sorted(_PROVINCES[:31], key=len, reverse=True))
_CHAIN_COUNTY_RE = re.compile(rf"(?:(?:{_PROVINCE_ALT})(?:省|自治区)?(?:(?:{_CITY_ALT})市?)?|(?:{_CITY_ALT})市?)"
                              r"(?P<county>[\u4e00-\u9fff]{1,4}?(?:自治县|县|区|市|旗))")
# "投资地点位于华安经开区九龙工业园": a sentence that only says where the project named before is
_SITE_RE = re.compile(r"(?:^|(?<=[，。；\n]))(?:该项目|项目)?(?:的)?(?:投资|建设|项目)?(?:地点|地址|选址|厂址)"
                      r"(?:位于|选在|设在|定在|在|为)(?P<place>[\u4e00-\u9fff]{2,20}?)(?=[，。；]|$)")
# "主会场设在天心区的新韶山南路项目": the county or district right before the project, after 在
_COUNTY_OF_RE = re.compile(r"在(?P<county>[\u4e00-\u9fff]{1,4}?(?:自治县|县|区|旗))的$")
# "将在图木舒克市投资30亿元，建设X项目": a county or zone where the amount is invested, right before the project
_INVEST_AT_RE = re.compile(rf"在(?P<place>[\u4e00-\u9fff]{{2,10}}?(?:自治县|县|区|旗|市|镇|乡|园|新城))"
                           rf"(?:投资|斥资){_QTY}[，,]?(?:投资建设|建设|新建|兴建|扩建)$")
_BARE_ZONE_RE = re.compile(r"(?:(?<=[在于到])|(?<=落户))(?:经济技术开发区|经开区|高新区|开发区)"
                           r"(?=举行|召开|[，。；、]|$)")
# a zone (not a county) and a count of its projects right after it ("襄阳高新区就有14个重大项目")
_ZONE_NAME_RE = re.compile(r"(?:开发区|经开区|高新区|园区|产业园|工业园|新区|集中区|集聚区|经济区|新城)$")
_COUNTED_AFTER_RE = re.compile(r"[^，。；]{0,6}?(?:\d+|[一二三四五六七八九十两几多]+)个[^，。；]{0,8}?项目")
_COUNTING_COUNTY_RE = re.compile(r"(?:^|(?<=[，,：:\n]))(?P<county>[\u4e00-\u9fff]{1,4}?(?:自治县|县|区|旗))"
                                 r"(?=[^，。；]{0,12}?(?:\d+|[一二三四五六七八九十两几多]+)[个家])")
# "X项目在东海岛开工", "X项目在洋浦开工建设": the place right after the project where its work starts
_STARTED_AT_RE = re.compile(r"(?:正式|顺利|将)?在(?P<place>[\u4e00-\u9fff]{2,8}?)(?:正式|顺利|全面)?"
                            r"(?:开工|动工|奠基|开建|落地|投产)")
_NOT_A_SITE_RE = re.compile(r"[年月日季今明前后这此该本全各同其上下中期内外间我]|现场|会场|仪式|率先|近期|即将|陆续|"
                            r"原址|当地|异地|竣工|建成|举行|举办|召开|隆重|省|^[\u4e00-\u9fff]{2}市$")
# "以泰顺县为例，此次签约的项目包括：", "福清市参加“云签约”的项目包括", "苍溪县有A等20个项目"
_LISTING_COUNTY_RE = re.compile(r"(?:^|(?<=[\n。；，,]))(?:其中[，,]?)?以?"
                                r"(?P<county>[\u4e00-\u9fff]{1,4}?(?:自治县|县|区|旗)|[\u4e00-\u9fff]{2}市)"
                                r"(?:为例[，,]?)?(?:[^。；，,]{0,16}?的项目)?"
                                r"(?:包括|有(?![关限序效力望着所])|分别是|分别为)(?![\u4e00-\u9fff]{0,3}[个家项])")
# "该项目位于恭城瑶族自治县，…", "项目位于金井新城商务营运中心北侧": where the project named before is
_PROJECT_SITE_RE = re.compile(r"(?:^|(?<=[，。；\n]))(?:该|此|本)?项目(?:[^，。；]{2,30}?，|(?:建设|实施)?范围)?"
                              r"(?:选址于?|位于|坐落于|建于|建在|落户于?|在)(?P<place>[\u4e00-\u9fff]{2,24}?)(?=[，。；,]|$)")
_COUNTY_AFTER = re.compile(rf"(?:在|落户|位于|落地|选址|"
                           rf"于)(?:(?:{_CITY_ALT})市)?(?P<county>[\u4e00-\u9fff]{{2,3}}?[县区市])"
                           r"(?=开工|签约|落户|投产|建设|奠基|竣工|[，。；]|$)")
_VENUE_RE = re.compile(rf"(?:在|设在|于)(?:[\u4e00-\u9fff]{{2,3}}省)?(?:(?:{_CITY_ALT})市?)?"
                       r"(?P<county>[\u4e00-\u9fff]{2,4}?(?:自治县|县|区|市|旗))"
                       r"(?=[^，。；]{0,30}?(?:举行|举办|召开|隆重|开幕))")
_SIGNED_FIRM_RE = re.compile(r"签订[^，。；]{0,6}?(?:协议|合同)|签约|正式落户")
_BATCH_COUNT_RE = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)个[^，。；]{0,6}?项目(?:集中|现场|同时)?"
                             r"(?:签约|开工|竣工|投产)")
_BATCH_RE = re.compile(r"集中|批|全[市县区省州盟]|会场|[多两三四五六七八九十\d]+个|各[县区市]|一批")
_HEADING_COUNTY_RE = re.compile(r"(?:^|(?<=[\n。；]))\s*(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|"
                                r"[一二三四五六七八九十]{1,3}[、是])?"
                                r"(?P<county>[\u4e00-\u9fff]{1,4}?(?:自治县|县|区|旗))(?:主会场|分会场|会场)?[：:]",
                                re.M)
# a number with its measure word inside a run of name characters ("新建28层X集团办公大楼"): a phrase, not a name
_COUNTED_THING_RE = re.compile(r"\d+(?:层|条|座|栋|个|家|年|万|亿|吨)")
_GROUP_DESCRIPTION_RE = re.compile(r".*(?:企业|龙头|巨头|厂商|生产商|制造商|发挥|了解|依托|借助)")
_GROUP_RE = re.compile(r"[\u3400-\u9fffA-Za-z0-9]{2,12}?集团(?!有限|股份|公司|[\u3400-\u9fff]{0,8}(?:有限)?公司)")
_ANAPHOR_SUBJECT_RE = re.compile(r"(?:[^，。；\n]{0,8}[，,])?(?P<anaphor>(?:该|这个|这一|此|上述)?(?:项目|工程)"
                                 r"(?![\u4e00-\u9fff]{0,2}(?:签约|开工|集中|建设项目)))")
# a later clause of a sentence opening with the project named before ("…，据X介绍，该项目由Y公司投资兴建")
_ANAPHOR_CLAUSE_RE = re.compile(r"[，,](?P<anaphor>(?:该|这个|这一|此|上述)(?:项目|工程))")
_ANAPHOR_RE = re.compile(r"(?:该|这个|此|本|这一|上述)(?:项目|工程|园区|产业园|基地|工厂|新厂|厂)|"
                         r"^[，、]?项目|[，：]项目")
_INCLUDES_RE = re.compile(r"项目[^。；]{0,12}?(?:包括|包含|涵盖|有|如)(?P<items>[^，。；：等]{4,120}?)等"
                          r"(?![\u4e00-\u9fff]{0,4}(?:领域|行业|方面|产业))")
_CONCRETE_ITEM_RE = re.compile(r"(?:中心|示范区|产业园|工业园|科技园|基地|工厂|学校|中学|小学|医院|公园|大道|大桥|小区|"
                               r"综合体|广场|电站|水厂|污水处理厂|体育馆|博物馆|图书馆|物流园|港|码头|机场)$")
_WORKS_RE = re.compile(rf"[{_NAME_CHARS}“”]{{2,30}}?(?:改扩建|扩建|新建|建设|贯通|改造|整治|治理|修复)?工程"
                       r"(?!项目|有限|公司|师|院|局|学|技术|管理|咨询|设计|施工|[\u4e00-\u9fff]{0,6}公司)"
                       r"(?=[^。；]{0,12}?(?:总投资|投资额|投资\d|投入))")
_SUBJECT_INVESTS_RE = re.compile(
    rf"(?:^|(?<=[，。；：！\n]))(?P<name>[\u3400-\u9fffA-Za-z0-9（）()&·]{{2,12}}?)"
    rf"(?:则|也|还|再|为此)?(?P<verb>(?:将|拟|计划|规划|决定|准备|预计)?(?:大手笔|再|共|总|扩大)?"
    rf"(?:投资|斥资|加码|出资|投入))(?:约|近|超过|逾)?(?:新台币|台币|人民币)?(?:{_QTY})"
)
_BARE_INVESTS_RE = re.compile(
    rf"(?:^|(?<=[，；]))(?P<name>)(?:则|也|还|并|同样|同时)?(?P<verb>(?:将|拟|计划|规划|决定|准备)(?:大手笔|再|共|总|扩大)?"
    rf"(?:投资|斥资|加码|出资|投入))(?:约|近|超过|逾)?(?:新台币|台币|人民币)?(?:{_QTY})"
)
_ADVERB_SUBJECT_RE = re.compile(r"同样|同时|此外|另外|并且|而且|其后|随后|之后|也|还|并|则")
_GUEST_AFTER_RE = re.compile(r"[^，。；]{0,6}?(?:董事长|董事局主席|总经理|总裁|副总裁|负责人|代表|总监|主任|书记|"
                             r"高管|一行)[^，。；]{0,16}?"
                             r"(?:出席|参加|致辞|发言|见证|陪同|主持|介绍|表示|说|会见|拜访|考察|受邀)")
# "在X集团各主机厂及零部件企业支持下": who supports the region's growth, not an actor of its events
_SUPPORTED_BY_RE = re.compile(r"[^，。；]{0,16}?(?:支持|帮助|带动|引领|推动)下")
_OFFICER_AFTER_RE = re.compile(r"(?:党委|党组)?副?(?:董事长|董事局主席|总经理|总裁|经理|总工程师|党委书记|书记|董事|"
                               r"CEO|负责人|总监|厂长)")
_SIGNING_VERB_RE = re.compile(r"签约|签订|签署|签下|签字")
_CUSTOMER_BEFORE_RE = re.compile(r"客户(?:包括|有|涵盖|为)|供应商|合作伙伴(?:包括|有)|为[^，。；]{0,12}提供|"
                                 r"配套[^，。；]{0,4}$|"
                                 # what a project relies on ("依托X集团先进技术"): a source, not an actor
                                 r"(?:依托|借助|依靠)$")
# "项目投产后…将新增1800个就业岗位", "建成达效后": what follows once the project runs, a condition, not its status
_AFTER_STATUS_RE = re.compile(r"(?:达效|达产|达标|运营|运行)?(?:后|以后|之后)")
_SUBSIDIARY_BEFORE_RE = re.compile(r"(?:子公司|分公司|旗下|下属|控股的|投资的|设立的|成立的)$")
_PARENT_RE = re.compile(r"隶属|所属|母公司")
_PARENT_AFTER_RE = re.compile(r"(?:旗下|下属|的全资子公司|的子公司|控股的)")
_ATTENDED_RE = re.compile(r"^[^。；]{0,40}?等[^，。；]{0,12}?(?:企业|公司|嘉宾|代表)[^，。；]{0,8}?"
                          r"(?:参加|出席|参会|与会)")
_GOVERNMENT_RE = re.compile(r"政府|管委会|管理委员会|委员会|人民|办事处|局$|厅$|部$|办$|党委|县委|市委|区委|事务所")
_SIGNS_WITH_RE = re.compile(
    r"(?:^|(?<=[，。；：:\n]))(?:\d{1,2}月\d{1,2}日[，,]?)?(?P<a>[\u3400-\u9fffA-Za-z0-9（）()·]{2,16}?)"
    r"(?:应邀|正式|日前|近日|今天|昨日|当天|还|也)?(?:在[^，。；]{1,12}?)?(?:与|同|和)"
    r"(?P<b>[^，。；]{0,12}?(?:人民政府|政府|管委会|管理委员会|开发区|高新区|新区|园区))"
    r"(?:[^，。；]{0,6}?)(?:正式|成功|共同)?(?:签订|签署|签约)"
)
_FIRM_HEAD_RE = re.compile(r"^(?:[\u4e00-\u9fff]{2,4}?[市县区])?(?P<firm>[\u4e00-\u9fffA-Za-z]{2,6}?)"
                           r"(?=年产[\d.]|日产[\d.]|新增)")
_PRE_AMOUNT_FIRM_RE = re.compile(
    rf"(?:总投资|计划投资|投资|增资)(?:额)?(?:{_QTY})(?:以上|左右)?的(?P<firm>[{_NAME_CHARS}]{{2,30}}?"
    r"(?:股份有限公司|有限责任公司|有限公司))"
)
_INVEST_OBJECT_RE = re.compile(
    r"(?:[在于](?P<place>[\u4e00-\u9fff]{2,10}?))?(?:投资建设|新建|兴建|扩建|建设|建置|新设|增设|设立|启动|扩增|扩充|扩大|导入|建(?=新))"
    r"(?P<obj>[^，。；、]{0,16}?(?:新厂|厂房|新厂区|[一二三四五六七八九十]厂|产线|生产线|扩建计划|计划|大楼|基地|中心|工厂|"
    r"酒店|宾馆|产业园|工业园|物流园|(?<=导入)[^，。；、]{2,12}?设备|"
    r"(?<=[\u4e00-\u9fff]{2})厂(?![商区长]))"
    r"(?:[及与和][^，。；、]{1,8}?(?:大楼|厂房|中心|仓库|宿舍|办公楼|基地))?)(?=[，。；、及与和并扩]|$)"
)
_INVESTS_IN_RE = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z]{2})在[\u4e00-\u9fff]{2,6}$")
_SUBJECT_NOT_FIRM = re.compile(r"项目|工程|该|其|此|本|这|我|^全[市区县省镇国部]|总|共|计划|预计|今年|去年|明年|累计|"
                               r"合计|已|将|拟|是|的|为|分别|不具名|政府|部门|县|市|区|镇|乡|园|年|月|日|期|其中|中$|"
                               r"[体厂场馆楼]$|[一二三四五六七八九十两\d]")
# connectives and sector words at a clause start ("同时投入…", "新兴产业投资…", "市场主体与…签订"): not a subject firm
_CONNECTIVE_RE = re.compile(r"同时|此外|另外|其中|下一步|随后|目前|现已|已经|首期|双方|各方|"
                            r"(?:产业|行业|领域|板块|经济|资金|社会|市场|民间|外资|内资|主体)$")
_PRE_AMOUNT_RE = re.compile(
    rf"(?:总投资|计划投资|投资)(?:额)?(?:{_QTY})(?:以上|左右)?的(?P<name>[{_NAME_CHARS}“”]{{2,30}}?"
    r"(?:工程|产业园|工业园|科技园|基地|中心|工厂|电站|公路|水库|大桥|综合体|生产线|新村|园))"
    r"(?=[，。；、]|$|(?:正式|顺利|全面)?(?:开工|竣工|投产|签约|奠基|动工|建成|落户))"
)
_BUILD_OBJECT_RE = re.compile(
    rf"(?<!打造)(?:建设|新建|兴建|投资建设|设立|"
    rf"投建|(?<=[\u4e00-\u9fff]{{2}})建(?=新))(?:[^，。；]{{0,16}}?的)?(?!成为)(?P<name>[{_NAME_CHARS}]{{2,24}}?(?:产业园|工业园|科技园|"
    r"产业基地|生产基地|研发中心|创新中心|运营中心|结算中心|数据中心|工厂|电站|综合体|总部大楼|总部基地|"
    r"基地及总部|新厂|厂房|产线|生产线))(?=[，。；、]|$)"
)
_GROUP_INFIX_RE = re.compile(rf"(?P<place>(?:{'|'.join(_PROVINCES[:31])})省?|(?:{_CITY_ALT})市?)"
                             r"[\u4e00-\u9fff]{2,4}?集团(?P<rest>[\u4e00-\u9fff]{4,})")
_BRACKETED_PLACE_RE = re.compile(r"[（(](?P<place>[\u4e00-\u9fff]{2,4})[）)](?=.)")
_ADMIN_PREFIX = re.compile(rf"(?:(?:{_CITY_ALT})市?)?[\u4e00-\u9fff]{{1,3}}?[市县区](?![\u4e00-\u9fff]?(?:开发区|园|"
                           rf"新区))")
_NOUN_VERBS = {"建设", "新建", "扩建", "兴建", "实施", "开工", "投资建设", "合资建设", "合作建设", "共建", "投资"}
_ENUMERATOR = re.compile(r"^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|"
                         r"[一二三四五六七八九十]{1,3}[、.．]|"
                         r"第[一二三四五六七八九十\d]{1,3}[个项，])")
_REGION_SUBJECT = re.compile(r"全市|全区|全县|全省|全镇|我市|我区|我县|该市|该区|该县|今年以来|年以来|累计|共计|合计|"
                             r"全年|上半年|前三季度|一季度|二季度|三季度|四季度|已签约|已引进|共签约|共引进")


def _name_core(name: str) -> str:
    """A project name without the city, county or zone it starts with ("西秀区南山婆…项目" -> "南山婆…项目",
    "X经开区Y光伏基地项目" -> "Y光伏基地项目") and without a city in brackets ("Y(盐城)光伏基地项目"), to see that two
    mentions are one project."""
    for prefix in (_ADMIN_PREFIX, _ZONE_PREFIX_RE):
        m = prefix.match(name)
        if m and len(name) - m.end() >= 6:
            name = name[m.end():]
    return _BRACKETED_PLACE_RE.sub(lambda b: "" if is_place_name(b["place"]) else b.group(), name)


def _zone_key(name: str) -> str:
    """A zone's name without the county before it and with its kind written short, to see that two names are one
    zone ("岐山县X经济技术开发区", "X开发区" -> "X开发区")."""
    county = re.match(r"[\u4e00-\u9fff]{1,3}?[县区市旗](?=[\u4e00-\u9fff]{2,}(?:开发区|园区|新区))", name)
    core = name[county.end():] if county else name
    return re.sub(r"(?:经济技术|高新技术产业|经济)开发区$|经开区$", "开发区", core)


def _place_name(raw: str) -> str:
    """A park or town name: after the last verb or preposition ("位于盘陀镇" -> "盘陀镇")."""
    name, _cut = _strip_left(raw)
    cut = 0
    for m in _PROJECT_STOPS.finditer(name, 0, max(0, len(name) - 2)):
        cut = max(cut, m.end())
    # no place name holds a figure: "总投资117亿元天府新区" is the amount of a clause, then the zone
    for m in re.finditer(r"\d[\d.,]*(?:余|多)?[十百千万亿]*(?:元|美元|欧元|亩|平方米|吨|个|家)?", name, 0):
        if m.end() < len(name) - 1:
            cut = max(cut, m.end())
    # nor the time of day or a day before it ("25日上午聊城经济技术开发区…仪式", "会前一天X开发区签约")
    for m in re.finditer(r"(?:上午|下午|晚上|早上|凌晨|中午|傍晚|前一天|当天|次日)", name[:max(0, len(name) - 2)]):
        cut = max(cut, m.end())
    # nor what introduces it ("主要有岑溪市…集聚区", "另按照协议安排高邮经济开发区")
    for m in _PLACE_INTRO_RE.finditer(name, 0, max(0, len(name) - 2)):
        cut = max(cut, m.end())
    # a bracket opened and not closed: the place is inside it ("南昌县（小蓝经开区")
    opened = max(name.rfind("（", cut), name.rfind("(", cut))
    if opened >= 0 and "）" not in name[opened:] and ")" not in name[opened:]:
        cut = opened + 1
    return name[cut:]


def _join_sub_zones(places: list[tuple[str, str, int, int]]) -> list[tuple[str, str, int, int]]:
    """"四川自贸试验区川南临港片区", "X经开区Y园区": a zone and the part of it named right after it are one place."""
    joined: list[tuple[str, str, int, int]] = []
    for place in sorted(places, key=lambda x: x[2]):
        if joined and joined[-1][3] == place[2] and re.search(r"(?:片区|园区|分区)$", place[0]) and re.search(
                r"(?:开发区|经开区|高新区|新区|试验区|示范区|投资区|保税区|经济区|园区)$", joined[-1][0]):
            outer = joined.pop()
            place = (outer[0] + place[0], "", outer[2], place[3])
        joined.append(place)
    return joined


def _build_site(name: str, start: int) -> tuple[str, int]:
    """The place of a build clause without what frames it: "合山市辖区内开发" -> "合山市", "台资重镇昆山" -> "昆山",
    "非洲共同" -> "非洲"."""
    head = re.search(r"重镇|之乡|之都", name)
    if head and len(name) - head.end() >= 2:
        name, start = name[head.end():], start + head.end()
    return re.sub(r"(?:辖区内|境内|区域内)?(?:开发)?$|共同$", "", name, count=1), start


def _site_name(raw: str) -> str:
    """The place a site clause names: without 内 after it ("…产业园内"), or the park or zone it starts with
    ("金井新城商务营运中心北侧" -> "金井新城")."""
    name = re.sub(r"(?:境内|辖区内|内)$", "", raw)
    if _PLACE_RE.fullmatch(name) or re.search(r"(?:自治县|县|区|旗|镇|乡|街道)$", name):
        return name
    head = _PLACE_RE.match(name)
    return head.group() if head and len(head.group()) >= 4 else name


def _outermost(spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The spans not inside another one (``(name, start, end)``, sorted by start), in linear time after sorting."""
    ordered = sorted(spans, key=lambda x: (x[1], -x[2]))
    kept: list[tuple[str, int, int]] = []
    reach = -1
    for span in ordered:
        if span[2] <= reach and not (kept and kept[-1][1:] == span[1:]):
            continue
        kept.append(span)
        reach = max(reach, span[2])
    return sorted(kept, key=lambda x: x[1])


_NORMS: dict[str, str] = {}


def _norm(name: str) -> str:
    """``normalize_name``, memoised: the same few names are compared many times."""
    key = _NORMS.get(name)
    if key is None:
        if len(_NORMS) > 100_000:
            _NORMS.clear()
        key = _NORMS[name] = normalize_name(name)
    return key


def _non_overlapping(words: Iterable[str]) -> list[str]:
    kept: list[str] = []
    for word in sorted(words, key=len, reverse=True):
        if not any(word in k for k in kept):
            kept.append(word)
    return kept


def _plain(number: float | int) -> str:
    value = float(number)
    return str(int(value)) if value.is_integer() else str(value)


def extract_facts(text: str, doc_date: str | _dt.date, dataset: Dataset | None = None,
                  source_id: str = "article", ner: bool = False) -> Extraction:
    """Propose facts from the text of an article published on ``doc_date`` (relative dates resolve from it).

    ``dataset`` provides the chain templates (segment guesses) and region names (places); its firms and projects
    are not used, so that extraction is the same on an article about firms nobody has recorded yet. ``ner`` asks
    the optional entity tagger (:mod:`chaingraph.sources.ner`, extra ``chaingraph[ner]``) to confirm firm names
    that only weak frames propose; it raises :class:`InvalidArgument` when the tagger is not installed.
    """
    if ner:
        from . import ner as _ner

        if not _ner.available():
            raise InvalidArgument(msg("--ner needs the optional entity tagger: pip install 'chaingraph[ner]'"))
    if isinstance(doc_date, str):
        try:
            day = _dt.date.fromisoformat(doc_date)
        except ValueError as exc:
            raise ParseError(msg("--date {doc_date!r} is not a day: write YYYY-MM-DD", doc_date=doc_date)) from exc
    else:
        day = doc_date
    extractor = _Extractor(text, day, dataset, source_id, ner)
    facts = extractor.run()
    return Extraction(facts=facts, repaired=extractor.mapped, source_id=source_id, doc_date=day.isoformat())
