"""One language policy (issue #16): reasons from codes and parameters, Chinese by default, English on request.

English outputs may hold CJK only where they show the data as written (firm, park and project names, quoted
evidence); :func:`english_leftovers` takes those out and returns whatever CJK is left, which must be nothing.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import chaingraph as cgr
from chaingraph.analysis.reasons import REASON_CODES, Reason, render_reason
from chaingraph.cli import cli
from chaingraph.dataset import Dataset
from chaingraph.outputs.lang import cjk_outside, data_texts, has_cjk


def english_leftovers(text: str, *datasets: Dataset) -> list[str]:
    """The CJK in ``text`` once the data's own words (:func:`data_texts`) are taken out."""
    names = [t for ds in datasets for t in data_texts(ds)]
    return cjk_outside(text, names)


@pytest.fixture(scope="module")
def bundled() -> cgr.ChainGraph:
    return cgr.build_graph(cgr.load_dataset())


# ------------------------------------------------------------------------------------------------ the helper


def test_the_helper_finds_untranslated_words_and_keeps_data_names(tiny: cgr.ChainGraph) -> None:
    ds = tiny.dataset
    firm = ds.firms["steel-local"].name
    assert english_leftovers(f"1 local firm: {firm}", ds) == []
    assert english_leftovers(f"1 local firm: {firm}；more", ds)  # CJK punctuation is not data
    assert english_leftovers("status 强", ds)
    # a chain with an English name must show it: its Chinese name is not allowed through
    chain = next(c for c in ds.chains.values() if c.name_en)
    assert english_leftovers(f"chain {chain.name}", ds)
    assert not has_cjk("Fill #1") and has_cjk("补链")


# ------------------------------------------------------------------------------------------------ reasons


TINY_ZH = {  # the wording before reasons had codes, byte for byte
    "steel": ["本地企业 1 家：本地钢板", "重要度 0.50", "下游 电机铁芯 在途（铁芯项目）拉动 0.25",
              "上游无本地支撑环节"],
    "core": ["本地无投产企业；在途项目：铁芯项目（签约 2024-01）", "重要度 0.70",
             "下游 驱动电机 强（本地电机）拉动 1.00", "上游 电工钢 弱（本地钢板）支撑 0.50",
             "已有在途项目，优先级 ×0.5"],
    "motor": ["本地企业 1 家：本地电机；龙头：本地电机（世界500强：大集团）"],
    "vehicle": ["本地无企业，也无在途项目（企业名录完整，截至 2024-01-01）", "重要度 0.90", "下游无本地支撑环节",
                "上游 驱动电机 强（本地电机）支撑 1.00", "位于链尾（应用端），紧邻本地 驱动电机，引进即延伸本地产业链"],
    "machine": ["本地无企业，也无在途项目（企业名录完整，截至 2024-01-01）", "重要度 1.00",
                "下游 驱动电机［演示汽车］ 强（本地电机）拉动 1.00", "上游无本地支撑环节"],
}
TINY_TARGETS_ZH = {
    "cnc-jp": ["细分龙头", "中日演示园 匹配（日本企业）"],
    "cnc-de": ["大型企业", "已为本地 本地电机 供货"],
    "cnc-group": ["中型企业", "世界500强（大集团）", "二次招商：同属大集团，本地已有 本地电机",
                  "中日演示园 匹配（日本企业）", "环节关联置信度：推测（×0.5）"],
    "cnc-cn": ["中型企业", "环节关联置信度：较可能（×0.8）"],
}


def test_chinese_reasons_keep_their_wording(tiny: cgr.ChainGraph) -> None:
    reasons = {g.segment.id: list(g.reasons) for c in tiny.dataset.chains
               for g in cgr.gap_report(tiny, c).segments}
    for segment, expected in TINY_ZH.items():
        assert reasons[segment] == expected
    found = cgr.find_targets(tiny, None, "cnc")
    assert {c.firm.id: list(c.reasons) for c in found.candidates} == TINY_TARGETS_ZH
    assert cgr.gap_report(tiny, "demo-auto").segment("vehicle").headline == TINY_ZH["vehicle"][-1]


def test_every_reason_has_a_code_and_renders_back_from_json(bundled: cgr.ChainGraph, tiny: cgr.ChainGraph) -> None:
    seen: set[str] = set()
    for cg in (bundled, tiny):
        for chain in cg.dataset.chains:
            report = cgr.gap_report(cg, chain)
            data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))  # what a JSON reader gets
            for segment in data["segments"]:
                assert len(segment["reason_details"]) == len(segment["reasons"])
                for text, detail in zip(segment["reasons"], segment["reason_details"], strict=True):
                    assert detail["reason_code"] in REASON_CODES
                    assert render_reason(detail["reason_code"], detail["params"], "zh") == text
                    seen.add(detail["reason_code"])
                gap = report.segment(segment["id"])
                assert segment["headline_reason_code"] == getattr(gap.headline, "code", None)
            for gap in report.segments:
                if gap.priority is None:
                    continue
                for candidate in cgr.find_targets(cg, chain, gap.segment.id, limit=5).to_dict()["candidates"]:
                    for text, detail in zip(candidate["reasons"], candidate["reason_details"], strict=True):
                        assert render_reason(detail["reason_code"], detail["params"], "zh") == text
                        seen.add(detail["reason_code"])
    assert {"local_firms", "pipeline_projects", "no_local", "neighbour", "claim", "importance", "size"} <= seen


def test_reasons_pickle_with_their_code() -> None:
    import pickle

    reason = Reason("pipeline_discount", {"factor": 0.5})
    back = pickle.loads(pickle.dumps(reason))
    assert back == "已有在途项目，优先级 ×0.5" and back.code == "pipeline_discount"
    assert back.text("en") == "pipeline projects under way: priority ×0.5"


def test_english_reasons_hold_no_chinese_words(bundled: cgr.ChainGraph, tiny: cgr.ChainGraph) -> None:
    for cg in (bundled, tiny):
        ds = cg.dataset
        for chain in ds.chains:
            report = cgr.gap_report(cg, chain)
            for gap in report.segments:
                text = "\n".join(gap.reasons_in("en"))
                assert english_leftovers(text, ds) == [], text
                assert gap.reasons_in("zh") == list(gap.reasons)
                if gap.priority is not None:
                    for c in cgr.find_targets(cg, chain, gap.segment.id, limit=5).candidates:
                        assert english_leftovers("\n".join(c.reasons_in("en")), ds) == []


# ------------------------------------------------------------------------------------------------ CLI tables


@pytest.mark.parametrize("args", [
    ["gaps", "--chain", "machine-tool"], ["gaps", "--chain", "automotive"],
    ["targets", "--chain", "machine-tool", "--segment", "mt-cnc-system"], ["chains"],
    ["whatif", "--chain", "machine-tool", "--land", "fanuc", "--segment", "mt-cnc-system"], ["firms"], ["regions"],
])
def test_english_tables_hold_no_chinese_words(args: list[str], bundled: cgr.ChainGraph) -> None:
    result = CliRunner().invoke(cli, ["--lang", "en", *args])
    assert result.exit_code == 0, result.output
    assert english_leftovers(result.output, bundled.dataset) == []
    zh = CliRunner().invoke(cli, args)
    assert has_cjk(zh.output) and "Reasons" not in zh.output


def test_english_gaps_of_the_tiny_dataset(tiny_path: Path, tiny: cgr.ChainGraph) -> None:
    result = CliRunner().invoke(cli, ["--data", str(tiny_path), "--lang", "en", "gaps", "--chain", "demo-auto"])
    assert result.exit_code == 0, result.output
    assert english_leftovers(result.output, tiny.dataset) == []
    assert "at the tail of the chain (application end), next to local Drive motors" in result.output
    assert "no local firm and no pipeline project (the firm list is complete, as of 2024-01-01)" in result.output
    zh = CliRunner().invoke(cli, ["--data", str(tiny_path), "gaps", "--chain", "demo-auto"])
    assert TINY_ZH["vehicle"][-1] in zh.output and "理由（按优先级）" in zh.output


# ------------------------------------------------------------------------------------------------ workbook, briefings


def _workbook_text(book: Any) -> str:
    parts = []
    for sheet in book.worksheets:
        parts += [sheet.title, sheet.oddHeader.center.text or "", sheet.oddFooter.center.text or "",
                  sheet.oddFooter.right.text or ""]
        parts += [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    return "\n".join(parts)


@pytest.mark.parametrize("which", ["bundled", "tiny"])
def test_english_workbook_holds_no_chinese_words(which: str, bundled: cgr.ChainGraph, tiny: cgr.ChainGraph) -> None:
    from chaingraph.outputs.export import gap_workbook

    cg = bundled if which == "bundled" else tiny
    en = _workbook_text(gap_workbook(cg, since="2023-01-01", lang="en"))
    assert english_leftovers(en, cg.dataset) == []
    assert "reasons" in en and "Targets" in en
    zh = gap_workbook(cg, since="2023-01-01")
    assert [s.title for s in zh.worksheets][0] == "概览" and "招商目标" in [s.title for s in zh.worksheets]


@pytest.mark.parametrize("which", ["bundled", "tiny"])
def test_english_briefings_hold_no_chinese_words(which: str, bundled: cgr.ChainGraph, tiny: cgr.ChainGraph) -> None:
    from docx import Document

    from chaingraph.outputs.briefing import briefing_docx, briefing_markdown

    cg = bundled if which == "bundled" else tiny
    markdown = briefing_markdown(cg, since="2023-01-01", lang="en")
    # markdown escapes brackets and other specials in data: compare without the backslashes
    assert english_leftovers(markdown.replace("\\", ""), cg.dataset) == []
    assert markdown.startswith("# ") and "Top gaps:" in markdown
    doc = Document(io.BytesIO(briefing_docx(cg, lang="en")))
    text = "\n".join([p.text for p in doc.paragraphs]
                     + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    assert english_leftovers(text, cg.dataset) == []
    assert briefing_markdown(cg).startswith("# ") and "优先缺口" in briefing_markdown(cg)


def test_export_command_takes_the_language(tiny_path: Path, tmp_path: Path, tiny: cgr.ChainGraph) -> None:
    out = tmp_path / "brief.md"
    result = CliRunner().invoke(cli, ["--data", str(tiny_path), "--lang", "en", "export", "--format", "markdown",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert english_leftovers(out.read_text(encoding="utf-8").replace("\\", ""), tiny.dataset) == []


# ------------------------------------------------------------------------------------------------ maps


def _map_leftovers(page: str, ds: Dataset) -> list[str]:
    from chaingraph.outputs.html_map import _vis_assets

    match = re.search(r'<script type="application/json" id="chain-map-data">(.*?)</script>', page, re.S)
    assert match
    data = json.loads(match.group(1))
    vis_js, vis_css = _vis_assets()  # the bundled library's own locales are not ours
    rest = page.replace(match.group(0), "").replace(vis_js, "").replace(vis_css, "")
    shown: list[str] = [rest]

    def walk(value: Any, key: str | None = None, node: dict[str, Any] | None = None) -> None:
        if key == "name_zh":  # a search key, never shown in English
            return
        if key == "label" and node is not None and node.get("kind") in ("firm", "project", "firms", "projects"):
            return  # a firm's or project's name cut to fit its box: data, but not whole
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k, value)
        elif isinstance(value, list):
            for v in value:
                walk(v, key, node)
        elif isinstance(value, str):
            shown.append(value)

    walk(data)
    return english_leftovers("\n".join(shown), ds)


@pytest.mark.parametrize("options", [{"chain": "automotive"}, {"chain": None}, {"segment": "auto-drive-motor"}])
def test_english_map_holds_no_chinese_words(options: dict[str, Any], bundled: cgr.ChainGraph) -> None:
    from chaingraph.outputs.html_map import build_map, map_data

    assert _map_leftovers(build_map(bundled, lang="en", **options), bundled.dataset) == []
    data = map_data(bundled, lang="en", **options)
    assert {t["label"] for t in data["tiers"]} <= {"Upstream", "Midstream", "Downstream"}
    assert data["ui"]["tab_missing"] == "Missing" and data["ui"]["sep"] == ", "
    zh = map_data(bundled, lang="zh", **options)
    assert {t["label"] for t in zh["tiers"]} <= {"上游", "中游", "下游"}
    assert any(r.startswith("本地企业") for s in zh["segments"].values() for r in s["reasons"])


def test_english_map_of_the_tiny_dataset(tiny: cgr.ChainGraph) -> None:
    from chaingraph.outputs.html_map import build_map

    assert _map_leftovers(build_map(tiny, chain="demo-auto", lang="en"), tiny.dataset) == []


def test_map_command_follows_the_global_language(tiny_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    result = CliRunner().invoke(cli, ["--data", str(tiny_path), "--lang", "en", "map", "--chain", "demo-auto",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert '<html lang="en">' in out.read_text(encoding="utf-8")


def test_csv_carries_the_reason_codes(tiny_path: Path) -> None:
    import csv

    runner = CliRunner()
    gaps = runner.invoke(cli, ["--data", str(tiny_path), "gaps", "--chain", "demo-auto", "--format", "csv"])
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(gaps.output))}
    assert rows["vehicle"]["reason_codes"] == "no_local; importance; no_support; neighbour; chain_end"
    assert rows["vehicle"]["reasons"].split("; ")[-1] == TINY_ZH["vehicle"][-1]
    targets = runner.invoke(cli, ["--data", str(tiny_path), "targets", "--segment", "cnc", "--format", "csv"])
    rows = {r["firm"]: r for r in csv.DictReader(io.StringIO(targets.output))}
    assert rows["东洋数控"]["reason_codes"] == "size|country_park"
