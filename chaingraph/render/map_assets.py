"""The page template, stylesheet and script of the HTML chain map (see :mod:`chaingraph.render.html_map`).

Kept as Python strings so that they ship inside the package (a plain ``pip install .`` works) and so that the
page is assembled without a template engine: ``PAGE`` has ``@@NAME@@`` slots that
:func:`~chaingraph.render.html_map.render_page` fills in one pass, never re-reading what it inserted.

Rules the script follows (and tests check): every piece of dataset text reaches the page through
``textContent``, ``createElement`` or canvas ``fillText``; nothing is ever assigned to ``innerHTML``; tooltips are
DOM elements, not strings (vis-network treats string titles as HTML in some versions). The page makes no network
request: no CDN, no web font, no image URL.

Test hook: ``window.chainMap`` exposes ``network``, ``nodes`` and ``edges`` (vis DataSets; segment nodes have
``kind: "segment"``), ``data`` (the embedded JSON), ``openSegment(id)`` (what a click on a segment does),
``search(text)`` (the result list the search box shows), ``choose(result)`` (what picking a result does) and
``setShowFirms(bool)`` (the checkbox).
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
  <div class="tools">
    <div class="search"><input id="search" type="search" autocomplete="off" spellcheck="false">
      <div id="results" role="listbox" hidden></div></div>
    <label class="toggle"><input type="checkbox" id="toggle-firms"><span id="toggle-label"></span></label>
    <button type="button" id="fit"></button>
  </div>
</header>
<main>
  <div id="map"></div>
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
#top { display: flex; align-items: center; justify-content: space-between; gap: 24px; padding: 10px 22px;
  background: var(--bar); color: #ffffff; flex: 0 0 auto; min-height: 70px; }
#top .titles { flex: 1 1 auto; min-width: 0; }
#top h1 { margin: 0; font-size: 24px; font-weight: 700; letter-spacing: 0.5px; }
#subtitle { margin-top: 4px; font-size: 14px; color: #c9d7e6; display: flex; flex-wrap: wrap; gap: 6px 14px; }
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
#search { width: 260px; font: 15px var(--font); padding: 8px 12px; border-radius: 6px; border: 1px solid #4d6a88;
  background: #ffffff; color: var(--ink); }
#results { position: absolute; right: 0; top: 42px; width: 380px; max-height: 60vh; overflow: auto; z-index: 20;
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
#fit { font: 14px var(--font); padding: 7px 14px; border-radius: 6px; border: 1px solid #7d9ab8; background: #1f4670;
  color: #ffffff; cursor: pointer; }
main { position: relative; flex: 1 1 auto; min-height: 0; }
#map { position: absolute; inset: 0; background: #ffffff; }
#legend { flex: 0 0 auto; display: flex; flex-wrap: wrap; align-items: center; gap: 4px 22px; padding: 7px 22px;
  font-size: 14px; border-top: 1px solid var(--line); background: #f8fafc; }
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
""".replace("@FONT@", FONT_STACK)

APP_JS = """
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("chain-map-data").textContent);
  var UI = DATA.ui, SEG = DATA.segments, FIRMS = DATA.firms, PROJECTS = DATA.projects;
  var COLOURS = DATA.colours;
  var FONT = getComputedStyle(document.documentElement).getPropertyValue("--font").trim() || "sans-serif";
  var PAGE_SIZE = 20;
  var showFirms = !!DATA.show_firms;
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
      var act = el("span", "act", p.action_label + (p.rank ? " #" + p.rank : ""));
      act.style.background = COLOURS.actions[p.action];
      b.appendChild(act);
      b.appendChild(document.createTextNode(p.name));
      if (p.targets.length) { b.appendChild(el("span", "who", "→ " + p.targets.join("、"))); }
      b.addEventListener("click", function () { choose({segment: p.segment, node: p.segment}); });
      box.appendChild(b);
    });
  }

  // ---------------------------------------------------------------------------------------------- tooltips
  function segmentTip(s) {
    var box = el("div", "tip");
    box.appendChild(el("div", "tip-title", s.name));
    var subParts = [s.chain_name, s.tier];
    if (DATA.lang === "zh" && s.name_en) { subParts.push(s.name_en); }
    box.appendChild(el("div", "tip-sub", subParts.join(" · ")));
    var status = UI.status + "：" + s.status_label;
    if (s.action_label) { status += " · " + UI.action + "：" + s.action_label; }
    if (s.rank) { status += " · " + UI.rank + " #" + s.rank; }
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
    var f = FIRMS[id], box = el("div", "tip");
    box.appendChild(el("div", "tip-title", f.name));
    var parts = [f.country, f.where, f.size].filter(Boolean);
    if (f.leader) { parts.push(UI.leader); }
    if (f.f500) { parts.push(UI.f500 + "（" + f.f500 + "）"); }
    box.appendChild(el("div", "tip-sub", parts.join(" · ")));
    return box;
  }
  function projectTip(id) {
    var p = PROJECTS[id], box = el("div", "tip");
    box.appendChild(el("div", "tip-title", p.name));
    box.appendChild(el("div", "tip-sub", [p.status, p.date, p.where, p.investment].filter(Boolean).join(" · ")));
    if (p.firms.length) { box.appendChild(el("div", "", p.firms.join("、"))); }
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

  // ---------------------------------------------------------------------------------------------- network
  var nodes = new vis.DataSet(DATA.nodes.map(function (n) {
    return {
      id: n.id, kind: n.kind, segment: n.segment, label: n.label, x: n.x,
      y: n.kind === "segment" ? (showFirms ? n.y1 : n.y0) : n.y1, shape: n.shape, color: n.color, font: n.font,
      borderWidth: n.borderWidth, borderWidthSelected: n.borderWidthSelected, widthConstraint: n.widthConstraint,
      heightConstraint: n.heightConstraint, margin: n.margin, shapeProperties: n.shapeProperties,
      fixed: {x: true, y: true}, physics: false, hidden: n.kind !== "segment" && !showFirms, title: nodeTip(n)
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
    item.hidden = e.kind === "hang" && !showFirms;
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

  function roundRect(ctx, x, y, w, h, r) {
    ctx.beginPath();
    ctx.moveTo(x + r, y);
    ctx.arcTo(x + w, y, x + w, y + h, r);
    ctx.arcTo(x + w, y + h, x, y + h, r);
    ctx.arcTo(x, y + h, x, y, r);
    ctx.arcTo(x, y, x + w, y, r);
    ctx.closePath();
  }
  network.on("beforeDrawing", function (ctx) {
    var st = showFirms ? 1 : 0;
    DATA.bands.forEach(function (b) {
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
  network.on("afterDrawing", function (ctx) {
    ctx.save();
    ctx.font = "bold 13px " + FONT;
    ctx.textBaseline = "middle";
    badged.forEach(function (n) {
      var box = network.getBoundingBox(n.id);
      if (!box) { return; }
      var w = ctx.measureText(n.badge).width + 14, h = 20;
      var x = box.right - w + 8, y = box.top - h / 2 - 1;
      roundRect(ctx, x, y, w, h, 10);
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
    var row = el("div", "row"), badge = el("span", "badge", DATA.lang === "zh" ? "补链 #1" : "Fill #1");
    badge.style.background = COLOURS.actions["补链"];
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
    var at = highlight ? items.indexOf(highlight) : -1;
    var page = at >= 0 ? Math.floor(at / PAGE_SIZE) : 0;
    var prev = el("button", "prev", UI.prev), next = el("button", "next", UI.next), info = el("span", "page-info");
    prev.type = "button"; next.type = "button";
    function show() {
      clear(list);
      list.start = page * PAGE_SIZE + 1;
      items.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).forEach(function (item) {
        var li = render(item);
        if (highlight && item === highlight) { li.classList.add("hit"); }
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
    panelBody.appendChild(el("h3", "", count === undefined ? title : title + "（" + count + "）"));
  }
  function firmItem(id) {
    var f = FIRMS[id], li = el("li", "firm");
    li.setAttribute("data-firm", id);
    li.appendChild(el("span", "name", (f.leader ? "★ " : "") + f.name));
    var parts = [f.country, f.where, f.size].filter(Boolean);
    if (f.f500) { parts.push(UI.f500); }
    if (parts.length) { li.appendChild(el("div", "meta", parts.join(" · "))); }
    return li;
  }
  function projectItem(id) {
    var p = PROJECTS[id], li = el("li", "project");
    li.setAttribute("data-project", id);
    li.appendChild(el("span", "name", p.name));
    var meta = [p.status, p.date, p.where, p.investment, p.firms.join("、")].filter(Boolean);
    li.appendChild(el("div", "meta", meta.join(" · ")));
    return li;
  }
  function targetItem(t) {
    var li = el("li", "target");
    li.setAttribute("data-target", t.id);
    li.appendChild(el("span", "score", t.score.toFixed(2)));
    li.appendChild(el("span", "name", t.name));
    var where = [t.country, t.hq].filter(Boolean).join(" · ");
    if (where) { li.appendChild(el("div", "meta", where)); }
    li.appendChild(el("div", "why", t.reasons.join("；")));
    return li;
  }
  function openSegment(id, opts) {
    var s = SEG[id];
    if (!s) { return false; }
    opts = opts || {};
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
      chips.appendChild(chip(s.action_label + (s.rank ? " #" + s.rank : ""), COLOURS.actions[s.action]));
    }
    if (s.priority !== null && s.priority !== undefined) {
      chips.appendChild(el("span", "chip plain", UI.priority + " " + s.priority.toFixed(3)));
    }
    chips.appendChild(el("span", "chip plain", UI.importance + " " + s.importance));
    panelBody.appendChild(chips);
    if (s.external) { panelBody.appendChild(el("div", "note", fmt(UI.external_note, {chain: s.chain_name}))); }
    section(UI.reasons);
    var ul = el("ul", "reasons");
    s.reasons.forEach(function (r) { ul.appendChild(el("li", "", r)); });
    panelBody.appendChild(ul);
    section(UI.local_firms, s.firms.length);
    if (s.firms.length) { panelBody.appendChild(pagedList(s.firms, firmItem, opts.firm)); }
    else { panelBody.appendChild(el("div", "none", UI.none)); }
    section(UI.projects, s.projects.length);
    if (s.projects.length) { panelBody.appendChild(pagedList(s.projects, projectItem, opts.project)); }
    else { panelBody.appendChild(el("div", "none", UI.none)); }
    if (!s.external) {
      section(fmt(UI.targets, {n: s.targets.length, total: s.targets_total}));
      if (s.targets.length) {
        var tl = el("ol", "items targets");
        s.targets.forEach(function (t) {
          var li = targetItem(t);
          if (opts.target && opts.target === t.id) { li.classList.add("hit"); }
          tl.appendChild(li);
        });
        panelBody.appendChild(tl);
      } else { panelBody.appendChild(el("div", "none", UI.no_targets)); }
    }
    var hit = panelBody.querySelector("li.hit");
    if (hit && hit.scrollIntoView) { hit.scrollIntoView({block: "center"}); } else { panel.scrollTop = 0; }
    return true;
  }
  function closePanel() { panel.hidden = true; currentSegment = null; panel.removeAttribute("data-segment"); }
  document.getElementById("panel-close").addEventListener("click", closePanel);
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
    nodes.update(DATA.nodes.map(function (n) {
      return n.kind === "segment" ? {id: n.id, y: showFirms ? n.y1 : n.y0} : {id: n.id, hidden: !showFirms};
    }));
    edges.update(DATA.edges.filter(function (e) { return e.kind === "hang"; }).map(function (e) {
      return {id: e.id, hidden: !showFirms};
    }));
    network.redraw();
    if (refit) { fitAll(true); }
  }
  toggle.addEventListener("change", function () { setShowFirms(toggle.checked, true); });
  var fitButton = document.getElementById("fit");
  fitButton.textContent = UI.fit;
  fitButton.addEventListener("click", function () { fitAll(true); });
  function fitAll(animate) {
    var st = showFirms ? 1 : 0, x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    DATA.bands.forEach(function (b) {
      x0 = Math.min(x0, b.x0); x1 = Math.max(x1, b.x1); y0 = Math.min(y0, b.y0[st]); y1 = Math.max(y1, b.y1[st] + 22);
    });
    if (!isFinite(x0)) { network.fit(); return; }
    var covered = panel.hidden ? 0 : panel.offsetWidth;
    var w = (container.clientWidth || 800) - covered, h = container.clientHeight || 600, pad = 18;
    var scale = Math.min((w - 2 * pad) / (x1 - x0), (h - 2 * pad) / (y1 - y0), 1.4);
    network.moveTo({position: {x: (x0 + x1) / 2 + covered / 2 / scale, y: (y0 + y1) / 2}, scale: scale,
                    animation: animate ? {duration: 400, easingFunction: "easeInOutQuad"} : false});
  }

  // ---------------------------------------------------------------------------------------------- search
  var INDEX = [];
  function nodeFor(segment, own, group) { return META[own] ? own : (META[group] ? group : segment); }
  function add(kind, name, keys, sub, target) {
    var key = keys.filter(Boolean).join("\\u0001").toLowerCase();
    INDEX.push({kind: kind, name: name, sub: sub, key: key, target: target});
  }
  Object.keys(SEG).forEach(function (id) {
    var s = SEG[id];
    add("segment", s.name, [s.name, s.name_zh, s.name_en, id].concat(s.aliases), s.chain_name, {segment: id, node: id});
  });
  Object.keys(FIRMS).forEach(function (id) {
    var f = FIRMS[id];
    f.segments.forEach(function (seg) {
      var node = nodeFor(seg, "firm:" + seg + ":" + id, "firms:" + seg);
      add("firm", f.name, [f.name, id], SEG[seg].name, {segment: seg, node: node, firm: id});
    });
  });
  Object.keys(PROJECTS).forEach(function (id) {
    var p = PROJECTS[id];
    p.segments.forEach(function (seg) {
      var node = nodeFor(seg, "project:" + seg + ":" + id, "projects:" + seg);
      add("project", p.name, [p.name, id].concat(p.firms), SEG[seg].name, {segment: seg, node: node, project: id});
    });
  });
  Object.keys(SEG).forEach(function (id) {
    SEG[id].targets.forEach(function (t) {
      add("target", t.name, [t.name, t.id], SEG[id].name, {segment: id, node: id, target: t.id});
    });
  });
  var KIND_ORDER = {segment: 0, firm: 1, project: 2, target: 3};
  function search(text) {
    var q = String(text || "").trim().toLowerCase();
    if (!q) { return []; }
    var found = [];
    for (var i = 0; i < INDEX.length; i++) {
      var item = INDEX[i], at = item.key.indexOf(q);
      if (at < 0) { continue; }
      var exact = item.name.toLowerCase() === q ? 0 : (at === 0 ? 1 : 2);
      found.push({rank: exact, order: KIND_ORDER[item.kind], i: i, item: item});
    }
    found.sort(function (a, b) { return a.rank - b.rank || a.order - b.order || a.i - b.i; });
    return found.slice(0, 30).map(function (f) {
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
    openSegment(r.segment, {firm: r.firm, project: r.project, target: r.target});
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
    shown.forEach(function (r, i) {
      var row = el("div", "r" + (i === 0 ? " active" : ""));
      row.setAttribute("role", "option");
      row.appendChild(el("span", "kind " + r.kind, UI["kind_" + r.kind]));
      row.appendChild(el("span", "name", r.name));
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
      Array.prototype.forEach.call(results.children, function (c, i) { c.classList.toggle("active", i === active); });
      ev.preventDefault();
    } else if (ev.key === "Escape") {
      results.hidden = true;
    }
  });
  box.addEventListener("blur", function () { results.hidden = true; });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && document.activeElement !== box) { box.focus(); ev.preventDefault(); }
  });

  showPriorities();
  if (DATA.focus) { network.selectNodes([DATA.focus]); openSegment(DATA.focus); }
  fitAll(false);
  window.chainMap = {
    network: network, nodes: nodes, edges: edges, data: DATA, openSegment: openSegment, closePanel: closePanel,
    search: search, choose: choose, setShowFirms: setShowFirms,
    currentSegment: function () { return currentSegment; }
  };
})();
"""
