"""Round 21: project names without 项目 in lists, capacities written with a slash inside names, prose with a
short verb before 项目."""

from chaingraph.sources.extract import extract_facts

DAY = "2024-03-12"


def _projects(text: str) -> set[str]:
    return set(extract_facts(text, DAY, ner=False).keys("project"))


def test_a_capacity_per_year_with_a_slash_stays_in_the_name() -> None:
    text = "3月8日，青禾化工60万吨/年丙烯腈项目在北岭县开工，总投资32亿元。"
    result = extract_facts(text, DAY, ner=False)
    names = result.keys("project")
    assert "青禾化工60万吨/年丙烯腈项目" in names, names
    assert not any(n.startswith("年丙烯腈") for n in names), names
    assert [f.value for f in result.of("project", "青禾化工60万吨/年丙烯腈项目", "capacity")] == ["600000 t/yr"]


def test_a_name_after_jiancheng_loses_the_verb() -> None:
    names = _projects("一期工程投资6亿元，建成30万吨/年复合肥及配套项目。")
    assert not any(n.startswith("建成") for n in names), names


def test_a_short_verb_before_xiangmu_is_prose() -> None:
    names = _projects("这个县围绕果蔬产业上项目，去年引进明川食品公司。各园区均有项目签约，全镇上下推项目。"
                      "仪式上，政企明确项目开工时间。")
    assert not names, names


def test_parks_squares_and_centres_in_a_list_closed_by_a_count_of_projects() -> None:
    names = _projects("今年北岭县对青禾公园、明川广场、滨河会展中心等6个重点项目共投资5.2亿元，3月10日集中开工。")
    assert {"青禾公园", "明川广场", "滨河会展中心"} <= names, names


def test_a_wind_farm_in_a_list_closed_by_projects() -> None:
    names = {n.removesuffix("项目") for n in _projects("今年以来，北岭风电、明川物流城等重大项目也相继开工。")}
    assert {"北岭风电", "明川物流城"} <= names, names


def test_a_decimal_inside_a_plant_name_in_a_list() -> None:
    names = _projects("青禾镇年产8.5万吨饲料生产线、明川2.5万吨冷链物流园等12个项目集中开工。")
    assert {"青禾镇年产8.5万吨饲料生产线", "明川2.5万吨冷链物流园"} <= names, names


def test_a_decimal_inside_a_works_name_before_its_amount() -> None:
    names = _projects("北岭县1.5万千瓦光伏电站，总投资6000万元，由明川新能源有限公司建设。")
    assert "北岭县1.5万千瓦光伏电站" in names, names


def test_items_closed_by_a_count_of_projects() -> None:
    names = _projects("今年，北岭抽水蓄能电站、青禾水库、明川物流城“三个百亿”项目加速推进。")
    assert {"北岭抽水蓄能电站", "青禾水库", "明川物流城"} <= names, names


def test_a_brand_ending_in_hongqi_is_no_banner() -> None:
    result = extract_facts("2月21日，一汽红旗尊享定制中心、一汽新能源电池基地两个项目在北岭开工。", DAY, ner=False)
    places = [f.value for k in result.keys("project") for f in result.of("project", k, "region")]
    assert "一汽红旗" not in places, places


def test_a_figure_before_its_project_in_the_same_clause() -> None:
    text = ("能源项目不断落地。明川能源投资20亿元在北岭布局风光储一体化示范项目，青禾电力投资35亿元在南湾区实施"
            "抽水蓄能电站项目。")
    result = extract_facts(text, DAY, ner=False)
    invest = {k: [f.value for f in result.of("project", k, "investment")] for k in result.keys("project")}
    assert invest.get("风光储一体化示范项目") == ["2000000000 CNY"], invest
    assert invest.get("抽水蓄能电站项目") == ["3500000000 CNY"], invest


def test_he_inside_a_legal_name_after_its_city() -> None:
    result = extract_facts("青禾钢铁配送中心项目、十堰永和车架有限公司投资2亿元的专用车车架项目开工。", DAY, ner=False)
    assert "十堰永和车架有限公司" in result.keys("firm"), result.keys("firm")


def test_the_place_of_a_clause_that_carries_out_or_lays_out_a_project() -> None:
    text = "明川电力投资35亿元在南湾区实施抽水蓄能电站项目，青禾能源投资8亿元在北岭县布局青禾储能电站项目。"
    result = extract_facts(text, DAY, ner=False)
    places = {k: [f.value for f in result.of("project", k, "region")] for k in result.keys("project")}
    assert places.get("抽水蓄能电站项目") == ["南湾区"], places
    assert places.get("青禾储能电站项目") == ["北岭县"], places


def test_a_day_that_qualifies_one_project_is_no_event_day() -> None:
    text = ("3月30日，北岭县春季重点项目集中开工仪式在工业园区举行。全县春季集中开工12个项目，3月18日开工的青禾光伏项目"
            "已先行建设。仪式同时设立明川乳业奶粉加工项目、北岭番茄酱生产线项目两个分会场。")
    result = extract_facts(text, "2024-04-02", ner=False)
    dates = {k: [f.value for f in result.of("project", k) if f.field in ("date", "start_date")]
             for k in result.keys("project")}
    assert dates.get("明川乳业奶粉加工项目") == ["2024-03-30"], dates
    assert "2024-03-18" not in dates.get("北岭番茄酱生产线项目", []), dates


def test_a_list_closed_by_a_long_description_of_its_projects() -> None:
    names = _projects("此次集中开工的项目涵盖交通、能源、水利等多个领域，既有北岭新材料生产基地、"
                      "青禾孵化器基地等体现高质量发展要求的产业项目，也有海堤工程。")
    assert {"北岭新材料生产基地", "青禾孵化器基地"} <= names, names


def test_a_group_or_a_route_is_no_place() -> None:
    text = ("12月16日上午，明川首条日产3000吨新型干法水泥生产线在青禾水泥集团正式点火投产。9月28日，北岭州集中开工项目"
            "12个。总投资1亿元以上项目3个，含省道S31线青禾县城至明川乡新(改)建工程(青禾县城至南湾段)、北岭生态保护工程"
            "2016年度沙化土地治理项目(二期)、南湾县温泉旅游开发项目。")
    result = extract_facts(text, "2024-12-20", ner=False)
    places = [f.value for k in result.keys("project") for f in result.of("project", k, "region")]
    assert not any(p.endswith("集团") or "至" in p for p in places), places
    assert "南湾县" in places, places
