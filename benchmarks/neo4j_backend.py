"""Neo4j backend timings on synthetic national pools: push, re-push, gap reports and targets, wipe.

    python benchmarks/neo4j_backend.py                      # 10k and 50k firms, a throwaway test server
    python benchmarks/neo4j_backend.py --firms 100000 --regions 400
    NEO4J_URI=bolt://localhost:7687 python benchmarks/neo4j_backend.py   # an existing server (its data is kept;
                                                                          # only the synthetic datasets are wiped)
    python benchmarks/neo4j_backend.py --pool pool1m --heap 3g --page-cache 2g   # an existing pool (e.g. synth
                                  # --firms 1000000): push, then Neo4j next to the compiled snapshot

Prints one table per pool: seconds for each step, networkx next to Neo4j for the analysis. Not a timed test.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import chaingraph as cgr
from chaingraph.engines.neo4j import Neo4jSettings, connect
from chaingraph.outputs.tables import render_table
from chaingraph.sources.synth import generate

ROOT = Path(__file__).resolve().parent.parent
LAUNCHER = ROOT / "scripts" / "neo4j-test-server"


@contextmanager
def server() -> Iterator[str]:
    if os.environ.get("NEO4J_URI"):
        yield os.environ["NEO4J_URI"]
        return
    name = f"bench-{os.getpid()}"
    uri = subprocess.run([str(LAUNCHER), "start", "--name", name, "--parent-pid", str(os.getpid())], check=True,
                         capture_output=True, text=True).stdout.strip().splitlines()[-1]
    global SERVER_PID
    SERVER_PID = int(subprocess.run([str(LAUNCHER), "pid", "--name", name], check=True, capture_output=True,
                                    text=True).stdout.strip())
    try:
        yield uri
    finally:
        subprocess.run([str(LAUNCHER), "stop", "--name", name], check=False, capture_output=True)


SERVER_PID: int | None = None
"""The local Neo4j server's process (the test server started here, or --server-pid): its CPU time is printed."""


def server_cpu() -> float:
    """CPU seconds the local server process has used so far (0 when unknown): on a shared machine the wall time of
    a push depends on the other jobs, the server's CPU much less."""
    if SERVER_PID is None:
        return 0.0
    try:
        fields = Path(f"/proc/{SERVER_PID}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed(func: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = func(*args, **kwargs)
    return time.perf_counter() - start, result


def timed_cpu(func: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[float, float, Any]:
    """(wall seconds, this process's CPU seconds, result)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = func(*args, **kwargs)
    return time.perf_counter() - start, time.process_time() - cpu, result


def best_of(runs: int, func: Callable[[], Any]) -> tuple[float, float, Any]:
    """The fastest of ``runs`` warm calls: (wall, CPU of this process, result of the last call)."""
    times = [timed_cpu(func) for _ in range(runs)]
    wall, cpu, _ = min(times, key=lambda t: t[0])
    return wall, cpu, times[-1][2]


def query_profile(facts: Any, questions: list[tuple[str, Callable[[Any], Any]]]) -> None:
    """Where a warm Neo4j answer goes: for one warm call of each question, the round trips to the server, the time
    spent in them (named by the ``Q_*`` constant of neo4j_facts), and the client's own time; and the floor, one
    trivial query's round trip (best of 20)."""
    from chaingraph.engines import neo4j_facts

    names = {value: name for name, value in vars(neo4j_facts).items()
             if name.startswith("Q_") and isinstance(value, str)}
    backend = facts.backend
    plain_ask = backend.ask
    floor = min(timed(plain_ask, "RETURN $dataset AS d", dataset=facts.dataset)[0] for _ in range(20))
    calls: list[tuple[str, float]] = []

    def ask(query: str, **params: Any) -> list[dict[str, Any]]:
        spent, rows = timed(plain_ask, query, **params)
        calls.append((names.get(query, "other"), spent))
        return rows

    rows = []
    backend.ask = ask
    try:
        for label, question in questions:
            question(facts)  # warm
            calls.clear()
            total, _ = timed(question, facts)
            in_queries = sum(t for _, t in calls)
            by_name: dict[str, float] = {}
            for name, t in calls:
                by_name[name] = by_name.get(name, 0.0) + t
            top = ", ".join(f"{n} {t * 1000:.1f}" for n, t in sorted(by_name.items(), key=lambda i: -i[1])[:3])
            rows.append([label, f"{total * 1000:.1f}", str(len(calls)), f"{in_queries * 1000:.1f}",
                         f"{(total - in_queries) * 1000:.1f}", top])
    finally:
        backend.ask = plain_ask
    print(f"\nWhere a warm Neo4j answer goes (one call each; ms). Round trip of a trivial query: {floor * 1000:.2f} ms")
    print(render_table(["question", "total", "round trips", "in queries", "client", "slowest queries (ms)"], rows,
                       align_right=[1, 2, 3, 4]))


def bench_pool(uri: str, pool: Path, batch_size: int, keep: bool, push: bool = True, profile: bool = False) -> None:
    """Push an existing pool, then answer the same questions from Neo4j and from the snapshot (CPU and wall)."""
    from chaingraph.engines.snapshot import open_snapshot

    load_s, cg = timed(lambda: cgr.build_graph(cgr.load_dataset(pool)))
    ds = cg.dataset
    settings = Neo4jSettings.from_env({**os.environ, "NEO4J_URI": uri})
    rows: list[list[Any]] = [["load the dataset", "", "", f"{load_s:.2f}", "", ""]]
    with connect(settings) as backend:
        if push:
            before = server_cpu()
            push_s, push_cpu, result = timed_cpu(backend.push, cg, batch_size=batch_size)
            server_s = server_cpu() - before
            rows.append([f"push ({result.nodes} nodes, {result.relationships} rels)", "", "", f"{push_s:.2f}",
                         f"{push_cpu:.2f}", f"server CPU {server_s:.1f}"])
            print(f"push: {push_s:.1f} s wall, {push_cpu:.1f} s client CPU, {server_s:.1f} s server CPU "
                  f"({result.nodes} nodes, {result.relationships} relationships)", file=sys.stderr, flush=True)
        del cg
        facts = backend.facts(ds.info.id)
        county = ds.info.default_region
        city = ds.regions[county].parent or county
        questions: list[tuple[str, Callable[[Any], Any]]] = []
        for region, where in ((county, "largest county"), (city, "its city")):
            for chain in ds.chains:
                questions.append((f"gaps {chain} · {where}",
                                  lambda f, c=chain, r=region: cgr.gap_report(f, c, r)))
            for segment in ("mt-cnc-system", "auto-drive-motor"):
                questions.append((f"targets {segment} · {where}",
                                  lambda f, s=segment, r=region: cgr.find_targets(f, None, s, r)))
        with open_snapshot(pool) as snap:
            for label, ask in questions:
                cold_s, _, _ = timed_cpu(ask, facts)  # first call: structure, relatedness, region context
                ask(snap)
                snap_s, snap_cpu, a = best_of(3, lambda ask=ask: ask(snap))
                neo_s, neo_cpu, b = best_of(3, lambda ask=ask: ask(facts))
                same = a.to_dict() == b.to_dict()
                rows.append([f"{label} (warm){'' if same else ' DIFFERENT'}", f"{snap_s * 1000:.1f}",
                             f"{cold_s * 1000:.0f}", f"{neo_s * 1000:.1f}", f"{neo_cpu * 1000:.1f}",
                             f"{neo_s / snap_s:.1f}x"])
                print(" | ".join(rows[-1]), file=sys.stderr, flush=True)
        if profile:
            query_profile(facts, questions)
        if not keep:
            wipe_s, _ = timed(backend.wipe, ds.info.id)
            rows.append(["wipe", "", "", f"{wipe_s:.2f}", "", ""])
    print(f"\n{ds.info.name}: {len(ds.firms)} firms, {len(ds.links)} links, {len(ds.regions)} regions "
          "(steps in s; answers in ms, best of 3 warm calls)")
    print(render_table(["step", "snapshot", "neo4j first call", "neo4j wall", "neo4j client CPU", "neo4j / snapshot"],
                       rows, align_right=[1, 2, 3, 4, 5]))


def bench(uri: str, firms: int, regions: int, seed: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        load_s, cg = timed(lambda: cgr.build_graph(cgr.load_dataset(generate(Path(tmp) / "pool", firms=firms,
                                                                              regions=regions, seed=seed))))
    ds = cg.dataset
    settings = Neo4jSettings.from_env({**os.environ, "NEO4J_URI": uri})
    rows: list[list[Any]] = [["generate + load", f"{load_s:.2f}", ""]]
    with connect(settings) as backend:
        push_s, result = timed(backend.push, cg, batch_size=5000)
        rows.append([f"push ({result.nodes} nodes, {result.relationships} rels)", "", f"{push_s:.2f}"])
        again_s, _ = timed(backend.push, cg, batch_size=5000)
        rows.append(["push again (idempotent)", "", f"{again_s:.2f}"])
        facts = backend.facts(ds.info.id)
        county = ds.info.default_region
        city = ds.regions[county].parent or county
        province = ds.regions[city].parent or city
        for region in (county, city, province):
            kind = ds.regions[region].kind
            nx_s, _ = timed(cgr.gap_report, cg, "automotive", region)
            neo_s, _ = timed(cgr.gap_report, facts, "automotive", region)
            rows.append([f"gaps automotive · {kind}", f"{nx_s:.3f}", f"{neo_s:.3f}"])
            nx_s, _ = timed(cgr.find_targets, cg, None, "mt-cnc-system", region)
            neo_s, _ = timed(cgr.find_targets, facts, None, "mt-cnc-system", region)
            rows.append([f"targets mt-cnc-system · {kind}", f"{nx_s:.3f}", f"{neo_s:.3f}"])
        wipe_s, _ = timed(backend.wipe, ds.info.id)
        rows.append(["wipe", "", f"{wipe_s:.2f}"])
    print(f"\n{ds.info.name}: {len(ds.firms)} firms, {len(ds.links)} links, {len(ds.regions)} regions")
    print(render_table(["step", "networkx s", "neo4j s"], rows, align_right=[1, 2]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--firms", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--regions", type=int, default=200)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--pool", type=Path, help="an existing dataset folder instead of generated pools")
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--heap", help="the test server's Java heap (e.g. 4g; default: the launcher's)")
    parser.add_argument("--keep", action="store_true", help="leave the pushed pool in Neo4j")
    parser.add_argument("--no-push", action="store_true", help="with --pool: the pool is already in Neo4j")
    parser.add_argument("--server-pid", type=int, help="with NEO4J_URI: the local server's pid (its CPU is shown)")
    parser.add_argument("--page-cache", help="the test server's page cache (e.g. 2g; default: the launcher's)")
    parser.add_argument("--profile", action="store_true",
                        help="with --pool: also print where each warm answer goes (round trips, queries, client)")
    args = parser.parse_args(argv)
    if args.heap:
        os.environ["NEO4J_TEST_JAVA_OPTS"] = f"-Xms{args.heap} -Xmx{args.heap} -XX:+UseParallelGC " \
                                             "-XX:+ExitOnOutOfMemoryError"
    global SERVER_PID
    SERVER_PID = args.server_pid
    if args.page_cache:
        os.environ["NEO4J_TEST_PAGE_CACHE"] = args.page_cache
    with server() as uri:
        print(f"Neo4j at {uri}", file=sys.stderr)
        if args.pool is not None:
            bench_pool(uri, args.pool, args.batch_size, args.keep, push=not args.no_push, profile=args.profile)
            return
        for firms in args.firms:
            bench(uri, firms, args.regions, args.seed)


if __name__ == "__main__":
    main()
