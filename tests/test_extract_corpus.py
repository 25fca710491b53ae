"""The answer keys of the news-extraction corpus (benchmarks/data/extract-corpus) follow the shared key format.

The hold-out sets (benchmarks/data/extract-corpus-holdout … -holdout9, splits ``holdout`` … ``holdout9``; the
first eight are development sets by now, see docs/extract.md) are checked against the same format; the corpus-mix
assertions apply to the main corpus only.

The article texts are not in the repository (copyright), so these tests read the keys only: every key parses, has
the fields the format requires with values of the right kind, its quantities are in the canonical form that
``parse_quantity`` reads, its dates are real dates, every firm a project names is listed among the article's
firms, and the corpus has the size and mix the evaluation needs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from chaingraph.dataset.model import CURRENCIES, parse_quantity

CORPUS = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "extract-corpus"
KEYS = sorted(CORPUS.glob("*.yaml"))
# Each hold-out set after the main corpus, in the order written: its folder's suffix (extract-corpus-<suffix>), the
# split its keys carry, and the least number of keys it was written to have.
HOLDOUT_SETS = [("holdout", 20), ("holdout2", 30), ("holdout3", 40), ("holdout4", 45), ("holdout5", 45),
                ("holdout6", 45), ("holdout7", 29), ("holdout8", 40), ("holdout9", 40),
                ("holdout10", 30), ("holdout11", 30), ("holdout12", 30), ("holdout13", 30),
                ("holdout14", 30), ("holdout15", 25)]
HOLDOUT_FOLDERS = {split: CORPUS.parent / f"extract-corpus-{split}" for split, _ in HOLDOUT_SETS}
# The splits a key may carry, by folder.
SPLITS = {CORPUS: {"dev", "test"}, **{folder: {split} for split, folder in HOLDOUT_FOLDERS.items()}}

TOP_FIELDS = {"id", "url", "title", "publisher", "dateline", "city", "kind", "script", "split", "projects", "firms",
              "aggregates"}
PROJECT_FIELDS = {"name", "firms", "investment", "registered_capital", "area_mu", "expected_output", "capacity",
                  "date", "status", "place"}
MONEY_FIELDS = ("investment", "registered_capital", "expected_output")
KINDS = {"signing", "groundbreaking", "completion", "operation", "mixed"}
STATUSES = {"signed", "under_construction", "trial", "operating"}
CANONICAL = re.compile(r"^(~|>=|<=)?\d+(\.\d+)?\s\S")


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: not a mapping"
    return data


def _event_date(value: object) -> bool:
    """A resolved event date: a full date, a year-month string or a year."""
    if isinstance(value, dt.date):
        return True
    if isinstance(value, int):
        return 1990 <= value <= 2030
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}", value):
        year, month = map(int, value.split("-"))
        return 1990 <= year <= 2030 and 1 <= month <= 12
    return False


def _canonical(text: object, where: str) -> str:
    assert isinstance(text, str) and CANONICAL.match(text), f"{where}: {text!r} is not in canonical form"
    return parse_quantity(text).unit


ALL_KEYS = KEYS + [path for folder in HOLDOUT_FOLDERS.values() for path in sorted(folder.glob("*.yaml"))]


@pytest.mark.parametrize("path", ALL_KEYS, ids=[f"{p.parent.name}/{p.stem}" for p in ALL_KEYS])
def test_key_follows_the_format(path: Path) -> None:
    key = _load(path)
    assert set(key) == TOP_FIELDS, f"missing {TOP_FIELDS - set(key)}, unknown {set(key) - TOP_FIELDS}"
    assert key["id"] == path.stem and re.fullmatch(r"[a-z0-9-]+", key["id"])
    assert key["url"] is None or str(key["url"]).startswith(("http://", "https://"))
    for field in ("title", "publisher", "city"):
        assert isinstance(key[field], str) and key[field].strip(), field
    assert isinstance(key["dateline"], dt.date) and dt.date(1990, 1, 1) <= key["dateline"] <= dt.date(2030, 12, 31)
    assert key["kind"] in KINDS and key["script"] in {"simplified", "traditional"}
    assert key["split"] in SPLITS[path.parent], f"{path.name}: split {key['split']!r} in {path.parent.name}"

    firm_names: set[str] = set()
    for firm in key["firms"]:
        assert set(firm) <= {"name", "aliases", "country"} and isinstance(firm["name"], str) and firm["name"]
        assert isinstance(firm.get("aliases", []), list)
        assert "country" not in firm or re.fullmatch(r"[A-Z]{2}", firm["country"]), firm
        firm_names |= {firm["name"], *firm.get("aliases", [])}

    for project in key["projects"]:
        where = f"{path.name}: project {project.get('name')!r}"
        assert set(project) <= PROJECT_FIELDS and "name" in project, f"{where}: fields {set(project)}"
        assert isinstance(project["name"], str) and project["name"].strip(), where
        assert isinstance(project.get("firms", []), list), where
        missing = [f for f in project.get("firms", []) if f not in firm_names]
        assert not missing, f"{where}: firms {missing} are not in the article's firm list"
        for field in MONEY_FIELDS:
            if project.get(field) is not None:
                assert _canonical(project[field], f"{where}.{field}") in CURRENCIES, f"{where}.{field}: no currency"
        if project.get("capacity") is not None:
            assert _canonical(project["capacity"], f"{where}.capacity") not in CURRENCIES, where
        area = project.get("area_mu")
        assert area is None or (isinstance(area, (int, float)) and area > 0), f"{where}: area_mu {area!r}"
        assert project.get("date") is None or _event_date(project["date"]), f"{where}: date {project['date']!r}"
        assert project.get("status") is None or project["status"] in STATUSES, where
        assert project.get("place") is None or isinstance(project["place"], str), where

    seen = set()
    for aggregate in key["aggregates"]:
        assert set(aggregate) == {"metric", "value", "evidence"}, aggregate
        assert isinstance(aggregate["metric"], str) and isinstance(aggregate["evidence"], str), aggregate
        _canonical(aggregate["value"], f"{path.name}: aggregate {aggregate['metric']}")
        assert aggregate["metric"] not in seen, f"{path.name}: aggregate {aggregate['metric']} keyed twice"
        seen.add(aggregate["metric"])


def test_corpus_size_and_mix() -> None:
    keys = [_load(path) for path in KEYS]
    assert len(keys) >= 45
    scripts = Counter(key["script"] for key in keys)
    splits = Counter(key["split"] for key in keys)
    kinds = Counter(key["kind"] for key in keys)
    assert scripts["traditional"] >= 4
    assert splits["dev"] and splits["test"]
    assert 0.45 <= splits["dev"] / len(keys) <= 0.75, splits
    assert {"signing", "groundbreaking"} <= set(kinds) and (kinds["completion"] + kinds["operation"]) >= 3, kinds
    assert len({key["city"] for key in keys}) >= 25
    assert sum(len(key["projects"]) for key in keys) >= 150


def test_each_kind_and_script_appears_in_both_splits() -> None:
    keys = [_load(path) for path in KEYS]
    for field in ("kind", "script"):
        for value in {key[field] for key in keys}:
            splits = {key["split"] for key in keys if key[field] == value}
            count = sum(key[field] == value for key in keys)
            assert count < 2 or splits == {"dev", "test"}, f"{field}={value} only in {splits}"


# Each hold-out set after the main corpus, with its keys and the least number of keys it was written to have.
LATER_SETS = [(split.replace("holdout", "hold-out ").strip(), sorted(HOLDOUT_FOLDERS[split].glob("*.yaml")), least)
              for split, least in HOLDOUT_SETS]


@pytest.mark.parametrize("index", range(len(LATER_SETS)), ids=[name for name, _, _ in LATER_SETS])
def test_each_holdout_is_new_to_the_earlier_sets(index: int) -> None:
    """Every hold-out set holds other articles than the main corpus and the hold-outs before it: no shared id,
    address or headline."""
    name, paths, least = LATER_SETS[index]
    earlier = [_load(path) for path in KEYS + [p for _, keys, _ in LATER_SETS[:index] for p in keys]]
    later = [_load(path) for path in paths]
    assert len(later) >= least
    for field in ("id", "url", "title"):
        seen = {key[field] for key in earlier if key[field] is not None}
        shared = sorted(key[field] for key in later if key[field] in seen)
        assert not shared, f"{name} {field}s also in an earlier set: {shared}"
