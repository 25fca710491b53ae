"""Quality of ``chaingraph classify`` on the labelled registry sample (benchmarks/data/registry-sample).

Prints, for each sample file (by default the development files dev, test, holdout, holdout2, holdout4 … holdout8,
holdout11, holdout13, holdout14, holdout16, holdout17 and holdout18; holdout19 and holdout20 are the blind ones,
holdout12 and holdout15 were until round 15, see the sample README):
per-chain link precision and recall,
top-1 accuracy, the share of distractors (dealers, traders, packaging, building materials, consulting shells)
that get any link, and how many traders, dealers and holdings are recognised as such. Every figure is given
twice: for all proposals and for the proposals a planner imports with ``--min-confidence probable``. With more
than one file, a summary table puts the headline figures of each file side by side.

Usage::

    python benchmarks/classify_quality.py                 # the development files with the bundled templates
    python benchmarks/classify_quality.py holdout6 --known none   # a blind file, the row alone (no known firms)
    python benchmarks/classify_quality.py --data DIR dev   # another dataset's templates, dev only
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from chaingraph import load_dataset
from chaingraph.dataset import Dataset
from chaingraph.sources.classify import Classifier, FirmResult, confidence_at_least
from chaingraph.sources.known import FirmKnowledge
from chaingraph.sources.registry import read_registry

SAMPLE = Path(__file__).parent / "data" / "registry-sample"
TARGETS = {"precision": 0.90, "recall": 0.80, "top1": 0.85, "distractor_fp": 0.05}
DEFAULT_SAMPLES = ("dev", "test", "holdout", "holdout2", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8",
                   "holdout11", "holdout13", "holdout14", "holdout16", "holdout17", "holdout18")
"""The sample files measured by default: all are development sets now (see the sample's README.md); a blind set
is measured by naming it."""


def _labels(path: Path) -> dict[int, dict[str, str]]:
    """Label columns by the row number read_registry gives (the CSV line where the record ends)."""
    text = path.read_bytes().decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    rows = {}
    for cells in reader:
        rows[reader.line_num] = dict(zip(header, cells, strict=False))
    return rows


def _links(result: FirmResult, minimum: str) -> list[str]:
    return [p.segment for p in result.proposals if confidence_at_least(p.confidence, minimum)]


KNOWLEDGE = ("all", "dataset", "none")
"""--known: which known firms the classifier may use (all: the dataset's firms and the reference list; dataset:
the dataset's firms only; none: the row alone)."""


def evaluate(ds: Dataset, path: Path, known: str = "all") -> dict[str, Any]:
    """Every figure of one sample file."""
    if known == "none":
        classifier = Classifier(ds, knowledge=FirmKnowledge([]))
    else:
        classifier = Classifier(ds, reference=known == "all")
    registry = read_registry(path)
    labels = _labels(path)
    chain_of = {s.id: s.chain for s in ds.segments.values()}
    out: dict[str, Any] = {"rows": len(registry.rows), "deregistered_skipped": registry.deregistered,
                           "deregistered_labelled": sum(1 for r in labels.values() if r.get("category") ==
                                                        "deregistered")}
    unknown = sorted({s for r in labels.values() for s in r.get("label_segments", "").split("|")
                      if s and s not in chain_of})
    out["unknown_label_segments"] = unknown
    results = [(labels[row.row], classifier.classify(row)) for row in registry.rows]
    for minimum in ("guessed", "probable"):
        per_chain: dict[str, Counter[str]] = {}
        top = Counter[str]()
        distractors = Counter[str]()
        for label, result in results:
            truth = {s for s in label.get("label_segments", "").split("|") if s}
            proposed = set(_links(result, minimum))
            # the sample README's R&D-only rule: an R&D firm produces nothing, so leaving it unlinked is right,
            # a link to the segment it researches is right at most probable, and a confirmed link is wrong
            rnd = label.get("category") == "rnd"
            if rnd and not proposed:
                truth = set()
            wrong = {p.segment for p in result.proposals if p.confidence == "confirmed"} if rnd else set()
            for segment in proposed | truth:
                counter = per_chain.setdefault(chain_of.get(segment, "?"), Counter())
                counter["proposed"] += segment in proposed
                counter["labelled"] += segment in truth
                counter["correct"] += segment in proposed and segment in truth and segment not in wrong
            primary = label.get("label_primary", "")
            if primary:
                top["rows"] += 1
                first = [p.segment for p in result.proposals if p.primary
                         and confidence_at_least(p.confidence, minimum)]
                if rnd and not first:
                    top["correct"] += 1
                else:
                    top["correct"] += bool(first) and first[0] == primary and first[0] not in wrong
            if label.get("category", "").startswith("distractor"):
                distractors["rows"] += 1
                distractors["linked"] += bool(proposed)
        total = Counter[str]()
        for counter in per_chain.values():
            total.update(counter)
        per_chain["all"] = total
        out[minimum] = {
            "chains": {chain: {"labelled": c["labelled"], "proposed": c["proposed"], "correct": c["correct"],
                               "precision": c["correct"] / c["proposed"] if c["proposed"] else None,
                               "recall": c["correct"] / c["labelled"] if c["labelled"] else None}
                       for chain, c in sorted(per_chain.items())},
            "top1": top["correct"] / top["rows"] if top["rows"] else None, "top1_rows": top["rows"],
            "top1_correct": top["correct"],
            "distractor_fp": distractors["linked"] / distractors["rows"] if distractors["rows"] else None,
            "distractor_rows": distractors["rows"], "distractor_linked": distractors["linked"],
        }
    # calibration: how often a link of each confidence is right (a confirmed link is pre-ticked for the planner)
    by_confidence: dict[str, Counter[str]] = {c: Counter() for c in ("confirmed", "probable", "guessed")}
    for label, result in results:
        truth = {s for s in label.get("label_segments", "").split("|") if s}
        rnd = label.get("category") == "rnd"
        for p in result.proposals:
            by_confidence[p.confidence]["proposed"] += 1
            by_confidence[p.confidence]["correct"] += p.segment in truth and not (rnd and p.confidence == "confirmed")
    out["by_confidence"] = {c: (n["correct"], n["proposed"]) for c, n in by_confidence.items()}
    roles = {"distractor-trader": {"seller"}, "distractor-dealer": {"seller"}, "holding": {"investor"}}
    detection = Counter[str]()
    for label, result in results:
        expected = roles.get(label.get("category", ""))
        if expected is None:
            continue
        detection["rows"] += 1
        detection["detected"] += result.role in expected and not result.proposals
    # how many live rows a known firm matched, and how (name / core / brand): the share the knowledge can reach
    matched = Counter[str]()
    for _, result in results:
        match = classifier.knowledge.match(result.name, result.row.brand if result.row else "")
        matched[match.how if match else "none"] += 1
    out["known_matched"] = dict(matched)
    out["trader_holding_detected"] = detection["detected"] / detection["rows"] if detection["rows"] else None
    out["trader_holding_rows"] = detection["rows"]
    return out


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def report(name: str, figures: dict[str, Any]) -> str:
    lines = [f"## {name}: {figures['rows']} rows classified, {figures['deregistered_skipped']} deregistered "
             f"skipped (labelled deregistered: {figures['deregistered_labelled']})"]
    if figures["unknown_label_segments"]:
        lines.append("labels name segments the templates lack: " + ", ".join(figures["unknown_label_segments"]))
    lines.append("| chain | labelled | proposed | correct | precision | recall | "
                 "proposed ≥probable | correct | precision | recall |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    every, sure = figures["guessed"]["chains"], figures["probable"]["chains"]
    for chain in every:
        a, b = every[chain], sure.get(chain, {"proposed": 0, "correct": 0, "precision": None, "recall": None})
        lines.append(f"| {chain} | {a['labelled']} | {a['proposed']} | {a['correct']} | {_pct(a['precision'])} | "
                     f"{_pct(a['recall'])} | {b['proposed']} | {b['correct']} | {_pct(b['precision'])} | "
                     f"{_pct(b['recall'])} |")
    lines.append("")
    lines.append("| measure | all proposals | ≥probable | target |")
    lines.append("|---|---:|---:|---:|")
    g, p = figures["guessed"], figures["probable"]
    lines.append(f"| top-1 accuracy ({g['top1_rows']} rows with a primary label) | {_pct(g['top1'])} | "
                 f"{_pct(p['top1'])} | ≥ {TARGETS['top1']} |")
    lines.append(f"| distractors with a link ({g['distractor_rows']} rows) | {_pct(g['distractor_fp'])} | "
                 f"{_pct(p['distractor_fp'])} | ≤ {TARGETS['distractor_fp']} |")
    lines.append(f"| traders, dealers, holdings recognised, no link ({figures['trader_holding_rows']} rows) | "
                 f"{_pct(figures['trader_holding_detected'])} | | |")
    m = figures.get("known_matched", {})
    lines.append(f"| rows matched to a known firm (same name / core name / group brand) | "
                 f"{m.get('name', 0)} / {m.get('core', 0)} / {m.get('brand', 0)} of {sum(m.values())} | | |")
    lines.append("")
    lines.append("| confidence | links | right | precision |")
    lines.append("|---|---:|---:|---:|")
    for confidence, (correct, proposed) in figures["by_confidence"].items():
        lines.append(f"| {confidence} | {proposed} | {correct} | {_pct(correct / proposed if proposed else None)} |")
    return "\n".join(lines)


def summary(measured: list[tuple[str, dict[str, Any]]]) -> str:
    """One line per sample file: the headline figures side by side, so a gap between sets shows."""
    lines = ["## summary (all proposals; ≥probable in brackets)",
             "| sample | rows | precision | recall | top-1 | distractor FP | confirmed right | probable right | "
             "guessed right |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, f in measured:
        g, p = f["guessed"], f["probable"]
        a, b = g["chains"]["all"], p["chains"]["all"]
        right = []
        for confidence in ("confirmed", "probable", "guessed"):
            correct, proposed = f["by_confidence"][confidence]
            right.append(f"{_pct(correct / proposed if proposed else None)} ({correct}/{proposed})")
        lines.append(f"| {name} | {f['rows']} | {_pct(a['precision'])} ({_pct(b['precision'])}) | "
                     f"{_pct(a['recall'])} ({_pct(b['recall'])}) | {_pct(g['top1'])} ({_pct(p['top1'])}) | "
                     f"{_pct(g['distractor_fp'])} ({_pct(p['distractor_fp'])}) | " + " | ".join(right) + " |")
    lines.append(_pooled(measured))
    lines.append(f"| target | | ≥ {TARGETS['precision']} | ≥ {TARGETS['recall']} | ≥ {TARGETS['top1']} | "
                 f"≤ {TARGETS['distractor_fp']} | | | |")
    return "\n".join(lines)


def _pooled(measured: list[tuple[str, dict[str, Any]]]) -> str:
    """The files' links, top-1 rows and look-alikes counted together: one figure per measure for the whole set."""
    cells = []
    for key in ("precision", "recall", "top1", "distractor_fp"):
        pair = []
        for minimum in ("guessed", "probable"):
            total = Counter[str]()
            for _, f in measured:
                g, a = f[minimum], f[minimum]["chains"]["all"]
                total.update({"correct": a["correct"], "proposed": a["proposed"], "labelled": a["labelled"],
                              "top1": g["top1_correct"], "top1_rows": g["top1_rows"],
                              "fp": g["distractor_linked"], "fp_rows": g["distractor_rows"]})
            num, den = {"precision": ("correct", "proposed"), "recall": ("correct", "labelled"),
                        "top1": ("top1", "top1_rows"), "distractor_fp": ("fp", "fp_rows")}[key]
            pair.append(_pct(total[num] / total[den] if total[den] else None))
        cells.append(f"{pair[0]} ({pair[1]})")
    rows = sum(f["rows"] for _, f in measured)
    return f"| **pooled** | {rows} | " + " | ".join(cells) + " | | | |"


def main(argv: list[str] | None = None, dataset: Dataset | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("samples", nargs="*", default=list(DEFAULT_SAMPLES),
                        help="sample names (default: " + " ".join(DEFAULT_SAMPLES) + ")")
    parser.add_argument("--data", help="dataset folder whose templates classify (default: the bundled one)")
    parser.add_argument("--sample-dir", default=str(SAMPLE))
    parser.add_argument("--known", choices=KNOWLEDGE, default="all",
                        help="known firms the classifier may use: all (the dataset's and the reference list, as "
                             "`classify` does), dataset (`classify --no-reference`), none (the row alone)")
    args = parser.parse_args(argv)
    ds = dataset or load_dataset(args.data)
    measured: list[tuple[str, dict[str, Any]]] = []
    for name in args.samples:
        path = Path(args.sample_dir) / f"{name}.csv"
        if not path.exists():
            print(f"## {name}: {path} is missing", file=sys.stderr)
            continue
        figures = evaluate(ds, path, args.known)
        measured.append((name, figures))
        print(report(name, figures))
        print()
    if len(measured) > 1:
        print(summary(measured))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
