"""Project names (:class:`_ProjectNames`): the projects found so far, adding a name (its residual without
firms and places, its short forms), the spans that mention each project, and which project a position of the text
is about.
"""

from __future__ import annotations

import bisect
import re

from .divisions import CITIES, PROVINCES, is_place_name
from .extract_base import _ProjectEntity
from .extract_common import (
    _ANAPHOR_RE,
    _CITY_ALT,
    _QTY,
    COUNTRY_WORDS,
    _norm,
)
from .extract_firms import _FirmFinder

__all__: list[str] = []  # private to the extractor (chaingraph.sources.extract is its entry)


class _ProjectNames(_FirmFinder):
    """The projects found so far: adding a name, and which project a mention or a position is about."""

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
        c_start, c_end = self.clause(pos)
        if tail:  # "计划投资1.2亿元的台玻技改项目": the project named right after
            following = [x for x in strong if pos < x[0] <= min(c_end, pos + tail.end() + 30)]
            if following:
                return following[0][1]
        if not any(c_start <= x[0] <= pos for x in strong):
            # "A公司投资53.5亿元在X布局B项目，C公司投资104亿元在Y实施D项目": the clause's own project, named after
            # the figure, not the one of the clause before
            following = [x for x in strong if pos < x[0] < c_end]
            if following and include_following:
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


_ZONE_PREFIX_RE = re.compile(r"^[\u4e00-\u9fff]{0,16}?(?:经济技术开发区|高新技术产业开发区|经济开发区|经开区|"
                             r"高新区|片区|新区|保税区|经济区|园区)")
_RESIDUAL_PLACE_RE = re.compile(r"^(?:[\u4e00-\u9fff]{2,10}?(?:工业园区|产业园区|工业园|产业园|经济技术开发区|"
                                r"经济开发区|开发区|高新区|经开区|园区)|[\u4e00-\u9fff]{1,4}?[省市县区])")
_SIGNED_FIRM_RE = re.compile(r"签订[^，。；]{0,6}?(?:协议|合同)|签约|正式落户")
_ANAPHOR_SUBJECT_RE = re.compile(r"(?:[^，。；\n]{0,8}[，,])?(?P<anaphor>(?:该|这个|这一|此|上述)?(?:项目|工程)"
                                 r"(?![\u4e00-\u9fff]{0,2}(?:签约|开工|集中|建设项目)))")
# a later clause of a sentence opening with the project named before ("…，据X介绍，该项目由Y公司投资兴建")
_ANAPHOR_CLAUSE_RE = re.compile(r"[，,](?P<anaphor>(?:该|这个|这一|此|上述)(?:项目|工程))")
_BRACKETED_PLACE_RE = re.compile(r"[（(](?P<place>[\u4e00-\u9fff]{2,4})[）)](?=.)")
_ADMIN_PREFIX = re.compile(rf"(?:(?:{_CITY_ALT})市?)?[\u4e00-\u9fff]{{1,3}}?[市县区](?![\u4e00-\u9fff]?(?:开发区|园|"
                           rf"新区))")


# a province or prefecture city written bare before a name ("浙江泓源新能源汽车项目", "常州X项目"): where the
# investor comes from or the city, not part of what is built
_ORIGIN_PREFIX = re.compile("(?:(?:" + "|".join(sorted(PROVINCES, key=len, reverse=True)) + ")(?:省|自治区)?)?(?:(?:"
                            + "|".join(sorted(CITIES, key=len, reverse=True)) + ")市?)?")


def _name_core(name: str) -> str:
    """A project name without the province, city, county or zone it starts with ("西秀区南山婆…项目" -> "南山婆…项目",
    "X经开区Y光伏基地项目" -> "Y光伏基地项目", "浙江泓源…项目" -> "泓源…项目") and without a city in brackets
    ("Y(盐城)光伏基地项目"), to see that two mentions are one project."""
    for prefix in (_ORIGIN_PREFIX, _ADMIN_PREFIX, _ZONE_PREFIX_RE):
        m = prefix.match(name)
        if m and len(name) - m.end() >= 6:
            name = name[m.end():]
    return _BRACKETED_PLACE_RE.sub(lambda b: "" if is_place_name(b["place"]) else b.group(), name)
