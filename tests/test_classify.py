"""The classifier: roles, confidence, evidence, vocabulary rules, and the templates' vocabulary keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from chaingraph import load_dataset, validate_dataset
from chaingraph.dataset.fixtures import write_tiny_dataset
from chaingraph.dataset.writer import write_dataset
from chaingraph.sources.classify import Classifier, confidence_at_least, firm_keys, reason_code, reason_text
from chaingraph.sources.registry import RegistryRow


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier(load_dataset())


def links(classifier: Classifier, name: str, scope: str, code: str = "") -> list[tuple[str, str]]:
    return [(p.segment, p.confidence) for p in classifier.classify_fields(name, scope, code).proposals]


def test_scope_term_and_agreeing_code_confirm(classifier: Classifier) -> None:
    assert links(classifier, "平湖某某机械有限公司", "一般项目：切削工具制造；五金产品批发", "C3321") == \
        [("mt-cutting-tool", "confirmed")]


def test_scope_term_without_code_is_probable_and_ambiguous_words_are_guessed(classifier: Classifier) -> None:
    assert links(classifier, "某某有限公司", "模具制造；货物进出口") == [("mt-mold", "probable")]
    assert links(classifier, "某某有限公司", "机械零件、零部件加工") == [("auto-motor-parts", "guessed")]


def test_a_code_of_another_class_drops_a_guess_and_says_why(classifier: Classifier) -> None:
    result = classifier.classify_fields("某某有限公司", "机械零件、零部件加工", "C3360")
    assert result.proposals == []
    assert "机械零件、零部件加工" in result.reason and "3360" in result.reason


def test_evidence_names_terms_items_name_parts_and_code(classifier: Classifier) -> None:
    result = classifier.classify_fields("平湖某某精密刀具有限公司", "五金产品批发；切削工具制造", "C3321")
    (proposal,) = result.proposals
    assert proposal.evidence_text == "经营范围第2项“切削工具制造”；名称“刀具”；行业代码3321"
    assert proposal.primary


@pytest.mark.parametrize(("name", "scope", "code", "role", "reason"), [
    ("某某汽配贸易有限公司", "汽车零配件批发；汽车零配件零售；货物进出口", "F5172", "seller", "只销售"),
    ("某某投资有限公司", "以自有资金从事投资活动；企业总部管理；汽车零部件研发", "L7211", "investor", "投资或控股"),
    ("某某新材料科技有限公司", "新材料技术研发；技术服务、技术开发、技术咨询", "M7513", "research", "只做研发"),
    ("某某汽车销售服务有限公司", "汽车新车销售；二手车经销；汽车零配件零售", "F5261", "seller", "只销售"),
])
def test_sellers_holdings_and_research_firms_get_no_producer_link(classifier: Classifier, name: str, scope: str,
                                                                   code: str, role: str, reason: str) -> None:
    result = classifier.classify_fields(name, scope, code)
    assert result.proposals == [] and result.role == role
    assert reason in result.reason


def test_the_aftermarket_takes_repairers_by_their_main_business(classifier: Classifier) -> None:
    assert links(classifier, "某某汽车修理厂", "机动车修理和维护；汽车零配件零售", "O8111") == \
        [("auto-aftermarket", "confirmed")]
    # a dealer that also tows is still a dealer: the service is not its first item
    assert links(classifier, "某某汽车有限公司", "汽车新车销售；汽车拖车、求援、清障服务", "F5261") == []
    # a shop whose first item repairs a part (a traction battery) is a repairer: its 机动车修理和维护 counts, while a
    # rental firm's repair item is a side line of renting
    scope = "新能源汽车动力电池检测、维修；机动车修理和维护"
    assert links(classifier, "某某新能源汽车电池维修服务部", scope, "O8111") == \
        [("auto-aftermarket", "confirmed")]
    assert links(classifier, "某某汽车租赁有限公司", "汽车租赁；机动车修理和维护；二手车经纪", "L7111") == []


def test_the_chain_classes_and_mining_verbs_agree_with_their_segments(classifier: Classifier) -> None:
    # 3962 is the GB/T class of in-vehicle smart devices: it confirms, it does not contradict
    assert links(classifier, "某某物联网技术有限公司", "一般项目：智能车载设备制造；软件开发", "C3962") == \
        [("auto-electronics", "confirmed")]
    # a mine that concentrates its ore (选矿) makes its product, though it also sells ore
    scope = "一般项目：选矿；锂辉石精矿生产；金属矿石销售"
    assert [s for s, _ in links(classifier, "某某锂矿有限公司", scope, "B0939")] == \
        ["nm-lithium-resources"]
    # 贵金属冶炼 is gold and silver as much as platinum metals: a gold smelter is no PGM refiner
    assert links(classifier, "某某黄金股份有限公司", "一般项目：贵金属冶炼；金属矿石销售", "B0921") == []


def test_longest_term_wins_and_inputs_are_not_products(classifier: Classifier) -> None:
    assert [s for s, _ in links(classifier, "某某有限公司", "主轴轴承制造")] == ["mt-bearing"]
    assert links(classifier, "某某有限公司", "锂电池材料生产") == []
    assert [s for s, _ in links(classifier, "某某有限公司", "轮胎模具制造")] == ["mt-mold"]


def test_look_alikes_are_blocked(classifier: Classifier) -> None:
    result = classifier.classify_fields("某某塑业有限公司", "塑料制品制造；包装材料及制品销售", "C2926")
    assert result.proposals == []
    assert links(classifier, "某某门窗有限公司", "铝合金门窗制造", "C3312") == []


def test_registry_remarks_in_brackets_are_dropped_but_product_brackets_kept(classifier: Classifier) -> None:
    result = classifier.classify_fields("某某有限公司", "钢板（电工钢、硅钢）的剪切、分条加工（不含电镀）", "C3130")
    assert result.proposals[0].segment == "nm-electrical-steel"
    assert "不含" not in result.proposals[0].evidence_text


def test_multi_segment_firms_get_further_links(classifier: Classifier) -> None:
    got = links(classifier, "某某电驱有限公司", "新能源汽车驱动电机、电机控制器的研发与生产", "C3812")
    assert [s for s, _ in got] == ["auto-drive-motor", "auto-electric-control"]


def test_ties_between_vague_words_are_not_guessed(classifier: Classifier) -> None:
    result = classifier.classify_fields("某某有限公司", "电子专用材料制造", "C3985")
    assert result.proposals == []
    assert len(result.candidates) > 1 and "几个环节同样可能" in result.reason


def test_the_home_class_of_one_tied_candidate_breaks_a_tie_of_guesses(classifier: Classifier) -> None:
    # cathode, anode, precursor and separator all answer 电子专用材料制造 with 电池零配件生产; 3985 is the home class
    # (first listed) of the cathode only: a guess, and the evidence says why
    result = classifier.classify_fields("某某有限公司", "一般项目：电子专用材料制造；电池零配件生产", "C3985")
    assert [(p.segment, p.confidence) for p in result.proposals] == [("nm-cathode", "guessed")]
    assert "home_class" in result.proposals[0].evidence_codes
    # the home class of none of them (2669 for electrolyte or electronic chemicals) leaves the tie
    assert classifier.classify_fields("某某有限公司", "电子专用材料制造；专用化学产品制造", "C2669").proposals == []
    # and a tie the code already made probable is not broken (钢压延加工 under 3130: special or electrical steel)
    assert classifier.classify_fields("某某有限公司", "钢压延加工；金属材料销售", "C3130").proposals == []


def test_the_chain_context_comes_from_making_items_only(classifier: Classifier) -> None:
    # 汽车零配件零售 says the dealer sells parts, not that it is in the chain: its 汽车装饰用品制造 stays vague, and
    # the trade code drops it
    dealer = classifier.classify_fields("平湖某某汽车销售服务有限公司", "一般项目：汽车新车销售；汽车零配件零售；"
                                        "汽车装饰用品制造；机动车修理和维护", "F5261")
    assert dealer.proposals == []
    # a maker of the chain's parts reads the same item as interior trim
    assert links(classifier, "平湖某某汽车部件有限公司", "一般项目：汽车零部件及配件制造；汽车装饰用品制造",
                 "C3670") == [("auto-interior", "probable")]


def test_a_trade_code_and_a_selling_first_item_make_a_seller(classifier: Classifier) -> None:
    dealer = classifier.classify_fields("平湖某某汽车销售有限公司", "一般项目：汽车销售；汽车零配件批发；汽车座椅制造",
                                        "F5261")
    assert dealer.proposals == [] and dealer.role == "seller"
    # the aftermarket still takes a used-car market by its selling main business
    market = classifier.classify_fields("平湖某某二手车有限公司",
                                        "一般项目：二手车经纪；二手车鉴定评估；汽车零部件及配件制造", "F5262")
    assert [p.segment for p in market.proposals] == ["auto-aftermarket"]
    # a maker filed under a manufacturing class keeps its product
    found = links(classifier, "平湖某某座椅有限公司", "一般项目：汽车座椅制造；汽车零配件批发", "C3670")
    assert found[0][0] == "auto-seat"


def test_a_motor_item_stays_vague_in_any_chain(classifier: Classifier) -> None:
    # 电机制造 names the drive motor and the motorised spindle, but a car-parts firm's motors are as often wiper,
    # seat, window, fan and steering motors, starters and alternators (right 2 times in 8 on the development files
    # without a known firm): in a maker of machine-tool functional parts the spindle, in a parts maker of the
    # automotive chain the drive motor, both as guesses
    assert links(classifier, "某某机电有限公司", "一般项目：机床功能部件及附件制造；电机制造", "C3425") == \
        [("mt-spindle", "guessed")]
    assert links(classifier, "某某动力有限公司", "一般项目：汽车零部件及配件制造；电机制造", "C3670") == \
        [("auto-drive-motor", "guessed")]
    # a vague word of the name counts for the firm's own chain only: 电机 in a spindle maker's name is its spindles
    assert links(classifier, "某某高速电机有限公司", "一般项目：机床功能部件及附件制造；电机制造", "C3425") == \
        [("mt-spindle", "guessed")]
    # a product word still says it
    assert links(classifier, "某某动力有限公司", "一般项目：汽车零部件及配件制造；新能源汽车驱动电机制造", "C3670") == \
        [("auto-drive-motor", "confirmed")]


def test_rejected_links_are_not_proposed_again() -> None:
    ds = load_dataset()
    keys = firm_keys("平湖某某刀具有限公司", "91330482MA2D0001XD")
    classifier = Classifier(ds, rejected={(keys[0], "mt-cutting-tool")})
    result = classifier.classify(RegistryRow(row=2, name="平湖某某刀具有限公司", credit_code="91330482MA2D0001XD",
                                             scope="切削工具制造", industry="3321"))
    assert result.proposals == [] and result.rejected == 1
    assert "已被拒绝" in result.reason


def test_templates_without_vocabulary_use_segment_names_and_keywords(tmp_path: Path) -> None:
    ds = load_dataset(write_tiny_dataset(tmp_path / "tiny"))
    classifier = Classifier(ds)
    assert links(classifier, "某某有限公司", "驱动电机的生产") == [("motor", "probable")]
    assert links(classifier, "某某有限公司", "数控系统研发、生产") == [("cnc", "probable")]


def test_confidence_order() -> None:
    assert confidence_at_least("confirmed", "probable")
    assert not confidence_at_least("guessed", "probable")


def _spindle_problems(root: Path, vocabulary: str) -> list[str]:
    """The validation problems of the tiny dataset whose spindle segment carries ``vocabulary`` (YAML keys)."""
    if not root.exists():
        write_tiny_dataset(root)
    path = root / "chains" / "demo-tools.yaml"
    text = path.read_text(encoding="utf-8")
    plain = "{id: spindle, name: 主轴, name_en: Spindles, tier: upstream, importance: 0.6"
    start = text.index(plain)
    text = text[:start] + plain + ", " + vocabulary + "}" + text[text.index("}", start) + 1:]
    path.write_text(text, encoding="utf-8")
    return [str(p) for p in validate_dataset(root)]


def test_vocabulary_keys_are_validated(tmp_path: Path) -> None:
    keys = "industry_codes: [C34], roles: [dealer], product_terms: [电主轴], ambiguous_terms: [电主轴], "
    problems = _spindle_problems(tmp_path / "tiny", keys + "wide_codes: ['3812']")
    assert any("industry_codes: 'C34' is not a GB/T 4754-2017 class" in p for p in problems)
    assert any("roles: 'dealer' is not one of producer, seller, servicer, recycler" in p for p in problems)
    assert any("'电主轴' is already listed in product_terms" in p for p in problems)
    assert any("wide_codes: '3812' is not one of the segment's industry_codes" in p for p in problems)


def test_narrowing_terms_must_be_vague_words_of_a_segment_with_wide_classes(tmp_path: Path) -> None:
    root = tmp_path / "tiny"
    keys = "industry_codes: ['3812'], wide_codes: ['3812'], ambiguous_terms: [电机制造], "
    problems = _spindle_problems(root, keys + "narrowing_terms: [电主轴]")
    assert any("narrowing_terms: '电主轴' is not one of the segment's ambiguous_terms" in p for p in problems)
    problems = _spindle_problems(root, keys + "narrowing_terms: [电机制造, 电机制造]")
    assert any("narrowing_terms: '电机制造' is already listed in narrowing_terms" in p for p in problems)
    problems = _spindle_problems(root, keys.replace("wide_codes: ['3812'], ", "") + "narrowing_terms: [电机制造]")
    assert len([p for p in problems if "narrowing_terms: needs wide_codes" in p]) == 1


def test_wide_codes_survive_a_write_and_read(tmp_path: Path) -> None:
    ds = load_dataset()
    assert ds.segments["auto-drive-motor"].wide_codes == ["3812"]
    write_dataset(ds, tmp_path / "copy")
    assert load_dataset(tmp_path / "copy").segments["auto-drive-motor"].wide_codes == ["3812"]
    assert load_dataset(tmp_path / "copy").segments["nm-anode"].narrowing_terms == ["电子专用材料制造"]
    # ... and the snapshot the CLI reads
    from chaingraph.engines.snapshot import open_snapshot
    with open_snapshot(tmp_path / "copy", cache_dir=tmp_path / "cache") as facts:
        assert facts.ds.segments["nm-anode"].narrowing_terms == ["电子专用材料制造"]
        assert facts.ds.segments["auto-drive-motor"].wide_codes == ["3812"]


def test_bundled_templates_carry_vocabulary_for_every_segment() -> None:
    ds = load_dataset()
    for segment in ds.segments.values():
        assert segment.industry_codes, segment.id
        assert segment.scope_terms or segment.product_terms, segment.id


def test_a_name_part_and_the_chain_catalogue_wording_agree_at_probable(classifier: Classifier) -> None:
    scope = "一般项目：汽车零部件及配件制造；货物进出口"
    result = classifier.classify_fields("平湖某某制动系统有限公司", scope, "C3670")
    assert [(p.segment, p.confidence) for p in result.proposals] == [("auto-chassis", "probable")]
    assert "名称“制动系统”" in result.proposals[0].evidence_text
    stem = classifier.classify_fields("平湖某某制动科技有限公司", scope, "C3670").proposals
    assert [(p.segment, p.confidence) for p in stem] == [("auto-chassis", "probable")]
    assert "名称含“制动”" in stem[0].evidence_text
    assert "本链泛称“汽车零部件及配件制造”" in result.proposals[0].evidence_text
    # the stem of 连接器 reads a connector maker's name; without a making item of the chain it stays a guess
    assert links(classifier, "嘉兴某某连接技术有限公司", scope) == [("auto-wiring", "probable")]
    assert links(classifier, "嘉兴某某连接技术有限公司", "一般项目：电子元器件制造") == [("auto-wiring", "guessed")]
    # stems too common in names say nothing (控制, 电子)
    assert links(classifier, "平湖某某控制技术有限公司", scope) == []


def test_a_product_the_producer_sells_counts_only_when_the_code_agrees(classifier: Classifier) -> None:
    scope = "一般项目：输配电及控制设备制造；充电桩销售；技术服务"
    result = classifier.classify_fields("平湖某某电气有限公司", scope, "C3829")
    assert [(p.segment, p.confidence) for p in result.proposals] == [("auto-charging", "probable")]
    assert "经营范围第2项销售“充电桩”" in result.proposals[0].evidence_text
    assert links(classifier, "平湖某某电气有限公司", scope, "C3831") == []
    # a trader that sells the product is still a trader
    assert links(classifier, "平湖某某贸易有限公司", "充电桩销售；电线、电缆经营", "C3829") == []


def test_a_class_only_one_segment_draws_from_and_a_chain_item_give_a_guess(classifier: Classifier) -> None:
    scope = "一般项目：电子元器件制造；汽车零部件及配件制造；货物进出口"
    result = classifier.classify_fields("苏州某某电子股份有限公司", scope, "C3989")
    assert [(p.segment, p.confidence) for p in result.proposals] == [("auto-wiring", "guessed")]
    assert "行业代码3989" in result.proposals[0].evidence_text
    alone = classifier.classify_fields("苏州某某电子股份有限公司", "一般项目：电子元器件制造", "C3989")
    assert alone.proposals == []


def test_a_code_outside_every_chain_drops_the_guess_a_code_of_another_segment_keeps_it(
        classifier: Classifier) -> None:
    scope = "一般项目：汽车零部件及配件制造；模具制造；塑料制品制造"
    # the parts maker's own tooling: the code and the first item say auto parts, 模具制造 after them is in-house
    assert links(classifier, "某某金属制品有限公司", scope, "C3670") == []
    # ... unless the firm also sells moulds: then it is a business of its own, kept as a guess the code speaks against
    sells = "一般项目：汽车零部件及配件制造；模具制造；模具销售；塑料制品制造"
    assert links(classifier, "某某金属制品有限公司", sells, "C3670") == [("mt-mold", "guessed")]
    # a mould maker whose first item is 模具制造 keeps its link under 3670
    assert links(classifier, "某某金属制品有限公司", "一般项目：模具制造；汽车零部件及配件制造", "C3670") == \
        [("mt-mold", "guessed")]
    result = classifier.classify_fields("某某摩托车有限公司", "道路机动车辆生产；摩托车零配件制造", "C3751")
    assert result.proposals == []
    assert links(classifier, "某某汽车有限公司", "道路机动车辆生产；汽车零部件及配件制造", "C3611") == \
        [("auto-vehicle", "confirmed")]


def test_remanufacturing_is_aftermarket_service_not_making(classifier: Classifier) -> None:
    result = classifier.classify_fields("某某动力有限公司", "汽车发动机及零部件的再制造、销售；汽车维修技术服务")
    assert [(p.segment, p.confidence) for p in result.proposals] == [("auto-aftermarket", "probable")]
    assert result.role != "producer"
    assert links(classifier, "某某动力有限公司", "汽车发动机及零部件制造、销售") == [("auto-powertrain", "probable")]


def test_licensed_items_listed_first_do_not_push_the_general_items_down(classifier: Classifier) -> None:
    scope = ("许可项目：充电桩生产（依法须经批准的项目，经相关部门批准后方可开展经营活动）"
             "一般项目：电机控制器制造；货物进出口")
    assert links(classifier, "某某有限公司", scope) == [("auto-charging", "probable"),
                                                        ("auto-electric-control", "probable")]
    # in one section the second item weighs less than the first and is not a further segment
    assert links(classifier, "某某有限公司", "一般项目：充电桩生产；塑料制品销售；电机控制器制造") == \
        [("auto-charging", "probable")]


def test_two_catalogue_items_of_one_segment_outweigh_one_shared_item(classifier: Classifier) -> None:
    # 电子专用材料制造 alone is shared by seven segments: no guess; with 有色金属压延加工 only foils have both
    alone = classifier.classify_fields("江西某某科技有限公司", "一般项目：电子专用材料制造；货物进出口", "C3985")
    assert alone.proposals == [] and "nm-battery-foil" in alone.candidates
    assert links(classifier, "江西某某科技有限公司", "一般项目：电子专用材料制造；有色金属压延加工；货物进出口",
                 "C3985") == [("nm-battery-foil", "guessed")]
    # an electrical-steel maker writes 钢压延加工 like any steel mill; its name decides between them
    assert links(classifier, "某某电磁材料有限公司", "一般项目：钢压延加工；金属材料销售", "C3130")[0][0] == \
        "nm-electrical-steel"


def test_a_catch_all_code_keeps_the_named_product_but_not_a_vague_guess(classifier: Classifier) -> None:
    # 3484 机械零部件加工 says how a job shop works, not what it makes: the product in its name still counts
    scope = "一般项目：通用零部件制造；机械零件、零部件加工；汽车零部件及配件制造"
    assert links(classifier, "平湖某某电机配件有限公司", scope, "C3484") == [("auto-motor-parts", "probable")]
    # a shop whose name and scope say nothing specific gets no guess from the vague machining words
    result = classifier.classify_fields("平湖某某机械有限公司", "一般项目：机械零件、零部件加工；五金产品批发", "C3484")
    assert result.proposals == [] and "泛指" in result.reason
    # a specific class that fits none of the candidates still speaks against them (3751 摩托车整车制造)
    assert links(classifier, "某某电机配件有限公司", "摩托车零配件制造；机械零件、零部件加工", "C3751") == []


def test_a_further_segment_is_measured_by_its_strongest_item_not_by_how_many_words_the_primary_has(
        classifier: Classifier) -> None:
    # three product words of the primary in one item do not push a catalogue item of a second segment out
    scope = "一般项目：切削工具制造（刀片、铣刀、钻头）；绘图、计算及测量仪器制造；货物进出口"
    got = links(classifier, "某某工具有限公司", scope, "C3321")
    assert [s for s, _ in got] == ["mt-cutting-tool", "mt-measuring-tool"]
    # a third item weighs 0.59 of the first: below the share a further segment needs
    scope = "一般项目：切削工具制造；货物进出口；绘图、计算及测量仪器制造"
    assert [s for s, _ in links(classifier, "某某工具有限公司", scope, "C3321")] == ["mt-cutting-tool"]


def test_a_process_word_after_the_main_business_gives_no_guess(classifier: Classifier) -> None:
    scope = "一般项目：汽车零部件及配件制造；汽车零部件研发；机械零件、零部件加工；货物进出口"
    result = classifier.classify_fields("浙江某某科技股份有限公司", scope, "C3670")
    assert result.proposals == [] and "auto-eps" in result.candidates  # the planner decides from the candidates
    # the same word as the main business is still a guess, and a product word in the name still counts
    first = "一般项目：机械零件、零部件加工；汽车零部件及配件制造"
    assert links(classifier, "浙江某某科技有限公司", first, "C3670") == [("auto-motor-parts", "guessed")]
    assert links(classifier, "浙江某某电机配件有限公司", scope, "C3670")[0][0] == "auto-motor-parts"


def test_a_further_segment_comes_from_the_first_items_not_the_tail(classifier: Classifier) -> None:
    early = "一般项目：有色金属铸造；模具制造；货物进出口"
    assert [s for s, _ in links(classifier, "某某股份有限公司", early, "C3670")] == ["auto-die-casting", "mt-mold"]
    # fourth, after the main business, 模具制造 is the tooling shop of a trim maker, not a second trade
    late = "一般项目：汽车装饰用品制造；汽车零部件研发；塑料制品制造；模具制造"
    # (汽车装饰用品制造 is vague in general, but under 3670 it names the trim segment: probable)
    assert links(classifier, "某某股份有限公司", late, "C3670") == [("auto-interior", "probable")]


def test_the_code_decides_against_a_segment_only_the_name_names(classifier: Classifier) -> None:
    # 复合材料 in the name, but the code (2929) is a class of the scope's candidate (engineering plastics)
    got = links(classifier, "上海某某复合材料股份有限公司", "一般项目：工程塑料及合成树脂制造；塑料制品制造", "C2929")
    assert [s for s, _ in got] == ["nm-engineering-plastics"]


def test_a_name_product_with_catalogue_wording_is_confirmed_by_a_specific_code(classifier: Classifier) -> None:
    scope = "一般项目：通用零部件制造；机床功能部件及附件制造；货物进出口"
    # 3451 滚动轴承制造 is a class of few segments: it confirms what the name says
    assert links(classifier, "平湖某某精密轴承有限公司", scope, "C3451") == [("mt-bearing", "confirmed")]
    # 3670 is drawn on by twenty segments: the name and the catalogue wording stay probable
    auto = "一般项目：汽车零部件及配件制造；货物进出口"
    assert links(classifier, "平湖某某制动系统有限公司", auto, "C3670") == [("auto-chassis", "probable")]


def test_a_supply_chain_trader_is_a_seller_not_a_servicer(classifier: Classifier) -> None:
    result = classifier.classify_fields("厦门某某股份有限公司", "一般项目：供应链管理服务；金属材料销售；汽车新车销售")
    assert result.proposals == [] and result.role == "seller"


def test_a_catalogue_only_scope_takes_the_segment_its_industry_class_names(classifier: Classifier) -> None:
    # 通用设备制造 and 机械零件加工 say nothing of the product; the registry's class 3451 滚动轴承制造 does
    scope = "一般项目：通用设备制造（不含特种设备制造）；机械零件、零部件加工；货物进出口"
    result = classifier.classify_fields("浙江某某机械有限公司", scope, "C3451 滚动轴承制造")
    assert [(p.segment, p.confidence) for p in result.proposals] == [("mt-bearing", "guessed")]
    assert result.proposals[0].evidence_text == "行业代码3451（滚动轴承制造）"
    # 3393 is every forger's class (wind shafts, oilfield forgings), not the car forger's alone: with the chain's
    # catalogue wording it is the segment's class, but only a guess
    forging = classifier.classify_fields("某某汽车部件有限公司", "一般项目：汽车零部件及配件制造；通用零部件制造",
                                         "C3393")
    assert [(p.segment, p.confidence) for p in forging.proposals] == [("auto-forging", "guessed")]
    # a class wider than its segment (3425: seven function-part segments) still gives no link
    assert links(classifier, "某某机械有限公司", "一般项目：通用设备制造（不含特种设备制造）", "C3425") == []


def test_a_firm_naming_products_outside_the_chains_gets_nothing_from_its_class(classifier: Classifier) -> None:
    result = classifier.classify_fields("平湖某某建材有限公司", "一般项目：建筑涂料制造；建筑材料销售", "C2641")
    assert result.proposals == [] and result.candidates == ["nm-coatings"]


def test_a_third_catalogue_item_is_in_house_work_not_a_further_segment(classifier: Classifier) -> None:
    scope = "一般项目：汽车零部件及配件制造；有色金属铸造；模具制造；金属表面处理及热处理加工"
    assert [s for s, _ in links(classifier, "某某股份有限公司", scope, "C3670")] == ["auto-die-casting"]


def test_in_a_materials_chain_a_product_followed_by_material_is_the_product(classifier: Classifier) -> None:
    assert links(classifier, "某某有限公司", "生产硅碳负极材料、人造石墨负极材料，销售自产产品")[0][0] == "nm-anode"
    # outside it, 轮胎材料 is still an input to tyres, not a tyre
    assert "auto-tire" not in [s for s, _ in links(classifier, "某某有限公司", "生产轮胎材料，销售自产产品")]


def test_a_name_word_that_only_one_tied_candidate_shares_breaks_the_tie(classifier: Classifier) -> None:
    scope = "一般项目：电子专用材料制造；电子专用材料研发；货物进出口"
    result = classifier.classify_fields("浙江某某氟化学有限公司", scope, "C3985")
    assert [(p.segment, p.confidence) for p in result.proposals] == [("nm-electronic-chemicals", "guessed")]
    assert "名称中的“化学”" in result.proposals[0].evidence_text
    # a name that says nothing of the trade leaves the tie to the planner
    plain = classifier.classify_fields("浙江某某科技股份有限公司", scope, "C3985")
    assert plain.proposals == [] and "nm-cathode" in plain.candidates


def test_a_late_item_the_code_contradicts_is_in_house_work(classifier: Classifier) -> None:
    late = "一般项目：汽车零部件及配件制造；金属制品研发；模具制造；塑料制品制造"
    assert links(classifier, "上海某某金属制品股份有限公司", late, "C3670") == []
    # second, it may be a trade of its own: kept as a guess the planner sees with the code against it
    early = "一般项目：汽车零部件及配件制造；模具制造；模具销售"
    result = classifier.classify_fields("江苏某某工业科技股份有限公司", early, "C3670")
    assert [(p.segment, p.confidence) for p in result.proposals] == [("mt-mold", "guessed")]
    assert "行业代码3670不属本环节" in result.proposals[0].evidence_text


def test_a_producer_names_its_product_in_a_research_item_when_the_code_agrees(classifier: Classifier) -> None:
    scope = "一般项目：汽车零部件及配件制造；汽车制动系统研发；货物进出口"
    result = classifier.classify_fields("浙江某某科技有限公司", scope, "C3670")
    assert [(p.segment, p.confidence) for p in result.proposals] == [("auto-chassis", "guessed")]
    assert result.proposals[0].evidence_text == "经营范围第2项研发“制动系统”；行业代码3670"
    # a firm that only does research is still not a producer
    rnd = classifier.classify_fields("浙江某某科技有限公司", "一般项目：汽车零部件研发；汽车制动系统研发", "C3670")
    assert rnd.proposals == [] and rnd.role == "research"
    # and a code of another class does not let the research item speak
    assert links(classifier, "浙江某某科技有限公司", scope, "C3360") == []


def test_solar_lead_acid_and_household_look_alikes_are_blocked(classifier: Classifier) -> None:
    assert links(classifier, "某某光伏科技有限公司", "生产光伏硅片、太阳能电池、光伏组件") == []
    assert links(classifier, "某某电源有限公司", "生产铅酸蓄电池、电动三轮车") == []


def test_product_variants_in_one_item_do_not_outscore_the_product_named_first(classifier: Classifier) -> None:
    scope = "生产数控系统、伺服电机、伺服放大器及其零部件，销售自产产品"
    result = classifier.classify_fields("北京某某机电有限公司", scope, "C4011")
    assert [p.segment for p in result.proposals] == ["mt-cnc-system", "mt-servo"]


@pytest.mark.parametrize(("scope", "segment", "word"), [
    ("生产高性能碳纤维，销售自产产品", "nm-hp-fiber", "高性能碳纤维"),
    ("一般项目：稀土永磁材料生产；货物进出口", "nm-rare-earth-magnet", "稀土永磁材料"),
    ("生产三氟化氮、六氟化钨等电子特种气体", "nm-semiconductor-materials", "三氟化氮"),
    ("生产二氟磷酸锂、双草酸硼酸锂", "nm-electrolyte", "二氟磷酸锂"),
    ("生产氢氧化镍钴、硫酸锂", "nm-lithium-resources", "氢氧化镍钴"),
    ("生产钛酸锂、氧化亚硅负极", "nm-anode", "钛酸锂"),
    ("生产硅铁、锰铁、高碳铬铁", "nm-metal-raw", "硅铁"),
    ("生产聚醚酰亚胺、聚芳醚酮", "nm-engineering-plastics", "聚醚酰亚胺"),
    ("生产双马来酰亚胺树脂、氰酸酯树脂", "nm-resin", "双马来酰亚胺树脂"),
    ("生产氧化镧、氧化铈等单一稀土氧化物", "nm-rare-earth", "氧化镧"),
])
def test_a_scope_naming_only_a_catalogue_material_gets_its_segment_with_the_word(
        classifier: Classifier, scope: str, segment: str, word: str) -> None:
    result = classifier.classify_fields("平湖某某有限公司", scope)
    assert result.proposals and result.proposals[0].segment == segment
    assert f"“{word}”" in result.proposals[0].evidence_text
    assert result.proposals[0].confidence == "probable"  # no code: the planner confirms


def test_an_industrial_gas_class_points_electronic_materials_to_electronic_gases(classifier: Classifier) -> None:
    # 2619 (其他基础化学原料制造) is where gas makers register: with 电子专用材料制造 it says electronic special gases
    scope = "许可项目：危险化学品生产 一般项目：电子专用材料制造；技术进出口"
    result = classifier.classify_fields("苏州某某有限公司", scope, "C2619")
    # (a guess: vague wording with a code alone was right 18 times in 29 on the development files)
    assert [(p.segment, p.confidence) for p in result.proposals] == [("nm-semiconductor-materials", "guessed")]
    assert "行业代码2619" in result.proposals[0].evidence_text
    # without that class the same scope is a tie the planner decides
    assert classifier.classify_fields("苏州某某有限公司", scope, "C3985").proposals == []


def test_charging_control_equipment_is_charging_not_the_e_drive_controls(classifier: Classifier) -> None:
    # 充电控制设备 holds the letters 电控: the longer catalogue word decides
    assert [s for s, _ in links(classifier, "某某有限公司", "生产充电控制设备、充电桩")] == ["auto-charging"]


def test_parts_made_from_a_catalogue_resin_are_not_the_resin(classifier: Classifier) -> None:
    assert links(classifier, "某某密封件有限公司", "生产聚四氟乙烯制品、密封件") == []
    assert links(classifier, "某某氟材料有限公司", "生产聚四氟乙烯、聚偏氟乙烯树脂")[0][0] == "nm-resin"


def test_robot_reducers_are_robot_parts_not_vehicle_reducers(classifier: Classifier) -> None:
    assert [s for s, _ in links(classifier, "某某有限公司", "生产RV减速器、谐波减速器")] == ["mt-robot"]


def test_an_industrial_gas_maker_is_not_guessed_an_electronic_gas_maker_by_its_name(classifier: Classifier) -> None:
    scope = "许可项目：危险化学品生产；移动式压力容器/气瓶充装 一般项目：普通货物仓储服务"
    result = classifier.classify_fields("平湖某某工业气体有限公司", scope, "C2619")
    assert result.proposals == [] and "nm-semiconductor-materials" in result.candidates


def test_a_segment_outside_the_code_named_from_the_third_item_on_is_in_house_work(classifier: Classifier) -> None:
    # a line builder (3499) lists 工业机器人制造 third: the robot cell is part of its lines, the code decides
    lines = "一般项目：工业自动控制系统装置制造；通用设备制造；工业机器人制造；智能控制系统集成；软件开发"
    assert links(classifier, "某某智能装备有限公司", lines, "C3499") == [("mt-automation-line", "guessed")]
    # a catch-all class (3569 其他电子专用设备制造) still names the main business: a robot item third is dropped
    equipment = "一般项目：电子专用设备制造；专用设备制造；工业机器人制造；物业管理"
    assert links(classifier, "某某智能装备有限公司", equipment, "C3569") == []
    # ... but the same item first is the firm's main business
    robots = "一般项目：工业机器人制造；电子专用设备制造；专用设备制造"
    assert links(classifier, "某某智能装备有限公司", robots, "C3569") == [("mt-robot", "probable")]


def test_a_material_named_before_another_chains_product_is_what_the_product_is_made_of(
        classifier: Classifier) -> None:
    inserts = "生产硬质合金可转位刀片及切削刀具，销售自产产品"
    assert links(classifier, "某某超硬工具有限公司", inserts, "C3321") == [("mt-cutting-tool", "confirmed")]
    # the material alone is the material
    assert ("nm-hard-alloy", "confirmed") in links(classifier, "某某硬质合金有限公司", "生产硬质合金棒材", "C3231")


def test_a_product_word_before_another_segments_product_qualifies_it(classifier: Classifier) -> None:
    # 乘用车子午线轮胎 is a tyre for cars, not a car: the head of the compound comes last
    assert links(classifier, "某某轮胎有限公司", "生产、销售乘用车子午线轮胎", "C2911") == [("auto-tire", "confirmed")]


def test_vague_wording_with_a_code_alone_is_a_guess(classifier: Classifier) -> None:
    # 电子专用材料制造 under 2619: the class narrows it, but such links were right 18 times in 29 on the samples
    result = classifier.classify_fields("某某有限公司", "一般项目：电子专用材料制造；技术进出口", "C2619")
    assert [(p.segment, p.confidence) for p in result.proposals] == [("nm-semiconductor-materials", "guessed")]


def test_a_car_tyre_is_a_tyre_not_a_wheel(classifier: Classifier) -> None:
    assert links(classifier, "某某橡胶有限公司", "生产汽车轮胎及其他橡胶制品，销售自产产品", "C2911") == \
        [("auto-tire", "confirmed")]


def test_a_lone_vague_word_after_a_main_business_outside_the_chains_gives_no_link(classifier: Classifier) -> None:
    film = "一般项目：塑料制品制造；新型膜材料制造；新材料技术研发；塑料制品销售"
    result = classifier.classify_fields("某某新材料股份有限公司", film, "C2921")
    assert result.proposals == []
    assert reason_code(result.reason) == "outside_lead"
    assert "塑料制品" in result.reason and "新型膜材料制造" in result.reason
    assert "新型膜材料制造" in reason_text(result.reason, "en")
    # two vague items that agree outweigh it: a separator maker's catalogue scope
    separator = "一般项目：塑料制品制造；电池零配件生产；电子专用材料制造；货物进出口"
    assert links(classifier, "某某新材料股份有限公司", separator, "C2921") == [("nm-separator", "guessed")]
    # and the same vague word first is the main business
    assert links(classifier, "某某新材料股份有限公司", "一般项目：新型膜材料制造；塑料制品制造", "C2921") == \
        [("nm-separator", "guessed")]


def test_a_firm_filed_under_services_is_no_producer_on_a_vague_making_word(classifier: Classifier) -> None:
    scope = "许可项目：检验检测服务。一般项目：汽车零部件研发；工程和技术研究和试验发展；专用设备制造；标准化服务"
    assert links(classifier, "某某汽车工程研究院有限公司", scope, "M7452") == []
    # without a code the vague making word, second, stays a guess for the planner
    second = "许可项目：检验检测服务。一般项目：汽车零部件研发；专用设备制造；标准化服务"
    assert links(classifier, "某某汽车工程研究院有限公司", second, "") == [("mt-machine", "guessed")]
    assert links(classifier, "某某汽车工程研究院有限公司", second, "M7452") == []


def test_a_vague_catalogue_item_names_its_segment_in_a_firm_of_the_chain(classifier: Classifier) -> None:
    # 齿轮及齿轮减、变速箱制造 is also industrial gearboxes; first in a firm filed under 3670 it is the transmission
    gears = "一般项目：齿轮及齿轮减、变速箱制造；汽车零部件及配件制造；有色金属铸造"
    assert links(classifier, "某某科技集团股份有限公司", gears, "C3670") == [("auto-powertrain", "probable")]
    # the chain's catalogue wording says the chain too, without a code
    lamps = "一般项目：汽车零部件及配件制造；照明器具制造；塑料制品制造"
    assert links(classifier, "某某工业股份有限公司", lamps, "") == [("auto-lighting", "probable")]
    # outside the chain it stays a guess, and a code that fits no candidate drops it
    assert links(classifier, "某某照明股份有限公司", "一般项目：照明器具制造；灯具销售", "") == \
        [("auto-lighting", "guessed")]
    assert links(classifier, "某某传动股份有限公司", "一般项目：齿轮及齿轮减、变速箱制造；通用设备制造", "C3459") == []
    # catalogue items too wide even inside the chain stay vague (电子元器件制造: connectors, chips, passives ...)
    parts = "一般项目：汽车零部件及配件制造；电子元器件制造"
    assert all(c == "guessed" for _, c in links(classifier, "某某电子有限公司", parts, "C3670"))


def test_a_guess_on_vague_words_from_the_third_item_on_is_not_proposed(classifier: Classifier) -> None:
    late = "一般项目：汽车零部件及配件制造；汽车零部件研发；电子专用材料制造；电池零配件生产；物业管理"
    assert links(classifier, "某某精工股份有限公司", late, "C3670") == []
    # second, right after the main business, it is still a guess for the planner
    early = "一般项目：汽车零部件及配件制造；电池零配件生产；物业管理"
    assert [c for _, c in links(classifier, "某某精工股份有限公司", early, "C3670")] == ["guessed"]
    # a vague word that is a whole catalogue item of one segment names it in a firm of its chain
    sensors = "一般项目：汽车零部件及配件制造；电子元器件制造；传感器制造；汽车零部件研发"
    assert links(classifier, "某某汽车科技股份有限公司", sensors, "C3670") == [("auto-electronics", "probable")]


def test_a_product_only_sold_adds_no_further_segment(classifier: Classifier) -> None:
    scope = "一般项目：工程塑料及合成树脂制造；工程塑料及合成树脂销售；塑料制品制造"
    assert links(classifier, "某某新材料股份有限公司", scope, "C2651") == [("nm-engineering-plastics", "probable")]


def test_a_class_one_segment_draws_from_and_a_vague_word_of_its_chain_give_a_guess(classifier: Classifier) -> None:
    lines = "一般项目：专用设备制造；工业自动控制系统装置制造；机械设备研发；汽车零部件及配件制造；五金产品批发"
    assert links(classifier, "某某智能装备股份有限公司", lines, "C3499") == [("mt-automation-line", "guessed")]
    # a word too wide to say the chain (通用设备制造) does not
    assert links(classifier, "某某机械有限公司", "一般项目：通用设备制造；五金产品批发", "C3499") == []


def test_the_product_in_brackets_after_the_chains_catalogue_wording_is_the_main_business(
        classifier: Classifier) -> None:
    scope = "一般项目：汽车零部件及配件制造（钢制车轮）；智能车载设备制造；软件开发"
    result = classifier.classify_fields("某某智通股份有限公司", scope, "C3670")
    assert [p.segment for p in result.proposals if p.primary] == ["auto-wheel"]
    # without the bracket the same product word is a product term of a later item, weaker than catalogue wording
    later = "一般项目：智能车载设备制造；钢制车轮制造；软件开发"
    assert [p.segment for p in classifier.classify_fields("某某智通股份有限公司", later, "C3670").proposals
            if p.primary] == ["auto-electronics"]


def test_tooling_of_the_product_named_before_it_is_no_trade_of_its_own(classifier: Classifier) -> None:
    own = "生产铝合金压铸件及其模具、汽车零部件，销售自产产品"
    assert links(classifier, "某某压铸有限公司", own, "C3392") == [("auto-die-casting", "confirmed")]
    related = "生产汽车外饰件及相关模具，销售本公司自产产品"
    assert [s for s, _ in links(classifier, "某某机械有限公司", related, "C3670")] == ["auto-interior"]
    # moulds named as a product of their own stay a trade
    assert "mt-mold" in [s for s, _ in links(classifier, "某某压铸有限公司", "生产铝合金压铸件、汽车模具", "C3392")]


def test_a_name_the_code_agrees_with_says_which_trade_a_catalogue_umbrella_covers(classifier: Classifier) -> None:
    scope = "一般项目：基础化学原料制造；有色金属合金制造；货物进出口"
    result = classifier.classify_fields("某某锂业股份有限公司", scope, "C2613")
    assert [p.segment for p in result.proposals if p.primary] == ["nm-lithium-resources"]
    # without the name the catalogue wording decides
    assert links(classifier, "某某化工股份有限公司", scope, "C2613") == [("nm-chemical-feedstock", "confirmed")]


def test_a_class_that_is_one_tied_candidates_wording_breaks_the_tie(classifier: Classifier) -> None:
    scope = "一般项目：有色金属压延加工；金属材料销售；装卸搬运"
    result = classifier.classify_fields("某某铝业股份有限公司", scope, "C3252")
    assert [(p.segment, p.confidence) for p in result.proposals] == [("nm-aluminum-alloy", "probable")]
    assert result.proposals[0].evidence_text == "经营范围第1项泛指“有色金属压延加工”；行业代码3252（铝压延加工）"
    # without a code the two segments the catalogue item names stay tied
    assert classifier.classify_fields("某某铝业股份有限公司", scope, "").proposals == []


def test_a_main_business_outside_the_chains_explains_the_name_and_later_research(classifier: Classifier) -> None:
    # an architectural paint maker named 涂料 is not a coatings-materials firm of the chain
    assert links(classifier, "某某涂料有限公司", "一般项目：建筑涂料制造；真石漆生产；防水材料销售", "C2641") == []
    # an energy-storage maker's battery-management research follows its main business, not the car battery segment
    scope = "一般项目：储能电池制造；电池管理系统研发；储能技术服务"
    assert links(classifier, "某某储能科技有限公司", scope, "C3841") == []
    # the catalogue's 锂离子电池制造 is every lithium cell (phones, tools, storage, cars), and on real counties' firms
    # under 3841 traction batteries are the minority: no link, the segment a candidate (round 14: a wide class)
    vague = classifier.classify_fields("某某新能源科技有限公司", "一般项目：锂离子电池制造；电池销售", "C3841")
    assert vague.proposals == [] and vague.candidates == ["auto-battery"]
    assert links(classifier, "某某动力电池有限公司", "一般项目：动力电池制造；电池销售", "C3841") == \
        [("auto-battery", "confirmed")]


def test_a_vague_word_in_the_name_does_not_confirm_a_vague_scope(classifier: Classifier) -> None:
    # 磁业 and 磁性材料 are ferrite makers' words as much as rare-earth magnet makers': together they stay short of
    # confirmed, while a specific word (钕铁硼) confirms
    assert links(classifier, "某某磁业有限公司", "一般项目：磁性材料生产；电子元器件制造", "C3985") != \
        [("nm-rare-earth-magnet", "confirmed")]
    assert links(classifier, "某某磁业有限公司", "一般项目：钕铁硼永磁材料生产；电子元器件制造", "C3985") == \
        [("nm-rare-earth-magnet", "confirmed")]


def test_repair_classes_and_a_service_class_of_the_segment_make_an_aftermarket_firm(classifier: Classifier) -> None:
    # division 43 is repair, filed under manufacturing: an engine remanufacturer there is an aftermarket firm
    scope = "一般项目：发动机再制造；通用设备修理；汽车零配件批发"
    assert [s for s, _ in links(classifier, "某某动力再制造有限公司", scope, "C4390")] == ["auto-aftermarket"]
    # a car-care shop filed under 8111 whose scope opens with an insurance agency is still a car-care shop
    scope = "许可项目：保险代理业务。一般项目：汽车装饰用品销售；机动车修理和维护；洗车服务"
    assert [s for s, _ in links(classifier, "某某汽车服务有限公司", scope, "O8111")] == ["auto-aftermarket"]
    # ... but a grid-equipment maker that also runs chargers is not a charging firm by that item alone
    scope = "一般项目：输配电及控制设备制造；软件开发；电动汽车充电基础设施运营"
    assert ("auto-charging", "confirmed") not in links(classifier, "某某电气股份有限公司", scope, "C3829")


def test_welding_is_not_a_machine_tool_and_robot_reducers_are_robot_parts(classifier: Classifier) -> None:
    scope = "一般项目：电焊机制造；金属切割及焊接设备制造；五金产品制造"
    result = classifier.classify_fields("某某焊接设备有限公司", scope, "C3424")
    assert result.proposals == [] and "电焊机" in result.reason
    # 精密减速机 may be a robot joint's reducer, but most firms of its class 3453 make industrial gearboxes: no link,
    # the robot segment is a candidate the planner sees with the reason
    scope = "生产精密减速机及其零部件，销售本公司自产产品。"
    reducer = classifier.classify_fields("某某精密机器有限公司", scope, "C3453")
    assert reducer.proposals == [] and "mt-robot" in reducer.candidates
    assert reason_code(reducer.reason) == "wide_class" and "3453" in reducer.reason


def test_a_part_named_after_another_trade_belongs_to_that_trade(classifier: Classifier) -> None:
    # 风电主轴 is a wind turbine's shaft, 航空发动机零部件 an aero-engine's parts: neither a spindle nor a car engine
    scope = "一般项目：风电主轴、航空发动机零部件的生产；金属压力容器制造"
    assert links(classifier, "某某重工股份有限公司", scope, "C3393") == []
    # the same words for cars still count, and a mould for appliances is still a mould
    assert [s for s, _ in links(classifier, "某某动力有限公司", "一般项目：汽车发动机零部件的生产", "C3670")] == \
        ["auto-powertrain"]
    moulds = links(classifier, "某某模具有限公司", "一般项目：家电模具制造；模具销售", "C3525")
    assert [s for s, _ in moulds] == ["mt-mold"]


def test_farm_vehicles_building_chillers_and_house_paint_are_look_alikes(classifier: Classifier) -> None:
    scope = "一般项目：三轮汽车、低速货车、农业机械的生产；低速汽车制造"
    assert links(classifier, "某某农用车有限公司", scope, "C3640") == []
    scope = "生产商用冷水机组、空调末端设备，销售本公司自产产品。"
    assert links(classifier, "某某空调冷冻设备有限公司", scope, "C3464") == []
    scope = "生产建筑涂料、木器涂料、工业地坪涂料，销售本公司自产产品。"
    assert links(classifier, "某某涂料有限公司", scope, "C2641") == []
    # an automotive coatings maker keeps its segment
    assert links(classifier, "某某涂料有限公司", "生产汽车涂料、电泳涂料，销售本公司自产产品。", "C2641") == \
        [("nm-coatings", "confirmed")]


def test_the_registry_class_picks_the_main_role_among_the_scope_roles(classifier: Classifier) -> None:
    # the 2021 wording lists licensed items first: a holding's scope may open with a transport licence
    scope = "许可项目：道路货物运输。一般项目：企业总部管理；以自有资金从事投资活动；汽车零部件研发"
    assert classifier.classify_fields("某某控股集团有限公司", scope, "L7212").role == "investor"
    # a dealer group that also invests is a dealer by its class
    scope = "一般项目：以自有资金从事投资活动；汽车新车销售；汽车零配件零售"
    assert classifier.classify_fields("某某汽车投资有限公司", scope, "F5261").role == "seller"


def test_forgings_are_every_trades_and_car_forgings_the_chains(classifier: Classifier) -> None:
    # 锻件 in a car-parts maker's scope is a car forging
    assert links(classifier, "某某锻造有限公司", "一般项目：汽车零部件及配件制造；锻件生产", "C3670") == \
        [("auto-forging", "probable")]
    # ... alone under the forging class, whose firms mostly forge flanges, rings and aircraft parts, it is no link
    # (nor does the name's 锻造 add anything): car forgings are a candidate, with the reason
    result = classifier.classify_fields("某某锻造有限公司", "一般项目：锻件生产；金属材料销售", "C3393")
    assert result.proposals == [] and result.candidates == ["auto-forging"]
    assert reason_code(result.reason) == "wide_class"
    assert "多数做别的产品" in result.reason and "most firms of industry code 3393" in result.reason.render("en")
    # a product word says what the class does not
    assert links(classifier, "某某锻造有限公司", "一般项目：汽车转向节、曲轴锻件生产", "C3393")[0][0] == "auto-forging"


def test_a_word_that_narrows_a_wide_class_links_and_copper_rolling_is_a_metal_raw_material(
        classifier: Classifier) -> None:
    # 3091 石墨及碳素制品制造 holds electrode, refractory and special-graphite makers: its own words give no link
    plain = classifier.classify_fields("某某石墨有限公司", "一般项目：石墨及碳素制品制造；非金属矿物制品制造", "C3091")
    assert plain.proposals == [] and reason_code(plain.reason) == "wide_class" and plain.candidates == ["nm-anode"]
    # ... graphite made for electronic use (电子专用材料制造, the catalogue item of battery materials) is anode material
    scope = "一般项目：石墨及碳素制品制造；电子专用材料制造；普通货物仓储服务"
    result = classifier.classify_fields("某某新材料有限公司", scope, "C3091")
    assert [(p.segment, p.confidence) for p in result.proposals] == [("nm-anode", "probable")]
    assert "经营范围第2项“电子专用材料制造”把宽泛的行业代码收窄到本环节" in result.proposals[0].evidence_text
    # a copper roller is a metal raw material maker, by its class's own wording or by the class alone
    assert links(classifier, "某某铜业有限公司", "一般项目：有色金属压延加工；铜压延加工；金属材料销售", "C3251") == \
        [("nm-metal-raw", "confirmed")]
    assert links(classifier, "某某铜板带有限公司", "一般项目：有色金属压延加工；有色金属合金销售", "C3251") == \
        [("nm-metal-raw", "guessed")]
    # ... and copper foil for electronic use is battery foil
    scope = "一般项目：有色金属压延加工；电子专用材料制造；货物进出口"
    assert links(classifier, "某某新材料有限公司", scope, "C3251") == [("nm-battery-foil", "probable")]
    # the narrowing word counts in the scope's lead only, not after a main business outside the chains, and not
    # when another candidate has a word of its own
    late = "一般项目：石墨及碳素制品制造；耐火材料生产；非金属矿物制品制造；金属材料销售；电子专用材料制造"
    assert links(classifier, "某某新材料有限公司", late, "C3091") == []
    # (a selling item between two making items does not push the second out of the lead)
    sold_between = "一般项目：石墨及碳素制品制造；石墨及碳素制品销售；电子专用材料制造；新材料技术研发"
    assert links(classifier, "某某新材料有限公司", sold_between, "C3091") == [("nm-anode", "probable")]
    after_plastics = "一般项目：塑料制品制造；石墨及碳素制品制造；电子专用材料制造"
    assert links(classifier, "某某新材料有限公司", after_plastics, "C3091") == []
    scope = "一般项目：石墨及碳素制品制造；电子专用材料制造"
    assert links(classifier, "某某隔膜有限公司", scope, "C3091") == [("nm-separator", "probable")]
    assert links(classifier, "某某正极材料有限公司", scope, "C3091") == [("nm-cathode", "probable")]


def test_a_non_ferrous_foundry_is_a_car_die_caster_only_when_its_scope_says_cars(classifier: Classifier) -> None:
    # 3392 有色金属铸造: lamp housings, power fittings and valves as often as car parts
    scope = "一般项目：有色金属铸造；电力设施器材制造；金属制品销售"
    foundry = classifier.classify_fields("某某铸业有限公司", scope, "C3392")
    assert foundry.proposals == [] and reason_code(foundry.reason) == "wide_class"
    assert "auto-die-casting" in foundry.candidates
    scope = "一般项目：有色金属铸造；汽车零部件及配件制造；模具制造"
    assert [s for s, _ in links(classifier, "某某铸业有限公司", scope, "C3392")] == ["auto-die-casting"]


def test_a_retreader_is_an_aftermarket_firm_and_2915_is_not_its_class(classifier: Classifier) -> None:
    scope = "一般项目：轮胎翻新加工；轮胎销售；机动车修理和维护"
    for code in ("O8111", "C2911", ""):
        assert links(classifier, "某某轮胎翻新有限公司", scope, code) == [("auto-aftermarket", "confirmed")]
    # GB/T 4754-2017 names 2915 日用及医用橡胶制品制造 (gloves, hoses for hospitals), no class of the chains
    assert links(classifier, "某某橡胶制品有限公司", "一般项目：橡胶制品制造；医用橡胶制品制造", "C2915") == []


def test_a_process_word_before_machines_names_the_machines(classifier: Classifier) -> None:
    # 铸造机械制造 is foundry equipment, not castings: an axle maker that also builds it is no die-caster
    scope = "一般项目：汽车零部件及配件制造；汽车零部件研发；铸造机械制造；机械零件、零部件加工"
    assert "auto-die-casting" not in [s for s, _ in links(classifier, "某某车轴制造有限公司", scope, "C3670")]
    # ... while a casting item still counts, so do castings for machinery, and 空调设备 (a product, not a
    # process) is still air conditioners
    scope = "一般项目：汽车零部件及配件制造；黑色金属铸造；机械零件、零部件加工"
    assert "auto-die-casting" in [s for s, _ in links(classifier, "某某机械有限公司", scope, "C3670")]
    scope = "一般项目：汽车零部件及配件制造；铸造机械零部件制造"
    assert "auto-die-casting" in [s for s, _ in links(classifier, "某某机械有限公司", scope, "C3670")]
    scope = "一般项目：汽车零部件及配件制造；制冷、空调设备制造；汽车零部件研发"
    assert "auto-thermal" in [s for s, _ in links(classifier, "某某汽车空调有限公司", scope, "C3670")]


def test_engine_parts_under_3412_are_powertrain_and_a_marine_engines_parts_are_not(classifier: Classifier) -> None:
    # 3412 内燃机及配件制造 is a class of engines and their parts for every use; crankshafts and camshafts beside
    # 汽车零部件及配件制造 are engine parts of cars
    scope = "内燃机曲轴、凸轮轴制造；锻件加工；汽车零部件及配件制造"
    assert "auto-powertrain" in [s for s, _ in links(classifier, "某某内燃机配件有限公司", scope, "C3412")]
    # a turbocharger or camshaft maker whose scope says only the two catalogue items: the class and the chain's
    # wording agree on engine parts, as a guess at least
    scope = "一般项目：汽车零部件及配件制造；内燃机及配件制造；机械零件、零部件加工；货物进出口"
    assert [s for s, _ in links(classifier, "某某动力部件有限公司", scope, "C3412")] == ["auto-powertrain"]
    # a marine diesel's crankshaft made first: the main business is another trade's, and the vague forging
    # word after it says nothing of a car
    result = classifier.classify_fields("某某内燃机配件有限公司", "船用柴油机曲轴制造；锻件加工", "C3412")
    assert result.proposals == [] and "船用柴油机" in result.reason
    # ... and the class alone does not guess powertrain for it either
    assert links(classifier, "某某内燃机配件有限公司", "船用柴油机曲轴制造；汽车零部件及配件制造", "C3412") == []
    # a trade word reaches a part only through the product it qualifies, never across a vehicle word
    for scope, segment in [("航空铝合金汽车轮毂制造", "auto-wheel"), ("家用轿车座椅制造", "auto-seat"),
                           ("航空插头线束制造", "auto-wiring"), ("风电及汽车齿轮箱制造", "auto-powertrain")]:
        assert [s for s, _ in links(classifier, "某某汽车部件有限公司", scope, "C3670")] == [segment], scope
    # a packaging product first is no other trade's part: the class still guesses its one segment
    scope = "塑料制品制造；电池零配件生产；汽车零部件及配件制造"
    assert [s for s, _ in links(classifier, "某某新能源有限公司", scope, "C3841")] == ["auto-battery"]


def test_x_yong_y_names_y_and_checking_fixtures_are_fixtures(classifier: Classifier) -> None:
    # 驱动电机用电磁线 is a wire for drive motors, not a drive motor; 电机用于 would name the motor itself
    scope = "一般项目：漆包线、新能源汽车驱动电机用扁平电磁线的生产"
    assert all(s != "auto-drive-motor" for s, _ in links(classifier, "某某电磁线有限公司", scope, "C3831"))
    # a fixture shop's 检具 (checking fixtures) are fixtures, not measuring instruments
    scope = "工装夹具、检具设计、制造；机械零部件加工。"
    assert [s for s, _ in links(classifier, "某某工装夹具厂", scope, "C3484")] == ["mt-fixture"]
    # 气缸盖 is an engine part, not a pneumatic cylinder
    scope = "生产铝合金气缸盖、气缸体等汽车发动机铸件，销售本公司自产产品。"
    assert "mt-electrical" not in [s for s, _ in links(classifier, "某某汽车零部件有限公司", scope, "C3392")]


def test_nonferrous_casting_is_every_casters_class_and_a_car_parts_makers_die_casting(classifier: Classifier) -> None:
    # castings for nuclear, gas-turbine and aero-engine makers are not car castings
    scope = "一般项目：核电、燃气轮机零部件铸件的生产；黑色金属铸造；有色金属铸造"
    assert all(c != "confirmed" for _, c in links(classifier, "某某机电股份有限公司", scope, "C3391"))
    # under the car-parts class the same catalogue item is the die-caster's
    assert [s for s, _ in links(classifier, "某某股份有限公司", "一般项目：有色金属铸造；货物进出口", "C3670")] == \
        ["auto-die-casting"]


def test_a_further_segment_named_by_one_product_word_the_code_does_not_name_is_a_guess(classifier: Classifier) -> None:
    scope = "一般项目：数控系统制造；伺服驱动器制造"
    assert links(classifier, "某某数控有限公司", scope, "C4011") == \
        [("mt-cnc-system", "confirmed"), ("mt-servo", "guessed")]
    # a second word for it, or the firm's name, makes it probable again
    assert ("mt-servo", "probable") in links(classifier, "某某伺服科技有限公司", scope, "C4011")
    scope = "一般项目：数控系统制造；伺服驱动器、伺服电机制造"
    assert ("mt-servo", "probable") in links(classifier, "某某数控有限公司", scope, "C4011")


def test_a_trade_filed_firm_is_not_linked_by_a_product_named_late_in_its_scope(classifier: Classifier) -> None:
    # a scrap collector filed under 5191 (recycling trade) whose scope lists used batteries fourth: the code says
    # what the main business is, and it is not traction-battery recycling
    scope = "一般项目：再生资源回收（除生产性废旧金属）；生产性废旧金属回收；再生资源销售；废旧电池回收"
    assert links(classifier, "某某再生资源回收有限公司", scope, "F5191") == []
    # the same item first is the firm's own business (a guess under a trade code), and under a recycling class of
    # the segment it counts wherever it stands
    scope_first = "一般项目：废旧电池回收；再生资源回收（除生产性废旧金属）；再生资源销售"
    assert links(classifier, "某某再生资源回收有限公司", scope_first, "F5191") == \
        [("auto-battery-recycling", "guessed")]
    assert [s for s, _ in links(classifier, "某某循环科技有限公司", scope, "C4210")] == ["auto-battery-recycling"]


def test_switchgear_and_catch_all_equipment_classes_need_a_product_word(classifier: Classifier) -> None:
    # 3823 配电开关控制设备制造 is mostly switchgear for power distribution (乐清's electrical groups), not machine-tool
    # electrics: the vague class wording alone links nothing, and the segment is a candidate with the reason
    scope = "一般项目：配电开关控制设备制造；输配电及控制设备制造；电力电子元器件制造"
    switchgear = classifier.classify_fields("某某电气集团有限公司", scope, "C3823")
    assert switchgear.proposals == [] and "mt-electrical" in switchgear.candidates
    assert reason_code(switchgear.reason) == "wide_class" and "3823" in switchgear.reason
    # a machine-tool product word under the same class still links
    electrics = classifier.classify_fields("某某电气有限公司", "一般项目：机床电气、液压站制造；配电开关控制设备制造",
                                           "C3823")
    assert [p.segment for p in electrics.proposals][:1] == ["mt-electrical"]
    # 3599 其他专用设备制造 is the catch-all of special equipment: 自动化设备 there is not an automation line
    scope = "一般项目：智能基础制造装备制造；专用设备制造（不含许可类专业设备制造）"
    line = classifier.classify_fields("某某智能装备有限公司", scope, "C3599")
    assert line.proposals == [] and reason_code(line.reason) == "wide_class"
    assert "mt-automation-line" in line.candidates


def test_clad_metal_plates_are_not_fibre_composites(classifier: Classifier) -> None:
    # explosion-bonded clad plates for pressure vessels: 复合材料 in the name and scope is bimetal, not a composite
    scope = "一般项目：金属复合板材制造；钢压延加工；爆炸焊接复合材料制造；金属材料销售"
    clad = classifier.classify_fields("某某金属复合材料有限公司", scope, "C3130")
    assert clad.proposals == []
    carbon = classifier.classify_fields("某某碳纤维复合材料有限公司",
                                        "一般项目：高性能纤维及复合材料制造；碳纤维复合材料制品制造", "C3062")
    assert [p.segment for p in carbon.proposals] == ["nm-composite"]


def test_a_bare_connector_is_every_electronics_trades_and_a_car_connector_is_wiring(classifier: Classifier) -> None:
    # connectors under 3989 are mostly for phones, computers and appliances: the bare word links nothing
    bare = classifier.classify_fields("某某接插件股份有限公司", "一般项目：连接器制造；电子元器件制造；模具制造",
                                      "C3989")
    assert bare.proposals == [] and "auto-wiring" in bare.candidates
    car = classifier.classify_fields("某某电子科技有限公司", "一般项目：汽车连接器制造；汽车线束制造；电子元器件制造",
                                     "C3989")
    assert [(p.segment, p.primary) for p in car.proposals][:1] == [("auto-wiring", True)]
