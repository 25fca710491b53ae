"""Small readers of `extract_facts` output shared by the extraction round tests."""

from __future__ import annotations

from chaingraph.sources.extract import Extraction, extract_facts


def values(result: Extraction, record: str, key: str, field: str) -> list[str]:
    """The values of one field of one record."""
    return [f.value for f in result.of(record, key, field)]


def project_names(text: str, date: str = "2023-05-10") -> set[str]:
    """The names of the projects found in ``text``."""
    return {f.value for f in extract_facts(text, date).of("project", field="name")}


def firm_names(text: str, date: str = "2023-05-10") -> set[str]:
    """The names of the firms found in ``text``."""
    return {f.value for f in extract_facts(text, date).of("firm", field="name")}
