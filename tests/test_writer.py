"""Writing datasets: round trips and atomicity."""

from __future__ import annotations

from pathlib import Path

import pytest

import chaingraph as cgr
from chaingraph.dataset import writer


def _same(a: cgr.Dataset, b: cgr.Dataset) -> None:
    assert a.info == b.info
    assert a.chains == b.chains
    assert a.regions == b.regions
    assert a.sources == b.sources
    assert a.groups == b.groups
    assert a.firms == b.firms
    assert a.links == b.links
    assert a.ties == b.ties
    assert a.projects == b.projects
    assert a.region_facts == b.region_facts
    assert a.citations == b.citations


def test_round_trip_tiny(tiny_path: Path, tmp_path: Path) -> None:
    original = cgr.load_dataset(tiny_path)
    out = cgr.write_dataset(original, tmp_path / "out")
    _same(original, cgr.load_dataset(out))
    # writing what was read back changes nothing
    again = cgr.write_dataset(cgr.load_dataset(out), tmp_path / "again")
    for path in sorted(out.rglob("*")):
        if path.is_file():
            assert (again / path.relative_to(out)).read_bytes() == path.read_bytes()


def test_round_trip_pinghu(tmp_path: Path) -> None:
    original = cgr.load_dataset()
    _same(original, cgr.load_dataset(cgr.write_dataset(original, tmp_path / "pinghu")))


def test_round_trip_keeps_graph(tiny_path: Path, tmp_path: Path) -> None:
    import networkx as nx

    g1 = cgr.build_graph(cgr.load_dataset(tiny_path)).graph
    g2 = cgr.build_graph(cgr.load_dataset(cgr.write_dataset(cgr.load_dataset(tiny_path), tmp_path / "o"))).graph
    assert nx.utils.graphs_equal(g1, g2)


def test_failed_write_leaves_old_dataset_intact(tiny_path: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    ds = cgr.load_dataset(tiny_path)
    target = cgr.write_dataset(ds, tmp_path / "target")
    before = {p: p.read_bytes() for p in target.rglob("*") if p.is_file()}
    ds.firms["motor-local"].name = "改名"
    calls = {"n": 0}
    real = os.fsync

    def flaky(fd: int) -> None:  # the disk fills up while the fifth file is flushed
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError(28, "No space left on device")
        real(fd)

    monkeypatch.setattr(os, "fsync", flaky)
    with pytest.raises(cgr.ExportError, match="No space left on device"):
        cgr.write_dataset(ds, target)
    monkeypatch.undo()
    after = {p: p.read_bytes() for p in target.rglob("*") if p.is_file() and p.name != ".chaingraph.lock"}
    assert after == before and calls["n"] == 5
    assert sorted(p.name for p in target.iterdir() if p.name.startswith(".")) == [".chaingraph.lock"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["target", "tiny"]  # no staging folder left behind


def test_atomic_write_text(tmp_path: Path) -> None:
    path = writer.atomic_write_text(tmp_path / "a" / "b.txt", "平湖\n")
    assert path.read_text(encoding="utf-8") == "平湖\n"
    assert [p.name for p in path.parent.iterdir()] == ["b.txt"]


def test_written_files_get_normal_permissions(tmp_path: Path) -> None:
    import os

    mask = os.umask(0o022)
    try:
        path = writer.atomic_write_text(tmp_path / "shared.html", "x")
    finally:
        os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o644


def test_formula_like_cells_are_neutralised_in_the_files_and_read_back_exactly(tiny_path: Path, tmp_path: Path) -> None:
    """Planners open a dataset's CSVs in Excel: a name that would run as a formula is written with a leading '."""
    firms = tiny_path / "firms.csv"
    hostile = '=HYPERLINK("http://evil.example","点我")'
    firms.write_text(firms.read_text(encoding="utf-8").replace("本地钢板", hostile.replace('"', '""').join('""'), 1),
                     encoding="utf-8")
    ds = cgr.load_dataset(tiny_path)
    assert ds.firms["steel-local"].name == hostile
    out = cgr.write_dataset(ds, tmp_path / "copy")
    text = (out / "firms.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text and ',"=HYPERLINK' not in text
    assert cgr.load_dataset(out).firms["steel-local"].name == hostile  # read back exactly
    problems = [str(p) for p in cgr.validate_dataset(out, warnings=True)]
    assert any("firms.csv" in p and "formula" in p for p in problems)  # and still flagged for the planner
