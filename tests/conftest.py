"""Shared fixtures: a tiny dataset folder per test, the bundled Pinghu dataset once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

import chaingraph as cgr
from chaingraph.fixtures import write_tiny_dataset


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the developer's dataset or Neo4j settings."""
    monkeypatch.delenv(cgr.dataset.DATA_ENV, raising=False)
    for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@pytest.fixture
def tiny_path(tmp_path: Path) -> Path:
    """A fresh copy of the tiny dataset that a test may edit."""
    return write_tiny_dataset(tmp_path / "tiny")


@pytest.fixture
def tiny(tiny_path: Path) -> cgr.ChainGraph:
    return cgr.build_graph(cgr.load_dataset(tiny_path))


@pytest.fixture(scope="session")
def pinghu() -> cgr.ChainGraph:
    return cgr.build_graph(cgr.load_dataset(cgr.bundled_dataset_path()))
