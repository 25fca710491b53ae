"""HTML chain maps without a browser: layout, data, determinism, self-containment, escaping, CLI contracts.

The real-browser checks (no request leaves the page, clicks, search, XSS) are in test_map_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import chaingraph as cgr
from chaingraph.analysis.gaps import gap_report
from chaingraph.cli import cli
from chaingraph.dataset.fixtures import TINY_FILES, write_tiny_dataset
from chaingraph.errors import ExportError, LookupFailed
from chaingraph.outputs import html_map
from chaingraph.outputs.html_map import (
    STATUS_COLOURS,
    build_map,
    json_for_script,
    layered_layout,
    map_data,
    map_firms,
    show_map,
    wrap_label,
    write_map,
)

XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_SCRIPT = "</script><script>window.__xss=1</script>"
XSS_HREF = '<a href="javascript:window.__xss=1">href</a>'
XSS_SVG = "<svg onload=window.__xss=1>铁芯项目"
XSS_SEGMENT = "电机铁芯<script>window.__xss=1</script>"
XSS_REGION = '演示市"><img src=x onerror=alert(2)>'
XSS_TITLE = "</title><script>window.__xss=1</script>标题"
HOSTILE_STRINGS = [XSS_IMG, XSS_SCRIPT, XSS_HREF, XSS_SVG, XSS_SEGMENT, XSS_REGION]


def write_hostile_dataset(path: Path) -> Path:
    """The tiny dataset with names an attacker would choose, in every place a map shows text.

    Firms (local firms, target candidates), a project, a segment and the region all carry HTML and script
    payloads, one with "href" (which makes pyvis 0.3.2 render a title as live HTML), one with ``</script>``, and a
    name with the JavaScript line separators U+2028/U+2029.
    """
    root = write_tiny_dataset(path)
    firms = TINY_FILES["firms.csv"]
    firms = firms.replace("motor-local,本地电机,", f'motor-local,"{XSS_IMG}",')
    firms = firms.replace("steel-local,本地钢板,", f'steel-local,"{XSS_SCRIPT}",')
    firms = firms.replace("cnc-jp,东洋数控,", 'cnc-jp,"' + XSS_HREF.replace('"', '""') + '",')
    firms = firms.replace("cnc-de,德意数控,", 'cnc-de,"德意\u2028数控\u2029 & <b>bold</b>",')
    (root / "firms.csv").write_text(firms, encoding="utf-8")
    projects = TINY_FILES["projects.csv"].replace("core-project,铁芯项目,", f'core-project,"{XSS_SVG}",')
    (root / "projects.csv").write_text(projects, encoding="utf-8")
    chain = TINY_FILES["chains/demo-auto.yaml"].replace("name: 电机铁芯,", f"name: '{XSS_SEGMENT}',")
    (root / "chains" / "demo-auto.yaml").write_text(chain, encoding="utf-8")
    regions = TINY_FILES["regions.yaml"].replace("name: 演示市,", "name: '" + XSS_REGION + "',")
    (root / "regions.yaml").write_text(regions, encoding="utf-8")
    return root


@pytest.fixture
def hostile(tmp_path: Path) -> cgr.ChainGraph:
    return cgr.build_graph(cgr.load_dataset(write_hostile_dataset(tmp_path / "hostile")))


def _json_block(page: str) -> dict:  # type: ignore[type-arg]
    match = re.search(r'<script type="application/json" id="chain-map-data">(.*?)</script>', page, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))  # type: ignore[no-any-return]


def _firm_ids(data: dict, rows: list[int]) -> list[str]:  # type: ignore[type-arg]
    """A segment's firms (row numbers of the page's firm table) as firm ids."""
    return [data["firms"]["rows"][i][data["firms"]["fields"].index("id")] for i in rows]


def _segment_nodes(data: dict) -> list[dict]:  # type: ignore[type-arg]
    return [n for n in data["nodes"] if n["kind"] == "segment"]


# ------------------------------------------------------------------------------------------------ layout helpers


def test_layered_layout_puts_every_edge_left_to_right_and_uses_longest_paths() -> None:
    nodes = ["a", "b", "c", "d", "e"]
    edges = [("a", "b"), ("b", "c"), ("a", "c"), ("d", "c"), ("c", "e")]
    grid = layered_layout(nodes, edges)
    assert all(grid[x][0] < grid[y][0] for x, y in edges)
    assert max(col for col, _ in grid.values()) == 3  # the longest path a-b-c-e has 3 steps
    assert grid["d"][0] == 1  # d needs only to precede c: it moves next to its customer
    rows = {(col, row) for col, row in grid.values()}
    assert len(rows) == len(nodes)  # no two nodes share a slot


def test_layered_layout_survives_cycles_and_is_deterministic() -> None:
    nodes = [f"n{i}" for i in range(30)]
    edges = [(f"n{i}", f"n{(i * 7 + 3) % 30}") for i in range(30)] + [("n1", "n0"), ("n0", "n1")]
    first = layered_layout(nodes, edges, {n: i % 3 for i, n in enumerate(nodes)})
    assert first == layered_layout(nodes, list(edges), {n: i % 3 for i, n in enumerate(nodes)})
    assert set(first) == set(nodes)


def test_layered_layout_is_not_quadratic() -> None:
    # a long chain plus a wide fan: thousands of nodes lay out quickly
    nodes = [f"c{i}" for i in range(2000)] + [f"f{i}" for i in range(3000)]
    edges = [(f"c{i}", f"c{i + 1}") for i in range(1999)] + [(f"f{i}", "c1999") for i in range(3000)]
    grid = layered_layout(nodes, edges, sweeps=2)
    assert grid["c1999"][0] == 1999 and all(1995 <= grid[f"f{i}"][0] <= 1998 for i in range(3000))


def test_wrap_label_balances_lines_and_keeps_short_names() -> None:
    assert wrap_label("整车") == ["整车"]
    assert wrap_label("上下料机器人与自动化单元") == ["上下料机器人与", "自动化单元"]
    assert all(len(line) <= 7 for line in wrap_label("机床电气与液压气动元件"))
    long = wrap_label("一" * 40)
    assert len(long) == 3 and long[-1].endswith("…")


def test_json_for_script_cannot_close_the_block() -> None:
    text = json_for_script({"x": "</script><!-- & \u2028\u2029 >"})
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in text
    assert json.loads(text) == {"x": "</script><!-- & \u2028\u2029 >"}


# ------------------------------------------------------------------------------------------------ the data


def test_machine_tool_map_draws_the_chain_and_its_neighbours(pinghu: cgr.ChainGraph) -> None:
    data = map_data(pinghu, chain="machine-tool")
    nodes = _segment_nodes(data)
    chain_ids = [s.id for s in pinghu.dataset.chain("machine-tool").segments]
    neighbours = {n for s in chain_ids for n in pinghu.upstream(s) + pinghu.downstream(s)} - set(chain_ids)
    assert sorted(n["id"] for n in nodes if not n["external"]) == sorted(chain_ids)
    assert {n["id"] for n in nodes if n["external"]} == neighbours
    assert neighbours and all(pinghu.dataset.segments[n].chain != "machine-tool" for n in neighbours)
    assert data["title"] == "平湖市 · 数控机床产业链全景图" and data["as_of"] == "2024-10-11"
    # cross-chain edges are their own kind; every drawn supply edge points left to right
    kinds = {e["kind"] for e in data["edges"]}
    assert {"supply", "cross"} <= kinds
    x = {n["id"]: n["x"] for n in data["nodes"]}
    assert all(x[e["from"]] < x[e["to"]] for e in data["edges"] if e["kind"] != "hang")
    # 上游 / 中游 / 下游 each have their own columns, in that order
    tiers = {t["tier"]: (t["x0"], t["x1"]) for t in data["tiers"]}
    assert list(tiers) == ["upstream", "midstream", "downstream"]
    for n in nodes:
        if not n["external"]:
            x0, x1 = tiers[pinghu.dataset.segments[n["id"]].tier]
            assert x0 < n["x"] < x1


def test_all_chains_map_has_every_segment_and_cross_chain_links(pinghu: cgr.ChainGraph) -> None:
    data = map_data(pinghu)
    nodes = _segment_nodes(data)
    assert len(nodes) == len(pinghu.dataset.segments) == 71
    assert not any(n["external"] for n in nodes)
    cross = [e for e in data["edges"] if e["kind"] == "cross"]
    expected = [e for e in pinghu.dataset.supply_edges
                if pinghu.dataset.segments[e.source].chain != pinghu.dataset.segments[e.target].chain]
    assert len(cross) == len(expected) > 20
    assert [b["chain"] for b in data["bands"]] == ["new-materials", "machine-tool", "automotive"]  # upstream on top


def test_recycle_edges_are_drawn_but_do_not_move_segments(tiny_path: Path) -> None:
    def drawn(recycle: bool) -> dict[str, object]:
        root = write_tiny_dataset(tiny_path.parent / f"copy-{recycle}")
        if recycle:
            chain_file = root / "chains" / "demo-auto.yaml"
            loop = "  - [motor, vehicle]\n  - {from: vehicle, to: steel, kind: recycle, note: 废钢}\n"
            chain_file.write_text(chain_file.read_text(encoding="utf-8").replace("  - [motor, vehicle]\n", loop),
                                  encoding="utf-8")
        return map_data(cgr.build_graph(cgr.load_dataset(root)), chain="demo-auto")

    plain, looped = drawn(False), drawn(True)
    position = {n["id"]: (n["x"], n["y0"], n["y1"]) for n in _segment_nodes(plain)}
    assert {n["id"]: (n["x"], n["y0"], n["y1"]) for n in _segment_nodes(looped)} == position
    recycle = [e for e in looped["edges"] if e["kind"] == "recycle"]
    assert recycle == [{"id": "recycle:vehicle>steel", "kind": "recycle", "from": "vehicle", "to": "steel",
                        "note": "废钢", "bow": 0.25}]
    assert [e for e in looped["edges"] if e["kind"] != "recycle"] == plain["edges"]
    assert looped["ui"]["legend_recycle"] == "回收循环（不参与供应链分析）"


def test_pinghu_maps_draw_the_recycling_loops(pinghu: cgr.ChainGraph) -> None:
    data = map_data(pinghu)
    assert {(e["from"], e["to"]) for e in data["edges"] if e["kind"] == "recycle"} == {
        ("auto-catalyst", "nm-pgm"), ("auto-battery-recycling", "nm-lithium-resources")}
    # tiers and the supply DAG set the columns, never the recycling loops: PGM refining (midstream) stays right
    # of the catalysts (upstream) that its spent catalysts come back from
    column = {n["id"]: n["x"] for n in _segment_nodes(data)}
    assert column["nm-pgm"] > column["auto-catalyst"]


def test_drill_down_draws_the_segment_and_its_neighbourhood(pinghu: cgr.ChainGraph) -> None:
    data = map_data(pinghu, chain="automotive", segment="驱动电机", depth=1)
    ids = {n["id"] for n in _segment_nodes(data)}
    assert ids == {"auto-drive-motor", *pinghu.upstream("auto-drive-motor"), *pinghu.downstream("auto-drive-motor")}
    assert data["focus"] == "auto-drive-motor" and data["mode"] == "segment"
    assert data["segments"]["nm-rare-earth-magnet"]["external"]  # another chain's supplier, greyed
    deeper = map_data(pinghu, segment="auto-drive-motor", depth=2)
    assert ids < {n["id"] for n in _segment_nodes(deeper)}


def test_statuses_colours_and_reasons_are_those_of_gap_report(pinghu: cgr.ChainGraph) -> None:
    for chain in pinghu.dataset.chains:
        data = map_data(pinghu, chain=chain)
        report = gap_report(pinghu, chain)
        nodes = {n["id"]: n for n in _segment_nodes(data)}
        for gap in report.segments:
            seg = data["segments"][gap.segment.id]
            assert (seg["status"], seg["action"], seg["reasons"]) == (gap.status, gap.action or "", gap.reasons)
            assert seg["priority"] == (None if gap.priority is None else round(gap.priority, 4))
            assert nodes[gap.segment.id]["color"]["background"] == STATUS_COLOURS[gap.status]["background"]
            assert _firm_ids(data, seg["firms"]) == gap.local_firm_ids  # all of them, in the report's order
        ranked = [g.segment.id for g in report.ranked() if g.priority is not None]
        assert [s for s in ranked if data["segments"][s]["rank"]] == ranked
        assert [data["segments"][s]["rank"] for s in ranked] == list(range(1, len(ranked) + 1))


def test_targets_in_the_panel_are_those_of_find_targets(pinghu: cgr.ChainGraph) -> None:
    data = map_data(pinghu, chain="machine-tool")
    result = cgr.find_targets(pinghu, "machine-tool", "mt-cnc-system", limit=10)
    seg = data["segments"]["mt-cnc-system"]
    assert [t["name"] for t in seg["targets"]] == [c.firm.name for c in result.candidates]
    assert [t["reasons"] for t in seg["targets"]] == [c.reasons for c in result.candidates]
    assert seg["targets_total"] == result.total


def test_tiny_map_statuses_firms_and_projects(tiny: cgr.ChainGraph) -> None:
    from chaingraph.dataset.fixtures import EXPECTED_STATUS

    data = map_data(tiny, chain="demo-auto")
    for seg_id in ("steel", "core", "motor", "vehicle"):
        assert data["segments"][seg_id]["status"] == EXPECTED_STATUS[seg_id]
    kinds = {n["id"]: n["kind"] for n in data["nodes"]}
    assert kinds["firm:motor:motor-local"] == "firm" and kinds["project:core:core-project"] == "project"
    assert data["segments"]["machine"]["external"]  # demo-tools supplies the motor segment
    assert map_firms(data)["motor-local"]["leader"] is True


def test_many_firms_are_aggregated_into_one_node(tmp_path: Path) -> None:
    root = write_tiny_dataset(tmp_path / "crowded")
    columns = TINY_FILES["firms.csv"].splitlines()[0].split(",")
    with (root / "firms.csv").open("a", encoding="utf-8") as out:
        for i in range(40):
            row = dict.fromkeys(columns, "") | {"id": f"crowd-{i:03d}", "name": f"本地企业{i:03d}", "country": "CN",
                                                "size": "small", "region": "town", "sources": "src-demo"}
            out.write(",".join(row[c] for c in columns) + "\n")
    with (root / "links.csv").open("a", encoding="utf-8") as out:
        out.writelines(f"crowd-{i:03d},vehicle,confirmed,src-demo,\n" for i in range(40))
    cg = cgr.build_graph(cgr.load_dataset(root))
    data = map_data(cg, chain="demo-auto", firm_nodes=6)
    vehicle = [n for n in data["nodes"] if n["segment"] == "vehicle"]
    assert [n["kind"] for n in vehicle] == ["segment", "firms"]
    assert vehicle[1]["label"] == "40 家企业"
    assert len(data["segments"]["vehicle"]["firms"]) == 40  # the panel pages through all of them
    assert sorted(n["firm"] for n in data["nodes"] if n["kind"] == "firm") == ["motor-local", "steel-local"]


def test_english_labels(pinghu: cgr.ChainGraph) -> None:
    data = map_data(pinghu, chain="automotive", lang="en")
    assert data["title"] == "Pinghu · Automotive chain map"
    label = next(n["label"] for n in data["nodes"] if n["id"] == "auto-drive-motor")
    assert label.split("\n") == ["Traction", "motors", "★ local firms: 1"]
    assert data["ui"]["search"].startswith("Search")


def test_unknown_names_raise_lookup_failed(pinghu: cgr.ChainGraph) -> None:
    with pytest.raises(LookupFailed):
        map_data(pinghu, chain="no-such-chain")
    with pytest.raises(LookupFailed):
        map_data(pinghu, segment="no-such-segment")
    with pytest.raises(LookupFailed):
        map_data(pinghu, chain="automotive", region="nowhere")
    with pytest.raises(LookupFailed):
        map_data(pinghu, chain="automotive", lang="fr")


# ------------------------------------------------------------------------------------------------ the page


def test_build_is_deterministic_across_processes(tiny_path: Path, tiny: cgr.ChainGraph) -> None:
    page = build_map(tiny, chain="demo-auto")
    assert page == build_map(tiny, chain="demo-auto")
    code = ("import sys, chaingraph as c; from chaingraph.outputs.html_map import build_map; "
            "sys.stdout.buffer.write(build_map(c.build_graph(c.load_dataset(sys.argv[1])), chain='demo-auto')"
            ".encode('utf-8'))")
    for seed in ("1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", code, str(tiny_path)], capture_output=True, env=env, check=True)
        assert out.stdout == page.encode("utf-8")


def test_page_is_self_contained(pinghu: cgr.ChainGraph) -> None:
    page = build_map(pinghu)
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", page, re.I)
    assert not re.search(r"<(?:iframe|img|object|embed|base)\b", page, re.I)
    assert "vis.Network" in page and "vis-network" in page  # the bundled library, inlined
    vis_script, _ = html_map._vis_assets()
    assert len(re.findall(r"<script\b", page)) == 3 + len(re.findall(r"<script\b", vis_script))


def test_csp_allows_exactly_the_inline_scripts(pinghu: cgr.ChainGraph) -> None:
    page = build_map(pinghu, chain="automotive")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp
    policy = csp.group(1)
    script_src = policy.split("script-src")[1].split(";")[0]
    assert "default-src &#x27;none&#x27;" in policy and "unsafe-inline" not in script_src
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert f"sha256-{digest}" in policy
    assert "innerHTML" not in html_map.map_assets.APP_JS
    assert "insertAdjacentHTML" not in html_map.map_assets.APP_JS and "eval(" not in html_map.map_assets.APP_JS


def test_hostile_names_never_reach_the_page_as_markup(hostile: cgr.ChainGraph) -> None:
    for kwargs in ({"chain": "demo-auto"}, {"chain": None}, {"segment": "core"}):
        page = build_map(hostile, title=XSS_TITLE, **kwargs)  # type: ignore[arg-type]
        for payload in HOSTILE_STRINGS:
            assert payload not in page
        assert page.count("</script>") == 3 + html_map._vis_assets()[0].count("</script>")  # real closing tags
        assert page.count("<title>") == 1 and "</title><script>" not in page
        assert "\u2028" not in page and "\u2029" not in page
        data = _json_block(page)
        assert data["title"] == XSS_TITLE
        assert map_firms(data)["motor-local"]["name"] == XSS_IMG
        assert map_firms(data)["steel-local"]["name"] == XSS_SCRIPT
        assert data["region"]["name"] == XSS_REGION


def test_hostile_target_and_project_names_are_in_the_data(hostile: cgr.ChainGraph) -> None:
    data = map_data(hostile, chain="demo-tools")
    assert XSS_HREF in [t["name"] for t in data["segments"]["cnc"]["targets"]]
    data = map_data(hostile, chain="demo-auto")
    assert [p["name"] for p in data["projects"].values()] == [XSS_SVG]


def test_write_map_is_utf8_and_atomic(tiny: cgr.ChainGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "maps" / "tiny.html"
    assert write_map(tiny, out, chain="demo-auto") == out
    assert out.read_bytes() == build_map(tiny, chain="demo-auto").encode("utf-8")
    before = out.read_bytes()

    def refuse(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError):
        write_map(tiny, out, chain="demo-tools")
    assert out.read_bytes() == before
    assert [p.name for p in out.parent.iterdir()] == ["tiny.html"]  # no temporary file left behind


def test_show_map_embeds_an_escaped_sandboxed_iframe(hostile: cgr.ChainGraph) -> None:
    pytest.importorskip("IPython")
    shown = show_map(hostile, chain="demo-auto", height=500)
    frame = shown.data
    assert frame.startswith('<div class="chaingraph-map"><iframe srcdoc="') and 'sandbox="allow-scripts"' in frame
    srcdoc = frame.split('srcdoc="', 1)[1].split('" sandbox=', 1)[0]
    assert "<" not in srcdoc and '"' not in srcdoc
    assert "height:500px" in frame


def test_show_map_without_ipython_says_what_is_missing(tiny: cgr.ChainGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "IPython", None)
    monkeypatch.setitem(sys.modules, "IPython.display", None)
    with pytest.raises(ExportError, match="IPython"):
        show_map(tiny, chain="demo-auto")


# ------------------------------------------------------------------------------------------------ the command


def test_cli_map_writes_the_file(tiny_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "auto.html"
    result = CliRunner().invoke(cli, ["--data", str(tiny_path), "map", "--chain", "汽车演示", "-o", str(out),
                                      "--title", "演示图", "--no-firms", "--lang", "zh"])
    assert result.exit_code == 0, result.output
    data = _json_block(out.read_text(encoding="utf-8"))
    assert data["title"] == "演示图" and data["show_firms"] is False
    assert "已写入" in result.output and "KiB" in result.output


def test_cli_map_all_and_drill_down(tiny_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["--data", str(tiny_path), "map", "--all", "-o", str(tmp_path / "all.html")])
    assert result.exit_code == 0, result.output
    assert _json_block((tmp_path / "all.html").read_text(encoding="utf-8"))["mode"] == "all"
    result = runner.invoke(cli, ["--data", str(tiny_path), "map", "--chain", "demo-auto", "--segment", "驱动电机",
                                 "-o", str(tmp_path / "motor.html")])
    assert result.exit_code == 0, result.output
    assert _json_block((tmp_path / "motor.html").read_text(encoding="utf-8"))["focus"] == "motor"


def test_cli_map_to_stdout(tiny_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--data", str(tiny_path), "map", "-c", "demo-auto", "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"<!DOCTYPE html>")


@pytest.mark.parametrize(("args", "code"), [
    (["--chain", "no-such-chain"], 4),
    (["--segment", "no-such-segment"], 4),
    (["--chain", "demo-auto", "--region", "nowhere"], 4),
    ([], 2),
    (["--all", "--chain", "demo-auto"], 2),
    (["--chain", "demo-auto", "--lang", "fr"], 2),
])
def test_cli_map_errors_are_clean_and_leave_no_file(tiny_path: Path, tmp_path: Path, args: list[str],
                                                    code: int) -> None:
    out = tmp_path / "out.html"
    out.write_text("previous map", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--data", str(tiny_path), "map", *args, "-o", str(out)])
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == "previous map"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_cli_map_unwritable_output_exits_6(tiny_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHAINGRAPH_LANG", "en")  # the messages checked here are the English ones
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--data", str(tiny_path), "map", "-c", "demo-auto",
                                      "-o", str(blocker / "sub" / "map.html")])
    assert result.exit_code == 6
    assert "cannot write" in result.output


def test_cli_map_writes_utf8_under_an_ascii_locale(tiny_path: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIOENCODING", "PYTHONUTF8"))}
    env.update({"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"})
    probe = subprocess.run([sys.executable, "-c", "import locale; print(locale.getpreferredencoding(False))"],
                           capture_output=True, text=True, env=env, check=True)
    assert "utf" not in probe.stdout.lower()  # the child really runs with a non-UTF-8 locale
    out = tmp_path / "map.html"
    result = subprocess.run([sys.executable, "-m", "chaingraph", "--data", str(tiny_path), "map",
                             "--chain", "demo-auto", "-o", str(out)], capture_output=True, env=env)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    raw = out.read_bytes()
    assert "演示汽车".encode() in raw and "本地电机".encode() in raw
    assert raw.decode("utf-8").startswith("<!DOCTYPE html>")


def test_written_maps_are_readable_by_others(tiny: cgr.ChainGraph, tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        out = write_map(tiny, tmp_path / "shared.html", chain="demo-auto")
    finally:
        os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o644  # not the 0600 of a temporary file


def test_a_national_pool_is_aggregated_not_drawn(tmp_path: Path) -> None:
    from chaingraph.sources.synth import generate

    cg = cgr.build_graph(cgr.load_dataset(generate(tmp_path / "pool", firms=4000, regions=12, seed=3)))
    data = map_data(cg, chain="automotive", firm_nodes=5)
    local = {f for g in gap_report(cg, "automotive", firm_limit=None).segments for f in g.local_firm_ids}
    assert len(local) > 200
    firm_nodes = [n for n in data["nodes"] if n["kind"] == "firm"]
    aggregates = [n for n in data["nodes"] if n["kind"] == "firms"]
    assert aggregates and len(firm_nodes) <= 5 * len(data["segments"])
    for node in aggregates:
        assert len(data["segments"][node["segment"]]["firms"]) > 5
        assert node["label"] == f"{len(data['segments'][node['segment']]['firms'])} 家企业"
    listed = {f for s in data["segments"].values() if not s["external"] for f in _firm_ids(data, s["firms"])}
    assert listed == local  # every local firm is in a panel list, few are drawn

    # the page holds each firm once, however many segments list it, and each repeated text once
    embedded = _json_block(build_map(cg, chain="automotive", firm_nodes=5))
    firms = map_firms(embedded)
    in_two = [f for f, r in firms.items() if len(r["segments"]) > 1]
    del embedded["projects"]  # a project names its firms
    text = json.dumps(embedded, ensure_ascii=False)
    assert in_two and all(text.count(json.dumps(firms[f]["name"], ensure_ascii=False)) == 1 for f in in_two)
    assert len(embedded["texts"]) == len(set(embedded["texts"])) and len(embedded["texts"]) < len(firms) / 5


def test_cli_map_no_context_opens_without_the_other_chains(tiny_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.html"
    result = CliRunner().invoke(cli, ["--data", str(tiny_path), "map", "--chain", "demo-auto", "--no-context",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = _json_block(out.read_text(encoding="utf-8"))
    assert data["show_context"] is False and data["show_firms"] is True


def test_all_chains_badges_name_their_chain_and_tiers_have_columns(pinghu: cgr.ChainGraph) -> None:
    data = map_data(pinghu)
    badges = {n["id"]: n["badge"] for n in _segment_nodes(data) if n["badge"]}
    assert badges
    for segment_id, badge in badges.items():
        chain_name = data["segments"][segment_id]["chain_name"]
        assert badge.startswith(chain_name + " ") and badge.endswith(f"#{data['segments'][segment_id]['rank']}")
    one_chain = map_data(pinghu, chain="automotive")
    assert all("汽车 " not in n["badge"] for n in _segment_nodes(one_chain))
    # no column holds two tiers
    tiers_of_column: dict[float, set[str]] = {}
    for n in _segment_nodes(data):
        tiers_of_column.setdefault(n["x"], set()).add(pinghu.dataset.segments[n["id"]].tier)
    assert all(len(t) == 1 for t in tiers_of_column.values())
    assert [t["label"] for t in data["tiers"]] == ["上游", "中游", "下游"]


def test_canvas_labels_carry_no_bidi_controls(tmp_path: Path) -> None:
    root = write_tiny_dataset(tmp_path / "bidi")
    chain = TINY_FILES["chains/demo-auto.yaml"].replace("name: 电机铁芯,", "name: '电机\u202e铁芯abc',")
    (root / "chains" / "demo-auto.yaml").write_text(chain, encoding="utf-8")
    data = map_data(cgr.build_graph(cgr.load_dataset(root)), chain="demo-auto")
    core = next(n for n in _segment_nodes(data) if n["id"] == "core")
    assert core["label"].replace("\n", "").startswith("电机铁芯abc") and "\u202e" not in core["label"]
    assert data["segments"]["core"]["name"] == "电机\u202e铁芯abc"  # the page keeps it, isolated


def test_firm_rows_carry_products_address_and_safe_source_links(tiny_path: Path) -> None:
    sources = (tiny_path / "sources.csv").read_text(encoding="utf-8")
    sources += ("src-web,演示官网,,2024-01-10,https://example.com/motor?a=1,website,\n"
                "src-bad,坏链接,,2024-01-10,javascript:alert(1),website,\n")
    (tiny_path / "sources.csv").write_text(sources, encoding="utf-8")
    firms = (tiny_path / "firms.csv").read_text(encoding="utf-8")
    firms = firms.replace("large,town-park,,,src-demo,", "large,town-park,,,src-demo|src-web|src-bad,")
    (tiny_path / "firms.csv").write_text(firms, encoding="utf-8")
    cg = cgr.build_graph(cgr.load_dataset(tiny_path))
    data = map_data(cg, chain="demo-auto")
    firms = map_firms(data)
    motor = firms["motor-local"]
    assert motor["products"] == ["驱动电机"]  # what its link's evidence says it makes
    assert motor["address"] == "演示国 演示市 中日演示园"  # its region, largest first
    assert [(s["id"], s["url"]) for s in motor["sources"]] == [
        ("src-demo", ""), ("src-web", "https://example.com/motor?a=1"), ("src-bad", "")]  # never a javascript: link
    assert motor["sources"][1]["title"] == "演示官网"
    assert len(data["sources"]) == 3  # one table of the page's sources, rows hold indices into it
    assert firms["steel-local"]["products"] == ["硅钢加工"]
    english = map_firms(map_data(cg, chain="demo-auto", lang="en"))["motor-local"]
    assert english["address"].startswith("中日演示园, 演示市")  # smallest first in English; names as in the data
    # the script renders these as text, and a source as a link only after checking the URL again
    from chaingraph.outputs.map_assets import APP_JS

    assert 'a.setAttribute("rel", "noopener noreferrer")' in APP_JS and "safeUrl(src.url)" in APP_JS
    assert "innerHTML" not in APP_JS


def test_a_backend_without_the_one_read_listing_gives_the_same_map(tmp_path: Path) -> None:
    """The snapshot lists a county's firms with their fields in one read (local_firm_rows); a backend that only
    answers segment_states and firm_records draws the same page."""
    from chaingraph.engines.snapshot import open_snapshot
    from chaingraph.sources.synth import generate

    class WithoutListing:
        def __init__(self, inner: object) -> None:
            self._inner = inner

        def __getattr__(self, name: str) -> object:
            if name == "local_firm_rows":
                raise AttributeError(name)
            return getattr(self._inner, name)

    root = generate(tmp_path / "pool", firms=3000, regions=10, seed=5)
    with open_snapshot(root, cache_dir=tmp_path / "cache") as snap:
        for lang in ("zh", "en"):
            page = build_map(None, chain="automotive", facts=snap, lang=lang)
            assert build_map(None, chain="automotive", facts=WithoutListing(snap), lang=lang) == page  # type: ignore[arg-type]
            assert len(map_firms(_json_block(page))) > 100
