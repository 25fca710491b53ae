"""Coverage and source claims: a report never claims more than the data knows.

The tiny fixture declares a complete registry (absence is real); these tests turn that into partial coverage,
add claims, and check every output a planner sees: statuses, actions, completeness bounds, JSON, CSV, table,
map panel, xlsx and briefing, on every backend that runs here.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import chaingraph as cgr
from chaingraph.cli import cli
from chaingraph.engines.snapshot import open_snapshot

CLAIMS = """region,segment,asserts,sources,evidence,note
town,vehicle,present,src-demo,整车基地,演示：来源称本地有整车
town-park,spindle,strong,src-demo,主轴配套,园区内的主轴（算作演示市）
town,machine,lacking,src-demo,缺整机,来源称缺整机
town,motor,lacking,src-demo,电机不足,与本地企业相矛盾的声称
"""


def _set_coverage(root: Path, lines: str) -> None:
    text = (root / "dataset.yaml").read_text(encoding="utf-8")
    head, _, _ = text.partition("coverage:")
    (root / "dataset.yaml").write_text(head + lines, encoding="utf-8")


def _partial(root: Path) -> Path:
    _set_coverage(root, "coverage:\n  - {region: town, kind: partial, note: 新闻整理}\n")
    return root


def _run(root: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--data", str(root), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_registry_coverage_keeps_missing(tiny: cgr.ChainGraph) -> None:
    report = cgr.gap_report(tiny, "demo-auto")
    assert report.coverage is not None and report.coverage.kind == "registry"
    assert report.segment("vehicle").status == "missing"
    assert report.segment("vehicle").reasons[0].endswith("（企业名录完整，截至 2024-01-01）")
    assert report.completeness_upper == pytest.approx(report.completeness)


def test_partial_coverage_says_not_seen_and_verify(tiny_path: Path) -> None:
    cg = cgr.build_graph(cgr.load_dataset(_partial(tiny_path)))
    report = cgr.gap_report(cg, "demo-tools")
    for segment in ("spindle", "cnc", "machine"):
        gap = report.segment(segment)
        assert gap.status == "unknown" and gap.action == "核实" and gap.action_code == "verify"
        assert "未见≠缺" in gap.reasons[0]
    assert report.counts()["missing"] == 0 and report.counts()["unknown"] == 3
    # a not-seen segment at the end of the chain next to something local: verify, then extend
    auto = cgr.gap_report(cg, "demo-auto")
    vehicle = auto.segment("vehicle")
    assert vehicle.status == "unknown" and vehicle.reasons[-1] == "先核实本地有无企业；确无则延链"
    # priorities are those of the registry report: coverage changes the words, not the ranking
    registry = cgr.gap_report(cgr.build_graph(cgr.load_dataset(write_fresh(tiny_path.parent))), "demo-auto")
    assert [g.segment.id for g in auto.ranked()] == [g.segment.id for g in registry.ranked()]
    assert [g.priority for g in auto.ranked()] == [g.priority for g in registry.ranked()]


def write_fresh(parent: Path) -> Path:
    from chaingraph.dataset.fixtures import write_tiny_dataset

    return write_tiny_dataset(parent / "fresh")


def test_default_coverage_is_partial(tiny_path: Path) -> None:
    _set_coverage(tiny_path, "")
    ds = cgr.load_dataset(tiny_path)
    assert ds.coverage_for("town", "demo-auto").kind == "partial"
    assert cgr.gap_report(cgr.build_graph(ds), "demo-tools").segment("cnc").status == "unknown"


def test_chain_specific_coverage_wins_and_parks_inherit(tiny_path: Path) -> None:
    _set_coverage(tiny_path, "coverage:\n  - {region: land, kind: partial}\n"
                             "  - {region: town, kind: registry, chain: demo-tools, as_of: 2024-01-01}\n")
    ds = cgr.load_dataset(tiny_path)
    assert ds.coverage_for("town-park", "demo-tools").kind == "registry"  # a park inherits its county's
    assert ds.coverage_for("town", "demo-auto").kind == "partial"  # from the country, for the other chain
    cg = cgr.build_graph(ds)
    assert cgr.gap_report(cg, "demo-tools").segment("cnc").status == "missing"
    assert cgr.gap_report(cg, "demo-auto").segment("vehicle").status == "unknown"


def test_claims_change_status_but_never_count_as_firms(tiny_path: Path) -> None:
    (_partial(tiny_path) / "claims.csv").write_text(CLAIMS, encoding="utf-8")
    cg = cgr.build_graph(cgr.load_dataset(tiny_path))
    auto = cgr.gap_report(cg, "demo-auto")
    vehicle = auto.segment("vehicle")
    assert vehicle.status == "claimed" and vehicle.action == "核实" and vehicle.local_firms == []
    assert vehicle.headline == "来源称有：“整车基地”（src-demo）"
    # a contradicting claim is shown, but the local firm decides
    motor = auto.segment("motor")
    assert motor.status == "strong" and any(r.startswith("来源称缺：“电机不足”") for r in motor.reasons)
    # claimed segments are discounted like pipeline ones and lift only the upper completeness bound
    base = cgr.gap_report(cgr.build_graph(cgr.load_dataset(write_fresh(tiny_path.parent))), "demo-auto")
    assert auto.completeness == pytest.approx(base.completeness)
    assert auto.completeness_upper == pytest.approx(base.completeness + 0.9 / 3.1)
    tools = cgr.gap_report(cg, "demo-tools")
    assert tools.segment("spindle").status == "claimed"  # claimed in the park, which is part of 演示市
    assert tools.segment("machine").status == "missing"  # a source says it lacks it: missing even when partial
    assert tools.segment("cnc").status == "unknown"


def test_claims_in_json_csv_and_table(tiny_path: Path) -> None:
    (_partial(tiny_path) / "claims.csv").write_text(CLAIMS, encoding="utf-8")
    data = json.loads(_run(tiny_path, "gaps", "-c", "demo-auto", "--format", "json"))
    assert data["coverage"] == {"kind": "partial", "region": "town", "chain": None, "as_of": None, "sources": [],
                                "note": "新闻整理"}
    assert data["completeness_upper"] > data["completeness"]
    vehicle = next(s for s in data["segments"] if s["id"] == "vehicle")
    assert vehicle["status"] == "claimed" and vehicle["status_label"] == "声称有" and vehicle["action_code"] == "verify"
    assert vehicle["claims"] == [{"source": "src-demo", "sources": ["src-demo"], "evidence": "整车基地",
                                  "asserts": "present", "note": "演示：来源称本地有整车"}]
    for segment in data["segments"]:  # the old fields are all still there
        assert {"id", "name", "tier", "status", "action", "priority", "local_firms", "reasons"} <= set(segment)
    rows = list(csv.DictReader(io.StringIO(_run(tiny_path, "gaps", "-c", "demo-auto", "--format", "csv"))))
    vehicle_row = next(r for r in rows if r["id"] == "vehicle")
    assert vehicle_row["status"] == "claimed" and vehicle_row["coverage"] == "partial"
    assert json.loads(vehicle_row["claims"])[0]["evidence"] == "整车基地"
    table = _run(tiny_path, "gaps", "-c", "demo-auto")
    assert "覆盖：部分覆盖（新闻与整理资料：未见≠缺）" in table
    assert "按来源声称最高" in table and "声称有 1" in table
    chains = _run(tiny_path, "chains")
    auto_line = next(line for line in chains.splitlines() if line.startswith("demo-auto"))
    assert auto_line.split()[-2] == "48%–77%"


def test_claims_in_map_xlsx_and_briefing(tiny_path: Path, tmp_path: Path) -> None:
    import openpyxl

    from chaingraph.outputs.export import briefing_markdown, export
    from chaingraph.outputs.html_map import map_data

    (_partial(tiny_path) / "claims.csv").write_text(CLAIMS, encoding="utf-8")
    cg = cgr.build_graph(cgr.load_dataset(tiny_path))
    data = map_data(cg, chain="demo-auto")
    assert data["segments"]["vehicle"]["claims"][0]["evidence"] == "整车基地"
    assert data["segments"]["vehicle"]["status_label"] == "声称有"
    assert "来源称有：“整车基地”（src-demo）" in data["segments"]["vehicle"]["reasons"]
    assert data["chains"][0]["coverage"].startswith("覆盖：部分覆盖")
    assert {item["status"] for item in data["legend"]} >= {"claimed", "unknown"}
    book = openpyxl.load_workbook(export(cg, "xlsx", tmp_path / "gaps.xlsx", targets=0))
    sheet = book["演示汽车"]
    vehicle = next(row for row in sheet.iter_rows(min_row=5, values_only=True) if row[1] == "整车")
    assert vehicle[3] == "声称有" and vehicle[8] == "称有：整车基地（src-demo）"
    assert "覆盖：部分覆盖" in str(sheet["A2"].value)
    markdown = briefing_markdown(cg)
    assert "覆盖：部分覆盖" in markdown and "| 声称有 |" in markdown


def test_claims_and_coverage_survive_a_write(tiny_path: Path, tmp_path: Path) -> None:
    (_partial(tiny_path) / "claims.csv").write_text(CLAIMS, encoding="utf-8")
    ds = cgr.load_dataset(tiny_path)
    again = cgr.load_dataset(cgr.write_dataset(ds, tmp_path / "copy"))
    assert again.claims == ds.claims and again.info.coverage == ds.info.coverage


@pytest.mark.parametrize(("row", "expected"), [
    ("nowhere,vehicle,present,src-demo,x,", "claims.csv:2: region: unknown region 'nowhere'"),
    ("town,no-such,present,src-demo,x,", "claims.csv:2: segment: unknown segment 'no-such'"),
    ("town,vehicle,perhaps,src-demo,x,", "claims.csv:2: asserts: 'perhaps' is not one of present, strong, lacking"),
    ("town,vehicle,present,,x,", "claims.csv:2: sources: a claim needs the source that makes it"),
    ("town,vehicle,present,nope,x,", "claims.csv:2: sources: unknown source 'nope'"),
])
def test_bad_claims_name_file_line_and_field(tiny_path: Path, row: str, expected: str) -> None:
    (tiny_path / "claims.csv").write_text("region,segment,asserts,sources,evidence,note\n" + row + "\n",
                                          encoding="utf-8")
    problems = [str(p) for p in cgr.validate_dataset(tiny_path)]
    assert any(p.startswith(expected) for p in problems), problems


def test_bad_coverage_is_reported(tiny_path: Path) -> None:
    _set_coverage(tiny_path, "coverage:\n  - {region: town, kind: complete}\n  - {region: mars, kind: partial}\n"
                             "  - {region: town, kind: partial, chain: demo-auto}\n"
                             "  - {region: town, kind: registry, chain: demo-auto}\n")
    problems = [str(p) for p in cgr.validate_dataset(tiny_path)]
    assert any("kind: 'complete' is not one of registry, partial" in p for p in problems), problems
    assert any("coverage.region: unknown region 'mars'" in p for p in problems), problems
    assert any("coverage of town for demo-auto is declared twice" in p for p in problems), problems


def test_snapshot_answers_with_the_same_claims(tiny_path: Path, tmp_path: Path) -> None:
    (_partial(tiny_path) / "claims.csv").write_text(CLAIMS, encoding="utf-8")
    cg = cgr.build_graph(cgr.load_dataset(tiny_path))
    with open_snapshot(tiny_path, cache_dir=tmp_path / "cache") as snap:
        for chain in ("demo-auto", "demo-tools"):
            for region in ("town", "town-park", "other"):
                assert cgr.gap_report(snap, chain, region).to_dict() == cgr.gap_report(cg, chain, region).to_dict()
        assert cgr.find_targets(snap, None, "cnc").to_dict() == cgr.find_targets(cg, None, "cnc").to_dict()


def test_pinghu_machine_tools_no_longer_contradict_the_article(pinghu: cgr.ChainGraph) -> None:
    """The article says Pinghu has a complete machine-tool chain; the report must not call its parts missing."""
    report = cgr.gap_report(pinghu, "machine-tool")
    assert report.coverage is not None and report.coverage.kind == "partial"
    assert report.counts()["missing"] == 0
    for segment in ("mt-fixture", "mt-cutting-tool", "mt-measuring-tool"):
        gap = report.segment(segment)
        assert gap.action == "核实", segment
