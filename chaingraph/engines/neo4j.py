"""The Neo4j backend: connect, push a dataset, see what is there, wipe it, and open its :class:`Neo4jFacts`.

Connection settings come from the environment (``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``,
``NEO4J_DATABASE``); credentials never appear in messages, reprs or logs. Every driver failure becomes a
:class:`~chaingraph.errors.BackendError` with one readable line (unreachable server, refused credentials, unknown
database, Neo4j older than 5). Drivers are always closed: use :func:`connect` as a context manager.

How a push stays consistent (``docs/neo4j.md``):

1. constraints and indexes are created first (:data:`~.neo4j_schema.SCHEMA_STATEMENTS`);
2. the dataset's ``ChaingraphDataset`` node is set to ``state: 'started'`` with a fresh push token, so the
   analysis refuses the dataset from now on;
3. nodes, then relationships, are MERGEd with ``UNWIND $rows`` in batches, one managed write transaction per
   batch (the driver retries transient failures); each node and relationship gets the push token;
4. whatever of the dataset does not carry the token (records deleted from the dataset since the last push, or
   left over from an older one) is removed in batches;
5. the counts on the server are checked against the dataset and the state becomes ``complete``.

A push that dies anywhere leaves the state ``started``: committed batches stay, no batch is half-written, and
running the push again completes it. Pushing the same dataset twice gives the same nodes and relationships.
"""

from __future__ import annotations

import gc
import logging
import os
import re
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit, urlunsplit

import neo4j
from neo4j import exceptions as neo4j_errors

from .._version import __version__
from ..dataset.graph import ChainGraph, build_graph
from ..dataset.store import Dataset
from ..errors import BackendError
from ..messages import Message, msg
from .neo4j_lock import DEFAULT_PUSH_WAIT, PushLock, push_lock
from .neo4j_schema import (
    DATASET_LABEL,
    DEFAULT_BATCH_SIZE,
    MARKER_LABEL,
    NODE_LABELS,
    REL_TYPES,
    RELATIONSHIPS,
    SCHEMA_STATEMENTS,
    NodeRows,
    PushRows,
    RelRows,
    RelSpec,
    label,
    push_rows,
    summary_groups,
)
from .neo4j_summary import SUMMARY_MARKER, summary_label

if TYPE_CHECKING:
    from .neo4j_facts import Neo4jFacts

__all__ = [
    "ENV_URI",
    "ENV_USERNAME",
    "ENV_PASSWORD",
    "ENV_DATABASE",
    "MIN_NEO4J_MAJOR",
    "Neo4jSettings",
    "Neo4jBackend",
    "PushResult",
    "DatasetState",
    "Neo4jStatus",
    "WipeResult",
    "connect",
    "translate_error",
    "check_version",
    "redact_uri",
]

ENV_URI = "NEO4J_URI"
ENV_USERNAME = "NEO4J_USERNAME"
ENV_PASSWORD = "NEO4J_PASSWORD"
ENV_DATABASE = "NEO4J_DATABASE"
DEFAULT_DATABASE = "neo4j"
MIN_NEO4J_MAJOR = 5
URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")

# The driver logs retries and server notifications; without a handler of the application's, Python's last-resort
# handler would print them under the one-line errors of the CLI. Records still propagate to configured handlers.
logging.getLogger("neo4j").addHandler(logging.NullHandler())

ProgressCallback = Callable[[int, int], None]
"""Called as ``progress(done, total)`` (rows written so far, rows to write); first with ``done=0``."""


# ------------------------------------------------------------------------------------------------ settings


@dataclass(frozen=True)
class Neo4jSettings:
    """Where the Neo4j server is and how to log in. ``password`` is never shown (``repr`` leaves it out).

    >>> s = Neo4jSettings.from_env({"NEO4J_URI": "bolt://db:7687", "NEO4J_USERNAME": "neo4j",
    ...                             "NEO4J_PASSWORD": "secret"})
    >>> s
    Neo4jSettings(uri='bolt://db:7687', username='neo4j', database='neo4j', max_retry_time=30.0,
                  connection_timeout=15.0)
    >>> "secret" in repr(s)
    False
    """

    uri: str
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    database: str = DEFAULT_DATABASE
    max_retry_time: float = 30.0
    """How long managed transactions are retried (seconds) before a failure is reported."""
    connection_timeout: float = 15.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Neo4jSettings:
        """Settings from ``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE``."""
        env = os.environ if environ is None else environ
        uri = (env.get(ENV_URI) or "").strip()
        if not uri:
            raise BackendError(msg("{ENV_URI} is not set: export {ENV_URI}=bolt://localhost:7687 (and {ENV_USERNAME} /"
                                   " {ENV_PASSWORD} if the server needs a login; {ENV_DATABASE} is optional)",
                                   ENV_URI=ENV_URI, ENV_USERNAME=ENV_USERNAME, ENV_PASSWORD=ENV_PASSWORD,
                                   ENV_DATABASE=ENV_DATABASE))
        return cls(uri=uri, username=env.get(ENV_USERNAME) or None, password=env.get(ENV_PASSWORD) or None,
                   database=(env.get(ENV_DATABASE) or "").strip() or DEFAULT_DATABASE, **overrides)

    def check_uri(self) -> None:
        """Refuse a URI the backend cannot use: spaces or line breaks, another scheme, a port that is not a
        number, no host, or credentials written into it (user info, or a password or token in the query)."""
        raw = self.uri
        if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in raw):
            raise BackendError(msg("{ENV_URI}={safe_uri} contains spaces or line breaks: write it as "
                                   "bolt://host:7687", ENV_URI=ENV_URI, safe_uri=self.safe_uri))
        try:
            parts = urlsplit(raw)
        except ValueError:
            raise BackendError(msg("{ENV_URI}={safe_uri} is not a valid URI (e.g. bolt://localhost:7687)",
                                   ENV_URI=ENV_URI, safe_uri=self.safe_uri)) from None
        if parts.scheme not in URI_SCHEMES:
            raise BackendError(msg("{ENV_URI}={safe_uri} is not a Bolt URI: use one of "
                                   "{values} (e.g. bolt://localhost:7687)",
                                   ENV_URI=ENV_URI, safe_uri=self.safe_uri,
                                   values=", ".join(s + "://" for s in URI_SCHEMES)))
        if "@" in parts.netloc:
            raise BackendError(msg("{ENV_URI} must not contain a user or password ({safe_uri}): "
                                   "set {ENV_USERNAME} and {ENV_PASSWORD} instead",
                                   ENV_URI=ENV_URI, safe_uri=self.safe_uri, ENV_USERNAME=ENV_USERNAME,
                                   ENV_PASSWORD=ENV_PASSWORD))
        try:
            parts.port  # noqa: B018  (urlsplit checks the port only when asked)
        except ValueError:
            raise BackendError(msg("{ENV_URI}={safe_uri}: the port is not a number from 0 to 65535 "
                                   "(e.g. bolt://localhost:7687)", ENV_URI=ENV_URI, safe_uri=self.safe_uri)) from None
        if not parts.hostname:
            raise BackendError(msg("{ENV_URI}={safe_uri} names no host (e.g. bolt://localhost:7687)",
                                   ENV_URI=ENV_URI, safe_uri=self.safe_uri))
        secret = [key for key, _ in parse_qsl(parts.query, keep_blank_values=True) if _SECRET_KEY.search(key)]
        if secret:
            raise BackendError(msg("{ENV_URI} must not carry credentials in its query string ({safe_uri}): "
                                   "set {ENV_USERNAME} and {ENV_PASSWORD} instead",
                                   ENV_URI=ENV_URI, safe_uri=self.safe_uri, ENV_USERNAME=ENV_USERNAME,
                                   ENV_PASSWORD=ENV_PASSWORD))
        # the driver would echo the whole URI (fragment, query and all) in its own warnings and errors
        if parts.fragment or "#" in raw:
            raise BackendError(msg("{ENV_URI}={safe_uri} must not have a #fragment",
                                   ENV_URI=ENV_URI, safe_uri=self.safe_uri))
        if parts.query and parts.scheme.startswith("bolt"):
            raise BackendError(msg("{ENV_URI}={safe_uri}: bolt:// URIs take no query string (a routing context "
                                   "is for neo4j:// URIs)", ENV_URI=ENV_URI, safe_uri=self.safe_uri))

    @property
    def safe_uri(self) -> str:
        """The URI as it may be shown: no user info, query string or fragment, no control characters.

        >>> Neo4jSettings("neo4j://me:pw@db:7687/x?token=abc#frag").safe_uri
        'neo4j://db:7687/x?***#***'
        >>> Neo4jSettings("bolt://db:notaport").safe_uri
        'bolt://db:***'
        """
        return redact_uri(self.uri)

    @property
    def auth(self) -> tuple[str, str] | None:
        return (self.username, self.password or "") if self.username else None

    def scrub(self, text: str) -> str:
        """``text`` with the password, the raw URI and anything secret in it (user info, query values) masked."""
        if isinstance(text, Message):  # the secrets are in the parameters, never in the template
            return Message(text.template, {k: self.scrub(v) if isinstance(v, str) else v
                                           for k, v in text.params.items()})
        if self.uri != self.safe_uri:
            text = text.replace(self.uri, self.safe_uri)
        secrets = [self.password or ""]
        try:
            parts = urlsplit(self.uri)
            secrets += [parts.netloc.rpartition("@")[0], parts.password or "", parts.query, parts.fragment]
            secrets += [value for _, value in parse_qsl(parts.query, keep_blank_values=True)]
        except ValueError:
            pass
        for secret in sorted({s for s in secrets if len(s) >= 3}, key=len, reverse=True):
            text = text.replace(secret, "***")
        return text


_SECRET_KEY = re.compile(r"pass|pwd|token|secret|key|auth|cred", re.IGNORECASE)


def redact_uri(uri: str) -> str:
    """``uri`` fit to print: user info dropped, query string, fragment and a non-numeric port masked, control
    characters escaped, at most 120 characters.

    >>> redact_uri("neo4j://db:7687?password=hunter2")
    'neo4j://db:7687?***'
    >>> redact_uri("bolt://db:7687" + chr(10) + "MATCH (n) DETACH DELETE n")  # never two lines
    'bolt://db:***'
    """
    try:
        parts = urlsplit(uri)
        host = parts.netloc.rpartition("@")[2]
        name, colon, port = host.rpartition(":") if not host.endswith("]") else (host, "", "")
        if colon and not port.isdigit():
            host = f"{name}:***"
        shown = urlunsplit((parts.scheme, host, parts.path, "***" if parts.query else "",
                            "***" if parts.fragment else ""))
    except ValueError:
        return "<invalid URI>"
    shown = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in shown)
    return shown if len(shown) <= 120 else shown[:117] + "..."


# ------------------------------------------------------------------------------------------------ errors

_REASON = re.compile(r"\(reason ([^)]*)\)")


def translate_error(exc: BaseException, settings: Neo4jSettings) -> BackendError:
    """One readable :class:`BackendError` line for a driver failure, without credentials.

    >>> err = translate_error(neo4j_errors.AuthError("unauthorized"), Neo4jSettings("bolt://db", "u", "pw"))
    >>> str(err)
    'Neo4j at bolt://db refused the login (check NEO4J_USERNAME and NEO4J_PASSWORD)'
    """
    where = settings.safe_uri
    code = getattr(exc, "code", None) or ""
    if isinstance(exc, neo4j_errors.AuthError) or code.startswith("Neo.ClientError.Security.Unauthorized") \
            or code == "Neo.ClientError.Security.AuthenticationRateLimit":
        message = msg("Neo4j at {where} refused the login (check {ENV_USERNAME} and {ENV_PASSWORD})", where=where,
                      ENV_USERNAME=ENV_USERNAME, ENV_PASSWORD=ENV_PASSWORD)
    elif code == "Neo.ClientError.Database.DatabaseNotFound":
        message = msg("Neo4j at {where} has no database {database!r} (check {ENV_DATABASE}; "
                      "Community edition has only {DEFAULT_DATABASE!r})", where=where, database=settings.database,
                      ENV_DATABASE=ENV_DATABASE, DEFAULT_DATABASE=DEFAULT_DATABASE)
    elif isinstance(exc, neo4j_errors.Forbidden):
        message = msg("Neo4j at {where} does not allow this for the configured user: {detail}", where=where,
                      detail=_first_line(exc))
    elif isinstance(exc, neo4j_errors.ServiceUnavailable | neo4j_errors.SessionExpired | OSError):
        match = _REASON.search(str(exc))
        reason = match.group(1) if match else _first_line(exc)
        message = msg("cannot reach Neo4j at {where}: {reason}", where=where, reason=reason)
    elif isinstance(exc, neo4j_errors.ConfigurationError | ValueError):
        message = msg("cannot use {ENV_URI}={where}: {detail}", ENV_URI=ENV_URI, where=where, detail=_first_line(exc))
    elif isinstance(exc, neo4j_errors.Neo4jError):
        message = msg("Neo4j at {where} failed: {code}: {detail}", where=where, code=code,
                      detail=getattr(exc, "message", None) or _first_line(exc))
    else:
        message = msg("Neo4j driver error with {where}: {kind}: {detail}", where=where, kind=type(exc).__name__,
                      detail=_first_line(exc))
    return BackendError(settings.scrub(message))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def check_version(versions: list[str], edition: str = "") -> str:
    """The server version, or a BackendError when it is older than Neo4j 5.

    >>> check_version(["5.26.30"])
    '5.26.30'
    >>> check_version(["4.4.12"])
    Traceback (most recent call last):
    ...
    chaingraph.errors.BackendError: Neo4j 4.4.12 is too old: chaingraph needs Neo4j 5 or later
    """
    version = versions[0] if versions else ""
    match = re.match(r"(\d+)", version)
    if not match:
        raise BackendError(msg("cannot tell the Neo4j version from {version!r}", version=version))
    if int(match.group(1)) < MIN_NEO4J_MAJOR:
        raise BackendError(msg("Neo4j {version} is too old: chaingraph needs Neo4j {MIN_NEO4J_MAJOR} or later",
                               version=version, MIN_NEO4J_MAJOR=MIN_NEO4J_MAJOR))
    return version


# ------------------------------------------------------------------------------------------------ results


@dataclass
class PushResult:
    dataset: str
    nodes: int
    relationships: int
    removed_nodes: int
    removed_relationships: int
    seconds: float
    batches: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class DatasetState:
    """What the ``ChaingraphDataset`` node says about one dataset."""

    id: str
    state: str  # started / complete / wiping / unknown (nodes without a dataset node)
    name: str = ""
    as_of: str = ""
    started_at: str | None = None
    pushed_at: str | None = None
    nodes: int | None = None
    relationships: int | None = None

    @property
    def complete(self) -> bool:
        return self.state == "complete"

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Neo4jStatus:
    uri: str
    database: str
    server_version: str
    datasets: list[DatasetState]
    nodes: dict[str, int]
    relationships: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {"uri": self.uri, "database": self.database, "server_version": self.server_version,
                "datasets": [d.to_dict() for d in self.datasets], "nodes": dict(self.nodes),
                "relationships": dict(self.relationships)}


@dataclass
class WipeResult:
    datasets: list[str]
    nodes: int

    def to_dict(self) -> dict[str, Any]:
        return {"datasets": list(self.datasets), "nodes": self.nodes}


# ------------------------------------------------------------------------------------------------ cypher

_REL_TYPES_ALT = "|".join(REL_TYPES.values())

Q_COMPONENTS = "CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition"

Q_MARK_STARTED = f"""
MERGE (d:{DATASET_LABEL} {{id: $dataset}})
SET d += $info, d.state = 'started', d.push = $token, d.started_at = $now, d.pushed_at = null,
    d.nodes = $nodes, d.relationships = $relationships, d.chaingraph_version = $version
"""

Q_MARK_COMPLETE = f"""
MATCH (d:{DATASET_LABEL} {{id: $dataset}}) WHERE d.push = $token
SET d.state = 'complete', d.pushed_at = $now
RETURN d.id AS id
"""

Q_SWEEP_RELATIONSHIPS = f"""
MATCH (:{MARKER_LABEL} {{dataset: $dataset}})-[r:{_REL_TYPES_ALT}]->(:{MARKER_LABEL} {{dataset: $dataset}})
WHERE r.push IS NULL OR r.push <> $token
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS removed
"""

Q_SWEEP_NODES = f"""
MATCH (n:{MARKER_LABEL} {{dataset: $dataset}})
WHERE n.push IS NULL OR n.push <> $token
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS removed
"""

Q_COUNT_DATASET = f"""
MATCH (n:{MARKER_LABEL} {{dataset: $dataset}})
WITH count(n) AS nodes
OPTIONAL MATCH (:{MARKER_LABEL} {{dataset: $dataset}})-[r:{_REL_TYPES_ALT}]->(:{MARKER_LABEL} {{dataset: $dataset}})
RETURN nodes, count(r) AS relationships
"""

Q_DATASETS = f"""
MATCH (d:{DATASET_LABEL})
RETURN d.id AS id, d.state AS state, d.name AS name, d.as_of AS as_of, d.started_at AS started_at,
       d.pushed_at AS pushed_at, d.nodes AS nodes, d.relationships AS relationships
ORDER BY id
"""

Q_NODE_COUNTS = f"""
MATCH (n:{MARKER_LABEL})
RETURN n.dataset AS dataset, labels(n) AS labels, count(*) AS count
"""

Q_REL_COUNTS = f"""
MATCH (a:{MARKER_LABEL})-[r:{_REL_TYPES_ALT}]->(b:{MARKER_LABEL})
WHERE a.dataset = b.dataset
RETURN type(r) AS type, count(*) AS count
"""

Q_WIPE_MARK = f"""
MATCH (d:{DATASET_LABEL}) WHERE $dataset IS NULL OR d.id = $dataset
SET d.state = 'wiping'
RETURN d.id AS id
"""

Q_WIPE_NODES = f"""
MATCH (n:{MARKER_LABEL}) WHERE $dataset IS NULL OR n.dataset = $dataset
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS removed
"""


def wipe_label_query(kind: str) -> str:
    """Q_WIPE_NODES for one label only (from the allowlist)."""
    return Q_WIPE_NODES.replace(f"(n:{MARKER_LABEL})", f"(n:{MARKER_LABEL}:{label(kind)})", 1)


# Firms and projects go first: they hold almost every relationship, a few each. A batch that caught regions and
# segments of a national pool first (100,000 relationships each) held millions of deletions in one transaction
# and ran out of the server's transaction memory.
_WIPE_FIRST = ("Firm", "Project")

Q_WIPE_DATASETS = f"""
MATCH (d:{DATASET_LABEL}) WHERE $dataset IS NULL OR d.id = $dataset
DETACH DELETE d
"""


_HINT = "USING INDEX SEEK {var}:" + MARKER_LABEL + "(dataset, id)"


Q_HAS_NODES = f"""
RETURN EXISTS {{ MATCH (n:{MARKER_LABEL} {{dataset: $dataset}}) }} AS found
"""


def merge_summaries_query(name: str) -> str:
    """``UNWIND $rows`` MERGE of one summary label's nodes (:mod:`.neo4j_summary`); the label from its allowlist."""
    return f"""
UNWIND $rows AS row
MERGE (n:{SUMMARY_MARKER} {{dataset: $dataset, id: row.id}})
SET n += row.props, n.push = $token
SET n:{summary_label(name)}
"""


Q_SWEEP_SUMMARIES = f"""
MATCH (n:{SUMMARY_MARKER} {{dataset: $dataset}})
WHERE n.push IS NULL OR n.push <> $token
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS removed
"""

Q_COUNT_SUMMARIES = f"""
MATCH (n:{SUMMARY_MARKER} {{dataset: $dataset}})
RETURN count(n) AS summaries
"""

Q_WIPE_SUMMARIES = f"""
MATCH (n:{SUMMARY_MARKER}) WHERE $dataset IS NULL OR n.dataset = $dataset
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS removed
"""


def create_nodes_query(kind: str) -> str:
    """``UNWIND $rows`` CREATE of one label's nodes, for a dataset with no node in the database yet (no push token:
    see :func:`create_relationships_query`)."""
    return f"""
UNWIND $rows AS row
CREATE (n:{MARKER_LABEL}:{label(kind)} {{dataset: $dataset, id: row.id}})
SET n += row.props
"""


def create_relationships_query(spec: RelSpec) -> str:
    """``UNWIND $rows`` CREATE of one relationship family, for a dataset with no node in the database yet.

    No push token: nothing is swept after a first push, and a later push (MERGE) sets its own token on every
    relationship it keeps before it sweeps, so the token would only cost the server a property per relationship.
    """
    query = merge_relationships_query(spec).replace("\nMERGE (a)-", "\nCREATE (a)-")
    return query.replace("SET r += row.props, r.push = $token", "SET r += row.props")


def merge_nodes_query(kind: str) -> str:
    """``UNWIND $rows`` MERGE of one label's nodes; the label comes from the allowlist only."""
    name = label(kind)
    others = ":".join(other for other in NODE_LABELS.values() if other != name)
    return f"""
UNWIND $rows AS row
MERGE (n:{MARKER_LABEL} {{dataset: $dataset, id: row.id}})
SET n += row.props, n.push = $token
REMOVE n:{others}
SET n:{name}
"""


def merge_relationships_query(spec: RelSpec) -> str:
    """``UNWIND $rows`` MERGE of one relationship family; labels and type from the allowlist only."""
    sources = [label(name) for name in spec.source.split("|")]
    # several possible start labels: (dataset, id) is unique across them, the marker label finds it
    start = MARKER_LABEL if len(sources) > 1 else f"{MARKER_LABEL}:{sources[0]}"
    end = f"{MARKER_LABEL}:{label(spec.target)}"
    key = " {n: row.n}" if spec.keyed else ""
    # the hints keep the unique (dataset, id) seeks even when statistics are stale (a fresh database being filled):
    # the planner would otherwise scan a whole index once per row (seconds per batch instead of milliseconds)
    return f"""
UNWIND $rows AS row
MATCH (a:{start} {{dataset: $dataset, id: row.from}}) {_HINT.format(var="a")}
MATCH (b:{end} {{dataset: $dataset, id: row.to}}) {_HINT.format(var="b")}
MERGE (a)-[r:{REL_TYPES[spec.kind]}{key}]->(b)
SET r += row.props, r.push = $token
"""


OWNER_LABEL = "Firm"
"""On a first push, each firm is CREATEd together with its relationships to records written before it."""
OWNED = tuple(spec for spec in RELATIONSHIPS
              if OWNER_LABEL in spec.source.split("|") and spec.target in ("Region", "Group", "Segment", "Source"))
"""The relationship families a firm owns on a first push (their targets are written before the firms)."""


def create_owner_query() -> str:
    """``UNWIND $rows`` CREATE of firms with their owned relationships (``row.rels[i]`` for ``OWNED[i]``)."""
    parts = [f"""
UNWIND $rows AS row
CREATE (n:{MARKER_LABEL}:{label(OWNER_LABEL)} {{dataset: $dataset, id: row.id}})
SET n += row.props"""]
    for i, spec in enumerate(OWNED):
        parts.append(f"""WITH n, row
CALL (n, row) {{
    UNWIND row.rels[{i}] AS rel
    MATCH (b:{MARKER_LABEL}:{label(spec.target)} {{dataset: $dataset, id: rel.to}}) {_HINT.format(var="b")}
    CREATE (n)-[r:{REL_TYPES[spec.kind]}]->(b)
    SET r += rel.props
}}""")
    return "\n".join(parts) + "\n"


def _fold_owned(rows: PushRows) -> tuple[dict[str, list[list[dict[str, Any]]]], list[RelRows]]:
    """Firm id -> its owned relationships (one list per family of :data:`OWNED`), and what is left to write."""
    firms = next((group.rows for group in rows.nodes if group.label == OWNER_LABEL), [])
    owned: dict[str, list[list[dict[str, Any]]]] = {row["id"]: [[] for _ in OWNED] for row in firms}
    rest: list[RelRows] = []
    for group in rows.relationships:
        if group.spec not in OWNED:
            rest.append(group)
            continue
        index = OWNED.index(group.spec)
        left = []
        for row in group.rows:
            mine = owned.get(row["from"])
            if mine is None:  # e.g. a group's or a project's source
                left.append(row)
            else:
                mine[index].append({"to": row["to"], "props": row["props"]})
        if left:
            rest.append(RelRows(group.spec, left))
    return owned, rest


PUSH_WORKERS = 2
"""Write transactions of one push in flight at a time: while the server writes one batch, the client packs the next
(on a national pool the client's and the server's CPU time are of the same order, so this overlaps them)."""


class _Batches:
    """Runs a push's write batches, up to ``workers`` at a time, reporting each when it is committed.

    Batches in flight together never write the same record: nodes of one label have distinct ids, and relationships
    are only created between committed nodes (:meth:`wait` between labels). Two batches that lock the same dense
    node (a segment, a region) can deadlock; Neo4j then fails one of them with a transient error and the managed
    transaction runs it again. Every batch is still one transaction: committed whole or not at all.
    """

    def __init__(self, backend: Neo4jBackend, workers: int, done: Callable[[int], None]) -> None:
        self.backend, self.done = backend, done
        self.workers = max(1, workers)
        self.pool = ThreadPoolExecutor(self.workers, thread_name_prefix="chaingraph-push") if self.workers > 1 \
            else None
        self.pending: deque[tuple[Future[Any], int]] = deque()

    def write(self, query: str, count: int, **params: Any) -> None:
        if self.pool is None:
            self.backend.write(query, **params)
            self.done(count)
            return
        while len(self.pending) >= self.workers:
            self._finish_oldest()
        self.pending.append((self.pool.submit(self.backend.write, query, **params), count))

    def _finish_oldest(self) -> None:
        future, count = self.pending.popleft()
        future.result()
        self.done(count)

    def wait(self) -> None:
        """Until every batch sent so far is committed."""
        while self.pending:
            self._finish_oldest()

    def __enter__(self) -> _Batches:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if self.pool is None:
            return
        if exc_type is not None:  # let what is in flight end (committed or not) before the push reports
            for future, _ in self.pending:
                future.cancel()
            futures_wait([future for future, _ in self.pending])
        self.pool.shutdown(wait=True)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _batches(rows: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


# ------------------------------------------------------------------------------------------------ backend


class Neo4jBackend:
    """A connection to one Neo4j database. Use :func:`connect`, which checks the server, as a context manager."""

    def __init__(self, settings: Neo4jSettings) -> None:
        self.settings = settings
        self.server_version = ""
        settings.check_uri()
        try:
            self._driver = neo4j.GraphDatabase.driver(
                settings.uri, auth=settings.auth, max_transaction_retry_time=settings.max_retry_time,
                connection_timeout=settings.connection_timeout, user_agent=f"chaingraph/{__version__}",
                notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF,
            )
        except (neo4j_errors.ConfigurationError, ValueError) as exc:
            raise translate_error(exc, settings) from None

    def __repr__(self) -> str:
        return f"Neo4jBackend({self.settings.safe_uri!r}, database={self.settings.database!r})"

    def __enter__(self) -> Neo4jBackend:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._driver.close()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError) as exc:
            # ``from None``: the driver's exception is not chained, so no traceback can show a raw URI or token
            raise translate_error(exc, self.settings) from None

    # -------------------------------------------------------------------------------------------- queries
    def read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """Run a read query (managed, retried) and return its records as dicts."""
        with self._errors():
            records, _, _ = self._driver.execute_query(
                query, params, database_=self.settings.database, routing_=neo4j.RoutingControl.READ)
        return [record.data() for record in records]

    def ask(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """A read for the analysis: one auto-commit query (RUN and PULL in one round trip, where a managed
        transaction adds BEGIN and COMMIT), records as plain dicts of the values as they arrive (the queries of
        :mod:`.neo4j_facts` return maps, lists and scalars only, so nothing needs :meth:`neo4j.Record.data`'s
        recursive conversion). A transient failure is retried the managed way (:meth:`read`)."""
        try:
            with self._driver.session(database=self.settings.database, default_access_mode=neo4j.READ_ACCESS,
                                      bookmark_manager=self._driver.execute_query_bookmark_manager) as session:
                result = session.run(query, params)
                keys = result.keys()
                return [dict(zip(keys, record.values(), strict=True)) for record in result]
        except (neo4j_errors.TransientError, neo4j_errors.SessionExpired, neo4j_errors.ServiceUnavailable):
            return self.read(query, **params)
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError) as exc:
            raise translate_error(exc, self.settings) from None

    def write(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """Run a query in one managed write transaction (retried by the driver) and return its records."""

        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            return [record.data() for record in tx.run(query, params)]

        with self._errors(), self._driver.session(
                database=self.settings.database,
                bookmark_manager=self._driver.execute_query_bookmark_manager) as session:
            return session.execute_write(work)

    def check(self) -> str:
        """Reach the server and the database, and check the version; returns the server version."""
        with self._errors():
            self._driver.verify_connectivity()
        rows = self.read(Q_COMPONENTS)
        kernel = next((r for r in rows if r["name"] == "Neo4j Kernel"), rows[0] if rows else None)
        if kernel is None:
            raise BackendError(msg("{safe_uri} did not report a Neo4j version", safe_uri=self.settings.safe_uri))
        self.server_version = check_version(list(kernel["versions"]), kernel.get("edition") or "")
        return self.server_version

    def ensure_schema(self) -> None:
        """Create chaingraph's constraints and indexes if they are missing (before any data is loaded)."""
        for statement in SCHEMA_STATEMENTS:
            self.write(statement)

    # -------------------------------------------------------------------------------------------- push
    def push(self, source: Dataset | ChainGraph, progress: ProgressCallback | None = None,
             batch_size: int = DEFAULT_BATCH_SIZE, wait: float = DEFAULT_PUSH_WAIT) -> PushResult:
        """Write a dataset into Neo4j (idempotent; re-run it to complete an interrupted push).

        Another push of the same dataset into the same database is waited for (up to ``wait`` seconds, then a
        :class:`BackendError`), through a lock node (:mod:`~chaingraph.engines.neo4j_lock`).
        """
        if batch_size < 1:
            raise ValueError("batch_size must be positive")
        started = time.perf_counter()
        cg = source if isinstance(source, ChainGraph) else build_graph(source)
        # millions of long-lived row objects and no reference cycles: the cyclic collector would only re-scan them
        # (half of the client's CPU time on a national pool)
        collecting = gc.isenabled()
        gc.disable()
        try:
            rows = push_rows(cg, summaries=False)
            # the summaries are computed while the records are written: the client mostly waits for the server
            # then (a third of the client's work on a national pool, no longer before the first write)
            with ThreadPoolExecutor(1, thread_name_prefix="chaingraph-summaries") as pool:
                summaries = pool.submit(summary_groups, cg)
                try:
                    with push_lock(self, rows.dataset, wait=wait) as lock:
                        return self._push_rows(rows, progress, batch_size, started, lock, summaries=summaries)
                finally:
                    summaries.cancel()
        finally:
            if collecting:
                gc.enable()

    def _push_rows(self, rows: PushRows, progress: ProgressCallback | None, batch_size: int,
                   started: float, lock: PushLock | None = None, workers: int = PUSH_WORKERS,
                   summaries: Future[list[NodeRows]] | None = None) -> PushResult:
        """Write ``rows``; the summary nodes are ``rows.summaries``, or those ``summaries`` gives when the records are
        written. Progress counts the records (and ``rows.summaries``)."""
        dataset, token = rows.dataset, uuid.uuid4().hex
        total = rows.node_count + rows.relationship_count + rows.summary_count
        done = 0
        batches = 0

        def advance(count: int) -> None:
            nonlocal done, batches
            batches += 1
            if lock is not None:
                lock.heartbeat()
            if done + count > total:  # summaries computed meanwhile: not in the total the bar was drawn for
                return
            done += count
            if progress is not None:
                progress(done, total)

        if progress is not None:
            progress(0, total)
        self.ensure_schema()
        # Nothing of the dataset in the database yet (the push lock keeps other pushes of it out): every node and
        # relationship is new, so CREATE replaces MERGE (no lookup of an existing one per row) and there is
        # nothing to sweep. Anything already there, even from an interrupted push, goes the MERGE way.
        fresh = not self.read(Q_HAS_NODES, dataset=dataset)[0]["found"]
        self.write(Q_MARK_STARTED, dataset=dataset, token=token, info=rows.info, now=_now(),
                   nodes=rows.node_count, relationships=rows.relationship_count, version=__version__)
        owned: dict[str, list[list[dict[str, Any]]]] = {}
        node_groups, rel_groups = rows.nodes, rows.relationships
        if fresh:  # a firm's own relationships go with it (one row and one index seek less for each of them), so
            # the firms come after the records they point to
            owned, rel_groups = _fold_owned(rows)
            node_groups = sorted(node_groups, key=lambda group: group.label == OWNER_LABEL)
        with _Batches(self, workers, advance) as writer:
            for group in node_groups:
                if fresh and group.label == OWNER_LABEL:
                    query = create_owner_query()
                    for batch in _batches(group.rows, batch_size):
                        folded = [{**row, "rels": owned[row["id"]]} for row in batch]
                        writer.write(query, len(batch) + sum(len(rels) for row in folded for rels in row["rels"]),
                                     dataset=dataset, token=token, rows=folded)
                else:
                    query = (create_nodes_query if fresh else merge_nodes_query)(group.label)
                    for batch in _batches(group.rows, batch_size):
                        writer.write(query, len(batch), dataset=dataset, token=token, rows=batch)
                writer.wait()  # a label's nodes are all committed before anything that points to them
            for rel_group in rel_groups:
                query = (create_relationships_query if fresh else merge_relationships_query)(rel_group.spec)
                for batch in _batches(rel_group.rows, batch_size):
                    writer.write(query, len(batch), dataset=dataset, token=token, rows=batch)
            writer.wait()
        removed_rels = 0 if fresh else self._sweep(Q_SWEEP_RELATIONSHIPS, dataset, token, batch_size)
        removed_nodes = 0 if fresh else self._sweep(Q_SWEEP_NODES, dataset, token, batch_size)
        # the summaries last: they describe the records just written (the dataset is still marked started)
        if summaries is not None:
            rows.summaries = summaries.result()
        with _Batches(self, workers, advance) as writer:
            for group in rows.summaries:
                query = merge_summaries_query(group.label)
                for batch in _batches(group.rows, batch_size):
                    writer.write(query, len(batch), dataset=dataset, token=token, rows=batch)
                writer.wait()
        self._sweep(Q_SWEEP_SUMMARIES, dataset, token, batch_size)
        counts = self.read(Q_COUNT_DATASET, dataset=dataset)[0]
        stored = self.read(Q_COUNT_SUMMARIES, dataset=dataset)[0]["summaries"]
        if (counts["nodes"], counts["relationships"]) != (rows.node_count, rows.relationship_count) \
                or stored != rows.summary_count:
            raise BackendError(
                msg("push of {dataset!r} wrote {nodes} nodes and {relationships} relationships, "
                    "expected {node_count} and {relationship_count} (another push running at the same "
                    "time?); the dataset stays marked incomplete: push again",
                    dataset=dataset, nodes=counts["nodes"], relationships=counts["relationships"],
                    node_count=rows.node_count, relationship_count=rows.relationship_count))
        if not self.write(Q_MARK_COMPLETE, dataset=dataset, token=token, now=_now()):
            raise BackendError(msg("another push of {dataset!r} started while this one ran; push again",
                                   dataset=dataset))
        return PushResult(dataset=dataset, nodes=rows.node_count, relationships=rows.relationship_count,
                          removed_nodes=removed_nodes, removed_relationships=removed_rels,
                          seconds=time.perf_counter() - started, batches=batches)

    def _sweep(self, query: str, dataset: str, token: str, batch_size: int) -> int:
        removed = 0
        while True:
            count = self.write(query, dataset=dataset, token=token, limit=batch_size)[0]["removed"]
            removed += count
            if count < batch_size:
                return removed

    # -------------------------------------------------------------------------------------------- status
    def datasets(self) -> list[DatasetState]:
        """Every dataset with a ``ChaingraphDataset`` node, with its push state."""
        return [DatasetState(id=r["id"], state=r["state"] or "unknown", name=r["name"] or "",
                             as_of=r["as_of"] or "", started_at=r["started_at"], pushed_at=r["pushed_at"],
                             nodes=r["nodes"], relationships=r["relationships"])
                for r in self.read(Q_DATASETS)]

    def dataset_state(self, dataset: str) -> DatasetState | None:
        return next((d for d in self.datasets() if d.id == dataset), None)

    def status(self) -> Neo4jStatus:
        """Counts by label and relationship type, and the datasets with their push state."""
        if not self.server_version:
            self.check()
        datasets = self.datasets()
        known = {d.id for d in datasets}
        nodes = dict.fromkeys(NODE_LABELS.values(), 0)
        for row in self.read(Q_NODE_COUNTS):
            for name in row["labels"]:
                if name in nodes:
                    nodes[name] += row["count"]
            if row["dataset"] not in known:
                known.add(row["dataset"])
                datasets.append(DatasetState(id=str(row["dataset"]), state="unknown"))
        relationships = dict.fromkeys(REL_TYPES.values(), 0)
        for row in self.read(Q_REL_COUNTS):
            relationships[row["type"]] = row["count"]
        datasets.sort(key=lambda d: d.id)
        return Neo4jStatus(uri=self.settings.safe_uri, database=self.settings.database,
                           server_version=self.server_version, datasets=datasets, nodes=nodes,
                           relationships=relationships)

    # -------------------------------------------------------------------------------------------- wipe
    def wipe(self, dataset: str | None = None, batch_size: int = 5000) -> WipeResult:
        """Delete chaingraph's nodes (of one dataset, or of all) in batches; nothing else is touched."""
        marked = [r["id"] for r in self.write(Q_WIPE_MARK, dataset=dataset)]
        removed = 0
        for query in (*(wipe_label_query(kind) for kind in _WIPE_FIRST), Q_WIPE_NODES, Q_WIPE_SUMMARIES):
            while True:
                count = self.write(query, dataset=dataset, limit=batch_size)[0]["removed"]
                removed += count if query is not Q_WIPE_SUMMARIES else 0  # records only, as pushed
                if count < batch_size:
                    break
        self.write(Q_WIPE_DATASETS, dataset=dataset)
        return WipeResult(datasets=sorted(marked), nodes=removed)

    # -------------------------------------------------------------------------------------------- analysis
    def facts(self, dataset: str) -> Neo4jFacts:
        """The :class:`~chaingraph.analysis.facts.Facts` of a pushed dataset, answered by Cypher."""
        from .neo4j_facts import Neo4jFacts

        return Neo4jFacts(self, dataset)


def connect(settings: Neo4jSettings | None = None) -> Neo4jBackend:
    """A checked connection (reachable, login accepted, database present, Neo4j 5+); close it after use.

    ``settings`` default to :meth:`Neo4jSettings.from_env`. Use it as ``with connect() as backend: ...``.
    """
    backend = Neo4jBackend(settings if settings is not None else Neo4jSettings.from_env())
    try:
        backend.check()
    except BaseException:
        backend.close()
        raise
    return backend
