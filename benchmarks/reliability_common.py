"""Shared pieces of benchmarks/reliability_loops.py and benchmarks/reliability_sweep_writes.py: real chaingraph
processes on copies of the tiny dataset, killed or run side by side, and checks of what they leave behind."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from chaingraph.dataset.fixtures import write_tiny_dataset
from chaingraph.dataset.journal import CRASH_ENV, JOURNAL_NAME, PAUSE_ENV, STAGING_NAME

CHAINGRAPH = [sys.executable, "-m", "chaingraph"]
CRASH_POINTS = ("staged", "journal", "swap:0", "swap:1", "swapped")
COMMANDS = ("import", "merge", "undo")
PAIRS = ("import+import", "merge+merge", "merge+import")


def data_files(root: Path) -> dict[str, bytes]:
    """What a reader sees: the dataset's files, not the lock, backups, staged files or journal."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not p.relative_to(root).parts[0].startswith(".chaingraph")}


def strays(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                  if p.name.startswith((STAGING_NAME, JOURNAL_NAME)) or p.suffix == ".tmp")


def run(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CHAINGRAPH, *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def sheet(folder: Path, name: str, firms: list[str]) -> Path:
    path = folder / f"{name}.csv"
    path.write_text("企业名称,所属环节,所在园区,国别\n" + "".join(f"{f},驱动电机,演示市,中国\n" for f in firms),
                    encoding="utf-8")
    return path


def proposed(folder: Path, name: str, firm: str) -> Path:
    path = folder / f"{name}.proposed.csv"
    path.write_text("record,key,field,value,evidence\n"
                    f"source,news-{name},title,{name} 新闻,\nsource,news-{name},date,2024-05-01,\n"
                    f"firm,{firm},name,{firm},{firm}签约\nfirm,{firm},country,JP,日资\n", encoding="utf-8")
    return path


def firm_names(root: Path) -> set[str] | None:
    """The firm names of a dataset, or None when it does not load (an invalid dataset)."""
    from chaingraph import load_dataset
    from chaingraph.errors import ChaingraphError

    try:
        return {f.name for f in load_dataset(root).firms.values()}
    except ChaingraphError:
        return None


class CrashBench:
    """A template dataset and, per command, the files before and after it (computed once)."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.template = write_tiny_dataset(work / "template")
        self.inputs = work / "inputs"
        self.inputs.mkdir()
        undo_base = work / "undo-base"
        shutil.copytree(self.template, undo_base)
        assert run("--data", str(undo_base), "merge", str(proposed(self.inputs, "m", "撤销用企业"))).returncode == 0
        self.bases = {"import": self.template, "merge": self.template, "undo": undo_base}
        self.args = {"import": ["import", str(sheet(self.inputs, "s", [f"崩溃企业{i}" for i in range(20)]))],
                     "merge": ["merge", str(proposed(self.inputs, "n", "崩溃合并企业"))],
                     "undo": ["merge", "--undo"]}
        self.expected: dict[str, tuple[dict[str, bytes], dict[str, bytes], float]] = {}
        for command in COMMANDS:
            reference = work / f"reference-{command}"
            shutil.copytree(self.bases[command], reference)
            started = time.perf_counter()
            assert run("--data", str(reference), *self.args[command]).returncode == 0
            self.expected[command] = (data_files(self.bases[command]), data_files(reference),
                                      time.perf_counter() - started)
        self.count = 0

    def crash(self, command: str, point: str | None, rng: random.Random) -> tuple[str, str]:
        """Kill ``command`` at ``point`` (or at a random time when None); returns (outcome on disk, after the next
        command). Outcomes: old, new, journaled (a mix with the journal that completes it), MIXED, INVALID."""
        old, new, took = self.expected[command]
        self.count += 1
        root = self.work / f"crash-{self.count}"
        shutil.copytree(self.bases[command], root)
        if point is not None:
            run("--data", str(root), *self.args[command], env={CRASH_ENV: point})
        else:
            process = subprocess.Popen([*CHAINGRAPH, "--data", str(root), *self.args[command]],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.0, took * 1.1))
            process.send_signal(signal.SIGKILL)
            process.wait()
        files = data_files(root)
        raw = "old" if files == old else "new" if files == new else \
            "journaled" if (root / JOURNAL_NAME).exists() else "MIXED"
        after_run = run("--data", str(root), "validate")
        files = data_files(root)
        after = "old" if files == old else "new" if files == new else "MIXED"
        if after_run.returncode != 0:
            after = "INVALID"
        elif strays(root):
            after += "+STRAYS"
        shutil.rmtree(root, ignore_errors=True)
        return raw, after

    def pair(self, pair: str, pause: float, offset: float) -> str:
        """Two writers on one dataset at once; returns both-kept, one-refused-clearly, LOST or INVALID."""
        self.count += 1
        root = self.work / f"pair-{self.count}"
        shutil.copytree(self.template, root)
        firms = [f"并发甲{self.count}", f"并发乙{self.count}"]
        processes = []
        for kind, firm, tag in zip(pair.split("+"), firms, ("a", "b"), strict=True):
            args = (["import", str(sheet(self.inputs, f"{tag}{self.count}", [firm]))] if kind == "import"
                    else ["merge", str(proposed(self.inputs, f"{tag}{self.count}", firm))])
            env = {**os.environ, **({PAUSE_ENV: f"staged={pause}"} if pause else {})}
            processes.append(subprocess.Popen([*CHAINGRAPH, "--data", str(root), *args, "--wait", "30"],
                                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env))
            time.sleep(offset)
        codes, errors = [], []
        for process in processes:
            _, err = process.communicate(timeout=120)
            codes.append(process.returncode)
            errors.append(err)
        names = firm_names(root)
        shutil.rmtree(root, ignore_errors=True)
        if names is None:
            return "INVALID"
        kept = [firm in names for firm in firms]
        if any(code == 0 and not k for code, k in zip(codes, kept, strict=True)):
            return "LOST"
        if codes == [0, 0]:
            return "both kept"
        if sorted(codes) == [0, 7] and all("another process" in e for e, c in zip(errors, codes, strict=True)
                                           if c == 7):
            return "one refused clearly"
        return f"UNEXPECTED {codes}"


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the chaingraph processes)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
