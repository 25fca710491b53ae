"""Benchmark chaingraph on synthetic national pools and print a markdown table.

    python benchmarks/run.py                                  # 10k, 100k and 1M firms over 300 regions
    python benchmarks/run.py --sizes 10000,100000 --repeat 3  # quicker
    python benchmarks/run.py --neo4j auto                     # also push to a Neo4j test server and time Cypher

Datasets are generated once (``chaingraph synth``) under --data-dir and reused. Every stage that the performance
targets name runs in a fresh process, so wall time and peak RSS are those a user sees; "warm" stages run in one
process each with the dataset already loaded. Each cell is the median of the runs with (min-max).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable


def _timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Run a command in a fresh process: (wall seconds, peak RSS MiB of that process, stdout)."""
    wrapper = [PY, "-c", (
        "import os,subprocess,sys,time,json;t=time.perf_counter();p=subprocess.Popen(sys.argv[1:],"
        "stdout=subprocess.PIPE);o,_=p.communicate();w=time.perf_counter()-t;"
        "r=__import__('resource').getrusage(__import__('resource').RUSAGE_CHILDREN).ru_maxrss;"
        "sys.stderr.write(json.dumps({'wall':w,'rss':r/1024,'code':p.returncode})+'\\n');"
        "sys.stdout.buffer.write(o);sys.exit(p.returncode)"), *cmd]
    proc = subprocess.run(wrapper, capture_output=True, env=env, cwd=ROOT, check=False)
    lines = proc.stderr.decode(errors="replace").strip().splitlines()
    if proc.returncode != 0 or not lines:
        raise SystemExit(f"benchmark step failed: {' '.join(cmd)}\n{proc.stderr.decode(errors='replace')[-2000:]}")
    info = json.loads(lines[-1])
    return info["wall"], info["rss"], proc.stdout.decode()


def _cell(values: list[float], unit: str = "s", digits: int = 2) -> str:
    if not values:
        return "–"
    med = statistics.median(values)
    if len(values) == 1:
        return f"{med:.{digits}f} {unit}"
    return f"{med:.{digits}f} {unit} ({min(values):.{digits}f}–{max(values):.{digits}f})"


# ------------------------------------------------------------------------------------------ in-process stages

def stage_warm_snapshot(data: str, repeat: int) -> dict[str, Any]:
    from chaingraph import find_targets, gap_report
    from chaingraph.snapshot import open_snapshot

    with open_snapshot(data) as facts:
        counties = sorted(r.id for r in facts.ds.regions.values() if r.kind == "county")
        sample = counties[:: max(1, len(counties) // 20)][:20]
        gaps = []
        for region in sample:
            t = time.perf_counter()
            gap_report(facts, "automotive", region)
            gaps.append(time.perf_counter() - t)
        targets = []
        mid = counties[len(counties) // 2]
        for segment in ["mt-cnc-system", "auto-drive-motor", "nm-resin", "auto-battery", "mt-spindle"][:repeat]:
            t = time.perf_counter()
            find_targets(facts, None, segment, mid)
            targets.append(time.perf_counter() - t)
        t = time.perf_counter()
        for region in counties:
            for chain in ("automotive", "machine-tool", "new-materials"):
                gap_report(facts, chain, region)
        every = time.perf_counter() - t
    return {"gaps": gaps, "targets": targets, "all": every, "reports": len(counties) * 3}


def stage_memory(data: str, repeat: int) -> dict[str, Any]:
    import resource

    import chaingraph as cgr

    t = time.perf_counter()
    cg = cgr.build_graph(cgr.load_dataset(data))
    load = time.perf_counter() - t
    counties = sorted(r.id for r in cg.dataset.regions.values() if r.kind == "county")
    t = time.perf_counter()
    cgr.gap_report(cg, "automotive", counties[0])  # builds the indexes once
    first = time.perf_counter() - t
    gaps = []
    for region in counties[1:: max(1, len(counties) // repeat)][:repeat]:
        t = time.perf_counter()
        cgr.gap_report(cg, "automotive", region)
        gaps.append(time.perf_counter() - t)
    targets = []
    for segment in ["mt-cnc-system", "auto-drive-motor", "nm-resin"][:repeat]:
        t = time.perf_counter()
        cgr.find_targets(cg, None, segment, counties[len(counties) // 2])
        targets.append(time.perf_counter() - t)
    result: dict[str, Any] = {"load": load, "first": first, "gaps": gaps, "targets": targets}
    try:
        from chaingraph.render.html_map import build_map
    except ImportError:
        pass
    else:
        t = time.perf_counter()
        html = build_map(cg, chain="automotive", region=counties[0])
        result["map"] = time.perf_counter() - t
        result["map_bytes"] = len(html.encode("utf-8"))
    result["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def stage_neo4j(data: str, uri: str, repeat: int) -> dict[str, Any]:
    import chaingraph as cgr
    from chaingraph.backends import connect
    from chaingraph.snapshot import open_snapshot

    os.environ["NEO4J_URI"] = uri
    ds = cgr.load_dataset(data)
    with connect() as backend:
        t = time.perf_counter()
        backend.push(ds)
        pushed = time.perf_counter() - t
        facts = backend.facts(ds.info.id)
        neo, emb = [], []
        with open_snapshot(data) as snap:
            for region in ["r0000", "r0150", "r0299"][:repeat]:
                if region not in ds.regions:
                    continue
                t = time.perf_counter()
                cgr.gap_report(facts, "automotive", region)
                neo.append(time.perf_counter() - t)
                t = time.perf_counter()
                cgr.gap_report(snap, "automotive", region)
                emb.append(time.perf_counter() - t)
    return {"push": pushed, "neo4j_gaps": neo, "embedded_gaps": emb}


# ------------------------------------------------------------------------------------------ driver

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--regions", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--data-dir", default=os.environ.get("CHAINGRAPH_BENCH_DIR",
                                                            str(Path(tempfile.gettempdir()) / "chaingraph-bench")))
    parser.add_argument("--neo4j", default="", help="bolt URI, or 'auto' to start scripts/neo4j-test-server")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    parser.add_argument("--uri", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        stages = {"warm-snapshot": lambda: stage_warm_snapshot(args.data, args.repeat),
                  "memory": lambda: stage_memory(args.data, args.repeat),
                  "neo4j": lambda: stage_neo4j(args.data, args.uri, args.repeat)}
        print(json.dumps(stages[args.stage]()))
        return

    sizes = [int(x) for x in args.sizes.split(",")]
    base = Path(args.data_dir)
    base.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, CHAINGRAPH_CACHE=str(base / "cache"))
    cli = [PY, "-m", "chaingraph"]
    rows: dict[str, dict[int, str]] = {}

    def put(name: str, n: int, value: str) -> None:
        rows.setdefault(name, {})[n] = value

    neo4j_uri = args.neo4j
    started_server = False
    if neo4j_uri == "auto":
        out = subprocess.run([str(ROOT / "scripts" / "neo4j-test-server"), "start", "--name", "bench"],
                             capture_output=True, text=True, check=True)
        neo4j_uri, started_server = out.stdout.strip(), True
    try:
        for n in sizes:
            data = base / f"pool-{n}-{args.regions}"
            print(f"# {n:,} firms", file=sys.stderr, flush=True)
            if not (data / "dataset.yaml").exists():
                wall, rss, _ = _timed([*cli, "synth", "--firms", str(n), "--regions", str(args.regions), "--seed",
                                       "1", "-o", str(data)], env)
                put("generate (once)", n, f"{wall:.1f} s")
            runs = 1 if n >= 1_000_000 else min(args.repeat, 3)
            prep = [_timed([*cli, "--data", str(data), "compile", "--rebuild"], env) for _ in range(runs)]
            put("prepare: validate + compile snapshot (fresh process)", n, _cell([w for w, _, _ in prep], digits=1))
            put("prepare: peak RSS", n, _cell([r for _, r, _ in prep], "MiB", 0))
            for label, region in (("largest", "r0000"), ("median", f"r{args.regions // 2:04d}")):
                cold = [_timed([*cli, "--data", str(data), "gaps", "--chain", "automotive", "--region", region,
                                "--format", "json"], env) for _ in range(args.repeat)]
                put(f"cold CLI gaps, {label} region (wall)", n, _cell([w for w, _, _ in cold]))
                put(f"cold CLI gaps, {label} region (peak RSS)", n, _cell([r for _, r, _ in cold], "MiB", 0))
            _, _, out = _timed([PY, __file__, "--stage", "warm-snapshot", "--data", str(data), "--repeat",
                                str(args.repeat)], env)
            warm = json.loads(out)
            put("warm gap report (snapshot)", n, _cell([x * 1000 for x in warm["gaps"]], "ms", 1))
            put("warm targets for a segment (snapshot)", n, _cell([x * 1000 for x in warm["targets"]], "ms", 1))
            put(f"all gap reports, {warm['reports']} (snapshot)", n, f"{warm['all']:.1f} s")
            _, _, out = _timed([PY, __file__, "--stage", "memory", "--data", str(data), "--repeat",
                                str(args.repeat)], env)
            mem = json.loads(out)
            put("in memory: load + validate (networkx backend)", n, f"{mem['load']:.1f} s")
            put("in memory: first gap report (builds indexes)", n, f"{mem['first']:.2f} s")
            put("in memory: warm gap report", n, _cell([x * 1000 for x in mem["gaps"]], "ms", 1))
            put("in memory: warm targets", n, _cell([x * 1000 for x in mem["targets"]], "ms", 1))
            put("in memory: peak RSS", n, f"{mem['rss']:.0f} MiB")
            if "map" in mem:
                put("map export, one chain, largest region", n, f"{mem['map']:.2f} s")
                put("map file size", n, f"{mem['map_bytes'] / 1e6:.2f} MB")
            if neo4j_uri:
                _, _, out = _timed([PY, __file__, "--stage", "neo4j", "--data", str(data), "--uri", neo4j_uri,
                                    "--repeat", "3"], env)
                neo = json.loads(out)
                if "error" in neo:
                    put("neo4j push", n, neo["error"])
                else:
                    put("neo4j push", n, f"{neo['push']:.1f} s")
                    put("neo4j gap report (Cypher)", n, _cell([x * 1000 for x in neo["neo4j_gaps"]], "ms", 1))
                    put("embedded gap report, same regions", n,
                        _cell([x * 1000 for x in neo["embedded_gaps"]], "ms", 1))
                    ratio = statistics.median(neo["neo4j_gaps"]) / statistics.median(neo["embedded_gaps"])
                    put("neo4j / embedded", n, f"{ratio:.1f}x")
    finally:
        if started_server:
            subprocess.run([str(ROOT / "scripts" / "neo4j-test-server"), "stop", "--name", "bench"], check=False)

    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.platform()}; {args.regions} regions; cells: median (min–max) of {args.repeat} runs.\n")
    header = "| stage | " + " | ".join(f"{n:,} firms" for n in sizes) + " |"
    print(header)
    print("|" + "---|" * (len(sizes) + 1))
    for name, cells in rows.items():
        print(f"| {name} | " + " | ".join(cells.get(n, "–") for n in sizes) + " |")


if __name__ == "__main__":
    main()
