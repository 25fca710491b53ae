"""What :func:`chaingraph.sources.extract.extract_facts` returns: :class:`Fact`, :class:`Extraction` and the
columns of the proposed-facts table.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from dataclasses import field as _dc_field

from .text import MappedText

__all__ = ["Fact", "Extraction", "FACT_COLUMNS"]

FACT_COLUMNS = ("id", "record", "key", "field", "value", "confidence", "text", "start", "end", "evidence", "note")
"""Columns of the proposed-facts table (CSV and JSON), documented in docs/extract.md."""


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
