"""Hostile inputs: never a traceback, injection kept inert, limits refused by name, warnings from validate.

Covers chaingraph.safety, chaingraph.limits and the reading side of reader, sheets and merge (issue 13); the
broad sweep through the CLI is benchmarks/reliability_sweep_inputs.py.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import chaingraph as cgr
from chaingraph.cli import cli
from chaingraph.dataset.fixtures import write_tiny_dataset
from chaingraph.errors import ChaingraphError, DatasetError, ParseError
from chaingraph.outputs.export import briefing_markdown, gap_workbook
from chaingraph.safety import fragment, markdown_text, neutralise_cell, text_issues, xlsx_text
from chaingraph.sources.merge import plan_merge, read_proposed
from chaingraph.sources.sheets import SheetError, plan_import

SECRET = "TOP-SECRET-TOKEN-4242"
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in (result.stderr or ""), result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def set_cell(root: Path, name: str, column: str, value: str, row: int = 1) -> None:
    path = root / name
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    rows[row][rows[0].index(column)] = value
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def messages(root: Path, warnings: bool = True) -> list[str]:
    return [str(p) for p in cgr.validate_dataset(root, warnings=warnings)]


# ------------------------------------------------------------------------------------------------ the helpers


def test_neutralise_follows_owasp() -> None:
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert neutralise_cell(start + "1+1") == "'" + start + "1+1"
    assert neutralise_cell("宁德时代") == "宁德时代"
    assert neutralise_cell(-3) == -3 and neutralise_cell(None) is None
    assert xlsx_text("a\x00b\x0bc") == "abc"
    assert markdown_text("<script>alert(1)</script> *x* | y") == \
        "&lt;script&gt;alert(1)&lt;/script&gt; \\*x\\* \\| y"


def test_fragment_is_short_and_escaped() -> None:
    shown = fragment("\x1b[2J" + "x" * 500)
    assert len(shown) < 60 and "\\x1b" in shown and shown.endswith("…'")
    assert fragment("平湖") == "'平湖'"


def test_text_issues_grade_errors_and_warnings() -> None:
    kinds = dict((message.split(" ")[1], severity) for severity, message in text_issues("=x\x00"))
    assert kinds == {"control": "error", "with": "warning"}
    assert [s for s, _ in text_issues("javascript:alert(1)")] == ["warning"]
    assert [s for s, _ in text_issues("ftp://ok.example", url=True)] == []
    assert text_issues("普通企业名称") == []


# ------------------------------------------------------------------------------------------------ injection


def test_csv_listings_neutralise_formulas(tiny_path: Path) -> None:
    set_cell(tiny_path, "firms.csv", "name", '=HYPERLINK("http://evil","x")')
    code, out, _ = run("--data", str(tiny_path), "firms", "--format", "csv")
    assert code == 0
    names = [row[1] for row in csv.reader(io.StringIO(out))][1:]
    assert "'=HYPERLINK(\"http://evil\",\"x\")" in names
    assert not any(name.startswith(("=", "+", "-", "@")) for name in names)


def test_csv_into_a_file_has_a_bom_and_gb18030_on_request(tiny_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "firms.csv"
    with out.open("wb") as handle:
        subprocess.run([sys.executable, "-m", "chaingraph", "--data", str(tiny_path), "firms", "--format", "csv"],
                       stdout=handle, check=True)
    assert out.read_bytes().startswith(b"\xef\xbb\xbfid,name")
    piped = subprocess.run([sys.executable, "-m", "chaingraph", "--data", str(tiny_path), "firms", "--format", "csv",
                            "--encoding", "gb18030"], capture_output=True, check=True).stdout
    assert piped.startswith(b"id,name") and "本地电机".encode("gb18030") in piped


def test_xlsx_and_markdown_keep_data_inert(tiny_path: Path) -> None:
    set_cell(tiny_path, "firms.csv", "name", "@SUM(1+1)<script>alert(1)</script>")
    cg = cgr.build_graph(cgr.load_dataset(tiny_path))
    book = gap_workbook(cg)
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert not [c for c in cells if c.data_type == "f" or c.value.startswith(("=", "+", "-", "@"))]
    assert any(c.value.startswith("'@SUM") for c in cells)
    text = briefing_markdown(cg)
    assert "<script" not in text and "&lt;script&gt;" in text


def test_validate_reports_hostile_text(tiny_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHAINGRAPH_LANG", "en")  # the messages checked here are the English ones
    set_cell(tiny_path, "firms.csv", "name", "=cmd|' /C calc'!A0")
    set_cell(tiny_path, "firms.csv", "legal_name", "<img src=x onerror=alert(1)>", row=2)
    set_cell(tiny_path, "firms.csv", "name", "甲\u202e乙", row=3)
    set_cell(tiny_path, "firms.csv", "name", "名" * 5000, row=4)
    set_cell(tiny_path, "sources.csv", "url", "javascript:alert(1)")
    found = messages(tiny_path)
    assert "firms.csv:2: name: warning: starts with '=': spreadsheets would run it as a formula " \
           "(chaingraph's own outputs neutralise it)" in found
    assert any(m.startswith("firms.csv:3: legal_name: warning: looks like HTML") for m in found)
    assert any(m.startswith("firms.csv:4: name: warning: holds bidirectional control U+202E") for m in found)
    assert "firms.csv:5: name: warning: is 5,000 characters long (names over 200 break tables and maps)" in found
    assert any(m.startswith("sources.csv:2: url: warning: is a javascript: URL") for m in found)
    assert messages(tiny_path, warnings=False) == []  # warnings only: the dataset still loads
    code, out, err = run("--data", str(tiny_path), "validate")
    assert code == 0 and "5 warnings" in out and "formula" in err


def test_validate_reports_hidden_schemes_marks_invisible_characters_and_long_aliases(tiny_path: Path) -> None:
    set_cell(tiny_path, "sources.csv", "url", "java\tscript:alert(1)")  # browsers drop the tab and run it
    set_cell(tiny_path, "firms.csv", "name", "甲\u200f乙")  # a right-to-left mark reorders what follows
    set_cell(tiny_path, "firms.csv", "name", "甲\u0085乙", row=2)  # C1 control (next line)
    set_cell(tiny_path, "firms.csv", "name", "甲\u2028乙", row=3)  # line separator
    set_cell(tiny_path, "firms.csv", "aliases", "别名|" + "长" * 400, row=4)
    found = messages(tiny_path)
    assert any(m.startswith("sources.csv:2: url: warning: is a javascript: URL") for m in found), found
    assert any(m.startswith("firms.csv:2: name: warning: holds bidirectional control U+200F") for m in found)
    assert any(m.startswith("firms.csv:3: name: warning: holds invisible character U+0085") for m in found)
    assert any(m.startswith("firms.csv:4: name: warning: holds invisible character U+2028") for m in found)
    assert "firms.csv:5: aliases: warning: is 400 characters long (names over 200 break tables and maps)" in found
    assert messages(tiny_path, warnings=False) == []
    assert text_issues("https://example.com/a\tb", url=True) == []  # a tab inside a web address is no scheme


def test_control_characters_are_errors_with_file_line_field(tiny_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHAINGRAPH_LANG", "en")  # the messages checked here are the English ones
    set_cell(tiny_path, "firms.csv", "note", "a\x00b", row=2)
    with pytest.raises(DatasetError) as caught:
        cgr.load_dataset(tiny_path)
    assert [str(p) for p in caught.value.problems] == [
        "firms.csv:3: note: holds control character U+0000 (not allowed in a dataset)"]
    code, _, err = run("--data", str(tiny_path), "validate")
    assert code == 3 and "firms.csv:3: note: holds control character U+0000" in err


def test_symlink_outside_the_dataset_is_refused_without_echo(tiny_path: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text(f"{SECRET},a\n", encoding="utf-8")
    (tiny_path / "ties.csv").unlink()
    (tiny_path / "ties.csv").symlink_to(secret)
    found = messages(tiny_path)
    assert found == ["ties.csv: is a link to a file outside the dataset folder: refused"]
    (tiny_path / "ties.csv").unlink()
    (tiny_path / "elsewhere.csv").write_text("supplier,customer\n", encoding="utf-8")
    (tiny_path / "ties.csv").symlink_to("elsewhere.csv")  # a link that stays inside is fine
    assert [m for m in messages(tiny_path) if "ties.csv" in m and "warning" not in m] == []


def test_unknown_input_is_echoed_only_as_a_short_fragment(tiny_path: Path) -> None:
    set_cell(tiny_path, "firms.csv", "country", "X" * 3000)
    (found,) = messages(tiny_path, warnings=False)
    assert len(found) < 200 and "XXX…" in found


# ------------------------------------------------------------------------------------------------ denial of service


@pytest.mark.parametrize("name", ["dataset.yaml", "regions.yaml", "chains/demo-auto.yaml"])
def test_yaml_alias_bomb_and_depth_are_refused_quickly(tiny_path: Path, name: str) -> None:
    (tiny_path / name).write_text(BOMB, encoding="utf-8")
    started = time.perf_counter()
    found = messages(tiny_path)
    assert any(m.startswith(f"{name}: not valid YAML: its aliases (*name) expand to more than 1,000,000")
               for m in found), found
    assert time.perf_counter() - started < 30  # not a speed claim: a bomb that expanded would take minutes
    (tiny_path / name).write_text("a: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    assert any(m.startswith(f"{name}:1: not valid YAML: nested deeper than 64 levels") for m in messages(tiny_path))


def test_devices_and_huge_files_are_not_read(tiny_path: Path) -> None:
    (tiny_path / "links.csv").unlink()
    (tiny_path / "links.csv").symlink_to("/dev/zero")
    with (tiny_path / "regions.yaml").open("a", encoding="utf-8") as out:
        out.write(("# " + "x" * 98 + "\n") * 170_000)
    found = messages(tiny_path)
    assert "links.csv: is a link to a file outside the dataset folder: refused" in found
    assert any(m.startswith("regions.yaml: is 16.") and m.endswith(" MiB, over the limit of 16 MiB for a YAML file "
                                                                 "(limits: docs/input-safety.md)") for m in found)


def test_device_inside_the_folder_is_refused(tiny_path: Path) -> None:
    from chaingraph.limits import LimitExceeded, read_limited_bytes

    with pytest.raises(LimitExceeded, match="not a regular file"):
        read_limited_bytes(Path("/dev/zero"), 1000)


def test_a_long_cell_gets_a_clear_message(tiny_path: Path) -> None:
    set_cell(tiny_path, "firms.csv", "note", "长" * 200_000)
    assert "firms.csv:2: a cell is longer than 131,072 characters (the limit; docs/input-safety.md): is a quote " \
           "left open?" in messages(tiny_path)


def _xlsx(rows: list[list[object]], merge: str | None = None) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    if merge:
        book.active.merge_cells(merge)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_bomb_is_refused_before_opening(tiny_path: Path, tmp_path: Path) -> None:
    source = zipfile.ZipFile(io.BytesIO(_xlsx([["企业名称"], ["甲"]])))
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                rows = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 3_000_000
                data = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                        + rows + b"</sheetData></worksheet>")
            target.writestr(item, data, compresslevel=9)
    assert bomb.stat().st_size < 1024 * 1024
    started = time.perf_counter()
    with pytest.raises(SheetError, match="zip bomb"):
        plan_import(tiny_path, bomb)
    assert time.perf_counter() - started < 30  # not a speed claim: opening the bomb would take minutes


def test_xlsx_with_too_many_rows_is_refused_from_a_count(tiny_path: Path, tmp_path: Path) -> None:
    source = zipfile.ZipFile(io.BytesIO(_xlsx([["企业名称"], ["甲"]])))
    big = tmp_path / "rows.xlsx"
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                rows = b"".join(f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>{i}</t></is></c></row>'.encode()
                                for i in range(1, 200_011))
                data = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                        + rows + b"</sheetData></worksheet>")
            target.writestr(item, data)
    with pytest.raises(SheetError, match="has more than 200,000 rows"):
        plan_import(tiny_path, big)


# ------------------------------------------------------------------------------------------------ spreadsheets


def test_merged_cells_fill_the_range(tiny_path: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "m.xlsx"
    sheet.write_bytes(_xlsx([["企业名称", "国别"], ["合并甲", "德国"], ["合并乙", None]], merge="B2:B3"))
    plan = plan_import(tiny_path, sheet)
    added = {f.name: f.country for f in plan.dataset.firms.values() if f.name.startswith("合并")}
    assert added == {"合并甲": "DE", "合并乙": "DE"}


def test_two_rows_for_one_firm_with_different_countries_conflict(tiny_path: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "two.csv"
    sheet.write_text("企业名称,国别\n冲突公司,日本\n冲突公司,德国\n", encoding="utf-8")
    with pytest.raises(SheetError) as caught:
        plan_import(tiny_path, sheet)
    assert [str(p) for p in caught.value.problems] == [
        "two.csv:3: 国别 (B): 'DE' conflicts with 'JP' given for the same firm at two.csv:2: keep one"]


def test_nul_in_a_sheet_cell_is_refused_with_row_and_column(tiny_path: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "nul.csv"
    sheet.write_text("企业名称,国别\n甲\x00公司,日本\n", encoding="utf-8")
    with pytest.raises(SheetError) as caught:
        plan_import(tiny_path, sheet)
    assert [str(p) for p in caught.value.problems] == ["nul.csv:2: 企业名称 (A): holds control character U+0000: "
                                                       "remove it"]


def test_import_warns_about_formula_like_names(tiny_path: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "f.csv"
    sheet.write_text("企业名称,国别\n=cmd|' /C calc'!A0,日本\n", encoding="utf-8")
    assert plan_import(tiny_path, sheet).warnings == [
        "f.csv:2: 企业名称: warning: starts with '=': spreadsheets would run it as a formula (chaingraph's own "
        "outputs neutralise it)"]


def test_mapping_file_goes_through_the_guarded_yaml_reader(tiny_path: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "s.csv"
    sheet.write_text("企业名称,国别\n甲公司,日本\n", encoding="utf-8")
    mapping = tmp_path / "map.yaml"
    for text, expected in ((BOMB, "alias"), ("columns: [a, b]\n", "must be a mapping"), ("", "empty")):
        mapping.write_text(text, encoding="utf-8")
        with pytest.raises(SheetError, match=expected):
            plan_import(tiny_path, sheet, mapping)


# ------------------------------------------------------------------------------------------------ YAML and folder


def test_empty_yaml_files_are_named(tiny_path: Path) -> None:
    for name in ("dataset.yaml", "regions.yaml", "chains/demo-auto.yaml"):
        (tiny_path / name).write_text("# nothing here\n", encoding="utf-8")
    found = messages(tiny_path)
    for name in ("dataset.yaml", "regions.yaml", "chains/demo-auto.yaml"):
        assert f"{name}: file is empty" in found


def test_complex_keys_and_merge_keys(tiny_path: Path) -> None:
    path = tiny_path / "regions.yaml"
    original = path.read_text(encoding="utf-8")
    path.write_text(original + "  - &base {id: merged-a, name: 合并区甲, kind: county, parent: land}\n"
                               "  - <<: *base\n    id: merged-b\n    name: 合并区乙\n", encoding="utf-8")
    ds = cgr.load_dataset(tiny_path)
    assert ds.regions["merged-b"].name == "合并区乙" and ds.regions["merged-b"].parent == "land"
    path.write_text(original + "? [a, b]\n: c\n", encoding="utf-8")
    assert any("a key must be plain text, not a list" in m for m in messages(tiny_path))
    path.write_text(original + "  - {id: twice, id: again, name: 区, kind: county}\n", encoding="utf-8")
    assert any(m.endswith("id: key given twice") for m in messages(tiny_path))


def test_folder_level_mistakes(tiny_path: Path) -> None:
    (tiny_path / "ties.csv").rename(tiny_path / "tie.csv")
    (tiny_path / "chains" / "demo-auto.yml").write_bytes((tiny_path / "chains" / "demo-auto.yaml").read_bytes())
    found = messages(tiny_path)
    assert "tie.csv: warning: is not a dataset file and is not read; did you mean ties.csv?" in found
    assert "chains/demo-auto.yml: a second copy of chains/demo-auto.yaml: keep one of the two" in found
    (tiny_path / "chains" / "demo-auto.yml").unlink()
    (tiny_path / "chains" / "demo-auto.yaml").unlink()
    assert "chains/: warning: 3 segments used by links.csv or projects.csv are defined by no chain file (core, " \
           "motor, steel): a typo, or a chain file missing from chains/?" in messages(tiny_path)


def test_duplicate_rows_and_likely_duplicate_firms_warn(tiny_path: Path) -> None:
    for name in ("ties.csv", "citations.csv"):
        lines = (tiny_path / name).read_text(encoding="utf-8").splitlines()
        (tiny_path / name).write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    with (tiny_path / "firms.csv").open("a", encoding="utf-8") as out:
        out.write("motor-twin,本地电机（平湖）,本地电机有限公司,,,JP,,,,,,,src-demo,\n")
        out.write("steel-twin,本地钢板,,,,CN,,,,,,,src-demo,\n")
    found = [m for m in messages(tiny_path) if "warning" in m]
    assert any(m.startswith("ties.csv:") and "the same tie as line 2" in m for m in found)
    assert any(m.startswith("citations.csv:") and "the same citation as line 2" in m for m in found)
    assert any("legal_name: warning: same legal name as firm motor-local" in m for m in found)
    assert any("name: warning: same name and country as firm steel-local" in m for m in found)
    cgr.load_dataset(tiny_path)  # warnings never stop a load


# ------------------------------------------------------------------------------------------------ merge proposals


@pytest.mark.parametrize(("text", "expected"), [
    (json.dumps({"items": []}), 'must hold a list under "facts"'),
    (json.dumps({"facts": 5}), '"facts" must be a list of facts, not int'),
    (json.dumps([1, 2]), "fact 1 is '1', not an object"),
    (json.dumps([{"record": "firm", "key": ["a"], "field": "name", "value": "x"}]), "key must be text, not list"),
    (json.dumps([{"record": "firm", "key": "a", "field": "name", "value": "x", "confidence": 7}]),
     "is not between 0 and 1"),
    ("[" * 100_000 + "]" * 100_000, "not valid JSON"),
    ("a,b\n1,2\n", "missing columns field, key, record, value"),
])
def test_malformed_proposals_give_one_line(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "p.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ParseError) as caught:
        read_proposed(path)
    assert expected in str(caught.value) and "\n" not in str(caught.value)


def test_a_new_firm_without_a_name_fact_is_skipped(tiny_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps([{"record": "firm", "key": "无名公司", "field": "country", "value": "JP"}]),
                    encoding="utf-8")
    plan = plan_merge(cgr.load_dataset(tiny_path), read_proposed(path))
    (skip,) = plan.of("skip")
    assert skip.id == "无名公司" and "needs a name fact" in skip.reason
    code, out, _ = run("--lang", "en", "--data", str(tiny_path), "merge", str(path), "--dry-run")
    assert code == 0 and "needs a name fact" in out
    code, out, _ = run("--data", str(tiny_path), "merge", str(path), "--dry-run")  # Chinese by default
    assert code == 0 and "新企业需要一条名称事实" in out


# ------------------------------------------------------------------------------------------------ fuzzers

_FILES = ("dataset.yaml", "regions.yaml", "chains/demo-auto.yaml", "sources.csv", "groups.csv", "firms.csv",
          "links.csv", "ties.csv", "projects.csv", "region_facts.csv", "citations.csv")
_json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                            lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                          max_size=4), max_leaves=20)
_cells = st.text(alphabet=st.characters(codec="utf-8"), max_size=12)


@st.composite
def _file_content(draw: st.DrawFn) -> tuple[str, bytes]:
    import yaml

    name = draw(st.sampled_from(_FILES))
    kind = draw(st.sampled_from(["bytes", "text", "rows", "yaml"]))
    if kind == "bytes":
        return name, draw(st.binary(max_size=300))
    if kind == "text":
        return name, draw(st.text(max_size=300)).encode("utf-8", "surrogatepass")
    if kind == "rows":
        rows = draw(st.lists(st.lists(_cells, min_size=1, max_size=6), max_size=6))
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\n").writerows(rows)
        return name, out.getvalue().encode("utf-8", "surrogatepass")
    return name, yaml.safe_dump(draw(_json_values), allow_unicode=True).encode("utf-8", "surrogatepass")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=_file_content())
def test_fuzz_dataset_reader(tmp_path: Path, content: tuple[str, bytes]) -> None:
    root = tmp_path / "fuzz"
    if not root.exists():
        write_tiny_dataset(root)
    name, data = content
    original = (root / name).read_bytes()
    (root / name).write_bytes(data)
    try:
        try:
            cgr.load_dataset(root)
        except DatasetError as exc:
            assert exc.problems
            for problem in exc.problems:
                assert problem.file and (problem.line is None or problem.line >= 1)
                assert problem.severity == "error"
                assert len(str(problem)) < 1500
        cgr.validate_dataset(root, warnings=True)
    finally:
        (root / name).write_bytes(original)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(_json_values.map(lambda v: json.dumps(v).encode()),
                      st.lists(st.fixed_dictionaries({}, optional={
                          "record": st.sampled_from(["firm", "project", "region_fact", "source", "x"]) | _json_values,
                          "key": _cells | _json_values, "field": st.sampled_from(["name", "country", "investment",
                                                                                   "date", "aliases"]) | _cells,
                          "value": _cells | _json_values, "confidence": _json_values, "start": _json_values}),
                          max_size=5).map(lambda v: json.dumps(v).encode()),
                      st.binary(max_size=200)))
def test_fuzz_proposal_reader(tmp_path: Path, data: bytes) -> None:
    root = tmp_path / "fuzz"
    if not root.exists():
        write_tiny_dataset(root)
    path = tmp_path / "p.json"
    path.write_bytes(data)
    try:
        facts = read_proposed(path)
    except ParseError as exc:
        assert "\n" not in str(exc)
        return
    try:
        plan_merge(cgr.load_dataset(root), facts)
    except ChaingraphError:
        pass
