"""The bundled Pinghu dataset: the article's firms and figures, the chain templates, the reference pool, and the
gap report a planner who read the article would expect."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

import chaingraph as cgr

ROOT = Path(__file__).resolve().parents[1]
Q = cgr.Quantity


def test_bundled_copy_matches_seeds() -> None:
    seeds = ROOT / "seeds" / "pinghu-2022"
    if not seeds.exists():
        pytest.skip("running from an installed package without the source tree")
    bundled = cgr.bundled_dataset_path()

    def compare(a: Path, b: Path) -> list[str]:
        cmp = filecmp.dircmp(a, b)
        diffs = [f"{a.name}/{n}" for n in cmp.left_only + cmp.right_only + cmp.diff_files]
        _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
        diffs += mismatch + errors
        for sub in cmp.common_dirs:
            diffs += compare(a / sub, b / sub)
        return diffs

    assert compare(seeds, bundled) == [], "run scripts/sync-bundled-data"


def test_dataset_is_valid() -> None:
    assert cgr.validate_dataset() == []


@pytest.mark.parametrize(
    ("project", "field", "value"),
    [
        ("kawaden-motor-core", "registered_capital", Q(16_660_000, "USD")),
        ("kawaden-motor-core", "investment", Q(34_000_000, "USD")),
        ("kawaden-motor-core", "area_mu", 27.8),
        ("kawaden-motor-core", "expected_output", Q(700_000_000, "CNY", "at_least")),
        ("kawaden-motor-core", "date", cgr.parse_date("2022-04")),
        ("kawaden-motor-core", "kind", "expansion"),
        ("nidec-machine-tool-pinghu", "investment", Q(44_000_000, "USD")),
        ("nidec-machine-tool-pinghu", "expected_output", Q(1_500_000_000, "CNY")),
        ("nidec-machine-tool-pinghu", "date", cgr.parse_date("2022-01")),
        ("nidec-machine-tool-pinghu", "region", "pinghu-etdz"),
        ("basf-heraeus-pgm", "investment", Q(75_000_000, "USD", "approx")),
        ("basf-heraeus-pgm", "region", "dushangang"),
        ("basf-heraeus-pgm", "date", cgr.parse_date("2022-02")),
        ("dekuweile-pinghu", "investment", Q(25_000_000, "USD")),
        ("dekuweile-pinghu", "date", cgr.parse_date("2022-03-25")),
        ("allnex-resin-138kt", "investment", Q(200_000_000, "USD")),
        ("allnex-resin-138kt", "fixed_asset_investment", Q(180_000_000, "USD", "approx")),
        ("allnex-resin-138kt", "registered_capital", Q(60_000_000, "USD")),
        ("allnex-resin-138kt", "area_mu", 153),
        ("allnex-resin-138kt", "capacity", Q(138_000, "t/yr")),
        ("allnex-resin-138kt", "start_date", cgr.parse_date("2021-10")),
        ("allnex-resin-138kt", "trial_date", cgr.parse_date("2023-Q2")),
        ("allnex-resin-138kt", "status", "under_construction"),
        ("hanlin-capital-increase", "capital_increase", Q(35_000_000, "USD")),
        ("hanlin-capital-increase", "investment", Q(100_000_000, "USD", "at_least")),
        ("great-wall-pinghu", "investment", Q(10_000_000_000, "CNY", "at_least")),
        ("dmg-mori-pinghu", "date", cgr.parse_date("2021")),
        ("zhongjin-precision-pinghu", "date", cgr.parse_date("2021")),
    ],
)
def test_article_figures(pinghu: cgr.ChainGraph, project: str, field: str, value: object) -> None:
    assert getattr(pinghu.dataset.projects[project], field) == value


def test_article_firms_are_local_and_described(pinghu: cgr.ChainGraph) -> None:
    ds = pinghu.dataset
    expected = {
        "德西福格汽车配件（平湖）有限公司", "浙江川电钢板加工有限公司", "日本电产汽车马达", "日本电产机床",
        "德马吉森精机", "中津精密", "巴斯夫", "贺利氏", "德库威勒", "湛新科技材料（嘉兴）有限公司",
        "汉林（浙江）科技产业发展有限公司",
        "法电优能（平湖）新能源有限公司", "长城汽车", "润泽",
    }
    for name in expected:
        firm = ds.firm(name)
        assert pinghu.is_local(firm, "pinghu"), name
        assert "pinghu-2022-article" in firm.sources, name
    assert ds.firm("湛新").id == ds.firm("湛新科技材料（嘉兴）有限公司").id
    kawaden = ds.firm("川电钢板")
    assert kawaden.country == "JP" and ds.groups[kawaden.group or ""].fortune500 is True
    assert pinghu.fortune500(ds.firm("巴斯夫").id)
    assert pinghu.fortune500(ds.firm("贺利氏").id) is None  # a private family group, not on the 2022 list
    assert pinghu.fortune500(ds.firm("湛新").id) == "泰国国家石油"  # allnex belongs to PTT since 2021
    assert ds.firm("长城汽车").group == ds.firm("蜂巢能源").group == "great-wall-group"
    assert ds.firm("日本电产机床").group == ds.firm("日本电产汽车马达").group == "nidec"
    assert ds.firm("德库威勒").country == "DE"


def test_parks_and_region_facts(pinghu: cgr.ChainGraph) -> None:
    ds = pinghu.dataset
    assert ds.region("中日（平湖）产业合作园").favoured_countries == ["JP"]
    assert ds.region("中德产业合作园").favoured_countries == ["DE"]
    assert ds.region("独山港经济开发区").parent == ds.region("平湖经济技术开发区").parent == "pinghu"
    assert ds.region_ancestors("pinghu") == ["pinghu", "jiaxing", "zhejiang", "china"]
    facts = {(f.metric, f.period): f.value for f in ds.region_facts}
    assert facts[("实际利用外资", "2022-01/2022-04")] == Q(183_400_000, "USD")
    assert facts[("集中签约项目总投资", "2022-05-28")] == Q(10_800_000_000, "CNY")
    assert facts[("集中签约落户高质量制造业项目", "2022-05-28")] == Q(21, "个")
    assert facts[("签约落户招大引强项目总投资", "2022-01/2022-04")] == Q(410_000_000, "USD")


def test_every_figure_is_cited(pinghu: cgr.ChainGraph) -> None:
    ds = pinghu.dataset
    cited = {(c.subject, c.field) for c in ds.citations}
    # a stage date that comes from events.csv is cited by its event's sources and evidence
    stage_field = {"signed": "date", "started": "start_date", "trial": "trial_date"}
    for event in ds.events:
        assert event.sources and event.evidence and len(event.evidence) <= 40, event
        if event.kind in stage_field:
            cited.add((event.project, stage_field[event.kind]))
    for project in ds.projects.values():
        for field in ("investment", "registered_capital", "fixed_asset_investment", "capital_increase",
                      "expected_output", "area_mu", "capacity", "date", "start_date", "trial_date"):
            if getattr(project, field) is not None:
                assert (project.id, field) in cited, (project.id, field)
    for citation in ds.citations:
        assert len(citation.evidence) <= 40, citation  # the figure, not the sentence


def test_chain_templates(pinghu: cgr.ChainGraph) -> None:
    ds = pinghu.dataset
    assert set(ds.chains) == {"automotive", "machine-tool", "new-materials"}
    for chain in ds.chains.values():
        assert len(chain.segments) >= 15
        assert sum(1 for s in chain.segments if s.leading) == 1
        for segment in chain.segments:
            assert segment.name and segment.name_en and segment.keywords and 0 < segment.importance <= 1
    machine = ds.segment("主机")
    assert machine.id == "mt-machine" and machine.leading
    around = set(pinghu.upstream("mt-machine"))
    assert {"mt-spindle", "mt-ball-screw", "mt-linear-guide", "mt-cnc-system"} <= around
    for name in ("工装夹具", "刀具", "量具量仪"):
        assert ds.segment(name, chain="机床").chain == "machine-tool"


def test_templates_follow_published_chain_maps(pinghu: cgr.ChainGraph) -> None:
    ds = pinghu.dataset
    tier = {s.id: s.tier for s in ds.segments.values()}
    # machine tools: CNC systems and functional components upstream, forming machines beside cutting machines
    for segment_id in ("mt-cnc-system", "mt-servo", "mt-spindle", "mt-ball-screw", "mt-linear-guide", "mt-turret",
                       "mt-rotary-table"):
        assert tier[segment_id] == "upstream", segment_id
    assert ds.segment("mt-machine").name == "金属切削机床" and tier["mt-forming-machine"] == "midstream"
    assert ds.segment("锻压机床", chain="机床").id == "mt-forming-machine"
    assert {"mt-cnc-system", "mt-servo"} <= set(pinghu.upstream("mt-forming-machine"))
    assert "auto-stamping" in pinghu.downstream("mt-forming-machine")
    # automotive: the new-energy segments sit where NEV chain maps put them
    assert tier["auto-fuel-cell"] == tier["auto-safety"] == tier["auto-lighting"] == tier["auto-wheel"] == "midstream"
    assert tier["auto-charging"] == tier["auto-battery-recycling"] == "downstream"
    assert "nm-pgm" in pinghu.upstream("auto-fuel-cell")
    assert "nm-battery-foil" in pinghu.upstream("auto-battery")
    assert "nm-semiconductor-materials" in pinghu.upstream("auto-semiconductor")
    # keyword confusions: belts and airbags are not seats, wheels are not tyres, lamps are not trim
    for segment_id, word in (("auto-seat", "安全带"), ("auto-tire", "车轮"), ("auto-interior", "车灯"),
                             ("nm-electronic-chemicals", "光刻胶")):
        assert word not in ds.segment(segment_id).keywords, (segment_id, word)
    for word, segment_id in (("安全气囊", "auto-safety"), ("铝合金轮毂", "auto-wheel"), ("前照灯", "auto-lighting"),
                             ("锂电铜箔", "nm-battery-foil"), ("POE", "nm-polyolefin"),
                             ("半导体硅片", "nm-semiconductor-materials")):
        assert word in ds.segment(segment_id).keywords, (segment_id, word)


def test_template_sources_and_importance_basis(pinghu: cgr.ChainGraph) -> None:
    """Every template names its sources; every weight is the documented function of its three structure scores."""
    ds = pinghu.dataset
    level = {"高": 3, "中": 2, "低": 1}
    for chain in ds.chains.values():
        assert chain.sources and all(s in ds.sources for s in chain.sources), chain.id
        assert any(ds.sources[s].kind == "standard" for s in chain.sources), chain.id
        for segment in chain.segments:
            basis = segment.importance_basis
            assert basis[:2] == "价值" and basis[3:6] == "·壁垒" and basis[7:10] == "·进口", segment.id
            scores = level[basis[2]] + level[basis[6]] + level[basis[10]]
            assert segment.importance == round(scores / 9, 2), segment.id


def test_reference_pool_coverage(pinghu: cgr.ChainGraph) -> None:
    ds = pinghu.dataset
    covered = 0
    for segment_id in ds.segments:
        outside = [f for f in pinghu.firms_of_segment(segment_id) if not pinghu.is_local(f, "pinghu")]
        if len(outside) >= 3:
            covered += 1
    assert covered / len(ds.segments) >= 0.8
    for firm in ds.firms.values():
        if not pinghu.is_local(firm, "pinghu"):
            assert firm.sources and firm.country and firm.headquarters and firm.size, firm.id
            assert all(ds.sources[s].url for s in firm.sources), firm.id


def test_belts_are_not_seats_wheels_not_tyres_lamps_not_trim(pinghu: cgr.ChainGraph) -> None:
    ds = pinghu.dataset
    wrong = {"auto-seat": ("安全带", "气囊"), "auto-tire": ("铝合金车轮", "钢制车轮", "轮毂"),
             "auto-interior": ("车灯", "前照灯")}
    for link in ds.links:
        assert not any(word in link.evidence for word in wrong.get(link.segment, ())), link
    assert {"奥托立夫", "均胜电子", "采埃孚"} <= {ds.firms[f].name for f in pinghu.firms_of_segment("auto-safety")}
    assert "万丰奥威" in {ds.firms[f].name for f in pinghu.firms_of_segment("auto-wheel")}
    assert {"小糸", "星宇股份"} <= {ds.firms[f].name for f in pinghu.firms_of_segment("auto-lighting")}
    assert "通快" in {ds.firms[f].name for f in pinghu.firms_of_segment("mt-forming-machine")}
    assert "通快" not in {ds.firms[f].name for f in pinghu.firms_of_segment("mt-machine")}


def test_new_segments_have_sourced_candidates(pinghu: cgr.ChainGraph) -> None:
    for segment in ("auto-fuel-cell", "auto-charging", "auto-battery-recycling", "auto-safety", "auto-lighting",
                    "auto-wheel", "mt-forming-machine", "nm-semiconductor-materials", "nm-battery-foil",
                    "nm-polyolefin"):
        candidates = cgr.find_targets(pinghu, None, segment, "pinghu", limit=None).candidates
        assert len(candidates) >= 3, segment
        for candidate in candidates:
            firm = pinghu.dataset.firms[candidate.firm.id]
            assert firm.sources and all(pinghu.dataset.sources[s].url for s in firm.sources), firm.id


def test_gap_report_a_planner_would_agree_with(pinghu: cgr.ChainGraph) -> None:
    auto = cgr.gap_report(pinghu, "汽车", "平湖")
    assert auto.segment("auto-drive-motor").status == "strong"
    assert "日本电产汽车马达" in auto.segment("auto-drive-motor").local_firms
    assert auto.segment("auto-motor-core").status == "strong"  # 川电钢板 already makes cores (JFE group)
    assert auto.segment("auto-forging").status == "weak"  # 德西福格 alone
    assert auto.segment("auto-vehicle").status == "pipeline"  # 长城汽车
    tools = cgr.gap_report(pinghu, "机床")
    machine = tools.segment("mt-machine")
    # 日本电产机床 has operated its Pinghu plant since 2024-10 (events.csv); the two 2021 projects are still pipeline
    assert machine.status == "weak" and machine.local_firms == ["日本电产机床"]
    assert set(machine.pipeline_projects) == {"德马吉森精机项目", "中津精密项目"}
    # the dataset holds only the firms the article names: nothing seen is not "missing" but "verify first"
    assert tools.coverage is not None and tools.coverage.kind == "partial"
    assert tools.segment("mt-cnc-system").status == "unknown" and tools.segment("mt-cnc-system").action == "核实"
    materials = cgr.gap_report(pinghu, "新材料")
    assert materials.segment("nm-pgm").status == "strong"  # the BASF-Heraeus plant has operated since 2024-01
    assert materials.segment("nm-resin").status == "pipeline"
    # 川电钢板 slits and stamps bought-in electrical steel into motor cores; it does not make the steel
    steel = materials.segment("nm-electrical-steel")
    assert steel.status != "strong" and "川电钢板" not in steel.local_firms
    # 日本电产汽车马达 makes EPS motors, not steering systems
    eps = auto.segment("auto-eps")
    assert eps.status != "strong" and "日本电产汽车马达" not in eps.local_firms
    # cross-chain: the rare-earth magnet gap is pulled by Pinghu's strong drive motors
    magnet = materials.segment("nm-rare-earth-magnet")
    assert any("驱动电机［汽车］ 强（日本电产汽车马达）" in r for r in magnet.reasons)


def test_targets_for_cnc_systems(pinghu: cgr.ChainGraph) -> None:
    result = cgr.find_targets(pinghu, "machine-tool", "数控系统")
    names = [c.firm.name for c in result.candidates]
    assert len(names) >= 5 and "发那科" in names and "华中数控" in names
    fanuc = next(c for c in result.candidates if c.firm.name == "发那科")
    assert "中日（平湖）产业合作园 匹配（日本企业）" in fanuc.reasons


def test_second_round_investment_is_found(pinghu: cgr.ChainGraph) -> None:
    """Other Nidec units are 二次招商 candidates because Nidec already has two firms in Pinghu."""
    hits = [c for seg in pinghu.dataset.segments for c in cgr.find_targets(pinghu, None, seg, limit=None).candidates
            if any(r.startswith("二次招商：同属日本电产") for r in c.reasons)]
    assert hits


def test_pool_has_no_duplicate_firms(pinghu: cgr.ChainGraph) -> None:
    """One company is one firm with several links: no two firms share a legal name, or a name and a country."""
    def norm(text: str) -> str:
        return "".join(ch for ch in text.casefold() if ch.isalnum())

    seen: dict[tuple[str, ...], str] = {}
    for firm in pinghu.dataset.firms.values():
        keys = [("name", norm(firm.name), firm.country or "")]
        if firm.legal_name:
            keys.append(("legal", norm(firm.legal_name)))
        for key in keys:
            assert key not in seen, f"{firm.id} duplicates {seen[key]}"
            seen[key] = firm.id
    merged = {"三菱电机": {"mt-cnc-system", "auto-semiconductor"}, "舍弗勒": {"mt-bearing", "auto-powertrain"},
              "乔治费歇尔": {"mt-machine", "auto-die-casting"}, "住友电工": {"mt-cutting-tool", "auto-wiring"},
              "巴斯夫环境催化与金属解决方案": {"nm-pgm", "auto-catalyst"},
              "山特维克可乐满": {"mt-cutting-tool", "nm-hard-alloy"}}
    links = pinghu.dataset.links
    for name, segments in merged.items():
        firm = pinghu.dataset.firm(name)
        assert segments <= {link.segment for link in links if link.firm == firm.id}, name


def test_parent_groups_give_fortune_and_second_round_reasons(pinghu: cgr.ChainGraph) -> None:
    assert pinghu.fortune500(pinghu.dataset.firm("伊斯卡").id) == "伯克希尔·哈撒韦"
    assert pinghu.fortune500(pinghu.dataset.firm("阿朗新科").id) == "沙特阿美"
    assert pinghu.fortune500(pinghu.dataset.firm("时代电气").id) == "中国中车"
    battery = cgr.find_targets(pinghu, "automotive", "auto-battery", limit=None)
    svolt = next(c for c in battery.candidates if c.firm.name == "蜂巢能源")
    assert any(r.startswith("二次招商：同属长城汽车系") for r in svolt.reasons)


def test_article_claims_file_names_real_segments_and_sources(pinghu: cgr.ChainGraph) -> None:
    """claims.csv (read by the coverage feature) records what the article asserts, with a short snippet each."""
    import csv

    ds = pinghu.dataset
    with open(cgr.bundled_dataset_path() / "claims.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and list(rows[0]) == ["region", "segment", "asserts", "sources", "evidence", "note"]
    for row in rows:
        assert row["region"] in ds.regions and row["segment"] in ds.segments, row
        assert row["asserts"] in {"present", "strong", "lacking"}, row
        assert all(s in ds.sources for s in row["sources"].split("|")), row
        assert 0 < len(row["evidence"]) <= 20 and row["note"], row
    claimed = {row["segment"]: row["asserts"] for row in rows}
    assert claimed["mt-machine"] == "strong" and claimed["mt-cutting-tool"] == "present"
    assert "mt-cnc-system" not in claimed  # the article names functional components, not CNC systems


def test_events_after_the_article_and_the_chain_as_of_the_article(pinghu: cgr.ChainGraph) -> None:
    from chaingraph.analysis.asof import dataset_as_of

    ds = pinghu.dataset
    assert ds.projects["nidec-machine-tool-pinghu"].status == "operating"
    assert str(ds.projects["nidec-machine-tool-pinghu"].start_date) == "2023-03"
    assert ds.projects["basf-heraeus-pgm"].status == "operating"
    then = cgr.build_graph(dataset_as_of(ds, "2022-06-01"))  # the article's picture
    machine = cgr.gap_report(then, "机床").segment("mt-machine")
    assert machine.status == "pipeline"
    assert set(machine.pipeline_projects) == {"日本电产机床项目", "德马吉森精机项目", "中津精密项目"}
    assert cgr.gap_report(then, "新材料").segment("nm-pgm").status == "pipeline"
