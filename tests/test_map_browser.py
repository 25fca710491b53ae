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
from chaingraph.render.html_map import write_map

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

    def opener(path: Path) -> Opened:
        context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1, locale="zh-CN",
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
    assert "数据截至 2022-06-01" in opened.page.inner_text("#subtitle")
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
