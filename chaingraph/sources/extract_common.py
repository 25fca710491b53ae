"""Patterns and small helpers of the extractor that several of its topics share: numbers and amounts as written
(:data:`_NUM`, :data:`_QTY`), the characters of a name, country, province and city words, project and place name
patterns, and the helpers that trim or normalise a name.
"""

from __future__ import annotations

import re

from ..dataset.store import normalize_name
from .divisions import CITIES, is_place_name

__all__ = ["COUNTRY_WORDS"]  # and the shared patterns, private to the extractor

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
# (a capacity per year or day written with a slash is part of the name: "120万吨/年甲醇项目")
_PROJECT_RE = re.compile(rf"(?:[{_NAME_CHARS}—.]|/(?=[年日天]))+?项目")
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
_CN_COUNT = r"(?:\d+|[一二三四五六七八九十两百几多数]{2,}|[两三四五六七八九十百几多数])"
_AGGREGATE_RE = re.compile(rf"{_CN_COUNT}个[^，。；]{{0,12}}项目|项目{_CN_COUNT}[个项]|{_CN_COUNT}大项目"
                           rf"|项目(?:共|共有|合计|总计)?{_CN_COUNT}[个项]")
# words that frame a count but do not say what was counted: "其中", "共", "合计", "此次共"
_METRIC_FUNCTION_RE = re.compile(
    r"^(?:[^，。；、\d]{0,6}?(?:其中|其余|另有|另外|此外|还有)|[：:]|共计|共有|一共|总共|合计|总计|分别"
    r"|(?:此次|本次|这次|全市|全区|全县|全省|全镇|今年|当天|当日|目前|次)?(?:共|已经|已|又)(?=签约|签订|开工|新开工|竣工|投产|引进|落户|实施|推进|建设|新建|续建|入库|储备|谋划|完成|洽谈|达成))+"
)
_PROJECT_STOPS = re.compile(
    r"签约落户|签约|落户|引进|投资建设|投资兴建|建设|建成(?!区)|新建|扩建|兴建|投建|实施|推进|启动|开工|竣工|投产|打造|包括|"
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
    r"落子|布局|"
    # "在X新区投资Y项目", "本次投资Y项目": a place or this time, then the investing verb, then the name
    r"(?:(?<=[区县市镇])|(?<=本次|此次))投资(?!有限|集团|控股|公司|股份|发展|管理|基金|开发|建设|项目)"
)
_MONEY_IN_NAME = re.compile(rf"(?:{_NUM}|[{_MULT}])(?:余|多)?(?:{_MULT})?(?:人民币|美元|欧元|日元|港元|英镑|"
                            rf"元)(?:以上|左右)?")
_PLACE_WORDS = set(
    """北京 上海 天津 重庆 深圳 广州 杭州 南京 苏州 无锡 常州 宁波 温州 嘉兴 绍兴 合肥 武汉 长沙 成都 西安 郑州
    济南 青岛
    厦门 福州 沈阳 大连 长春 哈尔滨 石家庄 太原 南昌 昆明 贵阳 南宁 海口 兰州 银川 西宁 乌鲁木齐 拉萨 呼和浩特 东莞 佛山
    珠海 中山 惠州 泉州 烟台 潍坊 徐州 南通 扬州 镇江 泰州 盐城 淮安 连云港 宿迁 湖州 金华 台州 舟山 丽水 衢州
    芜湖 长三角
    珠三角 京津冀 粤港澳大湾区 大湾区 港澳 港澳台 海外 国外 国内 省内 省外 市外 本地 当地 全国 全球 世界 亚洲 欧洲 美洲
    中国 华东 华南 华北 华中 西南 西北 东北""".split()
)


def _unbalanced(name: str) -> bool:
    """Whether ``name`` opens more brackets than it closes, or the other way round."""
    return name.count("（") + name.count("(") != name.count("）") + name.count(")")


_STATUS_RANK = {"signed": 1, "under_construction": 2, "trial": 3, "operating": 4}
_DATE_RE = re.compile(
    r"(?P<range>(?:今年)?(?P<m1>\d{1,2})月份?至(?P<m2>\d{1,2})月份?)"
    r"|(?P<abs>(?P<y>\d{4})年(?:(?P<m>\d{1,2})月(?:份)?(?:(?P<d>\d{1,2})日|(?P<dek>上旬|中旬|下旬|初|底|末))?)?)"
    r"|(?P<rel>今年|去年|明年|前年)(?:前(?P<first_n>\d{1,2})个月|(?P<rm>\d{1,2})月(?:份)?"
    r"(?:(?P<rd>\d{1,2})日|(?P<rdek>上旬|中旬|下旬|初|底|末))?|(?P<rq>[一二三四1-4])季度|(?P<rh>上半年|下半年)"
    r"|(?P<rend>年底|年末|年初)|)"
    r"|(?P<md>(?P<mm>\d{1,2})月(?:份)?(?:(?P<dd>\d{1,2})日|(?P<mdek>上旬|中旬|下旬|初|底|末))?)"
    r"|(?P<q>[一二三四])季度|(?P<yend>年底|年末)|上周(?P<wd>[一二三四五六日天])"
)
_RELATIVE_DAY_RE = re.compile(r"昨日|昨天|前天|今天|今日|当天|当日|同日|同一天|同天|次日|翌日|同月|当月|本月"
                              r"|上月|上个月|(?P<yday>昨|今)?[（(]?(?<![月\d年])(?P<day>\d{1,2})[）)]?"
                              # "22号，全省…集中开工仪式…举行": a day written with 号 before a comma or a time of day
                              r"(?:日(?!电|讯)|号(?=[，,]|上午|下午|晚上|早上|凌晨))")
EVENT_REACH = 2000
"""Projects first named more than this many characters after an event are not given its date."""


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


# 向 as a preposition right before 项目, not the end of a word (导向, 定向, 双向, 方向, 走向 …), or a one-character verb
# that takes the projects as its object ("以服务提效促项目提速", "不遗余力引项目")
_TOWARD_PROJECT_RE = re.compile(r"(?:(?<![导定双方走转纵横面志动意倾取单逆指风])向|[促引])项目$")

# an adverb of manner, then a short verb phrase, then 项目 ("将进一步擂响项目建设战鼓", "尽快拟定项目方案",
# "大力实施项目提速行动"): 项目 is the object or a modifier in prose, not the end of a name
_ADVERB_VERB_PROJECT_RE = re.compile(r"(?:进一步|尽快|尽早|大力|积极|切实|认真|努力|全力|奋力|着力)"
                                     r"[\u4e00-\u9fff]{1,4}项目$")

# a one-character verb, or 明确, right before 项目 ("围绕食品产业上项目", "全区上下推项目", "各平台均有项目",
# "近年新设项目", "政企明确项目开工时间"): 项目 is the verb's object in prose (not 以上项目, 建设项目, 国有项目)
_SHORT_VERB_PROJECT_RE = re.compile(r"(?:(?<![以建海线])上|推|(?<![建增])设|明确|(?<![国])有)项目$")


def _project_name(raw: str) -> str:
    """The project name in a run of text ending in 项目: after the last verb, preposition or amount, without its
    leading punctuation ("计划投资1.2亿元的台玻技改项目" -> "台玻技改项目", "在X镇投资5亿元建设Y项目" -> "Y项目")."""
    cut = 0
    for m in _PROJECT_STOPS.finditer(raw, 0, len(raw) - 2):
        if m.group() in _NOUN_VERBS and m.start() > 0 and re.fullmatch(r"(?:工程|一期|二期|三期)?项目", raw[m.end():]):
            continue  # "…车型建设项目", "…技改项目": the kind of work is part of the name
        if not _inside_parens(raw, m.start()):
            cut = max(cut, m.end())
    if (cut > len(raw) - 4 or _TOWARD_PROJECT_RE.search(raw) or _ADVERB_VERB_PROJECT_RE.search(raw)
            or _SHORT_VERB_PROJECT_RE.search(raw)):
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
_NOT_A_PLACE_HEAD = re.compile(r"^(?:此|这|该|当地|本地|国内|省内|全国|全省|全市|原址|原有|现有|厂区|园区)|"
                               r"[的是了将拟]|基础上|期间|过程")
_ADMIN_PLACE_RE = re.compile(r"^[\u4e00-\u9fff]{1,4}?[省市县区](?!域)")
_CITY_ALT = "|".join(sorted(CITIES, key=len, reverse=True))
# provinces, cities and counties named in an article's lead: the candidates for the place its totals belong to
_NOT_A_COUNTY_RE = re.compile(r"^[山林牧库灾战地分大赛展专游老郊辖全本该我城市片园新景社小校厂矿港湾街各][区县市旗]$|"
                              # (a brand or a flag, "一汽红旗", "五星红旗", is no banner)
                              r"红旗$|"
                              r"(?:开发|高新|经开|保税|示范|试验|集聚|功能|商务|核心|起步|产业|工业|物流|园|新|片|景|"
                              r"街|港|湾|矿|厂)区$|^(?:城市|都市|超市|门市|股市|上市|夜市|集市)$|"
                              # (a town's or county's urban area, "主城区", "上蔡城区", not a district named X城区:
                              # "任城区", "芗城区")
                              r"(?:^[主老旧全本该我中东西南北]|[一-鿿]{2}|[县市心])城区$")
_ANAPHOR_RE = re.compile(r"(?:该|这个|此|本|这一|上述)(?:项目|工程|园区|产业园|基地|工厂|新厂|厂)|"
                         r"^[，、]?项目|[，：]项目")
_CONCRETE_ITEM_RE = re.compile(r"(?:中心|示范区|产业园|工业园|科技园|基地|工厂|学校|中学|小学|医院|公园|大道|大桥|小区|"
                               r"综合体|广场|电站|水厂|污水处理厂|体育馆|博物馆|图书馆|物流园|港|码头|机场)$")
_SUBJECT_INVESTS_RE = re.compile(
    rf"(?:^|(?<=[，。；：！\n]))(?P<name>[\u3400-\u9fffA-Za-z0-9（）()&·]{{2,12}}?)"
    rf"(?:则|也|还|再|为此)?(?P<verb>(?:将|拟|计划|规划|决定|准备|预计)?(?:大手笔|再|共|总|扩大)?"
    rf"(?:投资|斥资|加码|出资|投入))(?:约|近|超过|逾)?(?:新台币|台币|人民币)?(?:{_QTY})"
)
_ADVERB_SUBJECT_RE = re.compile(r"同样|同时|此外|另外|并且|而且|其后|随后|之后|也|还|并|则")
_NOUN_VERBS = {"建设", "新建", "扩建", "兴建", "实施", "开工", "投资建设", "合资建设", "合作建设", "共建", "投资"}
_ENUMERATOR = re.compile(r"^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|"
                         r"[一二三四五六七八九十]{1,3}[、.．]|"
                         r"第[一二三四五六七八九十\d]{1,3}[个项，])")

_NORMS: dict[str, str] = {}


def _norm(name: str) -> str:
    """``normalize_name``, memoised: the same few names are compared many times."""
    key = _NORMS.get(name)
    if key is None:
        if len(_NORMS) > 100_000:
            _NORMS.clear()
        key = _NORMS[name] = normalize_name(name)
    return key
