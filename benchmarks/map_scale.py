"""How the HTML chain map scales: build time, file size and drawn nodes for a national pool of firms.

Makes a synthetic dataset with :func:`chaingraph.sources.synth.generate` (deterministic: the bundled chain templates,
Zipf-sized counties, firms, links, ties and projects in the normal dataset format), then times
``build_map`` for one chain of the default region (the largest county), with the analysis run on the in-memory
graph and on a compiled snapshot, and for all chains. Prints a markdown table. With ``--browser`` it also opens
the one-chain map in headless Chromium and times how long the page takes to be ready.

    python benchmarks/map_scale.py                      # 100,000 firms over 300 counties
    python benchmarks/map_scale.py --firms 20000 --browser
    python benchmarks/map_scale.py --paint big-county.html   # first paint of maps made with `chaingraph map`
                                                             # (benchmarks/map_paint.py measures both at once)

Not a timed test: numbers depend on the machine (docs/maps.md lists the ones measured).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import chaingraph as cgr
from chaingraph.engines.snapshot import open_snapshot
from chaingraph.outputs.html_map import build_map
from chaingraph.sources.synth import generate


def _counts(page: str) -> dict[str, int]:
    match = re.search(r'<script type="application/json" id="chain-map-data">(.*?)</script>', page, re.S)
    assert match
    data = json.loads(match.group(1))
    kinds: dict[str, int] = {}
    for node in data["nodes"]:
        kinds[node["kind"]] = kinds.get(node["kind"], 0) + 1
    return {"segments": kinds.get("segment", 0), "firm nodes": kinds.get("firm", 0) + kinds.get("project", 0),
            "aggregate nodes": kinds.get("firms", 0) + kinds.get("projects", 0), "nodes": len(data["nodes"]),
            "edges": len(data["edges"]), "firms listed": len(data["firms"]["rows"])}


def _paint() -> Any:
    """benchmarks/map_paint.py (beside this file): opening maps in headless Chromium."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import map_paint

    return map_paint


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--firms", type=int, default=100_000)
    parser.add_argument("--regions", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--chain", default="automotive")
    parser.add_argument("--workdir", type=Path, help="where the dataset and maps go (default: a temporary folder)")
    parser.add_argument("--browser", action="store_true", help="also time opening the map in headless Chromium")
    parser.add_argument("--paint", type=Path, nargs="+", metavar="HTML",
                        help="only time the first paint of these map files at 1366x768 (baseline: a Pinghu map)")
    args = parser.parse_args()
    if args.paint:
        from chaingraph.outputs.html_map import write_map

        base = Path(tempfile.mkdtemp(prefix="map-paint-")) / "pinghu-automotive.html"
        write_map(cgr.build_graph(cgr.load_dataset()), base, chain="automotive")
        _paint().paint_table([("baseline: bundled Pinghu, automotive", base)] + [(str(p), p) for p in args.paint])
        return
    work = args.workdir or Path(tempfile.mkdtemp(prefix="map-scale-"))
    work.mkdir(parents=True, exist_ok=True)

    rows: list[tuple[str, str]] = []
    started = time.perf_counter()
    root = generate(work / "pool", firms=args.firms, regions=args.regions, seed=args.seed)
    rows.append(("generate dataset", f"{time.perf_counter() - started:.1f} s"))
    started = time.perf_counter()
    cg = cgr.build_graph(cgr.load_dataset(root))
    rows.append(("load + build graph", f"{time.perf_counter() - started:.1f} s"))
    started = time.perf_counter()
    snapshot = open_snapshot(root, cache_dir=work / "cache")
    rows.append(("compile snapshot (once per dataset change)", f"{time.perf_counter() - started:.1f} s"))

    maps: list[tuple[str, str, tuple[float, float], dict[str, int]]] = []
    for label, kwargs in ((f"{args.chain}, analysis in memory", {"chain": args.chain}),
                          (f"{args.chain}, analysis on the snapshot", {"chain": args.chain, "facts": snapshot}),
                          ("all chains, analysis on the snapshot", {"facts": snapshot})):
        started, cpu = time.perf_counter(), time.process_time()
        page = build_map(cg, **kwargs)  # type: ignore[arg-type]
        took = (time.process_time() - cpu, time.perf_counter() - started)
        out = work / (re.sub(r"\W+", "-", label) + ".html")
        out.write_text(page, encoding="utf-8")
        maps.append((label, str(out), took, {"bytes": len(page.encode("utf-8")), **_counts(page)}))
    snapshot.close()

    local = sum(1 for f in cg.dataset.firms.values() if cg.is_local(f, cg.dataset.info.default_region))
    print(f"### Map scale: {len(cg.dataset.firms):,} firms, {len(cg.dataset.links):,} links, "
          f"{len(cg.dataset.projects):,} projects; {local:,} firms in the default region\n")
    print("| step | time |\n|---|---:|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    print("\n| map | build_map CPU / wall | file | segments | firm/project nodes | aggregate nodes | nodes | edges "
          "| firms listed in panels |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, _, took, c in maps:
        print(f"| {label} | {took[0]:.2f} s / {took[1]:.2f} s | {c['bytes'] / 1e6:.2f} MB | {c['segments']} "
              f"| {c['firm nodes']} | {c['aggregate nodes']} | {c['nodes']} | {c['edges']} | {c['firms listed']:,} |")
    if args.browser:
        try:
            import playwright  # noqa: F401
        except ImportError:
            print("\nopen in headless Chromium: playwright is not installed")
        else:
            print()
            _paint().paint_table([(label, Path(path)) for label, path, _, _ in maps[1:2]], repeat=1)
    print(f"\n(files in {work})")


if __name__ == "__main__":
    main()
