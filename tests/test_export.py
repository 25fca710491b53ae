"""Exports: graph files round-trip to the same graph; the xlsx opens with the expected sheets and values."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

import chaingraph as cgr
from chaingraph.cli import cli
from chaingraph.outputs.export import export, export_graph, read_graph


def _plain(g: nx.MultiDiGraph) -> tuple[dict[str, Any], dict[tuple[str, str, str], Any]]:
    nodes = {n: {k: v for k, v in d.items() if v is not None} for n, d in g.nodes(data=True)}
    edges = {(u, v, k): {a: b for a, b in d.items() if b is not None} for u, v, k, d in g.edges(keys=True, data=True)}
    return nodes, edges


@pytest.mark.parametrize("fmt", ["graphml", "json", "gexf"])
def test_graph_round_trip(pinghu: cgr.ChainGraph, tmp_path: Path, fmt: str) -> None:
    path = export(pinghu, fmt, tmp_path / f"pinghu.{fmt}")
    back = read_graph(path)
    nodes, edges = _plain(back)
    want_nodes, want_edges = _plain(pinghu.graph)
    assert nodes == want_nodes
    assert edges == want_edges
    assert isinstance(back.nodes["auto-drive-motor"]["importance"], float)
    assert back.nodes["nidec-auto-motor"]["aliases"] == pinghu.graph.nodes["nidec-auto-motor"]["aliases"]
    assert back.edges["auto-catalyst", "nm-pgm", "supplies"]["kind"] == "recycle"
    assert back.edges["nm-pgm", "auto-catalyst", "supplies"]["kind"] == "supply"
    if fmt != "gexf":  # GEXF keeps only the graph's name
        assert back.graph["as_of"] == "2024-10-11"


def test_graph_files_have_scalar_typed_attributes(tiny: cgr.ChainGraph, tmp_path: Path) -> None:
    g = export_graph(tiny)
    for _, data in g.nodes(data=True):
        assert all(isinstance(v, str | int | float | bool) for v in data.values())
        assert data["label"]
    text = export(tiny, "graphml", tmp_path / "t.graphml").read_text(encoding="utf-8")
    assert 'attr.name="importance" attr.type="double"' in text
    assert 'attr.name="fortune500" attr.type="boolean"' in text
    assert "电机甲" in text  # aliases as text


def test_xlsx_sheets_and_values(pinghu: cgr.ChainGraph, tmp_path: Path) -> None:
    import openpyxl

    path = export(pinghu, "xlsx", tmp_path / "gaps.xlsx", targets=3)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["概览", "汽车", "数控机床", "新材料", "招商目标", "项目台账"]
    report = cgr.gap_report(pinghu, "machine-tool")
    sheet = book["数控机床"]
    header = [c.value for c in sheet[4]]
    assert header == ["优先序", "环节", "层级", "状态", "行动", "优先级", "本地企业 / 在途项目", "理由", "来源声称"]
    top = report.ranked()[0]
    assert sheet["B5"].value == top.segment.name and sheet["E5"].value == top.action
    assert sheet["F5"].value == pytest.approx(top.priority, abs=1e-4)
    assert sheet.max_row == 4 + len(report.segments)
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$4:$4"
    targets = book["招商目标"]
    rows = [[c.value for c in row] for row in targets.iter_rows(min_row=5)]
    cnc = [r for r in rows if r[1] == "数控系统"]
    expected = cgr.find_targets(pinghu, "machine-tool", "数控系统", limit=3)
    assert [r[5] for r in cnc] == [c.firm.name for c in expected.candidates]
    overview = book["概览"]
    assert overview["A5"].value == "汽车"
    assert overview["I5"].value == pytest.approx(cgr.gap_report(pinghu, "automotive").completeness)


def test_cli_export_all_formats(tmp_path: Path) -> None:
    runner = CliRunner()
    for fmt, name in (("xlsx", "g.xlsx"), ("graphml", "g.graphml"), ("gexf", "g.gexf"), ("json", "g.json"),
                      ("markdown", "r.md")):
        result = runner.invoke(cli, ["export", "--format", fmt, "-o", str(tmp_path / name), "-c", "机床"])
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).stat().st_size > 0
    briefing = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert briefing.startswith("# 平湖市产业链招商简报")
    assert "## 数控机床" in briefing and "## 汽车" not in briefing
    assert "数控系统" in briefing
    result = runner.invoke(cli, ["export", "--format", "xlsx", "-o", str(tmp_path / "x.xlsx"), "-c", "nope"])
    assert result.exit_code == 4


def test_xlsx_ledger_sheet_matches_the_ledger(pinghu: cgr.ChainGraph, tmp_path: Path) -> None:
    """项目台账 lists every project of the region as `projects --ledger` does: stalled first, with the reason."""
    import openpyxl

    from chaingraph.analysis.ledger import project_ledger

    entries = project_ledger(pinghu.dataset, pinghu.dataset.info.default_region)
    book = openpyxl.load_workbook(export(pinghu, "xlsx", tmp_path / "gaps.xlsx"))
    rows = [[c.value for c in row] for row in book["项目台账"].iter_rows(min_row=5)]
    assert [r[0] for r in rows] == [e["name"] for e in entries]
    stalled = [r for r in rows if r[5] == "是"]
    assert stalled and len(stalled) == sum(e["stalled"] for e in entries)
    assert rows[: len(stalled)] == stalled  # stalled projects come first
    assert all("个月未见" in r[6] for r in stalled)
    english = openpyxl.load_workbook(export(pinghu, "xlsx", tmp_path / "gaps-en.xlsx", lang="en"))["Ledger"]
    reasons = [row[6].value for row in english.iter_rows(min_row=5) if row[5].value == "yes"]
    assert len(reasons) == len(stalled) and all("months after" in r for r in reasons)
