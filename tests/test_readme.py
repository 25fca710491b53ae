"""README.md stays true: every tour block that shows a command on the bundled dataset and its output is re-run.

A block is a ```text fence whose first line is ``$ chaingraph ...``. Its output lines must appear in the actual
output in order; a line ``...`` stands for any number of lines, and trailing spaces do not count. Blocks whose
command names another dataset (``--data``) or a file to write are shown for illustration and not run here.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from chaingraph.cli import cli

README = Path(__file__).resolve().parent.parent / "README.md"


def _blocks() -> list[tuple[str, list[str]]]:
    blocks = []
    for match in re.finditer(r"```text\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S):
        lines = match.group(1).rstrip("\n").split("\n")
        if not lines[0].startswith("$ chaingraph ") or "--data" in lines[0] or " -o " in lines[0]:
            continue
        blocks.append((lines[0][2:], lines[1:]))
    return blocks


def _matches(shown: list[str], actual: list[str]) -> bool:
    """``shown`` appears in ``actual`` in order, ``...`` skipping any number of lines."""
    position = 0
    skipping = False
    for line in shown:
        if line.strip() == "...":
            skipping = True
            continue
        line = line.rstrip()
        while position < len(actual) and actual[position].rstrip() != line:
            if not skipping:
                return False
            position += 1
        if position == len(actual):
            return False
        position += 1
        skipping = False
    return True


def test_readme_has_tour_blocks() -> None:
    assert len(_blocks()) >= 4


@pytest.mark.parametrize(("command", "shown"), _blocks(), ids=[b[0] for b in _blocks()])
def test_readme_tour_output_is_what_the_command_prints(command: str, shown: list[str]) -> None:
    result = CliRunner().invoke(cli, shlex.split(command)[1:])
    assert result.exit_code == 0, result.output
    actual = result.output.rstrip("\n").split("\n")
    assert _matches(shown, actual), f"README shows for `{command}`:\n" + "\n".join(shown) + \
        "\n\nbut the command prints:\n" + result.output
