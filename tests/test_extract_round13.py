"""Round 13 of news extraction (issue #14): the fourth hold-out set read as development data. Sentences written
for these tests."""

from __future__ import annotations

from chaingraph.sources.extract import Extraction, extract_facts

DAY = "2024-05-20"


def values(result: Extraction, record: str, key: str, field: str) -> list[str]:
    return [f.value for f in result.of(record, key, field)]


def test_a_lead_opening_with_a_bare_day_is_not_joined_to_the_headline() -> None:
    # no sentence end after the headline; the lead opens with "8日上午", no comma: the ceremony's zone is the lead's
    text = ("青山开发区签约两个项目\n\n  8日上午青山经济技术开发区重大项目签约仪式举行。"
            "鸿泰智能装备项目和绿源冷链物流项目成功签约。")
    result = extract_facts(text, DAY)
    for key in ("鸿泰智能装备项目", "绿源冷链物流项目"):
        assert values(result, "project", key, "region") == ["青山经济技术开发区"]
        assert values(result, "project", key, "date") == ["2024-05-08"]


def test_a_long_zone_name_with_a_quarter_is_a_batch_not_a_project() -> None:
    text = ("6月3日上午，湖南青山绿色新材料化工园区2024年第二季度重大项目竣工投产活动举行，"
            "鸿泰年产5万吨电解液项目、绿源年产2万吨导电材料项目竣工投产。")
    result = extract_facts(text, DAY)
    assert not [k for k in result.keys("project") if "季度" in k]
    for key in ("鸿泰年产5万吨电解液项目", "绿源年产2万吨导电材料项目"):
        assert values(result, "project", key, "region") == ["湖南青山绿色新材料化工园区"]
