"""The page template, stylesheet and script of the HTML chain map (see :mod:`chaingraph.outputs.html_map`).

Kept as Python strings so that they ship inside the package (a plain ``pip install .`` works) and so that the
page is assembled without a template engine: ``PAGE`` has ``@@NAME@@`` slots that
:func:`~chaingraph.outputs.html_map.render_page` fills in one pass, never re-reading what it inserted.

Rules the script follows (and tests check): every piece of dataset text reaches the page through
``textContent``, ``createElement`` or canvas ``fillText``; nothing is ever assigned to ``innerHTML``; tooltips are
DOM elements, not strings (vis-network treats string titles as HTML in some versions). The page makes no network
request: no CDN, no web font, no image URL.

Test hook: ``window.chainMap`` exposes ``network``, ``nodes`` and ``edges`` (vis DataSets; segment nodes have
``kind: "segment"``), ``data`` (the embedded JSON), ``openSegment(id)`` (what a click on a segment does),
``search(text)`` (the result list the search box shows), ``choose(result)`` (what picking a result does) and
``setShowFirms(bool)`` and ``setShowContext(bool)`` (the checkboxes), ``showTab(id)`` (the 清单 tabs),
``fitAll(animate)`` (the 全图 button), ``badgeRects()`` (where the action badges were drawn) and ``firm(id)`` (a
firm's row of the page's compact firm table, decoded: name, country, where, address, products, sources, segments).
"""

from __future__ import annotations

__all__ = ["FONT_STACK", "PAGE", "APP_CSS", "APP_JS"]

#: System fonts only (no web fonts): Chinese UI fonts of macOS, Windows and Linux first, then generic ones.
FONT_STACK = ('"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", '
              '"Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, -apple-system, "Segoe UI", Roboto, '
              '"Helvetica Neue", Arial, sans-serif')

PAGE = """<!DOCTYPE html>
<html lang="@@LANG@@">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="@@CSP@@">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="chaingraph">
<title>@@TITLE@@</title>
<style>@@VIS_CSS@@</style>
<style>@@APP_CSS@@</style>
</head>
<body>
<header id="top">
  <div class="titles"><h1 id="title"></h1><div id="subtitle"></div><div id="priorities"></div></div>
</header>
<nav id="tabs"><div id="tablist" role="tablist"></div>
  <div class="tools">
    <div class="search"><input id="search" type="search" autocomplete="off" spellcheck="false">
      <div id="results" role="listbox" hidden></div></div>
    <label class="toggle"><input type="checkbox" id="toggle-firms"><span id="toggle-label"></span></label>
    <label class="toggle"><input type="checkbox" id="toggle-context"><span id="context-label"></span></label>
    <button type="button" id="fit"></button>
    <label class="toggle" id="year-box" hidden><span id="year-label"></span><input type="range" id="year-slider">
      <output id="year-value"></output></label>
  </div>
</nav>
<main>
  <div id="map"></div>
  <section id="lists" hidden><div class="list-tools"><input id="list-filter" type="search" autocomplete="off">
    <span id="list-count"></span></div><div id="list-body"></div></section>
  <aside id="panel" hidden><button type="button" id="panel-close" aria-label="close">×</button>
    <div id="panel-body"></div></aside>
</main>
<footer id="legend"></footer>
<noscript><p class="noscript">This map needs JavaScript.</p></noscript>
<script type="application/json" id="chain-map-data">@@DATA@@</script>
<script>@@VIS_JS@@</script>
<script>@@APP_JS@@</script>
</body>
</html>
"""

APP_CSS = """
:root { --font: @FONT@; --ink: #1f2933; --muted: #5f6b7a; --line: #d8dee6; --bar: #14324f; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { font-family: var(--font); color: var(--ink); background: #ffffff; display: flex; flex-direction: column;
  overflow: hidden; }
#top { display: flex; align-items: center; gap: 24px; padding: 8px 22px;
  background: var(--bar); color: #ffffff; flex: 0 0 auto; }
#top .titles { flex: 1 1 auto; min-width: 0; }
#top h1 { margin: 0; font-size: 21px; font-weight: 700; letter-spacing: 0.5px; }
#subtitle { margin-top: 3px; font-size: 13px; color: #c9d7e6; display: flex; flex-wrap: wrap; gap: 2px 14px; }
#subtitle .chainstat b { color: #ffffff; font-weight: 600; }
#subtitle .asof { color: #ffe08a; }
#priorities { margin-top: 5px; font-size: 14px; display: flex; align-items: center; gap: 6px; overflow: hidden;
  white-space: nowrap; }
#priorities:empty { display: none; }
#priorities .pl { color: #c9d7e6; margin-right: 2px; }
#priorities button { font: 13px var(--font); color: #ffffff; background: rgba(255, 255, 255, 0.10); cursor: pointer;
  border: 1px solid rgba(255, 255, 255, 0.28); border-radius: 13px; padding: 2px 10px; white-space: nowrap;
  min-width: 0; max-width: 34%; overflow: hidden; text-overflow: ellipsis; flex: 0 1 auto; }
#priorities button:hover { background: rgba(255, 255, 255, 0.22); }
#priorities .act { font-weight: 700; border-radius: 8px; padding: 0 5px; margin-right: 5px; font-size: 12px; }
#priorities .who { color: #c9d7e6; margin-left: 4px; }
.tools { display: flex; align-items: center; gap: 14px; flex: 0 0 auto; white-space: nowrap; }
.search { position: relative; }
#search { width: 240px; font: 14px var(--font); padding: 5px 10px; border-radius: 6px; border: 1px solid #9fb2c6;
  background: #ffffff; color: var(--ink); }
#results { position: absolute; right: 0; top: 34px; width: 380px; max-height: 60vh; overflow: auto; z-index: 20;
  background: #ffffff; color: var(--ink); border: 1px solid var(--line); border-radius: 8px;
  box-shadow: 0 10px 30px rgba(0, 0, 0, 0.18); }
#results .r { display: flex; gap: 8px; align-items: baseline; padding: 8px 12px; cursor: pointer;
  border-bottom: 1px solid #f0f2f5; }
#results .r.active, #results .r:hover { background: #eef5ff; }
#results .kind { flex: 0 0 auto; font-size: 12px; color: #ffffff; background: #6b7785; border-radius: 4px;
  padding: 1px 6px; }
#results .kind.segment { background: #24599a; } #results .kind.firm { background: #1e7d4f; }
#results .kind.project { background: #3a7dc9; } #results .kind.target { background: #c62828; }
#results .name { font-weight: 600; overflow-wrap: anywhere; }
#results .sub { color: var(--muted); font-size: 12px; margin-left: auto; text-align: right; }
#results .empty { padding: 10px 12px; color: var(--muted); }
.toggle { display: flex; align-items: center; gap: 6px; font-size: 14px; cursor: pointer; user-select: none; }
.toggle input { width: 18px; height: 18px; }
.toggle[hidden] { display: none; }
#fit { font: 14px var(--font); padding: 4px 14px; border-radius: 6px; border: 1px solid #7d9ab8; background: #1f4670;
  color: #ffffff; cursor: pointer; }
main { position: relative; flex: 1 1 auto; min-height: 0; }
#map { position: absolute; inset: 0; background: #ffffff; }
#legend { flex: 0 0 auto; display: flex; flex-wrap: wrap; align-items: center; gap: 2px 18px; padding: 5px 22px;
  font-size: 13px; border-top: 1px solid var(--line); background: #f8fafc; }
#legend .lt { font-weight: 700; }
#legend .flow { color: var(--muted); }
#legend .row { display: flex; align-items: center; gap: 7px; white-space: nowrap; }
#legend .sw { flex: 0 0 auto; width: 26px; height: 14px; border-radius: 4px; border: 2px solid; }
#legend .ln { flex: 0 0 auto; width: 26px; height: 0; border-top: 2px solid; }
#legend .badge { flex: 0 0 auto; font-size: 11px; color: #ffffff; border-radius: 8px; padding: 0 6px; }
#panel { position: absolute; top: 0; right: 0; bottom: 0; width: 420px; max-width: 92vw; background: #ffffff;
  border-left: 1px solid var(--line); box-shadow: -8px 0 24px rgba(0, 0, 0, 0.10); overflow-y: auto;
  padding: 18px 20px 28px; }
#panel[hidden] { display: none; }
#panel-close { position: absolute; top: 10px; right: 12px; font-size: 24px; line-height: 1; border: 0; background: none;
  color: var(--muted); cursor: pointer; }
#panel h2 { margin: 0 32px 4px 0; font-size: 22px; overflow-wrap: anywhere; }
#panel .p-sub { color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
#panel h3 { font-size: 15px; margin: 18px 0 6px; padding-bottom: 4px; border-bottom: 2px solid #edf0f4; }
#panel .chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 10px 0 4px; }
.chip { font-size: 13px; padding: 2px 10px; border-radius: 12px; color: #ffffff; }
.chip.plain { color: var(--ink); background: #eef1f5; }
#panel .note { margin-top: 10px; font-size: 13px; color: #6b5500; background: #fff6d6; border-radius: 6px;
  padding: 6px 10px; }
#panel ul.reasons { margin: 0; padding-left: 18px; font-size: 14px; line-height: 1.55; }
#panel ol.items { margin: 0; padding-left: 28px; font-size: 14px; line-height: 1.45; }
#panel ol.items li { padding: 3px 0; overflow-wrap: anywhere; }
#panel ol.items li.hit { background: #fff3bf; border-radius: 4px; outline: 2px solid #f4b942; }
#panel .meta { color: var(--muted); font-size: 12px; }
#panel .meta.products, #panel .meta.address, #panel .meta.hq, #panel .meta.sources { overflow-wrap: anywhere;
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; overflow: hidden; }
#panel .meta.sources a { color: #24599a; }
#panel .why { color: #44505e; font-size: 12px; line-height: 1.45; }
#panel .score { float: right; font-variant-numeric: tabular-nums; color: #24599a; font-weight: 600; }
#panel .pager { display: flex; align-items: center; gap: 10px; margin-top: 6px; font-size: 13px; }
#panel .pager button { font: 13px var(--font); padding: 3px 10px; border-radius: 5px; border: 1px solid var(--line);
  background: #f7f9fb; cursor: pointer; }
#panel .pager button:disabled { opacity: 0.4; cursor: default; }
#panel .none { color: var(--muted); font-size: 14px; }
div.vis-tooltip { font-family: var(--font); font-size: 13px; white-space: normal; max-width: 400px; padding: 10px 12px;
  background: #ffffff; color: var(--ink); border: 1px solid #c7ced8; border-radius: 8px;
  box-shadow: 0 8px 24px rgba(0, 0, 0, 0.16); line-height: 1.5; }
.tip-title { font-size: 16px; font-weight: 700; overflow-wrap: anywhere; }
.tip-sub { color: var(--muted); font-size: 12px; margin-bottom: 4px; overflow-wrap: anywhere; }
.tip-status { font-weight: 600; margin: 2px 0 4px; }
.tip ul { margin: 4px 0 0; padding-left: 16px; }
.tip li { overflow-wrap: anywhere; }
.tip-hint { color: var(--muted); font-size: 12px; margin-top: 6px; }
.noscript { padding: 20px; }
span, bdi, button, li, h1, h2, td, th { unicode-bidi: isolate; }
#top h1 { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.clamp, #results .name, #panel h2, .tip-title, #panel ol.items .name, #lists td.nm span {
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden;
  overflow-wrap: anywhere; }
.tip li, #panel ul.reasons li, #lists td span { display: -webkit-box; -webkit-box-orient: vertical;
  -webkit-line-clamp: 4; overflow: hidden; overflow-wrap: anywhere; }
#results .count { padding: 6px 12px; font-size: 12px; color: var(--muted); border-bottom: 1px solid var(--line); }
#tabs { flex: 0 0 auto; display: flex; align-items: center; justify-content: space-between; gap: 12px;
  padding: 3px 22px; background: #eef2f7; border-bottom: 1px solid var(--line); }
#tablist { display: flex; gap: 2px; flex-wrap: wrap; }
#tabs .toggle { color: var(--ink); }
#tabs button { font: 14px var(--font); padding: 7px 16px; border: 0; border-bottom: 3px solid transparent;
  background: none; color: var(--ink); cursor: pointer; }
#tabs button[aria-selected="true"] { border-bottom-color: #24599a; font-weight: 700; color: #14324f; }
#lists { position: absolute; inset: 0; overflow: auto; padding: 12px 22px 24px; background: #ffffff; }
#lists[hidden] { display: none; }
.list-tools { display: flex; align-items: center; gap: 14px; margin-bottom: 10px; }
#list-filter { width: 280px; font: 14px var(--font); padding: 6px 10px; border: 1px solid var(--line);
  border-radius: 6px; }
#list-count { color: var(--muted); font-size: 13px; }
#lists table { border-collapse: collapse; width: 100%; font-size: 14px; table-layout: fixed; }
#lists th { text-align: left; background: #f3f6fa; padding: 7px 8px; border-bottom: 2px solid var(--line);
  cursor: pointer; user-select: none; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
#lists th[aria-sort="ascending"]::after { content: " ▲"; } #lists th[aria-sort="descending"]::after { content: " ▼"; }
#lists td { padding: 6px 8px; border-bottom: 1px solid #eef1f5; vertical-align: top; overflow-wrap: anywhere; }
#lists td.num { font-variant-numeric: tabular-nums; text-align: right; }
#lists .list-more { display: flex; gap: 10px; align-items: center; margin-top: 10px; color: var(--muted);
  font-size: 13px; }
#lists .list-more button { font: 13px var(--font); padding: 3px 12px; border-radius: 5px; border: 1px solid var(--line);
  background: #f7f9fb; cursor: pointer; }
#lists th.num { width: 88px; text-align: right; }
#lists th.wide { width: 32%; }
#lists tr.seg:hover { background: #f5f9ff; cursor: pointer; }
#panel .more { font: 13px var(--font); margin-top: 6px; padding: 3px 12px; border-radius: 5px;
  border: 1px solid var(--line); background: #f7f9fb; cursor: pointer; }
#panel .claims li { font-size: 13px; }
#panel .src { color: var(--muted); font-size: 12px; }
#year-slider { width: 150px; height: 18px; }
#year-value { min-width: 84px; font-variant-numeric: tabular-nums; }
.stalled { display: inline-block; margin-left: 6px; padding: 0 6px; border-radius: 4px; background: #b45309;
  color: #ffffff; font-size: 12px; }
#panel .stalled-why, .tip .stalled-why { color: #b45309; font-size: 12px; }
""".replace("@FONT@", FONT_STACK)

APP_JS = """
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("chain-map-data").textContent);
  var UI = DATA.ui, SEG = DATA.segments, PROJECTS = DATA.projects, SOURCES = DATA.sources || [];
  // firms: one short array per firm (DATA.firms.fields), repeated texts as indices into DATA.texts; a segment's
  // firms are row numbers. Rows are decoded when shown, the lookups below are built on first use.
  var FROWS = DATA.firms.rows, TEXT = DATA.texts || [""], FC = {};
  DATA.firms.fields.forEach(function (k, i) { FC[k] = i; });
  var firmSegsOf = null, firmRowOf = null, firmCache = [];
  function firmSegs(i) {  // the drawn segments listing row i
    if (!firmSegsOf) {
      firmSegsOf = FROWS.map(function () { return []; });
      Object.keys(SEG).forEach(function (id) { SEG[id].firms.forEach(function (r) { firmSegsOf[r].push(id); }); });
    }
    return firmSegsOf[i];
  }
  function firmRow(id) {  // the row of a firm id, -1 when the map lists no such firm
    if (!firmRowOf) {
      firmRowOf = new Map();
      FROWS.forEach(function (r, i) { firmRowOf.set(r[FC.id], i); });
    }
    return firmRowOf.has(id) ? firmRowOf.get(id) : -1;
  }
  function decodeFirm(i) {
    var r = FROWS[i];
    return {row: i, id: r[FC.id], name: r[FC.name], country: TEXT[r[FC.country]], where: TEXT[r[FC.where]],
            address: TEXT[r[FC.address]], leader: r[FC.leader] === 1, f500: TEXT[r[FC.f500]],
            size: TEXT[r[FC.size]], hq: TEXT[r[FC.hq]],
            products: r[FC.products].map(function (t) { return TEXT[t]; }),
            sources: r[FC.sources].map(function (x) { return SOURCES[x]; }), segments: firmSegs(i)};
  }
  function firm(i) { return firmCache[i] || (firmCache[i] = decodeFirm(i)); }
  function firmById(id) { var i = firmRow(id); return i < 0 ? null : firm(i); }
  var COLOURS = DATA.colours;
  var FONT = getComputedStyle(document.documentElement).getPropertyValue("--font").trim() || "sans-serif";
  var PAGE_SIZE = 20;
  var LIST_ROWS = 300;  // rows of a list tab drawn at first (and per click on "more")
  var COLLATE = new Intl.Collator("zh").compare;
  var showFirms = !!DATA.show_firms;
  var showContext = DATA.show_context !== false;
  var TARGETS_SHOWN = 10;
  var STATUS_ORDER = {strong: 0, weak: 1, pipeline: 2, claimed: 3, unknown: 4, missing: 5};
  var META = {};
  DATA.nodes.forEach(function (n) { META[n.id] = n; });

  function fmt(template, values) {
    return String(template).replace(/\\{(\\w+)\\}/g, function (m, k) {
      return Object.prototype.hasOwnProperty.call(values, k) ? String(values[k]) : m;
    });
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function statusColour(status) {
    for (var i = 0; i < DATA.legend.length; i++) { if (DATA.legend[i].status === status) { return DATA.legend[i]; } }
    return COLOURS.external;
  }

  // ---------------------------------------------------------------------------------------------- header
  document.getElementById("title").textContent = DATA.title;
  document.title = DATA.title;
  (function () {
    var sub = document.getElementById("subtitle");
    sub.appendChild(el("span", "asof", UI.as_of + " " + DATA.as_of));
    sub.appendChild(el("span", "", DATA.region.name));
    DATA.chains.forEach(function (c) {
      var span = el("span", "chainstat");
      span.appendChild(el("b", "", c.name));
      var values = {completeness: c.completeness, with_pipeline: c.with_pipeline};
      Object.keys(c.counts).forEach(function (k) { values[k] = c.counts[k]; });
      span.appendChild(document.createTextNode(" " + fmt(UI.chain_stat, values)));
      sub.appendChild(span);
    });
    if (DATA.chains.length) { sub.appendChild(el("span", "coverage", DATA.chains[0].coverage)); }
  })();

  function showPriorities() {
    var box = document.getElementById("priorities");
    if (!DATA.priorities.length) { return; }
    box.appendChild(el("span", "pl", UI.priorities));
    DATA.priorities.forEach(function (p) {
      var b = el("button", "prio");
      b.type = "button";
      b.setAttribute("data-segment", p.segment);
      var act = el("span", "act", rankText(p));
      act.style.background = COLOURS.actions[p.action];
      b.appendChild(act);
      b.appendChild(el("span", "", p.name));
      b.title = p.name;
      if (p.targets.length) { b.appendChild(el("span", "who", "→ " + p.targets.join(UI.sep))); }
      b.addEventListener("click", function () { choose({segment: p.segment, node: p.segment}); });
      box.appendChild(b);
    });
  }

  function rankText(s) {
    // ranks are per chain: when several chains are drawn, a rank says whose it is
    var t = s.action_label + (s.rank ? " #" + s.rank : "");
    return DATA.mode === "all" && DATA.chains.length > 1 && s.rank ? s.chain_name + " " + t : t;
  }

  // ---------------------------------------------------------------------------------------------- tooltips
  function segmentTip(s) {
    var box = el("div", "tip");
    box.appendChild(el("div", "tip-title", s.name));
    var subParts = [s.chain_name, s.tier];
    if (DATA.lang === "zh" && s.name_en) { subParts.push(s.name_en); }
    box.appendChild(el("div", "tip-sub", subParts.join(" · ")));
    var status = UI.status + UI.colon + s.status_label;
    if (s.action_label) { status += " · " + UI.action + UI.colon + s.action_label; }
    if (s.rank) {
      status += " · " + UI.rank + " " + rankText({action_label: "", rank: s.rank, chain_name: s.chain_name}).trim();
    }
    if (s.priority !== null && s.priority !== undefined) {
      status += " · " + UI.priority + " " + s.priority.toFixed(3);
    }
    box.appendChild(el("div", "tip-status", status));
    var ul = el("ul");
    s.reasons.slice(0, 7).forEach(function (r) { ul.appendChild(el("li", "", r)); });
    box.appendChild(ul);
    if (s.external) { box.appendChild(el("div", "tip-hint", fmt(UI.external_note, {chain: s.chain_name}))); }
    else { box.appendChild(el("div", "tip-hint", UI.click_hint)); }
    return box;
  }
  function firmTip(id) {
    var f = firmById(id), box = el("div", "tip");
    box.appendChild(el("div", "tip-title", f.name));
    var parts = [f.country, f.where, f.size].filter(Boolean);
    if (f.leader) { parts.push(UI.leader); }
    if (f.f500) { parts.push(UI.f500 + fmt(UI.paren, {x: f.f500})); }
    box.appendChild(el("div", "tip-sub", parts.join(" · ")));
    return box;
  }
  function projectTip(id) {
    var p = PROJECTS[id], box = el("div", "tip");
    box.appendChild(el("div", "tip-title", p.name));
    box.appendChild(el("div", "tip-sub", [p.status, p.date, p.where, p.investment].filter(Boolean).join(" · ")));
    if (p.firms.length) { box.appendChild(el("div", "", p.firms.join(UI.sep))); }
    if (p.stalled) { box.appendChild(el("div", "stalled-why", "⚠ " + p.stalled)); }
    return box;
  }
  function nodeTip(n) {
    if (n.kind === "segment") { return segmentTip(SEG[n.id]); }
    if (n.kind === "firm") { return firmTip(n.firm); }
    if (n.kind === "project") { return projectTip(n.project); }
    var box = el("div", "tip");
    box.appendChild(el("div", "tip-title", n.label));
    box.appendChild(el("div", "tip-hint", SEG[n.segment].name + " · " + UI.click_hint));
    return box;
  }

  function nodeHidden(n) {
    return n.kind === "segment" ? (n.external && !showContext) : !showFirms;
  }
  function edgeHidden(e) {
    if (e.kind === "hang") { return !showFirms; }
    if (e.kind === "cross" || e.kind === "external") { return !showContext; }
    return !showContext && (META[e.from].external || META[e.to].external);
  }

  // ---------------------------------------------------------------------------------------------- network
  var nodes = new vis.DataSet(DATA.nodes.map(function (n) {
    return {
      id: n.id, kind: n.kind, segment: n.segment, label: n.label, x: n.x,
      y: n.kind === "segment" ? (showFirms ? n.y1 : n.y0) : n.y1, shape: n.shape, color: n.color, font: n.font,
      borderWidth: n.borderWidth, borderWidthSelected: n.borderWidthSelected, widthConstraint: n.widthConstraint,
      heightConstraint: n.heightConstraint, margin: n.margin, shapeProperties: n.shapeProperties,
      fixed: {x: true, y: true}, physics: false, hidden: nodeHidden(n), title: nodeTip(n)
    };
  }));
  var EC = COLOURS.edges;
  function edgeStyle(kind) {
    var curve = {enabled: true, type: "cubicBezier", forceDirection: "horizontal", roundness: 0.45};
    if (kind === "hang") {
      return {color: {color: EC.hang, highlight: EC.hang, hover: EC.hang}, width: 1, smooth: {enabled: false},
              arrows: {to: {enabled: false}}};
    }
    var colour = EC[kind];
    var dashes = {cross: [9, 6], external: [3, 4], recycle: [2, 5]}[kind] || false;
    return {color: {color: colour, highlight: "#1f2933", hover: "#1f2933", opacity: kind === "cross" ? 0.7 : 1},
            smooth: curve, width: {cross: 1.8, external: 1.2, recycle: 2.2}[kind] || 1.7,
            dashes: dashes,
            arrows: {to: {enabled: true, scaleFactor: 0.65}}};
  }
  var edges = new vis.DataSet(DATA.edges.map(function (e) {
    var item = edgeStyle(e.kind);
    item.id = e.id; item.from = e.from; item.to = e.to; item.kind = e.kind;
    if (e.bow) { item.smooth = {enabled: true, type: "curvedCW", roundness: e.bow}; }
    item.hidden = edgeHidden(e);
    if (e.kind !== "hang") {
      var tip = el("div", "tip");
      tip.appendChild(el("div", "tip-title", SEG[e.from].name + " → " + SEG[e.to].name));
      if (e.note) { tip.appendChild(el("div", "tip-sub", e.note)); }
      item.title = tip;
    }
    return item;
  }));
  var container = document.getElementById("map");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, {
    autoResize: true,
    physics: {enabled: false},
    layout: {improvedLayout: false, hierarchical: {enabled: false}, randomSeed: 1},
    interaction: {hover: true, tooltipDelay: 120, dragNodes: false, dragView: true, zoomView: true,
                  selectConnectedEdges: true, hoverConnectedEdges: true, keyboard: false, navigationButtons: false},
    nodes: {font: {face: FONT, multi: false}, shadow: {enabled: false}},
    edges: {selectionWidth: 1.2, hoverWidth: 0.6}
  });
  network.once("afterDrawing", function () {  // when the map is first on screen (benchmarks/map_paint.py reads it)
    if (window.performance && performance.mark) { performance.mark("chain-map-drawn"); }
  });

  function roundRect(ctx, x, y, w, h, r) {
    ctx.beginPath();
    ctx.moveTo(x + r, y);
    ctx.arcTo(x + w, y, x + w, y + h, r);
    ctx.arcTo(x + w, y + h, x, y + h, r);
    ctx.arcTo(x, y + h, x, y, r);
    ctx.arcTo(x, y, x + w, y, r);
    ctx.closePath();
  }
  function visibleBands() {
    return DATA.bands.filter(function (b) { return showContext || !b.external; });
  }
  function headingY() {
    var st = showFirms ? 1 : 0, top = Infinity;
    visibleBands().forEach(function (b) { top = Math.min(top, b.y0[st]); });
    return isFinite(top) ? top - 44 : 0;
  }
  network.on("beforeDrawing", function (ctx) {
    var st = showFirms ? 1 : 0;
    var hy = headingY();
    DATA.tiers.forEach(function (t) {
      ctx.save();
      ctx.fillStyle = "#e6edf5";
      roundRect(ctx, t.x0, hy, t.x1 - t.x0, 34, 8);
      ctx.fill();
      ctx.fillStyle = "#14324f";
      ctx.font = "bold 20px " + FONT;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.fillText(t.label, (t.x0 + t.x1) / 2, hy + 17);
      ctx.restore();
    });
    visibleBands().forEach(function (b) {
      var y0 = b.y0[st], y1 = b.y1[st] + 22;
      ctx.save();
      ctx.fillStyle = b.external ? "rgba(110, 122, 135, 0.07)" : "rgba(58, 125, 201, 0.055)";
      ctx.strokeStyle = b.external ? "rgba(110, 122, 135, 0.22)" : "rgba(58, 125, 201, 0.22)";
      ctx.lineWidth = 1;
      roundRect(ctx, b.x0, y0, b.x1 - b.x0, y1 - y0, 16);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = b.external ? "#7b8794" : "#1d3d5e";
      ctx.font = (b.external ? "bold 15px " : "bold 20px ") + FONT;
      ctx.textBaseline = "top";
      ctx.fillText(b.label, b.x0 + 16, y0 + (b.external ? 9 : 12));
      ctx.restore();
    });
  });
  var badged = DATA.nodes.filter(function (n) { return n.kind === "segment" && n.badge; });
  var badgeRects = {};  // where each badge was last drawn (canvas coordinates), for tests of the layout
  network.on("afterDrawing", function (ctx) {
    ctx.save();
    ctx.font = "bold 13px " + FONT;
    ctx.textBaseline = "middle";
    badged.forEach(function (n) {
      var body = network.body && network.body.nodes[n.id];
      if (!body) { return; }
      // the drawn box (getBoundingBox adds a margin around it, which would float the badge above the box)
      var at = network.getPosition(n.id), sw = body.shape.width, sh = body.shape.height;
      var box = {top: at.y - sh / 2, right: at.x + sw / 2};
      if (nodes.get(n.id).hidden) { delete badgeRects[n.id]; return; }
      // a tab standing on the box's top edge, flush with its right side: it reads as part of the box
      var w = ctx.measureText(n.badge).width + 14, h = 19;
      var x = box.right - w - 6, y = box.top - h + 1;
      badgeRects[n.id] = {left: x, top: y, right: x + w, bottom: y + h};
      ctx.beginPath();
      ctx.moveTo(x, y + h); ctx.lineTo(x, y + 6); ctx.arcTo(x, y, x + 6, y, 6); ctx.lineTo(x + w - 6, y);
      ctx.arcTo(x + w, y, x + w, y + 6, 6); ctx.lineTo(x + w, y + h); ctx.closePath();
      ctx.fillStyle = n.badge_top ? n.badge_colour : "#ffffff";
      ctx.fill();
      ctx.lineWidth = n.badge_top ? 2 : 1.5;
      ctx.strokeStyle = n.badge_top ? "#ffffff" : n.badge_colour;
      ctx.stroke();
      ctx.fillStyle = n.badge_top ? "#ffffff" : n.badge_colour;
      ctx.fillText(n.badge, x + 7, y + h / 2 + 1);
    });
    ctx.restore();
  });

  // ---------------------------------------------------------------------------------------------- legend
  (function () {
    var legend = document.getElementById("legend");
    legend.appendChild(el("span", "lt", UI.legend));
    DATA.legend.forEach(function (item) {
      var row = el("div", "row"), sw = el("span", "sw");
      sw.style.background = item.background;
      sw.style.borderColor = item.border;
      if (item.status === "missing") { sw.style.borderStyle = "dashed"; }
      row.appendChild(sw);
      row.appendChild(el("span", "", item.label));
      legend.appendChild(row);
    });
    var ext = el("div", "row"), esw = el("span", "sw");
    esw.style.background = COLOURS.external.background;
    esw.style.borderColor = COLOURS.external.border;
    esw.style.borderStyle = "dotted";
    ext.appendChild(esw);
    ext.appendChild(el("span", "", UI.legend_external));
    legend.appendChild(ext);
    var specs = [["supply", "solid", UI.legend_supply], ["cross", "dashed", UI.legend_cross]];
    if (DATA.edges.some(function (e) { return e.kind === "recycle"; })) {
      specs.push(["recycle", "dotted", UI.legend_recycle]);
    }
    specs.forEach(function (spec) {
      var row = el("div", "row"), ln = el("span", "ln");
      ln.style.borderTopColor = EC[spec[0]];
      ln.style.borderTopStyle = spec[1];
      row.appendChild(ln);
      row.appendChild(el("span", "", spec[2]));
      legend.appendChild(row);
    });
    var row = el("div", "row"), badge = el("span", "badge", UI.legend_badge_sample);
    badge.style.background = COLOURS.actions.fill;
    row.appendChild(badge);
    row.appendChild(el("span", "", UI.legend_badge));
    legend.appendChild(row);
    legend.appendChild(el("span", "flow", UI.legend_flow));
  })();

  // ---------------------------------------------------------------------------------------------- panel
  var panel = document.getElementById("panel");
  var panelBody = document.getElementById("panel-body");
  var currentSegment = null;
  function chip(text, colour) {
    var c = el("span", "chip", text);
    c.style.background = colour;
    return c;
  }
  function pagedList(items, render, highlight) {
    var wrap = el("div", "paged"), list = el("ol", "items");
    var pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
    var marked = highlight !== undefined && highlight !== null;  // a firm's row number may be 0
    var at = marked ? items.indexOf(highlight) : -1;
    var page = at >= 0 ? Math.floor(at / PAGE_SIZE) : 0;
    var prev = el("button", "prev", UI.prev), next = el("button", "next", UI.next), info = el("span", "page-info");
    prev.type = "button"; next.type = "button";
    function show() {
      clear(list);
      list.start = page * PAGE_SIZE + 1;
      items.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).forEach(function (item) {
        var li = render(item);
        if (marked && item === highlight) { li.classList.add("hit"); }
        list.appendChild(li);
      });
      info.textContent = fmt(UI.page, {page: page + 1, pages: pages});
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
    }
    prev.addEventListener("click", function () { if (page > 0) { page -= 1; show(); } });
    next.addEventListener("click", function () { if (page < pages - 1) { page += 1; show(); } });
    wrap.appendChild(list);
    if (pages > 1) {
      var nav = el("div", "pager");
      nav.appendChild(prev); nav.appendChild(info); nav.appendChild(next);
      wrap.appendChild(nav);
    }
    show();
    return wrap;
  }
  function section(title, count) {
    panelBody.appendChild(el("h3", "", count === undefined ? title : title + fmt(UI.paren, {x: count})));
  }
  function firmItem(i) {
    var f = firm(i), li = el("li", "firm");
    li.setAttribute("data-firm", f.id);
    var nm = el("span", "name", (f.leader ? "★ " : "") + f.name);
    nm.title = f.name;
    li.appendChild(nm);
    var parts = [f.country, f.where, f.size].filter(Boolean);
    if (f.f500) { parts.push(UI.f500); }
    if (parts.length) { li.appendChild(el("div", "meta", parts.join(" · "))); }
    firmDetails(li, f);
    return li;
  }
  // A firm row's main products, address and sources. Data is text (textContent); a source becomes a link only
  // when its URL is http(s) (checked when the page was made and again here), opened with rel=noopener.
  function safeUrl(url) {
    var u = String(url || "");
    return /^https?:\\/\\/[^\\s"<>\\\\]+$/i.test(u) ? u : "";
  }
  function labelled(cls, label, text) {  // "label: text", the data in its own isolated span
    var box = el("div", "meta " + cls, label + UI.colon);
    if (text !== undefined) { box.appendChild(el("span", "", text)); }
    return box;
  }
  function firmDetails(li, f) {
    if (f.products && f.products.length) {
      li.appendChild(labelled("products", UI.col_products, f.products.join(UI.sep_reasons)));
    }
    if (f.address) { li.appendChild(labelled("address", UI.col_address, f.address)); }
    if (f.hq) { li.appendChild(labelled("hq", UI.col_hq, f.hq)); }
    if (f.sources && f.sources.length) {
      var box = labelled("sources", UI.firm_sources);
      f.sources.forEach(function (src, i) {
        if (i) { box.appendChild(document.createTextNode(UI.sep)); }
        var url = safeUrl(src.url);
        if (url) {
          var a = el("a", "", src.title || src.id);
          a.setAttribute("href", url);
          a.setAttribute("target", "_blank");
          a.setAttribute("rel", "noopener noreferrer");
          a.title = url;
          box.appendChild(a);
        } else {
          box.appendChild(el("span", "", src.title || src.id));
        }
      });
      li.appendChild(box);
    }
  }
  function projectItem(id) {
    var p = PROJECTS[id], li = el("li", "project");
    li.setAttribute("data-project", id);
    li.appendChild(el("span", "name", p.name));
    if (p.stalled) { li.appendChild(el("span", "stalled", "⚠ " + DATA.time_ui.stalled)).title = p.stalled; }
    var meta = [p.status, p.date, p.where, p.investment, p.firms.join(UI.sep)].filter(Boolean);
    li.appendChild(el("div", "meta", meta.join(" · ")));
    if (p.stalled) { li.appendChild(el("div", "stalled-why", p.stalled)); }
    return li;
  }
  function targetItem(t) {
    var li = el("li", "target");
    li.setAttribute("data-target", t.id);
    li.appendChild(el("span", "score", t.score.toFixed(2)));
    var nm = el("span", "name", t.name);
    nm.title = t.name;
    li.appendChild(nm);
    var where = [t.country, t.hq].filter(Boolean).join(" · ");
    if (where) { li.appendChild(el("div", "meta", where)); }
    li.appendChild(el("div", "why", t.reasons.join(UI.sep_reasons)));
    return li;
  }
  function sortedFirms(rows) {
    // leaders first, then Fortune Global 500 members, then the dataset's order
    var L = FC.leader, F = FC.f500;
    return rows.map(function (r, i) { return {r: r, i: i, k: (FROWS[r][L] === 1 ? 0 : 2) + (FROWS[r][F] ? 0 : 1)}; })
      .sort(function (a, b) { return a.k - b.k || a.i - b.i; }).map(function (x) { return x.r; });
  }
  function openSegment(id, opts) {
    var s = SEG[id];
    if (!s) { return false; }
    opts = opts || {};
    if (tab !== "map") { showTab("map"); }
    var opening = panel.hidden;
    currentSegment = id;
    clear(panelBody);
    panel.hidden = false;
    panel.setAttribute("data-segment", id);
    panelBody.appendChild(el("h2", "p-title", s.name));
    var sub = [s.chain_name, s.tier];
    if (DATA.lang === "zh" && s.name_en) { sub.push(s.name_en); }
    panelBody.appendChild(el("div", "p-sub", sub.join(" · ")));
    var chips = el("div", "chips");
    chips.appendChild(chip(s.status_label, s.external ? "#7b8794" : statusColour(s.status).border));
    if (s.action_label) {
      chips.appendChild(chip(rankText(s), COLOURS.actions[s.action]));
    }
    if (s.priority !== null && s.priority !== undefined) {
      chips.appendChild(el("span", "chip plain", UI.priority + " " + s.priority.toFixed(3)));
    }
    chips.appendChild(el("span", "chip plain", UI.importance + " " + s.importance));
    panelBody.appendChild(chips);
    if (s.external) { panelBody.appendChild(el("div", "note", fmt(UI.external_note, {chain: s.chain_name}))); }
    section(UI.reasons);
    var ul = el("ul", "reasons");
    s.reasons.forEach(function (r) {
      var li = el("li", "", r);
      li.title = r;
      ul.appendChild(li);
    });
    panelBody.appendChild(ul);
    if (s.claims && s.claims.length) {
      section(UI.claims, s.claims.length);
      var cl = el("ul", "reasons claims");
      s.claims.forEach(function (c) {
        var li = el("li");
        li.appendChild(el("span", "", c.evidence || c.note || ""));
        li.appendChild(el("span", "src", " — " + (c.sources || []).join(UI.sep)));
        cl.appendChild(li);
      });
      panelBody.appendChild(cl);
    }
    section(UI.local_firms, s.firms.length);
    if (s.firms.length) {
      var hit = opts.firm === undefined ? -1 : firmRow(opts.firm);
      panelBody.appendChild(pagedList(sortedFirms(s.firms), firmItem, hit < 0 ? null : hit));
    }
    else { panelBody.appendChild(el("div", "none", UI.none)); }
    section(UI.projects, s.projects.length);
    if (s.projects.length) { panelBody.appendChild(pagedList(s.projects, projectItem, opts.project)); }
    else { panelBody.appendChild(el("div", "none", UI.none)); }
    if (!s.external) {
      section(fmt(UI.targets, {n: s.targets.length, total: s.targets_total}));
      if (s.targets.length) {
        var tl = el("ol", "items targets"), shownT = 0;
        var hitAt = -1;
        s.targets.forEach(function (t, i) { if (opts.target && opts.target === t.id) { hitAt = i; } });
        var more = el("button", "more");
        more.type = "button";
        var showMore = function (upto) {
          s.targets.slice(shownT, upto).forEach(function (t) {
            var li = targetItem(t);
            if (opts.target && opts.target === t.id) { li.classList.add("hit"); }
            tl.appendChild(li);
          });
          shownT = Math.min(upto, s.targets.length);
          more.textContent = fmt(UI.more, {n: Math.min(TARGETS_SHOWN, s.targets.length - shownT)});
          more.hidden = shownT >= s.targets.length;
        };
        more.addEventListener("click", function () { showMore(shownT + TARGETS_SHOWN); });
        showMore(Math.max(TARGETS_SHOWN, hitAt + 1));
        panelBody.appendChild(tl);
        panelBody.appendChild(more);
      } else { panelBody.appendChild(el("div", "none", UI.no_targets)); }
    }
    var hit = panelBody.querySelector("li.hit");
    if (hit && hit.scrollIntoView) { hit.scrollIntoView({block: "center"}); } else { panel.scrollTop = 0; }
    if (opening && !opts.noFit) { fitAll(true); }  // the panel took the right side: the chain moves left of it
    return true;
  }
  function closePanel() {
    var wasOpen = !panel.hidden;
    panel.hidden = true; currentSegment = null; panel.removeAttribute("data-segment");
    if (wasOpen) { fitAll(true); }
  }
  document.getElementById("panel-close").addEventListener("click", closePanel);
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && !panel.hidden && document.activeElement !== box) { closePanel(); }
  });
  var resizeTimer = null;
  window.addEventListener("resize", function () {
    if (resizeTimer) { clearTimeout(resizeTimer); }
    resizeTimer = setTimeout(function () { network.redraw(); fitAll(false); }, 120);
  });
  network.on("click", function (params) {
    if (params.nodes.length) {
      var n = META[params.nodes[0]];
      openSegment(n.segment, {firm: n.firm, project: n.project});
    } else if (!params.edges.length) {
      closePanel();
    }
  });

  // ---------------------------------------------------------------------------------------------- firms toggle
  var toggle = document.getElementById("toggle-firms");
  document.getElementById("toggle-label").textContent = UI.show_firms;
  toggle.checked = showFirms;
  function setShowFirms(on, refit) {
    showFirms = !!on;
    toggle.checked = showFirms;
    applyVisibility(refit);
  }
  function applyVisibility(refit) {
    nodes.update(DATA.nodes.map(function (n) {
      return n.kind === "segment" ? {id: n.id, y: showFirms ? n.y1 : n.y0, hidden: nodeHidden(n)}
        : {id: n.id, hidden: nodeHidden(n)};
    }));
    edges.update(DATA.edges.map(function (e) { return {id: e.id, hidden: edgeHidden(e)}; }));
    network.redraw();
    if (refit) { fitAll(true); }
  }
  toggle.addEventListener("change", function () { setShowFirms(toggle.checked, true); });
  var contextToggle = document.getElementById("toggle-context");
  var hasContext = DATA.bands.some(function (b) { return b.external; }) ||
    DATA.edges.some(function (e) { return e.kind === "cross"; });
  document.getElementById("context-label").textContent = UI.show_context;
  contextToggle.checked = showContext;
  if (!hasContext) { contextToggle.parentNode.hidden = true; }
  function setShowContext(on, refit) {
    showContext = !!on;
    contextToggle.checked = showContext;
    applyVisibility(refit);
  }
  contextToggle.addEventListener("change", function () { setShowContext(contextToggle.checked, true); });
  var fitButton = document.getElementById("fit");
  fitButton.textContent = UI.fit;
  fitButton.addEventListener("click", function () { fitAll(true); });
  function fitAll(animate) {
    // the whole picture when it fits with labels of at least DATA.min_scale x the font size; otherwise that
    // scale, from the top left (the rest is a drag away): a meeting screen shows readable text, not a stamp
    var st = showFirms ? 1 : 0, x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    visibleBands().forEach(function (b) {
      x0 = Math.min(x0, b.x0); x1 = Math.max(x1, b.x1); y0 = Math.min(y0, b.y0[st]); y1 = Math.max(y1, b.y1[st] + 22);
    });
    DATA.tiers.forEach(function (t) { x0 = Math.min(x0, t.x0); x1 = Math.max(x1, t.x1); });
    if (!isFinite(x0)) { network.fit(); return; }
    y0 = Math.min(y0, headingY());
    var covered = panel.hidden ? 0 : panel.offsetWidth;
    var w = (container.clientWidth || 800) - covered, h = container.clientHeight || 600, pad = 14;
    var scale = Math.min((w - 2 * pad) / (x1 - x0), (h - 2 * pad) / (y1 - y0), 1.4);
    scale = Math.max(scale, DATA.min_scale || 0);
    var cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    if ((x1 - x0) * scale > w - 2 * pad) { cx = x0 - pad / scale + w / 2 / scale; }
    if ((y1 - y0) * scale > h - 2 * pad) { cy = y0 - pad / scale + h / 2 / scale; }
    network.moveTo({position: {x: cx + covered / 2 / scale, y: cy}, scale: scale,
                    animation: animate ? {duration: 400, easingFunction: "easeInOutQuad"} : false});
  }

  // ---------------------------------------------------------------------------------------------- search
  var INDEX = null, FIRM_KEYS = null;  // built on the first search: the page opens without walking every firm
  function nodeFor(segment, own, group) { return META[own] ? own : (META[group] ? group : segment); }
  function add(kind, name, keys, sub, target) {
    var key = keys.filter(Boolean).join("\\u0001").toLowerCase();
    INDEX.push({kind: kind, name: name, sub: sub, key: key, target: target});
  }
  function strongest(segs) {
    // the segment where a firm matters most: best status, then the chain's own segments, then most firms
    return segs.slice().sort(function (a, b) {
      var sa = SEG[a], sb = SEG[b];
      return (STATUS_ORDER[sa.status] - STATUS_ORDER[sb.status]) || ((sa.external ? 1 : 0) - (sb.external ? 1 : 0))
        || (sb.firms.length - sa.firms.length);
    })[0];
  }
  function where(segs) {
    var names = segs.map(function (x) { return SEG[x].name; });
    return names.length > 2 ? fmt(UI.n_segments, {first: names[0], n: names.length}) : names.join(UI.sep);
  }
  function firmTarget(i) {  // a firm's search row points at its strongest segment (worked out when shown)
    var id = FROWS[i][FC.id], seg = strongest(firmSegs(i));
    return {sub: where(firmSegs(i)),
            target: {segment: seg, node: nodeFor(seg, "firm:" + seg + ":" + id, "firms:" + seg), firm: id}};
  }
  function buildIndex() {
    INDEX = [];
    Object.keys(SEG).forEach(function (id) {
      var s = SEG[id];
      add("segment", s.name, [s.name, s.name_zh, s.name_en, id].concat(s.aliases), s.chain_name,
          {segment: id, node: id});
    });
    // one row per firm, project or target firm, however many segments it is in; a firm's row is only its key
    // here (a county has a hundred thousand), its result is made when it is among those shown
    FIRM_KEYS = FROWS.map(function (r) { return (r[FC.name] + "\\u0001" + r[FC.id]).toLowerCase(); });
    Object.keys(PROJECTS).forEach(function (id) {
      var p = PROJECTS[id], seg = strongest(p.segments);
      add("project", p.name, [p.name, id].concat(p.firms), where(p.segments),
          {segment: seg, node: nodeFor(seg, "project:" + seg + ":" + id, "projects:" + seg), project: id});
    });
    var TARGET_SEGS = {}, TARGET_NAME = {}, TARGET_BEST = {};
    Object.keys(SEG).forEach(function (id) {
      SEG[id].targets.forEach(function (t) {
        if (firmRow(t.id) >= 0) { return; }
        if (!TARGET_SEGS[t.id]) {
          TARGET_SEGS[t.id] = []; TARGET_NAME[t.id] = t.name; TARGET_BEST[t.id] = [id, t.score];
        }
        TARGET_SEGS[t.id].push(id);
        if (t.score > TARGET_BEST[t.id][1]) { TARGET_BEST[t.id] = [id, t.score]; }
      });
    });
    Object.keys(TARGET_SEGS).forEach(function (id) {
      var seg = TARGET_BEST[id][0];
      add("target", TARGET_NAME[id], [TARGET_NAME[id], id], where(TARGET_SEGS[id]),
          {segment: seg, node: seg, target: id});
    });
  }
  var KIND_ORDER = {segment: 0, firm: 1, project: 2, target: 3};
  var lastTotal = 0;
  function search(text) {
    var q = String(text || "").trim().toLowerCase();
    if (!q) { return []; }
    var found = [];
    lastTotal = 0;
    if (INDEX === null) { buildIndex(); }
    var i, at;
    for (i = 0; i < INDEX.length; i++) {
      var item = INDEX[i];
      at = item.key.indexOf(q);
      if (at < 0) { continue; }
      var exact = item.name.toLowerCase() === q ? 0 : (at === 0 ? 1 : 2);
      found.push({rank: exact, order: KIND_ORDER[item.kind], i: i, item: item});
    }
    for (i = 0; i < FIRM_KEYS.length; i++) {
      at = FIRM_KEYS[i].indexOf(q);
      if (at < 0) { continue; }
      var name = FROWS[i][FC.name];
      found.push({rank: name.toLowerCase() === q ? 0 : (at === 0 ? 1 : 2), order: KIND_ORDER.firm, i: i, row: i});
    }
    found.sort(function (a, b) { return a.rank - b.rank || a.order - b.order || a.i - b.i; });
    lastTotal = found.length;
    return found.slice(0, 30).map(function (f) {
      if (f.item === undefined) {
        var t = firmTarget(f.row);
        f.item = {kind: "firm", name: FROWS[f.row][FC.name], sub: t.sub, target: t.target};
      }
      return {kind: f.item.kind, name: f.item.name, sub: f.item.sub, segment: f.item.target.segment,
              node: f.item.target.node, firm: f.item.target.firm, project: f.item.target.project,
              target: f.item.target.target};
    });
  }
  function choose(r) {
    if (!r) { return false; }
    var meta = META[r.node];
    if (meta && meta.kind !== "segment" && !showFirms) { setShowFirms(true); }
    network.selectNodes([r.node]);
    openSegment(r.segment, {firm: r.firm, project: r.project, target: r.target, noFit: true});
    network.focus(r.node, {scale: Math.max(network.getScale(), 1.0), locked: false,
                           offset: {x: panel.hidden ? 0 : -panel.offsetWidth / 2, y: 0},
                           animation: {duration: 450, easingFunction: "easeInOutQuad"}});
    return true;
  }
  var box = document.getElementById("search"), results = document.getElementById("results");
  box.placeholder = UI.search;
  var shown = [], active = 0, timer = null;
  function renderResults() {
    clear(results);
    shown = search(box.value);
    active = 0;
    if (!box.value.trim()) { results.hidden = true; return; }
    results.hidden = false;
    if (!shown.length) { results.appendChild(el("div", "empty", UI.no_results)); return; }
    results.appendChild(el("div", "count", fmt(lastTotal > shown.length ? UI.results_more : UI.results,
                                             {n: lastTotal, shown: shown.length})));
    shown.forEach(function (r, i) {
      var row = el("div", "r" + (i === 0 ? " active" : ""));
      row.setAttribute("role", "option");
      row.appendChild(el("span", "kind " + r.kind, UI["kind_" + r.kind]));
      var nm = el("span", "name", r.name);
      nm.title = r.name;
      row.appendChild(nm);
      row.appendChild(el("span", "sub", r.sub));
      row.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(i); });
      results.appendChild(row);
    });
  }
  function pick(i) {
    var r = shown[i];
    results.hidden = true;
    if (r) { box.value = r.name; choose(r); }
  }
  box.addEventListener("input", function () {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(renderResults, 80);
  });
  box.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      if (timer) { clearTimeout(timer); timer = null; renderResults(); }
      pick(active);
      ev.preventDefault();
    } else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!shown.length) { return; }
      active = (active + (ev.key === "ArrowDown" ? 1 : shown.length - 1)) % shown.length;
      Array.prototype.forEach.call(results.querySelectorAll(".r"), function (c, i) {
        c.classList.toggle("active", i === active);
      });
      ev.preventDefault();
    } else if (ev.key === "Escape") {
      results.hidden = true;
    }
  });
  box.addEventListener("blur", function () { results.hidden = true; });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && document.activeElement !== box) { box.focus(); ev.preventDefault(); }
  });

  // ---------------------------------------------------------------------------------------------- list tabs
  // The government platforms' list views as tabs of the same page: missing / weak / strong segment lists, the
  // local firms and the targets list, each sortable (click a heading) and filterable (any column).
  var tab = "map";
  var lists = document.getElementById("lists"), listBody = document.getElementById("list-body");
  var listFilter = document.getElementById("list-filter"), listCount = document.getElementById("list-count");
  listFilter.placeholder = UI.filter;
  var own = Object.keys(SEG).filter(function (id) { return !SEG[id].external; });
  function segRow(id) {
    var s = SEG[id];
    return {segment: id, cells: [s.name, s.chain_name, s.tier, s.status_label, s.action ? rankText(s) : "",
                                 s.rank || null, s.priority, s.firms.length, s.headline || "",
                                 s.claims.map(function (c) { return (c.sources || []).join(UI.sep); })
                                   .join(UI.sep_reasons)]};
  }
  var SEG_COLS = [UI.col_segment, UI.col_chain, UI.col_tier, UI.status, UI.action, UI.rank, UI.priority,
                  UI.col_local, UI.reasons, UI.col_sources];
  var SEG_NUM = [5, 6, 7];
  function segTab(statuses) {
    return function () {
      return {cols: SEG_COLS, num: SEG_NUM, sort: [5, 1],
              rows: own.filter(function (id) { return statuses.indexOf(SEG[id].status) >= 0; }).map(segRow)};
    };
  }
  var TABS = [
    {id: "map", label: UI.tab_map},
    {id: "missing", label: UI.tab_missing, build: segTab(["missing", "unknown"])},
    {id: "weak", label: UI.tab_weak, build: segTab(["weak", "pipeline", "claimed"])},
    {id: "strong", label: UI.tab_strong, build: segTab(["strong"])},
    {id: "firms", label: UI.tab_firms, build: function () {
      var rows = sortedFirms(FROWS.map(function (r, i) { return i; }));
      return {cols: [UI.col_firm, UI.col_leader, UI.f500, UI.col_size, UI.col_where, UI.col_segments,
                     UI.col_products, UI.col_address, UI.firm_sources], num: [],
              sort: null, rows: rows.map(function (i) {
                var f = decodeFirm(i);  // not kept: the list holds its own cells
                return {row: i, firm: f.id,  // the segment a row leads to is worked out when it is clicked
                        cells: [f.name, f.leader ? "★" : "", f.f500 || "", f.size, f.where,
                                f.segments.map(function (x) { return SEG[x].name; }).join(UI.sep),
                                f.products.join(UI.sep_reasons), f.address || "",
                                f.sources.map(function (x) { return x.title || x.id; }).join(UI.sep)]};
              })};
    }},
    {id: "targets", label: UI.tab_targets, build: function () {
      var rows = [];
      own.forEach(function (id) {
        var s = SEG[id];
        s.targets.forEach(function (t, i) {
          rows.push({segment: id, target: t.id, cells: [t.name, [t.country, t.hq].filter(Boolean).join(" · "), s.name,
                                                        s.chain_name, i + 1, t.score,
                                                        t.reasons.join(UI.sep_reasons)]});
        });
      });
      return {cols: [UI.col_firm, UI.col_where, UI.col_segment, UI.col_chain, UI.rank, UI.col_score, UI.reasons],
              num: [4, 5], sort: [5, -1], rows: rows};
    }}
  ];
  var tabBar = document.getElementById("tablist"), current = null;
  TABS.forEach(function (t) {
    var b = el("button", "", t.label);
    b.type = "button";
    b.setAttribute("role", "tab");
    b.setAttribute("data-tab", t.id);
    b.setAttribute("aria-selected", t.id === "map" ? "true" : "false");
    b.addEventListener("click", function () { showTab(t.id); });
    tabBar.appendChild(b);
  });
  function showTab(id) {
    tab = id;
    var tip = document.querySelector("div.vis-tooltip");  // a tooltip left from the map would cover the list
    if (tip) { tip.style.visibility = "hidden"; }
    Array.prototype.forEach.call(tabBar.children, function (b) {
      b.setAttribute("aria-selected", b.getAttribute("data-tab") === id ? "true" : "false");
    });
    lists.hidden = id === "map";
    if (id === "map") { panel.hidden = currentSegment === null; fitAll(false); return; }
    panel.hidden = true;
    var spec = TABS.filter(function (t) { return t.id === id; })[0];
    current = spec.build();
    current.sortBy = current.sort;
    listFilter.value = "";
    current.limit = LIST_ROWS;
    renderList();
  }
  function cellText(v) {
    if (v === null || v === undefined) { return ""; }
    return typeof v === "number" && v % 1 !== 0 ? v.toFixed(3) : String(v);
  }
  function rowKey(r) {  // every cell's text, lower case, for the filter (made once per row)
    if (r.key === undefined) { r.key = r.cells.map(cellText).join("\\u0001").toLowerCase(); }
    return r.key;
  }
  function renderList() {
    var q = listFilter.value.trim().toLowerCase();
    var rows = q ? current.rows.filter(function (r) { return rowKey(r).indexOf(q) >= 0; }) : current.rows;
    if (current.sortBy) {
      var k = current.sortBy[0], dir = current.sortBy[1];
      rows = rows.map(function (r, i) { return {r: r, i: i}; }).sort(function (a, b) {
        var x = a.r.cells[k], y = b.r.cells[k];
        var empty = (x === null || x === "" ? 1 : 0) - (y === null || y === "" ? 1 : 0);
        if (empty) { return empty; }  // blanks last, whichever the direction
        var c = typeof x === "number" && typeof y === "number" ? x - y : COLLATE(cellText(x), cellText(y));
        return dir * c || a.i - b.i;
      }).map(function (x) { return x.r; });
    }
    listCount.textContent = fmt(UI.rows, {n: rows.length, total: current.rows.length});
    clear(listBody);
    var table = el("table"), head = el("tr");
    current.cols.forEach(function (label, k) {
      var th = el("th", current.num.indexOf(k) >= 0 ? "num" : (label === UI.reasons ? "wide" : ""), label);
      th.title = label;
      if (current.sortBy && current.sortBy[0] === k) {
        th.setAttribute("aria-sort", current.sortBy[1] > 0 ? "ascending" : "descending");
      }
      th.addEventListener("click", function () {
        var dir = current.sortBy && current.sortBy[0] === k ? -current.sortBy[1]
          : (current.num.indexOf(k) >= 0 ? -1 : 1);
        current.sortBy = [k, dir];
        renderList();
      });
      head.appendChild(th);
    });
    var thead = el("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    var tbody = el("tbody");
    // a long list (a county's hundred thousand firms) is drawn a few hundred rows at a time; sorting and the
    // filter still see every row, and the buttons under the table draw more or all of them
    rows.slice(0, current.limit).forEach(function (r) {
      var tr = el("tr", "seg");
      r.cells.forEach(function (c, k) {
        var td = el("td", current.num.indexOf(k) >= 0 ? "num" : (k === 0 ? "nm" : ""));
        var span = el("span", "", cellText(c));
        if (k === 0) { span.title = cellText(c); }
        td.appendChild(span);
        tr.appendChild(td);
      });
      tr.addEventListener("click", function () {
        showTab("map");
        openSegment(r.segment !== undefined ? r.segment : strongest(firmSegs(r.row)), {firm: r.firm, target: r.target});
      });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    listBody.appendChild(table);
    if (rows.length > current.limit) {
      var more = el("div", "list-more");
      var next = el("button", "more", fmt(UI.list_more, {n: Math.min(LIST_ROWS, rows.length - current.limit)}));
      var every = el("button", "more all", fmt(UI.list_all, {total: rows.length}));
      next.type = "button"; every.type = "button";
      next.addEventListener("click", function () { current.limit += LIST_ROWS; renderList(); });
      every.addEventListener("click", function () { current.limit = Infinity; renderList(); });
      more.appendChild(el("span", "", fmt(UI.list_shown, {n: current.limit, total: rows.length})));
      more.appendChild(next);
      more.appendChild(every);
      listBody.appendChild(more);
    }
  }
  var filterTimer = null;
  listFilter.addEventListener("input", function () {  // on a long list, once the typing pauses
    if (filterTimer) { clearTimeout(filterTimer); filterTimer = null; }
    var run = function () { filterTimer = null; current.limit = LIST_ROWS; renderList(); };
    if (current.rows.length > 5000) { filterTimer = setTimeout(run, 80); } else { run(); }
  });

  showPriorities();
  // ---------------------------------------------------------------------------------------------- year slider
  // the statuses of each year were computed when the map was built (DATA.timeline): the slider only recolours
  var timeline = DATA.timeline;
  function showYear(i) {
    var step = timeline.steps[i];
    document.getElementById("year-value").textContent = step.label;
    nodes.update(DATA.nodes.filter(function (n) { return n.kind === "segment" && !n.external; }).map(function (n) {
      var st = step.statuses[n.segment] || SEG[n.segment].status, c = statusColour(st);
      var border = n.segment === DATA.focus ? n.color.border : c.border;
      return {id: n.id, font: {color: c.font, size: n.font.size},
              color: {background: c.background, border: border,
                      highlight: {background: c.background, border: "#111827"},
                      hover: {background: c.background, border: "#111827"}},
              shapeProperties: {borderRadius: 8, borderDashes: st === "missing" ? [7, 5] :
                                (st === "unknown" || st === "claimed") ? [2, 4] : false}};
    }));
    var asof = document.querySelector("#subtitle .asof");
    asof.textContent = i === timeline.current ? UI.as_of + " " + DATA.as_of
      : fmt(timeline.ui.as_of_then, {date: step.as_of});
    var stats = document.querySelectorAll("#subtitle .chainstat");
    DATA.chains.forEach(function (c, k) {
      var now = step.chains[c.id];
      if (!now || !stats[k]) { return; }
      var values = {completeness: now.completeness, with_pipeline: now.with_pipeline};
      Object.keys(now.counts).forEach(function (key) { values[key] = now.counts[key]; });
      clear(stats[k]);
      stats[k].appendChild(el("b", "", c.name));
      stats[k].appendChild(document.createTextNode(" " + fmt(UI.chain_stat, values)));
    });
    document.body.setAttribute("data-year", step.as_of);
  }
  if (timeline && timeline.steps.length > 1) {
    var slider = document.getElementById("year-slider");
    document.getElementById("year-label").textContent = timeline.ui.slider;
    slider.min = "0";
    slider.max = String(timeline.steps.length - 1);
    slider.step = "1";
    slider.value = String(timeline.current);
    document.getElementById("year-value").textContent = timeline.steps[timeline.current].label;
    document.getElementById("year-box").hidden = false;
    slider.addEventListener("input", function () { showYear(Number(slider.value)); });
  }
  if (DATA.focus) { network.selectNodes([DATA.focus]); openSegment(DATA.focus); }
  fitAll(false);
  // vis rescales the view when it first sizes its canvas: fit again once that has happened
  var refitTimer = null;
  network.on("resize", function () {
    if (refitTimer) { clearTimeout(refitTimer); }
    refitTimer = setTimeout(function () { refitTimer = null; fitAll(false); }, 0);
  });
  window.chainMap = {
    network: network, nodes: nodes, edges: edges, data: DATA, openSegment: openSegment, closePanel: closePanel,
    search: search, choose: choose, setShowFirms: setShowFirms, setShowContext: setShowContext, showTab: showTab,
    fitAll: fitAll, badgeRects: function () { return badgeRects; }, showYear: showYear,
    currentSegment: function () { return currentSegment; }, firm: firmById
  };
})();
"""
