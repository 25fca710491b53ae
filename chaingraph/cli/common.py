"""What the command modules share: the state object, the common options, error handling and output helpers.

Every command module (``main`` and its siblings) imports from here; nothing here imports a command module, so
the command line has no import circles.
"""

from __future__ import annotations

import functools
import io
import json
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, redirect_stdout
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..errors import ChaingraphError
from ..labels import PROJECT_STATUS_LABELS
from ..messages import msg, render
from ..outputs.lang import DEFAULT_LANG, LANG_ENV, LANGS

if TYPE_CHECKING:
    from ..dataset.graph import ChainGraph
    from ..dataset.store import Dataset



__all__ = ["DATA_ENV", "reference_option",
           "STATUSES", "TIER_CN", "PROJECT_STATUS_CN", "CliError", "LocalUsageError", "current_lang",
           "echo_wrote",
           "State", "pass_state", "output_option",
           "format_option", "backend_options", "wait_option", "as_of_option", "region_option"]

DATA_ENV = "CHAINGRAPH_DATA"
"""Where ``--data`` defaults from: :data:`chaingraph.dataset.DATA_ENV`, spelt out like :data:`STATUSES`."""
STATUSES = ("strong", "weak", "pipeline", "claimed", "missing", "unknown")
"""The statuses ``--status`` accepts: :data:`chaingraph.analysis.gaps.STATUSES` (a test keeps them equal), spelt
out here so that building the command line does not import the analysis."""
TIER_CN = {"upstream": "上游", "midstream": "中游", "downstream": "下游"}
PROJECT_STATUS_CN = PROJECT_STATUS_LABELS["zh"]


def current_lang(args: Sequence[str] = ()) -> str:
    """The language of ``--lang`` for this run: the state's, else ``args`` or $CHAINGRAPH_LANG, else Chinese."""
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root() if ctx is not None else None
    if root is not None and isinstance(root.obj, State):
        return root.obj.lang
    if root is not None and root.params.get("lang") in LANGS:  # parsed, the command not yet started
        return str(root.params["lang"])
    for i, arg in enumerate(args):  # the options could not be parsed: look for --lang by hand
        value = arg[len("--lang="):] if arg.startswith("--lang=") else (
            args[i + 1] if arg == "--lang" and i + 1 < len(args) else None)
        if value in LANGS:
            return value
    env = os.environ.get(LANG_ENV, "")
    return env if env in LANGS else DEFAULT_LANG


def echo_wrote(path: Path, size: int | None = None) -> None:
    """The note on stderr that a file was written (with its size when given), in the run's language."""
    name = click.format_filename(path)
    note = msg("wrote {path}", path=name) if size is None else msg("wrote {path} ({kib} KiB)", path=name,
                                                                       kib=f"{size / 1024:.0f}")
    click.echo(render(note, current_lang()), err=True)


def _echo_error(text: str, lang: str, file: Any = None) -> None:
    click.echo(f"错误：{text}" if lang == "zh" else f"Error: {text}", file=file, err=file is None)


class CliError(click.ClickException):
    """An error shown as one line on stderr, in the language of ``--lang``, with its own exit code."""

    def __init__(self, message: str, exit_code: int, lang: str | None = None) -> None:
        super().__init__(message)
        self.exit_code = exit_code  # type: ignore[misc]  # click declares it on the class; ours varies
        self.lang = lang

    def format_message(self) -> str:
        return render(self.message, self.lang or current_lang())

    def show(self, file: Any = None) -> None:
        _echo_error(self.format_message(), self.lang or current_lang(), file)


class LocalUsageError(click.UsageError):
    """A usage error (ours or click's) with its usage line, hint and message in the language of ``--lang``."""

    def __init__(self, message: str, ctx: click.Context | None, lang: str) -> None:
        super().__init__(message, ctx)
        self.lang = lang

    def format_message(self) -> str:
        return render(self.message, self.lang)

    def show(self, file: Any = None) -> None:
        if self.lang != "zh":
            super().show(file)
            return
        ctx = self.ctx
        if ctx is not None:
            usage = ctx.get_usage()
            usage = "用法：" + usage[len("Usage: "):] if usage.startswith("Usage: ") else usage
            hint = ""
            if ctx.command.get_help_option(ctx) is not None:
                hint = f"运行 '{ctx.command_path} {ctx.help_option_names[0]}' 查看帮助。\n"
            click.echo(f"{usage}\n{hint}", file=file, err=file is None, color=ctx.color)
        _echo_error(self.format_message(), self.lang, file)


_PARAM_KINDS_ZH = {"option": "选项", "argument": "参数", "parameter": "参数"}
_CLICK_ZH = (  # click's own messages (click 8.1-8.3), for the usage errors a planner meets most
    (r"'(.*)' is not one of (.*)\.", "'{0}' 不是可选值 {1} 之一。"),
    (r"'(.*)' is not a valid (float|integer|float range|integer range)\.", "'{0}' 不是有效的数字。"),
    (r"'(.*)' is not a valid boolean\.", "'{0}' 不是有效的是/否值。"),
    (r"(.*) is not in the range (.*)\.", "{0} 不在范围 {1} 内。"),
    (r"(File|Directory|Path) '(.*)' does not exist\.", "'{1}' 不存在。"),
    (r"(File|Directory|Path) '(.*)' is a directory\.", "'{1}' 是文件夹。"),
    (r"(File|Directory|Path) '(.*)' is a file\.", "'{1}' 是文件，不是文件夹。"),
    (r"No such command '(.*)'\. Did you mean '(.*)'\?", "没有命令 '{0}'。是不是要用 '{1}'？"),
    (r"No such command '(.*)'\.", "没有命令 '{0}'。"),
    (r"Got unexpected extra arguments? \((.*)\)", "多余的参数（{0}）"),
    (r"Option '(.*)' requires an argument\.", "选项 '{0}' 需要一个值。"),
    (r"Option '(.*)' requires (\d+) arguments\.", "选项 '{0}' 需要 {1} 个值。"),
    (r"Missing command\.", "缺少命令。"),
    (r"'(.*)' is not (.*)\.", "'{0}' 不是 {1}。"),  # after the more precise 'is not a valid ...'
)


def _click_zh(text: str) -> str | None:
    import re

    for pattern, zh in _CLICK_ZH:
        match = re.fullmatch(pattern, text.strip(), flags=re.S)
        if match:
            return zh.format(*match.groups())
    return None


def click_error_zh(exc: click.UsageError) -> str:
    """A click usage error in Chinese: the common ones by their kind, others by pattern, else click's English."""
    from ..messages import Message

    if isinstance(exc.message, Message):
        return exc.message.render("zh")
    ctx = exc.ctx
    if isinstance(exc, click.MissingParameter):
        kind = _PARAM_KINDS_ZH.get(exc.param_type or (exc.param.param_type_name if exc.param else "parameter"),
                                   "参数")
        hint = exc.param_hint if exc.param_hint is not None else (
            exc.param.get_error_hint(ctx) if exc.param is not None and ctx is not None else "")
        return f"缺少{kind} {hint}。".replace(" 。", "。")
    if isinstance(exc, click.NoSuchOption):
        text = f"没有选项 {exc.option_name}。"
        if exc.possibilities:
            text += f"是不是要用 {', '.join(sorted(exc.possibilities))}？"
        return text
    if isinstance(exc, click.BadParameter):
        inner = render(exc.message, "zh")
        inner = _click_zh(inner) or inner
        given: Any = exc.param_hint if exc.param_hint is not None else (
            exc.param.get_error_hint(ctx) if exc.param is not None and ctx is not None else None)
        if given is None:
            return f"值无效：{inner}"
        if isinstance(given, (tuple, list)):
            given = " / ".join(f"'{h}'" for h in given)
        return f"{given} 的值无效：{inner}"
    text = exc.format_message()
    return _click_zh(text) or text


def localise_usage_error(exc: click.UsageError, lang: str) -> click.UsageError:
    """``exc`` shown in ``lang``: Chinese frames and message for ``zh``, our English messages for ``en``."""
    if isinstance(exc, LocalUsageError):
        return exc
    text = click_error_zh(exc) if lang == "zh" else exc.format_message()
    local = LocalUsageError(text, exc.ctx, lang)
    local.exit_code = exc.exit_code  # type: ignore[misc]  # click declares it on the class
    return local


class _Group(click.Group):
    """Turns library errors into one clear message and a documented exit code, and loads lazy commands."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy: dict[str, tuple[str, str]] = {}

    def add_lazy_command(self, name: str, target: str, summary: str) -> None:
        """Register ``module:attribute`` as command ``name``; ``summary`` is what ``--help`` lists for it."""
        self.lazy[name] = (target, summary)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        command = super().get_command(ctx, name)
        if command is None and name in self.lazy:
            import importlib

            module, attribute = self.lazy[name][0].split(":")
            command = getattr(importlib.import_module(module), attribute)
            self.add_command(command, name)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of ``--help``, from the registered summaries (without importing lazy commands)."""
        limit = formatter.width - 6 - max(len(name) for name in self.list_commands(ctx))
        rows = []
        for name in self.list_commands(ctx):
            command = self.commands.get(name)
            if command is not None:
                if command.hidden:
                    continue
                rows.append((name, command.get_short_help_str(limit)))
            else:
                rows.append((name, click.Command(name, help=self.lazy[name][1]).get_short_help_str(limit)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        given = list(args)  # the parser consumes the list
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:  # the group's own options (--lang xx, --data)
            raise localise_usage_error(exc, current_lang(given)) from exc

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ChaingraphError as exc:
            lang = current_lang()
            raise CliError(exc.render(lang), exc.exit_code, lang) from exc
        except click.UsageError as exc:
            raise localise_usage_error(exc, current_lang()) from exc
        except CliError as exc:
            if exc.lang is None:  # shown after the context is gone: remember the language now
                exc.lang = current_lang()
            raise
        except BrokenPipeError:  # `chaingraph firms | head`
            sys.stderr.close()
            ctx.exit(0)


class State:
    """What the commands share: the dataset folder, loaded on first use."""

    def __init__(self, data: Path | None, lang: str = DEFAULT_LANG) -> None:
        self.data = data
        self.lang = lang
        self._graph: ChainGraph | None = None

    @property
    def path(self) -> Path:
        from ..dataset.store import default_dataset_path

        return self.data if self.data is not None else default_dataset_path()

    @property
    def graph(self) -> ChainGraph:
        if self._graph is None:
            from ..dataset.graph import build_graph
            from ..dataset.reader import load_dataset

            self._graph = build_graph(load_dataset(self.path))
        return self._graph

    @property
    def dataset(self) -> Dataset:
        return self.graph.dataset

    def use_as_of(self, as_of: str | None) -> None:
        """From now on, answer from the dataset as it stood on ``as_of`` (nothing changes for ``None``)."""
        if as_of is not None:
            from ..analysis.asof import dataset_as_of
            from ..dataset.graph import build_graph

            self._graph = build_graph(dataset_as_of(self.dataset, as_of))


pass_state = click.make_pass_decorator(State)


CSV_ENCODINGS = ("auto", "utf-8", "utf-8-sig", "gb18030")


def _remember_encoding(ctx: click.Context, param: click.Parameter, value: str) -> str:
    ctx.meta["chaingraph.csv_encoding"] = value
    return value


def output_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``-o FILE``: what the command prints to standard output goes to FILE instead, written atomically.

    The output is collected first and the file replaced only when the command succeeded, so a failed run leaves
    the old file as it was; ``-`` (or no option) is standard output.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, output: Path | None = None, **kwargs: Any) -> Any:
        if output is None or str(output) == "-":
            return func(*args, **kwargs)
        buffer = io.StringIO()
        with redirect_stdout(buffer):
            result = func(*args, **kwargs)
        from ..dataset.writer import atomic_write_text

        atomic_write_text(output, buffer.getvalue())
        echo_wrote(output)
        return result

    return click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path, allow_dash=True),
                        default=None, metavar="FILE",
                        help="Write to FILE (replaced atomically) instead of standard output; - for standard "
                             "output.")(wrapper)


def format_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--format table|json|csv``, ``--encoding`` for CSV and ``-o FILE``: every listing takes them."""
    func = output_option(func)
    func = click.option("--encoding", type=click.Choice(CSV_ENCODINGS), default="auto", show_default=True,
                        expose_value=False, callback=_remember_encoding,
                        help="With --format csv: the text encoding. auto: UTF-8 with a BOM when the output is a "
                             "file (Excel on Chinese Windows then opens it correctly), plain UTF-8 into a pipe; "
                             "gb18030 for older Excel and WPS.")(func)
    return click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                        show_default=True, help="Output format.")(func)


def backend_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--dataset", "neo4j_dataset", metavar="ID",
                        help="With --backend neo4j: the dataset id in Neo4j (default: the id in the dataset "
                             "folder's dataset.yaml).")(func)
    return click.option("--backend", type=click.Choice(["auto", "networkx", "snapshot", "neo4j"]), default="auto",
                        show_default=True,
                        help="Where the analysis runs: in memory (networkx), from the compiled snapshot "
                             "(docs/performance.md), or by Cypher on the Neo4j server of NEO4J_URI "
                             "(docs/neo4j.md). auto: the snapshot when one is compiled or the dataset is large, "
                             "else in memory; the results are the same.")(func)


def wait_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--wait SECONDS`` for commands that change a dataset folder (docs/reliability.md)."""
    return click.option("--wait", "wait", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
                        help="How long to wait when another process is changing the same dataset "
                             "(default: $CHAINGRAPH_LOCK_WAIT or 10; 0: do not wait).")(func)


@contextmanager
def _analysis_source(state: State, backend: str, neo4j_dataset: str | None, as_of: str | None = None
                     ) -> Iterator[Any]:
    """The graph, the snapshot or the Neo4j facts the analysis reads (:func:`chaingraph.open` decides).

    With ``as_of``, the dataset as it stood on that date, in memory (a note says so for another backend).
    """
    from ..api import open_engine

    if neo4j_dataset and backend != "neo4j":
        raise click.UsageError(msg("--dataset applies only with --backend neo4j"))

    def announce(path: Path) -> None:
        click.echo(f"chaingraph: 正在编译 {state.path} 的快照（数据集每次改动后一次）……" if state.lang == "zh" else
                   f"chaingraph: compiling a snapshot of {state.path} (once per change of the dataset) ...", err=True)

    def uncached(message: str) -> None:
        click.echo(f"chaingraph: {render(message, state.lang)}", err=True)

    if as_of is not None:
        with open_engine(state.path, backend, neo4j_dataset=neo4j_dataset, as_of=as_of) as engine:
            if engine.note:
                click.echo(f"chaingraph: {render(engine.note, state.lang)}", err=True)
            yield engine.graph
        return
    with open_engine(state.path, backend, neo4j_dataset=neo4j_dataset, on_compile=announce,
                     on_uncached=uncached) as engine:
        # in memory, the graph the other commands of this run use; otherwise the engine's own facts
        yield state.graph if engine.backend == "networkx" else engine.facts


def as_of_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--as-of", "as_of", metavar="DATE",
                        help="The chain as it stood on DATE (2021-12-31, 2021, 2022-06): firms and links first "
                             "sourced later, and projects not yet signed, are left out (docs/time.md).")(func)


def region_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--region", "-r", metavar="REGION",
                        help="Region id or name (平湖, pinghu); default: the dataset's default region.")(func)


def _json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _csv_encoding() -> str:
    ctx = click.get_current_context(silent=True)
    chosen = ctx.meta.get("chaingraph.csv_encoding", "auto") if ctx is not None else "auto"
    if chosen != "auto":
        return str(chosen)
    try:
        to_file = stat.S_ISREG(os.fstat(sys.stdout.fileno()).st_mode)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        to_file = False
    return "utf-8-sig" if to_file else "utf-8"


def _csv(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A listing as CSV on stdout: every cell neutralised against formula injection (chaingraph.safety)."""
    import csv  # here, not at start-up: only --format csv needs them

    from ..safety import neutralise_cell

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([neutralise_cell("|".join(map(str, c)) if isinstance(c, list) else ("" if c is None else c))
                         for c in row])
    encoding = _csv_encoding()
    data = buffer.getvalue().encode(encoding, errors="replace")
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:  # a text-only stdout (tests capturing output): no BOM, the text itself
        click.echo(buffer.getvalue(), nl=False)
        return
    sys.stdout.flush()
    stream.write(data)
    stream.flush()


def _fit(widths: list[int]) -> list[int]:
    """Column limits for a table whose last column (0) takes the rest of the terminal, or everything when piped."""
    if not sys.stdout.isatty():
        return [*widths[:-1], 0]
    import shutil

    columns = shutil.get_terminal_size((120, 24)).columns
    rest = columns - sum(widths[:-1]) - 2 * (len(widths) - 1)
    return [*widths[:-1], max(24, rest)]


def _range(low: float, high: float | None) -> str:
    """``19%``, or ``0%–63%`` when sources claim more than the firms show."""
    if high is None or round(high * 100) == round(low * 100):
        return _pct(low)
    return f"{_pct(low)}–{_pct(high)}"


def _pct(x: float) -> str:
    return f"{x * 100:.0f}%"


reference_option = click.option(
    "--reference/--no-reference", default=True, show_default=True,
    help="Use chaingraph's reference list of known firms (leading firms of the bundled chains and their groups) "
         "besides the dataset's own firms (classify, import --classify).")
