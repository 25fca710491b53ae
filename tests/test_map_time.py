"""The map over time: the year slider's statuses (computed at build time) and the ledger's stalled badges."""

from __future__ import annotations

import json
import re
from pathlib import Path

import chaingraph as cgr
from chaingraph.analysis.asof import dataset_as_of
from chaingraph.analysis.gaps import gap_report
from chaingraph.dataset.fixtures import write_tiny_dataset
from chaingraph.outputs.html_map import build_map, map_data
from chaingraph.outputs.map_time import MAX_YEARS, history_years


def _json_block(page: str) -> dict:  # type: ignore[type-arg]
    match = re.search(r'<script type="application/json" id="chain-map-data">(.*?)</script>', page, re.S)
    assert match
    return json.loads(match.group(1))  # type: ignore[no-any-return]


def test_each_year_holds_the_statuses_of_the_chain_as_of_its_end(pinghu: cgr.ChainGraph) -> None:
    data = map_data(pinghu, chain="machine-tool")
    steps = data["timeline"]["steps"]
    assert [s["label"] for s in steps][-1] == "2024-10-11" and data["timeline"]["current"] == len(steps) - 1
    assert len(steps) == MAX_YEARS + 1  # Pinghu's sources go back further than the slider does
    for step in (steps[0], steps[-4], steps[-2]):
        then = cgr.build_graph(dataset_as_of(pinghu.dataset, step["as_of"]))
        for chain in ("machine-tool", "automotive"):
            report = gap_report(then, chain, "pinghu")
            assert {g.segment.id: g.status for g in report.segments}.items() <= step["statuses"].items()
            assert step["chains"][chain]["completeness"] == f"{report.completeness:.0%}"
    # 金属切削机床: projects signed in 2021 and 2022 (pipeline), 日本电产机床 operating since 2024-10-11
    by_label = {s["label"]: s["statuses"]["mt-machine"] for s in steps}
    assert by_label["2020 年底"] == "unknown" and by_label["2023 年底"] == "pipeline"
    assert by_label["2024-10-11"] == "weak" == data["segments"]["mt-machine"]["status"]


def test_years_follow_the_history_and_a_dataset_without_one_has_no_slider(tmp_path: Path) -> None:
    ds = cgr.load_dataset(write_tiny_dataset(tmp_path / "tiny"))
    assert history_years(ds) == []  # everything is dated in 2024, the dataset's own year
    page = build_map(cgr.build_graph(ds), chain="demo-auto")
    assert _json_block(page)["timeline"] is None
    assert 'id="year-slider"' in page  # the control is there, hidden: the script shows it only with a timeline
    root = write_tiny_dataset(tmp_path / "older")
    (root / "events.csv").write_text("project,date,kind,amount,sources,evidence,note\n"
                                     "core-project,2021-03,signed,,src-demo,,\n", encoding="utf-8")
    older = cgr.load_dataset(root)
    assert history_years(older) == [2021, 2022, 2023]
    steps = map_data(cgr.build_graph(older), chain="demo-auto")["timeline"]["steps"]
    assert [s["as_of"] for s in steps] == ["2021-12-31", "2022-12-31", "2023-12-31", "2024-01-15"]
    assert [s["statuses"]["core"] for s in steps] == ["pipeline"] * 4
    assert map_data(cgr.build_graph(older), chain="demo-auto", history=False)["timeline"] is None


def test_stalled_projects_carry_the_ledger_reason_and_a_badge(pinghu: cgr.ChainGraph) -> None:
    from chaingraph.analysis.ledger import project_ledger

    page = build_map(pinghu, chain="machine-tool")
    data = _json_block(page)
    ledger = {e["id"]: e for e in project_ledger(pinghu.dataset)}
    for pid, project in data["projects"].items():
        assert project["stalled"] == (ledger[pid]["stalled_reason"] or "")
    stalled = [pid for pid, p in data["projects"].items() if p["stalled"]]
    assert stalled == ["dmg-mori-pinghu", "zhongjin-precision-pinghu"]
    labels = {n["project"]: n["label"] for n in data["nodes"] if n["kind"] == "project"}
    assert all(labels[p].startswith("⚠ ") for p in stalled)
    assert data["segments"]["mt-machine"]["stalled"] == 2
    # the segment's own label says so only when it rests on projects (pipeline): here a local firm carries it
    assert "停滞" not in next(n for n in data["nodes"] if n["id"] == "mt-machine")["label"]
    resin = next(n for n in map_data(pinghu, chain="new-materials")["nodes"] if n["id"] == "nm-resin")
    assert resin["label"].split("\n")[-2:] == ["在途项目 1 个", "⚠1停滞"]
    # the reason is text in the data, never markup in the page
    assert "签约 33 个月未见开工记录" not in page.split('id="chain-map-data">', 1)[0]


def test_a_map_from_the_snapshot_has_the_stalled_badges_too(pinghu: cgr.ChainGraph, tmp_path: Path) -> None:
    """The snapshot stores the ledger's stalled reason of each project: a national pool's map (drawn from the
    snapshot alone) marks the same projects ⚠ with the same reason, in either language."""
    from chaingraph.engines.snapshot import open_snapshot

    with open_snapshot(cgr.bundled_dataset_path(), cache_dir=tmp_path) as snap:
        for lang in ("zh", "en"):
            from_snapshot = map_data(None, facts=snap, lang=lang)["projects"]
            from_graph = map_data(pinghu, lang=lang)["projects"]
            assert {p: v["stalled"] for p, v in from_snapshot.items()} == \
                {p: v["stalled"] for p, v in from_graph.items()}
            assert sum(1 for v in from_snapshot.values() if v["stalled"]) >= 3
