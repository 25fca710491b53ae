"""Compiled snapshots give exactly the in-memory results, and are rebuilt whenever a source file changes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import chaingraph as cgr
from chaingraph.analysis.facts import facts_for
from chaingraph.engines.snapshot import SnapshotFacts, open_snapshot, snapshot_path
from chaingraph.sources.synth import generate


def _assert_same_gaps(a: cgr.GapReport, b: cgr.GapReport) -> None:
    assert a.to_dict() == b.to_dict()
    assert [g.density for g in a.segments] == [g.density for g in b.segments]


def _assert_same_targets(a: cgr.TargetList, b: cgr.TargetList) -> None:
    assert a.to_dict() == b.to_dict()


@pytest.fixture(scope="module")
def pool(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("snap") / "pool", firms=6000, regions=30, seed=2)


def test_snapshot_parity_on_generated_pool(pool: Path, tmp_path: Path) -> None:
    cg = cgr.build_graph(cgr.load_dataset(pool))
    with open_snapshot(pool, cache_dir=tmp_path) as snap:
        regions = ["r0000", "r0001", "r0007", "r0029", cg.dataset.regions["r0003"].parent or "r0003"]
        for chain in cg.dataset.chains:
            for region in regions:
                _assert_same_gaps(cgr.gap_report(cg, chain, region), cgr.gap_report(snap, chain, region))
        for segment in ("mt-cnc-system", "auto-drive-motor", "nm-resin", "auto-vehicle"):
            for region in ("r0000", "r0010"):
                for limit in (None, 1, 3, 10):  # with a limit the snapshot ranks in SQL first
                    _assert_same_targets(cgr.find_targets(cg, None, segment, region, limit=limit),
                                         cgr.find_targets(snap, None, segment, region, limit=limit))


def test_snapshot_parity_on_pinghu_and_tiny(tiny_path: Path, tmp_path: Path) -> None:
    for root in (cgr.bundled_dataset_path(), tiny_path):
        cg = cgr.build_graph(cgr.load_dataset(root))
        with open_snapshot(root, cache_dir=tmp_path) as snap:
            assert snap.ds.segment_edges == cg.dataset.segment_edges  # recycle edges keep their kind
            for chain in cg.dataset.chains:
                _assert_same_gaps(cgr.gap_report(cg, chain), cgr.gap_report(snap, chain))
            for segment in cg.dataset.segments:
                for limit in (None, 2, 10):
                    _assert_same_targets(cgr.find_targets(cg, None, segment, limit=limit),
                                         cgr.find_targets(snap, None, segment, limit=limit))


def test_snapshot_is_reused_then_rebuilt_on_change(tiny_path: Path, tmp_path: Path) -> None:
    builds: list[Path] = []
    open_snapshot(tiny_path, cache_dir=tmp_path, on_build=builds.append).close()
    open_snapshot(tiny_path, cache_dir=tmp_path, on_build=builds.append).close()
    assert len(builds) == 1
    links = tiny_path / "links.csv"
    stat = links.stat()
    # same size, same mtime: only the content and the change time differ
    text = links.read_text(encoding="utf-8").replace("cnc-de,cnc,confirmed", "cnc-de,cnc,probable")
    text = text.replace("数控系统\n", "数控系统x\n", 1)
    links.write_text(text, encoding="utf-8")
    os.utime(links, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    with open_snapshot(tiny_path, cache_dir=tmp_path, on_build=builds.append) as snap:
        assert len(builds) == 2
        by_name = {c.firm.name: c for c in cgr.find_targets(snap, None, "cnc").candidates}
        assert by_name["德意数控"].score == pytest.approx(0.8 * (0.7 + 0.4))


def test_broken_dataset_is_never_compiled(tiny_path: Path, tmp_path: Path) -> None:
    links = tiny_path / "links.csv"
    links.write_text(links.read_text(encoding="utf-8").replace("cnc-de,cnc,", "cnc-de,cnc-x,"), encoding="utf-8")
    with pytest.raises(cgr.DatasetError, match="unknown segment 'cnc-x'"):
        open_snapshot(tiny_path, cache_dir=tmp_path)
    assert not snapshot_path(tiny_path, tmp_path).exists()


def test_new_file_invalidates(tiny_path: Path, tmp_path: Path) -> None:
    builds: list[Path] = []
    open_snapshot(tiny_path, cache_dir=tmp_path, on_build=builds.append).close()
    (tiny_path / "ties.csv").unlink()
    open_snapshot(tiny_path, cache_dir=tmp_path, on_build=builds.append).close()
    assert len(builds) == 2


def test_corrupt_snapshot_is_rebuilt(tiny_path: Path, tmp_path: Path) -> None:
    open_snapshot(tiny_path, cache_dir=tmp_path).close()
    snapshot_path(tiny_path, tmp_path).write_bytes(b"not a database")
    with open_snapshot(tiny_path, cache_dir=tmp_path) as snap:
        assert isinstance(snap, SnapshotFacts)
        assert cgr.gap_report(snap, "demo-auto").segment("motor").status == "strong"


def test_quick_statuses_match_full_states(pool: Path, tmp_path: Path) -> None:
    from chaingraph.analysis.facts import facts_for
    from chaingraph.analysis.gaps import status_of_state

    cg = cgr.build_graph(cgr.load_dataset(pool))
    nx_facts = facts_for(cg)
    with open_snapshot(pool, cache_dir=tmp_path) as snap:
        for guessed in (False, True):
            params = cgr.AnalysisParams(count_guessed_links=guessed, strong_min_firms=4)
            for region in ("r0000", "r0005", "r0029", "cn"):
                states = nx_facts.segment_states(list(cg.dataset.segments), region, params)
                expected = {s: status_of_state(state, params) for s, state in states.items()}
                assert snap.segment_statuses(region, params) == expected


def test_maps_from_the_snapshot_alone_are_identical(pool: Path, tiny_path: Path, tmp_path: Path) -> None:
    """A map drawn from the compiled snapshot (no dataset in memory) is byte-identical to one from the graph
    without the time features (year slider, stalled badges), which need the dataset in memory."""
    from chaingraph.outputs.html_map import build_map

    cases = [(cgr.bundled_dataset_path(), [{"chain": "machine-tool"}, {}, {"segment": "驱动电机"}]),
             (tiny_path, [{"chain": "demo-auto"}]),
             (pool, [{"chain": "automotive", "region": "r0000"}, {"segment": "mt-cnc-system", "region": "r0004"}])]
    for root, options in cases:
        cg = cgr.build_graph(cgr.load_dataset(root))
        with open_snapshot(root, cache_dir=tmp_path) as snap:
            for option in options:
                for lang in ("zh", "en"):
                    assert build_map(None, facts=snap, lang=lang, **option) == \
                        build_map(cg, lang=lang, history=False, **option)


def test_summary_table_gives_the_memory_states_counts_and_capped_lists(pool: Path, tmp_path: Path) -> None:
    """The compile-time summary (counts, first firms, projects) answers exactly as the in-memory graph."""
    from chaingraph.analysis.facts import facts_for
    from chaingraph.engines.snapshot import SUMMARY_FIRMS

    cg = cgr.build_graph(cgr.load_dataset(pool))
    nx_facts = facts_for(cg)
    segments = list(cg.dataset.segments)
    capped = 0
    with open_snapshot(pool, cache_dir=tmp_path) as snap:
        for guessed in (False, True):
            params = cgr.AnalysisParams(count_guessed_links=guessed)
            for level in ("county", "city", "province", "country", "park"):
                assert snap.region_segment_counts(level, params) == nx_facts.region_segment_counts(level, params)
            for region in ("r0000", "r0005", "r0029", "cn", cg.dataset.regions["r0003"].parent or "r0003"):
                full = nx_facts.segment_states(segments, region, params)
                for limit in (0, 1, 3, SUMMARY_FIRMS, SUMMARY_FIRMS + 1, None):
                    states = snap.segment_states(segments, region, params, limit=limit)
                    assert states == nx_facts.segment_states(segments, region, params, limit=limit)
                    for segment, state in states.items():
                        assert state.firm_count == len(full[segment].firms)
                        assert state.leader_count == len(full[segment].leaders)
                        assert state.firms == full[segment].firms[:limit]
                        capped += len(state.firms) < state.firm_count
                for chain in cg.dataset.chains.values():
                    ids = [s.id for s in chain.segments]
                    assert snap.local_firm_count(ids, region, params) == nx_facts.local_firm_count(ids, region, params)
    assert capped  # the pool is big enough for the lists to be cut


def test_capped_gap_reports_keep_counts_and_everything_else(pool: Path, tmp_path: Path) -> None:
    cg = cgr.build_graph(cgr.load_dataset(pool))
    with open_snapshot(pool, cache_dir=tmp_path) as snap:
        for limit in (None, 2):
            _assert_same_gaps(cgr.gap_report(cg, "automotive", "cn", firm_limit=limit),
                              cgr.gap_report(snap, "automotive", "cn", firm_limit=limit))
        full = cgr.gap_report(snap, "automotive", "cn", firm_limit=None).to_dict()
        short = cgr.gap_report(snap, "automotive", "cn", firm_limit=2).to_dict()
        assert any(len(s["local_firms"]) > 2 for s in full["segments"])
        for a, b in zip(full["segments"], short["segments"], strict=True):
            assert b["local_firm_count"] == a["local_firm_count"] == len(a["local_firms"])
            assert b["local_firms"] == a["local_firms"][:2]
            assert {k: v for k, v in a.items() if k != "local_firms"} == \
                {k: v for k, v in b.items() if k != "local_firms"}
        assert cgr.chain_summaries(snap, "cn") == cgr.chain_summaries(cg, "cn")


def test_cache_folder_is_the_platform_local_one_unless_overridden(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from chaingraph.engines.snapshot import CACHE_ENV, snapshot_path

    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert snapshot_path(tmp_path / "my-city").parent == tmp_path / "xdg" / "chaingraph"
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "mine"))
    assert snapshot_path(tmp_path / "my-city").parent == tmp_path / "mine"


def test_target_ranking_with_segment_masks_over_several_columns(pool: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The synergy masks of ``operating`` span several columns when there are more segments than bits per column."""
    import chaingraph.engines.snapshot as snapshot

    monkeypatch.setattr(snapshot, "MASK_BITS", 4)
    cg = cgr.build_graph(cgr.load_dataset(pool))
    with open_snapshot(pool, cache_dir=tmp_path, rebuild=True) as snap:
        assert int(snap.meta["mask_columns"]) == -(-len(cg.dataset.segments) // 4) > 1
        for segment in ("mt-cnc-system", "auto-battery", "nm-resin"):
            for region in ("r0000", "r0004"):
                _assert_same_targets(cgr.find_targets(cg, None, segment, region, limit=5),
                                     cgr.find_targets(snap, None, segment, region, limit=5))


@pytest.mark.parametrize("weights", [
    {},  # the defaults: the leaders and large firms set the threshold, the group and tie bonuses decide the rest
    {"bonus_same_group": 0.0, "size_leader": 0.3},  # the leaders no longer lead
    {"confidence_probable": 1.2, "bonus_supply_tie": 2.0, "size_unknown": 1.1},  # a tie outweighs any size
    {"size_small": 1.0, "size_medium": 1.0, "size_large": 1.0, "size_leader": 1.0, "size_unknown": 1.0},  # all tied
    {"bonus_country_fit": -0.5},  # a negative term: ranked without pruning
])
def test_pruned_target_ranking_matches_the_full_one(pool: Path, tmp_path: Path, weights: dict[str, float]) -> None:
    """The snapshot ranks only the firms whose best possible score can reach the list; the answer is the same."""
    params = cgr.AnalysisParams.from_mapping(weights) if weights else None
    cg = cgr.build_graph(cgr.load_dataset(pool))
    with open_snapshot(pool, cache_dir=tmp_path) as snap:
        for segment in ("mt-cnc-system", "auto-battery", "nm-resin", "auto-vehicle"):
            for region in ("r0000", "r0004", "r0011"):
                for limit in (1, 4, 10, 40):
                    _assert_same_targets(cgr.find_targets(cg, None, segment, region, limit=limit, params=params),
                                         cgr.find_targets(snap, None, segment, region, limit=limit, params=params))


def test_local_firm_count_over_any_segments(pool: Path, tmp_path: Path) -> None:
    """Counted in SQL for one segment, a chain or any mix, the same number as the listed in-memory states."""
    cg = cgr.build_graph(cgr.load_dataset(pool))
    nx = facts_for(cg)
    with open_snapshot(pool, cache_dir=tmp_path) as snap:
        mixes = [["mt-cnc-system"], ["mt-cnc-system", "auto-battery"], [s.id for s in cg.dataset.chains["automotive"]
                                                                        .segments], list(cg.dataset.segments)[:7]]
        for region in ("r0000", "r0002", cg.dataset.regions["r0003"].parent or "r0003"):
            for guessed in (False, True):
                p = cgr.AnalysisParams(count_guessed_links=guessed)
                for mix in mixes:
                    assert snap.local_firm_count(mix, region, p) == nx.local_firm_count(mix, region, p)


def test_stored_candidate_counts_match_the_listed_candidates(pool: Path, tiny_path: Path, tmp_path: Path) -> None:
    """The number of candidates comes from the compile's per-home-region counts (``operating_homes``) and the
    projects placed in a region: it must be the number of candidates ``candidates`` lists, for every region."""
    via_only = 0
    for root in (pool, cgr.bundled_dataset_path(), tiny_path):
        with open_snapshot(root, cache_dir=tmp_path) as snap:
            params = snap.params
            via_only += snap.con.execute("SELECT COUNT(*) FROM operating WHERE lrank = 3").fetchone()[0]
            segments = sorted(snap.segments())
            if root == pool:  # every region for a few segments, a few regions for every segment
                pairs = [(s, r) for s in segments[::9] for r in snap.ds.regions]
                pairs += [(s, r) for s in segments for r in ("r0000", "r0007", snap.ds.regions["r0003"].parent)]
            else:
                pairs = [(s, r) for s in segments for r in snap.ds.regions]
            for segment, region in pairs:
                listed = snap.candidates(segment, region, set(), params)  # type: ignore[arg-type]
                assert snap._candidate_count(segment, region) == len(listed), (root, segment, region)
    assert via_only > 0  # firms that operate in a segment only through projects placed in a region were tested


def test_local_firm_count_of_neighbour_segments_counts_each_firm_once(pool: Path, tiny_path: Path,
                                                                      tmp_path: Path) -> None:
    """Distinct local firms over several segments: the snapshot adds the summary's per-segment counts and takes
    away the firms counted in more than one of them (found by the segment masks of ``presence``); the in-memory
    graph lists them."""
    import random

    pick = random.Random(5)
    overlaps = 0
    for root in (pool, cgr.bundled_dataset_path(), tiny_path):
        memory = facts_for(cgr.build_graph(cgr.load_dataset(root)))
        with open_snapshot(root, cache_dir=tmp_path) as snap:
            segments = sorted(snap.segments())
            sets = [[s for s in dict.fromkeys(snap.upstream(t) + snap.downstream(t))] for t in segments]
            sets = [s for s in sets if len(s) > 1]
            sets += [pick.sample(segments, min(len(segments), k)) for k in (2, 3, 5, 12) for _ in range(3)]
            for params in (cgr.AnalysisParams(), cgr.AnalysisParams(count_guessed_links=True)):
                regions = sorted(snap.ds.regions)
                if len(regions) > 20:  # the generated pool: its country, provinces, cities and some counties
                    regions = [r for r in regions if snap.ds.regions[r].kind != "county"] + regions[::7]
                for region in regions:
                    for chosen in sets:
                        expected = memory.local_firm_count(chosen, region, params)
                        assert snap.local_firm_count(chosen, region, params) == expected, (root, region, chosen)
                        each = sum(memory.local_firm_count([s], region, params) for s in set(chosen))
                        overlaps += each > expected
    assert overlaps > 0  # firms local in more than one of the segments were counted once
