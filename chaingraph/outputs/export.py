"""Exports for meetings and other tools (``chaingraph export``): an Excel gap workbook, the graph for Gephi and
Cytoscape, and a Markdown briefing.

* ``xlsx``: one sheet per chain (segments in priority order with status, action, priority, local firms or
  pipeline projects and the reasons), a 招商目标 sheet with the ranked targets of every gap and an overview sheet;
  set up for printing (A4 landscape, fit to width, repeated header rows, frozen panes, page numbers).
* ``graphml`` / ``gexf`` / ``json``: the graph of ``docs/graph-schema.md`` with typed attributes. GraphML and
  GEXF allow only scalar attributes, so list attributes (aliases, keywords, favoured_countries, sources) are
  written ``|``-separated and ``None`` values are left out; every node also gets a ``label`` (its name) for
  Gephi. ``json`` is Cytoscape.js JSON (File > Import > Network from File in Cytoscape). :func:`read_graph`
  reads any of them back into the same graph.
* ``markdown``: a briefing a planner can paste into a memo.

Examples
--------
>>> import tempfile, pathlib
>>> from chaingraph import load_dataset, build_graph
>>> cg = build_graph(load_dataset())
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> back = read_graph(export(cg, "graphml", out / "pinghu.graphml"))
>>> back.nodes["auto-drive-motor"]["name"], back.nodes["auto-drive-motor"]["importance"]
('驱动电机', 0.67)
>>> set(back.edges) == set(cg.graph.edges)
True
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from ..analysis import find_targets, gap_report
from ..analysis.gaps import ASSERTION_LABELS, STATUS_LABELS, STATUS_LABELS_EN, GapReport, coverage_line
from ..dataset.graph import ChainGraph
from ..dataset.writer import atomic_write_bytes, atomic_write_text
from ..errors import ExportError
from ..messages import msg
from ..safety import xlsx_text
from .briefing import briefing_docx, briefing_markdown
from .lang import EVENT_LABELS, PROJECT_STATUS_LABELS, join_names, name_in, quantity_label

__all__ = ["FORMATS", "LIST_ATTRIBUTES", "export", "export_graph", "read_graph", "gap_workbook", "briefing_markdown"]

FORMATS = ("xlsx", "graphml", "gexf", "json", "markdown", "docx")
LIST_ATTRIBUTES = ("aliases", "keywords", "favoured_countries", "sources")
"""Attributes that are lists in the graph and ``|``-separated text in GraphML, GEXF and JSON files."""

_STATUS = STATUS_LABELS
_TIER = {"upstream": "上游", "midstream": "中游", "downstream": "下游"}
_ASSERTS_EN = {"present": "says present", "strong": "says strong", "lacking": "says lacking"}

_WORDS = {  # the workbook's own words: (Chinese, English)
    "overview": ("概览", "Overview"), "targets": ("招商目标", "Targets"),
    "title": ("{dataset} · {region} · 产业链缺口", "{dataset} · {region} · chain gaps"),
    "method": ("数据截至 {as_of}；完整度 = 本地已有企业（强或弱）的环节按重要度加权的占比（下限）；按来源声称 = "
               "来源所称环节全部属实时的上限。",
               "Data as of {as_of}. Completeness = importance-weighted share of the segments with local firms "
               "(strong or weak), a lower bound; as claimed = the upper bound if every source's claim holds. "),
    "overview_head": (["产业链", "环节数", "强", "弱", "在途", "声称有", "缺", "未见", "完整度", "含在途完整度",
                       "按来源声称", "最优先缺口"],
                      ["chain", "segments", "strong", "weak", "pipeline", "claimed", "missing", "not seen",
                       "completeness", "with pipeline", "as claimed", "top gap"]),
    "chain_line": ("完整度 {c}（含在途 {p}，按来源声称 {u}）· {tally} · 数据截至 {as_of} · {coverage}",
                   "completeness {c} (with pipeline {p}, as claimed {u}) · {tally} · data as of {as_of} · "
                   "{coverage}"),
    "chain_head": (["优先序", "环节", "层级", "状态", "行动", "优先级", "本地企业 / 在途项目", "理由", "来源声称"],
                   ["rank", "segment", "tier", "status", "action", "priority", "local firms / pipeline projects",
                    "reasons", "claims of sources"]),
    "targets_title": ("招商目标 · {region}（每个缺口前 {n} 家）", "Targets · {region} (first {n} per gap)"),
    "score": ("得分 = 关联置信度 ×（规模 + 世界500强 + 二次招商 + 供货关系 + 园区国别匹配 + 协同），"
              "见 docs/analysis.md",
              "score = link confidence × (size + Fortune Global 500 + same group + supply tie + park country fit "
              "+ synergy), see docs/analysis.md"),
    "targets_head": (["产业链", "环节", "状态", "行动", "序", "企业", "国别", "总部", "得分", "理由"],
                     ["chain", "segment", "status", "action", "#", "firm", "country", "headquarters", "score",
                      "reasons"]),
    "page": ("第 &P 页 / 共 &N 页", "page &P of &N"), "as_of": ("数据截至 {as_of}", "data as of {as_of}"),
}


def _w(key: str, lang: str) -> Any:
    return _WORDS[key][1 if lang == "en" else 0]


# --------------------------------------------------------------------------------------------- graph files


def export_graph(cg: ChainGraph) -> nx.MultiDiGraph:
    """A copy of ``cg.graph`` that graph files can hold: scalar attributes only, ``None`` left out, a ``label``.

    Every edge gets a unique id (``e0``, ``e1`` ...) and keeps its kind in the ``relation`` attribute (and as its
    ``label``): graph tools such as Gephi keep one edge per id, so ids shared by kind would lose all but a few.
    """
    g = nx.MultiDiGraph()
    g.graph.update({k: v for k, v in cg.graph.graph.items() if v is not None})
    for node, data in cg.graph.nodes(data=True):
        attrs = _scalar(data)
        attrs["label"] = str(data.get("name") or node)
        g.add_node(node, **attrs)
    for i, (u, v, key, data) in enumerate(cg.graph.edges(keys=True, data=True)):
        g.add_edge(u, v, key=f"e{i}", **_scalar(data), relation=key, label=key)
    return g


def _scalar(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, list | tuple | set):
            value = "|".join(str(v) for v in value)
        elif key == "importance" or key == "area_mu":
            value = float(value)  # one type per attribute: GraphML and GEXF declare it once
        elif not isinstance(value, str | int | float | bool):
            value = str(value)
        out[key] = value
    return out


def _restore(data: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in data.items():
        if key in LIST_ATTRIBUTES and isinstance(value, str):
            value = value.split("|") if value else []
        out[key] = value
    return out


def read_graph(path: str | Path, fmt: str | None = None) -> nx.MultiDiGraph:
    """Read a graph file written by :func:`export` back into a MultiDiGraph with chaingraph's schema.

    List attributes are lists again; ``label`` is dropped. Attributes that were ``None`` stay absent.
    """
    path = Path(path)
    fmt = fmt or path.suffix.lstrip(".").lower()
    if fmt == "graphml":
        raw = nx.read_graphml(path, force_multigraph=True)
    elif fmt == "gexf":
        raw = nx.read_gexf(path)
    elif fmt in ("json", "cyjs"):
        raw = nx.cytoscape_graph(json.loads(path.read_text(encoding="utf-8")))
    else:
        raise ExportError(msg("cannot read graph format {fmt!r}; use graphml, gexf or json", fmt=fmt))
    g = nx.MultiDiGraph()
    g.graph.update({k: v for k, v in raw.graph.items() if k not in ("node_default", "edge_default", "mode")})
    for node, data in raw.nodes(data=True):
        attrs = {k: v for k, v in data.items() if k not in ("label", "id", "value")}
        g.add_node(str(node), **_restore(attrs))
    edges = (raw.edges(keys=True, data=True) if raw.is_multigraph()
             else ((u, v, None, d) for u, v, d in raw.edges(data=True)))
    for u, v, key, data in edges:
        attrs = {k: v for k, v in data.items()
                 if k not in ("id", "key", "source", "target", "label", "networkx_key", "relation")}
        edge_key = data.get("relation") or data.get("networkx_key", data.get("label", key))
        g.add_edge(str(u), str(v), key=str(edge_key), **_restore(attrs))
    return g


def _graph_bytes(cg: ChainGraph, fmt: str) -> bytes:
    g = export_graph(cg)
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(g, buffer, encoding="utf-8", prettyprint=True, infer_numeric_types=True)
        return buffer.getvalue()
    if fmt == "gexf":
        gexf = nx.MultiDiGraph()
        gexf.graph.update(g.graph)
        gexf.add_nodes_from(g.nodes(data=True))
        for u, v, key, data in g.edges(keys=True, data=True):
            gexf.add_edge(u, v, key=key, **data)
        nx.write_gexf(gexf, buffer, encoding="utf-8", prettyprint=True)
        return buffer.getvalue()
    data = nx.cytoscape_data(g)
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# --------------------------------------------------------------------------------------------- reports


def _reports(cg: ChainGraph, region: str | None, chains: Sequence[str] | None) -> list[GapReport]:
    wanted = list(chains) if chains else list(cg.dataset.chains)
    return [gap_report(cg, chain, region, firm_limit=None) for chain in wanted]  # a workbook lists every firm


def _sheet_title(text: str, taken: set[str]) -> str:
    title = "".join("_" if c in "[]:*?/\\" else c for c in text)[:31] or "sheet"
    base, n = title, 2
    while title in taken:
        suffix = f" ({n})"
        title = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(title)
    return title


def gap_workbook(cg: ChainGraph, region: str | None = None, chains: Sequence[str] | None = None,
                 targets: int = 5, since: str | None = None, lang: str = "zh") -> Any:
    """The gap workbook as an ``openpyxl.Workbook``: 概览, one sheet per chain, 招商目标, 项目台账 (and 动态 with
    ``since``).

    ``lang="en"``: sheet names, headers, status, tier and action cells and reasons in English (names from the data
    as written; chains and segments by their ``name_en`` where they have one).
    """
    en = lang == "en"
    status_words = STATUS_LABELS_EN if en else _STATUS
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    reports = _reports(cg, region, chains)
    ds = cg.dataset
    book = Workbook()
    bold = Font(bold=True)
    title_font = Font(bold=True, size=14)
    head_fill = PatternFill("solid", fgColor="DDE4EE")
    status_fill = {"strong": "C6EFCE", "weak": "FFEB9C", "pipeline": "BDD7EE", "claimed": "D9EFEA",
                   "missing": "FFC7CE", "unknown": "EDEDED"}
    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    taken: set[str] = set()

    def setup(sheet: Any, widths: list[float], header_row: int, title: str) -> None:
        for i, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = width
        for cell in sheet[header_row]:
            cell.font, cell.fill, cell.border = bold, head_fill, border
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for row in sheet.iter_rows(min_row=header_row + 1):
            for cell in row:
                cell.alignment, cell.border = wrap, border
        sheet.freeze_panes = sheet.cell(row=header_row + 1, column=2)
        sheet.print_title_rows = f"{header_row}:{header_row}"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.print_options.gridLines = False
        sheet.page_margins.left = sheet.page_margins.right = 0.4
        sheet.oddHeader.center.text = title
        sheet.oddFooter.center.text = _w("page", lang)
        sheet.oddFooter.right.text = _w("as_of", lang).format(as_of=ds.info.as_of)

    # overview
    overview = book.active
    overview.title = _sheet_title(_w("overview", lang), taken)
    region_name = name_in(reports[0].region, lang) if reports else ""
    dataset_name = name_in(ds.info, lang)
    _put(overview, [_w("title", lang).format(dataset=dataset_name, region=region_name)])
    _put(overview, [_w("method", lang).format(as_of=ds.info.as_of)
                    + (coverage_line(reports[0].coverage, lang) if reports else "")])
    _put(overview, [])
    _put(overview, _w("overview_head", lang))
    for report in reports:
        counts = report.counts()
        top = next((g for g in report.ranked() if g.priority is not None), None)
        top_text = "—" if top is None else (f"{name_in(top.segment, lang)} ({top.action_code})" if en
                                           else f"{top.segment.name}（{top.action}）")
        _put(overview, [name_in(report.chain, lang), len(report.segments), counts["strong"], counts["weak"],
                        counts["pipeline"], counts["claimed"], counts["missing"], counts["unknown"],
                        report.completeness, report.completeness_with_pipeline, report.completeness_upper,
                        top_text])
    setup(overview, [14, 8, 6, 6, 6, 7, 6, 6, 10, 12, 11, 28], 4,
          f"{dataset_name} {_w('overview', lang)}")
    overview["A1"].font = title_font
    for row in overview.iter_rows(min_row=5, min_col=9, max_col=11):
        for cell in row:
            cell.number_format = "0%"

    target_rows: list[list[Any]] = []
    for report in reports:
        chain_name = name_in(report.chain, lang)
        sheet = book.create_sheet(_sheet_title(chain_name, taken))
        _put(sheet, [f"{chain_name}（{report.chain.id}）· {report.region.name}" if not en
                     else f"{chain_name} ({report.chain.id}) · {name_in(report.region, lang)}"])
        counts = report.counts()
        _put(sheet, [_w("chain_line", lang).format(
            c=f"{report.completeness:.0%}", p=f"{report.completeness_with_pipeline:.0%}",
            u=f"{(report.completeness_upper or 0):.0%}",
            tally=" · ".join(f"{status_words[k]} {n}" for k, n in counts.items() if n), as_of=report.as_of,
            coverage=coverage_line(report.coverage, lang))])
        _put(sheet, [])
        _put(sheet, _w("chain_head", lang))
        rank = 0
        for gap in report.ranked():
            if gap.priority is not None:
                rank += 1
            if en:
                claims = "\n".join(f"{_ASSERTS_EN[c.asserts]}: {c.evidence} ({', '.join(c.sources)})"
                                   for c in gap.claims)
            else:
                claims = "\n".join(f"{ASSERTION_LABELS[c.asserts]}：{c.evidence}（{'、'.join(c.sources)}）"
                                   for c in gap.claims)
            _put(sheet, [rank if gap.priority is not None else None, name_in(gap.segment, lang),
                         gap.segment.tier if en else _TIER[gap.segment.tier], status_words[gap.status],
                         (gap.action_code if en else gap.action) or "—",
                         round(gap.priority, 4) if gap.priority is not None else None,
                         join_names(gap.local_firms or gap.pipeline_projects, lang) or "—",
                         "\n".join(gap.reasons_in(lang)), claims])
            if gap.priority is not None and targets > 0:
                found = find_targets(cg, report.chain.id, gap.segment.id, report.region.id, limit=targets)
                for i, candidate in enumerate(found.candidates, start=1):
                    firm = candidate.firm
                    target_rows.append([chain_name, name_in(gap.segment, lang), status_words[gap.status],
                                        gap.action_code if en else gap.action, i, firm.name, firm.country or "",
                                        firm.headquarters or "", round(candidate.score, 3),
                                        ("; " if en else "；").join(candidate.reasons_in(lang))])
        setup(sheet, [7, 16, 6, 6, 6, 8, 28, 70, 30], 4, f"{chain_name} · {name_in(report.region, lang)}")
        sheet["A1"].font = title_font
        for row in sheet.iter_rows(min_row=5):
            fill = {v: k for k, v in status_words.items()}.get(str(row[3].value))
            if fill:
                row[3].fill = PatternFill("solid", fgColor=status_fill[fill])
            row[5].number_format = "0.000"

    sheet = book.create_sheet(_sheet_title(_w("targets", lang), taken))
    _put(sheet, [_w("targets_title", lang).format(region=region_name, n=targets)])
    _put(sheet, [_w("score", lang)])
    _put(sheet, [])
    _put(sheet, _w("targets_head", lang))
    for row in target_rows:
        _put(sheet, row)
    setup(sheet, [10, 16, 6, 6, 5, 18, 6, 16, 7, 60], 4, f"{_w('targets', lang)} · {region_name}")
    sheet["A1"].font = title_font
    _ledger_sheet(book, cg, region, taken, setup, title_font, lang)
    if since is not None:
        _changes_sheet(book, cg, region, chains, since, taken, setup, title_font, lang)
    return book


def _money_text(q: dict[str, Any] | None) -> str:
    if not q:
        return ""
    qualifier = {"~": "约", ">=": "≥", "<=": "≤"}.get(q.get("qualifier") or "", "")
    return f"{qualifier}{q['amount']:,.0f} {q.get('currency') or q.get('unit') or ''}".strip()


def _ledger_sheet(book: Any, cg: ChainGraph, region: str | None, taken: set[str], setup: Any, title_font: Any,
                  lang: str = "zh") -> None:
    """项目台账: every project of the region, promised against latest, stalled ones first (``projects --ledger``)."""
    from ..analysis.ledger import project_ledger, stalled_text

    ds = cg.dataset
    region_id = ds.region(region or ds.info.default_region).id
    entries = project_ledger(ds, region_id)
    en = lang == "en"
    title = "Ledger" if en else "项目台账"
    region_name = name_in(ds.regions[region_id], lang)
    sheet = book.create_sheet(_sheet_title(title, taken))
    _put(sheet, [f"Project ledger · {region_name} · promised against the latest sources, stalled projects first"
                 if en else f"项目台账 · {region_name} · 承诺与最新进展对照，停滞项目在前"])
    _put(sheet, ["Stalled: signed without a recorded start, or started without a recorded trial, for longer than "
                 "the thresholds of `projects --ledger`. Method: docs/time.md" if en else
                 "停滞：签约后超过期限未见开工记录，或开工后超过期限未见试产记录（阈值同 projects --ledger）。"
                 "方法见 docs/time.md"])
    _put(sheet, [])
    _put(sheet, ["project", "promised investment", "signed", "status now", "status date", "stalled", "why",
                 "latest sources"] if en else
         ["项目", "承诺投资", "签约日期", "当前状态", "状态日期", "停滞", "停滞原因", "最新来源"])
    statuses = PROJECT_STATUS_LABELS[lang]
    for e in entries:
        latest = e["latest"]
        sources = [ds.sources[s].title if s in ds.sources else s for s in latest["sources"]]
        promised = ds.projects[e["id"]].investment
        money = quantity_label(promised, lang) if promised is not None else _money_text(e["promised"]["investment"])
        _put(sheet, [e["name"], money, e["promised"]["date"] or "",
                     statuses.get(latest["status"], latest["status"]), latest["date"] or "",
                     ("yes" if en else "是") if e["stalled"] else "",
                     stalled_text(e["stalled_code"], e["stalled_params"], lang),
                     "\n".join(sources)])
    setup(sheet, [28, 12, 11, 9, 11, 6, 40, 40], 4, f"{title} · {region_name}")
    sheet["A1"].font = title_font




def _put(sheet: Any, values: list[Any]) -> None:
    """Append a row of data to a worksheet: control characters removed, formulas neutralised (chaingraph.safety)."""
    sheet.append([xlsx_text(v) for v in values])


def _changes_sheet(book: Any, cg: ChainGraph, region: str | None, chains: Sequence[str] | None, since: str,
                   taken: set[str], setup: Any, title_font: Any, lang: str = "zh") -> None:
    """动态: the segments whose status changed since ``since``, with the events and new firms behind each."""
    from ..analysis.asof import changes_since

    ds = cg.dataset
    wanted = {ds.chain(c).id for c in chains} if chains else None
    report = changes_since(ds, since, region=region)
    names = {p.id: p.name for p in ds.projects.values()}
    en = lang == "en"
    status_words = STATUS_LABELS_EN if en else _STATUS
    events = EVENT_LABELS[lang]
    title = "Changes" if en else "动态"
    region_name = name_in(ds.region(region or ds.info.default_region), lang) if en else report["region"]
    sheet = book.create_sheet(_sheet_title(title, taken))
    _put(sheet, [f"Changes · {region_name} · segments whose status changed from {report['since']} to "
                 f"{report['until']}" if en else
                 f"动态 · {report['region']} · {report['since']} 至 {report['until']} 状态变化的环节"])
    _put(sheet, ["Events from events.csv; new firms are those that became local firms in the period. Method: "
                 "docs/time.md" if en else
                 "事件来自 events.csv；新增企业为期间首次成为本地企业者。方法见 docs/time.md"])
    _put(sheet, [])
    _put(sheet, ["chain", "segment", "status before", "status now", "events", "new firms"] if en else
         ["产业链", "环节", "原状态", "现状态", "事件", "新增企业"])
    segments = ds.segments
    for change in report["changed"]:
        if wanted is not None and change["chain"] not in wanted:
            continue
        segment = segments.get(change.get("segment", ""))
        row = [name_in(ds.chains[change["chain"]], lang),
               name_in(segment, lang) if en and segment is not None else change["name"],
               status_words[change["from"]], status_words[change["to"]],
               "\n".join(f"{e['date']} {names.get(e['project'], e['project'])} {events[e['kind']]}"
                         for e in change["events"]) or "—",
               join_names((ds.firms[f].name if f in ds.firms else f for f in change["new_firms"]), lang) or "—"]
        _put(sheet, row)  # text from the data is text: formulas neutralised
    setup(sheet, [10, 18, 8, 8, 50, 30], 4, f"{title} · {region_name}")
    sheet["A1"].font = title_font




# --------------------------------------------------------------------------------------------- writing


def export(cg: ChainGraph, fmt: str, path: str | Path, region: str | None = None,
           chains: Sequence[str] | None = None, targets: int = 5, since: str | None = None,
           lang: str = "zh") -> Path:
    """Write ``cg`` as ``fmt`` (one of :data:`FORMATS`) to ``path``, atomically; returns the path.

    ``since`` (xlsx, markdown and docx): add what changed since that date (a 动态 sheet; a 自上次简报以来
    section).
    ``lang`` (xlsx, markdown, docx): ``zh`` or ``en``; graph files are the same in both.
    """
    if fmt not in FORMATS:
        raise ExportError(msg("unknown export format {fmt!r}; use one of {FORMATS}",
                              fmt=fmt, FORMATS=", ".join(FORMATS)))
    if since is not None and fmt not in ("xlsx", "markdown", "docx"):
        raise ExportError(msg("--since applies to the xlsx, markdown and docx exports only"))
    if fmt == "markdown":
        return atomic_write_text(path, briefing_markdown(cg, region, chains, targets=min(targets, 5) or 3,
                                                         since=since, lang=lang))
    if fmt == "docx":
        return atomic_write_bytes(path, briefing_docx(cg, region, chains, targets=min(targets, 5) or 3,
                                                      since=since, lang=lang))
    if fmt == "xlsx":
        buffer = io.BytesIO()
        gap_workbook(cg, region, chains, targets, since=since, lang=lang).save(buffer)
        return atomic_write_bytes(path, buffer.getvalue())
    return atomic_write_bytes(path, _graph_bytes(cg, fmt))
