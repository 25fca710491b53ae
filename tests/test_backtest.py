"""Backtest on the tiny fixture with a dated history: precision at k computed by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from chaingraph import load_dataset
from chaingraph.analysis.asof import dataset_as_of
from chaingraph.analysis.backtest import backtest
from chaingraph.analysis.gaps import gap_report
from chaingraph.cli import cli
from chaingraph.dataset.fixtures import write_tiny_dataset
from chaingraph.dataset.graph import build_graph


@pytest.fixture()
def history(tmp_path: Path) -> Path:
    """Everything reported in 2020; then the core project is signed (2024-03) and runs (2025-03), and the
    Japanese CNC maker signs a project in the town's park (2024-09)."""
    root = write_tiny_dataset(tmp_path / "tiny")
    sources = root / "sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8").replace("2024-01-10", "2020-01-10")
                       + "src-2024,新报道,演示日报,2024-03-01,,article,\n", encoding="utf-8")
    with (root / "projects.csv").open("a", encoding="utf-8") as out:
        out.write("cnc-landing,数控落地项目,cnc-jp,town-park,new,signed,2024-09,,,,,,,,,,cnc,src-2024,\n")
    (root / "events.csv").write_text("project,date,kind,amount,sources,evidence,note\n"
                                     "core-project,2024-03,signed,,src-2024,,\n"
                                     "core-project,2025-03,operating,,src-2024,,\n", encoding="utf-8")
    return root


def test_precision_at_k_by_hand(history: Path) -> None:
    ds = load_dataset(history)
    then = build_graph(dataset_as_of(ds, "2023-12-31"))
    # the rankings of then (gap segments with a priority, highest first)
    assert [g.segment.id for g in gap_report(then, "demo-auto").ranked() if g.priority is not None] == \
        ["core", "vehicle", "steel"]
    assert [g.segment.id for g in gap_report(then, "demo-tools").ranked() if g.priority is not None] == \
        ["machine", "cnc", "spindle"]
    result = backtest(ds, "2023-12-31", "2025-06-30", ks=[1, 2, 3])
    # landed by 2025-06-30: core (missing -> weak) in demo-auto, cnc (missing -> pipeline) in demo-tools
    assert result["landed_segments"] == 2
    seg = result["precision_at_k"]["segments"]
    # demo-auto: hit at rank 1; demo-tools: hit at rank 2 -> P@1 = (1 + 0) / 2, P@2 = (1/2 + 1/2) / 2, P@3 = 1/3
    assert seg == pytest.approx({1: 0.5, 2: 0.5, 3: 1 / 3})
    # firms: only demo-tools has candidates: machine-other (0.5 x 0.7), cnc-jp (0.2 x 1.2), cnc-de, cnc-group;
    # cnc-jp landed, at rank 2
    assert result["landed_firms"] == 1
    assert result["precision_at_k"]["firms"] == pytest.approx({1: 0.0, 2: 0.5, 3: 1 / 3})
    assert result["baseline"]["firms"] == pytest.approx({1: 0.25, 2: 0.25, 3: 0.25})  # 1 hit in a list of 4


def test_nothing_landed_scores_zero(history: Path) -> None:
    result = backtest(load_dataset(history), "2023-12-31", "2024-01-31", ks=[1, 3])
    assert result["landed_segments"] == 0
    assert result["precision_at_k"]["segments"] == {1: 0.0, 3: 0.0}


def test_cli_backtest_json_contract(history: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHAINGRAPH_LANG", "en")  # the messages checked here are the English ones
    runner = CliRunner()
    out = runner.invoke(cli, ["-d", str(history), "backtest", "--as-of", "2023-12-31", "--until", "2025-06-30",
                              "--k", "1", "--k", "2", "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["as_of"] == "2023-12-31" and data["until"] == "2025-06-30"
    assert data["precision_at_k"]["segments"] == {"1": 0.5, "2": 0.5}
    out = runner.invoke(cli, ["-d", str(history), "backtest", "--as-of", "2025-01-01", "--until", "2024-01-01"])
    assert out.exit_code != 0 and "must come after" in out.output and "Traceback" not in out.output
