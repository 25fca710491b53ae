"""Fit the confidence table of chaingraph/sources/calibration.py on the dev split of the extraction corpus.

    python benchmarks/fit_confidence.py [TEXTS] [--keys DIR] [--check]

Extracts every dev article (keys with ``split: dev``; test articles are never read) with the rules only (no entity
tagger, so the table does not depend on what is installed), judges each fact as
extract_quality.py --corpus does, counts right / judged per rule and rewrites the ``COUNTS`` block of
calibration.py. Prints the table: rule, right, judged, calibrated confidence. ``--check`` only says whether the
committed table equals a fresh fit (exit 1 if not).
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
MODULE = ROOT / "chaingraph" / "sources" / "calibration.py"
TEXTS = Path(os.environ.get("CHAINGRAPH_EXTRACT_CORPUS", "/work/corpus/extract"))


def fit(texts: Path, keys_dir: Path) -> dict[str, tuple[int, int]]:
    import extract_corpus as ec  # type: ignore[import-not-found]

    from chaingraph import load_dataset
    from chaingraph.sources.calibration import fact_type

    ds = load_dataset(ROOT / "seeds" / "pinghu-2022")
    counts: dict[str, list[int]] = {}
    for key in ec.load_keys(keys_dir):
        if key.get("split", "dev") != "dev":
            continue
        if not (texts / f"{key['id']}.txt").exists():
            print(f"no text for {key['id']} in {texts}: left out of the fit", file=sys.stderr)
            continue
        score, _ = ec.score_article(key, texts, ds)
        for fact, right in score.judged:
            if fact_type(fact.rule) is None:
                continue
            cell = counts.setdefault(fact.rule, [0, 0])
            cell[0] += int(right)
            cell[1] += 1
    return {rule: (r, n) for rule, (r, n) in sorted(counts.items())}


def render(counts: dict[str, tuple[int, int]]) -> str:
    lines = ["COUNTS: dict[str, tuple[int, int]] = {"]
    lines += [f'    "{rule}": ({r}, {n}),' for rule, (r, n) in counts.items()]
    lines.append("}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="fit_confidence.py")
    parser.add_argument("texts", nargs="?", type=Path, default=TEXTS)
    parser.add_argument("--keys", type=Path, default=ROOT / "benchmarks" / "data" / "extract-corpus")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    counts = fit(args.texts, args.keys)
    source = MODULE.read_text(encoding="utf-8")
    block = re.compile(r"(# BEGIN COUNTS[^\n]*\n).*?(\n# END COUNTS)", re.S)
    new = block.sub(lambda m: m.group(1) + render(counts) + m.group(2), source)
    if args.check:
        same = new == source
        print("calibration table is current" if same else "calibration table differs from a fresh fit on dev")
        return 0 if same else 1
    tmp = MODULE.with_suffix(".py.tmp")
    tmp.write_text(new, encoding="utf-8")
    tmp.replace(MODULE)
    import chaingraph.sources.calibration as cal

    importlib.reload(cal)
    print("| rule | right | judged | confidence |\n|---|---:|---:|---:|")
    for rule, (r, n) in counts.items():
        print(f"| {rule} | {r} | {n} | {cal.rule_confidence(rule):.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
