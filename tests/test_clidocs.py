"""docs/cli.md's command reference is generated from the commands' own help and kept up to date."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from chaingraph.cli import cli
from chaingraph.cli.docs import BEGIN, END, ReferenceOutOfDate, render_reference, update_reference

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def test_docs_cli_md_is_up_to_date() -> None:
    # run scripts/gen-cli-docs when this fails
    assert update_reference(DOC, check=True) is False


def test_reference_holds_every_command_and_option() -> None:
    text = render_reference()
    for name, command in cli.commands.items():
        assert f"### `chaingraph {name}`" in text
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("-"):
                    assert opt in text, (name, opt)
    assert "-h, --help" in text  # the group's context settings apply to the reference too


def test_regeneration_keeps_the_hand_written_parts(tmp_path: Path) -> None:
    doc = tmp_path / "cli.md"
    doc.write_text("# Command line\n\n## Exit codes\n\nhand-written\n", encoding="utf-8")
    assert update_reference(doc) is True
    first = doc.read_text(encoding="utf-8")
    assert first.startswith("# Command line\n\n## Exit codes\n\nhand-written\n")
    assert first.count(BEGIN) == 1 and first.rstrip().endswith(END)
    # a stale section is replaced, not appended to, and what follows it stays
    stale = first.replace("Usage: chaingraph gaps", "Usage: chaingraph gaps-old") + "\n## After\n\nkept\n"
    doc.write_text(stale, encoding="utf-8")
    with pytest.raises(ReferenceOutOfDate):
        update_reference(doc, check=True)
    assert update_reference(doc) is True
    again = doc.read_text(encoding="utf-8")
    assert "gaps-old" not in again and again.count(BEGIN) == 1 and again.endswith("## After\n\nkept\n")
    assert update_reference(doc, check=True) is False


def test_a_changed_help_makes_the_check_fail(tmp_path: Path) -> None:
    @click.group()
    def tool() -> None:
        """A tool."""

    @tool.command()
    @click.option("--size", help="How big.")
    def run(size: str) -> None:
        """Run it."""

    doc = tmp_path / "cli.md"
    doc.write_text("# Tool\n", encoding="utf-8")
    update_reference(doc, root=tool)
    assert update_reference(doc, check=True, root=tool) is False
    run.params[0].help = "How large."
    with pytest.raises(ReferenceOutOfDate):
        update_reference(doc, check=True, root=tool)
