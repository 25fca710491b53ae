"""Round 10 of news extraction (issue #14): coreference, short forms, event places. Sentences written for these
tests."""

from __future__ import annotations

from chaingraph.sources.extract import Extraction, extract_facts

DAY = "2024-05-20"


def values(result: Extraction, record: str, key: str, field: str) -> list[str]:
    return [f.value for f in result.of(record, key, field)]


def test_this_project_as_subject_keeps_its_figures_from_a_firm_named_in_the_sentence() -> None:
    text = ("5月10日，青山新型电缆生产基地搬迁项目签约仪式在市政府举行。"
            "该项目作为远航线缆有限公司在华南地区的生产总部，位于临江工业园，占地200亩，总投资12亿元。")
    result = extract_facts(text, DAY)
    key = "青山新型电缆生产基地搬迁项目"
    assert values(result, "project", key, "investment") == ["1200000000 CNY"]
    assert values(result, "project", key, "area_mu") == ["200"]
    # the firm the project is for is not a project of its own with the figures
    assert "远航线缆有限公司" not in result.keys("project")


def test_a_firm_opening_its_own_sentence_still_gets_its_own_figure() -> None:
    text = ("5月10日，青山新型电缆生产基地项目签约。"
            "远航线缆有限公司是一家老牌企业，总投资8亿元。")
    result = extract_facts(text, DAY)
    assert values(result, "project", "青山新型电缆生产基地项目", "investment") == []
