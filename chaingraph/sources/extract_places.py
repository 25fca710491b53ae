"""Places (:class:`_PlaceFinder`): parks, zones, towns and counties named in the text, and the place each project is
at (its own clause, its site, its event's venue, the article's home county).
"""

from __future__ import annotations

import re

from .divisions import CITIES, PROVINCES, is_place_name
from .extract_base import _ProjectEntity
from .extract_common import (
    _CITY_ALT,
    _GENERIC_PLACE,
    _NOT_A_COUNTY_RE,
    _NOT_A_PLACE_HEAD,
    _PLACE_RE,
    _PLACE_WORDS,
    _PROJECT_STOPS,
    _PROVINCES,
    _QTY,
    COUNTRY_WORDS,
    EVENT_REACH,
    _strip_left,
)
from .extract_dates import _DateFinder

__all__: list[str] = []  # private to the extractor (chaingraph.sources.extract is its entry)

_HOST_COUNTY_RE = re.compile(r"(?:^|(?<=[，,、：:\s日在元]))(?P<county>[\u4e00-\u9fff]{1,3}?(?:自治县|县|区|旗)|"
                             r"[\u4e00-\u9fff]{2}市)(?=[^，。；]{0,10}?(?:\d+|[一二三四五六七八九十两几多]+)个"
                             r"[^，。；]{0,8}?项目)")
_ZONE_WORD_START_RE = re.compile(r"经济技术开发区|高新技术产业开发区|经济开发区|经开区|高新区|开发区")
_PLACE_INTRO_RE = re.compile(r"主要有|还有|另有|共有|安排|按照|涉及|包含|之一|以及|国家级|省级|我[省市县区]|地处|"
                             r"建成投运|建成|投运|升级|跟进|^仅|"
                             r"第[一二三四五六七八九十\d]+[家个批]")
_PLACE_IN_NAME = re.compile(r"经济技术开发区|高新技术产业开发区|经济开发区|高新区|开发区|工业园区|工业园|产业园区|街道")
ANAPHOR_REACH = 600
"""How far back (characters) 该园区 looks for the park it stands for."""
# "该园区新增…", "今年以来，园区已签约…": the park named before is the subject
_PARK_ANAPHOR_RE = re.compile(r"该园区|该园|园区内|园内|该开发区|区内|"
                              r"(?<![\u4e00-\u9fff])园区(?=已|共|今年|新|累计|先后|还|签约|引进)")


class _PlaceFinder(_DateFinder):
    """Reads places and finds where each project is."""

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


_BUILD_AT_RE = re.compile(r"(?<!位)[在于](?P<place>[\u4e00-\u9fff]{2,12}?)(?:投资建设|合资建设|建设|新建|兴建|扩建|"
                          r"设立|打造|实施|布局|建(?=新|厂)|拆除旧厂兴建)")
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
_BATCH_COUNT_RE = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)个[^，。；]{0,6}?项目(?:集中|现场|同时)?"
                             r"(?:签约|开工|竣工|投产)")
_BATCH_RE = re.compile(r"集中|批|全[市县区省州盟]|会场|[多两三四五六七八九十\d]+个|各[县区市]|一批")
_HEADING_COUNTY_RE = re.compile(r"(?:^|(?<=[\n。；]))\s*(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|"
                                r"[一二三四五六七八九十]{1,3}[、是])?"
                                r"(?P<county>[\u4e00-\u9fff]{1,4}?(?:自治县|县|区|旗))(?:主会场|分会场|会场)?[：:]",
                                re.M)


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
