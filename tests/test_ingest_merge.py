"""Merging proposed facts into a dataset, and the `extract` / `merge` commands (CliRunner, tiny dataset)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from chaingraph import load_dataset
from chaingraph.cli import cli
from chaingraph.dataset.locking import LOCK_NAME
from chaingraph.dataset.model import parse_quantity
from chaingraph.errors import ExportError, ParseError
from chaingraph.sources.extract import Fact
from chaingraph.sources.merge import BACKUP_DIR, apply_merge, plan_merge, read_proposed, undo_merge

# About the tiny dataset (chaingraph.dataset.fixtures): 本地电机有限公司 is the legal name of motor-local,
# 铁芯新公司 owns 铁芯项目 (core-project, curated investment 3400万美元), the park 中日演示园 is town-park.
ARTICLE = (
    "今年1月，铁芯新公司铁芯项目签约落户中日演示园，总投资3500万美元，注册资本1666万美元，占地面积27.8亩。"
    "同月，日本东洋精工驱动电机项目签约落户中日演示园，总投资约2000万美元，年产值超5亿元。"
    "本地电机有限公司今年实现增资800万美元。"
)


def _run(*args: str) -> tuple[int, str, str]:
    """The command in English (--lang en): these tests read extract's summary and merge's report, which follow
    --lang (Chinese by default: tests/test_cli_errors_lang.py)."""
    result = CliRunner().invoke(cli, ["--lang", "en", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _extract(tmp_path: Path, tiny_path: Path, fmt: str = "csv", text: str = ARTICLE) -> Path:
    article = tmp_path / "demo-news.txt"
    article.write_text(text, encoding="gb18030")
    out = tmp_path / f"proposed.{fmt}"
    code, _, err = _run("--data", str(tiny_path), "extract", str(article), "--date", "2024-01-12", "-o", str(out))
    assert code == 0, err
    assert "(gb18030)" in err
    return out


def test_extract_writes_csv_and_json(tmp_path: Path, tiny_path: Path) -> None:
    out = _extract(tmp_path, tiny_path)
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert list(rows[0]) == ["id", "record", "key", "field", "value", "confidence", "text", "start", "end",
                             "evidence", "note"]
    investments = {r["key"]: r["value"] for r in rows if r["field"] == "investment"}
    assert investments["铁芯新公司铁芯项目"] == "35000000 USD"
    row = next(r for r in rows if r["field"] == "investment" and r["key"] == "铁芯新公司铁芯项目")
    assert ARTICLE[int(row["start"]):int(row["end"])] == "总投资3500万美元"
    out_json = _extract(tmp_path, tiny_path, fmt="json")
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["source"] == "demo-news" and data["date"] == "2024-01-12"
    assert any(f["field"] == "investment" and f["value"] == "~20000000 USD" for f in data["facts"])
    code, stdout, _ = _run("--data", str(tiny_path), "extract", str(tmp_path / "demo-news.txt"), "--date",
                           "2024-01-12", "--format", "json")
    assert code == 0 and json.loads(stdout)["facts"]


def test_extract_needs_a_real_date(tmp_path: Path, tiny_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    code, _, err = _run("--data", str(tiny_path), "extract", str(article), "--date", "yesterday")
    assert code == 2 and "YYYY-MM-DD" in err


def test_merge_matches_reports_conflicts_and_undoes(tmp_path: Path, tiny_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHAINGRAPH_LANG", "en")  # the messages checked here are the English ones
    proposed = _extract(tmp_path, tiny_path)
    before = {p.name: p.read_bytes() for p in tiny_path.rglob("*") if p.is_file()}

    code, stdout, _ = _run("--data", str(tiny_path), "merge", str(proposed), "--dry-run")
    assert code == 0
    assert "CONFLICT project core-project investment: dataset has 34000000 USD, the article says 35000000 USD" \
        in stdout
    assert "dry run: nothing written" in stdout
    after = {p.name: p.read_bytes() for p in tiny_path.rglob("*") if p.is_file() and p.name != LOCK_NAME}
    assert after == before  # the dataset lock file stays: removing it would race with a waiting writer

    # the reviewer kept every row: merge all of them, not only those above the default threshold
    code, stdout, _ = _run("--data", str(tiny_path), "merge", str(proposed), "--min-confidence", "0")
    assert code == 0, stdout
    ds = load_dataset(tiny_path)
    # nothing duplicated: the known firms and project were matched
    assert sum(1 for f in ds.firms.values() if f.name == "铁芯新公司") == 1
    assert sum(1 for p in ds.projects.values() if "铁芯项目" in p.name) == 1
    # the curated value is kept, not overwritten
    assert ds.projects["core-project"].investment == parse_quantity("3400万美元")
    assert "demo-news" in ds.projects["core-project"].sources
    assert "demo-news" in ds.sources
    # new facts were added, with citations
    new = [p for p in ds.projects.values() if "驱动电机项目" in p.name]
    assert len(new) == 1 and new[0].investment == parse_quantity("约2000万美元")
    assert new[0].region == "town-park" and new[0].segments == ["motor"]
    increase = [p for p in ds.projects.values() if p.capital_increase is not None]
    assert increase and increase[0].firms == ["motor-local"]
    assert any(c.subject == new[0].id and c.field == "investment" for c in ds.citations)
    backups = list((tiny_path / BACKUP_DIR).iterdir())
    assert len(backups) == 1

    code, stdout, _ = _run("--data", str(tiny_path), "merge", "--undo")
    assert code == 0 and "restored" in stdout
    after = {p.name: p.read_bytes() for p in tiny_path.rglob("*") if p.is_file() and p.name != LOCK_NAME}
    assert after == before  # the dataset lock file stays: removing it would race with a waiting writer
    code, _, err = _run("--data", str(tiny_path), "merge", "--undo")
    assert code != 0 and "no merge to undo" in err


def test_merge_twice_changes_nothing(tmp_path: Path, tiny_path: Path) -> None:
    proposed = _extract(tmp_path, tiny_path)
    assert _run("--data", str(tiny_path), "merge", str(proposed))[0] == 0
    code, stdout, _ = _run("--data", str(tiny_path), "merge", str(proposed))
    assert code == 0 and "0 new records" in stdout and "nothing to change" in stdout


def test_strict_refuses_conflicts(tmp_path: Path, tiny_path: Path) -> None:
    proposed = _extract(tmp_path, tiny_path)
    code, _, err = _run("--data", str(tiny_path), "merge", str(proposed), "--strict")
    assert code == 1 and "nothing written" in err
    assert not (tiny_path / BACKUP_DIR).exists()


def test_short_and_full_names_match_one_firm(tiny_path: Path) -> None:
    ds = load_dataset(tiny_path)
    facts = [Fact("firm", "本地电机", "name", "本地电机"),
             Fact("firm", "本地电机", "legal_name", "本地电机有限公司"),
             Fact("firm", "本地电机", "country", "DE", evidence="德国本地电机"),
             Fact("firm", "电机甲", "name", "电机甲")]
    plan = plan_merge(ds, facts)
    assert not plan.of("new")
    assert [(c.id, c.field, c.old, c.new) for c in plan.conflicts] == [("motor-local", "country", "JP", "DE")]
    assert plan.dataset.firms["motor-local"].country == "JP"
    assert ds.firms["motor-local"].country == "JP"  # the input dataset is untouched


def test_invalid_result_writes_nothing(tiny_path: Path) -> None:
    ds = load_dataset(tiny_path)
    plan = plan_merge(ds, [Fact("firm", "新企业", "name", "新企业")])
    plan.dataset.firms[next(iter(plan.dataset.firms))].group = "no-such-group"
    before = (tiny_path / "firms.csv").read_text(encoding="utf-8")
    with pytest.raises(Exception, match="nothing was written"):
        apply_merge(tiny_path, plan)
    assert (tiny_path / "firms.csv").read_text(encoding="utf-8") == before
    with pytest.raises(ExportError):
        undo_merge(tiny_path)


def test_read_proposed_rejects_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("record,key,field,value\nfirm,,name,x\n", encoding="utf-8")
    with pytest.raises(ParseError, match="missing key"):
        read_proposed(path)
    path.write_text("[{\"record\": \"firm\", \"key\": \"甲\", \"field\": \"name\", \"value\": \"甲\"}]",
                    encoding="utf-8")
    assert read_proposed(path)[0].key == "甲"


@given(st.lists(st.sampled_from(["investment", "area_mu", "date", "status", "region", "segments", "firms"]),
                max_size=5),
       st.text(max_size=8))
def test_plan_merge_never_crashes(fields: list[str], value: str) -> None:
    from chaingraph.dataset.fixtures import TINY_FILES  # noqa: F401  (the tiny dataset, read once below)

    ds = _TINY.get("ds")
    if ds is None:
        import tempfile

        from chaingraph.dataset.fixtures import write_tiny_dataset

        ds = _TINY["ds"] = load_dataset(write_tiny_dataset(Path(tempfile.mkdtemp()) / "tiny"))
    facts = [Fact("project", "铁芯项目", f, value or "x") for f in fields]
    plan = plan_merge(ds, facts)
    assert plan.dataset.projects["core-project"].investment == ds.projects["core-project"].investment


_TINY: dict[str, object] = {}


def test_merge_default_threshold_skips_doubtful_records_whole(tmp_path: Path, tiny_path: Path) -> None:
    from chaingraph.sources.merge import DEFAULT_MIN_CONFIDENCE

    # a signing ceremony named like a project in the lead ("…招商引资…行动项目集中签约仪式"): its rule alone (a bare
    # name) would keep it; the record model puts it below the threshold, with its date and place
    lead = "2月10日，演示县招商引资突破年百日攻坚行动项目集中签约仪式在县政府举行。"
    proposed = _extract(tmp_path, tiny_path, text=lead + ARTICLE)
    rows = list(csv.DictReader(proposed.read_text(encoding="utf-8").splitlines()))
    doubtful = {r["key"] for r in rows if r["field"] == "name" and float(r["confidence"]) < DEFAULT_MIN_CONFIDENCE}
    assert "演示县招商引资突破年百日攻坚行动项目" in doubtful
    event = [r for r in rows if r["key"] == "演示县招商引资突破年百日攻坚行动项目"]
    assert len(event) > 1 and all(float(r["confidence"]) < DEFAULT_MIN_CONFIDENCE for r in event)
    code, stdout, _ = _run("--data", str(tiny_path), "merge", str(proposed))
    assert code == 0, stdout
    assert f"< {DEFAULT_MIN_CONFIDENCE}" in stdout
    ds = load_dataset(tiny_path)
    assert not [p for p in ds.projects.values() if "行动项目" in p.name]
    assert [p for p in ds.projects.values() if "驱动电机项目" in p.name]


def test_proposed_facts_csv_is_safe_in_a_spreadsheet_and_reads_back(tmp_path: Path) -> None:
    from chaingraph.sources.extract import Fact
    from chaingraph.sources.merge import facts_to_csv, read_proposed

    facts = [Fact("firm", "=cmd|' /C calc'!A0", "name", "=cmd|' /C calc'!A0", 0.9, text="@SUM(1)", id="f001"),
             Fact("project", "某项目", "investment", "-5000000 CNY", 0.8, id="f002")]
    path = tmp_path / "proposed.csv"
    path.write_text(facts_to_csv(facts), encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values() if cell)
    back = read_proposed(path)
    assert [(f.key, f.value, f.text) for f in back] == [(f.key, f.value, f.text) for f in facts]


def test_another_citys_totals_are_not_merged_into_this_dataset() -> None:
    from chaingraph.sources.extract import extract_facts

    ds = load_dataset()  # the Pinghu dataset
    elsewhere = extract_facts("近日，成都市召开项目招引总结会。7月以来成都新签约重大项目58个，总投资1200亿元。",
                              "2023-10-10", ds)
    assert {f.value for f in elsewhere.facts if f.record == "region_fact" and f.field == "region"} == {"成都市"}
    plan = plan_merge(ds, elsewhere.facts, min_confidence=0.0)
    assert not [c for c in plan.changes if c.record == "region_fact" and c.kind == "new"]
    skipped = [c for c in plan.changes if c.record == "region_fact" and c.kind == "skip"]
    assert skipped and all(c.new == "成都市" and "regions.yaml" in c.reason for c in skipped)
    # an article about the dataset's own place keeps its totals there
    home = extract_facts("平湖市重大项目集中签约。此次共签约项目12个，总投资150亿元。", "2023-10-10", ds)
    plan = plan_merge(ds, home.facts, min_confidence=0.0)
    new = [c for c in plan.changes if c.record == "region_fact" and c.kind == "new"]
    assert new and all(c.id.startswith("pinghu") for c in new)
