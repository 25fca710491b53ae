"""One entry point for the library, notebooks and the CLI: :func:`open` picks the engine and asks the questions.

A dataset can be answered from three engines, with identical results (parity tests keep it so):

* ``networkx``: the whole dataset loaded into an in-memory graph (city-size data; the full record of every firm);
* ``snapshot``: a compiled SQLite snapshot next to the user's cache, rebuilt whenever a file of the dataset
  changes (national pools: a query reads only what it needs);
* ``neo4j``: Cypher on the Neo4j server named by ``NEO4J_URI`` (team use, scale past one machine).

``backend="auto"`` uses the snapshot when one is up to date or the dataset is large (``firms.csv`` over
:data:`SNAPSHOT_THRESHOLD_BYTES`), else memory: the same rule the CLI applies, because the CLI calls this. A
snapshot whose cache folder cannot be written is compiled into a temporary file for the session
(``on_uncached`` is told).

Examples
--------
>>> import chaingraph
>>> with chaingraph.open() as cg:                      # the bundled Pinghu dataset
...     report = cg.gaps("machine-tool")
...     targets = cg.targets("数控系统", limit=3)
>>> report.region.name, len(targets.candidates)
('平湖市', 3)
>>> cg.backend
'networkx'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .analysis.facts import Facts
from .analysis.gaps import LOCAL_FIRM_LIMIT, GapReport, gap_report
from .analysis.params import AnalysisParams
from .dataset.store import Dataset, default_dataset_path
from .errors import InvalidArgument
from .messages import msg

if TYPE_CHECKING:  # the graph, the backends, the targets and the what-if are imported only when asked for
    from .analysis.targets import TargetList
    from .analysis.whatif import Landing, WhatIf
    from .dataset.graph import ChainGraph

__all__ = ["Engine", "open_engine", "BACKENDS", "SNAPSHOT_THRESHOLD_BYTES"]

BACKENDS = ("auto", "networkx", "snapshot", "neo4j")
SNAPSHOT_THRESHOLD_BYTES = 8_000_000
"""With ``backend="auto"``, datasets whose firms.csv is larger than this (about 80,000 firms) use a snapshot."""


class Engine:
    """A dataset opened for questions, on one engine. Use as a context manager, or call :meth:`close`.

    Every question returns the same report objects on every engine: :class:`~chaingraph.GapReport`,
    :class:`~chaingraph.TargetList`, plain dicts for listings.
    """

    def __init__(self, path: str | Path | None = None, backend: str = "auto", *, neo4j_dataset: str | None = None,
                 cache_dir: str | Path | None = None,
                 on_compile: Callable[[Path], None] | None = None,
                 on_uncached: Callable[[str], None] | None = None,
                 as_of: str | None = None) -> None:
        if backend not in BACKENDS:
            raise InvalidArgument(msg("unknown backend {backend!r}; choose one of {BACKENDS}",
                                      backend=backend, BACKENDS=", ".join(BACKENDS)))
        if neo4j_dataset and backend != "neo4j":
            raise InvalidArgument(msg("a Neo4j dataset id applies only with backend='neo4j'"))
        self.path = Path(path) if path is not None else default_dataset_path()
        self.requested = backend
        self.neo4j_dataset = neo4j_dataset
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self._on_compile = on_compile
        self._on_uncached = on_uncached
        self._graph: ChainGraph | None = None
        self._facts: Facts | None = None
        self._closers: list[Callable[[], None]] = []
        self.backend = self._resolve(backend)
        self.as_of = as_of
        self.note = ""
        if as_of is not None:
            from .analysis.asof import as_of_day

            as_of_day(as_of)  # a bad date fails here, before anything is loaded
            if self.backend != "networkx":
                # The snapshot and Neo4j hold the dataset as it is today; a dated view is built from the files.
                self.note = msg("as of {as_of}: answered in memory from the dataset files (the {backend} engine "
                                "keeps only the current state)", as_of=as_of, backend=self.backend)
                self.backend = "networkx"

    def __repr__(self) -> str:
        return f"Engine({str(self.path)!r}, backend={self.backend!r})"

    # ------------------------------------------------------------------------------------------ lifecycle
    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the snapshot or the Neo4j connection (an in-memory graph needs nothing)."""
        while self._closers:
            self._closers.pop()()
        self._facts = None

    def _resolve(self, backend: str) -> str:
        if backend != "auto":
            return backend
        from .engines.snapshot import snapshot_is_fresh

        firms_csv = self.path / "firms.csv"
        large = firms_csv.exists() and firms_csv.stat().st_size > SNAPSHOT_THRESHOLD_BYTES
        return "snapshot" if large or snapshot_is_fresh(self.path, cache_dir=self.cache_dir) else "networkx"

    # ------------------------------------------------------------------------------------------ engines
    @property
    def graph(self) -> ChainGraph:
        """The whole dataset as an in-memory graph (loaded on first use, whatever the engine)."""
        if self._graph is None:
            from .dataset.graph import build_graph
            from .dataset.reader import load_dataset

            dataset = load_dataset(self.path)
            if self.as_of is not None:
                from .analysis.asof import dataset_as_of

                dataset = dataset_as_of(dataset, self.as_of)
            self._graph = build_graph(dataset)
        return self._graph

    @property
    def dataset(self) -> Dataset:
        """Every record of the dataset (loads it into memory)."""
        return self.graph.dataset

    @property
    def facts(self) -> Facts:
        """What the analysis reads: the graph, the snapshot or the Neo4j facts, opened on first use."""
        if self._facts is None:
            if self.backend == "networkx":
                from .analysis.facts import facts_for

                self._facts = facts_for(self.graph)
            elif self.backend == "snapshot":
                from .engines.snapshot import open_snapshot

                snap = open_snapshot(self.path, cache_dir=self.cache_dir, on_build=self._on_compile,
                                     on_uncached=self._on_uncached)
                self._closers.append(snap.close)
                self._facts = snap
            else:
                from .dataset.reader import dataset_id_of
                from .engines.neo4j import connect

                connection = connect()
                self._closers.append(connection.close)
                self._facts = connection.facts(self.neo4j_dataset or dataset_id_of(self.path))
        return self._facts

    @property
    def source(self) -> ChainGraph | Facts:
        """What the analysis functions and the map take: the graph in memory, else the engine's facts."""
        return self.graph if self.backend == "networkx" else self.facts

    # ------------------------------------------------------------------------------------------ questions
    def chains(self, region: str | None = None) -> list[dict[str, Any]]:
        """Each chain with its statuses and completeness for ``region`` (default: the dataset's)."""
        from .analysis.views import chain_summaries

        return chain_summaries(self.source, region)

    def gaps(self, chain: str, region: str | None = None, params: AnalysisParams | None = None,
             firm_limit: int | None = LOCAL_FIRM_LIMIT) -> GapReport:
        """The gap report of ``chain`` for ``region``: status, action, priority and reasons per segment.

        Each segment lists at most ``firm_limit`` local firms (None: all) and counts all in ``local_firm_count``.
        """
        return gap_report(self.source, chain, region, params, firm_limit=firm_limit)

    def targets(self, segment: str, chain: str | None = None, region: str | None = None, limit: int | None = 10,
                params: AnalysisParams | None = None) -> TargetList:
        """Firms outside ``region`` to approach for ``segment``, ranked, each with its reasons."""
        from .analysis.targets import find_targets

        return find_targets(self.source, chain, segment, region, limit=limit, params=params)

    def whatif(self, chain: str, landings: Sequence[Landing], region: str | None = None,
               params: AnalysisParams | None = None) -> WhatIf:
        """The gap report of ``chain`` before and after landing firms (:class:`~chaingraph.Landing`); no write."""
        from .analysis.whatif import what_if

        return what_if(self.source, chain, landings, region, params)

    def firms(self, region: str | None = None, chain: str | None = None, segment: str | None = None,
              everywhere: bool = False) -> list[dict[str, Any]]:
        """Firm records with their chain positions: the region's, or all (``everywhere``). Loads the dataset."""
        from .analysis.views import firm_rows

        return firm_rows(self.graph, region=region, chain=chain, segment=segment, everywhere=everywhere)

    def projects(self, region: str | None = None, statuses: Sequence[str] = ()) -> list[dict[str, Any]]:
        """The region's projects with their figures and sources. Loads the dataset."""
        from .analysis.views import project_rows

        return project_rows(self.graph, region=region, statuses=statuses)

    def map(self, chain: str | None = None, region: str | None = None, segment: str | None = None, **options: Any
            ) -> str:
        """An interactive chain map as one self-contained HTML page (see :func:`chaingraph.outputs.build_map`)."""
        from .outputs.html_map import build_map

        graph, facts = (self.graph, None) if self.backend == "networkx" else (None, self.facts)
        return build_map(graph, chain=chain, region=region, segment=segment, facts=facts, **options)

    def export(self, fmt: str, output: str | Path, **options: Any) -> Path:
        """Write the gap workbook, a graph file or a briefing (see :func:`chaingraph.outputs.export.export`)."""
        from .outputs.export import export

        return export(self.graph, fmt, output, **options)


def open_engine(path: str | Path | None = None, backend: str = "auto", **options: Any) -> Engine:
    """Open a dataset folder (default: ``CHAINGRAPH_DATA``, else the bundled Pinghu dataset) on an engine.

    ``backend`` is ``auto``, ``networkx``, ``snapshot`` or ``neo4j``; ``neo4j_dataset`` names the dataset id in
    Neo4j (default: the folder's), ``cache_dir`` where snapshots go. ``as_of`` (a date such as ``2021-12-31``)
    answers every question on the dataset as it stood then (:func:`chaingraph.analysis.asof.dataset_as_of`), always in
    memory: with another backend, :attr:`Engine.note` says so. Exported as ``chaingraph.open``.
    """
    return Engine(path, backend, **options)
