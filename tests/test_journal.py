"""Multi-file changes are all or nothing: unit tests of the journal, and kill -9 at every point of a real import,
merge and merge --undo (short loops here; benchmarks/reliability_loops.py runs hundreds)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chaingraph import load_dataset
from chaingraph.dataset.journal import CRASH_ENV, JOURNAL_NAME, STAGING_NAME, Transaction, recover
from chaingraph.errors import ExportError

CHAINGRAPH = [sys.executable, "-m", "chaingraph"]


def data_files(root: Path) -> dict[str, bytes]:
    """The dataset's own files (what a reader sees): not the lock, backups, staged files or journal."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not p.relative_to(root).parts[0].startswith(".chaingraph")}


def strays(root: Path) -> list[str]:
    """Anything a change may leave behind that it should not: staging, journal, temporary files."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                  if p.name.startswith((STAGING_NAME, JOURNAL_NAME)) or p.suffix == ".tmp")


def run(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CHAINGRAPH, *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def here(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI in this process (no process start-up: the suite stays short), as :func:`run` reports it."""
    from click.testing import CliRunner

    from chaingraph.cli import cli

    result = CliRunner().invoke(cli, list(args))
    return subprocess.CompletedProcess(list(args), result.exit_code, result.stdout, result.stderr)


def in_process(*args: str) -> int:
    return here(*args).returncode


def sheet(tmp_path: Path, name: str, firms: list[str]) -> Path:
    path = tmp_path / f"{name}.csv"
    path.write_text("企业名称,所属环节,所在园区,国别\n" + "".join(f"{f},驱动电机,演示市,中国\n" for f in firms),
                    encoding="utf-8")
    return path


def proposed(tmp_path: Path, name: str, firm: str) -> Path:
    path = tmp_path / f"{name}.proposed.csv"
    path.write_text("record,key,field,value,evidence\n"
                    f"source,news-{name},title,{name} 新闻,\nsource,news-{name},date,2024-05-01,\n"
                    f"firm,{firm},name,{firm},{firm}签约\nfirm,{firm},country,JP,日资\n", encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------------ unit


def test_commit_replaces_creates_and_deletes_together(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("old a")
    (tmp_path / "gone.csv").write_text("bye")
    (tmp_path / "keep.csv").write_text("keep")
    with Transaction(tmp_path) as txn:
        txn.write_text("a.csv", "new a")
        txn.write_text("sub/b.csv", "new b")
        txn.delete("gone.csv")
        view = txn.preview()
        assert (view / "a.csv").read_text() == "new a" and (view / "keep.csv").read_text() == "keep"
        assert not (view / "gone.csv").exists()
        assert (tmp_path / "a.csv").read_text() == "old a"  # nothing moves before the commit
        txn.commit()
    assert data_files(tmp_path) == {"a.csv": b"new a", "keep.csv": b"keep", "sub/b.csv": b"new b"}
    assert strays(tmp_path) == []


def test_leaving_without_commit_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("old a")
    with pytest.raises(RuntimeError), Transaction(tmp_path) as txn:
        txn.write_text("a.csv", "new a")
        raise RuntimeError("planner failed")
    assert data_files(tmp_path) == {"a.csv": b"old a"} and strays(tmp_path) == []


def test_a_file_held_by_another_program_undoes_the_swaps_done(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # Windows refuses to replace a file Excel has open; emulate that for b.csv only
    for name in ("a.csv", "b.csv", "c.csv"):
        (tmp_path / name).write_text(f"old {name}")
    real_replace = os.replace

    def replace(src: object, dst: object) -> None:
        if Path(str(dst)).name == "b.csv" and STAGING_NAME in str(src) and "old" not in Path(str(src)).parts:
            raise PermissionError(13, "The process cannot access the file because it is being used")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(ExportError, match=r"b\.csv.*open in another program.*nothing was changed"), \
            Transaction(tmp_path) as txn:
        for name in ("a.csv", "b.csv", "c.csv"):
            txn.write_text(name, f"new {name}")
        txn.commit()
    assert data_files(tmp_path) == {n: f"old {n}".encode() for n in ("a.csv", "b.csv", "c.csv")}
    assert strays(tmp_path) == []


def test_works_while_another_file_of_the_folder_is_open(tiny_path: Path, tmp_path: Path) -> None:
    # Excel holding regions.yaml open: the old import renamed the whole folder, which Windows then refuses
    with open(tiny_path / "regions.yaml", "rb"):
        result = here("--data", str(tiny_path), "import", str(sheet(tmp_path, "s", ["开着文件也能导入"])))
    assert result.returncode == 0, result.stderr
    assert load_dataset(tiny_path).firm("开着文件也能导入")


def test_import_after_merge_keeps_the_merge_backup(tiny_path: Path, tmp_path: Path) -> None:
    assert here("--data", str(tiny_path), "merge", str(proposed(tmp_path, "m", "合并新企业"))).returncode == 0
    backups = sorted((tiny_path / ".chaingraph-backups").iterdir())
    assert len(backups) == 1
    assert here("--data", str(tiny_path), "import", str(sheet(tmp_path, "s", ["导入新企业"]))).returncode == 0
    assert sorted((tiny_path / ".chaingraph-backups").iterdir()) == backups
    # the import changed firms.csv after the merge: undo names it and refuses ...
    refused = here("--data", str(tiny_path), "merge", "--undo")
    assert refused.returncode == 1 and "firms.csv" in refused.stderr and "--force" in refused.stderr
    assert refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
    assert load_dataset(tiny_path).firm("导入新企业")
    # --force may overwrite edits, but never leaves an invalid dataset: the import linked its firm to a source
    # the undo would remove
    forced = here("--data", str(tiny_path), "merge", "--undo", "--force")
    assert forced.returncode == 3 and "links.csv" in forced.stderr and "nothing was changed" in forced.stderr
    assert load_dataset(tiny_path).firm("导入新企业")


def test_undo_after_a_hand_edit_names_the_file_and_force_overwrites(tiny_path: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHAINGRAPH_LANG", "en")  # the messages checked here are the English ones
    before = data_files(tiny_path)
    assert here("--data", str(tiny_path), "merge", str(proposed(tmp_path, "m", "合并新企业"))).returncode == 0
    firms = tiny_path / "firms.csv"
    firms.write_text(firms.read_text(encoding="utf-8").replace("合并新企业", "合并新企业（手改）"), encoding="utf-8")
    refused = here("--data", str(tiny_path), "merge", "--undo")
    assert refused.returncode == 1 and "firms.csv changed after the merge" in refused.stderr
    assert "合并新企业（手改）" in firms.read_text(encoding="utf-8")
    forced = here("--data", str(tiny_path), "merge", "--undo", "--force")
    assert forced.returncode == 0, forced.stderr
    assert data_files(tiny_path) == before and not (tiny_path / ".chaingraph-backups").exists()


@pytest.mark.parametrize("manifest", ["{not json", "[]", '{"files": "firms.csv"}',
                                      '{"files": ["../../etc/passwd"], "created": []}',
                                      '{"files": ["firms.csv"], "created": []}'])
def test_undo_with_a_corrupt_manifest_is_one_line(tiny_path: Path, tmp_path: Path, manifest: str) -> None:
    before = data_files(tiny_path)
    backup = tiny_path / ".chaingraph-backups" / "20240101T000000000000"
    backup.mkdir(parents=True)
    (backup / "manifest.json").write_text(manifest, encoding="utf-8")
    result = here("--data", str(tiny_path), "merge", "--undo")
    assert result.returncode == 3, result.stderr
    assert "manifest.json" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 2  # the dataset-error heading and its one problem
    assert data_files(tiny_path) == before


def test_recover_rolls_a_committed_journal_forward(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("old a")
    (tmp_path / "b.csv").write_text("old b")
    staged = tmp_path / STAGING_NAME / "new"
    staged.mkdir(parents=True)
    (staged / "b.csv").write_text("new b")
    (tmp_path / "a.csv").write_text("new a")  # a.csv was swapped in before the crash, b.csv not yet
    ops = [{"op": "replace", "src": f"{STAGING_NAME}/new/a.csv", "dst": "a.csv"},
           {"op": "replace", "src": f"{STAGING_NAME}/new/b.csv", "dst": "b.csv"}]
    (tmp_path / JOURNAL_NAME).write_text(json.dumps({"version": 1, "ops": ops}))
    assert recover(tmp_path) == "rolled forward"
    assert data_files(tmp_path) == {"a.csv": b"new a", "b.csv": b"new b"} and strays(tmp_path) == []
    assert recover(tmp_path) is None


# ------------------------------------------------------------------------------------------------ kill -9

CRASH_POINTS = ["staged", "journal", "swap:0", "swap:1", "swapped"]


def _outcome(root: Path, old: dict[str, bytes], new: dict[str, bytes]) -> str:
    files = data_files(root)
    return "old" if files == old else "new" if files == new else "MIXED"


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is a POSIX signal")
@pytest.mark.parametrize("command", ["import", "merge", "undo"])
def test_kill_at_every_point_leaves_old_or_new(tiny_path: Path, tmp_path: Path, command: str) -> None:
    import shutil

    template = tmp_path / "template"
    shutil.copytree(tiny_path, template)
    if command == "undo":
        assert in_process("--data", str(template), "merge", str(proposed(tmp_path, "m", "撤销用企业"))) == 0
    args = {"import": ["import", str(sheet(tmp_path, "s", ["崩溃测试企业", "崩溃测试二"]))],
            "merge": ["merge", str(proposed(tmp_path, "n", "崩溃合并企业"))],
            "undo": ["merge", "--undo"]}[command]
    reference = tmp_path / "reference"
    shutil.copytree(template, reference)
    assert in_process("--data", str(reference), *args) == 0
    old, new = data_files(template), data_files(reference)
    assert old != new
    # every point for import; merge and undo share the same commit code, so the suite checks them at the points
    # around the swaps (benchmarks/reliability_loops.py runs every point of every command)
    for point in CRASH_POINTS if command == "import" else ("staged", "swap:0", "swapped"):
        root = tmp_path / f"crash-{point.replace(':', '-')}"
        shutil.copytree(template, root)
        crashed = run("--data", str(root), *args, env={CRASH_ENV: point})
        assert crashed.returncode == -signal.SIGKILL, (point, crashed.stderr)
        raw = _outcome(root, old, new)
        # on disk, a crash between two swaps leaves a mix, but always with the journal that completes it
        assert raw == "old" if point == "staged" else raw in ("old", "new") or (root / JOURNAL_NAME).exists(), point
        # the next command of any kind finishes the change, reads a valid dataset and leaves nothing behind
        load_dataset(root)  # what every command does first (in-process here: the suite stays short)
        assert _outcome(root, old, new) == ("old" if point == "staged" else "new"), point
        assert strays(root) == [], point
        if command != "undo":
            backups = list((root / ".chaingraph-backups").glob("*")) if command == "merge" else []
            assert len(backups) == (0 if point == "staged" or command == "import" else 1), point


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is a POSIX signal")
def test_kill_at_random_times(tiny_path: Path, tmp_path: Path) -> None:
    import random
    import shutil

    rng = random.Random(13)
    template = tmp_path / "template"
    shutil.copytree(tiny_path, template)
    source = sheet(tmp_path, "s", [f"随机企业{i}" for i in range(30)])
    reference = tmp_path / "reference"
    shutil.copytree(template, reference)
    started = time.perf_counter()
    assert run("--data", str(reference), "import", str(source)).returncode == 0
    took = time.perf_counter() - started  # a real process: the kills below land within its run
    old, new = data_files(template), data_files(reference)
    for i in range(3):
        root = tmp_path / f"random-{i}"
        shutil.copytree(template, root)
        process = subprocess.Popen([*CHAINGRAPH, "--data", str(root), "import", str(source)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, took))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert _outcome(root, old, new) in ("old", "new") or (root / JOURNAL_NAME).exists()
        load_dataset(root)
        assert _outcome(root, old, new) in ("old", "new") and strays(root) == []
