"""The year slider and the stalled badges in a real headless Chromium (see test_map_browser.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_map_browser import browser, open_map  # noqa: F401  (the fixtures)

import chaingraph as cgr
from chaingraph.outputs.html_map import STATUS_COLOURS, write_map

pytestmark = pytest.mark.browser


def test_year_slider_recolours_the_segments_offline(pinghu: cgr.ChainGraph, open_map: Any,  # noqa: F811
                                                    tmp_path: Path) -> None:
    opened = open_map(write_map(pinghu, tmp_path / "machine-tool.html", chain="machine-tool"))
    page = opened.page
    assert page.is_visible("#year-slider")
    steps = page.evaluate("chainMap.data.timeline.steps.length")
    assert page.input_value("#year-slider") == str(steps - 1)
    colour = "chainMap.nodes.get('mt-machine').color.background"
    assert page.evaluate(colour) == STATUS_COLOURS["weak"]["background"]
    # drag back to the end of 2020: nothing seen yet in 金属切削机床; the header says which date is shown
    index = page.evaluate("chainMap.data.timeline.steps.findIndex((s) => s.as_of === '2020-12-31')")
    page.fill("#year-slider", str(index))  # sets the value and fires input, as a drag does
    page.wait_for_timeout(200)
    assert page.inner_text("#year-value") == "2020 年底"
    assert page.evaluate(colour) == STATUS_COLOURS["unknown"]["background"]
    assert "截至 2020-12-31 的状态" in page.inner_text("#subtitle")
    index = page.evaluate("chainMap.data.timeline.steps.findIndex((s) => s.as_of === '2023-12-31')")
    page.fill("#year-slider", str(index))
    page.wait_for_timeout(200)
    assert page.evaluate(colour) == STATUS_COLOURS["pipeline"]["background"]
    page.fill("#year-slider", str(steps - 1))
    page.wait_for_timeout(200)
    assert page.evaluate(colour) == STATUS_COLOURS["weak"]["background"]
    assert "数据截至 2024-10-11" in page.inner_text("#subtitle")
    # the stalled projects are marked in the segment's panel, with the ledger's reason
    opened.click_node("mt-machine")
    badges = page.eval_on_selector_all("#panel li.project .stalled", "(els) => els.map((e) => e.title)")
    assert len(badges) == 2 and all("未见开工记录" in b for b in badges)
    opened.screenshot("map-machine-tool-timeline.png")
    opened.assert_clean()
