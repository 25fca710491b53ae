"""The compile path's bulk reader (read_for_compile) against the row-by-row reader (load_dataset).

Two properties: on a dataset the bulk reader accepts, the snapshot is the one compiled from load_dataset, table by
table and row by row; and the bulk reader never accepts a folder load_dataset rejects (it answers None, and the
compile then reports the problems through load_dataset, with file, line and field).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from chaingraph.dataset.fixtures import write_tiny_dataset
from chaingraph.dataset.reader import load_dataset, read_for_compile
from chaingraph.dataset.store import bundled_dataset_path
from chaingraph.engines.snapshot import _compile, compile_snapshot, open_snapshot
from chaingraph.errors import DatasetError


def _tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(path)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {name: sorted(con.execute(f"SELECT * FROM {name}").fetchall(), key=repr) for name in names}
    finally:
        con.close()


def _both(root: Path, tmp: Path) -> tuple[dict[str, list[tuple[object, ...]]], dict[str, list[tuple[object, ...]]]]:
    read = read_for_compile(root)
    assert read is not None, "the bulk reader should accept this folder"
    ds, firms, links = read
    assert ds.firms == {} and ds.links == []
    bulk = _compile(ds, firms, links, tmp / "bulk.sqlite", "x")
    rows = compile_snapshot(load_dataset(root), tmp / "rows.sqlite", "x")
    return _tables(bulk), _tables(rows)


def _copy(tmp: Path, source: Path | None = None) -> Path:
    root = tmp / "data"
    if source is None:
        write_tiny_dataset(root)
    else:
        shutil.copytree(source, root)
    return root


@pytest.mark.parametrize("source", [None, bundled_dataset_path()], ids=["tiny", "pinghu"])
def test_bulk_compile_gives_the_same_snapshot(tmp_path: Path, source: Path | None) -> None:
    bulk, rows = _both(_copy(tmp_path, source), tmp_path)
    assert bulk.keys() == rows.keys()
    for table in rows:
        assert bulk[table] == rows[table], table
    assert len(rows["firms"]) > 5 and len(rows["presence"]) > 5


def _edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Cells the bulk reader reads as the row-by-row reader does (stripped, restored, spelled otherwise), and columns it
# must do without: the snapshots must still be identical.
PLAIN = {
    "spaces around cells": ("firms.csv", "cnc-de,德意数控,,,,DE,,,large,,德国,,src-demo,",
                            " cnc-de , 德意数控 ,,,, DE ,,, large ,, 德国 ,, src-demo ,"),
    "a neutralised cell": ("firms.csv", "cnc-de,德意数控,", "cnc-de,'=德意数控,"),
    "fortune500 spelled Yes": ("firms.csv", "JP,big-group,,medium", "JP,big-group,Yes,medium"),
    "two sources with spaces": ("links.csv", "cnc-jp,cnc,confirmed,src-demo,", "cnc-jp,cnc,, src-demo | src-demo ,"),
    "spaces in a link": ("links.csv", "cnc-de,cnc,confirmed,", " cnc-de , cnc , probable ,"),
    "a quoted cell": ("links.csv", "cnc-cn,cnc,probable,src-demo,数控系统", 'cnc-cn,cnc,probable,src-demo,"数控,系统"'),
}


@pytest.mark.parametrize("case", sorted(PLAIN))
def test_bulk_reads_plain_variants_as_the_row_reader(tmp_path: Path, case: str) -> None:
    root = _copy(tmp_path)
    _edit(root, *PLAIN[case])
    bulk, rows = _both(root, tmp_path)
    assert bulk == rows


def test_bulk_without_optional_columns(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / "firms.csv").write_text("id,name\nmotor-local,本地电机\nsteel-local,本地钢板\ncore-newco,铁芯新公司\n"
                                    "cnc-jp,东洋数控\ncnc-de,德意数控\ncnc-cn,华夏数控\ncnc-group,大集团数控\n",
                                    encoding="utf-8")
    (root / "links.csv").write_text("segment,firm\nmotor,motor-local\ncnc,cnc-jp\n", encoding="utf-8")
    bulk, rows = _both(root, tmp_path)
    assert bulk == rows


# Every one of these is a problem (or a row the reader skips): the bulk reader must hand over to load_dataset.
NOT_PLAIN = {
    "bad firm id": ("firms.csv", "cnc-de,德意数控", "CNC DE,德意数控"),
    "firm id ending in -": ("firms.csv", "cnc-de,德意数控", "cnc-de-,德意数控"),
    "firm id too long": ("firms.csv", "cnc-de,德意数控", "c" * 65 + ",德意数控"),
    "firm without a name": ("firms.csv", "cnc-de,德意数控", "cnc-de,"),
    "unknown country": ("firms.csv", "cnc-de,德意数控,,,,DE", "cnc-de,德意数控,,,,XX"),
    "unknown group": ("firms.csv", "cnc-group,大集团数控,,,,JP,big-group", "cnc-group,大集团数控,,,,JP,no-group"),
    "bad fortune500": ("firms.csv", "JP,big-group,,medium", "JP,big-group,maybe,medium"),
    "bad size": ("firms.csv", "DE,,,large,", "DE,,,huge,"),
    "unknown region": ("firms.csv", "medium,other,", "medium,elsewhere,"),
    "unknown firm source": ("firms.csv", "large,,德国,,src-demo", "large,,德国,,nope"),
    "firm id given twice": ("firms.csv", "cnc-de,德意数控", "cnc-jp,德意数控"),
    "firm id of a region": ("firms.csv", "cnc-de,德意数控", "town,德意数控"),
    "ragged firm row": ("firms.csv", "cnc-de,德意数控,", "cnc-de,德意数控,,"),
    "blank firm line": ("firms.csv", "cnc-de,德意数控", "\ncnc-de,德意数控"),
    "cell over the csv field limit": ("firms.csv", "cnc-de,德意数控", "cnc-de," + "数" * 140_000),
    "control character": ("firms.csv", "cnc-de,德意数控", "cnc-de,德意\x07数控"),
    "unknown firm column": ("firms.csv", "id,name,", "id,name,shoe_size,"),
    "unknown link firm": ("links.csv", "cnc-de,cnc", "cnc-xx,cnc"),
    "unknown link segment": ("links.csv", "cnc-de,cnc", "cnc-de,cnc-x"),
    "link given twice": ("links.csv", "cnc-de,cnc", "cnc-jp,cnc"),
    "bad confidence": ("links.csv", "cnc-de,cnc,confirmed", "cnc-de,cnc,sure"),
    "unknown link source": ("links.csv", "cnc-de,cnc,confirmed,src-demo", "cnc-de,cnc,confirmed,src-demo|nope"),
    "bad link source id": ("links.csv", "cnc-de,cnc,confirmed,src-demo", "cnc-de,cnc,confirmed,Src Demo"),
    "empty link firm": ("links.csv", "cnc-de,cnc", ",cnc"),
    "malformed CSV": ("links.csv", "cnc-de,cnc,confirmed", 'cnc-de,cnc,"confirmed'),
    "tie to an unknown firm": ("ties.csv", "cnc-de,motor-local", "cnc-xx,motor-local"),
    "project of an unknown firm": ("projects.csv", "铁芯项目,core-newco", "铁芯项目,core-xx"),
}


@pytest.mark.parametrize("case", sorted(NOT_PLAIN))
def test_bulk_hands_over_what_it_cannot_judge(tmp_path: Path, case: str) -> None:
    root = _copy(tmp_path)
    _edit(root, *NOT_PLAIN[case])
    assert read_for_compile(root) is None
    if case != "blank firm line":  # a blank line is skipped by both readers; only the bulk one hands it over
        with pytest.raises(DatasetError):
            load_dataset(root)


def test_a_bad_row_is_reported_with_file_line_and_field_by_the_compile(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _edit(root, *NOT_PLAIN["unknown region"])
    with pytest.raises(DatasetError) as caught:
        open_snapshot(root, cache_dir=tmp_path / "cache")
    problems = caught.value.problems
    assert [(p.file, p.line, p.field) for p in problems] == [("firms.csv", 7, "region")]
    assert "unknown region 'elsewhere'" in problems[0].message


def test_blank_line_falls_back_and_still_compiles(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _edit(root, *NOT_PLAIN["blank firm line"])
    with open_snapshot(root, cache_dir=tmp_path / "cache") as facts:
        assert facts.firm_lookup("cnc-de") is not None


def _rows_of(chunks: object) -> list[tuple[str, ...]] | None:
    """The rows of a chunked reading (header first), or None when a chunk is ragged."""
    rows: list[tuple[str, ...]] = []
    for columns in chunks:  # type: ignore[attr-defined]
        if not columns:
            return None
        rows.extend(zip(*columns, strict=True))
    return rows


PARSER_TEXTS = {
    "plain": "id,name\na,甲\nb,乙\n",
    "no final newline": "id,name\na,甲\nb,乙",
    "empty cells": "id,name,x\n,,\na,,\n,b,\n",
    "spaces kept for the strip": "id,name\n a , 甲 \n",
    "header only": "id,name\n",
    "header without newline": "id,name",
    "a blank line after the last": "id,name\na,b\n\n",
    "a blank line inside": "id,name\na,b\n\nc,d\n",
    "a ragged line": "id,name\na,b,c\nd,e\n",
    "a short line": "id,name\na\nd,e\n",
    "a neutralised cell": "id,name\na,'=甲\n",
    "other separators stay in cells": "id,name\na;b\tc,\u3000d\u2028e\x85\n",
}


@pytest.mark.parametrize("case", sorted(PARSER_TEXTS))
def test_plain_parser_reads_as_the_csv_module(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from chaingraph.dataset import reader

    text = PARSER_TEXTS[case]
    assert reader._is_plain(text)
    expected = _rows_of(reader._csv_chunks(text))
    assert _rows_of(reader._plain_chunks(text)) == expected
    monkeypatch.setattr(reader, "_PLAIN_CHARS", 1)  # a chunk per line or two: the seams must not show
    assert _rows_of(reader._plain_chunks(text)) == expected


def test_plain_parser_reads_a_synthetic_pool_as_the_csv_module(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from chaingraph.cli import main
    from chaingraph.dataset import reader

    with pytest.raises(SystemExit) as done:
        main(["synth", "--firms", "3000", "--regions", "5", "--seed", "3", "-o", str(tmp_path / "pool")])
    assert done.value.code in (0, None)
    monkeypatch.setattr(reader, "_PLAIN_CHARS", 5000)  # many chunks
    for name in ("firms.csv", "links.csv", "projects.csv", "ties.csv"):
        text = (tmp_path / "pool" / name).read_text(encoding="utf-8")
        assert reader._is_plain(text), name
        rows = _rows_of(reader._plain_chunks(text))
        assert rows is not None and len(rows) > 50
        assert rows == _rows_of(reader._csv_chunks(text)), name


@pytest.mark.parametrize("text", ['id,name\na,"b"\n', "id,name\r\na,b\r\n", "id,name\ra,b\r"])
def test_quotes_and_carriage_returns_go_to_the_csv_module(text: str) -> None:
    from chaingraph.dataset import reader

    assert not reader._is_plain(text)


def test_crlf_files_compile_to_the_same_snapshot(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    for name in ("firms.csv", "links.csv"):
        path = root / name
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    bulk, rows = _both(root, tmp_path)
    assert bulk == rows
