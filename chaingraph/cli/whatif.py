"""``chaingraph whatif``: land firms in segments and see the chain change (thin glue over analysis.whatif).

Registered on the main group at the end of :mod:`chaingraph.cli`. Nothing is written to the dataset.
"""

from __future__ import annotations

import json
from typing import Any

import click

from ..analysis.gaps import STATUS_LABELS as STATUS_CN
from ..messages import msg
from ..outputs.lang import code_or_label, header_labels, name_in
from ..outputs.tables import render_table
from .common import State, _analysis_source, _pct, backend_options, output_option, region_option

__all__ = ["whatif_command"]


@click.command("whatif")
@click.option("--chain", "-c", required=True, metavar="CHAIN", help="Chain id or name (machine-tool, 机床, 汽车).")
@click.option("--land", "firms", multiple=True, required=True, metavar="FIRM",
              help="A firm of the dataset (id or name) or the name of a hypothetical firm (repeatable).")
@click.option("--segment", "-s", "segments", multiple=True, required=True, metavar="SEGMENT",
              help="Where it lands; one per --land, or one for all of them.")
@click.option("--leader", is_flag=True, help="Count the landed firms as leaders (hypothetical firms are not).")
@click.option("--park", metavar="REGION", help="The park or region they land in (default: the region).")
@region_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@output_option
@backend_options
@click.pass_obj
def whatif_command(state: State, chain: str, firms: tuple[str, ...], segments: tuple[str, ...], leader: bool,
                   park: str | None, region: str | None, fmt: str, backend: str, neo4j_dataset: str | None) -> None:
    """Completeness, statuses and priorities after landing firms, without touching the dataset.

    \b
    Examples:
      chaingraph whatif --chain machine-tool --land 发那科 --segment 数控系统
      chaingraph whatif -c 汽车 --land 某电池企业 -s 动力电池 --leader --format json
    """
    from ..analysis.whatif import Landing, what_if

    if len(segments) not in (1, len(firms)):
        raise click.UsageError(msg("give one --segment for all firms, or one --segment per --land"))
    pairs = zip(firms, segments if len(segments) == len(firms) else segments * len(firms), strict=True)
    landings = [Landing(firm, segment, leader=True if leader else None, region=park) for firm, segment in pairs]
    with _analysis_source(state, backend, neo4j_dataset) as source:
        result = what_if(source, chain, landings, region)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    before, after = result.before, result.after
    lang = state.lang
    if lang == "en":
        _header_en(result)
    else:
        click.echo(f"{after.chain.name}（{after.chain.id}）· {after.region.name} · 假设落地（不改动数据集）")
        for firm in result.landed:
            kind = "假设企业" if firm.hypothetical else "数据集企业"
            click.echo(f"  + {firm.ref.name}（{kind}{'，龙头' if firm.leader else ''}）→ "
                       f"{after.segment(firm.segment).segment.name}")
        click.echo(f"完整度 {_pct(before.completeness)} → {_pct(after.completeness)}"
                   f"（含在途 {_pct(before.completeness_with_pipeline)} → {_pct(after.completeness_with_pipeline)}）\n")
    if result.changed:
        click.echo(render_table(header_labels(["环节", "原状态", "新状态"], lang),
                                [[name_in(after.segment(c["segment"]).segment, lang) if "segment" in c else c["name"],
                                  code_or_label(c["from"], STATUS_CN[c["from"]], lang),
                                  code_or_label(c["to"], STATUS_CN[c["to"]], lang)] for c in result.changed]))
    else:
        click.echo("没有环节改变状态。" if lang == "zh" else "No segment changes status.")
    old_rank = {g.segment.id: i for i, g in enumerate((g for g in before.ranked() if g.priority is not None), 1)}
    rows = []
    for i, gap in enumerate((g for g in after.ranked() if g.priority is not None), start=1):
        was = old_rank.get(gap.segment.id)
        move = ("新" if lang == "zh" else "new") if was is None else ("—" if was == i else f"{was}→{i}")
        rows.append([i, name_in(gap.segment, lang), code_or_label(gap.status, STATUS_CN[gap.status], state.lang),
                     code_or_label(gap.action_code, gap.action or "", state.lang), f"{gap.priority:.3f}", move,
                     gap.headline_in(state.lang)])
        if i >= 10:
            break
    click.echo("\n落地后的优先序（前 10）:" if lang == "zh" else "\nPriorities after the landing (first 10):")
    click.echo(render_table(header_labels(["#", "环节", "状态", "行动", "优先级", "名次", "要点"], state.lang), rows,
                            align_right=[0, 4]))


def _header_en(result: Any) -> None:
    """The lines above the what-if tables, in English."""
    before, after = result.before, result.after
    click.echo(f"{name_in(after.chain, 'en')} ({after.chain.id}) · {name_in(after.region, 'en')} · "
               "what if these firms landed (the dataset is not changed)")
    for firm in result.landed:
        kind = "hypothetical firm" if firm.hypothetical else "firm of the dataset"
        click.echo(f"  + {firm.ref.name} ({kind}{', leader' if firm.leader else ''}) → "
                   f"{name_in(after.segment(firm.segment).segment, 'en')}")
    click.echo(f"completeness {_pct(before.completeness)} → {_pct(after.completeness)} (with pipeline "
               f"{_pct(before.completeness_with_pipeline)} → {_pct(after.completeness_with_pipeline)})\n")
