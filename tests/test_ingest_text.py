"""Doubled-text repair, layout cleaning and encoding detection (chaingraph.sources.text)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chaingraph.errors import ParseError
from chaingraph.sources.text import (
    clean_text,
    decode_article,
    is_traditional,
    prepare_text,
    read_article,
    repair_doubled,
    to_simplified,
)


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


def test_big5_and_gb18030_articles_are_told_apart(tmp_path: Path) -> None:
    traditional = "今年5月，蘇州恆銳新材料股份有限公司增資項目簽約，總投資約1.2億美元，佔地60畝。"
    simplified = "今年5月，苏州恒锐新材料股份有限公司增资项目签约，总投资约1.2亿美元，占地60亩。"
    (tmp_path / "big5.txt").write_bytes(traditional.encode("big5"))
    (tmp_path / "gb.txt").write_bytes(simplified.encode("gb18030"))
    assert read_article(tmp_path / "big5.txt") == (traditional, "big5")
    assert read_article(tmp_path / "gb.txt") == (simplified, "gb18030")


def test_shift_jis_is_named_not_garbled() -> None:
    text = "株式会社ミナトは新工場の建設を発表した。投資額は約百億円。"
    assert decode_article(text.encode("shift_jis")) == (text, "shift_jis")


def test_bytes_that_are_no_chinese_text_are_refused_with_the_guess() -> None:
    noise = bytes(range(0x81, 0xFE)) * 4
    with pytest.raises(ParseError, match="encoding"):
        decode_article(noise)


def test_traditional_text_is_converted_one_character_for_one() -> None:
    original = "臺灣積體電路公司於昨日簽約，總投資新臺幣3000億元。"
    prepared = prepare_text(original)
    assert prepared.text == "台湾积体电路公司于昨日签约，总投资新台币3000亿元。"
    assert len(prepared.text) == len(original) and prepared.origin == tuple(range(len(original)))
    assert is_traditional(original) and not is_traditional(prepared.text)
    assert to_simplified("签约仪式").text == "签约仪式"


def test_an_oversized_article_is_refused_with_the_limit(tmp_path: Path) -> None:
    from chaingraph.errors import ParseError
    from chaingraph.limits import MAX_ARTICLE_BYTES
    from chaingraph.sources.text import read_article

    path = tmp_path / "huge.txt"
    path.write_bytes("签约".encode() * (MAX_ARTICLE_BYTES // 6 + 1))
    with pytest.raises(ParseError, match="huge.txt: .*over the limit"):
        read_article(path)


def test_a_list_marker_on_a_line_of_its_own_stays_a_heading() -> None:
    from chaingraph.sources.text import clean_text

    text = clean_text("重点项目介绍\n一\n明远新区建设项目\n二\n河南明远有限公司年产5万吨\n饲料项目").text
    assert text == "重点项目介绍\n一\n明远新区建设项目\n二\n河南明远有限公司年产5万吨饲料项目"


def test_a_line_that_is_only_a_projects_name_stays_a_heading() -> None:
    from chaingraph.sources.text import clean_text

    text = clean_text("明达建材有限公司年产5000万件服装加工项目\n"
                      "明达建材有限公司年产5000万件服装加工项目：总投资5亿元，\n主要建设办公楼。").text
    assert text == ("明达建材有限公司年产5000万件服装加工项目\n明达建材有限公司年产5000万件服装加工项目：总投资5亿元，"
                    "主要建设办公楼。")
