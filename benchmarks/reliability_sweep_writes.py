"""A sweep of the write-side reliability cases (docs/reliability.md); prints one pass/fail row per case.

    python benchmarks/reliability_sweep_writes.py              # ~100 cases; Neo4j cases when Java is there
    python benchmarks/reliability_sweep_writes.py --no-neo4j

Crash points and random kills of import / merge / merge --undo, concurrent writers, the lock's messages and
take-over, merge --undo after edits and with damaged manifests, output paths (-o -, symlinks, a full disk, an
unwritable snapshot cache), hostile NEO4J_URI values, and pushes against the real Neo4j test server.
Exit status 1 if any case fails.
"""

from __future__ import annotations

import argparse
import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reliability_common import (  # noqa: E402
    CHAINGRAPH,
    COMMANDS,
    CRASH_POINTS,
    PAIRS,
    CrashBench,
    cpu_seconds,
    data_files,
    firm_names,
    proposed,
    run,
    sheet,
    strays,
)

ROOT = Path(__file__).resolve().parents[1]
SECRET = "hunter2-S3cret"
Case = tuple[str, str, Callable[[], tuple[bool, str]]]


def one_line(text: str) -> bool:
    return len(text.strip().splitlines()) == 1 and "Traceback" not in text


# ------------------------------------------------------------------------------------------------ dataset writers


def writer_cases(work: Path, rng: random.Random) -> list[Case]:
    bench = CrashBench(work / "bench")
    tiny = bench.template
    cases: list[Case] = []

    def crash(command: str, point: str | None) -> Callable[[], tuple[bool, str]]:
        def check() -> tuple[bool, str]:
            raw, after = bench.crash(command, point, rng)
            if point == "staged":
                ok = raw == "old" and after == "old"
            elif point is None:
                ok = raw in ("old", "new", "journaled") and after in ("old", "new")
            else:
                ok = raw in ("old", "new", "journaled") and after == "new"
            return ok, f"on disk {raw}, after the next command {after}"
        return check

    for command in COMMANDS:
        for point in CRASH_POINTS:
            cases.append(("kill -9", f"{command} at {point}", crash(command, point)))
    for i in range(6):
        cases.append(("kill -9", f"{COMMANDS[i % 3]} at a random time #{i + 1}", crash(COMMANDS[i % 3], None)))
    for pair in PAIRS:
        for pause in (0.6, 0.0):
            def concurrent(pair: str = pair, pause: float = pause) -> tuple[bool, str]:
                outcome = bench.pair(pair, pause, rng.uniform(0, 0.2))
                return outcome in ("both kept", "one refused clearly"), outcome
            cases.append(("concurrency", f"{pair}, pause {pause} s", concurrent))

    def fresh(name: str) -> Path:
        root = work / name
        shutil.copytree(tiny, root)
        return root

    def busy() -> tuple[bool, str]:
        from chaingraph.dataset.journal import PAUSE_ENV
        from chaingraph.dataset.locking import holder

        root = fresh("busy")
        first = subprocess.Popen([*CHAINGRAPH, "--data", str(root), "import", str(sheet(work, "busy1", ["先来"]))],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 env={**os.environ, PAUSE_ENV: "staged=3"})
        deadline = time.monotonic() + 30
        while holder(root) is None and time.monotonic() < deadline:
            time.sleep(0.05)
        second = run("--data", str(root), "import", str(sheet(work, "busy2", ["后来"])), "--wait", "0")
        first.wait()
        ok = second.returncode == 7 and f"(pid {first.pid}" in second.stderr and one_line(second.stderr) \
            and first.returncode == 0 and firm_names(root) is not None and "先来" in (firm_names(root) or set())
        return ok, second.stderr.strip()[:110]
    cases.append(("lock", "busy dataset refused with the holder's pid (--wait 0)", busy))

    def taken_over() -> tuple[bool, str]:
        root = fresh("dead-holder")
        holder_process = subprocess.Popen([sys.executable, "-c", (
            "import time; from chaingraph.dataset.locking import dataset_lock\n"
            f"with dataset_lock({str(root)!r}):\n    print('locked', flush=True)\n    time.sleep(60)")],
            stdout=subprocess.PIPE, text=True)
        assert holder_process.stdout is not None
        holder_process.stdout.readline()
        holder_process.send_signal(signal.SIGKILL)
        holder_process.wait()
        holder_process.stdout.close()
        result = run("--data", str(root), "import", str(sheet(work, "dead", ["接手"])), "--wait", "0")
        return result.returncode == 0, f"exit {result.returncode} after the holder was killed"
    cases.append(("lock", "lock of a kill -9'd holder taken over at once", taken_over))

    def open_elsewhere() -> tuple[bool, str]:
        root = fresh("excel")
        with open(root / "regions.yaml", "rb"):
            result = run("--data", str(root), "import", str(sheet(work, "excel", ["开着文件"])))
        return result.returncode == 0 and "开着文件" in (firm_names(root) or set()), f"exit {result.returncode}"
    cases.append(("windows", "import while another file of the folder is open", open_elsewhere))

    def held_file() -> tuple[bool, str]:
        from chaingraph.dataset.journal import STAGING_NAME
        from chaingraph.errors import ExportError
        from chaingraph.sources.sheets import import_sheet

        root = fresh("held")
        before = data_files(root)
        real = os.replace

        def replace(src: object, dst: object) -> None:
            if Path(str(dst)).name == "links.csv" and STAGING_NAME in str(src) and "old" not in Path(str(src)).parts:
                raise PermissionError(errno.EACCES, "being used by another process")
            real(src, dst)  # type: ignore[arg-type]

        os.replace = replace  # type: ignore[assignment]
        try:
            import_sheet(root, sheet(work, "held", ["被占用"]))
            message = "no error"
        except ExportError as exc:
            message = str(exc)
        finally:
            os.replace = real
        return data_files(root) == before and not strays(root) and "nothing was changed" in message, message[-80:]
    cases.append(("windows", "a file to replace held open: swaps undone, one line", held_file))

    def readers_do_not_wait() -> tuple[bool, str]:
        from chaingraph.dataset.journal import PAUSE_ENV

        root = fresh("reader")
        writer = subprocess.Popen([*CHAINGRAPH, "--data", str(root), "import", str(sheet(work, "rd", ["读者"]))],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  env={**os.environ, PAUSE_ENV: "staged=3"})
        deadline = time.monotonic() + 30
        while not (root / ".chaingraph-txn").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        started = time.monotonic()
        names = firm_names(root) or set()
        took = time.monotonic() - started
        writer.wait()
        return "读者" not in names and took < 2.5 and writer.returncode == 0, f"read in {took:.2f} s"
    cases.append(("lock", "readers do not wait for a writer still staging", readers_do_not_wait))

    # merge --undo
    def merged(name: str) -> Path:
        root = fresh(name)
        assert run("--data", str(root), "merge", str(proposed(work, name, f"{name}企业"))).returncode == 0
        return root

    def undo_hand_edit() -> tuple[bool, str]:
        root = merged("handedit")
        (root / "firms.csv").write_text((root / "firms.csv").read_text(encoding="utf-8") + "", encoding="utf-8")
        text = (root / "firms.csv").read_text(encoding="utf-8").replace("handedit企业", "handedit企业（改）")
        (root / "firms.csv").write_text(text, encoding="utf-8")
        result = run("--data", str(root), "merge", "--undo")
        return (result.returncode == 1 and "firms.csv changed after the merge" in result.stderr
                and "--force" in result.stderr and one_line(result.stderr)), result.stderr.strip()[:110]
    cases.append(("undo", "after a hand edit: names the file, refuses", undo_hand_edit))

    def undo_force() -> tuple[bool, str]:
        root = merged("force")
        text = (root / "firms.csv").read_text(encoding="utf-8").replace("force企业", "force企业（改）")
        (root / "firms.csv").write_text(text, encoding="utf-8")
        result = run("--data", str(root), "merge", "--undo", "--force")
        return result.returncode == 0 and data_files(root) == data_files(tiny), f"exit {result.returncode}"
    cases.append(("undo", "after a hand edit with --force: restored", undo_force))

    def import_after_merge() -> tuple[bool, str]:
        root = merged("keep")
        backups = sorted((root / ".chaingraph-backups").iterdir())
        run("--data", str(root), "import", str(sheet(work, "keep", ["导入企业"])))
        kept = sorted((root / ".chaingraph-backups").iterdir()) == backups
        refused = run("--data", str(root), "merge", "--undo")
        forced = run("--data", str(root), "merge", "--undo", "--force")
        ok = kept and refused.returncode == 1 and forced.returncode == 3 and firm_names(root) is not None
        return ok, f"backup kept {kept}; undo {refused.returncode}; --force {forced.returncode} (would be invalid)"
    cases.append(("undo", "import after merge keeps the backup; undo refuses to break the dataset",
                  import_after_merge))

    manifests = {"not JSON": "{oops", "a list": "[]", "files not a list": '{"files": "firms.csv"}',
                 "path traversal": '{"files": ["../../etc/passwd"], "created": []}',
                 "missing saved copy": '{"files": ["firms.csv"], "created": []}',
                 "binary garbage": "\x00\x01\x02", "created not a list": '{"files": [], "created": 3}'}
    for label, text in manifests.items():
        def corrupt(text: str = text, label: str = label) -> tuple[bool, str]:
            root = fresh(f"manifest-{abs(hash(label))}")
            backup = root / ".chaingraph-backups" / "20240101T000000000000"
            backup.mkdir(parents=True)
            (backup / "manifest.json").write_text(text, encoding="utf-8")
            before = data_files(root)
            result = run("--data", str(root), "merge", "--undo")
            ok = result.returncode == 3 and "manifest.json" in result.stderr and "Traceback" not in result.stderr \
                and data_files(root) == before
            return ok, result.stderr.strip().splitlines()[-1].strip()[:110] if result.stderr.strip() else "no error"
        cases.append(("undo", f"corrupt manifest: {label}", corrupt))

    def nothing_to_undo() -> tuple[bool, str]:
        result = run("--data", str(fresh("nothing")), "merge", "--undo")
        return result.returncode == 6 and "no merge to undo" in result.stderr, result.stderr.strip()[:110]
    cases.append(("undo", "nothing to undo", nothing_to_undo))
    return cases


# ------------------------------------------------------------------------------------------------ outputs


def output_cases(work: Path) -> list[Case]:
    from click.testing import CliRunner

    from chaingraph.cli import cli
    from chaingraph.dataset.fixtures import write_tiny_dataset

    tiny = write_tiny_dataset(work / "out-tiny")
    cases: list[Case] = []

    def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, bytes, str]:
        result = CliRunner().invoke(cli, ["--data", str(tiny), *args], env=env)
        return result.exit_code, result.stdout_bytes, result.stderr or repr(result.exception)

    for fmt in ("markdown", "graphml", "gexf", "json", "xlsx"):
        def stdout(fmt: str = fmt) -> tuple[bool, str]:
            result = subprocess.run([*CHAINGRAPH, "--data", str(tiny), "export", "--format", fmt, "-o", "-"],
                                    capture_output=True, cwd=work, timeout=120)
            ok = result.returncode == 0 and len(result.stdout) > 100 and not (work / "-").exists()
            return ok, f"{len(result.stdout)} bytes on stdout"
        cases.append(("export", f"-o - ({fmt})", stdout))

    def terminal() -> tuple[bool, str]:
        import pty

        leader, follower = pty.openpty()
        try:
            result = subprocess.run([*CHAINGRAPH, "--data", str(tiny), "export", "--format", "xlsx", "-o", "-"],
                                    stdout=follower, stderr=subprocess.PIPE, text=True, timeout=120)
        finally:
            os.close(follower)
            os.close(leader)
        return result.returncode == 6 and one_line(result.stderr), result.stderr.strip()[:110]
    cases.append(("export", "xlsx to a terminal refused", terminal))

    for fmt, dangling in (("markdown", False), ("xlsx", False), ("graphml", True)):
        def symlink(fmt: str = fmt, dangling: bool = dangling) -> tuple[bool, str]:
            folder = Path(tempfile.mkdtemp(dir=work))
            (folder / "real").mkdir()
            target = folder / "real" / f"out.{fmt}"
            if not dangling:
                target.write_bytes(b"old")
            link = folder / f"link.{fmt}"
            link.symlink_to(target)
            code, _, err = invoke("export", "--format", fmt, "-o", str(link))
            ok = code == 0 and link.is_symlink() and target.stat().st_size > 100 and \
                sorted(p.name for p in (folder / "real").iterdir()) == [f"out.{fmt}"]
            return ok, "link kept, target written" if ok else err[:110]
        cases.append(("export", f"-o symlink ({fmt}{', dangling' if dangling else ''})", symlink))

    for fmt in ("markdown", "graphml", "gexf", "json", "xlsx"):
        def full_disk(fmt: str = fmt) -> tuple[bool, str]:
            folder = Path(tempfile.mkdtemp(dir=work))
            (folder / f"old.{fmt}").write_bytes(b"previous")
            real = os.fsync

            def no_space(fd: int) -> None:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

            os.fsync = no_space
            try:
                results = [invoke("export", "--format", fmt, "-o", str(folder / name))
                           for name in (f"old.{fmt}", f"new.{fmt}")]
            finally:
                os.fsync = real
            ok = all(code == 6 and one_line(err) for code, _, err in results) and \
                sorted(p.name for p in folder.iterdir()) == [f"old.{fmt}"] and \
                (folder / f"old.{fmt}").read_bytes() == b"previous"
            return ok, results[0][2].strip()[:110]
        cases.append(("export", f"full disk ({fmt}): exit 6, no partial file", full_disk))

    def output_folder_is_a_file() -> tuple[bool, str]:
        blocker = work / "blocker"
        blocker.write_text("x")
        code, _, err = invoke("export", "--format", "markdown", "-o", str(blocker / "out.md"))
        return code == 6 and one_line(err), err.strip()[:110]
    cases.append(("export", "output folder is a file", output_folder_is_a_file))

    blocker = work / "cache-blocker"
    blocker.write_text("not a folder")
    for args in (["gaps", "-c", "demo-auto", "--backend", "snapshot"],
                 ["targets", "-s", "motor", "--backend", "snapshot"],
                 ["gaps", "-c", "demo-tools", "--backend", "snapshot", "--format", "json"]):
        def uncached(args: list[str] = args) -> tuple[bool, str]:
            code, out, err = invoke(*args, env={"CHAINGRAPH_CACHE": str(blocker)})
            notes = [line for line in err.splitlines() if "without caching" in line]
            return code == 0 and len(out) > 50 and len(notes) == 1, (notes or [err])[0][:110]
        cases.append(("snapshot", f"unwritable cache: {' '.join(args[:3])}", uncached))

    def compile_uncached() -> tuple[bool, str]:
        code, _, err = invoke("compile", env={"CHAINGRAPH_CACHE": str(blocker)})
        return code == 6 and one_line(err), err.strip()[:110]
    cases.append(("snapshot", "unwritable cache: compile is one line, exit 6", compile_uncached))
    return cases


# ------------------------------------------------------------------------------------------------ Neo4j


HOSTILE_URIS = [
    f"neo4j://db.example:7687?password={SECRET}", f"neo4j://db.example:7687/?token={SECRET}&policy=eu",
    f"bolt://db.example:7687?auth={SECRET}", f"bolt://planner:{SECRET}@db.example:7687",
    f"neo4j://{SECRET}@db.example", f"bolt://db.example:7687#{SECRET}", f"bolt://db.example:{SECRET}",
    "bolt://db.example:notaport", "bolt://db.example:99999", "bolt://db .example:7687",
    "bolt://db.example:7687\nMATCH (n) DETACH DELETE n", "bolt://db.example:7687\t", "bolt://:7687",
    "http://db.example:7474", "bolt//db.example:7687", f"neo4j+s://x:{SECRET}@db.example:7687?key={SECRET}",
]


def neo4j_uri_cases(work: Path) -> list[Case]:
    from click.testing import CliRunner

    from chaingraph.cli import cli
    from chaingraph.dataset.fixtures import write_tiny_dataset

    tiny = write_tiny_dataset(work / "uri-tiny")
    cases: list[Case] = []
    for uri in HOSTILE_URIS:
        for args in (["neo4j", "status"], ["neo4j", "push"]):
            def check(uri: str = uri, args: list[str] = args) -> tuple[bool, str]:
                result = CliRunner().invoke(cli, ["--data", str(tiny), *args], env={"NEO4J_URI": uri})
                ok = result.exit_code == 5 and one_line(result.output) and SECRET not in result.output
                return ok, result.output.strip()[:110]
            cases.append(("neo4j uri", f"{args[1]} {uri.encode('unicode_escape').decode()[:60]}", check))
    return cases


def neo4j_server_cases(work: Path) -> list[Case]:
    import socket

    import chaingraph as cgr
    from chaingraph.dataset.fixtures import write_tiny_dataset
    from chaingraph.engines.neo4j import Neo4jSettings, connect
    from chaingraph.engines.neo4j_lock import LOCK_LABEL, push_lock

    launcher = ROOT / "scripts" / "neo4j-test-server"
    state: dict[str, str] = {}

    def uri() -> str:
        if "uri" not in state:
            out = subprocess.run([str(launcher), "start", "--name", f"sweep-{os.getpid()}", "--parent-pid",
                                  str(os.getpid())], capture_output=True, text=True, timeout=600)
            if out.returncode != 0:
                raise RuntimeError(out.stderr[-300:])
            state["uri"] = out.stdout.strip().splitlines()[-1]
        return state["uri"]

    def tiny(dataset: str) -> Path:
        root = write_tiny_dataset(work / f"neo-{dataset}")
        text = (root / "dataset.yaml").read_text(encoding="utf-8")
        (root / "dataset.yaml").write_text(text.replace("id: tiny", f"id: {dataset}", 1), encoding="utf-8")
        return root

    def push(root: Path, *extra: str) -> subprocess.Popen[str]:
        return subprocess.Popen([*CHAINGRAPH, "--data", str(root), "neo4j", "push", "-q", *extra],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env={**os.environ, "NEO4J_URI": uri()})

    def two_pushes() -> tuple[bool, str]:
        root = cgr.write_dataset(cgr.load_dataset(), work / "neo-pinghu")
        processes = [push(root, "--batch-size", "50"), push(root, "--batch-size", "50")]
        codes = [p.communicate(timeout=600) and p.returncode for p in processes]
        with connect(Neo4jSettings(uri())) as backend:
            state_ = backend.dataset_state("pinghu-2022")
        return codes == [0, 0] and state_ is not None and state_.complete, f"exits {codes}"

    def busy() -> tuple[bool, str]:
        with connect(Neo4jSettings(uri())) as backend, push_lock(backend, "sweep-busy", wait=0):
            process = push(tiny("sweep-busy"), "--wait", "0.3")
            _, err = process.communicate(timeout=120)
        return process.returncode == 5 and "being pushed" in err and one_line(err), err.strip()[:110]

    def preset(dataset: str, host: str, pid: int, age_ms: int) -> tuple[bool, str]:
        with connect(Neo4jSettings(uri())) as backend:
            backend.write(f"CREATE (:{LOCK_LABEL} {{dataset: $d, owner: 'gone', holder: $h + ' pid ' + toString($p), "
                          "host: $h, pid: $p, "
                          "since: $t, heartbeat: $t})", d=dataset, h=host, p=pid, t=int(time.time() * 1000) - age_ms)
            process = push(tiny(dataset), "--wait", "2")
            _, err = process.communicate(timeout=120)
            left = backend.read(f"MATCH (l:{LOCK_LABEL} {{dataset: $d}}) RETURN count(l) AS n", d=dataset)[0]["n"]
            if left:
                backend.write(f"MATCH (l:{LOCK_LABEL} {{dataset: $d}}) DELETE l", d=dataset)
        return process.returncode, err.strip()[:110] + f" (locks left {left})"

    def dead_holder() -> tuple[bool, str]:
        gone = subprocess.Popen([sys.executable, "-c", "pass"])
        gone.wait()
        code, detail = preset("sweep-dead", socket.gethostname(), gone.pid, 0)
        return code == 0, detail

    def silent_holder() -> tuple[bool, str]:
        code, detail = preset("sweep-silent", "another-machine", 1, 600_000)
        return code == 0, detail

    def live_holder() -> tuple[bool, str]:
        code, detail = preset("sweep-live", "planner-pc", 7, 0)
        return code == 5 and "planner-pc pid 7" in detail, detail

    def stop() -> tuple[bool, str]:
        if "uri" in state:
            subprocess.run([str(launcher), "stop", "--name", f"sweep-{os.getpid()}"], capture_output=True,
                           timeout=120)
        return True, "server stopped"

    return [("neo4j push", "two pushes of Pinghu at once: both complete", two_pushes),
            ("neo4j push", "push while another holds the lock: one line, exit 5", busy),
            ("neo4j push", "lock of a dead push on this machine taken over", dead_holder),
            ("neo4j push", "lock silent for 10 min taken over", silent_holder),
            ("neo4j push", "live holder on another machine respected", live_holder),
            ("neo4j push", "(stop the test server)", stop)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-neo4j", action="store_true", help="Skip the cases that need the Neo4j test server.")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    failed = 0
    rows = []
    wall0, cpu0 = time.perf_counter(), cpu_seconds()
    with tempfile.TemporaryDirectory(prefix="chaingraph-sweep-") as tmp:
        work = Path(tmp)
        os.environ["CHAINGRAPH_CACHE"] = str(work / "cache")
        os.environ.pop("NEO4J_URI", None)
        cases = writer_cases(work, rng) + output_cases(work) + neo4j_uri_cases(work)
        if not args.no_neo4j and shutil.which("java"):
            cases += neo4j_server_cases(work)
        for group, name, check in cases:
            started = time.perf_counter()
            try:
                ok, detail = check()
            except Exception as exc:  # a case that crashes is a failed case, with its reason
                ok, detail = False, f"{type(exc).__name__}: {exc}"[:110]
            took = time.perf_counter() - started
            if name.startswith("("):
                continue
            failed += not ok
            rows.append((group, name, "pass" if ok else "FAIL", detail.replace("|", "/").replace("\n", " "), took))
    wall, cpu = time.perf_counter() - wall0, cpu_seconds() - cpu0
    print("| # | group | case | result | detail | s |")
    print("|---|-------|------|--------|--------|---|")
    for number, (group, name, result, detail, took) in enumerate(rows, start=1):
        print(f"| {number} | {group} | {name} | {result} | {detail} | {took:.1f} |")
    print(f"\n{len(rows) - failed} of {len(rows)} cases pass; wall {wall:.0f} s, CPU {cpu:.0f} s "
          "(this process and its chaingraph processes)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
