"""The networkx graph: schema, counts and query helpers."""

from __future__ import annotations

import chaingraph as cgr


def test_node_and_edge_kinds(tiny: cgr.ChainGraph) -> None:
    g = tiny.graph
    assert {d["kind"] for _, d in g.nodes(data=True)} == set(cgr.NODE_KINDS)
    assert {k for _, _, k in g.edges(keys=True)} == set(cgr.EDGE_KINDS)
    ds = tiny.dataset
    assert sum(1 for _, d in g.nodes(data=True) if d["kind"] == "Firm") == len(ds.firms)
    assert sum(1 for _, _, k in g.edges(keys=True) if k == "operates_in") == len(ds.links)
    assert g.has_edge("machine", "motor", key="supplies")
    assert g.edges["machine", "motor", "supplies"]["cross_chain"] is True
    assert g.edges["core", "motor", "supplies"]["cross_chain"] is False
    assert g.has_edge("core-newco", "core-project", key="invests_in")
    assert g.has_edge("core-project", "core", key="in_segment")
    assert g.has_edge("motor-local", "big-group", key="member_of")
    assert g.has_edge("town-park", "town", key="part_of")
    assert g.has_edge("cnc-de", "motor-local", key="supplies")
    assert g.nodes["core-project"]["investment"] == "34000000 USD"


def test_every_fact_reaches_its_source(tiny: cgr.ChainGraph) -> None:
    g = tiny.graph
    for node, data in g.nodes(data=True):
        if data["kind"] in ("Firm", "Project", "Group"):
            assert any(k == "sourced_from" for _, _, k in g.out_edges(node, keys=True)), node


def test_query_helpers(tiny: cgr.ChainGraph) -> None:
    assert tiny.upstream("motor") == ["core", "machine"]
    assert tiny.upstream("motor", depth=3) == ["core", "machine", "steel", "spindle", "cnc"]
    assert tiny.downstream("steel", depth=2) == ["core", "motor"]
    assert tiny.firms_of_segment("cnc") == ["cnc-jp", "cnc-de", "cnc-cn", "cnc-group"]
    assert tiny.firms_of_segment("cnc", region_id="other") == ["cnc-cn"]
    assert tiny.firms_of_segment("core", region_id="town", stage="pipeline") == ["core-newco"]
    assert tiny.firms_of_segment("core", region_id="town") == []
    positions = tiny.firm_positions("cnc-jp")
    assert [(p.segment, p.stage) for p in positions] == [("cnc", "operating"), ("spindle", "operating")]
    assert tiny.firm_neighbours("motor-local") == {"suppliers": ["cnc-de"], "customers": []}
    assert tiny.is_leader("motor-local") and tiny.fortune500("motor-local") == "大集团"
    assert tiny.is_local("motor-local", "town") and not tiny.is_local("cnc-cn", "town")


def test_pinghu_graph_cross_chain_path(pinghu: cgr.ChainGraph) -> None:
    import networkx as nx

    dag = pinghu.segment_supply
    path = nx.shortest_path(dag, "nm-electrical-steel", "auto-vehicle")
    assert path == ["nm-electrical-steel", "auto-motor-core", "auto-drive-motor", "auto-vehicle"]
    assert nx.has_path(dag, "mt-machine", "auto-drive-motor")
    assert nx.has_path(dag, "nm-pgm", "auto-catalyst")
    assert nx.is_directed_acyclic_graph(dag)
