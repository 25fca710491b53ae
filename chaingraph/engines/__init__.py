"""Engines besides the in-memory graph (which is `chaingraph.dataset.graph`, read by `chaingraph.analysis.facts`).

* :mod:`.neo4j`: connect to Neo4j 5+, push a dataset (idempotent, resumable), status, wipe;
* :mod:`.snapshot`: the compiled SQLite snapshot of a dataset (national pools: a query reads only what it needs);
* :mod:`.neo4j_schema`: the labels, relationship types and properties (mirroring :mod:`chaingraph.dataset.graph`);
* :mod:`.neo4j_facts`: :class:`Neo4jFacts`, the analysis questions answered by Cypher on the server, so that
  ``gap_report(backend.facts("pinghu-2022"), ...)`` and ``find_targets(...)`` run against Neo4j.
"""

__all__ = [
    "connect",
    "Neo4jSettings",
    "Neo4jBackend",
    "Neo4jFacts",
    "PushResult",
    "DatasetState",
    "Neo4jStatus",
    "WipeResult",
    "translate_error",
    "NODE_LABELS",
    "REL_TYPES",
    "schema_markdown",
]

_HOMES = {name: ".neo4j_facts" if name == "Neo4jFacts" else ".neo4j_schema" if name in (
    "NODE_LABELS", "REL_TYPES", "schema_markdown") else ".neo4j" for name in __all__}


def __getattr__(name: str) -> object:
    # imported on first use: the Neo4j driver takes a tenth of a second to import, which a command-line gap
    # report on another backend should not pay
    if name in _HOMES:
        import importlib

        return getattr(importlib.import_module(_HOMES[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
