"""import-chainkg: a ChainKnowledgeGraph copy (our own tiny fixture in its format) -> reference firms and links."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import chaingraph as cgr
from chaingraph.cli import cli
from chaingraph.sources.chainkg import default_mapping_path, import_chainkg, read_chainkg, read_industry_mapping
from chaingraph.sources.sheets import SheetError

FIXTURE = Path(__file__).parent / "fixtures" / "chainkg"


@pytest.fixture
def pinghu_copy(tmp_path: Path) -> Path:
    return cgr.write_dataset(cgr.load_dataset(), tmp_path / "pinghu")


def test_shipped_mapping_matches_the_bundled_chains() -> None:
    mapping = read_industry_mapping(default_mapping_path(), cgr.load_dataset())
    assert mapping.industries["磁性材料"] == (["nm-rare-earth-magnet"], "probable")
    assert default_mapping_path().is_file()


def test_import_reference_firms_and_links(pinghu_copy: Path) -> None:
    before = cgr.load_dataset(pinghu_copy)
    plan = import_chainkg(pinghu_copy, FIXTURE)
    assert plan.applied and plan.skipped == 1  # the bank maps to no segment
    ds = cgr.load_dataset(pinghu_copy)
    links = {(link.firm, link.segment): link for link in ds.links}
    steel = ds.firm("示例硅钢")
    assert steel.region is None and steel.country == "CN" and "900001" in steel.aliases
    assert links[(steel.id, "nm-electrical-steel")].confidence == "probable"  # by its product
    assert links[(steel.id, "nm-electrical-steel")].evidence == "主营产品 无取向硅钢片"
    cnc = ds.firm("示例数控")
    assert links[(cnc.id, "mt-cnc-system")].confidence == "probable"
    assert links[(cnc.id, "mt-servo")].confidence == "guessed"  # by its industry 工控设备
    car = ds.firm("示例新能源车")
    assert "属 电动乘用车" in links[(car.id, "auto-vehicle")].evidence  # mapped through its parent industry
    # 宁德时代 is already in the dataset: matched by name, never duplicated
    assert len([f for f in ds.firms.values() if f.name == "宁德时代"]) == 1
    assert len(ds.firms) == len(before.firms) + 4
    assert "chainkg" in ds.sources
    # the new reference firms are candidates for Pinghu
    targets = cgr.find_targets(cgr.build_graph(ds), "machine-tool", "数控系统", limit=None)
    assert cnc.id in [c.firm.id for c in targets.candidates]
    again = import_chainkg(pinghu_copy, FIXTURE)
    assert not again.changed


def test_coarse_industries_let_the_product_decide(pinghu_copy: Path, tmp_path: Path) -> None:
    """Lamps are not trim, wheels are not tyres: a product rule decides inside an industry that spans both."""
    kg = tmp_path / "kg"
    shutil.copytree(FIXTURE, kg)

    def add(name: str, line: str) -> None:
        with (kg / name).open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")

    for n, (company, industry, product) in enumerate([("示例车灯", "车身附件及饰件", "LED前照灯"),
                                                      ("示例车轮", "轮胎轮毂", "铝合金车轮"),
                                                      ("示例轮胎", "轮胎轮毂", None)]):
        add("company.json", f'{{"name": "{company}", "fullname": "{company}股份有限公司", "code": "90010{n}"}}')
        add("company_industry.json", json.dumps({"company_name": company, "industry_name": industry}))
        if product:
            add("company_product.json", json.dumps({"company_name": company, "product_name": product}))
    import_chainkg(pinghu_copy, kg)
    ds = cgr.load_dataset(pinghu_copy)
    segments = {name: {(link.segment, link.confidence) for link in ds.links if link.firm == ds.firm(name).id}
                for name in ("示例车灯", "示例车轮", "示例轮胎")}
    assert segments["示例车灯"] == {("auto-lighting", "probable")}
    assert segments["示例车轮"] == {("auto-wheel", "probable")}
    assert segments["示例轮胎"] == {("auto-tire", "guessed"), ("auto-wheel", "guessed")}  # no product: either


def test_mapping_spans_must_be_segments(tmp_path: Path) -> None:
    bad = tmp_path / "mapping.yaml"
    bad.write_text("industries:\n  - {name: 轮胎轮毂, segments: [auto-tire], spans: [auto-rim]}\n", encoding="utf-8")
    with pytest.raises(SheetError, match="spans: unknown segment 'auto-rim'"):
        read_industry_mapping(bad, cgr.load_dataset())


def test_dry_run_and_cli(pinghu_copy: Path) -> None:
    before = (pinghu_copy / "firms.csv").read_bytes()
    result = CliRunner().invoke(cli, ["--data", str(pinghu_copy), "import-chainkg", str(FIXTURE), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "示例磁材" in result.output and "dry run" in result.output
    assert (pinghu_copy / "firms.csv").read_bytes() == before


def test_bad_files_and_mapping(tmp_path: Path, pinghu_copy: Path) -> None:
    broken = tmp_path / "ckg"
    shutil.copytree(FIXTURE, broken)
    with (broken / "company_industry.json").open("a", encoding="utf-8") as out:
        out.write('{"company_name": "示例X"}\nnot json\n')
    with pytest.raises(SheetError) as caught:
        read_chainkg(broken)
    assert "company_industry.json:7: industry_name: missing" in str(caught.value)
    assert "company_industry.json:8: not JSON" in str(caught.value)
    (broken / "company.json").unlink()
    with pytest.raises(SheetError, match="company.json: file is missing"):
        read_chainkg(broken)
    mapping = tmp_path / "m.yaml"
    mapping.write_text("industries:\n  - {name: 磁性材料, segments: [no-such-segment]}\n", encoding="utf-8")
    with pytest.raises(SheetError, match="m.yaml:2: segments: unknown segment 'no-such-segment'"):
        import_chainkg(pinghu_copy, FIXTURE, mapping)
