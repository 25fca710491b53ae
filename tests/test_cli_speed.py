"""What keeps the command line quick on a national pool, checked for behaviour (never timed): capped local firm
lists with exact counts, ``--all-firms``, and a ``--help`` that imports none of the heavy modules."""

from __future__ import annotations

import csv
import importlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from chaingraph.cli import DATA_ENV, STATUSES, cli
from chaingraph.sources.synth import generate


@pytest.fixture(scope="module")
def pool(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("cli-speed") / "pool", firms=4000, regions=10, seed=3)


def _gaps(pool: Path, cache: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    result = CliRunner().invoke(cli, ["--data", str(pool), "gaps", "-c", "automotive", "--format", "json",
                                      "--backend", "snapshot", *extra],
                                env={"CHAINGRAPH_CACHE": str(cache)}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_gaps_json_caps_local_firms_and_counts_them_all(pool: Path, tmp_path: Path) -> None:
    short = _gaps(pool, tmp_path)
    full = _gaps(pool, tmp_path, "--all-firms")
    assert any(s["local_firm_count"] > 20 for s in short["segments"])  # the home county is large enough
    for a, b in zip(short["segments"], full["segments"], strict=True):
        assert a["id"] == b["id"] and a["local_firm_count"] == b["local_firm_count"] == len(b["local_firms"])
        assert a["local_firms"] == b["local_firms"][:20]
        assert a["reasons"] == b["reasons"] and a["priority"] == b["priority"]


def test_gaps_csv_has_the_count(pool: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--data", str(pool), "gaps", "-c", "automotive", "--format", "csv"],
                                env={"CHAINGRAPH_CACHE": str(tmp_path)}, catch_exceptions=False)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert "local_firm_count" in rows[0]  # columns are added at the end, never renamed (reason_codes came later)
    assert max(int(row["local_firm_count"]) for row in rows) > 20


def test_help_imports_no_heavy_module() -> None:
    code = ("import sys; from chaingraph.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('networkx', 'openpyxl', 'yaml', 'neo4j')"
            " or m.startswith('chaingraph.sources.extract') or m in ('chaingraph.sources.records',"
            " 'chaingraph.sources.calibration', 'chaingraph.engines.snapshot', 'chaingraph.dataset.reader',"
            " 'chaingraph.dataset.graph')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "Commands:" in out and "import-chainkg" in out
    assert out.strip().splitlines()[-1] == "[]"


def test_lazy_commands_are_listed_as_their_own_help_says() -> None:
    ctx = click.Context(cli)
    for name, (target, summary) in cli.lazy.items():
        module, attribute = target.split(":")
        command = getattr(importlib.import_module(module), attribute)
        assert command.name == name
        assert summary == " ".join((command.help or "").split("\n\n")[0].split()), name
        assert cli.get_command(ctx, name) is command


def test_constants_spelt_out_for_a_light_cli_match_the_library() -> None:
    from chaingraph.analysis.gaps import STATUSES as ANALYSIS_STATUSES
    from chaingraph.dataset import DATA_ENV as DATASET_ENV

    assert STATUSES == ANALYSIS_STATUSES
    assert DATA_ENV == DATASET_ENV


# What a cold gap report or target list from the snapshot must not import: the reader and writer, networkx and the
# file formats, the sources, the outputs it does not print, the other questions' analysis, the table records (firms,
# links, projects: dataclasses cost ~0.3 ms each to create), and the standard modules only --format csv (csv,
# safety's html), amounts (decimal), month lengths (calendar), compiling (tempfile) or changing a folder (shutil)
# need, and OpenSSL's hashing (the builtin sha256 gives the snapshot's key). Each would cost start-up time on every
# query (docs/performance.md, "A short cold start").
_NEVER_ON_THE_QUERY_PATH = ("networkx", "openpyxl", "yaml", "neo4j", "duckdb", "pyvis", "chaingraph.sources",
                            "chaingraph.dataset.reader", "chaingraph.dataset.writer", "chaingraph.dataset.records",
                            "chaingraph.outputs.html_map", "chaingraph.outputs.export", "chaingraph.analysis.whatif",
                            "chaingraph.analysis.views", "chaingraph.analysis.asof", "chaingraph.safety", "csv",
                            "decimal", "html", "calendar", "tempfile", "shutil", "hashlib", "_hashlib")
_RUN_AND_LIST_MODULES = ("import sys\nfrom chaingraph.cli import main\n"
                         "try:\n    main(sys.argv[1:])\nexcept SystemExit as exc:\n    assert not exc.code, exc\n"
                         "print('\\nMODULES ' + ' '.join(sorted(sys.modules)))")


@pytest.fixture(scope="module")
def compiled(pool: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a fresh process that finds the pool's snapshot compiled (once for this module)."""
    env = {k: v for k, v in os.environ.items() if k != DATA_ENV}
    env["CHAINGRAPH_CACHE"] = str(tmp_path_factory.mktemp("cli-speed-cache"))
    subprocess.run([sys.executable, "-m", "chaingraph", "--data", str(pool), "compile"], env=env, check=True,
                   capture_output=True)
    return env


@pytest.mark.parametrize(("command", "also_never"), [
    (["gaps", "-c", "automotive", "--format", "json"], ("chaingraph.analysis.targets",)),
    (["gaps", "-c", "automotive", "-r", "r0005"], ("chaingraph.analysis.targets",)),
    (["targets", "-s", "mt-cnc-system"], ()),
])
def test_cold_query_imports_only_what_it_needs(pool: Path, compiled: dict[str, str], command: list[str],
                                               also_never: tuple[str, ...]) -> None:
    out = subprocess.run([sys.executable, "-c", _RUN_AND_LIST_MODULES, "--data", str(pool), *command], env=compiled,
                         capture_output=True, text=True, check=True).stdout
    modules = set(out.rsplit("\nMODULES ", 1)[1].split())
    assert "chaingraph.engines.snapshot" in modules  # the question was answered from the compiled snapshot
    unwanted = sorted(m for m in modules for never in (*_NEVER_ON_THE_QUERY_PATH, *also_never)
                      if m == never or m.startswith(never + "."))
    assert unwanted == []


def test_the_process_entry_point_leaves_its_objects_to_the_process_exit(pool: Path, compiled: dict[str, str]
                                                                        ) -> None:
    """``main()`` on the process's own command line freezes what it built, so that interpreter shutdown does not
    collect it (~10 ms of a cold query); called with arguments (a script, a test) it leaves the collector alone.
    Either way the command's output and exit code are the command's."""
    code = ("import gc, sys\nfrom chaingraph.cli import main\n"
            "mode, args = sys.argv[1], sys.argv[2:]\nsys.argv[1:] = args\n"
            "try:\n    main() if mode == 'entry' else main(args)\nexcept SystemExit as exc:\n"
            "    print('\\nEXIT', exc.code, 'FROZEN', gc.get_freeze_count() > 0)\n")
    command = ["--data", str(pool), "gaps", "-c", "automotive", "--format", "json", "--backend", "snapshot"]
    results = {}
    for mode in ("entry", "call"):
        out = subprocess.run([sys.executable, "-c", code, mode, *command], env=compiled, capture_output=True,
                             text=True, check=True).stdout
        report, tail = out.rsplit("\nEXIT ", 1)
        results[mode] = tail.split()
        assert json.loads(report)["chain"]["id"] == "automotive"
    assert results == {"entry": ["0", "FROZEN", "True"], "call": ["0", "FROZEN", "False"]}
    failed = subprocess.run([sys.executable, "-m", "chaingraph", "--data", str(pool), "gaps", "-c", "no-such-chain"],
                            env=compiled, capture_output=True, text=True)
    assert failed.returncode != 0 and failed.stderr.strip() and "Traceback" not in failed.stderr


def test_the_snapshot_key_is_a_sha256_without_hashlib(tmp_path: Path) -> None:
    """``snapshot_path`` and ``fingerprint`` hash with the builtin sha256 module: the same digests as hashlib's, so
    the snapshots compiled before keep their names."""
    import hashlib

    from chaingraph.engines.snapshot import _sha256, snapshot_path

    assert _sha256(b"chaingraph").hexdigest() == hashlib.sha256(b"chaingraph").hexdigest()
    digest = _sha256(b"a")
    digest.update(b"b")
    assert digest.hexdigest() == hashlib.sha256(b"ab").hexdigest()
    key = hashlib.sha256(str(tmp_path.resolve()).encode("utf-8")).hexdigest()[:20]
    assert snapshot_path(tmp_path, tmp_path) == tmp_path / f"{tmp_path.name}-{key}.sqlite"
