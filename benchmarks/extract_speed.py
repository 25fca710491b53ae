"""Time `extract_facts` on texts of 10k, 30k and 100k characters: is it linear in the length of the text?

    python benchmarks/extract_speed.py [--texts DIR] [--kind both|synthetic|shared-prefix] [--sizes 10000,30000,100000]
                                       [--ner]

The text is made by repeating signing-report paragraphs with varying firm names, figures, dates and parks (so that
names do not repeat, the hard case for name lookups), then by repeating paragraphs whose firms' legal names share
their first three characters (the hard case for short names: every prefix of a name occurs inside the other
firms' names), or, with ``--texts``, by concatenating the ``*.txt`` articles
of a folder until the size is reached. For each size the table gives the wall and CPU time of the whole extraction
(with the bundled dataset, as the CLI runs it), and, measured in the same run on the same text, two baselines: one
regular-expression pass over the text (the figure pattern) and the text preparation alone (repair, layout,
punctuation, script). ``per 10k`` is the extraction's wall time per 10,000 characters: it stays flat when the time
is linear. ``--ner`` runs the extraction with the optional entity tagger (``chaingraph[ner]``); the model's load
(once per process) is timed apart and left out of the table.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from chaingraph import load_dataset
from chaingraph.dataset import bundled_dataset_path
from chaingraph.dataset.store import Dataset
from chaingraph.sources.extract import _FIGURE_RE, extract_facts
from chaingraph.sources.text import prepare_text

SYLLABLES = "华恒锐达新材科技精密智能电子光伏汽车装备医药生物能源宏泰博远盛通联创鑫瑞晶德美嘉诚信安"
PRODUCTS = ("液压泵", "锂电池隔膜", "光伏组件", "精密轴承", "环氧树脂", "汽车座椅", "医用敷料", "工业机器人",
            "芯片封装")
PARKS = ("临港经济开发区", "滨江高新区", "东湖工业园区", "青山镇", "南塘街道", "西溪产业园")


def synthetic(size: int, seed: int = 1) -> str:
    rnd = random.Random(seed)

    def name(n: int) -> str:
        return "".join(rnd.choice(SYLLABLES) for _ in range(n))

    parts: list[str] = []
    total = 0
    while total < size:
        firm = name(4)
        kind = rnd.randrange(3)
        if kind == 0:
            para = (f"{rnd.randint(1, 12)}月{rnd.randint(1, 28)}日，{firm}科技有限公司年产{rnd.randint(1, 90)}万台"
                    f"{rnd.choice(PRODUCTS)}项目在{rnd.choice(PARKS)}签约，总投资{rnd.randint(1, 90)}亿元，"
                    f"占地{rnd.randint(10, 300)}亩。该项目建成后预计年产值{rnd.randint(2, 50)}亿元。\n")
        elif kind == 1:
            para = (f"{name(3)}集团在{rnd.choice(PARKS)}投资{rnd.randint(2, 30)}亿元建设{name(2)}"
                    f"{rnd.choice(PRODUCTS)}生产基地项目，注册资本{rnd.randint(1, 9)}000万美元。同日，"
                    f"{rnd.randint(2, 30)}个项目集中开工，总投资{rnd.randint(20, 200)}亿元。\n")
        else:
            para = (f"一是{name(4)}{rnd.choice(PRODUCTS)}项目，总投资{rnd.randint(1, 9)}.{rnd.randint(1, 9)}亿元；"
                    f"二是{name(4)}{rnd.choice(PRODUCTS)}扩建项目，投资{rnd.randint(1000, 9000)}万元。\n")
        parts.append(para)
        total += len(para)
    return "".join(parts)[:size]


def shared_prefix(size: int, seed: int = 2) -> str:
    """Paragraphs whose firms' legal names all start with the same three characters (one group's many subsidiaries
    in one report): the hard case for short names, where every prefix of one firm's name occurs in every other
    firm's legal name."""
    rnd = random.Random(seed)

    def name(n: int) -> str:
        return "".join(rnd.choice(SYLLABLES) for _ in range(n))

    parts: list[str] = []
    total = 0
    while total < size:
        body = "浙江华" + name(4)
        para = (f"{rnd.randint(1, 12)}月{rnd.randint(1, 28)}日，{body}有限公司在{rnd.choice(PARKS)}投资"
                f"{rnd.randint(1, 90)}亿元建设年产{rnd.randint(1, 90)}万台{rnd.choice(PRODUCTS)}项目，占地"
                f"{rnd.randint(10, 300)}亩，注册资本{rnd.randint(1, 9)}000万元。{body[2:]}负责人表示，项目建成后"
                f"预计年产值{rnd.randint(2, 50)}亿元，带动就业{rnd.randint(100, 900)}人，力争年内投产。"
                f"{body}将与上下游企业协作，推动产业链延伸和技术升级。\n")
        parts.append(para)
        total += len(para)
    return "".join(parts)[:size]


def from_folder(folder: Path, size: int) -> str:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no .txt files in {folder}")
    out = ""
    while len(out) < size:
        out += "\n".join(texts) + "\n"
    return out[:size]


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--texts", type=Path, default=None)
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--ner", action="store_true", help="with the optional entity tagger")
    parser.add_argument("--kind", choices=("both", "synthetic", "shared-prefix"), default="both",
                        help="which made-up text (without --texts): varied names, names with a shared prefix, or both")
    args = parser.parse_args(argv)
    ds = load_dataset(bundled_dataset_path())
    warm_wall, warm_cpu = timed(lambda: extract_facts("预热：某某科技投资5亿元建设液压泵项目。", "2024-01-01", ds,
                                                      ner=args.ner))  # imports, converter tables, the model
    print(f"warm-up (imports{', tagger model' if args.ner else ''}): {warm_wall:.2f} s wall, {warm_cpu:.2f} s CPU")
    kinds = ["folder"] if args.texts else ["synthetic", "shared-prefix"] if args.kind == "both" else [args.kind]
    for kind in kinds:
        print(f"\n{kind} text{f' ({args.texts})' if args.texts else ''}:\n")
        table(kind, args, ds)
    return 0


def table(kind: str, args: argparse.Namespace, ds: Dataset) -> None:
    make = {"synthetic": synthetic, "shared-prefix": shared_prefix}
    print("| characters | extract wall s | extract CPU s | per 10k wall s | facts | regex pass wall s | "
          "prepare wall s |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size in (int(x) for x in args.sizes.split(",")):
        text = from_folder(args.texts, size) if kind == "folder" else make[kind](size)
        result: list[int] = []
        wall, cpu = timed(lambda text=text, result=result: result.append(
            len(extract_facts(text, "2024-06-01", ds, ner=args.ner).facts)))
        regex_wall, _ = timed(lambda text=text: sum(1 for _ in _FIGURE_RE.finditer(text)))
        prep_wall, _ = timed(lambda text=text: prepare_text(text))
        print(f"| {len(text)} | {wall:.2f} | {cpu:.2f} | {wall / len(text) * 10000:.2f} | {result[0]} | "
              f"{regex_wall:.3f} | {prep_wall:.2f} |")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
