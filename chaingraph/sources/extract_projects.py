"""Project name frames (:class:`_ProjectFinder`): names ending in 项目 or 工程, enumerations, investing and building
frames, and which names are too generic to be a project's. The projects found so far, their short forms and which
project a position of the text is about are in :mod:`.extract_project_names`.
"""

from __future__ import annotations

import bisect
import re

from .divisions import is_place_name
from .extract_common import (
    _ADMIN_PLACE_RE,
    _ADVERB_SUBJECT_RE,
    _CONCRETE_ITEM_RE,
    _COUNTRY_ALT,
    _DATE_RE,
    _GENERIC_PLACE,
    _NAME_CHARS,
    _NOT_A_PLACE_HEAD,
    _PLACE_RE,
    _PROJECT_RE,
    _PROVINCES,
    _QTY,
    _RELATIVE_DAY_RE,
    _SUBJECT_INVESTS_RE,
    _inside_parens,
    _is_place_word,
    _project_name,
    _unbalanced,
)
from .extract_project_names import (
    _ZONE_PREFIX_RE,
    _ProjectNames,
)
from .vocabulary import CONCRETE_HEAD as _CONCRETE_HEAD
from .vocabulary import GENERIC_WORD_RE as _GENERIC_WORD_RE
from .vocabulary import PRODUCT_HINT as _PRODUCT_HINT

__all__: list[str] = []  # private to the extractor (chaingraph.sources.extract is its entry)

# a decimal point between digits, as a character of a name ("年产8.5万吨X生产线", "1.5GW光伏电站")
_DECIMAL_POINT = r"(?<=\d)\.(?=\d)"
_GENERIC_PROJECT = re.compile(
    r"^(?:省|市|全省|全市|又一个|一个|一批|首批|各类|其他|这些|这个|该|此|本|新|大|好)*"
    r"(?:重大|重点|龙头|外资|高质量|制造业|招大引强|百亿|亿元|超亿美元|亿美元|优质|产业|签约|在建|投资|集中|主导|"
    r"关键|标志性|代表性|代表|"
    r"增资|新|大|整车|机床整机|新能源汽车驱动电机|外资|产业化|示范)*项目$"
)
_WORKS_NOT_NAME = re.compile(r"民心|民生|系统|一号|重点|重大|实事|惠民|示范|人才|工程师|提升|行动|计划|战略|品牌|质量")
_WORKS_EVENT_RE = re.compile(rf"(?:[{_NAME_CHARS}“”]|{_DECIMAL_POINT}){{2,40}}?"
                             r"(?:工业园|产业园|科技园|物流园|生产基地|工厂|生产线)"
                             r"(?=(?:(?:\d{1,2}月)?\d{1,2}日|昨日|昨天|今天|今日|近日|日前)?(?:上午|下午)?"
                             r"(?:在[\u4e00-\u9fff]{2,16}?)?"
                             r"(?:正式|顺利|全面|已|已经|宣告|宣布)?(?:竣工|开工|投产|开业|奠基|动工|动土|破土|建成|落成))")
# a plant, park, station or works named as such (an item of a list of projects), optionally with a bracketed
# second name: "南昌国际陆港枢纽产业园（南昌向塘电商物流服务中心）"
_PLANT_ITEM_RE = re.compile(r"(?:产业园|工业园|科技园|物流园|产业园区|工业园区|生产基地|产业基地|基地|电站|光伏|"
                            r"风电场|风电|工厂|[^工水]厂|厂区|生产线|产线|工程|小镇|校区|水厂|水库|大桥|防洪堤|总部|酒店|综合体|"
                            r"中心|公园|广场|市场|高速|(?:物流|商贸|科技|汽车|配件|产业|生态|智慧)城)"
                            r"(?:[（(][^（）()]{2,20}[）)])?$")
_MADE_ITEM_RE = re.compile(r"年产|日产|生产线|生产基地|工厂|[^工]厂$|产业园$")
# a fair's or a conference's batch named like a project ("第四届X博会…项目", "2018X大会…项目"), or a trade's
# projects ("汽车零部件及装备制造行业项目", "X市纺织服装产业招商项目")
_EVENT_BATCH_NAME_RE = re.compile(r"(?:第[\d一二三四五六七八九十]+届|\d{4}年?)[^，。；]{0,12}?"
                                  r"(?:大会|博会|博览会|洽会|交易会|论坛|峰会|洽谈会|推介会)|(?:行业|产业招商)项目$")
# a name that ends in a type, a class or a quality: "…型", "…类", "综合性", "附加值高", "科技含量高"
_KIND_NAME_RE = re.compile(r"[\u4e00-\u9fff](?:型|类|性|[高强多好])$")
_PARTS_INTRO_RE = re.compile(r"(?:项目|工程)[，,]?(?:主要)?(?:包括|包含|建设内容(?:包括|为)?|内容(?:包括|为)|含)$")
_CATEGORY_TAIL_PROJECT_RE = re.compile(r"(?:重大|重点|招商引资|招商|开复工|复工|新开工|开工|签约|集中|优质|产业|工业|"
                                       r"制造业)+(?:建设)?项目$")
_CODE_IN_NAME_RE = re.compile(r"[（(](?:\d{6}(?:\.S[HZ])?|\d{4}(?:-TW)?)[）)](?=.)")
_PAIR_SPLIT_RE = re.compile(r"(?P<first>[^和与]{4,30}?(?:中心|基地|产业园|工业园|科技园|物流园|工厂|总部|研究院|学校|"
                            r"医院|广场|综合体|工程))(?:和|与)(?P<second>.+项目)$")
# a count of the items that closes a list of projects instead of 等: "A和B两个物流项目", "A、B、C“三个百亿”项目"
_COUNT_CLOSE = r"[“\"]?[两二三四五六七八九十]个[^，。；、]{0,8}?项目"
_ENUM_ITEM = rf"(?:(?!等|{_COUNT_CLOSE})(?:[{_NAME_CHARS}“”]|{_DECIMAL_POINT})){{2,40}}"
_ENUMERATION_RE = re.compile(rf"{_ENUM_ITEM}(?:、{_ENUM_ITEM})+(?:(?:以及|和|及){_ENUM_ITEM})?(?=等|[，。；：\n]|$)|"
                             rf"{_ENUM_ITEM}(?:、{_ENUM_ITEM})*(?:以及|和|及|、){_ENUM_ITEM}(?={_COUNT_CLOSE})")
_ENUM_LAST_RE = re.compile(r"(?:项目|工程|中心|示范区|产业园|工业园|科技园|物流园|基地|工厂|厂|学校|中学|小学|幼儿园|"
                           r"医院|公园|大道|大桥|路|小区|综合体|广场|电站|水库|港|码头|机场|总部|[一二三四]期[）)]?)$")
_ENUM_NOT_PROJECT_RE = re.compile(r"领域|行业|产业链|企业$|公司$|集团$|[省市县区]委|政府|书记|市长|县长|区长|局长|主任|"
                                  r"领导|嘉宾|代表|客商|^[^\u4e00-\u9fff]+$|^(?:年产|日产)|"
                                  r"^[\d一二三四五六七八九十两]+[条座个栋家项台套批]")
_COUNTED_RE = re.compile(r"[一二两三四五六七八九十\d]+份|\d+个|[一二三四五六七八九十两几多数]+个|"
                         r"第[一二三四五六七八九十\d]+批|"
                         r"[一二三四五六七八九十\d]+大")
# a superlative or a first that describes a project ("新疆首套X项目", "全国最大的…", "第六大生产基地"), optionally after
# the place it is first or largest in
_DESCRIPTION_RE = re.compile(rf"^(?:中国|我国|全国|国内|世界|全球|亚洲|(?:{'|'.join(_PROVINCES[:31])})省?)?(?:单体)?"
                             r"(?:首个|首套|首家|首座|最大|第[一二三四五六七八九十\d]{1,2}大)")
_CONTENT_INTRO_RE = re.compile(r"(?:(?:主要|分[两三四]期|将|拟|计划)?(?:建设|新建|兴建|建成)|[一二三四首]期(?:主要)?为|"
                               r"即)$")
_CONTENT_OPENING_RE = re.compile(r"(?:[^，。；]{0,6}[，,])?(?:其中[，,]?)?"
                                 r"(?:该项目|(?:(?:此次|本次|这次)(?:签约|开工|落户)?的?)?项目|[一二三四首]期|分[两三四]期)")
_PHASE_AFTER_RE = re.compile(r"[一二三四首]期(?![\u4e00-\u9fff]{0,3}(?:工程|项目))")
# a period of the year before a batch's name ("下半年项目", "上半年X市项目"): no part of a project's name
# a period ("上半年", "年内", "一季度") or a span of years ("三年后", "两年时间内", "近年") that starts a batch's name
_PERIOD_RE = re.compile(r"^(?:今年|去年|明年)?(?:[上下]半年|年内|全年|第?[一二三四1-4]季度)|"
                        r"^(?:\d{1,2}|[一二两三四五六七八九十])年(?:后|以后|内|时间内|来)|^近(?:几|两|三|五)?年(?:来)?")


class _ProjectFinder(_ProjectNames):
    """Finds the projects the article names: names ending in 项目 or 工程, lists, investing and building frames."""

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
            closed = self.t.startswith("等", m.end()) or bool(re.match(_COUNT_CLOSE, self.t[m.end():m.end() + 16]))
            # "X公司年产50万吨预焙阳极、Y集团年产600万套子午胎等22个项目": items that name a capacity or a plant,
            # closed by 等…项目, are projects too
            counted = closed and re.match(rf"等[^，。；、]{{0,20}}?项目|{_COUNT_CLOSE}", self.t[m.end():m.end() + 24])
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


_EVALUATIVE_RE = re.compile(r"(?:重大|重点|优质|龙头|标志性|招商|招商引资|签约|开工|新开工|在建|续建|新建|集中|亿元|"
                            r"亿元以上|以上|产业|工业|[一二三四]?批)*")
_OTHER_PROJECT_RE = re.compile(
    rf"(?:[{_NAME_CHARS}]|{_DECIMAL_POINT}){{2,30}}?(?:工程|产业园|工业园|基地|中心|工厂|电站|公路|水库|大桥|综合体|生产线|"
    r"(?:科技|生态|智慧|光电|物流|汽车|商贸|产业)城)"
    r"(?=[，、]?(?:计划|预计|拟|项目)?(?:总投资|投资额|投资\d))"
)
_INCLUDES_RE = re.compile(r"项目[^。；]{0,12}?(?:包括|包含|涵盖|有|如)(?P<items>[^，。；：等]{4,120}?)等"
                          r"(?![\u4e00-\u9fff]{0,4}(?:领域|行业|方面|产业))")
_WORKS_RE = re.compile(rf"(?:[{_NAME_CHARS}“”]|{_DECIMAL_POINT}){{2,30}}?"
                       r"(?:改扩建|扩建|新建|建设|贯通|改造|整治|治理|修复)?工程"
                       r"(?!项目|有限|公司|师|院|局|学|技术|管理|咨询|设计|施工|[\u4e00-\u9fff]{0,6}公司)"
                       r"(?=[^。；]{0,12}?(?:总投资|投资额|投资\d|投入))")
_BARE_INVESTS_RE = re.compile(
    rf"(?:^|(?<=[，；]))(?P<name>)(?:则|也|还|并|同样|同时)?(?P<verb>(?:将|拟|计划|规划|决定|准备)(?:大手笔|再|共|总|扩大)?"
    rf"(?:投资|斥资|加码|出资|投入))(?:约|近|超过|逾)?(?:新台币|台币|人民币)?(?:{_QTY})"
)
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
_PRE_AMOUNT_RE = re.compile(
    rf"(?:总投资|计划投资|投资)(?:额)?(?:{_QTY})(?:以上|左右)?的(?P<name>(?:[{_NAME_CHARS}“”]|{_DECIMAL_POINT}){{2,30}}?"
    r"(?:工程|产业园|工业园|科技园|基地|中心|工厂|电站|公路|水库|大桥|综合体|生产线|新村|园))"
    r"(?=[，。；、]|$|(?:正式|顺利|全面)?(?:开工|竣工|投产|签约|奠基|动工|建成|落户))"
)
_BUILD_OBJECT_RE = re.compile(
    rf"(?<!打造)(?:建设|新建|兴建|投资建设|设立|"
    rf"投建|(?<=[\u4e00-\u9fff]{{2}})建(?=新))(?:[^，。；]{{0,16}}?的)?(?!成为)(?P<name>(?:[{_NAME_CHARS}]|{_DECIMAL_POINT}){{2,24}}?(?:产业园|工业园|科技园|"
    r"产业基地|生产基地|研发中心|创新中心|运营中心|结算中心|数据中心|工厂|电站|综合体|总部大楼|总部基地|"
    r"基地及总部|新厂|厂房|产线|生产线))(?=[，。；、]|$)"
)


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
