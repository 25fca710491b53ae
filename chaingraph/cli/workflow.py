"""``chaingraph import``, ``export`` and ``import-chainkg``: the planner's workflow in and out of spreadsheets.

Thin glue over :mod:`chaingraph.sources.sheets`, :mod:`chaingraph.outputs.export` and
:mod:`chaingraph.sources.chainkg`; registered on the main group at the end of :mod:`chaingraph.cli.app`. Problems in
a spreadsheet exit with 3 and list every one with its sheet, row and column.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..messages import msg, render
from ..outputs.export import FORMATS, export
from ..sources.sheets import ImportPlan
from .common import State, as_of_option, current_lang, echo_wrote, reference_option, region_option, wait_option
from .progress import progress_bar, progress_option

__all__ = ["import_command", "export_command", "import_chainkg_command"]

def _target(state: State) -> Path:
    if state.data is None:
        raise click.UsageError(msg("say which dataset folder to change: chaingraph --data my-city/ import ... "
                                   "(the bundled dataset is read-only)"))
    return state.data


#: Changes listed before "... and M more" unless --verbose: a 20,000-row sheet is a summary, not 40,000 lines.
SHOWN_CHANGES = 20


_REPORT: dict[str, dict[str, Any]] = {
    "zh": {
        "kinds": {"firm": "企业", "link": "环节关联", "project": "项目", "source": "来源", "citation": "引证",
                  "rejection": "拒绝记录", "event": "事件"},
        "actions": {"add": "新增", "update": "更新", "same": "已有"},
        "count": "{action}{kind} {n}", "sep": "、",
        "dry_run": "试运行（--dry-run）：以下改动不会写入 / dry run: nothing is written",
        "head": "{source}: {rows} 行 · {summary}", "no_change": "无改动", "skipped": " · {what} {n}",
        "more": "  ... 另有 {n} 项改动 / and {n} more (--verbose lists all)",
        "ignored": "未识别的列（已忽略，可用 --mapping 映射）: ",
        "written": "已写入 / written", "nothing": "数据集已包含这些内容，无需改动 / nothing to change",
    },
    "en": {
        "kinds": {}, "actions": {"add": "new", "update": "updated", "same": "unchanged"},
        "count": "{action} {kind} {n}", "sep": ", ",
        "dry_run": "dry run: nothing is written",
        "head": "{source}: {rows} rows · {summary}", "no_change": "no change", "skipped": " · {what} {n}",
        "more": "  ... and {n} more (--verbose lists all)",
        "ignored": "columns not recognised (ignored; map them with --mapping): ",
        "written": "written", "nothing": "nothing to change",
    },
}
"""The import report per language: one layout (:func:`_report`), two label sets."""


def _report(plan: ImportPlan, dry_run: bool, fmt: str, verbose: bool = False) -> None:
    if fmt == "json":
        click.echo(json.dumps(plan.to_dict(), ensure_ascii=False, indent=2))
        return
    lang = current_lang()
    words = _REPORT["en" if lang == "en" else "zh"]
    if dry_run:
        click.echo(words["dry_run"])
    counts = plan.counts()
    summary = " · ".join(words["count"].format(action=words["actions"][a], kind=words["kinds"].get(k, k), n=n)
                         for key, n in sorted(counts.items()) for a, k in [key.split(" ", 1)])
    click.echo(words["head"].format(source=plan.source, rows=plan.rows, summary=summary or words["no_change"])
               + (words["skipped"].format(what=render(plan.skipped_what, lang), n=plan.skipped)
                  if plan.skipped else ""))
    listed = [c for c in plan.changes if c.action != "same" or c.details]
    shown = listed if verbose else listed[:SHOWN_CHANGES]
    for change in shown:
        click.echo(f"  {change.render(lang)}")
    if len(listed) > len(shown):
        click.echo(words["more"].format(n=len(listed) - len(shown)))
    if plan.ignored_columns:
        click.echo(words["ignored"] + words["sep"].join(plan.ignored_columns))
    for warning in plan.warnings:
        click.echo(render(warning, lang), err=True)
    if plan.applied:
        click.echo(words["written"])
    elif not dry_run and not plan.changed:
        click.echo(words["nothing"])


@click.command("import")
@click.argument("sheet", type=click.Path(exists=True, dir_okay=False, path_type=Path, allow_dash=True))
@click.option("--mapping", "-m", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="YAML file mapping other headers to fields (docs/workflow.md).")
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option("--classify", "classify", is_flag=True,
              help="The file is a firm registry (企业名录): classify it and import the proposed links at once.")
@click.option("--min-confidence", type=click.Choice(["confirmed", "probable", "guessed"]), default="probable",
              show_default=True, help="With --classify: the weakest proposals still imported.")
@reference_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--verbose", "-v", is_flag=True, help=f"List every change (default: the counts and the first "
              f"{SHOWN_CHANGES}).")
@progress_option
@wait_option
@click.pass_obj
def import_command(state: State, sheet: Path, mapping: Path | None, dry_run: bool, classify: bool,
                   min_confidence: str, reference: bool, fmt: str, verbose: bool, progress: bool | None,
                   wait: float | None) -> None:
    """Import firms and projects from a spreadsheet (.xlsx, or .csv in UTF-8, GB18030 or UTF-16) into the dataset.

    A review workbook written by `chaingraph classify -o` is recognised by its sheets: its 采纳 decisions are
    applied (docs/registry.md).

    \b
    Examples:
      chaingraph --data seeds/my-city/ import firms.xlsx --dry-run
      chaingraph --data seeds/my-city/ import firms.xlsx --mapping mapping.yaml
      chaingraph --data seeds/my-city/ import review.xlsx
      chaingraph --data seeds/my-city/ import registry.xlsx --classify --min-confidence probable
      chaingraph --data seeds/my-city/ import - --dry-run < firms.csv
    """
    import tempfile

    from ..sources.review import apply_proposals, apply_review, is_review_workbook
    from ..sources.sheets import import_sheet

    if not reference and not classify:
        raise click.UsageError(msg("--no-reference applies only with --classify"))
    target = _target(state)
    with progress_bar("checking rows", False if fmt == "json" else progress) as report, \
            tempfile.TemporaryDirectory(prefix="chaingraph-import-") as tmp:
        path = sheet if str(sheet) != "-" else _stdin_sheet(Path(tmp))
        if classify:
            plan = apply_proposals(target, path, min_confidence, dry_run=dry_run, progress=report, wait=wait,
                                   reference=reference)
        elif is_review_workbook(path):
            plan = apply_review(target, path, dry_run=dry_run, wait=wait)
        else:
            plan = import_sheet(target, path, mapping, dry_run=dry_run, wait=wait, progress=report)
    _report(plan, dry_run, fmt, verbose)


def _stdin_sheet(folder: Path) -> Path:
    """Standard input saved as a file: a workbook (a zip file) as stdin.xlsx, anything else as stdin.csv."""
    import sys

    data = sys.stdin.buffer.read()
    path = folder / ("stdin.xlsx" if data.startswith(b"PK\x03\x04") else "stdin.csv")
    path.write_bytes(data)
    return path


@click.command("import-chainkg")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--mapping", "-m", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Industry/product -> segment mapping (default: the one shipped for the three chains).")
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--verbose", "-v", is_flag=True, help=f"List every change (default: the counts and the first "
              f"{SHOWN_CHANGES}).")
@wait_option
@click.pass_obj
def import_chainkg_command(state: State, folder: Path, mapping: Path | None, dry_run: bool, fmt: str, verbose: bool,
                           wait: float | None) -> None:
    """Add reference firms and segment links from your copy of ChainKnowledgeGraph (its data/ folder)."""
    from ..sources.chainkg import import_chainkg

    plan = import_chainkg(_target(state), folder, mapping, dry_run=dry_run, wait=wait)
    _report(plan, dry_run, fmt, verbose)


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="xlsx: gap workbook; graphml/gexf/json: the graph for Gephi/Cytoscape; markdown or docx (Word): "
                   "a briefing.")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path, allow_dash=True),
              help="File to write; - for standard output (xlsx only when it is not a terminal).")
@click.option("--chain", "-c", "chains", multiple=True, metavar="CHAIN",
              help="Only this chain (repeatable; default: every chain). xlsx and markdown only.")
@region_option
@click.option("--targets", "-n", type=click.IntRange(min=0), default=5, show_default=True,
              help="Targets listed per gap (xlsx and markdown).")
@as_of_option
@click.option("--since", metavar="DATE", help="xlsx: add a 动态 sheet; markdown and docx: a 自上次简报以来 section "
                                              "(what changed since DATE).")
@click.pass_obj
def export_command(state: State, fmt: str, output: Path, chains: tuple[str, ...], region: str | None,
                   targets: int, as_of: str | None, since: str | None) -> None:
    """Export the gap workbook, the graph or a briefing.

    \b
    Examples:
      chaingraph export --format xlsx -o pinghu-gaps.xlsx
      chaingraph export --format graphml -o pinghu.graphml
      chaingraph export --format markdown -o report.md
      chaingraph export --format docx -o briefing.docx
    """
    state.use_as_of(as_of)
    if str(output) == "-":
        _export_to_stdout(state, fmt, region, list(chains) or None, targets, since)
        return
    path = export(state.graph, fmt, output, region=region, chains=list(chains) or None, targets=targets, since=since,
                  lang=state.lang)
    echo_wrote(path, path.stat().st_size)


def _export_to_stdout(state: State, fmt: str, region: str | None, chains: list[str] | None, targets: int,
                      since: str | None = None) -> None:
    import sys
    import tempfile

    from ..errors import ExportError

    stdout = sys.stdout.buffer
    if fmt == "xlsx" and stdout.isatty():
        raise ExportError(msg("xlsx is a binary file: not written to a terminal; use -o FILE.xlsx or redirect (> FILE)",
                              ))
    with tempfile.TemporaryDirectory(prefix="chaingraph-export-") as tmp:
        path = export(state.graph, fmt, Path(tmp) / f"export.{fmt}", region=region, chains=chains, targets=targets,
                      since=since, lang=state.lang)
        data = path.read_bytes()
    stdout.write(data)
    stdout.flush()
