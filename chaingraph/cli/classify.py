"""``chaingraph classify``: a county's firm registry -> proposed chain links with evidence (no write).

Thin glue over :mod:`chaingraph.sources.review` (docs/registry.md). Registered on the main group at the end of
:mod:`chaingraph.cli`. Without ``--data`` the bundled dataset's chain templates classify.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import click

from ..safety import neutralise_cell
from .common import State
from .progress import progress_bar, progress_option

__all__ = ["classify_command", "OUTPUT_COLUMNS", "PROGRESS_FROM"]

OUTPUT_COLUMNS = ("name", "segment", "confidence", "evidence", "reason", "primary", "role", "credit_code",
                  "region", "country_hint", "brand", "group", "row")
"""Columns of ``--format csv`` (the first four are the contract other tools read)."""
PROGRESS_FROM = 2000
"""Registries with at least this many rows get a progress bar on stderr (when it is a terminal, or --progress)."""


def _large_only(report: Callable[[int, int], None]) -> Callable[[int, int], None]:
    """The bar is drawn only for registries of :data:`PROGRESS_FROM` rows or more."""
    return lambda done, total: report(done, total) if total >= PROGRESS_FROM else None


@click.command("classify")
@click.argument("registry", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the review workbook (.xlsx) here.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="What to print: a summary table, or one row per proposed link (csv, json).")
@progress_option
@click.pass_obj
def classify_command(state: State, registry: Path, output: Path | None, fmt: str, progress: bool | None) -> None:
    """Propose chain segments for every firm of a registry (企业名录 .xlsx/.csv), with evidence; writes nothing
    to the dataset.

    \b
    Examples:
      chaingraph classify registry.xlsx -o review.xlsx
      chaingraph --data seeds/my-county/ classify registry.csv --format csv > proposals.csv
    """
    from ..dataset.reader import load_dataset
    from ..sources.registry import read_registry
    from ..sources.review import propose, write_review

    ds = load_dataset(state.path)
    table = read_registry(registry)
    with progress_bar("classify", progress) as report:
        proposals = propose(ds, table, progress=_large_only(report))
    if output is not None:
        write_review(proposals, ds, output)
        click.echo(f"wrote {click.format_filename(output)}", err=True)
    rows = proposals.rows()
    if fmt == "json":
        click.echo(json.dumps({"source": proposals.source, "deregistered": proposals.deregistered,
                               "counts": proposals.counts(), "known_links": proposals.known_links,
                               "rejected_links": proposals.rejected_links,
                               "unmatched_addresses": len(proposals.unmatched_addresses),
                               "rows": [{c: r[c] for c in OUTPUT_COLUMNS} for r in rows]},
                              ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(OUTPUT_COLUMNS)
        for r in rows:
            writer.writerow([neutralise_cell(r[c]) for c in OUTPUT_COLUMNS])
        click.echo(buffer.getvalue(), nl=False)
        return
    counts = proposals.counts()
    if state.lang == "en":
        click.echo(f"{proposals.source}: {counts.get('firms', 0)} active firms · {proposals.deregistered} "
                   f"deregistered or revoked skipped · {counts.get('linked', 0)} firms linked "
                   f"({counts.get('confirmed', 0)} confirmed, {counts.get('probable', 0)} probable, "
                   f"{counts.get('guessed', 0)} guessed links) · {counts.get('unlinked', 0)} firms not linked · "
                   f"{len(proposals.unmatched_addresses)} addresses not matched"
                   + (f" · {counts['known']} firms already in the dataset" if counts.get("known") else ""))
        if proposals.known_links or proposals.rejected_links:
            click.echo(f"Not proposed again: {proposals.known_links} links already in the dataset, "
                       f"{proposals.rejected_links} rejected before")
    else:
        click.echo(f"{proposals.source}: {counts.get('firms', 0)} 家在业企业 · "
                   f"跳过注销/吊销 {proposals.deregistered} · 建议挂链 {counts.get('linked', 0)} 家"
                   f"（确定 {counts.get('confirmed', 0)}、"
                   f"较可能 {counts.get('probable', 0)}、猜测 {counts.get('guessed', 0)} 条）· "
                   f"未挂链 {counts.get('unlinked', 0)} 家 · 地址未匹配 {len(proposals.unmatched_addresses)}"
                   + (f" · 已在数据集 {counts['known']} 家" if counts.get("known") else ""))
        if proposals.known_links or proposals.rejected_links:
            click.echo(f"不再建议：数据集中已有 {proposals.known_links} 条，曾被拒绝 {proposals.rejected_links} 条")
    from ..outputs.lang import name_in
    from ..outputs.tables import render_table

    segments = ds.segments
    confidence = {"confirmed": "确定", "probable": "较可能", "guessed": "猜测"} if state.lang == "zh" else {}
    table_rows = [[r["name"], r["segment"] and f"{r['segment']} {name_in(segments[r['segment']], state.lang)}",
                   confidence.get(r["confidence"], r["confidence"] or ""), r["evidence"]] for r in rows]
    headers = ["企业", "环节", "置信度", "依据 / 未挂链原因"] if state.lang == "zh" else \
        ["firm", "segment", "confidence", "evidence / why not linked"]
    click.echo(render_table(headers, table_rows))
