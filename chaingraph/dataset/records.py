"""The records of a dataset's tables: firms, groups, links, ties, projects and their events, sources, region facts,
citations, rejected links and exchange rates.

They are defined apart from :mod:`.model` (which re-exports them: ``from chaingraph.dataset.model import Firm``
works as before) because a gap report, target list or chains summary answered from a compiled snapshot makes
none: it reads the dataset's structure (chains, segments, regions, coverage, claims) and plain rows. Creating a
dataclass costs about 0.3 ms at import (Python generates and compiles its methods), and a cold ``gaps`` or
``targets`` would pay that for each of these eleven (``tests/test_cli_speed.py`` checks that it does not).

Records carry ``line`` (1-based line of the record in its file) so that later checks can point at it. It is not
part of a record's identity: equality ignores it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import PartialDate, Quantity

__all__ = ["Source", "Group", "Firm", "Link", "Tie", "Project", "ProjectEvent", "RegionFact", "Citation",
           "Rejection", "FxRate"]


@dataclass
class Source:
    id: str
    title: str
    publisher: str = ""
    date: PartialDate | None = None
    url: str = ""
    kind: str = ""
    note: str = ""
    line: int | None = field(default=None, compare=False, repr=False)


@dataclass
class Group:
    id: str
    name: str
    name_en: str = ""
    aliases: list[str] = field(default_factory=list)
    country: str = ""
    fortune500: bool | None = None
    sources: list[str] = field(default_factory=list)
    note: str = ""
    line: int | None = field(default=None, compare=False, repr=False)


@dataclass
class Firm:
    id: str
    name: str
    legal_name: str = ""
    name_en: str = ""
    aliases: list[str] = field(default_factory=list)
    country: str = ""
    group: str | None = None
    fortune500: bool | None = None
    size: str = ""
    region: str | None = None
    headquarters: str = ""
    credit_code: str = ""
    sources: list[str] = field(default_factory=list)
    note: str = ""
    line: int | None = field(default=None, compare=False, repr=False)

    def names(self) -> list[str]:
        """Every name the firm is known by, most official first, without repeats."""
        seen: list[str] = []
        for name in [self.name, self.legal_name, self.name_en, *self.aliases]:
            if name and name not in seen:
                seen.append(name)
        return seen


@dataclass
class Link:
    firm: str
    segment: str
    confidence: str = "confirmed"
    sources: list[str] = field(default_factory=list)
    evidence: str = ""
    line: int | None = field(default=None, compare=False, repr=False)


@dataclass
class Tie:
    supplier: str
    customer: str
    product: str = ""
    sources: list[str] = field(default_factory=list)
    evidence: str = ""
    line: int | None = field(default=None, compare=False, repr=False)


@dataclass
class Project:
    id: str
    name: str
    firms: list[str] = field(default_factory=list)
    region: str | None = None
    kind: str = "new"
    status: str = "signed"
    date: PartialDate | None = None
    start_date: PartialDate | None = None
    trial_date: PartialDate | None = None
    investment: Quantity | None = None
    registered_capital: Quantity | None = None
    fixed_asset_investment: Quantity | None = None
    capital_increase: Quantity | None = None
    area_mu: float | None = None
    expected_output: Quantity | None = None
    capacity: Quantity | None = None
    segments: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    note: str = ""
    line: int | None = field(default=None, compare=False, repr=False)


@dataclass
class ProjectEvent:
    """One dated step in a project's history (events.csv): signed, started, trial, operating, cancelled or a
    capital increase. A project's current status and stage dates come from its events when it has any."""

    project: str
    date: PartialDate
    kind: str
    amount: Quantity | None = None
    sources: list[str] = field(default_factory=list)
    evidence: str = ""
    note: str = ""
    line: int | None = field(default=None, compare=False, repr=False)


@dataclass
class RegionFact:
    id: str
    region: str
    metric: str
    value: Quantity
    period: str = ""
    sources: list[str] = field(default_factory=list)
    evidence: str = ""
    note: str = ""
    line: int | None = field(default=None, compare=False, repr=False)


@dataclass
class Citation:
    subject: str
    field: str
    source: str
    evidence: str
    line: int | None = dataclasses.field(default=None, compare=False, repr=False)


@dataclass
class Rejection:
    """A link a planner refused in a review workbook: ``chaingraph classify`` never proposes it again.

    The firm is named as the registry names it (it may not be in firms.csv); ``credit_code`` identifies it
    when the registry gave one.
    """

    name: str
    segment: str
    credit_code: str = ""
    reason: str = ""
    source: str = ""
    line: int | None = dataclasses.field(default=None, compare=False, repr=False)


@dataclass
class FxRate:
    currency: str
    cny_per_unit: float
    date: PartialDate | None = None
    source: str = ""
