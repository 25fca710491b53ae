"""Read and validate a dataset folder (format: ``docs/dataset-format.md``).

:func:`load_dataset` reads everything, checks everything, and either returns a complete :class:`Dataset` or
raises :class:`~chaingraph.errors.DatasetError` listing *every* problem as ``file:line: field: message``; it
never returns half a dataset. :func:`validate_dataset` returns the problems instead of raising.

Examples
--------
>>> ds = load_dataset()          # the bundled Pinghu dataset
>>> ds.info.default_region
'pinghu'
>>> validate_dataset(bundled_dataset_path())
[]
"""

from __future__ import annotations

import csv
import gc
import io
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from itertools import islice, repeat
from pathlib import Path
from typing import Any

import yaml

from ..countries import COUNTRY_CODES
from ..errors import DatasetError, ParseError, Problem
from ..limits import (
    MAX_CELL_CHARS,
    MAX_CSV_BYTES,
    MAX_CSV_ROWS,
    MAX_NAME_CHARS,
    MAX_YAML_BYTES,
    MAX_YAML_DEPTH,
    MAX_YAML_EXPANDED_NODES,
    LimitExceeded,
    outside_folder,
    read_limited_bytes,
)
from ..messages import Message, message_of, msg, noun
from ..safety import CONTROL_RE, fragment, restore_cell, text_issues
from .journal import read_consistent
from .model import (
    CLAIM_ASSERTIONS,
    CONFIDENCES,
    COVERAGE_KINDS,
    CURRENCIES,
    PROJECT_STATUSES,
    REGION_KINDS,
    ROLES,
    SIZES,
    SUPPLY_EDGE_KINDS,
    TIERS,
    Chain,
    Citation,
    Claim,
    Coverage,
    DatasetInfo,
    Firm,
    FxRate,
    Group,
    Link,
    PartialDate,
    Project,
    ProjectEvent,
    Quantity,
    Region,
    RegionFact,
    Rejection,
    Segment,
    Source,
    SupplyEdge,
    Tie,
    parse_bool,
    parse_date,
    parse_id,
    parse_quantity,
)
from .params import AnalysisParams
from .store import Dataset, bundled_dataset_path, default_dataset_path

__all__ = ["load_dataset", "validate_dataset", "dataset_id_of", "read_for_compile", "CSV_COLUMNS",
           "PROJECT_MONEY_FIELDS", "FIRM_COLUMNS", "LINK_COLUMNS"]

CSV_COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # file: (required columns, optional columns)
    "sources.csv": (("id", "title"), ("publisher", "date", "url", "kind", "note")),
    "groups.csv": (("id", "name"), ("name_en", "aliases", "country", "fortune500", "sources", "note")),
    "firms.csv": (
        ("id", "name"),
        ("legal_name", "name_en", "aliases", "country", "group", "fortune500", "size", "region", "headquarters",
         "credit_code", "sources", "note"),
    ),
    "links.csv": (("firm", "segment"), ("confidence", "sources", "evidence")),
    "ties.csv": (("supplier", "customer"), ("product", "sources", "evidence")),
    "projects.csv": (
        ("id", "name"),
        ("firms", "region", "kind", "status", "date", "start_date", "trial_date", "investment",
         "registered_capital", "fixed_asset_investment", "capital_increase", "area_mu", "expected_output",
         "capacity", "segments", "sources", "note"),
    ),
    "region_facts.csv": (("id", "region", "metric", "value"), ("period", "sources", "evidence", "note")),
    "citations.csv": (("subject", "field", "source", "evidence"), ()),
    "claims.csv": (("region", "segment", "asserts"), ("sources", "evidence", "note")),
    "rejections.csv": (("name", "segment"), ("credit_code", "reason", "source")),
    "events.csv": (("project", "date", "kind"), ("amount", "sources", "evidence", "note")),
}
csv.field_size_limit(MAX_CELL_CHARS)
_ID_OK = re.compile(r"[a-z0-9][a-z0-9-]{0,63}").fullmatch
REQUIRED_FILES = ("dataset.yaml", "regions.yaml", "sources.csv", "firms.csv")
PROJECT_MONEY_FIELDS = ("investment", "registered_capital", "fixed_asset_investment", "capital_increase",
                        "expected_output")
PROJECT_KINDS = ("new", "expansion")


# --------------------------------------------------------------------------------------------- YAML with lines


class _LineDict(dict):  # type: ignore[type-arg]
    line: int = 0
    key_lines: dict[str, int]


class _LineList(list):  # type: ignore[type-arg]
    line: int = 0


class _YamlLimit(yaml.YAMLError):
    """A YAML document over one of the limits of :mod:`chaingraph.limits`."""

    def __init__(self, message: str, mark: Any = None) -> None:
        super().__init__(message)
        self.problem = message
        self.problem_mark = mark


class _Loader(yaml.SafeLoader):
    """A safe loader that remembers the line of every mapping, key and sequence, rejects duplicate keys, and
    stops documents nested deeper than :data:`~chaingraph.limits.MAX_YAML_DEPTH`."""

    duplicate_keys: list[tuple[str, int]]
    key_problems: list[tuple[str, int]]
    depth: int = 0
    aliases: int = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            return super().compose_node(parent, index)
        self.depth += 1
        try:
            if self.depth > MAX_YAML_DEPTH:
                raise _YamlLimit(msg("nested deeper than {MAX_YAML_DEPTH} levels (the limit)",
                                     MAX_YAML_DEPTH=MAX_YAML_DEPTH),
                                 self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _expanded_size(root: yaml.Node, limit: int) -> int:
    """How many nodes the document has once every alias is followed (stops counting past ``limit``).

    Raises :class:`_YamlLimit` for a collection that contains itself (``&a [*a]``), which has no finite size.
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    # post-order without recursion: a node's size is known once its children's are
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        children: list[yaml.Node] = []
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        if done or not children:
            sizes[id(node)] = min(limit + 1, 1 + sum(sizes.get(id(c), 0) for c in children))
            open_nodes.discard(id(node))
            continue
        if id(node) in open_nodes:
            raise _YamlLimit(msg("a collection contains itself through an alias (&a [*a]): not supported"),
                             node.start_mark)
        open_nodes.add(id(node))
        stack.append((node, True))
        for child in children:
            if id(child) in open_nodes:
                raise _YamlLimit(msg("a collection contains itself through an alias (&a [*a]): not supported"),
                                 child.start_mark)
            if id(child) not in sizes:
                stack.append((child, False))
    return sizes[id(root)]


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _LineDict:
    explicit = sum(1 for key_node, _ in node.value if key_node.tag != "tag:yaml.org,2002:merge")
    loader.flatten_mapping(node)
    merged = len(node.value) - explicit  # flatten_mapping puts the merged pairs (<<: *base) first
    result = _LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    given: set[Any] = set()
    for index, (key_node, value_node) in enumerate(node.value):
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, list | dict | set):
            kind = "list" if isinstance(key, list) else "mapping" if isinstance(key, dict) else "set"
            loader.key_problems.append((msg("a key must be plain text, not a {kind} (complex mapping "
                                            "keys `? ...` are not part of the format)", kind=kind),
                                        key_node.start_mark.line + 1))
            continue
        if index >= merged:  # keys brought in by a merge (<<: *base) may be overridden: that is what merge is for
            if key in given:
                loader.duplicate_keys.append((str(key), key_node.start_mark.line + 1))
            given.add(key)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[str(key)] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> _LineList:
    result = _LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)  # type: ignore[arg-type]
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)  # type: ignore[arg-type]


_CONTROL_BYTES = bytes(c for c in range(32) if c not in (9, 10, 13)) + b"\x7f"
_NOT_CONTROL_BYTES = bytes(c for c in range(256) if c not in _CONTROL_BYTES)
_URL_FIELDS = frozenset({"url"})
_NAME_FIELDS = frozenset({"name", "legal_name", "name_en", "title"})
_FIRST_SUSPECT = frozenset("=+-@\t\r<")


class _Checker:
    """Collects problems while records are parsed, so that one pass reports everything.

    ``warnings``: also look for what only deserves a warning (bidirectional controls, HTML, formula-like cells,
    likely duplicates); ``validate`` asks for them, a plain load does not spend the time.
    """

    def __init__(self, root: Path, warnings: bool = False) -> None:
        self.root = root
        self.warnings = warnings
        self.problems: list[Problem] = []
        self._scan: set[str] = set()  # files whose bytes hold a control character: scanned cell by cell

    def add(self, file: str, line: int | None, field: str | None, message: str, severity: str = "error") -> None:
        if len(message) > 1000 or not message.isprintable():  # never echo a long or unprintable piece of input
            message = _inert(message)
        if field is not None and (len(field) > 60 or not field.isprintable()):
            field = fragment(field)
        self.problems.append(Problem(file, line, field, message, severity))

    def warn(self, file: str, line: int | None, field: str | None, message: str) -> None:
        self.add(file, line, field, message, "warning")

    def check_text(self, file: str, line: int | None, field: str | None, text: str) -> None:
        """Report control characters (errors) and, in warnings mode, what outputs must keep inert."""
        for severity, message in text_issues(text, url=field in _URL_FIELDS):
            if severity == "error" or self.warnings:
                self.add(file, line, field, message, severity)

    def read_text(self, name: str, required: bool) -> str | None:
        path = self.root / name
        if not path.exists() and not path.is_symlink():
            if required:
                self.add(name, None, None, msg("file is missing"))
            return None
        if outside_folder(path, self.root):
            self.add(name, None, None, msg("is a link to a file outside the dataset folder: refused"))
            return None
        limit = MAX_YAML_BYTES if name.endswith((".yaml", ".yml")) else MAX_CSV_BYTES
        try:
            raw = read_limited_bytes(path, limit, "YAML file" if limit == MAX_YAML_BYTES else "CSV file")
        except LimitExceeded as exc:
            self.add(name, None, None, msg("{exc} (limits: docs/input-safety.md)", exc=exc))
            return None
        except OSError as exc:
            self.add(name, None, None, msg("cannot be read: {strerror}", strerror=exc.strerror or exc))
            return None
        if raw.translate(None, _NOT_CONTROL_BYTES):
            self._scan.add(name)
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            self.add(name, None, None, msg("not UTF-8 text ({reason} at byte {start})",
                                           reason=exc.reason, start=exc.start))
        return None

    def read_yaml(self, name: str, required: bool = True) -> Any:
        text = self.read_text(name, required)
        if text is None:
            return None
        try:
            loader = _Loader(text)  # the reader checks for unprintable characters right here
        except yaml.YAMLError as exc:
            character = getattr(exc, "character", None)
            self.add(name, None, None, msg("not valid YAML: holds control character U+{character:04X}",
                                           character=character) if isinstance(character, int) else
                     msg("not valid YAML: cannot be read"))
            return None
        loader.duplicate_keys = []
        loader.key_problems = []
        try:
            node = loader.get_single_node()
            if node is not None and loader.aliases and \
                    _expanded_size(node, MAX_YAML_EXPANDED_NODES) > MAX_YAML_EXPANDED_NODES:
                raise _YamlLimit(msg("its aliases (*name) expand to more than {MAX_YAML_EXPANDED_NODES:,} values "
                                     "(the limit): an alias bomb?", MAX_YAML_EXPANDED_NODES=MAX_YAML_EXPANDED_NODES))
            data = loader.construct_document(node) if node is not None else None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            self.add(name, line, None, msg("not valid YAML: {problem}", problem=getattr(exc, "problem", None) or exc))
            return None
        except RecursionError:  # pragma: no cover - the depth limit comes first
            self.add(name, None, None, msg("nested too deeply (limit {MAX_YAML_DEPTH} levels)",
                                           MAX_YAML_DEPTH=MAX_YAML_DEPTH))
            return None
        finally:
            loader.dispose()
        for key, line in loader.duplicate_keys:
            self.add(name, line, key, msg("key given twice"))
        for message, line in loader.key_problems:
            self.add(name, line, None, message)
        if data is None:
            self.add(name, None, None, msg("file is empty"))
            return None
        self._check_yaml_texts(name, data, getattr(data, "line", None))
        return data

    def _check_yaml_texts(self, name: str, data: Any, line: int | None) -> None:
        # iterative, and every node once: aliases may share them
        stack: list[tuple[Any, int | None, str | None]] = [(data, line, None)]
        seen: set[int] = set()
        while stack:
            item, at, field = stack.pop()
            if isinstance(item, str):
                if field in _NAME_FIELDS and len(item) > MAX_NAME_CHARS and self.warnings:
                    self.warn(name, at, field, msg("is {item_count:,} characters long (names over {MAX_NAME_CHARS} "
                                                   "break tables and maps)",
                                                   item_count=len(item), MAX_NAME_CHARS=MAX_NAME_CHARS))
                if name in self._scan or self.warnings:
                    self.check_text(name, at, field, item)
                continue
            if id(item) in seen:
                continue
            seen.add(id(item))
            if isinstance(item, dict):
                key_lines = getattr(item, "key_lines", {})
                for key, value in item.items():
                    stack.append((value, key_lines.get(str(key), getattr(item, "line", at)), str(key)))
            elif isinstance(item, list):
                stack.extend((value, getattr(item, "line", at), field) for value in item)

    def read_csv(self, name: str, required: bool = False) -> Iterator[_Row]:
        text = self.read_text(name, required)
        if text is None:
            return
        required_cols, optional_cols = CSV_COLUMNS[name]
        reader = csv.reader(io.StringIO(text, newline=""))
        try:
            header = next(reader)
        except StopIteration:
            self.add(name, 1, None, msg("file is empty: expected a header line"))
            return
        except csv.Error as exc:
            self.add(name, 1, None, _csv_error(exc))
            return
        header = [h.strip() for h in header]
        known = set(required_cols) | set(optional_cols)
        for column in header:
            if column not in known:
                known_list = ", ".join((*required_cols, *optional_cols))
                self.add(name, 1, column, msg("unknown column; known columns: {known_list}", known_list=known_list))
        missing = [c for c in required_cols if c not in header]
        for column in missing:
            self.add(name, 1, column, msg("required column is missing"))
        if missing:
            return
        seen_header = set()
        for column in header:
            if column in seen_header:
                self.add(name, 1, column, msg("column given twice"))
            seen_header.add(column)
        scan = name in self._scan
        warnings = self.warnings
        quoted = "'" in text  # cells the writer neutralised for spreadsheets ('=...): read back as they were
        line = 1
        rows = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                self.add(name, reader.line_num, None, _csv_error(exc))
                break
            start = line + 1
            line = reader.line_num
            if not "".join(cells).strip():
                continue
            rows += 1
            if rows > MAX_CSV_ROWS:
                self.add(name, start, None, msg("more than {MAX_CSV_ROWS:,} rows (the limit): the rest is not read",
                                                MAX_CSV_ROWS=MAX_CSV_ROWS))
                break
            if len(cells) != len(header):
                self.add(name, start, None, msg("has {cells_count} cells, the header has {header_count}",
                                                cells_count=len(cells), header_count=len(header)))
                continue
            if quoted:
                cells = [restore_cell(cell) for cell in cells]
            if scan:
                for column, cell in zip(header, cells, strict=True):
                    if CONTROL_RE.search(cell):
                        self.check_text(name, start, column, cell)
            if warnings:
                for column, cell in zip(header, cells, strict=True):
                    if cell and (cell[0] in _FIRST_SUSPECT or "<" in cell or ":" in cell or not cell.isprintable()):
                        if not (scan and CONTROL_RE.search(cell)):
                            self.check_text(name, start, column, cell)
            yield _Row(self, name, start, dict(zip(header, cells, strict=True)))


def _inert(message: str) -> str:
    """``message`` cut to 1,000 characters with unprintable characters escaped (a message's parameters)."""
    if isinstance(message, Message):
        return Message(message.template, {k: _inert(v) if isinstance(v, str) else v
                                           for k, v in message.params.items()})
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii")
                   for ch in message[:1000]) + ("…" if len(message) > 1000 else "")


def _csv_error(exc: csv.Error) -> str:
    if "field larger than field limit" in str(exc):
        return msg("a cell is longer than {MAX_CELL_CHARS:,} characters (the limit; docs/input-safety.md): "
                   "is a quote left open?", MAX_CELL_CHARS=MAX_CELL_CHARS)
    return msg("not valid CSV: {exc}", exc=exc)


class _Row:
    """One CSV record (or YAML mapping) with typed accessors that report problems instead of raising."""

    def __init__(self, checker: _Checker, file: str, line: int, values: dict[str, Any],
                 key_lines: dict[str, int] | None = None) -> None:
        self.checker, self.file, self.line, self.values = checker, file, line, values
        self.key_lines = key_lines or {}
        self.ok = True

    def problem(self, field: str | None, message: str) -> None:
        self.ok = False
        self.checker.add(self.file, self.key_lines.get(field or "", self.line), field, message)

    def raw(self, field: str) -> str:
        value = self.values.get(field)
        if value is None:
            return ""
        if type(value) is str:
            return value.strip()
        return str(value)

    def text(self, field: str, required: bool = False) -> str:
        value = self.values.get(field)
        if type(value) is str:  # every CSV cell: the hot path of a million-firm load
            text = value.strip()
        elif value is None:
            text = ""
        elif isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(field, msg("expected text, got {type_name}", type_name=type(value).__name__))
            return ""
        else:
            text = str(value)
        if required and not text:
            self.problem(field, msg("is required"))
        return text

    def ident(self, field: str, required: bool = True) -> str:
        text = self.text(field, required)
        if not text:
            return ""
        if _ID_OK(text) and text[-1] != "-":
            return text
        return self._parse(field, text, parse_id) or ""

    def ident_or_none(self, field: str) -> str | None:
        return self.ident(field, required=False) or None

    def strings(self, field: str) -> list[str]:
        value = self.values.get(field)
        if isinstance(value, list):
            if not all(isinstance(v, str | int | float) and not isinstance(v, bool) for v in value):
                self.problem(field, msg("expected a list of texts"))
                return []
            return [str(v).strip() for v in value if str(v).strip()]
        if value is None or value == "":
            return []
        if not isinstance(value, str):
            self.problem(field, msg("expected a list, got {type_name}", type_name=type(value).__name__))
            return []
        if "|" not in value:
            value = value.strip()
            return [value] if value else []
        return [part.strip() for part in value.split("|") if part.strip()]

    def ids(self, field: str) -> list[str]:
        result = []
        for item in self.strings(field):
            if _ID_OK(item) and item[-1] != "-":
                result.append(item)
                continue
            parsed = self._parse(field, item, parse_id)
            if parsed:
                result.append(parsed)
        return result

    def boolean(self, field: str) -> bool | None:
        value = self.values.get(field)
        if isinstance(value, bool):
            return value
        return self._parse(field, self.raw(field), parse_bool)

    def choice(self, field: str, options: tuple[str, ...], default: str = "") -> str:
        text = self.text(field)
        if not text:
            return default
        if text not in options:
            self.problem(field, msg("{text} is not one of {options}", text=fragment(text), options=", ".join(options)))
            return default
        return text

    def country(self, field: str) -> str:
        text = self.text(field)
        if text and text not in COUNTRY_CODES:
            self.problem(field, msg("unknown country code {text} (use ISO 3166-1 alpha-2, e.g. CN, JP, DE)",
                                    text=fragment(text)))
            return ""
        return text

    def countries(self, field: str) -> list[str]:
        result = []
        for code in self.strings(field):
            if code not in COUNTRY_CODES:
                self.problem(field, msg("unknown country code {code} (use ISO 3166-1 alpha-2, e.g. CN, JP, DE)",
                                        code=fragment(code)))
            else:
                result.append(code)
        return result

    def quantity(self, field: str, money: bool = False, required: bool = False) -> Quantity | None:
        text = self.text(field, required)
        if not text:
            return None
        value = self._parse(field, text, parse_quantity)
        if value is not None and money and not value.is_money:
            self.problem(field, msg("{text} is not money: the unit must be a currency ({CURRENCIES})",
                                    text=fragment(text), CURRENCIES=", ".join(CURRENCIES)))
            return None
        if value is not None and value.amount < 0:
            self.problem(field, msg("{text} is negative", text=fragment(text)))
            return None
        return value

    def date(self, field: str, required: bool = False) -> PartialDate | None:
        value = self.values.get(field)
        if value is None or value == "":
            if required:
                self.problem(field, msg("is required"))
            return None
        return self._parse(field, value if not isinstance(value, int) else str(value), parse_date)

    def number(self, field: str, low: float | None = None, high: float | None = None,
               required: bool = False, low_open: bool = False) -> float | None:
        value = self.values.get(field)
        if value is None or value == "":
            if required:
                self.problem(field, msg("is required"))
            return None
        if isinstance(value, bool):
            self.problem(field, msg("expected a number, got {value}", value=fragment(value)))
            return None
        try:
            number = float(value)
        except (TypeError, ValueError):
            self.problem(field, msg("{value} is not a number", value=fragment(value)))
            return None
        if number != number or number in (float("inf"), float("-inf")):
            self.problem(field, msg("{value} is not a finite number", value=fragment(value)))
            return None
        if low is not None and (number < low or (low_open and number == low)):
            bound = msg("greater than {low:g}", low=low) if low_open else msg("at least {low:g}", low=low)
            self.problem(field, msg("{value} must be {bound}", value=fragment(value), bound=bound))
            return None
        if high is not None and number > high:
            self.problem(field, msg("{value} must be at most {high:g}", value=fragment(value), high=high))
            return None
        return number

    def _parse(self, field: str, value: Any, parser: Callable[[Any], Any]) -> Any:
        try:
            return parser(value)
        except ParseError as exc:
            self.problem(field, message_of(exc))
            return None


def _mapping_row(checker: _Checker, file: str, data: Any, what: str, line: int | None = None) -> _Row | None:
    if not isinstance(data, dict):
        checker.add(file, getattr(data, "line", line), None, msg("{what} must be a mapping of fields", what=noun(what)))
        return None
    return _Row(checker, file, getattr(data, "line", line or 0), data, getattr(data, "key_lines", {}))


# --------------------------------------------------------------------------------------------- the files


def _entries(c: _Checker, row: _Row, data: Any, key: str, shape: str, what: str) -> Iterator[_Row]:
    """The entries of a list of mappings under ``key`` in dataset.yaml; anything else is reported, not read."""
    items = data.get(key) or []
    if not isinstance(items, list):
        row.problem(key, msg("expected a list of {shape}", shape=shape))
        return
    for item in items:
        entry = _mapping_row(c, "dataset.yaml", item, what, row.line)
        if entry is not None:
            yield entry


def _read_info(c: _Checker) -> tuple[DatasetInfo | None, dict[str, int]]:
    data = c.read_yaml("dataset.yaml")
    if data is None:
        return None, {}
    row = _mapping_row(c, "dataset.yaml", data, "dataset.yaml", 1)
    if row is None:
        return None, {}
    _unknown_keys(row, {"id", "name", "name_en", "as_of", "default_region", "description", "fx_rates",
                        "analysis", "coverage"})
    fx_rates = []
    for rate_row in _entries(c, row, data, "fx_rates", "{currency, cny_per_unit, date, source}", "an fx_rates entry"):
        currency = rate_row.choice("currency", CURRENCIES)
        rate = rate_row.number("cny_per_unit", low=0, low_open=True, required=True)
        if not currency:
            rate_row.problem("currency", msg("is required"))
        if currency and rate is not None:
            fx_rates.append(FxRate(currency, rate, rate_row.date("date"), rate_row.text("source")))
    analysis = data.get("analysis") or {}
    if not isinstance(analysis, dict):
        row.problem("analysis", msg("expected a mapping of parameter: value"))
        analysis = {}
    try:
        AnalysisParams.from_mapping(analysis)
    except ParseError as exc:
        row.problem("analysis", message_of(exc))
        analysis = {}
    coverage = []
    for cov_row in _entries(c, row, data, "coverage", "{region, kind, chain, as_of, sources, note}",
                            "a coverage entry"):
        _unknown_keys(cov_row, {"region", "kind", "chain", "as_of", "sources", "note"})
        kind = cov_row.choice("kind", COVERAGE_KINDS)
        if not kind:
            cov_row.problem("kind", msg("is required: one of {COVERAGE_KINDS}",
                                        COVERAGE_KINDS=", ".join(COVERAGE_KINDS)))
        coverage.append(Coverage(region=cov_row.ident("region"), kind=kind or "partial",
                                 chain=cov_row.ident_or_none("chain"), as_of=cov_row.date("as_of"),
                                 sources=cov_row.ids("sources"), note=cov_row.text("note"), line=cov_row.line))
    info = DatasetInfo(
        id=row.ident("id"),
        name=row.text("name", required=True),
        as_of=row.date("as_of", required=True) or parse_date("1900"),
        default_region=row.ident("default_region"),
        name_en=row.text("name_en"),
        description=row.text("description"),
        fx_rates=fx_rates,
        analysis=dict(analysis),
        coverage=coverage,
    )
    return info, getattr(data, "key_lines", {})


def _unknown_keys(row: _Row, known: set[str]) -> None:
    for key in row.values:
        if key not in known:
            row.problem(str(key), msg("unknown field; known fields: {known}", known=", ".join(sorted(known))))


def _read_chains(c: _Checker) -> list[Chain]:
    folder = c.root / "chains"
    if not folder.is_dir():
        c.add("chains/", None, None, msg("folder is missing: one YAML file per chain is expected"))
        return []
    chains = []
    files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    if not files:
        c.add("chains/", None, None, msg("holds no chain file (*.yaml)"))
    for path in files:
        name = f"chains/{path.name}"
        data = c.read_yaml(name)
        if data is None:
            continue
        row = _mapping_row(c, name, data, "a chain file", 1)
        if row is None:
            continue
        _unknown_keys(row, {"id", "name", "name_en", "aliases", "description", "sources", "generic_terms",
                            "segments", "supplies"})
        chain = Chain(id=row.ident("id"), name=row.text("name", required=True), name_en=row.text("name_en"),
                      aliases=row.strings("aliases"), description=row.text("description"),
                      generic_terms=row.strings("generic_terms"), sources=row.ids("sources"), line=row.line)
        if chain.id and path.stem != chain.id:
            row.problem("id", msg("chain id {id!r} differs from the file name {stem!r}", id=chain.id, stem=path.stem))
        segments = data.get("segments")
        if not isinstance(segments, list) or not segments:
            row.problem("segments", msg("expected a non-empty list of segments"))
            segments = []
        for item in segments:
            seg_row = _mapping_row(c, name, item, "a segment", row.line)
            if seg_row is None:
                continue
            _unknown_keys(seg_row, {"id", "name", "name_en", "tier", "importance", "keywords", "aliases",
                                    "leading", "description", "importance_basis", *_VOCABULARY_KEYS})
            tier = seg_row.choice("tier", TIERS)
            if not seg_row.raw("tier"):
                seg_row.problem("tier", msg("is required ({TIERS})", TIERS=", ".join(TIERS)))
            importance = seg_row.number("importance", low=0, high=1, required=True, low_open=True)
            segment = Segment(
                id=seg_row.ident("id"), name=seg_row.text("name", required=True), chain=chain.id, tier=tier,
                importance=importance if importance is not None else 0.0, name_en=seg_row.text("name_en"),
                keywords=seg_row.strings("keywords"), aliases=seg_row.strings("aliases"),
                leading=bool(seg_row.boolean("leading")), description=seg_row.text("description"),
                importance_basis=seg_row.text("importance_basis"), line=seg_row.line, **_vocabulary(seg_row),
            )
            chain.segments.append(segment)
        supplies = data.get("supplies") or []
        if not isinstance(supplies, list):
            row.problem("supplies", msg("expected a list of [from, to] pairs or {{from, to, kind, note}} mappings"))
            supplies = []
        for item in supplies:
            line = getattr(item, "line", row.line)
            if isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item):
                source, target, note, kind = item[0], item[1], "", "supply"
            elif isinstance(item, dict):
                edge_row = _mapping_row(c, name, item, "a supply edge", line)
                assert edge_row is not None
                _unknown_keys(edge_row, {"from", "to", "kind", "note"})
                source, target, note = edge_row.text("from", True), edge_row.text("to", True), edge_row.text("note")
                kind = edge_row.choice("kind", SUPPLY_EDGE_KINDS, default="supply")
                if not source or not target:
                    continue
            else:
                c.add(name, line, "supplies",
                      msg("expected [from, to] or {{from, to, kind, note}}, got {type_name}",
                          type_name=type(item).__name__))
                continue
            if source == target:
                c.add(name, line, "supplies", msg("segment {source!r} cannot supply itself", source=source))
                continue
            chain.supplies.append(SupplyEdge(source, target, chain.id, note, kind=kind, line=line))
        chains.append(chain)
    return chains


_VOCABULARY_KEYS = ("industry_codes", "wide_codes", "scope_terms", "product_terms", "ambiguous_terms",
                   "narrowing_terms", "roles")
_INDUSTRY_CLASS = re.compile(r"\d{4}").fullmatch


def _vocabulary(row: _Row) -> dict[str, list[str]]:
    """The classification vocabulary of a segment (docs/registry.md), checked."""
    codes = []
    for code in row.strings("industry_codes"):
        if _INDUSTRY_CLASS(code):
            codes.append(code)
        else:
            row.problem("industry_codes", msg("{code!r} is not a GB/T 4754-2017 class: write four digits, e.g. '3670'",
                                              code=code))
    wide = []
    for code in row.strings("wide_codes"):
        if code in codes:
            wide.append(code)
        else:
            row.problem("wide_codes", msg("{code!r} is not one of the segment's industry_codes", code=code))
    roles = []
    for role in row.strings("roles"):
        if role in ROLES:
            roles.append(role)
        else:
            row.problem("roles", msg("{role!r} is not one of {ROLES}", role=role, ROLES=", ".join(ROLES)))
    terms = {key: row.strings(key) for key in ("scope_terms", "product_terms", "ambiguous_terms")}
    seen: dict[str, str] = {}
    for key, values in terms.items():
        for term in values:
            if term in seen:
                row.problem(key, msg("{term!r} is already listed in {seen}", term=term, seen=seen[term]))
            seen[term] = key
    narrowing: list[str] = []
    listed = row.strings("narrowing_terms")
    if listed and not wide:
        row.problem("narrowing_terms", msg("needs wide_codes: a term narrows one of the segment's wide classes"))
    for term in listed if wide else []:
        if term in narrowing:
            row.problem("narrowing_terms", msg("{term!r} is already listed in {seen}", term=term,
                                               seen="narrowing_terms"))
        elif term in terms["ambiguous_terms"]:
            narrowing.append(term)
        else:
            row.problem("narrowing_terms", msg("{term!r} is not one of the segment's ambiguous_terms", term=term))
    return {"industry_codes": codes, "wide_codes": wide, "roles": roles, **terms, "narrowing_terms": narrowing}


_REGIONS_TOP_KEYS = ("regions",)


def _read_regions(c: _Checker) -> list[Region]:
    data = c.read_yaml("regions.yaml")
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("regions"), list):
        c.add("regions.yaml", getattr(data, "line", 1), "regions", msg("expected a mapping with a list 'regions'"))
        return []
    for key in data:
        if key not in _REGIONS_TOP_KEYS:
            c.add("regions.yaml", getattr(data, "key_lines", {}).get(str(key)), str(key),
                  msg("unknown field; known fields: {REGIONS_TOP_KEYS}", REGIONS_TOP_KEYS=", ".join(_REGIONS_TOP_KEYS)))
    regions = []
    for item in data["regions"]:
        row = _mapping_row(c, "regions.yaml", item, "a region", getattr(data, "line", 1))
        if row is None:
            continue
        _unknown_keys(row, {"id", "name", "name_en", "aliases", "kind", "parent", "favoured_countries", "note",
                            "covers"})
        kind = row.choice("kind", REGION_KINDS)
        if not row.raw("kind"):
            row.problem("kind", msg("is required ({REGION_KINDS})", REGION_KINDS=", ".join(REGION_KINDS)))
        regions.append(Region(
            id=row.ident("id"), name=row.text("name", required=True), kind=kind, parent=row.ident_or_none("parent"),
            name_en=row.text("name_en"), aliases=row.strings("aliases"),
            favoured_countries=row.countries("favoured_countries"), note=row.text("note"),
            covers=row.strings("covers"), line=row.line,
        ))
    return regions


def _read_sources(c: _Checker) -> list[Source]:
    return [
        Source(id=r.ident("id"), title=r.text("title", required=True), publisher=r.text("publisher"),
               date=r.date("date"), url=r.text("url"), kind=r.text("kind"), note=r.text("note"), line=r.line)
        for r in c.read_csv("sources.csv", required=True)
    ]


def _read_groups(c: _Checker) -> list[Group]:
    return [
        Group(id=r.ident("id"), name=r.text("name", required=True), name_en=r.text("name_en"),
              aliases=r.strings("aliases"), country=r.country("country"), fortune500=r.boolean("fortune500"),
              sources=r.ids("sources"), note=r.text("note"), line=r.line)
        for r in c.read_csv("groups.csv")
    ]


def _read_firms(c: _Checker) -> list[Firm]:
    return [
        Firm(id=r.ident("id"), name=r.text("name", required=True), legal_name=r.text("legal_name"),
             name_en=r.text("name_en"), aliases=r.strings("aliases"), country=r.country("country"),
             group=r.ident_or_none("group"), fortune500=r.boolean("fortune500"), size=r.choice("size", SIZES),
             region=r.ident_or_none("region"), headquarters=r.text("headquarters"),
             credit_code=r.text("credit_code"), sources=r.ids("sources"), note=r.text("note"), line=r.line)
        for r in c.read_csv("firms.csv", required=True)
    ]


def _read_links(c: _Checker) -> list[Link]:
    return [
        Link(firm=r.ident("firm"), segment=r.ident("segment"),
             confidence=r.choice("confidence", CONFIDENCES, default="confirmed"), sources=r.ids("sources"),
             evidence=r.text("evidence"), line=r.line)
        for r in c.read_csv("links.csv")
    ]


def _read_ties(c: _Checker) -> list[Tie]:
    return [
        Tie(supplier=r.ident("supplier"), customer=r.ident("customer"), product=r.text("product"),
            sources=r.ids("sources"), evidence=r.text("evidence"), line=r.line)
        for r in c.read_csv("ties.csv")
    ]


def _read_projects(c: _Checker) -> list[Project]:
    projects = []
    for r in c.read_csv("projects.csv"):
        project = Project(
            id=r.ident("id"), name=r.text("name", required=True), firms=r.ids("firms"),
            region=r.ident_or_none("region"), kind=r.choice("kind", PROJECT_KINDS, default="new"),
            status=r.choice("status", PROJECT_STATUSES, default="signed"), date=r.date("date"),
            start_date=r.date("start_date"), trial_date=r.date("trial_date"),
            area_mu=r.number("area_mu", low=0), capacity=r.quantity("capacity"), segments=r.ids("segments"),
            sources=r.ids("sources"), note=r.text("note"), line=r.line,
        )
        for money_field in PROJECT_MONEY_FIELDS:
            setattr(project, money_field, r.quantity(money_field, money=True))
        projects.append(project)
    return projects


def _read_region_facts(c: _Checker) -> list[RegionFact]:
    facts = []
    for r in c.read_csv("region_facts.csv"):
        value = r.quantity("value", required=True)
        period = r.text("period")
        for part in period.split("/") if period else []:
            r._parse("period", part, parse_date)
        if value is not None:
            facts.append(RegionFact(id=r.ident("id"), region=r.ident("region"), metric=r.text("metric", True),
                                    value=value, period=period, sources=r.ids("sources"),
                                    evidence=r.text("evidence"), note=r.text("note"), line=r.line))
    return facts


def _read_rejections(c: _Checker) -> list[Rejection]:
    return [
        Rejection(name=r.text("name", required=True), segment=r.ident("segment"), credit_code=r.text("credit_code"),
                  reason=r.text("reason"), source=r.text("source"), line=r.line)
        for r in c.read_csv("rejections.csv")
    ]


def _read_citations(c: _Checker) -> list[Citation]:
    return [
        Citation(subject=r.ident("subject"), field=r.text("field", required=True), source=r.ident("source"),
                 evidence=r.text("evidence", required=True), line=r.line)
        for r in c.read_csv("citations.csv")
    ]


def _read_claims(c: _Checker) -> list[Claim]:
    return [
        Claim(region=r.ident("region"), segment=r.ident("segment"),
              asserts=r.choice("asserts", CLAIM_ASSERTIONS) or "present", sources=r.ids("sources"),
              evidence=r.text("evidence"), note=r.text("note"), line=r.line)
        for r in c.read_csv("claims.csv")
    ]


# --------------------------------------------------------------------------------------------- cross checks


def _cross_check(c: _Checker, ds: Dataset, all_records: list[tuple[str, str, int | None, str]],
                 lines: dict[str, int], firm_ids: Collection[str] | None = None) -> None:
    """Every reference between records. ``firm_ids``: the firms when ``ds.firms`` and ``ds.links`` are left empty
    because they were checked in bulk (:func:`read_for_compile`)."""
    add = c.add
    firm_pool: Collection[str] = ds.firms if firm_ids is None else firm_ids
    # ids unique across the dataset
    first: dict[str, tuple[str, int | None, str]] = {}
    for file, record_id, line, kind in all_records:
        if not record_id:
            continue
        if record_id in first:
            where, at, other = first[record_id]
            add(file, line, "id", msg("id {record_id!r} is already used by a {other} at {where}:{at}",
                                      record_id=record_id, other=noun(other), where=where, at=at))
        else:
            first[record_id] = (file, line, kind)

    segments = ds.segments
    sources = set(ds.sources)

    def need(file: str, line: int | None, field: str, value: str | None, pool: Any, what: str) -> None:
        if value and value not in pool:
            add(file, line, field, msg("unknown {what} {value!r}", what=noun(what), value=value))

    def need_sources(file: str, line: int | None, ids: list[str], field: str = "sources") -> None:
        for source_id in ids:
            need(file, line, field, source_id, sources, "source")

    info = ds.info
    need("dataset.yaml", lines.get("default_region"), "default_region", info.default_region, ds.regions, "region")
    for rate in info.fx_rates:
        if rate.source and rate.source not in sources:
            add("dataset.yaml", lines.get("fx_rates"), "fx_rates", msg("unknown source {source!r}", source=rate.source))

    # A pair of segments has at most one edge in the whole dataset, whatever its kind and file.
    seen_edges: dict[tuple[str, str], str] = {}
    for chain in ds.chains.values():
        file = f"chains/{chain.id}.yaml"
        need_sources(file, chain.line, chain.sources)
        for edge in chain.supplies:
            need(file, edge.line, "supplies", edge.source, segments, "segment")
            need(file, edge.line, "supplies", edge.target, segments, "segment")
        for edge in chain.supplies:
            pair = (edge.source, edge.target)
            if pair in seen_edges:
                add(file, edge.line, "supplies",
                    msg("edge {source} -> {target} is given twice", source=edge.source, target=edge.target)
                    if seen_edges[pair] == file else
                    msg("edge {source} -> {target} is given twice (also in {other})", source=edge.source,
                        target=edge.target, other=seen_edges[pair]))
            seen_edges.setdefault(pair, file)
    _check_cycles(c, ds)

    for region in ds.regions.values():
        need("regions.yaml", region.line, "parent", region.parent, ds.regions, "region")
    for region in ds.regions.values():
        seen, current = [region.id], region.parent
        while current in ds.regions:
            if current in seen:
                add("regions.yaml", region.line, "parent", msg("regions form a loop: {seen}",
                                                               seen=" > ".join(seen + [current])))
                break
            seen.append(current)
            current = ds.regions[current].parent

    for group in ds.groups.values():
        need_sources("groups.csv", group.line, group.sources)
    for firm in ds.firms.values():
        need("firms.csv", firm.line, "group", firm.group, ds.groups, "group")
        need("firms.csv", firm.line, "region", firm.region, ds.regions, "region")
        need_sources("firms.csv", firm.line, firm.sources)
    seen_links: set[tuple[str, str]] = set()
    for link in ds.links:
        need("links.csv", link.line, "firm", link.firm, ds.firms, "firm")
        need("links.csv", link.line, "segment", link.segment, segments, "segment")
        need_sources("links.csv", link.line, link.sources)
        if (link.firm, link.segment) in seen_links:
            add("links.csv", link.line, None, msg("link {firm} -> {segment} is given twice",
                                                  firm=link.firm, segment=link.segment))
        seen_links.add((link.firm, link.segment))
    for tie in ds.ties:
        need("ties.csv", tie.line, "supplier", tie.supplier, firm_pool, "firm")
        need("ties.csv", tie.line, "customer", tie.customer, firm_pool, "firm")
        need_sources("ties.csv", tie.line, tie.sources)
    for project in ds.projects.values():
        for firm_id in project.firms:
            need("projects.csv", project.line, "firms", firm_id, firm_pool, "firm")
        need("projects.csv", project.line, "region", project.region, ds.regions, "region")
        for segment_id in project.segments:
            need("projects.csv", project.line, "segments", segment_id, segments, "segment")
        need_sources("projects.csv", project.line, project.sources)
        if project.date and project.start_date and project.start_date < project.date and \
                project.start_date.end() < project.date.start():
            add("projects.csv", project.line, "start_date", msg("construction starts before the project was signed"))
    for fact in ds.region_facts:
        need("region_facts.csv", fact.line, "region", fact.region, ds.regions, "region")
        need_sources("region_facts.csv", fact.line, fact.sources)
    seen_coverage: dict[tuple[str, str | None], int | None] = {}
    for cov in info.coverage:
        need("dataset.yaml", cov.line, "coverage.region", cov.region, ds.regions, "region")
        need("dataset.yaml", cov.line, "coverage.chain", cov.chain, ds.chains, "chain")
        need_sources("dataset.yaml", cov.line, cov.sources, "coverage.sources")
        key = (cov.region, cov.chain)
        if key in seen_coverage:
            add("dataset.yaml", cov.line, "coverage",
                msg("coverage of {region} for {chain} is declared twice (first at line {first})",
                    region=cov.region, chain=cov.chain, first=seen_coverage[key]) if cov.chain else
                msg("coverage of {region} is declared twice (first at line {first})",
                    region=cov.region, first=seen_coverage[key]))
        seen_coverage[key] = cov.line
    seen_claims: set[tuple[str, str, str, tuple[str, ...]]] = set()
    for claim in ds.claims:
        need("claims.csv", claim.line, "region", claim.region, ds.regions, "region")
        need("claims.csv", claim.line, "segment", claim.segment, segments, "segment")
        need_sources("claims.csv", claim.line, claim.sources)
        if not claim.sources:
            add("claims.csv", claim.line, "sources", msg("a claim needs the source that makes it"))
        claim_key = (claim.region, claim.segment, claim.asserts, tuple(claim.sources))
        if claim_key in seen_claims:
            add("claims.csv", claim.line, None,
                msg("claim {region} {segment} {asserts} by {sources} is given twice",
                    region=claim.region, segment=claim.segment, asserts=claim.asserts, sources="|".join(claim.sources)))
        seen_claims.add(claim_key)
    for rejection in ds.rejections:
        need("rejections.csv", rejection.line, "segment", rejection.segment, segments, "segment")
        if rejection.source:
            need("rejections.csv", rejection.line, "source", rejection.source, sources, "source")

    columns = {
        "firm": set(CSV_COLUMNS["firms.csv"][0] + CSV_COLUMNS["firms.csv"][1]) | {"segments", "ties"},
        "project": set(CSV_COLUMNS["projects.csv"][0] + CSV_COLUMNS["projects.csv"][1]),
        "group": set(CSV_COLUMNS["groups.csv"][0] + CSV_COLUMNS["groups.csv"][1]),
        "region_fact": set(CSV_COLUMNS["region_facts.csv"][0] + CSV_COLUMNS["region_facts.csv"][1]),
        "region": {"id", "name", "name_en", "aliases", "kind", "parent", "favoured_countries"},
    }
    kinds: dict[str, str] = dict.fromkeys(firm_pool, "firm")
    kinds |= {r.id: "project" for r in ds.projects.values()}
    kinds |= {r.id: "group" for r in ds.groups.values()} | {r.id: "region" for r in ds.regions.values()}
    kinds |= {r.id: "region_fact" for r in ds.region_facts}
    for citation in ds.citations:
        subject_kind = kinds.get(citation.subject)
        if citation.subject and subject_kind is None:
            add("citations.csv", citation.line, "subject", msg("unknown record {subject!r}", subject=citation.subject))
        elif subject_kind and citation.field not in columns[subject_kind]:
            add("citations.csv", citation.line, "field",
                msg("{field} is not a field of {subject_kind} {subject!r}",
                    field=fragment(citation.field), subject_kind=noun(subject_kind), subject=citation.subject))
        need("citations.csv", citation.line, "source", citation.source, sources, "source")


def _check_cycles(c: _Checker, ds: Dataset) -> None:
    import networkx as nx

    # Only supply edges must form a DAG: a recycle edge closes a loop on purpose.
    graph = nx.DiGraph()
    lines = {}
    for chain in ds.chains.values():
        for edge in chain.supplies:
            if edge.kind != "supply":
                continue
            graph.add_edge(edge.source, edge.target)
            lines[(edge.source, edge.target)] = (f"chains/{chain.id}.yaml", edge.line)
    for component in nx.strongly_connected_components(graph):
        if len(component) < 2:
            continue
        cycle = nx.find_cycle(graph.subgraph(component))
        path = " -> ".join([cycle[0][0], *(v for _, v in cycle)])
        file, line = lines[cycle[-1][:2]]
        c.add(file, line, "supplies", msg("supply edges form a cycle: {path}", path=path))


# --------------------------------------------------------------------------------------------- folder and warnings

_KNOWN_FILES = ("dataset.yaml", "regions.yaml", *CSV_COLUMNS)


def _check_folder(c: _Checker) -> None:
    """Files a planner meant to be read but that would be ignored or read twice."""
    import difflib

    try:
        entries = sorted(p.name for p in c.root.iterdir())
    except OSError as exc:
        c.add(str(c.root), None, None, msg("cannot be listed: {strerror}", strerror=exc.strerror or exc))
        return
    for entry in entries:
        if entry in _KNOWN_FILES or not entry.lower().endswith((".csv", ".yaml", ".yml")):
            continue
        stem = entry.rsplit(".", 1)[0]
        if entry.lower() != entry and entry.lower() in _KNOWN_FILES:
            c.warn(entry, None, None, msg("is not read: file names are lower case ({entry})", entry=entry.lower()))
            continue
        if f"{stem}.yaml" in _KNOWN_FILES and entry.endswith(".yml"):
            c.add(entry, None, None, msg("is not read: the file must be named {stem}.yaml", stem=stem))
            continue
        close = difflib.get_close_matches(entry, _KNOWN_FILES, n=1, cutoff=0.75)
        c.warn(entry, None, None,
               msg("is not a dataset file and is not read; did you mean {close}?", close=close[0]) if close else
               msg("is not a dataset file and is not read; the files read are {files}", files=", ".join(_KNOWN_FILES)))
    chains = c.root / "chains"
    if chains.is_dir():
        try:
            names = {p.name for p in chains.iterdir()}
        except OSError:
            return
        for name in sorted(names):
            if name.endswith(".yml") and name[:-4] + ".yaml" in names:
                c.add(f"chains/{name}", None, None, msg("a second copy of chains/{name}.yaml: keep one of the two",
                                                        name=name[:-4]))


def _check_missing_chains(c: _Checker, ds: Dataset) -> None:
    """Name the chains folder when records use segments that no chain file defines (a chain file was lost).

    Each such row is already an error where it stands; this warning adds the likely cause in one line.
    """
    known = ds.segments  # a property that builds a dict: once, not per link
    unknown = sorted({link.segment for link in ds.links if link.segment and link.segment not in known}
                     | {s for p in ds.projects.values() for s in p.segments if s not in known})
    if not unknown:
        return
    examples = ", ".join(unknown[:3]) + (" ..." if len(unknown) > 3 else "")
    c.warn("chains/", None, None, msg("{count} segments used by links.csv or projects.csv are defined by no chain "
                                      "file ({examples}): a typo, or a chain file missing from chains/?",
                                      count=len(unknown), examples=examples) if len(unknown) != 1 else
           msg("1 segment used by links.csv or projects.csv is defined by no chain file ({examples}): a typo, or "
               "a chain file missing from chains/?", examples=examples))


def _check_warnings(c: _Checker, ds: Dataset) -> None:
    """Warnings that need whole records: overlong names, likely duplicate firms, duplicate rows."""
    from .store import normalize_name

    named: list[tuple[str, Any, tuple[str, ...]]] = [
        ("firms.csv", ds.firms.values(), ("name", "legal_name", "name_en", "aliases")),
        ("groups.csv", ds.groups.values(), ("name", "name_en")),
        ("sources.csv", ds.sources.values(), ("title",)),
        ("projects.csv", ds.projects.values(), ("name",)),
    ]
    for file, records, fields in named:
        for record in records:
            for field_name in fields:
                values = getattr(record, field_name)
                for value in values if isinstance(values, list) else [values]:  # aliases: every one
                    if len(value) > MAX_NAME_CHARS:
                        c.warn(file, record.line, field_name, msg("is {value_count:,} characters long (names over "
                                                                  "{MAX_NAME_CHARS} break tables and maps)",
                                                                  value_count=len(value),
                                                                  MAX_NAME_CHARS=MAX_NAME_CHARS))
                        break
    by_legal: dict[str, Firm] = {}
    by_name: dict[tuple[str, str], Firm] = {}
    for firm in ds.firms.values():
        legal = normalize_name(firm.legal_name) if firm.legal_name else ""
        if legal:
            other = by_legal.setdefault(legal, firm)
            if other is not firm:
                c.warn("firms.csv", firm.line, "legal_name", msg("same legal name as firm {id} (line "
                                                                 "{line}): one firm, several links?",
                                                                 id=other.id, line=other.line))
                continue
        key = (normalize_name(firm.name), firm.country)
        other = by_name.setdefault(key, firm)
        if other is not firm:
            c.warn("firms.csv", firm.line, "name", msg("same name and country as firm {id} (line {line}): "
                                                       "one firm, several links?", id=other.id, line=other.line))
    seen_ties: dict[tuple[str, str, str], int | None] = {}
    for tie in ds.ties:
        tkey = (tie.supplier, tie.customer, tie.product)
        if tkey in seen_ties:
            c.warn("ties.csv", tie.line, None, msg("the same tie as line {seen_ties}", seen_ties=seen_ties[tkey]))
        else:
            seen_ties[tkey] = tie.line
    seen_citations: dict[tuple[str, str, str, str], int | None] = {}
    for citation in ds.citations:
        ckey = (citation.subject, citation.field, citation.source, citation.evidence)
        if ckey in seen_citations:
            c.warn("citations.csv", citation.line, None, msg("the same citation as line {seen_citations}",
                                                             seen_citations=seen_citations[ckey]))
        else:
            seen_citations[ckey] = citation.line


# --------------------------------------------------------------------------------------------- entry points


def _read(root: Path, warnings: bool = False) -> tuple[Dataset | None, list[Problem]]:
    c = _Checker(root, warnings)
    if not root.is_dir():
        c.add(str(root), None, None, msg("dataset folder does not exist"))
        return None, c.problems
    _check_folder(c)
    info, info_lines = _read_info(c)
    chains = _read_chains(c)
    regions = _read_regions(c)
    sources = _read_sources(c)
    groups = _read_groups(c)
    firms = _read_firms(c)
    links = _read_links(c)
    ties = _read_ties(c)
    projects = _read_projects(c)
    facts = _read_region_facts(c)
    citations = _read_citations(c)
    claims = _read_claims(c)
    rejections = _read_rejections(c)
    events = _read_events(c)
    if info is None:
        return None, c.problems
    ds = Dataset(
        info=info, chains={x.id: x for x in chains}, regions={x.id: x for x in regions},
        sources={x.id: x for x in sources}, groups={x.id: x for x in groups}, firms={x.id: x for x in firms},
        links=links, ties=ties, projects={x.id: x for x in projects}, region_facts=facts, citations=citations,
        claims=claims, rejections=rejections, events=events, root=root,
    )
    records = _record_index(chains, (("regions.yaml", "region", regions), ("sources.csv", "source", sources),
                                     ("groups.csv", "group", groups), ("firms.csv", "firm", firms),
                                     ("projects.csv", "project", projects),
                                     ("region_facts.csv", "region fact", facts)))
    _cross_check(c, ds, records, info_lines)
    _check_and_apply_events(c, ds)
    if warnings:
        _check_missing_chains(c, ds)
        _check_warnings(c, ds)
    return ds, c.problems


def _record_index(chains: list[Chain], tables: Iterable[tuple[str, str, Iterable[Any]]]
                  ) -> list[tuple[str, str, int | None, str]]:
    """``(file, id, line, kind)`` of every chain, segment and record of ``tables``, in order (for the cross-check)."""
    records: list[tuple[str, str, int | None, str]] = []
    for chain in chains:
        records.append((f"chains/{chain.id}.yaml", chain.id, chain.line, "chain"))
        records += [(f"chains/{chain.id}.yaml", s.id, s.line, "segment") for s in chain.segments]
    for file, kind, items in tables:
        records += [(file, x.id, x.line, kind) for x in items]
    return records


def _read_events(c: _Checker) -> list[ProjectEvent]:
    from .events import read_events

    return read_events(c)


def _check_and_apply_events(c: _Checker, ds: Dataset) -> None:
    # after the cross-check: events date the projects, and the projects' statuses then come from them
    if not ds.events:
        return
    from .events import apply_events, check_events

    check_events(c, ds)
    apply_events(ds)


def _read_without_gc(root: Path, warnings: bool = False) -> tuple[Dataset | None, list[Problem]]:
    # Millions of small records and no reference cycles: the cyclic collector would only rescan them, again and
    # again, as they are created (a third of the load time of a national pool).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _read(root, warnings)
    finally:
        if enabled:
            gc.enable()


def load_dataset(path: str | Path | None = None) -> Dataset:
    """Load and validate a dataset folder; ``None`` means ``$CHAINGRAPH_DATA`` or the bundled Pinghu dataset.

    Raises :class:`~chaingraph.errors.DatasetError` with every problem found.
    """
    root = Path(path) if path is not None else default_dataset_path()
    dataset, problems = read_consistent(root, _read_without_gc)
    errors = [p for p in problems if p.is_error]
    if errors or dataset is None:
        raise DatasetError(errors, root=str(root))
    return dataset


def validate_dataset(path: str | Path | None = None, warnings: bool = False) -> list[Problem]:
    """Every problem of a dataset folder, sorted by file and line; an empty list when it is valid.

    ``warnings=True`` adds what loads but deserves a look (severity ``warning``): formula-like, HTML-looking or
    overlong names, bidirectional controls, ``javascript:`` URLs, likely duplicate firms, duplicate citation and tie
    rows, files beside the known ones (``docs/input-safety.md``).
    """
    root = Path(path) if path is not None else default_dataset_path()
    problems = read_consistent(root, lambda folder: _read_without_gc(folder, warnings))[1]
    if not warnings:
        problems = [p for p in problems if p.is_error]
    return sorted(problems, key=lambda p: p.sort_key)


_ = bundled_dataset_path  # re-exported for the doctest above


def dataset_id_of(path: str | Path) -> str:
    """The id in a dataset folder's ``dataset.yaml``, without loading the whole dataset."""
    import yaml

    try:
        data = yaml.safe_load((Path(path) / "dataset.yaml").read_text(encoding="utf-8-sig"))
        if isinstance(data, dict) and isinstance(data.get("id"), str) and data["id"].strip():
            return str(data["id"]).strip()
    except (OSError, yaml.YAMLError):
        pass
    return load_dataset(path).info.id  # reports the folder's problems properly


# --------------------------------------------------------------------------------------------- bulk read for compile

_ID_RUN = re.compile(r"[a-z0-9][a-z0-9-]{0,63}(?:\x00[a-z0-9][a-z0-9-]{0,63})*").fullmatch
_BULK_CHUNK = 65536

FIRM_COLUMNS = ("id", "name", "name_en", "country", "group", "fortune500", "size", "region", "headquarters",
                "sources")
"""The firm columns :func:`read_for_compile` returns (``group`` and ``region`` None when empty, ``fortune500`` a
bool or None, ``sources`` the source ids joined by ``|``)."""
LINK_COLUMNS = ("firm", "segment", "confidence", "evidence", "row")
"""The link columns :func:`read_for_compile` returns (``confidence`` with its default filled in, ``row`` the
position of the link's firm in the firm columns)."""


class _NotPlain(Exception):
    """A bulk-read file holds something only the row-by-row reader can judge (or report): fall back to it."""


class _Values(dict):  # type: ignore[type-arg]
    """Cell -> value, each distinct cell judged once by ``judge`` (which raises :class:`_NotPlain`)."""

    def __init__(self, judge: Callable[[str], Any], known: dict[str, Any] | None = None) -> None:
        super().__init__(known or {})
        self.judge = judge

    def __missing__(self, cell: str) -> Any:
        value = self[cell] = self.judge(cell)
        return value


def _bulk_columns(c: _Checker, name: str, wanted: dict[str, Any]) -> dict[str, list[Any]]:
    """The ``wanted`` columns of a CSV file, every cell stripped (as ``_Row.text`` does), "" for absent columns.

    ``wanted`` maps a column to None (keep the cells) or to a mapping that turns a cell into its value (a
    :class:`_Values`, or a plain dict of the valid cells). Rows are read in chunks, so that only the kept
    columns of the whole file are ever in memory. Raises :class:`_NotPlain` for anything the row-by-row reader
    would report, warn about or skip: control characters, header problems, ragged or blank rows, malformed CSV,
    more rows than the limit, a cell the mapping does not know.
    """
    before = len(c.problems)
    text = c.read_text(name, name in REQUIRED_FILES)
    if text is None:
        if len(c.problems) > before:
            raise _NotPlain(name)
        return {column: [] for column in wanted}
    if name in c._scan:
        raise _NotPlain(name)
    required_cols, optional_cols = CSV_COLUMNS[name]
    quoted = "'" in text  # cells the writer neutralised for spreadsheets ('=...): read back as they were
    chunks = _plain_chunks(text) if _is_plain(text) else _csv_chunks(text)
    del text
    try:
        header = [column[0].strip() for column in next(chunks)]
        if len(set(header)) != len(header) or not {*required_cols, *optional_cols}.issuperset(header) or \
                not set(required_cols) <= set(header):
            raise _NotPlain(name)
        width = len(header)
        keep = [(i, header[i], wanted[header[i]]) for i in range(width) if header[i] in wanted]
        columns: dict[str, list[Any]] = {column: [] for column in wanted}
        rows = 0
        for cells in chunks:  # one chunk of rows, as columns
            if len(cells) != width:
                raise _NotPlain(name)  # a ragged row
            rows += len(cells[0])
            if rows > MAX_CSV_ROWS:
                raise _NotPlain(name)
            for i, column, convert in keep:
                values: Iterable[str] = cells[i]
                if quoted:
                    values = map(restore_cell, values)
                values = map(str.strip, values)
                if convert is None:
                    columns[column].extend(values)
                else:
                    columns[column].extend(map(convert.__getitem__, values))
            del cells
    except (StopIteration, csv.Error, KeyError):
        raise _NotPlain(name) from None
    for column, convert in wanted.items():
        if column not in header:
            columns[column] = [convert[""] if convert is not None else ""] * rows
    return columns


_PLAIN_CHARS = 1 << 22
"""Characters per chunk of a plain CSV text (about 50,000 rows of firms.csv)."""


def _is_plain(text: str) -> bool:
    """True when splitting the lines at ``\\n`` and the cells at commas reads ``text`` as the csv module does: no
    quote (the only character the default dialect treats specially inside a line) and no carriage return (a line
    end of its own for the csv module)."""
    return '"' not in text and "\r" not in text


def _csv_chunks(text: str) -> Iterator[list[tuple[str, ...]]]:
    """The rows of a CSV text, read by the csv module in chunks, each chunk as a list of columns (the first chunk
    is the header row alone). Rows of differing widths give a chunk of a differing number of columns."""
    reader = csv.reader(io.StringIO(text, newline=""))
    yield [(cell,) for cell in next(reader)]
    while True:
        chunk = list(islice(reader, _BULK_CHUNK))
        if not chunk:
            return
        if len(set(map(len, chunk))) != 1:
            yield []  # ragged
            return
        yield list(zip(*chunk, strict=True))


def _plain_chunks(text: str) -> Iterator[list[Any]]:
    """:func:`_csv_chunks` for a text :func:`_is_plain` accepts, without the csv module: each chunk of lines is
    split at its newlines, and its cells are every ``width``-th piece of the chunk split at commas. A line with
    another number of commas (a blank one too), or a line longer than the csv module's field limit, makes the chunk
    ragged, so that the caller steps aside to the checked path."""
    limit = csv.field_size_limit()
    end = text.find("\n")
    header = text[:end] if end >= 0 else text
    yield [(cell,) for cell in header.split(",")]
    if end < 0:
        return
    width = header.count(",") + 1
    start, size = end + 1, len(text)
    if text.endswith("\n"):
        size -= 1  # the last line's end, not a blank line after it
    while start <= size:  # text[start:size] holds one line or more (a blank one when empty)
        end = text.find("\n", start + _PLAIN_CHARS)
        if end < 0 or end > size:
            end = size
        block = text[start:end]
        start = end + 1
        lines = block.split("\n")
        if set(map(str.count, lines, repeat(","))) != {width - 1}:
            yield []  # ragged or blank lines
            return
        if max(map(len, lines)) > limit:
            yield []  # a line that may hold a cell over the csv module's limit: the checked path reports it
            return
        cells = block.replace("\n", ",").split(",")
        del block, lines
        yield [cells[i::width] for i in range(width)]


def _judge_within(pool: Collection[str], empty: Any = "") -> Callable[[str], Any]:
    def judge(cell: str) -> Any:
        if not cell:
            return empty
        if cell not in pool:
            raise _NotPlain(cell)
        return cell
    return judge


def _judge_sources(c: _Checker, name: str, sources: Collection[str]) -> Callable[[str], str]:
    """A ``sources`` cell -> its ids joined by ``|``, as ``_Row.ids`` reads it; every id must be a known source."""
    probe = _Checker(c.root)

    def judge(cell: str) -> str:
        ids = _Row(probe, name, 0, {"sources": cell}).ids("sources")
        if probe.problems or not all(source in sources for source in ids):
            raise _NotPlain(cell)
        return "|".join(ids)
    return judge


def _judge_bool(cell: str) -> bool | None:
    try:
        return parse_bool(cell)
    except ParseError:
        raise _NotPlain(cell) from None


def _bulk_firms(c: _Checker, ds: Dataset) -> dict[str, list[Any]]:
    firms = _bulk_columns(c, "firms.csv", {
        "id": None, "name": None, "name_en": None, "headquarters": _Values(str),
        "country": _Values(_judge_within(COUNTRY_CODES)), "group": _Values(_judge_within(ds.groups, None)),
        "fortune500": _Values(_judge_bool), "size": _Values(_judge_within(SIZES)),
        "region": _Values(_judge_within(ds.regions, None)),
        "sources": _Values(_judge_sources(c, "firms.csv", ds.sources))})
    joined = "\x00".join(firms["id"])
    if firms["id"] and not (_ID_RUN(joined) and "-\x00" not in joined and joined[-1] != "-"):
        raise _NotPlain
    if not all(firms["name"]):
        raise _NotPlain
    return firms


def _bulk_links(c: _Checker, ds: Dataset, ids: list[str], index: dict[str, int]) -> dict[str, list[Any]]:
    links = _bulk_columns(c, "links.csv", {
        "firm": index, "segment": {segment: segment for segment in ds.segments}, "evidence": None,
        "confidence": _Values(_judge_within(CONFIDENCES, "confirmed")),
        "sources": _Values(_judge_sources(c, "links.csv", ds.sources))})
    del links["sources"]
    links["row"] = links.pop("firm")  # checked by being found: the firm's row, and its id as one string object
    links["firm"] = list(map(ids.__getitem__, links["row"]))
    if len(set(zip(links["row"], links["segment"], strict=True))) != len(links["row"]):
        raise _NotPlain  # a link given twice
    return links


def _read_for_compile(root: Path) -> tuple[Dataset, dict[str, list[Any]], dict[str, list[Any]]] | None:
    c = _Checker(root)
    if not root.is_dir():
        return None
    _check_folder(c)
    info, info_lines = _read_info(c)
    chains = _read_chains(c)
    regions = _read_regions(c)
    sources = _read_sources(c)
    groups = _read_groups(c)
    ties = _read_ties(c)
    projects = _read_projects(c)
    facts = _read_region_facts(c)
    citations = _read_citations(c)
    claims = _read_claims(c)
    rejections = _read_rejections(c)
    events = _read_events(c)
    if info is None or any(p.is_error for p in c.problems):
        return None
    ds = Dataset(
        info=info, chains={x.id: x for x in chains}, regions={x.id: x for x in regions},
        sources={x.id: x for x in sources}, groups={x.id: x for x in groups}, ties=ties,
        projects={x.id: x for x in projects}, region_facts=facts, citations=citations, claims=claims,
        rejections=rejections, events=events, root=root,
    )
    try:
        firms = _bulk_firms(c, ds)
        firm_ids = dict(zip(firms["id"], range(len(firms["id"])), strict=True))
        if len(firm_ids) != len(firms["id"]):
            return None  # an id given twice
        links = _bulk_links(c, ds, firms["id"], firm_ids)
    except _NotPlain:
        return None
    records = _record_index(chains, (("regions.yaml", "region", regions), ("sources.csv", "source", sources),
                                     ("groups.csv", "group", groups), ("projects.csv", "project", projects),
                                     ("region_facts.csv", "region fact", facts)))
    if any(record[1] in firm_ids for record in records):
        return None  # a firm id used by another record
    _cross_check(c, ds, records, info_lines, firm_ids=firm_ids)
    _check_and_apply_events(c, ds)
    if any(p.is_error for p in c.problems):
        return None
    return ds, firms, links


def read_for_compile(path: str | Path) -> tuple[Dataset, dict[str, list[Any]], dict[str, list[Any]]] | None:
    """A valid dataset read for compiling a snapshot, with firms.csv and links.csv checked column by column.

    Returns the dataset without firms and links (``firms`` and ``links`` empty), and the firms (columns
    :data:`FIRM_COLUMNS`, file order) and links (:data:`LINK_COLUMNS`) as lists, one per column: a national pool's
    million firm and link records are never made. The checks are those of :func:`load_dataset`, made on whole
    columns; whenever one fails, or a file holds anything the row-by-row reader would report or skip (control
    characters, blank or ragged rows, unknown columns), the answer is ``None``, and :func:`load_dataset` is the
    one to read the folder and report its problems with file, line and field.
    """
    root = Path(path)

    def read(folder: Path) -> tuple[Dataset, dict[str, list[Any]], dict[str, list[Any]]] | None:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return _read_for_compile(folder)
        finally:
            if enabled:
                gc.enable()

    return read_consistent(root, read)
