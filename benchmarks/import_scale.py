"""How `chaingraph import` (its plan: read, match and validate every row) scales with the size of the sheet.

Writes planner-style CSV sheets of new firms with a segment, a country and an investment (one firm and one
project per row) and plans each against a copy of the bundled Pinghu dataset, printing wall and CPU time and the
time per row. The baseline is the smallest sheet in the same run: per-row time that stays flat as the sheet grows
means the plan is linear (before this benchmark, citations and segment lookups were redone per row and a
20,000-row sheet took minutes).

Run: python benchmarks/import_scale.py [--rows 2000 20000]
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

from chaingraph.dataset import bundled_dataset_path
from chaingraph.sources.sheets import plan_import

SEGMENTS = ["整车", "动力电池", "电机铁芯", "数控系统", "驱动电机", "锻造零部件"]


def sheet(path: Path, rows: int, seed: int = 1) -> Path:
    rng = random.Random(seed)
    lines = ["企业名称,所属环节,国别,总投资"]
    lines += [f"测试企业{i:06d},{rng.choice(SEGMENTS)},日本,{rng.randint(1, 90)}00万元" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[2000, 20000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="chaingraph-bench-import-") as tmp:
        data = Path(tmp) / "pinghu"
        shutil.copytree(bundled_dataset_path(), data)
        print(f"{'rows':>8}  {'wall s':>8}  {'CPU s':>8}  {'µs/row (CPU)':>13}  {'vs baseline':>11}")
        baseline = None
        for rows in sorted(args.rows):
            path = sheet(Path(tmp) / f"firms-{rows}.csv", rows)
            wall, cpu = time.perf_counter(), time.process_time()
            plan = plan_import(data, path)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            assert plan.rows == rows
            per_row = cpu / rows * 1e6
            baseline = baseline or per_row
            print(f"{rows:>8}  {wall:>8.2f}  {cpu:>8.2f}  {per_row:>13.0f}  {per_row / baseline:>10.2f}x")


if __name__ == "__main__":
    main()
