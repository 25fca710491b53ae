"""Round 14: plants, parks and stations counted among a list of projects without being called 项目."""

from chaingraph.sources.extract import extract_facts


def _projects(text: str) -> set[str]:
    return {f.key for f in extract_facts(text, "2024-06-01").facts if f.record == "project" and f.field == "name"}


def test_stations_in_a_counted_list_are_projects() -> None:
    names = _projects("会上，该县还签约了青石岭30兆瓦地面光伏电站、白湖40兆瓦渔光互补光伏、星河新材料等4大项目。")
    assert "青石岭30兆瓦地面光伏电站" in names
    assert "白湖40兆瓦渔光互补光伏" in names


def test_a_park_counted_among_projects_is_a_project_not_a_place() -> None:
    text = ("6月2日，全省重大项目集中开工活动举行，东湖智能装备产业园、南山医学院西区校区及北岭食品产业园"
            "等300个项目集中开工，总投资1200亿元。")
    ex = extract_facts(text, "2024-06-10")
    names = {f.key for f in ex.of("project", field="name")}
    assert {"东湖智能装备产业园", "南山医学院西区校区", "北岭食品产业园"} <= names
    # the total belongs to the 300 projects, not to the last item of the list
    assert not [f for f in ex.of("project", field="investment")]
    assert any(f.value == "120000000000 CNY" for f in ex.of("region_fact"))


def test_intro_words_and_verb_phrases_are_not_names() -> None:
    names = _projects("当天签约的还有新型纤维生产基地、光学镜片产业基地、精密铸件智能制造等产业项目。")
    assert "新型纤维生产基地" in names
    assert not any(n.startswith(("还有", "签约")) for n in names)


def test_courted_plants_are_no_projects() -> None:
    names = _projects("今年以来，该区积极跟踪洽谈星光传感器、远航智能制造产业园、北港冷链物流园等产业性项目。")
    assert "远航智能制造产业园" not in names
