"""Time questions at scale: as-of gap reports against today's, and a backtest over many regions x chains.

Generates a synthetic pool with a dated history (``synth --years``), then times, with wall and CPU time:

* baseline: load the dataset and build the graph; a gap report of each chain for the default region;
* as-of: the dated view (``dataset_as_of``) plus its graph, and the same gap reports on it;
* ``changes_since`` for the default region (every chain);
* a backtest over ``--regions`` counties x every chain (k = 1, 3, 5, 10), ranked as of the same date and scored
  at the pool's date, with the random-ranking baseline beside it. ``--gap-landings`` (``synth --gap-landings``)
  makes part of the history land in ranked gaps, so that the backtest has a signal to find; at 0 it finds about
  what chance does.

Usage::

    python benchmarks/time_travel.py --firms 100000 --regions 300 --years 5 --gap-landings 0.8
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chaingraph import load_dataset
from chaingraph.analysis.asof import changes_since, dataset_as_of
from chaingraph.analysis.backtest import backtest
from chaingraph.analysis.gaps import gap_report
from chaingraph.dataset.graph import build_graph
from chaingraph.sources.synth import generate


def timed(label: str, rows: list[tuple[str, float, float]], fn: Callable[[], Any]) -> Any:
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    rows.append((label, time.perf_counter() - wall, time.process_time() - cpu))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--firms", type=int, default=100_000)
    parser.add_argument("--regions", type=int, default=300)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--gap-landings", type=float, default=0.8)
    parser.add_argument("--backtest-regions", type=int, default=None,
                        help="How many counties the backtest ranks (default: all of --regions).")
    args = parser.parse_args()
    rows: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory(prefix="chaingraph-time-") as tmp:
        root = timed("synth --years", rows, lambda: generate(Path(tmp) / "pool", firms=args.firms,
                                                              regions=args.regions, seed=3, years=args.years,
                                                              gap_landings=args.gap_landings))
        ds = timed("load dataset", rows, lambda: load_dataset(root))
        graph = timed("build graph (today)", rows, lambda: build_graph(ds))
        region = ds.info.default_region
        timed("gap reports today (3 chains)", rows, lambda: [gap_report(graph, c, region) for c in ds.chains])
        as_of = f"{ds.info.as_of.year - args.years + 1}-06-01"
        view = timed(f"dated view as of {as_of}", rows, lambda: dataset_as_of(ds, as_of))
        then = timed("build graph (as of)", rows, lambda: build_graph(view))
        timed("gap reports as of (3 chains)", rows, lambda: [gap_report(then, c, region) for c in ds.chains])
        timed(f"changes since {as_of}", rows, lambda: changes_since(ds, as_of, region=region))
        counties = [r.id for r in ds.regions.values() if r.kind == "county"][:args.backtest_regions]
        result = timed(f"backtest {len(counties)} regions x {len(ds.chains)} chains", rows,
                       lambda: backtest(ds, as_of, str(ds.info.as_of), regions=counties))
    print(f"pool: {args.firms} firms, {args.regions} counties, {args.years} years of history, "
          f"gap landings {args.gap_landings}; backtest as of {as_of} until {ds.info.as_of}")
    width = max(len(label) for label, _, _ in rows)
    print(f"{'step':<{width}}  {'wall s':>8}  {'cpu s':>8}")
    for label, wall, cpu in rows:
        print(f"{label:<{width}}  {wall:8.2f}  {cpu:8.2f}")
    print("\nbacktest precision at k (segments / firms), random baseline in brackets:")
    for k in result["precision_at_k"]["segments"]:
        print(f"  k={k:<3} {result['precision_at_k']['segments'][k]:.3f} ({result['baseline']['segments'][k]:.3f})"
              f"   {result['precision_at_k']['firms'][k]:.3f} ({result['baseline']['firms'][k]:.3f})")


if __name__ == "__main__":
    main()
