"""As-of views and changes since a date, on the tiny fixture with a dated history (hand-computed numbers)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from chaingraph import load_dataset
from chaingraph.analysis.asof import changes_since, dataset_as_of
from chaingraph.analysis.gaps import gap_report
from chaingraph.api import open_engine
from chaingraph.cli import cli
from chaingraph.dataset.fixtures import write_tiny_dataset
from chaingraph.dataset.graph import build_graph
from chaingraph.errors import InvalidArgument

EVENTS = """\
project,date,kind,amount,sources,evidence,note
core-project,2024-01,signed,3400万美元,src-demo,签约,
core-project,2024-06,started,,src-demo,开工,
core-project,2025-03,operating,,src-demo,投产,
"""


@pytest.fixture()
def history(tmp_path: Path) -> Path:
    """The tiny dataset, where the steel firm and its link were first reported in 2020, the rest in 2024."""
    root = write_tiny_dataset(tmp_path / "tiny")
    (root / "events.csv").write_text(EVENTS, encoding="utf-8")
    with (root / "sources.csv").open("a", encoding="utf-8") as out:
        out.write("src-2020,旧报道,演示日报,2020-05-01,,article,\n")
    for name, old, new in (("firms.csv", "medium,town,,,src-demo,", "medium,town,,,src-2020,"),
                           ("links.csv", "steel,probable,src-demo,", "steel,probable,src-2020,")):
        path = root / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return root


def _statuses(ds, chain: str = "demo-auto") -> tuple[dict[str, str], float]:  # type: ignore[no-untyped-def]
    report = gap_report(build_graph(ds), chain)
    return {g.segment.id: g.status for g in report.segments}, report.completeness


def test_as_of_leaves_out_later_firms_links_and_unsigned_projects(history: Path) -> None:
    ds = load_dataset(history)
    then = dataset_as_of(ds, "2023-12-31")
    assert sorted(then.firms) == ["steel-local"]
    assert then.projects == {}
    statuses, completeness = _statuses(then)
    assert statuses == {"steel": "weak", "core": "missing", "motor": "missing", "vehicle": "missing"}
    assert completeness == pytest.approx(0.5 / 3.1)  # importances 0.5 + 0.7 + 1.0 + 0.9; only steel present
    assert len(ds.firms) == 8 and ds.projects["core-project"].status == "operating"  # the input is unchanged


def test_as_of_gives_projects_their_status_on_the_day(history: Path) -> None:
    ds = load_dataset(history)
    mid = dataset_as_of(ds, "2024-07-01")
    assert mid.projects["core-project"].status == "under_construction"
    statuses, completeness = _statuses(mid)
    assert statuses["core"] == "pipeline" and statuses["motor"] == "strong"
    assert completeness == pytest.approx(1.5 / 3.1)
    assert str(mid.info.as_of) == "2024-07-01"
    # a whole year means its last day
    assert dataset_as_of(ds, "2024").projects["core-project"].status == "under_construction"


def test_changes_since_names_the_segments_and_the_events(history: Path) -> None:
    report = changes_since(load_dataset(history), "2023-12-31")
    assert report["until"] == "2025-03-31"
    moved = {(c["segment"], c["from"], c["to"]) for c in report["changed"]}
    assert moved == {("core", "missing", "weak"), ("motor", "missing", "strong")}
    core = next(c for c in report["changed"] if c["segment"] == "core")
    assert [(e["date"], e["kind"]) for e in core["events"]] == [("2024-01", "signed"), ("2024-06", "started"),
                                                                  ("2025-03", "operating")]
    assert core["new_firms"] == ["core-newco"]


def test_cli_as_of_and_since(history: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(cli, ["-d", str(history), "gaps", "-c", "demo-auto", "--as-of", "2023-12-31",
                              "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["completeness"] == pytest.approx(0.5 / 3.1, abs=1e-3)
    out = runner.invoke(cli, ["-d", str(history), "chains", "--since", "2024-07-01", "--format", "json"])
    assert out.exit_code == 0, out.output
    assert [(c["segment"], c["from"], c["to"]) for c in json.loads(out.output)["changed"]] == \
        [("core", "pipeline", "weak")]
    out = runner.invoke(cli, ["-d", str(history), "chains", "--as-of", "2023-12-31"])
    assert "数据截至 2023-12-31" in out.output
    out = runner.invoke(cli, ["-d", str(history), "targets", "-s", "cnc", "--as-of", "2023-12-31",
                              "--format", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["candidates"] == []  # no CNC maker had been reported yet
    out = runner.invoke(cli, ["-d", str(history), "gaps", "-c", "demo-auto", "--as-of", "someday"])
    assert out.exit_code != 0 and "someday" in out.output and "Traceback" not in out.output


def test_engine_answers_as_of_in_memory_with_a_note(history: Path, tmp_path: Path) -> None:
    with open_engine(history, "snapshot", as_of="2023-12-31", cache_dir=tmp_path / "cache") as engine:
        assert engine.backend == "networkx"
        assert "in memory" in engine.note
        assert engine.gaps("demo-auto").completeness == pytest.approx(0.5 / 3.1)
    with pytest.raises(InvalidArgument):
        open_engine(history, as_of="2023-13")


def test_map_and_export_as_of(history: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(cli, ["-d", str(history), "export", "--format", "markdown", "--as-of", "2023-12-31",
                              "-o", str(tmp_path / "then.md")])
    assert out.exit_code == 0, out.output
    then = (tmp_path / "then.md").read_text(encoding="utf-8")
    assert "本地电机" not in then and "数据截至 2023-12-31" in then  # the motor maker was first reported in 2024
    runner.invoke(cli, ["-d", str(history), "export", "--format", "markdown", "-o", str(tmp_path / "now.md")])
    assert "本地电机" in (tmp_path / "now.md").read_text(encoding="utf-8")
    out = runner.invoke(cli, ["-d", str(history), "map", "-c", "demo-auto", "--as-of", "2023-12-31",
                              "-o", str(tmp_path / "then.html")])
    assert out.exit_code == 0, out.output
    assert "本地电机" not in (tmp_path / "then.html").read_text(encoding="utf-8")
    runner.invoke(cli, ["-d", str(history), "map", "-c", "demo-auto", "-o", str(tmp_path / "now.html")])
    assert "本地电机" in (tmp_path / "now.html").read_text(encoding="utf-8")


def test_changes_since_lists_only_the_regions_events_in_date_order(history: Path) -> None:
    with (history / "projects.csv").open("a", encoding="utf-8") as out:
        out.write("elsewhere-core,别处铁芯项目,machine-other,other,new,signed,2024-02,,,,,,,,,,core,src-demo,\n")
    with (history / "events.csv").open("a", encoding="utf-8") as out:
        out.write("elsewhere-core,2024-05,started,,src-demo,,\ncore-project,2024-02,capital_increase,100万元,src-demo,,\n")
    core = next(c for c in changes_since(load_dataset(history), "2023-12-31")["changed"] if c["segment"] == "core")
    assert [(e["project"], e["date"], e["kind"]) for e in core["events"]] == [
        ("core-project", "2024-01", "signed"), ("core-project", "2024-02", "capital_increase"),
        ("core-project", "2024-06", "started"), ("core-project", "2025-03", "operating")]


def test_export_since_adds_the_changes(history: Path, tmp_path: Path) -> None:
    import openpyxl

    with (history / "firms.csv").open("a", encoding="utf-8") as out:
        out.write("evil,=HYPERLINK(\"x\"),,,,JP,,,large,town,,,src-demo,\n")
    with (history / "links.csv").open("a", encoding="utf-8") as out:
        out.write("evil,vehicle,confirmed,src-demo,\n")
    runner = CliRunner()
    out = runner.invoke(cli, ["-d", str(history), "export", "--format", "xlsx", "--since", "2023-12-31",
                              "-o", str(tmp_path / "book.xlsx")])
    assert out.exit_code == 0, out.output
    sheet = openpyxl.load_workbook(tmp_path / "book.xlsx")["动态"]
    rows = {r[1]: r for r in sheet.iter_rows(min_row=5, values_only=True)}
    assert rows["电机铁芯"][2:4] == ("缺", "弱")
    assert rows["电机铁芯"][4].splitlines() == ["2024-01 铁芯项目 签约", "2024-06 铁芯项目 开工",
                                            "2025-03 铁芯项目 投产"]
    assert rows["整车"][5] == "'=HYPERLINK(\"x\")"  # a formula-like name stays text
    out = runner.invoke(cli, ["-d", str(history), "export", "--format", "markdown", "--since", "2023-12-31",
                              "-o", str(tmp_path / "brief.md")])
    text = (tmp_path / "brief.md").read_text(encoding="utf-8")
    assert "## 自上次简报以来（2023-12-31 至 2025-03-31）" in text
    assert "| 演示汽车 | 电机铁芯 | 缺 → 弱 |" in text
    out = runner.invoke(cli, ["-d", str(history), "export", "--format", "docx", "--since", "2023-12-31",
                              "-o", str(tmp_path / "brief.docx")])
    assert out.exit_code == 0, out.output
    import docx

    document = docx.Document(str(tmp_path / "brief.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "自上次简报以来（2023-12-31 至 2025-03-31）" in headings
    since_table = next(t for t in document.tables if t.rows[0].cells[2].text == "状态变化")
    cells = {r.cells[1].text: [c.text for c in r.cells] for r in since_table.rows[1:]}
    assert cells["电机铁芯"][:3] == ["演示汽车", "电机铁芯", "缺 → 弱"]
    assert cells["电机铁芯"][3] == "2024-01 铁芯项目签约；2024-06 铁芯项目开工；2025-03 铁芯项目投产"
    # without --since the docx has no such section, as before
    runner.invoke(cli, ["-d", str(history), "export", "--format", "docx", "-o", str(tmp_path / "plain.docx")])
    plain = docx.Document(str(tmp_path / "plain.docx"))
    assert not any(p.text.startswith("自上次简报以来") for p in plain.paragraphs)
    out = runner.invoke(cli, ["--lang", "en", "-d", str(history), "export", "--format", "graphml", "--since",
                              "2023-12-31",
                              "-o", str(tmp_path / "g.graphml")])
    assert out.exit_code != 0 and "--since applies to the xlsx, markdown and docx" in out.output
