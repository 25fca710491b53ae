"""The command line, through click's CliRunner: output a user sees, JSON contracts, errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from chaingraph.cli import cli


@pytest.fixture
def run(tiny_path: Path):  # type: ignore[no-untyped-def]
    runner = CliRunner()

    def invoke(*args: str, data: Path | None = tiny_path, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        prefix = ["--data", str(data)] if data is not None else []
        return runner.invoke(cli, [*prefix, *args], env=env, catch_exceptions=False)

    return invoke


def test_chains_table(run) -> None:  # type: ignore[no-untyped-def]
    result = run("chains")
    assert result.exit_code == 0, result.output
    assert "演示数据集 · 演示市 · 数据截至 2024-01-15" in result.output
    line = next(line for line in result.output.splitlines() if line.startswith("demo-auto"))
    # strong, weak, pipeline, claimed, missing, not seen; the fixture's firm list is a complete registry
    assert line.split() == ["demo-auto", "演示汽车", "4", "1", "1", "1", "0", "1", "0", "2", "48%", "71%"]
    assert "覆盖：名录完整（未见即缺），截至 2024-01-01" in result.output


def test_chains_json(run) -> None:  # type: ignore[no-untyped-def]
    rows = json.loads(run("chains", "--format", "json").output)
    assert [r["id"] for r in rows] == ["demo-auto", "demo-tools"]
    assert rows[0]["completeness"] == pytest.approx(1.5 / 3.1)


def test_gaps_table_is_aligned_and_explained(run) -> None:  # type: ignore[no-untyped-def]
    result = run("gaps", "--chain", "汽车演示")
    assert result.exit_code == 0
    out = result.output
    assert "完整度 48%（含在途 71%）· 强 1 · 弱 1 · 在途 1 · 缺 1" in out
    assert "整车 [缺·延链·0.450]" in out
    assert "    - 上游 驱动电机 强（本地电机）支撑 1.00" in out
    header = next(line for line in out.splitlines() if line.startswith("环节"))
    rule = out.splitlines()[out.splitlines().index(header) + 1]
    assert set(rule.replace(" ", "")) == {"-"}


def test_gaps_json_contract(run) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(run("gaps", "-c", "demo-auto", "--region", "演示市", "--format", "json").output)
    assert data["chain"] == {"id": "demo-auto", "name": "演示汽车", "name_en": "Demo automotive"}
    assert data["region"] == {"id": "town", "name": "演示市"}
    first = data["segments"][0]
    assert first["id"] == "vehicle" and first["status"] == "missing" and first["action"] == "延链"
    assert first["priority"] == pytest.approx(0.45)
    assert {s["id"]: s["local_firms"] for s in data["segments"]}["motor"] == ["本地电机"]


def test_gaps_filters_and_csv(run) -> None:  # type: ignore[no-untyped-def]
    out = run("gaps", "-c", "demo-auto", "--status", "missing", "--status", "pipeline", "--format", "csv").output
    lines = out.splitlines()
    assert lines[0].startswith("id,name,name_en,tier,importance,status,action,priority")
    assert [line.split(",")[0] for line in lines[1:]] == ["vehicle", "core"]
    chain_order = json.loads(run("gaps", "-c", "demo-auto", "--sort", "chain", "--format", "json").output)
    assert [s["id"] for s in chain_order["segments"]] == ["steel", "core", "motor", "vehicle"]


def test_targets(run) -> None:  # type: ignore[no-untyped-def]
    result = run("targets", "--chain", "演示机床", "--segment", "数控系统")
    assert result.exit_code == 0
    assert "候选 4 家，显示前 4 家" in result.output
    rows = [line for line in result.output.splitlines() if line[:1].isdigit()]
    assert rows[0].split()[1] == "东洋数控"
    data = json.loads(run("targets", "-s", "cnc", "-n", "2", "--format", "json").output)
    assert [c["firm"] for c in data["candidates"]] == ["东洋数控", "德意数控"]
    assert data["candidates"][1]["reasons"] == ["大型企业", "已为本地 本地电机 供货"]
    assert data["segment"]["id"] == "cnc" and data["region"]["id"] == "town"


def test_firms_and_projects_json_contract(run) -> None:  # type: ignore[no-untyped-def]
    firms = json.loads(run("firms", "--format", "json").output)
    assert [f["id"] for f in firms] == ["motor-local", "steel-local", "core-newco"]
    motor = firms[0]
    assert {"id", "name", "aliases", "country", "group", "fortune500", "region", "park", "segments",
            "sources"} <= set(motor)
    assert motor["park"] == "中日演示园" and motor["region"] == "演示市" and motor["group"] == "大集团"
    assert motor["fortune500"] is True and motor["segments"] == ["motor"]
    everyone = json.loads(run("firms", "--all", "--segment", "cnc", "--format", "json").output)
    assert len(everyone) == 4
    projects = json.loads(run("projects", "--format", "json").output)
    assert projects == [{
        "id": "core-project", "name": "铁芯项目", "firms": ["铁芯新公司"], "region": "演示市", "park": "中日演示园",
        "kind": "new", "status": "signed", "date": "2024-01", "start_date": None, "trial_date": "2024-Q4",
        "investment": {"amount": 34000000, "currency": "USD", "qualifier": "exact"},
        "registered_capital": {"amount": 16660000, "currency": "USD", "qualifier": "exact"},
        "fixed_asset_investment": None, "capital_increase": None,
        "expected_output": {"amount": 700000000, "currency": "CNY", "qualifier": "at_least"},
        "capacity": None, "area_mu": 27.8, "segments": ["core"], "note": None,
        "sources": [{"id": "src-demo", "title": "演示新闻", "publisher": "演示日报", "date": "2024-01-10", "url": None,
                     "evidence": {"investment": "总投资3400万美元"}}],
    }]


def test_projects_table(run) -> None:  # type: ignore[no-untyped-def]
    out = run("projects").output
    assert "铁芯项目" in out and "3400万美元" in out and "签约" in out and "1 个项目" in out


def test_show_firm_and_ambiguity(run) -> None:  # type: ignore[no-untyped-def]
    out = run("show", "电机甲").output
    assert "name: 本地电机" in out and "segment=motor" in out and "suppliers: 德意数控" in out
    data = json.loads(run("show", "铁芯", "--format", "json").output)
    assert isinstance(data, list) and {d["type"] for d in data} == {"firm", "project", "segment"}


def test_validate_ok_and_broken(run, tiny_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CHAINGRAPH_LANG", "en")  # the messages checked here are the English ones
    ok = run("validate")
    assert ok.exit_code == 0 and "valid · 2 chains · 7 segments" in ok.output
    links = tiny_path / "links.csv"
    links.write_text(links.read_text(encoding="utf-8").replace("cnc-de,cnc", "cnc-de,cnc-typo"), encoding="utf-8")
    firms = tiny_path / "firms.csv"
    firms.write_text(firms.read_text(encoding="utf-8").replace(",CN,,,medium,town", ",ZZ,,,medium,town"),
                     encoding="utf-8")
    bad = run("validate")
    assert bad.exit_code == 3
    assert "links.csv:5: segment: unknown segment 'cnc-typo'" in bad.output
    assert "firms.csv:3: country: unknown country code 'ZZ'" in bad.output
    assert "2 problems" in bad.output
    assert "Traceback" not in bad.output
    # every command that loads data refuses it the same way
    gaps = run("gaps", "-c", "demo-auto")
    assert gaps.exit_code == 3 and "links.csv:5: segment: unknown segment 'cnc-typo'" in gaps.output


def test_unknown_names_exit_4_in_one_line(run, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CHAINGRAPH_LANG", "en")  # the messages checked here are the English ones
    result = run("gaps", "--chain", "steel-chain")
    assert result.exit_code == 4
    assert result.output.strip().splitlines() == ["Error: unknown chain 'steel-chain'; known: demo-auto, demo-tools"]
    assert run("targets", "-s", "数控系").exit_code == 0  # a unique partial name is accepted
    assert run("targets", "-s", "quantum").exit_code == 4
    assert run("show", "nothing-like-this").exit_code == 4


def test_data_from_environment(tiny_path: Path) -> None:
    result = CliRunner().invoke(cli, ["chains", "--format", "json"], env={"CHAINGRAPH_DATA": str(tiny_path)})
    assert result.exit_code == 0 and json.loads(result.output)[0]["id"] == "demo-auto"


def test_missing_dataset_folder(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CHAINGRAPH_LANG", "en")  # the messages checked here are the English ones
    result = run("chains", data=tmp_path / "nowhere")
    assert result.exit_code == 3 and "dataset folder does not exist" in result.output


def test_default_dataset_is_pinghu(run) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(run("gaps", "--chain", "机床", "--format", "json", data=None).output)
    assert data["region"]["id"] == "pinghu" and data["chain"]["id"] == "machine-tool"


def test_usage_errors_exit_2(run) -> None:  # type: ignore[no-untyped-def]
    assert run("gaps").exit_code == 2
    assert run("gaps", "-c", "demo-auto", "--format", "xml").exit_code == 2


def test_regions(run) -> None:  # type: ignore[no-untyped-def]
    out = run("regions").output
    assert "  中日演示园" in out and "演示市 · 实际利用外资（2023-01/2023-04）: 1.834亿美元" in out


def test_python_dash_m(tiny_path: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "chaingraph", "--data", str(tiny_path), "chains", "--format",
                           "json"], capture_output=True, text=True, encoding="utf-8", check=False)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)[1]["id"] == "demo-tools"


def test_compile_then_gaps_use_the_snapshot(run, tiny_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = run("compile")
    assert first.exit_code == 0 and "snapshot compiled" in first.output
    assert "up to date" in run("compile").output
    memory = json.loads(run("gaps", "-c", "demo-auto", "--format", "json", "--backend", "networkx").output)
    auto = json.loads(run("gaps", "-c", "demo-auto", "--format", "json").output)  # the fresh snapshot
    snap = json.loads(run("gaps", "-c", "demo-auto", "--format", "json", "--backend", "snapshot").output)
    assert memory == auto == snap
    links = tiny_path / "links.csv"
    links.write_text(links.read_text(encoding="utf-8").replace("steel-local,steel,probable",
                                                                "steel-local,vehicle,probable"), encoding="utf-8")
    changed = json.loads(run("gaps", "-c", "demo-auto", "--format", "json").output)
    assert {s["id"]: s["status"] for s in changed["segments"]}["vehicle"] == "weak"


def test_snapshot_backend_refuses_a_broken_dataset(run, tiny_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CHAINGRAPH_LANG", "en")  # the messages checked here are the English ones
    links = tiny_path / "links.csv"
    links.write_text(links.read_text(encoding="utf-8").replace("cnc-de,cnc", "cnc-de,cnc-typo"), encoding="utf-8")
    result = run("gaps", "-c", "demo-auto", "--backend", "snapshot")
    assert result.exit_code == 3 and "unknown segment 'cnc-typo'" in result.output


@pytest.mark.parametrize("encoding", ["gbk", "cp1252", None])
def test_no_traceback_on_a_console_that_is_not_utf8(encoding: str | None, tmp_path: Path) -> None:
    """Chinese Windows consoles are GBK, western ones cp1252: output degrades, it never crashes."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8")}
    if encoding:
        env["PYTHONIOENCODING"] = encoding
    else:  # a redirected stdout under a non-UTF-8 locale: chaingraph writes UTF-8 there
        env.update(LC_ALL="C", LANG="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0")
    for args in (["chains"], ["gaps", "-c", "machine-tool"], ["targets", "-s", "数控系统"], ["show", "湛新"]):
        result = subprocess.run([sys.executable, "-m", "chaingraph", *args], capture_output=True, env=env,
                                timeout=120, check=False)
        assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr[-1500:]
        if encoding == "gbk":  # a Chinese console shows Chinese
            assert "平湖" in result.stdout.decode("gbk") or "湛新" in result.stdout.decode("gbk")
        elif encoding is None:  # redirected: UTF-8, arguments in Chinese understood
            text = result.stdout.decode("utf-8")
            assert ("平湖" in text or "湛新" in text) and (args[0] != "targets" or "数控系统" in text)
        else:
            assert b"?" in result.stdout  # what cp1252 cannot show is replaced


def test_lang_en_tables_have_english_headers_and_codes(tiny_path: Path) -> None:
    runner = CliRunner()
    zh = runner.invoke(cli, ["--data", str(tiny_path), "gaps", "--chain", "demo-auto"])
    en = runner.invoke(cli, ["--data", str(tiny_path), "--lang", "en", "gaps", "--chain", "demo-auto"])
    assert zh.exit_code == 0 and en.exit_code == 0, en.output
    zh_header = next(line for line in zh.output.splitlines() if line.startswith("环节"))
    en_header = next(line for line in en.output.splitlines() if line.startswith("segment"))
    assert "层级" in zh_header and "优先级" in zh_header
    assert "tier" in en_header and "priority" in en_header and "层级" not in en.output
    cells = en.output.split()
    assert any(t in cells for t in ("upstream", "midstream", "downstream"))
    assert any(s in cells for s in ("missing", "unknown", "pipeline"))
    assert "fill" in cells or "verify" in cells
    # JSON is the same in both languages: codes and labels
    args = ["gaps", "--chain", "demo-auto", "--format", "json"]
    assert runner.invoke(cli, ["--data", str(tiny_path), *args]).output == \
        runner.invoke(cli, ["--data", str(tiny_path), "--lang", "en", *args]).output
    env = runner.invoke(cli, ["--data", str(tiny_path), "firms"], env={"CHAINGRAPH_LANG": "en"})
    assert env.output.splitlines()[0].split()[:3] == ["id", "firm", "country"]
