"""Value parsers: money and quantities, partial dates, ids, booleans."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import chaingraph as cgr
from chaingraph import ParseError, Quantity, parse_bool, parse_date, parse_id, parse_quantity
from chaingraph.dataset.model import CURRENCIES, QUALIFIERS


@pytest.mark.parametrize(
    ("text", "amount", "unit", "qualifier"),
    [
        ("1666万美元", 16_660_000, "USD", "exact"),
        ("3400 万美元", 34_000_000, "USD", "exact"),
        ("约7500万美元", 75_000_000, "USD", "approx"),
        ("超7亿元", 700_000_000, "CNY", "at_least"),
        ("108亿元", 10_800_000_000, "CNY", "exact"),
        ("4.1亿美元", 410_000_000, "USD", "exact"),
        ("约1.8亿美元", 180_000_000, "USD", "approx"),
        ("18340万美元", 183_400_000, "USD", "exact"),
        ("1100余万元", 11_000_000, "CNY", "at_least"),
        ("近5000万欧元", 50_000_000, "EUR", "at_most"),
        ("2亿美元以上", 200_000_000, "USD", "at_least"),
        ("34000000 USD", 34_000_000, "USD", "exact"),
        ("~75000000 usd", 75_000_000, "USD", "approx"),
        (">=700000000 CNY", 700_000_000, "CNY", "at_least"),
        ("<=5 EUR", 5, "EUR", "at_most"),
        ("138000 t/yr", 138_000, "t/yr", "exact"),
        ("45.85 %", 45.85, "%", "exact"),
    ],
)
def test_parse_quantity_forms(text: str, amount: float, unit: str, qualifier: str) -> None:
    q = parse_quantity(text)
    assert (q.amount, q.unit, q.qualifier) == (amount, unit, qualifier)


@pytest.mark.parametrize("text", ["", "lots", "约", "7亿", "100 XYZ", "约7亿元以上", "1,00万元", "超 7 亿 元 左右"])
def test_parse_quantity_rejects(text: str) -> None:
    with pytest.raises(ParseError):
        parse_quantity(text)


def test_inconsistent_qualifier_is_named() -> None:
    with pytest.raises(ParseError, match="inconsistent qualifiers"):
        parse_quantity("约7亿元以上")


def test_unknown_currency_is_named() -> None:
    with pytest.raises(ParseError, match="unknown currency 'XYZ'"):
        parse_quantity("100 XYZ")


def test_labels_are_chinese_and_short() -> None:
    assert parse_quantity("1666万美元").label() == "1666万美元"
    assert parse_quantity("约7500万美元").label() == "约7500万美元"
    assert parse_quantity("超7亿元").label() == "超7亿元"
    assert parse_quantity("138000 t/yr").label() == "138000 t/yr"


def test_in_cny_uses_rates() -> None:
    assert parse_quantity("100 USD").in_cny({"USD": 6.7261}) == pytest.approx(672.61)
    assert parse_quantity("100 CNY").in_cny({}) == 100
    assert parse_quantity("100 EUR").in_cny({"USD": 7}) is None


amounts = st.one_of(st.integers(min_value=0, max_value=10**15),
                    st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False).map(float))
units = st.one_of(st.sampled_from(CURRENCIES), st.sampled_from(["t/yr", "家", "人次", "%", "亩", "台/yr"]))


@given(amounts, units, st.sampled_from(QUALIFIERS))
def test_quantity_canonical_round_trip(amount: float, unit: str, qualifier: str) -> None:
    q = Quantity(amount, unit, qualifier)  # type: ignore[arg-type]
    again = parse_quantity(str(q))
    assert again == q or (again.unit == q.unit and again.qualifier == q.qualifier
                          and Decimal(str(again.amount)) == Decimal(str(q.amount)))


@given(st.integers(min_value=1, max_value=99999), st.sampled_from(["", "万", "亿"]),
       st.sampled_from(["元", "美元", "欧元", "日元"]), st.sampled_from(["", "约", "超", "近"]))
def test_chinese_money_matches_arithmetic(number: int, mult: str, currency: str, prefix: str) -> None:
    q = parse_quantity(f"{prefix}{number}{mult}{currency}")
    assert q.amount == number * {"": 1, "万": 10**4, "亿": 10**8}[mult]
    assert q.unit == {"元": "CNY", "美元": "USD", "欧元": "EUR", "日元": "JPY"}[currency]
    assert q.qualifier == {"": "exact", "约": "approx", "超": "at_least", "近": "at_most"}[prefix]
    assert parse_quantity(str(q)) == q


@given(st.text(max_size=30))
def test_parse_quantity_never_crashes(text: str) -> None:
    try:
        q = parse_quantity(text)
    except ParseError:
        return
    assert isinstance(q, Quantity)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2022", dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
        ("2022-04", dt.date(2022, 4, 1), dt.date(2022, 4, 30)),
        ("2022-03-25", dt.date(2022, 3, 25), dt.date(2022, 3, 25)),
        ("2023-Q2", dt.date(2023, 4, 1), dt.date(2023, 6, 30)),
        ("2022-H2", dt.date(2022, 7, 1), dt.date(2022, 12, 31)),
        ("2022-03-E", dt.date(2022, 3, 1), dt.date(2022, 3, 10)),
        ("2022-02-L", dt.date(2022, 2, 21), dt.date(2022, 2, 28)),
        ("2022年3月上旬", dt.date(2022, 3, 1), dt.date(2022, 3, 10)),
        ("2022年5月28日", dt.date(2022, 5, 28), dt.date(2022, 5, 28)),
    ],
)
def test_parse_date(text: str, start: dt.date, end: dt.date) -> None:
    d = parse_date(text)
    assert (d.start(), d.end()) == (start, end)


@pytest.mark.parametrize("text", ["2022-13", "2022-02-30", "22-01", "2022-Q5", "June 2022", "", "2022-04-X"])
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(ParseError):
        parse_date(text)


dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 31))


@given(dates, st.sampled_from(["year", "month", "day", "quarter", "half", "dekad"]))
def test_partial_date_round_trip_and_bounds(day: dt.date, precision: str) -> None:
    text = {
        "year": f"{day.year}", "month": f"{day:%Y-%m}", "day": day.isoformat(),
        "quarter": f"{day.year}-Q{(day.month - 1) // 3 + 1}", "half": f"{day.year}-H{1 if day.month <= 6 else 2}",
        "dekad": f"{day:%Y-%m}-{'E' if day.day <= 10 else 'M' if day.day <= 20 else 'L'}",
    }[precision]
    parsed = parse_date(text)
    assert str(parsed) == text
    assert parse_date(str(parsed)) == parsed
    assert parsed.start() <= day <= parsed.end()


@given(st.text(max_size=20))
def test_parse_date_never_crashes(text: str) -> None:
    try:
        parse_date(text)
    except ParseError:
        pass


@given(st.from_regex(r"[a-z0-9][a-z0-9-]{0,62}[a-z0-9]", fullmatch=True))
def test_valid_ids_round_trip(text: str) -> None:
    assert parse_id(text) == text


@pytest.mark.parametrize("text", ["", "Machine", "机床", "a b", "-x", "x-", "a" * 65, "a_b"])
def test_invalid_ids(text: str) -> None:
    with pytest.raises(ParseError):
        parse_id(text)


@given(st.text(max_size=12))
def test_parse_id_never_crashes(text: str) -> None:
    try:
        assert parse_id(text) == text
    except ParseError:
        pass


def test_parse_bool() -> None:
    assert [parse_bool(x) for x in ("yes", "No", "是", "否", "", "true")] == [True, False, True, False, None, True]
    with pytest.raises(ParseError):
        parse_bool("maybe")


@pytest.mark.parametrize(("text", "expected"), [
    ("1亿2000万元", "120000000 CNY"),
    ("三亿五千万元", "350000000 CNY"),
    ("人民币5000万元", "50000000 CNY"),
    ("人民币5000万", "50000000 CNY"),
    ("RMB 3000万元", "30000000 CNY"),
    ("五千万美元", "50000000 USD"),
    ("5000万美金", "50000000 USD"),
    ("两千万元", "20000000 CNY"),
    ("一点五亿元", "150000000 CNY"),
    ("约３４００万美元", "~34000000 USD"),
    ("超１．５亿元", ">=150000000 CNY"),
    ("１２００万元以上", ">=12000000 CNY"),
])
def test_amounts_as_planners_write_them(text: str, expected: str) -> None:
    assert str(parse_quantity(text)) == expected


def test_full_width_credit_code_is_accepted(tmp_path: Path) -> None:
    from chaingraph.dataset.fixtures import write_tiny_dataset
    from chaingraph.sources.sheets import import_sheet

    root = write_tiny_dataset(tmp_path / "ds")
    sheet = tmp_path / "firms.csv"
    sheet.write_text("企业名称,统一社会信用代码,所属环节,总投资\n全角测试有限公司,９１３３０４８２ＭＡ２ＪＤＫＪ１７Ａ,整车,人民币5000万元\n",
                     encoding="utf-8")
    plan = import_sheet(root, sheet)
    firm = next(f for f in cgr.load_dataset(root).firms.values() if f.name == "全角测试有限公司")
    assert firm.credit_code == "91330482MA2JDKJ17A", plan.to_dict()


def test_table_records_are_reexported_by_the_model() -> None:
    """The table records live in ``dataset/records.py`` (a snapshot query never imports it) and are found where
    they always were: ``chaingraph.dataset.model``, ``chaingraph``, ``dir()`` and ``import *``."""
    import chaingraph.dataset.model as model
    from chaingraph.dataset import records

    for name in records.__all__:
        assert getattr(model, name) is getattr(records, name) is getattr(cgr, name)
        assert name in dir(model) and name in model.__all__
    namespace: dict[str, object] = {}
    exec("from chaingraph.dataset.model import *", namespace)
    assert namespace["Firm"] is records.Firm
    assert repr(records.Firm("f1", "甲")) == ("Firm(id='f1', name='甲', legal_name='', name_en='', aliases=[], "
                                               "country='', group=None, fortune500=None, size='', region=None, "
                                               "headquarters='', credit_code='', sources=[], note='')")
    with pytest.raises(AttributeError):
        model.NoSuchRecord  # noqa: B018


def test_type_hints_of_records_resolve_in_a_fresh_process() -> None:
    """Libraries that read annotations (pydantic, cattrs, dacite) call typing.get_type_hints: every public
    dataclass, the records defined apart from the model included, and a loaded Dataset must resolve theirs."""
    import subprocess
    import sys

    code = (
        "import dataclasses, typing, chaingraph as cg\n"
        "ds = cg.load_dataset()\n"
        "classes = [getattr(cg, n) for n in cg.__all__]\n"
        "classes = [c for c in classes if isinstance(c, type) and dataclasses.is_dataclass(c)]\n"
        "classes += [type(ds), type(ds.info)]\n"
        "for c in classes:\n"
        "    typing.get_type_hints(c)\n"
        "print(len(classes))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) >= 10
