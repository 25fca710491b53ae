"""``chaingraph.open``: one entry point that picks the engine as the CLI does and answers the same on each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import chaingraph as cgr
from chaingraph.cli import cli
from chaingraph.sources.synth import generate


def test_open_bundled_dataset_in_memory() -> None:
    with cgr.open() as cg:
        assert cg.backend == "networkx"
        report = cg.gaps("汽车", "平湖")
        assert report.to_dict() == cgr.gap_report(cg.graph, "automotive", "pinghu").to_dict()
        targets = cg.targets("数控系统", chain="machine-tool", limit=3)
        assert len(targets.candidates) == 3 and targets.segment.id == "mt-cnc-system"
        assert [c["id"] for c in cg.chains()] == ["automotive", "machine-tool", "new-materials"]
        assert {f["id"] for f in cg.firms()} >= {"kawaden", "nidec-auto-motor"}
        assert all(p["region"] == "平湖市" for p in cg.projects())


def test_engines_give_identical_answers(tiny_path: Path, tmp_path: Path) -> None:
    memory = cgr.open(tiny_path, "networkx")
    with cgr.open(tiny_path, "snapshot", cache_dir=tmp_path / "cache") as snapshot:
        assert snapshot.backend == "snapshot"
        for chain in ("demo-auto", "demo-tools"):
            assert snapshot.gaps(chain).to_dict() == memory.gaps(chain).to_dict()
        assert snapshot.targets("cnc").to_dict() == memory.targets("cnc").to_dict()
        assert snapshot.chains() == memory.chains()
        assert snapshot.map(chain="demo-auto") == memory.map(chain="demo-auto")


def test_auto_prefers_a_fresh_snapshot(tiny_path: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert cgr.open(tiny_path, cache_dir=cache).backend == "networkx"
    with cgr.open(tiny_path, "snapshot", cache_dir=cache) as compiled:
        compiled.gaps("demo-auto")  # compiles on first use
    assert cgr.open(tiny_path, cache_dir=cache).backend == "snapshot"
    (tiny_path / "links.csv").write_text((tiny_path / "links.csv").read_text(encoding="utf-8") + "\n",
                                         encoding="utf-8")
    assert cgr.open(tiny_path, cache_dir=cache).backend == "networkx"  # stale: not used


def test_auto_uses_a_snapshot_for_large_pools(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from chaingraph import api as engine

    pool = generate(tmp_path / "pool", firms=3000, regions=12, seed=5)
    monkeypatch.setattr(engine, "SNAPSHOT_THRESHOLD_BYTES", (pool / "firms.csv").stat().st_size - 1)
    compiled: list[Path] = []
    with cgr.open(pool, cache_dir=tmp_path / "cache", on_compile=compiled.append) as cg:
        assert cg.backend == "snapshot"
        report = cg.gaps("automotive", "r0000")
        assert compiled and report.coverage is not None and report.coverage.kind == "registry"
        assert report.to_dict() == cgr.gap_report(cgr.build_graph(cgr.load_dataset(pool)), "automotive",
                                                  "r0000").to_dict()


def test_bad_backend_and_option_mix_are_clear_errors(tiny_path: Path) -> None:
    with pytest.raises(cgr.InvalidArgument, match="unknown backend 'sqlite'; choose one of auto, networkx"):
        cgr.open(tiny_path, "sqlite")
    with pytest.raises(cgr.InvalidArgument, match="only with backend='neo4j'"):
        cgr.open(tiny_path, "snapshot", neo4j_dataset="x")


def test_neo4j_engine_without_a_server_is_one_backend_error(tiny_path: Path) -> None:
    with cgr.open(tiny_path, "neo4j") as cg, pytest.raises(cgr.BackendError):
        cg.gaps("demo-auto")


def test_cli_and_library_agree(tiny_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--data", str(tiny_path), "gaps", "-c", "demo-tools", "--format", "json"])
    assert result.exit_code == 0, result.output
    with cgr.open(tiny_path) as cg:
        assert json.loads(result.output) == json.loads(json.dumps(cg.gaps("demo-tools").to_dict()))


def test_export_through_the_engine(tiny_path: Path, tmp_path: Path) -> None:
    with cgr.open(tiny_path) as cg:
        path = cg.export("markdown", tmp_path / "brief.md")
    assert path.read_text(encoding="utf-8").startswith("# 演示市产业链招商简报")


def test_whatif_through_the_engine(tiny_path: Path) -> None:
    with cgr.open(tiny_path) as cg:
        result = cg.whatif("demo-tools", [cgr.Landing("东洋数控", "cnc")])
    assert result.after.segment("cnc").status == "strong"
