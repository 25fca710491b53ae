"""Graph files open in the real Gephi toolkit with every node and edge (scripts/gephi-check, tests/gephi_check/).

The Gephi toolkit (0.10.1) is built from Maven Central like the Neo4j test server. Without Java or Maven these
tests skip and say what is missing, except under CI=true, where they fail.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

import chaingraph as cgr
from chaingraph.outputs.export import export

GEPHI_CHECK = Path(__file__).resolve().parent.parent / "scripts" / "gephi-check"
_JAR = Path(__file__).resolve().parent / "gephi_check" / "target" / "gephi-check.jar"


def _missing() -> list[str]:
    missing = []
    if shutil.which(os.environ.get("JAVA", "java")) is None:
        missing.append("java (Java 17+)")
    if shutil.which(os.environ.get("MVN", "mvn")) is None and not _JAR.exists():
        missing.append("mvn (Maven 3.6+, to build tests/gephi_check)")
    return missing


@pytest.fixture(scope="module")
def gephi() -> None:
    missing = _missing()
    if missing:
        message = "Gephi toolkit tests need " + " and ".join(missing)
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI=true: they must run)")
        pytest.skip(message)
    subprocess.run([str(GEPHI_CHECK), "build"], check=True, capture_output=True, timeout=900)


def _open_in_gephi(path: Path) -> dict[str, object]:
    result = subprocess.run([str(GEPHI_CHECK), "run", str(path), "relation"], capture_output=True, text=True,
                            timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_gephi_imports_every_node_and_edge(gephi: None, pinghu: cgr.ChainGraph, tmp_path: Path, fmt: str) -> None:
    path = export(pinghu, fmt, tmp_path / f"pinghu.{fmt}")
    seen = _open_in_gephi(path)
    graph = pinghu.graph
    assert seen["nodes"] == graph.number_of_nodes()
    assert seen["edges"] == graph.number_of_edges()
    assert seen["edge_attribute_values"] == dict(Counter(key for _, _, key in graph.edges(keys=True)))
    assert seen["directed"] is True
    assert {"relation", "confidence", "evidence"} <= set(seen["edge_columns"])  # type: ignore[arg-type]
    assert {"name", "kind", "importance", "country"} <= set(seen["node_columns"])  # type: ignore[arg-type]
    assert not [i for i in seen["issues"] if str(i).startswith("SEVERE")]  # type: ignore[attr-defined]


def test_gephi_keeps_hostile_names_as_text(gephi: None, tiny_path: Path, tmp_path: Path) -> None:
    firms = tiny_path / "firms.csv"
    text = firms.read_text(encoding="utf-8")
    firms.write_text(text.replace("电机甲", "<b>电机甲</b> & \"引号\" ]]>", 1), encoding="utf-8")
    cg = cgr.build_graph(cgr.load_dataset(tiny_path))
    seen = _open_in_gephi(export(cg, "graphml", tmp_path / "tiny.graphml"))
    assert seen["nodes"] == cg.graph.number_of_nodes() and seen["edges"] == cg.graph.number_of_edges()
