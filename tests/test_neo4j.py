"""The Neo4j backend against a real Neo4j 5.26 (scripts/neo4j-test-server, started by conftest's fixtures).

Parity: gap reports and target lists computed by Cypher (Neo4jFacts) equal the networkx ones, on Pinghu and on a
generated multi-region dataset. Pushes are idempotent, survive a kill -9 of the server, keep hostile names
verbatim; wipe touches chaingraph's nodes only; errors are one clear line; the CLI and the documented Cypher
queries work.
"""

from __future__ import annotations

import copy
import json
import random
import re
import socket
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

import neo4j
import pytest
from click.testing import CliRunner

import chaingraph as cgr
from chaingraph.analysis.facts import NxFacts
from chaingraph.cli import cli
from chaingraph.dataset.model import Firm, Group, Link, Project, Region, Source, Tie, parse_date, parse_quantity
from chaingraph.engines import neo4j_facts as facts_module
from chaingraph.engines.neo4j import (
    Neo4jBackend,
    Neo4jSettings,
    check_version,
    connect,
    create_nodes_query,
    create_relationships_query,
    merge_nodes_query,
    merge_relationships_query,
    merge_summaries_query,
    translate_error,
    wipe_label_query,
)
from chaingraph.engines.neo4j_schema import (
    NODE_LABELS,
    NODE_PROPERTIES,
    REL_TYPES,
    RELATIONSHIPS,
    label,
    push_rows,
    rel_type,
    schema_markdown,
)
from chaingraph.engines.neo4j_summary import SUMMARY_LABELS, SUMMARY_MARKER, summary_label

neo4j_marker = pytest.mark.neo4j
DOCS = Path(__file__).resolve().parent.parent / "docs" / "neo4j.md"

HOSTILE_NAMES = [
    "x'}) DETACH DELETE n //",
    "<script>alert('x')</script>",
    "`Backtick` Works`) MATCH (m) DETACH DELETE m //",
    "Quote \"Double\" & 'Single' Co",
    "Robert'); MATCH (n) DETACH DELETE n; //",
    "$dataset {id: 'x'} \\ back\\slash",
]


# ------------------------------------------------------------------------------------------------ generator


def generate_multi_region(root: Path, seed: int = 7, firms: int = 2400) -> Path:
    """A deterministic dataset over 30 counties of one province (parks with favoured countries), ~2.4k firms in
    the segments of the bundled chain templates, groups, ties, projects in every status, and hostile names.

    Counties specialise in a couple of clusters of segments, so relatedness has signal; edge cases the parity
    must survive are planted on purpose: duplicate ties, a project naming a firm twice, a project without
    firms, guessed-only links, operating projects of non-local firms, reference firms without a region.
    """
    rng = random.Random(seed)
    template = cgr.load_dataset()
    chains = copy.deepcopy(template.chains)
    segments = [s.id for chain in chains.values() for s in chain.segments]
    source = Source("src-gen", "生成的测试数据", publisher="chaingraph tests", date=parse_date("2024-05"),
                    kind="report")
    regions: dict[str, Region] = {"cn": Region("cn", "中国", "country", name_en="China")}
    regions["prov"] = Region("prov", "测试省", "province", parent="cn")
    for c in range(4):
        regions[f"city-{c}"] = Region(f"city-{c}", f"测试市{c}", "city", parent="prov")
    counties = [f"county-{i:02d}" for i in range(30)]
    for i, rid in enumerate(counties):
        regions[rid] = Region(rid, f"测试县{i:02d}", "county", parent=f"city-{i % 4}", aliases=[f"县{i:02d}"])
    favoured = [["JP"], ["DE"], ["KR", "US"], [], ["JP", "DE"]]
    parks = []
    for i in range(0, 30, 3):
        pid = f"park-{i:02d}"
        regions[pid] = Region(pid, f"测试县{i:02d}产业园", "park", parent=f"county-{i:02d}",
                              favoured_countries=favoured[(i // 3) % len(favoured)])
        parks.append(pid)
    county_of = {p: regions[p].parent for p in parks}

    shuffled = segments[:]
    rng.shuffle(shuffled)
    clusters = [shuffled[i:i + 6] for i in range(0, len(shuffled), 6)]
    profile = {c: [s for k in rng.sample(range(len(clusters)), 2) for s in clusters[k]] for c in counties}

    groups: dict[str, Group] = {}
    for g in range(40):
        gid = f"grp-{g:02d}"
        groups[gid] = Group(gid, f"测试集团{g:02d}", country=rng.choice(["JP", "DE", "US", "CN", "KR"]),
                            fortune500=rng.choice([True, False, None, None, None]), sources=["src-gen"])
    groups["grp-hostile"] = Group("grp-hostile", HOSTILE_NAMES[0] + " 集团", country="US", fortune500=True,
                                  sources=["src-gen"])

    countries = ["CN", "JP", "DE", "US", "KR", "FR"]
    firm_records: dict[str, Firm] = {}
    links: list[Link] = []
    for n in range(firms):
        fid = f"f{n:04d}"
        roll = rng.random()
        region = None if roll < 0.15 else rng.choice(parks) if roll < 0.3 else rng.choice(counties)
        county = county_of.get(region or "", region)
        group = rng.choice(list(groups)) if rng.random() < 0.25 else None
        firm_records[fid] = Firm(
            fid, f"测试企业{n:04d}", country=rng.choices(countries, [70, 10, 8, 6, 4, 2])[0], group=group,
            fortune500=True if rng.random() < 0.02 else (False if rng.random() < 0.3 else None),
            size=rng.choices(["leader", "large", "medium", "small", ""], [3, 12, 30, 40, 15])[0], region=region,
            headquarters="" if region else rng.choice(["日本东京", "德国斯图加特", "美国底特律", "上海"]),
            sources=["src-gen"])
        pool = profile[county] if county and rng.random() < 0.85 else segments
        for segment in dict.fromkeys(rng.choice(pool) for _ in range(rng.choice([1, 1, 1, 2, 2, 3]))):
            links.append(Link(fid, segment, rng.choices(["confirmed", "probable", "guessed"], [70, 20, 10])[0],
                              sources=["src-gen"], evidence=f"证据 {n}"))

    # hostile names: local firms in county-00 (one in its park), one reference firm abroad
    hostile_ids = []
    for k, name in enumerate(HOSTILE_NAMES):
        fid = f"hostile-{k}"
        hostile_ids.append(fid)
        firm_records[fid] = Firm(fid, name, legal_name=name + " 有限公司", aliases=[name[:8], "别名" + name[-4:]],
                                 country="US" if k == 5 else "JP", group="grp-hostile" if k % 2 else None,
                                 size="large", region=None if k == 5 else ("park-00" if k == 4 else "county-00"),
                                 headquarters=name if k == 5 else "", note=name, sources=["src-gen"])
        for segment in rng.sample(profile["county-00"], 2) + ([segments[0]] if k == 5 else []):
            links.append(Link(fid, segment, "confirmed", sources=["src-gen"], evidence=name))

    firm_ids = list(firm_records)
    local00 = [f for f in firm_ids if firm_records[f].region in ("county-00", "park-00")]
    ties: list[Tie] = []
    for _ in range(400):
        supplier, customer = rng.sample(firm_ids, 2)
        ties.append(Tie(supplier, customer, product=rng.choice(["铸件", "轴承", "电机", HOSTILE_NAMES[1]]),
                        sources=["src-gen"]))
    for _ in range(60):  # suppliers and customers of county-00's firms
        outsider = rng.choice(firm_ids)
        local = rng.choice(local00)
        pair = (outsider, local) if rng.random() < 0.5 else (local, outsider)
        ties.append(Tie(*pair, product="配套件", sources=["src-gen"]))
    ties.append(Tie(ties[0].supplier, ties[0].customer, product="第二种产品", sources=["src-gen"]))  # duplicate pair
    ties.append(Tie("hostile-5", "hostile-0", product=HOSTILE_NAMES[2], sources=["src-gen"]))

    statuses = ["signed", "under_construction", "trial", "operating", "cancelled"]
    projects: dict[str, Project] = {}
    for n in range(160):
        pid = f"p{n:03d}"
        members = rng.sample(firm_ids, rng.choice([1, 1, 2]))
        if n == 3:
            members = [members[0], members[0]]  # a firm named twice
        if n == 4:
            members = []  # no firms: not a presence anywhere
        region = rng.choice(["county-00", "park-00", "park-03"]) if n % 5 == 0 else (
            None if n % 17 == 0 else rng.choice(counties + parks))
        projects[pid] = Project(
            pid, f"测试项目{n:03d}" + (f"（{HOSTILE_NAMES[n % len(HOSTILE_NAMES)]}）" if n % 11 == 0 else ""),
            firms=members, region=region, kind=rng.choice(["new", "expansion"]),
            status=rng.choices(statuses, [25, 20, 10, 30, 15])[0],
            date=parse_date(f"{rng.choice([2021, 2022, 2023, 2024])}-{rng.randint(1, 12):02d}"),
            investment=parse_quantity(f"{rng.randint(1, 90)}00万美元"), area_mu=float(rng.randint(10, 300)),
            segments=list(dict.fromkeys(rng.choice(segments) for _ in range(rng.choice([1, 1, 2])))),
            sources=["src-gen"])

    # coverage: complete registries for most counties, partial for one (and for one chain of another), so that
    # 'missing' and 'unknown' both occur; claims of every kind, some on segments with firms
    first_chain = next(iter(chains))
    coverage = [cgr.Coverage(c, "registry", as_of=parse_date("2024-01"), sources=["src-gen"])
                for c in counties if c != "county-01"]
    coverage.append(cgr.Coverage("county-02", "partial", chain=first_chain, note=HOSTILE_NAMES[1]))
    info = cgr.DatasetInfo(id="multi-region", name="多地区测试数据集", as_of=parse_date("2024-06"),
                           default_region="county-00", name_en="Generated multi-region dataset", coverage=coverage)
    claims: dict[tuple[str, str, str], cgr.Claim] = {}
    for n in range(40):
        key = (rng.choice(counties + parks), rng.choice(segments), rng.choice(["present", "strong", "lacking"]))
        claims.setdefault(key, cgr.Claim(*key, sources=["src-gen"],
                                         evidence=f"称{n}" + (HOSTILE_NAMES[n % len(HOSTILE_NAMES)] if n < 3 else "")))
    cited = {s: template.sources[s] for chain in chains.values() for s in chain.sources}  # the templates' own
    ds = cgr.Dataset(info=info, chains=chains, regions=regions, sources={source.id: source, **cited}, groups=groups,
                     firms=firm_records, links=links, ties=ties, projects=projects, claims=list(claims.values()))
    return cgr.write_dataset(ds, root)


# ------------------------------------------------------------------------------------------------ comparisons


def assert_same(a: Any, b: Any, where: str = "") -> None:
    """Deep equality of results, floats to 1e-9, order included."""
    if isinstance(a, float) or isinstance(b, float):
        assert isinstance(a, int | float) and isinstance(b, int | float), where
        assert a == pytest.approx(b, abs=1e-9, rel=1e-9), where
    elif is_dataclass(a) and not isinstance(a, type):
        assert type(a) is type(b), where
        for f in fields(a):
            if f.compare:
                assert_same(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}")
    elif isinstance(a, list | tuple):
        assert type(a) is type(b) and len(a) == len(b), f"{where}: {a!r} != {b!r}"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            assert_same(x, y, f"{where}[{i}]")
    elif isinstance(a, dict):
        assert isinstance(b, dict) and list(a) == list(b), f"{where}: keys {list(a)} != {list(b)}"
        for key in a:
            assert_same(a[key], b[key], f"{where}[{key!r}]")
    else:
        assert a == b, f"{where}: {a!r} != {b!r}"


def assert_gap_parity(cg: cgr.ChainGraph, facts: Any, chain: str, region: str,
                      params: cgr.AnalysisParams | None = None) -> cgr.GapReport:
    expected = cgr.gap_report(cg, chain, region, params=params)
    actual = cgr.gap_report(facts, chain, region, params=params)
    assert_same(expected, actual, f"gaps {chain}/{region}")
    assert [g.segment.id for g in expected.ranked()] == [g.segment.id for g in actual.ranked()]
    assert json.dumps(expected.to_dict(), ensure_ascii=False) == json.dumps(actual.to_dict(), ensure_ascii=False)
    for limit in (None, 1):  # every local firm, or one, with the same counts
        assert cgr.gap_report(cg, chain, region, params=params, firm_limit=limit).to_dict() == \
            cgr.gap_report(facts, chain, region, params=params, firm_limit=limit).to_dict()
    return expected


def assert_target_parity(cg: cgr.ChainGraph, facts: Any, segment: str, region: str) -> cgr.TargetList:
    expected = cgr.find_targets(cg, None, segment, region, limit=None)
    actual = cgr.find_targets(facts, None, segment, region, limit=None)
    assert_same(expected, actual, f"targets {segment}/{region}")
    for limit in (10, 2):  # ranked in Cypher from the summaries: the same winners, order and total
        assert_same(cgr.find_targets(cg, None, segment, region, limit=limit),
                    cgr.find_targets(facts, None, segment, region, limit=limit), f"targets {segment}/{region}/{limit}")
    return expected


# ------------------------------------------------------------------------------------------------ fixtures


@pytest.fixture(scope="module")
def multi_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_multi_region(tmp_path_factory.mktemp("multi") / "multi-region")


@pytest.fixture(scope="module")
def multi(multi_path: Path) -> cgr.ChainGraph:
    return cgr.build_graph(cgr.load_dataset(multi_path))


@pytest.fixture(scope="module")
def backend(neo4j_uri: str) -> Iterator[Neo4jBackend]:
    with connect(Neo4jSettings(neo4j_uri)) as connected:
        yield connected


@pytest.fixture(scope="module")
def pushed(backend: Neo4jBackend, pinghu: cgr.ChainGraph, multi: cgr.ChainGraph) -> dict[str, Any]:
    """Pinghu and the multi-region dataset pushed to the shared server, with the unrelated nodes made first."""
    backend.write("CREATE (:Unrelated {name: 'keep me', dataset: 'pinghu-2022', id: 'pinghu'})")
    backend.write("CREATE (:Firm {name: 'not ours', dataset: 'multi-region', id: 'f0001'})")
    return {"pinghu": backend.push(pinghu), "multi": backend.push(multi, batch_size=1000)}


@pytest.fixture(scope="module")
def scratch_server(neo4j_server_factory: Any) -> Any:
    """A second server, for tests that kill the server or wipe everything."""
    return neo4j_server_factory("scratch")


def _tiny_copy(tmp_path: Path, dataset_id: str) -> Path:
    from chaingraph.dataset.fixtures import write_tiny_dataset

    root = write_tiny_dataset(tmp_path / dataset_id)
    text = (root / "dataset.yaml").read_text(encoding="utf-8")
    (root / "dataset.yaml").write_text(text.replace("id: tiny", f"id: {dataset_id}", 1), encoding="utf-8")
    return root


# ------------------------------------------------------------------------------------------------ schema (no server)


def test_schema_mirrors_networkx(pinghu: cgr.ChainGraph) -> None:
    assert list(NODE_LABELS) == list(cgr.NODE_KINDS)
    assert list(REL_TYPES) == list(cgr.EDGE_KINDS)
    assert {spec.kind for spec in RELATIONSHIPS} == set(cgr.EDGE_KINDS)
    assert all(rel_type(kind) == kind.upper() for kind in cgr.EDGE_KINDS)
    # every networkx node attribute is a property of its label
    g = pinghu.graph
    for _, attrs in g.nodes(data=True):
        kind = attrs["kind"]
        assert set(attrs) - {"kind"} <= set(NODE_PROPERTIES[kind]), kind
    # every networkx edge is one of the documented families, with its attributes
    labels = {node: attrs["kind"] for node, attrs in g.nodes(data=True)}
    for u, v, key, attrs in g.edges(keys=True, data=True):
        spec = next(s for s in RELATIONSHIPS if s.kind == key and s.target == labels[v]
                    and labels[u] in s.source.split("|"))
        assert set(attrs) <= set(spec.properties), (key, attrs)


def test_labels_and_types_only_from_the_allowlist() -> None:
    with pytest.raises(ValueError):
        label("Firm) DETACH DELETE n //")
    with pytest.raises(ValueError):
        rel_type("SUPPLIES]->() DETACH DELETE n //")
    with pytest.raises(ValueError):
        summary_label("LocalSummary) DETACH DELETE n //")
    queries = [merge_nodes_query(kind) for kind in NODE_LABELS] + [merge_relationships_query(s) for s in RELATIONSHIPS]
    queries += [create_nodes_query(kind) for kind in NODE_LABELS]
    queries += [create_relationships_query(s) for s in RELATIONSHIPS]
    assert all("CREATE (a)-" in create_relationships_query(s) for s in RELATIONSHIPS)
    queries += [wipe_label_query(kind) for kind in NODE_LABELS]
    queries += [merge_summaries_query(name) for name in SUMMARY_LABELS]
    queries += list(facts_module.QUERIES.values())
    allowed = {*NODE_LABELS.values(), *REL_TYPES.values(), "Chaingraph", "ChaingraphDataset", SUMMARY_MARKER,
               *SUMMARY_LABELS}
    for query in queries:
        # nothing but allowlisted names after a colon in a pattern
        for name in re.findall(r"[(\[]\w*:([A-Za-z_:|]+)", query):
            for part in re.split(r"[:|]", name):
                assert part in allowed, part


def test_docs_schema_table_is_generated_from_the_code() -> None:
    text = DOCS.read_text(encoding="utf-8")
    start, end = text.index("<!-- schema:start -->\n"), text.index("<!-- schema:end -->")
    assert text[start + len("<!-- schema:start -->\n"):end].strip() == schema_markdown().strip()


def test_settings_from_env_and_credentials_never_shown() -> None:
    with pytest.raises(cgr.BackendError, match="NEO4J_URI is not set"):
        Neo4jSettings.from_env({})
    settings = Neo4jSettings.from_env({"NEO4J_URI": "neo4j://db.example:7687", "NEO4J_USERNAME": "planner",
                                       "NEO4J_PASSWORD": "S3cret-pw!"})
    assert settings.database == "neo4j" and settings.auth == ("planner", "S3cret-pw!")
    assert "S3cret" not in repr(settings)
    assert Neo4jSettings.from_env({"NEO4J_URI": "bolt://x", "NEO4J_DATABASE": "team"}).auth is None
    with pytest.raises(cgr.BackendError, match="must not contain a user or password") as info:
        Neo4jSettings("bolt://planner:S3cret-pw!@db:7687").check_uri()
    assert "S3cret" not in str(info.value)
    with pytest.raises(cgr.BackendError, match="not a Bolt URI"):
        Neo4jBackend(Neo4jSettings("http://db:7474"))


def test_wrong_password_becomes_a_backend_error_without_the_password() -> None:
    settings = Neo4jSettings("bolt://db.example:7687", "planner", "S3cret-pw!")
    for exc in (neo4j.exceptions.AuthError("The client is unauthorized due to authentication failure."),
                neo4j.exceptions.AuthError("bad login for planner with S3cret-pw!")):
        error = translate_error(exc, settings)
        assert isinstance(error, cgr.BackendError) and error.exit_code == 5
        assert "refused the login" in str(error) and "NEO4J_PASSWORD" in str(error)
        assert "S3cret" not in str(error)


def test_old_neo4j_is_refused() -> None:
    assert check_version(["5.26.30"]) == "5.26.30"
    with pytest.raises(cgr.BackendError, match="Neo4j 4.4.12 is too old"):
        check_version(["4.4.12"])
    with pytest.raises(cgr.BackendError, match="too old"):
        check_version(["3.5.35"])


# ------------------------------------------------------------------------------------------------ push


@neo4j_marker
def test_push_mirrors_the_networkx_graph(backend: Neo4jBackend, pushed: dict[str, Any],
                                         pinghu: cgr.ChainGraph) -> None:
    result = pushed["pinghu"]
    g = pinghu.graph
    assert result.nodes == g.number_of_nodes() and result.relationships == g.number_of_edges()
    by_label = {row["label"]: row["n"] for row in backend.read(
        "MATCH (n:Chaingraph {dataset: $d}) UNWIND labels(n) AS label RETURN label, count(*) AS n", d="pinghu-2022")}
    kinds: dict[str, int] = {}
    for _, kind in g.nodes(data="kind"):
        kinds[kind] = kinds.get(kind, 0) + 1
    assert by_label == {"Chaingraph": g.number_of_nodes(), **kinds}
    by_type = {row["type"]: row["n"] for row in backend.read(
        "MATCH (:Chaingraph {dataset: $d})-[r]->(:Chaingraph {dataset: $d}) RETURN type(r) AS type, count(*) AS n",
        d="pinghu-2022")}
    edges: dict[str, int] = {}
    for _, _, key in g.edges(keys=True):
        edges[key.upper()] = edges.get(key.upper(), 0) + 1
    assert by_type == edges
    state = backend.dataset_state("pinghu-2022")
    assert state is not None and state.complete and state.nodes == result.nodes


@neo4j_marker
def test_push_is_idempotent(backend: Neo4jBackend, pushed: dict[str, Any], pinghu: cgr.ChainGraph) -> None:
    before = backend.status()
    total_before = backend.read("MATCH (n) RETURN count(n) AS n")[0]["n"]
    again = backend.push(pinghu, batch_size=300)
    assert (again.nodes, again.relationships) == (pushed["pinghu"].nodes, pushed["pinghu"].relationships)
    assert again.removed_nodes == again.removed_relationships == 0
    after = backend.status()
    assert after.nodes == before.nodes and after.relationships == before.relationships
    assert backend.read("MATCH (n) RETURN count(n) AS n")[0]["n"] == total_before
    assert [(d.id, d.state, d.nodes, d.relationships) for d in after.datasets] == \
        [(d.id, d.state, d.nodes, d.relationships) for d in before.datasets]


@neo4j_marker
def test_changed_values_update_and_stale_records_go(backend: Neo4jBackend, tmp_path: Path) -> None:
    root = _tiny_copy(tmp_path, "tiny-edit")
    backend.push(cgr.load_dataset(root))
    with (root / "dataset.yaml").open("a", encoding="utf-8") as out:  # the dataset's own analysis parameters
        out.write("analysis:\n  strong_min_firms: 2\n  bonus_country_fit: 0.25\n")
    firms = (root / "firms.csv").read_text(encoding="utf-8")
    firms = firms.replace("steel-local,本地钢板,,,,CN,,,medium", "steel-local,本地钢板,,,,CN,,yes,leader")
    firms = "\n".join(line for line in firms.splitlines() if not line.startswith("machine-other")) + "\n"
    firms += "cnc-new,新数控,,,,KR,,,large,,韩国,,src-demo,\n"
    (root / "firms.csv").write_text(firms, encoding="utf-8")
    links = (root / "links.csv").read_text(encoding="utf-8")
    links = "\n".join(line for line in links.splitlines()
                      if not line.startswith(("machine-other", "cnc-cn,"))) + "\ncnc-new,cnc,probable,src-demo,\n"
    (root / "links.csv").write_text(links, encoding="utf-8")
    cg = cgr.build_graph(cgr.load_dataset(root))
    result = backend.push(cg)
    assert result.removed_nodes == 1 and result.removed_relationships >= 2
    assert (result.nodes, result.relationships) == (cg.graph.number_of_nodes(), cg.graph.number_of_edges())
    steel = backend.read("MATCH (f:Chaingraph:Firm {dataset: 'tiny-edit', id: 'steel-local'}) RETURN f {.*} AS f")
    assert steel[0]["f"]["size"] == "leader" and steel[0]["f"]["fortune500"] is True
    facts = backend.facts("tiny-edit")
    assert facts.params == cgr.AnalysisParams(strong_min_firms=2, bonus_country_fit=0.25)
    for chain in ("demo-auto", "demo-tools"):
        assert_gap_parity(cg, facts, chain, "town")
    assert [c.firm.id for c in assert_target_parity(cg, facts, "cnc", "town").candidates][-1] == "cnc-new"
    backend.wipe("tiny-edit")


# ------------------------------------------------------------------------------------------------ parity


@neo4j_marker
def test_gap_parity_pinghu(backend: Neo4jBackend, pushed: dict[str, Any], pinghu: cgr.ChainGraph) -> None:
    facts = backend.facts("pinghu-2022")
    for chain in pinghu.dataset.chains:
        for region in pinghu.dataset.regions:
            assert_gap_parity(pinghu, facts, chain, region)
    loose = cgr.AnalysisParams(count_guessed_links=True, strong_min_firms=1)
    assert_gap_parity(pinghu, facts, "machine-tool", "pinghu", params=loose)


@neo4j_marker
def test_target_parity_pinghu(backend: Neo4jBackend, pushed: dict[str, Any], pinghu: cgr.ChainGraph) -> None:
    facts = backend.facts("pinghu-2022")
    found = 0
    for segment in pinghu.dataset.segments:
        for region in ("pinghu", "sino-german-park"):
            found += len(assert_target_parity(pinghu, facts, segment, region).candidates)
    assert found > 300


MULTI_REGIONS = ["county-00", "county-01", "county-02", "county-03", "county-17", "park-00", "park-03", "city-1",
                 "prov"]


@neo4j_marker
def test_gap_parity_multi_region(backend: Neo4jBackend, pushed: dict[str, Any], multi: cgr.ChainGraph) -> None:
    facts = backend.facts("multi-region")
    used = set()
    statuses = set()
    for chain in multi.dataset.chains:
        for region in MULTI_REGIONS:
            report = assert_gap_parity(multi, facts, chain, region)
            used.add(report.relatedness_used)
            statuses |= {g.status for g in report.segments}
    assert used == {True, False}  # counties use relatedness; the city and the province do not
    assert statuses == set(cgr.STATUSES)  # coverage and claims (registry, partial, per chain) take part too
    assert_gap_parity(multi, facts, "automotive", "county-00", params=cgr.AnalysisParams(count_guessed_links=True))


@neo4j_marker
def test_target_parity_multi_region(backend: Neo4jBackend, pushed: dict[str, Any], multi: cgr.ChainGraph) -> None:
    facts = backend.facts("multi-region")
    segments = list(multi.dataset.segments)
    reasons: list[str] = []
    for segment in segments[::7]:
        for region in ("county-00", "park-03", "city-2"):
            for candidate in assert_target_parity(multi, facts, segment, region).candidates:
                reasons.extend(candidate.reasons)
    # every kind of reason appeared: group, supply ties, park fit, synergy, confidence, Fortune 500
    for kind in ("二次招商：", "已为本地 ", "已采购本地 ", " 匹配（", "协同：", "环节关联置信度：", "世界500强"):
        assert any(kind in reason for reason in reasons), kind


@neo4j_marker
def test_facts_parity_question_by_question(backend: Neo4jBackend, pushed: dict[str, Any],
                                           multi: cgr.ChainGraph) -> None:
    nx_facts, neo = NxFacts(multi), backend.facts("multi-region")
    params = cgr.AnalysisParams()
    segments = list(multi.dataset.segments)
    assert_same(nx_facts.segments(), neo.segments())
    for level in ("county", "city", "park", "province", "country"):
        assert nx_facts.region_segment_counts(level, params) == neo.region_segment_counts(level, params)
    for region in multi.dataset.regions:
        assert nx_facts.favoured_parks(region) == neo.favoured_parks(region)
    for region in MULTI_REGIONS:
        states = nx_facts.segment_states(segments, region, params)
        assert_same(states, neo.segment_states(segments, region, params), region)
        for limit in (0, 1, 2):  # capped lists, exact counts
            assert_same(nx_facts.segment_states(segments, region, params, limit=limit),
                        neo.segment_states(segments, region, params, limit=limit), region)
        for chain in multi.dataset.chains.values():
            ids = [s.id for s in chain.segments]
            assert nx_facts.local_firm_count(ids, region, params) == neo.local_firm_count(ids, region, params)
    strong_or_weak = {s for s, st in nx_facts.segment_states(segments, "county-00", params).items()
                      if st.firms}
    for segment in segments:
        assert_same(nx_facts.candidates(segment, "county-00", strong_or_weak, params),
                    neo.candidates(segment, "county-00", strong_or_weak, params), segment)
    # the summary-node answers: statuses of every segment, distinct local firms over any set of segments
    from chaingraph.analysis.gaps import status_of_state

    for guessed in (False, True):
        loose = cgr.AnalysisParams(count_guessed_links=guessed)
        for region in MULTI_REGIONS:
            expected = {s: status_of_state(st, loose)
                        for s, st in nx_facts.segment_states(segments, region, loose).items()}
            assert neo.segment_statuses(region, loose) == expected, region
            for ids in (segments[:1], segments[:5], segments[3::4], []):
                assert nx_facts.local_firm_count(ids, region, loose) == neo.local_firm_count(ids, region, loose)
        for level in ("county", "city", "province"):
            assert nx_facts.region_segment_counts(level, loose) == neo.region_segment_counts(level, loose)


@neo4j_marker
def test_synthetic_pool_parity(backend: Neo4jBackend, tmp_path: Path) -> None:
    from chaingraph.engines.snapshot import open_snapshot
    from chaingraph.sources.synth import generate

    root = generate(tmp_path / "pool", firms=3000, regions=20, seed=3)
    cg = cgr.build_graph(cgr.load_dataset(root))
    backend.push(cg)
    facts = backend.facts(cg.dataset.info.id)
    region = cg.dataset.info.default_region
    with open_snapshot(root, cache_dir=tmp_path / "cache") as snap:
        for where in (region, cg.dataset.regions[region].parent):
            for chain in cg.dataset.chains:
                assert_gap_parity(cg, facts, chain, where)
                assert cgr.gap_report(snap, chain, where).to_dict() == cgr.gap_report(facts, chain, where).to_dict()
            for segment in list(cg.dataset.segments)[::9]:
                assert_target_parity(cg, facts, segment, where)
                assert cgr.find_targets(snap, None, segment, where).to_dict() == \
                    cgr.find_targets(facts, None, segment, where).to_dict()
    backend.wipe(cg.dataset.info.id)
    assert backend.read("MATCH (n:ChaingraphSummary {dataset: $d}) RETURN count(n) AS n", d=cg.dataset.info.id) \
        == [{"n": 0}]


@neo4j_marker
def test_banded_ranking_and_stored_counts_match_memory(backend: Neo4jBackend, tmp_path: Path) -> None:
    """The pruned ranking (bands of OPERATES_IN through the relationship index), the stored candidate totals and the
    stored neighbour counts give the in-memory answers, under parameters that make each pruning rule decide."""
    from chaingraph.sources.synth import generate

    root = generate(tmp_path / "pool", firms=4000, regions=24, seed=11)
    cg = cgr.build_graph(cgr.load_dataset(root))
    backend.push(cg)
    facts = backend.facts(cg.dataset.info.id)
    memory = NxFacts(cg)
    seen: list[tuple[int, ...]] = []
    read = facts._read

    def spy(query: str, **params: Any) -> list[dict[str, Any]]:
        if query in (facts_module.Q_RANK_BANDS, facts_module.Q_RANK_LINKS, facts_module.Q_RANK_DETAILS,
                     facts_module.Q_RANK_LINKS_DETAILS):
            seen.append(tuple(code for _, code in params["seek"]) + ((2,) if params["tied_bands"] else ()))
        return read(query, **params)

    facts._read = spy  # type: ignore[method-assign]
    regions = sorted(cg.dataset.regions)[::4]
    segments = list(cg.dataset.segments)[::6]
    for params in (cgr.AnalysisParams(),
                   # small firms outrank large ones; big group and tie bonuses (only they can lift a firm)
                   cgr.AnalysisParams(size_small=1.2, size_leader=0.3, bonus_same_group=1.5, bonus_supply_tie=1.2),
                   cgr.AnalysisParams(bonus_same_group=0.7, bonus_supply_tie=0.6, bonus_fortune500=0.0,
                                      confidence_guessed=1.0, count_guessed_links=True)):
        for region in regions:
            for segment in segments:
                for limit in (10, 3):
                    assert_same(cgr.find_targets(cg, None, segment, region, limit=limit, params=params),
                                cgr.find_targets(facts, None, segment, region, limit=limit, params=params),
                                f"targets {segment}/{region}/{limit}")
            # every set of neighbours with local firms, as a target list asks for it: the stored count
            statuses = facts.segment_statuses(region, params)
            summary = facts._region_summary(region)
            keys = summary["near_keys_g" if params.count_guessed_links else "near_keys"]
            for segment in cg.dataset.segments:
                near = sorted(n for n in dict.fromkeys(facts.upstream(segment) + facts.downstream(segment))
                              if statuses[n] in ("strong", "weak"))
                if near:
                    assert " ".join(near) in keys
                    assert facts.local_firm_count(near, region, params) == memory.local_firm_count(near, region, params)
    codes = {code for call in seen for code in call}
    assert {0, 1, 2}.issubset(codes), codes  # whole bands, group-only and tie-only reads all decided something
    backend.wipe(cg.dataset.info.id)


@neo4j_marker
def test_summaries_follow_every_push_and_never_mix_two(backend: Neo4jBackend, tmp_path: Path) -> None:
    root = _tiny_copy(tmp_path, "tiny-summary")
    first = cgr.build_graph(cgr.load_dataset(root))
    backend.push(first)
    facts = backend.facts("tiny-summary")
    before = cgr.gap_report(facts, "demo-auto", "town").to_dict()
    assert before == cgr.gap_report(first, "demo-auto", "town").to_dict()
    # asked again, the states come from the facts' cache: only whether the push is current is asked
    asked: list[str] = []
    read = facts._read

    def spy(query: str, **params: Any) -> list[dict[str, Any]]:
        asked.append(query)
        return read(query, **params)

    facts._read = spy  # type: ignore[method-assign]
    assert cgr.gap_report(facts, "demo-auto", "town").to_dict() == before
    assert asked == [facts_module.Q_CURRENT]
    links = (root / "links.csv").read_text(encoding="utf-8")
    (root / "links.csv").write_text("\n".join(line for line in links.splitlines()
                                              if not line.startswith("steel-local,")) + "\n", encoding="utf-8")
    second = cgr.build_graph(cgr.load_dataset(root))
    pushed = backend.push(second)
    stored = backend.read("MATCH (n:ChaingraphSummary {dataset: 'tiny-summary'}) RETURN count(n) AS n")[0]["n"]
    assert stored == push_rows(second).summary_count and pushed.removed_relationships >= 1
    # facts opened on the first push do not answer from the second one's summaries: they reload and say so
    with pytest.raises(cgr.BackendError, match="pushed to Neo4j again while it was being read; ask again"):
        cgr.gap_report(facts, "demo-auto", "town")
    after = cgr.gap_report(facts, "demo-auto", "town").to_dict()
    assert after == cgr.gap_report(second, "demo-auto", "town").to_dict() != before
    backend.write("MATCH (d:ChaingraphDataset {id: 'tiny-summary'}) SET d.state = 'started'")
    with pytest.raises(cgr.BackendError, match="incomplete"):
        cgr.gap_report(facts, "demo-auto", "town")
    backend.wipe("tiny-summary")


# ------------------------------------------------------------------------------------------------ safety


@neo4j_marker
def test_hostile_names_are_stored_verbatim_and_harmless(backend: Neo4jBackend, pushed: dict[str, Any],
                                                        multi: cgr.ChainGraph) -> None:
    ds = multi.dataset
    for k, name in enumerate(HOSTILE_NAMES):
        row = backend.read("MATCH (f:Chaingraph:Firm {dataset: $d, id: $id}) RETURN f {.*} AS f",
                           d="multi-region", id=f"hostile-{k}")[0]["f"]
        assert row["name"] == name and row["note"] == name and row["legal_name"] == name + " 有限公司"
        assert row["aliases"] == ds.firms[f"hostile-{k}"].aliases
    product = backend.read("MATCH (:Firm {id: 'hostile-5'})-[t:SUPPLIES]->(:Firm {id: 'hostile-0'}) "
                           "RETURN t.product AS p")
    assert product == [{"p": HOSTILE_NAMES[2]}]
    state = backend.dataset_state("multi-region")
    assert state is not None and state.complete
    assert backend.read("MATCH (n:Chaingraph {dataset: 'multi-region'}) RETURN count(n) AS n")[0]["n"] == state.nodes
    assert backend.read("MATCH (n:Unrelated) RETURN count(n) AS n")[0]["n"] == 1
    # the names travel into the analysis unchanged
    report = cgr.gap_report(backend.facts("multi-region"), "automotive", "county-00")
    text = json.dumps(report.to_dict(), ensure_ascii=False) + json.dumps(
        [cgr.gap_report(backend.facts("multi-region"), c, "county-00").to_dict() for c in ds.chains],
        ensure_ascii=False)
    assert any(name in text for name in (json.dumps(n, ensure_ascii=False)[1:-1] for n in HOSTILE_NAMES))


@neo4j_marker
def test_wipe_one_dataset_leaves_everything_else(backend: Neo4jBackend, pushed: dict[str, Any],
                                                 tmp_path: Path) -> None:
    backend.push(cgr.load_dataset(_tiny_copy(tmp_path, "wipe-me")))
    backend.write("CREATE (:Note {text: 'planner notes', dataset: 'wipe-me'})")
    others = backend.read("MATCH (n:Chaingraph) WHERE n.dataset <> 'wipe-me' RETURN count(n) AS n")[0]["n"]
    result = backend.wipe("wipe-me")
    assert result.datasets == ["wipe-me"] and result.nodes > 10
    assert backend.read("MATCH (n:Chaingraph {dataset: 'wipe-me'}) RETURN count(n) AS n")[0]["n"] == 0
    assert backend.dataset_state("wipe-me") is None
    assert backend.read("MATCH (n:Chaingraph) RETURN count(n) AS n")[0]["n"] == others
    assert backend.read("MATCH (n:Note {dataset: 'wipe-me'}) RETURN count(n) AS n")[0]["n"] == 1
    assert backend.dataset_state("pinghu-2022") is not None


@neo4j_marker
def test_wipe_all_leaves_unrelated_nodes(scratch_server: Any, tmp_path: Path) -> None:
    with connect(Neo4jSettings(scratch_server.uri)) as backend:
        backend.write("CREATE (:Unrelated {name: 'keep'})-[:KNOWS]->(:Firm {name: 'someone else'})")
        backend.push(cgr.load_dataset(_tiny_copy(tmp_path, "one")))
        backend.push(cgr.load_dataset(_tiny_copy(tmp_path, "two")), batch_size=3)
        assert [d.id for d in backend.status().datasets] == ["one", "two"]
        result = backend.wipe(batch_size=7)
        assert result.datasets == ["one", "two"]
        status = backend.status()
        assert status.datasets == [] and set(status.nodes.values()) == {0}
        assert backend.read("MATCH (:Unrelated)-[:KNOWS]->(f:Firm) RETURN f.name AS name") == [
            {"name": "someone else"}]


@neo4j_marker
def test_interrupted_push_is_completed_by_pushing_again(scratch_server: Any, multi: cgr.ChainGraph) -> None:
    settings = Neo4jSettings(scratch_server.uri, max_retry_time=1.0, connection_timeout=5.0)
    with connect(settings) as backend:
        backend.wipe()
    rows = push_rows(multi)
    total = rows.node_count + rows.relationship_count
    killed_at: list[int] = []

    def crash(done: int, total: int) -> None:
        if not killed_at and done >= total // 2:
            scratch_server.kill()
            killed_at.append(done)

    with connect(settings) as backend, pytest.raises(cgr.BackendError, match="cannot reach|failed"):
        backend.push(multi, progress=crash, batch_size=700)
    assert killed_at and killed_at[0] < total
    scratch_server.start()  # same store (recovered) and same port
    with connect(settings) as backend:
        state = backend.dataset_state("multi-region")
        assert state is not None and state.state == "started" and not state.complete
        # every batch reported committed is there; with PUSH_WORKERS batches in flight, the one sent after them
        # may have committed too (whole: it is one transaction), and the rest never ran
        committed = backend.read(
            "MATCH (n:Chaingraph {dataset: 'multi-region'}) WITH count(n) AS nodes "
            "OPTIONAL MATCH (:Chaingraph {dataset: 'multi-region'})-[r]->(:Chaingraph {dataset: 'multi-region'}) "
            "WITH nodes, count(r) AS relationships RETURN nodes + relationships AS rows")[0]["rows"]
        assert killed_at[0] <= committed < total
        with pytest.raises(cgr.BackendError, match="incomplete"):
            backend.facts("multi-region")
        status = CliRunner().invoke(cli, ["neo4j", "status"], env={"NEO4J_URI": scratch_server.uri})
        assert status.exit_code == 0 and "incomplete: multi-region" in status.stdout
        result = backend.push(multi, batch_size=700)
        assert (result.nodes, result.relationships) == (rows.node_count, rows.relationship_count)
        state = backend.dataset_state("multi-region")
        assert state is not None and state.complete
        facts = backend.facts("multi-region")
        for chain in multi.dataset.chains:
            assert_gap_parity(multi, facts, chain, "county-00")
        assert_target_parity(multi, facts, "mt-cnc-system", "county-03")


# ------------------------------------------------------------------------------------------------ errors


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_unreachable_server_is_one_clear_error() -> None:
    uri = f"bolt://127.0.0.1:{_closed_port()}"
    with pytest.raises(cgr.BackendError, match=f"cannot reach Neo4j at {uri}: .*refused"):
        connect(Neo4jSettings(uri, "neo4j", "S3cret-pw!"))


@neo4j_marker
def test_unknown_database_is_one_clear_error(neo4j_uri: str) -> None:
    with pytest.raises(cgr.BackendError, match="has no database 'no-such-db'"):
        connect(Neo4jSettings(neo4j_uri, database="no-such-db"))


@neo4j_marker
def test_unknown_dataset(backend: Neo4jBackend, pushed: dict[str, Any]) -> None:
    with pytest.raises(cgr.BackendError, match="dataset 'nope' is not in Neo4j.*pinghu-2022"):
        backend.facts("nope")


@neo4j_marker
def test_queries_raise_no_warnings_or_deprecations(neo4j_uri: str, pushed: dict[str, Any]) -> None:
    queries = list(facts_module.QUERIES.values()) + _docs_queries()
    queries += [merge_nodes_query(kind) for kind in NODE_LABELS]
    queries += [merge_relationships_query(spec) for spec in RELATIONSHIPS]
    queries += [create_nodes_query(kind) for kind in NODE_LABELS]
    queries += [create_relationships_query(spec) for spec in RELATIONSHIPS]
    queries += [merge_summaries_query(name) for name in SUMMARY_LABELS]
    with neo4j.GraphDatabase.driver(neo4j_uri, auth=None,
                                    notifications_min_severity=neo4j.NotificationMinimumSeverity.INFORMATION,
                                    warn_notification_severity=neo4j.NotificationMinimumSeverity.OFF) as driver:
        for query in queries:
            params = dict.fromkeys(re.findall(r"\$(\w+)", query))
            summary = driver.execute_query("EXPLAIN " + query, params, database_="neo4j").summary
            bad = [s for s in summary.gql_status_objects
                   if s.classification == neo4j.NotificationClassification.DEPRECATION
                   or s.severity == neo4j.NotificationSeverity.WARNING]
            assert not bad, (query, [s.status_description for s in bad])


# ------------------------------------------------------------------------------------------------ CLI


@neo4j_marker
def test_cli_push_status_gaps_targets_wipe(neo4j_uri: str, tmp_path: Path) -> None:
    root = _tiny_copy(tmp_path, "cli-tiny")
    runner = CliRunner()

    def run(*args: str, uri: str = neo4j_uri) -> Any:
        return runner.invoke(cli, ["--data", str(root), *args], env={"NEO4J_URI": uri}, catch_exceptions=False)

    pushed = run("neo4j", "push", "--batch-size", "5", "--progress")
    assert pushed.exit_code == 0, pushed.output
    assert pushed.stdout.startswith("pushed cli-tiny to " + neo4j_uri) and "nodes" in pushed.stdout
    assert "pushing cli-tiny" in pushed.stderr  # the progress bar, asked for: stderr is not a terminal here
    again = run("neo4j", "push", "--batch-size", "5")
    assert again.exit_code == 0 and "pushing cli-tiny" not in again.stderr
    status = json.loads(run("neo4j", "status", "--format", "json").stdout)
    mine = next(d for d in status["datasets"] if d["id"] == "cli-tiny")
    assert mine["state"] == "complete" and mine["nodes"] > 10 and status["nodes"]["Firm"] >= 8
    table = run("neo4j", "status").stdout
    assert "cli-tiny" in table and "complete（完整）" in table and "OPERATES_IN" in table
    for args in (["gaps", "--chain", "demo-auto", "--format", "json"],
                 ["gaps", "--chain", "demo-tools", "--region", "other", "--format", "csv"],
                 ["gaps", "--chain", "demo-auto"],
                 ["targets", "--segment", "数控系统", "--format", "json", "--limit", "0"],
                 ["targets", "--segment", "cnc"]):
        networkx, neo = run(*args), run(*args, "--backend", "neo4j")
        assert neo.exit_code == 0, neo.output
        assert neo.stdout == networkx.stdout, args
    assert run("gaps", "-c", "demo-auto", "--backend", "neo4j", "--dataset", "cli-tiny").exit_code == 0
    missing = run("gaps", "-c", "demo-auto", "--backend", "neo4j", "--dataset", "nope")
    assert missing.exit_code == 5 and len(missing.output.strip().splitlines()) == 1
    assert "Neo4j 中没有数据集 'nope'" in missing.output
    missing = run("--lang", "en", "gaps", "-c", "demo-auto", "--backend", "neo4j", "--dataset", "nope")
    assert "dataset 'nope' is not in Neo4j" in missing.output
    assert run("gaps", "-c", "demo-auto", "--dataset", "cli-tiny").exit_code == 2  # --dataset needs --backend neo4j
    refused = run("neo4j", "wipe", "--dataset", "cli-tiny")
    assert refused.exit_code == 2 and "--yes" in refused.output
    wiped = run("neo4j", "wipe", "--yes", "--dataset", "cli-tiny")
    assert wiped.exit_code == 0 and "(cli-tiny)" in wiped.stdout
    assert "cli-tiny" not in run("neo4j", "status").stdout
    gone = run("gaps", "-c", "demo-auto", "--backend", "neo4j")
    assert gone.exit_code == 5 and "Neo4j 中没有数据集 'cli-tiny'（已有：" in gone.output


def test_cli_backend_errors_are_one_line_exit_5(tiny_path: Path) -> None:
    runner = CliRunner()
    uri = f"bolt://127.0.0.1:{_closed_port()}"
    for args in (["neo4j", "status"], ["neo4j", "push"], ["neo4j", "wipe", "--yes"],
                 ["gaps", "-c", "demo-auto", "--backend", "neo4j"],
                 ["targets", "-s", "cnc", "--backend", "neo4j"]):
        env = {"NEO4J_URI": uri, "NEO4J_USERNAME": "neo4j", "NEO4J_PASSWORD": "S3cret-pw!"}
        result = runner.invoke(cli, ["--lang", "en", "--data", str(tiny_path), *args], env=env)
        assert result.exit_code == 5, (args, result.output)
        assert len(result.output.strip().splitlines()) == 1, result.output
        assert result.output.startswith(f"Error: cannot reach Neo4j at {uri}: "), result.output
        assert "S3cret" not in result.output and "Traceback" not in result.output
        zh = runner.invoke(cli, ["--data", str(tiny_path), *args], env=env)
        assert zh.exit_code == 5 and zh.output.startswith(f"错误：无法连接 {uri} 的 Neo4j："), zh.output
        assert "S3cret" not in zh.output and len(zh.output.strip().splitlines()) == 1
    unset = runner.invoke(cli, ["--lang", "en", "neo4j", "status"])
    assert unset.exit_code == 5 and "NEO4J_URI is not set" in unset.output


# ------------------------------------------------------------------------------------------------ docs


def _docs_queries() -> list[str]:
    text = DOCS.read_text(encoding="utf-8")
    return [q.strip() for q in re.findall(r"```cypher\n(.*?)```", text, flags=re.S)]


@neo4j_marker
def test_docs_queries_run_and_agree_with_the_analysis(backend: Neo4jBackend, pushed: dict[str, Any],
                                                      pinghu: cgr.ChainGraph) -> None:
    panorama, missing, candidates = _docs_queries()
    report = cgr.gap_report(pinghu, "machine-tool", "pinghu")
    rows = backend.read(panorama)
    assert [r["环节"] for r in rows] == [s.name for s in sorted(
        report.chain.segments, key=lambda s: ["upstream", "midstream", "downstream"].index(s.tier))]
    by_name = {r["环节"]: r for r in rows}
    for gap in report.segments:
        assert set(gap.local_firms) <= set(by_name[gap.segment.name]["本地企业"])
    rows = backend.read(missing)
    empty = {g.segment.name for g in report.segments if g.status in ("missing", "unknown", "claimed")}
    assert rows and {r["环节"] for r in rows} == empty
    targets = cgr.find_targets(pinghu, "machine-tool", "数控系统", "pinghu", limit=None)
    rows = backend.read(candidates)
    assert {r["企业"] for r in rows} == {c.firm.name for c in targets.candidates}
    assert rows[0]["规模"] == "leader"
