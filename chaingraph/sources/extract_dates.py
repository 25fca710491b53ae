"""Dates and statuses (:class:`_DateFinder`): date expressions resolved against the article's date
(:func:`resolve_date`), the events (signing, start, trial, operation) they date, and dates passed on to the
projects of the same event.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from ..dataset.model import parse_date
from ..errors import ParseError
from .extract_common import _AGGREGATE_RE, _DATE_RE, _RELATIVE_DAY_RE, _STATUS_RANK, EVENT_REACH
from .extract_figures import _FigureFinder

__all__ = ["resolve_date"]

_STATUS_WORDS = [
    # (regex, status, date field)
    (r"试生产|试产", "trial", "trial_date"),
    (r"开工建设|开工|动工|在建|封顶", "under_construction", "start_date"),
    (r"正式投产|投产", "operating", "note"),
    (r"竣工验收|竣工", "operating", "date"),
    (r"签约落户|签约|落户|牵手|设立|增资", "signed", "date"),
]
_FUTURE_RE = re.compile(r"预计|计划|将|明年|力争|争取|有望|拟|达产后|力促|早日|确保|尽快|尽早")
_DATELINE_RE = re.compile(r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:电|讯)")
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
# a project still courted, promoted or planned in its own sentence: the ceremony's date is not its date
_INTENDED_RE = re.compile(r"意向|洽谈(?!会)|在谈|推介|跟进|谋划|储备|计划参加|将参加|拟参加|"
                          # still to come in ("A、B项目等也将于年底前入驻")
                          r"将于[^，。；]{0,8}?(?:入驻|入园|落户)|即将(?:入驻|入园|落户)")
_VISIT_RE = re.compile(r"观摩|考察|参观|调研|察看|查看|走访|视察|详细了解|听取|来到|深入|实地")
_DEKAD = {"上旬": "E", "初": "E", "中旬": "M", "下旬": "L", "底": "L", "末": "L"}
_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "1": 1, "2": 2, "3": 3, "4": 4}


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


class _DateFinder(_FigureFinder):
    """Reads dates and statuses and gives each to its project or region."""

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
            if _OWN_DAY_RE.match(self.t, token.end()):
                continue  # "3月18日开工的X项目": the day of one project named after it, not the sentence's event
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


# "项目投产后…将新增1800个就业岗位", "建成达效后": what follows once the project runs, a condition, not its status
_AFTER_STATUS_RE = re.compile(r"(?:达效|达产|达标|运营|运行)?(?:后|以后|之后)")


# a day that qualifies one project ("3月18日开工的X项目", "去年签约的Y项目"): that project's day, no event's
_OWN_DAY_RE = re.compile(r"(?:上午|下午)?(?:已经?|正式|率先|提前|先期)?(?:开工|签约|竣工|投产|开业|动工|落地|落户)的")
