"""Briefings a planner hands over: Markdown that pandoc renders as tables and lists, and a Word document."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import chaingraph as cgr
from chaingraph.outputs.briefing import briefing, briefing_markdown
from chaingraph.outputs.export import export
from chaingraph.safety import markdown_text


def test_markdown_escapes_text_from_the_data(tiny_path: Path) -> None:
    firms = tiny_path / "firms.csv"
    firms.write_text(firms.read_text(encoding="utf-8").replace("本地电机,", "<img src=x onerror=alert(1)>|*电机*,", 1),
                     encoding="utf-8")
    text = briefing_markdown(cgr.build_graph(cgr.load_dataset(tiny_path)))
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;\\|\\*电机\\*" in text
    assert markdown_text("a\nb") == "a b"


def test_pandoc_renders_tables_and_lists(pinghu: cgr.ChainGraph, tmp_path: Path) -> None:
    if shutil.which("pandoc") is None:  # .ci/run installs it: under CI=true a missing pandoc is a failure
        if os.environ.get("CI") == "true":
            pytest.fail("pandoc is not installed; CI=true requires it")
        pytest.skip("pandoc is not installed")
    path = export(pinghu, "markdown", tmp_path / "brief.md")
    html = subprocess.run(["pandoc", str(path), "-t", "html"], capture_output=True, text=True, check=True).stdout
    brief = briefing(pinghu, targets=5)  # what export writes by default
    listed = sum(len(found) for c in brief.chains for found in c.targets.values())
    assert html.count("<li>") == listed > 0  # every candidate is a list item, none swallowed by a paragraph
    assert html.count("<table") == 1 + len(brief.chains)
    assert "覆盖：部分覆盖" in html


def test_docx_briefing_has_the_chart_tables_and_candidates(pinghu: cgr.ChainGraph, tmp_path: Path) -> None:
    import docx

    path = export(pinghu, "docx", tmp_path / "brief.docx")
    doc = docx.Document(str(path))
    text = "\n".join(p.text for p in doc.paragraphs)
    brief = briefing(pinghu)
    assert doc.paragraphs[0].text == "平湖市产业链招商简报" and doc.paragraphs[0].style.name == "Heading 1"
    assert [p.text.split("（")[0] for p in doc.paragraphs if p.style.name == "Heading 2"] == ["汽车", "数控机床",
                                                                                            "新材料"]
    bullets = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    first = next(iter(brief.chains[1].targets.values()))[0]
    assert any(b.startswith(first.firm.name) for b in bullets)
    assert "覆盖：部分覆盖" in text
    chart = doc.tables[0]
    machine_tools = next(row for row in chart.rows if row.cells[0].text == "数控机床")
    fills = [cell._tc.tcPr.xpath("./w:shd/@w:fill")[0] for cell in machine_tools.cells[1:21]]
    report = cgr.gap_report(pinghu, "machine-tool")
    assert fills.count("9FD3C7") + fills.count("3A7DC9") + fills.count("1E7D4F") == round(
        report.completeness_upper * 20)  # the bar is as long as the upper bound, in its three shades
    assert machine_tools.cells[21].text == f"{report.completeness:.0%}–{report.completeness_upper:.0%}"
    gap_table = doc.tables[2]
    assert [c.text for c in gap_table.rows[0].cells] == ["#", "环节", "状态", "行动", "优先级", "要点"]
    assert gap_table.rows[1].cells[1].text == brief.chains[0].gaps[0].segment.name
