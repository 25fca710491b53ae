"""One push per dataset at a time in a Neo4j database: a lock node, for pushes from any machine.

Two ``chaingraph neo4j push`` runs of the same dataset would sweep each other's rows (each push removes what it
did not write), so both would fail with partial counts. :func:`push_lock` makes the second one wait for the first
and then push, or give up after ``wait`` seconds with a clear :class:`~chaingraph.errors.BackendError`.

The lock is a ``(:ChaingraphPushLock {dataset})`` node, unique by a constraint, taken with ``MERGE``: of two
pushes starting together, one creates it and the other finds it. The holder refreshes ``heartbeat`` while it
works and deletes the node in a ``finally``. A lock left by a push that died is taken over: at once when that
push ran on this machine and its process is gone (kill -9), else when its heartbeat is older than
``stale_after`` seconds (a lost connection, another machine). Every value is a query parameter.
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ..errors import BackendError
from ..messages import msg

if TYPE_CHECKING:
    from .neo4j import Neo4jBackend

__all__ = ["LOCK_LABEL", "LOCK_SCHEMA", "push_lock", "PushLock", "DEFAULT_PUSH_WAIT", "STALE_AFTER"]

LOCK_LABEL = "ChaingraphPushLock"
LOCK_SCHEMA = (f"CREATE CONSTRAINT chaingraph_push_lock IF NOT EXISTS FOR (l:{LOCK_LABEL}) "
               "REQUIRE l.dataset IS UNIQUE")
DEFAULT_PUSH_WAIT = 60.0
"""Seconds a push waits for another push of the same dataset."""
STALE_AFTER = 120.0
"""A lock whose holder has not been heard of for this long is taken over."""
HEARTBEAT_EVERY = 10.0

# The dummy SET takes the node's write lock before its owner is read, so two pushes that MERGE the same node
# one after the other cannot both see it free (Neo4j's documented guard against lost updates).
Q_ACQUIRE = f"""
MERGE (l:{LOCK_LABEL} {{dataset: $dataset}})
ON CREATE SET l.owner = $owner, l.holder = $holder, l.host = $host, l.pid = $pid, l.since = $now,
              l.heartbeat = $now
SET l.probe = $owner
WITH l, l.owner = $owner AS mine, l.heartbeat < $now - $stale_ms AS stale
FOREACH (_ IN CASE WHEN stale AND NOT mine THEN [1] ELSE [] END |
  SET l.owner = $owner, l.holder = $holder, l.host = $host, l.pid = $pid, l.since = $now)
FOREACH (_ IN CASE WHEN mine OR stale THEN [1] ELSE [] END | SET l.heartbeat = $now)
REMOVE l.probe
RETURN l.owner = $owner AS mine, l.owner AS owner, l.holder AS holder, l.host AS host, l.pid AS pid,
       l.since AS since
"""
Q_TAKE_OVER = f"""
MATCH (l:{LOCK_LABEL} {{dataset: $dataset, owner: $dead}})
SET l.owner = $owner, l.holder = $holder, l.host = $host, l.pid = $pid, l.since = $now, l.heartbeat = $now
RETURN count(l) AS n
"""
Q_HEARTBEAT = f"MATCH (l:{LOCK_LABEL} {{dataset: $dataset, owner: $owner}}) SET l.heartbeat = $now RETURN count(l) AS n"
Q_RELEASE = f"MATCH (l:{LOCK_LABEL} {{dataset: $dataset, owner: $owner}}) DELETE l"


def _now_ms() -> int:
    return int(time.time() * 1000)


_held_owners: set[str] = set()


def _holder_is_gone(row: dict[str, Any]) -> bool:
    """True when the lock's holder ran on this machine and is no more (kill -9, or a crash of this process's
    earlier push): its lock need not wait to go stale."""
    if row.get("host") != socket.gethostname() or not isinstance(row.get("pid"), int):
        return False
    if row["pid"] == os.getpid():
        return row.get("owner") not in _held_owners
    from ..dataset.locking import _pid_alive

    return not _pid_alive(row["pid"])


class PushLock:
    """The held lock of one dataset; :meth:`heartbeat` keeps it from going stale during a long push."""

    def __init__(self, backend: Neo4jBackend, dataset: str, owner: str) -> None:
        self.backend = backend
        self.dataset = dataset
        self.owner = owner
        self._last = time.monotonic()

    def heartbeat(self, force: bool = False) -> None:
        if not force and time.monotonic() - self._last < HEARTBEAT_EVERY:
            return
        rows = self.backend.write(Q_HEARTBEAT, dataset=self.dataset, owner=self.owner, now=_now_ms())
        self._last = time.monotonic()
        if not rows or not rows[0]["n"]:
            raise BackendError(msg("the push lock of {dataset!r} was taken over by another push (this one was "
                                   "silent for more than {STALE_AFTER:.0f} s); push again",
                                   dataset=self.dataset, STALE_AFTER=STALE_AFTER))


@contextmanager
def push_lock(backend: Neo4jBackend, dataset: str, wait: float = DEFAULT_PUSH_WAIT,
              stale_after: float = STALE_AFTER) -> Iterator[PushLock]:
    """Hold the push lock of ``dataset`` in the backend's database for the ``with`` block.

    Waits up to ``wait`` seconds for another push; raises :class:`BackendError` naming the other push (host,
    pid, since when) if it is still running then.
    """
    owner = uuid.uuid4().hex
    host, pid = socket.gethostname(), os.getpid()
    me = {"owner": owner, "holder": f"{host} pid {pid}", "host": host, "pid": pid}
    backend.write(LOCK_SCHEMA)
    deadline = time.monotonic() + max(0.0, wait)
    while True:
        row: dict[str, Any] = backend.write(Q_ACQUIRE, dataset=dataset, now=_now_ms(),
                                            stale_ms=int(stale_after * 1000), **me)[0]
        if row["mine"]:
            break
        if _holder_is_gone(row) and backend.write(Q_TAKE_OVER, dataset=dataset, dead=row["owner"], now=_now_ms(),
                                                  **me)[0]["n"]:
            break
        if time.monotonic() >= deadline:
            since = time.strftime("%H:%M:%S", time.localtime((row.get("since") or 0) / 1000))
            raise BackendError(msg("dataset {dataset!r} is being pushed to Neo4j by another process "
                                   "({holder}, since {since}); try again when it is done, or "
                                   "wait longer with --wait SECONDS",
                                   dataset=dataset, holder=row.get("holder") or "unknown", since=since))
        time.sleep(min(0.5, max(0.05, deadline - time.monotonic())))
    lock = PushLock(backend, dataset, owner)
    _held_owners.add(owner)
    try:
        yield lock
    finally:
        _held_owners.discard(owner)
        try:
            backend.write(Q_RELEASE, dataset=dataset, owner=owner)
        except BackendError:
            pass  # the connection is gone: the lock goes stale after STALE_AFTER seconds and is taken over
