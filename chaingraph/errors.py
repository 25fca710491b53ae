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
else is a bug and keeps its traceback. Messages are :class:`~chaingraph.messages.Message` texts: English in
``str(exc)``, and in the language of ``--lang`` (Chinese by default) through :meth:`ChaingraphError.render` and
:meth:`Problem.render`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .messages import Message, msg, render

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

    def render(self, lang: str = "en") -> str:
        """The error's message in ``lang`` (``zh`` or ``en``); ``str(exc)`` is the English one."""
        if len(self.args) == 1 and isinstance(self.args[0], Message):
            return self.args[0].render(lang)
        return str(self)


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
        return self.render("en")

    def render(self, lang: str = "en") -> str:
        """``file:line: field: message`` with the message (and the word *warning*) in ``lang``.

        >>> Problem("firms.csv", 3, "name", msg("is required")).render("zh")
        'firms.csv:3: name: 必填'
        """
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        text = render(self.message, lang)
        if self.severity != "error":
            severity = {"warning": "警告"}.get(self.severity, self.severity) if lang == "zh" else self.severity
            text = f"{severity}: {text}"
        if self.field:
            return f"{where}: {self.field}: {text}"
        return f"{where}: {text}"


class DatasetError(ChaingraphError):
    """A dataset could not be loaded; ``problems`` lists every problem found, not just the first."""

    exit_code = 3

    def __init__(self, problems: list[Problem], root: str | None = None) -> None:
        self.problems = sorted(problems, key=lambda p: p.sort_key)
        self.root = root
        super().__init__(self.render("en"))

    def head(self) -> Message:
        """The first line of the message: how many problems, where."""
        count = len(self.problems)
        return (msg("dataset {root} has {count} problem{s}", root=self.root, count=count, s="s" if count != 1 else "")
                if self.root else msg("invalid dataset"))

    def render(self, lang: str = "en") -> str:
        head = self.head()
        colon = "：" if lang == "zh" else ":"
        return head.render(lang) + colon + "\n" + "\n".join(f"  {p.render(lang)}" for p in self.problems)


class LookupFailed(ChaingraphError, KeyError):
    """A name or id given by the user matched nothing, or matched several things."""

    exit_code = 4

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "not found"

    def render(self, lang: str = "en") -> str:
        return super().render(lang) if self.args else render(msg("not found"), lang)


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
