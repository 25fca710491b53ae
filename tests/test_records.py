"""The record model (chaingraph.sources.records): how sure extraction is that a proposed firm or project is real.

The texts are written for these tests (names invented); the model's weights are the committed fit."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from chaingraph.sources import calibration, records
from chaingraph.sources.extract import HIGH_CONFIDENCE, Extraction, extract_facts
from chaingraph.sources.merge import DEFAULT_MIN_CONFIDENCE

DAY = "2023-09-15"
DUPLICATE = ("华禾集团拟5亿元投资精密铸件项目\n"
             "华禾集团今日公告，公司拟投资5亿元用于精密铸件及配套加工项目，占地120亩。")
ROOT = Path(__file__).resolve().parents[1]


def names(result: Extraction) -> dict[tuple[str, str], float]:
    return {(f.record, f.key): f.confidence for f in result.facts if f.field == "name"
            and f.record in ("firm", "project")}


def test_weights_are_well_formed() -> None:
    assert set(records.WEIGHTS) == {"firm", "project"} == set(records.RECORD_FEATURES)
    for record, weights in records.WEIGHTS.items():
        declared = records.RECORD_FEATURES[record]
        assert set(declared) <= set(records.FEATURES)
        # the intercept, then one weight per declared feature, in the declared order
        assert list(weights) == ["intercept", *declared]
        for name, value in weights.items():
            assert isinstance(value, float) and math.isfinite(value) and abs(value) < 10, (record, name)
            # a weight is never against the direction its feature was declared with
            assert name == "intercept" or value * declared[name] >= 0, (record, name)
        assert all(sign in (-1, 0, 1) for sign in declared.values())
    # every feature described is weighed by at least one record type, and no weight is for an undescribed one
    assert set(records.FEATURES) == {n for declared in records.RECORD_FEATURES.values() for n in declared}


def test_weights_block_is_what_the_fitter_writes() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import fit_confidence  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    source = (ROOT / "chaingraph" / "sources" / "records.py").read_text(encoding="utf-8")
    assert fit_confidence.render_weights(records.WEIGHTS) in source


def test_confidence_is_the_logistic_of_the_weights() -> None:
    w = {"firm": {"intercept": 1.0, "legal": 2.0, "short": -3.0}}
    assert records.confidence("firm", set(), w) == pytest.approx(1 / (1 + math.exp(-1.0)))
    assert records.confidence("firm", {"legal", "short"}, w) == pytest.approx(0.5)
    assert records.confidence("firm", {"legal", "not_weighed"}, w) == pytest.approx(1 / (1 + math.exp(-3.0)))
    assert records.clamp(0.999) == 0.99 and records.clamp(0.0001) == 0.01 and records.clamp(0.734) == 0.73


def test_spurious_looking_records_fall_below_the_merge_threshold() -> None:
    # a budget word read as the subject of an investing clause
    result = extract_facts("全县今年计划实施重点项目40个，概算投资210亿元。", DAY)
    assert names(result)[("firm", "概算")] < 0.2
    # an item of a list of projects read as a firm too: the same name is also proposed as a project
    result = extract_facts("青湾、北岭快速路等重大续建项目加快推进，圆满完成年度目标。", DAY)
    assert names(result)[("firm", "青湾")] < 0.2
    # a short form of a project the article names in full: the headline's bare name is a duplicate
    result = extract_facts(DUPLICATE, DAY)
    conf = names(result)
    assert conf[("project", "精密铸件项目")] < DEFAULT_MIN_CONFIDENCE <= conf[("project", "精密铸件及配套加工项目")]
    # the model puts the duplicate well below what its rule alone (a bare name) would give it
    (short,) = result.of("project", "精密铸件项目", "name")
    assert conf[("project", "精密铸件项目")] < (calibration.rule_confidence(short.rule) or 0) - 0.2
    # and every fact of the doubtful record is capped at it
    assert all(f.confidence <= conf[("project", "精密铸件项目")] for f in result.of("project", "精密铸件项目"))


def test_well_framed_records_keep_a_high_confidence() -> None:
    result = extract_facts("浙江恒川精密机械有限公司投资8亿元建设精密减速机项目，年产20万台，占地150亩，"
                           "预计2025年投产。", DAY)
    conf = names(result)
    assert conf[("firm", "浙江恒川精密机械有限公司")] >= HIGH_CONFIDENCE
    assert conf[("project", "精密减速机项目")] >= 0.85
    investment = result.of("project", "精密减速机项目", "investment")[0]
    # a name that starts with its capacity (年产…) is doubted more, as its bounds are often drawn otherwise in a
    # report, but the same clause still keeps it above merge's threshold
    annual = names(extract_facts("浙江恒川精密机械有限公司投资8亿元建设年产20万台精密减速机项目，占地150亩，"
                                 "预计2025年投产。", DAY))[("project", "年产20万台精密减速机项目")]
    assert DEFAULT_MIN_CONFIDENCE <= annual < conf[("project", "精密减速机项目")]
    assert investment.confidence >= DEFAULT_MIN_CONFIDENCE


def test_the_model_alone_lifts_no_name_into_the_high_band() -> None:
    assert calibration.MODEL_CEILING < HIGH_CONFIDENCE
    assert calibration.name_confidence(0.97, 0.71) == calibration.MODEL_CEILING
    assert calibration.name_confidence(0.97, 0.98) == 0.97
    assert calibration.name_confidence(0.40, 0.98) == 0.40
    result = extract_facts(DUPLICATE, DAY)
    for fact in result.facts:
        if fact.field == "name" and fact.record in ("firm", "project"):
            rule = round(calibration.rule_confidence(fact.rule) or 0, 2)
            assert fact.confidence < HIGH_CONFIDENCE or rule >= HIGH_CONFIDENCE


def test_features_without_the_text_leave_out_the_context() -> None:
    result = extract_facts(DUPLICATE, DAY)
    with_text = records.features(result.facts, result.repaired)
    without = records.features(result.facts)
    context = {"event_after", "venue", "list_after", "after_comma", "described", "quoted", "headline", "early",
               "late", "again", "repeated"}
    assert with_text.keys() == without.keys()
    for key, present in with_text.items():
        assert without[key] == {f for f in present - context if not f.startswith(("before", "after"))}
    assert "headline" in with_text[("project", "精密铸件项目")]


_SCRIPT = """
import json, sys
from chaingraph.sources.extract import extract_facts
text = sys.argv[1]
print(json.dumps([[f.record, f.key, f.field, f.confidence] for f in extract_facts(text, "2023-09-15").facts]))
"""


def test_confidences_are_deterministic_across_processes() -> None:
    text = (DUPLICATE + "青湾、北岭快速路等重大续建项目加快推进。"
            "浙江恒川精密机械有限公司投资8亿元建设年产20万台精密减速机项目。")
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", _SCRIPT, text], env=env, capture_output=True, text=True,
                             check=True).stdout
        runs.append(json.loads(out))
    assert runs[0] == runs[1]
    assert runs[0] == [[f.record, f.key, f.field, f.confidence] for f in extract_facts(text, DAY).facts]


def test_character_features_read_the_name_and_its_neighbours() -> None:
    result = extract_facts("浙江恒川精密机械有限公司投资8亿元建设精密减速机项目，年产20万台。", DAY)
    found = records.features(result.facts, result.repaired)
    firm = found[("firm", "浙江恒川精密机械有限公司")]
    # the name's core (no legal form) gives its ends; the text after its first mention its right neighbours
    assert {"start:浙", "start2:浙江", "end:械", "end2:机械", "after:投", "after2:投资"} <= firm
    # the text's start has no left neighbour: no empty feature stands for it
    assert not any(f.startswith("before") for f in firm)
    (name,) = result.of("firm", "浙江恒川精密机械有限公司", "name")
    assert f"rule:{name.rule}" in firm
    project = found[("project", "精密减速机项目")]
    assert {"start2:精密", "end2:速机", "before2:建设", "after:，"} <= project


def test_character_weights_ship_with_the_package() -> None:
    from importlib.resources import files

    data = json.loads(files("chaingraph").joinpath("data", records.NGRAM_FILE).read_text(encoding="utf-8"))
    assert set(data) == {"firm", "project"}
    kinds = {"rule", "start", "start2", "end", "end2", "before", "before2", "after", "after2"}
    for record, weights in data.items():
        assert len(weights) >= 50, record
        for name, value in weights.items():
            kind, _, chars = name.partition(":")
            assert kind in kinds and chars, name
            assert value != 0 and math.isfinite(value) and abs(value) < 10, name
        # what the module weighs is what the file holds
        assert records.NGRAM_WEIGHTS[record] == pytest.approx(weights)
    # a character feature moves a record's confidence by its weight
    name, weight = next(iter(data["project"].items()))
    assert records.confidence("project", {name}) == pytest.approx(
        1 / (1 + math.exp(-(records.WEIGHTS["project"]["intercept"] + weight))))


def test_comparing_names_with_the_other_projects_reads_each_name_once() -> None:
    # the record features that compare a name with the article's other projects give what a pairwise comparison
    # gives, on a list with duplicates, prefixes, parts and wholes
    kin = records._Kin(["精密铸件", "精密铸件及配套加工", "铸件", "精密铸件", "华禾新材料产业园", "新材料"])
    assert kin.inside_another("精密铸件") and not kin.inside_another("精密铸件及配套加工")
    assert kin.inside_another("新材料") and not kin.inside_another("华禾新材料产业园")
    assert kin.holds_another("精密铸件及配套加工") and kin.holds_another("华禾新材料产业园")
    assert not kin.holds_another("精密铸件")  # 铸件 has 2 characters: too short to count
    assert kin.starts_another("精密") and kin.starts_another("精密铸件")
    assert not kin.starts_another("精密铸件及配套加工")
    assert not records._Kin(["精密铸件"]).inside_another("精密铸件")
    stops = [i for i, ch in enumerate("甲项目开工。乙项目；甲项目投产") if ch in "。；"]
    assert records._in_two_sentences("甲项目", "甲项目开工。乙项目；甲项目投产", stops)
    assert not records._in_two_sentences("乙项目", "甲项目开工。乙项目；甲项目投产", stops)
