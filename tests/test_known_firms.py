"""Known firms: a registry row that only says its chain's catalogue wording is placed by what is known of the firm or
its group (the dataset's firms, chaingraph's reference list), with evidence, and never against role first."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from chaingraph import load_dataset
from chaingraph.cli import cli
from chaingraph.sources.classify import Classifier
from chaingraph.sources.known import FirmKnowledge, KnownFirm, core_name, read_reference, reference_firms
from chaingraph.sources.registry import RegistryRow

CATALOGUE = "一般项目：汽车零部件及配件制造；汽车零部件研发；机械零件、零部件加工；货物进出口"


def known(*firms: KnownFirm) -> FirmKnowledge:
    return FirmKnowledge(firms)


BRAKES = KnownFirm(name="浙江钧衡科技股份有限公司", segments=("auto-chassis",), source="reference",
                   basis="盘式制动器", short="钧衡")
MOTORS = KnownFirm(name="江苏澄远科技有限公司", segments=("auto-drive-motor", "auto-electric-control"),
                   source="reference", basis="驱动电机、电控", short="澄远")


@pytest.fixture(scope="module")
def dataset():  # type: ignore[no-untyped-def]
    return load_dataset()


def classify(classifier: Classifier, name: str, scope: str, code: str = "") -> list[tuple[str, str, bool]]:
    row = RegistryRow(row=2, name=name, scope=scope, industry=code)
    return [(p.segment, p.confidence, p.primary) for p in classifier.classify(row).proposals]


@pytest.mark.parametrize("name, core", [
    ("浙江钧衡制动科技股份有限公司", "钧衡制动科技"),
    ("钧衡制动科技（平湖）有限公司", "钧衡制动科技"),
    ("平湖市钧衡制动科技有限公司", "钧衡制动科技"),
    ("苏州工业园区钧衡制动科技有限公司", "钧衡制动科技"),
    ("上海浦东新区钧衡制动科技有限公司", "钧衡制动科技"),
    ("Junheng Brake (Pinghu) Co., Ltd.", "junhengbrake"),
    ("Junheng Presta SE", "junhengpresta"),
    ("Rosa", "rosa"),  # a name that merely ends in a legal form's letters keeps them
    ("Bose Corporation", "bose"),
])
def test_core_name_drops_places_brackets_and_legal_forms(name: str, core: str) -> None:
    assert core_name(name) == core


def test_a_firm_is_matched_by_name_core_and_group_brand() -> None:
    index = known(BRAKES, MOTORS)
    assert index.match("浙江钧衡科技股份有限公司").how == "name"  # type: ignore[union-attr]
    assert index.match("钧衡科技（嘉兴）有限公司").how == "core"  # type: ignore[union-attr]
    plant = index.match("钧衡汽车部件（平湖）有限公司", "钧衡汽车部件")
    assert plant is not None and plant.how == "brand" and plant.firm is BRAKES and plant.key == "钧衡"
    assert index.match("澄远汽车部件（平湖）有限公司", "澄远汽车部件").firm is MOTORS  # type: ignore[union-attr]
    assert index.match("平湖市某某机械有限公司") is None


def test_a_two_character_brand_counts_only_as_a_short_name_and_never_a_trade_word() -> None:
    no_short = KnownFirm(name="浙江钧衡制动科技股份有限公司", segments=("auto-chassis",), source="reference")
    # the core 钧衡制动科技 is a brand of its own (three characters or more), its first two characters are not
    assert known(no_short).match("钧衡塑料制品有限公司") is None
    assert known(no_short).match("钧衡制动科技（平湖）汽车部件有限公司", "钧衡制动科技") is not None
    generic = KnownFirm(name="某某汽车有限公司", segments=("auto-vehicle",), source="reference", short="汽车")
    assert known(generic).match("汽车配件贸易有限公司") is None


def test_a_brand_shared_by_several_entries_merges_them_in_doubt() -> None:
    a = KnownFirm(name="钧衡制动（苏州）有限公司", segments=("auto-chassis",), source="reference", short="钧衡")
    b = KnownFirm(name="钧衡电子（无锡）有限公司", segments=("auto-electronics", "auto-chassis"), source="reference",
                  short="钧衡")
    match = known(a, b).match("钧衡汽车科技（平湖）有限公司", "钧衡汽车科技")
    assert match is not None and not match.firm.certain
    assert set(match.firm.segments) == {"auto-chassis", "auto-electronics"}


def test_catalogue_wording_alone_is_placed_by_a_known_firm_with_evidence(dataset) -> None:  # type: ignore[no-untyped-def]
    blind = Classifier(dataset, knowledge=known())
    assert classify(blind, "浙江钧衡科技股份有限公司", CATALOGUE, "C3670") == []
    informed = Classifier(dataset, knowledge=known(BRAKES))
    result = informed.classify(RegistryRow(row=2, name="浙江钧衡科技股份有限公司", scope=CATALOGUE,
                                           industry="C3670"))
    assert [(p.segment, p.confidence, p.primary) for p in result.proposals] == [("auto-chassis", "probable", True)]
    evidence = result.proposals[0].evidence_in("zh")
    assert "参考企业库" in evidence and "浙江钧衡科技股份有限公司" in evidence and "盘式制动器" in evidence
    assert "reference list" in result.proposals[0].evidence_in("en")
    assert result.reason == ""


def test_a_group_plant_is_placed_probable_only_where_the_row_agrees(dataset) -> None:  # type: ignore[no-untyped-def]
    informed = Classifier(dataset, knowledge=known(MOTORS))
    # a plant of the group with the automotive catalogue wording: the group's main segment; a further segment
    # needs the row's own word for it (a plant mostly makes one of the group's products)
    assert classify(informed, "澄远汽车部件（平湖）有限公司", CATALOGUE, "C3670") == [
        ("auto-drive-motor", "probable", True)]
    # a plant whose row names its own product: that product, not the group's others
    own_product = "一般项目：电机控制器制造；汽车零部件及配件制造"
    assert classify(informed, "澄远汽车部件（平湖）有限公司", own_product, "C3670") == [
        ("auto-electric-control", "confirmed", True)]
    # a plant of the group that makes moulds: the row says another chain, the group's segments are not added
    assert classify(informed, "澄远汽车部件（平湖）有限公司", "一般项目：模具制造；模具销售", "C3525") == [
        ("mt-mold", "confirmed", True)]


def test_a_known_firms_second_trade_named_late_in_its_row_is_proposed_beside_the_main(dataset) -> None:  # type: ignore[no-untyped-def]
    # the controllers come third: read alone, the row looks like a motor maker with in-house electronics
    scope = "一般项目：汽车零部件及配件制造；驱动电机制造；电力电子元器件制造；汽车零部件研发"
    blind = classify(Classifier(dataset, knowledge=known()), "江苏澄远科技有限公司", scope, "C3670")
    assert [s for s, _, _ in blind] == ["auto-drive-motor"]
    # the list knows the firm for both: the second trade is proposed, after the main one, with both sources
    informed = Classifier(dataset, knowledge=known(MOTORS))
    result = informed.classify(RegistryRow(row=2, name="江苏澄远科技有限公司", scope=scope, industry="C3670"))
    links = [(p.segment, p.confidence, p.primary) for p in result.proposals]
    assert links[0][0] == "auto-drive-motor" and links[0][2]
    assert ("auto-electric-control", "probable", False) in links
    second = next(p for p in result.proposals if p.segment == "auto-electric-control").evidence_in("zh")
    assert "电力电子元器件制造" in second and "参考企业库" in second
    # a group's plant (brand match only) is one registered entity: the group's second trade is not added
    plant = classify(informed, "澄远汽车部件（平湖）有限公司", scope, "C3670")
    assert [s for s, _, _ in plant] == ["auto-drive-motor"]
    # the list's main trade named late in the row stays the firm's main segment
    controls_first = KnownFirm(name="江苏澄远科技有限公司", segments=("auto-electric-control", "auto-drive-motor"),
                               source="reference", basis="电控、驱动电机")
    lead = classify(Classifier(dataset, knowledge=known(controls_first)), "江苏澄远科技有限公司", scope, "C3670")
    assert lead[0][0] == "auto-electric-control" and lead[0][2]
    # a firm the list knows as mainly outside the chains: its side lines are not added from late items
    outside = KnownFirm(name="江苏澄远科技有限公司", segments=("auto-drive-motor", "auto-electric-control"),
                        source="reference", main_chain="other")
    side = classify(Classifier(dataset, knowledge=known(outside)), "江苏澄远科技有限公司", scope, "C3670")
    assert "auto-electric-control" not in [s for s, _, _ in side]


def test_role_first_a_known_firms_sales_company_holding_and_rd_centre_get_no_link(dataset) -> None:  # type: ignore[no-untyped-def]
    informed = Classifier(dataset, knowledge=known(BRAKES))
    selling = "一般项目：汽车零配件批发；汽车零配件零售；货物进出口"
    assert classify(informed, "钧衡汽车部件销售（上海）有限公司", selling, "F5162") == []
    assert classify(informed, "钧衡投资控股有限公司", "一般项目：以自有资金从事投资活动；企业总部管理", "L7212") == []
    assert classify(informed, "钧衡汽车技术研究院（上海）有限公司",
                    "一般项目：汽车零部件研发；工程和技术研究和试验发展；技术服务", "M7320") == []


def test_a_surely_known_firm_drops_a_catalogue_reading_it_does_not_make_and_leads_with_its_main(dataset) -> None:  # type: ignore[no-untyped-def]
    blind = Classifier(dataset, knowledge=known())
    scope = "一般项目：有色金属合金制造；汽车零部件及配件制造；有色金属压延加工；货物进出口"
    before = classify(blind, "钧衡轻合金股份有限公司", scope, "C3240")
    assert before and before[0][0] == "nm-aluminum-alloy"
    wheels = KnownFirm(name="钧衡轻合金股份有限公司", segments=("auto-wheel", "nm-aluminum-alloy"), source="reference",
                       basis="铝合金车轮、铝合金锭")
    after = classify(Classifier(dataset, knowledge=known(wheels)), "钧衡轻合金股份有限公司", scope, "C3240")
    assert after[0][:1] == ("auto-wheel",) and after[0][2]
    assert ("nm-aluminum-alloy", "confirmed", False) in after or ("nm-aluminum-alloy", "probable", False) in after


def test_a_doubtful_entry_only_guesses(dataset) -> None:  # type: ignore[no-untyped-def]
    doubt = KnownFirm(name="浙江钧衡科技股份有限公司", segments=("auto-chassis",), source="reference",
                      certain=False)
    assert classify(Classifier(dataset, knowledge=known(doubt)), "浙江钧衡科技股份有限公司", CATALOGUE,
                    "C3670") == [("auto-chassis", "guessed", True)]


def test_rejected_links_stay_rejected_for_known_firms(dataset) -> None:  # type: ignore[no-untyped-def]
    from chaingraph.sources.classify import firm_keys

    keys = firm_keys("浙江钧衡科技股份有限公司")
    informed = Classifier(dataset, rejected={(keys[0], "auto-chassis")}, knowledge=known(BRAKES))
    assert classify(informed, "浙江钧衡科技股份有限公司", CATALOGUE, "C3670") == []


def test_the_datasets_own_firms_are_known_and_the_reference_list_can_be_left_out(dataset) -> None:  # type: ignore[no-untyped-def]
    own = FirmKnowledge.for_dataset(dataset, reference=False)
    assert own.firms and {f.source for f in own.firms} == {"dataset"}
    linked = {link.firm for link in dataset.links}
    assert len(own.firms) == len({f for f in linked if f in dataset.firms})
    both = FirmKnowledge.for_dataset(dataset)
    assert len(both.firms) > len(own.firms)
    assert all(s in dataset.segments for f in both.firms for s in f.segments)


def test_the_shipped_reference_list_is_well_formed(dataset) -> None:  # type: ignore[no-untyped-def]
    from importlib import resources

    from chaingraph.sources.known import REFERENCE_COLUMNS

    folder = resources.files("chaingraph") / "data" / "reference-firms"
    files = [f for f in folder.iterdir() if f.name.endswith(".csv")]
    assert sorted(f.name for f in files) == ["automotive.csv", "machine-tool.csv", "new-materials.csv",
                                             "outside.csv"]
    for item in files:
        rows = list(csv.reader(io.StringIO(item.read_text(encoding="utf-8-sig"))))
        assert tuple(rows[0]) == REFERENCE_COLUMNS, item.name
        assert all(len(r) == len(REFERENCE_COLUMNS) and r[7] in ("sure", "doubt") for r in rows[1:]), item.name
    entries = reference_firms()
    assert len(entries) >= 1000
    unknown = sorted({s for e in entries for s in e.segments if s not in dataset.segments})
    assert unknown == []
    outside = [e for e in entries if not e.segments]
    assert len(outside) >= 500 and all(e.main_chain == "other" for e in outside)
    names = [e.name for e in entries]
    assert len(names) == len(set(names))
    covered = {e.segments[0] for e in entries if e.segments}
    assert len(covered) >= 0.9 * len(dataset.segments)
    assert all(e.basis for e in entries)


def test_read_reference_reads_the_documented_columns() -> None:
    text = ("name,short,aliases,segments,main_chain,country,basis,certainty\n"
            "浙江钧衡制动科技股份有限公司,钧衡,钧衡股份|Junheng Brake,auto-chassis|auto-eps,automotive,CN,"
            "制动器,doubt\n")
    [entry] = read_reference(text)
    assert entry.segments == ("auto-chassis", "auto-eps") and entry.short == "钧衡" and not entry.certain
    assert entry.names == ("钧衡股份", "Junheng Brake")


def _unknown_parts_maker(dataset):  # type: ignore[no-untyped-def]
    """A sure list entry of an automotive parts maker that the dataset does not know and whose name alone places
    nothing."""
    own = FirmKnowledge.for_dataset(dataset, reference=False)
    blind = Classifier(dataset, knowledge=known())
    return next(e for e in reference_firms() if e.certain and e.segments[0].startswith("auto-") and
                e.segments[0] != "auto-vehicle" and e.name.endswith("股份有限公司") and
                own.match(e.name) is None and not classify(blind, e.name, CATALOGUE, "C3670"))


def _registry(folder: Path, *rows: list[str]) -> Path:
    """A registry CSV of live firms: name, scope, industry code per row."""
    path = folder / "registry.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["企业名称", "经营范围", "国民经济行业代码", "登记状态"])
        for row in rows:
            writer.writerow([*row, "存续"])
    return path


def test_classify_cli_uses_the_reference_list_unless_told_not_to(tmp_path: Path, dataset) -> None:  # type: ignore[no-untyped-def]
    entry = _unknown_parts_maker(dataset)
    registry = _registry(tmp_path, [entry.name, CATALOGUE, "C3670"])
    runner = CliRunner()
    with_list = runner.invoke(cli, ["classify", str(registry), "--format", "json"])
    without = runner.invoke(cli, ["classify", str(registry), "--format", "json", "--no-reference"])
    assert with_list.exit_code == 0 and without.exit_code == 0, with_list.output + without.output
    rows = json.loads(with_list.output)["rows"]
    assert rows[0]["segment"] == entry.segments[0] and "known_firm" in rows[0]["evidence_codes"]
    assert json.loads(without.output)["rows"][0]["segment"] == ""
    out = runner.invoke(cli, ["classify", str(registry), "--format", "csv"])
    assert "参考企业库" in next(csv.DictReader(io.StringIO(out.output)))["evidence"]


def test_a_link_imported_on_the_reference_list_cites_it_beside_the_registry(tmp_path: Path, dataset) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from chaingraph.sources.review import REFERENCE_SOURCE_ID

    county = tmp_path / "county"
    shutil.copytree(Path(__file__).parent.parent / "seeds" / "pinghu-2022", county)
    entry = _unknown_parts_maker(dataset)
    registry = _registry(tmp_path, [entry.name, CATALOGUE, "C3670"],
                         ["平湖某某刀具有限公司", "一般项目：切削工具制造", "C3321"])
    result = CliRunner().invoke(cli, ["--data", str(county), "import", str(registry), "--classify"])
    assert result.exit_code == 0, result.output
    after = load_dataset(county)
    by_name = {f.id: f.name for f in after.firms.values()}
    cited = {(by_name[link.firm], link.segment): link.sources for link in after.links
             if by_name[link.firm] in (entry.name, "平湖某某刀具有限公司")}
    assert REFERENCE_SOURCE_ID in cited[entry.name, entry.segments[0]]
    assert REFERENCE_SOURCE_ID not in cited["平湖某某刀具有限公司", "mt-cutting-tool"]
    assert after.sources[REFERENCE_SOURCE_ID].kind == "reference"


def test_a_known_look_alike_outside_the_chains_is_not_linked_on_vague_wording(dataset) -> None:  # type: ignore[no-untyped-def]
    scope = "一般项目：磁性材料生产；电子元器件制造；货物进出口"
    blind = classify(Classifier(dataset, knowledge=known()), "安徽钧衡磁电股份有限公司", scope, "C3985")
    assert blind and blind[0][0] == "nm-rare-earth-magnet"
    ferrite = KnownFirm(name="安徽钧衡磁电股份有限公司", segments=(), source="reference", main_chain="other",
                        basis="铁氧体永磁（非稀土永磁）", short="钧衡磁电")
    informed = Classifier(dataset, knowledge=known(ferrite))
    result = informed.classify(RegistryRow(row=2, name="安徽钧衡磁电股份有限公司", scope=scope, industry="C3985"))
    assert result.proposals == []
    assert "主业不在各产业链内" in result.reason and "铁氧体" in result.reason
    # a plant of the look-alike's group that names a chain product keeps it, one step down, with the evidence
    plant = informed.classify(RegistryRow(row=3, name="钧衡磁电（平湖）有限公司",
                                          scope="一般项目：钕铁硼永磁材料制造", industry="C3985"))
    assert [(p.segment, p.confidence) for p in plant.proposals] == [("nm-rare-earth-magnet", "probable")]
    assert "known_outside" in plant.proposals[0].evidence_codes


def test_the_look_alike_list_reads_entries_without_segments_and_a_chain_file_wins() -> None:
    from chaingraph.sources.known import merge_entries

    text = ("name,short,aliases,segments,main_chain,country,basis,certainty\n"
            "安徽钧衡磁电股份有限公司,钧衡磁电,,,other,CN,铁氧体永磁,sure\n"
            "某某无段公司,,,,automotive,CN,,sure\n")
    [entry] = read_reference(text)
    assert entry.segments == () and entry.main_chain == "other"
    chain = KnownFirm(name="安徽钧衡磁电股份有限公司", segments=("nm-rare-earth-magnet",), source="reference")
    assert merge_entries([entry, chain]) == [chain]


def test_role_first_holds_for_a_sales_company_whose_scope_tail_has_a_making_item(dataset) -> None:  # type: ignore[no-untyped-def]
    informed = Classifier(dataset, knowledge=known(BRAKES))
    scope = "一般项目：汽车零配件批发；汽车零配件零售；汽车零部件及配件制造（分支机构经营）"
    assert classify(informed, "钧衡汽车部件销售（上海）有限公司", scope, "F5162") == []


def test_the_same_firm_in_the_dataset_and_the_list_stays_sure_and_disagreeing_entries_merge_in_doubt() -> None:
    own = KnownFirm(name="浙江钧衡科技股份有限公司", segments=("auto-chassis",), source="dataset")
    listed = KnownFirm(name="浙江钧衡科技股份有限公司", segments=("auto-chassis",), source="reference", basis="制动器")
    match = known(own, listed).match("浙江钧衡科技股份有限公司")
    assert match is not None and match.firm.certain and match.firm.source == "reference"
    other = KnownFirm(name="浙江钧衡科技股份有限公司", segments=("auto-seat",), source="reference")
    assert not known(own, other).match("浙江钧衡科技股份有限公司").firm.certain  # type: ignore[union-attr]


def test_a_latin_brand_is_a_whole_word_and_the_same_core_elsewhere_is_the_group() -> None:
    abb = KnownFirm(name="ABB（中国）有限公司", segments=("mt-robot",), source="reference", short="ABB")
    assert known(abb).match("ABB Engineering (Shanghai) Ltd.") is not None
    assert known(abb).match("Abbey Precision (Pinghu) Co., Ltd.") is None
    bearing = KnownFirm(name="常州钧衡轴承股份有限公司", segments=("mt-bearing",), source="reference")
    assert known(bearing).match("常州钧衡轴承有限公司").how == "core"  # type: ignore[union-attr]
    assert known(bearing).match("平湖市钧衡轴承有限公司").how == "member"  # type: ignore[union-attr]


def test_a_look_alike_entry_speaks_only_about_the_chains_its_list_was_written_for(dataset) -> None:  # type: ignore[no-untyped-def]
    ferrite = KnownFirm(name="安徽钧衡磁电股份有限公司", segments=(), source="reference", main_chain="other")
    row = RegistryRow(row=2, name="安徽钧衡磁电股份有限公司", scope="一般项目：稀土永磁材料制造", industry="C3985")
    inside = Classifier(dataset, knowledge=FirmKnowledge([ferrite], outside_scope={"nm-rare-earth-magnet"}))
    outside = Classifier(dataset, knowledge=FirmKnowledge([ferrite], outside_scope={"pv-cell"}))
    assert [p.confidence for p in inside.classify(row).proposals] == ["probable"]
    assert [p.confidence for p in outside.classify(row).proposals] == ["confirmed"]


def test_a_known_firm_filed_under_a_division_outside_its_chain_gets_no_guess(dataset) -> None:  # type: ignore[no-untyped-def]
    informed = Classifier(dataset, knowledge=known(BRAKES))
    assert classify(informed, "浙江钧衡科技股份有限公司", "一般项目：五金产品制造", "C27") == []
    assert classify(informed, "浙江钧衡科技股份有限公司", "一般项目：五金产品制造", "C36") == [
        ("auto-chassis", "guessed", True)]
    # a scope that opens by making something outside the chains speaks against the list's entry
    assert classify(informed, "浙江钧衡科技股份有限公司", "一般项目：建筑材料生产", "C36") == []


def test_import_refuses_no_reference_without_classify(tmp_path: Path) -> None:
    import shutil

    county = tmp_path / "county"
    shutil.copytree(Path(__file__).parent.parent / "seeds" / "pinghu-2022", county)
    sheet = Path(__file__).parent.parent / "chaingraph" / "data" / "registry-small.csv"
    result = CliRunner().invoke(cli, ["--data", str(county), "import", str(sheet), "--no-reference"])
    assert result.exit_code == 2 and "--classify" in result.output


def test_a_look_alike_known_by_name_keeps_no_guess_even_when_the_entry_is_in_doubt(dataset) -> None:  # type: ignore[no-untyped-def]
    # a paint maker the look-alike list names (architectural paint): its vague 涂料制造 under 2641 is a guess for
    # the coatings segment; the list's word (even in doubt) outweighs a guess, not a confirmed link
    paint = KnownFirm(name="思钧涂料股份有限公司", segments=(), source="reference", main_chain="other", certain=False)
    informed = Classifier(dataset, knowledge=FirmKnowledge([paint], outside_scope={"nm-coatings"}))
    scope = "一般项目：涂料制造（不含危险化学品）；涂料销售（不含危险化学品）"
    row = RegistryRow(row=2, name="思钧涂料股份有限公司", scope=scope, industry="C2641")
    assert informed.classify(row).proposals == []
    bare = Classifier(dataset, knowledge=FirmKnowledge([]))
    assert [p.confidence for p in bare.classify(row).proposals] == ["guessed"]
