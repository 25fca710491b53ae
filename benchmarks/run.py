"""Benchmark chaingraph on a national pool, side by side with plain SQL and DuckDB baselines measured in the same run.

    python benchmarks/run.py --pool POOL                      # an existing pool folder (e.g. synth --firms 1000000)
    python benchmarks/run.py --firms 1000000 --regions 300    # generate one under --data-dir first (once)
    python benchmarks/run.py --pool POOL --before ../old-src  # also run another source tree ("before" column)

Every stage runs in a fresh process (cold: the real CLI command; warm: one process that opens the snapshot once
and repeats the question). Each cell is wall seconds, CPU seconds (user + system of the process and its children)
and peak RSS; with --repeat N the medians of N runs (peak RSS: the largest). The cold stages run each version and
the baseline in turn, run after run, and give the CPU time as a multiple of the baseline's (``--cold-only``: only
those). The machine may be shared: compare CPU seconds, and compare columns of the same run only.

Cold cells start from compiled bytecode, as an installed package does: the script compiles our source tree first,
and a ``--before`` tree in a temporary copy (never in place). With ``PYTHONDONTWRITEBYTECODE`` set and no
``__pycache__``, every cold run would otherwise compile chaingraph's modules from source again (about 0.04 s CPU of
a cold ``gaps``), a cost no installed copy pays.

The baselines answer a simpler form of each question as directly as plain SQL can (a lower bound, not the same
answer), in a fresh Python process that imports only sqlite3 (or duckdb): one query over chaingraph's own
snapshot (its ``presence``, ``firms`` and ``region_anc`` tables, which every format version has) that counts
the local firms per segment and names the first 20; for targets one ranking query (size, confidence and Fortune
500 only: no group, tie, country or synergy bonus, no candidate total); for compile, loading the CSV files into
SQLite with the csv module, and DuckDB building the presence table and the per-(county, segment) counts from the
CSVs. A baseline validates nothing and writes no
reasons, so it is a floor, not a competitor.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
CHAINS = ("automotive", "machine-tool", "new-materials")
Versions = dict[str, tuple[list[str], dict[str, str], str | None]]
"""name -> (command line of the CLI, environment, source tree on ``sys.path`` or None for ours)."""

# Run the CLI of another source tree with this interpreter (its editable install would import ours). Its command
# line becomes the process's own and main() reads it, as the console script and `python -m chaingraph` do: main()
# called with arguments leaves the collector's passes at exit to the process (no gc.freeze(), ~10 ms more).
SHIM = ("import sys; sys.meta_path = [f for f in sys.meta_path if 'editable' not in repr(f)]; "
        "sys.path.insert(0, sys.argv[1]); sys.argv[1:] = sys.argv[2:]; from chaingraph.cli import main; main()")

# Peak RSS and CPU seconds of a child process, measured by a wrapper that only waits for it.
WRAPPER = ("import json, resource, subprocess, sys, time; t = time.perf_counter(); "
           "p = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE); w = time.perf_counter() - t; "
           "r = resource.getrusage(resource.RUSAGE_CHILDREN); "
           "sys.stderr.write(json.dumps({'wall': w, 'cpu': r.ru_utime + r.ru_stime, 'rss': r.ru_maxrss / 1024, "
           "'code': p.returncode}) + '\\n'); sys.stdout.buffer.write(p.stdout); sys.exit(p.returncode)")

# ------------------------------------------------------------------------------------------ SQL baselines

_LOCAL_SQL = """
WITH local AS (SELECT region FROM region_anc WHERE ancestor = :region),
wanted AS (SELECT id FROM segments WHERE chain = :chain
           UNION SELECT source FROM supplies WHERE target IN (SELECT id FROM segments WHERE chain = :chain)
           UNION SELECT target FROM supplies WHERE source IN (SELECT id FROM segments WHERE chain = :chain)),
lp AS (SELECT segment, firm, MIN(ord) AS o, MAX(confidence <> 'guessed') AS sure, MAX(leader) AS leader
       FROM presence WHERE place IN local AND segment IN wanted AND NOT (stage = 'pipeline' AND via IS NOT NULL)
       GROUP BY segment, firm),
counted AS (SELECT segment, firm, leader, ROW_NUMBER() OVER (PARTITION BY segment ORDER BY o) AS rn,
                   COUNT(*) OVER (PARTITION BY segment) AS n, SUM(leader) OVER (PARTITION BY segment) AS leaders
            FROM lp WHERE sure)
"""
GAPS_SQL = _LOCAL_SQL + """SELECT c.segment, c.n, c.leaders, f.name FROM counted c JOIN firms f ON f.id = c.firm
WHERE c.rn <= 20 ORDER BY c.segment, c.rn"""
PIPELINE_SQL = """SELECT DISTINCT p.segment, pr.name FROM presence p JOIN projects pr ON pr.id = p.via
WHERE p.place IN (SELECT region FROM region_anc WHERE ancestor = :region) AND p.stage = 'pipeline'"""
COUNTS_SQL = _LOCAL_SQL + "SELECT segment, MAX(n), MAX(leaders) FROM counted GROUP BY segment"
TARGETS_SQL = """
WITH local AS (SELECT region FROM region_anc WHERE ancestor = :region)
SELECT f.name, f.country, f.headquarters,
       MAX(CASE p.confidence WHEN 'confirmed' THEN 1.0 WHEN 'probable' THEN 0.8 ELSE 0.5 END)
       * (CASE f.size WHEN 'leader' THEN 1.0 WHEN 'large' THEN 0.8 WHEN 'medium' THEN 0.5 ELSE 0.3 END
          + (CASE WHEN f.f500 IS NOT NULL THEN 0.3 ELSE 0 END)) AS score
FROM presence p JOIN firms f ON f.id = p.firm
WHERE p.segment = :segment AND p.stage = 'operating' AND (f.region IS NULL OR f.region NOT IN local)
GROUP BY p.firm ORDER BY score DESC, f.name LIMIT 10"""

BASELINE_GAPS = f"""
import json, sqlite3, sys
con = sqlite3.connect(f"file:{{sys.argv[1]}}?mode=ro", uri=True)
args = {{"region": sys.argv[2], "chain": sys.argv[3]}}
rows = con.execute({GAPS_SQL!r}, args).fetchall()
pipeline = con.execute({PIPELINE_SQL!r}, args).fetchall()
print(json.dumps({{"rows": rows, "pipeline": pipeline}}, ensure_ascii=False, indent=2))
"""
BASELINE_TARGETS = f"""
import json, sqlite3, sys
con = sqlite3.connect(f"file:{{sys.argv[1]}}?mode=ro", uri=True)
print(json.dumps(con.execute({TARGETS_SQL!r}, {{"region": sys.argv[2], "segment": sys.argv[3]}}).fetchall(),
                 ensure_ascii=False, indent=2))
"""
BASELINE_CHAINS = f"""
import sqlite3, sys
con = sqlite3.connect(f"file:{{sys.argv[1]}}?mode=ro", uri=True)
for chain in {CHAINS!r}:
    print(chain, con.execute({COUNTS_SQL!r}, {{"region": sys.argv[2], "chain": chain}}).fetchall())
"""
BASELINE_COMPILE_SQLITE = """
import csv, os, sqlite3, sys
pool, target = sys.argv[1], sys.argv[2]
if os.path.exists(target):
    os.remove(target)
con = sqlite3.connect(target)
con.execute("PRAGMA journal_mode = OFF")
con.execute("PRAGMA synchronous = OFF")
for name in ("firms", "links", "projects", "ties"):
    with open(os.path.join(pool, name + ".csv"), encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        con.execute(f"CREATE TABLE {name} ({', '.join(f'c{i} TEXT' for i in range(len(header)))})")
        con.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' * len(header))})", reader)
con.execute("CREATE INDEX firms_id ON firms (c0)")
con.execute("CREATE INDEX links_segment ON links (c1)")
con.commit()
"""
BASELINE_COMPILE_DUCKDB = """
import os, sys
import duckdb
pool, target = sys.argv[1], sys.argv[2]
if os.path.exists(target):
    os.remove(target)
con = duckdb.connect(target)
con.execute("SET threads = 2")
csv = lambda name: f"read_csv('{os.path.join(pool, name + '.csv')}', all_varchar = true, header = true)"
con.execute(f"CREATE TABLE firms AS SELECT * FROM {csv('firms')}")
con.execute(f"CREATE TABLE projects AS SELECT * FROM {csv('projects')}")
con.execute(f'''CREATE TABLE presence AS
    SELECT l.firm, l.segment, 'operating' AS stage, l.confidence, NULL AS via, f.region AS place
    FROM {csv('links')} l JOIN firms f ON f.id = l.firm
    UNION ALL
    SELECT trim(firm), trim(segment), CASE WHEN p.status = 'operating' THEN 'operating' ELSE 'pipeline' END,
           'confirmed', p.id, p.region
    FROM projects p, unnest(string_split(p.firms, '|')) AS t(firm), unnest(string_split(p.segments, '|')) AS u(segment)
    WHERE p.status <> 'cancelled' ''')
con.execute('''CREATE TABLE counts AS SELECT place, segment, COUNT(DISTINCT firm) AS n FROM presence
               WHERE stage = 'operating' AND confidence <> 'guessed' GROUP BY place, segment''')
con.close()
"""


# ------------------------------------------------------------------------------------------ in-process stages

def stage_warm(pool: str, snapshot: str, src: str | None, repeat: int) -> dict[str, Any]:
    """Warm questions in one process: chaingraph (of ``src``, else ours) and the plain SQL baseline."""
    import sqlite3
    import time

    if src:
        sys.meta_path = [f for f in sys.meta_path if "editable" not in repr(f)]
        sys.path.insert(0, src)
    from chaingraph import find_targets, gap_report
    from chaingraph.engines.snapshot import open_snapshot

    def timed(func: Any, n: int) -> list[float]:
        func()  # the first call of a session computes relatedness and caches the region's context
        times = []
        for _ in range(n):
            t = time.process_time()
            func()
            times.append(time.process_time() - t)
        return times

    result: dict[str, Any] = {}
    with open_snapshot(pool) as facts:
        counties = sorted(r.id for r in facts.ds.regions.values() if r.kind == "county")
        home = facts.ds.info.default_region
        result["gaps"] = timed(lambda: gap_report(facts, "automotive", home), repeat)
        result["targets"] = timed(lambda: find_targets(facts, None, "mt-cnc-system", home), repeat)
        t = time.process_time()
        for region in counties:
            for chain in CHAINS:
                gap_report(facts, chain, region)
        result["all"] = time.process_time() - t
        result["reports"] = len(counties) * len(CHAINS)
    con = sqlite3.connect(f"file:{snapshot}?mode=ro", uri=True)
    args = {"region": home, "chain": "automotive"}
    result["base_gaps"] = timed(lambda: (con.execute(GAPS_SQL, args).fetchall(),
                                         con.execute(PIPELINE_SQL, args).fetchall()), repeat)
    result["base_targets"] = timed(lambda: con.execute(TARGETS_SQL, {"region": home, "segment": "mt-cnc-system"})
                                   .fetchall(), repeat)
    t = time.process_time()
    for region in counties:
        for chain in CHAINS:
            con.execute(COUNTS_SQL, {"region": region, "chain": chain}).fetchall()
    result["base_all"] = time.process_time() - t
    return result


# ------------------------------------------------------------------------------------------ driver

def compile_bytecode(package: Path) -> None:
    """Write the ``__pycache__`` of a source tree's package, so that cold runs import it as an installed copy."""
    subprocess.run([PY, "-m", "compileall", "-q", str(package)], check=True, stdout=subprocess.DEVNULL)


def compiled_copy(src: Path, into: Path) -> Path:
    """``src``'s chaingraph package copied under ``into`` (without its caches) and compiled there; ``into`` is the
    tree to put on ``sys.path``. The original tree stays as it was (it may be a read-only checkout)."""
    shutil.copytree(src / "chaingraph", into / "chaingraph", ignore=shutil.ignore_patterns("__pycache__"))
    compile_bytecode(into / "chaingraph")
    return into


def measure(cmd: list[str], env: dict[str, str], repeat: int) -> dict[str, Any]:
    runs = []
    for _ in range(repeat):
        proc = subprocess.run([PY, "-c", WRAPPER, *cmd], capture_output=True, env=env, cwd=ROOT, check=False)
        lines = proc.stderr.decode(errors="replace").strip().splitlines()
        if proc.returncode != 0 or not lines:
            raise SystemExit(f"benchmark step failed: {' '.join(cmd)}\n{proc.stderr.decode(errors='replace')[-2000:]}")
        runs.append(json.loads(lines[-1]))
    return {"wall": statistics.median(r["wall"] for r in runs), "cpu": statistics.median(r["cpu"] for r in runs),
            "rss": max(r["rss"] for r in runs), "out": proc.stdout.decode()}


def measure_together(cmds: dict[str, tuple[list[str], dict[str, str]]], repeat: int) -> dict[str, dict[str, Any]]:
    """``measure`` for several commands, run in turn (a, b, c, a, b, c, ...), so that a change in the machine's
    load during the stage weighs on each of them alike."""
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in cmds}
    for _ in range(repeat):
        for name, (cmd, env) in cmds.items():
            runs[name].append(measure(cmd, env, 1))
    return {name: {"wall": statistics.median(r["wall"] for r in rs), "cpu": statistics.median(r["cpu"] for r in rs),
                   "rss": max(r["rss"] for r in rs), "out": rs[-1]["out"]} for name, rs in runs.items()}


def seconds(value: float) -> str:
    """Seconds with three decimals under a second (start-up differences are hundredths), else two."""
    return f"{value:.3f}" if value < 1 else f"{value:.2f}"


def cell(m: dict[str, Any] | None, baseline: dict[str, Any] | None = None) -> str:
    if not m:
        return "–"
    ratio = f" ({m['cpu'] / baseline['cpu']:.1f}x)" if baseline and baseline["cpu"] else ""
    return f"{seconds(m['wall'])} s / **{seconds(m['cpu'])} s**{ratio} / {m['rss']:.0f} MiB"


def ms_cell(values: list[float] | float | None) -> str:
    if values is None:
        return "–"
    if isinstance(values, float):
        return f"**{values:.2f} s** CPU"
    return f"**{statistics.median(values) * 1000:.1f} ms** CPU ({min(values) * 1000:.1f}–{max(values) * 1000:.1f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pool", help="an existing dataset folder (default: generate one under --data-dir)")
    parser.add_argument("--firms", type=int, default=1_000_000)
    parser.add_argument("--regions", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data-dir", default=os.environ.get("CHAINGRAPH_BENCH_DIR",
                                                            str(Path(tempfile.gettempdir()) / "chaingraph-bench")))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before", help="another chaingraph source tree to run the same stages with")
    parser.add_argument("--skip-compile", action="store_true", help="time compile only if no snapshot exists")
    parser.add_argument("--cold-only", action="store_true",
                        help="only --help and the cold queries (each version's snapshot compiled first, untimed, "
                             "if missing or stale; no map, no warm stage)")
    parser.add_argument("--compile-repeat", type=int, default=1,
                        help="compile each version this many times, alternating (medians; default 1)")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--snapshot", help=argparse.SUPPRESS)
    parser.add_argument("--src", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage == "warm":
        print(json.dumps(stage_warm(args.pool, args.snapshot, args.src, args.repeat)))
        return

    base = Path(args.data_dir)
    base.mkdir(parents=True, exist_ok=True)
    cache = Path(os.environ.get("CHAINGRAPH_CACHE") or base / "cache")
    env = dict(os.environ, CHAINGRAPH_CACHE=str(cache))
    env.pop("CHAINGRAPH_DATA", None)
    pool = Path(args.pool) if args.pool else base / f"pool-{args.firms}-{args.regions}-{args.seed}"
    if not (pool / "dataset.yaml").exists():
        subprocess.run([PY, "-m", "chaingraph", "synth", "--firms", str(args.firms), "--regions", str(args.regions),
                        "--seed", str(args.seed), "-o", str(pool)], check=True, env=env)
    sys.path.insert(0, str(ROOT))
    from chaingraph.engines.snapshot import snapshot_path

    compile_bytecode(ROOT / "chaingraph")
    versions: Versions = {
        "after": ([PY, "-m", "chaingraph", "--data", str(pool)], env, None)}
    if args.before:
        before_env = dict(env, CHAINGRAPH_CACHE=f"{cache}-before")
        before_copy = tempfile.TemporaryDirectory(prefix="chaingraph-before-")  # removed when the script exits
        before_src = str(compiled_copy(Path(args.before).resolve(), Path(before_copy.name)))
        versions = {"before": ([PY, "-c", SHIM, before_src, "--data", str(pool)], before_env, before_src),
                    **versions}

    rows: list[tuple[str, str, dict[str, str]]] = []
    snapshot = str(snapshot_path(pool, cache))
    regions = sorted(line.split("id: ")[1].split(",")[0] for line in (pool / "regions.yaml").read_text().splitlines()
                     if "kind: county" in line)
    home, median = "r0000", regions[len(regions) // 2]

    # compile first (the other stages need the snapshot)
    compiled: dict[str, str] = {}
    if args.cold_only:  # untimed; compiles only a missing or stale snapshot (another format version)
        for cli, venv, _ in versions.values():
            measure([*cli, "compile"], venv, 1)
        print_table(args, pool, versions, cold_rows(versions, env, snapshot, home, median, args.repeat))
        return
    runs: dict[str, list[dict[str, Any]]] = {}
    for _ in range(max(1, args.compile_repeat)):  # alternating, so that a busy spell of the machine hits both
        for name, (cli, venv, _) in versions.items():
            fresh = Path(venv["CHAINGRAPH_CACHE"]) / Path(snapshot).name
            if not (args.skip_compile and fresh.exists()) or name in runs:
                runs.setdefault(name, []).append(measure([*cli, "compile", "--rebuild"], venv, 1))
    for name, found in runs.items():
        compiled[name] = cell({"wall": statistics.median(r["wall"] for r in found),
                               "cpu": statistics.median(r["cpu"] for r in found), "rss": max(r["rss"] for r in found)})
    with tempfile.TemporaryDirectory() as tmp:
        compiled["SQLite (csv module, no checks)"] = cell(measure([PY, "-c", BASELINE_COMPILE_SQLITE, str(pool),
                                                                   f"{tmp}/base.sqlite"], env, 1))
        try:
            import duckdb  # noqa: F401
        except ImportError:
            compiled["DuckDB"] = "not installed"
        else:
            compiled["DuckDB"] = cell(measure([PY, "-c", BASELINE_COMPILE_DUCKDB, str(pool), f"{tmp}/base.duckdb"],
                                              env, 1))
    rows.append(("`compile --rebuild` (validate + snapshot)", "<= 30 s, 1.5 GiB", compiled))
    rows += cold_rows(versions, env, snapshot, home, median, args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        cells = {name: cell(measure([*cli, "map", "-c", "automotive", "-o", f"{tmp}/{name}.html"], venv, 1))
                 for name, (cli, venv, _) in versions.items()}
        rows.append(("`map -c automotive`, largest county", "<= 5 s", cells))

    warm: dict[str, dict[str, Any]] = {}
    for name, (_, venv, src) in versions.items():
        command = [PY, __file__, "--stage", "warm", "--pool", str(pool), "--snapshot", snapshot,
                   "--repeat", str(max(5, args.repeat))]
        if src:
            command += ["--src", src]
        warm[name] = json.loads(measure(command, venv, 1)["out"])
    after = warm["after"]
    for label, target, key in (("warm gap report, largest county", "<= 5 ms", "gaps"),
                               ("warm targets, largest county", "<= 20 ms", "targets"),
                               (f"all gap reports, {after['reports']} (counties x chains)", "<= 10 s", "all")):
        cells = {name: ms_cell(w[key]) for name, w in warm.items()}
        cells["baseline"] = ms_cell(after["base_" + key])
        rows.append((label, target, cells))
    print_table(args, pool, versions, rows)


def cold_rows(versions: Versions, env: dict[str, str], snapshot: str, home: str, median: str, repeat: int
              ) -> list[tuple[str, str, dict[str, str]]]:
    """``--help`` and the cold queries, each version and its baseline run in turn; the CPU time as a multiple
    of the baseline's in parentheses."""
    rows = []
    cold = [
        ("`--help`", "<= 0.2 s", ["--help"], [PY, "-c", "import click"]),
        (f"cold `gaps -c automotive --format json`, largest county ({home})", "<= 0.5 s, 200 MiB",
         ["gaps", "-c", "automotive", "--format", "json"],
         [PY, "-c", BASELINE_GAPS, snapshot, home, "automotive"]),
        ("cold `gaps -c automotive` (table), largest county", "<= 0.5 s, 200 MiB", ["gaps", "-c", "automotive"],
         [PY, "-c", BASELINE_GAPS, snapshot, home, "automotive"]),
        (f"cold `gaps --format json`, median county ({median})", "", ["gaps", "-c", "automotive", "-r", median,
                                                                     "--format", "json"],
         [PY, "-c", BASELINE_GAPS, snapshot, median, "automotive"]),
        ("cold `gaps` (table), median county", "", ["gaps", "-c", "automotive", "-r", median],
         [PY, "-c", BASELINE_GAPS, snapshot, median, "automotive"]),
        ("cold `targets -s mt-cnc-system`, largest county", "<= 0.5 s", ["targets", "-s", "mt-cnc-system"],
         [PY, "-c", BASELINE_TARGETS, snapshot, home, "mt-cnc-system"]),
        ("cold `chains`, largest county", "", ["chains"], [PY, "-c", BASELINE_CHAINS, snapshot, home]),
    ]
    for label, target, command, baseline in cold:
        cmds = {name: ([*cli, *command], venv) for name, (cli, venv, _) in versions.items()}
        measured = measure_together({**cmds, "baseline": (baseline, env)}, repeat)
        cells = {name: cell(m, None if name == "baseline" else measured["baseline"]) for name, m in measured.items()}
        rows.append((label, target, cells))
    return rows


def print_table(args: argparse.Namespace, pool: Path, versions: Versions,
                rows: list[tuple[str, str, dict[str, str]]]) -> None:
    names = [*versions, "baseline"]
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; pool {pool.name}"
          f"; cold cells: wall / **CPU** / peak RSS, medians of {args.repeat} runs (compile: "
          f"{max(1, args.compile_repeat)}, alternating; map: one run), from compiled bytecode.\n")
    print("| stage | target | " + " | ".join(names) + " |")
    print("|---|---|" + "---|" * len(names))
    for label, target, cells in rows:
        extra = [f"{k}: {v}" for k, v in cells.items() if k not in names]
        base_cell = cells.get("baseline") or "<br>".join(extra) or "–"
        print(f"| {label} | {target} | " + " | ".join(cells.get(n, "–") for n in names[:-1]) + f" | {base_cell} |")


if __name__ == "__main__":
    main()
