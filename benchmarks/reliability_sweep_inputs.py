"""Hostile-input sweep: broken dataset folders, spreadsheets, proposals and articles, through the real CLI.

    python benchmarks/reliability_sweep_inputs.py            # every case, two at a time
    python benchmarks/reliability_sweep_inputs.py -k yaml    # the cases whose name contains "yaml"
    python benchmarks/reliability_sweep_inputs.py --jobs 1 --timeout 120

Each case copies the tiny dataset into a fresh folder, breaks one thing, runs one ``chaingraph`` command in a
subprocess and checks what a user would: no traceback, the documented exit code (docs/cli.md), a one-line
message, and nothing written (every file of the folder is byte-identical afterwards, no stray file). Some cases
also check the output (a formula neutralised, a secret not echoed). It prints a markdown table (case, exit code,
wall and CPU seconds, message, pass/fail) and a summary; the exit status is 1 if any case failed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECRET = "TOP-SECRET-TOKEN-4242"

Setup = Callable[[Path], list[str]]
Check = Callable[[Path, str, str], str | None]


@dataclass
class Case:
    name: str
    setup: Setup
    expect: tuple[int, ...]
    check: Check | None = None
    changes: tuple[str, ...] = ()  # paths (relative to the work folder) a case may write


# ------------------------------------------------------------------------------------------------ helpers


def ds(work: Path) -> Path:
    return work / "ds"


def write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def replace_file(work: Path, name: str, data: bytes | str) -> None:
    target = ds(work) / name
    if target.exists() or target.is_symlink():
        target.unlink()
    write(target, data)


def symlink(work: Path, name: str, target: Path | str) -> None:
    link = ds(work) / name
    if link.exists() or link.is_symlink():
        link.unlink()
    link.symlink_to(target)


def secret_file(work: Path) -> Path:
    path = work / "outside" / "secret.txt"
    write(path, f"{SECRET},x,y\n{SECRET},1,2\n")
    return path


def csv_lines(work: Path, name: str) -> list[str]:
    return (ds(work) / name).read_text(encoding="utf-8").splitlines()


def set_cell(work: Path, name: str, column: str, value: str, row: int = 1) -> None:
    import csv
    import io

    text = (ds(work) / name).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    rows[row][rows[0].index(column)] = value
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    replace_file(work, name, out.getvalue())


def no_secret(work: Path, out: str, err: str) -> str | None:
    return "the secret was echoed" if SECRET in out + err else None


def stderr_has(*words: str) -> Check:
    def check(work: Path, out: str, err: str) -> str | None:
        missing = [w for w in words if w not in err]
        return f"stderr lacks {missing}" if missing else None
    return check


def stdout_has(*words: str) -> Check:
    def check(work: Path, out: str, err: str) -> str | None:
        missing = [w for w in words if w not in out]
        return f"stdout lacks {missing}" if missing else None
    return check


VALIDATE = ["validate"]

# a text column of each CSV file, and a row that holds a value there
TEXT_COLUMN = {"sources.csv": "title", "groups.csv": "name", "firms.csv": "name", "links.csv": "evidence",
               "ties.csv": "product", "projects.csv": "name", "region_facts.csv": "evidence",
               "citations.csv": "evidence"}
CSV_FILES = tuple(TEXT_COLUMN)
REQUIRED = {"sources.csv", "firms.csv"}


# ------------------------------------------------------------------------------------------------ dataset files


def csv_cases() -> list[Case]:
    cases = []
    for name in CSV_FILES:
        col = TEXT_COLUMN[name]

        def add(label: str, setup: Setup, expect: tuple[int, ...] = (3,), check: Check | None = None,
                name: str = name) -> None:
            cases.append(Case(f"{name} {label}", setup, expect, check))

        add("empty file", lambda w, n=name: (replace_file(w, n, b""), VALIDATE)[1])
        add("only a BOM", lambda w, n=name: (replace_file(w, n, b"\xef\xbb\xbf"), VALIDATE)[1])
        add("binary junk", lambda w, n=name: (replace_file(w, n, bytes(random.Random(1).randrange(256)
                                                                        for _ in range(4000))), VALIDATE)[1])
        add("NUL in a cell", lambda w, n=name, c=col: (set_cell(w, n, c, "a\x00b"), VALIDATE)[1],
            check=stderr_has("U+0000"))
        add("bell control character", lambda w, n=name, c=col: (set_cell(w, n, c, "x\x07"), VALIDATE)[1],
            check=stderr_has("U+0007"))
        add("200 KB cell", lambda w, n=name, c=col: (set_cell(w, n, c, "长" * 200_000), VALIDATE)[1],
            check=stderr_has("131,072"))
        add("quote left open", lambda w, n=name: (replace_file(w, n, "\n".join(csv_lines(w, n)[:1] + [
            '"open' + ",x" * 5] + csv_lines(w, n)[1:]) + "\n"), VALIDATE)[1])
        add("extra cell", lambda w, n=name: (replace_file(w, n, "\n".join(
            [*csv_lines(w, n)[:2], csv_lines(w, n)[1] + ",extra", *csv_lines(w, n)[2:]]) + "\n"), VALIDATE)[1])
        add("unknown column", lambda w, n=name: (replace_file(w, n, "\n".join(
            [csv_lines(w, n)[0] + ",bogus"] + [x + "," for x in csv_lines(w, n)[1:]]) + "\n"), VALIDATE)[1])
        add("symlink to a secret outside", lambda w, n=name: (symlink(w, n, secret_file(w)), VALIDATE)[1],
            check=no_secret)
        add("symlink to /dev/zero", lambda w, n=name: (symlink(w, n, "/dev/zero"), VALIDATE)[1])
        add("folder instead of file", lambda w, n=name: (
            (ds(w) / n).unlink(), (ds(w) / n).mkdir(), VALIDATE)[2])
        add("formula-like text (warning)", lambda w, n=name, c=col: (
            set_cell(w, n, c, "=HYPERLINK(\"http://x\")"), VALIDATE)[1], (0,), stderr_has("warning", "formula"))
        add("bidi override (warning)", lambda w, n=name, c=col: (
            set_cell(w, n, c, "abc\u202edef"), VALIDATE)[1], (0,), stderr_has("warning", "U+202E"))
        add("HTML text (warning)", lambda w, n=name, c=col: (
            set_cell(w, n, c, "<img src=x onerror=alert(1)>"), VALIDATE)[1], (0,), stderr_has("warning", "HTML"))
        add("header of strangers", lambda w, n=name: (replace_file(w, n, "a,b,c\n1,2,3\n"), VALIDATE)[1])
        add("column twice", lambda w, n=name: (replace_file(w, n, "\n".join(
            [csv_lines(w, n)[0] + "," + csv_lines(w, n)[0].split(",")[0]]
            + [x + ",x" for x in csv_lines(w, n)[1:]]) + "\n"), VALIDATE)[1])
        add("CRLF line ends (valid)", lambda w, n=name: (replace_file(w, n, "\r\n".join(csv_lines(w, n)) + "\r\n"),
                                                         VALIDATE)[1], (0,))
        add("GBK bytes", lambda w, n=name, c=col: (replace_file(w, n, (ds(w) / n).read_text(encoding="utf-8")
                                                                .encode("gb18030")), VALIDATE)[1])
    cases.append(Case("ties.csv duplicate row (warning)", lambda w: (
        replace_file(w, "ties.csv", "\n".join(csv_lines(w, "ties.csv") + csv_lines(w, "ties.csv")[1:]) + "\n"),
        VALIDATE)[1], (0,), stderr_has("warning", "same tie")))
    cases.append(Case("citations.csv duplicate row (warning)", lambda w: (
        replace_file(w, "citations.csv", "\n".join(csv_lines(w, "citations.csv")
                                                   + csv_lines(w, "citations.csv")[1:]) + "\n"),
        VALIDATE)[1], (0,), stderr_has("warning", "same citation")))
    cases.append(Case("firms.csv 5,000-character name (warning)", lambda w: (
        set_cell(w, "firms.csv", "name", "名" * 5000), VALIDATE)[1], (0,), stderr_has("5,000 characters")))
    cases.append(Case("sources.csv javascript: URL (warning)", lambda w: (
        set_cell(w, "sources.csv", "url", "javascript:alert(1)"), VALIDATE)[1], (0,), stderr_has("javascript")))
    cases.append(Case("firms.csv duplicate firm (warning)", lambda w: (
        replace_file(w, "firms.csv", "\n".join(csv_lines(w, "firms.csv") + [
            "dup-firm," + csv_lines(w, "firms.csv")[1].split(",", 2)[1] + ",,,,JP,,,,,,,src-demo,"]) + "\n"),
        VALIDATE)[1], (0,), stderr_has("same name and country")))
    return cases


YAML_FILES = ("dataset.yaml", "regions.yaml", "chains/demo-auto.yaml")
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9))


def merge_key_yaml(name: str, work: Path) -> str:
    text = (ds(work) / name).read_text(encoding="utf-8")
    if name == "regions.yaml":
        return text + ("  - &base {id: merged-a, name: 合并区甲, kind: county, parent: land}\n"
                       "  - <<: *base\n    id: merged-b\n    name: 合并区乙\n")
    if name == "dataset.yaml":
        return text.replace("fx_rates:\n", "fx_rates:\n  - &usd {currency: EUR, cny_per_unit: 7.8, date: 2024}\n"
                                           "  - <<: *usd\n    currency: JPY\n    cny_per_unit: 0.05\n")
    return text.replace("segments:\n", "segments:\n  - &seg {id: merged-seg, name: 合并环节, tier: upstream, "
                                       "importance: 0.3}\n  - <<: *seg\n    id: merged-seg-2\n    name: 合并环节二\n")


def yaml_cases() -> list[Case]:
    cases = []
    for name in YAML_FILES:
        def add(label: str, setup: Setup, expect: tuple[int, ...] = (3,), check: Check | None = None,
                name: str = name) -> None:
            cases.append(Case(f"{name} {label}", setup, expect, check))

        short = name.split("/")[-1]
        add("empty file", lambda w, n=name: (replace_file(w, n, ""), VALIDATE)[1], check=stderr_has(short, "empty"))
        add("comments only", lambda w, n=name: (replace_file(w, n, "# nothing\n"), VALIDATE)[1],
            check=stderr_has(short, "empty"))
        add("alias bomb", lambda w, n=name: (replace_file(w, n, BOMB), VALIDATE)[1], check=stderr_has("alias"))
        add("nested 5,000 levels", lambda w, n=name: (replace_file(w, n, "a: " + "[" * 5000 + "]" * 5000 + "\n"),
                                                      VALIDATE)[1], check=stderr_has("deeper"))
        add("nested 5,000 block levels", lambda w, n=name: (replace_file(w, n, "".join(
            "  " * i + f"k{i}:\n" for i in range(2000)) + "  " * 2000 + "v: 1\n"), VALIDATE)[1])
        add("complex mapping key", lambda w, n=name: (replace_file(w, n, (ds(w) / n).read_text(encoding="utf-8")
                                                                   + "? [a, b]\n: c\n"), VALIDATE)[1],
            check=stderr_has("plain text"))
        add("merge key overridden (valid)", lambda w, n=name: (replace_file(w, n, merge_key_yaml(n, w)),
                                                               VALIDATE)[1], (0,))
        add("not YAML", lambda w, n=name: (replace_file(w, n, "a: [unclosed\n  - {b: \n"), VALIDATE)[1])
        add("binary junk", lambda w, n=name: (replace_file(w, n, bytes(random.Random(2).randrange(256)
                                                                        for _ in range(3000))), VALIDATE)[1])
        add("symlink to /dev/zero", lambda w, n=name: (symlink(w, n, "/dev/zero"), VALIDATE)[1])
        add("symlink to a secret outside", lambda w, n=name: (symlink(w, n, secret_file(w)), VALIDATE)[1],
            check=no_secret)
        add("a list, not a mapping", lambda w, n=name: (replace_file(w, n, "- a\n- b\n"), VALIDATE)[1])
        add("a bare number", lambda w, n=name: (replace_file(w, n, "42\n"), VALIDATE)[1])
        add("escaped NUL in a value", lambda w, n=name: (replace_file(
            w, n, re.sub(r"name: ([^,}\n]+)", r'name: "\\0\1"', (ds(w) / n).read_text(encoding="utf-8"), count=1)),
            VALIDATE)[1], check=stderr_has("U+0000"))
        add("20 MB file", lambda w, n=name: (replace_file(w, n, "# " + "x" * 78 + "\n" * 1 + (
            "# " + "y" * 97 + "\n") * 200_000), VALIDATE)[1], check=stderr_has("limit"))
        add("key given twice", lambda w, n=name: (replace_file(w, n, (ds(w) / n).read_text(encoding="utf-8")
                                                               + ("regions: []\n" if n == "regions.yaml"
                                                                  else "name: again\n")), VALIDATE)[1],
            check=stderr_has("given twice"))
        add("unknown top-level key", lambda w, n=name: (replace_file(w, n, (ds(w) / n).read_text(encoding="utf-8")
                                                                     + "colour: blue\n"), VALIDATE)[1],
            check=stderr_has("unknown field"))
        add("tab indentation", lambda w, n=name: (replace_file(w, n, "a:\n\t- b\n"), VALIDATE)[1])
        add("a recursive alias", lambda w, n=name: (replace_file(w, n, "a: &a [*a]\n"), VALIDATE)[1])
        add("unknown tag", lambda w, n=name: (replace_file(w, n, "a: !!python/object:os.system ls\n"),
                                              VALIDATE)[1])
    cases.append(Case("dataset.yaml javascript: description (warning)", lambda w: (replace_file(
        w, "dataset.yaml", (ds(w) / "dataset.yaml").read_text(encoding="utf-8")
        + "description: \"javascript:alert(1)\"\n"), VALIDATE)[1], (0,), stderr_has("javascript")))
    cases.append(Case("chain 5,000-character segment name (warning)", lambda w: (replace_file(
        w, "chains/demo-auto.yaml", (ds(w) / "chains/demo-auto.yaml").read_text(encoding="utf-8")
        .replace("name: 电工钢", "name: " + "钢" * 5000)), VALIDATE)[1], (0,), stderr_has("5,000 characters")))
    return cases


def folder_cases() -> list[Case]:
    def copy_yml(w: Path) -> list[str]:
        shutil.copy(ds(w) / "chains/demo-auto.yaml", ds(w) / "chains/demo-auto.yml")
        return VALIDATE

    def lose_chain(w: Path) -> list[str]:
        (ds(w) / "chains/demo-auto.yaml").unlink()
        return VALIDATE

    def misspell(w: Path) -> list[str]:
        (ds(w) / "ties.csv").rename(ds(w) / "tie.csv")
        return VALIDATE

    def upper(w: Path) -> list[str]:
        (ds(w) / "ties.csv").rename(ds(w) / "Ties.csv")
        return VALIDATE

    def no_chains(w: Path) -> list[str]:
        shutil.rmtree(ds(w) / "chains")
        return VALIDATE

    def chain_link_out(w: Path) -> list[str]:
        target = w / "outside" / "x.yaml"
        write(target, (ds(w) / "chains/demo-auto.yaml").read_text(encoding="utf-8"))
        (ds(w) / "chains/demo-auto.yaml").unlink()
        (ds(w) / "chains/demo-auto.yaml").symlink_to(target)
        return VALIDATE

    def dangling(w: Path) -> list[str]:
        (ds(w) / "chains/ghost.yaml").symlink_to(w / "nowhere.yaml")
        return VALIDATE

    def no_dataset_yaml(w: Path) -> list[str]:
        (ds(w) / "dataset.yaml").unlink()
        return VALIDATE

    def inside_link(w: Path) -> list[str]:  # a link that stays inside the folder is fine
        shutil.move(str(ds(w) / "ties.csv"), ds(w) / "chains-data-ties.csv")
        (ds(w) / "ties.csv").symlink_to("chains-data-ties.csv")
        return VALIDATE

    return [
        Case("chains/ .yml beside .yaml", copy_yml, (3,), stderr_has("demo-auto.yml", "second copy")),
        Case("chains/ a chain file lost", lose_chain, (3,), stderr_has("chains/", "missing")),
        Case("tie.csv misspelled (warning)", misspell, (0,), stderr_has("tie.csv", "ties.csv")),
        Case("Ties.csv upper case (warning)", upper, (0,), stderr_has("Ties.csv", "lower case")),
        Case("chains/ folder missing", no_chains, (3,), stderr_has("chains/")),
        Case("chain file links outside", chain_link_out, (3,), stderr_has("outside")),
        Case("chain file dangling link", dangling, (3,), stderr_has("ghost.yaml")),
        Case("dataset.yaml missing", no_dataset_yaml, (3,), stderr_has("dataset.yaml")),
        Case("link inside the folder (valid)", inside_link, (0,)),
        Case("dataset folder missing", lambda w: ["--data", str(w / "nope"), "validate"], (3,)),
        Case("dataset path is a file", lambda w: (write(w / "f.txt", "x"), ["--data", str(w / "f.txt"),
                                                                             "validate"])[1], (2,)),
        Case("firms on a dataset with an alias bomb", lambda w: (replace_file(w, "regions.yaml", BOMB),
                                                                 ["firms"])[1], (3,)),
        Case("gaps on a dataset with a NUL", lambda w: (set_cell(w, "firms.csv", "name", "\x00"),
                                                        ["gaps", "--chain", "demo-auto"])[1], (3,)),
    ]


# ------------------------------------------------------------------------------------------------ outputs


def output_cases() -> list[Case]:
    formula = '=HYPERLINK("http://evil","x")'

    def hostile(w: Path) -> None:
        set_cell(w, "firms.csv", "name", formula, row=1)
        set_cell(w, "firms.csv", "name", "@SUM(1+1)<script>alert(1)</script>", row=2)
        set_cell(w, "firms.csv", "headquarters", "+cmd|' /C calc'!A0", row=4)

    def xlsx_check(work: Path, out: str, err: str) -> str | None:
        import openpyxl

        book = openpyxl.load_workbook(work / "out" / "gaps.xlsx")
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type == "f" or (isinstance(cell.value, str) and cell.value[:1] in "=+-@"):
                        return f"live formula in {sheet.title}!{cell.coordinate}"
        return None

    def md_check(work: Path, out: str, err: str) -> str | None:
        text = (work / "out" / "b.md").read_text(encoding="utf-8")
        return "raw HTML in the briefing" if "<script" in text or "<img" in text else None

    def csv_check(work: Path, out: str, err: str) -> str | None:
        import csv
        import io

        for row in csv.reader(io.StringIO(out.lstrip("\ufeff"))):
            for cell in row:
                if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                    return f"live formula cell {cell[:20]!r}"
        return None

    return [
        Case("firms --format csv neutralises formulas", lambda w: (hostile(w), ["firms", "--format", "csv"])[1],
             (0,), csv_check),
        Case("firms --all --format csv neutralises formulas", lambda w: (hostile(w), ["firms", "--all", "--format",
                                                                                      "csv"])[1], (0,), csv_check),
        Case("targets --format csv neutralises formulas", lambda w: (hostile(w), [
            "targets", "--chain", "demo-tools", "--segment", "cnc", "--format", "csv"])[1], (0,), csv_check),
        Case("gaps --format csv neutralises formulas", lambda w: (hostile(w), [
            "gaps", "--chain", "demo-auto", "--format", "csv"])[1], (0,), csv_check),
        Case("projects --format csv", lambda w: (hostile(w), ["projects", "--format", "csv"])[1], (0,), csv_check),
        Case("chains --format csv --encoding gb18030", lambda w: (hostile(w), [
            "chains", "--format", "csv", "--encoding", "gb18030"])[1], (0,)),
        Case("export xlsx neutralises formulas", lambda w: (hostile(w), ["export", "--format", "xlsx", "-o",
                                                                         str(w / "out" / "gaps.xlsx")])[1],
             (0,), xlsx_check, ("out",)),
        Case("export markdown escapes HTML", lambda w: (hostile(w), ["export", "--format", "markdown", "-o",
                                                                     str(w / "out" / "b.md")])[1],
             (0,), md_check, ("out",)),
        Case("export xlsx of a name with a control character", lambda w: (
            set_cell(w, "firms.csv", "name", "bad\x0bname"), ["export", "--format", "xlsx", "-o",
                                                              str(w / "out" / "x.xlsx")])[1], (3,)),
        Case("validate warns on the hostile names", lambda w: (hostile(w), VALIDATE)[1], (0,),
             stderr_has("formula", "HTML")),
    ]


# ------------------------------------------------------------------------------------------------ sheets


def xlsx_bytes(rows: list[list[object]], merge: str | None = None) -> bytes:
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_bomb(rows: int = 3_000_000, declare: bool = False, numbered: bool = False) -> bytes:
    import io

    base = xlsx_bytes([["企业名称", "国别"], ["甲公司", "日本"]])
    source = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                head = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                        b'spreadsheetml/2006/main">')
                dim = f'<dimension ref="A1:B{rows}"/>'.encode() if declare else b""
                if declare:
                    body = b""
                elif numbered:
                    body = b"".join(f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>x{i}</t></is></c></row>'
                                    .encode() for i in range(1, rows + 1))
                else:  # identical rows: the 1 MiB zip that expands a thousandfold
                    body = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * rows
                data = head + dim + b"<sheetData>" + body + b"</sheetData></worksheet>"
            target.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return out.getvalue()


def sheet_cases() -> list[Case]:
    def sheet(name: str, data: bytes | str | Callable[[], bytes], *extra: str) -> Setup:
        def setup(w: Path) -> list[str]:
            write(w / "in" / name, data() if callable(data) else data)
            return ["import", str(w / "in" / name), "--dry-run", *extra]
        return setup

    def merged(w: Path) -> list[str]:
        write(w / "in" / "m.xlsx", xlsx_bytes([["企业名称", "国别", "所属环节"], ["合并甲", "日本", "驱动电机"],
                                                ["合并乙", None, None]], merge="B2:B3"))
        book = zipfile.ZipFile(w / "in" / "m.xlsx")
        assert any("sheet" in n for n in book.namelist())
        return ["import", str(w / "in" / "m.xlsx"), "--dry-run", "--format", "json"]

    def merged_check(work: Path, out: str, err: str) -> str | None:
        plan = json.loads(out)
        firms = [c for c in plan["changes"] if c["kind"] == "firm" and c["action"] == "add"]
        return None if len(firms) == 2 else f"expected 2 new firms, got {len(firms)}"

    def huge_rows(w: Path) -> list[str]:
        write(w / "in" / "big.csv", "企业名称,国别\n" + "甲,日本\n" * 250_000)
        return ["import", str(w / "in" / "big.csv"), "--dry-run"]

    def dev_zero(w: Path) -> list[str]:
        (w / "in").mkdir(parents=True, exist_ok=True)
        (w / "in" / "z.csv").symlink_to("/dev/zero")
        return ["import", str(w / "in" / "z.csv"), "--dry-run"]

    def mapping(text: str) -> Setup:
        def setup(w: Path) -> list[str]:
            write(w / "in" / "s.csv", "企业名称,国别\n甲公司,日本\n")
            write(w / "in" / "map.yaml", text)
            return ["import", str(w / "in" / "s.csv"), "--mapping", str(w / "in" / "map.yaml"), "--dry-run"]
        return setup

    rng = random.Random(3)
    return [
        Case("import xlsx bomb (3M rows in a small zip)", sheet("bomb.xlsx", xlsx_bomb), (3,),
             stderr_has("bomb")),
        Case("import xlsx of 3M distinct rows (row cap)", sheet("rows.xlsx", lambda: xlsx_bomb(numbered=True)), (3,),
             stderr_has("200,000")),
        Case("import xlsx declaring 3M rows", sheet("dim.xlsx", lambda: xlsx_bomb(declare=True)), (3,),
             stderr_has("rows")),
        Case("import .xlsx that is not a zip", sheet("fake.xlsx", "企业名称\n甲\n"), (3,)),
        Case("import truncated .xlsx", sheet("cut.xlsx", xlsx_bytes([["企业名称"], ["甲"]])[:700]), (3,)),
        Case("import merged cells", merged, (0,), merged_check),
        Case("import one firm, two countries", sheet("two.csv", "企业名称,国别\n冲突公司,日本\n冲突公司,德国\n"), (3,),
             stderr_has("conflicts")),
        Case("import NUL in a CSV cell", sheet("nul.csv", "企业名称,国别\n甲\x00公司,日本\n"), (3,),
             stderr_has("U+0000", "(A)")),
        Case("import escape character in a cell", sheet("esc.csv", "企业名称,国别\n甲\x1b[31m公司,日本\n"), (3,)),
        Case("import 200 KB cell", sheet("long.csv", "企业名称,国别\n" + "长" * 200_000 + ",日本\n"), (3,),
             stderr_has("131,072")),
        Case("import empty CSV", sheet("empty.csv", ""), (3,)),
        Case("import symlink to /dev/zero", dev_zero, (3,), stderr_has("regular file")),
        Case("import GBK CSV (valid)", sheet("gbk.csv", "企业名称,国别\n甲公司,日本\n".encode("gb18030")), (0,)),
        Case("import formula-like name (warning)", sheet("f.csv", "企业名称,国别\n=cmd|' /C calc'!A0,日本\n"), (0,),
             stderr_has("warning", "formula")),
        Case("import bidi name (warning)", sheet("b.csv", "企业名称,国别\n甲\u202e公司,日本\n"), (0,),
             stderr_has("warning", "U+202E")),
        Case("import 250,000 rows", huge_rows, (3,), stderr_has("200,000")),
        Case("import binary .txt", sheet("junk.txt", bytes(rng.randrange(256) for _ in range(5000))), (3,)),
        Case("import .ods", sheet("x.ods", b"PK\x03\x04"), (3,)),
        Case("import a folder named .xlsx", lambda w: ((w / "in" / "d.xlsx").mkdir(parents=True),
                                                       ["import", str(w / "in" / "d.xlsx"), "--dry-run"])[1], (2,)),
        Case("import mapping alias bomb", mapping(BOMB), (3,), stderr_has("alias")),
        Case("import mapping columns as a list", mapping("columns: [a, b]\n"), (3,)),
        Case("import mapping not YAML", mapping("columns: {a: [\n"), (3,)),
        Case("import mapping empty", mapping(""), (3,)),
        Case("import unknown country", sheet("c.csv", "企业名称,国别\n甲公司,火星\n"), (3,)),
        Case("import xlsx with a formula name (warning)", sheet("f.xlsx", xlsx_bytes([["企业名称", "国别"],
                                                                                      ["@SUM(A1)", "日本"]])),
             (0,), stderr_has("warning")),
        Case("import header only", sheet("h.csv", "企业名称,国别\n"), (0,)),
        Case("import quote left open", sheet("q.csv", '企业名称,国别\n"甲公司,日本\n'), (0, 3)),
    ]


# ------------------------------------------------------------------------------------------------ proposals


def proposal_cases() -> list[Case]:
    def proposal(name: str, data: bytes | str) -> Setup:
        def setup(w: Path) -> list[str]:
            write(w / "in" / name, data)
            return ["merge", str(w / "in" / name), "--dry-run"]
        return setup

    fact = {"record": "firm", "key": "新公司", "field": "country", "value": "JP", "confidence": 0.9}
    named = {"record": "firm", "key": "新公司", "field": "name", "value": "新公司", "confidence": 0.9}
    header = "id,record,key,field,value,confidence,text,start,end,evidence,note\n"
    cases = [
        ("object without facts", json.dumps({"items": []}), (2,)),
        ("facts not a list", json.dumps({"facts": 5}), (2,)),
        ("facts an object", json.dumps({"facts": {"a": 1}}), (2,)),
        ("facts are numbers", json.dumps({"facts": [1, 2, 3]}), (2,)),
        ("a list of numbers", json.dumps([1, 2]), (2,)),
        ("a list of lists", json.dumps([[1], [2]]), (2,)),
        ("a fact with a nested value", json.dumps([dict(fact, value={"a": 1})]), (2,)),
        ("a fact with a list key", json.dumps([dict(fact, key=["a"])]), (2,)),
        ("JSON null", "null", (2,)),
        ("not JSON", "{facts: [", (2,)),
        ("JSON nested 100,000 deep", "[" * 100_000 + "]" * 100_000, (2,)),
        ("confidence not a number", json.dumps([dict(named, confidence="high")]), (2,)),
        ("confidence 5", json.dumps([dict(named, confidence=5)]), (2,)),
        ("confidence NaN", json.dumps([named]).replace("0.9", "NaN"), (2,)),
        ("start not a number", json.dumps([dict(named, start="x")]), (2,)),
        ("new firm without a name fact", json.dumps([fact]), (0,)),
        ("NUL in a value", json.dumps([dict(named, value="a\x00b")]), (2,)),
        ("CSV without the fact columns", "a,b\n1,2\n", (2,)),
        ("CSV with a 200 KB cell", header + ",firm,甲," + "name," + "长" * 200_000 + ",0.9,,,,,\n", (2,)),
        ("CSV missing a value", header + ",firm,甲,name,,0.9,,,,,\n", (2,)),
        ("binary junk", bytes(random.Random(4).randrange(256) for _ in range(3000)), (2,)),
        ("an unknown record kind", json.dumps([dict(named, record="planet")]), (0,)),
        ("an empty file", "", (0, 2)),
        ("a JSON string", json.dumps("facts"), (2,)),
    ]
    result = [Case(f"merge {label}", proposal("p.json" if not label.startswith("CSV") else "p.csv", data), expect)
              for label, data, expect in cases]

    def dev_zero(w: Path) -> list[str]:
        (w / "in").mkdir(parents=True, exist_ok=True)
        (w / "in" / "z.csv").symlink_to("/dev/zero")
        return ["merge", str(w / "in" / "z.csv"), "--dry-run"]

    result.append(Case("merge symlink to /dev/zero", dev_zero, (2,), stderr_has("regular file")))
    return result


# ------------------------------------------------------------------------------------------------ articles


def article_cases() -> list[Case]:
    def article(name: str, data: bytes | str, *extra: str) -> Setup:
        def setup(w: Path) -> list[str]:
            write(w / "in" / name, data)
            return ["extract", str(w / "in" / name), "--date", "2024-01-10", *extra]
        return setup

    return [
        Case("extract empty article", article("a.txt", ""), (0, 2)),
        Case("extract binary article", article("b.txt", bytes(random.Random(5).randrange(256) for _ in range(4000))),
             (0, 2)),
        Case("extract NUL-filled article", article("n.txt", "\x00" * 5000), (0, 2)),
        Case("extract GBK article", article("g.txt", "平湖经济技术开发区签约日本电产项目，总投资3400万美元。"
                                                     .encode("gb18030")), (0, 2)),
        Case("extract bad date", lambda w: (write(w / "in" / "d.txt", "平湖"), [
            "extract", str(w / "in" / "d.txt"), "--date", "2024-13-45"])[1], (2,)),
        Case("extract a folder", lambda w: ((w / "in" / "dir.txt").mkdir(parents=True),
                                            ["extract", str(w / "in" / "dir.txt"), "--date", "2024-01-10"])[1], (2,)),
        Case("extract a missing file", lambda w: ["extract", str(w / "nope.txt"), "--date", "2024-01-10"], (2,)),
    ]


# ------------------------------------------------------------------------------------------------ running


def tree(folder: Path, skip: tuple[str, ...]) -> dict[str, str]:
    found = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if rel.split("/")[0] in skip or path.is_dir():
            continue
        if path.is_symlink():
            found[rel] = "link:" + os.readlink(path)
            continue
        found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


# the CLI in a fresh interpreter that records its own CPU time (user + system) when it exits
_SHIM = ("import atexit, os, resource, sys\n"
         "def _cpu():\n"
         "    u = resource.getrusage(resource.RUSAGE_SELF)\n"
         "    open(os.environ['SWEEP_CPU'], 'w').write(str(u.ru_utime + u.ru_stime))\n"
         "atexit.register(_cpu)\n"
         "sys.argv = ['chaingraph', *sys.argv[1:]]\n"
         "from chaingraph.cli import main\n"
         "main()\n")


def run_case(case: Case, timeout: float) -> dict[str, object]:
    from chaingraph.dataset.fixtures import write_tiny_dataset

    work = Path(tempfile.mkdtemp(prefix="chaingraph-sweep-"))
    try:
        write_tiny_dataset(work / "ds")
        args = case.setup(work)
        if args[:1] != ["--data"]:
            args = ["--data", str(work / "ds"), *args]
        skip = (".cache", *case.changes)
        before = tree(work, skip)
        env = dict(os.environ, XDG_CACHE_HOME=str(work / ".cache"), PYTHONIOENCODING="utf-8")
        env.pop("CHAINGRAPH_DATA", None)
        cpu_file = work / ".cache" / "cpu"
        env["SWEEP_CPU"] = str(cpu_file)
        cpu_file.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        try:
            proc = subprocess.run([sys.executable, "-c", _SHIM, *args], cwd=work, capture_output=True,
                                  timeout=timeout, env=env, check=False)
            code, out, err = proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode(
                "utf-8", "replace")
        except subprocess.TimeoutExpired:
            code, out, err = -1, "", f"timed out after {timeout:.0f} s"
        wall = time.perf_counter() - started
        cpu = float(cpu_file.read_text()) if cpu_file.exists() else float("nan")
        after = tree(work, skip)
        why = []
        if "Traceback" in err or "Traceback" in out:
            why.append("traceback")
        if code not in case.expect:
            why.append(f"exit {code}, expected {'/'.join(map(str, case.expect))}")
        if before != after:
            changed = sorted(set(before.items()) ^ set(after.items()))
            why.append(f"wrote {changed[0][0]}")
        if case.check is not None and not why:
            try:
                problem = case.check(work, out, err)
            except Exception as exc:  # the check itself failed: report it as a failure of the case
                problem = f"check failed: {type(exc).__name__}: {exc}"
            if problem:
                why.append(problem)
        lines = [line.strip() for line in err.splitlines() if line.strip()]
        if not lines:
            lines = [line.strip() for line in out.splitlines() if line.strip()][-1:]
        message = lines[0] if lines else ""
        if message.endswith(":") and len(lines) > 1:  # "dataset X has N problems:" then the first problem
            message = lines[1]
        return {"case": case.name, "code": code, "wall": wall, "cpu": cpu, "message": str(message)[:110],
                "lines": len(err.splitlines()), "ok": not why, "why": "; ".join(why)}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def all_cases() -> list[Case]:
    return csv_cases() + yaml_cases() + folder_cases() + output_cases() + sheet_cases() + proposal_cases() + \
        article_cases()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-k", dest="pattern", default="", help="Only cases whose name contains this.")
    parser.add_argument("--jobs", type=int, default=2, help="Cases run at the same time.")
    parser.add_argument("--timeout", type=float, default=120.0, help="Seconds before a case counts as hung.")
    parser.add_argument("--json", type=Path, help="Also write the results here.")
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    cases = [c for c in all_cases() if options.pattern in c.name]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=options.jobs) as pool:
        results = list(pool.map(lambda c: run_case(c, options.timeout), cases))
    wall = time.perf_counter() - started
    cpu = sum(float(r["cpu"]) for r in results if r["cpu"] == r["cpu"])
    print("| # | case | exit | wall s | cpu s | message (last stderr line) | result |")
    print("|---:|---|---:|---:|---:|---|---|")
    for i, r in enumerate(results, start=1):
        message = str(r["message"]).replace("|", "\\|")
        result = "pass" if r["ok"] else f"FAIL: {r['why']}"
        print(f"| {i} | {r['case']} | {r['code']} | {r['wall']:.2f} | {r['cpu']:.2f} | {message} | {result} |")
    passed = sum(1 for r in results if r["ok"])
    slowest = max(results, key=lambda r: float(r["wall"])) if results else None  # type: ignore[arg-type]
    print(f"\n{passed}/{len(results)} cases pass · {wall:.1f} s wall, {cpu:.1f} s CPU in all "
          f"({options.jobs} at a time)" + (f" · slowest: {slowest['case']} {slowest['wall']:.1f} s" if slowest
                                          else ""))
    if options.json:
        options.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
