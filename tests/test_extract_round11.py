"""Round 11 of news extraction (issue #14): projects not called 项目, capacity phrasings, shared figures of a
list, places at sentence level. Sentences written for these tests."""

from __future__ import annotations

from extract_helpers import values

from chaingraph.sources.extract import extract_facts

DAY = "2024-05-20"


def test_a_plant_whose_event_comes_after_a_date_and_a_place_is_a_project() -> None:
    text = ("华北最大的铝型材加工工业园5月8日在北港临海产业园区正式开工。"
            "该项目由远山铝业集团总投资12亿元建设，建成后年产值20亿元。")
    result = extract_facts(text, DAY)
    key = "铝型材加工工业园"
    assert key in result.keys("project")
    assert values(result, "project", key, "investment") == ["1200000000 CNY"]
    assert values(result, "project", key, "start_date") == ["2024-05-08"]
    assert values(result, "project", key, "region") == ["北港临海产业园区"]


def test_this_plant_refers_back_to_the_plant_named_before() -> None:
    text = ("昨日，由青禾建材集团投资的年产200万吨新型干法水泥生产基地在东湾建成投产。"
            "该基地总投资6亿元，分两期建成。")
    result = extract_facts(text, DAY)
    key = "年产200万吨新型干法水泥生产基地"
    assert key in result.keys("project")
    assert values(result, "project", key, "investment") == ["600000000 CNY"]
    assert values(result, "project", key, "capacity") == ["2000000 t/yr"]


def test_a_hotel_built_with_an_invested_amount_is_a_project_of_the_investor() -> None:
    text = ("3月2日，临港经济区与三家企业签约。据悉，海岚置业有限公司计划投资约3亿元建设酒店，占地面积约30亩。")
    result = extract_facts(text, DAY)
    hotels = [k for k in result.keys("project") if k.endswith("酒店")]
    assert len(hotels) == 1
    assert values(result, "project", hotels[0], "investment") == ["~300000000 CNY"]
    assert values(result, "project", hotels[0], "area_mu") == ["30"]


def test_capacity_in_units_with_the_product_between_label_and_amount() -> None:
    text = ("5月6日，瑞丰电驱动系统项目签约，总投资8亿元。项目建成后年产驱动电机50万台，年产值30亿元。")
    result = extract_facts(text, DAY)
    assert values(result, "project", "瑞丰电驱动系统项目", "capacity") == ["500000 台/yr"]


def test_daily_capacity_in_pieces_and_installed_power() -> None:
    text = ("5月6日，宏达轮胎扩建项目开工，总投资9亿元，该项目可日产2万条轮胎。"
            "同日，北岭风电场项目开工，总投资7亿元，规划装机规模10万千瓦。")
    result = extract_facts(text, DAY)
    assert values(result, "project", "宏达轮胎扩建项目", "capacity") == ["20000 条/d"]
    assert values(result, "project", "北岭风电场项目", "capacity") == ["100000 kW"]


def test_tons_a_year_after_the_amount_and_a_breakdown_after_a_colon() -> None:
    text = ("5月6日，清源树脂项目开工，总投资4亿元，建成后形成2万吨/年离子交换树脂的生产能力。"
            "5月7日，远景底盘项目签约，形成年产各类底盘零部件30万台：年产电机10万台，年产电控20万台。")
    result = extract_facts(text, DAY)
    assert values(result, "project", "清源树脂项目", "capacity") == ["20000 t/yr"]
    assert values(result, "project", "远景底盘项目", "capacity") == ["300000 台/yr"]


def test_a_capacity_the_firm_already_has_is_not_the_projects() -> None:
    text = ("5月6日，东海石化乙烯项目投产。东海石化已具备了800万吨/年炼油能力。")
    result = extract_facts(text, DAY)
    assert values(result, "project", "东海石化乙烯项目", "capacity") == []


def test_what_this_signed_project_builds_is_part_of_it_not_a_new_project() -> None:
    text = ("近日，恒远智能装备产业园项目成功签约。此次签约项目计划投资6亿元，拟落户东湖工业园，新征用地90亩，"
            "建设智能装备研发中心、检测实验室以及综合性生产基地。项目建成后年产伺服电机80万台，年产值20亿元。")
    result = extract_facts(text, DAY)
    key = "恒远智能装备产业园项目"
    assert "智能装备研发中心" not in result.keys("project")
    assert values(result, "project", key, "investment") == ["600000000 CNY"]
    assert values(result, "project", key, "area_mu") == ["90"]
    assert values(result, "project", key, "capacity") == ["800000 台/yr"]


def test_a_site_sentence_places_the_project_named_before() -> None:
    text = ("青松集团今日公告，拟投资8亿元用于精密铸件及其配套生产项目。\n"
            "公告显示，项目用地约300亩。投资地点位于临川经开区东港工业园。")
    result = extract_facts(text, DAY)
    assert values(result, "project", "精密铸件及其配套生产项目", "region") == ["临川经开区东港工业园"]


def test_the_county_of_a_province_city_county_chain_is_the_place() -> None:
    text = "5月9日，公司与地方政府签订协议，拟投资6亿元在贵州遵义仁怀市投资建设白酒包装材料生产基地项目。"
    result = extract_facts(text, DAY)
    assert values(result, "project", "白酒包装材料生产基地项目", "region") == ["仁怀市"]
