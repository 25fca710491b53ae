"""Records assembly (:class:`_Extractor`): runs the topic finders in order and emits the project facts (names, figures,
dates, statuses, places, segment guesses), the region facts and the source fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..dataset.model import Segment
from .calibration import calibrate
from .divisions import PROVINCES
from .extract_base import _ProjectEntity
from .extract_common import _AGGREGATE_RE, _CITY_ALT, _COUNTRY_ALT, _METRIC_FUNCTION_RE, _STATUS_RANK, COUNTRY_WORDS
from .extract_places import _PlaceFinder
from .extract_result import Fact
from .vocabulary import CONCRETE_HEAD as _CONCRETE_HEAD
from .vocabulary import GENERIC_WORD_RE as _GENERIC_WORD_RE
from .vocabulary import PRODUCT_HINT as _PRODUCT_HINT

__all__: list[str] = []  # private to the extractor (chaingraph.sources.extract is its entry)

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
_PROVINCE_HEAD_RE = re.compile("(?:" + "|".join(sorted(PROVINCES, key=len, reverse=True)) + ")"
                               "(?:省|自治区|壮族自治区|回族自治区|维吾尔自治区)?")
_CITY_HEAD_RE = re.compile(rf"(?:{_CITY_ALT})|[\u4e00-\u9fff]{{1,3}}?[市县区]")
_BUILDER_RE = re.compile(r"承建|施工|代建|总承包|总包|中标|设计的|监理")


class _Extractor(_PlaceFinder):
    """One article's extraction: runs the finders and emits the records' facts."""

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
            if region and (region[0] in COUNTRY_WORDS or re.search(r"(?:集团|公司)$|至", region[0])):
                # a country (where the investor is from), a group (the builder) or a route ("A县城至B乡"): no
                # park or town
                region = None
            if region:
                name, region_id, s, e, how = region
                province = _PROVINCE_HEAD_RE.match(name)
                if (province and not region_id and len(name) - province.end() >= 4
                        and _CITY_HEAD_RE.match(name, province.end())):
                    # "湖南省娄底市经开区", "广西来宾市三江口新区": the zone, after its city, without the province
                    # the city is in (a province that is part of the name stays: "广西生态板材家具产业园")
                    name, s = name[province.end():], s + province.end()
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

    def emit_source(self) -> None:
        first = next((line.strip() for line in self.t.split("\n") if line.strip()), self.source_id)
        title = re.split(r"[。！？，]", first)[0][:60]
        self.facts.append(Fact("source", self.source_id, "title", title, 1.0, title, 0, 0, ""))
        self.facts.append(Fact("source", self.source_id, "date", self.doc_date.isoformat(), 1.0))
        self.facts.append(Fact("source", self.source_id, "kind", "article", 1.0))


def _amount(value: str) -> tuple[str, float, str]:
    """A figure's qualifier (">=", "~", "<=" or ""), amount and unit ("~1.5 亿" is not read: ``(?, 0, value)``)."""
    m = re.fullmatch(r"(>=|<=|~)?([\d.]+) (\S+)", value)
    return (m[1] or "", float(m[2]), m[3]) if m else ("?", 0.0, value)


# "从地区分布看：沈阳市新开工项目267个，大连256个，鞍山143个": a breakdown by city that leaves out the kind of project
# after the first item (the same groups as _COUNT_RE's breakdown)
_CITY_COUNT_RE = re.compile(rf"(?<=[，,、；])(?P<city>(?:{_CITY_ALT})市?)(?P<n3>\d+) ?个(?=[，,、；。])")


def _non_overlapping(words: Iterable[str]) -> list[str]:
    kept: list[str] = []
    for word in sorted(words, key=len, reverse=True):
        if not any(word in k for k in kept):
            kept.append(word)
    return kept
