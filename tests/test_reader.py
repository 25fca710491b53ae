"""Reading and validating dataset folders: every problem reported at once, with file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

import chaingraph as cgr
from chaingraph.dataset.fixtures import EXPECTED_STATUS


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(root: Path) -> list[str]:
    return [str(p) for p in cgr.validate_dataset(root)]


def test_tiny_dataset_is_valid(tiny_path: Path) -> None:
    assert cgr.validate_dataset(tiny_path) == []
    ds = cgr.load_dataset(tiny_path)
    assert set(ds.segments) == set(EXPECTED_STATUS)
    assert ds.projects["core-project"].investment == cgr.Quantity(34_000_000, "USD")
    assert ds.projects["core-project"].expected_output == cgr.Quantity(700_000_000, "CNY", "at_least")
    assert str(ds.projects["core-project"].trial_date) == "2024-Q4"
    assert ds.firms["motor-local"].aliases == ["电机甲"]
    assert ds.groups["big-group"].fortune500 is True


def test_bad_money_names_file_line_field(tiny_path: Path) -> None:
    edit(tiny_path, "projects.csv", "3400万美元", "3400万刀")
    assert problems(tiny_path) == [
        "projects.csv:2: investment: '3400万刀' is not an amount: write e.g. '34000000 USD', "
        "'~75000000 USD', '>=700000000 CNY' or '3400万美元'"
    ]


def test_unknown_currency_and_inconsistent_qualifier(tiny_path: Path) -> None:
    edit(tiny_path, "projects.csv", "3400万美元", "34000000 XYZ")
    edit(tiny_path, "projects.csv", "超7亿元", "约7亿元以上")
    found = problems(tiny_path)
    assert any(p.startswith("projects.csv:2: investment: ") and "unknown currency 'XYZ'" in p for p in found)
    assert any(p.startswith("projects.csv:2: expected_output: ") and "inconsistent qualifiers" in p for p in found)


def test_money_field_must_be_money(tiny_path: Path) -> None:
    edit(tiny_path, "projects.csv", "1666万美元", "100 t/yr")
    assert any("registered_capital: '100 t/yr' is not money" in p for p in problems(tiny_path))


def test_bad_date_and_wrong_type(tiny_path: Path) -> None:
    edit(tiny_path, "projects.csv", ",2024-01,", ",2024-13,")
    edit(tiny_path, "projects.csv", ",27.8,", ",big,")
    found = problems(tiny_path)
    assert "projects.csv:2: date: '2024-13' is not a date: month 13 is out of range" in found
    assert "projects.csv:2: area_mu: 'big' is not a number" in found


def test_every_problem_is_reported_at_once(tiny_path: Path) -> None:
    edit(tiny_path, "firms.csv", "steel-local,本地钢板,,,,CN", "steel-local,本地钢板,,,,XX")
    edit(tiny_path, "links.csv", "cnc-de,cnc", "cnc-de,cnc-typo")
    edit(tiny_path, "chains/demo-tools.yaml", "importance: 0.8", "importance: high")
    edit(tiny_path, "regions.yaml", "parent: land}\n  - {id: town-park", "parent: lands}\n  - {id: town-park")
    with pytest.raises(cgr.DatasetError) as info:
        cgr.load_dataset(tiny_path)
    text = [str(p) for p in info.value.problems]
    assert "firms.csv:3: country: unknown country code 'XX' (use ISO 3166-1 alpha-2, e.g. CN, JP, DE)" in text
    assert "links.csv:5: segment: unknown segment 'cnc-typo'" in text
    assert "chains/demo-tools.yaml:7: importance: 'high' is not a number" in text
    assert "regions.yaml:3: parent: unknown region 'lands'" in text
    assert len(text) == 4


def test_unknown_references(tiny_path: Path) -> None:
    edit(tiny_path, "projects.csv", ",core-newco,town-park,", ",core-newcoo,nowhere,")
    edit(tiny_path, "ties.csv", "cnc-de,motor-local", "cnc-de,motor-locall")
    edit(tiny_path, "citations.csv", "core-project,investment", "core-projectx,investment")
    found = problems(tiny_path)
    assert "projects.csv:2: firms: unknown firm 'core-newcoo'" in found
    assert "projects.csv:2: region: unknown region 'nowhere'" in found
    assert "ties.csv:2: customer: unknown firm 'motor-locall'" in found
    assert "citations.csv:2: subject: unknown record 'core-projectx'" in found


def test_chain_sources_and_importance_basis(tiny_path: Path) -> None:
    edit(tiny_path, "chains/demo-tools.yaml", "aliases: [机床演示]\n", "aliases: [机床演示]\nsources: [src-demo]\n")
    edit(tiny_path, "chains/demo-tools.yaml", "importance: 0.8}", "importance: 0.8, importance_basis: 进口高}")
    ds = cgr.load_dataset(tiny_path)
    assert ds.chains["demo-tools"].sources == ["src-demo"]
    assert ds.segments["cnc"].importance_basis == "进口高"
    edit(tiny_path, "chains/demo-tools.yaml", "sources: [src-demo]", "sources: [src-demo, gb-missing]")
    assert problems(tiny_path) == ["chains/demo-tools.yaml:1: sources: unknown source 'gb-missing'"]


def test_citation_field_must_exist(tiny_path: Path) -> None:
    edit(tiny_path, "citations.csv", "core-project,investment", "core-project,investmnt")
    assert problems(tiny_path) == ["citations.csv:2: field: 'investmnt' is not a field of project 'core-project'"]


def test_duplicate_ids_across_files(tiny_path: Path) -> None:
    edit(tiny_path, "firms.csv", "cnc-cn,华夏数控", "core-project,华夏数控")
    edit(tiny_path, "links.csv", "cnc-cn,cnc", "core-project,cnc")
    found = problems(tiny_path)
    assert any(p.startswith("projects.csv:2: id: id 'core-project' is already used by a") for p in found) or any(
        p.startswith("firms.csv:6: id: id 'core-project' is already used") for p in found)


def test_duplicate_segment_id(tiny_path: Path) -> None:
    edit(tiny_path, "chains/demo-tools.yaml", "{id: spindle,", "{id: cnc,")
    edit(tiny_path, "chains/demo-tools.yaml", "  - [spindle, machine]\n", "")
    edit(tiny_path, "links.csv", "cnc-jp,spindle", "cnc-jp,machine")
    assert problems(tiny_path) == [
        "chains/demo-tools.yaml:7: id: id 'cnc' is already used by a segment at chains/demo-tools.yaml:6"]


def test_cycle_is_found_across_chains(tiny_path: Path) -> None:
    edit(tiny_path, "chains/demo-tools.yaml", "  - [cnc, machine]\n", "  - [cnc, machine]\n  - [vehicle, cnc]\n")
    found = problems(tiny_path)
    assert len(found) == 1
    assert found[0].startswith("chains/demo-tools.yaml:")
    assert "supplies: supply edges form a cycle:" in found[0]
    for segment in ("cnc", "machine", "motor", "vehicle"):
        assert segment in found[0]


RECYCLE = "  - [motor, vehicle]\n  - {from: vehicle, to: steel, kind: recycle, note: 报废车废钢}\n"


def test_recycle_edge_may_close_a_loop(tiny_path: Path) -> None:
    edit(tiny_path, "chains/demo-auto.yaml", "  - [motor, vehicle]\n", RECYCLE)
    assert problems(tiny_path) == []
    ds = cgr.load_dataset(tiny_path)
    edges = [(e.source, e.target, e.kind, e.note) for e in ds.recycle_edges]
    assert edges == [("vehicle", "steel", "recycle", "报废车废钢")]
    assert all(e.kind == "supply" for e in ds.supply_edges) and len(ds.segment_edges) == len(ds.supply_edges) + 1


def test_supply_cycle_is_still_rejected_beside_a_recycle_edge(tiny_path: Path) -> None:
    edit(tiny_path, "chains/demo-auto.yaml", "  - [motor, vehicle]\n", RECYCLE + "  - [vehicle, steel]\n")
    edit(tiny_path, "chains/demo-tools.yaml", "  - [cnc, machine]\n", "  - {from: cnc, to: machine, kind: loop}\n")
    found = problems(tiny_path)
    assert "chains/demo-auto.yaml:16: supplies: edge vehicle -> steel is given twice" in found
    cycle = "steel -> core -> motor -> vehicle -> steel"
    assert f"chains/demo-auto.yaml:16: supplies: supply edges form a cycle: {cycle}" in found
    assert "chains/demo-tools.yaml:11: kind: 'loop' is not one of supply, recycle" in found


def test_missing_required_files_and_columns(tiny_path: Path) -> None:
    (tiny_path / "sources.csv").unlink()
    edit(tiny_path, "firms.csv", "id,name,", "ident,name,")
    found = problems(tiny_path)
    assert "sources.csv: file is missing" in found
    assert "firms.csv:1: id: required column is missing" in found
    assert any(p.startswith("firms.csv:1: ident: unknown column") for p in found)


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(cgr.DatasetError, match="dataset folder does not exist"):
        cgr.load_dataset(tmp_path / "nope")


def test_yaml_syntax_error_and_duplicate_key(tiny_path: Path) -> None:
    edit(tiny_path, "chains/demo-auto.yaml", "name_en: Demo automotive\n", "name_en: Demo automotive\nname: 又一个\n")
    edit(tiny_path, "regions.yaml", "  - {id: other, name: 别处市, kind: county, parent: land}",
         "  - {id: other, name: [别处市, kind: county")
    found = problems(tiny_path)
    assert "chains/demo-auto.yaml:4: name: key given twice" in found
    assert any(p.startswith("regions.yaml:5: not valid YAML") or p.startswith("regions.yaml:6: not valid YAML")
               for p in found), found


def test_ragged_csv_row(tiny_path: Path) -> None:
    edit(tiny_path, "links.csv", "cnc-jp,cnc,confirmed,src-demo,数控系统", "cnc-jp,cnc,confirmed")
    assert problems(tiny_path) == ["links.csv:4: has 3 cells, the header has 5"]


def test_not_utf8(tiny_path: Path) -> None:
    (tiny_path / "ties.csv").write_bytes("supplier,customer\n甲,乙\n".encode("gb18030"))
    assert problems(tiny_path)[0].startswith("ties.csv: not UTF-8 text")


def test_bad_analysis_parameter(tiny_path: Path) -> None:
    with (tiny_path / "dataset.yaml").open("a", encoding="utf-8") as out:
        out.write("analysis:\n  strong_min_firm: 2\n")
    assert problems(tiny_path)[0].startswith("dataset.yaml:10: analysis: unknown analysis parameter 'strong_min_firm'")


def test_analysis_override_is_used(tiny_path: Path) -> None:
    with (tiny_path / "dataset.yaml").open("a", encoding="utf-8") as out:
        out.write("analysis:\n  strong_min_firms: 1\n")
    cg = cgr.build_graph(cgr.load_dataset(tiny_path))
    assert cgr.gap_report(cg, "demo-auto").segment("steel").status == "strong"


def test_dataset_error_message_lists_problems(tiny_path: Path) -> None:
    edit(tiny_path, "links.csv", "cnc-de,cnc", "cnc-de,cnc-typo")
    with pytest.raises(cgr.DatasetError) as info:
        cgr.load_dataset(tiny_path)
    assert str(info.value) == f"dataset {tiny_path} has 1 problem:\n  links.csv:5: segment: unknown segment 'cnc-typo'"
