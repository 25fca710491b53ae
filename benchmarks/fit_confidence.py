"""Fit the confidence data of extraction on the development articles of the corpora: the rule table of
chaingraph/sources/calibration.py and the record model of chaingraph/sources/records.py.

    python benchmarks/fit_confidence.py [TEXTS] [--keys DIR] [--texts-root DIR] [--check] [--allow-partial]

Extracts every development article with the rules only (no entity tagger, so the fit does not depend on what is
installed): the main corpus's ``split: dev`` keys (texts in TEXTS) and every hold-out set opened for development
(``DEVELOPMENT_SETS``: benchmarks/data/extract-corpus-<split>, texts in <texts-root>/extract-<split>; holdout from
round 6 on, holdout2 from round 7, holdout3 from round 12 … holdout8 from round 18, holdout13 from round 21). The
main corpus's ``split: test`` articles are never read, so the test split still measures the calibration on articles
the fit has not seen; the measurement sets (holdout9 to holdout12) and blind sets (holdout14 on) are never read
either. Judges each fact as extract_quality.py --corpus
does, then

1. counts right / judged per rule and rewrites the ``COUNTS`` block of calibration.py; prints the table (rule,
   right, judged, calibrated confidence);
2. fits the record model: for each record type (firm, project) an L2-regularised logistic regression of "the
   record is in the answer key" on the record's features (records.features: the named features of
   ``RECORD_FEATURES`` and the character features that at least ``MIN_NGRAM`` fitted records have), the
   regularisation strength chosen from ``GRID`` by cross-validation over ``OUTER_FOLDS`` folds of whole articles
   (mean log-loss of the left-out records), a character feature's penalty ``NGRAM_PENALTY`` times a named one's;
   rewrites the ``WEIGHTS`` block of records.py (named features) and chaingraph/data/record-ngrams.json
   (character features whose weight is not 0) and prints the named weights and the cross-validated figures: how
   many spurious firm and project records fall below merge's default threshold, how many right ones stay at or above
   it, and the share right among the judged facts at or above HIGH_CONFIDENCE, each record's name and facts
   given the confidence a model fitted without its article gives it (the rule table is the full fit's);
3. prints the lowest confidence at which the fitted facts at or above it are at least 95% right, extracted again
   with the new data (HIGH_CONFIDENCE in extract.py is set from it by hand).

``--check`` only says whether the committed table, weights and character weights equal a fresh fit (exit 1 if
not). A missing folder of texts stops the script (exit 2) unless ``--allow-partial`` is given; keys whose text is
missing inside a folder are left out with a note on stderr. Needs numpy (the fit only; the package reads
the weights with plain Python).
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
MODULE = ROOT / "chaingraph" / "sources" / "calibration.py"
RECORDS_MODULE = ROOT / "chaingraph" / "sources" / "records.py"
TEXTS = Path(os.environ.get("CHAINGRAPH_EXTRACT_CORPUS", "/work/corpus/extract"))
TEXTS_ROOT = Path(os.environ.get("CHAINGRAPH_EXTRACT_TEXTS_ROOT", "/work/corpus"))
DEVELOPMENT_SETS = ("holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8",
                    "holdout13")
"""The hold-out sets opened for development (each a split of its own key folder); later sets stay blind."""
FIT_SPLITS = ("dev", *DEVELOPMENT_SETS)
"""The splits the table is fitted on; ``test`` and the blind sets are never read."""
GRID = (0.1, 0.3, 1.0, 3.0, 10.0, 30.0)
"""The L2 strengths (per fact of evidence: the penalty is ``lam / 2 * sum w_i^2``) cross-validation chooses from."""
OUTER_FOLDS = 10
"""Folds (whole articles each, by their order) of the cross-validation that gives each record the probability of
a model fitted without its article, and that chooses the strength of the fitted model."""
INNER_FOLDS = 5
"""Folds of the inner cross-validation that chooses the strength within each outer fold's fit."""
MIN_NGRAM = 5
"""A character feature goes into the model when at least this many fitted records of its type have it."""
NGRAM_PENALTY = 3.0
"""A character feature's weight is penalised this many times the named features' strength: there are hundreds of
them, each seen on few records, so each must earn its weight on more evidence than a named feature."""

DIGITS = 3
"""Weights are written rounded to this many decimals (so that a refit on the same articles writes the same text)."""


@dataclass
class Article:
    id: str
    facts: list[Any]
    text: Any  # the repaired MappedText
    judged: list[tuple[Any, bool]]


def extract_articles(sets: list[tuple[Path, Path]]) -> list[Article]:
    """Extract and judge every development article of each ``(texts, keys)`` pair (rules only)."""
    import extract_corpus as ec  # type: ignore[import-not-found]

    from chaingraph import load_dataset

    ds = load_dataset(ROOT / "seeds" / "pinghu-2022")
    articles = []
    for texts, keys_dir in sets:
        for key in ec.load_keys(keys_dir):
            if key.get("split", "dev") not in FIT_SPLITS:
                continue
            if not (texts / f"{key['id']}.txt").exists():
                print(f"no text for {key['id']} in {texts}: left out of the fit", file=sys.stderr)
                continue
            score, result = ec.score_article(key, texts, ds)
            articles.append(Article(str(key["id"]), result.facts, result.repaired, score.judged))
    return articles


def fit(articles: list[Article]) -> dict[str, tuple[int, int]]:
    """Count right / judged per rule over the judged facts of ``articles``."""
    from chaingraph.sources.calibration import fact_type

    counts: dict[str, list[int]] = {}
    for article in articles:
        for fact, right in article.judged:
            if fact_type(fact.rule) is None:
                continue
            cell = counts.setdefault(fact.rule, [0, 0])
            cell[0] += int(right)
            cell[1] += 1
    return {rule: (r, n) for rule, (r, n) in sorted(counts.items())}


# ------------------------------------------------------------------------------------------ the record model


Row = tuple[int, str, str, set[str], bool, str]
"""A judged firm or project record: ``(article index, record, key, features, right, its name's rule)``."""


def record_rows(articles: list[Article]) -> list[Row]:
    """Every judged firm and project record of ``articles``."""
    from chaingraph.sources.records import features

    rows = []
    for index, article in enumerate(articles):
        found = features(article.facts, article.text)
        for fact, right in article.judged:
            if fact.record in ("firm", "project") and fact.field == "name":
                rows.append((index, fact.record, fact.key, found[(fact.record, fact.key)], right, fact.rule))
    return rows


def logistic(x: Any, y: Any, lam: float, scale: Any = None) -> Any:
    """L2-regularised logistic regression by Newton's method; column 0 is the intercept (not penalised), column j
    penalised ``lam * scale[j]`` (``scale`` 1 for all when None)."""
    import numpy as np

    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], lam) * (1.0 if scale is None else scale)
    penalty[0] = 1e-6
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1.0 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return w


def signed_logistic(x: Any, y: Any, lam: float, signs: list[int], scale: Any = None) -> Any:
    """``logistic`` with each weight kept in its feature's declared direction (``signs``, 0 for either; the
    intercept is free): while a weight comes out the wrong way, the feature with the most wrong weight is left out
    and the model refitted without it."""
    import numpy as np

    active = np.ones(x.shape[1], dtype=bool)
    while True:
        w = np.zeros(x.shape[1])
        w[active] = logistic(x[:, active], y, lam, None if scale is None else scale[active])
        wrong = [j for j in range(1, x.shape[1]) if active[j] and signs[j] * w[j] < 0]
        if not wrong:
            return w
        active[min(wrong, key=lambda j: signs[j] * w[j])] = False


def ngram_vocabulary(rows: list[Row]) -> list[str]:
    """The character features (``kind:characters``, records._ngrams) that at least ``MIN_NGRAM`` of ``rows`` have,
    sorted."""
    from collections import Counter

    counts = Counter(f for row in rows for f in row[3] if ":" in f)
    return sorted(f for f, n in counts.items() if n >= MIN_NGRAM)


def _design(rows: list[Row], record: str) -> tuple[Any, Any, Any, list[int], tuple[list[int], Any], list[str]]:
    """The design matrix of ``record``'s rows (intercept first), their verdicts, their articles, their indices in
    ``rows``, per column the declared direction and the factor of its penalty, and the columns' features (after
    the intercept)."""
    import numpy as np

    from chaingraph.sources.records import RECORD_FEATURES

    picked = [i for i, row in enumerate(rows) if row[1] == record]
    names = list(RECORD_FEATURES[record]) + ngram_vocabulary([rows[i] for i in picked])
    signs = [0] + [RECORD_FEATURES[record].get(n, 0) for n in names]
    scale = np.array([1.0] + [1.0 if n in RECORD_FEATURES[record] else NGRAM_PENALTY for n in names])
    x = np.array([[1.0] + [float(n in rows[i][3]) for n in names] for i in picked])
    y = np.array([float(rows[i][4]) for i in picked])
    groups = np.array([rows[i][0] for i in picked])
    return x, y, groups, picked, (signs, scale), names


def _predict(x: Any, w: Any) -> Any:
    import numpy as np

    return 1.0 / (1.0 + np.exp(-(x @ w)))


def _log_loss(y: Any, p: Any) -> float:
    import numpy as np

    p = np.clip(p, 1e-9, 1 - 1e-9)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def _held_out(x: Any, y: Any, folds: Any, lam: float, signs: tuple[list[int], Any]) -> Any:
    """Each record's probability from a model fitted without its fold (``folds``: a fold number per record)."""
    import numpy as np

    p = np.zeros(len(y))
    for fold in np.unique(folds):
        out = folds == fold
        p[out] = _predict(x[out], signed_logistic(x[~out], y[~out], lam, *signs))
    return p


def _choose(x: Any, y: Any, folds: Any, signs: tuple[list[int], Any]) -> tuple[float, Any, list[tuple[float, float]]]:
    """The strength of ``GRID`` with the lowest held-out log-loss over ``folds``, its held-out probabilities, and
    the loss of each strength."""
    losses = []
    best: tuple[float, float, Any] | None = None
    for lam in GRID:
        p = _held_out(x, y, folds, lam, signs)
        loss = _log_loss(y, p)
        losses.append((lam, loss))
        if best is None or loss < best[0] - 1e-12:
            best = (loss, lam, p)
    assert best is not None
    return best[1], best[2], losses


def _folds(groups: Any, k: int) -> Any:
    """A fold number (0 to k-1) per record: whole articles per fold, articles dealt out in their order."""
    import numpy as np

    order = {a: i for i, a in enumerate(np.unique(groups))}
    return np.array([order[a] % k for a in groups])


def _nested(x: Any, y: Any, groups: Any, signs: tuple[list[int], Any]) -> Any:
    """Each record's probability from a model fitted without its article (``OUTER_FOLDS`` folds of whole
    articles), whose strength was itself chosen without that fold (by ``INNER_FOLDS``-fold cross-validation over
    the other articles): the cross-validated figures of the whole procedure."""
    import numpy as np

    p = np.zeros(len(y))
    outer = _folds(groups, OUTER_FOLDS)
    for g in np.unique(outer):
        out = outer == g
        folds = _folds(groups[~out], INNER_FOLDS)
        lam, _p, _losses = _choose(x[~out], y[~out], folds, signs)
        p[out] = _predict(x[out], signed_logistic(x[~out], y[~out], lam, *signs))
    return p


def fit_records(rows: list[Row]) -> tuple[dict[str, dict[str, float]], dict[str, float], list[float], list[str]]:
    """The weights of each record type's model, the strength chosen for each (by article folds), every row's
    held-out probability from the nested cross-validation, and a note per strength tried."""
    weights: dict[str, dict[str, float]] = {}
    chosen: dict[str, float] = {}
    held = [0.0] * len(rows)
    notes = []
    for record in ("firm", "project"):
        x, y, groups, picked, signs, columns = _design(rows, record)
        lam, _p, losses = _choose(x, y, _folds(groups, OUTER_FOLDS), signs)
        notes += [f"{record}s: L2 {value:g}: held-out log-loss {loss:.4f}" for value, loss in losses]
        chosen[record] = lam
        for i, value in zip(picked, _nested(x, y, groups, signs), strict=True):
            held[i] = float(value)
        w = signed_logistic(x, y, lam, *signs)
        names = ("intercept", *columns)
        weights[record] = {n: round(float(v), DIGITS) + 0.0 for n, v in zip(names, w, strict=True)}
    return weights, chosen, held, notes


def cv_figures(articles: list[Article], rows: list[Row],
               confidence_of: dict[tuple[int, str, str], float]) -> dict[str, tuple[int, int]]:
    """Spurious records below merge's default, right ones kept, and right / all facts at or above HIGH_CONFIDENCE,
    each record's name at ``confidence_of[(article, record, key)]`` and its other facts capped at it."""
    from chaingraph.sources.calibration import rule_confidence
    from chaingraph.sources.extract import HIGH_CONFIDENCE
    from chaingraph.sources.merge import DEFAULT_MIN_CONFIDENCE

    spurious = [confidence_of[(a, r, k)] for a, r, k, _x, right, _rule in rows if not right]
    good = [confidence_of[(a, r, k)] for a, r, k, _x, right, _rule in rows if right]
    high = []
    for index, article in enumerate(articles):
        for fact, right in article.judged:
            cap = confidence_of.get((index, fact.record, fact.key))
            if fact.field == "name" and cap is not None:
                value = cap
            elif cap is not None:
                own = rule_confidence(fact.rule)
                value = min(round(own, 2) if own is not None else fact.confidence, cap)
            else:
                value = fact.confidence
            if value >= HIGH_CONFIDENCE:
                high.append(right)
    return {"below": (sum(c < DEFAULT_MIN_CONFIDENCE for c in spurious), len(spurious)),
            "kept": (sum(c >= DEFAULT_MIN_CONFIDENCE for c in good), len(good)),
            "high": (sum(high), len(high))}


def render_weights(weights: dict[str, dict[str, float]]) -> str:
    lines = ["WEIGHTS: dict[str, dict[str, float]] = {"]
    for record, w in weights.items():
        lines.append(f'    "{record}": {{')
        lines += [f'        "{name}": {value:.{DIGITS}f},' for name, value in w.items()]
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines)


def high_mark(articles: list[Article], texts_keys: list[tuple[Path, Path]], share: float = 0.95) -> float | None:
    """The lowest confidence at which the judged facts of the development articles at or above it are at least
    ``share`` right, extracted again with the new data (so with every cap of calibrate()); None when no level
    is."""
    found = [(fact.confidence, right) for article in extract_articles(texts_keys) for fact, right in article.judged]
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


def _replace_block(path: Path, name: str, body: str) -> tuple[str, str]:
    source = path.read_text(encoding="utf-8")
    block = re.compile(rf"(# BEGIN {name}[^\n]*\n).*?(\n# END {name})", re.S)
    return source, block.sub(lambda m: m.group(1) + body + m.group(2), source)


def _write(path: Path, text: str) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _share(pair: tuple[int, int]) -> str:
    return f"{pair[0]} of {pair[1]}" + (f" ({pair[0] / pair[1]:.3f})" if pair[1] else "")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="fit_confidence.py")
    parser.add_argument("texts", nargs="?", type=Path, default=TEXTS)
    parser.add_argument("--keys", type=Path, default=ROOT / "benchmarks" / "data" / "extract-corpus")
    parser.add_argument("--texts-root", type=Path, default=TEXTS_ROOT,
                        help="the folder holding extract-<split>/ text folders of the development hold-out sets")
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--allow-partial", action="store_true",
                        help="fit and write even when a development set's texts are missing (the shipped data then "
                             "differs from a full fit)")
    args = parser.parse_args(argv)
    sets = [(args.texts, args.keys)]
    missing = [] if args.texts.is_dir() else [str(args.texts)]
    for split in DEVELOPMENT_SETS:
        texts = args.texts_root / f"extract-{split}"
        if texts.is_dir():
            sets.append((texts, ROOT / "benchmarks" / "data" / f"extract-corpus-{split}"))
        else:
            missing.append(str(texts))
    if missing and not args.allow_partial:
        print("fit_confidence.py: no texts in " + ", ".join(missing) + ": a fit without them would change the "
              "shipped data; give the folders (TEXTS, --texts-root) or --allow-partial", file=sys.stderr)
        return 2
    import chaingraph.sources.records as rec

    articles = extract_articles(sets)
    counts = fit(articles)
    rows = record_rows(articles)
    if {row[1] for row in rows} != {"firm", "project"}:
        print("fit_confidence.py: the articles read gave no judged firm or no judged project to fit on",
              file=sys.stderr)
        return 2
    weights, chosen, held, notes = fit_records(rows)
    base = {t: {n: v for n, v in w.items() if n == "intercept" or n in rec.RECORD_FEATURES[t]}
            for t, w in weights.items()}
    ngrams = {t: {n: v for n, v in sorted(w.items()) if n not in base[t] and v != 0.0} for t, w in weights.items()}
    counts_source, counts_new = _replace_block(MODULE, "COUNTS", render(counts))
    weights_source, weights_new = _replace_block(RECORDS_MODULE, "WEIGHTS", render_weights(base))
    ngram_path = ROOT / "chaingraph" / "data" / rec.NGRAM_FILE
    ngram_new = json.dumps(ngrams, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if args.check:
        same = (counts_new == counts_source and weights_new == weights_source and ngram_path.is_file()
                and ngram_path.read_text(encoding="utf-8") == ngram_new)
        print("calibration table and record model are current" if same
              else "calibration table or record model differs from a fresh fit on dev")
        return 0 if same else 1
    _write(MODULE, counts_new)
    _write(RECORDS_MODULE, weights_new)
    _write(ngram_path, ngram_new)
    import chaingraph.sources.calibration as cal

    importlib.reload(rec)
    importlib.reload(cal)
    print("| rule | right | judged | confidence |\n|---|---:|---:|---:|")
    for rule, (r, n) in counts.items():
        print(f"| {rule} | {r} | {n} | {cal.rule_confidence(rule):.2f} |")
    print(f"\nrecord model on {len(articles)} articles: {sum(1 for r in rows if r[1] == 'firm')} firms, "
          f"{sum(1 for r in rows if r[1] == 'project')} projects; L2 strength chosen by "
          f"{OUTER_FOLDS}-fold (by article) cross-validation: firms {chosen['firm']:g}, projects {chosen['project']:g}")
    print("\n".join(notes) + "\n")
    print(f"character features in the model: firms {len(ngrams['firm'])}, projects {len(ngrams['project'])}\n")
    print("| feature | firm weight | project weight | firms with it (spurious) | projects with it (spurious) |\n"
          "|---|---:|---:|---:|---:|")
    for name in ("intercept", *rec.FEATURES):
        cells = [f"{weights[t][name]:+.2f}" if name in weights[t] else "" for t in ("firm", "project")]
        for t in ("firm", "project"):
            have = [r for r in rows if r[1] == t and (name == "intercept" or name in r[3])]
            cells.append(f"{len(have)} ({sum(1 for r in have if not r[4])})" if name in weights[t] else "")
        print(f"| {name} | " + " | ".join(cells) + " |")
    rule_conf = {(a, r, k): round(cal.rule_confidence(rule) or 0.0, 2) for a, r, k, _x, _y, rule in rows}
    held_conf = {(a, r, k): cal.name_confidence(rec.clamp(p), rule_conf[(a, r, k)])
                 for (a, r, k, *_rest), p in zip(rows, held, strict=True)}
    for label, table in (("rule table only (names at their rule's share)", rule_conf),
                         ("record model, nested cross-validation (each article's fold held out)", held_conf)):
        figures = cv_figures(articles, rows, table)
        print(f"\n{label}: spurious below 0.7: {_share(figures['below'])}; right kept: {_share(figures['kept'])};"
              f" high confidence right: {_share(figures['high'])}")
    for label, probabilities in (("rule table", [rule_conf[row[:3]] for row in rows]), ("record model", held)):
        loss = -sum(math.log(max(p, 1e-9)) if row[4] else math.log(max(1 - p, 1e-9))
                    for row, p in zip(rows, probabilities, strict=True)) / len(rows)
        print(f"log-loss of the names' probabilities, {label}: {loss:.4f}")
    from chaingraph.sources.extract import HIGH_CONFIDENCE

    alone = [row[4] for row, p in zip(rows, held, strict=True)
             if rec.clamp(p) >= HIGH_CONFIDENCE and rule_conf[row[:3]] < HIGH_CONFIDENCE]
    both = [row[4] for row, p in zip(rows, held, strict=True)
            if rec.clamp(p) >= HIGH_CONFIDENCE and rule_conf[row[:3]] >= HIGH_CONFIDENCE]
    print(f"names at {HIGH_CONFIDENCE} or more by the model (held out) whose rule is lower: "
          f"{_share((sum(alone), len(alone)))}; whose rule is as high: {_share((sum(both), len(both)))}")
    mark = high_mark(articles, sets)
    print(f"\nlowest confidence with >= 95% of the fitted facts at or above it right: {mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
