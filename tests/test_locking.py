"""One writer at a time per dataset: concurrent import / merge from real processes never lose a reported success,
a busy dataset is refused with the holder's pid, and the lock of a killed process is taken over at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_journal import proposed, sheet, strays

from chaingraph import load_dataset
from chaingraph.dataset.journal import PAUSE_ENV
from chaingraph.dataset.locking import dataset_lock, holder

CHAINGRAPH = [sys.executable, "-m", "chaingraph"]


def start(*args: str, pause: float = 0.0) -> subprocess.Popen[str]:
    env = {**os.environ, PAUSE_ENV: f"staged={pause}"} if pause else dict(os.environ)
    return subprocess.Popen([*CHAINGRAPH, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    _, err = process.communicate(timeout=60)
    return process.returncode, err


def names(root: Path) -> set[str]:
    return {f.name for f in load_dataset(root).firms.values()}


@pytest.mark.parametrize("pair", ["import+import", "merge+merge", "merge+import"])
def test_two_writers_at_once_both_changes_kept(tiny_path: Path, tmp_path: Path, pair: str) -> None:
    first_kind, second_kind = pair.split("+")

    def args(kind: str, tag: str) -> list[str]:
        firm = {"a": "并发甲企业", "b": "并发乙企业"}[tag]
        if kind == "import":
            return ["--data", str(tiny_path), "import", str(sheet(tmp_path, tag, [firm]))]
        return ["--data", str(tiny_path), "merge", str(proposed(tmp_path, tag, firm))]

    # each writer sleeps between reading the dataset and swapping its files in: without the lock the second
    # would read the old files too and its write would drop the first one's firm
    first = start(*args(first_kind, "a"), pause=0.6)
    second = start(*args(second_kind, "b"), pause=0.6)
    results = [finish(first), finish(second)]
    assert [code for code, _ in results] == [0, 0], results
    assert {"并发甲企业", "并发乙企业"} <= names(tiny_path)
    assert strays(tiny_path) == []


def test_busy_dataset_is_refused_with_the_holders_pid(tiny_path: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHAINGRAPH_LANG", "en")  # the messages checked here are the English ones
    first = start("--data", str(tiny_path), "import", str(sheet(tmp_path, "a", ["先来企业"])), pause=2.0)
    deadline = time.monotonic() + 20
    while holder(tiny_path) is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert holder(tiny_path) is not None and holder(tiny_path)["pid"] == first.pid  # type: ignore[index]
    second = subprocess.run([*CHAINGRAPH, "--data", str(tiny_path), "import", str(sheet(tmp_path, "b", ["后来企业"])),
                             "--wait", "0"], capture_output=True, text=True, timeout=60)
    assert second.returncode == 7
    assert second.stderr.count("\n") == 1 and "Traceback" not in second.stderr
    assert f"is being changed by another process (pid {first.pid}, chaingraph import, since " in second.stderr
    assert "--wait" in second.stderr
    assert finish(first)[0] == 0  # the first one is not disturbed
    assert "先来企业" in names(tiny_path) and "后来企业" not in names(tiny_path)


def test_lock_is_reentrant_here_and_exclusive_across_processes(tiny_path: Path) -> None:
    probe = [sys.executable, "-c", "from chaingraph.dataset.locking import dataset_lock\n"
             f"with dataset_lock({str(tiny_path)!r}, wait=0.3): print('got it')"]
    with dataset_lock(tiny_path, wait=0), dataset_lock(tiny_path, wait=0):
        refused = subprocess.run(probe, capture_output=True, text=True)
        assert refused.returncode == 1 and "DatasetBusy" in refused.stderr
    assert subprocess.run(probe, capture_output=True, text=True).stdout.strip() == "got it"


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is a POSIX signal")
def test_lock_of_a_killed_process_is_taken_over_at_once(tiny_path: Path, tmp_path: Path) -> None:
    holder_process = subprocess.Popen([sys.executable, "-c", (
        "import time; from chaingraph.dataset.locking import dataset_lock\n"
        f"with dataset_lock({str(tiny_path)!r}):\n    print('locked', flush=True)\n    time.sleep(60)")],
        stdout=subprocess.PIPE, text=True)
    assert holder_process.stdout is not None and holder_process.stdout.readline().strip() == "locked"
    holder_process.send_signal(signal.SIGKILL)
    holder_process.wait()
    holder_process.stdout.close()
    assert holder(tiny_path) is None  # its owner note is still there, but the system released its lock
    started = time.monotonic()
    result = subprocess.run([*CHAINGRAPH, "--data", str(tiny_path), "import", str(sheet(tmp_path, "c", ["接手企业"])),
                             "--wait", "0"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 10 and "接手企业" in names(tiny_path)


def test_readers_do_not_wait_for_a_writer_that_is_still_staging(tiny_path: Path, tmp_path: Path) -> None:
    writer = start("--data", str(tiny_path), "import", str(sheet(tmp_path, "d", ["读者不等企业"])), pause=2.0)
    deadline = time.monotonic() + 20
    while not (tiny_path / ".chaingraph-txn").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    started = time.monotonic()
    assert "读者不等企业" not in names(tiny_path)  # the old dataset, whole, at once
    assert time.monotonic() - started < 2
    assert finish(writer)[0] == 0
    assert "读者不等企业" in names(tiny_path)


def test_a_folder_that_cannot_be_locked_is_one_line(tmp_path: Path, tiny_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHAINGRAPH_LANG", "en")  # the messages checked here are the English ones
    (tiny_path / ".chaingraph.lock").mkdir()  # the lock file cannot be opened (as in a read-only folder)
    result = subprocess.run([*CHAINGRAPH, "--data", str(tiny_path), "import", str(sheet(tmp_path, "e", ["x"]))],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 6 and "cannot lock" in result.stderr and "Traceback" not in result.stderr
