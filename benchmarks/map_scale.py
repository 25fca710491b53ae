"""How the HTML chain map scales: build time, file size and drawn nodes for a national pool of firms.

Makes a synthetic dataset with :func:`chaingraph.sources.synth.generate` (deterministic: the bundled chain templates,
Zipf-sized counties, firms, links, ties and projects in the normal dataset format), then times
``build_map`` for one chain of the default region (the largest county), with the analysis run on the in-memory
graph and on a compiled snapshot, and for all chains. Prints a markdown table. With ``--browser`` it also opens
the one-chain map in headless Chromium and times how long the page takes to be ready.

    python benchmarks/map_scale.py                      # 100,000 firms over 300 counties
    python benchmarks/map_scale.py --firms 20000 --browser
    python benchmarks/map_scale.py --paint big-county.html   # first paint of maps made with `chaingraph map`

Not a timed test: numbers depend on the machine (docs/maps.md lists the ones measured).
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from pathlib import Path

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
            "edges": len(data["edges"]), "firms listed": len(data["firms"])}


def _browser_seconds(path: Path) -> float | None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page(viewport={"width": 1600, "height": 900})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        started = time.perf_counter()
        page.goto(path.resolve().as_uri())
        page.wait_for_function("window.chainMap !== undefined && chainMap.network.getScale() > 0")
        took = time.perf_counter() - started
        browser.close()
    return took


def paint_times(path: Path, viewport: dict[str, int] | None = None) -> dict[str, float]:
    """Open a map in headless Chromium: wall seconds until the map is drawn, first contentful paint, and the
    page's main-thread CPU (Chromium's TaskDuration metric)."""
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page(viewport=viewport or {"width": 1366, "height": 768})
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        started = time.perf_counter()
        page.goto(path.resolve().as_uri())
        page.wait_for_function("window.chainMap !== undefined && chainMap.network.getScale() > 0")
        page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        wall = time.perf_counter() - started
        fcp = page.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: NaN}).startTime")
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        browser.close()
    return {"wall": wall, "fcp": fcp / 1000, "cpu": metrics.get("TaskDuration", float("nan"))}


def paint_table(pages: list[Path]) -> None:
    """Print first-paint times of existing map files; the bundled Pinghu chain map is the baseline."""
    import tempfile as _tempfile

    from chaingraph.outputs.html_map import write_map

    base = Path(_tempfile.mkdtemp(prefix="map-paint-")) / "pinghu-automotive.html"
    write_map(cgr.build_graph(cgr.load_dataset()), base, chain="automotive")
    print("| page | size | map drawn (wall) | first contentful paint | main-thread CPU |\n|---|---:|---:|---:|---:|")
    for label, path in [("baseline: bundled Pinghu, automotive", base)] + [(str(p), p) for p in pages]:
        t = paint_times(path)
        print(f"| {label} | {path.stat().st_size / 1e6:.2f} MB | {t['wall']:.2f} s | {t['fcp']:.2f} s "
              f"| {t['cpu']:.2f} s |")


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
        paint_table(args.paint)
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

    maps: list[tuple[str, str, float, dict[str, int]]] = []
    for label, kwargs in ((f"{args.chain}, analysis in memory", {"chain": args.chain}),
                          (f"{args.chain}, analysis on the snapshot", {"chain": args.chain, "facts": snapshot}),
                          ("all chains, analysis on the snapshot", {"facts": snapshot})):
        started = time.perf_counter()
        page = build_map(cg, **kwargs)  # type: ignore[arg-type]
        took = time.perf_counter() - started
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
    print("\n| map | build_map | file | segments | firm/project nodes | aggregate nodes | nodes | edges "
          "| firms listed in panels |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, _, took, c in maps:
        print(f"| {label} | {took:.2f} s | {c['bytes'] / 1e6:.2f} MB | {c['segments']} | {c['firm nodes']} "
              f"| {c['aggregate nodes']} | {c['nodes']} | {c['edges']} | {c['firms listed']:,} |")
    if args.browser:
        seconds = _browser_seconds(Path(maps[1][1]))
        print("\nopen in headless Chromium until the map is drawn: "
              + ("playwright is not installed" if seconds is None else f"{seconds:.2f} s"))
    print(f"\n(files in {work})")


if __name__ == "__main__":
    main()
