"""Round 10 of news extraction (issue #14): coreference, short forms, event places. Sentences written for these
tests."""

from __future__ import annotations

from extract_helpers import values

from chaingraph.sources.extract import extract_facts

DAY = "2024-05-20"


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


def test_a_short_form_of_a_project_is_the_same_project() -> None:
    text = ("6月3日，长明智能温控设备及关键部件产业基地项目开工。"
            "长明基地项目计划总投资2亿美元，新增用地120亩。")
    result = extract_facts(text, DAY)
    projects = result.keys("project")
    assert "长明基地项目" not in projects
    key = "长明智能温控设备及关键部件产业基地项目"
    assert values(result, "project", key, "investment") == ["200000000 USD"]
    assert values(result, "project", key, "area_mu") == ["120"]


def test_a_name_with_a_short_word_left_out_is_the_same_project_either_way_round() -> None:
    text = "昨日，海岚产业园项目竣工投产。海岚纺织产业园项目总投资约6亿元。"
    result = extract_facts(text, DAY)
    assert len(result.keys("project")) == 1
    assert [f.value for f in result.of("project", field="investment")] == ["~600000000 CNY"]


def test_two_projects_sharing_a_brand_are_not_merged_into_a_short_form() -> None:
    text = ("昨日，云帆新能源电池项目和云帆储能系统项目签约。"
            "云帆电池项目投资5亿元。")
    result = extract_facts(text, DAY)
    projects = set(result.keys("project"))
    assert {"云帆新能源电池项目", "云帆储能系统项目"} <= projects


def test_the_zone_or_county_that_signs_a_project_is_its_place() -> None:
    text = ("6月1日，全市智能装备产业集中签约。签约仪式上，青岚经济开发区管委会与远航精工有限公司签订精密轴承生产项目，"
            "与鼎新动力有限公司签订新能源电驱系统项目；白石县与华拓机械有限公司签订年产3万吨铸件生产项目。"
            "此外，金川科技有限公司和临溪区政府签约智能仓储物流中心项目。")
    result = extract_facts(text, DAY)
    assert values(result, "project", "精密轴承生产项目", "region") == ["青岚经济开发区"]
    assert values(result, "project", "新能源电驱系统项目", "region") == ["青岚经济开发区"]
    assert values(result, "project", "年产3万吨铸件生产项目", "region") == ["白石县"]
    assert values(result, "project", "智能仓储物流中心项目", "region") == ["临溪区"]


def test_a_new_signer_after_a_semicolon_or_the_county_the_article_is_about_gives_no_place() -> None:
    text = ("白石县与华拓机械有限公司签订年产3万吨铸件生产项目。"
            "青岚经济开发区管委会与远航精工有限公司签订精密轴承生产项目；青岚城投有限公司与鼎新建设集团签订标准厂房项目。")
    result = extract_facts(text, DAY)
    assert values(result, "project", "年产3万吨铸件生产项目", "region") == []  # the county the article is about
    assert values(result, "project", "精密轴承生产项目", "region") == ["青岚经济开发区"]
    assert values(result, "project", "标准厂房项目", "region") == []


def test_a_zone_named_after_its_town_keeps_its_whole_name() -> None:
    text = "昨日，长丰镇工业园区新型建材项目开工。远达乡经济开发区食品加工项目同日签约。"
    result = extract_facts(text, DAY)
    regions = {f.value for f in result.of("project", field="region")}
    assert regions == {"长丰镇工业园区", "远达乡经济开发区"}


def test_the_zone_a_ceremonys_projects_land_in_is_their_place() -> None:
    text = ("5月8日上午，国家青岚经济技术开发区揭牌暨重大项目签约仪式举行，3个项目集中签约，正式落户青岚经开区。"
            "签约的项目分别为：远航精工有限公司投资5亿元建设的精密轴承生产项目，华拓机械有限公司投资3亿元建设的"
            "铸件生产项目。")
    result = extract_facts(text, DAY)
    assert values(result, "project", "精密轴承生产项目", "region") == ["青岚经开区"]
    assert values(result, "project", "铸件生产项目", "region") == ["青岚经开区"]
