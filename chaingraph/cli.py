"""The ``chaingraph`` command: thin glue over the library.

Each command parses its options, calls one library function and renders the result as a table, JSON or CSV.
Library errors (:class:`~chaingraph.errors.ChaingraphError`) become one line on stderr and the exit code of
their class (``docs/cli.md``); nothing here prints a traceback for bad input.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from . import __version__
from .analysis import find_targets, gap_report
from .analysis.facts import facts_for
from .analysis.gaps import STATUS_LABELS, STATUSES, claim_dict, coverage_line
from .dataset import DATA_ENV, Dataset, default_dataset_path
from .errors import ChaingraphError, LookupFailed
from .graph import ChainGraph, build_graph
from .model import Chain, Firm, Group, Project, Region, Segment
from .reader import load_dataset, validate_dataset
from .render.tables import render_table
from .views import chain_summaries, firm_rows, firm_view, project_list, project_view, region_facts_view, source_view

__all__ = ["main", "cli"]

STATUS_CN = STATUS_LABELS
TIER_CN = {"upstream": "上游", "midstream": "中游", "downstream": "下游"}
PROJECT_STATUS_CN = {"signed": "签约", "under_construction": "在建", "trial": "试生产", "operating": "投产",
                     "cancelled": "取消"}


class CliError(click.ClickException):
    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code  # type: ignore[misc]  # click declares it on the class; ours varies


class _Group(click.Group):
    """Turns library errors into one clear message and a documented exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ChaingraphError as exc:
            raise CliError(str(exc), exc.exit_code) from exc
        except BrokenPipeError:  # `chaingraph firms | head`
            sys.stderr.close()
            ctx.exit(0)


class State:
    """What the commands share: the dataset folder, loaded on first use."""

    def __init__(self, data: Path | None) -> None:
        self.data = data
        self._graph: ChainGraph | None = None

    @property
    def path(self) -> Path:
        return self.data if self.data is not None else default_dataset_path()

    @property
    def graph(self) -> ChainGraph:
        if self._graph is None:
            self._graph = build_graph(load_dataset(self.path))
        return self._graph

    @property
    def dataset(self) -> Dataset:
        return self.graph.dataset

    def use_as_of(self, as_of: str | None) -> None:
        """From now on, answer from the dataset as it stood on ``as_of`` (nothing changes for ``None``)."""
        if as_of is not None:
            from .asof import dataset_as_of
            from .graph import build_graph

            self._graph = build_graph(dataset_as_of(self.dataset, as_of))


pass_state = click.make_pass_decorator(State)


def format_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                        show_default=True, help="Output format.")(func)


def backend_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--dataset", "neo4j_dataset", metavar="ID",
                        help="With --backend neo4j: the dataset id in Neo4j (default: the id in the dataset "
                             "folder's dataset.yaml).")(func)
    return click.option("--backend", type=click.Choice(["auto", "networkx", "snapshot", "neo4j"]), default="auto",
                        show_default=True,
                        help="Where the analysis runs: in memory (networkx), from the compiled snapshot "
                             "(docs/performance.md), or by Cypher on the Neo4j server of NEO4J_URI "
                             "(docs/neo4j.md). auto: the snapshot when one is compiled or the dataset is large, "
                             "else in memory; the results are the same.")(func)


def wait_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--wait SECONDS`` for commands that change a dataset folder (docs/reliability.md)."""
    return click.option("--wait", "wait", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
                        help="How long to wait when another process is changing the same dataset "
                             "(default: $CHAINGRAPH_LOCK_WAIT or 10; 0: do not wait).")(func)


@contextmanager
def _analysis_source(state: State, backend: str, neo4j_dataset: str | None, as_of: str | None = None
                     ) -> Iterator[Any]:
    """The graph, the snapshot or the Neo4j facts the analysis reads (:func:`chaingraph.open` decides).

    With ``as_of``, the dataset as it stood on that date, in memory (a note says so for another backend).
    """
    from .engine import open_engine

    if neo4j_dataset and backend != "neo4j":
        raise click.UsageError("--dataset applies only with --backend neo4j")

    def announce(path: Path) -> None:
        click.echo(f"chaingraph: compiling a snapshot of {state.path} (once per change of the dataset) ...",
                   err=True)

    def uncached(message: str) -> None:
        click.echo(f"chaingraph: {message}", err=True)

    if as_of is not None:
        with open_engine(state.path, backend, neo4j_dataset=neo4j_dataset, as_of=as_of) as engine:
            if engine.note:
                click.echo(f"chaingraph: {engine.note}", err=True)
            yield engine.graph
        return
    with open_engine(state.path, backend, neo4j_dataset=neo4j_dataset, on_compile=announce,
                     on_uncached=uncached) as engine:
        # in memory, the graph the other commands of this run use; otherwise the engine's own facts
        yield state.graph if engine.backend == "networkx" else engine.facts


def as_of_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--as-of", "as_of", metavar="DATE",
                        help="The chain as it stood on DATE (2021-12-31, 2021, 2022-06): firms and links first "
                             "sourced later, and projects not yet signed, are left out (docs/time.md).")(func)


def region_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--region", "-r", metavar="REGION",
                        help="Region id or name (平湖, pinghu); default: the dataset's default region.")(func)


def _json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _csv(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["|".join(map(str, c)) if isinstance(c, list) else ("" if c is None else c) for c in row])
    click.echo(buffer.getvalue(), nl=False)


def _fit(widths: list[int]) -> list[int]:
    """Column limits for a table whose last column (0) takes the rest of the terminal, or everything when piped."""
    if not sys.stdout.isatty():
        return [*widths[:-1], 0]
    import shutil

    columns = shutil.get_terminal_size((120, 24)).columns
    rest = columns - sum(widths[:-1]) - 2 * (len(widths) - 1)
    return [*widths[:-1], max(24, rest)]


def _range(low: float, high: float | None) -> str:
    """``19%``, or ``0%–63%`` when sources claim more than the firms show."""
    if high is None or round(high * 100) == round(low * 100):
        return _pct(low)
    return f"{_pct(low)}–{_pct(high)}"


def _pct(x: float) -> str:
    return f"{x * 100:.0f}%"


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.option("--data", "-d", type=click.Path(path_type=Path, file_okay=False), envvar=DATA_ENV,
              help=f"Dataset folder (default: ${DATA_ENV}, else the bundled Pinghu dataset).")
@click.version_option(__version__, prog_name="chaingraph")
@click.pass_context
def cli(ctx: click.Context, data: Path | None) -> None:
    """chaingraph: industry-chain gaps and targets for investment promotion (产业链招商).

    \b
    Examples:
      chaingraph chains
      chaingraph gaps --chain machine-tool
      chaingraph targets --chain 机床 --segment 数控系统
      chaingraph --data seeds/my-city validate
    """
    ctx.obj = State(data)


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
        from .cli_time import echo_changes

        return echo_changes(state, since, as_of, region, None, fmt, _json, _csv)
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
    kinds = sorted({r["coverage"] for r in rows})
    coverage_text = " · ".join(coverage_line(facts_for(source).coverage(facts_for(source).region(region).id, r["id"]))
                               + (f"（{r['name']}）" if len(kinds) > 1 else "") for r in rows
                               if len(kinds) > 1 or r is rows[0])
    click.echo(f"{info.name} · {region_name} · 数据截至 {info.as_of}\n{coverage_text}\n")
    table = [[r["id"], r["name"], r["segments"], r["strong"], r["weak"], r["pipeline"], r["claimed"], r["missing"],
              r["unknown"], r["local_firms"], _range(r["completeness"], r["completeness_upper"]),
              _pct(r["completeness_with_pipeline"])] for r in rows]
    click.echo(render_table(["id", "产业链", "环节", "强", "弱", "在途", "声称有", "缺", "未见", "本地企业", "完整度",
                             "含在途"], table, align_right=range(2, 12)))


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
@backend_options
@pass_state
def gaps(state: State, chain: str, region: str | None, statuses: tuple[str, ...], sort: str, as_of: str | None,
         since: str | None, fmt: str, backend: str, neo4j_dataset: str | None) -> None:
    """Segment by segment: status, action, priority, local firms and the reasons."""
    if since is not None:
        from .cli_time import echo_changes

        return echo_changes(state, since, as_of, region, chain, fmt, _json, _csv)
    with _analysis_source(state, backend, neo4j_dataset, as_of) as source:
        report = gap_report(source, chain, region)
    segments = report.ranked() if sort == "priority" else list(report.segments)
    if statuses:
        segments = [g for g in segments if g.status in statuses]
    if fmt == "json":
        data = report.to_dict()
        data["segments"] = [g.to_dict() for g in segments]
        return _json(data)
    if fmt == "csv":
        return _csv(["id", "name", "name_en", "tier", "importance", "status", "action", "priority", "local_firms",
                     "pipeline_projects", "reasons", "status_label", "action_code", "claims", "coverage"],
                    [[g.segment.id, g.segment.name, g.segment.name_en, g.segment.tier, g.segment.importance,
                      g.status, g.action or "", "" if g.priority is None else f"{g.priority:.4f}", g.local_firms,
                      g.pipeline_projects, "; ".join(g.reasons), STATUS_LABELS[g.status], g.action_code or "",
                      json.dumps([claim_dict(c) for c in g.claims], ensure_ascii=False) if g.claims else "",
                      report.coverage.kind if report.coverage else "partial"] for g in segments])
    counts = report.counts()
    click.echo(f"{report.chain.name}（{report.chain.id}）· {report.region.name} · 数据截至 {report.as_of}")
    click.echo(coverage_line(report.coverage))
    tally = " · ".join(f"{STATUS_LABELS[s]} {counts[s]}" for s in STATUSES if counts[s] or s in ("strong", "weak"))
    upper = ""
    if report.completeness_upper is not None and report.completeness_upper > report.completeness + 1e-9:
        upper = f"，按来源声称最高 {_pct(report.completeness_upper)}"
    click.echo(f"完整度 {_pct(report.completeness)}（含在途 {_pct(report.completeness_with_pipeline)}{upper}）· "
               f"{tally}" + ("" if report.relatedness_used else " · 关联密度未计算（地区数不足）") + "\n")
    rows = []
    for g in segments:
        rows.append([g.segment.name, TIER_CN[g.segment.tier], STATUS_CN[g.status], g.action or "—",
                     "" if g.priority is None else f"{g.priority:.3f}",
                     "、".join(g.local_firms or g.pipeline_projects) or "—",
                     g.headline if g.priority is not None else ""])
    click.echo(render_table(["环节", "层级", "状态", "行动", "优先级", "本地企业/在途项目", "要点"], rows,
                            max_widths=_fit([18, 4, 6, 4, 6, 34, 0]), align_right=[4]))
    detailed = [g for g in segments if g.priority is not None]
    if detailed:
        click.echo("\n理由（按优先级）:")
        for g in detailed:
            click.echo(f"  {g.segment.name} [{STATUS_CN[g.status]}·{g.action}·{g.priority:.3f}]")
            for reason in g.reasons:
                click.echo(f"    - {reason}")


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
    with _analysis_source(state, backend, neo4j_dataset, as_of) as source:
        result = find_targets(source, chain, segment, region, limit=limit or None)
    if fmt == "json":
        return _json(result.to_dict())
    rows: list[list[Any]] = [[i + 1, c.firm.name, c.firm.country, c.firm.headquarters, f"{c.score:.3f}", c.reasons]
                             for i, c in enumerate(result.candidates)]
    if fmt == "csv":
        return _csv(["rank", "firm", "country", "headquarters", "score", "reasons", "completeness_gain",
                     "local_links"],
                    [[*r, f"{result.completeness_gain:.4f}", result.local_links] for r in rows])
    click.echo(f"{result.segment.name}（{result.segment.id}，{result.chain.name}）· {result.region.name} 现状："
               f"{STATUS_CN[result.status]} · 候选 {result.total} 家，显示前 {len(rows)} 家")
    click.echo(f"引进任一候选：{result.chain.name}链完整度 +{result.completeness_gain:.1%}；"
               f"本地上下游环节已有 {result.local_links} 家企业可与之配套\n")
    if not rows:
        click.echo("数据集中没有该环节的区外企业。")
        return
    click.echo(render_table(["#", "企业", "国别", "总部", "得分", "完整度+", "理由"],
                            [[*r[:5], f"+{result.completeness_gain:.1%}", "；".join(r[5])] for r in rows],
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
    ds = state.dataset
    views = firm_rows(state.graph, region=region, chain=chain, segment=segment, everywhere=everywhere)
    if fmt == "json":
        return _json(views)
    segments = ds.segments
    rows = [[v["id"], v["name"], v["country"] or "", v["group"] or "", v["park"] or v["region"] or v["headquarters"]
             or "", "、".join([segments[s].name for s in v["segments"]]
                             + [segments[s].name + "（在途）" for s in v["pipeline_segments"]]),
             "是" if v["fortune500"] else ""] for v in views]
    if fmt == "csv":
        return _csv(["id", "name", "country", "group", "location", "segments", "fortune500"],
                    [[v["id"], v["name"], v["country"], v["group"], v["park"] or v["region"] or v["headquarters"],
                      v["segments"] + v["pipeline_segments"], v["fortune500"]] for v in views])
    click.echo(render_table(["id", "企业", "国别", "集团", "所在地", "环节", "500强"], rows,
                            max_widths=[24, 26, 4, 14, 22, 40, 5]))
    click.echo(f"\n{len(rows)} 家企业")


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
        from .cli_time import echo_ledger

        return echo_ledger(state, region, stalled_signed, stalled_started, fmt, _json, _csv)
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
    rows = [[p.name, "、".join(v["firms"]), v["park"] or v["region"] or "", PROJECT_STATUS_CN[p.status],
             v["date"] or "", p.investment.label() if p.investment else "",
             "、".join(ds.segments[s].name for s in p.segments)] for p, v in zip(chosen, views, strict=True)]
    click.echo(render_table(["项目", "企业", "园区", "状态", "日期", "总投资", "环节"], rows,
                            max_widths=[30, 20, 16, 6, 10, 14, 24]))
    click.echo(f"\n{len(rows)} 个项目")


# ------------------------------------------------------------------------------------------------ show


def _show_record(cg: ChainGraph, record: object) -> dict[str, Any]:
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
    raise LookupFailed(f"cannot show {record!r}")  # pragma: no cover


def _echo_view(view: dict[str, Any], indent: str = "") -> None:
    for key, value in view.items():
        if value in (None, [], {}, ""):
            continue
        if isinstance(value, list) and value and isinstance(value[0], dict):
            click.echo(f"{indent}{key}:")
            for item in value:
                click.echo(f"{indent}  - " + "; ".join(
                    f"{k}={_plain(v)}" for k, v in item.items() if v not in (None, [], {}, "")))
        elif isinstance(value, dict):
            click.echo(f"{indent}{key}: " + _plain(value))
        else:
            click.echo(f"{indent}{key}: {_plain(value)}")


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return "、".join(_plain(v) for v in value)
    if isinstance(value, dict):
        if {"amount", "qualifier"} <= set(value):
            from .model import Quantity

            unit = str(value.get("currency") or value.get("unit"))
            return Quantity(value["amount"], unit, value["qualifier"]).label()
        return ", ".join(f"{k}: {_plain(v)}" for k, v in value.items())
    return str(value)


@cli.command()
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@pass_state
def show(state: State, name: str, fmt: str) -> None:
    """One firm, project, group, segment, chain or region, with its chain positions and sources."""
    cg = state.graph
    found = cg.dataset.find(name)
    if not found:
        raise LookupFailed(f"nothing in the dataset matches {name!r}")
    views = [_show_record(cg, record) for record in found]
    if fmt == "json":
        return _json(views[0] if len(views) == 1 else views)
    for i, view in enumerate(views):
        if i:
            click.echo("")
        _echo_view(view)


# ------------------------------------------------------------------------------------------------ validate


@cli.command()
@pass_state
def validate(state: State) -> None:
    """Check a dataset folder and report every problem as file:line: field: message."""
    problems = validate_dataset(state.path)
    if problems:
        for problem in problems:
            click.echo(str(problem), err=True)
        raise CliError(f"{state.path}: {len(problems)} problem{'s' if len(problems) != 1 else ''}", 3)
    ds = load_dataset(state.path)
    click.echo(f"{state.path}: valid · {len(ds.chains)} chains · {len(ds.segments)} segments · "
               f"{len(ds.regions)} regions · {len(ds.firms)} firms · {len(ds.links)} links · "
               f"{len(ds.projects)} projects · {len(ds.sources)} sources")


@cli.command()
@format_option
@pass_state
def regions(state: State, fmt: str) -> None:
    """The region hierarchy and parks, with the facts recorded for each."""
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
    click.echo(render_table(["id", "地区", "类型", "偏好来源国", "企业"],
                            [[r["id"], "  " * r["depth"] + r["name"], r["kind"], "、".join(r["favoured_countries"]),
                              r["firms"]] for r in rows], align_right=[4]))
    for r in rows:
        for fact in r["facts"]:
            period = f"（{fact['period']}）" if fact["period"] else ""
            click.echo(f"  {r['name']} · {fact['metric']}{period}: {fact['label']}")


@cli.command()
@click.option("--firms", type=click.IntRange(min=1), required=True, help="How many firms.")
@click.option("--regions", type=click.IntRange(min=1), default=300, show_default=True, help="How many counties.")
@click.option("--seed", type=int, default=1, show_default=True, help="Same seed, same files.")
@click.option("--years", type=click.IntRange(min=0, max=30), default=0, show_default=True,
              help="Years of dated history after mid-2022 (new firms, landing projects, events.csv) for as-of, "
                   "--since and backtest.")
@click.option("-o", "--output", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Dataset folder to write (replaced if it exists).")
def synth(firms: int, regions: int, seed: int, years: int, output: Path) -> None:
    """Write a synthetic national pool in the dataset format, with the gaps it planted (planted.json)."""
    import time

    from .synth import generate

    started = time.perf_counter()
    root = generate(output, firms=firms, regions=regions, seed=seed, years=years)
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

    from .snapshot import open_snapshot

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
    cli.main(args=args, prog_name="chaingraph")


from .cli_neo4j import neo4j_group  # noqa: E402

cli.add_command(neo4j_group)

from .cli_map import map_command  # noqa: E402

cli.add_command(map_command)

from .cli_workflow import export_command, import_chainkg_command, import_command  # noqa: E402

cli.add_command(import_command)
cli.add_command(export_command)
cli.add_command(import_chainkg_command)

from .cli_ingest import extract_command, merge_command  # noqa: E402

cli.add_command(extract_command)
cli.add_command(merge_command)

from .cli_whatif import whatif_command  # noqa: E402

cli.add_command(whatif_command)

from .cli_time import backtest_command  # noqa: E402

cli.add_command(backtest_command)
