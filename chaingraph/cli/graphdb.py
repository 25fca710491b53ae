"""``chaingraph neo4j push | status | wipe``, and the Neo4j side of ``gaps`` / ``targets --backend neo4j``.

Connection settings come from ``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE``
(``docs/neo4j.md``). Backend failures are :class:`~chaingraph.errors.BackendError`: the main group turns them
into one line on stderr and exit code 5.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..dataset.reader import dataset_id_of
from ..dataset.store import default_dataset_path
from ..engines.neo4j_schema import DEFAULT_BATCH_SIZE
from ..messages import msg
from ..outputs.tables import render_table
from .progress import progress_bar, progress_option

if TYPE_CHECKING:
    from ..engines.neo4j import Neo4jStatus
    from ..engines.neo4j_facts import Neo4jFacts
    from .common import State

__all__ = ["neo4j_group", "neo4j_facts", "dataset_id_of"]

STATE_CN = {"complete": "完整", "started": "未完成", "wiping": "删除中", "unknown": "未知"}


def _data_path(state: State | None) -> Path:
    return state.path if state is not None else default_dataset_path()


@contextmanager
def neo4j_facts(state: State | None, dataset: str | None = None) -> Iterator[Neo4jFacts]:
    """The Neo4j facts of ``dataset`` (default: the id of the current ``--data`` folder), connection closed after."""
    dataset_id = dataset or dataset_id_of(_data_path(state))
    from ..engines.neo4j import connect  # the driver is imported only by commands that talk to Neo4j

    with connect() as backend:
        yield backend.facts(dataset_id)


@click.group("neo4j")
def neo4j_group() -> None:
    """Share the graph in Neo4j: push a dataset, see what is there, wipe it.

    \b
    Set NEO4J_URI (e.g. bolt://localhost:7687), and NEO4J_USERNAME / NEO4J_PASSWORD
    if the server needs a login; NEO4J_DATABASE is optional (default: neo4j).
    Then `chaingraph gaps --backend neo4j ...` answers from the server.
    """


@neo4j_group.command()
@click.option("--batch-size", type=click.IntRange(min=1, max=50_000), default=DEFAULT_BATCH_SIZE,
              show_default=True, help="Rows per transaction.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@progress_option
@click.option("--wait", type=click.FloatRange(min=0), default=60.0, show_default=True, metavar="SECONDS",
              help="How long to wait for another push of the same dataset to the same database.")
@click.pass_obj
def push(state: State, batch_size: int, quiet: bool, progress: bool | None, wait: float) -> None:
    """Push the dataset (--data, or the bundled one) into Neo4j: idempotent, re-run to finish an interrupted push."""
    cg = state.graph
    with ExitStack() as stack:
        from ..engines.neo4j import connect

        backend = stack.enter_context(connect())
        report = stack.enter_context(progress_bar(f"pushing {cg.dataset.info.id}", False if quiet else progress))
        result = backend.push(cg, progress=report, batch_size=batch_size, wait=wait)
    removed = ""
    if result.removed_nodes or result.removed_relationships:
        removed = f"; removed {result.removed_nodes} stale nodes, {result.removed_relationships} relationships"
    click.echo(f"pushed {result.dataset} to {backend.settings.safe_uri} ({backend.settings.database}): "
               f"{result.nodes} nodes, {result.relationships} relationships in {result.seconds:.1f} s{removed}")


def _status_table(status: Neo4jStatus) -> str:
    lines = [f"Neo4j {status.server_version} · {status.uri} · database {status.database}", ""]
    if status.datasets:
        lines.append(render_table(
            ["dataset", "名称", "状态", "数据截至", "推送完成", "节点", "关系"],
            [[d.id, d.name, f"{d.state}（{STATE_CN.get(d.state, d.state)}）", d.as_of, d.pushed_at or "—",
              "" if d.nodes is None else d.nodes, "" if d.relationships is None else d.relationships]
             for d in status.datasets], align_right=[5, 6]))
        incomplete = [d.id for d in status.datasets if not d.complete]
        if incomplete:
            lines.append("")
            lines.append(f"incomplete: {', '.join(incomplete)}: run `chaingraph neo4j push` again for each")
    else:
        lines.append("no chaingraph dataset in this database")
    lines.append("")
    lines.append(render_table(["label", "nodes"], [[k, v] for k, v in status.nodes.items()], align_right=[1]))
    lines.append("")
    lines.append(render_table(["relationship", "count"], [[k, v] for k, v in status.relationships.items()],
                              align_right=[1]))
    return "\n".join(lines)


@neo4j_group.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def status(fmt: str) -> None:
    """What chaingraph has in Neo4j: datasets with their push state, counts by label and relationship type."""
    from ..engines.neo4j import connect  # the driver is imported only by commands that talk to Neo4j

    with connect() as backend:
        result = backend.status()
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(_status_table(result))


@neo4j_group.command()
@click.option("--yes", is_flag=True, help="Really delete.")
@click.option("--dataset", "dataset", metavar="ID", help="Only this dataset (default: every chaingraph dataset).")
def wipe(yes: bool, dataset: str | None) -> None:
    """Delete chaingraph's nodes from Neo4j (all datasets, or --dataset ID); nothing else is touched."""
    if not yes:
        what = msg("dataset {dataset!r}", dataset=dataset) if dataset else msg("every chaingraph dataset")
        raise click.UsageError(msg("this deletes {what} from Neo4j; add --yes to do it", what=what))
    from ..engines.neo4j import connect  # the driver is imported only by commands that talk to Neo4j

    with connect() as backend:
        result = backend.wipe(dataset)
    which = ", ".join(result.datasets) or "no dataset node"
    click.echo(f"wiped {result.nodes} nodes from {backend.settings.safe_uri} ({which})")
