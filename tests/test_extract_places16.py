"""Round 16p: where projects are (parks, zones, towns, districts), as a planner reading the proposals would see it."""

from pathlib import Path

from chaingraph import load_dataset
from chaingraph.sources.extract import extract_facts


def _places(text: str, date: str = "2023-05-10") -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in extract_facts(text, date).of("project", field="region"):
        out.setdefault(f.key, set()).add(f.value)
    return out


def test_a_district_after_its_city_reporting_its_batch_places_the_batch() -> None:
    places = _places("烟台滨河区6个重点项目集中开工\n5月9日，烟台滨河区6个重点项目集中开工。"
                     "开工项目包括远帆新材料项目、北岭冷链物流项目等。")
    assert places
    assert all(values == {"滨河区"} for values in places.values())


def test_a_town_named_only_in_an_officials_title_does_not_hide_the_zone_of_the_ceremony() -> None:
    places = _places("5月9日，临河工业园区3个项目集中开工，临河工业园区党工委书记、临河镇党委书记王明出席。"
                     "开工的有远帆特种钢管项目、北岭精密铸件项目。")
    assert places
    assert all(values == {"临河工业园区"} for values in places.values())


def test_a_new_town_district_is_a_place() -> None:
    places = _places("5月9日，远帆集团智能装备项目正式签约，落户东湖新城，总投资2亿元。")
    assert {"东湖新城"} in places.values()


def test_a_zones_project_command_heading_a_list_item_is_not_the_projects_place() -> None:
    places = _places("5月9日，全市重大项目集中开工。\n1.东湖区：远帆学校项目，总投资3亿元\n"
                     "2.西岭片区指挥部：北岭实验学校项目，总投资4亿元")
    assert {"东湖区"} in places.values()
    assert not any("西岭" in v for values in places.values() for v in values)


def test_a_park_listed_among_the_projects_is_not_the_place_of_the_next_one() -> None:
    places = _places("5月9日，全市重大项目集中开工，开工项目包括东湖区远帆装备项目、北岭服饰产业园、"
                     "西岭区精密铸件项目。")
    assert not any("服饰产业园" in v for values in places.values() for v in values)
    assert {"西岭区"} in places.values()


def test_a_firms_park_that_lands_in_a_zone_leaves_the_zone_as_the_place_of_its_parts() -> None:
    places = _places("5月9日，远帆电子产业园举行投产仪式。远帆电子产业园于2021年落户南岭经开区，"
                     "主要包括电子信息基地、仓储物流中心项目。")
    assert not any("远帆电子产业园" in v for values in places.values() for v in values)
    assert any("南岭经开区" in values for values in places.values())


def test_the_project_named_before_is_placed_by_a_clause_saying_where_it_is() -> None:
    places = _places("5月9日，远帆集团投资8亿元的北岭风电场项目开工，该项目位于临河瑶族自治县，装机10万千瓦。")
    assert {"临河瑶族自治县"} in places.values()


def test_a_site_clause_keeps_the_zone_and_drops_the_spot_inside_it() -> None:
    places = _places("5月9日，远帆数据中心项目开工。项目位于东湖新城商务中心北侧，总投资6亿元。")
    assert {"东湖新城"} in places.values()


def test_a_site_clause_after_the_projects_role_drops_the_word_for_inside() -> None:
    places = _places("5月9日，远帆电力设备厂搬迁项目签约。该项目作为远帆集团的华东总部，位于南岭高新区水科技产业园内，"
                     "总投资30亿元。")
    assert {"南岭高新区水科技产业园"} in places.values()


def test_a_county_opening_a_list_of_its_projects_places_every_item_of_the_list() -> None:
    places = _places("5月9日，全市重大项目集中签约，签约项目共80个。\n以临河县为例，此次签约的项目包括："
                     "总投资5亿元的远帆装备项目；总投资3亿元的北岭冷链项目；总投资2亿元的西岭旅游项目等。")
    assert len(places) >= 2
    assert all(values == {"临河县"} for values in places.values())


def test_the_county_an_article_is_about_does_not_place_its_listed_projects() -> None:
    places = _places("临河县举行重大项目集中签约\n5月9日，临河县重大项目集中签约。临河县签约的项目包括远帆装备项目、"
                     "北岭冷链项目。")
    assert not any("临河县" in values for values in places.values())


def test_a_county_government_signing_about_a_project_places_it() -> None:
    places = _places("5月9日，全市文旅项目集中签约。签约分为3组，第一组是临河县人民政府和远帆文旅有限公司"
                     "就临河全域旅游开发项目签约。")
    assert {"临河县"} in places.values()


def test_a_county_government_that_signed_a_project_places_it() -> None:
    places = _places("5月9日，全市集中签约。其中，投资最大的是由临河县政府与远帆纺织有限公司签订的总投资5亿元、"
                     "年产3000万米面料生产线项目。")
    assert {"临河县"} in places.values()


def test_an_airport_economic_zone_is_a_place() -> None:
    places = _places("5月9日，临河空港经济区产业项目集中签约活动在会展中心举行。远帆物流枢纽项目总投资9亿元。")
    assert {"临河空港经济区"} in places.values()


def test_an_industrial_cluster_zone_after_the_county_starting_a_name_is_that_projects_place() -> None:
    places = _places("5月9日，全县14个项目集中开工，包括临河县北岭工业集中区污水处理厂二期项目、远帆饲料加工项目等。")
    assert any(v.endswith("北岭工业集中区") for values in places.values() for v in values)


def test_a_park_built_as_a_project_is_no_place_where_it_is_named_again() -> None:
    places = _places("5月9日，远帆电子产业园项目开工，总投资12亿元。同日，远帆电子产业园的北岭芯片封装项目签约。")
    assert not any("远帆电子产业园" in values for values in places.values())


def test_an_intro_word_before_a_town_is_not_part_of_its_name() -> None:
    places = _places("5月9日，地处临河县北岭镇的远帆稀土加工项目开工。")
    assert not any(v.startswith("地处") for values in places.values() for v in values)


def test_a_clause_saying_where_a_project_is_beats_the_zone_its_name_starts_with() -> None:
    places = _places("5月9日，东湖新区滨江新城综合开发项目开工。项目位于临河区北岭镇三江社区，总投资28亿元。")
    assert {"临河区北岭镇三江社区"} in places.values()


def test_a_park_that_a_later_sentence_calls_the_park_places_the_projects_it_signed() -> None:
    places = _places("5月9日讯，临河市北岭生物医药化工集中区正重点发展医药中间体。今年以来，园区已签约投资5亿元的"
                     "远帆原料药项目。")
    assert any(v.endswith("北岭生物医药化工集中区") for values in places.values() for v in values)


def test_the_place_where_a_projects_work_starts_is_its_place() -> None:
    places = _places("5月9日，远帆纸业高端包装新材项目在东岭岛开工，总投资112亿元。")
    assert {"东岭岛"} in places.values()


def test_a_time_where_a_projects_work_starts_is_no_place() -> None:
    places = _places("5月9日讯，远帆日用化工新材料项目将在三季度陆续竣工投产，总投资5亿元。")
    assert not places


def test_a_provinces_alias_in_the_dataset_is_no_projects_place() -> None:
    dataset = load_dataset(Path(__file__).resolve().parents[1] / "seeds" / "pinghu-2022")
    result = extract_facts("5月9日，远帆风电装备项目在全省开工项目中投资最大，总投资20亿元。", "2023-05-10", dataset)
    assert not result.of("project", field="region")


def test_a_town_is_not_read_out_of_a_county_name_starting_with_zhen() -> None:
    places = _places("5月9日，远帆石化镇海炼化一体化项目竣工投产，总投资60亿元。")
    assert not any(v.endswith("石化镇") for values in places.values() for v in values)


def test_a_build_clause_abroad_or_its_framing_words_give_no_place_name() -> None:
    places = _places("5月9日，远帆能源有限公司与北岭集团签约，在非洲共同建设20MW光伏电站项目。"
                     "同日，远帆集团在临河市辖区内开发建设风能发电项目。")
    values = {v for vs in places.values() for v in vs}
    assert not any("非洲" in v or "辖区" in v for v in values)


def test_a_verb_before_a_zone_is_no_part_of_it_and_a_themed_town_is_no_place() -> None:
    places = _places("5月9日，全市推动产业升级临河经济开发区智能制造项目开工。北岭漫画小镇旅游休闲项目同日签约。")
    values = {v for vs in places.values() for v in vs}
    assert not any(v.startswith("升级") or v.endswith("小镇") for v in values)


def test_a_county_where_the_amount_is_invested_places_the_project_built_after_it() -> None:
    places = _places("5月9日，远帆化纤股份有限公司表示，公司将在临河市投资30亿元，建设年产5万吨纤维素纤维项目。")
    assert {"临河市"} in places.values()


def test_the_range_a_project_covers_places_it_by_the_town_it_starts_with() -> None:
    places = _places("5月9日，远帆海岸文化旅游项目开工。项目建设范围位于临河市北岭镇沿海绿道周边，总投资15亿元。")
    assert any(v.endswith("北岭镇") for values in places.values() for v in values)


def test_projects_picked_out_with_qizhong_lie_in_the_zone_counted_before() -> None:
    places = _places("5月9日讯，全市一季度共有64个项目竣工。其中，仅临河高新区就有14个重大项目竣工。"
                     "其中，占地150亩的远帆电气科技工业园竣工；北岭汽车零部件公司建设的车架生产项目一期竣工。")
    assert places
    assert all(values == {"临河高新区"} for values in places.values())


def test_a_zone_and_its_part_named_right_after_it_are_one_place() -> None:
    places = _places("5月9日，远帆聚酯产业园开工仪式在位于临河区的北岭自贸试验区临港片区举行，总投资200亿元。")
    assert {"北岭自贸试验区临港片区"} in places.values()


def test_a_zone_named_by_its_kind_alone_is_the_articles_zone_of_that_kind() -> None:
    places = _places("5月9日，临河市重点项目签约。远帆集团计划投资8亿元的远帆生物医药生产基地项目将落户高新区。"
                     "临河高新区管委会表示欢迎。")
    assert {"临河高新区"} in places.values()


def test_a_zone_opening_the_firms_name_in_a_project_name_is_its_place() -> None:
    places = _places("8月19日，全市开发区项目集中开工。\n"
                     "市领导为临河经济开发区远帆新材料科技有限公司年产6000吨石英管项目培土奠基。")
    assert any(v == "临河经济开发区" for values in places.values() for v in values)


def test_a_park_is_never_its_own_place() -> None:
    places = _places("5月9日，远帆集团西部产业园举行投产仪式。远帆集团西部产业园总投资6.5亿元。")
    assert not any(key.removesuffix("项目") in values for key, values in places.items())


def test_a_site_clause_with_zai_places_the_project_over_the_signing_venue() -> None:
    places = _places("5月9日，远帆汽车零部件项目在北岭产业园签约。项目在临河县北岭现代产业园，总投资1.1亿元。")
    assert {"临河县北岭现代产业园"} in places.values()


def test_the_district_right_before_a_project_after_zai_is_its_place() -> None:
    places = _places("5月9日，全市重大项目集中开工，主会场设在东湖区的滨江南路项目现场。")
    assert {"东湖区"} in places.values()


def test_an_investment_zone_and_its_sector_named_after_it_are_one_place() -> None:
    places = _places("5月9日，全市项目集中开工。在临河台商投资区北岭片区，远帆电力项目同步开工，总投资3亿元。")
    assert {"临河台商投资区北岭片区"} in places.values()


def test_our_county_or_the_old_site_is_no_place_of_a_project() -> None:
    places = _places("5月9日，远帆包装材料项目在我县正式开工，总投资3亿元。北岭机械项目在原址开工。"
                     "东岭冷链项目在本区，总投资2亿元。")
    assert not places


def test_a_county_whose_departments_support_a_project_does_not_list_it() -> None:
    places = _places("5月9日，全市重大项目集中签约。临河县有关部门表示将全力支持远帆包装材料项目建设。")
    assert not places


def test_a_build_clause_with_yu_gives_the_site_of_a_new_plant() -> None:
    places = _places("投资台湾事务所指出，远帆材料预计投资逾六亿元于桃园北岭区兴建智慧化新厂，扩大产能。")
    assert {"桃园北岭区"} in places.values()


def test_projects_picked_out_with_qizhong_lie_in_the_district_counting_its_signings_before() -> None:
    places = _places("昨日，全市举行产业链招商云签约活动。活动中，东湖区在欧洲等地设8个分会场，与12家企业集中签约。"
                     "其中，新材料产业链有远帆改性工程材料项目、北岭纺织新材料项目。")
    assert places
    assert all(values == {"东湖区"} for values in places.values())


def test_a_district_reporting_its_batch_right_after_an_amount_places_it() -> None:
    places = _places("东湖区\n总投资130亿元东湖区集中开工13个重点项目\n2月18日上午，全市春季集中开工仪式举行。"
                     "其中远帆农创港项目总投资60亿元。")
    assert {"东湖区"} in places.values()
