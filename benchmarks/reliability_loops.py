"""kill -9 and concurrency loops against real chaingraph processes; prints tables of outcomes.

    python benchmarks/reliability_loops.py                     # 300 kills, 60 concurrent pairs (~6 min here)
    python benchmarks/reliability_loops.py --kills 60 --pairs 12

Kills: `import`, `merge` or `merge --undo` on a copy of the tiny dataset, killed with SIGKILL at a named point of the
commit (the test hook of chaingraph.dataset.journal) or at a random time within its run. Then `validate` runs, as any
next command would. Wanted: on disk right after the kill, `old`, `new`, or `journaled` (a mix together with the
journal that completes it); after the next command, `old` or `new`, valid, nothing left behind. Anything in capitals
(MIXED, INVALID, +STRAYS) is a failure.

Pairs: two writers started together (or 0-0.3 s apart) on one dataset, with or without a pause between reading
and writing. Wanted: `both kept` (the second waited) or `one refused clearly` (exit 7 naming the holder); never
LOST (a writer reported success but its firm is missing) or INVALID.

The baseline row is one uncontended import in the same run, for the cost of the lock and the journal.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reliability_common import COMMANDS, CRASH_POINTS, PAIRS, CrashBench, cpu_seconds  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--pairs", type=int, default=60)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="chaingraph-loops-") as tmp:
        wall0, cpu0 = time.perf_counter(), cpu_seconds()
        bench = CrashBench(Path(tmp))
        setup_wall, setup_cpu = time.perf_counter() - wall0, cpu_seconds() - cpu0
        kills: collections.Counter[tuple[str, str, str, str]] = collections.Counter()
        wall1, cpu1 = time.perf_counter(), cpu_seconds()
        for i in range(args.kills):
            command = COMMANDS[i % len(COMMANDS)]
            point = CRASH_POINTS[(i // len(COMMANDS)) % len(CRASH_POINTS)] if i % 2 == 0 else None
            raw, after = bench.crash(command, point, rng)
            kills[(command, point or "random time", raw, after)] += 1
        kill_wall, kill_cpu = time.perf_counter() - wall1, cpu_seconds() - cpu1
        pairs: collections.Counter[tuple[str, str, str]] = collections.Counter()
        wall2, cpu2 = time.perf_counter(), cpu_seconds()
        for i in range(args.pairs):
            pair = PAIRS[i % len(PAIRS)]
            pause = 0.5 if i % 2 == 0 else 0.0
            outcome = bench.pair(pair, pause, rng.uniform(0.0, 0.3))
            pairs[(pair, f"pause {pause:.1f} s", outcome)] += 1
        pair_wall, pair_cpu = time.perf_counter() - wall2, cpu_seconds() - cpu2
        baseline = bench.expected["import"][2]

    print(f"## kill -9 loops ({args.kills} kills, seed {args.seed})\n")
    print("| command | killed at | on disk after the kill | after the next command | runs |")
    print("|---------|-----------|------------------------|------------------------|------|")
    for (command, point, raw, after), n in sorted(kills.items()):
        print(f"| {command} | {point} | {raw} | {after} | {n} |")
        failures += n if raw == "MIXED" or after not in ("old", "new") else 0
    print(f"\n## concurrent writers ({args.pairs} pairs)\n")
    print("| pair | between read and write | outcome | runs |")
    print("|------|------------------------|---------|------|")
    for (pair, pause, outcome), n in sorted(pairs.items()):
        print(f"| {pair} | {pause} | {outcome} | {n} |")
        failures += n if outcome not in ("both kept", "one refused clearly") else 0
    print("\n## time\n")
    print("| stage | wall s | CPU s (with child processes) |")
    print("|-------|--------|------------------------------|")
    print(f"| baseline: one uncontended import (process start included) | {baseline:.2f} | – |")
    print(f"| setup (template, references) | {setup_wall:.1f} | {setup_cpu:.1f} |")
    print(f"| {args.kills} kills + next command | {kill_wall:.1f} | {kill_cpu:.1f} |")
    print(f"| {args.pairs} concurrent pairs | {pair_wall:.1f} | {pair_cpu:.1f} |")
    print(f"\nfailures: {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
