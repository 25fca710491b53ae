"""Errors in the language of ``--lang``: Chinese by default, English with ``--lang en``; the same file, line and
field, the same exit code, never a traceback (issue 16)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from chaingraph.cli import cli
from chaingraph.outputs.lang import cjk_outside, has_cjk


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def _both(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, int, str]:
    zh_code, zh = _run(*args, env=env)
    en_code, en = _run("--lang", "en", *args, env=env)
    assert zh_code == en_code != 0
    assert "Traceback" not in zh + en
    return zh_code, zh, en_code, en


def _error_line(output: str, prefix: str) -> str:
    return next(line for line in output.splitlines() if line.startswith(prefix))


def test_a_missing_dataset(tmp_path: Path) -> None:
    where = str(tmp_path / "nowhere")
    code, zh, _, en = _both("--data", where, "gaps", "--chain", "automotive")
    assert code == 3
    assert _error_line(zh, "错误：") == f"错误：数据集 {where} 有 1 个问题："
    assert f"  {where}: 数据集文件夹不存在" in zh.splitlines()
    assert _error_line(en, "Error: ") == f"Error: dataset {where} has 1 problem:"
    assert f"  {where}: dataset folder does not exist" in en.splitlines()


def test_a_bad_csv_row_names_file_line_and_field(tiny_path: Path) -> None:
    firms = tiny_path / "firms.csv"
    header = firms.read_text(encoding="utf-8").splitlines()[0].split(",")
    lines = firms.read_text(encoding="utf-8").rstrip("\n").split("\n")
    row = dict.fromkeys(header, "")
    row.update(id="bad-firm", name="坏企业", country="XX")
    firms.write_text("\n".join([*lines, ",".join(row[h] for h in header)]) + "\n", encoding="utf-8")
    line = len(lines) + 1
    code, zh, _, en = _both("--data", str(tiny_path), "firms")
    assert code == 3
    assert f"  firms.csv:{line}: country: 未知的国家代码 'XX'（请用 ISO 3166-1 两字母代码，如 CN、JP、DE）" in zh
    assert f"  firms.csv:{line}: country: unknown country code 'XX' (use ISO 3166-1 alpha-2, e.g. CN, JP, DE)" in en
    # validate prints the same lines, one per problem, in the chosen language
    code, zh, _, en = _both("--data", str(tiny_path), "validate")
    assert code == 3
    assert f"firms.csv:{line}: country: 未知的国家代码 'XX'" in zh and zh.rstrip().endswith("1 个问题")
    assert f"firms.csv:{line}: country: unknown country code 'XX'" in en and en.rstrip().endswith("1 problem")


def test_a_row_with_too_many_cells(tiny_path: Path) -> None:
    links = tiny_path / "links.csv"
    lines = links.read_text(encoding="utf-8").rstrip("\n").split("\n")
    links.write_text("\n".join([*lines, "a,b,c,d,e,f,g,h,i"]) + "\n", encoding="utf-8")
    width = len(lines[0].split(","))
    code, zh, _, en = _both("--data", str(tiny_path), "validate")
    assert f"links.csv:{len(lines) + 1}: 有 9 个单元格，表头有 {width} 列" in zh
    assert f"links.csv:{len(lines) + 1}: has 9 cells, the header has {width}" in en


def test_an_unknown_chain(tiny_path: Path) -> None:
    code, zh, _, en = _both("--data", str(tiny_path), "gaps", "--chain", "nope")
    assert code == 4
    assert _error_line(zh, "错误：").startswith("错误：未知的产业链 'nope'")
    assert _error_line(en, "Error: ").startswith("Error: unknown chain 'nope'")


def test_the_maps_own_lang_option_sets_the_language_of_its_errors(tiny_path: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "x.html")
    code, en = _run("--data", str(tiny_path), "map", "--lang", "en", "--chain", "nope", "-o", out)
    assert code == 4
    assert _error_line(en, "Error: ").startswith("Error: unknown chain 'nope'")
    code, zh = _run("--data", str(tiny_path), "--lang", "en", "map", "--lang", "zh", "--chain", "nope", "-o", out)
    assert code == 4 and _error_line(zh, "错误：").startswith("错误：未知的产业链 'nope'")
    assert not (tmp_path / "x.html").exists()


def test_a_registry_without_a_name_column(tmp_path: Path) -> None:
    registry = tmp_path / "名录.csv"
    registry.write_text("地址,电话\n平湖市,123\n", encoding="utf-8")
    code, zh, _, en = _both("classify", str(registry))
    assert code == 3
    assert "  名录.csv: 没有工作表含企业名称列（企业名称、" in zh
    assert "  名录.csv: no sheet has a firm name column (企业名称、" in en


def test_a_bad_neo4j_uri() -> None:
    env = {"NEO4J_URI": "http://localhost:7474"}
    code, zh, _, en = _both("neo4j", "status", env=env)
    assert code == 5
    assert _error_line(zh, "错误：").startswith("错误：NEO4J_URI=http://localhost:7474 不是 Bolt URI：请用 bolt://")
    assert _error_line(en, "Error: ").startswith("Error: NEO4J_URI=http://localhost:7474 is not a Bolt URI")


def test_the_language_comes_from_the_environment_too(tiny_path: Path) -> None:
    _, en = _run("--data", str(tiny_path), "gaps", "--chain", "nope", env={"CHAINGRAPH_LANG": "en"})
    assert "Error: unknown chain 'nope'" in en
    _, zh = _run("--data", str(tiny_path), "--lang", "zh", "gaps", "--chain", "nope", env={"CHAINGRAPH_LANG": "en"})
    assert "错误：未知的产业链 'nope'" in zh


@pytest.mark.parametrize(("args", "zh", "en"), [
    (["gaps", "--format", "xx"], "错误：'--format' 的值无效：'xx' 不是可选值 'table', 'json', 'csv' 之一。",
     "Error: Invalid value for '--format': 'xx' is not one of 'table', 'json', 'csv'."),
    (["targets", "--chain", "automotive"], "错误：缺少选项 '--segment' / '-s'。",
     "Error: Missing option '--segment' / '-s'."),
    (["gaps", "--chian", "x"], "错误：没有选项 --chian。是不是要用 --chain？", "Error: No such option"),
    (["targets", "-s", "数控系统", "--limit", "abc"], "错误：'--limit' / '-n' 的值无效：'abc' 不是有效的数字。",
     "Error: Invalid value for '--limit' / '-n': 'abc' is not a valid integer"),
    (["gapz"], "错误：没有命令 'gapz'。是不是要用 'gaps'？", "Error: No such command 'gapz'"),
    (["--bogus", "chains"], "错误：没有选项 --bogus。", "Error: No such option"),
    (["map", "-o", "map.html"], "错误：请指明要哪张图：--chain 产业链、--all 或 --segment 环节",
     "Error: say which map: --chain CHAIN, --all, or --segment SEGMENT"),
])
def test_usage_errors(args: list[str], zh: str, en: str) -> None:
    code, zh_out, _, en_out = _both(*args)
    assert code == 2
    assert zh in zh_out.splitlines() and zh_out.startswith("用法：")
    assert "查看帮助" in zh_out
    assert any(line.startswith(en) for line in en_out.splitlines()) and en_out.startswith("Usage: ")


def test_an_unknown_language_is_a_usage_error_in_the_default_language() -> None:
    code, out = _run("--lang", "xx", "chains")
    assert code == 2 and "错误：'--lang' 的值无效：'xx' 不是可选值 'zh', 'en' 之一。" in out


def test_english_errors_hold_no_chinese_beyond_the_data(tmp_path: Path) -> None:
    _, _, _, en = _both("--data", str(tmp_path / "x"), "gaps", "--chain", "automotive")
    assert not has_cjk(en)


@pytest.mark.parametrize("encoding", ["gbk", "cp1252"])
def test_errors_on_a_console_that_is_not_utf8(encoding: str, tmp_path: Path) -> None:
    """A Chinese Windows console (GBK) shows the Chinese error; cp1252 degrades to ?; never a traceback."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONUTF8", "CHAINGRAPH_LANG")}
    env["PYTHONIOENCODING"] = encoding
    for args, code in ((["gaps", "--chain", "不存在的链"], 4), (["--data", str(tmp_path / "无"), "firms"], 3),
                       (["gaps", "--format", "表格"], 2)):
        result = subprocess.run([sys.executable, "-m", "chaingraph", *args], capture_output=True, env=env,
                                timeout=120, check=False)
        assert result.returncode == code and b"Traceback" not in result.stderr, result.stderr[-1500:]
        text = result.stderr.decode(encoding, errors="strict")
        if encoding == "gbk":
            assert "错误：" in text
        else:
            assert "?" in text


# ------------------------------------------------------------------- --since, the ledger and show in English


@pytest.mark.parametrize("args", [
    ["chains", "--since", "2021"],
    ["gaps", "--chain", "automotive", "--since", "2021"],
    ["projects", "--ledger"],
    ["backtest", "--as-of", "2021-12-31", "--until", "2024-10-11"],
    ["show", "湛新"],
    ["show", "德马吉森精机项目"],
    ["show", "驱动电机"],
])
def test_english_tables_hold_no_chinese_beyond_the_data(args: list[str]) -> None:
    from chaingraph.dataset.reader import load_dataset
    from chaingraph.outputs.lang import cjk_outside, data_texts

    zh_code, zh = _run(*args)
    en_code, en = _run("--lang", "en", *args)
    assert zh_code == en_code == 0, en
    assert has_cjk(zh)
    shown = re.sub(r"\S*…\S*", " ", en)  # names cut to fit a column are data too
    leftovers = cjk_outside(shown, data_texts(load_dataset()))
    assert not leftovers, leftovers


def test_the_ledger_in_english_keeps_its_figures() -> None:
    _, zh = _run("projects", "--ledger")
    _, en = _run("--lang", "en", "projects", "--ledger")
    assert "项目台账" in zh and "停滞原因" in zh
    assert en.startswith("Project ledger · as of ") and "stalled because" in en
    assert zh.count("⚠") == en.count("⚠") > 0
    assert "no start recorded" in en and "签约" in zh
    # the CSV and JSON are the same in both languages
    for fmt in ("csv", "json"):
        assert _run("projects", "--ledger", "--format", fmt) == _run("--lang", "en", "projects", "--ledger",
                                                                      "--format", fmt)


def test_classify_and_import_summaries_in_english(tiny_path: Path, tmp_path: Path) -> None:
    from chaingraph.dataset.store import bundled_dataset_path

    registry = str(bundled_dataset_path().parent / "registry-small.csv")
    _, zh = _run("classify", registry)
    _, en = _run("--lang", "en", "classify", registry)
    assert "家在业企业" in zh and "置信度" in zh
    assert "active firms" in en and "confidence" in en and "家在业企业" not in en and "置信度" not in en
    sheet = tmp_path / "firms.csv"
    sheet.write_text("企业名称,国别\n新企业甲,日本\n", encoding="utf-8")
    _, zh = _run("--data", str(tiny_path), "import", str(sheet), "--dry-run")
    _, en = _run("--lang", "en", "--data", str(tiny_path), "import", str(sheet), "--dry-run")
    assert "试运行" in zh and "新增企业 1" in zh
    assert en.startswith("dry run: nothing is written") and "new firm 1" in en
    assert not cjk_outside(en.replace("新企业甲", ""), [])


def test_a_hostile_name_in_an_imported_sheet_warns_in_the_chosen_language(tiny_path: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "firms.csv"
    sheet.write_text("企业名称,国别\n=HYPERLINK(1),日本\n", encoding="utf-8")
    _, zh = _run("--data", str(tiny_path), "import", str(sheet), "--dry-run")
    _, en = _run("--lang", "en", "--data", str(tiny_path), "import", str(sheet), "--dry-run")
    assert "企业名称: 警告: 以 '=' 开头：电子表格会把它当作公式执行" in zh
    assert "企业名称: warning: starts with '=': spreadsheets would run it as a formula" in en
