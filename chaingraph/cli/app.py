"""The ``chaingraph`` command: thin glue over the library.

Each command parses its options, calls one library function and renders the result as a table, JSON or CSV.
Library errors (:class:`~chaingraph.errors.ChaingraphError`) become one line on stderr and the exit code of
their class (``docs/cli.md``); nothing here prints a traceback for bad input.

The library is imported inside the commands, and the commands kept in other modules are registered lazily (their
module is imported only when the command runs), so that ``chaingraph --help`` and a query from a compiled
snapshot never import networkx, openpyxl, the extractor or the reader.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .._version import __version__
from ..errors import LookupFailed
from ..messages import msg
from ..outputs.lang import DEFAULT_LANG, LANG_ENV, LANGS, code_or_label, header_labels, join_names, name_in
from .common import (
    DATA_ENV,
    PROJECT_STATUS_CN,
    STATUSES,
    TIER_CN,
    CliError,
    State,
    _analysis_source,
    _csv,
    _fit,
    _Group,
    _json,
    _pct,
    _range,
    as_of_option,
    backend_options,
    format_option,
    output_option,
    pass_state,
    region_option,
)
from .progress import progress_bar, progress_option

if TYPE_CHECKING:
    from ..dataset.graph import ChainGraph

__all__ = ["main", "cli"]


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.option("--data", "-d", type=click.Path(path_type=Path, file_okay=False), envvar=DATA_ENV,
              help=f"Dataset folder (default: ${DATA_ENV}, else the bundled Pinghu dataset).")
@click.option("--lang", type=click.Choice(LANGS), envvar=LANG_ENV, default=DEFAULT_LANG, show_default=True,
              help=f"Language of what a person reads: tables, reasons, errors, maps, workbooks and briefings. JSON and "
                   f"CSV carry English codes (reason codes too) and Chinese labels either way. Also ${LANG_ENV}.")
@click.version_option(__version__, prog_name="chaingraph")
@click.pass_context
def cli(ctx: click.Context, data: Path | None, lang: str) -> None:
    """chaingraph: industry-chain gaps and targets for investment promotion (产业链招商).

    \b
    Examples:
      chaingraph chains
      chaingraph gaps --chain machine-tool
      chaingraph targets --chain 机床 --segment 数控系统
      chaingraph --data seeds/my-city validate
    """
    ctx.obj = State(data, lang)


# ------------------------------------------------------------------------------------------------ chains


@cli.command()
@region_option
@as_of_option
@click.option("--since", metavar="DATE", help="Only what changed since DATE: segments whose status moved, with the "
                                              "events and new firms that moved them.")
@format_option
@pass_state
def chains(state: State, region: str | None, as_of: str | None, since: str | None, fmt: str) -> None:
    """The chains of the dataset with their completeness for a region."""
    if since is not None:
        from .timeline import echo_changes

        return echo_changes(state, since, as_of, region, None, fmt, _json, _csv)
    from ..analysis.facts import facts_for
    from ..analysis.gaps import coverage_line
    from ..analysis.views import chain_summaries
    from ..outputs.tables import render_table

    with _analysis_source(state, "auto", None, as_of) as source:
        rows = chain_summaries(source, region)
        info = facts_for(source).ds.info
    if fmt == "json":
        return _json(rows)
    headers = ["id", "chain", "segments", "strong", "weak", "pipeline", "missing", "local_firms", "completeness",
               "with_pipeline", "claimed", "unknown", "completeness_upper", "coverage"]
    values = [[r["id"], r["name"], r["segments"], r["strong"], r["weak"], r["pipeline"], r["missing"],
               r["local_firms"], f"{r['completeness']:.3f}", f"{r['completeness_with_pipeline']:.3f}", r["claimed"],
               r["unknown"], f"{r['completeness_upper']:.3f}", r["coverage"]] for r in rows]
    if fmt == "csv":
        return _csv(headers, values)
    region_name = rows[0]["region"] if rows else (region or info.default_region)
    if state.lang == "en":
        region_name = name_in(facts_for(source).region(region), "en")
    kinds = sorted({r["coverage"] for r in rows})
    lang = state.lang
    coverage_text = " · ".join(coverage_line(facts_for(source).coverage(facts_for(source).region(region).id, r["id"]),
                                             lang)
                               + ((f"（{r['name']}）" if lang == "zh" else f" ({r['name']})") if len(kinds) > 1
                                  else "") for r in rows if len(kinds) > 1 or r is rows[0])
    as_of_word = "数据截至" if lang == "zh" else "data as of"
    click.echo(f"{name_in(info, lang)} · {region_name} · {as_of_word} {info.as_of}\n{coverage_text}\n")
    table = [[r["id"], (r["name_en"] or r["name"]) if lang == "en" else r["name"], r["segments"], r["strong"],
              r["weak"], r["pipeline"], r["claimed"], r["missing"],
              r["unknown"], r["local_firms"], _range(r["completeness"], r["completeness_upper"]),
              _pct(r["completeness_with_pipeline"])] for r in rows]
    headers = header_labels(["id", "产业链", "环节", "强", "弱", "在途", "声称有", "缺", "未见", "本地企业", "完整度",
                             "含在途"], state.lang)
    click.echo(render_table(headers, table, align_right=range(2, 12)))


# ------------------------------------------------------------------------------------------------ gaps


@cli.command()
@click.option("--chain", "-c", required=True, metavar="CHAIN", help="Chain id or name (machine-tool, 机床, 汽车).")
@region_option
@click.option("--status", "statuses", multiple=True, type=click.Choice(list(STATUSES)),
              help="Only segments with this status (repeatable).")
@click.option("--sort", type=click.Choice(["priority", "chain"]), default="priority", show_default=True,
              help="Order: highest priority first, or the chain's own order (upstream to downstream).")
@as_of_option
@click.option("--since", metavar="DATE", help="Only the segments whose status changed since DATE, and why.")
@format_option
@click.option("--all-firms", is_flag=True,
              help="List every local firm of each segment (default: the first 20; local_firm_count counts all).")
@backend_options
@pass_state
def gaps(state: State, chain: str, region: str | None, statuses: tuple[str, ...], sort: str, as_of: str | None,
         since: str | None, fmt: str, all_firms: bool, backend: str, neo4j_dataset: str | None) -> None:
    """Segment by segment: status, action, priority, local firms and the reasons.

    Each segment lists its first 20 local firms (all with --all-firms); local_firm_count always counts them all.
    """
    if since is not None:
        from .timeline import echo_changes

        return echo_changes(state, since, as_of, region, chain, fmt, _json, _csv)
    from ..analysis.gaps import LOCAL_FIRM_LIMIT, STATUS_LABELS, claim_dict, coverage_line, gap_report
    from ..outputs.tables import render_table

    STATUS_CN = STATUS_LABELS  # noqa: N806 - the module-wide name the other tables use
    with _analysis_source(state, backend, neo4j_dataset, as_of) as source:
        report = gap_report(source, chain, region, firm_limit=None if all_firms else LOCAL_FIRM_LIMIT)
    segments = report.ranked() if sort == "priority" else list(report.segments)
    if statuses:
        segments = [g for g in segments if g.status in statuses]
    if fmt == "json":
        data = report.to_dict()
        data["segments"] = [g.to_dict() for g in segments]
        return _json(data)
    if fmt == "csv":
        return _csv(["id", "name", "name_en", "tier", "importance", "status", "action", "priority", "local_firms",
                     "pipeline_projects", "reasons", "status_label", "action_code", "claims", "coverage",
                     "local_firm_count", "reason_codes"],
                    [[g.segment.id, g.segment.name, g.segment.name_en, g.segment.tier, g.segment.importance,
                      g.status, g.action or "", "" if g.priority is None else f"{g.priority:.4f}", g.local_firms,
                      g.pipeline_projects, "; ".join(g.reasons), STATUS_LABELS[g.status], g.action_code or "",
                      json.dumps([claim_dict(c) for c in g.claims], ensure_ascii=False) if g.claims else "",
                      report.coverage.kind if report.coverage else "partial", g.local_firm_count,
                      "; ".join(getattr(r, "code", "") for r in g.reasons)] for g in segments])
    counts = report.counts()
    lang = state.lang
    if lang == "en":
        _gaps_header_en(report)
    else:
        click.echo(f"{report.chain.name}（{report.chain.id}）· {report.region.name} · 数据截至 {report.as_of}")
        click.echo(coverage_line(report.coverage))
        tally = " · ".join(f"{STATUS_LABELS[s]} {counts[s]}" for s in STATUSES
                           if counts[s] or s in ("strong", "weak"))
        upper = ""
        if report.completeness_upper is not None and report.completeness_upper > report.completeness + 1e-9:
            upper = f"，按来源声称最高 {_pct(report.completeness_upper)}"
        click.echo(f"完整度 {_pct(report.completeness)}（含在途 {_pct(report.completeness_with_pipeline)}{upper}）· "
                   f"{tally}" + ("" if report.relatedness_used else " · 关联密度未计算（地区数不足）") + "\n")
    rows = []
    for g in segments:
        rows.append([name_in(g.segment, lang), code_or_label(g.segment.tier, TIER_CN[g.segment.tier], lang),
                     code_or_label(g.status, STATUS_CN[g.status], lang),
                     code_or_label(g.action_code, g.action or "—", lang),
                     "" if g.priority is None else f"{g.priority:.3f}",
                     join_names(g.local_firms or g.pipeline_projects, lang) or "—",
                     g.headline_in(lang) if g.priority is not None else ""])
    widths = [18, 4, 6, 4, 6, 34, 0] if lang == "zh" else [18, 10, 8, 10, 8, 34, 0]
    headers = header_labels(["环节", "层级", "状态", "行动", "优先级", "本地企业/在途项目", "要点"], lang)
    click.echo(render_table(headers, rows, max_widths=_fit(widths), align_right=[4]))
    detailed = [g for g in segments if g.priority is not None]
    if detailed:
        click.echo("\n理由（按优先级）:" if lang == "zh" else "\nReasons (by priority):")
        for g in detailed:
            if lang == "zh":
                click.echo(f"  {g.segment.name} [{STATUS_CN[g.status]}·{g.action}·{g.priority:.3f}]")
            else:
                click.echo(f"  {name_in(g.segment, lang)} [{g.status} · {g.action_code} · {g.priority:.3f}]")
            for reason in g.reasons_in(lang):
                click.echo(f"    - {reason}")


def _gaps_header_en(report: Any) -> None:
    """The lines above the gaps table, in English."""
    from ..analysis.gaps import STATUS_LABELS_EN, STATUSES, coverage_line

    counts = report.counts()
    click.echo(f"{name_in(report.chain, 'en')} ({report.chain.id}) · {name_in(report.region, 'en')} · "
               f"data as of {report.as_of}")
    click.echo(coverage_line(report.coverage, "en"))
    tally = " · ".join(f"{STATUS_LABELS_EN[s]} {counts[s]}" for s in STATUSES if counts[s] or s in ("strong", "weak"))
    upper = ""
    if report.completeness_upper is not None and report.completeness_upper > report.completeness + 1e-9:
        upper = f", up to {_pct(report.completeness_upper)} if the sources' claims hold"
    click.echo(f"completeness {_pct(report.completeness)} (with pipeline {_pct(report.completeness_with_pipeline)}"
               f"{upper}) · {tally}"
               + ("" if report.relatedness_used else " · relatedness density not computed (too few regions)") + "\n")


# ------------------------------------------------------------------------------------------------ targets


@cli.command()
@click.option("--chain", "-c", metavar="CHAIN", help="Chain id or name; narrows the segment lookup.")
@click.option("--segment", "-s", required=True, metavar="SEGMENT", help="Segment id or name (数控系统).")
@region_option
@click.option("--limit", "-n", type=click.IntRange(min=0), default=10, show_default=True,
              help="How many candidates (0 = all).")
@as_of_option
@format_option
@backend_options
@pass_state
def targets(state: State, chain: str | None, segment: str, region: str | None, limit: int, as_of: str | None,
            fmt: str, backend: str, neo4j_dataset: str | None) -> None:
    """Ranked candidate firms outside the region for one segment, with reasons."""
    from ..analysis import find_targets
    from ..analysis.gaps import STATUS_LABELS as STATUS_CN
    from ..outputs.tables import render_table

    with _analysis_source(state, backend, neo4j_dataset, as_of) as source:
        result = find_targets(source, chain, segment, region, limit=limit or None)
    if fmt == "json":
        return _json(result.to_dict())
    lang = state.lang
    rows: list[list[Any]] = [[i + 1, c.firm.name, c.firm.country, c.firm.headquarters, f"{c.score:.3f}",
                              c.reasons if fmt == "csv" else c.reasons_in(lang)]
                             for i, c in enumerate(result.candidates)]
    if fmt == "csv":
        return _csv(["rank", "firm", "country", "headquarters", "score", "reasons", "completeness_gain",
                     "local_links", "reason_codes"],
                    [[*r, f"{result.completeness_gain:.4f}", result.local_links,
                      [getattr(x, "code", "") for x in c.reasons]]
                     for r, c in zip(rows, result.candidates, strict=True)])
    if lang == "zh":
        click.echo(f"{result.segment.name}（{result.segment.id}，{result.chain.name}）· {result.region.name} 现状："
                   f"{STATUS_CN[result.status]} · 候选 {result.total} 家，显示前 {len(rows)} 家")
        click.echo(f"引进任一候选：{result.chain.name}链完整度 +{result.completeness_gain:.1%}；"
                   f"本地上下游环节已有 {result.local_links} 家企业可与之配套\n")
    else:
        click.echo(f"{name_in(result.segment, lang)} ({result.segment.id}, {name_in(result.chain, lang)}) · "
                   f"{name_in(result.region, lang)} now: {result.status} · {result.total} candidates, "
                   f"showing the first {len(rows)}")
        click.echo(f"Landing any candidate: completeness of the {name_in(result.chain, lang)} chain "
                   f"+{result.completeness_gain:.1%}; {result.local_links} local firms in the neighbouring "
                   f"segments could supply it or buy from it\n")
    if not rows:
        click.echo("数据集中没有该环节的区外企业。" if lang == "zh" else "No firm outside the region in this segment.")
        return
    click.echo(render_table(header_labels(["#", "企业", "国别", "总部", "得分", "完整度+", "理由"], lang),
                            [[*r[:5], f"+{result.completeness_gain:.1%}", ("；" if lang == "zh" else "; ").join(r[5])]
                             for r in rows],
                            max_widths=_fit([3, 24, 4, 16, 6, 7, 0]), align_right=[0, 4, 5]))


# ------------------------------------------------------------------------------------------------ listings


@cli.command()
@region_option
@click.option("--chain", "-c", metavar="CHAIN", help="Only firms in this chain.")
@click.option("--segment", "-s", metavar="SEGMENT", help="Only firms in this segment.")
@click.option("--all", "everywhere", is_flag=True, help="All firms of the dataset, not only the region's.")
@format_option
@pass_state
def firms(state: State, region: str | None, chain: str | None, segment: str | None, everywhere: bool,
          fmt: str) -> None:
    """Firms of the region (or --all), with their chain positions."""
    from ..analysis.views import firm_rows
    from ..outputs.tables import render_table

    ds = state.dataset
    views = firm_rows(state.graph, region=region, chain=chain, segment=segment, everywhere=everywhere)
    if fmt == "json":
        return _json(views)
    segments = ds.segments
    lang = state.lang
    pipeline_mark, yes = ("（在途）", "是") if lang == "zh" else (" (pipeline)", "yes")
    def where(v: dict[str, Any]) -> str:
        place = ds.regions.get(ds.firms[v["id"]].region or "") if lang == "en" else None
        return name_in(place, lang) if place is not None else v["park"] or v["region"] or v["headquarters"] or ""

    rows = [[v["id"], v["name"], v["country"] or "", v["group"] or "", where(v),
             join_names([name_in(segments[s], lang) for s in v["segments"]]
                        + [name_in(segments[s], lang) + pipeline_mark for s in v["pipeline_segments"]], lang),
             yes if v["fortune500"] else ""] for v in views]
    if fmt == "csv":
        return _csv(["id", "name", "country", "group", "location", "segments", "fortune500"],
                    [[v["id"], v["name"], v["country"], v["group"], v["park"] or v["region"] or v["headquarters"],
                      v["segments"] + v["pipeline_segments"], v["fortune500"]] for v in views])
    click.echo(render_table(header_labels(["id", "企业", "国别", "集团", "所在地", "环节", "500强"], state.lang), rows,
                            max_widths=[24, 26, 4, 14, 22, 40, 5]))
    click.echo(f"\n{len(rows)} 家企业" if lang == "zh" else f"\n{len(rows)} firms")


@cli.command()
@region_option
@click.option("--status", "statuses", multiple=True,
              type=click.Choice(["signed", "under_construction", "trial", "operating", "cancelled"]),
              help="Only projects with this status (repeatable).")
@click.option("--ledger", is_flag=True, help="Promised against latest (events.csv), stalled projects first.")
@click.option("--stalled-signed", type=click.IntRange(min=1), default=12, show_default=True, metavar="N",
              help="With --ledger: signed N months or more without a start is stalled.")
@click.option("--stalled-started", type=click.IntRange(min=1), default=24, show_default=True, metavar="M",
              help="With --ledger: started M months or more without trial production is stalled.")
@format_option
@pass_state
def projects(state: State, region: str | None, statuses: tuple[str, ...], ledger: bool, stalled_signed: int,
             stalled_started: int, fmt: str) -> None:
    """Investment projects in the region, with their figures and sources (--ledger: promised vs latest)."""
    if ledger:
        from .timeline import echo_ledger

        return echo_ledger(state, region, stalled_signed, stalled_started, fmt, _json, _csv)
    from ..analysis.views import project_list, project_view
    from ..outputs.tables import render_table

    cg = state.graph
    ds = cg.dataset
    chosen = project_list(cg, region, statuses)
    views = [project_view(cg, p) for p in chosen]
    if fmt == "json":
        return _json(views)
    if fmt == "csv":
        return _csv(["id", "name", "firms", "park", "status", "date", "investment", "registered_capital",
                     "expected_output", "area_mu", "segments"],
                    [[p.id, p.name, v["firms"], v["park"] or v["region"], p.status, v["date"],
                      p.investment or "", p.registered_capital or "", p.expected_output or "",
                      p.area_mu if p.area_mu is not None else "", p.segments] for p, v in zip(chosen, views,
                                                                                               strict=True)])
    from ..outputs.lang import quantity_label

    lang = state.lang
    rows = [[p.name, join_names(v["firms"], lang),
             name_in(ds.regions[p.region], lang) if lang == "en" and p.region in ds.regions
             else v["park"] or v["region"] or "",
             PROJECT_STATUS_CN[p.status] if lang == "zh" else p.status, v["date"] or "",
             quantity_label(p.investment, lang) if p.investment else "",
             join_names((name_in(ds.segments[s], lang) for s in p.segments), lang)]
            for p, v in zip(chosen, views, strict=True)]
    click.echo(render_table(header_labels(["项目", "企业", "园区", "状态", "日期", "总投资", "环节"], state.lang), rows,
                            max_widths=[30, 20, 16, 6, 10, 14, 24]))
    click.echo(f"\n{len(rows)} 个项目" if lang == "zh" else f"\n{len(rows)} projects")


# ------------------------------------------------------------------------------------------------ show


def _show_record(cg: ChainGraph, record: object) -> dict[str, Any]:
    from ..analysis.views import firm_view, project_view, region_facts_view, source_view
    from ..dataset.model import Chain, Firm, Group, Project, Region, Segment

    ds = cg.dataset
    if isinstance(record, Firm):
        view = firm_view(cg, record)
        view["type"] = "firm"
        view["positions"] = [
            {"segment": p.segment, "segment_name": ds.segments[p.segment].name,
             "chain": ds.chains[ds.segments[p.segment].chain].name, "tier": ds.segments[p.segment].tier,
             "stage": p.stage, "confidence": p.confidence,
             "via": ds.projects[p.via].name if p.via else None}
            for p in cg.firm_positions(record.id)
        ]
        view["projects"] = [p.name for p in ds.projects.values() if record.id in p.firms]
        ties = cg.firm_neighbours(record.id)
        view["suppliers"] = [ds.firms[f].name for f in ties["suppliers"]]
        view["customers"] = [ds.firms[f].name for f in ties["customers"]]
        return view
    if isinstance(record, Project):
        return {"type": "project", **project_view(cg, record)}
    if isinstance(record, Group):
        return {"type": "group", "id": record.id, "name": record.name, "name_en": record.name_en,
                "country": record.country, "fortune500": record.fortune500,
                "firms": [ds.firms[f].name for f in cg.firms_by_group.get(record.id, [])],
                "sources": [source_view(ds, s, record.id) for s in record.sources]}
    if isinstance(record, Segment):
        return {"type": "segment", "id": record.id, "name": record.name, "name_en": record.name_en,
                "chain": ds.chains[record.chain].name, "tier": record.tier, "importance": record.importance,
                "keywords": record.keywords,
                "upstream": [ds.segments[s].name for s in cg.upstream(record.id)],
                "downstream": [ds.segments[s].name for s in cg.downstream(record.id)],
                "firms": [ds.firms[f].name for f in cg.firms_of_segment(record.id)]}
    if isinstance(record, Chain):
        return {"type": "chain", "id": record.id, "name": record.name, "name_en": record.name_en,
                "segments": [s.name for s in record.segments]}
    if isinstance(record, Region):
        parent = ds.regions[record.parent].name if record.parent else None
        return {"type": "region", "id": record.id, "name": record.name, "name_en": record.name_en,
                "region_kind": record.kind, "parent": parent, "favoured_countries": record.favoured_countries,
                "firms": [f.name for f in ds.firms.values() if cg.is_local(f, record.id)],
                "facts": region_facts_view(ds, record.id)}
    raise LookupFailed(msg("cannot show {record!r}", record=record))  # pragma: no cover


def _echo_view(view: dict[str, Any], indent: str = "", lang: str = "zh", english: dict[str, str] | None = None
               ) -> None:
    """A ``show`` view as ``key: value`` lines; in English, chains, segments and regions by their ``name_en``
    (``english`` maps a name to it) and amounts and lists written the English way."""
    def plain(value: Any) -> str:
        return _plain(value, lang, english or {})

    for key, value in view.items():
        if value in (None, [], {}, ""):
            continue
        if isinstance(value, list) and value and isinstance(value[0], dict):
            click.echo(f"{indent}{key}:")
            for item in value:
                click.echo(f"{indent}  - " + "; ".join(
                    f"{k}={plain(v)}" for k, v in item.items() if v not in (None, [], {}, "")))
        elif isinstance(value, dict):
            click.echo(f"{indent}{key}: " + plain(value))
        else:
            click.echo(f"{indent}{key}: {plain(value)}")


def _english_names(ds: Any) -> dict[str, str]:
    """Chain, segment and region names -> their ``name_en``, for ``show`` in English."""
    return {r.name: r.name_en for records in (ds.chains.values(), ds.segments.values(), ds.regions.values())
            for r in records if r.name_en and r.name}


def _plain(value: Any, lang: str = "zh", english: dict[str, str] | None = None) -> str:
    if isinstance(value, list):
        return join_names([_plain(v, lang, english) for v in value], lang)
    if isinstance(value, dict):
        if {"amount", "qualifier"} <= set(value):
            from ..dataset.model import Quantity
            from ..outputs.lang import quantity_label

            unit = str(value.get("currency") or value.get("unit"))
            return quantity_label(Quantity(value["amount"], unit, value["qualifier"]), lang)
        return ", ".join(f"{k}: {_plain(v, lang, english)}" for k, v in value.items())
    if isinstance(value, str) and english:
        return english.get(value, value)
    return str(value)


@cli.command()
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@output_option
@pass_state
def show(state: State, name: str, fmt: str) -> None:
    """One firm, project, group, segment, chain or region, with its chain positions and sources."""
    cg = state.graph
    found = cg.dataset.find(name)
    if not found:
        raise LookupFailed(msg("nothing in the dataset matches {name!r}", name=name))
    views = [_show_record(cg, record) for record in found]
    if fmt == "json":
        return _json(views[0] if len(views) == 1 else views)
    english = _english_names(cg.dataset) if state.lang == "en" else {}
    for i, view in enumerate(views):
        if i:
            click.echo("")
        _echo_view(view, lang=state.lang, english=english)


# ------------------------------------------------------------------------------------------------ validate


@cli.command()
@pass_state
def validate(state: State) -> None:
    """Check a dataset folder and report every problem as file:line: field: message.

    Errors (the dataset cannot be used) exit with code 3; warnings (formula-like, HTML-looking or overlong names,
    bidirectional controls, javascript: URLs, likely duplicate firms, duplicate rows, stray files) are printed and
    the exit code stays 0 (docs/input-safety.md).
    """
    from ..dataset.reader import load_dataset, validate_dataset

    problems = validate_dataset(state.path, warnings=True)
    errors = [p for p in problems if p.is_error]
    for problem in problems:
        click.echo(problem.render(state.lang), err=True)
    if errors:
        warned = len(problems) - len(errors)
        s = "s" if len(errors) != 1 else ""
        raise CliError(msg("{path}: {count} problem{s} and {warned} warning{s2}", path=state.path, count=len(errors),
                           s=s, warned=warned, s2="s" if warned != 1 else "") if warned else
                       msg("{path}: {count} problem{s}", path=state.path, count=len(errors), s=s), 3)
    ds = load_dataset(state.path)
    if state.lang == "zh":
        note = f" · {len(problems)} 个警告" if problems else ""
        click.echo(f"{state.path}：有效 · {len(ds.chains)} 条产业链 · {len(ds.segments)} 个环节 · "
                   f"{len(ds.regions)} 个地区 · {len(ds.firms)} 家企业 · {len(ds.links)} 条挂链 · "
                   f"{len(ds.projects)} 个项目 · {len(ds.sources)} 个来源{note}")
        return
    note = f" · {len(problems)} warning{'s' if len(problems) != 1 else ''}" if problems else ""
    click.echo(f"{state.path}: valid · {len(ds.chains)} chains · {len(ds.segments)} segments · "
               f"{len(ds.regions)} regions · {len(ds.firms)} firms · {len(ds.links)} links · "
               f"{len(ds.projects)} projects · {len(ds.sources)} sources{note}")


@cli.command()
@format_option
@pass_state
def regions(state: State, fmt: str) -> None:
    """The region hierarchy and parks, with the facts recorded for each."""
    from ..analysis.views import region_facts_view
    from ..outputs.tables import render_table

    ds = state.dataset
    rows: list[dict[str, Any]] = []
    for region in ds.regions.values():
        depth = len(ds.region_ancestors(region.id)) - 1
        rows.append({"id": region.id, "name": region.name, "kind": region.kind, "depth": depth,
                     "parent": region.parent, "favoured_countries": region.favoured_countries,
                     "firms": sum(1 for f in ds.firms.values() if f.region == region.id),
                     "facts": region_facts_view(ds, region.id, include_inner=False)})
    if fmt == "json":
        return _json(rows)
    if fmt == "csv":
        return _csv(["id", "name", "kind", "parent", "favoured_countries", "firms"],
                    [[r["id"], r["name"], r["kind"], r["parent"], r["favoured_countries"], r["firms"]] for r in rows])
    from ..outputs.lang import quantity_label

    lang = state.lang
    shown = {r["id"]: name_in(ds.regions[r["id"]], lang) for r in rows}
    values = {f.id: f.value for f in ds.region_facts}
    click.echo(render_table(header_labels(["id", "地区", "类型", "偏好来源国", "企业"], lang),
                            [[r["id"], "  " * r["depth"] + shown[r["id"]], r["kind"],
                              join_names(r["favoured_countries"], lang), r["firms"]] for r in rows], align_right=[4]))
    for r in rows:
        for fact in r["facts"]:
            period = (f"（{fact['period']}）" if lang == "zh" else f" ({fact['period']})") if fact["period"] else ""
            label = quantity_label(values[fact["id"]], lang) if fact["id"] in values else fact["label"]
            click.echo(f"  {shown[r['id']]} · {fact['metric']}{period}: {label}")


@cli.command()
@click.option("--firms", type=click.IntRange(min=1), required=True, help="How many firms.")
@click.option("--regions", type=click.IntRange(min=1), default=300, show_default=True, help="How many counties.")
@click.option("--seed", type=int, default=1, show_default=True, help="Same seed, same files.")
@click.option("--years", type=click.IntRange(min=0, max=30), default=0, show_default=True,
              help="Years of dated history after mid-2022 (new firms, landing projects, events.csv) for as-of, "
                   "--since and backtest.")
@click.option("--gap-landings", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True, metavar="P",
              help="With --years: the share of landings that fill a gap next to what a county has (the rest "
                   "follow its specialisation), so that a backtest has something to find.")
@click.option("-o", "--output", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Dataset folder to write: new, empty, or an earlier synth pool (replaced).")
@progress_option
def synth(firms: int, regions: int, seed: int, years: int, gap_landings: float, output: Path,
          progress: bool | None) -> None:
    """Write a synthetic national pool in the dataset format, with the gaps it planted (planted.json)."""
    import time

    from ..sources.synth import generate

    started = time.perf_counter()
    with progress_bar(f"synth {firms} firms", progress) as report:
        root = generate(output, firms=firms, regions=regions, seed=seed, years=years, gap_landings=gap_landings,
                        progress=report)
    history = f", {years} years of history" if years else ""
    click.echo(f"{root}: {firms} firms over {regions} counties{history} in {time.perf_counter() - started:.1f} s "
               f"(default region r0000; planted gaps in {root / 'planted.json'})")


@cli.command("compile")
@click.option("--rebuild", is_flag=True, help="Compile again even if the snapshot is up to date.")
@pass_state
def compile_command(state: State, rebuild: bool) -> None:
    """Prepare a dataset for fast queries: validate it and compile its snapshot (docs/performance.md).

    Later `gaps` and `targets` use the snapshot; any change to the dataset's files makes it compile again.
    """
    import time

    from ..engines.snapshot import open_snapshot

    started = time.perf_counter()
    built: list[Path] = []
    with open_snapshot(state.path, rebuild=rebuild, on_build=built.append) as facts:
        path = facts.path
    took = time.perf_counter() - started
    verb = "compiled" if built else "up to date"
    click.echo(f"{state.path}: snapshot {verb} in {took:.1f} s: {path}")


def _safe_streams() -> None:
    """Never a UnicodeEncodeError on a console or pipe that is not UTF-8 (Chinese Windows: GBK; cp1252).

    Redirected output becomes UTF-8, like every file chaingraph writes, unless ``PYTHONIOENCODING`` asks for
    another encoding; a console keeps its encoding and shows ``?`` for what it cannot display.
    """
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name, None)
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if stream is None or encoding == "utf8" or reconfigure is None:
            continue
        try:
            tty = stream.isatty()
        except (OSError, ValueError):
            tty = False
        if tty or os.environ.get("PYTHONIOENCODING"):
            reconfigure(errors="replace")
        else:
            reconfigure(encoding="utf-8")


def _utf8_argument(arg: str) -> str:
    """An argument that a non-UTF-8 locale (LANG=C) decoded into surrogates, decoded again as the UTF-8 it was."""
    if not any("\udc80" <= ch <= "\udcff" for ch in arg):
        return arg
    try:
        return arg.encode(sys.getfilesystemencoding(), "surrogateescape").decode("utf-8")
    except UnicodeError:
        return arg


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    _safe_streams()
    args = [_utf8_argument(a) for a in (sys.argv[1:] if argv is None else argv)]
    try:
        cli.main(args=args, prog_name="chaingraph")
    finally:
        if argv is None:  # the process's own command line: the process ends with this command
            # Everything it built (modules, classes, a snapshot's caches) goes with the process: frozen, the
            # collector's passes at interpreter shutdown skip it (~10 ms of a cold query; docs/performance.md).
            # Files and snapshots are closed by now, and atexit handlers and the flush of stdout/stderr still run.
            import gc

            gc.freeze()


# commands kept in their own modules, imported only when they run; the text is what `--help` lists
cli.add_lazy_command("neo4j", "chaingraph.cli.graphdb:neo4j_group",
                     "Share the graph in Neo4j: push a dataset, see what is there, wipe it.")
cli.add_lazy_command("map", "chaingraph.cli.maps:map_command",
                     "Write an interactive chain map: one HTML file that opens offline by double-clicking.")
cli.add_lazy_command("import", "chaingraph.cli.workflow:import_command",
                     "Import firms and projects from a spreadsheet (.xlsx, or .csv in UTF-8, GB18030 or UTF-16) into "
                     "the dataset.")
cli.add_lazy_command("export", "chaingraph.cli.workflow:export_command",
                     "Export the gap workbook, the graph or a briefing.")
cli.add_lazy_command("import-chainkg", "chaingraph.cli.workflow:import_chainkg_command",
                     "Add reference firms and segment links from your copy of ChainKnowledgeGraph (its data/ folder).")
cli.add_lazy_command("extract", "chaingraph.cli.ingest:extract_command",
                     "Propose facts (firms, projects, figures, dates, places, segments) from a news article, for "
                     "review.")
cli.add_lazy_command("merge", "chaingraph.cli.ingest:merge_command",
                     "Merge reviewed proposed facts (from `extract`) into the dataset folder given by --data.")
cli.add_lazy_command("whatif", "chaingraph.cli.whatif:whatif_command",
                     "Completeness, statuses and priorities after landing firms, without touching the dataset.")
cli.add_lazy_command("classify", "chaingraph.cli.classify:classify_command",
                     "Propose chain segments for every firm of a registry (企业名录 .xlsx/.csv), with evidence; writes "
                     "nothing to the dataset.")
cli.add_lazy_command("backtest", "chaingraph.cli.timeline:backtest_command",
                     "How the gap ranking of one date fared: precision at k of the ranked segments and firms, by a "
                     "later date.")
