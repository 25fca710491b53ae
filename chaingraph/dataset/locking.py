"""The dataset lock: one writer at a time per dataset folder, on Linux, macOS and Windows.

Every command that changes a dataset folder (``import``, ``merge``, ``merge --undo``, ``import-chainkg``) holds
:func:`dataset_lock` from the moment it reads the dataset until its last file is in place, so two writers can
never both read the old files and each write back its own change (a lost update). The lock is an operating-system
lock (``flock`` on POSIX, ``LockFileEx`` on Windows, through the ``filelock`` library) on ``.chaingraph.lock``
inside the folder: the system releases it when the holding process ends, even by ``kill -9`` or a power cut, so
a lock of a dead process never blocks anyone. Who holds it (pid, command, since when) is written beside it in
``.chaingraph.lock.owner`` for the message a waiting writer prints.

A second writer waits up to ``wait`` seconds (default :data:`DEFAULT_WAIT`, or ``$CHAINGRAPH_LOCK_WAIT``) and
then gives up with :class:`DatasetBusy`: ``dataset my-city is being changed by another process (pid 4242,
chaingraph merge, since 10:41:07); try again, or wait longer with --wait SECONDS``.

The lock is re-entrant within one process: a library function that locks can call another that locks.

Examples
--------
>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> with dataset_lock(root, wait=0):
...     with dataset_lock(root, wait=0):  # the same process may take it again
...         holder(root)["pid"] == os.getpid()
True
>>> holder(root) is None  # released, and nobody else holds it
True
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import ChaingraphError
from ..messages import msg

__all__ = ["dataset_lock", "holder", "DatasetBusy", "DEFAULT_WAIT", "WAIT_ENV", "LOCK_NAME", "OWNER_NAME",
           "default_wait"]

LOCK_NAME = ".chaingraph.lock"
OWNER_NAME = ".chaingraph.lock.owner"
WAIT_ENV = "CHAINGRAPH_LOCK_WAIT"
DEFAULT_WAIT = 10.0
"""Seconds a writer waits for another writer of the same dataset before giving up."""


class DatasetBusy(ChaingraphError):
    """Another process is changing the dataset and did not finish within the wait."""

    exit_code = 7


_held: dict[Path, tuple[Any, int]] = {}
_held_guard = threading.Lock()


def default_wait() -> float:
    """The wait in seconds: ``$CHAINGRAPH_LOCK_WAIT`` when it is a number >= 0, else :data:`DEFAULT_WAIT`."""
    try:
        value = float(os.environ.get(WAIT_ENV, ""))
    except ValueError:
        return DEFAULT_WAIT
    return value if value >= 0 else DEFAULT_WAIT


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate the process on Windows
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if handle:
            ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
            return True
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _read_owner(root: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((root / OWNER_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def holder(root: str | Path) -> dict[str, Any] | None:
    """Who holds the lock of ``root`` now (``pid``, ``command``, ``since``), or None when nobody does.

    The owner file of a process that died while holding the lock is ignored: the system released its lock.
    """
    root = Path(root)
    owner = _read_owner(root)
    if owner is None:
        return None
    if Path(root).resolve() in _held and owner.get("pid") == os.getpid():
        return owner
    if owner.get("pid") == os.getpid() or not _pid_alive(int(owner.get("pid") or 0)):
        return None
    # the process lives, but holds the lock only if we cannot take it now
    import filelock

    probe = filelock.FileLock(str(root / LOCK_NAME))
    try:
        probe.acquire(timeout=0)
    except filelock.Timeout:
        return owner
    except OSError:
        return owner
    probe.release()
    return None


def _describe(root: Path) -> str:
    owner = _read_owner(root) or {}
    parts = []
    if owner.get("pid"):
        parts.append(f"pid {owner['pid']}")
    if owner.get("command"):
        parts.append(str(owner["command"])[:60])
    if owner.get("since"):
        return msg(" ({holder}, since {since})", holder=", ".join(parts), since=owner["since"]) if parts else \
            msg(" (since {since})", since=owner["since"])
    return f" ({', '.join(parts)})" if parts else ""


def _command() -> str:
    """What holds the lock, for the message of a waiting writer: ``chaingraph merge`` or the program name."""
    try:
        import click

        ctx = click.get_current_context(silent=True)
    except ImportError:  # pragma: no cover - click is a dependency
        ctx = None
    if ctx is not None:
        return ctx.command_path[:60]
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    return (name if name and name != "-c" else "python")[:60]


@contextmanager
def dataset_lock(root: str | Path, wait: float | None = None) -> Iterator[Path]:
    """Hold the write lock of the dataset folder ``root`` for the ``with`` block.

    Parameters
    ----------
    root : path of the dataset folder (it must exist and be writable).
    wait : seconds to wait for another writer; None means :func:`default_wait`, 0 means do not wait.

    Raises
    ------
    DatasetBusy
        Another process held the lock for longer than ``wait``.
    ExportError
        The lock file cannot be created (a read-only folder, for example).
    """
    import filelock

    from ..errors import ExportError

    root = Path(root)
    key = root.resolve()
    seconds = default_wait() if wait is None else max(0.0, float(wait))
    with _held_guard:
        entry = _held.get(key)
        if entry is not None:
            _held[key] = (entry[0], entry[1] + 1)
    if entry is not None:
        try:
            yield root
        finally:
            with _held_guard:
                lock, count = _held[key]
                if count > 1:
                    _held[key] = (lock, count - 1)
        return
    if not root.is_dir():
        from ..errors import DatasetError, Problem

        what = msg("is not a folder") if root.exists() else msg("dataset folder does not exist")
        raise DatasetError([Problem(str(root), None, None, what)], root=str(root))
    lock = filelock.FileLock(str(root / LOCK_NAME), thread_local=False)
    try:
        lock.acquire(timeout=seconds, poll_interval=0.05)
    except filelock.Timeout:
        raise DatasetBusy(msg("dataset {root} is being changed by another process{holder}; try again, or "
                              "wait longer with --wait SECONDS", root=root, holder=_describe(root))) from None
    except OSError as exc:
        raise ExportError(msg("cannot lock {root}: {strerror}",
                              root=root / LOCK_NAME, strerror=exc.strerror or exc)) from None
    try:
        owner = {"pid": os.getpid(), "command": _command(),
                 "since": _dt.datetime.now().isoformat(timespec="seconds")}
        try:
            (root / OWNER_NAME).write_text(json.dumps(owner), encoding="utf-8")
        except OSError:
            pass  # the owner note only improves the message of a waiting writer
        with _held_guard:
            _held[key] = (lock, 1)
        try:
            yield root
        finally:
            with _held_guard:
                _held.pop(key, None)
            try:
                (root / OWNER_NAME).unlink(missing_ok=True)
            except OSError:
                pass
    finally:
        lock.release()


def is_held_here(root: str | Path) -> bool:
    """True when this process holds the lock of ``root``."""
    return Path(root).resolve() in _held


__all__ += ["is_held_here"]
