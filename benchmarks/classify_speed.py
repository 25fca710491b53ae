"""Speed of ``chaingraph classify REGISTRY -o review.xlsx`` on registry-like files of 10,000 and 100,000 rows.

Rows are made by recombining the scope items, industry codes and addresses of the labelled dev sample
(benchmarks/data/registry-sample/dev.csv, or the small fixture registry when the sample is absent) with random
firm names, a few deregistered. Each measurement runs in a fresh process and reports wall time, CPU time
(user + system) and peak resident memory. The baseline, measured in the same run, reads the same CSV and writes
the same number of rows and columns to an .xlsx with the same library (XlsxWriter) without classifying.

Usage::

    python benchmarks/classify_speed.py              # 10k and 100k
    python benchmarks/classify_speed.py 10000        # one size
"""

from __future__ import annotations

import csv
import io
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SAMPLE = Path(__file__).parent / "data" / "registry-sample" / "dev.csv"
HEADER = ["企业名称", "统一社会信用代码", "经营范围", "国民经济行业代码", "注册资本", "成立日期", "注册地址",
          "登记状态", "企业类型"]


def _seed_rows() -> list[dict[str, str]]:
    if SAMPLE.exists():
        text = SAMPLE.read_bytes().decode("utf-8-sig")
    else:
        from chaingraph.dataset.fixtures import REGISTRY_SMALL

        text = REGISTRY_SMALL
    return list(csv.DictReader(io.StringIO(text)))


def generate(path: Path, rows: int, seed: int = 7) -> Path:
    """Write a registry-like CSV of ``rows`` firms."""
    rng = random.Random(seed)
    seeds = _seed_rows()
    items = sorted({i for r in seeds for i in r["经营范围"].replace("。", "；").split("；") if i.strip()})
    codes = sorted({r["国民经济行业代码"] for r in seeds if r["国民经济行业代码"]})
    kinds = sorted({r["企业类型"] for r in seeds if r["企业类型"]})
    towns = ["当湖街道", "钟埭街道", "曹桥街道", "新埭镇", "新仓镇", "独山港镇", "林埭镇", "广陈镇", "乍浦镇"]
    trades = ["精密机械", "汽车部件", "新材料", "电子", "模具", "机电", "科技", "贸易", "实业", "塑业", "五金", "电气"]
    chars = "华恒丰盛达鑫源瑞信诚泰安宏兴嘉平湖新远通利德康隆祥宇顺昌明辉金银凯博亚"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for n in range(rows):
            name = "平湖市" + "".join(rng.choice(chars) for _ in range(2)) + rng.choice(trades) + "有限公司"
            scope = "一般项目：" + "；".join(rng.sample(items, k=min(len(items), rng.randint(2, 6))))
            writer.writerow([name, "", scope, rng.choice(codes), f"{rng.randint(10, 9000)}万人民币",
                             f"{rng.randint(1995, 2023)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                             f"浙江省嘉兴市平湖市{rng.choice(towns)}示例路{n}号",
                             "注销" if rng.random() < 0.03 else "存续", rng.choice(kinds)])
    return path


_BASELINE = """
import csv, sys, xlsxwriter
book = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": True})
sheet = book.add_worksheet("rows")
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    for r, row in enumerate(csv.reader(f)):
        cells = (row + row[:7])[:16]
        for c, value in enumerate(cells):
            sheet.write_string(r, c, value)
book.close()
"""

_USAGE = """
import resource
u = resource.getrusage(resource.RUSAGE_SELF)
print(u.ru_utime + u.ru_stime, u.ru_maxrss / 1024)
"""

_CLASSIFY = """
import sys
from chaingraph import load_dataset
from chaingraph.sources.registry import read_registry
from chaingraph.sources.review import propose, write_review
ds = load_dataset()
proposals = propose(ds, read_registry(sys.argv[1]))
write_review(proposals, ds, sys.argv[2])
"""


def measure(script: str, source: Path, target: Path) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS MiB) of one fresh process, as the process itself counts them."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", script + _USAGE, str(source), str(target)], check=True,
                          capture_output=True, text=True)
    wall = time.perf_counter() - started
    cpu, rss = (float(x) for x in done.stdout.split()[-2:])
    return wall, cpu, rss


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000], help="rows per run (10000 100000)")
    sizes = parser.parse_args(argv).sizes
    print("| rows | run | wall s | CPU s | peak RSS MiB |")
    print("|---:|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in sorted(sizes):
            source = generate(Path(tmp) / f"registry-{size}.csv", size)
            for label, script in (("baseline: read CSV, write xlsx", _BASELINE),
                                  ("classify -o review.xlsx", _CLASSIFY)):
                wall, cpu, rss = measure(script, source, Path(tmp) / f"{label[:4]}-{size}.xlsx")
                print(f"| {size:,} | {label} | {wall:.1f} | {cpu:.1f} | {rss:.0f} |", flush=True)
    print(f"\n{os.cpu_count()} CPUs; wall time includes starting Python and loading the dataset")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
