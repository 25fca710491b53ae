"""The exception tree of chaingraph.

Every error chaingraph raises on purpose derives from :class:`ChaingraphError`, so a caller can catch one class::

    ChaingraphError
    ├── DatasetError          a dataset folder cannot be read or is invalid (carries every Problem found)
    ├── LookupFailed          a chain, segment, region or entity name matches nothing (or too many things)
    ├── ParseError            a money, quantity, date or id string is malformed (also a ValueError)
    ├── InvalidArgument       a library call got an option it cannot use (an unknown backend, ...)
    ├── BackendError          a graph backend (Neo4j) failed: unreachable, refused, too old
    └── ExportError           an output file could not be written

The CLI turns these into one clear line on stderr and a documented exit code (see ``docs/cli.md``); anything
else is a bug and keeps its traceback.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ChaingraphError",
    "DatasetError",
    "LookupFailed",
    "ParseError",
    "InvalidArgument",
    "BackendError",
    "ExportError",
    "Problem",
]


class ChaingraphError(Exception):
    """Base class of every error chaingraph raises on purpose."""

    exit_code = 1


@dataclass(frozen=True)
class Problem:
    """One problem in a dataset, located as precisely as the file format allows.

    Examples
    --------
    >>> str(Problem("firms.csv", 12, "country", "unknown country code 'XX'"))
    "firms.csv:12: country: unknown country code 'XX'"
    >>> str(Problem("chains/automotive.yaml", None, None, "file is missing"))
    'chains/automotive.yaml: file is missing'
    >>> str(Problem("firms.csv", 3, "name", "starts with '='", severity="warning"))
    "firms.csv:3: name: warning: starts with '='"

    ``severity`` is ``error`` (the dataset cannot be used) or ``warning`` (it loads, but a person should look:
    ``chaingraph validate`` prints warnings and still exits 0).
    """

    file: str
    line: int | None
    field: str | None
    message: str
    severity: str = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.file, self.line or 0, self.field or "", self.message)

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        message = self.message if self.severity == "error" else f"{self.severity}: {self.message}"
        if self.field:
            return f"{where}: {self.field}: {message}"
        return f"{where}: {message}"


class DatasetError(ChaingraphError):
    """A dataset could not be loaded; ``problems`` lists every problem found, not just the first."""

    exit_code = 3

    def __init__(self, problems: list[Problem], root: str | None = None) -> None:
        self.problems = sorted(problems, key=lambda p: p.sort_key)
        self.root = root
        count = len(self.problems)
        head = f"dataset {root} has {count} problem{'s' if count != 1 else ''}" if root else "invalid dataset"
        super().__init__(head + ":\n" + "\n".join(f"  {p}" for p in self.problems))


class LookupFailed(ChaingraphError, KeyError):
    """A name or id given by the user matched nothing, or matched several things."""

    exit_code = 4

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "not found"


class ParseError(ChaingraphError, ValueError):
    """A value string (money, quantity, date, id, boolean) is malformed."""

    exit_code = 2


class InvalidArgument(ChaingraphError, ValueError):
    """A library call got an option it cannot use (an unknown backend name, options that exclude each other)."""

    exit_code = 2


class BackendError(ChaingraphError):
    """A graph backend failed (Neo4j unreachable, authentication refused, version too old, ...)."""

    exit_code = 5


class ExportError(ChaingraphError):
    """An output file could not be written."""

    exit_code = 6
