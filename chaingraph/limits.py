"""Every input limit of chaingraph in one place, and the guarded file reading that enforces them.

A dataset folder, a planner's spreadsheet or a proposed-facts file is untrusted input. These limits keep a hostile
or broken file (a YAML alias bomb, a symlink to ``/dev/zero``, a zip bomb saved as ``.xlsx``, a 200 KB cell) from
hanging or exhausting the machine: each is refused with one line naming the file and the limit. The limits are
far above what real data needs (a national pool of a million firms loads); ``docs/input-safety.md`` lists them.

Examples
--------
>>> MAX_CELL_CHARS
131072
>>> human_bytes(MAX_YAML_BYTES)
'16 MiB'
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .messages import msg, noun

__all__ = [
    "MAX_YAML_BYTES", "MAX_CSV_BYTES", "MAX_PROPOSED_BYTES", "MAX_ARTICLE_BYTES", "MAX_SHEET_BYTES", "MAX_YAML_DEPTH",
    "MAX_YAML_EXPANDED_NODES", "MAX_CELL_CHARS", "MAX_CSV_ROWS", "MAX_SHEET_ROWS", "MAX_SHEET_COLUMNS",
    "MAX_XLSX_UNCOMPRESSED_BYTES", "MAX_XLSX_RATIO", "MAX_NAME_CHARS", "MAX_PROPOSED_FACTS", "FRAGMENT_CHARS",
    "LimitExceeded", "human_bytes", "read_limited_bytes", "outside_folder",
]

MAX_YAML_BYTES = 16 * 1024 * 1024
"""A YAML file of a dataset (dataset.yaml, regions.yaml, a chain) or a mapping file: 16 MiB."""
MAX_CSV_BYTES = 4 * 1024 ** 3
"""A CSV file of a dataset: 4 GiB (a synthetic national pool of a million firms is about 150 MB)."""
MAX_PROPOSED_BYTES = 64 * 1024 * 1024
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
"""An article for ``extract``: a long report is ~100 KB; 2 MiB is read in about half a minute, a 50 MB file not."""
"""A proposed-facts file (``chaingraph merge``): 64 MiB."""
MAX_SHEET_BYTES = 512 * 1024 * 1024
"""A spreadsheet given to ``chaingraph import`` (.xlsx or .csv file on disk): 512 MiB."""
MAX_YAML_DEPTH = 64
"""Nesting depth of YAML collections (the dataset format needs 4)."""
MAX_YAML_EXPANDED_NODES = 1_000_000
"""YAML nodes after following every alias (``*name``): an alias bomb expands to billions."""
MAX_CELL_CHARS = 131_072
"""One CSV cell (Python's csv module default, now stated and reported by name)."""
MAX_CSV_ROWS = 20_000_000
"""Rows of one CSV file of a dataset."""
MAX_SHEET_ROWS = 200_000
"""Rows of one sheet given to ``chaingraph import`` (a county's list has thousands; a bomb has millions)."""
MAX_SHEET_COLUMNS = 1_000
"""Columns of one sheet given to ``chaingraph import``."""
MAX_XLSX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024
"""Declared uncompressed size of all parts of an .xlsx file, checked before it is opened: 1 GiB."""
MAX_XLSX_RATIO = 100
"""Largest compression ratio of a sizeable .xlsx part (over 1 MiB uncompressed); real sheets compress 5-20x."""
MAX_NAME_CHARS = 200
"""Names and titles longer than this are reported by ``validate`` as warnings (they break tables and maps)."""
MAX_PROPOSED_FACTS = 1_000_000
"""Facts in one proposed-facts file."""
FRAGMENT_CHARS = 40
"""At most this many characters of unknown input are echoed in an error, escaped."""


class LimitExceeded(Exception):
    """Raised by :func:`read_limited_bytes`; ``str()`` is the one-line reason (without the file name)."""


def human_bytes(size: int) -> str:
    """``16 MiB``, ``4 GiB``, ``512 KiB``: sizes as the limits are written."""
    for unit, scale in (("GiB", 1024 ** 3), ("MiB", 1024 ** 2), ("KiB", 1024)):
        if size >= scale:
            value = size / scale
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{size} bytes"


def outside_folder(path: Path, folder: Path) -> bool:
    """True when ``path`` (following symlinks) lies outside ``folder`` (following symlinks)."""
    try:
        path.resolve(strict=False).relative_to(folder.resolve(strict=False))
    except ValueError:
        return True
    except (OSError, RuntimeError):  # a symlink loop
        return True
    return False


def read_limited_bytes(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file no larger than ``limit``; raises :class:`LimitExceeded` or ``OSError``.

    A device, FIFO or folder is refused before it is opened, and the size is checked both before reading and
    while reading (a file that grows, or a ``/proc`` file that reports size 0), so at most ``limit + 1`` bytes are
    ever read.
    """
    info = os.stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise LimitExceeded(msg("is a folder, not a {what}", what=noun(what)))
    if not stat.S_ISREG(info.st_mode):
        raise LimitExceeded(msg("is not a regular file (a device or pipe): refused"))
    if info.st_size > limit:
        raise LimitExceeded(msg("is {st_size}, over the limit of {limit} for a {what}",
                                st_size=human_bytes(info.st_size), limit=human_bytes(limit), what=noun(what)))
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise LimitExceeded(msg("is over the limit of {limit} for a {what}", limit=human_bytes(limit), what=noun(what)))
    return data
