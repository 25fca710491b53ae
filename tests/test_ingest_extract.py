"""Extraction of proposed facts from short news-style texts (written for these tests) and the seed article."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chaingraph import load_dataset
from chaingraph.dataset import Dataset
from chaingraph.dataset.model import parse_quantity
from chaingraph.errors import ParseError
from chaingraph.sources.extract import HIGH_CONFIDENCE, Extraction, extract_facts, resolve_date
from chaingraph.sources.merge import DEFAULT_MIN_CONFIDENCE
from chaingraph.sources.text import read_article

DAY = "2023-09-15"  # a Friday
SEED_ARTICLE = next((p for p in (Path(__file__).resolve().parents[n] / "shared" / "seeds" / "pinghu-2022-article.txt"
                     for n in (2, 3)) if p.exists()), Path("pinghu-2022-article.txt"))


@pytest.fixture(scope="module")
def ds() -> Dataset:
    from chaingraph.dataset import bundled_dataset_path

    return load_dataset(bundled_dataset_path())


def values(result: Extraction, record: str, key: str, field: str) -> list[str]:
    return [f.value for f in result.of(record, key, field)]


NEWS = (
    "本报讯 今年8月，瑞士迈驰精密机械有限公司年产5000台精密主轴项目签约落户临港经济开发区，项目总投资约1.2亿美元，"
    "注册资本4000万美元，固定资产投资超8000万美元，用地面积60亩，达产后预计年产值可达12亿元，年税收5000万元以上。"
    "该项目计划明年一季度开工建设。\n"
    "同日，苏州恒锐新材料股份有限公司增资项目签约，增资2000万元。恒锐新材料是世界500强企业。\n"
    "上周六，全区举行集中签约仪式，12个项目签约，总投资达56亿元。今年1月份至8月份，全区实际利用外资3.2亿美元。\n"
)


def test_figures_units_and_qualifiers(ds: Dataset) -> None:
    result = extract_facts(NEWS, DAY, ds)
    key = "瑞士迈驰精密机械有限公司年产5000台精密主轴项目"
    assert key in result.keys("project")
    assert values(result, "project", key, "investment") == ["~120000000 USD"]
    assert values(result, "project", key, "registered_capital") == ["40000000 USD"]
    assert values(result, "project", key, "fixed_asset_investment") == [">=80000000 USD"]
    assert values(result, "project", key, "area_mu") == ["60"]
    assert values(result, "project", key, "expected_output") == ["1200000000 CNY"]
    assert "年税收超5000万元" in values(result, "project", key, "note")
    assert values(result, "project", key, "date") == ["2023-08"]
    assert values(result, "project", key, "status") == ["signed"]  # 开工 is planned (计划明年), not a status yet
    assert values(result, "project", key, "start_date") == ["2024-Q1"]
    assert values(result, "project", key, "segments")[0] == "mt-spindle"


def test_firms_legal_short_country_fortune500(ds: Dataset) -> None:
    result = extract_facts(NEWS, DAY, ds)
    firms = result.keys("firm")
    assert "恒锐新材料" in firms
    assert values(result, "firm", "恒锐新材料", "legal_name") == ["苏州恒锐新材料股份有限公司"]
    assert values(result, "firm", "恒锐新材料", "fortune500") == ["yes"]
    project = "苏州恒锐新材料股份有限公司增资项目"
    assert values(result, "project", project, "capital_increase") == ["20000000 CNY"]
    assert values(result, "project", project, "kind") == ["expansion"]
    assert values(result, "project", project, "firms") == ["恒锐新材料"]


def test_aggregates_are_region_facts(ds: Dataset) -> None:
    result = extract_facts(NEWS, DAY, ds)
    facts = {f.key: f.value for f in result.facts if f.record == "region_fact" and f.field == "value"}
    assert "5600000000 CNY" in facts.values()
    assert facts["实际利用外资 2023-01/2023-08"] == "320000000 USD"
    periods = [f.value for f in result.facts if f.record == "region_fact" and f.field == "period"]
    assert "2023-09-09" in periods  # 上周六 from Friday 2023-09-15
    # no aggregate figure leaks into a project
    assert all(f.value != "5600000000 CNY" for f in result.facts if f.record == "project")


def test_country_prefix_brand_lists_and_pairs(ds: Dataset) -> None:
    text = ("今年2月，日本NSK株式会社与德国福伊特两家世界500强企业联手，总投资约7500万欧元，在东港工业园区设立"
            "精密轴承项目。随着韩国晓星、美国康宁等项目落户，产业链不断完善。")
    result = extract_facts(text, DAY, ds)
    firms = result.keys("firm")
    assert {"NSK株式会社", "福伊特", "晓星", "康宁"} <= set(firms)
    assert values(result, "firm", "福伊特", "country") == ["DE"]
    assert values(result, "firm", "福伊特", "fortune500") == ["yes"]
    assert values(result, "firm", "晓星", "country") == ["KR"]
    project = "精密轴承项目"
    assert values(result, "project", project, "investment") == ["~75000000 EUR"]
    assert values(result, "project", project, "date") == ["2023-02"]
    assert set(values(result, "project", project, "firms")) == {"NSK株式会社", "福伊特"}
    assert values(result, "project", project, "region") == ["东港工业园区"]  # not a region of the dataset
    assert "康宁项目" in result.keys("project")


def test_status_capacity_and_places(ds: Dataset) -> None:
    text = ("华锋新材料科技有限公司年产13.8万吨环氧树脂项目位于独山港经济开发区，占地面积40000平方米，"
            "于去年10月份开工建设，"
            "目前主体结构已封顶，预计年底前竣工，明年二季度实现试生产。")
    result = extract_facts(text, DAY, ds)
    key = "华锋新材料科技有限公司年产13.8万吨环氧树脂项目"
    assert values(result, "project", key, "capacity") == ["138000 t/yr"]
    assert values(result, "project", key, "area_mu") == ["60"]
    assert values(result, "project", key, "start_date") == ["2022-10"]
    assert values(result, "project", key, "trial_date") == ["2024-Q2"]
    assert values(result, "project", key, "status") == ["under_construction"]
    assert values(result, "project", key, "region") == ["dushangang"]
    assert values(result, "project", key, "segments")[0] == "nm-resin"


def test_offsets_point_into_the_original_text(ds: Dataset) -> None:
    text = "今年4月，（（平湖平湖））宏达科技有限公司宏达科技有限公司新建项目签约，总投资总投资 34003400 万美元万美元。"
    result = extract_facts(text, DAY, ds)
    for fact in result.facts:
        if fact.field == "investment":
            assert fact.value == "34000000 USD"
            assert text[fact.start:fact.end].startswith("总投资")
            assert "3400" in text[fact.start:fact.end]


def test_bad_date() -> None:
    with pytest.raises(ParseError):
        extract_facts("一些文字", "June 2022")


def test_no_facts_in_plain_prose(ds: Dataset) -> None:
    result = extract_facts("营商环境没有最好，只有更好。人人都说谢谢，年年有余。", DAY, ds)
    assert [f for f in result.facts if f.record != "source"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("今年4月", "2022-04"), ("去年10月份", "2021-10"), ("明年二季度", "2023-Q2"), ("3月上旬", "2022-03-E"),
     ("年底", "2022-12"), ("上周六", "2022-05-28"), ("1994年", "1994"), ("今年前4个月", "2022-01/2022-04"),
     ("2022年5月28日", "2022-05-28"), ("5月初", "2022-05-E"), ("明年上半年", "2023-H1"), ("今年", "2022"),
     ("去年年底", "2021-12"), ("13月", None)],
)
def test_resolve_date(text: str, expected: str | None) -> None:
    assert resolve_date(text, dt.date(2022, 6, 1)) == expected


@given(st.text(max_size=20), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_resolve_date_never_crashes(text: str, day: dt.date) -> None:
    resolve_date(text, day)


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=-1, max_value=1),
       st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_relative_month_round_trip(month: int, shift: int, day: dt.date) -> None:
    word = {-1: "去年", 0: "今年", 1: "明年"}[shift]
    assert resolve_date(f"{word}{month}月", day) == f"{day.year + shift}-{month:02d}"


@given(st.text(max_size=60))
def test_extract_never_crashes(text: str) -> None:
    result = extract_facts(text, "2022-06-01")
    for fact in result.facts:
        assert 0 <= fact.start <= fact.end <= len(text)


def _quality_module():  # type: ignore[no-untyped-def]
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "extract_quality.py"
    spec = importlib.util.spec_from_file_location("extract_quality", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["extract_quality"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not SEED_ARTICLE.exists(), reason="../shared/seeds is not present")
def test_seed_article_quality(ds: Dataset) -> None:
    quality = _quality_module()
    text, _ = read_article(SEED_ARTICLE)
    result = extract_facts(text, "2022-06-01", ds, source_id="pinghu-2022-article")
    scores = quality.score(result, ds)
    for name in ("firms", "projects", "investment"):
        assert scores[name].precision >= 0.9, (name, scores[name].misses)
        assert scores[name].recall >= 0.9, (name, scores[name].misses)
    for fact in result.facts:
        if fact.field == "investment":
            parse_quantity(fact.value)
            assert fact.end > fact.start


# ----------------------------------------------------------------------------------------- frames on unseen text
# Short sentences written for these tests (no dataset: the rules must work on firms and products nobody recorded).


def project_of(result: Extraction, part: str) -> str:
    keys = [k for k in result.keys("project") if part in k]
    assert len(keys) == 1, (part, result.keys("project"))
    return keys[0]


def test_firm_invests_in_a_place_to_build_a_project() -> None:
    text = "6月2日，青禾智能装备有限公司在云溪镇投资5亿元建设年产8万台农用无人机项目，占地120亩。"
    result = extract_facts(text, DAY)
    key = project_of(result, "农用无人机项目")
    assert not key.startswith(("在", "投资", "建设")) and "5亿元" not in key
    assert values(result, "project", key, "firms") == ["青禾智能装备有限公司"]
    assert values(result, "project", key, "investment") == ["500000000 CNY"]
    assert values(result, "project", key, "area_mu") == ["120"]
    assert values(result, "project", key, "capacity") == ["80000 台/yr"]
    assert values(result, "project", key, "region") == ["云溪镇"]


def test_this_project_refers_to_the_last_project() -> None:
    text = ("本月，星桥街道引进海澄生物医用敷料生产基地项目。该项目总投资1.8亿元，占地58.4亩，"
            "达产后年产值3亿元。")
    result = extract_facts(text, DAY)
    key = project_of(result, "医用敷料")
    assert values(result, "project", key, "investment") == ["180000000 CNY"]
    assert values(result, "project", key, "area_mu") == ["58.4"]
    assert values(result, "project", key, "expected_output") == ["300000000 CNY"]


@pytest.mark.parametrize("marks", [("一是", "二是"), ("1.", "2."), ("（一）", "（二）")])
def test_numbered_project_lists(marks: tuple[str, str]) -> None:
    first, second = marks
    text = (f"本次签约的重点项目有：{first}锦川新能源汽车电控系统项目，总投资6亿元；"
            f"{second}蓝石精密光学镜头扩建项目，投资8000万元。")
    result = extract_facts(text, DAY)
    a = project_of(result, "电控系统项目")
    b = project_of(result, "光学镜头扩建项目")
    assert not a.startswith(first) and not b.startswith(second)
    assert values(result, "project", a, "investment") == ["600000000 CNY"]
    assert values(result, "project", b, "investment") == ["80000000 CNY"]


def test_amount_before_the_project_it_describes() -> None:
    text = "计划投资1.2亿元的北辰冷链物流中心项目和投资3000万元的南湖包装材料项目同时签约。"
    result = extract_facts(text, DAY)
    assert values(result, "project", project_of(result, "冷链物流中心项目"), "investment") == ["120000000 CNY"]
    assert values(result, "project", project_of(result, "包装材料项目"), "investment") == ["30000000 CNY"]


def test_ceremony_date_reaches_the_projects_signed_there() -> None:
    text = ("5月28日下午，高新区举行二季度重大项目集中签约仪式，共签约12个项目。\n"
            "其中，澜海半导体封装测试项目总投资20亿元；明德医疗器械产业园项目总投资6亿元。")
    result = extract_facts(text, "2023-05-30")
    for part in ("封装测试项目", "医疗器械产业园项目"):
        assert values(result, "project", project_of(result, part), "date") == ["2023-05-28"]


def test_relative_days_resolve_from_dateline_and_last_date() -> None:
    text = ("本报讯（记者 林青）9月14日讯 昨日，松江区举行项目集中签约活动，远峰机器人减速器项目签约。"
            "同日，白鹭光电显示模组项目也在该区签约落户。")
    result = extract_facts(text, "2023-09-15")
    assert values(result, "project", project_of(result, "减速器项目"), "date") == ["2023-09-13"]
    assert values(result, "project", project_of(result, "显示模组项目"), "date") == ["2023-09-13"]


def test_same_month_resolves_to_the_last_month_written() -> None:
    text = "今年3月，宁川电池回收项目签约。同月，宁川电池回收项目开工建设。"
    result = extract_facts(text, DAY)
    key = project_of(result, "电池回收项目")
    assert values(result, "project", key, "start_date") == ["2023-03"]


def test_group_totals_are_region_facts_once_and_never_a_project_figure() -> None:
    text = ("今年以来，全区签约21个项目，总投资108亿元。分别是云杉新材料项目、松涛智能仓储项目、"
            "柏林光伏支架项目，总投资4.5亿元。其中云杉新材料项目投资2亿元。")
    result = extract_facts(text, DAY)
    region_values = [f.value for f in result.facts if f.record == "region_fact" and f.field == "value"]
    assert region_values.count("10800000000 CNY") == 1
    assert "450000000 CNY" in region_values
    project_values = {f.value for f in result.facts if f.record == "project" and f.field == "investment"}
    assert project_values == {"200000000 CNY"}


def test_counted_kinds_of_projects_are_not_projects() -> None:
    text = "此次开工的项目中，工业项目5个，社会民生项目2个，基础设施项目1个，总投资9亿元。"
    result = extract_facts(text, DAY)
    assert result.keys("project") == []


def test_places_and_generic_words_are_not_firms() -> None:
    text = ("深圳、合同、项目等字样不是企业。来自吴江开发区、深圳等地的企业代表参加签约，"
            "华屹电子、深圳等项目落户。")
    result = extract_facts(text, DAY)
    firms = result.keys("firm")
    assert not set(firms) & {"深圳", "合同", "项目", "吴江开发区"}
    assert "华屹电子" in firms


def test_two_amounts_for_one_field_are_not_both_trusted() -> None:
    text = "澄江新型建材项目总投资3亿元，计划总投资1.5亿元，占地80亩。"
    result = extract_facts(text, DAY)
    key = project_of(result, "新型建材项目")
    facts = result.of("project", key, "investment")
    assert [f.value for f in facts] == ["300000000 CNY", "150000000 CNY"]
    # the second (most likely another project's) is trusted less than the first, and merge leaves it out; the
    # first is capped at its project's confidence, which the record model puts near merge's threshold for a
    # project first named at the start of a text (a headline or lead names events more often than projects)
    assert facts[0].confidence > facts[1].confidence
    assert facts[1].confidence < DEFAULT_MIN_CONFIDENCE
    assert facts[0].confidence == result.of("project", key, "name")[0].confidence


def test_bare_name_without_firm_or_figure_falls_below_high_confidence() -> None:
    result = extract_facts("坚持招大引强积蓄能量招大项目，大招项目。", DAY)
    for fact in result.facts:
        if fact.record == "project" and fact.field == "name":
            assert fact.confidence < HIGH_CONFIDENCE


def test_towns_and_streets_as_places_without_junk() -> None:
    text = "远帆食品加工项目位于盘石镇，锦衣纺织项目落户城东街道，各乡镇积极对接。"
    result = extract_facts(text, DAY)
    assert values(result, "project", project_of(result, "食品加工项目"), "region") == ["盘石镇"]
    assert values(result, "project", project_of(result, "纺织项目"), "region") == ["城东街道"]


def test_ascii_punctuation_reads_like_chinese() -> None:
    text = "台岳(福建)光电有限公司年产50万片光伏玻璃项目签约,总投资1,200万美元;占地30亩。"
    result = extract_facts(text, DAY)
    key = project_of(result, "光伏玻璃项目")
    assert values(result, "project", key, "investment") == ["12000000 USD"]
    assert values(result, "project", key, "area_mu") == ["30"]
    assert text[result.of("project", key, "investment")[0].start] == "总"


def test_traditional_script_is_read_with_offsets_into_the_original() -> None:
    text = "今年4月，蘇州恆銳新材料股份有限公司年產5萬噸環氧樹脂項目簽約落戶，總投資約1.2億美元，佔地60畝。"
    result = extract_facts(text, DAY)
    key = project_of(result, "环氧树脂项目")
    assert values(result, "project", key, "investment") == ["~120000000 USD"]
    assert values(result, "project", key, "area_mu") == ["60"]
    assert values(result, "project", key, "date") == ["2023-04"]
    fact = result.of("project", key, "investment")[0]
    assert text[fact.start:fact.end].startswith("總投資")
    assert "苏州恒锐新材料股份有限公司" in result.keys("firm")


def test_group_names_investor_clause_and_county_places() -> None:
    text = ("3月9日，禾丰集团与县政府签约，计划在湘源县投资12亿元建设智慧冷链产业基地项目。"
            "另一项目为高端膜材料项目，投资方为江川新材科技有限公司，项目落户白沙镇。")
    result = extract_facts(text, DAY)
    assert "禾丰集团" in result.keys("firm")
    base = project_of(result, "冷链产业基地项目")
    assert values(result, "project", base, "firms") == ["禾丰集团"]
    assert values(result, "project", base, "investment") == ["1200000000 CNY"]
    film = project_of(result, "膜材料项目")
    assert values(result, "project", film, "firms") == ["江川新材科技有限公司"]
    assert values(result, "project", film, "region") == ["白沙镇"]


def test_public_works_with_a_figure_are_projects() -> None:
    text = "本次开工的青石河堤防加固工程，总投资8600万元；滨湖路改扩建工程总投资1.2亿元。全市民生工程稳步推进。"
    result = extract_facts(text, DAY)
    assert values(result, "project", project_of(result, "堤防加固工程"), "investment") == ["86000000 CNY"]
    assert values(result, "project", project_of(result, "滨湖路改扩建工程"), "investment") == ["120000000 CNY"]
    assert not [k for k in result.keys("project") if "民生工程" in k]


def test_city_prefix_of_a_legal_name_is_not_its_short_name() -> None:
    text = "漳州恒嘉食品有限公司年产2万吨罐头项目签约。漳州台商投资区将全力服务项目建设。"
    result = extract_facts(text, DAY)
    assert result.keys("firm") == ["漳州恒嘉食品有限公司"]


def test_counts_with_xiang_and_annual_plan_figures() -> None:
    text = ("开工的重大项目中，产业项目48项，总投资260亿元，年计划投资52亿元。"
            "其中，远岫半导体材料项目总投资30亿元，年度计划投资8亿元。")
    result = extract_facts(text, DAY)
    region_values = [f.value for f in result.facts if f.record == "region_fact" and f.field == "value"]
    assert "48 个" in region_values and "26000000000 CNY" in region_values
    # the group's annual plan is a region fact of its own (round 7: keyed so on both hold-out sets); the project's
    # annual plan is nobody's figure
    assert "5200000000 CNY" in region_values and "800000000 CNY" not in region_values
    key = project_of(result, "半导体材料项目")
    assert values(result, "project", key, "investment") == ["3000000000 CNY"]


def test_confidence_is_the_dev_share_of_the_rule_and_caps_the_record() -> None:
    from chaingraph.sources.calibration import COUNTS, MODEL_CEILING, name_confidence, rule_confidence
    from chaingraph.sources.records import record_confidences

    # a firm with a legal name and its project: its rule was right on nearly every dev article, so it is high
    # confidence
    result = extract_facts("宁波华翔电子股份有限公司投资5亿元建设汽车内饰件项目，占地60亩。", DAY)
    firm = result.of("firm", None, "name")[0]
    right, total = COUNTS[firm.rule]
    assert total >= 10 and right / total >= HIGH_CONFIDENCE
    assert firm.confidence >= HIGH_CONFIDENCE
    # a name's confidence is the record model's, above MODEL_CEILING only as high as its rule's share
    model = record_confidences(result.facts, result.repaired)
    for fact in result.facts:
        if fact.field == "name" and fact.record in ("firm", "project"):
            rule = round(rule_confidence(fact.rule) or 0, 2)
            assert fact.confidence == name_confidence(model[(fact.record, fact.key)], rule)
            assert fact.confidence <= max(rule, MODEL_CEILING)
    # every fact of a record is capped at the record's own confidence: a doubtful project does not merge
    # through its figures
    for key in result.keys("project"):
        name = result.of("project", key, "name")[0].confidence
        assert all(f.confidence <= name for f in result.of("project", key))
    weak = extract_facts("本地电机有限公司今年实现增资800万美元。", DAY)
    (key,) = weak.keys("project")
    (name,) = weak.of("project", key, "name")
    # an implicit project (a firm's capital increase): its rule is weak, so the model cannot lift it to high
    # confidence, and it caps its facts
    assert name.rule.endswith("/implicit") and name.confidence < HIGH_CONFIDENCE
    assert all(f.confidence <= name.confidence for f in weak.of("project", key))


def test_places_hold_no_figures_and_roads_are_not_firms() -> None:
    text = "签约项目总投资117亿元天府新区将建设华芯电子项目。神农大道项目、湘江大桥项目同日开工。"
    result = extract_facts(text, DAY)
    places = {f.value for f in result.facts if f.field == "region"}
    assert places and not any(ch.isdigit() or "亿" in p for p in places for ch in p)
    assert not {"神农大道", "湘江大桥"} & set(result.keys("firm"))


def test_country_word_before_a_list_or_a_noun_phrase_is_no_firm() -> None:
    text = "产品远销美国、日本、德国等国家和地区。项目采用日本先进技术和德国生产线。美国苹果公司是其主要客户。"
    result = extract_facts(text, DAY)
    firms = result.keys("firm")
    assert not any(k.startswith("等") for k in firms)
    assert sum("苹果" in k for k in firms) == 1  # 美国苹果 and 苹果公司 are one firm
    weak = [f for f in result.of("firm", None, "name") if "技术" in f.key]
    assert all(f.confidence < DEFAULT_MIN_CONFIDENCE for f in weak)


def test_investing_subject_builds_an_unnamed_plant_with_place_and_currency() -> None:
    # a firm named only by a short name, investing in a plant the article never calls 项目, in a Taiwan report
    text = ("经济部今天通过3件投资案，将投资约新台币80亿元。宏图精工则将投资约6亿元，在台中大里建新厂扩增产能；"
            "不具名光学厂则将投资12亿元新建厂房及研发大楼。")
    result = extract_facts(text, DAY)
    assert "宏图精工" in result.keys("firm")
    key = project_of(result, "宏图精工")
    assert values(result, "project", key, "investment") == ["~600000000 TWD"]
    assert values(result, "project", key, "region") == ["台中大里"]
    assert values(result, "project", key, "date") == [DAY]  # the approval meeting is today's event
    unnamed = project_of(result, "厂房及研发大楼")
    assert values(result, "project", unnamed, "investment") == ["1200000000 TWD"]
    assert values(result, "project", unnamed, "firms") == []
    # the total after 3件 belongs to the group, not to a project
    assert "8000000000 TWD" not in {f.value for f in result.facts if f.record == "project"}


def test_amount_first_object_and_build_clause_place() -> None:
    text = ("11月3日，多个项目在县城奠基。其中，投资6800万元的西河堤防加固工程，全长3公里。"
            "锐捷电子拟投资2.4亿元，在城北建设智能终端研发中心。")
    result = extract_facts(text, DAY)
    works = project_of(result, "西河堤防加固工程")
    assert values(result, "project", works, "investment") == ["68000000 CNY"]
    center = project_of(result, "智能终端研发中心")
    assert values(result, "project", center, "investment") == ["240000000 CNY"]
    assert values(result, "project", center, "region") == ["城北"]
    assert "锐捷电子" in result.keys("firm")


def test_phase_figures_stay_off_the_whole_project() -> None:
    text = ("安和新材料年产5万吨涂料项目总投资8亿元，总用地面积300亩，分两期建设。一期投资3亿元，用地120亩，"
            "一期建成后年产涂料2万吨。")
    result = extract_facts(text, DAY)
    key = project_of(result, "涂料项目")
    assert values(result, "project", key, "investment") == ["800000000 CNY"]
    assert values(result, "project", key, "area_mu") == ["300"]
    assert "20000 t/yr" not in values(result, "project", key, "capacity")
    named = extract_facts("青松纺织园标准化厂房项目一期总投资约2亿元，占地50亩。", DAY)
    phase = project_of(named, "一期")
    assert values(named, "project", phase, "investment") == ["~200000000 CNY"]


def test_event_date_beats_a_batch_year_and_skips_visited_projects() -> None:
    text = ("5月12日，全县2023年第二批重大项目集中开工仪式在金河食品产业园项目现场举行。"
            "仪式前，与会人员还到东湖物流园项目、北山光伏电站项目进行实地观摩。")
    result = extract_facts(text, DAY)
    site = project_of(result, "金河食品产业园项目")
    assert values(result, "project", site, "start_date") == ["2023-05-12"]
    for visited in ("东湖物流园项目", "北山光伏电站项目"):
        key = project_of(result, visited)
        assert not values(result, "project", key, "start_date") and not values(result, "project", key, "date")


def test_park_anaphor_and_registered_capital_by_contract() -> None:
    text = ("桃源产业园项目规划总面积320亩，总投资15亿元。日前，该园区新增恒远服饰、立新包装等2个开工项目。"
            "较大的外资项目有：远达国际投资有限公司投资的远达新能源有限公司，合同外资1500万美元。")
    result = extract_facts(text, DAY)
    park = project_of(result, "桃源产业园")
    assert values(result, "project", park, "area_mu") == ["320"]
    for item in ("恒远服饰", "立新包装"):
        assert values(result, "project", project_of(result, item), "region") == ["桃源产业园"]
    foreign = project_of(result, "远达新能源有限公司")
    assert values(result, "project", foreign, "registered_capital") == ["15000000 USD"]


def test_listed_firm_by_stock_code_and_category_lists_are_not_firms() -> None:
    text = ("华星材料(300123)公告称，公司拟投资10亿元建设年产5万吨膜材料项目。全省共策划包装生态观光、休闲度假、"
            "康养运动等各类旅游招商项目共80个。")
    result = extract_facts(text, DAY)
    assert "华星材料" in result.keys("firm")
    assert not {"休闲度假", "康养运动"} & set(result.keys("firm"))
    assert not any("休闲度假" in k for k in result.keys("project"))


def test_signing_with_a_government_maker_before_its_product_and_firm_as_project() -> None:
    text = ("3月8日，华东重工与青山县人民政府签订项目合作协议。同日，临海市远帆光电年产300万套车载显示模组项目开工。"
            "较大的项目有：总投资6000万美元的东海精密部件有限公司。")
    result = extract_facts(text, DAY)
    firms = set(result.keys("firm"))
    assert {"华东重工", "远帆光电"} <= firms
    assert not any("政府" in f for f in firms)
    key = project_of(result, "东海精密部件有限公司")
    assert values(result, "project", key, "investment") == ["60000000 USD"]


def test_a_ceremony_date_does_not_reach_projects_of_another_event() -> None:
    text = ("9月6日上午，全县举行新项目集中开工仪式，金穗米业加工项目、宏达建材项目同日开工。"
            "此外，还有城南污水处理厂项目、滨河公园项目等在8月竣工。")
    result = extract_facts(text, DAY)
    started = project_of(result, "金穗米业加工项目")
    assert values(result, "project", started, "start_date") == ["2023-09-06"]
    done = project_of(result, "城南污水处理厂项目")
    assert "2023-09-06" not in values(result, "project", done, "start_date") + values(result, "project", done, "date")


def test_guests_customers_and_parents_are_doubtful_firms() -> None:
    text = ("10月8日，宏远新材料有限公司年产2万吨膜材料项目在县经开区开工。隶属金川集团的宏远新材料表示将加快建设。"
            "北辰电气股份有限公司董事长王明出席仪式并致辞。公司客户包括海东汽车有限公司等。")
    result = extract_facts(text, DAY)
    conf = {f.key: f.confidence for f in result.of("firm", None, "name")}
    assert conf["宏远新材料有限公司"] >= HIGH_CONFIDENCE
    # the answer keys of the development articles count most guests and customers as firms of the article (a
    # frame the record model weighs down, not out): below the firm that acts, and never high confidence
    for background in ("北辰电气股份有限公司", "海东汽车有限公司", "金川集团"):
        assert conf[background] < min(HIGH_CONFIDENCE, conf["宏远新材料有限公司"]), background
        (fact,) = result.of("firm", background, "name")
        assert fact.rule.startswith("firm.name:0.45")  # the background frame


def test_connectives_and_sectors_are_no_investing_subjects() -> None:
    text = ("同时投入5000万元建设配套设施。此外投资2亿元用于技术改造。双方将共同投资10亿元。其中，新兴产业投资12亿元。"
            "下一步将投资1亿元扩建厂房。市场主体与县政府签订协议。")
    assert extract_facts(text, DAY).keys("firm") == []


def test_clauses_caught_by_name_patterns_are_not_firms() -> None:
    text = ("对外投资概述\n（一）公司拟投资3亿元建设新厂。我县共有6家外资公司。香港居民投资2亿元建设度假酒店。"
            "镇长李华投资5000万元建设农场。以投资性公司投资1亿元建设仓库。青禾食品有限公司投资2亿元建设冷库项目。")
    firms = set(extract_facts(text, DAY).keys("firm"))
    assert "青禾食品有限公司" in firms
    assert not any(re.search(r"（一）|共有|居民|镇长|投资性", f) for f in firms), firms


def test_project_names_without_reporting_verbs_and_kinds() -> None:
    text = ("县领导负责协调该项目。景区已被列入全省重点旅游项目。开发区着力提升项目质量。"
            "预计新区新老项目投产后效益明显。江东经济技术开发区重点项目进展顺利。"
            "江东经济开发区基础设施项目总投资3亿元。南湖路提升改造工程项目开工。")
    projects = set(extract_facts(text, DAY).keys("project"))
    assert any("基础设施项目" in p for p in projects), projects
    assert any("提升改造工程" in p for p in projects), projects
    for junk in ("负责", "列入", "着力", "新老", "重点项目"):
        assert not any(junk in p for p in projects), (junk, projects)


def test_group_names_lose_their_description_and_banners_are_places() -> None:
    text = ("全球光伏龙头晨曦集团投资20亿元建设电池片项目。要充分发挥远山集团的带动作用。"
            "科左后旗投资1亿元建设牧场。达旗开工仪式举行。")
    firms = set(extract_facts(text, DAY).keys("firm"))
    assert "晨曦集团" in firms and "远山集团" in firms, firms
    assert not any(re.search(r"龙头|发挥|后旗|开工", f) for f in firms), firms


def test_district_headings_and_a_single_ceremony_venue_place_projects() -> None:
    text = ("本次开工活动共设5个会场。\n1.东城区会场：青山实验学校项目，总投资3.7亿元。\n"
            "2.南湖区会场：滨湖停车场项目，总投资2亿元。\n11月3日，宏达电机项目开工仪式在江西省赣州市南康区举行。\n"
            "11月9日，全市第三批重大项目集中开工仪式在北塘区云杉食品项目举行，金石材料项目同日开工。")
    result = extract_facts(text, DAY)
    assert values(result, "project", project_of(result, "青山实验学校"), "region") == ["东城区"]
    assert values(result, "project", project_of(result, "滨湖停车场"), "region") == ["南湖区"]
    assert values(result, "project", project_of(result, "宏达电机"), "region") == ["南康区"]
    # a batch ceremony's venue is one site, not every project's place
    assert values(result, "project", project_of(result, "金石材料"), "region") == []


def test_two_spellings_of_one_firm_and_its_project_are_one_record() -> None:
    text = ("东华节能玻璃有限公司高新技术遮阳节能玻璃及节能门窗生产项目开工。"
            "东华节能玻璃幕墙有限责任公司高新技术遮阳节能玻璃及节能幕墙门窗生产项目总投资2亿元。"
            "南方建材有限公司与南方建材科技发展有限公司签约。")
    result = extract_facts(text, DAY)
    firms = set(result.keys("firm"))
    assert sum("东华节能玻璃" in f for f in firms) == 1, firms
    assert sum("遮阳节能玻璃" in k for k in result.keys("project")) == 1, result.keys("project")
    assert {"南方建材有限公司", "南方建材科技发展有限公司"} <= firms  # four more characters: another firm


def test_projects_seen_on_a_visit_do_not_take_the_ceremony_date() -> None:
    text = ("4月23日上午，全盟重大项目集中开工仪式举行，青松乳业项目、白河建材项目开工。"
            "随后，与会人员来到东城工业园区，详细了解了远望纺织项目的建设情况。")
    result = extract_facts(text, DAY)
    assert values(result, "project", project_of(result, "青松乳业"), "start_date") == ["2023-04-23"]
    seen = project_of(result, "远望纺织")
    assert values(result, "project", seen, "start_date") + values(result, "project", seen, "date") == []


def test_a_name_after_le_jie_starts_after_the_verb() -> None:
    result = extract_facts("考察组详细了解北山羊绒集团羊绒衫项目的进展。", DAY)
    assert result.keys("project") == ["北山羊绒集团羊绒衫项目"]
    assert result.keys("firm") == ["北山羊绒集团"]


def test_capacity_with_the_product_between_label_and_amount_and_daily_capacity() -> None:
    text = ("青山钢帘线项目开工，项目达产后可年产精品钢帘线80万吨。"
            "白石水泥熟料生产线项目投产，日产3000吨。")
    result = extract_facts(text, DAY)
    assert values(result, "project", project_of(result, "青山钢帘线"), "capacity") == ["800000 t/yr"]
    assert values(result, "project", project_of(result, "白石水泥"), "capacity") == ["3000 t/d"]


def test_output_written_after_its_amount() -> None:
    text = "远山电子产业园项目签约，项目建成投产后将实现80亿元年产值。全市今年将实现500亿元年产值。"
    result = extract_facts(text, DAY)
    assert values(result, "project", project_of(result, "远山电子"), "expected_output") == ["8000000000 CNY"]


def test_a_figure_with_de_before_a_project_is_that_projects_even_after_a_count() -> None:
    text = ("共签约项目12个，签约总金额60亿元，分别是总投资4亿元的青松板材加工项目、总投资3亿元的白河家具生产项目。")
    result = extract_facts(text, DAY)
    assert values(result, "project", project_of(result, "青松板材"), "investment") == ["400000000 CNY"]
    assert "400000000 CNY" not in [f.value for f in result.facts if f.record == "region_fact"]


def test_signed_totals_and_totals_after_a_count_are_the_groups() -> None:
    text = ("开幕式上，百家客商签订了投资合同，签约投资总额12.5亿美元。列入统计的共有80项，项目投资总额达12亿美元，"
            "其中超千万美元项目共计40个，涉及投资总额10.2亿美元，如总投资8000万美元的青石电子科技有限公司。")
    result = extract_facts(text, DAY)
    region = {f.value for f in result.facts if f.record == "region_fact" and f.field == "value"}
    assert {"1250000000 USD", "1200000000 USD", "1020000000 USD"} <= region, region
    firm_project = project_of(result, "青石电子")
    assert values(result, "project", firm_project, "investment") == ["80000000 USD"]


def test_a_dongtu_ceremony_dates_its_projects() -> None:
    text = "3月18日上午，全县重点项目集中动工仪式举行。青岭茶叶加工项目、南坪农机项目同时动工。"
    result = extract_facts(text, DAY)
    for name in ("青岭茶叶加工", "南坪农机"):
        assert values(result, "project", project_of(result, name), "start_date") == ["2023-03-18"], name


def test_a_size_class_is_no_total() -> None:
    text = ("全县共开工建设项目90个，其中投资超亿元项目30个。计划实施项目40个，项目投资超亿元的有15个。"
            "单个项目投资超过1亿元。总投资超80亿元的20个项目集中开工。")
    region = [f.value for f in extract_facts(text, DAY).facts if f.record == "region_fact" and f.field == "value"]
    assert ">=100000000 CNY" not in region, region
    assert ">=8000000000 CNY" in region and "30 个" in region


def test_examples_of_a_group_are_projects_without_the_ceremony_date() -> None:
    text = ("5月8日，全市重大项目集中开工仪式举行，白鹭机械项目开工。"
            "今年以来，全市开工建设项目80个，包括青山智能制造创新中心、滨江科技创新示范区等，总投资900亿元。"
            "签约项目涉及汽车、电子信息等领域。")
    result = extract_facts(text, DAY)
    projects = set(result.keys("project"))
    assert {"青山智能制造创新中心", "滨江科技创新示范区"} <= projects, projects
    assert not any("汽车" in p for p in projects)
    example = project_of(result, "青山智能制造")
    assert "2023-05-08" not in values(result, "project", example, "start_date")
    assert values(result, "project", project_of(result, "白鹭机械"), "start_date") == ["2023-05-08"]


def test_an_amount_before_works_followed_by_their_event() -> None:
    text = "此外，总投资6000万元的南湖经济开发区滨河路改扩建工程开工，建成后将改善交通。"
    result = extract_facts(text, DAY)
    works = project_of(result, "滨河路改扩建工程")
    assert values(result, "project", works, "investment") == ["60000000 CNY"]


def test_a_shared_legal_name_prefix_is_no_short_name_of_either_firm() -> None:
    """Two firms whose legal names start alike: the common start (浙江华锐) inside one firm's legal name is no
    mention of the other, nor a short name of either, so each project keeps its own firm."""
    text = ("浙江华锐精密机械有限公司投资3亿元建设精密轴承项目。浙江华锐电子有限公司投资2亿元建设传感器项目。"
            "华锐精密负责人表示，项目年内投产。")
    result = extract_facts(text, DAY)
    firms = {f.key: f.value for f in result.facts if f.record == "firm" and f.field == "legal_name"}
    assert sorted(firms.values()) == ["浙江华锐电子有限公司", "浙江华锐精密机械有限公司"]
    machinery = next(k for k, v in firms.items() if v == "浙江华锐精密机械有限公司")
    assert "浙江华锐" not in firms and "华锐" not in firms
    links = {(f.key, f.value) for f in result.facts if f.field == "firms"}
    assert links == {(project_of(result, "传感器项目"), "浙江华锐电子有限公司"),
                     (project_of(result, "精密轴承项目"), machinery)}
    # a prefix only one firm's legal name starts is still that firm's short name
    assert "华锐精密" in {machinery, *values(result, "firm", machinery, "aliases")}


def test_count_metrics_carry_no_function_words() -> None:
    text = ("今年以来，全市共开工项目42个，签约项目18个，其中投资超亿元项目35个。"
            "此次共签约项目12个。另有再生资源项目3个，其中：高新区项目5个。")
    result = extract_facts(text, DAY)
    metrics = {f.value for f in result.facts if f.record == "region_fact" and f.field == "metric"}
    assert {"开工项目数", "签约项目数", "投资超亿元项目数", "再生资源项目数", "高新区项目数"} <= metrics
    assert not [m for m in metrics if re.match(r"[中共其：]|此次|另有", m)]


def test_every_example_of_a_project_group_is_a_project() -> None:
    text = "重点推进的项目包括长三角创新中心、滨海产业示范区等。"
    assert set(extract_facts(text, DAY).keys("project")) == {"长三角创新中心", "滨海产业示范区"}


def _subsidiaries(count: int) -> str:
    """``count`` paragraphs, each a firm whose legal name starts with the same three characters as all others."""
    syllables = "恒锐达新材精密智能光伏装备医药生物能源宏泰博远盛通联创鑫瑞晶德美嘉诚信安"
    parts = []
    for i in range(count):
        n = len(syllables)
        body = "浙江华" + syllables[i % n] + syllables[(i // n) % n] + syllables[(i * 7 + 3) % n]
        parts.append(f"{body}有限公司投资{i % 9 + 1}亿元建设精密轴承项目。{body}将推动产业链延伸。\n")
    return "".join(parts)


def test_short_name_search_grows_linearly_with_firms_sharing_a_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    """The positions the short-name search looks at, for firms whose legal names share a prefix: ten times the
    firms must not cost a hundred times the positions (the shared prefix occurs in every firm's legal name)."""
    import chaingraph.sources.extract as module

    extractor = next(c for c in vars(module).values() if isinstance(c, type) and hasattr(c, "_short_names"))
    seen = [0]
    inside = [False]
    occurrences, short_names = extractor.occurrences, extractor._short_names

    def counted(self: object, name: str) -> list[int]:
        found = occurrences(self, name)
        if inside[0]:
            seen[0] += len(found)
        return found

    def marked(self: object, *args: object) -> None:
        inside[0] = True
        try:
            short_names(self, *args)
        finally:
            inside[0] = False

    monkeypatch.setattr(extractor, "occurrences", counted)
    monkeypatch.setattr(extractor, "_short_names", marked)
    work = []
    for count in (30, 300):
        seen[0] = 0
        extract_facts(_subsidiaries(count), DAY)
        work.append(seen[0])
    assert work[1] <= 15 * work[0], work  # 6.8x now (688 -> 4672); 94x before


def test_size_classes_and_means_are_no_project_figures() -> None:
    """A range of amounts counts projects of a size; a mean is over many projects: neither is one project's."""
    text = ("本次开工的南湖大道改造项目等投资10亿元至50亿元的项目62个。"
            "滨江学校建设项目开工，单体项目平均总投资额达8.32亿元。"
            "青山水厂项目总投资3亿元。")
    result = extract_facts(text, DAY)
    investments = {f.key: f.value for f in result.facts if f.field == "investment"}
    assert investments == {project_of(result, "青山水厂"): "300000000 CNY"}


def test_a_begun_year_or_quarter_dates_no_project_but_a_planned_one_does() -> None:
    text = ("2023年第二季度重大项目集中开工，南湖轴承项目签约。"
            "北山电机项目计划明年一季度开工。")
    result = extract_facts(text, DAY)
    dates = {(f.key, f.field, f.value) for f in result.facts
             if f.record == "project" and f.field in ("date", "start_date", "trial_date")}
    assert not [d for d in dates if d[2].startswith("2023")], dates
    assert (project_of(result, "北山电机"), "start_date", "2024-Q1") in dates


def test_a_place_name_loses_what_introduces_it_and_an_unclosed_bracket() -> None:
    from chaingraph.sources.extract import _place_name

    assert _place_name("主要有岑溪市宸龙源纺织服装集聚区") == "岑溪市宸龙源纺织服装集聚区"
    assert _place_name("另按照协议安排高邮经济开发区") == "高邮经济开发区"
    assert _place_name("江西省南昌县（小蓝经开区") == "小蓝经开区"
    assert _place_name("南昌县（小蓝）经开区") == "南昌县（小蓝）经开区"


def test_a_legal_name_after_qizhong_keeps_no_part_of_it() -> None:
    text = "其中，山东龙昕电工有限公司变压器生产线项目已竣工投产。其中山东沃华机械有限公司液压泵项目投产。"
    firms = {f.value for f in extract_facts(text, DAY).facts if f.record == "firm" and f.field == "legal_name"}
    assert firms == {"山东龙昕电工有限公司", "山东沃华机械有限公司"}


def test_numbered_items_on_their_own_lines_keep_their_county_headings() -> None:
    text = ("开门红重大项目集中开工，计划明年5月建成。\n\n分会场活动\n\n1.思明区：祥云实验学校项目，总投资3.7亿元\n\n"
            "2.湖里区：湖里停车场PPP项目，总投资9.6亿元")
    result = extract_facts(text, "2023-01-04")
    assert values(result, "project", project_of(result, "祥云实验学校"), "region") == ["思明区"]
    assert values(result, "project", project_of(result, "湖里停车场"), "region") == ["湖里区"]
    # a month after the article is a plan, not the day of the ceremony the article reports
    assert not [f for f in result.facts if f.field == "start_date" and f.value.startswith("2024")]


def test_items_listed_with_named_projects_are_projects_too() -> None:
    text = ("7月7日，全市重大项目集中开工。青山区公立学校建设项目、灞桥区教育综合提升工程、大兴新区第二学校等开工建设。"
            "要打造营商环境、高强度收集招商信息、高起点引进重点项目。"
            "投资8856万元的八尺门海堤贯通工程，主要包括退堤还海工程、海域清淤、岸线景观美化等。")
    result = extract_facts(text, DAY)
    projects = set(result.keys("project"))
    assert "大兴新区第二学校" in projects, projects
    assert any("灞桥区教育综合提升工程" in p for p in projects), projects
    assert not [p for p in projects if re.search(r"营商|招商|清淤|美化|退堤", p)], projects
    assert values(result, "project", "大兴新区第二学校", "start_date") == ["2023-07-07"]


def test_a_county_that_starts_a_project_name_is_its_place() -> None:
    text = ("灞桥区第二中学建设项目、蒙山县古皂水库工程、科右前旗华锐风机制造厂等开工建设。"
            "梧州市滨江公园项目开工。大冶市市长万鼎作招商项目推介。")
    result = extract_facts(text, DAY)
    assert values(result, "project", project_of(result, "第二中学"), "region") == ["灞桥区"]
    assert values(result, "project", project_of(result, "古皂水库"), "region") == ["蒙山县"]
    assert values(result, "project", project_of(result, "华锐风机制造厂"), "region") == ["科右前旗"]
    # a prefecture city is where a project comes from, not its place; an official is no place
    assert not [f for f in result.facts if f.field == "region" and f.value in ("梧州市", "大冶市", "市委市")]


def test_the_county_an_event_reports_places_its_projects() -> None:
    text = ("日前，全市投资贸易大会召开，洛江区3个项目现场签约。"
            "洛江区政府与宝树堂药业有限公司就宝树堂医药健康产业园项目进行签约。")
    result = extract_facts(text, DAY)
    assert values(result, "project", project_of(result, "宝树堂医药"), "region") == ["洛江区"]
    # two counties in the lead: none is the event's
    text2 = "洛江区3个项目、丰泽区2个项目现场签约。宝树堂医药健康产业园项目总投资3亿元。"
    result2 = extract_facts(text2, DAY)
    assert values(result2, "project", project_of(result2, "宝树堂医药"), "region") == []


def test_a_project_company_described_and_a_place_stem_are_no_firms() -> None:
    text = ("海润光伏将在高邮成立项目公司，海润光伏项目公司注册资本5亿元。"
            "考察了科右前旗华锐风机制造厂、科右前旗乌兰集团圣华新药业公司。")
    firms = set(extract_facts(text, DAY).keys("firm"))
    assert not [f for f in firms if f.endswith("项目公司") or f == "科右前"], firms


def test_a_batch_named_by_time_place_and_category_is_no_project() -> None:
    text = ("第三师一周内重大项目集中开工。庆祝建党100周年梧州市2021年第二季度重大项目集中开竣工。"
            "要全力打好项目攻坚战，高度重视产业项目。青山年产5万吨电池材料重点项目开工。")
    projects = set(extract_facts(text, DAY).keys("project"))
    assert not [p for p in projects if re.search(r"第三师|梧州|打好|重视", p)], projects
    assert any("电池材料" in p for p in projects), projects


def test_a_figure_inside_a_project_name_is_that_project_s_even_in_a_counted_list() -> None:
    text = ("任城区山推机械配件生产项目、兖州益海年产24万吨面粉项目等32个项目已竣工投产。"
            "正新橡胶投资23.9亿元新台币扩建自行车轮胎项目。"
            "中节能年产10GW高效太阳能（000591）电池片生产基地项目签约。")
    result = extract_facts(text, DAY)
    assert values(result, "project", project_of(result, "面粉"), "capacity") == ["240000 t/yr"]
    assert values(result, "project", project_of(result, "自行车轮胎"), "investment") == ["2390000000 TWD"]
    assert "中节能年产10GW高效太阳能电池片生产基地项目" in result.keys("project")
    assert not [f for f in result.facts if f.record == "region_fact" and "t" in f.value]


def test_event_dates_reach_projects_named_in_the_headline_and_despite_goals() -> None:
    text = ("南湖年产5万吨电池材料项目等12个项目集中开工\n发布时间:2023-09-15\n9月14日，全市重点项目集中开工仪式举行，"
            "南湖年产5万吨电池材料项目等12个项目集中开工。北山电机项目同日开工，要力促项目早日竣工投产。")
    result = extract_facts(text, DAY)
    assert values(result, "project", project_of(result, "电池材料"), "start_date") == ["2023-09-14"]
    assert values(result, "project", project_of(result, "北山电机"), "start_date") == ["2023-09-14"]


def test_same_day_words_and_a_counted_completion_are_events() -> None:
    text = ("10月16日上午，南湖电机项目开工现场礼炮齐放。"
            "北山轴承项目、潭下镇福利院项目同天分别在各项目地举行开工仪式。"
            "此外，青山水厂项目、马岭路项目等在10月竣工项目共11项。")
    result = extract_facts(text, "2017-10-19")
    assert values(result, "project", project_of(result, "北山轴承"), "start_date") == ["2017-10-16"]
    assert values(result, "project", project_of(result, "青山水厂"), "date") == ["2017-10"]
    # a town that starts one project's name is not the place of the event's other projects
    assert values(result, "project", project_of(result, "北山轴承"), "region") == []


def test_a_cluster_zone_named_as_a_project_is_a_project() -> None:
    result = extract_facts("产业项目主要有岑溪市宸龙源纺织服装集聚区项目、田七家化项目等。", DAY)
    key = project_of(result, "宸龙源纺织服装集聚区")
    assert values(result, "project", key, "region") == ["岑溪市"]


def test_a_firm_invests_in_new_taiwan_dollars_in_a_new_plant() -> None:
    text = ("中美矽晶规划投资新台币21.7亿元，在竹南厂区扩增大尺寸电池产线。"
            "诠亚投资约3.2亿元，于南投县兴建企业营运总部南岗二厂。青山电机项目总投资人民币5亿元。")
    result = extract_facts(text, DAY)
    assert values(result, "project", project_of(result, "大尺寸电池产线"), "investment") == ["2170000000 TWD"]
    plant = project_of(result, "南岗二厂")
    assert values(result, "project", plant, "investment") == ["~320000000 TWD"]
    assert values(result, "project", plant, "region") == ["南投县"]
    assert values(result, "project", project_of(result, "青山电机"), "investment") == ["500000000 CNY"]


def test_capacity_units_and_areas_in_square_metres() -> None:
    text = "混凝土搅拌站项目年产能60万立方米。啤酒工厂项目总用地面积14.75万平方米，年产能40万千升。"
    result = extract_facts(text, DAY)
    assert values(result, "project", project_of(result, "搅拌站"), "capacity") == ["600000 m3/yr"]
    beer = project_of(result, "啤酒工厂")
    assert values(result, "project", beer, "area_mu") == ["221.25"]
    assert values(result, "project", beer, "capacity") == ["400000 千升/yr"]


def test_a_head_office_is_a_firm_but_a_subsidiary_described_is_not() -> None:
    text = ("目前，济宁碳素工业总公司年产50万吨预焙阳极项目竣工。公司在厦门等地设有分公司，并新设全资子公司。"
            "集团公司在沾益县投资3600万元，建设曲靖市商品混凝土分公司搅拌站。")
    firms = set(extract_facts(text, DAY).keys("firm"))
    assert {"济宁碳素工业总公司", "曲靖市商品混凝土分公司"} <= firms, firms
    assert not [f for f in firms if re.search(r"设有|全资|^建设", f)], firms


def test_capacity_items_closed_by_a_count_of_projects_are_projects() -> None:
    text = ("目前，济宁碳素工业总公司年产50万吨预焙阳极、华勤集团年产600万套轿车子午胎等22个项目实现竣工投产。"
            "涉及新材料、新能源等产业项目。")
    result = extract_facts(text, DAY)
    anode = project_of(result, "预焙阳极")
    assert values(result, "project", anode, "capacity") == ["500000 t/yr"]
    assert values(result, "project", anode, "firms") == ["济宁碳素工业总公司"]
    assert values(result, "project", project_of(result, "子午胎"), "capacity") == ["6000000 套/yr"]
    assert not [p for p in result.keys("project") if "新材料" in p]


def test_a_project_named_with_and_without_its_firm_is_one_project() -> None:
    text = ("桂林天海塑业有限公司圆织成套生产线智能化升级扩能项目开工。"
            "正在实施的“圆织成套生产线智能化升级扩能项目”项目总投资1.11亿元。")
    result = extract_facts(text, DAY)
    (key,) = result.keys("project")
    assert values(result, "project", key, "investment") == ["111000000 CNY"]


def test_a_park_whose_completion_is_reported_is_a_project_with_its_new_output() -> None:
    text = ("其中，占地150亩的追日电气科技工业园竣工，预计今年新增产值5亿元。"
            "全市今年新增产值80亿元。")
    result = extract_facts(text, DAY)
    park = project_of(result, "追日电气科技工业园")
    assert values(result, "project", park, "expected_output") == ["500000000 CNY"]
    assert values(result, "project", park, "area_mu") == ["150"]
    region = [f.value for f in result.facts if f.record == "region_fact" and f.field == "value"]
    assert region == ["8000000000 CNY"]


def test_a_park_built_as_a_project_and_a_fellow_townsmen_club_place_no_project() -> None:
    text = ("香港荆门同乡联谊会活动在香港举行，数字经济产业园项目、锂电池电解液前驱体项目等12个项目签约。"
            "重庆市万盛经济技术开发区管理委员会就万盛全域旅游投资合作项目签约。")
    result = extract_facts(text, DAY)
    places = {f.value for f in result.facts if f.field == "region"}
    assert not [p for p in places if "同乡" in p or p == "数字经济产业园"], places
    assert "万盛全域旅游投资合作项目" in result.keys("project")


def test_a_project_named_after_the_zone_word_is_in_the_zone_the_article_names() -> None:
    text = ("3个重大项目集中签约，正式落户新乡经开区。南辉实业计划投资17亿元建设的“经开区公铁物流园项目”。"
            "新乡经开区已升级为国家级经济技术开发区，这也是我省第七家国家级经开区。")
    result = extract_facts(text, DAY)
    assert values(result, "project", project_of(result, "公铁物流园"), "region") == ["新乡经开区"]
    assert not [f for f in result.facts if f.field == "region" and "第七家" in f.value]


def test_two_projects_joined_by_he_are_two_but_parts_joined_by_ji_are_one() -> None:
    text = ("签约项目包括美国罗克韦尔智能产业联创中心和新加坡吉宝光明区重点片区综合开发运营项目。"
            "德济药业野生连翘抚育示范基地及中药饮片加工车间项目开工。")
    projects = set(extract_facts(text, DAY).keys("project"))
    assert {"美国罗克韦尔智能产业联创中心", "新加坡吉宝光明区重点片区综合开发运营项目"} <= projects, projects
    assert any(p.endswith("示范基地及中药饮片加工车间项目") for p in projects), projects


def test_a_contractor_is_not_the_firm_of_the_project_it_builds() -> None:
    text = "集中开工仪式在中建八局第一建设有限公司承建的华新丽华高端精密不锈材料绿色智能制造项目举行。"
    result = extract_facts(text, DAY)
    key = project_of(result, "不锈材料")
    assert values(result, "project", key, "firms") == []


# --------------------------------------------------------------------------------------------- round 7


def test_a_list_of_kinds_after_a_scope_verb_gives_neither_firms_nor_projects() -> None:
    text = ("光华文旅基地项目总投资约2亿元，集观光、露营、垂钓等项目为一体。"
            "本次签约项目涵盖电机电控、储能系统、充电服务等项目，总投资30亿元。")
    result = extract_facts(text, DAY, ner=False)
    assert result.keys("firm") == []
    assert result.keys("project") == ["光华文旅基地项目"]


def test_a_clause_ending_in_the_noun_company_is_no_firm() -> None:
    text = ("管委会同意由公司负责建设。双方约定，县政府给予公司用地支持，拟引进公司入驻园区。"
            "宏远精工科技公司投资3亿元建设精密铸件项目。")
    firms = extract_facts(text, DAY, ner=False).keys("firm")
    assert not [f for f in firms if f.endswith(("由公司", "给予公司", "引进公司"))], firms
    text = "管委会承诺在其产业发展资金中拨付一定额度资金给公司。上述协议的签署符合公司长远发展战略。"
    assert extract_facts(text, DAY, ner=False).keys("firm") == []
    assert any("宏远精工" in f for f in firms), firms


def test_a_zone_named_once_as_the_ceremony_venue_places_no_project() -> None:
    once = ("3月3日，全县产业项目集中开工仪式在金山工业园举行，明光电子元件项目、顺发食品加工项目等5个项目集中开工。")
    again = ("3月3日，全县产业项目集中开工仪式在金山工业园举行，明光电子元件项目、顺发食品加工项目等5个项目集中开工。"
             "金山工业园今年已引进项目20个。")
    result = extract_facts(once, DAY, ner=False)
    assert values(result, "project", project_of(result, "明光电子"), "region") == []
    result = extract_facts(again, DAY, ner=False)
    assert values(result, "project", project_of(result, "明光电子"), "region") == ["金山工业园"]


def test_the_venue_of_a_projects_own_ceremony_is_its_place() -> None:
    text = "6月8日，全市重大项目集中开工暨明光电子元件项目开工仪式在金山工业园举行。"
    result = extract_facts(text, DAY, ner=False)
    assert values(result, "project", project_of(result, "明光电子"), "region") == ["金山工业园"]


def test_the_county_an_article_is_about_does_not_place_its_projects_by_their_names() -> None:
    home = "宁川县举行一季度重大项目集中开工活动。宁川县第二水厂建设项目总投资2亿元。"
    result = extract_facts(home, DAY, ner=False)
    assert values(result, "project", project_of(result, "第二水厂"), "region") == []
    citywide = "全市一季度重大项目集中开工活动在金江市举行。宁川县第二水厂建设项目总投资2亿元。"
    result = extract_facts(citywide, DAY, ner=False)
    assert values(result, "project", project_of(result, "第二水厂"), "region") == ["宁川县"]


def test_what_a_project_builds_phase_by_phase_is_its_content_not_a_new_project() -> None:
    text = ("明华制药项目建设高端原料药及中间体项目。其中一期建设年产800吨原料药项目，二期建设年产3000吨中间体项目。"
            "项目总投资6亿元。")
    result = extract_facts(text, DAY, ner=False)
    assert result.keys("project") == ["明华制药项目"], result.keys("project")
    assert values(result, "project", "明华制药项目", "investment") == ["600000000 CNY"]
    # a firm that builds after another project of the sentence is a new subject, and so is a list
    text = ("签约的项目分别为A公司投资5亿元建设的精密模具项目，以及宏达机电有限公司计划投资3亿元建设汽车灯具制造项目。")
    projects = extract_facts(text, DAY, ner=False).keys("project")
    assert any("汽车灯具" in p for p in projects), projects


def test_a_counted_list_of_firms_the_article_returns_to_and_their_subjectless_investing_clauses() -> None:
    text = ("经济部今日公告，再通过明达精密、华兴工业等2家中小企业扩大投资。"
            "明达精密是模具专业制造商，为扩增业务，将斥资近3亿元在新竹湖口设立模具厂。"
            "华兴工业也因应市场需求，同样将斥资2亿元在彰化秀水乡兴建厂房。")
    result = extract_facts(text, "2020-11-27", ner=False)
    assert {"明达精密", "华兴工业"} <= set(result.keys("firm")), result.keys("firm")
    mold = project_of(result, "模具厂")
    assert values(result, "project", mold, "firms") == ["明达精密"]
    assert [parse_quantity(v).unit for v in values(result, "project", mold, "investment")] == ["TWD"]
    plant = project_of(result, "华兴工业厂房")
    assert values(result, "project", plant, "region") == ["彰化秀水乡"]
    # a list of famous names the article never comes back to is background
    text = "园区已吸引西门子、华为等20家世界500强企业入驻。明达精密投资3亿元建设模具厂项目。"
    assert "华为" not in extract_facts(text, DAY, ner=False).keys("firm")


def test_a_park_after_a_locative_is_the_place_of_the_project_not_a_project() -> None:
    text = "其中，精密砂布项目由明达研磨公司投资建设，位于金山民族工业园，总投资1.2亿元。"
    result = extract_facts(text, DAY, ner=False)
    assert result.keys("project") == ["精密砂布项目"], result.keys("project")
    assert values(result, "project", "精密砂布项目", "investment") == ["120000000 CNY"]


def test_batches_and_clauses_around_the_word_project_are_no_projects() -> None:
    for text in ("2月28日，宁川县2022年度1-2月份重点项目集中开工。",
                 "上午10:00\n金江市2020年第一批重点建设项目\n集中开工",
                 "公司通过招拍挂方式取得项目用地。", "始终把项目建设作为头等大事。", "金港空港经济区产业项目签约。"):
        assert extract_facts(text, DAY, ner=False).keys("project") == [], text
    text = "明华公司拟投资2亿元建设明华食用菌产业园项目，双方就此项目签署《投资框架协议》。"
    result = extract_facts(text, DAY, ner=False)
    assert result.keys("project") == ["明华食用菌产业园项目"], result.keys("project")


def test_one_firms_project_named_with_and_without_its_place_is_one_project() -> None:
    text = ("县委书记王明宣布明丰米业有限公司项目正式开工建设。领导出席了金山工业园区明丰米业有限公司项目开工现场会。"
            "据了解，宁川县明丰米业有限公司建设项目总投资6600万元，项目占地30余亩。")
    result = extract_facts(text, DAY, ner=False)
    assert len(result.keys("project")) == 1, result.keys("project")
    assert not [f for f in result.keys("firm") if "宣布" in f], result.keys("firm")
    key = result.keys("project")[0]
    assert values(result, "project", key, "investment") == ["66000000 CNY"]


def test_a_groups_annual_spending_is_a_region_fact_and_a_projects_is_left_out() -> None:
    text = ("本次集中开工的9个产业项目总投资26.5亿元，年度计划投资12.6亿元。"
            "明华食品项目总投资3亿元，年度计划投资1亿元。")
    result = extract_facts(text, DAY, ner=False)
    region = sorted(f.value for f in result.facts if f.record == "region_fact" and f.field == "value")
    assert "1260000000 CNY" in region and "100000000 CNY" not in region, region
    assert values(result, "project", "明华食品项目", "investment") == ["300000000 CNY"]


def test_a_count_of_investing_firms_is_a_region_fact_and_firms_visited_are_not() -> None:
    text = ("经济部公告，再通过明达精密、华兴工业等8家中小企业扩大投资。"
            "今年以来，招商小组共拜访企业88家。")
    result = extract_facts(text, DAY, ner=False)
    region = [f.value for f in result.facts if f.record == "region_fact" and f.field == "value"]
    assert "8 家" in region and "88 家" not in region, region


def test_a_breakdown_of_a_count_by_district_gives_each_districts_count() -> None:
    text = ("全市集中开工重大项目30个，总投资90亿元，其中：金山区8个、总投资31.2亿元，银湖县11个、总投资14.1亿元，"
            "明溪县11个、总投资16.1亿元。")
    result = extract_facts(text, DAY, ner=False)
    region = [f.value for f in result.facts if f.record == "region_fact" and f.field == "value"]
    assert region.count("11 个") == 2 and "8 个" in region and "30 个" in region, region


def test_a_capacity_in_the_projects_name_wins_over_the_lines_of_its_description() -> None:
    text = ("明达建材有限公司年产1500万平方米防水卷材项目：总投资3亿元，主要建设年产1000万平方米沥青防水卷材生产线1条、"
            "年产500万平方米高分子防水卷材生产线1条。")
    result = extract_facts(text, DAY, ner=False)
    key = project_of(result, "防水卷材项目")
    assert values(result, "project", key, "capacity") == ["15000000 m2/yr"]


def test_a_legal_name_does_not_start_inside_a_projects_name() -> None:
    text = ("年产1500万平方米防水卷材和2500吨防水涂料项目河南明远防水材料有限公司年产1500万平方米防水卷材项目"
            "总投资3亿元。")
    firms = extract_facts(text, DAY, ner=False).keys("firm")
    assert firms == ["河南明远防水材料有限公司"], firms


def test_fields_of_industry_and_the_firms_of_a_counted_group_make_no_projects() -> None:
    text = ("在34个签约项目中，新材料、新能源、环保再生产业等项目13个，总投资366亿元。"
            "全市与北京明锋能源、北京金银电子等企业签约合作项目30个。")
    assert extract_facts(text, DAY, ner=False).keys("project") == []


def test_an_approval_round_dates_the_projects_it_approves() -> None:
    text = ("经济部今(27)日公告，再通过明达精密、华兴工业等2家中小企业扩大投资。"
            "明达精密将斥资近3亿元在新竹湖口设立模具厂。")
    result = extract_facts(text, "2020-11-27", ner=False)
    assert values(result, "project", project_of(result, "模具厂"), "date") == ["2020-11-27"]


def test_a_firm_written_short_beside_its_legal_name_is_one_firm() -> None:
    text = ("3月5日，江州市政府与青岛明澜置业有限公司(以下简称“明澜公司”)、"
            "博远储能(无锡)股份有限公司(以下简称“博远储能”)签约。明澜公司计划投资约2亿元建设商务酒店，博远储能计划投资5亿元建设储能设备制造项目。"
            "同日，江州市政府还与海川新能源(江苏)集团有限公司签约，海川新能源集团有限公司将投资3亿元建设光伏组件项目。")
    firms = extract_facts(text, DAY, ner=False).keys("firm")
    assert len(firms) == 3, firms


def test_a_parent_whose_name_starts_its_subsidiarys_is_another_firm() -> None:
    text = ("明远新材(300999)公告称，公司拟向全资子公司明远新材料(江西)有限公司增资3亿元，"
            "以该子公司投资20亿元建设年产50万吨高分子材料项目。")
    firms = extract_facts(text, DAY, ner=False).keys("firm")
    assert len(firms) == 2, firms


def test_what_follows_once_a_project_runs_is_not_its_status() -> None:
    text = ("5月8日上午，明川食品生产基地等12个重点项目集中开工。明川食品生产基地总投资6亿元，"
            "主要生产饮料和糕点。项目投产后将提供1000个就业岗位。")
    result = extract_facts(text, "2021-05-09", ner=False)
    key = project_of(result, "明川食品生产基地")
    assert values(result, "project", key, "status") == ["under_construction"]
    assert "2021-05-08" in values(result, "project", key, "start_date")


def test_a_headline_without_punctuation_is_not_the_clause_of_the_leads_date() -> None:
    text = "青林电子产业园项目开工总投资9亿元\n\n昨日，青林电子产业园项目在江北工业园开工。"
    result = extract_facts(text, "2021-09-10", ner=False)
    key = project_of(result, "青林电子产业园项目")
    assert values(result, "project", key, "start_date") == ["2021-09-09"]


def test_a_ceremony_of_several_kinds_dates_a_project_started_there() -> None:
    text = ("4月6日上午，江源县举行项目建设活动，集中签约、开工、投产一批重大项目。集中开工的3个项目分别为："
            "明远电子年产50万台电机生产项目；江源县物流园区建设项目；江源县职教中心建设项目。"
            "在明远电子年产50万台电机生产项目现场，县领导与企业代表一同为项目开工培土。")
    result = extract_facts(text, "2022-04-07", ner=False)
    key = project_of(result, "电机生产项目")
    dates = [f.value for f in result.of("project", key) if f.field in ("date", "start_date")]
    assert "2022-04-06" in dates, dates


def test_a_date_before_a_list_of_projects_dates_each() -> None:
    text = "5月24日，明川电子线束生产项目和青林电子传感器生产项目分别与市政府签约，落户智能制造产业园。"
    result = extract_facts(text, "2019-05-25", ner=False)
    for part in ("线束生产项目", "传感器生产项目"):
        assert values(result, "project", project_of(result, part), "date") == ["2019-05-24"], part


def test_a_plan_is_no_firm() -> None:
    for text in ("經濟部今天宣布，再通過明達精密、華興工業等 8 家中小企業擴大投資台灣 30 億元，"
                 "累積投資台灣三大方案已有 733 家企業，投資約 1 兆 1464 億元。",
                 "投資台灣事務所再添5家企業擴大投資，包括根留台灣方案的鴻谷科技、義美食品，以及中小企業方案的碁達科技、"
                 "昀辰企業。鴻谷科技將斥資5億元擴建新廠。"):
        firms = extract_facts(text, DAY, ner=False).keys("firm")
        assert not [f for f in firms if f.endswith("方案")], firms


def test_a_role_before_a_legal_name_is_not_part_of_it() -> None:
    text = ("5月8日，明川水泥项目竣工投产，标志着明川青林水泥有限公司正式投产。业主代表江南建工集团公司、"
            "施工单位代表中铁十九局集团有限公司出席仪式。峨山县与云南明远智能机械有限公司签约。")
    result = extract_facts(text, DAY, ner=False)
    legal = {f.value for f in result.facts if f.record == "firm" and f.field == "legal_name"}
    assert legal == {"明川青林水泥有限公司", "江南建工集团公司", "中铁十九局集团有限公司",
                     "云南明远智能机械有限公司"}, legal


def test_a_day_written_with_hao_dates_the_ceremony() -> None:
    text = ("全省2016年9月重大项目集中开工仪式江北分会场\n"
            "22号，全省2016年9月重大项目集中开工仪式江北分会场暨明川矿业公司钛材生产项目开工仪式在江北举行。")
    result = extract_facts(text, "2016-09-23", ner=False)
    key = project_of(result, "钛材生产项目")
    dates = [f.value for f in result.of("project", key) if f.field in ("date", "start_date")]
    assert "2016-09-22" in dates, dates
    assert extract_facts("地铁3号线、5号楼已建成。", "2016-09-23", ner=False).keys("project") == []


def test_a_project_of_the_headline_takes_the_leads_ceremony_date() -> None:
    text = ("江源2015年第四季度12个项目集中开工\n明川米业有限公司项目开工点现场。\n"
            "9月28日，江源县2015年第四季度12个项目集中开工建设。县领导出席了明川米业有限公司项目开工建设现场会。")
    result = extract_facts(text, "2015-09-29", ner=False)
    key = project_of(result, "米业有限公司项目")
    dates = [f.value for f in result.of("project", key) if f.field in ("date", "start_date")]
    assert "2015-09-28" in dates, dates
