"""Shared fixtures: a tiny dataset folder per test, the bundled Pinghu dataset once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

import chaingraph as cgr
from chaingraph.dataset import DATA_ENV
from chaingraph.dataset.fixtures import write_registry_small, write_tiny_dataset


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the developer's dataset or Neo4j settings."""
    monkeypatch.delenv(DATA_ENV, raising=False)
    for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CHAINGRAPH_CACHE", str(tmp_path / "cache"))


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


@pytest.fixture
def county(tmp_path: Path) -> Path:
    """A fresh copy of the bundled Pinghu dataset, as a planner's county folder that a test may change."""
    root = tmp_path / "county"
    _shutil.copytree(cgr.bundled_dataset_path(), root)
    return root


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    """The small fictional registry file (chaingraph/data/registry-small.csv) written to a test folder."""
    return write_registry_small(tmp_path / "registry.csv")


# ------------------------------------------------------------------------------------------------ Neo4j test server
# scripts/neo4j-test-server starts Neo4j 5.26 Community embedded (tests/neo4j_server/README.md). Tests marked
# `neo4j` use these fixtures; without Java (or without Maven while the launcher is not built yet) they skip,
# naming what is missing, except under CI=true, where they fail.

import os as _os  # noqa: E402
import shutil as _shutil  # noqa: E402
import signal as _signal  # noqa: E402
import subprocess as _subprocess  # noqa: E402
import time as _time  # noqa: E402
from collections.abc import Callable as _Callable  # noqa: E402
from collections.abc import Iterator as _Iterator  # noqa: E402

NEO4J_LAUNCHER = Path(__file__).resolve().parent.parent / "scripts" / "neo4j-test-server"
_NEO4J_JAR = Path(__file__).resolve().parent / "neo4j_server" / "target" / "neo4j-test-server.jar"
_REAL_HOME = _os.environ.get("HOME")  # Maven's ~/.m2 cache, before any test points HOME at tmp


def _neo4j_launcher_built() -> bool:
    """As the launcher decides: the jar and its libs exist and no source is newer than the jar."""
    if not (_NEO4J_JAR.exists() and (_NEO4J_JAR.parent / "lib").is_dir()):
        return False
    built = _NEO4J_JAR.stat().st_mtime
    sources = [_NEO4J_JAR.parents[1] / "pom.xml", *(_NEO4J_JAR.parents[1] / "src").rglob("*")]
    return all(path.stat().st_mtime <= built for path in sources if path.is_file())


def _neo4j_missing_tools() -> list[str]:
    missing = []
    if _shutil.which(_os.environ.get("JAVA", "java")) is None:
        missing.append("java (Java 17+)")
    if _shutil.which(_os.environ.get("MVN", "mvn")) is None and not _neo4j_launcher_built():
        missing.append("mvn (Maven 3.6+, to build tests/neo4j_server)")
    return missing


class Neo4jTestServer:
    """One Neo4j test server, restartable on the same store and port (for crash-recovery tests)."""

    def __init__(self, name: str, data: Path) -> None:
        self.name = name
        self.data = data
        self.port = 0
        self.uri = ""

    def _run(self, *args: str, timeout: float = 60) -> str:
        env = dict(_os.environ)
        if _REAL_HOME:
            env["HOME"] = _REAL_HOME
        # short-lived test servers: the C1 compiler alone halves start-up and warm-up
        env.setdefault("NEO4J_TEST_JAVA_OPTS", "-Xms64m -Xmx1g -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError "
                                               "-XX:-OmitStackTraceInFastThrow -XX:TieredStopAtLevel=1")
        proc = _subprocess.run([str(NEO4J_LAUNCHER), *args, "--name", self.name], capture_output=True, text=True,
                               timeout=timeout, env=env)
        if proc.returncode != 0:
            raise RuntimeError(f"neo4j-test-server {args[0]} failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
        return proc.stdout.strip()

    def start(self) -> str:
        """Start (first build included) and wait for Bolt; on a restart, the same store and the same port."""
        self.uri = self._run("start", "--data", str(self.data), "--port", str(self.port),
                             "--parent-pid", str(_os.getpid()), timeout=1800).splitlines()[-1]
        self.port = int(self.uri.rsplit(":", 1)[1])
        return self.uri

    def pid(self) -> int:
        return int(self._run("pid"))

    def kill(self) -> None:
        """kill -9 the server, as a crash would."""
        pid = self.pid()
        _os.kill(pid, _signal.SIGKILL)
        deadline = _time.monotonic() + 30
        while _time.monotonic() < deadline:
            try:
                _os.kill(pid, 0)
            except ProcessLookupError:
                return
            _time.sleep(0.05)
        raise RuntimeError(f"neo4j test server pid {pid} survived SIGKILL")

    def stop(self) -> None:
        self._run("stop")
        state = Path(self._run("statedir"))
        if state.is_dir() and {p.name for p in state.iterdir()} <= {"server.log"}:
            _shutil.rmtree(state, ignore_errors=True)  # only the log of a clean run is left: tidy /tmp


@pytest.fixture(scope="session")
def neo4j_server_factory(tmp_path_factory: pytest.TempPathFactory) -> _Iterator[_Callable[[str], Neo4jTestServer]]:
    """Start named Neo4j test servers (each on its own store in tmp); all are stopped at the end of the session."""
    missing = _neo4j_missing_tools()
    if missing:
        message = "Neo4j tests need " + " and ".join(missing) + " (see tests/neo4j_server/README.md)"
        if _os.environ.get("CI") == "true":
            pytest.fail(message + "; CI=true requires them")
        pytest.skip(message)
    servers: list[Neo4jTestServer] = []

    def start(label: str) -> Neo4jTestServer:
        server = Neo4jTestServer(f"pytest-{_os.getpid()}-{label}", tmp_path_factory.mktemp(f"neo4j-{label}"))
        servers.append(server)
        server.start()
        return server

    yield start
    failures = []
    for server in servers:
        try:
            server.stop()
        except (RuntimeError, _subprocess.TimeoutExpired) as exc:
            failures.append(str(exc))
    if failures:
        raise RuntimeError("\n".join(failures))


@pytest.fixture(scope="session")
def neo4j_server(neo4j_server_factory: _Callable[[str], Neo4jTestServer]) -> Neo4jTestServer:
    """The shared Neo4j test server of the session."""
    return neo4j_server_factory("main")


@pytest.fixture(scope="session")
def neo4j_uri(neo4j_server: Neo4jTestServer) -> str:
    """``bolt://127.0.0.1:PORT`` of the shared Neo4j test server (auth off)."""
    return neo4j_server.uri
