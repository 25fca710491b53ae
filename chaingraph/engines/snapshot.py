"""Compiled snapshots: a dataset folder prepared once into an indexed SQLite file, for fast cold queries.

Loading a national pool of a million firms from CSV and building its networkx graph takes about a minute; a gap
report for one region needs a few thousand rows of it. :func:`compile_snapshot` validates the dataset once
(with the normal reader, so a snapshot only ever holds a valid dataset) and writes what the analysis asks for
into SQLite tables indexed by region and segment. :class:`SnapshotFacts` answers the
:class:`~chaingraph.analysis.facts.Facts` questions with SQL, giving exactly the results of the in-memory graph.

A snapshot records a fingerprint of every source file (size, modification and change times in nanoseconds,
inode). :func:`open_snapshot` rebuilds it whenever any source file changed, appeared or disappeared, so it never
serves stale results. Snapshots live in ``$CHAINGRAPH_CACHE`` (default: the platform's local cache folder,
``$XDG_CACHE_HOME/chaingraph`` or ``~/.cache/chaingraph`` on Linux, ``%LOCALAPPDATA%\\chaingraph\\Cache`` on
Windows), one file per dataset folder.

Examples
--------
>>> import tempfile, pathlib, os
>>> from chaingraph.dataset.fixtures import write_tiny_dataset
>>> from chaingraph import gap_report
>>> root = write_tiny_dataset(pathlib.Path(tempfile.mkdtemp()) / "tiny")
>>> facts = open_snapshot(root, cache_dir=pathlib.Path(tempfile.mkdtemp()))
>>> gap_report(facts, "demo-auto").segment("core").status
'pipeline'
>>> facts.close()
"""

from __future__ import annotations

import gc
import heapq
import json
import math
import os
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import count, islice, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

from ..analysis.facts import CandidateFacts, FirmRef, ProjectRef, SegmentState, StructureFacts
from ..analysis.params import AnalysisParams
from ..dataset.graph import _project_stage, build_graph
from ..dataset.model import Chain, DatasetInfo, Region, Segment, SupplyEdge, parse_date
from ..dataset.store import Dataset, evidence_from_json, evidence_to_json
from ..errors import ChaingraphError, ExportError, LookupFailed
from ..messages import msg

_VOCABULARY = ("industry_codes", "wide_codes", "scope_terms", "product_terms", "ambiguous_terms", "narrowing_terms",
               "roles")

__all__ = ["compile_snapshot", "open_snapshot", "snapshot_is_fresh", "SnapshotFacts", "snapshot_path", "fingerprint",
           "CACHE_ENV"]

CACHE_ENV = "CHAINGRAPH_CACHE"
_SQL_CHUNK = 900  # ids per query: under SQLite's limit of 999 parameters
FORMAT_VERSION = "13"  # 4: coverage and claims in meta; 5: supply edges carry their kind; 6: summary tables;
# 7: the operating tables for ranking targets; 8: segment_rows instead of the presence_segment index;
# 9: firms carry the products and sources a map's firm row shows; 10: projects carry the ledger's stalled reason;
# 11: operating_homes (candidates counted without reading a segment's rows), segment masks in presence, no
# firms_group index (every query by group also names the region: firms_region answers it); 12: segments carry
# wide_codes; 13: and narrowing_terms
SUMMARY_FIRMS = 50
"""How many local firms (and leaders) per region and segment the summary table lists; longer lists are read
from the presence table."""
_SOURCE_SUFFIXES = (".csv", ".yaml", ".yml")

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE chains (ord INTEGER PRIMARY KEY, id TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE segments (ord INTEGER PRIMARY KEY, id TEXT NOT NULL, chain TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE supplies (ord INTEGER PRIMARY KEY, source TEXT NOT NULL, target TEXT NOT NULL, chain TEXT NOT NULL,
                       note TEXT NOT NULL, kind TEXT NOT NULL);
CREATE TABLE regions (ord INTEGER PRIMARY KEY, id TEXT NOT NULL, kind TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE region_anc (region TEXT NOT NULL, ancestor TEXT NOT NULL, PRIMARY KEY (ancestor, region))
    WITHOUT ROWID;
CREATE TABLE firms (id TEXT PRIMARY KEY, ord INTEGER NOT NULL, name TEXT NOT NULL, country TEXT NOT NULL,
                    grp TEXT, size TEXT NOT NULL, region TEXT, headquarters TEXT NOT NULL, f500 TEXT,
                    leader INTEGER NOT NULL, name_en TEXT NOT NULL, products TEXT, sources TEXT NOT NULL)
                    WITHOUT ROWID;
CREATE TABLE sources (id TEXT PRIMARY KEY, title TEXT NOT NULL, url TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE groups (id TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE projects (id TEXT PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL, date TEXT,
                       region TEXT, investment TEXT, firms TEXT NOT NULL, stalled TEXT) WITHOUT ROWID;
-- a segment's presences are one range of ``ord`` (they are written segment by segment)
CREATE TABLE segment_rows (segment TEXT PRIMARY KEY, lo INTEGER NOT NULL, hi INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE ties (ord INTEGER PRIMARY KEY, supplier TEXT NOT NULL, customer TEXT NOT NULL);
CREATE TABLE counts (level TEXT NOT NULL, guessed INTEGER NOT NULL, region TEXT NOT NULL, segment TEXT NOT NULL,
                     n INTEGER NOT NULL);
-- the local presence of every region (with everything inside it) in every segment, summed up at compile time so
-- that a gap report reads one row per segment: the counts, the first SUMMARY_FIRMS firms and leaders (ids separated
-- by spaces, in the presence order) and every local pipeline project; ``guessed`` is whether guessed links count
CREATE TABLE local_summary (region TEXT NOT NULL, segment TEXT NOT NULL, guessed INTEGER NOT NULL,
                            firms INTEGER NOT NULL, leaders INTEGER NOT NULL, first_firms TEXT NOT NULL,
                            first_leaders TEXT NOT NULL, projects TEXT NOT NULL,
                            PRIMARY KEY (region, guessed, segment)) WITHOUT ROWID;
-- distinct local firms of a region over all segments of a chain
CREATE TABLE local_chains (region TEXT NOT NULL, chain TEXT NOT NULL, guessed INTEGER NOT NULL,
                           firms INTEGER NOT NULL, PRIMARY KEY (region, guessed, chain)) WITHOUT ROWID;
"""

_INDEXES = """
-- covering: local presence is read and counted from the index alone
CREATE INDEX presence_place ON presence (place, segment, ord, firm, confidence, stage, via, {masks});
CREATE INDEX presence_firm ON presence (firm, ord);
CREATE INDEX firms_region ON firms (region, grp);
CREATE INDEX ties_supplier ON ties (supplier);
CREATE INDEX ties_customer ON ties (customer);
CREATE INDEX counts_level ON counts (level, guessed);
"""


def _cache_root(cache_dir: Path | None) -> Path:
    if cache_dir is not None:
        return cache_dir
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    # The platform's local (never roaming) cache folder: $XDG_CACHE_HOME/chaingraph or ~/.cache/chaingraph on
    # Linux, %LOCALAPPDATA%\chaingraph\Cache on Windows, ~/Library/Caches/chaingraph on macOS. A snapshot is
    # rebuilt from the dataset at will, so it must not travel with a Windows roaming profile.
    import platformdirs

    return Path(platformdirs.user_cache_dir("chaingraph", appauthor=False))


def _sha256(data: bytes = b"") -> Any:
    """``hashlib.sha256``, without importing hashlib: its OpenSSL module costs every cold query ~2 ms to load,
    more than all the hashing a query does (the builtin module gives the same digests)."""
    try:
        from _sha256 import sha256  # CPython 3.11
    except ImportError:
        try:
            from _sha2 import sha256  # type: ignore[no-redef]  # CPython 3.12 and later
        except ImportError:
            from hashlib import sha256
    return sha256(data)


def snapshot_path(root: str | Path, cache_dir: Path | None = None) -> Path:
    """Where the snapshot of a dataset folder lives (one file per absolute folder path)."""
    key = _sha256(str(Path(root).resolve()).encode("utf-8")).hexdigest()[:20]
    return _cache_root(cache_dir) / f"{Path(root).name}-{key}.sqlite"


def _source_files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        # dot entries are chaingraph's own (lock, merge backups, a writer's staged files), not the dataset
        if path.is_file() and path.suffix in _SOURCE_SUFFIXES and \
                not any(part.startswith(".") for part in path.relative_to(root).parts):
            yield path


def fingerprint(root: str | Path) -> str:
    """A digest of every source file's name, size, mtime, ctime (ns) and inode: any edit changes it."""
    root = Path(root)
    digest = _sha256(FORMAT_VERSION.encode())
    for path in _source_files(root):
        st = path.stat()
        digest.update(f"{path.relative_to(root)}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}\n"
                      .encode())
    return digest.hexdigest()


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def compile_snapshot(dataset: Dataset, target: str | Path, source_fingerprint: str = "") -> Path:
    """Write the snapshot of a loaded dataset to ``target`` (atomically: a temporary file, then a rename)."""
    enabled = gc.isenabled()
    gc.disable()  # a million small acyclic rows: the cyclic collector would only rescan them
    try:
        return _compile(dataset, _firm_columns(dataset), _link_columns(dataset), Path(target), source_fingerprint)
    finally:
        if enabled:
            gc.enable()


def _firm_columns(ds: Dataset) -> dict[str, list[Any]]:
    """The firms as the columns :func:`~chaingraph.dataset.reader.read_for_compile` gives."""
    from ..dataset.reader import FIRM_COLUMNS

    firms = list(ds.firms.values())
    columns: dict[str, list[Any]] = {column: [getattr(f, column) for f in firms] for column in FIRM_COLUMNS}
    columns["sources"] = ["|".join(f.sources) for f in firms]
    return columns


def _link_columns(ds: Dataset) -> dict[str, list[Any]]:
    from ..dataset.reader import LINK_COLUMNS

    columns = {column: [getattr(link, column) for link in ds.links] for column in LINK_COLUMNS if column != "row"}
    rows = {firm: i for i, firm in enumerate(ds.firms)}
    columns["row"] = [rows[link.firm] for link in ds.links]
    return columns


def _compile(ds: Dataset, firms: dict[str, list[Any]], links: dict[str, list[Any]], target: Path,
             source_fingerprint: str) -> Path:
    """``ds`` is the dataset but its firms and links, which come as columns (``firms``, ``links``)."""
    import tempfile  # only to compile: a query never imports it

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ExportError(msg("cannot write snapshot {target}: {strerror}",
                              target=target, strerror=exc.strerror or exc)) from None
    os.close(handle)
    tmp = Path(tmp_name)
    try:
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA journal_mode = OFF")
            con.execute("PRAGMA synchronous = OFF")
            con.execute("PRAGMA cache_size = -65536")  # 64 MiB of pages for building the indexes
            con.executescript(_SCHEMA)
            _fill(con, ds, firms, links, source_fingerprint)
            con.executescript(_INDEXES.format(masks=", ".join(_mask_columns(len(ds.segments)))))
            con.execute("ANALYZE")
            con.commit()
        finally:
            con.close()
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(msg("cannot write snapshot {target}: {exc}", target=target, exc=exc)) from exc
    return target


def _fill(con: sqlite3.Connection, ds: Dataset, firms: dict[str, list[Any]], links: dict[str, list[Any]],
          source_fingerprint: str) -> None:
    info = ds.info
    meta = {
        "version": FORMAT_VERSION, "fingerprint": source_fingerprint, "dataset": info.id, "name": info.name,
        "name_en": info.name_en,
        "as_of": str(info.as_of), "default_region": info.default_region, "analysis": _dump(info.analysis),
        "evidence": evidence_to_json(ds),
    }
    con.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    for i, chain in enumerate(ds.chains.values()):
        con.execute("INSERT INTO chains VALUES (?, ?, ?)", (i, chain.id, _dump(
            {"name": chain.name, "name_en": chain.name_en, "aliases": chain.aliases,
             "description": chain.description, "sources": chain.sources, "generic_terms": chain.generic_terms})))
    for i, s in enumerate(ds.segments.values()):
        con.execute("INSERT INTO segments VALUES (?, ?, ?, ?)", (i, s.id, s.chain, _dump(
            {"name": s.name, "tier": s.tier, "importance": s.importance, "name_en": s.name_en,
             "keywords": s.keywords, "aliases": s.aliases, "leading": s.leading, "description": s.description,
             "importance_basis": s.importance_basis, "industry_codes": s.industry_codes, "wide_codes": s.wide_codes,
             "scope_terms": s.scope_terms, "product_terms": s.product_terms, "ambiguous_terms": s.ambiguous_terms,
             "narrowing_terms": s.narrowing_terms, "roles": s.roles})))
    con.executemany("INSERT INTO supplies VALUES (?, ?, ?, ?, ?, ?)",
                    [(i, e.source, e.target, e.chain, e.note, e.kind) for i, e in enumerate(ds.segment_edges)])
    for i, r in enumerate(ds.regions.values()):
        con.execute("INSERT INTO regions VALUES (?, ?, ?, ?)", (i, r.id, r.kind, _dump(
            {"name": r.name, "parent": r.parent, "name_en": r.name_en, "aliases": r.aliases,
             "favoured_countries": r.favoured_countries, "note": r.note, "covers": r.covers})))
        con.executemany("INSERT INTO region_anc VALUES (?, ?)", [(r.id, a) for a in ds.region_ancestors(r.id)])
    con.executemany("INSERT INTO groups VALUES (?, ?)", [(g.id, g.name) for g in ds.groups.values()])

    ids, names, homes = firms["id"], firms["name"], firms["region"]
    # firm id -> its row in the columns, for the firms of projects (a link carries its firm's row)
    project_firms = {firm for project in ds.projects.values() for firm in project.firms}
    index = {firm: i for i, firm in enumerate(ids) if firm in project_firms}
    # what a map's firm row shows (analysis.views.firm_products): the evidence of its links, then the products of
    # its supply ties, in file order and without repeats; JSON, NULL when none
    products: dict[str, list[str]] = {}
    for firm, evidence in zip(links["firm"], links["evidence"], strict=True):
        if evidence:
            products.setdefault(firm, []).append(evidence)
    for tie in ds.ties:
        if tie.product:
            products.setdefault(tie.supplier, []).append(tie.product)
    # ChainGraph.fortune500 and is_leader, for every firm at once
    group_f500 = {g.id: g.name for g in ds.groups.values() if g.fortune500}
    f500s = [name if flag else group_f500.get(group) if group else None
             for name, flag, group in zip(names, firms["fortune500"], firms["group"], strict=True)]
    leaders = {firm for firm, size, f500 in zip(ids, firms["size"], f500s, strict=True) if size == "leader" or f500}

    made = {firm: _dump(list(dict.fromkeys(found))) for firm, found in products.items()}  # few firms have some
    con.executemany("INSERT INTO firms VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", zip(
        ids, count(), names, firms["country"], firms["group"], firms["size"], homes, firms["headquarters"], f500s,
        map(int, map(leaders.__contains__, ids)), firms["name_en"], map(made.get, ids), firms["sources"],
        strict=False))  # (``count`` is endless: the columns end the rows)
    made.clear()
    products.clear()  # only the firm rows need them
    con.executemany("INSERT INTO sources VALUES (?, ?, ?)", ((s.id, s.title, s.url) for s in ds.sources.values()))
    from ..analysis.ledger import project_ledger

    stalled = {e["id"]: _dump([e["stalled_code"], e["stalled_params"]]) for e in project_ledger(ds) if e["stalled"]}
    con.executemany("INSERT INTO projects VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    ((p.id, p.name, p.status, str(p.date) if p.date else None, p.region,
                      str(p.investment) if p.investment else None,
                      _dump([names[index[f]] for f in p.firms if f in index]), stalled.get(p.id))
                     for p in ds.projects.values()))

    # every presence of a firm in a segment, in ChainGraph.presences_by_segment's order: the segment's links in
    # file order (as three columns: firms, confidences, places where they count), then its project presences
    # (firm, stage, confidence, project, place); a segment's links name each firm once (the reader checks it)
    link_firms, link_segments, link_confidences, link_rows = (links[c] for c in ("firm", "segment", "confidence",
                                                                                 "row"))
    link_places = list(map(homes.__getitem__, link_rows))
    rows_of: dict[str, list[int]] = {}
    for i, segment in enumerate(link_segments):
        found = rows_of.get(segment)
        if found is None:
            found = rows_of[segment] = []
        found.append(i)
    segments: dict[str, _Presences] = {}
    for segment, rows in rows_of.items():
        segments[segment] = _Presences(list(map(link_firms.__getitem__, rows)),
                                       list(map(link_confidences.__getitem__, rows)),
                                       list(map(link_places.__getitem__, rows)), list(map(link_rows.__getitem__, rows)))
    del rows_of, link_places
    for project in ds.projects.values():
        stage = _project_stage(project)
        if stage is None:
            continue
        for segment in project.segments:
            if segment not in segments:
                segments[segment] = _Presences([], [], [], [])
            segments[segment].projects.extend((firm, stage, "confirmed", project.id, project.region)
                                              for firm in project.firms)

    # first what the ``operating`` tables need: segment -> firm's row -> 2 * best rank of its own links (3: none)
    # + whether it operates through a placed project
    operating: dict[str, dict[int, int]] = {}
    via_rank: dict[tuple[str, str, str], int] = {}  # (segment, firm, place of the project) -> best rank
    masks: dict[int, int] = {}  # firm's row -> bits of the segments it operates in
    bits = {segment: 1 << i for i, segment in enumerate(ds.segments)}
    for segment, here_presences in segments.items():
        codes = {confidence: _RANKS.get(confidence, 2) << 1 for confidence in set(here_presences.confidences)}
        here = operating[segment] = dict(zip(here_presences.rows, map(codes.__getitem__,
                                                                      here_presences.confidences), strict=True))
        bit = bits[segment]
        for row in here_presences.rows:
            masks[row] = masks.get(row, 0) | bit
        for firm, stage, confidence, via, place in here_presences.projects:
            if stage != "operating":
                continue
            rank = _RANKS.get(confidence, 2)
            row = index[firm]
            masks[row] = masks.get(row, 0) | bit
            code = here.get(row, 6)
            if row not in here:
                here_presences.project_only.append(row)
            if via is not None and place is not None:
                here[row] = code | 1
                key = (segment, firm, place)
                if via_rank.get(key, 3) > rank:
                    via_rank[key] = rank
            elif rank < code >> 1:
                here[row] = rank << 1 | (code & 1)
    # then the presence rows, segment by segment, with the masks of the segments the firm operates in when they
    # are more than one (0 otherwise): only such firms can be local in two segments, which a count of distinct
    # local firms over segments must mind
    columns = _mask_columns(len(ds.segments))
    con.execute(f"""
        -- every presence of a firm in a segment, in the order the in-memory graph lists them; ``place`` is where it
        -- counts: the firm's region for links, the project's region for project presences
        CREATE TABLE presence (ord INTEGER PRIMARY KEY, firm TEXT NOT NULL, segment TEXT NOT NULL,
                               stage TEXT NOT NULL, confidence TEXT NOT NULL, via TEXT, place TEXT,
                               leader INTEGER NOT NULL, {', '.join(f'{m} INTEGER NOT NULL' for m in columns)})""")
    full, none = (1 << MASK_BITS) - 1, (0,) * len(columns)
    multi = {row: tuple((mask >> (MASK_BITS * i)) & full for i in range(len(columns)))
             for row, mask in masks.items() if mask & (mask - 1)}
    insert = f"INSERT INTO presence VALUES ({', '.join('?' * (8 + len(columns)))})"
    ranges: list[tuple[str, int, int]] = []
    position = 0
    for segment, here_presences in segments.items():
        firms_here = here_presences.firms
        size = len(firms_here) + len(here_presences.projects)
        if size:
            ranges.append((segment, position, position + size - 1))
        # ``ord`` keeps the graph's order within each segment, which is all the analysis relies on
        con.executemany(insert, zip(
            count(position), firms_here, repeat(segment), repeat("operating"), here_presences.confidences,
            repeat(None), here_presences.places, map(int, map(leaders.__contains__, firms_here)),
            *zip(*map(multi.get, here_presences.rows, repeat(none)), strict=True)))
        position += len(firms_here)
        con.executemany(insert, [
            (i, firm, segment, stage, confidence, via, place, int(firm in leaders), *multi.get(index[firm], none))
            for i, (firm, stage, confidence, via, place) in enumerate(here_presences.projects, position)])
        position += len(here_presences.projects)
    con.executemany("INSERT INTO segment_rows VALUES (?, ?, ?)", ranges)
    con.executemany("INSERT INTO ties VALUES (?, ?, ?)",
                    ((i, t.supplier, t.customer) for i, t in enumerate(ds.ties)))
    _fill_operating(con, ds, firms, segments, operating, via_rank, masks, f500s)
    operating.clear()
    via_rank.clear()
    masks.clear()
    _fill_summaries(con, ds, segments, homes, index, leaders)


class _Presences:
    """The presences of one segment: its links as columns (the firms' rows too), then its project presences."""

    __slots__ = ("firms", "confidences", "places", "rows", "projects", "project_only")

    def __init__(self, firms: list[str], confidences: list[str], places: list[str | None], rows: list[int]) -> None:
        self.firms, self.confidences, self.places, self.rows = firms, confidences, places, rows
        self.projects: list[tuple[str, str, str, str | None, str | None]] = []
        self.project_only: list[int] = []  # the rows of the firms operating here through projects alone


def _fill_summaries(con: sqlite3.Connection, ds: Dataset, presences: dict[str, _Presences],
                    homes: list[str | None], index: dict[str, int], leaders: set[str]) -> None:
    """The ``local_summary``, ``local_chains`` and ``counts`` tables, in one pass over the presences.

    The semantics are :class:`~chaingraph.analysis.facts.NxFacts`'s (the parity tests compare them): a firm is local
    to a region when one of its presences in the segment is placed inside it, listed in the order of its first such
    presence, and counted when one of them is not a guessed link (or guessed links count); pipeline projects are
    listed, never counted. ``counts`` holds firms per home region (rolled up to each level) and segment, as
    relatedness wants them.
    """
    above: dict[str | None, tuple[str, ...]] = {None: ()}

    def ancestors(place: str | None) -> tuple[str, ...]:
        found = above.get(place)
        if found is None:
            found = above[place] = tuple(ds.region_ancestors(place))  # type: ignore[arg-type]
        return found

    inside: dict[str, list[str]] = {}  # region -> the regions inside it (itself too)
    for region_id in ds.regions:
        for region in ancestors(region_id):
            inside.setdefault(region, []).append(region_id)
    home: dict[bool, dict[str, dict[str, int]]] = {False: {}, True: {}}
    by_position = itemgetter(1)
    empty = _Presences([], [], [], [])
    for chain in ds.chains.values():
        chain_all: dict[str, set[str]] = {}  # region -> its local firms over the chain's segments
        chain_sure: dict[str, set[str]] = {}  # ... of which counted without guessed links
        for segment in chain.segments:
            # first per place (where a presence counts): firm -> position of its first presence there, the firms
            # counted without guessed links, the leaders, pipeline projects. The links come first and name each
            # firm once, so their firms go in as they are; the project presences need the general rule.
            here = presences.get(segment.id, empty)
            at: dict[str | None, dict[str, int]] = {}
            sure_at: dict[str | None, set[str]] = {}
            pipeline_at: dict[str | None, dict[str, int]] = {}
            for position, (firm, confidence, place) in enumerate(zip(here.firms, here.confidences, here.places,
                                                                     strict=True)):
                found = at.get(place)
                if found is None:
                    found = at[place] = {}
                    sure_at[place] = set()
                found[firm] = position
                if confidence != "guessed":
                    sure_at[place].add(firm)
            operating = dict.fromkeys(here.firms)  # every firm operating in the segment (for the home counts)
            operating_sure = {firm for firm, confidence in zip(here.firms, here.confidences, strict=True)
                              if confidence != "guessed"}
            for position, (firm, stage, confidence, via, place) in enumerate(here.projects, len(here.firms)):
                if via is not None and stage == "pipeline":
                    pipeline_at.setdefault(place, {}).setdefault(via, position)
                    continue
                found = at.get(place)
                if found is None:
                    found = at[place] = {}
                    sure_at[place] = set()
                found.setdefault(firm, position)
                operating.setdefault(firm)
                if confidence != "guessed":
                    sure_at[place].add(firm)
                    operating_sure.add(firm)
            leaders_at = {place: {firm: found[firm] for firm in found.keys() & leaders} for place, found in at.items()}
            # then per region, from the places inside it: unions of sets, and the first firms by position
            touched = {region for place in (*at, *pipeline_at) for region in ancestors(place)}
            rows = []
            for region in touched:
                places = [q for q in inside[region] if q in at]
                if len(places) == 1:
                    found = at[places[0]]
                    all_firms: set[str] | dict[str, int] = found
                    counted = sure_at[places[0]]
                    ordered = iter(found)
                else:
                    all_firms = set().union(*(at[q] for q in places))
                    counted = set().union(*(sure_at[q] for q in places))
                    ordered = _first_seen(heapq.merge(*(at[q].items() for q in places), key=by_position))
                firsts = list(islice(ordered, SUMMARY_FIRMS))
                firsts_sure = [f for f in firsts if f in counted]
                if len(firsts_sure) < SUMMARY_FIRMS and len(firsts_sure) < len(counted):
                    firsts_sure.extend(islice((f for f in ordered if f in counted),
                                              SUMMARY_FIRMS - len(firsts_sure)))
                heads: dict[str, int] = {}
                for q in inside[region]:
                    for firm, position in leaders_at.get(q, {}).items():
                        if heads.get(firm, position) >= position:
                            heads[firm] = position
                heads_all = sorted(heads, key=heads.__getitem__)
                heads_sure = [f for f in heads_all if f in counted]
                projects_here: dict[str, int] = {}
                for q in inside[region]:
                    for project, position in pipeline_at.get(q, {}).items():
                        if projects_here.get(project, position) >= position:
                            projects_here[project] = position
                shown = " ".join(sorted(projects_here, key=projects_here.__getitem__))
                rows.append((region, segment.id, 0, len(counted), len(heads_sure), " ".join(firsts_sure),
                             " ".join(heads_sure[:SUMMARY_FIRMS]), shown))
                rows.append((region, segment.id, 1, len(all_firms), len(heads_all), " ".join(firsts),
                             " ".join(heads_all[:SUMMARY_FIRMS]), shown))
                if all_firms:
                    chain_all.setdefault(region, set()).update(all_firms)
                    chain_sure.setdefault(region, set()).update(counted)
            con.executemany("INSERT INTO local_summary VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
            # firms per home region, counted in the order the firms come (which orders the rows of ``counts``): a
            # link's place is its firm's home; the firms that operate only through projects come after the links
            extra = [homes[index[firm]] for firm in islice(operating, len(here.firms), None)]
            every = Counter(here.places)
            every.update(extra)
            sure = Counter([place for firm, confidence, place in zip(here.firms, here.confidences, here.places,
                                                                     strict=True)
                            if confidence != "guessed" or firm in operating_sure])
            sure.update(home for firm, home in zip(islice(operating, len(here.firms), None), extra, strict=True)
                        if firm in operating_sure)
            for guessed, counter in ((True, every), (False, sure)):
                by_home = home[guessed]
                for firm_home, n in counter.items():
                    if firm_home is None:
                        continue
                    per_segment = by_home.get(firm_home)
                    if per_segment is None:
                        per_segment = by_home[firm_home] = {}
                    per_segment[segment.id] = per_segment.get(segment.id, 0) + n
        con.executemany("INSERT INTO local_chains VALUES (?, ?, ?, ?)",
                        [row for region, found in chain_all.items()
                         for row in ((region, chain.id, 0, len(chain_sure[region])),
                                     (region, chain.id, 1, len(found)))])
    for level in sorted({r.kind for r in ds.regions.values()}):
        for guessed in (False, True):
            counts: dict[str, dict[str, int]] = {}
            for region, row in home[guessed].items():
                target = next((r for r in ds.region_ancestors(region) if ds.regions[r].kind == level), None)
                if target is None:
                    continue
                into = counts.setdefault(target, {})
                for segment_id, n in row.items():
                    into[segment_id] = into.get(segment_id, 0) + n
            con.executemany("INSERT INTO counts VALUES (?, ?, ?, ?, ?)",
                            ((level, int(guessed), r, s, n) for r, row in counts.items() for s, n in row.items()))


MASK_BITS = 62
"""Segments per mask column of ``operating`` and ``presence``: bit ``ord % 62`` of column ``m{ord // 62}`` (positive
integers)."""


def _mask_columns(segments: int) -> list[str]:
    return [f"m{i}" for i in range(max(1, -(-segments // MASK_BITS)))]


_RANKS = {"confirmed": 0, "probable": 1}  # any other confidence ranks 2


def _fill_operating(con: sqlite3.Connection, ds: Dataset, firms: dict[str, list[Any]],
                    presences: dict[str, _Presences], operating: dict[str, dict[int, int]],
                    via_rank: dict[tuple[str, str, str], int], masks: dict[int, int], f500s: list[str | None]) -> None:
    """The ``operating`` tables: the target ranking's candidates, one contiguous run of rows per segment.

    ``operating`` has one row per (segment, firm operating in it) with the best confidence rank of its own links
    (and of projects without a region; 3 when it operates there only through projects placed in a region), the
    firm's fields the score reads, and masks of every segment the firm operates in (for the chain-synergy bonus):
    bit ``ord % MASK_BITS`` of column ``m{ord // MASK_BITS}``. ``operating_via`` has the rank per place of the
    projects a firm operates through, which a region excludes when they are inside it. Ranking a segment's
    candidates then reads one range of rows and groups nothing.
    """
    width = MASK_BITS
    columns = _mask_columns(len(ds.segments))
    n_masks = len(columns)
    full = (1 << width) - 1
    con.execute(f"""CREATE TABLE operating (segment TEXT NOT NULL, firm TEXT NOT NULL, lrank INTEGER NOT NULL,
                    vias INTEGER NOT NULL, region TEXT, size TEXT NOT NULL, f500 TEXT, grp TEXT,
                    country TEXT NOT NULL, name TEXT NOT NULL, {', '.join(f'{m} INTEGER NOT NULL' for m in columns)},
                    PRIMARY KEY (segment, firm)) WITHOUT ROWID""")
    fields = [firms["region"], firms["size"], f500s, firms["group"], firms["country"], firms["name"]]
    insert = f"INSERT INTO operating VALUES ({', '.join('?' * (10 + n_masks))})"
    ids = firms["id"]
    homes = firms["region"]
    # (segment, home region or "", firms operating there by their own links or projects without a region)
    by_home: list[tuple[str, str, int]] = []
    by_id = ids == sorted(ids)  # (then the rows' order is the ids' order: the usual case, and a linear check)
    for segment in sorted(operating):  # segment by segment (by firm id within), column by column
        here = operating[segment]
        rows = sorted(here) if by_id else sorted(here, key=ids.__getitem__)
        codes = list(map(here.__getitem__, rows))
        bits = list(map(masks.__getitem__, rows))
        mask_columns = [map(full.__and__, map((width * i).__rrshift__, bits)) for i in range(n_masks)]
        con.executemany(insert, zip(
            repeat(segment, len(rows)), map(ids.__getitem__, rows), map((1).__rrshift__, codes),
            map((1).__and__, codes), *(map(field.__getitem__, rows) for field in fields), *mask_columns,
            strict=True))
        # the firms with lrank < 3: every link's firm (its place is its home), and those of unplaced projects
        counted = Counter(presences[segment].places)
        counted.update(homes[row] for row in presences[segment].project_only if here[row] < 6)
        by_home.extend((segment, home or "", n) for home, n in counted.items())
    con.execute("""CREATE TABLE operating_homes (segment TEXT NOT NULL, region TEXT NOT NULL, n INTEGER NOT NULL,
                   PRIMARY KEY (segment, region)) WITHOUT ROWID""")
    con.executemany("INSERT INTO operating_homes VALUES (?, ?, ?)", sorted(by_home))
    con.execute("""CREATE TABLE operating_via (segment TEXT NOT NULL, firm TEXT NOT NULL, place TEXT NOT NULL,
                   crank INTEGER NOT NULL, PRIMARY KEY (segment, firm, place)) WITHOUT ROWID""")
    con.executemany("INSERT INTO operating_via VALUES (?, ?, ?, ?)",
                    (key + (rank,) for key, rank in sorted(via_rank.items())))
    con.execute("INSERT INTO meta VALUES ('mask_columns', ?)", (str(n_masks),))


def _size_test(sizes: list[str | None]) -> str:
    """SQL true for the ``operating`` rows of these sizes (None: a size the score does not name)."""
    named = ", ".join(f"'{size}'" for size in sizes if size is not None)
    if None not in sizes:
        return f"size IN ({named})"
    others = ", ".join(f"'{size}'" for size in ("leader", "large", "medium", "small") if size not in sizes)
    return f"size NOT IN ({others})" if others else "1"


def _first_seen(items: Iterator[tuple[str, int]]) -> Iterator[str]:
    """The firms of (firm, position) pairs sorted by position, each once (at its first position)."""
    seen: set[str] = set()
    for firm, _ in items:
        if firm not in seen:
            seen.add(firm)
            yield firm


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # an unreadable cache folder holds no usable snapshot
        return False


def snapshot_is_fresh(root: str | Path, cache_dir: Path | None = None) -> bool:
    """True when a snapshot of the folder exists and matches its files as they are now."""
    path = snapshot_path(root, cache_dir)
    if not _exists(path):
        return False
    try:
        with SnapshotFacts(path) as facts:
            return facts.meta.get("fingerprint") == fingerprint(root) and facts.meta.get("version") == FORMAT_VERSION
    except ChaingraphError:
        return False


def open_snapshot(root: str | Path, cache_dir: Path | None = None, rebuild: bool = False,
                  on_build: Any = None, on_uncached: Any = None) -> SnapshotFacts:
    """The snapshot of a dataset folder, compiled first if it is missing or any source file changed.

    ``on_build(path)`` is called before a (re)build, so a CLI can tell the user why it takes a while. When the
    cache folder cannot be written and ``on_uncached`` is given, the snapshot is compiled into a temporary file
    that is deleted when it is closed, and ``on_uncached(message)`` says so; without ``on_uncached`` the failure
    is an :class:`~chaingraph.errors.ExportError`.
    """
    from ..dataset.journal import recover

    root = Path(root)
    if root.is_dir():
        recover(root)  # an interrupted change is finished before the fingerprint is taken
    path = snapshot_path(root, cache_dir)
    current = fingerprint(root)
    if not rebuild and _exists(path):
        try:
            facts = SnapshotFacts(path)
        except ChaingraphError:
            facts = None
        if facts is not None:
            if facts.meta.get("fingerprint") == current and facts.meta.get("version") == FORMAT_VERSION:
                return facts
            facts.close()
    if on_build is not None:
        on_build(path)
    # Millions of small acyclic records live from the load to the end of the compile: with the cyclic collector on
    # between the steps, each of its full passes would rescan all of them (seconds on a national pool).
    enabled = gc.isenabled()
    gc.disable()
    try:
        path, temporary = _compile_from_files(root, path, current, on_uncached)
    finally:
        if enabled:
            gc.enable()
    if fingerprint(root) != current:  # edited while we were compiling: do not trust what we wrote
        path.unlink(missing_ok=True)
        raise ChaingraphError(msg("{root} changed while its snapshot was being compiled; run the command again",
                                  root=root))
    facts = SnapshotFacts(path)
    facts.temporary = temporary
    return facts


def _compile_from_files(root: Path, path: Path, current: str, on_uncached: Any) -> tuple[Path, bool]:
    """Load and compile ``root`` into ``path`` (or a temporary file when ``path`` cannot be written and
    ``on_uncached`` is given); the dataset is freed on return. True with a temporary file."""
    from ..dataset.reader import load_dataset, read_for_compile

    read = read_for_compile(root)  # firms and links as columns, checked in bulk
    if read is None:  # not plain, or not valid: the row-by-row reader reads it, or reports every problem
        dataset = load_dataset(root)
        read = dataset, _firm_columns(dataset), _link_columns(dataset)
    try:
        _compile(*read, path, current)
    except ExportError as exc:
        if on_uncached is None:
            raise ExportError(msg("{exc}; set {CACHE_ENV} to a writable folder",
                                  exc=exc, CACHE_ENV=CACHE_ENV)) from None
        import tempfile

        path = Path(tempfile.mkdtemp(prefix="chaingraph-snapshot-")) / path.name
        _compile(*read, path, current)
        on_uncached(msg("{exc}; answering without caching (set {CACHE_ENV} to a writable folder to keep it)",
                        exc=exc, CACHE_ENV=CACHE_ENV))
        return path, True
    return path, False


class SnapshotFacts(StructureFacts):
    """:class:`~chaingraph.analysis.facts.Facts` answered by SQL from a compiled snapshot."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        except sqlite3.Error as exc:
            raise ChaingraphError(msg("cannot read snapshot {path}: {exc}", path=self.path, exc=exc)) from exc
        try:
            self.meta = dict(self.con.execute("SELECT key, value FROM meta"))
        except sqlite3.Error as exc:
            self.con.close()  # Python 3.13 warns about (and CI fails on) a connection left to the collector
            raise ChaingraphError(msg("cannot read snapshot {path}: {exc}", path=self.path, exc=exc)) from exc
        self.params = AnalysisParams.from_mapping(json.loads(self.meta.get("analysis", "{}")))
        self._load_structure()

    temporary = False
    """True for a snapshot compiled outside an unwritable cache: its file is deleted on :meth:`close`."""

    def close(self) -> None:
        self.con.close()
        if self.temporary:
            self.path.unlink(missing_ok=True)
            try:
                self.path.parent.rmdir()
            except OSError:
                pass

    def __enter__(self) -> SnapshotFacts:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------------------------------ structure
    def _load_structure(self) -> None:
        chains: dict[str, Chain] = {}
        for chain_id, data in self.con.execute("SELECT id, data FROM chains ORDER BY ord"):
            d = json.loads(data)
            chains[chain_id] = Chain(id=chain_id, name=d["name"], name_en=d["name_en"], aliases=d["aliases"],
                                     description=d["description"], sources=d.get("sources", []),
                                     generic_terms=d.get("generic_terms", []))
        self._segment_ord: dict[str, int] = {}  # the bit of a segment in the masks of ``operating``
        for seg_id, chain_id, data, position in self.con.execute(
                "SELECT id, chain, data, ord FROM segments ORDER BY ord"):
            self._segment_ord[seg_id] = position
            d = json.loads(data)
            segment = Segment(id=seg_id, chain=chain_id, name=d["name"], tier=d["tier"], importance=d["importance"],
                              name_en=d["name_en"], keywords=d["keywords"], aliases=d["aliases"],
                              leading=d["leading"], description=d["description"],
                              importance_basis=d.get("importance_basis", ""),
                              **{key: d.get(key, []) for key in _VOCABULARY})
            chains[chain_id].segments.append(segment)
        for source, target, chain_id, note, kind in self.con.execute(
                "SELECT source, target, chain, note, kind FROM supplies ORDER BY ord"):
            chains[chain_id].supplies.append(SupplyEdge(source, target, chain_id, note, kind=kind))
        regions: dict[str, Region] = {}
        rows = self.con.execute("SELECT id, kind, data FROM regions ORDER BY ord").fetchall()
        # one JSON text for all regions' records (about 800 in a national pool): one parse instead of one per row
        records = json.loads(f"[{','.join(data for _, _, data in rows)}]")
        for (region_id, kind, _), d in zip(rows, records, strict=True):
            regions[region_id] = Region(id=region_id, name=d["name"], kind=kind, parent=d["parent"],
                                        name_en=d["name_en"], aliases=d["aliases"],
                                        favoured_countries=d["favoured_countries"], note=d["note"],
                                        covers=d.get("covers", []))
        info = DatasetInfo(id=self.meta["dataset"], name=self.meta["name"], as_of=parse_date(self.meta["as_of"]),
                           default_region=self.meta["default_region"], name_en=self.meta.get("name_en", ""))
        info.coverage, claims = evidence_from_json(self.meta.get("evidence"))
        self.ds = Dataset(info=info, chains=chains, regions=regions, claims=claims)
        self._structure = build_graph(self.ds)

    # ------------------------------------------------------------------------------------------ questions
    def _places(self, region_id: str) -> list[str]:
        return [r for (r,) in self.con.execute("SELECT region FROM region_anc WHERE ancestor = ?", (region_id,))]

    def segment_states(self, segment_ids: Iterable[str], region_id: str, params: AnalysisParams,
                       limit: int | None = None) -> dict[str, SegmentState]:
        if limit is not None and limit <= SUMMARY_FIRMS:
            return self._summary_states(list(segment_ids), region_id, params, limit)
        states = self._listed_states(list(segment_ids), region_id, params)
        return {segment: state.capped(limit) for segment, state in states.items()}

    def _summary_states(self, ids: list[str], region_id: str, params: AnalysisParams,
                        limit: int) -> dict[str, SegmentState]:
        """Counts and the first ``limit`` firms from the summary table; names only for the firms listed."""
        rows = {}
        for segment, n_firms, n_leaders, first_firms, first_leaders, projects in self._rows_in(
                "SELECT segment, firms, leaders, first_firms, first_leaders, projects FROM local_summary "
                "WHERE region = ? AND guessed = ? AND segment IN ({ids})", ids,
                before=(region_id, int(params.count_guessed_links))):
            rows[segment] = (n_firms, n_leaders, first_firms.split()[:limit], first_leaders.split()[:limit],
                             projects.split())
        firm_refs = self._firm_refs({f for row in rows.values() for f in (*row[2], *row[3])})
        project_refs = self._project_refs({p for row in rows.values() for p in row[4]})
        states = {}
        for segment in ids:
            row = rows.get(segment)
            if row is None:
                states[segment] = SegmentState()
                continue
            n_firms, n_leaders, firms, heads, projects = row
            states[segment] = SegmentState(tuple(firm_refs[f] for f in firms), tuple(firm_refs[f] for f in heads),
                                           tuple(project_refs[p] for p in projects), n_firms, n_leaders)
        return states

    def _rows_in(self, sql: str, ids: Sequence[str], before: tuple[Any, ...] = (),
                 after: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
        """The rows of ``sql`` whose ``{ids}`` is the list ``ids``, asked in chunks under SQLite's parameter limit."""
        for start in range(0, len(ids), _SQL_CHUNK):
            chunk = ids[start:start + _SQL_CHUNK]
            yield from self.con.execute(sql.format(ids=",".join("?" * len(chunk))), (*before, *chunk, *after))

    def _firm_refs(self, ids: set[str]) -> dict[str, FirmRef]:
        """FirmRefs by id (at least those of ``ids``): read once per session, as the snapshot never changes."""
        cache: dict[str, FirmRef] = self.__dict__.setdefault("_firm_ref_cache", {})
        missing = [firm for firm in ids if firm not in cache]
        for firm, name, f500 in self._rows_in("SELECT id, name, f500 FROM firms WHERE id IN ({ids})", missing):
            cache[firm] = FirmRef(firm, name, f500)
        return cache

    def _project_refs(self, ids: set[str]) -> dict[str, ProjectRef]:
        """ProjectRefs by id (at least those of ``ids``), read once per session."""
        cache: dict[str, ProjectRef] = self.__dict__.setdefault("_project_ref_cache", {})
        missing = [pid for pid in ids if pid not in cache]
        for pid, name, status, date in self._rows_in("SELECT id, name, status, date FROM projects WHERE id IN ({ids})",
                                                     missing):
            cache[pid] = ProjectRef(pid, name, status, date)
        return cache

    def local_firm_count(self, segment_ids: Iterable[str], region_id: str, params: AnalysisParams) -> int:
        """Distinct local firms over some segments: from the summary when they are one chain's, else listed."""
        ids = set(segment_ids)
        chains = {self.segments()[s].chain for s in ids}
        if len(chains) == 1:
            chain = chains.pop()
            if ids == {s.id for s in self.ds.chains[chain].segments}:
                row = self.con.execute("SELECT firms FROM local_chains WHERE region = ? AND guessed = ? AND chain = ?",
                                       (region_id, int(params.count_guessed_links), chain)).fetchone()
                return int(row[0]) if row else 0
        if len(ids) == 1:
            return self.segment_states(ids, region_id, params, limit=0)[ids.pop()].firm_count
        if not ids:
            return 0
        # a firm is local in a segment when a presence there (not a pipeline project) is placed in the region, and
        # counted when one of them is not a guessed link (or guessed links count). The summary counts each segment's
        # firms; a firm counted in k of the segments is there k times, and operates in two of them or more, so only
        # the presences of such firms (by the masks of ``presence``) are grouped, to take the k - 1 away
        chosen = sorted(ids)
        guessed = int(params.count_guessed_links)
        each = sum(n for (n,) in self.con.execute(
            f"SELECT firms FROM local_summary WHERE region = ? AND guessed = ? AND segment IN "
            f"({','.join('?' * len(chosen))})", (region_id, guessed, *chosen)))
        masks = [0] * int(self.meta.get("mask_columns", "1"))
        for segment in chosen:
            position = self._segment_ord[segment]
            masks[position // MASK_BITS] |= 1 << (position % MASK_BITS)
        mine = [f"(m{i} & {mask})" for i, mask in enumerate(masks) if mask]  # the firm's chosen segments
        several = " OR ".join([f"({m} & ({m} - 1)) <> 0" for m in mine]  # two in one column, or in two columns
                              + [f"({a} <> 0 AND {b} <> 0)" for j, a in enumerate(mine) for b in mine[j + 1:]])
        row = self.con.execute(
            "SELECT IFNULL(SUM(k - 1), 0) FROM (SELECT COUNT(DISTINCT segment) AS k FROM presence WHERE place IN "
            "(SELECT region FROM region_anc WHERE ancestor = ?) "
            f"AND segment IN ({','.join('?' * len(chosen))}) AND ({several}) "
            "AND NOT (via IS NOT NULL AND stage = 'pipeline') AND (confidence <> 'guessed' OR ?) GROUP BY firm)",
            (region_id, *chosen, guessed)).fetchone()
        return int(each - row[0])

    def _listed_states(self, ids: list[str], region_id: str, params: AnalysisParams) -> dict[str, SegmentState]:
        """Every local firm of each segment, with names (one joined query over the presence table)."""
        places = self._places(region_id)
        found: dict[str, tuple[dict[str, bool], dict[str, tuple[str, int]], list[str]]] = {
            s: ({}, {}, []) for s in ids}
        projects: dict[str, ProjectRef] = {}
        if ids and places:
            sql = (
                "SELECT p.segment, p.firm, p.stage, p.confidence, p.via, f.name, f.f500, f.leader, "
                "pr.name, pr.status, pr.date FROM presence p JOIN firms f ON f.id = p.firm "
                "LEFT JOIN projects pr ON pr.id = p.via "
                f"WHERE p.place IN ({','.join('?' * len(places))}) AND p.segment IN ({','.join('?' * len(ids))}) "
                "ORDER BY p.ord")
            for (segment, firm, stage, confidence, via, name, f500, leader, p_name, p_status, p_date) in \
                    self.con.execute(sql, (*places, *ids)):
                firms, refs, pipeline = found[segment]
                if via is not None and stage == "pipeline":
                    if via not in pipeline:
                        pipeline.append(via)
                        projects[via] = ProjectRef(via, p_name, p_status, p_date)
                    continue
                counted = confidence != "guessed" or params.count_guessed_links
                firms[firm] = firms.get(firm, False) or counted
                refs.setdefault(firm, (name, leader, f500))  # type: ignore[arg-type]
        states = {}
        for segment in ids:
            firms, refs, pipeline = found[segment]
            local = [(FirmRef(f, refs[f][0], refs[f][2]), refs[f][1])  # type: ignore[misc]
                     for f, counted in firms.items() if counted]
            states[segment] = SegmentState(tuple(ref for ref, _ in local),
                                           tuple(ref for ref, leader in local if leader),
                                           tuple(projects[p] for p in pipeline))
        return states

    def segment_statuses(self, region_id: str, params: AnalysisParams) -> dict[str, str]:
        """The status of every segment in a region, aggregated by SQL without listing the firms."""
        from ..analysis.gaps import status_from_counts

        cache = self.__dict__.setdefault("_statuses", {})
        key = (region_id, params)
        if key in cache:  # a map asks once per drawn segment; the answer depends only on region and parameters
            return dict(cache[key])
        found = {s: (0, False, False) for s in self.segments()}
        for segment, firms, leaders, projects in self.con.execute(
                "SELECT segment, firms, leaders, projects <> '' FROM local_summary WHERE region = ? AND guessed = ?",
                (region_id, int(params.count_guessed_links))):
            found[segment] = (firms, leaders > 0, bool(projects))
        cache[key] = {s: status_from_counts(n, leader, pipeline, params) for s, (n, leader, pipeline) in found.items()}
        return dict(cache[key])

    def region_segment_counts(self, level: str, params: AnalysisParams) -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {}
        for region, segment, n in self.con.execute(
                "SELECT region, segment, n FROM counts WHERE level = ? AND guessed = ?",
                (level, int(params.count_guessed_links))):
            counts.setdefault(region, {})[segment] = n
        return counts

    def favoured_parks(self, region_id: str) -> dict[str, list[str]]:
        parks: dict[str, list[str]] = {}
        for rid in sorted(self._places(region_id)):
            region = self.ds.regions[rid]
            for country in region.favoured_countries:
                parks.setdefault(country, []).append(region.name)
        return parks

    def _region_context(self, region_id: str) -> tuple[set[str], dict[str, list[str]], dict[str, list[str]]]:
        """For a region, once: the groups with a local firm, and the supply ties with local firms (outside
        supplier -> local customers' names, outside customer -> local suppliers' names), in file order."""
        cache = self.__dict__.setdefault("_context", {})
        if region_id in cache:
            return cache[region_id]  # type: ignore[no-any-return]
        local = "(SELECT region FROM region_anc WHERE ancestor = ?)"
        # the (region, grp) index answers this without reading a firm row; names are read per group when needed
        groups = {grp for (grp,) in self.con.execute(
            f"SELECT DISTINCT grp FROM firms WHERE region IN {local} AND grp IS NOT NULL", (region_id,))}
        supplies_to: dict[str, list[str]] = {}
        for supplier, customer_name in self.con.execute(
                "SELECT t.supplier, f.name FROM ties t JOIN firms f ON f.id = t.customer "
                f"WHERE f.region IN {local} ORDER BY t.ord", (region_id,)):
            supplies_to.setdefault(supplier, []).append(customer_name)
        buys_from: dict[str, list[str]] = {}
        for customer, supplier_name in self.con.execute(
                "SELECT t.customer, f.name FROM ties t JOIN firms f ON f.id = t.supplier "
                f"WHERE f.region IN {local} ORDER BY t.ord", (region_id,)):
            buys_from.setdefault(customer, []).append(supplier_name)
        cache[region_id] = (groups, supplies_to, buys_from)
        return cache[region_id]  # type: ignore[no-any-return]

    def _group_local_names(self, groups: Iterable[str], region_id: str) -> dict[str, list[str]]:
        """The names of each group's local firms, in file order."""
        chosen = sorted(set(groups))
        names: dict[str, list[str]] = {}
        for grp, name in self._rows_in("SELECT grp, name FROM firms WHERE grp IN ({ids}) AND region IN "
                                       "(SELECT region FROM region_anc WHERE ancestor = ?) ORDER BY ord", chosen,
                                       after=(region_id,)):
            names.setdefault(grp, []).append(name)
        return names

    def candidates(self, segment_id: str, region_id: str, strong_or_weak: set[str],
                   params: AnalysisParams, only: Iterable[str] | None = None) -> list[CandidateFacts]:
        """Every candidate for the segment (or only the firms in ``only``), in the in-memory order."""
        places = set(self._places(region_id))
        marks = ",".join("?" * len(places)) or "NULL"
        rank = {"confirmed": 0, "probable": 1, "guessed": 2}
        best: dict[str, str] = {}
        info: dict[str, tuple[Any, ...]] = {}
        chosen = list(only) if only is not None else None
        restrict = f"AND p.firm IN ({','.join('?' * len(chosen))}) " if chosen is not None else ""
        lo, hi = self.con.execute("SELECT lo, hi FROM segment_rows WHERE segment = ?", (segment_id,)).fetchone() \
            or (0, -1)
        sql = (
            "SELECT p.firm, p.confidence, f.name, f.country, f.headquarters, f.size, f.f500, f.grp, g.name, f.region "
            "FROM presence p JOIN firms f ON f.id = p.firm LEFT JOIN groups g ON g.id = f.grp "
            f"WHERE p.ord BETWEEN ? AND ? AND p.segment = ? AND p.stage = 'operating' {restrict}"
            f"AND (f.region IS NULL OR f.region NOT IN ({marks})) "
            f"AND (p.via IS NULL OR p.place IS NULL OR p.place NOT IN ({marks})) ORDER BY p.ord")
        for firm, confidence, *rest in self.con.execute(sql, (lo, hi, segment_id, *(chosen or ()), *places, *places)):
            current = best.get(firm)
            if current is None or rank[confidence] < rank[current]:
                best[firm] = confidence
            info.setdefault(firm, tuple(rest))
        if not best:
            return []
        local_groups, supplies_to, buys_from = self._region_context(region_id)
        supplies = {firm: names for firm, names in supplies_to.items() if firm in best}
        buys = {firm: names for firm, names in buys_from.items() if firm in best}
        synergy: dict[str, dict[str, str]] = {firm: {} for firm in best}
        firms_args: tuple[Any, ...]
        if chosen is not None:
            firms_sql, firms_args = f"({','.join('?' * len(chosen))})", tuple(chosen)
        else:
            firms_sql = "(SELECT firm FROM presence WHERE ord BETWEEN ? AND ? AND stage = 'operating')"
            firms_args = (lo, hi)
        for firm, other in self.con.execute(
                f"SELECT firm, segment FROM presence WHERE stage = 'operating' AND firm IN {firms_sql} ORDER BY ord",
                firms_args):
            mine = synergy.get(firm)
            if mine is None or other == segment_id or other in mine:
                continue
            near = [n for n in self.upstream(other) + self.downstream(other) if n in strong_or_weak]
            if near:
                mine[other] = near[0]
        group_names = self._group_local_names((info[f][5] for f in best if info[f][5] in local_groups), region_id)
        result = []
        for firm, confidence in best.items():
            name, country, headquarters, size, f500, grp, grp_name, _region = info[firm]
            in_group = grp is not None and grp in local_groups
            result.append(CandidateFacts(
                id=firm, name=name, country=country, headquarters=headquarters, size=size, confidence=confidence,
                fortune500=f500, group=grp_name if in_group else None,
                group_local_firms=tuple(group_names[grp]) if in_group else (),
                supplies_local=tuple(supplies.get(firm, ())), buys_from_local=tuple(buys.get(firm, ())),
                synergy=tuple(synergy[firm].items())))
        return result

    def ranked_candidates(self, segment_id: str, region_id: str, strong_or_weak: set[str], params: AnalysisParams,
                          parks_by_country: dict[str, list[str]], limit: int) -> tuple[list[CandidateFacts], int]:
        """The ``limit`` best candidates (by the target score) and the number of all candidates.

        SQLite scores and ranks the candidates (the region's groups and supply ties, computed once per region, are
        temporary tables); the full facts (names for the reasons) are then read for the winners only. The ranking
        is pruned, exactly: the firms of the two best-weighted sizes are ranked first, and their ``limit``-th score
        is a threshold; of the other firms only those whose best possible score (the best confidence weight times
        their size, Fortune 500, the group and supply-tie bonuses they have, and the country and synergy bonuses)
        can reach it are ranked, testing the size first and the group and ties only where they decide. With a
        negative weight (no upper bound from the terms) every candidate is ranked.
        """
        # a candidate's other segment earns the synergy bonus when it borders a segment the region is strong or
        # weak in (as in the in-memory facts)
        synergy_segments = sorted(s for s in self.segments() if s != segment_id
                                  and any(n in strong_or_weak for n in self.upstream(s) + self.downstream(s)))
        groups_table, tied_table = self._context_tables(region_id)
        countries = sorted(parks_by_country)
        masks = [0] * int(self.meta.get("mask_columns", "1"))
        for segment in synergy_segments:
            position = self._segment_ord[segment]
            masks[position // MASK_BITS] |= 1 << (position % MASK_BITS)
        # SQLite sums the terms in the order of targets.score_candidate, in doubles as Python does (adding 0.0
        # for an absent term changes nothing), so the ranking is the same to the last bit. The candidates of the
        # segment are one run of rows of ``operating``; projects placed in a region are looked up only for the
        # firms that have them
        mask_names = [f":mask{i}" for i, mask in enumerate(masks) if mask]
        synergy = " OR ".join(f"(m{i} & :mask{i}) <> 0" for i, mask in enumerate(masks) if mask) or "0"

        def ranking(where: str) -> str:
            return f"""
            WITH local AS (SELECT region FROM region_anc WHERE ancestor = :region),
            cand AS (
                SELECT firm, size, f500, grp, country, name, {synergy} AS synergy,
                       CASE WHEN vias THEN MIN(lrank, IFNULL((SELECT MIN(v.crank) FROM operating_via v
                           WHERE v.segment = o.segment AND v.firm = o.firm AND v.place NOT IN local), 3))
                       ELSE lrank END AS crank
                FROM operating o WHERE segment = :segment AND {where}
                AND (region IS NULL OR region NOT IN local))
            SELECT firm, score, name FROM (SELECT firm, name, (CASE crank WHEN 0 THEN :confirmed WHEN 1 THEN :probable
                ELSE :guessed END) * (((((
                (CASE size WHEN 'leader' THEN :leader WHEN 'large' THEN :large WHEN 'medium' THEN :medium
                           WHEN 'small' THEN :small ELSE :unknown END)
                + (CASE WHEN f500 IS NOT NULL THEN :fortune500 ELSE 0.0 END))
                + (CASE WHEN grp IN {groups_table} THEN :same_group ELSE 0.0 END))
                + (CASE WHEN firm IN {tied_table} THEN :supply_tie ELSE 0.0 END))
                + (CASE WHEN country IN (SELECT value FROM json_each(:countries)) THEN :country_fit ELSE 0.0 END))
                + (CASE WHEN synergy THEN :synergy ELSE 0.0 END)) AS score FROM cand WHERE crank < 3)
            ORDER BY score DESC, name, firm LIMIT :limit"""

        args: dict[str, Any] = {
            "region": region_id, "segment": segment_id, "confirmed": params.confidence_confirmed,
            "probable": params.confidence_probable, "guessed": params.confidence_guessed,
            "leader": params.size_leader, "large": params.size_large, "medium": params.size_medium,
            "small": params.size_small, "unknown": params.size_unknown, "fortune500": params.bonus_fortune500,
            "same_group": params.bonus_same_group,
            "supply_tie": params.bonus_supply_tie, "countries": json.dumps(countries),
            "country_fit": params.bonus_country_fit, "synergy": params.bonus_chain_synergy, "limit": limit,
            **{name[1:]: mask for name, mask in zip(mask_names, (m for m in masks if m), strict=True)}}
        weights = (params.confidence_confirmed, params.confidence_probable, params.confidence_guessed)
        bonuses = (params.bonus_fortune500, params.bonus_same_group, params.bonus_supply_tie,
                   params.bonus_country_fit, params.bonus_chain_synergy)
        sizes = {"leader": params.size_leader, "large": params.size_large, "medium": params.size_medium,
                 "small": params.size_small, None: params.size_unknown}  # None: any other size
        if limit <= 0 or min(weights) < 0 or min(bonuses) < 0 or min(sizes.values()) < 0:
            rows = self.con.execute(ranking("1"), args).fetchall()  # the bounds below assume no negative term
        else:
            # first the firms of the two best sizes (more when they are too few to fill the list): the ``limit``-th
            # score among them is a threshold the others must reach
            order = sorted(sizes, key=lambda size: -sizes[size])
            top, order = order[:2], order[2:]
            rows = self.con.execute(ranking(_size_test(top)), args).fetchall()
            while order and len(rows) < limit:
                rows += self.con.execute(ranking(_size_test([order.pop(0)])), args).fetchall()
            rows.sort(key=lambda row: (-row[1], row[2], row[0]))
            del rows[limit:]
            threshold = rows[-1][1] if len(rows) >= limit else -math.inf
            reach = threshold - 1e-9 * (1 + abs(threshold))  # a margin for rounding: a bound equal to it is kept
            best = max(weights)
            # (``+firm``: one scan of the segment's rows with the cheap tests first, not a probe of the primary key
            # per tied firm)
            groups, tied = f"grp IN {groups_table}", f"+firm IN {tied_table}"
            tests: dict[str | None, str] = {}
            for size in order:  # the sizes not ranked yet
                cases = []
                for f500 in (False, True):
                    # the best this size can score, by the bonuses a firm may have
                    base = sizes[size] + (params.bonus_fortune500 if f500 else 0.0) + params.bonus_country_fit \
                        + params.bonus_chain_synergy
                    if best * base >= reach:
                        need = "1"
                    elif best * (base + params.bonus_same_group) >= reach \
                            and best * (base + params.bonus_supply_tie) >= reach:
                        need = f"({groups} OR {tied})"
                    elif best * (base + params.bonus_same_group) >= reach:
                        need = groups
                    elif best * (base + params.bonus_supply_tie) >= reach:
                        need = tied
                    elif best * (base + params.bonus_same_group + params.bonus_supply_tie) >= reach:
                        need = f"{groups} AND {tied}"
                    else:
                        continue
                    cases.append(f"(f500 IS {'NOT ' if f500 else ''}NULL AND {need})")
                if cases:
                    tests[size] = " OR ".join(cases)
            if tests:  # the size first (cheap), then the bonuses it needs
                where = " OR ".join(f"({_size_test([size])} AND ({test}))" for size, test in tests.items())
                more = self.con.execute(ranking(f"({where})"), args)
                rows += more.fetchall()
                rows.sort(key=lambda row: (-row[1], row[2], row[0]))
                del rows[limit:]
        winners = [firm for firm, _score, _name in rows]
        if not winners:
            return [], 0
        return self.candidates(segment_id, region_id, strong_or_weak, params, only=winners), \
            self._candidate_count(segment_id, region_id)

    def _candidate_count(self, segment_id: str, region_id: str) -> int:
        """The number of candidates for a segment outside a region, without reading the segment's rows: the firms
        operating there by their own links (or projects without a region) from the compile's count per home
        region, less those at home in the region, plus the few that operate there only through projects placed
        outside it (``operating_via``)."""
        local = "(SELECT region FROM region_anc WHERE ancestor = :region)"
        return int(self.con.execute(
            "SELECT (SELECT IFNULL(SUM(n), 0) FROM operating_homes WHERE segment = :segment) "
            f"- (SELECT IFNULL(SUM(n), 0) FROM operating_homes WHERE segment = :segment AND region IN {local}) "
            "+ (SELECT COUNT(*) FROM operating o WHERE o.segment = :segment AND o.lrank = 3 "
            f"AND (o.region IS NULL OR o.region NOT IN {local}) AND o.firm IN (SELECT v.firm FROM operating_via v "
            f"WHERE v.segment = :segment AND v.place NOT IN {local}))",
            {"segment": segment_id, "region": region_id}).fetchone()[0])

    def _context_tables(self, region_id: str) -> tuple[str, str]:
        """Temporary tables of the region's groups with a local firm and of its tied outside firms (made once per
        region in the connection's temporary database): a test against them is one index probe, where a JSON
        array would be parsed into a new index by every query that reads it."""
        cache = self.__dict__.setdefault("_context_tables_made", {})
        if region_id not in cache:
            local_groups, supplies_to, buys_from = self._region_context(region_id)
            groups, tied = f"temp.ctx_groups_{len(cache)}", f"temp.ctx_tied_{len(cache)}"
            for table, values in ((groups, local_groups), (tied, set(supplies_to) | set(buys_from))):
                self.con.execute(f"CREATE TABLE {table} (id TEXT PRIMARY KEY) WITHOUT ROWID")
                self.con.executemany(f"INSERT INTO {table} VALUES (?)", ((value,) for value in sorted(values)))
            self.con.commit()
            cache[region_id] = (groups, tied)
        return cache[region_id]  # type: ignore[no-any-return]

    # ------------------------------------------------------------------------------------------ records
    def firm_lookup(self, text: str) -> tuple[str, str, str | None, bool] | None:
        """(id, name, Fortune Global 500 name, leader) of the firm with this id or exact name, else None."""
        rows = self.con.execute("SELECT id, name, f500, leader FROM firms WHERE id = ? OR name = ? ORDER BY ord "
                                "LIMIT 2", (text.strip(), text.strip())).fetchall()
        if len(rows) > 1 and rows[0][0] != text.strip():
            raise LookupFailed(msg("firm {text!r} matches {rows_count} firms; give its id",
                                   text=text, rows_count=len(rows)))
        return (rows[0][0], rows[0][1], rows[0][2], bool(rows[0][3])) if rows else None

    def firm_records(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Display fields of some firms (for maps): name, name_en, country, region, headquarters, size, leader,
        fortune500, products and sources (:func:`chaingraph.analysis.views.firm_extras`)."""
        ids = list(ids)
        found: dict[str, dict[str, Any]] = {}
        rows = list(self._rows_in("SELECT id, name, name_en, country, region, headquarters, size, leader, f500, "
                                  "products, sources FROM firms WHERE id IN ({ids})", ids))
        wanted = sorted({s for row in rows for s in row[10].split("|") if s})
        titles = {sid: (title, url) for sid, title, url in
                  self._rows_in("SELECT id, title, url FROM sources WHERE id IN ({ids})", wanted)}
        for row in rows:
            sources = [s for s in row[10].split("|") if s]
            found[row[0]] = {"name": row[1], "name_en": row[2], "country": row[3], "region": row[4],
                             "headquarters": row[5], "size": row[6], "leader": bool(row[7]), "fortune500": row[8],
                             "products": json.loads(row[9]) if row[9] else [],
                             "sources": [{"id": s, "title": titles[s][0] if s in titles else s,
                                          "url": titles[s][1] if s in titles else ""} for s in sources]}
        return found

    def local_firm_rows(self, segment_ids: Iterable[str], region_id: str, params: AnalysisParams) -> tuple[
            dict[str, list[str]], dict[str, tuple[Any, ...]], dict[str, tuple[str, str]]]:
        """Every local firm of each segment with its display fields, from one read of the presence (for maps).

        Returns ``(lists, firms, sources)``: ``lists[segment]`` the ids of the firms ``segment_states`` lists
        (same order), ``firms[id]`` the tuple (name, name_en, country, region, headquarters, size, leader, f500,
        products, source ids) and ``sources[id]`` (title, url) of the sources they cite.
        """
        ids, places = list(segment_ids), self._places(region_id)
        found: dict[str, dict[str, bool]] = {s: {} for s in ids}
        firms: dict[str, tuple[Any, ...]] = {}
        products: dict[str, list[str]] = {}  # the same few JSON texts are shared by thousands of firms
        cited: dict[str, list[str]] = {}
        if ids and places:
            guessed = params.count_guessed_links
            sql = ("SELECT p.segment, p.firm, p.stage, p.confidence, p.via, f.name, f.name_en, f.country, f.region, "
                   "f.headquarters, f.size, f.leader, f.f500, f.products, f.sources FROM presence p "
                   "JOIN firms f ON f.id = p.firm "
                   f"WHERE p.place IN ({','.join('?' * len(places))}) AND p.segment IN ({','.join('?' * len(ids))}) "
                   "ORDER BY p.ord")
            for segment, firm, stage, confidence, via, *row in self.con.execute(sql, (*places, *ids)):
                if via is not None and stage == "pipeline":
                    continue
                listed = found[segment]
                if not listed.get(firm):
                    listed[firm] = confidence != "guessed" or guessed
                if firm not in firms:
                    text, refs = row[8] or "", row[9]
                    if text not in products:
                        products[text] = json.loads(text) if text else []
                    if refs not in cited:
                        cited[refs] = [s for s in refs.split("|") if s]
                    firms[firm] = (*row[:6], bool(row[6]), row[7], products[text], cited[refs])
        wanted = sorted({s for refs in cited.values() for s in refs})
        sources = {sid: (title, url) for sid, title, url in
                   self._rows_in("SELECT id, title, url FROM sources WHERE id IN ({ids})", wanted)}
        return {s: [f for f, counted in listed.items() if counted] for s, listed in found.items()}, firms, sources

    def project_records(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Display fields of some projects (for maps): name, status, date, firm names, investment, region, and
        ``stalled``: the ledger's ``(code, params)`` when it calls the project stalled, else None."""
        from ..dataset.model import parse_quantity

        ids = list(ids)
        found: dict[str, dict[str, Any]] = {}
        for pid, name, status, date, region, investment, firms, stalled in self._rows_in(
                "SELECT id, name, status, date, region, investment, firms, stalled FROM projects WHERE id IN ({ids})",
                ids):
            found[pid] = {"name": name, "status": status, "date": date, "region": region,
                          "investment": parse_quantity(investment) if investment else None,
                          "firms": json.loads(firms), "stalled": tuple(json.loads(stalled)) if stalled else None}
        return found
