"""The briefing a planner pastes into a memo or hands over in a meeting: Markdown, or a Word document.

Both are drawn from one :class:`Briefing`: completeness per chain (with the coverage the statuses rest on), the
top gaps of each chain with the reason that explains each rank, and whom to approach for the first few, with
reasons. Text from the data is always text: Markdown specials and HTML are escaped
(:func:`chaingraph.safety.markdown_text`), Word gets plain runs.

Examples
--------
>>> from chaingraph import build_graph, load_dataset
>>> brief = briefing(build_graph(load_dataset()), targets=2, gaps=3)
>>> brief.title, [c.name for c in brief.chains]
('平湖市产业链招商简报', ['汽车', '数控机床', '新材料'])
>>> briefing_markdown(build_graph(load_dataset())).splitlines()[0]
'# 平湖市产业链招商简报'
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..analysis.gaps import STATUS_LABELS, STATUS_LABELS_EN, GapReport, SegmentGap, coverage_line, gap_report
from ..analysis.targets import Candidate, find_targets
from ..dataset.graph import ChainGraph
from ..safety import markdown_text
from .lang import EVENT_LABELS, join_names, name_in

__all__ = ["Briefing", "ChainBrief", "briefing", "briefing_markdown", "briefing_docx"]


_WORDS = {  # the briefing's own words: (Chinese, English)
    "title": ("{region}产业链招商简报", "{region}: industry-chain investment promotion briefing"),
    "subtitle": ("{dataset} · 数据截至 {as_of}", "{dataset} · data as of {as_of}"),
    "summary_head": (["产业链", "完整度", "含在途", "按来源声称", "强", "弱", "在途", "声称有", "缺", "未见"],
                     ["chain", "completeness", "with pipeline", "as claimed", "strong", "weak", "pipeline",
                      "claimed", "missing", "not seen"]),
    "chain_line": ("完整度 {c}（含在途 {p}）。优先缺口：", "Completeness {c} (with pipeline {p}). Top gaps:"),
    "gaps_head": (["#", "环节", "状态", "行动", "优先级", "要点"],
                  ["#", "segment", "status", "action", "priority", "headline"]),
    "no_candidates": ("数据集中暂无候选企业", "No candidate firm in the dataset yet"),
    "footer": ("由 chaingraph 生成；方法与参数见 docs/analysis.md。",
               "Made by chaingraph; method and parameters in docs/analysis.md."),
    "chart_head": ("完整度（深绿：已有企业；蓝：含在途；浅绿：来源声称）",
                   "completeness (dark green: local firms; blue: with pipeline; light green: as claimed)"),
}


def _w(key: str, lang: str) -> Any:
    return _WORDS[key][1 if lang == "en" else 0]


def _status(status: str, lang: str) -> str:
    return STATUS_LABELS_EN[status] if lang == "en" else STATUS_LABELS[status]


def _action(gap: SegmentGap, lang: str) -> str:
    return (gap.action_code if lang == "en" else gap.action) or ""


def _gap_intro(g: SegmentGap, lang: str) -> str:
    """``（缺·补链）：`` and the first two reasons, or the same in English (after the bold segment name)."""
    if lang == "en":
        return f" ({_status(g.status, lang)} · {_action(g, lang)}): " + "; ".join(g.reasons_in(lang)[:2])
    return f"（{STATUS_LABELS[g.status]}·{g.action}）：" + "；".join(g.reasons[:2])


@dataclass
class ChainBrief:
    """One chain of the briefing: its report, its top gaps and the candidates for the first few."""

    report: GapReport
    gaps: list[SegmentGap]
    targets: dict[str, list[Candidate]] = field(default_factory=dict)
    lang: str = "zh"

    @property
    def name(self) -> str:
        return name_in(self.report.chain, self.lang)


@dataclass
class Briefing:
    title: str
    subtitle: str
    coverage: str
    chains: list[ChainBrief]
    lang: str = "zh"


def briefing(cg: ChainGraph, region: str | None = None, chains: Sequence[str] | None = None, targets: int = 3,
             gaps: int = 5, explained: int = 3, lang: str = "zh") -> Briefing:
    """What the briefing says: ``gaps`` top gaps per chain, ``targets`` candidates for the first ``explained``.

    ``lang``: ``zh`` (the default) or ``en`` for the title, subtitle, coverage line and chain names.
    """
    ds = cg.dataset
    wanted = list(chains) if chains else list(ds.chains)
    reports = [gap_report(cg, chain, region) for chain in wanted]
    region_name = name_in(reports[0].region, lang) if reports else ""
    briefs = []
    for report in reports:
        ranked = [g for g in report.ranked() if g.priority is not None][:gaps]
        found = {g.segment.id: find_targets(cg, report.chain.id, g.segment.id, report.region.id,
                                            limit=targets).candidates for g in ranked[:explained]}
        briefs.append(ChainBrief(report, ranked, found, lang))
    return Briefing(title=_w("title", lang).format(region=region_name),
                    subtitle=_w("subtitle", lang).format(dataset=name_in(ds.info, lang), as_of=ds.info.as_of),
                    coverage=coverage_line(reports[0].coverage, lang) if reports else "", chains=briefs, lang=lang)


# ------------------------------------------------------------------------------------------------ markdown

def _pct(x: float | None) -> str:
    return f"{(x or 0):.0%}"


def _candidate_line(c: Candidate, lang: str = "zh") -> tuple[str, str]:
    if lang == "en":
        where = ", ".join(x for x in (c.firm.country, c.firm.headquarters) if x)
        return c.firm.name + (f" ({where})" if where else ""), "; ".join(c.reasons_in(lang))
    where = "，".join(x for x in (c.firm.country, c.firm.headquarters) if x)
    return c.firm.name + (f"（{where}）" if where else ""), "；".join(c.reasons)


def briefing_markdown(cg: ChainGraph, region: str | None = None, chains: Sequence[str] | None = None,
                      targets: int = 3, gaps: int = 5, since: str | None = None, lang: str = "zh") -> str:
    """The briefing in Markdown (renders as tables and lists in pandoc, GitHub and CommonMark viewers).

    ``since`` adds a 自上次简报以来 section: the segments whose status changed since that date, and why.
    ``lang``: ``zh`` (the default) or ``en``.
    """
    b = briefing(cg, region, chains, targets, gaps, lang=lang)
    m = markdown_text
    lines = [f"# {m(b.title)}", "", m(b.subtitle), "", m(b.coverage), "",
             "| " + " | ".join(_w("summary_head", lang)) + " |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for c in b.chains:
        r, n = c.report, c.report.counts()
        lines.append(f"| {m(c.name)} | {_pct(r.completeness)} | {_pct(r.completeness_with_pipeline)} | "
                     f"{_pct(r.completeness_upper)} | {n['strong']} | {n['weak']} | {n['pipeline']} | "
                     f"{n['claimed']} | {n['missing']} | {n['unknown']} |")
    if since is not None:
        lines += _since_section(cg, region, [c.report.chain.id for c in b.chains], since, lang)
    colon = "：" if lang == "zh" else ": "
    for c in b.chains:
        r = c.report
        second = (r.chain.name_en or r.chain.id) if lang == "zh" else r.chain.id
        lines += ["", f"## {m(c.name)}（{m(second)}）" if lang == "zh" else f"## {m(c.name)} ({m(second)})", "",
                  _w("chain_line", lang).format(c=_pct(r.completeness), p=_pct(r.completeness_with_pipeline)), "",
                  "| " + " | ".join(_w("gaps_head", lang)) + " |", "|---:|---|---|---|---:|---|"]
        for i, g in enumerate(c.gaps, start=1):
            lines.append(f"| {i} | {m(name_in(g.segment, lang))} | {_status(g.status, lang)} | {_action(g, lang)} | "
                         f"{g.priority:.3f} | {m(g.headline_in(lang))} |")
        for g in c.gaps:
            if g.segment.id not in c.targets:
                continue
            # a blank line before every list: pandoc's Markdown starts a list only after one
            intro = _gap_intro(g, lang)
            split = intro.index(colon) + len(colon)
            lines += ["", f"**{m(name_in(g.segment, lang))}**{intro[:split]}" + m(intro[split:]), ""]
            if not c.targets[g.segment.id]:
                lines.append("- " + _w("no_candidates", lang))
            for candidate in c.targets[g.segment.id]:
                who, why = _candidate_line(candidate, lang)
                lines.append(f"- {m(who)}{colon}{m(why)}")
    lines += ["", "---", "", _w("footer", lang), ""]
    return "\n".join(lines)


def _since_rows(cg: ChainGraph, region: str | None, chain_ids: list[str], since: str, lang: str = "zh"
                ) -> tuple[str, list[list[str]]]:
    """The 自上次简报以来 heading and its rows (chain, segment, change, events, new firms), for markdown and Word."""
    from ..analysis.asof import changes_since

    ds = cg.dataset
    report = changes_since(ds, since, region=region)
    kinds = EVENT_LABELS[lang]
    statuses = STATUS_LABELS_EN if lang == "en" else STATUS_LABELS
    event_sep, kind_sep = ("; ", " ") if lang == "en" else ("；", "")
    names = {p.id: p.name for p in ds.projects.values()}
    rows = []
    for c in report["changed"]:
        if c["chain"] not in chain_ids:
            continue
        events = event_sep.join(f"{e['date']} {names.get(e['project'], e['project'])}{kind_sep}{kinds[e['kind']]}"
                                for e in c["events"]) or "—"
        firms = join_names((ds.firms[f].name if f in ds.firms else f for f in c["new_firms"]), lang) or "—"
        segment = ds.segments.get(c["segment"])
        rows.append([name_in(ds.chains[c["chain"]], lang), name_in(segment, lang) if segment is not None else c["name"],
                     f"{statuses[c['from']]} → {statuses[c['to']]}", events, firms])
    if lang == "en":
        return f"Since the last briefing ({report['since']} to {report['until']})", rows
    return f"自上次简报以来（{report['since']} 至 {report['until']}）", rows


_SINCE_HEADERS = {"zh": ["产业链", "环节", "状态变化", "事件", "新增企业"],
                  "en": ["chain", "segment", "status change", "events", "new firms"]}
_NO_CHANGE = {"zh": "这段时间没有环节改变状态。", "en": "No segment changed status in this period."}


def _since_section(cg: ChainGraph, region: str | None, chain_ids: list[str], since: str,
                   lang: str = "zh") -> list[str]:
    m = markdown_text
    heading, rows = _since_rows(cg, region, chain_ids, since, lang)
    lines = ["", f"## {heading}", ""]
    if not rows:
        return lines + [_NO_CHANGE[lang]]
    lines += ["| " + " | ".join(_SINCE_HEADERS[lang]) + " |", "|---|---|---|---|---|"]
    for chain_name, segment, change, events, firms in rows:
        lines.append(f"| {m(chain_name)} | {m(segment)} | {change} | {m(events)} | {m(firms)} |")
    return lines


# ------------------------------------------------------------------------------------------------ Word

_BAR_CELLS = 20
_BAR_COLOURS = {"covered": "1E7D4F", "pipeline": "3A7DC9", "claimed": "9FD3C7", "rest": "EEEEEE"}


def _shade(cell: Any, colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _widths(table: Any, cms: list[float]) -> None:
    """Fixed column widths that Word, WPS and LibreOffice all honour (grid, columns and every cell)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, width in zip(table.columns, cms, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, cms, strict=True):
            cell.width = Cm(width)


def _chart(doc: Any, b: Briefing) -> None:
    """Completeness per chain as a bar chart drawn with table cells (renders in Word, WPS and LibreOffice)."""
    from docx.shared import Pt

    table = doc.add_table(rows=len(b.chains) + 1, cols=_BAR_CELLS + 2)
    _widths(table, [2.6] + [0.5] * _BAR_CELLS + [2.4])
    head = table.rows[0].cells
    head[0].text = _w("summary_head", b.lang)[0]
    head[1].merge(head[_BAR_CELLS]).text = _w("chart_head", b.lang)
    head[_BAR_CELLS + 1].text = _w("summary_head", b.lang)[1]
    for row, c in zip(table.rows[1:], b.chains, strict=True):
        r = c.report
        covered = round(r.completeness * _BAR_CELLS)
        pipeline = max(covered, round(r.completeness_with_pipeline * _BAR_CELLS))
        claimed = max(pipeline, round((r.completeness_upper or 0) * _BAR_CELLS))
        row.cells[0].text = c.name
        for i in range(_BAR_CELLS):
            kind = ("covered" if i < covered else "pipeline" if i < pipeline else "claimed" if i < claimed
                    else "rest")
            _shade(row.cells[i + 1], _BAR_COLOURS[kind])
        upper = f"–{_pct(r.completeness_upper)}" if (r.completeness_upper or 0) > r.completeness + 1e-9 else ""
        row.cells[_BAR_CELLS + 1].text = _pct(r.completeness) + upper
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)


def _table(doc: Any, headers: list[str], rows: list[list[str]], widths: list[float]) -> None:
    from docx.shared import Pt

    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.font.bold = True
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    _widths(table, widths)
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)


def _east_asian_font(doc: Any, name: str) -> None:
    from docx.oxml.ns import qn

    for style_name in ("Normal", "Heading 1", "Heading 2", "Title"):
        style = doc.styles[style_name]
        style.font.name = name
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), name)


def briefing_docx(cg: ChainGraph, region: str | None = None, chains: Sequence[str] | None = None,
                  targets: int = 3, gaps: int = 5, since: str | None = None,
                  lang: str = "zh") -> bytes:
    """The briefing as a Word document (.docx): the same content as :func:`briefing_markdown`, with a chart.

    ``since`` adds the same 自上次简报以来 section as the markdown briefing, as a table; ``lang``: ``zh`` (the
    default) or ``en``.
    """
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    b = briefing(cg, region, chains, targets, gaps, lang=lang)
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    _east_asian_font(doc, "Microsoft YaHei")  # Word on Chinese Windows has it; others fall back to a CJK font
    doc.core_properties.title = b.title
    doc.add_heading(b.title, level=1)
    doc.add_paragraph(b.subtitle)
    doc.add_paragraph(b.coverage)
    _chart(doc, b)
    doc.add_paragraph()
    _table(doc, _w("summary_head", lang),
           [[c.name, _pct(c.report.completeness), _pct(c.report.completeness_with_pipeline),
             _pct(c.report.completeness_upper), *(str(c.report.counts()[k]) for k in
                                                  ("strong", "weak", "pipeline", "claimed", "missing", "unknown"))]
            for c in b.chains], [2.6] + [1.6] * 3 + [1.2] * 6)
    if since is not None:
        heading, rows = _since_rows(cg, region, [c.report.chain.id for c in b.chains], since, lang)
        doc.add_heading(heading, level=2)
        if rows:
            _table(doc, _SINCE_HEADERS[lang], rows, [2.0, 3.0, 2.6, 7.0, 3.4])
        else:
            doc.add_paragraph(_NO_CHANGE[lang])
    for c in b.chains:
        r = c.report
        doc.add_heading(f"{c.name}（{r.chain.name_en or r.chain.id}）" if lang == "zh" else f"{c.name} ({r.chain.id})",
                        level=2)
        doc.add_paragraph(_w("chain_line", lang).format(c=_pct(r.completeness), p=_pct(r.completeness_with_pipeline)))
        _table(doc, _w("gaps_head", lang),
               [[str(i), name_in(g.segment, lang), _status(g.status, lang), _action(g, lang), f"{g.priority:.3f}",
                 g.headline_in(lang)] for i, g in enumerate(c.gaps, start=1)], [0.8, 3.4, 1.4, 1.2, 1.4, 8.8])
        for g in c.gaps:
            if g.segment.id not in c.targets:
                continue
            paragraph = doc.add_paragraph()
            paragraph.add_run(name_in(g.segment, lang)).bold = True
            paragraph.add_run(_gap_intro(g, lang))
            if not c.targets[g.segment.id]:
                doc.add_paragraph(_w("no_candidates", lang), style="List Bullet")
            for candidate in c.targets[g.segment.id]:
                who, why = _candidate_line(candidate, lang)
                item = doc.add_paragraph(style="List Bullet")
                item.add_run(who).bold = True
                item.add_run(("：" if lang == "zh" else ": ") + why)
    doc.add_paragraph(_w("footer", lang))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
