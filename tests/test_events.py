"""Project events (events.csv): reading, validation, the status they give a project, round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from chaingraph import load_dataset
from chaingraph.dataset.fixtures import write_tiny_dataset
from chaingraph.dataset.reader import validate_dataset
from chaingraph.dataset.writer import write_dataset
from chaingraph.errors import DatasetError

EVENTS = """\
project,date,kind,amount,sources,evidence,note
core-project,2024-01,signed,3400万美元,src-demo,签约,
core-project,2024-06,started,,src-demo,开工,
core-project,2025-03,operating,,src-demo,投产,
core-project,2025-05,capital_increase,500万美元,src-demo,增资,
"""


def _tiny(tmp_path: Path, events: str | None = EVENTS) -> Path:
    root = write_tiny_dataset(tmp_path / "tiny")
    if events is not None:
        (root / "events.csv").write_text(events, encoding="utf-8")
    return root


def test_latest_event_sets_status_and_stage_dates(tmp_path: Path) -> None:
    ds = load_dataset(_tiny(tmp_path))
    project = ds.projects["core-project"]
    assert project.status == "operating"
    assert str(project.start_date) == "2024-06"
    assert [e.kind for e in ds.events] == ["signed", "started", "operating", "capital_increase"]
    assert str(ds.events[-1].amount) == "5000000 USD"


def test_projects_without_events_keep_projects_csv(tmp_path: Path) -> None:
    ds = load_dataset(_tiny(tmp_path, None))
    assert ds.projects["core-project"].status == "signed"
    assert ds.events == []


def test_events_round_trip(tmp_path: Path) -> None:
    ds = load_dataset(_tiny(tmp_path))
    out = write_dataset(ds, tmp_path / "copy")
    again = load_dataset(out)
    assert again.events == ds.events
    assert again.projects["core-project"].status == "operating"
    assert (out / "events.csv").read_text(encoding="utf-8").splitlines()[0] == \
        "project,date,kind,amount,sources,evidence,note"


@pytest.mark.parametrize(("rows", "line", "field", "words"), [
    ("core-project,2023-05,operating,,src-demo,,\n", 2, "date", "before the project was signed"),
    ("core-project,2024-01,signed,,src-demo,,\ncore-project,2024-08,trial,,,,\ncore-project,2024-03,started,,,,\n"
     "core-project,2024-02,trial,,,,\n", 5, "date", "before the project was started"),
    ("nobody,2024-02,started,,,,\n", 2, "project", "unknown project 'nobody'"),
    ("core-project,2024-02,opened,,,,\n", 2, "kind", "opened"),
    ("core-project,2024-02,capital_increase,,src-demo,,\n", 2, "amount", "needs the amount"),
    ("core-project,someday,started,,,,\n", 2, "date", "not a date"),
    ("core-project,2024-02,started,,no-such-source,,\n", 2, "sources", "unknown source"),
    ("core-project,2024-02,cancelled,,,,\ncore-project,2024-09,started,,,,\n", 3, "kind", "after the project was "
     "cancelled"),
])
def test_bad_events_are_reported_by_file_line_and_field(tmp_path: Path, rows: str, line: int, field: str,
                                                         words: str) -> None:
    root = _tiny(tmp_path, "project,date,kind,amount,sources,evidence,note\n" + rows)
    problems = [p for p in validate_dataset(root) if p.file == "events.csv"]
    assert any(p.line == line and p.field == field and words in p.message for p in problems), problems
    with pytest.raises(DatasetError):
        load_dataset(root)
