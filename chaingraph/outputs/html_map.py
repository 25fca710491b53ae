"""Interactive HTML chain maps: one self-contained file a planner double-clicks, offline, and shows in a meeting.

The map draws the segments of a chain (or of every chain, or one segment and its neighbourhood) left to right from
upstream to downstream, coloured by their gap status for a region, with the same numbers and reasons as
:func:`~chaingraph.analysis.gaps.gap_report` and :func:`~chaingraph.analysis.targets.find_targets`.

How it is built (``docs/maps.md`` has the user's side):

* **Layout in Python.** Columns are the longest-path layers of the supply DAG of the drawn segments (as many
  columns as the longest supply path); a segment that may sit in several columns without reversing an edge goes
  to the one its chain band has fewest segments in, nearest its customers. Rows come from a few barycentre sweeps.
  The browser only draws: physics is off and every node has fixed x/y, so the picture is the same on every screen.
* **One file.** vis-network (the copy bundled inside the ``pyvis`` package) and our script and styles are inlined;
  a Content-Security-Policy forbids every network request, inline event handlers and ``eval``.
* **Data as data.** Everything from the dataset travels in one ``<script type="application/json">`` block with
  ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, and the page renders it with ``textContent`` only, so a firm named
  ``</script><img src=x onerror=alert(1)>`` is shown, never run.
* **Scale.** A segment with more than ``firm_nodes`` local firms (or pipeline projects) gets one "N 家企业" node;
  the side panel pages through the list. Building is linear in the size of the data.
* **Deterministic.** Sorted keys, no timestamps, no random ids: the same data gives a byte-identical file.

pyvis itself is used only for its bundled vis-network files: its template, ``write_html`` (locale encoding),
``add_edge`` (quadratic) and ``from_nx`` (mutates its input) are avoided, see ``../shared/DESIGN.md``.

Examples
--------
>>> from chaingraph import load_dataset, build_graph
>>> from chaingraph.outputs.html_map import build_map, map_data
>>> cg = build_graph(load_dataset())
>>> data = map_data(cg, chain="machine-tool")
>>> data["mode"], data["region"]["name"], data["as_of"]
('chain', '平湖市', '2024-10-11')
>>> sum(1 for n in data["nodes"] if n["kind"] == "segment" and not n["external"])
20
>>> page = build_map(cg, chain="machine-tool")
>>> page.startswith("<!DOCTYPE html>") and page == build_map(cg, chain="machine-tool")
True
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from ..analysis.facts import Facts, SegmentState, facts_for
from ..analysis.gaps import STATUS_LABELS, GapReport, claim_dict, coverage_line, gap_report, params_for
from ..analysis.params import AnalysisParams
from ..analysis.targets import find_targets
from ..countries import country_label
from ..dataset.graph import ChainGraph
from ..dataset.model import Segment
from ..dataset.writer import atomic_write_text
from ..errors import ExportError, LookupFailed
from ..messages import msg
from . import map_assets, map_time
from .lang import quantity_label

__all__ = [
    "STATUS_COLOURS",
    "map_data",
    "map_firms",
    "build_map",
    "render_page",
    "write_map",
    "show_map",
    "layered_layout",
    "wrap_label",
    "canvas_text",
    "json_for_script",
]

#: Fill, border and text colour of a segment node per gap status (the legend shows the same).
STATUS_COLOURS: dict[str, dict[str, str]] = {
    "strong": {"background": "#1e7d4f", "border": "#145c39", "font": "#ffffff"},
    "weak": {"background": "#f4b942", "border": "#c98b12", "font": "#3d2a00"},
    "pipeline": {"background": "#3a7dc9", "border": "#24599a", "font": "#ffffff"},
    "claimed": {"background": "#e6f4f1", "border": "#2e8b7a", "font": "#14514a"},
    "missing": {"background": "#fff5f5", "border": "#d64545", "font": "#9b1c1c"},
    "unknown": {"background": "#f7f7f5", "border": "#8a8f98", "font": "#4b5360"},
}
EXTERNAL_COLOURS = {"background": "#eceff3", "border": "#b3bcc6", "font": "#6b7785"}
ACTION_COLOURS = {"补链": "#c62828", "强链": "#b26a00", "延链": "#6a3fc1", "核实": "#4b5360",
                  "fill": "#c62828", "strengthen": "#b26a00", "extend": "#6a3fc1", "verify": "#4b5360"}
ACTION_EN = {"补链": "Fill", "强链": "Strengthen", "延链": "Extend", "核实": "Verify"}
FOCUS_BORDER = "#0b1f33"
EDGE_COLOURS = {"supply": "#7d8fa3", "cross": "#8e57d6", "external": "#b9c2cc", "hang": "#c3ccd5",
                "recycle": "#2e8b57"}

STATUS_EN = {"strong": "strong", "weak": "weak", "pipeline": "pipeline", "claimed": "claimed", "missing": "missing",
             "unknown": "not seen"}
TIER_ZH = {"upstream": "上游", "midstream": "中游", "downstream": "下游"}
PROJECT_STATUS_ZH = {"signed": "签约", "under_construction": "在建", "trial": "试生产", "operating": "投产",
                     "cancelled": "取消"}
PROJECT_STATUS_EN = {"signed": "signed", "under_construction": "under construction", "trial": "trial run",
                     "operating": "operating", "cancelled": "cancelled"}
SIZE_ZH = {"leader": "细分龙头", "large": "大型", "medium": "中型", "small": "小型"}

# geometry (canvas pixels at zoom 1)
COLUMN_SPACING = 215
SEGMENT_WIDTH = 158
SEGMENT_MAX_EXTRA_WIDTH = 24
ROW_GAP = 30  # room for the action badge standing on the box below
BAND_GAP = 70
BAND_HEADER = 46
EXTERNAL_BAND_HEADER = 34
EXTERNAL_FONT = 17
EXTERNAL_LINE_HEIGHT = 21
ROW_GAP_EXTERNAL = 10
PILL_HEIGHT = 26
PILL_GAP = 6
SEGMENT_FONT = 18
PILL_FONT = 13
LINE_HEIGHT = 23
SLACK_WINDOW = 4  # a segment that could sit in many columns considers only the 4 next to its customers
TOP_BADGES = 5  # the highest priorities of each chain get a solid badge, the others a quiet one
TOP_PRIORITIES = 3  # gaps listed in the header, across the drawn chains
MAX_ROWS = 5  # segments stacked in one column of a chain band at most (more go to a column beside)
MIN_LABEL_PX = 13.5  # the map never fits smaller than this segment-label size on screen; it scrolls instead

_UI: dict[str, dict[str, str]] = {
    "zh": {
        "search": "搜索企业、环节或项目…",
        "show_firms": "显示企业与项目",
        "fit": "全图",
        "close": "关闭",
        "as_of": "数据截至",
        "chain_stat": "完整度 {completeness}（含在途 {with_pipeline}） 强{strong} 弱{weak} 在途{pipeline} "
                      "声称有{claimed} 缺{missing} 未见{unknown}",
        "claimed_sub": "来源称有",
        "legend": "图例",
        "legend_cross": "跨链供应",
        "legend_supply": "链内供应",
        "legend_recycle": "回收循环（不参与供应链分析）",
        "legend_external": "其他产业链环节",
        "legend_badge": "补链 / 强链 / 延链 #n：招商行动与优先级排名",
        "legend_flow": "上游 → 下游",
        "status": "状态",
        "action": "行动",
        "priority": "优先级",
        "rank": "排名",
        "importance": "重要度",
        "reasons": "分析依据",
        "local_firms": "本地企业",
        "projects": "在途项目",
        "targets": "招商目标（前 {n} 家，共 {total} 家候选）",
        "no_targets": "数据集中没有该环节的区外企业",
        "none": "无",
        "prev": "上一页",
        "next": "下一页",
        "page": "第 {page} / {pages} 页",
        "firms_node": "{n} 家企业",
        "projects_node": "{n} 个在途项目",
        "external_note": "属于{chain}产业链，本图只画出与本链相连的环节",
        "click_hint": "点击查看本地企业、在途项目与招商目标",
        "kind_segment": "环节",
        "kind_firm": "企业",
        "kind_project": "项目",
        "kind_target": "招商目标",
        "no_results": "没有匹配项",
        "leader": "龙头",
        "f500": "世界500强",
        "local_count": "本地 {n} 家",
        "pipeline_count": "在途项目 {n} 个",
        "priorities": "招商重点",
        "show_context": "显示其他产业链",
        "claims": "来源说法",
        "more": "再看 {n} 家",
        "n_segments": "{first} 等 {n} 个环节",
        "results": "{n} 个结果",
        "results_more": "{n} 个结果（显示前 {shown} 个）",
        "filter": "筛选（任一列）…",
        "rows": "{n} 行（共 {total} 行）",
        "list_shown": "已列出前 {n} 行，共 {total} 行",
        "list_more": "再列 {n} 行",
        "list_all": "全部列出（{total} 行）",
        "tab_map": "图谱",
        "tab_missing": "缺链清单",
        "tab_weak": "弱链清单",
        "tab_strong": "强链清单",
        "tab_firms": "本地企业",
        "tab_targets": "招商目标清单",
        "col_segment": "环节",
        "col_chain": "产业链",
        "col_tier": "层级",
        "col_local": "本地企业数",
        "col_sources": "来源",
        "col_firm": "企业",
        "col_size": "规模",
        "col_where": "所在地",
        "col_segments": "环节",
        "col_score": "得分",
        "sep": "、",
        "sep_reasons": "；",
        "colon": "：",
        "paren": "（{x}）",
        "col_products": "主营产品",
        "col_address": "地址",
        "col_hq": "总部",
        "firm_sources": "来源",
        "legend_badge_sample": "补链 #1",
        "col_leader": "龙头",
    },
    "en": {
        "search": "Search firms, segments, projects…",
        "show_firms": "Show firms and projects",
        "fit": "Fit",
        "close": "Close",
        "as_of": "Data as of",
        "chain_stat": "completeness {completeness} ({with_pipeline} with pipeline) · strong {strong} · weak {weak}"
                      " · pipeline {pipeline} · claimed {claimed} · missing {missing} · not seen {unknown}",
        "claimed_sub": "claimed by a source",
        "legend": "Legend",
        "legend_cross": "Cross-chain supply",
        "legend_supply": "Supply within the chain",
        "legend_recycle": "Recycling loop (outside the supply analysis)",
        "legend_external": "Segment of another chain",
        "legend_badge": "Fill / Strengthen / Extend #n: action and priority rank",
        "legend_flow": "upstream → downstream",
        "status": "Status",
        "action": "Action",
        "priority": "Priority",
        "rank": "Rank",
        "importance": "Importance",
        "reasons": "Reasons",
        "local_firms": "Local firms",
        "projects": "Pipeline projects",
        "targets": "Targets (top {n} of {total} candidates)",
        "no_targets": "No firm outside the region works in this segment in the dataset",
        "none": "none",
        "prev": "Previous",
        "next": "Next",
        "page": "page {page} / {pages}",
        "firms_node": "{n} firms",
        "projects_node": "{n} pipeline projects",
        "external_note": "Part of the {chain} chain; only the segments linked to this chain are drawn",
        "click_hint": "Click for local firms, pipeline projects and targets",
        "kind_segment": "segment",
        "kind_firm": "firm",
        "kind_project": "project",
        "kind_target": "target",
        "no_results": "No match",
        "leader": "leader",
        "f500": "Fortune Global 500",
        "local_count": "local firms: {n}",
        "pipeline_count": "{n} pipeline projects",
        "priorities": "Top priorities",
        "show_context": "Show other chains",
        "claims": "What sources say",
        "more": "{n} more",
        "n_segments": "{first} and {n} segments",
        "results": "{n} results",
        "results_more": "{n} results (first {shown} shown)",
        "filter": "Filter (any column)…",
        "rows": "{n} rows (of {total})",
        "list_shown": "The first {n} of {total} rows are listed",
        "list_more": "{n} more rows",
        "list_all": "List all {total} rows",
        "tab_map": "Map",
        "tab_missing": "Missing",
        "tab_weak": "Weak",
        "tab_strong": "Strong",
        "tab_firms": "Local firms",
        "tab_targets": "Targets",
        "col_segment": "Segment",
        "col_chain": "Chain",
        "col_tier": "Tier",
        "col_local": "Local firms",
        "col_sources": "Sources",
        "col_firm": "Firm",
        "col_size": "Size",
        "col_where": "Where",
        "col_segments": "Segments",
        "col_score": "Score",
        "sep": ", ",
        "sep_reasons": "; ",
        "colon": ": ",
        "paren": " ({x})",
        "col_products": "Main products",
        "col_address": "Address",
        "col_hq": "Headquarters",
        "firm_sources": "Sources",
        "legend_badge_sample": "Fill #1",
        "col_leader": "Leader",
    },
}
_STATUS_WORDS = {"zh": dict(STATUS_LABELS), "en": STATUS_EN}
_STATUS_LEGEND = {
    "zh": {"strong": "强链（有龙头或多家本地企业）", "weak": "弱链（本地企业少）",
           "pipeline": "在途（仅有签约/在建项目）", "claimed": "声称有（来源称有，数据中无企业）",
           "missing": "缺链（名录完整或来源称缺）", "unknown": "未见（数据不全，待核实）"},
    "en": {"strong": "Strong (a leader or several local firms)", "weak": "Weak (few local firms)",
           "pipeline": "Pipeline (only signed / building projects)",
           "claimed": "Claimed (a source says so; no firm in the data)",
           "missing": "Missing (complete registry, or a source says so)",
           "unknown": "Not seen (partial data: verify first)"},
}
_TIER_WORDS = {"zh": TIER_ZH, "en": {"upstream": "upstream", "midstream": "midstream", "downstream": "downstream"}}
_TIER_HEADINGS = {"zh": TIER_ZH, "en": {"upstream": "Upstream", "midstream": "Midstream", "downstream": "Downstream"}}
FIRM_PRODUCTS = 3  # main products a firm row shows at most (from its links' evidence and its supply ties)
PRODUCT_WIDTH = 40  # display units of one product, source title or headquarters in a firm row at most
#: The columns of a row of the page's firm table (``data["firms"]["rows"]``, one short array per firm: a county of
#: a national pool lists a hundred thousand firms). Country, where, address, f500, size, hq and each product are
#: indices into ``data["texts"]`` (repeated texts are written once), sources indices into ``data["sources"]``;
#: leader is 0 or 1. A segment's ``firms`` are row numbers. :func:`map_firms` decodes the table.
FIRM_FIELDS = ("id", "name", "country", "where", "address", "leader", "f500", "size", "products", "hq", "sources")
_F_ID, _F_NAME, _F_LEADER = 0, 1, 5


# ------------------------------------------------------------------------------------------------ text helpers


_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C], None)


def canvas_text(text: str) -> str:
    """Text for the canvas: bidirectional controls and other control characters removed.

    The canvas draws a label as one run, so a right-to-left override in a name would reverse everything after
    it; the page's DOM text keeps the name as it is, isolated (``unicode-bidi: isolate``).

    >>> canvas_text("abc\u202edef\x07")
    'abcdef'
    """
    if text.isprintable():  # nothing to remove (every character taken out below is unprintable): the usual case
        return text
    return "".join(ch for ch in text.translate(_BIDI_CONTROLS)
                   if (ch >= " " and not "\x7f" <= ch <= "\x9f" and ch not in "\u2028\u2029") or ch == "\n")


def _is_wide(ch: str) -> bool:
    return ord(ch) >= 0x1100 and not (0xFF61 <= ord(ch) <= 0xFFDC)


def _units(text: str) -> float:
    return sum(1.0 if _is_wide(ch) else 0.55 for ch in text)


_BREAK_AFTER = set("与和及、/·-")
_BREAK_BEFORE = set("（(")


def wrap_label(text: str, width: float = 7, max_lines: int = 3) -> list[str]:
    """Wrap a name into balanced lines of at most ``width`` units (a CJK character is 1, a Latin one ~0.55).

    Chinese names break near the middle, preferably after 与/和/及/、 or before a bracket; English names break
    between words. A name longer than ``max_lines`` lines ends with an ellipsis (the tooltip has it in full).

    Examples
    --------
    >>> wrap_label("驱动电机")
    ['驱动电机']
    >>> wrap_label("汽车芯片与功率半导体")
    ['汽车芯片与', '功率半导体']
    >>> wrap_label("Precision parts for drive motors", width=9)
    ['Precision parts', 'for drive motors']
    """
    text = " ".join(text.split())
    if _units(text) <= width:
        return [text]
    if " " in text and not any(_is_wide(ch) for ch in text):
        return _wrap_words(text, width, max_lines)
    lines: list[str] = []
    rest = text
    while rest:
        if _units(rest) <= width or len(lines) == max_lines - 1:
            lines.append(rest)
            break
        remaining_lines = min(max_lines - len(lines), math.ceil(_units(rest) / width))
        target = _units(rest) / remaining_lines
        cut, acc = 0, 0.0
        for i, ch in enumerate(rest):
            acc += 1.0 if _is_wide(ch) else 0.55
            if acc > target + 0.01:
                break
            cut = i + 1
        cut = max(cut, 1)
        best = cut
        for delta in (0, -1, 1, -2, 2):
            pos = cut + delta
            if 0 < pos < len(rest) and _units(rest[:pos]) <= width and (
                    rest[pos - 1] in _BREAK_AFTER or rest[pos] in _BREAK_BEFORE):
                best = pos
                break
        lines.append(rest[:best].strip())
        rest = rest[best:].strip()
    if _units(lines[-1]) > width * 1.15:
        line = lines[-1]
        while line and _units(line) > width - 0.5:
            line = line[:-1]
        lines[-1] = line.rstrip() + "…"
    return lines


def _wrap_words(text: str, width: float, max_lines: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}".strip()
        if current and _units(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    lines.append(current)
    if len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [" ".join(lines[max_lines - 1:])]
    if _units(lines[-1]) > width:
        line = lines[-1]
        while line and _units(line) > width - 0.5:
            line = line[:-1]
        lines[-1] = line.rstrip() + "…"
    return lines


def _truncate(text: str, width: float) -> str:
    text = " ".join(text.split())
    if len(text) <= width or _units(text) <= width:  # no character is wider than one unit
        return text
    out = ""
    for ch in text:
        if _units(out + ch) > width - 1:
            break
        out += ch
    return out.rstrip() + "…"


def json_for_script(data: Any) -> str:
    """JSON for a ``<script type="application/json">`` block: sorted, compact, and unable to end the block.

    ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e``, ``\\u0026`` and the line separators U+2028/U+2029 are
    escaped too, so no string in the data can close the script element or open a comment.

    >>> json_for_script({"b": "</script>", "a": "&"})
    '{"a":"\\\\u0026","b":"\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


# ------------------------------------------------------------------------------------------------ layout


def layered_layout(nodes: Sequence[str], edges: Iterable[tuple[str, str]], band: dict[str, int] | None = None,
                   sweeps: int = 4, fixed_columns: dict[str, int] | None = None) -> dict[str, tuple[int, int]]:
    """Column and row of each node of a supply graph drawn left to right.

    Columns are longest-path layers: a node is one column right of its furthest supplier, so every edge points
    right and there are as many columns as the longest supply path. A node that could sit further right without
    reaching its nearest customer goes to the column, of the few next to that customer, where its band (a
    horizontal stripe, one per chain) has fewest nodes, closest to the customer on ties. Cycles, which a dataset
    should not have, are broken at the
    edges a depth-first search finds going back. Rows are positions within (band, column) after ``sweeps``
    barycentre passes. Everything is a function of the input order only (deterministic), and linear per sweep.

    ``fixed_columns`` fixes the column of every node (only the rows are computed then).

    Returns ``{node: (column, row)}``.

    >>> layered_layout(["a", "b", "c", "d"], [("a", "b"), ("b", "c"), ("d", "c")])
    {'a': (0, 0), 'b': (1, 0), 'c': (2, 0), 'd': (1, 1)}
    """
    band = band or {}
    index = {n: i for i, n in enumerate(nodes)}
    succ: dict[str, list[str]] = {n: [] for n in nodes}
    seen_edges: set[tuple[str, str]] = set()
    for a, b in edges:
        if a in index and b in index and a != b and (a, b) not in seen_edges:
            seen_edges.add((a, b))
            succ[a].append(b)
    # drop the edges that close a cycle (iterative DFS in input order)
    state: dict[str, int] = {}
    back: set[tuple[str, str]] = set()
    for root in nodes:
        if root in state:
            continue
        state[root] = 0
        stack = [(root, iter(succ[root]))]
        while stack:
            node, children = stack[-1]
            for child in children:
                if child not in state:
                    state[child] = 0
                    stack.append((child, iter(succ[child])))
                    break
                if state[child] == 0:
                    back.add((node, child))
            else:
                state[node] = 1
                stack.pop()
    fsucc = {n: [s for s in succ[n] if (n, s) not in back] for n in nodes}
    fpred: dict[str, list[str]] = {n: [] for n in nodes}
    for n in nodes:
        for s in fsucc[n]:
            fpred[s].append(n)
    # Kahn's algorithm in input order
    indegree = {n: len(fpred[n]) for n in nodes}
    ready = [n for n in nodes if indegree[n] == 0]
    ready.sort(key=index.__getitem__, reverse=True)
    topo: list[str] = []
    while ready:
        n = ready.pop()
        topo.append(n)
        released = []
        for s in fsucc[n]:
            indegree[s] -= 1
            if indegree[s] == 0:
                released.append(s)
        if released:
            ready.extend(released)
            ready.sort(key=index.__getitem__, reverse=True)
    asap: dict[str, int] = {}
    for n in topo:
        asap[n] = max((asap[p] + 1 for p in fpred[n]), default=0)
    column: dict[str, int] = dict(fixed_columns) if fixed_columns is not None else {}
    filled: dict[tuple[int, int], int] = defaultdict(int)
    for n in reversed(topo if fixed_columns is None else []):
        low = asap[n]
        if fsucc[n]:
            high = min(column[s] for s in fsucc[n]) - 1
            window = range(max(low, high - SLACK_WINDOW + 1), high + 1)  # stay near the customers
            column[n] = min(window, key=lambda c: (filled[(band.get(n, 0), c)], -c))
        else:
            column[n] = low
        filled[(band.get(n, 0), column[n])] += 1
    # rows: barycentre sweeps inside each (band, column)
    groups: dict[tuple[int, int], list[str]] = defaultdict(list)
    for n in nodes:
        groups[(band.get(n, 0), column[n])].append(n)
    position: dict[str, float] = {}

    def place() -> None:
        for members in groups.values():
            middle = (len(members) - 1) / 2
            for i, m in enumerate(members):
                position[m] = i - middle

    place()
    # positions seen from other bands: one band lies wholly above the next, so a supplier in the band above
    # pulls a node to the top of its column
    stride = max((len(m) for m in groups.values()), default=1) + 2

    def seen(n: str) -> float:
        return band.get(n, 0) * stride + position[n]

    keys_by_column: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for key in sorted(groups):
        keys_by_column[key[1]].append(key)
    columns = sorted(keys_by_column)
    for sweep in range(sweeps):
        forward = sweep % 2 == 0
        neighbours = fpred if forward else fsucc
        for c in columns if forward else reversed(columns):
            for key in keys_by_column[c]:
                members = groups[key]

                def barycentre(m: str, neighbours: dict[str, list[str]] = neighbours) -> tuple[float, int]:
                    near = neighbours[m]
                    value = sum(seen(x) for x in near) / len(near) if near else seen(m)
                    return (value, index[m])

                members.sort(key=barycentre)
                middle = (len(members) - 1) / 2
                for i, m in enumerate(members):
                    position[m] = i - middle
    row = {m: i for members in groups.values() for i, m in enumerate(members)}
    return {n: (column[n], row[n]) for n in nodes}


# ------------------------------------------------------------------------------------------------ data


def _pct(x: float) -> str:
    return f"{x * 100:.0f}%"


def _strength(n_firms: int, leaders: int) -> float:
    """0..1: how much local industry a segment has (for the node size)."""
    return min(1.0, math.log2(1 + n_firms) / 5 + (0.25 if leaders else 0.0))


def map_data(cg: ChainGraph | None, chain: str | None = None, region: str | None = None, segment: str | None = None,
             lang: str = "zh", *, title: str | None = None, show_firms: bool = True, show_context: bool = True,
             depth: int = 2,
             firm_nodes: int = 6, targets: int = 30, facts: Facts | None = None,
             history: bool = True) -> dict[str, Any]:
    """Everything the map page shows, as plain JSON-able data (what :func:`build_map` embeds).

    Parameters
    ----------
    cg : ChainGraph or None
        The graph of a dataset; ``None`` to draw from ``facts`` alone (a compiled snapshot stores the firm and
        project fields a map shows, so a national pool need not be loaded into memory).
    chain : str, optional
        Chain id or name. ``None`` draws every chain (with ``segment``: the segment's chain).
    region : str, optional
        Region id or name; the dataset's default region when ``None``.
    segment : str, optional
        Drill-down: draw this segment and its suppliers and customers up to ``depth`` steps, across chains.
    lang : {"zh", "en"}
        Labels, interface and reasons language (names from the data as written; ``name_en`` of chains, segments
        and regions in English).
    title : str, optional
        Page title; a descriptive one is made when ``None``.
    show_firms : bool
        Whether firms and projects hang off their segments when the page opens (a checkbox toggles them).
    show_context : bool
        Whether the other chains' segments and the cross-chain edges are drawn when the page opens (a checkbox
        toggles them).
    depth : int
        Drill-down radius in supply steps.
    firm_nodes : int
        Most firm (or project) nodes drawn under one segment; above that, one "N 家企业" node stands for them.
    targets : int
        How many target candidates per segment the side panel lists (from ``find_targets``).
    facts : Facts, optional
        Where ``gap_report`` and ``find_targets`` run: any backend's facts about the same dataset (a compiled
        snapshot is much faster on a national pool); the graph itself when ``None``. The results are the same.
    history : bool
        Whether the page gets a year slider (:mod:`chaingraph.outputs.map_time`: the segments' statuses as of each
        year-end the dataset's history covers, computed here). It needs the dataset in memory (``cg``): a map
        drawn from ``facts`` alone has none, and is otherwise the same page. The ledger's stalled badges are
        always drawn (a compiled snapshot stores the ledger's reasons).
    """
    if lang not in _UI:
        raise LookupFailed(msg("unknown language {lang!r}; known: {UI}", lang=lang, UI=", ".join(_UI)))
    if depth < 1:
        raise LookupFailed(msg("depth must be at least 1"))
    if facts is not None:
        base = facts
    elif cg is not None:
        base = facts_for(cg)
    else:
        raise LookupFailed(msg("map_data needs a ChainGraph or a backend's facts"))
    ds = cg.dataset if cg is not None else base.ds  # with only facts: the structure (chains, regions, info)
    structure = cg if cg is not None else getattr(base, "structure", None)
    records: _Records = _GraphRecords(cg) if cg is not None else _FactsRecords(base)
    if structure is None:
        raise LookupFailed(msg("map_data without a ChainGraph needs a backend with a structure graph"))
    region_record = ds.region(region if region is not None else ds.info.default_region)
    focus: Segment | None = None
    if segment is not None:
        focus = ds.segment(segment, chain=chain)
        main_chains = [ds.chains[focus.chain]]
    elif chain is not None:
        main_chains = [ds.chain(chain)]
    else:
        main_chains = list(ds.chains.values())
    segments = ds.segments
    chain_order = {c: i for i, c in enumerate(ds.chains)}

    # which segments are drawn, and which of them only as grey neighbours from other chains
    if focus is not None:
        drawn = [focus.id]
        for around in (structure.upstream(focus.id, depth), structure.downstream(focus.id, depth)):
            drawn.extend(s for s in around if s not in drawn)
        main_ids = {focus.id} | {s for s in drawn if segments[s].chain == focus.chain}
    else:
        drawn = [s.id for c in main_chains for s in c.segments]
        main_ids = set(drawn)
        extra: list[str] = []
        for s in list(drawn):
            for n in structure.upstream(s) + structure.downstream(s):
                if n not in main_ids and n not in extra:
                    extra.append(n)
        drawn.extend(extra)
    seg_order = {s: i for i, s in enumerate(segments)}
    drawn.sort(key=lambda s: (chain_order[segments[s].chain], seg_order[s]))
    external = {s for s in drawn if s not in main_ids and (focus is None or segments[s].chain != focus.chain)}

    # analysis: one gap report per chain that has a drawn segment
    params = params_for(cg if cg is not None else base)
    facts = _RememberingFacts(base)
    reports: dict[str, GapReport] = {}
    report_chains = sorted({segments[s].chain for s in drawn}, key=chain_order.__getitem__)
    if records.walks_states:
        # one walk of the local presence for everything the reports and the drawing need: the reports' capped
        # lists are cut from it (a national pool's largest county has a hundred thousand local firms)
        needed = dict.fromkeys(drawn)
        for chain_id in report_chains:
            for seg in ds.chains[chain_id].segments:
                needed.update(dict.fromkeys([seg.id, *structure.upstream(seg.id), *structure.downstream(seg.id)]))
        facts.segment_states(list(needed), region_record.id, params)
    # the reports list a few firms per segment (nothing else in a report depends on it); the panels' full lists
    # come from records.local_firms, one read of the presence with the firms' fields on a compiled snapshot
    for chain_id in report_chains:
        reports[chain_id] = gap_report(facts, chain_id, region_record.id, params=params)
    gaps = {g.segment.id: g for r in reports.values() for g in r.segments}
    ranks: dict[str, int] = {}
    for report in reports.values():
        for i, g in enumerate(g for g in report.ranked() if g.priority is not None):
            ranks[g.segment.id] = i + 1

    # bands: a horizontal stripe per drawn chain, upstream chains above downstream ones (ranked by the
    # cross-chain supply edges); other chains' segments in one grey stripe above (suppliers) and one below
    drawn_set = set(drawn)
    supply = [(e.source, e.target) for e in ds.supply_edges]
    main_chain_ids = list(dict.fromkeys(segments[s].chain for s in drawn if s not in external))
    chain_links = sorted({(segments[a].chain, segments[b].chain) for a, b in supply
                          if a in drawn_set and b in drawn_set and a not in external and b not in external})
    chain_rank = {c: col for c, (col, _) in layered_layout(main_chain_ids, chain_links).items()}
    if focus is not None:
        feeding = set(structure.upstream(focus.id, depth))
    else:
        feeding = {s for s in external if any(d in main_ids for d in structure.downstream(s))}

    def band_key(s: str) -> tuple[str, str]:
        if s in external:
            return ("up", "") if s in feeding else ("down", "")
        return ("main", segments[s].chain)

    side_order = {"up": 0, "main": 1, "down": 2}
    band_keys = sorted({band_key(s) for s in drawn},
                       key=lambda k: (side_order[k[0]], chain_rank.get(k[1], 0), chain_order.get(k[1], 0)))
    band_of = {s: band_keys.index(band_key(s)) for s in drawn}
    chain_of = {s: segments[s].chain for s in drawn}
    drawn_edges = [(a, b) for a, b in supply if a in drawn_set and b in drawn_set
                   and not _context_only(a, b, external, chain_of)]
    tier_col, tier_columns = _tier_blocks([s for s in drawn if s not in external], drawn_edges, band_of,
                                          {s: segments[s].tier for s in drawn})
    _place_context(tier_col, tier_columns, [s for s in drawn if s in external], drawn_edges, feeding)
    grid = layered_layout(drawn, drawn_edges, band_of, fixed_columns=tier_col)

    ui = _UI[lang]
    words = _STATUS_WORDS[lang]
    region_id = region_record.id
    project_table: dict[str, dict[str, Any]] = {}

    states = facts.segment_states(drawn, region_id, params, limit=0)  # counts and pipeline projects
    listed, firm_info, source_info = records.local_firms(facts, drawn, region_id, params)
    project_info = records.projects({p.id for s in drawn for p in states[s].projects})
    if cg is not None:  # the ledger's stalled projects, ⚠ on the map; a snapshot stores the ledger's reasons
        stalled = map_time.stalled_projects(cg.dataset, set(project_info), lang)
    else:
        from ..analysis.ledger import stalled_text

        stalled = {p: stalled_text(r["stalled"][0], r["stalled"][1], lang) for p, r in project_info.items()
                   if r.get("stalled")}
    firms = _FirmRows(ds, lang, source_info)

    seg_data: dict[str, dict[str, Any]] = {}
    for s in drawn:
        record = segments[s]
        gap = gaps[s]
        local_rows = [firms.row(f, firm_info[f]) for f in listed[s]]
        n_leaders = sum(1 for i in local_rows if firms.rows[i][_F_LEADER])
        project_ids = [p.id for p in states[s].projects]  # the local pipeline projects gap_report counts
        for p in project_ids:
            project = project_info[p]
            if p not in project_table:
                status_words = PROJECT_STATUS_ZH if lang == "zh" else PROJECT_STATUS_EN
                project_table[p] = {
                    "name": project["name"], "status": status_words.get(project["status"], project["status"]),
                    "date": project["date"] or "",
                    "firms": list(project["firms"]),
                    "investment": quantity_label(project["investment"], lang) if project["investment"] else "",
                    "where": (_region_name(ds.regions[project["region"]], lang) if project["region"] in ds.regions
                              else ""),
                    "segments": [],
                    "stalled": stalled.get(p, ""),
                }
            project_table[p]["segments"].append(s)
        candidates: list[dict[str, Any]] = []
        total = 0
        if s not in external:
            found = find_targets(facts, None, s, region_id, limit=targets, params=params)
            total = found.total
            english = records.firms([c.firm.id for c in found.candidates]) if lang != "zh" else {}
            candidates = [{"id": c.firm.id,
                           "name": (english.get(c.firm.id, {}).get("name_en") or c.firm.name) if english
                           else c.firm.name,
                           "country": country_label(c.firm.country) if lang == "zh" else c.firm.country,
                           "hq": c.firm.headquarters, "score": round(c.score, 3), "reasons": c.reasons_in(lang)}
                          for c in found.candidates]
        name = record.name if lang == "zh" else (record.name_en or record.name)
        seg_data[s] = {
            "id": s, "name": name, "name_zh": record.name, "name_en": record.name_en, "aliases": list(record.aliases),
            "chain": record.chain, "chain_name": _chain_name(ds.chains[record.chain], lang),
            "tier": _TIER_WORDS[lang][record.tier], "importance": record.importance, "status": gap.status,
            "status_label": words[gap.status], "action": (gap.action if lang == "zh" else gap.action_code) or "",
            "action_label": (gap.action or "") if lang == "zh" else ACTION_EN.get(gap.action or "", ""),
            "priority": None if gap.priority is None else round(gap.priority, 4), "rank": ranks.get(s),
            "headline": gap.headline_in(lang), "reasons": gap.reasons_in(lang), "firms": local_rows,
            "leader_count": n_leaders,
            "projects": project_ids, "targets": candidates, "targets_total": total, "external": s in external,
            "stalled": sum(1 for p in project_ids if p in stalled),
            "claims": [claim_dict(c) for c in gap.claims],
            "focus": focus is not None and s == focus.id,
            "upstream": [segments[u].name if lang == "zh" else segments[u].name_en or segments[u].name
                         for u in structure.upstream(s)],
            "downstream": [segments[d].name if lang == "zh" else segments[d].name_en or segments[d].name
                           for d in structure.downstream(s)],
        }

    nodes, edges, bands = _draw(ds, drawn, external, grid, band_keys, band_of, seg_data, firms,
                                project_table, ui, lang, firm_nodes, focus.id if focus else None, supply)

    if focus is None and chain is None and len(main_chains) > 1:
        for node in nodes:  # ranks are per chain: with several chains a badge says whose rank it is
            if node.get("badge"):
                node["badge"] = f"{canvas_text(seg_data[node['id']]['chain_name'])} {node['badge']}"
    chains_info = []
    for chain_id, report in reports.items():
        if not any(s in main_ids for s in (x.id for x in ds.chains[chain_id].segments)):
            continue
        chains_info.append({"id": chain_id, "name": _chain_name(ds.chains[chain_id], lang),
                            "completeness": _pct(report.completeness),
                            "with_pipeline": _pct(report.completeness_with_pipeline), "counts": report.counts(),
                            "upper": _pct(report.completeness_upper or report.completeness),
                            "coverage": coverage_line(report.coverage, lang)})
    region_name = region_record.name if lang == "zh" else (region_record.name_en or region_record.name)
    if focus is not None:
        mode = "segment"
        focus_name = seg_data[focus.id]["name"]
        focus_chain = _chain_name(ds.chains[focus.chain], lang)
        default_title = (f"{region_name} · {focus_name}（{focus_chain}）环节图谱" if lang == "zh"
                         else f"{region_name} · {focus_name} ({focus_chain}) and its neighbours")
    elif chain is not None:
        mode = "chain"
        default_title = (f"{region_name} · {_chain_name(main_chains[0], lang)}产业链全景图" if lang == "zh"
                         else f"{region_name} · {_chain_name(main_chains[0], lang)} chain map")
    else:
        mode = "all"
        names = "、".join(_chain_name(c, lang) for c in main_chains) if lang == "zh" else \
            ", ".join(_chain_name(c, lang) for c in main_chains)
        default_title = (f"{region_name} · 产业链全景图（{names}）" if lang == "zh"
                         else f"{region_name} · industry chain map ({names})")
    legend = [{"status": st, "label": _STATUS_LEGEND[lang][st], **STATUS_COLOURS[st]} for st in STATUS_COLOURS]
    # the few gaps to talk about first, with whom to approach: across the drawn chains, by priority
    gaps_first = sorted((s for s in seg_data.values() if not s["external"] and s["priority"] is not None),
                        key=lambda s: (-s["priority"], chain_order[s["chain"]], seg_order[s["id"]]))
    priorities = [{"segment": s["id"], "name": s["name"], "chain_name": s["chain_name"], "action": s["action"],
                   "action_label": s["action_label"], "rank": s["rank"], "priority": s["priority"],
                   "targets": [t["name"] for t in s["targets"][:2]]} for s in gaps_first[:TOP_PRIORITIES]]
    return {
        "format": 1,
        "lang": lang,
        "mode": mode,
        "title": title if title is not None else default_title,
        "dataset": ds.info.name if lang == "zh" else (ds.info.name_en or ds.info.name),
        "as_of": str(ds.info.as_of),
        "region": {"id": region_record.id, "name": region_name},
        "focus": focus.id if focus else None,
        "show_firms": show_firms,
        "show_context": show_context,
        "min_scale": round(MIN_LABEL_PX / min(SEGMENT_FONT, EXTERNAL_FONT), 4),
        "chains": chains_info,
        "ui": ui,
        "legend": legend,
        "priorities": priorities,
        "colours": {"external": EXTERNAL_COLOURS, "actions": ACTION_COLOURS, "edges": EDGE_COLOURS},
        "bands": bands,
        "tiers": [{"tier": t, "label": _TIER_HEADINGS[lang].get(t, t),
                   "x0": c0 * COLUMN_SPACING - SEGMENT_WIDTH / 2 - 12,
                   "x1": c1 * COLUMN_SPACING + SEGMENT_WIDTH / 2 + SEGMENT_MAX_EXTRA_WIDTH + 12}
                  for t, (c0, c1) in tier_columns.items()],
        "segments": seg_data,
        "firms": {"fields": list(FIRM_FIELDS), "rows": firms.rows},
        "texts": firms.texts,
        "projects": project_table,
        "sources": firms.sources,
        "nodes": nodes,
        "edges": edges,
        "time_ui": map_time.TIME_UI[lang],
        "timeline": map_time.timeline(cg, region_record.id, report_chains, lang) if history and cg is not None
        else None,
    }


# what a backend's records of a firm give a map: name, name_en, country, region, headquarters, size, leader,
# Fortune 500 name, products, source ids
FirmInfo = tuple[str, str, str, "str | None", str, str, bool, "str | None", list[str], list[str]]
Listing = tuple[dict[str, list[str]], dict[str, FirmInfo], dict[str, tuple[str, str]]]


class _Records(Protocol):
    """Display fields of firms and projects, from the graph in memory or from a backend that stores them."""

    #: whether the full firm lists come from walking ``segment_states`` (then the map walks them once for all)
    walks_states: bool

    def local_firms(self, facts: Facts, segment_ids: list[str], region_id: str, params: AnalysisParams) -> Listing:
        """Every local firm of each segment (``segment_states``' order), their fields and their sources'
        (title, url)."""
        ...

    def firms(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]: ...
    def projects(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]: ...


class _GraphRecords:
    walks_states = True

    def __init__(self, cg: ChainGraph) -> None:
        self.cg = cg
        self._products: dict[str, list[str]] | None = None  # every firm's products, read once per map

    def _all_products(self) -> dict[str, list[str]]:
        from ..analysis.views import firm_products

        if self._products is None:
            self._products = firm_products(self.cg.dataset)
        return self._products

    def local_firms(self, facts: Facts, segment_ids: list[str], region_id: str, params: AnalysisParams) -> Listing:
        cg, ds = self.cg, self.cg.dataset
        states = facts.segment_states(segment_ids, region_id, params)
        lists = {s: [f.id for f in state.firms] for s, state in states.items()}
        products = self._all_products()
        info: dict[str, FirmInfo] = {}
        for ids in lists.values():
            for firm_id in ids:
                if firm_id not in info:
                    f = ds.firms[firm_id]
                    info[firm_id] = (f.name, f.name_en, f.country, f.region, f.headquarters, f.size,
                                     cg.is_leader(firm_id), cg.fortune500(firm_id), products.get(firm_id, []),
                                     list(f.sources))
        cited = {s for row in info.values() for s in row[9]}
        sources = {s: (ds.sources[s].title, ds.sources[s].url or "") if s in ds.sources else (s, "") for s in cited}
        return lists, info, sources

    def firms(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        from ..analysis.views import source_refs

        ds = self.cg.dataset
        products = self._all_products()
        found = {}
        for firm_id in ids:
            f = ds.firms[firm_id]
            found[firm_id] = {"name": f.name, "name_en": f.name_en, "country": f.country, "region": f.region,
                              "headquarters": f.headquarters, "size": f.size,
                              "leader": self.cg.is_leader(firm_id), "fortune500": self.cg.fortune500(firm_id),
                              "products": products.get(firm_id, []), "sources": source_refs(ds, f.sources)}
        return found

    def projects(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        ds = self.cg.dataset
        found = {}
        for pid in ids:
            p = ds.projects[pid]
            found[pid] = {"name": p.name, "status": p.status, "date": str(p.date) if p.date else None,
                          "region": p.region, "investment": p.investment,
                          "firms": [ds.firms[f].name for f in p.firms if f in ds.firms]}
        return found


def _source_ref(source: dict[str, str]) -> dict[str, str]:
    """A firm's source as its row shows it: the title as canvas-safe text, the URL only when it is http(s)."""
    url = (source.get("url") or "").strip()
    safe = url if url.lower().startswith(("http://", "https://")) and not any(c in url for c in " \"<>\\") else ""
    return {"title": _truncate(canvas_text(source.get("title") or source["id"]), PRODUCT_WIDTH), "url": safe}


class _FactsRecords:
    """Records from a backend that answers ``firm_records`` / ``project_records`` (the compiled snapshot)."""

    walks_states = False

    def __init__(self, facts: Any) -> None:
        if not hasattr(facts, "firm_records"):
            raise LookupFailed(msg("this backend cannot list firms for a map; build the map from the dataset's graph"))
        self.facts = facts

    def local_firms(self, facts: Facts, segment_ids: list[str], region_id: str, params: AnalysisParams) -> Listing:
        one_read = getattr(self.facts, "local_firm_rows", None)
        if one_read is not None:  # the presence joined with the firms' fields, read once
            return one_read(segment_ids, region_id, params)  # type: ignore[no-any-return]
        states = facts.segment_states(segment_ids, region_id, params)
        lists = {s: [f.id for f in state.firms] for s, state in states.items()}
        records = self.firms({f for ids in lists.values() for f in ids})
        info: dict[str, FirmInfo] = {
            firm_id: (r["name"], r["name_en"], r["country"], r["region"], r["headquarters"], r["size"], r["leader"],
                      r["fortune500"], r["products"], [x["id"] for x in r["sources"]])
            for firm_id, r in records.items()}
        sources = {x["id"]: (x["title"], x["url"]) for r in records.values() for x in r["sources"]}
        return lists, info, sources

    def firms(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        return self.facts.firm_records(ids)  # type: ignore[no-any-return]

    def projects(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        return self.facts.project_records(ids)  # type: ignore[no-any-return]


class _FirmRows:
    """The page's firm table (:data:`FIRM_FIELDS`): one short array per firm, each repeated text written once."""

    def __init__(self, ds: Any, lang: str, sources: dict[str, tuple[str, str]]) -> None:
        self.ds, self.lang, self._source_info = ds, lang, sources
        self.rows: list[list[Any]] = []
        self.texts: list[str] = [""]
        self.sources: list[dict[str, str]] = []
        self._row: dict[str, int] = {}
        self._text: dict[str, int] = {"": 0}
        self._places: dict[str | None, tuple[int, int]] = {}
        self._countries: dict[str, int] = {}
        self._sizes: dict[str, int] = {}
        self._products: dict[tuple[str, ...], list[int]] = {}
        self._cited: dict[tuple[str, ...], list[int]] = {}
        self._source: dict[str, int] = {}

    def text(self, value: str) -> int:
        at = self._text.get(value)
        if at is None:
            at = self._text[value] = len(self.texts)
            self.texts.append(value)
        return at

    def _country(self, code: str) -> int:
        at = self._countries.get(code)
        if at is None:
            at = self._countries[code] = self.text(country_label(code) if self.lang == "zh" else code)
        return at

    def _size(self, code: str) -> int:
        at = self._sizes.get(code)
        if at is None:
            at = self._sizes[code] = self.text((SIZE_ZH.get(code, "") if self.lang == "zh" else code) or "")
        return at

    def _place(self, region: str | None, headquarters: str) -> tuple[int, int]:
        """(where, address) texts: the region's name (else the headquarters) and its address."""
        known = region in self.ds.regions if region else False
        key = region if known else None
        if key is not None and key in self._places:
            return self._places[key]
        where = _region_name(self.ds.regions[region], self.lang) if known else headquarters
        place = (self.text(where or ""), self.text(_address(self.ds, region, self.lang)))
        if key is not None:
            self._places[key] = place
        return place

    def _product_texts(self, products: list[str]) -> list[int]:
        if not products:  # most firms of a registry
            return []
        key = tuple(products[:FIRM_PRODUCTS])
        found = self._products.get(key)
        if found is None:
            found = self._products[key] = [self.text(_truncate(canvas_text(t), PRODUCT_WIDTH)) for t in key]
        return found

    def _source_ids(self, ids: list[str]) -> list[int]:
        key = tuple(ids)
        found = self._cited.get(key)
        if found is None:
            found = []
            for sid in key:
                if sid not in self._source:
                    title, url = self._source_info.get(sid, (sid, ""))
                    self._source[sid] = len(self.sources)
                    self.sources.append({"id": sid, **_source_ref({"id": sid, "title": title, "url": url})})
                found.append(self._source[sid])
            self._cited[key] = found
        return found

    def row(self, firm_id: str, info: FirmInfo) -> int:
        """The row number of a firm, adding its row the first time."""
        at = self._row.get(firm_id)
        if at is not None:
            return at
        name, name_en, country, region, headquarters, size, leader, f500, products, sources = info
        where, address = self._place(region, headquarters or "")
        self._row[firm_id] = at = len(self.rows)
        self.rows.append([firm_id, name if self.lang == "zh" else (name_en or name), self._country(country),
                          where, address, 1 if leader else 0, self.text(f500) if f500 else 0, self._size(size),
                          self._product_texts(products),
                          self.text(_truncate(headquarters, PRODUCT_WIDTH)) if headquarters else 0,
                          self._source_ids(sources)])
        return at


def map_firms(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The firm table of :func:`map_data`'s result as one dict per firm id, decoded as the page decodes it.

    Each firm has ``name``, ``country``, ``where``, ``address``, ``leader`` (bool), ``f500``, ``size``,
    ``products`` (texts), ``hq``, ``sources`` (``{id, title, url}``) and ``segments`` (the drawn segments that
    list it, in the map's order).

    >>> from chaingraph import load_dataset, build_graph
    >>> firms = map_firms(map_data(build_graph(load_dataset()), chain="automotive"))
    >>> firms["kawaden"]["name"], firms["kawaden"]["segments"]
    ('川电钢板', ['auto-motor-core'])
    """
    texts, sources = data["texts"], data["sources"]
    segments: dict[int, list[str]] = defaultdict(list)
    for seg_id, seg in data["segments"].items():
        for i in seg["firms"]:
            segments[i].append(seg_id)
    out = {}
    for i, row in enumerate(data["firms"]["rows"]):
        record = dict(zip(data["firms"]["fields"], row, strict=True))
        for key in ("country", "where", "address", "f500", "size", "hq"):
            record[key] = texts[record[key]]
        record["leader"] = bool(record["leader"])
        record["products"] = [texts[t] for t in record["products"]]
        record["sources"] = [sources[x] for x in record["sources"]]
        record["segments"] = segments[i]
        out[record.pop("id")] = record
    return out


class _RememberingFacts:
    """The graph's :class:`Facts`, remembering ``segment_states`` answers.

    ``find_targets`` asks for the state of every segment each time; the map calls it once per drawn segment, so
    without this a map of a chain would walk every presence in the dataset once per segment.
    """

    def __init__(self, inner: Facts) -> None:
        self._inner = inner
        self._states: dict[tuple[str, AnalysisParams, int | None], dict[str, SegmentState]] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def segment_states(self, segment_ids: Iterable[str], region_id: str, params: AnalysisParams,
                       limit: int | None = None) -> dict[str, SegmentState]:
        wanted = list(segment_ids)
        full = self._states.get((region_id, params, None), {})
        if limit is not None and all(s in full for s in wanted):  # a capped list is the start of the full one
            return {s: full[s].capped(limit) for s in wanted}
        known = self._states.setdefault((region_id, params, limit), {})
        missing = [s for s in wanted if s not in known]
        if missing:  # a segment's state does not depend on which other segments are asked with it
            known.update(self._inner.segment_states(missing, region_id, params, limit))
        return {s: known[s] for s in wanted}


def _tier_blocks(drawn: list[str], edges: list[tuple[str, str]], band_of: dict[str, int],
                 tier_of: dict[str, str]) -> tuple[dict[str, int], dict[str, tuple[int, int]]]:
    """Columns such that upstream, midstream and downstream never share one, left to right.

    Each tier is laid out on its own (longest-path layers of the supply edges inside it, so those still point
    right) and gets its own block of columns. Returns the column of each segment and, per tier present, its
    first and last column (for the 上游 / 中游 / 下游 headings).
    """
    present: set[str] = set(tier_of.values())
    order: list[str] = [t for t in ("upstream", "midstream", "downstream") if t in present]
    order += sorted(present - set(order))
    column: dict[str, int] = {}
    spans: dict[str, tuple[int, int]] = {}
    start = 0
    for t in order:
        members = [s for s in drawn if tier_of[s] == t]
        inside = set(members)
        local = layered_layout(members, [(a, b) for a, b in edges if a in inside and b in inside], band_of,
                               sweeps=0)
        # a tall column (segments with no supply link between them) is split into side-by-side columns of at
        # most MAX_ROWS: a screen is wider than tall, and the split keeps every edge inside the tier pointing right
        cells: dict[tuple[int, int], list[str]] = defaultdict(list)
        for s in members:
            cells[(local[s][0], band_of.get(s, 0))].append(s)
        split = {c: max(math.ceil(len(v) / MAX_ROWS) for (cc, _), v in cells.items() if cc == c)
                 for c in {c for c, _ in cells}}
        offset, at = {}, 0
        for c in sorted(split):
            offset[c] = at
            at += split[c]
        for (c, _), group in cells.items():
            per = math.ceil(len(group) / split[c])
            for i, s in enumerate(group):
                column[s] = start + offset[c] + i // per
        width = at
        spans[t] = (start, start + width - 1)
        start += width
    return column, spans


def _place_context(column: dict[str, int], spans: dict[str, tuple[int, int]], context: list[str],
                   edges: list[tuple[str, str]], feeding: set[str]) -> None:
    """Columns of the other chains' segments (in place): a supplier one column left of its first customer, a
    customer one right of its last supplier, so that the edges to and from the drawn chain point right.

    Their own tier does not count (a downstream product of one chain is often an upstream input of another); if
    a supplier would fall left of column 0, every column moves right.
    """
    succ: dict[str, list[str]] = defaultdict(list)
    pred: dict[str, list[str]] = defaultdict(list)
    for a, b in edges:
        succ[a].append(b)
        pred[b].append(a)
    main = set(column)
    for _ in range(len(context) + 1):  # relax until stable: a DAG settles in at most len(context) passes
        changed = False
        for s in context:
            if s in feeding:
                near = [column[c] for c in succ[s] if c in column]
                value = min(near) - 1 if near else None
            else:
                near = [column[c] for c in pred[s] if c in column]
                value = max(near) + 1 if near else None
            if value is not None and column.get(s) != value:
                column[s] = value
                changed = True
        if not changed:
            break
    for s in context:  # not linked to anything placed (cannot happen for a drawn neighbour): first column
        column.setdefault(s, 0)
    del main
    shift = -min(column.values(), default=0)
    if shift > 0:
        for s in column:
            column[s] += shift
        for t, (c0, c1) in spans.items():
            spans[t] = (c0 + shift, c1 + shift)


def _context_only(a: str, b: str, external: set[str], chain_of: dict[str, str]) -> bool:
    """An edge between two grey segments of different chains: not about the drawn chain, and it would cross it."""
    return a in external and b in external and chain_of[a] != chain_of[b]


def _chain_name(chain: Any, lang: str) -> str:
    return str(chain.name if lang == "zh" else (chain.name_en or chain.name))


def _region_name(region: Any, lang: str) -> str:
    return str(region.name if lang == "zh" else (region.name_en or region.name))


def _address(ds: Any, region_id: str | None, lang: str) -> str:
    """Where a firm is, as precisely as the dataset places it: its region and the regions above it (largest
    first, e.g. 嘉兴市 平湖市 独山港镇); empty when it has no region."""
    if not region_id or region_id not in ds.regions:
        return ""
    names = [_region_name(ds.regions[r], lang) for r in reversed(ds.region_ancestors(region_id))]
    return (" " if lang == "zh" else ", ").join(names if lang == "zh" else reversed(names))


def _draw(ds: Any, drawn: list[str], external: set[str], grid: dict[str, tuple[int, int]],
          band_keys: list[tuple[str, str]], band_of: dict[str, int], seg_data: dict[str, dict[str, Any]],
          firms: _FirmRows, project_table: dict[str, dict[str, Any]], ui: dict[str, str],
          lang: str, firm_nodes: int, focus: str | None,
          supply: list[tuple[str, str]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """vis-network nodes (with both y positions: firms hidden / shown), edges and chain bands."""
    # label width in font sizes (a CJK character is one): the box's inner width over the font size
    width_units = (SEGMENT_WIDTH - 16) / SEGMENT_FONT - 0.3
    external_units = (SEGMENT_WIDTH - 16 - 12) / EXTERNAL_FONT - 0.3
    max_lines = 3 if lang == "zh" else 4
    seg_geom: dict[str, dict[str, Any]] = {}
    for s in drawn:
        d = seg_data[s]
        name = canvas_text(d["name"])
        lines = (wrap_label(name, external_units, max_lines=max_lines - 1) if s in external
                 else wrap_label(name, width_units, max_lines=max_lines))
        n_firms, n_leaders = len(d["firms"]), d["leader_count"]
        strength = 0.0 if s in external else _strength(n_firms, n_leaders)
        if s in external or d["status"] in ("missing", "unknown"):
            sub = None  # the band says which chain; the dashed frame says "nothing here" or "nothing seen"
        elif d["status"] in ("strong", "weak"):
            sub = ("★ " if n_leaders else "") + ui["local_count"].format(n=n_firms)
        elif d["status"] == "claimed":
            sub = ui["claimed_sub"]
        else:
            sub = ui["pipeline_count"].format(n=len(d["projects"]))
        label_lines = [*lines, sub] if sub else lines
        if sub and d["stalled"] and d["status"] == "pipeline":  # the segment rests on projects that stalled
            label_lines = [*label_lines, map_time.TIME_UI[lang]["stalled_count"].format(n=d["stalled"])]
        if s in external:  # context, not the subject: small grey boxes
            height = 12 + EXTERNAL_LINE_HEIGHT * len(label_lines)
            width = SEGMENT_WIDTH - 16
        else:
            height = 18 + LINE_HEIGHT * len(label_lines) + round(14 * strength)
            width = SEGMENT_WIDTH + round(SEGMENT_MAX_EXTRA_WIDTH * strength)
        hang: list[dict[str, Any]] = []
        if s not in external:
            firm_rows = d["firms"]
            if len(firm_rows) > firm_nodes:
                hang.append({"kind": "firms", "id": f"firms:{s}", "label": ui["firms_node"].format(n=len(firm_rows))})
            else:
                for i in firm_rows:
                    row = firms.rows[i]
                    f = row[_F_ID]
                    star = "★ " if row[_F_LEADER] else ""
                    hang.append({"kind": "firm", "id": f"firm:{s}:{f}", "firm": f,
                                 "label": star + _truncate(canvas_text(row[_F_NAME]), 8.5 - _units(star))})
            project_ids = d["projects"]
            if len(project_ids) > firm_nodes:
                hang.append({"kind": "projects", "id": f"projects:{s}",
                             "label": ui["projects_node"].format(n=len(project_ids))})
            else:
                for p in project_ids:
                    hang.append({"kind": "project", "id": f"project:{s}:{p}", "project": p,
                                 "label": ("⚠ " if project_table[p]["stalled"] else "◆ ")
                                 + _truncate(canvas_text(project_table[p]["name"]), 7)})
        hang_height = (PILL_GAP + len(hang) * (PILL_HEIGHT + PILL_GAP)) if hang else 0
        seg_geom[s] = {"lines": label_lines, "height": height, "width": width, "hang": hang,
                       "hang_height": hang_height}

    # y positions per band, for both states of the firm toggle
    columns: dict[tuple[int, int], list[str]] = defaultdict(list)
    for s in drawn:
        columns[(band_of[s], grid[s][0])].append(s)
    for members in columns.values():
        members.sort(key=lambda m: grid[m][1])
    y_of: dict[str, list[float]] = {s: [0.0, 0.0] for s in drawn}
    bands: list[dict[str, Any]] = []
    top = [0.0, 0.0]
    for band_index, (side, chain_id) in enumerate(band_keys):
        is_external = side != "main"
        ranges = []
        gap = ROW_GAP_EXTERNAL if is_external else ROW_GAP
        for state in (0, 1):
            heights = {}
            for (band, col), members in columns.items():
                if band != band_index:
                    continue
                heights[col] = sum(seg_geom[m]["height"] + (seg_geom[m]["hang_height"] if state else 0)
                                   for m in members) + gap * (len(members) - 1)
            band_height = max(heights.values(), default=0.0)
            start = top[state] + (EXTERNAL_BAND_HEADER if is_external else BAND_HEADER)
            for (band, col), members in columns.items():
                if band != band_index:
                    continue
                y = start + (band_height - heights[col]) / 2
                for m in members:
                    y_of[m][state] = y + seg_geom[m]["height"] / 2
                    y += seg_geom[m]["height"] + (seg_geom[m]["hang_height"] if state else 0) + gap
            ranges.append((top[state], start + band_height))
            top[state] = start + band_height + BAND_GAP
        members = [s for s in drawn if band_of[s] == band_index]
        cols = [grid[s][0] for s in members]
        if not is_external:
            label = _chain_name(ds.chains[chain_id], lang)
            label = (label if label.endswith("产业链") else label + "产业链") if lang == "zh" else f"{label} chain"
        else:
            names = list(dict.fromkeys(seg_data[s]["chain_name"] for s in members))
            label = (f"其他产业链的{'上游' if side == 'up' else '下游'}环节（{'、'.join(names)}）" if lang == "zh"
                     else f"Other chains, {side}stream ({', '.join(names)})")
        bands.append({"chain": chain_id, "side": side, "label": _truncate(canvas_text(label), 60),
                      "external": is_external,
                      "x0": min(cols) * COLUMN_SPACING - SEGMENT_WIDTH / 2 - 40,
                      "x1": max(cols) * COLUMN_SPACING + SEGMENT_WIDTH / 2 + SEGMENT_MAX_EXTRA_WIDTH + 40,
                      "y0": [round(ranges[0][0], 1), round(ranges[1][0], 1)],
                      "y1": [round(ranges[0][1], 1), round(ranges[1][1], 1)]})

    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    for s in drawn:
        d = seg_data[s]
        g = seg_geom[s]
        colours = EXTERNAL_COLOURS if s in external else STATUS_COLOURS[d["status"]]
        node: dict[str, Any] = {
            "id": s, "kind": "segment", "segment": s, "external": s in external,
            "label": "\n".join(g["lines"]), "x": grid[s][0] * COLUMN_SPACING, "y0": round(y_of[s][0], 1),
            "y1": round(y_of[s][1], 1), "shape": "box",
            "color": {"background": colours["background"], "border": colours["border"],
                      "highlight": {"background": colours["background"], "border": "#111827"},
                      "hover": {"background": colours["background"], "border": "#111827"}},
            "font": {"color": colours["font"], "size": SEGMENT_FONT},
            "borderWidth": 4 if s == focus else 2, "borderWidthSelected": 4,
            "widthConstraint": {"minimum": g["width"], "maximum": g["width"]},
            # vis adds the margins to this minimum: the box is then exactly g["height"] tall
            "heightConstraint": {"minimum": g["height"] - 16, "valign": "middle"},
            "margin": {"top": 8, "bottom": 8, "left": 8, "right": 8},
            "shapeProperties": {"borderRadius": 8},
            "badge": d["action_label"] + (f" #{d['rank']}" if d["rank"] else "") if d["action"] and s not in external
            else "",
            "badge_colour": ACTION_COLOURS.get(d["action"], "#555555"),
            "badge_top": bool(d["rank"] and d["rank"] <= TOP_BADGES),
        }
        if s == focus:
            node["color"]["border"] = FOCUS_BORDER
            node["shadow"] = {"enabled": True, "color": "rgba(20, 50, 79, 0.5)", "size": 16, "x": 0, "y": 3}
        if d["status"] in ("missing", "unknown", "claimed") and s not in external:
            node["shapeProperties"]["borderDashes"] = [7, 5] if d["status"] == "missing" else [2, 4]
        if s in external:
            node["shapeProperties"]["borderDashes"] = [3, 3]
            node["font"]["size"] = EXTERNAL_FONT
            node["margin"] = {"top": 5, "bottom": 5, "left": 6, "right": 6}
            node["heightConstraint"]["minimum"] = g["height"] - 10
        nodes.append(node)
        x = node["x"] + 10
        y = y_of[s][1] + g["height"] / 2 + PILL_GAP + PILL_HEIGHT / 2
        for item in g["hang"]:
            kind = item["kind"]
            is_project = kind in ("project", "projects")
            border = STATUS_COLOURS["pipeline"]["border"] if is_project else STATUS_COLOURS[
                d["status"] if d["status"] in ("strong", "weak") else "strong"]["border"]
            pill: dict[str, Any] = {
                "id": item["id"], "kind": kind, "segment": s, "external": False, "label": item["label"],
                "x": x, "y0": None, "y1": round(y, 1), "shape": "box",
                "color": {"background": "#ffffff" if kind in ("firm", "project") else "#f3f6fa", "border": border,
                          "highlight": {"background": "#fff8d6", "border": "#111827"},
                          "hover": {"background": "#fffbea", "border": border}},
                "font": {"color": "#1f2933", "size": PILL_FONT},
                "borderWidth": 1.5, "borderWidthSelected": 3,
                "widthConstraint": {"minimum": SEGMENT_WIDTH - 20, "maximum": SEGMENT_WIDTH - 20},
                "heightConstraint": {"minimum": PILL_HEIGHT - 8, "valign": "middle"},
                "margin": {"top": 4, "bottom": 4, "left": 6, "right": 6},
                "shapeProperties": {"borderRadius": 12},
            }
            if is_project:
                pill["shapeProperties"]["borderDashes"] = [4, 3]
            for key in ("firm", "project"):
                if key in item:
                    pill[key] = item[key]
            nodes.append(pill)
            edges.append({"id": f"hang:{item['id']}", "kind": "hang", "from": s, "to": item["id"]})
            y += PILL_HEIGHT + PILL_GAP
    drawn_set = set(drawn)
    chain_of = {s: seg_data[s]["chain"] for s in drawn}
    seg_nodes = {n["id"]: n for n in nodes if n["kind"] == "segment"}
    seen: set[tuple[str, str]] = set()
    notes = {(e.source, e.target): e.note for e in ds.supply_edges}
    for a, b in supply:
        if a not in drawn_set or b not in drawn_set or (a, b) in seen or _context_only(a, b, external, chain_of):
            continue
        seen.add((a, b))
        if a in external and b in external:
            kind = "external"
        elif chain_of[a] != chain_of[b]:
            kind = "cross"
        else:
            kind = "supply"
        edge = {"id": f"supply:{a}>{b}", "kind": kind, "from": a, "to": b, "note": notes.get((a, b), "")}
        if band_of[a] == band_of[b] and _passes_through(a, b, seg_nodes, seg_geom):
            # an arc about 60 px high, so that the edge does not seem to end at the segment in between
            length = math.hypot(seg_nodes[b]["x"] - seg_nodes[a]["x"], seg_nodes[b]["y1"] - seg_nodes[a]["y1"])
            edge["bow"] = round(max(0.05, min(0.3, 60 / length)), 3)
        edges.append(edge)
    # Recycle edges run against the flow (downstream back to upstream); they never shape the tiers above, and
    # are drawn as curved dotted lines so that they do not hide the supply edges they run beside.
    for e in ds.recycle_edges:
        a, b = e.source, e.target
        if a not in drawn_set or b not in drawn_set or (a, b) in seen or _context_only(a, b, external, chain_of):
            continue
        seen.add((a, b))
        edges.append({"id": f"recycle:{a}>{b}", "kind": "recycle", "from": a, "to": b, "note": e.note, "bow": 0.25})
    return nodes, edges, bands


def _passes_through(a: str, b: str, seg_nodes: dict[str, dict[str, Any]], seg_geom: dict[str, dict[str, Any]]) -> bool:
    """Whether the straight line from segment a to segment b crosses another segment box (in either layout)."""
    xa, xb = seg_nodes[a]["x"], seg_nodes[b]["x"]
    if abs(xb - xa) < 1.5 * COLUMN_SPACING:
        return False
    for key in ("y0", "y1"):
        ya, yb = seg_nodes[a][key], seg_nodes[b][key]
        for c, node in seg_nodes.items():
            if c in (a, b) or not min(xa, xb) < node["x"] < max(xa, xb):
                continue
            y_line = ya + (yb - ya) * (node["x"] - xa) / (xb - xa)
            if abs(node[key] - y_line) < seg_geom[c]["height"] / 2 + 6:
                return True
    return False


# ------------------------------------------------------------------------------------------------ page


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet, from the copy bundled inside the pyvis package."""
    try:
        # the package's folder without importing it (pyvis imports networkx and jinja2: a third of a second)
        spec = importlib.util.find_spec("pyvis")
        if spec is None or not spec.submodule_search_locations:
            raise ModuleNotFoundError("no module named 'pyvis'")
        lib = Path(next(iter(spec.submodule_search_locations))) / "lib"
        candidates = sorted((p for p in lib.iterdir() if p.name.startswith("vis-")), key=lambda p: p.name)
        folder = candidates[-1]
        script = (folder / "vis-network.min.js").read_text(encoding="utf-8")
        style = (folder / "vis-network.css").read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError, IndexError) as exc:
        raise ExportError(msg("cannot read vis-network from the pyvis package ({exc}); reinstall pyvis>=0.3.2",
                              exc=exc)) from exc
    if "</script" in script.lower() or "</style" in style.lower():  # pragma: no cover - a broken pyvis build
        raise ExportError(msg("the vis-network files bundled with pyvis cannot be inlined safely"))
    return script, style


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def build_map(cg: ChainGraph | None, chain: str | None = None, region: str | None = None, segment: str | None = None,
              lang: str = "zh", **options: Any) -> str:
    """The map as one self-contained HTML page (a string); keyword options as for :func:`map_data`.

    ``chain=None`` draws every chain; ``segment`` draws one segment and its neighbourhood.
    """
    data = map_data(cg, chain=chain, region=region, segment=segment, lang=lang, **options)
    return render_page(data)


def render_page(data: dict[str, Any]) -> str:
    """Fill the page template with :func:`map_data`'s result."""
    vis_script, vis_style = _vis_assets()
    app_script = map_assets.APP_JS
    csp = ("default-src 'none'; "
           f"script-src {_csp_hash(vis_script)} {_csp_hash(app_script)}; "
           "style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; media-src 'none'; "
           "object-src 'none'; frame-src 'none'; worker-src 'none'; manifest-src 'none'; base-uri 'none'; "
           "form-action 'none'")
    parts = {
        "LANG": "zh-CN" if data["lang"] == "zh" else "en",
        "CSP": html.escape(csp, quote=True),
        "TITLE": html.escape(data["title"], quote=False),
        "VIS_CSS": vis_style,
        "APP_CSS": map_assets.APP_CSS,
        "DATA": json_for_script(data),
        "VIS_JS": vis_script,
        "APP_JS": app_script,
    }
    out: list[str] = []
    for i, chunk in enumerate(map_assets.PAGE.split("@@")):
        out.append(parts[chunk] if i % 2 else chunk)
    return "".join(out)


def write_map(cg: ChainGraph, path: str | Path, chain: str | None = None, region: str | None = None,
              segment: str | None = None, lang: str = "zh", **options: Any) -> Path:
    """Build the map and write it to ``path`` as UTF-8 (whatever the locale), atomically; returns the path."""
    page = build_map(cg, chain=chain, region=region, segment=segment, lang=lang, **options)
    return atomic_write_text(path, page)


def show_map(cg: ChainGraph, chain: str | None = None, region: str | None = None, segment: str | None = None,
             lang: str = "zh", height: int = 720, **options: Any) -> Any:
    """The map inline in a Jupyter notebook: an ``IPython.display.HTML`` holding a sandboxed iframe.

    The page goes into the iframe's ``srcdoc`` attribute, HTML-escaped, so it runs isolated from the notebook.
    """
    try:
        from IPython.display import HTML
    except ImportError as exc:
        raise ExportError(msg("show_map needs IPython (pip install ipython, or run it in Jupyter); "
                              "write_map makes a file instead")) from exc
    page = build_map(cg, chain=chain, region=region, segment=segment, lang=lang, **options)
    frame = (f'<div class="chaingraph-map"><iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
             f'style="width:100%;height:{int(height)}px;border:1px solid #d0d7de;border-radius:6px" '
             'title="chain map"></iframe></div>')
    return HTML(frame)

