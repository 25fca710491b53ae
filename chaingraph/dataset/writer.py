"""Write a :class:`~chaingraph.dataset.Dataset` back to a dataset folder, atomically.

A new folder is written next to the target under a temporary name and renamed into place only when every file
is complete; an existing one is changed file by file under its lock and journal (docs/reliability.md), so a crash
or a full disk never leaves a half-written dataset. Loading what was written gives the
same dataset (a round trip); values are written in canonical form (``34000000 USD``, ``2022-Q2``).

Examples
--------
>>> import tempfile, pathlib
>>> from chaingraph import load_dataset, write_dataset
>>> ds = load_dataset()
>>> out = pathlib.Path(tempfile.mkdtemp()) / "copy"
>>> write_dataset(ds, out) == out
True
>>> load_dataset(out).firms == ds.firms
True
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from ..errors import ExportError
from ..messages import msg
from ..safety import neutralise_cell
from .model import PartialDate, Quantity
from .reader import CSV_COLUMNS
from .store import Dataset

__all__ = ["write_dataset", "atomic_write_text", "atomic_write_bytes"]


def _cell(value: Any) -> str:
    # planners open these files in Excel: a cell that would run as a formula gets a leading ' (the reader drops it)
    return neutralise_cell(_plain_cell(value))  # type: ignore[no-any-return]


def _plain_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "|".join(str(v) for v in value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, Quantity | PartialDate):
        return str(value)
    return str(value)


def _csv_text(file: str, records: Iterable[Any]) -> str:
    required, optional = CSV_COLUMNS[file]
    columns = [*required, *optional]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([_cell(getattr(record, column)) for column in columns])
    return buffer.getvalue()


def _yaml_text(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=None, width=110)


def _drop_empty(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if v not in (None, "", [], {}, False)}


def _chain_yaml(ds: Dataset, chain_id: str) -> str:
    chain = ds.chains[chain_id]
    data = _drop_empty({
        "id": chain.id, "name": chain.name, "name_en": chain.name_en, "aliases": chain.aliases,
        "description": chain.description, "sources": chain.sources, "generic_terms": chain.generic_terms,
    })
    data["segments"] = [
        _drop_empty({
            "id": s.id, "name": s.name, "name_en": s.name_en, "tier": s.tier, "importance": s.importance,
            "leading": s.leading, "keywords": s.keywords, "aliases": s.aliases, "description": s.description,
            "importance_basis": s.importance_basis,
            "industry_codes": s.industry_codes, "wide_codes": s.wide_codes,
            "scope_terms": s.scope_terms, "product_terms": s.product_terms,
            "ambiguous_terms": s.ambiguous_terms, "narrowing_terms": s.narrowing_terms, "roles": s.roles,
        })
        for s in chain.segments
    ]
    data["supplies"] = [
        _drop_empty({"from": e.source, "to": e.target, "kind": e.kind if e.kind != "supply" else "", "note": e.note})
        if e.note or e.kind != "supply" else [e.source, e.target]
        for e in chain.supplies
    ]
    return _yaml_text(data)


def _files(ds: Dataset) -> dict[str, str]:
    info = ds.info
    files: dict[str, str] = {}
    files["dataset.yaml"] = _yaml_text(_drop_empty({
        "id": info.id, "name": info.name, "name_en": info.name_en, "as_of": str(info.as_of),
        "default_region": info.default_region, "description": info.description,
        "fx_rates": [_drop_empty({"currency": r.currency, "cny_per_unit": r.cny_per_unit,
                                  "date": str(r.date) if r.date else None, "source": r.source})
                     for r in info.fx_rates],
        "analysis": info.analysis,
        "coverage": [_drop_empty({"region": c.region, "kind": c.kind, "chain": c.chain,
                                  "as_of": str(c.as_of) if c.as_of else None, "sources": c.sources,
                                  "note": c.note})
                     for c in info.coverage],
    }))
    for chain_id in ds.chains:
        files[f"chains/{chain_id}.yaml"] = _chain_yaml(ds, chain_id)
    files["regions.yaml"] = _yaml_text({"regions": [
        _drop_empty({"id": r.id, "name": r.name, "name_en": r.name_en, "aliases": r.aliases, "kind": r.kind,
                     "parent": r.parent, "favoured_countries": r.favoured_countries, "note": r.note,
                     "covers": r.covers})
        for r in ds.regions.values()
    ]})
    files["sources.csv"] = _csv_text("sources.csv", ds.sources.values())
    files["firms.csv"] = _csv_text("firms.csv", ds.firms.values())
    optional: list[tuple[str, Iterable[Any]]] = [
        ("groups.csv", ds.groups.values()), ("links.csv", ds.links), ("ties.csv", ds.ties),
        ("projects.csv", ds.projects.values()), ("region_facts.csv", ds.region_facts),
        ("citations.csv", ds.citations), ("claims.csv", ds.claims), ("rejections.csv", ds.rejections),
        ("events.csv", ds.events),
    ]
    for name, records in optional:
        records = list(records)
        if records:
            files[name] = _csv_text(name, records)
    return files


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    """Write bytes to ``path`` through a temporary file in the same folder and an atomic rename.

    A symbolic link is written through: its target gets the new content and the link stays a link. On any
    failure (a full disk, a missing folder) the old file is left as it was, no temporary file remains, and the
    error is an :class:`~chaingraph.errors.ExportError`. Returns the path given.
    """
    given = Path(path)
    path = Path(os.path.realpath(given)) if given.is_symlink() else given
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())  # the rename must not reach the disk before the content
            os.chmod(tmp, 0o666 & ~_umask())  # a new file's permissions, not mkstemp's private 0600
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ExportError(msg("cannot write {given}: {strerror}", given=given, strerror=exc.strerror or exc)) from None
    return given


def atomic_write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` as UTF-8 (whatever the locale) to ``path``, atomically (see :func:`atomic_write_bytes`)."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def write_dataset(ds: Dataset, path: str | Path, wait: float | None = None) -> Path:
    """Write ``ds`` as a dataset folder at ``path``, all or nothing.

    A new folder is written under a temporary name and renamed into place. An existing dataset folder is
    changed file by file under its lock and journal (:mod:`chaingraph.dataset.journal`; the folder itself is never
    renamed, so files held open in it by other programs do not stop the change): its data files that ``ds``
    does not have any more are removed, anything else in the folder is kept.
    """
    target = Path(path)
    files = _files(ds)
    if target.is_dir():
        from .journal import Transaction

        with Transaction(target, wait=wait) as txn:
            for name, text in files.items():
                txn.write_text(name, text)
            for old in [*target.glob("*.csv"), *target.glob("*.yaml"), *target.glob("*.yml"),
                        *target.glob("chains/*.yaml"), *target.glob("chains/*.yml")]:
                name = old.relative_to(target).as_posix()
                if name not in files and not old.name.startswith("."):
                    txn.delete(name)
            txn.commit()
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as exc:
        raise ExportError(msg("cannot write {target}: {strerror}",
                              target=target, strerror=exc.strerror or exc)) from None
    try:
        for name, text in files.items():
            out = staging / name
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8", newline="")
        os.replace(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise ExportError(msg("cannot write {target}: {strerror}",
                              target=target, strerror=exc.strerror or exc)) from None
    return target
