"""CLI for the chain over time: ``chains/gaps --since``, ``projects --ledger`` and ``backtest``.

The ``--since`` and ``--ledger`` printers take the CLI's JSON and CSV writers as arguments, so that this module
never imports :mod:`chaingraph.cli` (which calls it): the imports stay one way.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import click

JsonOut = Callable[[Any], None]
CsvOut = Callable[[Sequence[str], Sequence[Sequence[Any]]], None]

__all__ = ["echo_changes", "echo_ledger", "backtest_command"]

_STATUS_CN = {"strong": "强", "weak": "弱", "pipeline": "在途", "missing": "缺", "claimed": "声称有", "unknown": "未见"}


def echo_changes(state: Any, since: str, as_of: str | None, region: str | None, chain: str | None,
                 fmt: str, emit_json: JsonOut, emit_csv: CsvOut) -> None:
    """Print the segments whose status changed since ``since`` (up to ``as_of``, default the dataset's date)."""
    from ..analysis.asof import changes_since
    from ..outputs.lang import EVENT_LABELS, code_or_label, header_labels, join_names, name_in
    from ..outputs.tables import render_table

    ds = state.dataset
    report = changes_since(ds, since, as_of, region=region, chain=chain)
    if fmt == "json":
        return emit_json(report)
    rows = [[c["chain"], c["segment"], c["name"], c["from"], c["to"],
             "; ".join(f"{e['date']} {e['project']} {e['kind']}" for e in c["events"]),
             "|".join(c["new_firms"])] for c in report["changed"]]
    if fmt == "csv":
        return emit_csv(["chain", "segment", "name", "from", "to", "events", "new_firms"], rows)
    lang = state.lang
    region = next((r for r in ds.regions.values() if report["region"] in (r.id, r.name)), None)
    region_name = name_in(region, lang) if region is not None else report["region"]
    if lang == "en":
        click.echo(f"{region_name} · {report['since']} → {report['until']} segments whose status changed: "
                   f"{len(rows)}\n")
    else:
        click.echo(f"{region_name} · {report['since']} → {report['until']} 状态变化的环节：{len(rows)} 个\n")
    if not rows:
        click.echo("No segment changed status in this period." if lang == "en" else "这段时间没有环节改变状态。")
        return
    names = {p.id: p.name for p in ds.projects.values()}
    firm_names = {f.id: f.name for f in ds.firms.values()}
    events = EVENT_LABELS[lang]

    def event(e: dict[str, Any]) -> str:
        project = names.get(e["project"], e["project"])
        return f"{e['date']} {project} {events[e['kind']]}" if lang == "en" else \
            f"{e['date']} {project}{events[e['kind']]}"

    table = [[name_in(ds.chains[c["chain"]], lang),
              name_in(ds.segments[c["segment"]], lang) if c["segment"] in ds.segments else c["name"],
              f"{code_or_label(c['from'], _STATUS_CN[c['from']], lang)} → "
              f"{code_or_label(c['to'], _STATUS_CN[c['to']], lang)}",
              ("; " if lang == "en" else "；").join(event(e) for e in c["events"]) or "—",
              join_names([firm_names.get(f, f) for f in c["new_firms"]], lang) or "—"] for c in report["changed"]]
    click.echo(render_table(header_labels(["产业链", "环节", "状态", "事件", "新增企业"], lang), table,
                            max_widths=[10, 16, 14, 60, 30] if lang == "zh" else [16, 24, 20, 60, 30]))


def echo_ledger(state: Any, region: str | None, stalled_signed: int, stalled_started: int, fmt: str,
                emit_json: JsonOut, emit_csv: CsvOut) -> None:
    """Print the project ledger: promised against latest, stalled projects first."""
    from ..analysis.ledger import ledger_day, project_ledger, stalled_text
    from ..outputs.lang import PROJECT_STATUS_LABELS, header_labels, quantity_label
    from ..outputs.tables import render_table

    ds = state.dataset
    entries = project_ledger(ds, region=region, signed_months=stalled_signed, started_months=stalled_started)
    if fmt == "json":
        return emit_json(entries)
    def text(project_id: str, field: str) -> str:
        value = getattr(ds.projects[project_id], field)
        return "" if value is None else str(value)

    increases = {e.project: [] for e in ds.events}  # type: dict[str, list[str]]
    for event in ds.events:
        if event.kind == "capital_increase" and event.amount is not None:
            increases[event.project].append(str(event.amount))
    rows = [[e["id"], e["name"], e["promised"]["date"] or "", text(e["id"], "investment"),
             text(e["id"], "expected_output"), e["promised"]["area_mu"] if e["promised"]["area_mu"] is not None
             else "", e["latest"]["status"], e["latest"]["date"] or "", "|".join(increases.get(e["id"], [])),
             "yes" if e["stalled"] else "no", e["stalled_reason"] or ""] for e in entries]
    if fmt == "csv":
        return emit_csv(["id", "name", "signed", "investment", "expected_output", "area_mu", "status", "status_date",
                     "capital_increases", "stalled", "stalled_reason"], rows)
    stalled = sum(1 for e in entries if e["stalled"])
    lang = state.lang
    if lang == "en":
        click.echo(f"Project ledger · as of {ledger_day(ds)} · stalled: signed {stalled_signed} months or more "
                   f"without a start, or started {stalled_started} months or more without trial production · "
                   f"stalled {stalled} / {len(entries)}\n")
    else:
        click.echo(f"项目台账 · 截至 {ledger_day(ds)} · 签约满 {stalled_signed} 个月未见开工、开工满 {stalled_started} "
                   f"个月未见试产记为停滞 · 停滞 {stalled} / {len(entries)}\n")

    def label(project_id: str, field: str) -> str:
        value = getattr(ds.projects[project_id], field)
        return quantity_label(value, lang) if value is not None else ""

    statuses = PROJECT_STATUS_LABELS[lang]

    def latest(e: dict[str, Any]) -> str:
        status = e["latest"]["status"]
        shown = statuses.get(status, e["latest"]["status_cn"]) if lang == "en" else e["latest"]["status_cn"]
        return f"{shown} {e['latest']['date'] or ''}".strip()

    table = [[("⚠ " if e["stalled"] else "") + e["name"], e["promised"]["date"] or "",
              label(e["id"], "investment") or e["promised"]["investment"] or "", label(e["id"], "expected_output"),
              latest(e), stalled_text(e["stalled_code"], e["stalled_params"], lang) if e["stalled"] else ""]
             for e in entries]
    click.echo(render_table(header_labels(["项目", "签约", "承诺投资", "承诺产值", "最新", "停滞原因"], lang), table,
                            max_widths=[34, 10, 14, 14, 18, 42] if lang == "zh" else [34, 10, 18, 18, 28, 60]))


@click.command("backtest")
@click.option("--as-of", "as_of", required=True, metavar="DATE", help="Rank the gaps as the chain stood on DATE.")
@click.option("--until", required=True, metavar="DATE", help="Score the ranking against what landed by DATE.")
@click.option("--region", "-r", "regions", multiple=True, metavar="REGION",
              help="Region(s) to rank (repeatable; default: the dataset's default region).")
@click.option("--all-regions", is_flag=True, help="Every county and district of the dataset.")
@click.option("--chain", "-c", "chains", multiple=True, metavar="CHAIN", help="Chain(s) (default: all).")
@click.option("--k", "ks", multiple=True, type=click.IntRange(min=1), help="Cut-offs k (default: 1, 3, 5, 10).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def backtest_command(state: Any, as_of: str, until: str, regions: tuple[str, ...], all_regions: bool,
                     chains: tuple[str, ...], ks: tuple[int, ...], fmt: str) -> None:
    """How the gap ranking of one date fared: precision at k of the ranked segments and firms, by a later date."""
    from ..analysis.backtest import backtest
    from ..outputs.tables import render_table

    ds = state.dataset
    if all_regions:
        chosen = [r.id for r in ds.regions.values() if r.kind in ("county", "district")]
    else:
        chosen = list(regions) or [ds.info.default_region]
    result = backtest(ds, as_of, until, regions=chosen, chains=list(chains) or None, ks=list(ks) or None)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    if state.lang == "en":
        click.echo(f"Backtest: the gap ranking of {result['as_of']} against the projects and firms landed by "
                   f"{result['until']} · {result['regions']} regions × {result['chains']} chains · "
                   f"{result['landed_segments']} segments and {result['landed_firms']} firms landed\n")
    else:
        click.echo(f"回测：按 {result['as_of']} 的缺口排名，对照 {result['until']} 前落地的项目与企业 · "
                   f"{result['regions']} 个地区 × {result['chains']} 条链 · 落地环节 {result['landed_segments']} 个、"
                   f"落地企业 {result['landed_firms']} 家\n")
    rows = [[k, f"{result['precision_at_k']['segments'][k]:.3f}", f"{result['baseline']['segments'][k]:.3f}",
             f"{result['precision_at_k']['firms'][k]:.3f}", f"{result['baseline']['firms'][k]:.3f}"]
            for k in result["precision_at_k"]["segments"]]
    headers = ["k", "环节 P@k", "随机基线", "企业 P@k", "随机基线"] if state.lang == "zh" else \
        ["k", "segments P@k", "random baseline", "firms P@k", "random baseline"]
    click.echo(render_table(headers, rows, align_right=range(5)))
