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
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from . import __version__
from .analysis import find_targets, gap_report
from .analysis.facts import facts_for
from .dataset import DATA_ENV, Dataset, default_dataset_path
from .errors import ChaingraphError, LookupFailed
from .graph import ChainGraph, build_graph
from .model import Chain, Firm, Group, Project, Region, Segment
from .reader import load_dataset, validate_dataset
from .render.tables import render_table
from .safety import neutralise_cell
from .views import chain_summaries, firm_view, project_view, region_facts_view, source_view

__all__ = ["main", "cli"]

STATUS_CN = {"strong": "强", "weak": "弱", "pipeline": "在途", "missing": "缺"}
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


pass_state = click.make_pass_decorator(State)


CSV_ENCODINGS = ("auto", "utf-8", "utf-8-sig", "gb18030")


def _remember_encoding(ctx: click.Context, param: click.Parameter, value: str) -> str:
    ctx.meta["chaingraph.csv_encoding"] = value
    return value


def format_option(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--encoding", type=click.Choice(CSV_ENCODINGS), default="auto", show_default=True,
                        expose_value=False, callback=_remember_encoding,
                        help="With --format csv: the text encoding. auto: UTF-8 with a BOM when the output is a "
                             "file (Excel on Chinese Windows then opens it correctly), plain UTF-8 into a pipe; "
                             "gb18030 for older Excel and WPS.")(func)
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


SNAPSHOT_THRESHOLD_BYTES = 8_000_000
"""With --backend auto, datasets whose firms.csv is larger than this (about 80,000 firms) use a snapshot."""


def _snapshot(state: State) -> Any:
    from .snapshot import open_snapshot

    def announce(path: Path) -> None:
        click.echo(f"chaingraph: compiling a snapshot of {state.path} (once per change of the dataset) ...",
                   err=True)

    return open_snapshot(state.path, on_build=announce)


@contextmanager
def _analysis_source(state: State, backend: str, neo4j_dataset: str | None) -> Iterator[Any]:
    """The graph, the snapshot or the Neo4j facts the analysis reads; connections are closed after."""
    if backend == "neo4j":
        from .cli_neo4j import neo4j_facts

        with neo4j_facts(state, neo4j_dataset) as facts:
            yield facts
        return
    if neo4j_dataset:
        raise click.UsageError("--dataset applies only with --backend neo4j")
    if backend == "auto":
        from .snapshot import snapshot_is_fresh

        firms_csv = state.path / "firms.csv"
        large = firms_csv.exists() and firms_csv.stat().st_size > SNAPSHOT_THRESHOLD_BYTES
        backend = "snapshot" if large or snapshot_is_fresh(state.path) else "networkx"
    if backend == "snapshot":
        with _snapshot(state) as facts:
            yield facts
        return
    yield state.graph


def region_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--region", "-r", metavar="REGION",
                        help="Region id or name (平湖, pinghu); default: the dataset's default region.")(func)


def _json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _csv_encoding() -> str:
    ctx = click.get_current_context(silent=True)
    chosen = ctx.meta.get("chaingraph.csv_encoding", "auto") if ctx is not None else "auto"
    if chosen != "auto":
        return str(chosen)
    try:
        to_file = stat.S_ISREG(os.fstat(sys.stdout.fileno()).st_mode)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        to_file = False
    return "utf-8-sig" if to_file else "utf-8"


def _csv(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A listing as CSV on stdout: every cell neutralised against formula injection (chaingraph.safety)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([neutralise_cell("|".join(map(str, c)) if isinstance(c, list) else ("" if c is None else c))
                         for c in row])
    encoding = _csv_encoding()
    data = buffer.getvalue().encode(encoding, errors="replace")
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:  # a text-only stdout (tests capturing output): no BOM, the text itself
        click.echo(buffer.getvalue(), nl=False)
        return
    sys.stdout.flush()
    stream.write(data)
    stream.flush()


def _fit(widths: list[int]) -> list[int]:
    """Column limits for a table whose last column (0) takes the rest of the terminal, or everything when piped."""
    if not sys.stdout.isatty():
        return [*widths[:-1], 0]
    import shutil

    columns = shutil.get_terminal_size((120, 24)).columns
    rest = columns - sum(widths[:-1]) - 2 * (len(widths) - 1)
    return [*widths[:-1], max(24, rest)]


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
@format_option
@pass_state
def chains(state: State, region: str | None, fmt: str) -> None:
    """The chains of the dataset with their completeness for a region."""
    with _analysis_source(state, "auto", None) as source:
        rows = chain_summaries(source, region)
        info = facts_for(source).ds.info
    if fmt == "json":
        return _json(rows)
    headers = ["id", "chain", "segments", "strong", "weak", "pipeline", "missing", "local_firms", "completeness",
               "with_pipeline"]
    values = [[r["id"], r["name"], r["segments"], r["strong"], r["weak"], r["pipeline"], r["missing"],
               r["local_firms"], f"{r['completeness']:.3f}", f"{r['completeness_with_pipeline']:.3f}"] for r in rows]
    if fmt == "csv":
        return _csv(headers, values)
    region_name = rows[0]["region"] if rows else (region or info.default_region)
    click.echo(f"{info.name} · {region_name} · 数据截至 {info.as_of}\n")
    table = [[r["id"], r["name"], r["segments"], r["strong"], r["weak"], r["pipeline"], r["missing"],
              r["local_firms"], _pct(r["completeness"]), _pct(r["completeness_with_pipeline"])] for r in rows]
    click.echo(render_table(["id", "产业链", "环节", "强", "弱", "在途", "缺", "本地企业", "完整度", "含在途"],
                            table, align_right=range(2, 10)))


# ------------------------------------------------------------------------------------------------ gaps


@cli.command()
@click.option("--chain", "-c", required=True, metavar="CHAIN", help="Chain id or name (machine-tool, 机床, 汽车).")
@region_option
@click.option("--status", "statuses", multiple=True, type=click.Choice(["strong", "weak", "pipeline", "missing"]),
              help="Only segments with this status (repeatable).")
@click.option("--sort", type=click.Choice(["priority", "chain"]), default="priority", show_default=True,
              help="Order: highest priority first, or the chain's own order (upstream to downstream).")
@format_option
@backend_options
@pass_state
def gaps(state: State, chain: str, region: str | None, statuses: tuple[str, ...], sort: str, fmt: str,
         backend: str, neo4j_dataset: str | None) -> None:
    """Segment by segment: status, action, priority, local firms and the reasons."""
    with _analysis_source(state, backend, neo4j_dataset) as source:
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
                     "pipeline_projects", "reasons"],
                    [[g.segment.id, g.segment.name, g.segment.name_en, g.segment.tier, g.segment.importance,
                      g.status, g.action or "", "" if g.priority is None else f"{g.priority:.4f}", g.local_firms,
                      g.pipeline_projects, "; ".join(g.reasons)] for g in segments])
    counts = report.counts()
    click.echo(f"{report.chain.name}（{report.chain.id}）· {report.region.name} · 数据截至 {report.as_of}")
    click.echo(f"完整度 {_pct(report.completeness)}（含在途 {_pct(report.completeness_with_pipeline)}）· "
               f"强 {counts['strong']} · 弱 {counts['weak']} · 在途 {counts['pipeline']} · 缺 {counts['missing']}"
               + ("" if report.relatedness_used else " · 关联密度未计算（地区数不足）") + "\n")
    rows = []
    for g in segments:
        rows.append([g.segment.name, TIER_CN[g.segment.tier], STATUS_CN[g.status], g.action or "—",
                     "" if g.priority is None else f"{g.priority:.3f}",
                     "、".join(g.local_firms or g.pipeline_projects) or "—",
                     g.headline if g.priority is not None else ""])
    click.echo(render_table(["环节", "层级", "状态", "行动", "优先级", "本地企业/在途项目", "要点"], rows,
                            max_widths=_fit([18, 4, 4, 4, 6, 34, 0]), align_right=[4]))
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
@format_option
@backend_options
@pass_state
def targets(state: State, chain: str | None, segment: str, region: str | None, limit: int, fmt: str,
            backend: str, neo4j_dataset: str | None) -> None:
    """Ranked candidate firms outside the region for one segment, with reasons."""
    with _analysis_source(state, backend, neo4j_dataset) as source:
        result = find_targets(source, chain, segment, region, limit=limit or None)
    if fmt == "json":
        return _json(result.to_dict())
    rows: list[list[Any]] = [[i + 1, c.firm.name, c.firm.country, c.firm.headquarters, f"{c.score:.3f}", c.reasons]
                             for i, c in enumerate(result.candidates)]
    if fmt == "csv":
        return _csv(["rank", "firm", "country", "headquarters", "score", "reasons"], rows)
    click.echo(f"{result.segment.name}（{result.segment.id}，{result.chain.name}）· {result.region.name} 现状："
               f"{STATUS_CN[result.status]} · 候选 {result.total} 家，显示前 {len(rows)} 家\n")
    if not rows:
        click.echo("数据集中没有该环节的区外企业。")
        return
    click.echo(render_table(["#", "企业", "国别", "总部", "得分", "理由"],
                            [[*r[:5], "；".join(r[5])] for r in rows], max_widths=_fit([3, 24, 4, 16, 6, 0]),
                            align_right=[0, 4]))


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
    cg = state.graph
    ds = cg.dataset
    region_id = ds.region(region or ds.info.default_region).id
    wanted: set[str] | None = None
    if segment:
        wanted = {ds.segment(segment, chain=chain).id}
    elif chain:
        wanted = {s.id for s in ds.chain(chain).segments}
    views = []
    for firm in ds.firms.values():
        if not everywhere and not cg.is_local(firm, region_id):
            continue
        view = firm_view(cg, firm)
        if wanted is not None and not wanted & set(view["segments"] + view["pipeline_segments"]):
            continue
        views.append(view)
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
@format_option
@pass_state
def projects(state: State, region: str | None, statuses: tuple[str, ...], fmt: str) -> None:
    """Investment projects in the region, with their figures and sources."""
    cg = state.graph
    ds = cg.dataset
    region_id = ds.region(region or ds.info.default_region).id
    chosen = [p for p in ds.projects.values() if cg.project_is_local(p, region_id)
              and (not statuses or p.status in statuses)]
    chosen.sort(key=lambda p: (p.date is None, p.date.first if p.date else None, p.id))
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
    """Check a dataset folder and report every problem as file:line: field: message.

    Errors (the dataset cannot be used) exit with code 3; warnings (formula-like, HTML-looking or overlong names,
    bidirectional controls, javascript: URLs, likely duplicate firms, duplicate rows, stray files) are printed and
    the exit code stays 0 (docs/input-safety.md).
    """
    problems = validate_dataset(state.path, warnings=True)
    errors = [p for p in problems if p.is_error]
    for problem in problems:
        click.echo(str(problem), err=True)
    if errors:
        warned = len(problems) - len(errors)
        also = f" and {warned} warning{'s' if warned != 1 else ''}" if warned else ""
        raise CliError(f"{state.path}: {len(errors)} problem{'s' if len(errors) != 1 else ''}{also}", 3)
    ds = load_dataset(state.path)
    note = f" · {len(problems)} warning{'s' if len(problems) != 1 else ''}" if problems else ""
    click.echo(f"{state.path}: valid · {len(ds.chains)} chains · {len(ds.segments)} segments · "
               f"{len(ds.regions)} regions · {len(ds.firms)} firms · {len(ds.links)} links · "
               f"{len(ds.projects)} projects · {len(ds.sources)} sources{note}")


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
@click.option("-o", "--output", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Dataset folder to write (replaced if it exists).")
def synth(firms: int, regions: int, seed: int, output: Path) -> None:
    """Write a synthetic national pool in the dataset format, with the gaps it planted (planted.json)."""
    import time

    from .synth import generate

    started = time.perf_counter()
    root = generate(output, firms=firms, regions=regions, seed=seed)
    click.echo(f"{root}: {firms} firms over {regions} counties in {time.perf_counter() - started:.1f} s "
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


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    cli.main(args=argv, prog_name="chaingraph")


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
