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
from typing import Any

import click

from ..safety import neutralise_cell
from .common import State, echo_wrote, reference_option
from .progress import progress_bar, progress_option

__all__ = ["classify_command", "OUTPUT_COLUMNS", "JSON_COLUMNS", "PROGRESS_FROM", "summary_lines"]

OUTPUT_COLUMNS = ("name", "segment", "confidence", "evidence", "reason", "primary", "role", "credit_code",
                  "region", "country_hint", "brand", "group", "row")
"""Columns of ``--format csv`` (the first five are the contract other tools read). ``evidence`` and ``reason``
are written in the language of ``--lang``."""
JSON_COLUMNS = (*OUTPUT_COLUMNS, "evidence_codes", "reason_code")
"""Keys of each ``--format json`` row: the CSV columns plus the stable codes the evidence and reason are
rendered from (:class:`chaingraph.sources.classify.Evidence` kinds, :class:`~chaingraph.sources.classify.NoLinkReason`
codes), the same in either language."""
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
@reference_option
@progress_option
@click.pass_obj
def classify_command(state: State, registry: Path, output: Path | None, fmt: str, reference: bool,
                     progress: bool | None) -> None:
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
        proposals = propose(ds, table, progress=_large_only(report), reference=reference)
    if output is not None:
        write_review(proposals, ds, output, lang=state.lang)
        echo_wrote(output)
    rows = proposals.rows(state.lang)
    if fmt == "json":
        click.echo(json.dumps({"source": proposals.source, "deregistered": proposals.deregistered,
                               "counts": proposals.counts(), "known_links": proposals.known_links,
                               "rejected_links": proposals.rejected_links,
                               "unmatched_addresses": len(proposals.unmatched_addresses),
                               "rows": [{c: r[c] for c in JSON_COLUMNS} for r in rows]},
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
    for line in summary_lines(proposals, state.lang):
        click.echo(line)
    from ..outputs.lang import name_in
    from ..outputs.tables import render_table

    labels = _LABELS[state.lang]
    segments = ds.segments
    table_rows = [[r["name"], r["segment"] and f"{r['segment']} {name_in(segments[r['segment']], state.lang)}",
                   labels["confidence"].get(r["confidence"], r["confidence"] or ""), r["evidence"]] for r in rows]
    click.echo(render_table(labels["headers"], table_rows))


_LABELS: dict[str, dict[str, Any]] = {
    "zh": {
        "summary": "{source}: {firms} 家在业企业 · 跳过注销/吊销 {deregistered} · 建议挂链 {linked} 家"
                   "（确定 {confirmed}、较可能 {probable}、猜测 {guessed} 条）· 未挂链 {unlinked} 家 · "
                   "地址未匹配 {addresses}",
        "known": " · 已在数据集 {known} 家",
        "again": "不再建议：数据集中已有 {known_links} 条，曾被拒绝 {rejected_links} 条",
        "confidence": {"confirmed": "确定", "probable": "较可能", "guessed": "猜测"},
        "headers": ["企业", "环节", "置信度", "依据 / 未挂链原因"],
    },
    "en": {
        "summary": "{source}: {firms} active {firms_word} · {deregistered} deregistered or revoked skipped · "
                   "{linked} {linked_word} linked ({confirmed} confirmed, {probable} probable, {guessed} guessed "
                   "{links_word}) · {unlinked} {unlinked_word} not linked · {addresses} {addresses_word} not matched",
        "known": " · {known} {known_word} already in the dataset",
        "again": "Not proposed again: {known_links} {known_links_word} already in the dataset, {rejected_links} "
                 "rejected before",
        "confidence": {},
        "headers": ["firm", "segment", "confidence", "evidence / why not linked"],
    },
}
"""The summary and table of ``classify`` per language: one layout, two label sets."""

_NOUNS = {"firms": ("firm", "firms"), "linked": ("firm", "firms"), "unlinked": ("firm", "firms"),
          "known": ("firm", "firms"), "addresses": ("address", "addresses"), "known_links": ("link", "links")}


def summary_lines(proposals: Any, lang: str) -> list[str]:
    """The one or two summary lines ``classify`` prints above its table, in ``lang``."""
    counts = proposals.counts()
    values: dict[str, Any] = {k: counts.get(k, 0) for k in ("firms", "linked", "confirmed", "probable", "guessed",
                                                            "unlinked", "known")}
    values.update(source=proposals.source, deregistered=proposals.deregistered,
                  addresses=len(proposals.unmatched_addresses), known_links=proposals.known_links,
                  rejected_links=proposals.rejected_links)
    for key, (one, many) in _NOUNS.items():
        values[f"{key}_word"] = one if values[key] == 1 else many
    links = values["confirmed"] + values["probable"] + values["guessed"]
    values["links_word"] = "link" if links == 1 else "links"
    labels = _LABELS[lang]
    lines = [labels["summary"].format(**values) + (labels["known"].format(**values) if values["known"] else "")]
    if proposals.known_links or proposals.rejected_links:
        lines.append(labels["again"].format(**values))
    return lines
