"""Fit the confidence table of chaingraph/sources/calibration.py on the development articles of the corpora.

    python benchmarks/fit_confidence.py [TEXTS] [--keys DIR] [--holdout-texts DIR] [--holdout-keys DIR]
                                        [--holdout2-texts DIR] [--holdout2-keys DIR] [--check]

Extracts every development article with the rules only (no entity tagger, so the table does not depend on what is
installed): the main corpus's ``split: dev`` keys (texts in TEXTS), the former hold-out set
(benchmarks/data/extract-corpus-holdout, texts in --holdout-texts; a development set from round 6 on) and the second
hold-out set (benchmarks/data/extract-corpus-holdout2, texts in --holdout2-texts; a development set from round 7
on). The main corpus's ``split: test`` articles are never read, so the test split still measures the calibration on
articles the fit has not seen. Judges each fact as extract_quality.py --corpus does, counts right / judged per rule
and rewrites the ``COUNTS`` block of calibration.py; prints the table (rule, right, judged, calibrated confidence)
and the lowest confidence at which the fitted facts at or above it are at least 95% right (HIGH_CONFIDENCE in
extract.py is set from it by hand). ``--check`` only says whether the committed table equals a fresh fit (exit 1 if
not). A missing folder of texts is left out with a note on stderr. """

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
HOLDOUT_TEXTS = Path(os.environ.get("CHAINGRAPH_EXTRACT_HOLDOUT", "/work/corpus/extract-holdout"))
HOLDOUT_KEYS = ROOT / "benchmarks" / "data" / "extract-corpus-holdout"
HOLDOUT2_TEXTS = Path(os.environ.get("CHAINGRAPH_EXTRACT_HOLDOUT2", "/work/corpus/extract-holdout2"))
HOLDOUT2_KEYS = ROOT / "benchmarks" / "data" / "extract-corpus-holdout2"
FIT_SPLITS = ("dev", "holdout", "holdout2")
"""The splits the table is fitted on; ``test`` is never read."""


def fit(sets: list[tuple[Path, Path]]) -> tuple[dict[str, tuple[int, int]], list[tuple[str, bool]]]:
    """Count right / judged per rule over the development articles of each ``(texts, keys)`` pair; also return
    every judged fact as ``(rule, right)``."""
    import extract_corpus as ec  # type: ignore[import-not-found]

    from chaingraph import load_dataset
    from chaingraph.sources.calibration import fact_type

    ds = load_dataset(ROOT / "seeds" / "pinghu-2022")
    counts: dict[str, list[int]] = {}
    judged: list[tuple[str, bool]] = []
    for texts, keys_dir in sets:
        for key in ec.load_keys(keys_dir):
            if key.get("split", "dev") not in FIT_SPLITS:
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
                judged.append((fact.rule, right))
    return {rule: (r, n) for rule, (r, n) in sorted(counts.items())}, judged


def high_mark(texts_keys: list[tuple[Path, Path]], share: float = 0.95) -> float | None:
    """The lowest confidence at which the judged facts of the development articles at or above it are at least
    ``share`` right, extracted again with the new table (so with every cap of calibrate()); None when no level
    is."""
    import extract_corpus as ec  # type: ignore[import-not-found]

    from chaingraph import load_dataset

    ds = load_dataset(ROOT / "seeds" / "pinghu-2022")
    found: list[tuple[float, bool]] = []
    for texts, keys_dir in texts_keys:
        for key in ec.load_keys(keys_dir):
            if key.get("split", "dev") in FIT_SPLITS and (texts / f"{key['id']}.txt").exists():
                score, _ = ec.score_article(key, texts, ds)
                found += [(fact.confidence, right) for fact, right in score.judged]
    scored = sorted(found, reverse=True)
    best = None
    right = 0
    for count, (conf, ok) in enumerate(scored, 1):
        right += ok
        last_of_level = count == len(scored) or scored[count][0] != conf
        if last_of_level and right / count >= share:
            best = conf
    return best


def render(counts: dict[str, tuple[int, int]]) -> str:
    lines = ["COUNTS: dict[str, tuple[int, int]] = {"]
    lines += [f'    "{rule}": ({r}, {n}),' for rule, (r, n) in counts.items()]
    lines.append("}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="fit_confidence.py")
    parser.add_argument("texts", nargs="?", type=Path, default=TEXTS)
    parser.add_argument("--keys", type=Path, default=ROOT / "benchmarks" / "data" / "extract-corpus")
    parser.add_argument("--holdout-texts", type=Path, default=HOLDOUT_TEXTS)
    parser.add_argument("--holdout-keys", type=Path, default=HOLDOUT_KEYS)
    parser.add_argument("--holdout2-texts", type=Path, default=HOLDOUT2_TEXTS)
    parser.add_argument("--holdout2-keys", type=Path, default=HOLDOUT2_KEYS)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    sets = [(args.texts, args.keys)]
    if args.holdout_texts.is_dir():
        sets.append((args.holdout_texts, args.holdout_keys))
    else:
        print(f"no folder {args.holdout_texts}: the former hold-out set is left out of the fit", file=sys.stderr)
    if args.holdout2_texts.is_dir():
        sets.append((args.holdout2_texts, args.holdout2_keys))
    else:
        print(f"no folder {args.holdout2_texts}: the second hold-out set is left out of the fit", file=sys.stderr)
    counts, _judged = fit(sets)
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
    mark = high_mark(sets)
    print(f"\nlowest confidence with >= 95% of the fitted facts at or above it right: {mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
