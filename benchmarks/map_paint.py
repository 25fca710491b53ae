"""How fast a big chain map is built and opens: build CPU and wall, page size, and in headless Chromium at 1366x768
the first paint, DOMContentLoaded and the moment the map is drawn, with the CPU spent beside the wall times.

    python benchmarks/map_paint.py --pool /work/bench/pool1m                 # automotive, the default region
    python benchmarks/map_paint.py --pool POOL --chain machine-tool --region r0004 --repeat 5
    python benchmarks/map_paint.py --pool POOL --src ../chaingraph-old       # also build with another source tree
    python benchmarks/map_paint.py big-county.html other.html                # only open existing map files

The build runs ``chaingraph --data POOL map -c CHAIN -o FILE`` in a fresh process (the snapshot must be compiled
already, as for ``benchmarks/run.py``: ``chaingraph --data POOL compile``); its wall and CPU (user + system) seconds
and peak RSS are the process's own. Each page is then opened ``--repeat`` times in Debian's /usr/bin/chromium
driven by Playwright, every request but the file aborted, and the medians are printed: first paint, first
contentful paint, DOMContentLoaded and "map drawn" (the page's ``chain-map-drawn`` performance mark, set when
vis-network first draws; on pages older than the mark, the frame after the map's scale is set), all in seconds from
the start of the navigation; "main thread" is the page's main-thread task time (Chromium's TaskDuration metric)
and "Chromium CPU" the user + system CPU of every Chromium process from the navigation to the map drawn. The
bundled Pinghu automotive map is the baseline of the same run.

Not a timed test: numbers depend on the machine (docs/maps.md and docs/performance.md list the ones measured).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1366, "height": 768}
ROOT = Path(__file__).resolve().parent.parent

_TIMES = """() => {
  const paint = (name) => { const e = performance.getEntriesByName(name)[0]; return e ? e.startTime : null; };
  const nav = performance.getEntriesByType("navigation")[0];
  return {fp: paint("first-paint"), fcp: paint("first-contentful-paint"),
          dcl: nav ? nav.domContentLoadedEventEnd : null, drawn: paint("chain-map-drawn")};
}"""


def build(pool: Path, chain: str, region: str | None, out: Path, src: str | None = None,
          cache: str | None = None) -> dict[str, float]:
    """Run ``chaingraph map`` in a fresh process; its wall and CPU seconds and peak RSS (MiB)."""
    env = dict(os.environ)
    if cache:
        env["CHAINGRAPH_CACHE"] = str(Path(cache).resolve())
    if src:
        env["PYTHONPATH"] = str(Path(src).resolve()) + os.pathsep + env.get("PYTHONPATH", "")
    command = [sys.executable, "-m", "chaingraph", "--data", str(pool), "map", "-c", chain, "-o", str(out)]
    if region:
        command[6:6] = ["-r", region]
    started = time.perf_counter()
    # ``-m`` puts the working folder first on sys.path: run in the source tree that is to be measured
    process = subprocess.Popen(command, env=env, cwd=Path(src).resolve() if src else ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if status != 0:
        raise SystemExit(f"map build failed ({status}): {stderr.strip()}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 1024}


def _chromium_cpu() -> dict[int, float]:
    """User + system CPU seconds of every Chromium process below this one, by pid."""
    import psutil

    found = {}
    for child in psutil.Process().children(recursive=True):
        try:
            if "chrom" in child.name():
                times = child.cpu_times()
                found[child.pid] = times.user + times.system
        except psutil.Error:
            continue
    return found


def open_page(path: Path, repeat: int = 3, viewport: dict[str, int] | None = None) -> dict[str, float]:
    """Open a map ``repeat`` times in a fresh headless Chromium each; the median of each measure, in seconds."""
    from playwright.sync_api import sync_playwright

    runs: list[dict[str, float]] = []
    with sync_playwright() as p:
        for _ in range(repeat):
            browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
            page = browser.new_page(viewport=viewport or VIEWPORT)
            cdp = page.context.new_cdp_session(page)
            cdp.send("Performance.enable")
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            before = _chromium_cpu()
            started = time.perf_counter()
            page.goto(path.resolve().as_uri())
            page.wait_for_function("window.chainMap !== undefined && chainMap.network.getScale() > 0", timeout=120_000)
            fallback = page.evaluate("new Promise((done) => requestAnimationFrame(() => "
                                     "requestAnimationFrame(() => done(performance.now()))))")
            wall = time.perf_counter() - started
            after = _chromium_cpu()
            times: dict[str, Any] = page.evaluate(_TIMES)
            metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
            browser.close()
            drawn = times["drawn"] if times["drawn"] is not None else fallback
            runs.append({"fp": (times["fp"] or float("nan")) / 1000, "fcp": (times["fcp"] or float("nan")) / 1000,
                         "dcl": (times["dcl"] or float("nan")) / 1000, "drawn": drawn / 1000, "wall": wall,
                         "main": metrics.get("TaskDuration", float("nan")),
                         "cpu": sum(t - before.get(pid, 0.0) for pid, t in after.items())})
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", type=Path, metavar="HTML", help="existing map files to open")
    parser.add_argument("--pool", type=Path, help="a dataset folder (compiled) to build the map from")
    parser.add_argument("--chain", default="automotive")
    parser.add_argument("--region", help="default: the dataset's default region (the 1M pool's largest county)")
    parser.add_argument("--src", action="append", default=[],
                        help="another chaingraph source tree to build the same map with (repeatable)")
    parser.add_argument("--src-cache", help="CHAINGRAPH_CACHE for the --src builds (a tree with another snapshot "
                        "format needs its own compiled snapshot)")
    parser.add_argument("--repeat", type=int, default=3, help="browser runs per page (medians are printed)")
    parser.add_argument("--keep", type=Path, help="folder to keep the built maps in (default: a temporary one)")
    args = parser.parse_args()
    if not args.pool and not args.pages:
        parser.error("give --pool POOL or map files")
    work = args.keep or Path(tempfile.mkdtemp(prefix="map-paint-"))
    work.mkdir(parents=True, exist_ok=True)

    sys.path.insert(0, str(ROOT))
    import chaingraph as cgr
    from chaingraph.outputs.html_map import write_map

    base = write_map(cgr.build_graph(cgr.load_dataset()), work / "pinghu-automotive.html", chain="automotive")
    pages: list[tuple[str, Path]] = [("baseline: bundled Pinghu, automotive", base)]
    if args.pool:
        label = f"{args.pool.name}, {args.region or 'default region'}, {args.chain}"
        builds = []
        for src in [*args.src, None]:
            name = f"{label} ({Path(src).name})" if src else label
            out = work / (f"map-{Path(src).name}.html" if src else "map.html")
            builds.append((name, build(args.pool, args.chain, args.region, out, src, args.src_cache if src else None),
                           out))
            pages.append((name, out))
        print("| build `chaingraph map` | wall | CPU | peak RSS | page |\n|---|---:|---:|---:|---:|")
        for name, t, out in builds:
            print(f"| {name} | {t['wall']:.2f} s | **{t['cpu']:.2f} s** | {t['rss']:.0f} MiB "
                  f"| {out.stat().st_size / 1e6:.2f} MB |")
        print()
    pages += [(str(p), p) for p in args.pages]
    paint_table(pages, args.repeat)
    print(f"\n(files in {work})")


def paint_table(pages: list[tuple[str, Path]], repeat: int = 3) -> None:
    """Open each page ``repeat`` times at 1366x768 and print the medians as a markdown table."""
    print(f"Opened in headless Chromium at {VIEWPORT['width']}x{VIEWPORT['height']}, medians of {repeat} runs "
          "(seconds from the start of the navigation):\n")
    print("| page | size | first paint | first contentful paint | DOMContentLoaded | map drawn | wall to drawn "
          "| main thread | Chromium CPU |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, path in pages:
        t = open_page(path, repeat)
        print(f"| {name} | {path.stat().st_size / 1e6:.2f} MB | {t['fp']:.2f} s | {t['fcp']:.2f} s | {t['dcl']:.2f} s "
              f"| **{t['drawn']:.2f} s** | {t['wall']:.2f} s | {t['main']:.2f} s | {t['cpu']:.2f} s |")


if __name__ == "__main__":
    main()
