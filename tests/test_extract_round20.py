"""Round 20: places attached to the right project in the form the article gives them, and a group named bare beside
its own legal name is one firm."""

from extract_helpers import firm_names as _firms

from chaingraph.sources.extract import extract_facts

DAY = "2023-09-15"


def _places(text: str) -> dict[str, list[str]]:
    result = extract_facts(text, DAY, ner=False)
    return {k: [f.value for f in result.of("project", k, "region")] for k in result.keys("project")}


def test_a_district_named_x_chengqu_places_the_project_it_starts() -> None:
    places = _places("北岭市重点产业项目进展顺利。任城区明川精密机械配件生产项目、青禾县明远年产5万吨面粉项目"
                     "已竣工投产。")
    assert places["任城区明川精密机械配件生产项目"] == ["任城区"], places


def test_a_towns_urban_area_is_no_place() -> None:
    places = _places("北岭县召开会议。上蔡城区明川污水管网改造工程项目开工。")
    assert not any("城区" in p for ps in places.values() for p in ps), places


def test_a_project_named_with_and_without_its_province_is_one_project() -> None:
    text = ("日前，明川新能源汽车项目投资签约仪式在青禾市举行。浙江明川新能源汽车项目拟总投资20亿元，在临港产业园建设"
            "新能源商用车生产基地。")
    result = extract_facts(text, DAY, ner=False)
    projects = result.keys("project")
    assert len([p for p in projects if "明川新能源汽车项目" in p]) == 1, projects
    (key,) = [p for p in projects if "明川新能源汽车项目" in p]
    assert [f.value for f in result.of("project", key, "region")] == ["临港产业园"]
    assert [f.value for f in result.of("project", key, "investment")] == ["2000000000 CNY"]


def test_a_zone_after_its_province_and_city_is_written_without_the_province() -> None:
    places = _places("5月9日，明川电机年产100万台高效电机项目在湖南省北岭市经开区投产。")
    assert ["北岭市经开区"] in places.values(), places


def test_a_province_that_is_part_of_a_parks_name_stays() -> None:
    places = _places("5月9日，明川林业技改项目在广西生态板材家具产业园竣工投产。")
    assert ["广西生态板材家具产业园"] in places.values(), places


def _one_firm(text: str) -> str:
    """The legal name of the one firm the text is found to name."""
    result = extract_facts(text, DAY, ner=False)
    firms = result.keys("firm")
    assert len(firms) == 1, firms
    (legal,) = [f.value for f in result.of("firm", firms[0], "legal_name")]
    return legal


def test_a_group_named_bare_beside_its_legal_name_is_one_firm() -> None:
    assert _one_firm("9月3日，正明集团有限公司与青禾县签约年产10万头生猪养殖项目，正明集团将投资5亿元建设养殖基地。"
                     ) == "正明集团有限公司"
    assert _one_firm("9月3日，中国北汽集团公司在青禾县投资建设整车项目。北汽集团将新建冲压、焊装车间。"
                     ) == "中国北汽集团公司"
    assert _one_firm("9月3日，嘉兴明川电机股份有限公司新能源汽车动力总成项目签约。明川电机集团董事长出席。"
                     ) == "嘉兴明川电机股份有限公司"


def test_a_group_beside_its_subsidiary_stays_another_firm() -> None:
    firms = _firms("9月3日，正明集团食品（青禾）有限公司年产5万吨肉制品项目开工。正明集团董事长出席仪式。")
    assert "正明集团食品（青禾）有限公司" in firms
    assert not any(f != "正明集团食品（青禾）有限公司" and "食品" in f for f in firms), firms


def test_an_announcements_number_is_no_part_of_the_firms_name() -> None:
    text = ("证券代码：300999    证券简称：明川科技    公告编号：2020-049\n"
            "北京明川科技股份有限公司关于签订项目投资协议的公告\n明川科技拟在青禾县投资5亿元建设年产2万吨新材料项目。")
    result = extract_facts(text, DAY, ner=False)
    legal = {f.value for f in result.facts if f.record == "firm" and f.field == "legal_name"}
    assert legal == {"北京明川科技股份有限公司"}, legal
    assert len(result.keys("firm")) == 1, result.keys("firm")
