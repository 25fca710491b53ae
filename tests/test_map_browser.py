"""HTML chain maps in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright).

Each map is opened from a file:// URL with every other request aborted and recorded. The tests assert that no
request left the page, that the console stayed free of errors, that the expected segment nodes were drawn, that
clicking a segment (at its position on the canvas) opens its panel with the right firms, that the search box
focuses a firm, and that hostile names render as text and run nothing.

A screenshot of each map is saved under artifacts/ (git-ignored) for a human to look at.

Without /usr/bin/chromium or the playwright package these tests skip, naming what is missing; with CI=true they
fail instead, so that CI can never pass without having run them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from test_map import XSS_HREF, XSS_IMG, XSS_SCRIPT, XSS_SEGMENT, XSS_SVG, XSS_TITLE, write_hostile_dataset

import chaingraph as cgr
from chaingraph.dataset.fixtures import TINY_FILES, write_tiny_dataset
from chaingraph.outputs.html_map import write_map

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1600, "height": 900}


def _missing() -> list[str]:
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} (apt-get install chromium fonts-noto-cjk)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the playwright package (pip install '.[test]'; no 'playwright install' needed)")
    return missing


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    missing = _missing()
    if missing:
        message = "browser tests need " + " and ".join(missing)
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true: they must run)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Opened:
    page: Any
    requests: list[str] = field(default_factory=list)  # every request but the page itself
    blocked: list[str] = field(default_factory=list)  # requests the route aborted
    problems: list[str] = field(default_factory=list)  # console errors and warnings, page errors
    dialogs: list[str] = field(default_factory=list)

    def segment_nodes(self) -> list[str]:
        return self.page.evaluate("chainMap.nodes.get({filter: (n) => n.kind === 'segment'}).map((n) => n.id)")

    def node_point(self, node_id: str) -> dict[str, float]:
        """Where a node is drawn on the screen (canvas coordinates through network.canvasToDOM)."""
        return self.page.evaluate(
            """(id) => {
                const net = chainMap.network, dom = net.canvasToDOM(net.getPosition(id));
                const box = document.querySelector('#map canvas').getBoundingClientRect();
                return {x: box.left + dom.x, y: box.top + dom.y};
            }""", node_id)

    def click_node(self, node_id: str) -> None:
        point = self.node_point(node_id)
        self.page.mouse.click(point["x"], point["y"])
        self.page.wait_for_timeout(250)

    def hover_node(self, node_id: str) -> str:
        """The text of the tooltip shown when the mouse rests on a node."""
        point = self.node_point(node_id)
        self.page.mouse.move(point["x"] - 30, point["y"] - 30)
        self.page.mouse.move(point["x"], point["y"], steps=4)
        self.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=3000)
        return str(self.page.inner_text("div.vis-tooltip"))

    def panel_items(self, kind: str) -> list[str]:
        return self.page.eval_on_selector_all(f"#panel li.{kind} .name", "(els) => els.map((e) => e.textContent)")

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        self.page.mouse.move(8, VIEWPORT["height"] - 120)  # off the nodes: no tooltip in the picture
        self.page.wait_for_timeout(250)
        self.page.screenshot(path=str(path))
        return path

    def assert_clean(self) -> None:
        assert self.requests == [], f"requests left the page: {self.requests}"
        assert self.blocked == []
        assert self.problems == [], f"console: {self.problems}"
        assert self.dialogs == []
        assert self.page.evaluate("window.__xss") is None
        resources = self.page.evaluate("performance.getEntriesByType('resource').map((e) => e.name)")
        assert [r for r in resources if not r.startswith("data:")] == []


@pytest.fixture
def open_map(browser: Any) -> Iterator[Any]:
    contexts: list[Any] = []

    def opener(path: Path, viewport: dict[str, int] | None = None) -> Opened:
        context = browser.new_context(viewport=viewport or VIEWPORT, device_scale_factor=1, locale="zh-CN",
                                      service_workers="block")
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)
        url = path.resolve().as_uri()

        def route(request_route: Any) -> None:
            if request_route.request.url == url:
                request_route.continue_()
            else:
                opened.blocked.append(request_route.request.url)
                request_route.abort()

        context.route("**/*", route)
        page.on("request", lambda r: None if r.url == url else opened.requests.append(r.url))
        page.on("websocket", lambda ws: opened.requests.append(ws.url))
        page.on("console", lambda m: opened.problems.append(f"{m.type}: {m.text}")
                if m.type in ("error", "warning", "assert") else None)
        page.on("pageerror", lambda e: opened.problems.append(f"pageerror: {e}"))
        page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        page.goto(url)
        page.wait_for_function("window.chainMap !== undefined && chainMap.network.getScale() > 0")
        page.wait_for_timeout(300)
        return opened

    yield opener
    for context in contexts:
        context.close()


# ------------------------------------------------------------------------------------------------ the maps


def test_pinghu_all_chains(pinghu: cgr.ChainGraph, open_map: Any, tmp_path: Path) -> None:
    path = write_map(pinghu, tmp_path / "pinghu.html")
    opened = open_map(path)
    assert sorted(opened.segment_nodes()) == sorted(pinghu.dataset.segments)
    drawn = opened.page.evaluate("Object.keys(chainMap.network.getPositions()).length")
    assert drawn == opened.page.evaluate("chainMap.nodes.length")
    cross = opened.page.evaluate("chainMap.edges.get({filter: (e) => e.kind === 'cross'}).length")
    assert cross > 20
    recycle = opened.page.evaluate("chainMap.edges.get('recycle:auto-catalyst>nm-pgm')")
    assert recycle["dashes"] == [2, 5] and recycle["color"]["color"] == "#2e8b57"
    assert "回收循环（不参与供应链分析）" in opened.page.inner_text("#legend")
    assert opened.page.inner_text("h1") == "平湖市 · 产业链全景图（汽车、数控机床、新材料）"
    assert "数据截至 2024-10-11" in opened.page.inner_text("#subtitle")
    opened.screenshot("map-pinghu-all.png")
    opened.assert_clean()


def test_machine_tool_chain(pinghu: cgr.ChainGraph, open_map: Any, tmp_path: Path) -> None:
    path = write_map(pinghu, tmp_path / "machine-tool.html", chain="machine-tool")
    opened = open_map(path)
    chain_ids = {s.id for s in pinghu.dataset.chain("machine-tool").segments}
    neighbours = {n for s in chain_ids for n in pinghu.upstream(s) + pinghu.downstream(s)} - chain_ids
    assert set(opened.segment_nodes()) == chain_ids | neighbours
    opened.screenshot("map-machine-tool.png")
    opened.click_node("mt-machine")
    assert opened.page.get_attribute("#panel", "data-segment") == "mt-machine"
    assert opened.page.inner_text("#panel h2") == "金属切削机床"
    # 日本电产机床项目 has operated since 2024-10 (events.csv): its firm is local, the other two are pipeline
    assert opened.panel_items("project") == ["德马吉森精机项目", "中津精密项目"]
    assert len(opened.panel_items("target")) == 10
    opened.screenshot("map-machine-tool-panel.png")
    opened.assert_clean()


def test_motor_drill_down_click_and_search(pinghu: cgr.ChainGraph, open_map: Any, tmp_path: Path) -> None:
    path = write_map(pinghu, tmp_path / "motor.html", chain="automotive", segment="驱动电机")
    opened = open_map(path)
    expected = {"auto-drive-motor", *pinghu.upstream("auto-drive-motor", 2), *pinghu.downstream("auto-drive-motor", 2)}
    assert set(opened.segment_nodes()) == expected
    # the drill-down opens on its segment
    assert opened.page.get_attribute("#panel", "data-segment") == "auto-drive-motor"
    assert opened.panel_items("firm") == ["★ 日本电产汽车马达"]
    opened.screenshot("map-motor-drill-down.png")
    # a click on another segment, at its place on the canvas, opens that segment's firms
    opened.page.click("#panel-close")
    opened.click_node("auto-motor-core")
    assert opened.page.get_attribute("#panel", "data-segment") == "auto-motor-core"
    assert opened.panel_items("firm") == ["★ 川电钢板"]
    # the search box finds a firm and focuses its node
    opened.page.fill("#search", "川电")
    opened.page.wait_for_selector("#results .r")
    assert "川电钢板" in opened.page.inner_text("#results")
    opened.page.press("#search", "Enter")
    opened.page.wait_for_timeout(700)
    assert opened.page.evaluate("chainMap.network.getSelectedNodes()") == ["firm:auto-motor-core:kawaden"]
    assert opened.page.inner_text("#panel li.hit .name") == "★ 川电钢板"
    point = opened.node_point("firm:auto-motor-core:kawaden")
    panel_left = opened.page.evaluate("document.getElementById('panel').getBoundingClientRect().left")
    assert 0 < point["x"] < panel_left and 70 < point["y"] < VIEWPORT["height"]  # in view, not under the panel
    opened.screenshot("map-motor-search.png")
    opened.assert_clean()


def test_firm_toggle_hides_and_shows_firms(tiny: cgr.ChainGraph, open_map: Any, tmp_path: Path) -> None:
    opened = open_map(write_map(tiny, tmp_path / "tiny.html", chain="demo-auto", show_firms=False))
    hidden = "chainMap.nodes.get({filter: (n) => n.kind !== 'segment'}).map((n) => n.hidden)"
    assert set(opened.page.evaluate(hidden)) == {True}
    opened.page.check("#toggle-firms")
    opened.page.wait_for_timeout(500)
    assert set(opened.page.evaluate(hidden)) == {False}
    opened.assert_clean()


def test_hostile_names_render_as_text_and_run_nothing(open_map: Any, tmp_path: Path) -> None:
    cg = cgr.build_graph(cgr.load_dataset(write_hostile_dataset(tmp_path / "hostile")))
    opened = open_map(write_map(cg, tmp_path / "hostile.html", chain="demo-auto", title=XSS_TITLE))
    page = opened.page
    assert page.title() == XSS_TITLE and page.inner_text("h1") == XSS_TITLE
    # tooltips: text, not markup
    tip = opened.hover_node("firm:motor:motor-local")
    assert XSS_IMG in tip
    assert page.evaluate("document.querySelector('div.vis-tooltip').querySelectorAll('*:not(div)').length") == 0
    tip = opened.hover_node("core")
    assert XSS_SEGMENT in tip
    # panels: the firm names and the project name, literally
    page.mouse.move(5, 400)
    opened.click_node("motor")
    assert opened.panel_items("firm") == ["★ " + XSS_IMG]
    opened.click_node("steel")
    assert opened.panel_items("firm") == [XSS_SCRIPT]
    opened.click_node("core")
    assert opened.panel_items("project") == [XSS_SVG]
    assert page.inner_text("#panel h2") == XSS_SEGMENT
    # search results, and the targets panel of the other chain's map
    page.fill("#search", "onerror")
    page.wait_for_selector("#results .r")
    assert XSS_IMG in page.inner_text("#results")
    page.press("#search", "Enter")
    page.wait_for_timeout(600)
    assert page.evaluate("chainMap.network.getSelectedNodes()") == ["firm:motor:motor-local"]
    opened.screenshot("map-hostile.png")
    assert page.evaluate("document.querySelectorAll('img, svg, iframe, object, embed, a').length") == 0
    assert page.evaluate("document.scripts.length") == 3  # the data block, vis-network and the map's own
    opened.assert_clean()

    tools = open_map(write_map(cg, tmp_path / "hostile-tools.html", chain="demo-tools"))
    tools.click_node("cnc")
    assert XSS_HREF in tools.panel_items("target")
    assert tools.page.evaluate("document.querySelectorAll('#panel a, #panel img').length") == 0
    tools.screenshot("map-hostile-targets.png")
    tools.assert_clean()


# ------------------------------------------------------------------------------------------------ readability

SCREENS = [{"width": 1920, "height": 1080}, {"width": 1366, "height": 768}]

MEASURE = """() => {
    const net = chainMap.network, scale = net.getScale();
    const canvas = document.querySelector('#map canvas').getBoundingClientRect();
    const panel = document.getElementById('panel');
    const right = panel.hidden ? canvas.right : panel.getBoundingClientRect().left;
    const font = getComputedStyle(document.documentElement).getPropertyValue('--font').trim();
    const ctx = document.createElement('canvas').getContext('2d');
    const toScreen = (b) => {
        const a = net.canvasToDOM({x: b.left, y: b.top}), z = net.canvasToDOM({x: b.right, y: b.bottom});
        return {left: canvas.left + a.x, top: canvas.top + a.y, right: canvas.left + z.x, bottom: canvas.top + z.y};
    };
    const boxes = chainMap.nodes.get({filter: (n) => !n.hidden}).map((n) => {
        // the drawn box itself (getBoundingBox adds a margin around it)
        const shape = net.body.nodes[n.id].shape, at = net.getPosition(n.id);
        const box = toScreen({left: at.x - shape.width / 2, right: at.x + shape.width / 2,
                              top: at.y - shape.height / 2, bottom: at.y + shape.height / 2});
        ctx.font = n.font.size + 'px ' + font;
        const widest = Math.max(...n.label.split('\\n').map((line) => ctx.measureText(line).width));
        const onScreen = box.right > canvas.left && box.left < right && box.bottom > canvas.top
            && box.top < canvas.bottom;
        return {id: n.id, kind: n.kind, px: n.font.size * scale, textWidth: widest * scale,
                inner: (box.right - box.left) - (n.margin.left + n.margin.right) * scale, onScreen: onScreen, ...box};
    });
    const rects = chainMap.badgeRects();
    const badges = Object.keys(rects).map((id) => ({id: id, ...toScreen(rects[id])}));
    return {boxes: boxes, badges: badges, view: {left: canvas.left, top: canvas.top, right: right,
            bottom: canvas.bottom}, scale: scale};
}"""


def _overlap(a: dict[str, float], b: dict[str, float]) -> float:
    """Area of the intersection of two screen rectangles (px²)."""
    w = min(a["right"], b["right"]) - max(a["left"], b["left"])
    h = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return max(0.0, w) * max(0.0, h)


def assert_readable(opened: Opened) -> dict[str, Any]:
    """Segment labels of at least 13 px on screen, whole inside their boxes, no two boxes or badges overlapping,
    each badge standing on its own box, and the map using the width of the screen."""
    m = opened.page.evaluate(MEASURE)
    segments = [b for b in m["boxes"] if b["kind"] == "segment"]
    shown = [b for b in segments if b["onScreen"]]
    assert len(shown) >= min(8, len(segments))
    small = [(b["id"], round(b["px"], 1)) for b in shown if b["px"] < 13]
    assert small == [], f"labels under 13 px on screen: {small}"
    cut = [b["id"] for b in segments if b["textWidth"] > b["inner"] + 1]
    assert cut == [], f"labels wider than their boxes: {cut}"
    boxes = m["boxes"]
    clashes = [(a["id"], b["id"]) for i, a in enumerate(boxes) for b in boxes[i + 1:] if _overlap(a, b) > 1]
    assert clashes == [], f"overlapping boxes: {clashes[:5]}"
    by_id = {b["id"]: b for b in segments}
    for badge in m["badges"]:
        own = by_id[badge["id"]]
        assert abs(badge["bottom"] - own["top"]) < 3 and own["left"] <= badge["left"] < badge["right"] <= own["right"]
        others = [b["id"] for b in boxes if b["id"] != badge["id"] and _overlap(badge, b) > 1]
        assert others == [], f"badge of {badge['id']} covers {others}"
    for i, a in enumerate(m["badges"]):
        assert all(_overlap(a, b) <= 1 for b in m["badges"][i + 1:])
    # the width is used: what is shown spans most of the free width of the view
    span = max(b["right"] for b in shown) - min(b["left"] for b in shown)
    assert span > 0.6 * (m["view"]["right"] - m["view"]["left"])
    return m  # type: ignore[no-any-return]


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s['width']}x{s['height']}")
@pytest.mark.parametrize("chain", ["new-materials", "machine-tool", "automotive", None], ids=lambda c: c or "all")
def test_pinghu_maps_are_readable(pinghu: cgr.ChainGraph, open_map: Any, tmp_path: Path, chain: str | None,
                                  screen: dict[str, int]) -> None:
    opened = open_map(write_map(pinghu, tmp_path / "m.html", chain=chain), viewport=screen)
    assert_readable(opened)
    # 上游 / 中游 / 下游 headings and, without the other chains, still readable
    assert [t["label"] for t in opened.page.evaluate("chainMap.data.tiers")] == ["上游", "中游", "下游"]
    opened.screenshot(f"map-readable-{chain or 'all'}-{screen['width']}.png")
    if chain is not None:
        opened.page.uncheck("#toggle-context")
        opened.page.wait_for_timeout(500)
        hidden = opened.page.evaluate(
            "chainMap.edges.get({filter: (e) => e.kind === 'cross' && !e.hidden}).length")
        assert hidden == 0
        assert all(b["id"] not in {s for s in pinghu.dataset.segments if pinghu.dataset.segments[s].chain != chain}
                   for b in assert_readable(opened)["boxes"])
    else:  # with every chain, ranks say whose they are
        badges = opened.page.evaluate("chainMap.data.nodes.filter((n) => n.badge).map((n) => n.badge)")
        assert badges and all(b.split(" ")[0] in {"汽车", "数控机床", "新材料"} for b in badges)
    opened.assert_clean()


def test_panel_refits_and_escape_closes_it(pinghu: cgr.ChainGraph, open_map: Any, tmp_path: Path) -> None:
    opened = open_map(write_map(pinghu, tmp_path / "nm.html", chain="new-materials"), viewport=SCREENS[1])
    page = opened.page
    opened.click_node("nm-pgm")
    page.wait_for_timeout(600)
    assert page.get_attribute("#panel", "data-segment") == "nm-pgm"
    m = assert_readable(opened)  # measured left of the panel
    panel_left = page.evaluate("document.getElementById('panel').getBoundingClientRect().left")
    first = min(m["boxes"], key=lambda b: b["left"])
    assert first["left"] >= 0 and first["right"] < panel_left  # the chain starts in view, left of the panel
    page.keyboard.press("Escape")
    page.wait_for_timeout(600)
    assert page.evaluate("document.getElementById('panel').hidden")
    # a smaller window: the map fits itself again
    before = page.evaluate("chainMap.network.getScale()")
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.wait_for_timeout(700)
    after = page.evaluate("chainMap.network.getScale()")
    assert after > before
    expected = page.evaluate("chainMap.fitAll(false), chainMap.network.getScale()")
    assert abs(after - expected) < 1e-6
    opened.assert_clean()


def test_list_tabs_sort_filter_and_lead_back_to_the_map(pinghu: cgr.ChainGraph, open_map: Any,
                                                        tmp_path: Path) -> None:
    opened = open_map(write_map(pinghu, tmp_path / "auto.html", chain="automotive"), viewport=SCREENS[1])
    page = opened.page
    report = cgr.gap_report(pinghu, "automotive")
    page.click("#tablist button[data-tab='missing']")
    assert not page.evaluate("document.getElementById('lists').hidden")
    rows = page.eval_on_selector_all("#list-body tbody tr td:first-child", "(els) => els.map((e) => e.textContent)")
    assert sorted(rows) == sorted(g.segment.name for g in report.segments if g.status in ("missing", "unknown"))
    ranks = page.eval_on_selector_all("#list-body tbody tr td:nth-child(6)", "(els) => els.map((e) => e.textContent)")
    numbers = [int(r) for r in ranks if r]
    assert numbers == sorted(numbers)  # by rank, first to last
    page.click("#list-body th:nth-child(8)")  # local firms, most first
    page.fill("#list-filter", "系统")
    filtered = page.eval_on_selector_all("#list-body tbody tr td:first-child", "(els) => els.map((e) => e.textContent)")
    assert filtered and all("系统" in r for r in filtered) and len(filtered) < len(rows)
    assert page.inner_text("#list-count").startswith(f"{len(filtered)} 行")
    page.click("#tablist button[data-tab='targets']")
    targets = page.eval_on_selector_all("#list-body tbody tr", "(els) => els.length")
    assert targets > 10 * 3  # every segment's candidates, not the first ten of one
    page.click("#tablist button[data-tab='firms']")
    firms = page.eval_on_selector_all("#list-body tbody tr td:nth-child(2)", "(els) => els.map((e) => e.textContent)")
    assert firms == sorted(firms, reverse=True)  # leaders (★) first
    page.click("#list-body tbody tr:first-child")
    page.wait_for_timeout(500)
    assert page.evaluate("document.getElementById('lists').hidden")
    assert page.get_attribute("#panel", "data-segment")
    opened.assert_clean()


def test_search_lists_a_firm_once_and_enter_opens_its_strongest_segment(open_map: Any, tmp_path: Path) -> None:
    root = write_tiny_dataset(tmp_path / "two")  # the local motor maker also makes motor cores
    (root / "links.csv").write_text(TINY_FILES["links.csv"] + "motor-local,core,probable,src-demo,铁芯\n",
                                    encoding="utf-8")
    cg = cgr.build_graph(cgr.load_dataset(root))
    opened = open_map(write_map(cg, tmp_path / "two.html", chain="demo-auto"), viewport=SCREENS[1])
    page = opened.page
    firm = page.evaluate("chainMap.firm('motor-local')")
    assert sorted(firm["segments"]) == ["core", "motor"]
    page.fill("#search", firm["name"])
    page.wait_for_selector("#results .r")
    names = page.eval_on_selector_all("#results .r .name", "(els) => els.map((e) => e.textContent)")
    assert names.count(firm["name"]) == 1
    assert page.inner_text("#results .count").startswith(f"{len(names)} 个结果")
    page.press("#search", "Enter")
    page.wait_for_timeout(600)
    order = {"strong": 0, "weak": 1, "pipeline": 2, "claimed": 3, "unknown": 4, "missing": 5}
    segs = page.evaluate("chainMap.data.segments")
    best = min(order[segs[s]["status"]] for s in firm["segments"])
    opened_segment = page.get_attribute("#panel", "data-segment")
    assert opened_segment in firm["segments"] and order[segs[opened_segment]["status"]] == best
    assert page.inner_text("#panel li.hit .name").endswith(firm["name"])
    opened.assert_clean()


LONG = "超" * 5000
RLO = "\u202e反转名称abc"


def test_long_and_bidi_names_keep_the_layout(open_map: Any, tmp_path: Path) -> None:
    root = write_tiny_dataset(tmp_path / "long")
    firms = TINY_FILES["firms.csv"].replace("motor-local,本地电机,", f"motor-local,{LONG},")
    (root / "firms.csv").write_text(firms, encoding="utf-8")
    chain = TINY_FILES["chains/demo-auto.yaml"].replace("name: 电机铁芯,", f"name: '{RLO}',")
    (root / "chains" / "demo-auto.yaml").write_text(chain, encoding="utf-8")
    cg = cgr.build_graph(cgr.load_dataset(root))
    opened = open_map(write_map(cg, tmp_path / "long.html", chain="demo-auto"), viewport=SCREENS[1])
    page = opened.page
    assert_readable(opened)
    # the canvas gets the name without its override; the page keeps it, isolated, in full in a tooltip
    assert "\u202e" not in page.evaluate("chainMap.nodes.get('core').label")
    opened.click_node("motor")
    page.wait_for_timeout(500)
    name = page.query_selector("#panel li.firm .name")
    assert name.get_attribute("title") == LONG
    assert name.bounding_box()["height"] < 60  # two lines at most, not 5,000 characters
    assert page.evaluate("(e) => getComputedStyle(e).unicodeBidi", name) == "isolate"
    assert page.evaluate("document.getElementById('panel').scrollWidth <= document.getElementById('panel').clientWidth")
    page.fill("#search", "超超超")
    page.wait_for_selector("#results .r")
    assert page.query_selector("#results .r").bounding_box()["height"] < 80
    page.press("#search", "Escape")
    opened.click_node("core")
    page.wait_for_timeout(400)
    title = page.query_selector("#panel h2")
    assert title.text_content() == RLO and page.evaluate("(e) => getComputedStyle(e).unicodeBidi", title) == "isolate"
    opened.hover_node("core")  # its reasons name the 5,000-character firm: the tooltip stays a tooltip
    assert page.query_selector("div.vis-tooltip").bounding_box()["height"] < 400
    page.click("#tablist button[data-tab='firms']")
    assert page.query_selector("#list-body tbody tr").bounding_box()["height"] < 80
    assert page.evaluate("getComputedStyle(document.querySelector('div.vis-tooltip')).visibility") == "hidden"
    opened.screenshot("map-long-names.png")
    opened.assert_clean()


def test_firm_rows_show_products_address_and_source_links_in_english(open_map: Any, tmp_path: Path) -> None:
    root = write_tiny_dataset(tmp_path / "tiny")
    sources = (root / "sources.csv").read_text(encoding="utf-8")
    sources += ("src-web,Demo website,,2024-01-10,https://example.com/motor,website,\n"
                "src-bad,<b>bad</b>,,2024-01-10,javascript:window.__xss=1,website,\n")
    (root / "sources.csv").write_text(sources, encoding="utf-8")
    firms = (root / "firms.csv").read_text(encoding="utf-8")
    (root / "firms.csv").write_text(firms.replace("large,town-park,,,src-demo,",
                                                  "large,town-park,,,src-demo|src-web|src-bad,"), encoding="utf-8")
    cg = cgr.build_graph(cgr.load_dataset(root))
    opened = open_map(write_map(cg, tmp_path / "en.html", chain="demo-auto", lang="en"))
    opened.page.evaluate("chainMap.openSegment('motor')")
    opened.page.wait_for_timeout(300)
    row = "#panel li.firm[data-firm='motor-local']"
    assert opened.page.inner_text(f"{row} .products").startswith("Main products: ")
    assert "Address: " in opened.page.inner_text(f"{row} .address")
    links = opened.page.eval_on_selector_all(f"{row} .sources a", "(els) => els.map((a) => [a.textContent, "
                                             "a.getAttribute('href'), a.getAttribute('rel'), a.target])")
    assert links == [["Demo website", "https://example.com/motor", "noopener noreferrer", "_blank"]]
    sources_text = opened.page.inner_text(f"{row} .sources")
    assert "<b>bad</b>" in sources_text  # the title of the javascript: source is plain text, not a link
    headings = opened.page.eval_on_selector_all("#panel h3", "(els) => els.map((e) => e.textContent)")
    assert headings[0] == "Reasons" and not any("（" in h for h in headings)
    opened.assert_clean()


def test_long_lists_are_drawn_a_few_hundred_rows_at_a_time_and_searched_whole(open_map: Any, tmp_path: Path) -> None:
    from chaingraph.sources.synth import generate

    cg = cgr.build_graph(cgr.load_dataset(generate(tmp_path / "pool", firms=6000, regions=12, seed=3)))
    opened = open_map(write_map(cg, tmp_path / "pool.html", chain="automotive"), viewport=SCREENS[1])
    page = opened.page
    total = page.evaluate("chainMap.data.firms.rows.length")
    assert total > 600

    def drawn() -> int:
        return int(page.eval_on_selector_all("#list-body tbody tr", "(els) => els.length"))

    page.click("#tablist button[data-tab='firms']")
    assert drawn() == 300 and page.inner_text("#list-count").startswith(f"{total} 行")
    assert page.inner_text("#list-body .list-more").startswith(f"已列出前 300 行，共 {total} 行")
    page.click("#list-body .list-more button:not(.all)")
    assert drawn() == 600
    # the filter and the sort see every row, drawn or not: the firm listed last
    last = page.evaluate("chainMap.data.firms.rows[chainMap.data.firms.rows.length - 1][1]")
    page.fill("#list-filter", last)
    names = page.eval_on_selector_all("#list-body tbody tr td:first-child", "(els) => els.map((e) => e.textContent)")
    assert names == [last]
    page.fill("#list-filter", "")
    assert drawn() == 300
    page.click("#list-body .list-more button.all")
    assert drawn() == total and not page.query_selector("#list-body .list-more")
    page.click("#list-body th:nth-child(1)")  # sorting keeps every row
    assert drawn() == total
    # the search box finds a firm of any page, and its segment's panel opens on the page that lists it
    page.click("#tablist button[data-tab='map']")
    page.fill("#search", last)
    page.wait_for_selector("#results .r")
    page.press("#search", "Enter")
    page.wait_for_timeout(600)
    assert page.inner_text("#panel li.hit .name").endswith(last)
    assert page.get_attribute("#panel li.hit", "data-firm") == page.evaluate(
        "chainMap.data.firms.rows[chainMap.data.firms.rows.length - 1][0]")
    opened.assert_clean()
