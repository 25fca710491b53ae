"""``chaingraph map``: write an interactive HTML chain map (thin glue over :mod:`chaingraph.outputs.html_map`).

Registered on the main group at the end of :mod:`chaingraph.cli`; errors from the library become one line on
stderr with their documented exit code (an unknown chain or segment exits with 4).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..dataset.graph import ChainGraph
from ..dataset.writer import atomic_write_text
from ..messages import msg
from ..outputs.html_map import build_map
from .common import State, _analysis_source, as_of_option, echo_wrote, region_option

__all__ = ["map_command"]


@click.command("map")
@click.option("--chain", "-c", metavar="CHAIN", help="Chain id or name (machine-tool, 机床, 汽车).")
@click.option("--all", "all_chains", is_flag=True, help="Every chain of the dataset, with the links between them.")
@click.option("--segment", "-s", metavar="SEGMENT",
              help="Drill down: this segment and its suppliers and customers (across chains).")
@click.option("--depth", type=click.IntRange(min=1, max=6), default=2, show_default=True,
              help="With --segment: how many supply steps up and down to draw.")
@region_option
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
              help="Labels, interface and reasons in Chinese or English (default: chaingraph --lang, else zh).")
@click.option("--no-firms", is_flag=True, help="Hide firms and projects when the map opens (a checkbox shows them).")
@click.option("--no-context", is_flag=True,
              help="Open without the other chains' segments and the cross-chain edges (a checkbox shows them).")
@click.option("--title", metavar="TEXT", help="Title shown on the map (default: region and chain).")
@click.option("--firm-nodes", type=click.IntRange(min=0), default=6, show_default=True,
              help="Most firms drawn under one segment; above this one 'N 家企业' node stands for them.")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The HTML file to write ('-' for standard output).")
@as_of_option
@click.pass_obj
def map_command(state: State, chain: str | None, all_chains: bool, segment: str | None, depth: int,
                region: str | None, lang: str | None, no_firms: bool, no_context: bool, title: str | None,
                firm_nodes: int, output: Path, as_of: str | None) -> None:
    """Write an interactive chain map: one HTML file that opens offline by double-clicking.

    \b
    Examples:
      chaingraph map --chain machine-tool -o machine-tool.html
      chaingraph map --all -o pinghu.html
      chaingraph map --chain automotive --segment 驱动电机 -o motor.html
    """
    if lang:  # the map's own --lang is the language of this run: its errors too, not only the page
        state.lang = lang
    if all_chains and (chain or segment):
        raise click.UsageError(msg("--all draws every chain; leave out --chain and --segment"))
    if not all_chains and not chain and not segment:
        raise click.UsageError(msg("say which map: --chain CHAIN, --all, or --segment SEGMENT"))
    with _analysis_source(state, "auto", None, as_of) as source:
        # on a big dataset the compiled snapshot answers everything: the dataset is never loaded into memory
        graph, facts = (source, None) if isinstance(source, ChainGraph) else (None, source)
        page = build_map(graph, chain=chain, region=region, segment=segment, lang=lang or state.lang, title=title,
                         show_firms=not no_firms, show_context=not no_context, depth=depth, firm_nodes=firm_nodes,
                         facts=facts)
    if str(output) == "-":
        stream = getattr(sys.stdout, "buffer", None)
        if stream is None:  # pragma: no cover - a text-only stdout
            sys.stdout.write(page)
        else:
            stream.write(page.encode("utf-8"))
            stream.flush()
        return
    path = atomic_write_text(output, page)
    echo_wrote(path, len(page.encode("utf-8")))
