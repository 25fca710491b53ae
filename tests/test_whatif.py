"""What-if landings and the targets' completeness gain, with numbers computed by hand on the tiny fixture.

Tiny fixture, chain demo-tools in 演示市 (complete registry): spindle 0.6, cnc 0.8, machine 1.0 (total 2.4), all
missing; machine supplies the strong local drive motors (pull 1.0), spindle and cnc supply machine.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import chaingraph as cgr
from chaingraph.analysis.whatif import Landing, what_if
from chaingraph.cli import cli
from chaingraph.engines.snapshot import open_snapshot


def test_landing_a_leader_of_the_dataset(tiny: cgr.ChainGraph) -> None:
    result = what_if(tiny, "demo-tools", [Landing("东洋数控", "数控系统")])
    assert result.changed == [{"segment": "cnc", "name": "数控系统", "from": "missing", "to": "strong"}]
    assert result.before.completeness == 0
    assert result.after.completeness == pytest.approx(0.8 / 2.4)
    assert result.completeness_gain == pytest.approx(1 / 3)
    # machine: importance 1.0 x (1 + pull 1.0 from the strong motors) x (1 + push) / 4; push 0 -> 1.0 (cnc strong)
    assert result.before.segment("machine").priority == pytest.approx(0.5)
    assert result.after.segment("machine").priority == pytest.approx(1.0)
    assert result.after.segment("spindle").priority == pytest.approx(0.6 / 4)
    assert [g.segment.id for g in result.after.ranked()] == ["machine", "spindle", "cnc"]
    landed = result.landed[0]
    assert (landed.ref.id, landed.leader, landed.hypothetical) == ("cnc-jp", True, False)


def test_landing_a_hypothetical_firm_makes_a_weak_segment(tiny: cgr.ChainGraph) -> None:
    result = what_if(tiny, "demo-tools", [Landing("新设数控有限公司", "cnc")])
    assert result.after.segment("cnc").status == "weak"
    assert result.after.segment("cnc").local_firms == ["新设数控有限公司"]
    # push from a weak cnc is 0.5: 1.0 x 2 x 1.5 / 4
    assert result.after.segment("machine").priority == pytest.approx(0.75)
    assert result.landed[0].hypothetical and not result.landed[0].leader
    forced = what_if(tiny, "demo-tools", [Landing("新设数控有限公司", "cnc", leader=True)])
    assert forced.after.segment("cnc").status == "strong"


def test_several_landings_and_a_park(tiny: cgr.ChainGraph) -> None:
    result = what_if(tiny, "demo-tools", [Landing("东洋数控", "cnc", region="中日演示园"),
                                          Landing("别处机床", "machine")])
    assert {c["segment"] for c in result.changed} == {"cnc", "machine"}
    assert result.after.completeness == pytest.approx(1.8 / 2.4)
    elsewhere = what_if(tiny, "demo-tools", [Landing("东洋数控", "cnc", region="别处市")])
    assert elsewhere.changed == []  # landing in another county does not change this one


def test_landed_firm_is_no_longer_a_candidate(tiny: cgr.ChainGraph) -> None:
    from chaingraph.analysis.whatif import LandedFacts, resolve_landing

    facts = cgr.analysis.facts.facts_for(tiny)
    landed = LandedFacts(facts, [resolve_landing(facts, Landing("cnc-jp", "cnc"), "town")])
    before = [c.firm.id for c in cgr.find_targets(tiny, None, "cnc").candidates]
    after = [c.firm.id for c in cgr.find_targets(landed, None, "cnc").candidates]  # type: ignore[arg-type]
    assert "cnc-jp" in before and after == [f for f in before if f != "cnc-jp"]


def test_the_dataset_is_not_touched(tiny_path: Path) -> None:
    before = {p.name: p.read_bytes() for p in tiny_path.rglob("*") if p.is_file()}
    result = CliRunner().invoke(cli, ["--data", str(tiny_path), "whatif", "-c", "demo-tools", "--land", "东洋数控",
                                      "-s", "cnc"])
    assert result.exit_code == 0, result.output
    assert "完整度 0% → 33%" in result.output and "数控系统  缺      强" in result.output
    assert {p.name: p.read_bytes() for p in tiny_path.rglob("*") if p.is_file()} == before


def test_json_contract(tiny_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--data", str(tiny_path), "whatif", "-c", "demo-tools", "--land", "甲",
                                      "--land", "乙", "-s", "cnc", "-s", "spindle", "--format", "json"])
    data = json.loads(result.output)
    assert set(data) >= {"before", "after", "changed"}
    assert data["before"]["completeness"] == 0 and data["after"]["completeness"] == pytest.approx(1.4 / 2.4)
    assert data["changed"] == [{"segment": "spindle", "name": "主轴", "from": "missing", "to": "weak"},
                               {"segment": "cnc", "name": "数控系统", "from": "missing", "to": "weak"}]
    assert {s["id"] for s in data["after"]["segments"]} == {"spindle", "cnc", "machine"}


def test_usage_errors(tiny_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHAINGRAPH_LANG", "en")  # the messages checked here are the English ones
    runner = CliRunner()
    bad = runner.invoke(cli, ["--data", str(tiny_path), "whatif", "-c", "demo-tools", "--land", "甲", "--land", "乙",
                              "--land", "丙", "-s", "cnc", "-s", "spindle"])
    assert bad.exit_code == 2 and "one --segment per --land" in bad.output
    unknown = runner.invoke(cli, ["--data", str(tiny_path), "whatif", "-c", "demo-tools", "--land", "甲", "-s", "火星"])
    assert unknown.exit_code == 4 and "Traceback" not in unknown.output


def test_same_answers_from_the_snapshot(tiny_path: Path, tmp_path: Path) -> None:
    cg = cgr.build_graph(cgr.load_dataset(tiny_path))
    landings = [Landing("东洋数控", "cnc"), Landing("新设主轴", "spindle")]
    with open_snapshot(tiny_path, cache_dir=tmp_path / "cache") as snap:
        a, b = what_if(cg, "demo-tools", landings), what_if(snap, "demo-tools", landings)
    assert a.to_dict() == b.to_dict()


def test_targets_say_what_a_landing_adds(tiny: cgr.ChainGraph) -> None:
    cnc = cgr.find_targets(tiny, None, "cnc")
    assert cnc.completeness_gain == pytest.approx(0.8 / 2.4) and cnc.local_links == 0
    core = cgr.find_targets(tiny, None, "core")  # pipeline; next to the weak steel and the strong motors
    assert core.completeness_gain == pytest.approx(0.7 / 3.1) and core.local_links == 2
    motor = cgr.find_targets(tiny, None, "motor")  # already strong: a landing adds nothing to completeness
    assert motor.completeness_gain == 0
    data = cnc.to_dict()
    assert all(c["completeness_gain"] == pytest.approx(1 / 3) for c in data["candidates"])
