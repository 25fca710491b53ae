"""Gap and target analysis on the tiny dataset, where every expected number can be worked out by hand."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

import chaingraph as cgr
from chaingraph.dataset.fixtures import EXPECTED_STATUS


def test_statuses_match_the_fixture(tiny: cgr.ChainGraph) -> None:
    for chain in ("demo-auto", "demo-tools"):
        report = cgr.gap_report(tiny, chain)
        for gap in report.segments:
            assert gap.status == EXPECTED_STATUS[gap.segment.id], gap.segment.id


def test_completeness_is_importance_weighted(tiny: cgr.ChainGraph) -> None:
    report = cgr.gap_report(tiny, "demo-auto", "演示")
    # steel (weak, 0.5) and motor (strong, 1.0) are covered out of 0.5 + 0.7 + 1.0 + 0.9
    assert report.completeness == pytest.approx(1.5 / 3.1)
    # with pipeline: core (0.7) too
    assert report.completeness_with_pipeline == pytest.approx(2.2 / 3.1)
    assert cgr.gap_report(tiny, "demo-tools").completeness == 0


def test_priority_formula_and_reasons(tiny: cgr.ChainGraph) -> None:
    report = cgr.gap_report(tiny, "demo-auto")
    core = report.segment("core")
    # importance 0.7, pull from strong motor (1.0), push from weak steel (0.5), pipeline discount 0.5
    assert core.priority == pytest.approx(0.7 * 2 * 1.5 / 4 * 0.5)
    assert core.action == "补链"
    assert core.pipeline_projects == ["铁芯项目"]
    assert "下游 驱动电机 强（本地电机）拉动 1.00" in core.reasons
    assert "上游 电工钢 弱（本地钢板）支撑 0.50" in core.reasons
    assert any("铁芯项目（签约 2024-01）" in r for r in core.reasons)
    vehicle = report.segment("vehicle")
    assert vehicle.action == "延链"
    assert vehicle.priority == pytest.approx(0.9 * 1 * 2 / 4)
    steel = report.segment("steel")
    assert steel.action == "强链"
    assert report.segment("motor").priority is None
    assert report.segment("motor").action is None
    assert "龙头：本地电机（世界500强：大集团）" in report.segment("motor").reasons[0]


def test_cross_chain_pull_is_named(tiny: cgr.ChainGraph) -> None:
    machine = cgr.gap_report(tiny, "demo-tools").segment("machine")
    assert "下游 驱动电机［演示汽车］ 强（本地电机）拉动 1.00" in machine.reasons
    # not 延链: nothing local next to it inside its own chain
    assert machine.action == "补链"


def test_ranked_order(tiny: cgr.ChainGraph) -> None:
    ranked = cgr.gap_report(tiny, "demo-auto").ranked()
    priorities = [g.priority for g in ranked if g.priority is not None]
    assert priorities == sorted(priorities, reverse=True)
    assert ranked[-1].status == "strong"


def test_thresholds_are_parameters(tiny: cgr.ChainGraph) -> None:
    strict = cgr.AnalysisParams(leader_makes_strong=False)
    assert cgr.gap_report(tiny, "demo-auto", params=strict).segment("motor").status == "weak"
    loose = cgr.AnalysisParams(strong_min_firms=1)
    assert cgr.gap_report(tiny, "demo-auto", params=loose).segment("steel").status == "strong"


def test_guessed_links_do_not_count_by_default(tiny_path: Path) -> None:
    (tiny_path / "links.csv").write_text(
        (tiny_path / "links.csv").read_text(encoding="utf-8") + "cnc-group,vehicle,guessed,src-demo,\n"
        "steel-local,vehicle,guessed,src-demo,\n", encoding="utf-8")
    cg = cgr.build_graph(cgr.load_dataset(tiny_path))
    assert cgr.gap_report(cg, "demo-auto").segment("vehicle").status == "missing"
    counted = cgr.gap_report(cg, "demo-auto", params=cgr.AnalysisParams(count_guessed_links=True))
    assert counted.segment("vehicle").status == "weak"


def test_lookup_by_name_alias_and_errors(tiny: cgr.ChainGraph) -> None:
    assert cgr.gap_report(tiny, "汽车演示", "演示市").chain.id == "demo-auto"
    with pytest.raises(cgr.LookupFailed, match="unknown chain 'steel-chain'"):
        cgr.gap_report(tiny, "steel-chain")
    with pytest.raises(cgr.LookupFailed, match="unknown region"):
        cgr.gap_report(tiny, "demo-auto", "火星")


def test_targets_rank_and_explain(tiny: cgr.ChainGraph) -> None:
    result = cgr.find_targets(tiny, "demo-tools", "数控系统")
    names = [c.firm.name for c in result.candidates]
    assert names == ["东洋数控", "德意数控", "大集团数控", "华夏数控"]
    top = result.candidates[0]
    # leader and 中日 park fit; its spindles feed machines, which the town lacks: no synergy bonus
    assert top.score == pytest.approx(1.0 + 0.2)
    assert top.reasons == ["细分龙头", "中日演示园 匹配（日本企业）"]
    by_name = {c.firm.name: c for c in result.candidates}
    assert "已为本地 本地电机 供货" in by_name["德意数控"].reasons
    assert by_name["德意数控"].score == pytest.approx(0.7 + 0.4)
    group = by_name["大集团数控"]
    assert "二次招商：同属大集团，本地已有 本地电机" in group.reasons
    assert group.score == pytest.approx(0.5 * (0.45 + 0.3 + 0.5 + 0.2))
    assert by_name["华夏数控"].score == pytest.approx(0.8 * 0.45)
    assert result.total == 4
    assert cgr.find_targets(tiny, None, "cnc", limit=2).candidates == result.candidates[:2]


def test_local_firms_are_never_targets(tiny: cgr.ChainGraph) -> None:
    result = cgr.find_targets(tiny, None, "motor")
    assert result.candidates == [] and result.status == "strong"
    everyone = [c.firm.id for seg in tiny.dataset.segments for c in cgr.find_targets(tiny, None, seg).candidates]
    assert everyone and not any(tiny.is_local(firm, "town") for firm in everyone)


def test_targets_for_another_region(tiny: cgr.ChainGraph) -> None:
    # from the point of view of "other", the town's motor maker is a candidate and 华夏数控 is local
    result = cgr.find_targets(tiny, None, "cnc", region="other")
    assert "华夏数控" not in [c.firm.name for c in result.candidates]
    assert cgr.find_targets(tiny, None, "motor", region="other").candidates[0].firm.id == "motor-local"


def _multi_region_dataset(root: Path) -> Path:
    """Eight counties: some specialise in motors+cores, others in cnc+machines; 'town' has motors only."""
    from chaingraph.dataset.fixtures import write_tiny_dataset

    write_tiny_dataset(root)
    regions = (root / "regions.yaml").read_text(encoding="utf-8")
    firms = (root / "firms.csv").read_text(encoding="utf-8")
    links = (root / "links.csv").read_text(encoding="utf-8")
    for i in range(8):
        regions += f"  - {{id: c{i}, name: 县{i}, kind: county, parent: land}}\n"
        pair = ("motor", "core") if i < 4 else ("cnc", "machine")
        for j, segment in enumerate(itertools.chain(pair, ["steel"] if i % 2 else [])):
            firms += f"f{i}-{j},企业{i}-{j},,,,CN,,,medium,c{i},,,src-demo,\n"
            links += f"f{i}-{j},{segment},confirmed,src-demo,\n"
    (root / "regions.yaml").write_text(regions, encoding="utf-8")
    (root / "firms.csv").write_text(firms, encoding="utf-8")
    (root / "links.csv").write_text(links, encoding="utf-8")
    return root


def test_relatedness_density_enters_priority(tmp_path: Path) -> None:
    cg = cgr.build_graph(cgr.load_dataset(_multi_region_dataset(tmp_path / "multi")))
    report = cgr.gap_report(cg, "demo-auto", "town")
    assert report.relatedness_used
    core = report.segment("core")
    # core co-occurs with motor in the motor counties; town is specialised in motor -> high density
    assert core.density is not None and core.density > 0.5
    assert any(r.startswith("关联密度") and "驱动电机" in r for r in core.reasons)
    tools = cgr.gap_report(cg, "demo-tools", "town")
    assert tools.segment("cnc").density is not None
    assert tools.segment("cnc").density < core.density
    rel = cgr.compute_relatedness(cg, "county")
    assert rel.rca("c0", "motor") > 1 and rel.rca("c0", "cnc") == 0


def test_relatedness_off_with_few_regions(tiny: cgr.ChainGraph) -> None:
    report = cgr.gap_report(tiny, "demo-auto")
    assert not report.relatedness_used
    assert all(g.density is None for g in report.segments)


def test_json_contract(tiny: cgr.ChainGraph) -> None:
    data = cgr.gap_report(tiny, "demo-auto").to_dict()
    assert set(data) >= {"chain", "region", "completeness", "segments"}
    assert set(data["chain"]) >= {"id", "name"} and set(data["region"]) >= {"id", "name"}
    for segment in data["segments"]:
        assert set(segment) >= {"id", "name", "name_en", "tier", "status", "action", "priority", "local_firms",
                                "reasons"}
    targets = cgr.find_targets(tiny, None, "cnc").to_dict()
    assert set(targets) >= {"chain", "segment", "region", "candidates"}
    assert set(targets["candidates"][0]) >= {"firm", "country", "score", "reasons"}


def test_chain_synergy_bonus(tiny_path: Path) -> None:
    (tiny_path / "links.csv").write_text(
        (tiny_path / "links.csv").read_text(encoding="utf-8") + "cnc-cn,core,confirmed,src-demo,\n", encoding="utf-8")
    cg = cgr.build_graph(cgr.load_dataset(tiny_path))
    by_name = {c.firm.name: c for c in cgr.find_targets(cg, None, "cnc").candidates}
    assert "协同：其电机铁芯业务紧邻本地电工钢" in by_name["华夏数控"].reasons
    assert by_name["华夏数控"].score == pytest.approx(0.8 * (0.45 + 0.15))


def test_recycle_edges_change_no_analysis_number(tiny_path: Path) -> None:
    """A recycle edge closes a loop but neither pulls nor pushes: reports, targets and neighbours stay the same."""
    before = cgr.build_graph(cgr.load_dataset(tiny_path))
    chain_file = tiny_path / "chains" / "demo-auto.yaml"
    recycle = "  - [motor, vehicle]\n  - {from: vehicle, to: steel, kind: recycle}\n"
    chain_file.write_text(chain_file.read_text(encoding="utf-8").replace("  - [motor, vehicle]\n", recycle),
                          encoding="utf-8")
    after = cgr.build_graph(cgr.load_dataset(tiny_path))
    assert after.recycles_to("vehicle") == ["steel"] and after.recycled_from("steel") == ["vehicle"]
    for segment in before.dataset.segments:
        assert after.upstream(segment, 3) == before.upstream(segment, 3)
        assert after.downstream(segment, 3) == before.downstream(segment, 3)
        assert cgr.find_targets(after, None, segment).to_dict() == cgr.find_targets(before, None, segment).to_dict()
    for chain in before.dataset.chains:
        assert cgr.gap_report(after, chain).to_dict() == cgr.gap_report(before, chain).to_dict()
    # the edge did matter to the graph: were it a supply edge, vehicle would push steel
    assert "vehicle" not in after.upstream("steel")


def test_pinghu_recycling_loops_do_not_pull(pinghu: cgr.ChainGraph) -> None:
    assert pinghu.recycles_to("auto-catalyst") == ["nm-pgm"]
    assert pinghu.recycled_from("nm-lithium-resources") == ["auto-battery-recycling"]
    assert "auto-catalyst" not in pinghu.upstream("nm-pgm")
    assert "nm-lithium-resources" not in pinghu.downstream("auto-battery-recycling")
    report = cgr.gap_report(pinghu, "新材料")
    assert not any("尾气催化剂" in r for r in report.segment("nm-pgm").reasons)


def test_ranking_score_equals_the_explained_score(pinghu: cgr.ChainGraph) -> None:
    from chaingraph.analysis.facts import facts_for
    from chaingraph.analysis.targets import _score, score_candidate

    facts = facts_for(pinghu)
    params = cgr.AnalysisParams()
    parks = facts.favoured_parks("pinghu")
    names = {s: seg.name for s, seg in facts.segments().items()}
    checked = 0
    for segment in pinghu.dataset.segments:
        for c in facts.candidates(segment, "pinghu", {"auto-drive-motor", "nm-electrical-steel"}, params):
            assert _score(c, parks, params) == score_candidate(c, parks, names, params).score
            checked += 1
    assert checked > 300


def test_ties_rank_in_chain_order_even_when_sums_differ_in_the_last_bit(tiny: cgr.ChainGraph) -> None:
    report = cgr.gap_report(tiny, "demo-auto")
    gaps = [g for g in report.segments if g.priority is not None]
    assert len(gaps) >= 2
    first, second = gaps[0], gaps[1]
    # the same priority summed in two orders: 0.1 + 0.2 + 0.3 != 0.3 + 0.2 + 0.1 in doubles
    first.priority, second.priority = 0.1 + 0.2 + 0.3, 0.3 + 0.2 + 0.1
    assert first.priority != second.priority
    ranked = [g.segment.id for g in report.ranked()]
    assert ranked.index(first.segment.id) < ranked.index(second.segment.id)
    first.priority, second.priority = second.priority, first.priority
    ranked = [g.segment.id for g in report.ranked()]
    assert ranked.index(first.segment.id) < ranked.index(second.segment.id)


def test_density_does_not_depend_on_the_order_segments_come_in() -> None:
    from chaingraph.analysis.relatedness import Relatedness

    # values whose float sum depends on the order they are added in
    values = {"a": 1e16, "b": 1.0, "c": -1e16, "d": 1.0}
    forward = Relatedness("county", ["r"], list(values), {}, {"r": set(values)}, {"s": dict(values)})
    backward = Relatedness("county", ["r"], list(values), {}, {"r": set(values)},
                           {"s": dict(reversed(list(values.items())))})
    assert forward.density("r", "s") == backward.density("r", "s")
