"""Round 12 of news extraction (issue #14): the third hold-out set read as development data. Sentences written
for these tests."""

from __future__ import annotations

from extract_helpers import values

from chaingraph.sources.extract import extract_facts

DAY = "2024-05-20"


def test_a_county_reporting_its_batch_does_not_place_each_project() -> None:
    text = ("青山县3个重点项目集中开工\n5月8日，青山县3个重点项目集中开工。当天开工的项目分别是：鸿泰饲料加工项目、"
            "青山县城南污水处理厂项目和绿源果蔬冷链物流项目，总投资6亿元。")
    result = extract_facts(text, DAY)
    for key in ("鸿泰饲料加工项目", "绿源果蔬冷链物流项目"):
        assert key in result.keys("project")
        assert values(result, "project", key, "start_date") == ["2024-05-08"]
        assert values(result, "project", key, "region") == []


def test_a_city_district_reporting_its_signings_still_places_them() -> None:
    text = "江北区3个项目现场签约\n5月8日，江北区举行签约仪式，签约了鸿泰智能装备项目、绿源冷链物流项目等3个项目。"
    result = extract_facts(text, DAY)
    assert values(result, "project", "鸿泰智能装备项目", "region") == ["江北区"]


def test_the_installed_power_a_plant_is_named_by_is_its_capacity() -> None:
    text = ("5月8日，云岭能源有限公司投资4亿元的北坡37.5MW风力发电项目开工，"
            "同日投资2亿元的南湾20兆瓦光伏电站项目并网。")
    result = extract_facts(text, DAY)
    wind = [k for k in result.keys("project") if "风力发电" in k]
    solar = [k for k in result.keys("project") if "光伏电站" in k]
    assert len(wind) == 1 and len(solar) == 1
    assert values(result, "project", wind[0], "capacity") == ["37500 kW"]
    assert values(result, "project", solar[0], "capacity") == ["20000 kW"]


def test_a_multiplied_rating_or_a_factory_making_solar_cells_gives_no_installed_power() -> None:
    text = "5月8日，2×35万千瓦热电联产发电项目和5GW光伏组件制造项目同时开工。"
    result = extract_facts(text, DAY)
    for key in result.keys("project"):
        assert not [v for v in values(result, "project", key, "capacity") if v.endswith("kW")]


def test_fields_listed_before_a_group_of_industry_projects_are_no_projects() -> None:
    text = ("5月8日，我区集中签约文旅、工业、商贸等产业项目9个，协议引资30亿元。"
            "一批科技服务、金融服务、现代物流等现代服务业项目将相继入驻。")
    result = extract_facts(text, DAY)
    assert result.keys("project") == []
    assert result.keys("firm") == []


def test_a_ceremony_for_groundbreaking_and_completion_together_dates_its_projects() -> None:
    text = ("5月8日上午，白沙镇举行重大项目集中开(竣)工仪式。参加此次仪式的项目共2个，分别是投资3亿元的"
            "远航机械有限公司精密铸件生产项目、投资1亿元的白沙康养中心项目。")
    result = extract_facts(text, DAY)
    for key in result.keys("project"):
        dates = [f.value for f in result.of("project", key) if f.field in ("date", "start_date")]
        assert dates == ["2024-05-08"]
        # the town that holds the batch ceremony does not place each project
        assert values(result, "project", key, "region") == []


def test_the_town_of_a_single_projects_own_ceremony_is_its_place() -> None:
    text = "5月8日上午，年产200万吨水泥熟料生产线项目在东坪镇举行开工奠基仪式，总投资7亿元。"
    result = extract_facts(text, DAY)
    key = "年产200万吨水泥熟料生产线项目"
    assert values(result, "project", key, "region") == ["东坪镇"]
    assert values(result, "project", key, "start_date") == ["2024-05-08"]


def test_items_of_a_counted_list_at_a_ceremony_take_its_date() -> None:
    text = ("5月8日上午，南岭县举行第二季度重点项目集中开工仪式。本次集中开工的重点项目共8个，包括"
            "南岭古镇民宿集群等3个文化旅游项目；石门坳矿山生态修复等2个生态环保项目。")
    result = extract_facts(text, DAY)
    keys = [k for k in result.keys("project") if "民宿" in k or "生态修复" in k]
    assert len(keys) == 2
    for key in keys:
        assert values(result, "project", key, "start_date") == ["2024-05-08"]


def test_a_firm_named_in_an_uncounted_list_gets_no_ceremony_date() -> None:
    text = ("5月8日上午，南岭县举行重点项目集中签约仪式，签约项目12个。"
            "下一步，该县将积极跟踪洽谈瑞景、泰禾等项目。")
    result = extract_facts(text, DAY)
    for key in result.keys("project"):
        assert values(result, "project", key, "date") == []


def test_an_announcements_own_words_about_the_company_name_no_firm() -> None:
    text = ("关于子公司签订项目投资协议的公告\n2024年5月8日，公司与青川县人民政府签订《投资协议书》。"
            "本次投资已经董事会审议通过，并授权公司管理层办理相关事宜，尚需提交公司股东大会审议。"
            "协议的签订并不代表公司对未来业绩的预测。")
    result = extract_facts(text, DAY)
    assert result.keys("firm") == []


def test_a_legal_name_ending_like_a_kind_of_company_is_still_a_firm() -> None:
    text = "5月8日，投资2亿元的华晟高分子公司保温材料生产项目开工。"
    result = extract_facts(text, DAY)
    assert any("华晟高分子" in k for k in result.keys("firm"))
