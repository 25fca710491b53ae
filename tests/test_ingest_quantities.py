"""The Chinese quantity forms added to model.parse_quantity for extraction: units, qualifiers, bare multipliers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chaingraph.dataset.model import Quantity, parse_quantity
from chaingraph.errors import ParseError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("27.8亩", Quantity(27.8, "mu")),
        ("40000平方米", Quantity(40000, "m2")),
        ("1.5万平方米", Quantity(15000, "m2")),
        ("13.8万吨", Quantity(138000, "t")),
        ("超亿美元", Quantity(100000000, "USD", "at_least")),
        ("百亿元", Quantity(10000000000, "CNY")),
        ("达到5亿元", Quantity(500000000, "CNY")),
        ("不低于3000万元", Quantity(30000000, "CNY", "at_least")),
        ("不超过200亩", Quantity(200, "mu", "at_most")),
        ("突破10亿元", Quantity(1000000000, "CNY", "at_least")),
        ("153亩以上", Quantity(153, "mu", "at_least")),
        ("27.8 亩", Quantity(27.8, "亩")),  # the canonical form of a unit kept as written stays as it is
    ],
)
def test_new_chinese_forms(text: str, expected: Quantity) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", ["亿", "美元", "约元", "超亩", "近以上"])
def test_still_rejected(text: str) -> None:
    with pytest.raises(ParseError):
        parse_quantity(text)


@given(st.integers(min_value=1, max_value=99999), st.sampled_from(["", "万"]), st.sampled_from(["亩", "平方米", "吨"]),
       st.sampled_from(["", "约", "超", "近", "达"]))
def test_units_match_arithmetic(number: int, mult: str, unit: str, prefix: str) -> None:
    q = parse_quantity(f"{prefix}{number}{mult}{unit}")
    assert q.amount == number * (10_000 if mult else 1)
    assert q.unit == {"亩": "mu", "平方米": "m2", "吨": "t"}[unit]
    assert q.qualifier == {"": "exact", "达": "exact", "约": "approx", "超": "at_least", "近": "at_most"}[prefix]
    assert parse_quantity(str(q)) == q  # canonical round trip
