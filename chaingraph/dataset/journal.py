"""All-or-nothing changes of several files of a dataset folder, across crashes, under the dataset lock.

A writer stages a :class:`Transaction`: the new files are written beside the old ones, in the folder's
``.chaingraph-txn/`` (same file system, so every swap is an atomic :func:`os.replace`), and flushed to disk. The
staging folder also mirrors the unchanged files by hard links, so the new dataset can be loaded and validated
as a whole before anything is replaced. :meth:`Transaction.commit` then

1. keeps a hard link to each file it will replace (for a roll-back),
2. writes the list of swaps to ``.chaingraph-journal.json`` (atomically, flushed): **the commit point**,
3. swaps the files in one by one with :func:`os.replace`,
4. removes the journal and the staging folder.

A crash before step 2 leaves the dataset as it was (the next run removes the staging folder); a crash after it
leaves a journal that :func:`recover` rolls forward before any command reads the dataset, so a reader sees the
old dataset or the new one, never a mix, and never a moment without a dataset. No folder is renamed, so a file
held open elsewhere in the folder (Excel on Windows) does not stop the change; if a file to be *replaced* is held
open, the swaps done so far are undone and the error names the file.

Examples
--------
>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> _ = (root / "a.csv").write_text("old a")
>>> with Transaction(root) as txn:
...     txn.write_text("a.csv", "new a")
...     txn.write_text("b.csv", "new b")
...     txn.commit()
['a.csv', 'b.csv']
>>> (root / "a.csv").read_text(), (root / "b.csv").read_text()
('new a', 'new b')
>>> sorted(p.name for p in root.iterdir())  # nothing staged is left behind
['.chaingraph.lock', 'a.csv', 'b.csv']
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..errors import ExportError
from ..messages import msg
from .locking import DatasetBusy, dataset_lock, is_held_here

__all__ = ["Transaction", "recover", "read_consistent", "JOURNAL_NAME", "STAGING_NAME", "CRASH_ENV", "PAUSE_ENV"]

JOURNAL_NAME = ".chaingraph-journal.json"
STAGING_NAME = ".chaingraph-txn"
CRASH_ENV = "CHAINGRAPH_TEST_CRASH_AT"
"""Test hook: the name of a point (``staged``, ``journal``, ``swap:N``, ``swapped``) at which the process kills
itself with SIGKILL, so the crash tests hit every window. Never set outside tests."""
PAUSE_ENV = "CHAINGRAPH_TEST_PAUSE_AT"
"""Test hook: ``point=seconds``: sleep there (the concurrency tests widen the window between read and write)."""

_T = TypeVar("_T")


def _crash_point(name: str) -> None:
    pause = os.environ.get(PAUSE_ENV, "")
    if pause.partition("=")[0] == name:
        import time

        time.sleep(float(pause.partition("=")[2] or 1))
    if os.environ.get(CRASH_ENV) == name:
        import signal

        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder for fsync; NTFS journals its metadata itself
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _link_or_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # FAT, some network shares: no hard links
        import shutil

        shutil.copy2(source, target)


def _rmtree(path: Path) -> None:
    """``shutil.rmtree`` ignoring errors; shutil is imported only when a folder changes (a query only checks that
    nothing is pending, and shutil with the compression modules it loads costs a cold query ~2 ms)."""
    import shutil

    shutil.rmtree(path, ignore_errors=True)


def _mirror(root: Path, staging: Path) -> None:
    """Hard-link every data file of ``root`` into ``staging`` (top-level dot entries are chaingraph's own)."""
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if rel.parts[0].startswith(".") or not path.is_file() or path.is_symlink():
            continue
        _link_or_copy(path, staging / rel)


class Transaction:
    """A set of file changes in the dataset folder ``root`` that happen all together or not at all.

    Use it as a context manager: it takes the dataset lock (waiting up to ``wait`` seconds) and, if it is left
    without :meth:`commit`, removes what it staged.
    """

    def __init__(self, root: str | Path, wait: float | None = None) -> None:
        self.root = Path(root)
        self.wait = wait
        self.staging = self.root / STAGING_NAME
        self._ops: list[dict[str, Any]] = []
        self._lock: Any = None
        self._mirrored = False

    # -------------------------------------------------------------------------------------------- life cycle
    def __enter__(self) -> Transaction:
        self._lock = dataset_lock(self.root, self.wait)
        self._lock.__enter__()
        try:
            recover(self.root)
            self.staging.mkdir()
        except OSError as exc:
            self._lock.__exit__(None, None, None)
            raise ExportError(msg("cannot write in {root}: {strerror}",
                                  root=self.root, strerror=exc.strerror or exc)) from None
        except BaseException:
            self._lock.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if (self.root / JOURNAL_NAME).exists():
                recover(self.root)  # committed but interrupted (an exception mid-swap): finish it
            else:
                _rmtree(self.staging)
        finally:
            self._lock.__exit__(None, None, None)

    # -------------------------------------------------------------------------------------------- staging
    def _stage_path(self, name: str) -> Path:
        rel = Path(name)
        if rel.is_absolute() or ".." in rel.parts:
            raise ValueError(f"not a path inside the dataset: {name}")
        return self.staging / "new" / rel

    def write_bytes(self, name: str, data: bytes) -> None:
        """Stage ``data`` as the new content of ``name`` (a path relative to the dataset folder)."""
        target = self._stage_path(name)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(target, 0o666 & ~_umask())
        except OSError as exc:
            raise ExportError(msg("cannot write {root}: {strerror}",
                                  root=self.root / name, strerror=exc.strerror or exc)) from None
        self._ops = [op for op in self._ops if op["dst"] != name]
        self._ops.append({"op": "replace", "src": str(Path(STAGING_NAME, "new", name).as_posix()), "dst": name})

    def write_text(self, name: str, text: str) -> None:
        """Stage ``text`` (written as UTF-8) as the new content of ``name``."""
        self.write_bytes(name, text.encode("utf-8"))

    def delete(self, name: str) -> None:
        """Remove ``name`` from the dataset folder when the transaction commits."""
        self._ops = [op for op in self._ops if op["dst"] != name]
        self._ops.append({"op": "delete", "dst": name})

    def add_folder(self, name: str, files: dict[str, bytes]) -> None:
        """Create the folder ``name`` (which must not exist yet) holding ``files`` when the transaction commits."""
        staged = self.staging / "dirs" / str(len(self._ops))
        try:
            for rel, data in files.items():
                path = staged / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                _fsync_file(path)
        except OSError as exc:
            raise ExportError(msg("cannot write {root}: {strerror}",
                                  root=self.root / name, strerror=exc.strerror or exc)) from None
        self._ops.append({"op": "move", "src": staged.relative_to(self.root).as_posix(), "dst": name})

    def remove_folder(self, name: str) -> None:
        """Remove the folder ``name`` when the transaction commits (it is moved aside, then deleted)."""
        trash = self.staging / "trash" / str(len(self._ops))
        self._ops.append({"op": "move", "src": name, "dst": trash.relative_to(self.root).as_posix(),
                          "trash": True})

    def preview(self) -> Path:
        """A folder holding the dataset as it will be after the commit (for validation before anything moves)."""
        view = self.staging / "view"
        if self._mirrored:
            _rmtree(view)
        try:
            _mirror(self.root, view)
            for op in self._ops:
                if op.get("trash"):
                    continue
                if op["op"] == "replace":
                    target = view / op["dst"]
                    target.unlink(missing_ok=True)
                    _link_or_copy(self.root / op["src"], target)
                elif op["op"] == "delete":
                    (view / op["dst"]).unlink(missing_ok=True)
        except OSError as exc:
            raise ExportError(msg("cannot stage the change of {root}: {strerror}",
                                  root=self.root, strerror=exc.strerror or exc)) from None
        self._mirrored = True
        return view

    # -------------------------------------------------------------------------------------------- commit
    def commit(self) -> list[str]:
        """Swap the staged changes in, all or nothing; returns the changed paths (relative to the folder)."""
        if not self._ops:
            return []
        _crash_point("staged")
        try:
            for index, op in enumerate(self._ops):
                if op.get("trash") or op["op"] == "move":
                    continue
                current = self.root / op["dst"]
                if current.exists():
                    keep = self.staging / "old" / str(index)
                    _link_or_copy(current, keep)
                    op["old"] = keep.relative_to(self.root).as_posix()
            _fsync_dir(self.staging)
            journal = {"version": 1, "ops": self._ops}
            tmp = self.root / (JOURNAL_NAME + ".tmp")
            with open(tmp, "w", encoding="utf-8") as out:
                json.dump(journal, out, ensure_ascii=False)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.root / JOURNAL_NAME)
            _fsync_dir(self.root)
        except OSError as exc:
            (self.root / (JOURNAL_NAME + ".tmp")).unlink(missing_ok=True)
            raise ExportError(msg("cannot write in {root}: {strerror}; nothing was changed",
                                  root=self.root, strerror=exc.strerror or exc)) from None
        _crash_point("journal")
        _apply(self.root, self._ops, live=True)
        _crash_point("swapped")
        _finish(self.root)
        return [op["dst"] for op in self._ops if not op.get("trash")]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _apply(root: Path, ops: list[dict[str, Any]], live: bool = False) -> None:
    """Roll the journal forward (idempotent: a step already done is skipped); on failure undo and raise."""
    done: list[dict[str, Any]] = []
    try:
        for index, op in enumerate(ops):
            src = root / op["src"] if "src" in op else None
            dst = root / op["dst"]
            if op["op"] == "delete":
                dst.unlink(missing_ok=True)
            elif src is not None and src.exists():
                dst.parent.mkdir(parents=True, exist_ok=True)
                os.replace(src, dst)
            done.append(op)
            if live:
                _crash_point(f"swap:{index}")
        _fsync_dir(root)
    except OSError as exc:
        failed = op.get("dst", "")
        try:
            _rollback(root, ops)
        except OSError as again:
            raise ExportError(
                msg("{root}: a change was interrupted and cannot be finished or undone ({failed}: "
                    "{strerror}; undo: {strerror2}); close the programs that hold files of "
                    "the folder open and run any chaingraph command on it again",
                    root=root, failed=failed, strerror=exc.strerror or exc,
                    strerror2=again.strerror or again)) from None
        _finish(root)
        raise ExportError(msg("cannot replace {root}: {strerror} (is it open in another "
                              "program?); nothing was changed",
                              root=root / failed, strerror=exc.strerror or exc)) from None


def _rollback(root: Path, ops: list[dict[str, Any]]) -> None:
    for op in reversed(ops):
        dst = root / op["dst"]
        if op["op"] == "move":
            src = root / op["src"]
            if dst.exists() and not src.exists():
                src.parent.mkdir(parents=True, exist_ok=True)
                os.replace(dst, src)
            continue
        old = root / op["old"] if op.get("old") else None
        if old is not None and old.exists():
            os.replace(old, dst)
        elif old is None and op["op"] == "replace" and not (root / op["src"]).exists():
            dst.unlink(missing_ok=True)  # a file the change created


def _finish(root: Path) -> None:
    (root / JOURNAL_NAME).unlink(missing_ok=True)
    _fsync_dir(root)
    _rmtree(root / STAGING_NAME)


def recover(root: str | Path, wait: float | None = None) -> str | None:
    """Finish or clean up an interrupted change of ``root``; returns what was done, or None if nothing was.

    ``"rolled forward"``: a committed change was completed from its journal. ``"cleaned up"``: a change that
    had not reached its commit point was discarded (the dataset is the old one). A change another process is
    still staging is left alone (the dataset is intact until its commit point).
    """
    root = Path(root)
    journal = root / JOURNAL_NAME
    pending = journal.exists()
    if not pending and not (root / STAGING_NAME).exists() and not (root / (JOURNAL_NAME + ".tmp")).exists():
        return None
    if not is_held_here(root):
        try:
            with dataset_lock(root, wait if pending else 0):
                return recover(root, wait)
        except DatasetBusy:
            if pending:
                raise
            return None  # another writer is staging its change: the files in place are whole
        except ExportError:
            if pending:
                raise
            return None  # cannot lock (a read-only folder): nothing of ours can be in progress there
    if journal.exists():
        try:
            data = json.loads(journal.read_text(encoding="utf-8"))
            ops = data["ops"]
        except (OSError, ValueError, KeyError, TypeError):
            # the journal is written to a temporary name and renamed, so it is never half-written; a damaged one
            # was not written by us: leave everything for a person to look at
            raise ExportError(msg("{journal}: unreadable change journal; move it away to use the dataset as it "
                                  "is", journal=journal)) from None
        _apply(root, ops)
        _finish(root)
        return "rolled forward"
    (root / (JOURNAL_NAME + ".tmp")).unlink(missing_ok=True)
    _rmtree(root / STAGING_NAME)
    return "cleaned up"


def _stamp(root: Path) -> tuple[tuple[str, int, int, int], ...]:
    stamps = []
    for path in sorted(root.glob("*")) + sorted(root.glob("chains/*")):
        if path.name.startswith(".") or not path.is_file():
            continue
        st = path.stat()
        stamps.append((path.name, st.st_size, st.st_mtime_ns, st.st_ino))
    return tuple(stamps)


def read_consistent(root: Path, read: Callable[[Path], _T], attempts: int = 5) -> _T:
    """``read(root)`` on a dataset folder that no change is half-way through.

    An interrupted change is finished first (:func:`recover`). A writer swapping files in while ``read`` runs
    is noticed (its journal is there, or the files' sizes, times or inodes changed) and the read is done again
    once the writer is finished.
    """
    if not root.is_dir():
        return read(root)
    result: _T
    for _ in range(attempts):
        recover(root)
        try:
            before = _stamp(root)
        except OSError:
            return read(root)
        result = read(root)
        try:
            if not (root / JOURNAL_NAME).exists() and _stamp(root) == before:
                return result
        except OSError:
            return result
    return result
