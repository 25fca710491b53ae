"""Score `chaingraph extract` on a corpus of real articles with answer keys (used by extract_quality.py --corpus).

Keys: ``benchmarks/data/extract-corpus/<id>.yaml`` (format in the module docstring of extract_quality.py); texts:
``<TEXTS>/<id>.txt``. Each article is extracted with its key's ``dateline`` as ``--date`` and the bundled dataset
(what the CLI uses by default), then compared with its key.

Matching rules (one-to-one, greedy in text order):

- names are compared after traditional-to-simplified conversion and ``normalize_name`` (width, brackets, legal
  suffixes); a *firm* matches a key firm when one of its names (name, legal name, aliases, also without a country
  word) equals one of the key firm's names or aliases, or one contains the other and the shorter has 3+ characters;
- a *project* matches a key project when a name equals, or one contains the other once 项目, the firms' names and
  any leading place are taken out (shorter part 3+ characters), or else when both name the same matched firms and
  that firm has only this one project in the key;
- *figures* (investment, registered capital, area, output, capacity) count only on the right record: a value on a
  matched project is right when it equals the key's value for that project (same amount and unit; the qualifier
  约/超 is not compared; area within 0.05 亩); any figure on an unmatched (spurious) project or a different value
  is wrong; a key value not proposed for its project is missed;
- *dates*: the project's proposed ``date``, ``start_date`` or ``trial_date`` equal to the key's ``date`` is right,
  other proposed date values on the project are wrong;
- *parks/towns*: the project's ``region`` equals the key's ``place`` or one contains the other (2+ characters);
- *aggregates*: a proposed region fact whose value equals a key aggregate's value (once each) is right, others
  are wrong;
- *calibration*: among the facts above with confidence >= ``HIGH_CONFIDENCE`` (the names of firms and projects,
  figures, dates, places, aggregates), the share that is right; and how many wrong (spurious) firm and project
  records have a name confidence below merge's default threshold, how many right ones at or above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from chaingraph.dataset import Dataset, normalize_name
from chaingraph.dataset.model import Quantity, parse_quantity
from chaingraph.sources.extract import COUNTRY_WORDS, HIGH_CONFIDENCE, Extraction, Fact, extract_facts
from chaingraph.sources.merge import DEFAULT_MIN_CONFIDENCE
from chaingraph.sources.text import read_article, to_simplified

__all__ = ["TYPES", "Tally", "score_article", "load_keys"]

TYPES = ("projects", "firms", "investment", "registered_capital", "area_mu", "expected_output", "capacity", "dates",
         "parks/towns", "aggregates")
FIGURES = ("investment", "registered_capital", "area_mu", "expected_output", "capacity")
DATE_FIELDS = ("date", "start_date", "trial_date")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.misses += other.misses

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass
class ArticleScore:
    id: str
    split: str
    tallies: dict[str, Tally]
    high_right: int = 0
    high_total: int = 0
    high_wrong: list[str] = field(default_factory=list)
    judged: list[tuple[Fact, bool]] = field(default_factory=list)
    """Every scored fact with its verdict (what benchmarks/fit_confidence.py fits the confidence table on)."""


def load_keys(folder: Path) -> list[dict[str, Any]]:
    keys = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            data.setdefault("id", path.stem)
            keys.append(data)
    return keys


def _simp(text: str) -> str:
    return to_simplified(str(text)).text


def _key(name: str) -> str:
    return normalize_name(_simp(name))


def _firm_names_match(proposed: list[str], truth: list[str]) -> bool:
    keys = {_key(n) for n in proposed if n}
    for country in COUNTRY_WORDS:
        keys |= {k[len(country):] for k in list(keys) if k.startswith(country) and len(k) > len(country) + 1}
    others = {_key(n) for n in truth if n}
    if keys & others:
        return True
    return any(len(min(a, b, key=len)) >= 3 and (a in b or b in a) for a in keys for b in others)


def _core(name: str, firm_names: list[str]) -> str:
    core = _key(name)
    for n in sorted((_key(f) for f in firm_names if f), key=len, reverse=True):
        if len(n) >= 2:
            core = core.replace(n, "")
    core = re.sub(r"项目$", "", core)
    core = re.sub(r"^.{1,8}?(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|开发区|工业园区|产业园区|"
                  r"工业园|街道|镇|[市县区])(?=.{3})", "", core)
    return core


def _project_names_match(proposed: list[str], truth: str, firm_names: list[str]) -> bool:
    keys = {_key(n) for n in proposed}
    if _key(truth) in keys:
        return True
    t = _core(truth, firm_names)
    for n in proposed:
        p = _core(n, firm_names)
        if len(min(p, t, key=len)) >= 3 and (p in t or t in p):
            return True
    return False


def _quantity(value: Any) -> Quantity | None:
    if value is None or value == "":
        return None
    try:
        return parse_quantity(_simp(str(value)))
    except ValueError:
        return None


_UNIT_SAME = {"吨": "t", "吨/yr": "t/yr"}


def _same_figure(fld: str, proposed: str, truth: Any) -> bool:
    if fld == "area_mu":
        try:
            return abs(float(proposed) - float(truth)) < 0.05
        except (TypeError, ValueError):
            return False
    a, b = _quantity(proposed), _quantity(truth)
    if a is None or b is None:
        return False
    return float(a.amount) == float(b.amount) and _UNIT_SAME.get(a.unit, a.unit) == _UNIT_SAME.get(b.unit, b.unit)


def _same_place(proposed: str, truth: str) -> bool:
    a, b = _key(proposed), _key(truth)
    return bool(a and b) and (a == b or (len(min(a, b, key=len)) >= 2 and (a in b or b in a)))


def _aggregate_value(value: Any) -> Quantity | None:
    q = _quantity(value)
    if q is None and isinstance(value, (int, float)):
        return Quantity(value, "个", "exact")
    return q


def score_article(key: dict[str, Any], text_folder: Path, ds: Dataset | None,
                  ner: bool = False) -> tuple[ArticleScore, Extraction]:
    """Extract the article of ``key`` and compare it with the key (rules in the module docstring); ``ner`` runs
    the extraction with the optional entity tagger."""
    text, _ = read_article(text_folder / f"{key['id']}.txt")
    result = extract_facts(text, str(key["dateline"]), ds, source_id=key["id"], ner=ner)
    tallies = {t: Tally() for t in TYPES}
    high: list[bool] = []
    high_wrong: list[str] = []
    judged: list[tuple[Fact, bool]] = []

    def judge(fact: Fact | None, right: bool, what: str = "") -> None:
        if fact is None:
            return
        judged.append((fact, right))
        fact_conf = fact.confidence
        if fact_conf >= HIGH_CONFIDENCE:
            high.append(right)
            if not right:
                high_wrong.append(f"{fact_conf:.2f} {what}")

    # firms
    truth_firms = key.get("firms") or []
    firm_map: dict[str, int] = {}
    for name in result.keys("firm"):
        facts = [f for f in result.of("firm", name) if f.field in ("name", "legal_name", "aliases")]
        names = [f.value for f in facts]
        name_fact = max(result.of("firm", name, "name"), key=lambda f: f.confidence, default=None)
        hits = [i for i, t in enumerate(truth_firms) if i not in firm_map.values()
                and _firm_names_match(names, [t.get("name", ""), *(t.get("aliases") or [])])]
        if hits:
            firm_map[name] = hits[0]
            tallies["firms"].tp += 1
        else:
            tallies["firms"].fp += 1
            tallies["firms"].misses.append(f"extra firm {name}")
        judge(name_fact, bool(hits), f"firm {name}")
    for i, t in enumerate(truth_firms):
        if i not in firm_map.values():
            tallies["firms"].fn += 1
            tallies["firms"].misses.append(f"missed firm {t.get('name')}")

    # projects
    truth_projects = key.get("projects") or []
    all_firm_names = [n for t in truth_firms for n in [t.get("name", ""), *(t.get("aliases") or [])]]
    all_firm_names += [n for p in truth_projects for n in (p.get("firms") or [])]
    project_map: dict[str, int] = {}
    for name in result.keys("project"):
        names = [name] + [f.value.removeprefix("也称") for f in result.of("project", name, "note")
                          if f.value.startswith("也称")]
        firm_names = [n for f in result.of("project", name, "firms") for n in [f.value]]
        hits = [i for i, p in enumerate(truth_projects) if i not in project_map.values()
                and _key(str(p.get("name", ""))) in {_key(n) for n in names}]
        hits = hits or [i for i, p in enumerate(truth_projects) if i not in project_map.values()
                        and not any(_key(str(p.get("name", ""))) == _key(other) for other in result.keys("project"))
                        and _project_names_match(names, str(p.get("name", "")), all_firm_names)]
        if not hits and firm_names:
            for i, p in enumerate(truth_projects):
                owners = p.get("firms") or []
                alone = [q for q in truth_projects if set(q.get("firms") or []) & set(owners)]
                exact = any(_key(str(p.get("name", ""))) == _key(other) for other in result.keys("project"))
                if (i not in project_map.values() and owners and len(alone) == 1 and not exact
                        and any(_firm_names_match(firm_names, [o]) for o in owners)):
                    hits = [i]
                    break
        name_fact = max(result.of("project", name, "name"), key=lambda f: f.confidence, default=None)
        if hits:
            project_map[name] = hits[0]
            tallies["projects"].tp += 1
        else:
            tallies["projects"].fp += 1
            tallies["projects"].misses.append(f"extra project {name}")
        judge(name_fact, bool(hits), f"project {name}")
    for i, p in enumerate(truth_projects):
        if i not in project_map.values():
            tallies["projects"].fn += 1
            tallies["projects"].misses.append(f"missed project {p.get('name')}")

    # figures, dates, places on the right record
    found: dict[tuple[str, int], bool] = {}
    for name in result.keys("project"):
        index = project_map.get(name)
        truth = truth_projects[index] if index is not None else {}
        for fld in FIGURES:
            for fact in result.of("project", name, fld):
                right = index is not None and not found.get((fld, index)) and _same_figure(fld, fact.value,
                                                                                          truth.get(fld))
                if right:
                    found[(fld, index)] = True  # type: ignore[index]
                    tallies[fld].tp += 1
                else:
                    tallies[fld].fp += 1
                    want = f" (key {truth.get(fld)})" if truth.get(fld) not in (None, "") else ""
                    tallies[fld].misses.append(f"wrong {fld} {fact.value} on {name}{want}")
                judge(fact, right, f"{fld} {fact.value} on {name}")
        for fact in [f for f in result.of("project", name) if f.field in DATE_FIELDS]:
            right = (index is not None and truth.get("date") not in (None, "") and not found.get(("date", index))
                     and fact.value == str(truth.get("date")))
            if right:
                found[("date", index)] = True  # type: ignore[index]
                tallies["dates"].tp += 1
            else:
                tallies["dates"].fp += 1
                tallies["dates"].misses.append(f"wrong {fact.field} {fact.value} on {name} (key {truth.get('date')})")
            judge(fact, right, f"{fact.field} {fact.value} on {name}")
        for fact in result.of("project", name, "region"):
            right = (index is not None and bool(truth.get("place")) and not found.get(("place", index))
                     and _same_place(fact.value, str(truth.get("place"))))
            if right:
                found[("place", index)] = True  # type: ignore[index]
                tallies["parks/towns"].tp += 1
            else:
                tallies["parks/towns"].fp += 1
                tallies["parks/towns"].misses.append(f"wrong place {fact.value} on {name} (key {truth.get('place')})")
            judge(fact, right, f"place {fact.value} on {name}")
    for i, p in enumerate(truth_projects):
        for fld in FIGURES:
            if p.get(fld) not in (None, "") and not found.get((fld, i)):
                tallies[fld].fn += 1
                tallies[fld].misses.append(f"missed {fld} {p.get(fld)} of {p.get('name')}")
        if p.get("date") not in (None, "") and not found.get(("date", i)):
            tallies["dates"].fn += 1
            tallies["dates"].misses.append(f"missed date {p.get('date')} of {p.get('name')}")
        if p.get("place") and not found.get(("place", i)):
            tallies["parks/towns"].fn += 1
            tallies["parks/towns"].misses.append(f"missed place {p.get('place')} of {p.get('name')}")

    # aggregates
    truth_aggs = [(a, _aggregate_value(a.get("value"))) for a in key.get("aggregates") or []]
    used: set[int] = set()
    for fact in result.facts:
        if fact.record != "region_fact" or fact.field != "value":
            continue
        q = _quantity(fact.value)
        hit = next((i for i, (_a, t) in enumerate(truth_aggs) if i not in used and q is not None and t is not None
                    and float(q.amount) == float(t.amount) and q.unit == t.unit), None)
        if hit is not None:
            used.add(hit)
            tallies["aggregates"].tp += 1
        else:
            tallies["aggregates"].fp += 1
            tallies["aggregates"].misses.append(f"extra aggregate {fact.key} = {fact.value}")
        judge(fact, hit is not None, f"aggregate {fact.key} = {fact.value}")
    for i, (a, _t) in enumerate(truth_aggs):
        if i not in used:
            tallies["aggregates"].fn += 1
            tallies["aggregates"].misses.append(f"missed aggregate {a.get('metric')} = {a.get('value')}")
    score = ArticleScore(str(key["id"]), str(key.get("split", "dev")), tallies, sum(high), len(high), high_wrong,
                         judged)
    return score, result


def fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def overall_table(scores: list[ArticleScore]) -> str:
    lines = ["| facts | right | wrong | missed | precision | recall |", "|---|---:|---:|---:|---:|---:|"]
    for t in TYPES:
        total = Tally()
        for s in scores:
            total.add(s.tallies[t])
        lines.append(f"| {t} | {total.tp} | {total.fp} | {total.fn} | {fmt(total.precision)} | {fmt(total.recall)} |")
    right = sum(s.high_right for s in scores)
    count = sum(s.high_total for s in scores)
    lines.append("")
    lines.append(f"calibration: {right} of {count} facts with confidence >= {HIGH_CONFIDENCE} are right"
                 f" ({fmt(right / count if count else None)})")
    names = [(f.confidence, r) for s in scores for f, r in s.judged if f.record in ("firm", "project")
             and f.field == "name"]
    wrong = [c for c, r in names if not r]
    good = [c for c, r in names if r]
    lines.append(f"merge default {DEFAULT_MIN_CONFIDENCE}: {sum(c < DEFAULT_MIN_CONFIDENCE for c in wrong)} of "
                 f"{len(wrong)} spurious firms/projects fall below it; {sum(c >= DEFAULT_MIN_CONFIDENCE for c in good)}"
                 f" of {len(good)} right ones are kept")
    return "\n".join(lines)


def article_table(scores: list[ArticleScore]) -> str:
    head = "| article | split | " + " | ".join(TYPES) + " | high right |"
    lines = [head, "|" + "---|" * (len(TYPES) + 3)]
    for s in scores:
        cells = [f"{s.tallies[t].tp}/{s.tallies[t].fp}/{s.tallies[t].fn}" for t in TYPES]
        lines.append(f"| {s.id} | {s.split} | " + " | ".join(cells) + f" | {s.high_right}/{s.high_total} |")
    return "\n".join(lines)
