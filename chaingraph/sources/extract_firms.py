"""Firm names (:class:`_FirmFinder`): legal names, brands, list items and the subjects of investing frames; their
short names and variants, the firms a name belongs to, and the firm facts.
"""

from __future__ import annotations

import re

from ..dataset.store import normalize_name
from .divisions import CITIES, is_place_name
from .extract_base import _ExtractorBase, _FirmEntity
from .extract_common import (
    _ADMIN_PLACE_RE,
    _ADVERB_SUBJECT_RE,
    _CITY_ALT,
    _CONCRETE_ITEM_RE,
    _COUNTRY_ALT,
    _NAME_CHARS,
    _NOT_A_COUNTY_RE,
    _PLACE_WORDS,
    _PROJECT_RE,
    _PROVINCES,
    _STOPS,
    _SUBJECT_INVESTS_RE,
    COUNTRY_WORDS,
    _norm,
    _project_name,
    _strip_left,
    _unbalanced,
)
from .vocabulary import CONCRETE_HEAD as _CONCRETE_HEAD
from .vocabulary import GENERIC_WORD_RE as _GENERIC_WORD_RE
from .vocabulary import PRODUCT_HINT as _PRODUCT_HINT

__all__: list[str] = []  # private to the extractor (chaingraph.sources.extract is its entry)

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
_FORTUNE_RE = re.compile(r"世界500强|财富500强|全球500强|世界五百强")
_PARTS_LIST_INTRO_RE = re.compile(r"(?:基地|工程|仪式|活动|(?:该|本|此)项目)[，,]?(?:主要|重点)?"
                                  r"(?:包括|包含|建设内容(?:包括|为)?|内容(?:包括|为))(?:[^，。；、]{2,12}、)?$")
_GENERIC_FIRM = re.compile(r"^(?:企业|公司|外资企业|集团|我市|全市|政府|项目|产业|两家|多家|世界500强)")
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


_CATEGORY_TAIL_RE = re.compile(r"等(?:各类|各种|多种|多类|各个|不同)")
_SCOPE_BEFORE_RE = re.compile(r"(?:涵盖|涉及|囊括|覆盖|横跨|集(?![团中成约聚]))(?:了)?(?=[^，。；、]{2})")
_TICKER_RE = re.compile(r"(?P<name>[\u3400-\u9fffA-Za-z]{2,12})\s?"
                        r"[（(](?:\d{6}|\d{4}-TW|\d{4,5}\.HK|\d{6}\.S[HZ])[）)]")
_INTENT_LIST_RE = re.compile(r"(?:将|拟|计划|重点|主要|着力|积极|大力)[^，。；]{0,4}?"
                             r"(?:引入|引进|发展|聚焦|布局|培育|招引|瞄准|吸引)[^，。；]{0,4}$")


class _FirmFinder(_ExtractorBase):
    """Finds the firms the article names and emits their facts."""

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


def _city_prefix_size(name: str) -> int:
    """The length of the prefecture city a name starts with ("哈尔滨X公司" -> 3), else 0."""
    return next((size for size in (4, 3, 2) if name[:size] in CITIES), 0)


def _field_item(item: str) -> bool:
    """Whether a list's item names a field of industry, not a firm or a plant: no digit, no plant, site or works
    word and no firm's form ("新一代信息技术", "高端装备制造"; not "年产5万吨板材", "北岭产业园", "青禾科技公司")."""
    return not (re.search(r"\d|项目|工程|公司|集团|厂|场|园|基地|中心|线|站", item) or _CONCRETE_ITEM_RE.search(item))


_LIST_PRODUCT = re.compile(r"面料|织造|服饰|用品|材料|机械|设备|装备|期$|生产|制造|加工|基地|产业园|中心|工程|系统|"
                           r"零件|部件|"
                           r"电池|芯片|纺织|食品|医药|化工|模组|组件")
# a number with its measure word inside a run of name characters ("新建28层X集团办公大楼"): a phrase, not a name
_COUNTED_THING_RE = re.compile(r"\d+(?:层|条|座|栋|个|家|年|万|亿|吨)")
_GROUP_DESCRIPTION_RE = re.compile(r".*(?:企业|龙头|巨头|厂商|生产商|制造商|发挥|了解|依托|借助)")
_GROUP_RE = re.compile(r"[\u3400-\u9fffA-Za-z0-9]{2,12}?集团(?!有限|股份|公司|[\u3400-\u9fff]{0,8}(?:有限)?公司)")
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
_INVESTS_IN_RE = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z]{2})在[\u4e00-\u9fff]{2,6}$")
_SUBJECT_NOT_FIRM = re.compile(r"项目|工程|该|其|此|本|这|我|^全[市区县省镇国部]|总|共|计划|预计|今年|去年|明年|累计|"
                               r"合计|已|将|拟|是|的|为|分别|不具名|政府|部门|县|市|区|镇|乡|园|年|月|日|期|其中|中$|"
                               r"[体厂场馆楼]$|[一二三四五六七八九十两\d]")
# connectives and sector words at a clause start ("同时投入…", "新兴产业投资…", "市场主体与…签订"): not a subject firm
_CONNECTIVE_RE = re.compile(r"同时|此外|另外|其中|下一步|随后|目前|现已|已经|首期|双方|各方|"
                            r"(?:产业|行业|领域|板块|经济|资金|社会|市场|民间|外资|内资|主体)$")
_GROUP_INFIX_RE = re.compile(rf"(?P<place>(?:{'|'.join(_PROVINCES[:31])})省?|(?:{_CITY_ALT})市?)"
                             r"[\u4e00-\u9fff]{2,4}?集团(?P<rest>[\u4e00-\u9fff]{4,})")
