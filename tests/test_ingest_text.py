"""Doubled-text repair, layout cleaning and encoding detection (chaingraph.ingest.text)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chaingraph.errors import ParseError
from chaingraph.ingest.text import clean_text, decode_article, prepare_text, read_article, repair_doubled


@pytest.mark.parametrize(
    ("doubled", "repaired"),
    [
        ("为为 124124家企业家企业，，11001100余人次", "为 124家企业，1100余人次"),
        ("（（平湖平湖））有限公司相关负责人", "（平湖）有限公司相关负责人"),
        ("THOMASTHOMAS到我们公司对新到的锻压机设到我们公司对新到的锻压机设", "THOMAS到我们公司对新到的锻压机设"),
        ("陆陆续续安装中陆陆续续安装中。。", "陆陆续续安装中。"),
        ("服务外商服务外商““心贴心心贴心””，，", "服务外商“心贴心”，"),
        ("也会派相应的技术人员随同也会派相应的技术人员随同，，可谓是可谓是‘‘物物",
         "也会派相应的技术人员随同，可谓是‘物"),
    ],
)
def test_doubled_runs_are_repaired(doubled: str, repaired: str) -> None:
    assert repair_doubled(doubled).text == repaired


@pytest.mark.parametrize(
    "text",
    ["人人都说谢谢", "看看1111号楼", "年年有余，岁岁平安", "陆陆续续安装中", "一个个外资企业、一张张邀请函",
     "大家谢谢谢谢", "2020年12月12日", "高高兴兴", "DMG MORI"],
)
def test_legitimate_repeats_are_kept(text: str) -> None:
    assert repair_doubled(text).text == text


def test_repair_keeps_a_map_to_the_original() -> None:
    original = "前言。\n（（平湖平湖））有限公司"
    mapped = repair_doubled(original)
    start = mapped.text.index("平湖")
    a, b = mapped.span(start, start + 2)
    assert original[a:b] == "平湖"


def test_clean_text_joins_broken_lines_and_drops_spaces() -> None:
    mapped = clean_text("德西福格汽车配件（平\n\n湖）有限公司，总投资 3400 万\n美元。\n\n下一段 DMG MORI")
    assert mapped.text == "德西福格汽车配件（平湖）有限公司，总投资3400万美元。\n下一段DMG MORI"
    start = mapped.text.index("3400万美元")
    a, b = mapped.span(start, start + len("3400万美元"))
    assert "3400" in "德西福格汽车配件（平\n\n湖）有限公司，总投资 3400 万\n美元"[a:b]


def test_encodings(tmp_path: Path) -> None:
    text = "总投资约7500万美元"
    assert decode_article(text.encode("utf-8")) == (text, "utf-8")
    assert decode_article(b"\xef\xbb\xbf" + text.encode("utf-8")) == (text, "utf-8-sig")
    assert decode_article(text.encode("gb18030")) == (text, "gb18030")
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("gb18030") + b"\r\n")
    assert read_article(path) == (text + "\n", "gb18030")
    with pytest.raises(ParseError):
        read_article(tmp_path / "missing.txt")


@given(st.text(alphabet=st.sampled_from(list("人看1谢年 ，。\n平湖（）AB")), max_size=40))
def test_repair_never_crashes_and_maps_every_character(text: str) -> None:
    mapped = prepare_text(text)
    assert len(mapped.origin) == len(mapped.text)
    assert all(text[i] == ch for i, ch in zip(mapped.origin, mapped.text, strict=True) if ch not in "\n ")
    assert list(mapped.origin) == sorted(mapped.origin)


@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4E30), min_size=2, max_size=12))
def test_doubling_a_whole_line_is_undone(line: str) -> None:
    # a bold line drawn twice, chunk by chunk, as PDF extraction does (chunks of 4 characters)
    chunks = [line[i:i + 4] for i in range(0, len(line), 4)]
    doubled = "".join(c + c for c in chunks)
    repaired = repair_doubled(doubled).text
    if len(line) >= 4:
        assert len(repaired) <= len(doubled)
    assert repair_doubled(line).text == line or len(set(line)) < len(line)
