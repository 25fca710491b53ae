"""The extractor's state and plumbing (:class:`_ExtractorBase`): the repaired text, its sentences and clauses, cached
name lookups, the entities found so far (:class:`_FirmEntity`, :class:`_ProjectEntity`) and :meth:`add`, which
appends a fact. The topic modules extend it in a chain: firm names, firms, project names, projects,
figures, dates, places, records.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..dataset.store import Dataset
from .extract_common import COUNTRY_WORDS
from .extract_result import Fact
from .text import prepare_text

if TYPE_CHECKING:
    from .ner import Tagger

__all__: list[str] = []  # private to the extractor (chaingraph.sources.extract is its entry)


# ------------------------------------------------------------------------------------------------- helpers


@dataclass
class _Sentence:
    start: int
    end: int
    paragraph: int


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


class _ExtractorBase:
    """The text, its sentences and clauses, name lookups and the facts proposed so far."""

    # set by the records step (extract_records) before the topic methods that read them run
    pending_dates: list[tuple[int, str, int, int]]
    _places_by_sentence: dict[int, list[tuple[str, str, int, int]]]

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

    def _region_id(self, name: str) -> str:
        return self.dataset.region_named(name) if self.dataset is not None else ""
