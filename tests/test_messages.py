"""Every message a person reads is a template with a Chinese translation (chaingraph.messages).

The package's source is walked: every ``msg("...")`` template must have an entry in the Chinese catalogue with
the same placeholders, and every raise of a chaingraph error, every :class:`Problem` and every problem reported
by the dataset and sheet readers must carry a message built by ``msg`` (a literal or f-string there would reach a
planner untranslated).
"""

from __future__ import annotations

import ast
import pickle
import string
from pathlib import Path

import pytest

from chaingraph.errors import DatasetError, LookupFailed, ParseError, Problem
from chaingraph.messages import PLURAL_PARAMS, Message, message_of, msg, noun, render
from chaingraph.messages_zh import ZH

PACKAGE = Path(__file__).resolve().parent.parent / "chaingraph"

# the exceptions a planner can see, and the helpers that take a message to a person (function, message argument)
ERRORS = {"ChaingraphError", "DatasetError", "LookupFailed", "ParseError", "InvalidArgument", "BackendError",
          "ExportError", "LimitExceeded", "CliError", "UsageError", "BadParameter", "ClickException", "SheetError"}
MESSAGE_ARGS = {"Problem": 3, "_refuse": 1}
MODULE_MESSAGE_ARGS = {"dataset/reader.py": {"add": 3, "warn": 3, "problem": 1},
                       "sources/sheets.py": {"problem": 2}, "sources/merge.py": {"bad": 0}}
# raises left in English on purpose: programming errors of a library caller, never a planner's input, and
# exceptions caught inside the package and turned into a translated error (ModuleNotFoundError in html_map)
NOT_FOR_PLANNERS = {"AttributeError", "ValueError", "TypeError", "RuntimeError", "NotImplementedError",
                    "ReferenceOutOfDate", "ModuleNotFoundError"}


def _sources() -> list[tuple[str, ast.Module]]:
    return [(str(p.relative_to(PACKAGE)), ast.parse(p.read_text(encoding="utf-8")))
            for p in sorted(PACKAGE.rglob("*.py")) if "data" not in p.relative_to(PACKAGE).parts[:1]]


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _templates() -> list[tuple[str, int, str]]:
    found = []
    for rel, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) == "msg" and node.args:
                arg = node.args[0]
                assert isinstance(arg, ast.Constant) and isinstance(arg.value, str), (
                    f"{rel}:{node.lineno}: msg() takes a literal template, not {ast.unparse(arg)}")
                found.append((rel, node.lineno, arg.value))
    return found


def _fields(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_walk_finds_the_messages() -> None:
    templates = _templates()
    assert len(templates) > 250
    assert any(t == "{ENV_URI}={safe_uri} is not a valid URI (e.g. bolt://localhost:7687)" for _, _, t in templates)


def test_every_template_has_a_chinese_entry_with_the_same_placeholders() -> None:
    missing, differ = [], []
    for rel, line, template in _templates():
        zh = ZH.get(template)
        if zh is None:
            missing.append(f"{rel}:{line}: {template!r}")
            continue
        en_fields, zh_fields = _fields(template), _fields(zh)
        if not zh_fields <= en_fields or en_fields - zh_fields - PLURAL_PARAMS:
            differ.append(f"{rel}:{line}: {sorted(en_fields)} vs {sorted(zh_fields)}: {template!r}")
    assert not missing, "no Chinese entry:\n" + "\n".join(missing)
    assert not differ, "placeholders differ:\n" + "\n".join(differ)


def test_the_catalogue_holds_no_stale_entries() -> None:
    used = {t for _, _, t in _templates()}
    stale = sorted(set(ZH) - used)
    assert not stale, "entries no msg() uses any more:\n" + "\n".join(stale)


def _plain_text(node: ast.expr) -> bool:
    """A message written as text (a literal, an f-string, a concatenation or str(...)) instead of msg(...)."""
    if isinstance(node, (ast.Constant, ast.JoinedStr)):
        return isinstance(node, ast.JoinedStr) or isinstance(node.value, str)
    if isinstance(node, ast.BinOp):
        return _plain_text(node.left) or _plain_text(node.right)
    if isinstance(node, ast.Call) and _name(node.func) in ("str", "format"):
        return True
    return False


def test_every_error_and_problem_carries_a_message() -> None:
    plain = []
    for rel, tree in _sources():
        extra = next((v for k, v in MODULE_MESSAGE_ARGS.items() if rel.endswith(k)), {})
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            index = 0 if name in ERRORS else MESSAGE_ARGS.get(name or "", extra.get(name or ""))
            if index is not None and len(node.args) > index and _plain_text(node.args[index]):
                plain.append(f"{rel}:{node.lineno}: {ast.unparse(node)[:100]}")
    assert not plain, "messages written as plain text (use chaingraph.messages.msg):\n" + "\n".join(plain)


def test_every_raise_with_a_text_is_a_planner_error_or_a_documented_exception() -> None:
    unknown = []
    for rel, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
                name = _name(node.exc.func)
                if name not in ERRORS and name not in NOT_FOR_PLANNERS and _plain_text(node.exc.args[0]):
                    unknown.append(f"{rel}:{node.lineno}: {ast.unparse(node)[:100]}")
    assert not unknown, "raise of an exception neither translated nor documented as a programming error:\n" + \
        "\n".join(unknown)


def test_a_message_reads_english_as_a_str_and_renders_chinese() -> None:
    m = msg("unknown {kind} {text!r}; known: {known}", kind=noun("chain"), text="xx",
            known="automotive, machine-tool")
    assert isinstance(m, str) and m == "unknown chain 'xx'; known: automotive, machine-tool"
    assert m.render("zh") == "未知的产业链 'xx'；已有：automotive, machine-tool"
    assert pickle.loads(pickle.dumps(m)).render("zh") == m.render("zh")
    err = LookupFailed(m)
    assert str(err) == m and err.render("zh") == m.render("zh") and render(err, "zh") == m.render("zh")
    assert message_of(err) is m
    nested = msg("cannot read snapshot {path}: {exc}", path="s.db", exc=ParseError(msg("{text!r} is not a date",
                                                                                    text="x")))
    assert nested.render("zh") == "无法读取快照 s.db：'x' 不是日期"


def test_problems_and_dataset_errors_render_per_language() -> None:
    problems = [Problem("firms.csv", 3, "country", msg("unknown country code {text} (use ISO 3166-1 alpha-2, "
                                                       "e.g. CN, JP, DE)", text="'XX'")),
                Problem("firms.csv", 4, "name", msg("starts with {char!r}", char="="), severity="warning")]
    err = DatasetError(problems, root="city")
    assert str(err).startswith("dataset city has 2 problems:\n  firms.csv:3: country: unknown country code 'XX'")
    zh = err.render("zh")
    assert zh.splitlines()[0] == "数据集 city 有 2 个问题："
    assert zh.splitlines()[1] == ("  firms.csv:3: country: 未知的国家代码 'XX'"
                                  "（请用 ISO 3166-1 两字母代码，如 CN、JP、DE）")
    assert zh.splitlines()[2].startswith("  firms.csv:4: name: 警告: ")
    assert str(problems[1]) == "firms.csv:4: name: warning: starts with '='"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_untranslated_text_stays_as_written(lang: str) -> None:
    assert render(ValueError("plain"), lang) == "plain"
    assert Message("no such template {x}", {"x": 1}).render(lang) == "no such template 1"


def test_a_broken_translation_falls_back_to_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(ZH, "file is missing", "缺少 {nothing}")
    assert msg("file is missing").render("zh") == "file is missing"
