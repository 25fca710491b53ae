"""Plain typed records of a dataset and the small value types they are made of.

Values keep what the source said: :class:`Quantity` keeps amount, unit (a currency code for money) and a
qualifier (约 = approx, 超 = at least, 近 = at most); :class:`PartialDate` keeps the precision the source gave
("2022-04", "2022-Q2"). Parsers accept the canonical forms the dataset writer produces and the Chinese forms
that news articles use, and raise :class:`~chaingraph.errors.ParseError` with a readable message otherwise.
"""

from __future__ import annotations

import datetime as _dt
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ..errors import ParseError
from ..messages import msg

if TYPE_CHECKING:
    from decimal import Decimal

    from .records import Citation, Firm, FxRate, Group, Link, Project, ProjectEvent, RegionFact, Rejection, Source, Tie

__all__ = [
    "CURRENCIES",
    "QUALIFIERS",
    "TIERS",
    "SUPPLY_EDGE_KINDS",
    "CONFIDENCES",
    "PROJECT_STATUSES",
    "PIPELINE_STATUSES",
    "EVENT_KINDS",
    "ProjectEvent",
    "SIZES",
    "REGION_KINDS",
    "ROLES",
    "Quantity",
    "PartialDate",
    "parse_id",
    "parse_bool",
    "parse_quantity",
    "parse_date",
    "Source",
    "Segment",
    "SupplyEdge",
    "Chain",
    "Region",
    "Group",
    "Firm",
    "Link",
    "Tie",
    "Project",
    "RegionFact",
    "Citation",
    "Rejection",
    "FxRate",
    "Coverage",
    "Claim",
    "COVERAGE_KINDS",
    "CLAIM_ASSERTIONS",
    "DatasetInfo",
]

CURRENCIES = ("CNY", "USD", "EUR", "JPY", "HKD", "GBP", "KRW", "CHF", "TWD", "SGD")
QUALIFIERS = ("exact", "approx", "at_least", "at_most")
TIERS = ("upstream", "midstream", "downstream")
SUPPLY_EDGE_KINDS = ("supply", "recycle")
"""Kinds of segment edges: ``supply`` edges form the supply DAG; ``recycle`` edges (spent products fed back as raw
material, e.g. spent catalysts into platinum-group-metal refining) may close loops and take no part in the analysis."""
CONFIDENCES = ("confirmed", "probable", "guessed")
PROJECT_STATUSES = ("signed", "under_construction", "trial", "operating", "cancelled")
PIPELINE_STATUSES = ("signed", "under_construction", "trial")
EVENT_KINDS = ("signed", "started", "trial", "operating", "cancelled", "capital_increase")
"""Kinds of a project event (events.csv); every kind but ``capital_increase`` sets the project's status."""
SIZES = ("leader", "large", "medium", "small")
REGION_KINDS = ("country", "province", "city", "county", "district", "town", "park")
COVERAGE_KINDS = ("registry", "partial")
"""``registry``: the firm list of the region is complete (absence is real); ``partial``: absence means not seen."""
CLAIM_ASSERTIONS = ("present", "strong", "lacking")
ROLES = ("producer", "seller", "servicer", "recycler")
"""What a firm does in a segment: makes, sells, services (repair, rental, technical service) or recycles."""

Qualifier = Literal["exact", "approx", "at_least", "at_most"]

# The regular expressions are pattern strings, compiled on first use by ``re``'s cache: compiling them all at import
# cost every command ~1 ms, and a query parses at most a date.
_ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"


def parse_id(text: str) -> str:
    """Check an id slug and return it.

    Examples
    --------
    >>> parse_id("machine-tool")
    'machine-tool'
    >>> parse_id("Machine Tool")
    Traceback (most recent call last):
    ...
    chaingraph.errors.ParseError: 'Machine Tool' is not a valid id (lowercase letters, digits and '-', at most 64)
    """
    if not isinstance(text, str) or not re.match(_ID_PATTERN, text) or text.endswith("-"):
        raise ParseError(msg("{text!r} is not a valid id (lowercase letters, digits and '-', at most 64)", text=text))
    return text


_TRUE = {"yes", "true", "1", "y", "是", "t"}
_FALSE = {"no", "false", "0", "n", "否", "f"}


def parse_bool(text: str | bool | None) -> bool | None:
    """Parse ``yes``/``no`` (and common synonyms); empty means unknown (``None``).

    >>> parse_bool("yes"), parse_bool("否"), parse_bool("")
    (True, False, None)
    """
    if text is None or isinstance(text, bool):
        return text
    value = str(text).strip().lower()
    if value == "":
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ParseError(msg("{text!r} is not yes or no", text=text))


# --------------------------------------------------------------------------------------------- quantities

_QUALIFIER_SYMBOL = {"exact": "", "approx": "~", "at_least": ">=", "at_most": "<="}
_SYMBOL_QUALIFIER = {"~": "approx", ">=": "at_least", "<=": "at_most", "": "exact"}

_CN_CURRENCY = {
    "人民币": "CNY",
    "元": "CNY",
    "美元": "USD",
    "欧元": "EUR",
    "日元": "JPY",
    "港元": "HKD",
    "港币": "HKD",
    "英镑": "GBP",
    "韩元": "KRW",
    "瑞士法郎": "CHF",
    "新台币": "TWD",
    "新加坡元": "SGD",
}
_CN_MULTIPLIER = {"": 1, "十": 10, "百": 100, "千": 1000, "万": 10**4, "十万": 10**5, "百万": 10**6,
                  "千万": 10**7, "亿": 10**8, "十亿": 10**9, "百亿": 10**10, "千亿": 10**11, "万亿": 10**12}
_CN_PREFIX = {"约": "approx", "大约": "approx", "近": "at_most", "将近": "at_most", "超": "at_least",
              "超过": "at_least", "逾": "at_least", "达": "exact", "共": "exact", "总计": "exact",
              "达到": "exact", "高达": "exact", "突破": "at_least", "不低于": "at_least", "不少于": "at_least",
              "不超过": "at_most"}
_CN_UNIT = {"亩": "mu", "平方米": "m2", "平米": "m2", "公顷": "ha", "吨": "t"}
"""Units other than money that Chinese sources write after a number, and their canonical symbols."""
_CN_SUFFIX = {"以上": "at_least", "余": "at_least", "多": "at_least", "左右": "approx", "以下": "at_most"}

_CANONICAL_PATTERN = r"^(~|>=|<=)?(-?\d+(?:\.\d+)?)\s+(\S.*)$"
_CN_PATTERN = (
    r"^(?P<prefix>不低于|不少于|不超过|大约|将近|超过|总计|达到|高达|突破|约|近|超|逾|达|共)?\s*"
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)?\s*"
    r"(?P<suffix1>余|多)?"
    r"(?P<mult>万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千|百)?"
    r"(?P<suffix2>余|多)?"
    r"(?P<unit>人民币|瑞士法郎|新加坡元|新台币|美元|欧元|日元|港元|港币|英镑|韩元|元|平方米|平米|公顷|亩|吨)"
    r"(?P<suffix3>以上|左右|以下)?$"
)


_CN_SYNONYMS = (("美金", "美元"), ("日币", "日元"), ("RMB", "人民币"), ("rmb", "人民币"))
_CN_DIGITS = "零〇一二两三四五六七八九"
_AMOUNT_PARTS_PATTERN = (
    r"^(?P<head>(?:不低于|不少于|不超过|大约|将近|超过|总计|达到|高达|突破|约|近|超|逾|达|共)?)"
    r"(?:人民币)?"
    rf"(?P<body>[\d.,{_CN_DIGITS}十百千万亿点]+?)"
    r"(?P<tail>(?:余|多)?(?:人民币|瑞士法郎|新加坡元|新台币|美元|欧元|日元|港元|港币|英镑|韩元|元|平方米|平米|公顷|亩|吨)"
    r"(?:以上|左右|以下)?)$"
)


def _amount_as_digits(text: str) -> str:
    """The forms planners write, rewritten as the Chinese form :func:`parse_quantity` reads.

    ``人民币5000万元`` -> ``5000万元``; ``5000万美金`` -> ``5000万美元``; Chinese numerals and compound amounts
    (``五千万美元``, ``1亿2000万元``, ``三亿五千万元``) -> digits with one multiplier.
    """
    for old, new in _CN_SYNONYMS:
        text = text.replace(old, new)
    if text.startswith("人民币") and not text.endswith("元") and re.search(r"[\d万亿千百十]$", text):
        text += "元"  # 人民币5000万: the currency was said first
    match = re.match(_AMOUNT_PARTS_PATTERN, text.replace(" ", ""))
    if match is None:
        return text
    body = match["body"]
    compound = re.search(r"亿.*\d", body) or re.search(r"万.*万", body)
    if not (any(ch in _CN_DIGITS for ch in body) or "点" in body or compound):
        return match["head"] + body + match["tail"] if text.startswith(("人民币", match["head"] + "人民币")) \
            else text
    from decimal import Decimal, InvalidOperation  # not at import time: a query never parses an amount

    try:
        import cn2an  # only for Chinese numerals and compound amounts: most amounts never need it

        body = body.replace(",", "")
        if "点" in body and body[-1] in "万亿" and body[:-1]:  # 一点五亿: a decimal, then one multiplier
            value = Decimal(str(cn2an.cn2an(body[:-1], "smart"))) * _CN_MULTIPLIER[body[-1]]
        else:
            value = Decimal(str(cn2an.cn2an(body, "smart")))
    except (ValueError, KeyError, TypeError, InvalidOperation):
        return text
    return match["head"] + format(value.normalize(), "f") + match["tail"]


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass(frozen=True)
class Quantity:
    """An amount with its unit and the qualifier the source put on it.

    ``unit`` is an ISO currency code for money (see :data:`CURRENCIES`) or any other unit as written.
    Amounts are in full units: 1666万美元 is ``Quantity(16660000, "USD")``.

    Examples
    --------
    >>> q = parse_quantity("超7亿元")
    >>> q
    Quantity(amount=700000000, unit='CNY', qualifier='at_least')
    >>> str(q)
    '>=700000000 CNY'
    >>> q.is_money, q.label()
    (True, '超7亿元')
    """

    amount: int | float
    unit: str
    qualifier: Qualifier = "exact"

    def __post_init__(self) -> None:
        if self.qualifier not in QUALIFIERS:
            raise ParseError(msg("unknown qualifier {qualifier!r}; use one of {QUALIFIERS}",
                                 qualifier=self.qualifier, QUALIFIERS=", ".join(QUALIFIERS)))
        if not self.unit or any(c.isspace() for c in self.unit):
            raise ParseError(msg("unit {unit!r} must be one word", unit=self.unit))

    @property
    def is_money(self) -> bool:
        return self.unit in CURRENCIES

    def __str__(self) -> str:
        amount = self.amount
        text = format(amount, "f") if isinstance(amount, float) else str(amount)
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return f"{_QUALIFIER_SYMBOL[self.qualifier]}{text} {self.unit}"

    def to_dict(self) -> dict[str, object]:
        return {"amount": self.amount, "currency" if self.is_money else "unit": self.unit,
                "qualifier": self.qualifier}

    def label(self) -> str:
        """A short Chinese rendering for tables: 3400万美元, 约7500万美元, 超7亿元."""
        prefix = {"exact": "", "approx": "约", "at_least": "超", "at_most": "近"}[self.qualifier]
        names = {v: k for k, v in reversed(list(_CN_CURRENCY.items()))}
        unit = names.get(self.unit, self.unit if not self.is_money else self.unit)
        if self.unit == "CNY":
            unit = "元"
        from decimal import Decimal

        amount = Decimal(str(self.amount))
        if self.is_money and abs(amount) >= 10**8:
            number, mult = amount / 10**8, "亿"
        elif self.is_money and abs(amount) >= 10**4:
            number, mult = amount / 10**4, "万"
        else:
            number, mult = amount, ""
        text = format(number.normalize(), "f")
        sep = "" if self.is_money else " "
        return f"{prefix}{text}{mult}{sep}{unit}"

    def in_cny(self, cny_per_unit: dict[str, float]) -> float | None:
        """The amount in yuan, using a ``{currency: yuan per unit}`` table; None if not money or no rate."""
        if self.unit == "CNY":
            return float(self.amount)
        rate = cny_per_unit.get(self.unit)
        if not self.is_money or rate is None:
            return None
        return float(self.amount) * rate


def parse_quantity(text: str) -> Quantity:
    """Parse a quantity in canonical form (``~75000000 USD``) or as Chinese sources write it (``约7500万美元``).

    Chinese forms: an optional qualifier (约, 超, 近, 达, 以上, 余, 不低于 ...), a number (which may be left out
    when a multiplier stands alone: 超亿美元, 百亿元), a multiplier (万, 亿 ...) and a currency or one of the units
    亩 (``mu``), 平方米 (``m2``), 公顷 (``ha``) and 吨 (``t``).

    Examples
    --------
    >>> str(parse_quantity("1666万美元"))
    '16660000 USD'
    >>> str(parse_quantity("约1.8亿美元"))
    '~180000000 USD'
    >>> str(parse_quantity("138000 t/yr"))
    '138000 t/yr'
    >>> str(parse_quantity("13.8万吨")), str(parse_quantity("占地153亩".removeprefix("占地")))
    ('138000 t', '153 mu')
    >>> str(parse_quantity("超亿美元"))
    '>=100000000 USD'
    >>> str(parse_quantity("1亿2000万元")), str(parse_quantity("人民币5000万元")), str(parse_quantity("五千万美金"))
    ('120000000 CNY', '50000000 CNY', '50000000 USD')
    >>> str(parse_quantity("约３４００万美元"))
    '~34000000 USD'
    >>> parse_quantity("lots")
    Traceback (most recent call last):
    ...
    chaingraph.errors.ParseError: 'lots' is not an amount: write e.g. '34000000 USD', ...
    """
    if not isinstance(text, str):
        raise ParseError(msg("{text!r} is not an amount", text=text))
    from decimal import Decimal, InvalidOperation

    raw = _amount_as_digits(unicodedata.normalize("NFKC", text).strip().replace("≥", ">=").replace("≤", "<="))
    match = re.match(_CN_PATTERN, raw.replace(" ", ""))
    if match and match["unit"] in _CN_UNIT and re.search(r"\d\s+\D", raw):
        match = None  # "27.8 亩" is the canonical form of a unit kept as written, not 27.8亩 -> "27.8 mu"
    if match and (match["num"] or match["mult"]):  # 超亿美元, 百亿元: a multiplier alone counts once
        suffixes = [s for s in (match["suffix1"], match["suffix2"], match["suffix3"]) if s]
        qualifiers = {_CN_PREFIX[match["prefix"]]} if match["prefix"] else set()
        qualifiers |= {_CN_SUFFIX[s] for s in suffixes}
        qualifiers.discard("exact")
        if len(qualifiers) > 1:
            raise ParseError(msg("{text!r}: inconsistent qualifiers ({qualifiers})",
                                 text=text, qualifiers=", ".join(sorted(qualifiers))))
        qualifier = qualifiers.pop() if qualifiers else "exact"
        amount = Decimal((match["num"] or "1").replace(",", "")) * _CN_MULTIPLIER[match["mult"] or ""]
        unit = _CN_UNIT.get(match["unit"]) or _CN_CURRENCY[match["unit"]]
        return Quantity(_number(amount), unit, qualifier)  # type: ignore[arg-type]
    match = re.match(_CANONICAL_PATTERN, raw)
    if match:
        symbol, number, unit = match.groups()
        try:
            amount = Decimal(number)
        except InvalidOperation as exc:  # pragma: no cover - the regex admits only decimals
            raise ParseError(msg("{text!r}: bad number", text=text)) from exc
        unit = unit.strip()
        if unit.upper() in CURRENCIES:
            unit = unit.upper()
        elif re.fullmatch(r"[A-Za-z]{3}", unit):
            raise ParseError(msg("{text!r}: unknown currency {unit!r}; known: {CURRENCIES}",
                                 text=text, unit=unit, CURRENCIES=", ".join(CURRENCIES)))
        return Quantity(_number(amount), unit, _SYMBOL_QUALIFIER[symbol or ""])  # type: ignore[arg-type]
    raise ParseError(
        msg("{text!r} is not an amount: write e.g. '34000000 USD', '~75000000 USD', '>=700000000 CNY' or '3400万美元'",
            text=text)
    )


# --------------------------------------------------------------------------------------------- dates

_DATE_PATTERN = r"^(\d{4})(?:-(?:(\d{2})(?:-(\d{2})|-([EML]))?|Q([1-4])|H([12])))?$"
_CN_DATE_PATTERN = r"^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日|(上旬|中旬|下旬))?)?$"
_DEKAD = {"上旬": "E", "中旬": "M", "下旬": "L"}


def _month_days(year: int, month: int) -> int:
    """The number of days of a month (1-12) of the Gregorian calendar, as ``calendar.monthrange`` counts them.

    >>> _month_days(2024, 2), _month_days(1900, 2), _month_days(2000, 2), _month_days(2023, 4), _month_days(2023, 12)
    (29, 28, 29, 30, 31)
    """
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to a year, half, quarter, month, third of a month (上/中/下旬) or day.

    Ordering is by the first day the date can mean, then by precision.

    Examples
    --------
    >>> d = parse_date("2022-Q2")
    >>> d.start(), d.end()
    (datetime.date(2022, 4, 1), datetime.date(2022, 6, 30))
    >>> str(parse_date("2022年3月上旬"))
    '2022-03-E'
    >>> parse_date("2022-13")
    Traceback (most recent call last):
    ...
    chaingraph.errors.ParseError: '2022-13' is not a date: month 13 is out of range
    """

    first: _dt.date
    text: str = field(compare=False)

    def start(self) -> _dt.date:
        return self.first

    def end(self) -> _dt.date:
        year, rest = self.text[:4], self.text[5:]
        y = int(year)
        if not rest:
            return _dt.date(y, 12, 31)
        if rest.startswith("Q"):
            month = int(rest[1]) * 3
            return _dt.date(y, month, _month_days(y, month))
        if rest.startswith("H"):
            return _dt.date(y, 6, 30) if rest == "H1" else _dt.date(y, 12, 31)
        month = int(rest[:2])
        tail = rest[3:]
        last = _month_days(y, month)
        if tail == "":
            return _dt.date(y, month, last)
        if tail == "E":
            return _dt.date(y, month, 10)
        if tail == "M":
            return _dt.date(y, month, 20)
        if tail == "L":
            return _dt.date(y, month, last)
        return _dt.date(y, month, int(tail))

    @property
    def year(self) -> int:
        return self.first.year

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"PartialDate({self.text!r})"


def parse_date(text: str | _dt.date) -> PartialDate:
    """Parse ``2022``, ``2022-04``, ``2022-04-15``, ``2022-Q2``, ``2022-H1``, ``2022-03-E`` or ``2022年3月上旬``."""
    if isinstance(text, _dt.date):
        return PartialDate(text, text.isoformat())
    if not isinstance(text, str):
        raise ParseError(msg("{text!r} is not a date", text=text))
    raw = text.strip()
    cn = re.match(_CN_DATE_PATTERN, raw)
    if cn:
        y, m, d, dekad = cn.groups()
        raw = y
        if m:
            raw += f"-{int(m):02d}"
            if d:
                raw += f"-{int(d):02d}"
            elif dekad:
                raw += f"-{_DEKAD[dekad]}"
    match = re.match(_DATE_PATTERN, raw)
    if not match:
        raise ParseError(msg("{text!r} is not a date: write YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn or "
                             "YYYY-MM-E/M/L", text=text))
    year_s, month_s, day_s, dekad_s, quarter_s, half_s = match.groups()
    year = int(year_s)
    if year < 1800 or year > 2200:
        raise ParseError(msg("{text!r} is not a date: year {year} is out of range", text=text, year=year))
    if month_s:
        month = int(month_s)
        if not 1 <= month <= 12:
            raise ParseError(msg("{text!r} is not a date: month {month} is out of range", text=text, month=month))
        if day_s:
            day = int(day_s)
            if not 1 <= day <= _month_days(year, month):
                raise ParseError(msg("{text!r} is not a date: day {day} is out of range", text=text, day=day))
            return PartialDate(_dt.date(year, month, day), raw)
        if dekad_s:
            return PartialDate(_dt.date(year, month, {"E": 1, "M": 11, "L": 21}[dekad_s]), raw)
        return PartialDate(_dt.date(year, month, 1), raw)
    if quarter_s:
        return PartialDate(_dt.date(year, (int(quarter_s) - 1) * 3 + 1, 1), raw)
    if half_s:
        return PartialDate(_dt.date(year, 1 if half_s == "1" else 7, 1), raw)
    return PartialDate(_dt.date(year, 1, 1), raw)


# --------------------------------------------------------------------------------------------- records
# Records carry ``line`` (1-based line of the record in its file) so that later checks can point at it.
# It is not part of a record's identity: equality ignores it. The dataset's structure is defined here; the
# records of its tables (firms, links, projects, ...) in :mod:`.records`, re-exported below.


@dataclass
class Segment:
    id: str
    name: str
    chain: str
    tier: str
    importance: float
    name_en: str = ""
    keywords: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    leading: bool = False
    description: str = ""
    importance_basis: str = ""  # where the weight comes from (value share, barrier, import dependence)
    industry_codes: list[str] = field(default_factory=list)
    """GB/T 4754-2017 classes (four digits) whose firms may belong here (``chaingraph classify``)."""
    scope_terms: list[str] = field(default_factory=list)
    """Standard business-scope wording (经营范围规范表述) that says a firm works in this segment."""
    product_terms: list[str] = field(default_factory=list)
    """Product words that say so when they appear in a firm's scope or name."""
    ambiguous_terms: list[str] = field(default_factory=list)
    """Words that point here but also elsewhere: alone they give a guessed link at most."""
    wide_codes: list[str] = field(default_factory=list)
    """Those of ``industry_codes`` whose firms mostly make other things (3812 电动机制造 for drive motors): under
    them, vague wording alone gives no link, only a candidate."""
    narrowing_terms: list[str] = field(default_factory=list)
    """Those of ``ambiguous_terms`` that, beside one of ``wide_codes``, narrow the class to this segment
    (电子专用材料制造 under 3091 石墨及碳素制品制造: graphite for electronic use is anode material): a probable link."""
    roles: list[str] = field(default_factory=list)
    """Which roles may be linked (see :data:`ROLES`); empty means producers only."""
    line: int | None = field(default=None, compare=False, repr=False)


@dataclass
class SupplyEdge:
    source: str
    target: str
    chain: str  # the chain file the edge is written in
    note: str = ""
    kind: str = "supply"  # one of SUPPLY_EDGE_KINDS
    line: int | None = field(default=None, compare=False, repr=False)


@dataclass
class Chain:
    id: str
    name: str
    name_en: str = ""
    aliases: list[str] = field(default_factory=list)
    description: str = ""
    generic_terms: list[str] = field(default_factory=list)
    """Scope wording that says a firm is in this chain without saying which segment (汽车零部件及配件制造)."""
    segments: list[Segment] = field(default_factory=list)
    supplies: list[SupplyEdge] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # ids in sources.csv: the chain maps and standards followed
    line: int | None = field(default=None, compare=False, repr=False)


@dataclass
class Region:
    id: str
    name: str
    kind: str
    parent: str | None = None
    name_en: str = ""
    aliases: list[str] = field(default_factory=list)
    favoured_countries: list[str] = field(default_factory=list)
    note: str = ""
    covers: list[str] = field(default_factory=list)
    """Towns and streets (镇, 街道) a park covers: an address naming one is placed in the park."""
    line: int | None = field(default=None, compare=False, repr=False)


@dataclass
class Coverage:
    """How complete a dataset's firm list is for a region (and its parks), optionally for one chain only."""

    region: str
    kind: str = "partial"
    chain: str | None = None
    as_of: PartialDate | None = None
    sources: list[str] = field(default_factory=list)
    note: str = ""
    line: int | None = field(default=None, compare=False, repr=False)


@dataclass
class Claim:
    """A source's assertion that a segment is present, strong or lacking in a region. Never counts as a firm."""

    region: str
    segment: str
    asserts: str
    sources: list[str] = field(default_factory=list)
    evidence: str = ""
    note: str = ""
    line: int | None = field(default=None, compare=False, repr=False)


@dataclass
class DatasetInfo:
    id: str
    name: str
    as_of: PartialDate
    default_region: str
    name_en: str = ""
    description: str = ""
    fx_rates: list[FxRate] = field(default_factory=list)
    analysis: dict[str, float] = field(default_factory=dict)
    coverage: list[Coverage] = field(default_factory=list)


_RECORDS = frozenset({"Source", "Group", "Firm", "Link", "Tie", "Project", "ProjectEvent", "RegionFact", "Citation",
                      "Rejection", "FxRate"})
"""The records defined in :mod:`.records`, imported from there on first use (a snapshot query never makes one)."""


def __getattr__(name: str) -> object:
    if name in _RECORDS:
        from . import records

        # Every record at once, and the names their string annotations use into the modules that annotate with
        # them, so that typing.get_type_hints (pydantic, cattrs, dacite) resolves Firm, Project, Dataset ... as
        # it did when the records were defined here.
        records.__dict__.setdefault("PartialDate", PartialDate)
        records.__dict__.setdefault("Quantity", Quantity)
        found = {record: getattr(records, record) for record in _RECORDS}
        globals().update(found)
        store = sys.modules.get(f"{__package__}.store")  # imported before any record is asked for
        if store is not None:
            for record, value in found.items():
                store.__dict__.setdefault(record, value)
        return found[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_RECORDS})
