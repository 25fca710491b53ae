"""Round 13 of news extraction (issue #14): the fourth hold-out set read as development data. Sentences written
for these tests."""

from __future__ import annotations

from extract_helpers import values

from chaingraph.sources.extract import extract_facts

DAY = "2024-05-20"


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


def test_a_groundbreaking_rally_dates_the_projects_it_presents() -> None:
    text = ("5月6日，全市第二批重大项目开工动员会在青山举行。代表性项目：鸿泰年产20万台电机项目，总投资12亿元；"
            "绿源年产5万吨饲料项目，总投资3亿元。")
    result = extract_facts(text, DAY)
    assert "代表性项目" not in result.keys("project")
    for key in ("鸿泰年产20万台电机项目", "绿源年产5万吨饲料项目"):
        assert values(result, "project", key, "start_date") == ["2024-05-06"]


def test_a_quoted_online_signing_dates_its_projects() -> None:
    text = "5月19日，青山区举行招商“云签约”活动。参加活动的项目包括鸿泰智能装备项目、绿源冷链物流项目等。"
    result = extract_facts(text, DAY)
    for key in ("鸿泰智能装备项目", "绿源冷链物流项目"):
        assert values(result, "project", key, "date") == ["2024-05-19"]


def test_items_of_a_list_counted_with_da_take_the_signing_date() -> None:
    text = ("8日，青山县举行签约仪式，签约了鸿泰智能装备项目。随后还签约了绿源有机硅、安达智能机器人、"
            "恒盛电子等3大项目。")
    result = extract_facts(text, DAY)
    dated = [k for k in result.keys("project") if values(result, "project", k, "date") == ["2024-05-08"]]
    assert "鸿泰智能装备项目" in dated
    assert len(dated) >= 3


def test_municipal_works_do_not_make_a_city() -> None:
    text = ("5月8日，青山经济技术开发区举行项目集中签约仪式，现场签约4个项目。"
            "此次集中签约落户青山经济技术开发区的项目有：由恒盛建工有限公司总投资3亿元的广元市南坪市政道路及配套工程项目。")
    result = extract_facts(text, DAY)
    keys = [k for k in result.keys("project") if "市政道路" in k]
    assert len(keys) == 1
    assert values(result, "project", keys[0], "region") == ["青山经济技术开发区"]
