"""Integrity of the labelled registry sample used to measure classification (benchmarks/data/registry-sample)."""
from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "benchmarks" / "data" / "registry-sample"
CHAINS = ROOT / "seeds" / "pinghu-2022" / "chains"
COLUMNS = ["企业名称", "统一社会信用代码", "经营范围", "国民经济行业代码", "注册资本", "成立日期", "注册地址",
           "登记状态", "企业类型", "label_segments", "label_primary", "category", "chain", "basis"]
# segment ids fixed for this round (SEGMENTS.md); they may reach the chain templates through another branch
ROUND_SEGMENTS = {
    "automotive": {"auto-fuel-cell", "auto-charging", "auto-battery-recycling", "auto-safety", "auto-lighting",
                   "auto-wheel"},
    "machine-tool": {"mt-forming-machine"},
    "new-materials": {"nm-semiconductor-materials", "nm-battery-foil", "nm-polyolefin"},
}
PRODUCER = {"producer", "multi"}
DISTRACTOR = {"distractor-dealer", "distractor-trader", "distractor-other"}
HARD = {"holding", "rnd", "multi", "aftermarket", "jobshop"}
CATEGORIES = PRODUCER | DISTRACTOR | HARD | {"deregistered"}
UNLABELLED = DISTRACTOR | {"holding", "deregistered"}


def _segment_chains() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted(CHAINS.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for seg in doc["segments"]:
            found[seg["id"]] = doc["id"]
    for chain, ids in ROUND_SEGMENTS.items():
        for sid in ids:
            found.setdefault(sid, chain)
    return found


def _read(split: str) -> list[dict[str, str]]:
    raw = (SAMPLE / f"{split}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{split}.csv must start with a UTF-8 BOM"
    with (SAMPLE / f"{split}.csv").open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == COLUMNS
        return [dict(r, _split=split) for r in reader]


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return _read("dev") + _read("test")


@pytest.fixture(scope="module")
def seg_chain() -> dict[str, str]:
    return _segment_chains()


def _segs(row: dict[str, str]) -> list[str]:
    return [s for s in row["label_segments"].split("|") if s]


def test_every_label_is_a_known_segment_and_primary_fits(rows, seg_chain):
    for r in rows:
        segs = _segs(r)
        assert len(segs) == len(set(segs)), r["企业名称"]
        for s in segs:
            assert s in seg_chain, f"{r['企业名称']}: unknown segment {s}"
        if segs:
            assert r["label_primary"] in segs, r["企业名称"]
            assert r["chain"] == seg_chain[r["label_primary"]], r["企业名称"]
        else:
            assert r["label_primary"] == "" and r["chain"] == "", r["企业名称"]


def test_categories_agree_with_labels_and_status(rows, seg_chain):
    for r in rows:
        cat, segs, name = r["category"], _segs(r), r["企业名称"]
        assert cat in CATEGORIES, name
        chains = {seg_chain[s] for s in segs}
        if cat in UNLABELLED:
            assert not segs, f"{name}: {cat} rows carry no producer label"
        if cat == "producer":
            assert len(chains) == 1, name
        if cat == "multi":
            assert len(chains) > 1, name
        if cat == "rnd":
            assert segs, f"{name}: R&D rows name the segment they research"
        if cat == "aftermarket":
            assert segs == ["auto-aftermarket"], name
        gone = "注销" in r["登记状态"] or "吊销" in r["登记状态"]
        assert gone == (cat == "deregistered"), name


def test_cells_look_like_a_registry_export(rows):
    code = re.compile(r"^[A-T]\d{4} \S+$")
    credit = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")
    for r in rows:
        name = r["企业名称"]
        assert code.match(r["国民经济行业代码"]), f"{name}: {r['国民经济行业代码']}"
        assert r["统一社会信用代码"] == "" or credit.match(r["统一社会信用代码"]), name
        assert re.match(r"^\d{4}-\d{2}-\d{2}$", r["成立日期"]), name
        items = re.split("[；;]", r["经营范围"])
        assert len(items) == len(set(items)), f"{name}: repeated scope item"
        # the legal form in the name and the registered enterprise type agree
        if name.endswith(("股份有限公司", "股份公司")):
            assert r["企业类型"].startswith("股份有限公司"), name
        elif name.endswith("有限公司"):
            assert r["企业类型"].startswith("有限责任公司"), name
        assert r["经营范围"] and r["注册地址"] and r["企业类型"] and r["basis"], name
        for col in COLUMNS:
            assert r[col][:1] not in ("=", "+", "-", "@", "\t", "\r"), f"{name}: formula-like {col}"


def test_counts_meet_the_minimums(rows, seg_chain):
    cats = Counter(r["category"] for r in rows)
    assert sum(cats[c] for c in PRODUCER) >= 250
    assert sum(cats[c] for c in DISTRACTOR) >= 60
    assert sum(cats[c] for c in HARD) >= 30
    assert cats["deregistered"] >= 4
    used = {s for r in rows for s in _segs(r)}
    assert set(seg_chain) <= used, f"segments without any row: {sorted(set(seg_chain) - used)}"


def test_splits_are_disjoint_and_stratified(rows):
    names = Counter(r["企业名称"] for r in rows)
    assert max(names.values()) == 1, [n for n, c in names.items() if c > 1]
    for key in ("chain", "category"):
        groups = Counter(r[key] for r in rows)
        for value, n in groups.items():
            in_dev = sum(1 for r in rows if r[key] == value and r["_split"] == "dev")
            assert abs(2 * in_dev - n) <= max(2, n // 10), f"{key}={value!r}: {in_dev} of {n} in dev"


def test_files_are_what_the_row_sources_build(tmp_path):
    """The CSVs are generated from src/*.py; a hand edit of a CSV (or a lost row module) shows up here."""
    import importlib.util
    import shutil

    for split in ("dev", "test"):
        shutil.copy(SAMPLE / f"{split}.csv", tmp_path / f"{split}.csv")
    spec = importlib.util.spec_from_file_location("registry_sample_build", SAMPLE / "build.py")
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    build.main(tmp_path, readme=None)
    for split in ("dev", "test"):
        assert (tmp_path / f"{split}.csv").read_bytes() == (SAMPLE / f"{split}.csv").read_bytes(), split
