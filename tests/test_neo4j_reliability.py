"""Neo4j under hostile settings and concurrent pushes: URIs are redacted before any print, malformed ones are one
line (exit 5), and two pushes of one dataset never break each other (a lock node in the database)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import chaingraph as cgr
from chaingraph.cli import cli
from chaingraph.engines.neo4j import Neo4jBackend, Neo4jSettings, connect, redact_uri, translate_error
from chaingraph.engines.neo4j_lock import LOCK_LABEL, push_lock

SECRET = "hunter2-S3cret"

HOSTILE_URIS = [
    f"neo4j://db.example:7687?password={SECRET}",
    f"neo4j://db.example:7687/?token={SECRET}&policy=eu",
    f"bolt://db.example:7687?auth={SECRET}",
    f"bolt://planner:{SECRET}@db.example:7687",
    f"neo4j://{SECRET}@db.example",
    f"bolt://db.example:7687#{SECRET}",
    f"bolt://db.example:{SECRET}",
    "bolt://db.example:notaport",
    "bolt://db.example:99999",
    "bolt://db .example:7687",
    "bolt://db.example:7687\nMATCH (n) DETACH DELETE n",
    "bolt://db.example:7687\t",
    "bolt://:7687",
    "http://db.example:7474",
    "bolt//db.example:7687",
]


@pytest.mark.parametrize("uri", HOSTILE_URIS)
def test_malformed_or_secret_bearing_uris_are_one_redacted_line(uri: str, tiny_path: Path) -> None:
    for args in (["neo4j", "status"], ["neo4j", "push"], ["gaps", "-c", "demo-auto", "--backend", "neo4j"]):
        result = CliRunner().invoke(cli, ["--data", str(tiny_path), *args], env={"NEO4J_URI": uri})
        assert result.exit_code == 5, (uri, args, result.output)
        assert len(result.output.strip().splitlines()) == 1, result.output
        assert SECRET not in result.output and "Traceback" not in result.output
        assert "DETACH" not in result.output.split("\n")[0] or "\\n" in result.output


def test_redaction_keeps_what_helps_and_drops_what_hurts() -> None:
    assert redact_uri("neo4j://db:7687/neo4j?policy=eu#x") == "neo4j://db:7687/neo4j?***#***"
    assert redact_uri(f"bolt://u:{SECRET}@db:7687") == "bolt://db:7687"
    assert redact_uri("bolt://db:7687") == "bolt://db:7687"  # nothing to hide: shown as given
    settings = Neo4jSettings(f"neo4j://db:7687?routing={SECRET}")
    error = translate_error(ValueError(f"bad routing context {{'routing': '{SECRET}'}}"), settings)
    assert SECRET not in str(error) and "***" in str(error)


# ------------------------------------------------------------------------------------------------ lock node

neo4j_marker = pytest.mark.neo4j


def _tiny_copy(tmp_path: Path, dataset_id: str) -> Path:
    from chaingraph.dataset.fixtures import write_tiny_dataset

    root = write_tiny_dataset(tmp_path / dataset_id)
    text = (root / "dataset.yaml").read_text(encoding="utf-8")
    (root / "dataset.yaml").write_text(text.replace("id: tiny", f"id: {dataset_id}", 1), encoding="utf-8")
    return root


def _push(uri: str, root: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "chaingraph", "--data", str(root), "neo4j", "push", "-q", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "NEO4J_URI": uri})


def _locks(backend: Neo4jBackend, dataset: str) -> int:
    return int(backend.read(f"MATCH (l:{LOCK_LABEL} {{dataset: $d}}) RETURN count(l) AS n", d=dataset)[0]["n"])


@neo4j_marker
def test_two_pushes_at_once_both_complete(neo4j_uri: str, tmp_path: Path) -> None:
    root = cgr.write_dataset(cgr.load_dataset(), tmp_path / "pinghu-copy")  # big enough for the pushes to overlap
    first, second = _push(neo4j_uri, root, "--batch-size", "50"), _push(neo4j_uri, root, "--batch-size", "50")
    results = [p.communicate(timeout=300) + (p.returncode,) for p in (first, second)]
    assert [code for _, _, code in results] == [0, 0], results
    with connect(Neo4jSettings(neo4j_uri)) as backend:
        state = backend.dataset_state("pinghu-2022")
        assert state is not None and state.complete
        assert _locks(backend, "pinghu-2022") == 0  # released


@neo4j_marker
def test_push_refuses_while_another_holds_the_lock(neo4j_uri: str, tmp_path: Path) -> None:
    root = _tiny_copy(tmp_path, "lock-busy")
    with connect(Neo4jSettings(neo4j_uri)) as backend:
        with push_lock(backend, "lock-busy", wait=0):
            process = _push(neo4j_uri, root, "--wait", "0.5")
            _, err = process.communicate(timeout=120)
            assert process.returncode == 5 and err.count("\n") == 1, err
            # the planner's language by default: Chinese, naming the holder
            assert f"正由另一个进程推送到 Neo4j（{socket.gethostname()} pid {os.getpid()}" in err
        assert _locks(backend, "lock-busy") == 0
        process = _push(neo4j_uri, root, "--wait", "0")
        assert process.communicate(timeout=120) and process.returncode == 0
        state = backend.dataset_state("lock-busy")
        assert state is not None and state.complete


@neo4j_marker
def test_lock_of_a_dead_or_silent_push_is_taken_over(neo4j_uri: str, tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    now = int(time.time() * 1000)
    with connect(Neo4jSettings(neo4j_uri)) as backend:
        for dataset, host, pid, heartbeat in (("lock-dead", socket.gethostname(), dead.pid, now),
                                              ("lock-silent", "another-machine", 1, now - 600_000)):
            backend.write(f"CREATE (:{LOCK_LABEL} {{dataset: $d, owner: 'gone', holder: 'x', host: $h, pid: $p, "
                          "since: $t, heartbeat: $t})", d=dataset, h=host, p=pid, t=heartbeat)
            started = time.monotonic()
            result = backend.push(cgr.load_dataset(_tiny_copy(tmp_path, dataset)), wait=5)
            assert result.nodes > 0 and time.monotonic() - started < 5
            assert _locks(backend, dataset) == 0
        # a live holder on another machine is respected
        backend.write(f"CREATE (:{LOCK_LABEL} {{dataset: 'lock-live', owner: 'other', holder: 'planner-pc pid 7', "
                      "host: 'planner-pc', pid: 7, since: $t, heartbeat: $t})", t=int(time.time() * 1000))
        with pytest.raises(cgr.BackendError, match=r"lock-live.*another process \(planner-pc pid 7"):
            backend.push(cgr.load_dataset(_tiny_copy(tmp_path, "lock-live")), wait=0.3)
        backend.write(f"MATCH (l:{LOCK_LABEL} {{dataset: 'lock-live'}}) DELETE l")


@neo4j_marker
def test_a_failed_push_releases_its_lock(neo4j_uri: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with connect(Neo4jSettings(neo4j_uri)) as backend:
        def broken(*args: object, **kwargs: object) -> None:
            raise cgr.BackendError("simulated failure in the middle of a push")

        # a first push skips the sweep, so break a push over an earlier one, in the middle
        backend.push(cgr.load_dataset(_tiny_copy(tmp_path, "lock-fail")))
        monkeypatch.setattr(backend, "_sweep", broken)
        with pytest.raises(cgr.BackendError, match="simulated"):
            backend.push(cgr.load_dataset(_tiny_copy(tmp_path / "again", "lock-fail")))
        assert _locks(backend, "lock-fail") == 0
