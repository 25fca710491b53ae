"""Firm name frames (:class:`_FirmFinder`): legal names, brands, list items and the subjects of investing frames,
and the firm facts. The firms found so far and how their names merge are in :mod:`.extract_firm_names`.
"""

from __future__ import annotations

import re

from .divisions import CITIES, is_place_name
from .extract_common import (
    _ADVERB_SUBJECT_RE,
    _CONCRETE_ITEM_RE,
    _COUNTRY_ALT,
    _NAME_CHARS,
    _PROJECT_RE,
    _PROVINCES,
    _STOPS,
    _SUBJECT_INVESTS_RE,
    _project_name,
    _strip_left,
)
from .extract_firm_names import (
    _GROUP_DESCRIPTION_RE,
    _LATIN_FORMS,
    _LEGAL_FORMS,
    _LEGAL_SUFFIX_RE,
    _bad_firm_name,
    _FirmNames,
    _names_nothing,
)
from .vocabulary import GENERIC_WORD_RE as _GENERIC_WORD_RE

__all__: list[str] = []  # private to the extractor (chaingraph.sources.extract is its entry)

_TIME_WORD_RE = re.compile(r"(今年|去年|明年|前年)(?:\d{1,2}月份?)?$")
_LEGAL_RE = re.compile(rf"[{_NAME_CHARS}]+?(?:{_LEGAL_FORMS})")
_LATIN_LEGAL_RE = re.compile(
    rf"(?<![A-Za-z0-9&])[A-Z][A-Za-z0-9&\-]*(?:[ ][A-Z&][A-Za-z0-9&\-]*){{0,4}}?,?[ ](?:{_LATIN_FORMS})(?![A-Za-z])"
)
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
# an announcement's number run into the name after it ("2020-049北京X股份有限公司")
_NOTICE_NUMBER_RE = re.compile(r"(?:\d{2,4}[-－—]\d{1,4}[号]?)+")
_GENERIC_FIRM = re.compile(r"^(?:企业|公司|外资企业|集团|我市|全市|政府|项目|产业|两家|多家|世界500强)")


def _former_name(name: str) -> bool:
    """Whether a legal name is written as a firm's former name ("原杭州X股份有限公司"): 原 before a province or a city
    (not 太原, 中原, 原平 …, where 原 belongs to the place)."""
    return name.startswith("原") and (name[1:3] in _PROVINCES or name[1:3] in CITIES or name[1:4] in CITIES)


_CATEGORY_TAIL_RE = re.compile(r"等(?:各类|各种|多种|多类|各个|不同)")
_SCOPE_BEFORE_RE = re.compile(r"(?:涵盖|涉及|囊括|覆盖|横跨|集(?![团中成约聚]))(?:了)?(?=[^，。；、]{2})")
_TICKER_RE = re.compile(r"(?P<name>[\u3400-\u9fffA-Za-z]{2,12})\s?"
                        r"[（(](?:\d{6}|\d{4}-TW|\d{4,5}\.HK|\d{6}\.S[HZ])[）)]")
_INTENT_LIST_RE = re.compile(r"(?:将|拟|计划|重点|主要|着力|积极|大力)[^，。；]{0,4}?"
                             r"(?:引入|引进|发展|聚焦|布局|培育|招引|瞄准|吸引)[^，。；]{0,4}$")


class _FirmFinder(_FirmNames):
    """Finds the firms the article names (legal names, brands, list items, investing subjects) and emits their facts."""

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
            if cut.endswith("和") and len(head) <= 2 and len(cut) >= 2:
                # "十堰正和车身有限公司": two characters after 和 are no firm's name ("车身"): 和 is part of the name,
                # unless what stands before it is a firm or a place of its own ("X集团和Y有限公司")
                before, cut_before = _strip_left(cut[:-1])
                if 2 <= len(before) <= 5 and not re.search(r"(?:集团|公司|企业|厂|银行|[省市县区镇乡村])$", before):
                    head, cut = before + "和" + head, cut_before
            code = _NOTICE_NUMBER_RE.match(head)
            if code:  # "公告编号:2020-049\n北京X股份有限公司": the announcement's number, then the name
                cut, head = cut + code.group(), head[code.end():]
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


def _field_item(item: str) -> bool:
    """Whether a list's item names a field of industry, not a firm or a plant: no digit, no plant, site or works
    word and no firm's form ("新一代信息技术", "高端装备制造"; not "年产5万吨板材", "北岭产业园", "青禾科技公司")."""
    return not (re.search(r"\d|项目|工程|公司|集团|厂|场|园|基地|中心|线|站", item) or _CONCRETE_ITEM_RE.search(item))


_LIST_PRODUCT = re.compile(r"面料|织造|服饰|用品|材料|机械|设备|装备|期$|生产|制造|加工|基地|产业园|中心|工程|系统|"
                           r"零件|部件|"
                           r"电池|芯片|纺织|食品|医药|化工|模组|组件")
# a number with its measure word inside a run of name characters ("新建28层X集团办公大楼"): a phrase, not a name
_COUNTED_THING_RE = re.compile(r"\d+(?:层|条|座|栋|个|家|年|万|亿|吨)")
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
