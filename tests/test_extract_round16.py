"""Round 16: prose, periods and leading words are no project names; kinds of industry listed are no projects."""

from extract_helpers import firm_names as _firms
from extract_helpers import project_names as _projects

from chaingraph.sources.extract import extract_facts


def test_a_verb_of_prose_before_the_word_project_gives_no_project() -> None:
    names = _projects("5月9日，城南新区三个项目开工。各部门要认真组织好项目推进，并按时办理项目审批。")
    assert not any("组织" in n or "办理" in n for n in names)


def test_a_source_of_figures_is_no_project() -> None:
    names = _projects("5月9日，青川光电产业园开工。据县发改局项目办统计，一季度全县新开工项目12个。")
    assert not any(n.startswith("据") or "发改局" in n for n in names)


def test_the_investing_place_is_cut_from_the_name() -> None:
    names = _projects("北岭食品股份有限公司公告，公司将在青川新区投资冷冻食品加工项目，预计投资5亿元。")
    assert "冷冻食品加工项目" in names
    assert not any("投资" in n for n in names)


def test_a_counted_plant_and_an_amount_before_a_name_are_cut() -> None:
    names = _projects("北岭胶管有限公司今年将投资6000万元建设一座年产3万吨胶管生产线项目。")
    assert any(n.startswith("年产3万吨胶管") for n in names)
    assert not any(n.startswith("一座") for n in names)
    names = _projects("总投资12亿南岭冷链物流园今日动工\n5月9日，南岭冷链物流园在城东开工。")
    assert not any(n.startswith("12亿") for n in names)


def test_a_half_year_batch_is_no_project() -> None:
    names = _projects("今年上半年项目集中开工已在3月完成，下半年项目将在9月集中开工。5月9日，青禾食品厂开工。")
    assert not any("半年" in n for n in names)


def test_a_name_starting_with_a_non_ferrous_word_keeps_it() -> None:
    names = _projects("5月9日，西江有色金属交易中心项目签约，总投资5亿元。")
    assert any(n.startswith("有色金属交易中心") or "西江有色" in n for n in names)


def test_a_visit_or_a_take_over_before_a_firm_is_no_part_of_its_name() -> None:
    firms = _firms("5月9日，市长一行深入青禾新材料有限公司调研，并察看了年产5万吨板材项目建设现场。")
    assert "青禾新材料有限公司" in firms
    assert not any(f.startswith(("一行", "深入")) for f in firms)
    firms = _firms("5月9日，北岭集团将利用原南岭塑胶有限公司闲置厂房建设输送带生产线项目。")
    assert not any("利用" in f for f in firms)


def test_fields_of_industry_closing_a_list_are_no_projects() -> None:
    names = _projects("5月9日开工的30个项目中，有青禾产业园项目等新一代信息技术、高端装备制造等产业项目，"
                      "也有城南学校项目。")
    assert not any("信息技术" in n or "装备制造" in n for n in names)
    assert {"青禾产业园项目", "城南学校项目"} <= names


def test_kinds_counted_in_items_are_no_projects_but_a_counted_list_keeps_its_items() -> None:
    names = _projects("5月9日，园区签约项目6项，其中智慧农业项目2项，康养度假项目1项。"
                      "北岭物流园项目、南岭冷库项目、青禾果蔬批发市场项目3项当天签约。")
    assert not any(n.startswith(("智慧农业", "康养度假")) for n in names)
    assert any("青禾果蔬批发市场" in n for n in names)


def _by_project(text: str, fields: tuple[str, ...], date: str = "2023-05-10") -> dict[str, set[str]]:
    """Each project's name -> the values of ``fields`` extracted for it."""
    ex = extract_facts(text, date)
    names = {f.key: f.value for f in ex.of("project", field="name")}
    out: dict[str, set[str]] = {}
    for f in ex.facts:
        if f.record == "project" and f.field in fields:
            out.setdefault(names.get(f.key, f.key), set()).add(f.value)
    return out


def _dates(text: str, date: str = "2023-05-10") -> dict[str, set[str]]:
    return _by_project(text, ("date", "start_date", "trial_date"), date)


def test_projects_still_courted_do_not_take_the_ceremony_date() -> None:
    dates = _dates("5月8日上午，青川县招商项目集中签约仪式举行，北岭食品有限公司冷链物流园项目签约。"
                   "此外，该县还洽谈了南岭光伏支架项目、东岭竹木加工项目等5个意向项目。")
    assert any(name.startswith("北岭") and "2023-05-08" in values for name, values in dates.items())
    assert not any(name.startswith(("南岭", "东岭")) for name in dates)


def test_a_fair_named_for_talks_still_dates_its_projects() -> None:
    dates = _dates("5月8日，第十届青川经贸洽谈会开幕，会上签约项目20个。其中有北岭食品有限公司冷链物流园项目，"
                   "总投资3亿元。")
    assert any(name.startswith("北岭") and "2023-05-08" in values for name, values in dates.items())


def _capacities(text: str, date: str = "2023-05-10") -> dict[str, set[str]]:
    return _by_project(text, ("capacity",), date)


def test_a_farm_name_gives_its_yearly_head_count_even_after_a_neighbours_phase() -> None:
    caps = _capacities("5月9日签约的项目有：北岭风电场二期50兆瓦项目、青川县年出栏30万头生猪养殖项目、"
                       "南岭物流园项目。")
    assert any("生猪养殖" in name and "300000 头/yr" in values for name, values in caps.items())


def test_a_spinning_mill_name_gives_its_spindles_and_a_plant_name_its_daily_tonnage() -> None:
    caps = _capacities("5月9日，青禾纺织有限公司20万锭紧密纺建设项目开工；北岭食品有限公司日处理800吨果蔬"
                       "果汁生产线项目同日开工。")
    assert any("紧密纺" in name and "200000 锭" in values for name, values in caps.items())
    assert any("果汁生产线" in name and "800 t/d" in values for name, values in caps.items())


def test_a_breakdown_by_city_counts_each_city_once_the_first_names_the_kind() -> None:
    ex = extract_facts("5月9日，全省集中开工项目300个。分地区看：济南市开工项目52个，青岛47个，烟台31个，"
                       "潍坊31个。", "2023-05-10")
    values = [f.value for f in ex.of("region_fact", field="value")]
    for count in ("52 个", "47 个", "31 个"):
        assert count in values
    assert values.count("31 个") == 2


def test_a_year_before_or_a_verb_after_a_group_name_is_no_firm() -> None:
    firms = _firms("5月9日签约。香港北岭纸品集团拟投资8亿元，在青川建设纸箱生产基地及研发中心。")
    assert not any(f.endswith("拟") for f in firms)
    firms = _firms("2012年北岭药业集团出资3亿元扩建仓库。5月9日，北岭药业集团中药饮片项目开工。")
    assert not any(f.startswith("2012年") for f in firms)


def test_a_superlative_describes_a_project_and_names_none() -> None:
    names = _projects("5月9日，青禾石化有限公司乙烯项目开工，这是全国最大单套乙烯装置，也是北岭集团第三大生产基地。"
                      "该项目是中国首个民营控股大型乙烯项目。")
    assert not any(n.startswith(("全国最大", "中国首个", "第三大")) for n in names)
    assert any("乙烯项目" in n for n in names)


def test_a_list_of_countries_and_a_pool_of_projects_are_no_projects() -> None:
    names = _projects("5月9日，北岭物流园项目落户青川，柬埔寨、缅甸、文莱等国家官员见证项目签约。"
                      "县里还建立了重点企业库和储备项目库。")
    assert not any(n.startswith(("柬埔寨", "缅甸", "文莱")) or "储备项目" in n for n in names)
    assert "北岭物流园项目" in names


def test_a_park_breaking_ground_is_a_project_and_a_past_output_is_not_its_plan() -> None:
    ex = extract_facts("5月10日，青川精密机械工业园破土动工，园区由北岭集团投资。全县去年完成产值80亿元。",
                       "2023-05-11")
    names = {f.key: f.value for f in ex.of("project", field="name")}
    assert any("精密机械工业园" in n for n in names.values())
    assert not ex.of("project", field="expected_output")


def _investments(text: str, date: str = "2023-05-10") -> dict[str, set[str]]:
    return _by_project(text, ("investment",), date)


def test_each_amount_goes_to_the_project_named_right_after_it() -> None:
    inv = _investments("5月9日开工的项目有：投资1.5亿元年产800万平米包装膜生产项目、投资2.2亿元年产5000台（套）"
                       "农机装备项目。")
    assert {"150000000 CNY"} in [v for n, v in inv.items() if "包装膜" in n]
    assert {"220000000 CNY"} in [v for n, v in inv.items() if "农机装备" in n]


def test_a_name_cut_inside_a_bracket_is_no_project() -> None:
    names = _projects("5月9日签约的北岭半导体装备基地项目，总投资不低于6亿元人民币（最终项目投资总额以实际为准）。")
    assert not any("（" in n and "）" not in n for n in names)


def test_the_spending_so_far_is_no_project_total() -> None:
    ex = extract_facts("5月9日，北岭大道拓宽工程项目开工，总投资6亿元。截至4月底，该项目已完成投资9000万元。",
                       "2023-05-10")
    assert [f.value for f in ex.of("project", field="investment")] == ["600000000 CNY"]
    assert "90000000 CNY" not in [f.value for f in ex.of("region_fact", field="value")]
    ex = extract_facts("5月9日，全区集中开工项目12个。1-4月，全区重点项目完成投资45.6亿元。", "2023-05-10")
    assert "4560000000 CNY" in [f.value for f in ex.of("region_fact", field="value")]


def test_a_years_spending_is_no_project_total() -> None:
    inv = _investments("5月9日，青川县集中开工项目9个。其中北岭冷链仓储项目年内投资8亿元，"
                       "南岭物流园项目年内投资3亿元。")
    assert not any(values & {"800000000 CNY", "300000000 CNY"} for values in inv.values())


def test_examples_of_this_events_projects_take_its_date() -> None:
    dates = _dates("5月8日，青川县12个重大项目集中开工，总投资45亿元。这次开工的项目包括北岭智能装备产业基地、"
                   "南岭冷链物流中心等。")
    assert any(name.startswith("北岭") and "2023-05-08" in values for name, values in dates.items())


def test_a_signing_amount_is_a_fairs_total_or_one_projects_investment() -> None:
    ex = extract_facts("5月9日，青川县招商推介会举行，现场签约项目15个，签约金额86.5亿元，其中合同金额40亿元，"
                       "内资项目合同资金31亿元。", "2023-05-10")
    values = [f.value for f in ex.of("region_fact", field="value")]
    assert {"8650000000 CNY", "4000000000 CNY", "3100000000 CNY"} <= set(values)
    inv = _investments("5月9日，北岭新材料有限公司与青川县签订年产5万吨板材项目，签约金额达12亿元。")
    assert {"1200000000 CNY"} in inv.values()


def test_a_rounded_total_in_the_headline_is_not_a_second_fact() -> None:
    ex = extract_facts("青川县签约项目20个签约额超86亿元\n"
                       "5月9日，青川县举行招商推介会，签约项目20个，签约额86.52亿元。", "2023-05-10")
    values = [f.value for f in ex.of("region_fact", field="value")]
    assert "8652000000 CNY" in values
    assert not any(v.startswith(">=86") for v in values)


def test_a_count_with_a_verb_before_it_is_read_once() -> None:
    ex = extract_facts("青川县7个项目集中签约\n5月9日，青川县举行集中签约仪式，本次签约的项目共7个，其中工业项目有4个，"
                       "服务业项目达到3个。会后，本次签约的项目共7个的名单对外公布。", "2023-05-10")
    values = [f.value for f in ex.of("region_fact", field="value")]
    assert values.count("7 个") == 1
    assert "4 个" in values and "3 个" in values


def test_a_count_of_firms_with_a_verb_before_it_is_read() -> None:
    ex = extract_facts("5月9日，青川县集中投产仪式举行，参加集中投产企业共9家，总投资12亿元。", "2023-05-10")
    assert "9 家" in [f.value for f in ex.of("region_fact", field="value")]


def test_a_breakdown_by_class_may_count_with_xiang() -> None:
    ex = extract_facts("5月9日，青川县集中开工项目9个，其中产业类6项，基础设施类3项。", "2023-05-10")
    values = [f.value for f in ex.of("region_fact", field="value")]
    assert "6 个" in values and "3 个" in values
