"""The project ledger: promised against latest, stalled projects first, N and M as parameters."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from chaingraph import load_dataset
from chaingraph.analysis.ledger import project_ledger
from chaingraph.cli import cli
from chaingraph.dataset.fixtures import write_tiny_dataset

PROJECTS_EXTRA = ("late-project,迟迟未开工项目,machine-other,town,new,signed,2023-01,,,1亿元,,,,,,,machine,src-demo,\n"
                  "slow-build,久建未投项目,cnc-cn,town,new,under_construction,2021-06,2021-09,,,,,,,,,cnc,src-demo,\n")


def _root(tmp_path: Path) -> Path:
    root = write_tiny_dataset(tmp_path / "tiny")
    with (root / "projects.csv").open("a", encoding="utf-8") as out:
        out.write(PROJECTS_EXTRA)
    (root / "events.csv").write_text("project,date,kind,amount,sources,evidence,note\n"
                                     "core-project,2024-01,signed,,src-demo,,\n"
                                     "core-project,2024-03,capital_increase,500万美元,src-demo,,\n",
                                     encoding="utf-8")
    return root


def test_stalled_projects_come_first_with_their_reason(tmp_path: Path) -> None:
    ds = load_dataset(_root(tmp_path))  # the ledger date is the latest event's last day, 2024-03-31
    rows = project_ledger(ds)
    assert [r["id"] for r in rows] == ["slow-build", "late-project", "core-project"]
    assert [r["stalled"] for r in rows] == [True, True, False]
    # 2023-01 counts from 2023-01-31; the ledger date is 2024-03-31 (the capital increase): 14 months
    assert rows[1]["stalled_reason"] == "签约 14 个月未见开工记录（2023-01 签约）"
    assert rows[0]["stalled_reason"] == "开工 30 个月未见试产记录（2021-09 开工）"
    core = rows[2]
    assert core["promised"]["investment"] == {"amount": 34000000, "currency": "USD", "qualifier": "exact"}
    assert core["latest"]["capital_increases"] == [{"amount": 5000000, "currency": "USD", "qualifier": "exact"}]
    assert core["stalled_reason"] is None


def test_thresholds_are_parameters(tmp_path: Path) -> None:
    ds = load_dataset(_root(tmp_path))
    rows = project_ledger(ds, signed_months=15, started_months=12)
    assert {r["id"]: r["stalled"] for r in rows} == {"slow-build": True, "late-project": False,
                                                     "core-project": False}


def test_cli_ledger_json_and_csv(tmp_path: Path) -> None:
    root = _root(tmp_path)
    runner = CliRunner()
    out = runner.invoke(cli, ["-d", str(root), "projects", "--ledger", "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert all({"id", "promised", "latest", "stalled", "stalled_reason"} <= set(row) for row in data)
    out = runner.invoke(cli, ["-d", str(root), "projects", "--ledger", "--stalled-signed", "15", "--format", "csv"])
    assert out.output.splitlines()[0].startswith("id,name,signed,investment")
    # signed 14 months ago is no longer stalled with N = 15; started 30 months ago still is (M = 24)
    assert [line.split(",")[0] for line in out.output.splitlines()[1:] if ",yes," in line] == ["slow-build"]
    out = runner.invoke(cli, ["-d", str(root), "projects", "--ledger"])
    assert "⚠ 迟迟未开工项目" in out.output
