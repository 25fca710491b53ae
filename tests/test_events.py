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


# ------------------------------------------------------------------------------------- import (sheets) and merge

def _sheet(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_import_project_sheet_records_dated_steps_as_events(tmp_path: Path) -> None:
    from chaingraph.sources.sheets import import_sheet

    root = _tiny(tmp_path, None)
    sheet = _sheet(tmp_path / "projects.csv", "企业名称,项目名称,所属环节,签约时间,开工时间,项目状态,状态日期\n"
                   "铁芯新公司,铁芯项目,铁芯,2024-01,2024-06,投产,2025-03-18\n")
    plan = import_sheet(root, sheet)
    assert plan.counts()["add event"] == 3
    ds = load_dataset(root)
    assert [(e.kind, str(e.date)) for e in ds.events] == [("signed", "2024-01"), ("started", "2024-06"),
                                                          ("operating", "2025-03-18")]
    assert ds.projects["core-project"].status == "operating"
    sheet_source = next(s.id for s in ds.sources.values() if s.title == "projects.csv" and s.kind == "list")
    assert all(e.sources == [sheet_source] for e in ds.events)
    again = import_sheet(root, sheet)
    assert not again.applied and again.counts()["same event"] == 3


def test_import_undated_status_keeps_the_row_out_of_the_history(tmp_path: Path) -> None:
    from chaingraph.sources.sheets import import_sheet

    root = _tiny(tmp_path, None)
    sheet = _sheet(tmp_path / "p.csv", "企业名称,项目名称,所属环节,签约时间,开工时间,项目状态\n"
                   "铁芯新公司,铁芯项目,铁芯,2024-01,2024-06,投产\n")
    plan = import_sheet(root, sheet)
    assert "add event" not in plan.counts()
    assert any("状态日期" in w for w in plan.warnings)
    assert not (root / "events.csv").exists()
    assert load_dataset(root).projects["core-project"].status == "operating"


def test_import_events_sheet_appends_with_its_source(tmp_path: Path) -> None:
    from chaingraph.sources.sheets import import_sheet

    root = _tiny(tmp_path)
    sheet = _sheet(tmp_path / "events.csv", "项目,事件,日期,金额,来源,原文\n"
                   "铁芯项目,增资,2025-09,800万美元,https://news.example.com/a/1,增资800万美元\n"
                   "core-project,取消,2025-12-01,,演示日报 2025-12-02,项目终止\n")
    plan = import_sheet(root, sheet)
    assert plan.counts()["add event"] == 2 and plan.counts()["add source"] >= 2
    ds = load_dataset(root)
    added = ds.events[-2:]
    assert [(e.kind, str(e.amount or "")) for e in added] == [("capital_increase", "8000000 USD"),
                                                              ("cancelled", "")]
    assert ds.sources[added[0].sources[0]].url == "https://news.example.com/a/1"
    assert ds.sources[added[1].sources[0]].title == "演示日报 2025-12-02"
    assert ds.projects["core-project"].status == "cancelled"


@pytest.mark.parametrize(("rows", "words"), [
    ("core-project,试生产,2023-05,,\n", "contradicts the trial production of 2024-Q4 already recorded for core-project "
                                     "(projects.csv)"),
    ("core-project,开工,2024-07,,\n", "contradicts the construction started of 2024-06 already recorded for "
                                    "core-project (events.csv)"),
    ("core-project,增资,2025-06,,\n", "needs its 金额"),
    ("nobody,开工,2024-07,,\n", "unknown project"),
    ("core-project,开张,2024-07,,\n", "unknown event"),
    ("core-project,开工,2099-07,,\n", "still to come"),
])
def test_import_events_sheet_refuses_contradictions_with_row_and_column(tmp_path: Path, rows: str,
                                                                          words: str) -> None:
    from chaingraph.sources.sheets import SheetError, import_sheet

    root = _tiny(tmp_path)
    before = (root / "events.csv").read_bytes()
    sheet = _sheet(tmp_path / "ev.csv", "项目,事件,日期,金额,来源\n" + rows)
    with pytest.raises(SheetError) as caught:
        import_sheet(root, sheet)
    problem = caught.value.problems[0]
    assert problem.line == 2 and words in problem.message, caught.value.problems
    assert (root / "events.csv").read_bytes() == before


def test_a_contradicting_event_is_named_in_words_in_either_language(tmp_path: Path) -> None:
    from chaingraph.sources.sheets import SheetError, import_sheet

    root = _tiny(tmp_path)
    sheet = _sheet(tmp_path / "ev.csv", "项目,事件,日期,金额,来源\ncore-project,开工,2024-07,,\n")
    with pytest.raises(SheetError) as caught:
        import_sheet(root, sheet)
    problem = caught.value.problems[0]
    assert "2024-07 的开工与 core-project 已记录的 2024-06 开工矛盾" in problem.render("zh")
    assert "started" not in problem.render("zh")
    assert "construction started on 2024-07 contradicts" in problem.render("en")


def test_import_status_that_contradicts_recorded_events_is_a_problem(tmp_path: Path) -> None:
    from chaingraph.sources.sheets import SheetError, import_sheet

    root = _tiny(tmp_path)  # events say operating since 2025-03
    sheet = _sheet(tmp_path / "p.csv", "企业名称,项目名称,所属环节,项目状态\n铁芯新公司,铁芯项目,铁芯,在建\n")
    with pytest.raises(SheetError, match="does not match the project's events"):
        import_sheet(root, sheet)


def _article(source: str, day: str, *project_facts: tuple[str, str, str]) -> list:
    from chaingraph.sources.extract import Fact

    facts = [Fact("source", source, "title", f"演示报道 {day}"), Fact("source", source, "date", day)]
    return facts + [Fact("project", "铁芯项目", field, value, evidence=evidence)
                    for field, value, evidence in project_facts]


def test_merge_turns_reported_statuses_into_events_and_appends_later_ones(tmp_path: Path) -> None:
    from chaingraph.sources.merge import apply_merge, plan_merge, undo_merge

    root = _tiny(tmp_path, None)
    first = plan_merge(load_dataset(root), _article("art-1", "2024-07-01", ("status", "under_construction", "已开工"),
                                                    ("start_date", "2024-06", "6月开工")))
    assert [(c.kind, c.new) for c in first.changes if c.record == "event"] == [("new", "started 2024-06")]
    apply_merge(root, first)
    ds = load_dataset(root)
    assert [(e.kind, str(e.date), e.sources) for e in ds.events] == [("started", "2024-06", ["art-1"])]
    assert ds.projects["core-project"].status == "under_construction"

    later = plan_merge(ds, _article("art-2", "2025-04-02", ("status", "operating", "正式投产")))
    apply_merge(root, later)
    ds = load_dataset(root)
    assert [(e.kind, str(e.date)) for e in ds.events] == [("started", "2024-06"), ("operating", "2025-04-02")]
    assert "报道日期" in ds.events[-1].note and ds.projects["core-project"].status == "operating"
    # the same article again records nothing new
    assert not plan_merge(ds, _article("art-2", "2025-04-02", ("status", "operating", "正式投产"))).changed
    undo_merge(root)
    assert [e.kind for e in load_dataset(root).events] == ["started"]


@pytest.mark.parametrize(("events", "day", "facts", "words"), [
    (None, "2023-05-01", [("status", "operating", "已投产")], "before the project was signed (2024-01)"),
    (EVENTS, "2025-01-01", [("status", "cancelled", "项目终止")], "comes after the project was cancelled"),
    (EVENTS, "2025-06-01", [("status", "under_construction", "在建"), ("start_date", "2024-09", "9月开工")],
     "started 2024-06"),
])
def test_merge_reports_events_out_of_order_as_conflicts(tmp_path: Path, events: str | None, day: str, facts: list,
                                                        words: str) -> None:
    from chaingraph.sources.merge import plan_merge

    ds = load_dataset(_tiny(tmp_path, events))  # EVENTS: signed 2024-01, started 2024-06, operating 2025-03
    plan = plan_merge(ds, _article("art-x", day, *facts))
    events_changed = [c for c in plan.changes if c.record == "event"]
    assert [c.kind for c in events_changed] == ["conflict"]
    assert words in str(events_changed[0]), str(events_changed[0])
    assert plan.dataset.events == ds.events
    assert plan.dataset.projects["core-project"].status == ds.projects["core-project"].status


def test_merge_leaves_a_planned_date_out_of_the_history(tmp_path: Path) -> None:
    from chaingraph.sources.merge import plan_merge

    ds = load_dataset(_tiny(tmp_path, None))
    plan = plan_merge(ds, _article("art-3", "2024-03-01", ("trial_date", "2024-12", "预计年底试产")))
    assert [(c.kind, c.reason) for c in plan.changes if c.record == "event"] == [
        ("skip", "after the article's date (2024-03-01): a plan")]
    assert plan.dataset.events == []


def test_dates_and_statuses_of_projects_csv_are_never_overridden_by_new_events(tmp_path: Path) -> None:
    from chaingraph.sources.merge import plan_merge
    from chaingraph.sources.sheets import import_sheet

    root = _tiny(tmp_path, None)
    projects = root / "projects.csv"
    # no events; projects.csv says started 2024-03 and operating (a status without a date)
    projects.write_text(projects.read_text(encoding="utf-8").replace(
        "new,signed,2024-01,,2024-Q4", "new,operating,2024-01,2024-03,2024-Q4"), encoding="utf-8")
    ds = load_dataset(root)
    # an article reporting construction, dated by the article, says nothing new: started is recorded (2024-03)
    plan = plan_merge(ds, _article("art-5", "2024-08-01", ("status", "under_construction", "在建")))
    assert [c.kind for c in plan.changes if c.record == "event"] == ["same"]
    # a signing date alone would set the operating project back to signed: skipped, not written
    plan = plan_merge(ds, _article("art-6", "2024-08-01", ("date", "2024-01", "1月签约")))
    assert [(c.kind, c.reason.split(":")[0]) for c in plan.changes if c.record == "event"] == [
        ("skip", "the project is operating already (projects.csv)")]
    assert plan.dataset.events == [] and plan.dataset.projects["core-project"].status == "operating"
    # the same from a sheet: the row's dates are left out of the history, with a warning
    sheet = _sheet(tmp_path / "p.csv", "企业名称,项目名称,所属环节,签约时间\n铁芯新公司,铁芯项目,铁芯,2024-01\n")
    result = import_sheet(root, sheet)
    assert "add event" not in result.counts() and any("状态日期" in w for w in result.warnings)
    assert load_dataset(root).projects["core-project"].status == "operating"
