"""Round 11 of news extraction (issue #14): projects not called 项目, capacity phrasings, shared figures of a
list, places at sentence level. Sentences written for these tests."""

from __future__ import annotations

from chaingraph.sources.extract import Extraction, extract_facts

DAY = "2024-05-20"


def values(result: Extraction, record: str, key: str, field: str) -> list[str]:
    return [f.value for f in result.of(record, key, field)]


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
