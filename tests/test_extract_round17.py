"""Round 17: firm names without the prose, branches and former names around them; prose around 项目 is no project."""

from extract_helpers import firm_names as _firms
from extract_helpers import project_names as _projects

from chaingraph.sources.extract import HIGH_CONFIDENCE, extract_facts


def test_a_speakers_verb_before_a_firm_is_no_part_of_its_name() -> None:
    firms = _firms("5月9日，青禾板材股份有限公司新厂投产。县长表示，将助推青禾板材股份有限公司尽快达产。"
                   "市政府高度重视北岭集团在本地的项目。")
    assert "青禾板材股份有限公司" in firms
    assert not any(f.startswith(("助推", "市政府", "高度")) for f in firms)


def test_a_place_and_then_a_group_are_two_words() -> None:
    firms = _firms("5月9日，北岭汽车城项目开工。多家车企在长春与北岭集团设有合资企业。")
    assert not any(f.startswith("长春与") for f in firms)


def test_a_branch_written_after_its_firm_is_no_firm_of_its_own() -> None:
    firms = _firms("5月9日，青禾新能源投资有限公司江西湖南分公司总经理与镇长签订了光伏电站项目合同。")
    assert "青禾新能源投资有限公司" in firms
    assert not any(f.startswith("江西") for f in firms)


def test_a_former_name_is_no_firm() -> None:
    firms = _firms("5月9日，北岭电子科技有限公司年产5万台显示器项目开工。该公司由原杭州青禾光电股份有限公司改组而来。")
    assert "北岭电子科技有限公司" in firms
    assert not any(f.startswith(("原杭州", "杭州青禾")) for f in firms)


def test_the_place_a_group_invests_in_is_no_part_of_its_name() -> None:
    firms = _firms("5月9日，多家企业签约。其中，北岭集团在汉川投资85亿元建设青禾生态城。")
    assert not any("在汉川" in f for f in firms)


def test_towards_the_projects_is_prose_not_a_project() -> None:
    names = _projects("5月9日，城南产业园开工。全区推动资源向项目聚焦、要素向项目聚拢。")
    assert not any(n.endswith("向项目") for n in names)
    assert not _projects("5月9日，区长代表区政府向项目签约表示祝贺。") & {"区政府向项目"}


def test_a_target_before_a_name_is_cut() -> None:
    names = _projects("5月9日，北岭熔剂基地开工。各方将通力合作，力争北岭熔剂基地一期氧化钙项目早建成、早投产。")
    assert not any(n.startswith("力争") for n in names)


def test_a_verb_of_one_character_before_project_is_prose() -> None:
    names = _projects("5月9日，城南产业园开工。全区要以服务提效促项目提速，并不遗余力引项目。")
    assert not any(n.endswith(("促项目", "引项目")) for n in names)


def test_a_span_of_years_or_a_counties_half_year_is_no_project() -> None:
    names = _projects("5月9日，青禾纺织有限公司年产5万吨纱线项目开工，总投资6亿元。三年后入园项目将达50个以上，"
                      "年产值超100亿元。该县上半年续建项目比去年同期增加8个，总投资21亿元。")
    assert not any("入园" in n or "续建" in n for n in names)
    assert any("纱线" in n for n in names)


def test_kinds_counted_by_the_hundred_are_no_projects() -> None:
    names = _projects("5月9日，全省集中开工项目1200个。其中，生态环保、教育医疗等项目251个，总投资514亿元。")
    assert not any("环保" in n or "医疗" in n for n in names)


def test_what_holds_projects_back_is_no_project() -> None:
    names = _projects("5月9日，城南新区签约项目20个。新区将针对土地、资金、环境容量指标等制约项目建设的瓶颈问题，"
                      "采取强力措施。")
    assert not any(n.startswith(("土地", "资金", "环境容量")) for n in names)


def test_examples_of_a_count_of_projects_stay_projects() -> None:
    names = _projects("1-8月份，签约润滑油、青禾制药、北岭生物等项目29个，其中工业项目13个。")
    assert {"青禾制药项目", "北岭生物项目"} <= names


def test_a_kind_of_company_is_no_firm() -> None:
    firms = _firms("5月9日，北岭产业园开工。电子科技有限公司代表也参加了仪式。")
    assert not firms & {"电子科技有限公司", "电子科技"}


def test_a_firm_named_only_for_its_officers_title_falls_below_the_merge_threshold() -> None:
    result = extract_facts("5月9日，北岭产业园年产5万吨板材项目开工，总投资6亿元。青禾建材有限公司总工程师张明表示，"
                           "项目建成后将带动就业。", "2023-05-10")
    names = {f.value: f.confidence for f in result.of("firm", field="name")}
    assert names.get("青禾建材有限公司", 0.0) < 0.7


def test_a_firm_whose_chairman_signs_stays_an_actor() -> None:
    result = extract_facts("5月9日，青禾建材有限公司董事长张明与县长李华签订年产5万吨板材项目合同，总投资6亿元。",
                           "2023-05-10")
    names = {f.value: f.confidence for f in result.of("firm", field="name")}
    assert names.get("青禾建材有限公司", 0.0) >= 0.7


def _investments(text: str, date: str = "2023-07-10") -> dict[str, str]:
    return {f.key: f.value for f in extract_facts(text, date).of("project", field="investment")}


def test_respective_amounts_go_to_the_projects_in_order() -> None:
    money = _investments("6月30日，青禾度假酒店项目、北岭生态新城项目在城南新区签约，投资额分别为30亿元、70亿元。")
    assert money == {"青禾度假酒店项目": "3000000000 CNY", "北岭生态新城项目": "7000000000 CNY"}


def test_respective_amounts_that_do_not_pair_with_the_projects_stay_unassigned() -> None:
    money = _investments("6月30日，青禾度假酒店项目、北岭生态新城项目和南岭物流园项目签约，"
                         "投资额分别为30亿元、70亿元。")
    assert "3000000000 CNY" not in money.values() and "7000000000 CNY" not in money.values()


def test_one_project_named_with_its_zone_and_with_its_city_in_brackets_is_one_record() -> None:
    names = _projects("1月10日，北岭(盐城)光伏产业基地项目开工，总投资50亿元。盐城经开区北岭光伏产业基地项目是北岭股份"
                      "在江苏投资建设的第三个基地。")
    assert len(names) == 1


def test_two_phases_in_brackets_stay_two_projects() -> None:
    names = _projects("1月10日，北岭光伏产业基地（一期）项目竣工投产，北岭光伏产业基地（二期）项目同日开工。")
    assert len(names) == 2


def test_a_subsidiary_written_with_and_without_its_parent_group_is_one_firm() -> None:
    firms = _firms("6月28日，广西青山集团北岭林业股份有限公司技改项目投产，总投资6.9亿元。县长为新搬迁的广西北岭林业"
                   "股份有限公司揭牌。")
    assert len(firms) == 1


def test_a_firm_name_with_ji_inside_keeps_it() -> None:
    firms = _firms("8月20日，许昌西继电梯有限公司年产4000台自动扶梯项目二期工程开工，总投资2亿元。")
    assert "电梯有限公司" not in firms


def test_the_project_a_later_clause_refers_to_takes_the_amount_not_a_project_named_after_the_firm() -> None:
    result = extract_facts("10月13日上午，北岭工业园最大的招商引资项目——年产120万吨水泥生产项目签约仪式在州府举行。"
                           "州长出席签约仪式，据园区负责人介绍，该项目由青禾建材有限公司投资兴建，投资额达3.5亿元。",
                           "2005-10-14")
    projects = {f.key for f in result.of("project", field="name")}
    assert "青禾建材有限公司" not in projects
    money = {f.key: f.value for f in result.of("project", field="investment")}
    assert list(money.values()) == ["350000000 CNY"]


def test_an_organ_of_government_is_no_firm() -> None:
    firms = _firms("3月27日，国务院国资委与北岭省人民政府签订合作协议，青禾集团将在北岭投资10亿元。")
    assert "国务院国资委" not in firms


def test_a_wholly_owned_subsidiarys_project_is_no_name() -> None:
    names = _projects("9月5日，北岭能源科技有限公司在松山片区成立的全资子公司项目开工，总投资3亿元。")
    assert "全资子公司项目" not in names


def test_a_group_a_project_relies_on_is_not_marked_high_confidence() -> None:
    result = extract_facts("6月28日，青禾重工机械有限公司矿山设备生产项目开工，总投资5亿元。该项目是依托北岭重工集团"
                           "先进技术建设的。", "2013-06-29")
    names = {f.value: f.confidence for f in result.of("firm", field="name")}
    # (a background mention: its rule's level is 0.45; the record model, not refitted, lifts it to about 0.7)
    assert names.get("北岭重工集团", 0.0) < 0.8 and HIGH_CONFIDENCE <= names["青禾重工机械有限公司"]


def test_a_clause_after_a_country_word_is_no_firm() -> None:
    firms = _firms("经济部核准北岭游艇公司投资5亿元新建厂房，并与日本青禾集团合作开发豪华游艇产品，强化台湾在全球高端"
                   "游艇市场的竞争力。", "2026-02-10")
    assert not any("合作开发" in f or "市场" in f for f in firms)


def test_the_parts_of_one_base_are_no_projects() -> None:
    names = _projects("10月20日，北岭化工与县政府签订协议，建设年产100万吨磷铵生产基地，包括配套建设矿山、硫酸、"
                      "公用工程、环保设施等项目，总投资16亿元。")
    assert not any(n.startswith(("配套建设矿山", "硫酸", "环保设施")) for n in names)


def test_the_projects_a_batch_includes_stay_projects() -> None:
    names = _projects("5月9日，全市集中签约项目12个，包括青禾智能装备产业园、北岭冷链物流园等项目，总投资80亿元。")
    assert {"青禾智能装备产业园", "北岭冷链物流园"} <= {n.removesuffix("项目") for n in names}


def test_types_and_qualities_of_projects_are_no_projects() -> None:
    names = _projects("1月9日，青禾县集中签约项目21个，所签项目大多为资源开发型、劳动密集型、科技含量高、附加值高项目，"
                      "其中北岭药业生产基地项目总投资10亿元。")
    assert not any(n.startswith(("资源开发", "劳动密集", "科技含量", "附加值")) for n in names)
    assert "北岭药业生产基地项目" in names


def test_a_class_of_projects_and_the_chains_up_and_down_are_no_projects() -> None:
    names = _projects("6月16日，青禾市签约项目30个，其中资源深加工和能源类项目占七成。"
                      "北岭研究院等上下游配套项目也在推进。")
    assert not any("能源类" in n or "上下游" in n for n in names)


def test_there_is_before_a_list_is_no_part_of_its_first_item() -> None:
    names = _projects("3月10日，青禾县举行项目集中开工仪式。此次集中开工有北岭食品、南岭海洋文化产业基地等8个项目。")
    assert not any("有北岭" in n for n in names)


def test_labels_of_quality_and_policy_name_no_project() -> None:
    names = _projects("2月10日，青禾区集中开工的14个重点项目，都是新旧动能转换项目，也是引领产业的硬核标杆项目。"
                      "后续具体项目投资进展将另行公告。")
    assert not names & {"新旧动能转换项目", "硬核标杆项目", "后续具体项目"}


def test_a_phases_planned_start_is_not_the_projects_date() -> None:
    result = extract_facts("10月13日，北岭工业园年产120万吨水泥生产项目签约仪式在州府举行，该项目投资额达3.5亿元，"
                           "其中一期工程总投资1.8亿元，将于今年12月开工建设。", "2005-10-14")
    dates = {f.value for f in result.facts if f.record == "project" and f.field in ("date", "start_date")}
    assert "2005-12" not in dates
    assert "2005-10-13" in dates


def test_clauses_around_the_word_company_are_no_firms() -> None:
    firms = _firms("公告称，公司发行可转换公司债券募集资金。北岭路桥关于子公司参股设立新公司并对外投资的公告。")
    assert not any(f.startswith(("公司发", "参股")) for f in firms)


def test_a_building_counted_in_floors_is_no_part_of_a_group_name() -> None:
    firms = _firms("2012年，青禾药业集团投资10亿元，新建28层青禾集团办公大楼一座。")
    assert not any("28层" in f for f in firms)


def test_an_event_or_a_port_after_a_country_word_is_no_firm() -> None:
    firms = _firms("2012年，台湾工业园奠基、中国沧州环渤海台湾经贸洽谈会举行。该基地将成为继德国路德维希港之后的"
                   "第三大生产基地。")
    assert not any(f.endswith(("奠基", "港")) for f in firms)


def test_money_spent_on_research_is_no_projects_investment() -> None:
    money = _investments("8月20日，北岭电梯有限公司年产4000台扶梯项目二期工程开工。"
                         "北岭电梯有限公司投资300多万元自主研发的节能扶梯，比普通扶梯节电30%。", "2010-08-21")
    assert ">=3000000 CNY" not in money.values()


def test_projects_still_to_move_in_keep_no_ceremony_date() -> None:
    result = extract_facts("10月21日，北岭县举行项目集中签约仪式，青禾纺织品有限责任公司年产40万套家纺项目正式签约。"
                           "在青禾纺织的带动下，南岭集团纺织项目、北岭矿山机械制造项目等也将于年底前入驻。",
                           "2010-10-24")
    dated = {f.key for f in result.facts if f.record == "project" and f.field in ("date", "start_date")}
    assert any("家纺" in k for k in dated)
    assert not any("南岭集团" in k or "北岭矿山" in k for k in dated)


def test_a_group_after_a_country_word_is_cut_before_its_plant() -> None:
    firms = _firms("1月5日，台湾北岭集团在昆山建设新基地。据报道，台湾北岭集团昆山新厂总投资1.056亿美元。")
    assert not any("新厂" in f for f in firms)


def test_the_main_works_of_a_project_are_that_project() -> None:
    names = _projects("2月18日，北岭石化乙烯项目主体工程动工，总投资约448亿元，项目建成后年产乙烯150万吨。")
    assert not any(n.endswith("主体工程") for n in names)


def test_a_science_city_with_its_total_investment_is_a_project() -> None:
    money = _investments("7月15日，青禾市举行项目集中签约仪式。其中，位于临空区的北岭·空港科技城总投资500亿元，"
                         "将建设教育科研园区和科技产业园区。", "2018-07-16")
    assert money.get("北岭·空港科技城") == "50000000000 CNY"


def test_the_kinds_of_an_events_signings_are_no_projects() -> None:
    names = _projects("5月6日，青禾区举行一系列的签约仪式，包括重点项目、银企合作、载体建设、智库服务等在内的63个项目"
                      "在会上集中签约。")
    assert not any(n.startswith(("银企合作", "载体建设", "智库服务")) for n in names)
