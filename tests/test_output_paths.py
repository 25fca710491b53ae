"""Where outputs go: `-o -` is standard output, a symlink is written through, a full disk leaves no partial
file (exit 6), and an unwritable snapshot cache still answers (or, for `compile`, says why in one line)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from chaingraph.cli import cli
from chaingraph.outputs.export import read_graph


def invoke(*args: str) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout_bytes, result.stderr or repr(result.exception)


@pytest.mark.parametrize("fmt", ["markdown", "graphml", "gexf", "json", "xlsx"])
def test_dash_writes_to_standard_output(tiny_path: Path, tmp_path: Path, fmt: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = invoke("--data", str(tiny_path), "export", "--format", fmt, "-o", "-")
    assert code == 0, err
    assert not (tmp_path / "-").exists()  # not a file named "-"
    if fmt == "markdown":
        assert "演示汽车" in out.decode("utf-8")
    elif fmt == "xlsx":
        assert out.startswith(b"PK")  # a zip: the workbook, for a pipe or a redirect
    else:
        (tmp_path / f"back.{fmt}").write_bytes(out)
        assert "motor" in read_graph(tmp_path / f"back.{fmt}")


@pytest.mark.skipif(os.name == "nt", reason="pseudo-terminals are POSIX")
def test_binary_export_refuses_a_terminal(tiny_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHAINGRAPH_LANG", "en")  # the messages checked here are the English ones
    import pty

    leader, follower = pty.openpty()
    try:
        result = subprocess.run([sys.executable, "-m", "chaingraph", "--data", str(tiny_path), "export", "--format",
                                 "xlsx", "-o", "-"], stdout=follower, stderr=subprocess.PIPE, text=True, timeout=60)
    finally:
        os.close(follower)
        os.close(leader)
    assert result.returncode == 6 and "not written to a terminal" in result.stderr
    assert "Traceback" not in result.stderr


def test_symlink_is_written_through(tiny_path: Path, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "gaps.md").write_text("old briefing", encoding="utf-8")
    link = tmp_path / "gaps.md"
    link.symlink_to(shared / "gaps.md")
    dangling = tmp_path / "new.md"
    dangling.symlink_to(shared / "new.md")
    for path in (link, dangling):
        code, _, err = invoke("--data", str(tiny_path), "export", "--format", "markdown", "-o", str(path))
        assert code == 0, err
        assert path.is_symlink()  # the link stays a link ...
        assert "演示汽车" in path.resolve().read_text(encoding="utf-8")  # ... and its target has the new text
    assert sorted(p.name for p in shared.iterdir()) == ["gaps.md", "new.md"]  # no temporary file left


@pytest.mark.parametrize("fmt", ["xlsx", "markdown", "graphml"])
def test_full_disk_leaves_no_partial_file(tiny_path: Path, tmp_path: Path, fmt: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / f"old.{fmt}").write_bytes(b"the previous export")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    for name in (f"old.{fmt}", f"new.{fmt}"):
        code, _, err = invoke("--data", str(tiny_path), "export", "--format", fmt, "-o", str(out / name))
        assert code == 6 and "No space left on device" in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in out.iterdir()) == [f"old.{fmt}"]  # no new file, no temporary file
    assert (out / f"old.{fmt}").read_bytes() == b"the previous export"


def test_unwritable_snapshot_cache_answers_without_caching(tiny_path: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHAINGRAPH_LANG", "en")  # the messages checked here are the English ones
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("CHAINGRAPH_CACHE", str(blocker))
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    code, out, err = invoke("--data", str(tiny_path), "gaps", "--chain", "demo-auto", "--backend", "snapshot",
                            "--format", "json")
    assert code == 0, err
    assert b'"completeness"' in out
    notes = [line for line in err.splitlines() if "without caching" in line]
    assert len(notes) == 1 and "CHAINGRAPH_CACHE" in notes[0]
    assert list(scratch.iterdir()) == []  # the uncached snapshot was compiled there and deleted after use
    code, _, err = invoke("--data", str(tiny_path), "compile")
    assert code == 6 and "cannot write snapshot" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


LISTINGS = [
    ["chains"], ["gaps", "--chain", "demo-auto"], ["firms"], ["projects"], ["regions"],
    ["targets", "--segment", "cnc"], ["show", "cnc"],
    ["whatif", "--chain", "demo-tools", "--land", "新厂", "--segment", "cnc"],
]


def test_the_note_on_a_written_file_follows_the_language(tiny_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "chains.txt"
    code, out, err = invoke("--data", str(tiny_path), "--lang", "en", "chains", "-o", str(target))
    assert code == 0 and out == b"" and err.startswith("wrote ") and "已写入" not in err
    code, out, err = invoke("--data", str(tiny_path), "chains", "-o", str(target))
    assert code == 0 and err.startswith("已写入 ") and str(target) in err


@pytest.mark.parametrize("args", LISTINGS, ids=lambda a: a[0])
def test_every_listing_takes_output_file(tiny_path: Path, tmp_path: Path, args: list[str]) -> None:
    code, printed, err = invoke("--data", str(tiny_path), *args)
    assert code == 0, err
    target = tmp_path / "out" / "listing.txt"
    code, out, err = invoke("--data", str(tiny_path), *args, "-o", str(target))
    assert code == 0, err
    assert out == b"" and "已写入" in err
    assert target.read_bytes() == printed  # the same text as on standard output, in UTF-8
    code, out, _ = invoke("--data", str(tiny_path), *args, "-o", "-")
    assert code == 0 and out == printed


def test_failed_listing_leaves_the_old_file(tiny_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "gaps.csv"
    target.write_text("old\n", encoding="utf-8")
    code, _, err = invoke("--data", str(tiny_path), "gaps", "--chain", "no-such-chain", "--format", "csv",
                          "-o", str(target))
    assert code == 4 and "no-such-chain" in err
    assert target.read_text(encoding="utf-8") == "old\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_import_reads_standard_input(tiny_path: Path) -> None:
    text = "企业名称,所属环节,国别\n管道企业,电机铁芯,日本\n"
    result = CliRunner().invoke(cli, ["--data", str(tiny_path), "import", "-", "--dry-run"],
                                input=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert "管道企业" in result.output and "dry run" in result.output
