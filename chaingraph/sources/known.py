"""Known firms: what the dataset and chaingraph's reference list already know of a registry firm's segments.

A registry row often says no more than its chain's catalogue wording (汽车零部件及配件制造, 电子专用材料制造): the
row itself cannot tell a brake maker from a seat maker. A planner can, because the firm, or the group it belongs
to, is known. :class:`FirmKnowledge` gives the classifier that knowledge, from two places:

- the dataset: every firm with segment links (the county's own firms, and the *reference firms* an
  ``import-chainkg`` or a spreadsheet import brought in), under all its names;
- the reference list shipped with chaingraph (``chaingraph/data/reference-firms/*.csv``): leading firms of the
  bundled chains (listed companies, their main plants, foreign makers' Chinese entities) with their segments, the
  main one first, a short phrase on what they make, and whether the entry is sure or in doubt. Only entries whose
  segments exist in the dataset are used, so a dataset with other chains is not affected.

A row is matched, in this order, by its full name (or an alias: ``how="name"``), by its name with the place and
legal form dropped (``浙江某某机电股份有限公司`` and ``某某机电``: ``how="core"``), and by a group brand its name
starts with (``某某（平湖）汽车部件有限公司`` with the brand ``某某``: ``how="brand"``). A brand of two characters
counts only when the list gives it as the entry's short name, and a brand shared by several entries merges them
in doubt. What the classifier does with a match (it never overrides role first, and the row must agree with the
segments it adds) is in :mod:`chaingraph.sources.classify`.

>>> core_name("浙江某某机电股份有限公司"), core_name("某某机电（平湖）有限公司"), core_name("平湖市某某精密机械厂")
('某某机电', '某某机电', '某某精密机械')
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from importlib import resources
from typing import TYPE_CHECKING

from .divisions import CITIES, PROVINCES

if TYPE_CHECKING:
    from ..dataset.store import Dataset

__all__ = ["KnownFirm", "KnownMatch", "FirmKnowledge", "core_name", "reference_firms", "REFERENCE_COLUMNS"]

REFERENCE_COLUMNS = ("name", "short", "aliases", "segments", "main_chain", "country", "basis", "certainty")
"""Columns of a reference-firm list (``chaingraph/data/reference-firms/*.csv``)."""

_LEGAL_TAIL = re.compile(
    r"(集团股份有限公司|集团有限责任公司|集团有限公司|股份有限公司|有限责任公司|有限公司|集团公司|总公司|分公司|"
    r"公司|集团|总厂|厂)$")
# Latin legal forms, as whole words at the end (a name that merely ends in "sa" or "se" keeps it: Bose, Rosa)
_LATIN_TAIL = re.compile(r"(?i)[\s,.]+(co\.?,?\s*ltd\.?|company\s+limited|limited|ltd\.?|inc\.?|gmbh|"
                         r"corporation|corp\.?|ag|se|s\.?a\.?|s\.?p\.?a\.?|co\.?|kg|k\.?k\.?)\s*$")
_LEGAL_FORM = re.compile(r"(有限公司|有限责任公司|股份公司|公司|厂|co\.?,?ltd|limited|gmbh|inc)")
_BRACKETED = re.compile(r"[（(][^（）()]*[)）]")
_PUNCT = re.compile(r"[\s·・,，.。、'\"“”‘’&\-—_/]+")
# a county, district or banner of two or three characters (一字 counties such as 沛县 are rare in firm names, and
# a one-character stem would cut 中旗科技 or 都市汽配)
_COUNTY = re.compile(r"^[\u4e00-\u9fff]{2,3}?(?:自治县|新区|市|县|区|旗)")
_PARK = re.compile(r"^[\u4e00-\u9fff]{0,4}?"
                   r"(?:经济技术开发区|经济开发区|高新技术产业开发区|工业园区|开发区|高新区|园区)")
# 长沙县, 朝阳区: a county named after its city
_PLACE_SUFFIX = ("特别行政区", "自治区", "省", "市", "新区", "县", "区")
# words that name a trade or say nothing: never a brand on their own
_GENERIC = frozenset(
    """中国 中华 国际 东方 华东 华南 华北 华中 西部 新材料 材料 科技 实业 集团 汽车 机械 精密 电子 电气 工业 化工 股份
    控股 投资 发展 制造 装备 机床 数控 智能 新能源 动力 金属 塑料 钢铁 有色 稀土 锂业 电池 电机 技术 模具 轴承 刀具
    工具 橡胶 轮胎 化学 能源 环保 汽配 车业 机电 电器 自动化 新型 高科 高新 合金 特钢 铝业 铜业 纤维 复合 光电 半导体
    微电子 重工 轻工 五金 钢 铝 铜""".split())


def _fold(text: str) -> str:
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text).casefold())


def _split_place(text: str) -> tuple[str, str]:
    """(the places a folded name starts with, the rest)."""
    original = text
    for _ in range(3):
        before = text
        for n in (4, 3, 2):
            head = text[:n]
            if head in PROVINCES or head in CITIES:
                rest = text[n:]
                for suffix in _PLACE_SUFFIX:
                    if rest.startswith(suffix):
                        rest = rest[len(suffix):]
                        break
                if len(rest) >= 2:
                    text = rest
                break
        m = _COUNTY.match(text) or _PARK.match(text)
        if m and len(text) - m.end() >= 2 and (text != before or text != original):
            text = text[m.end():]  # a county or park after a province or city: 浙江平湖市, 苏州工业园区
        elif m and len(text) - m.end() >= 2 and (m.group().endswith(("市", "县", "自治县")) or
                                                 (m.re is _PARK and m.end() >= 5)):
            text = text[m.end():]  # a county-level city, a county or a named park first (平湖市某某)
        if text == before:
            break
    return original[: len(original) - len(text)], text


def place_and_core(name: str) -> tuple[str, str]:
    """The places a firm's name starts with (folded: 浙江平湖市) and its :func:`core_name`."""
    text = _BRACKETED.sub("", unicodedata.normalize("NFKC", name)).strip()
    for _ in range(3):
        stripped = _LATIN_TAIL.sub("", text).strip()
        if stripped == text or len(stripped) < 2:
            break
        text = stripped
    text = _fold(text)
    for _ in range(3):
        stripped = _LEGAL_TAIL.sub("", text)
        if stripped == text or len(stripped) < 2:
            break
        text = stripped
    return _split_place(text)


def core_name(name: str) -> str:
    """A firm's name without bracketed places, spaces, legal form, and the places it starts with."""
    return place_and_core(name)[1]


@dataclass(frozen=True)
class KnownFirm:
    """What is known of one firm: its segments (the main one first) and where the knowledge comes from."""

    name: str
    segments: tuple[str, ...]
    source: str  # "dataset" (a firm of the dataset with links) | "reference" (chaingraph's reference list)
    basis: str = ""
    certain: bool = True
    short: str = ""
    names: tuple[str, ...] = ()  # other names: aliases, former and English names
    ordered: bool = True  # segments[0] is the firm's main segment (a dataset's links say no order)
    main_chain: str = ""  # the chain of the firm's main business, when the list says (other: outside the chains)


@dataclass(frozen=True)
class KnownMatch:
    """A registry name matched to a known firm: ``how`` is ``name`` (same name or alias), ``core`` (same name
    without place and legal form), ``member`` (the name of another legal entity the entry lists: a plant of the
    group) or ``brand`` (the row's name starts with the firm's group brand)."""

    firm: KnownFirm
    how: str
    key: str


def _word_prefix(text: str, key: str) -> bool:
    """Whether a Latin ``key`` (folded: no spaces or punctuation) is a whole word or words at the start of ``text``
    (ABB in "ABB Engineering", not in "Abbey Precision")."""
    i = j = 0
    while i < len(text) and j < len(key):
        if _PUNCT.fullmatch(text[i]):
            i += 1
            continue
        if text[i] != key[j]:
            return False
        i, j = i + 1, j + 1
    return j == len(key) and (i == len(text) or not text[i].isalnum() or not text[i].isascii())


def _merge(entries: list[KnownFirm]) -> KnownFirm:
    if len(entries) == 1:
        return entries[0]
    counts = Counter(s for e in entries for s in e.segments)
    mains = Counter(e.segments[0] for e in entries if e.segments)
    ordered = sorted(counts, key=lambda s: (-mains.get(s, 0), -counts[s], s))
    # entries that agree on the main segment (the dataset's firm and the list's entry of the same firm) stay as
    # sure as they are; entries that disagree merge in doubt
    agree = len(mains) <= 1 and len({bool(e.segments) for e in entries}) == 1
    listed = [e for e in entries if e.source == "reference"]
    return KnownFirm(name="、".join(dict.fromkeys(e.name for e in entries)), segments=tuple(ordered),
                     source="reference" if listed else entries[0].source,
                     basis="；".join(dict.fromkeys(e.basis for e in entries if e.basis)),
                     certain=agree and all(e.certain for e in entries), short=entries[0].short,
                     ordered=all(e.ordered for e in entries),
                     main_chain=next((e.main_chain for e in listed if e.main_chain), ""))


class FirmKnowledge:
    """An index of known firms by full name, core name and brand; :meth:`match` finds a registry name in it."""

    def __init__(self, firms: Iterable[KnownFirm], trade_words: Iterable[str] = (),
                 outside_scope: Iterable[str] | None = None) -> None:
        self.firms = list(firms)
        # the segments a look-alike entry speaks about (the chains its list was written for); None: every segment
        self.outside_scope = frozenset(outside_scope) if outside_scope is not None else None
        # a core made of trade words only (特殊钢, 电驱动: what is left of 大同特殊钢 or 上海电驱动 without the place)
        # names a trade, not a firm: it is never a key
        words = {_fold(w) for w in trade_words if len(w) >= 2} | _GENERIC
        self._trade = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
        by_name: dict[tuple[str, bool], list[KnownFirm]] = {}
        by_core: dict[tuple[str, bool], list[KnownFirm]] = {}
        by_brand: dict[str, list[KnownFirm]] = {}
        self._places: dict[str, set[str]] = {}  # core -> the places the known names with that core start with
        for firm in self.firms:
            own_core = core_name(firm.name)
            for name in dict.fromkeys((firm.name, *firm.names)):
                if not name:
                    continue
                place, core = place_and_core(name)
                self._places.setdefault(core, set()).add(place)
                # an alias that is another legal entity's name (a plant of the group: 天津某某电子有限公司 under the
                # group's row) is a member of the group, not the firm itself
                own = name == firm.name or core == own_core or not _LEGAL_FORM.search(_fold(name))
                folded = _fold(unicodedata.normalize("NFKC", name))
                if len(folded) >= 2:
                    by_name.setdefault((folded, own), []).append(firm)
                if len(core) >= 2 and not self.trade_only(core):
                    by_core.setdefault((core, own), []).append(firm)
                    if len(core) >= 3:
                        by_brand.setdefault(core, []).append(firm)
            short = _fold(firm.short) if firm.short else ""
            if len(short) >= 2 and short not in _GENERIC and short not in PROVINCES and short not in CITIES:
                by_core.setdefault((short, True), []).append(firm)
                by_brand.setdefault(short, []).append(firm)
        self._name = {k: _merge(_unique(v)) for k, v in by_name.items()}
        self._core = {k: _merge(_unique(v)) for k, v in by_core.items()}
        self._brand = {k: _merge(_unique(v)) for k, v in by_brand.items()}
        self._longest = max((len(k) for k in self._brand), default=0)

    def trade_only(self, core: str) -> bool:
        """Whether a core name is made of trade words alone (fewer than two other characters)."""
        return len(self._trade.sub("", core)) < 2

    def __len__(self) -> int:
        return len(self.firms)

    def match(self, name: str, brand: str = "") -> KnownMatch | None:
        """The known firm a registry name belongs to, or None (``brand``: the registry's parent brand, if any)."""
        if not self.firms or not name:
            return None
        full = _fold(unicodedata.normalize("NFKC", name))
        for own in (True, False):
            if (full, own) in self._name:
                return KnownMatch(self._name[full, own], "name" if own else "member", full)
        place, core = place_and_core(name)
        if self.trade_only(core):
            return None
        for own in (True, False):
            if (core, own) in self._core:
                # the same 字号 and trade registered in another place (平湖市某某轴承 and 常州某某轴承) may be another
                # firm, or a plant of the known one: read it as the group, not the firm itself
                elsewhere = bool(place) and all(p and not p.startswith(place) and not place.startswith(p)
                                                for p in self._places.get(core, {""}))
                how = "core" if own and not elsewhere else "member"
                return KnownMatch(self._core[core, own], how, core)
        spaced = unicodedata.normalize("NFKC", name).casefold()
        for text in dict.fromkeys(t for t in (core_name(brand) if brand else "", core) if t):
            for n in range(min(len(text), self._longest), 1, -1):
                key = text[:n]
                known = self._brand.get(key)
                if known is not None and (not key.isascii() or _word_prefix(spaced, key)):
                    return KnownMatch(known, "brand", key)
        return None

    @classmethod
    def for_dataset(cls, dataset: Dataset, reference: bool = True) -> FirmKnowledge:
        """What ``dataset`` knows (its firms with links) and, with ``reference``, the shipped reference list; only
        segments of the dataset are kept."""
        segments = dataset.segments
        linked: dict[str, list[str]] = {}
        for link in dataset.links:
            if link.segment in segments and link.segment not in linked.setdefault(link.firm, []):
                linked[link.firm].append(link.segment)
        firms: list[KnownFirm] = []
        for firm_id, segs in linked.items():
            firm = dataset.firms.get(firm_id)
            if firm is None or not segs:
                continue
            firms.append(KnownFirm(name=firm.name, segments=tuple(segs), source="dataset",
                                   basis=firm.note[:40] if firm.note else "",
                                   names=tuple(n for n in firm.names() if n != firm.name),
                                   ordered=len(segs) == 1))
        if reference:
            for entry in reference_firms():
                kept = tuple(s for s in entry.segments if s in segments)
                if kept or not entry.segments:  # an entry without segments: a look-alike outside the chains
                    firms.append(entry if kept == entry.segments else replace(entry, segments=kept))
        trade = [w for chain in dataset.chains.values() for w in getattr(chain, "generic_terms", ()) or ()]
        for segment in segments.values():
            trade.append(segment.name)
            for attr in ("keywords", "aliases", "scope_terms", "product_terms", "ambiguous_terms"):
                trade.extend(getattr(segment, attr, ()) or ())
        scope = {s for entry in reference_firms() for s in entry.segments} if reference else set()
        return cls(firms, trade, outside_scope=scope)


def _unique(firms: list[KnownFirm]) -> list[KnownFirm]:
    seen: dict[int, KnownFirm] = {}
    for firm in firms:
        seen.setdefault(id(firm), firm)
    return list(seen.values())


_REFERENCE: list[KnownFirm] | None = None


def reference_firms() -> list[KnownFirm]:
    """The reference list shipped with chaingraph (read once, cached)."""
    global _REFERENCE
    if _REFERENCE is None:
        folder = resources.files("chaingraph") / "data" / "reference-firms"
        entries: list[KnownFirm] = []
        if folder.is_dir():
            for item in sorted(folder.iterdir(), key=lambda p: p.name):
                if item.name.endswith(".csv"):
                    entries.extend(read_reference(item.read_text(encoding="utf-8-sig"), item.name))
        _REFERENCE = merge_entries(entries)
    return _REFERENCE


def merge_entries(entries: list[KnownFirm]) -> list[KnownFirm]:
    """One entry per firm name: a firm listed in two chains' files (a carbide maker that also grinds tools) gets the
    segments of both, those of its main chain's file first (the file whose own chain the entry calls its main one)."""
    by_name: dict[str, list[KnownFirm]] = {}
    for entry in entries:
        by_name.setdefault(_fold(unicodedata.normalize("NFKC", entry.name)), []).append(entry)
    out: list[KnownFirm] = []
    for group in by_name.values():
        if len(group) > 1 and any(e.segments for e in group):
            group = [e for e in group if e.segments]  # a chain's file knows better than the look-alike list
        if len(group) == 1:
            out.append(group[0])
            continue
        group.sort(key=lambda e: e.main_chain == "" or not e.segments or
                   not e.segments[0].startswith(_CHAIN_PREFIX.get(e.main_chain, "\0")))
        first = group[0]
        segments = tuple(dict.fromkeys(s for e in group for s in e.segments))
        names = tuple(dict.fromkeys(n for e in group for n in e.names))
        out.append(replace(first, segments=segments, names=names, certain=all(e.certain for e in group),
                           short=first.short or next((e.short for e in group if e.short), "")))
    return out


_CHAIN_PREFIX = {"automotive": "auto-", "machine-tool": "mt-", "new-materials": "nm-"}


def read_reference(text: str, source: str = "reference") -> list[KnownFirm]:
    """Entries of one reference-firm list (CSV text with :data:`REFERENCE_COLUMNS`)."""
    out: list[KnownFirm] = []
    for row in csv.DictReader(io.StringIO(text)):
        name = (row.get("name") or "").strip()
        segments = tuple(s.strip() for s in (row.get("segments") or "").split("|") if s.strip())
        main_chain = (row.get("main_chain") or "").strip()
        if not name or not (segments or main_chain == "other"):
            continue  # an entry without segments says the firm is outside the chains (main_chain: other)
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        out.append(KnownFirm(name=name, segments=segments, source="reference",
                             basis=" ".join((row.get("basis") or "").split()),
                             # only "sure" is sure: a typo or an empty cell reads as doubt
                             certain=(row.get("certainty") or "").strip().lower() == "sure",
                             short=(row.get("short") or "").strip(), names=aliases,
                             main_chain=main_chain))
    return out
