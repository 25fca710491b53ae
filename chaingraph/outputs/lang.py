"""The language of what a person reads: Chinese (the default) or English (``chaingraph --lang en``).

JSON and CSV always carry the stable English codes (``status``, ``tier``, ``action_code``, and
``reason_details[].reason_code`` with its ``params``) next to the Chinese labels and reasons, whatever the
language. ``--lang en`` changes what a person reads: table headers, the status, tier and action cells (which show
the codes), the reasons and headlines (rendered from their codes, :mod:`chaingraph.analysis.reasons`), the
maps, workbooks and briefings. Names from the data stay as written, except that chains, segments, regions and
datasets that carry a ``name_en`` show it in English.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from ..labels import EVENT_LABELS, PROJECT_STATUS_LABELS

__all__ = ["LANGS", "DEFAULT_LANG", "LANG_ENV", "header_labels", "code_or_label", "name_in", "join_names",
           "reasons_in", "has_cjk", "cjk_outside", "data_texts", "quantity_label", "EVENT_LABELS",
           "PROJECT_STATUS_LABELS"]

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
LANG_ENV = "CHAINGRAPH_LANG"

_HEADERS_EN = {
    "产业链": "chain", "环节": "segment", "强": "strong", "弱": "weak", "在途": "pipeline", "声称有": "claimed",
    "缺": "missing", "未见": "unknown", "本地企业": "local firms", "完整度": "completeness",
    "含在途": "with pipeline", "层级": "tier", "状态": "status", "行动": "action", "优先级": "priority",
    "本地企业/在途项目": "local firms / pipeline projects", "要点": "headline", "企业": "firm", "国别": "country",
    "总部": "headquarters", "得分": "score", "完整度+": "completeness +", "理由": "reasons", "集团": "group",
    "所在地": "location", "500强": "Fortune 500", "项目": "project", "园区": "park", "日期": "date",
    "总投资": "investment", "地区": "region", "类型": "kind", "偏好来源国": "favoured countries",
    "原状态": "status before", "新状态": "status after", "名次": "rank",
    "事件": "events", "新增企业": "new firms", "签约": "signed", "承诺投资": "promised investment",
    "承诺产值": "promised output", "最新": "latest", "停滞原因": "stalled because",
}


def header_labels(headers: Sequence[str], lang: str) -> list[str]:
    """Table headers in ``lang``: the Chinese ones as written, or their English names (ids and # unchanged)."""
    if lang == "zh":
        return list(headers)
    return [_HEADERS_EN.get(h, h) for h in headers]


def code_or_label(code: str | None, label: str, lang: str) -> str:
    """A status, tier or action cell: the Chinese label, or with ``lang="en"`` the stable English code."""
    if lang == "zh" or not code:
        return label
    return code


def name_in(record: Any, lang: str) -> str:
    """A chain, segment, region or dataset name: as written, or in English its ``name_en`` when it has one."""
    name = str(getattr(record, "name", "") or "")
    return str(getattr(record, "name_en", "") or name) if lang == "en" else name


def join_names(names: Iterable[str], lang: str) -> str:
    """Names joined the way each language lists them: ``甲、乙`` or ``A, B``."""
    return ("、" if lang == "zh" else ", ").join(names)


def reasons_in(reasons: Iterable[str], lang: str) -> list[str]:
    """Reasons in ``lang`` (see :class:`chaingraph.analysis.reasons.Reason`)."""
    from ..analysis.reasons import reason_texts  # not at import time: the CLI imports this module to start

    return reason_texts(reasons, lang)


# CJK ideographs, kana, hangul, CJK punctuation and full-width forms
_CJK = ("[\u2e80-\u2fff\u3000-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
        "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
"""The class as a pattern string: compiled on first use by ``re``'s cache, not when the CLI starts (~3 ms)."""


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds a Chinese, Japanese or Korean character or CJK punctuation.

    >>> has_cjk("importance 0.80"), has_cjk("重要度"), has_cjk("A、B")
    (False, True, True)
    """
    return re.search(_CJK, text) is not None


def cjk_outside(text: str, names: Iterable[str]) -> list[str]:
    """The CJK that ``text`` still holds once every name in ``names`` (text from the data) is taken out.

    What an English output may hold in CJK is the data as written (firm, segment and park names, quoted evidence);
    anything else is an untranslated word. Longer names are taken out first, so a name inside another does not
    leave half of the longer one behind. Returns a few characters of context around each remaining run.

    >>> cjk_outside("2 local firms: 日本电产, 平湖工厂", ["日本电产", "平湖工厂"])
    []
    >>> cjk_outside("local 强 firm", [])
    ['local 强 firm']
    """
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        text = text.replace(name, " ")
    return [text[max(0, m.start() - 12):m.end() + 12] for m in re.finditer(_CJK + "+", text)]


def data_texts(ds: Any) -> list[str]:
    """Every text of dataset ``ds`` that an English output may show as written: the data's own words.

    Firm, park, project, group and source names, addresses, products, quoted evidence and notes, and the names
    of chains, segments, regions and the dataset *without* a ``name_en`` (those with one are shown in English, so
    their Chinese names are left out). With :func:`cjk_outside`, a test finds what an output left untranslated.
    """
    import dataclasses

    english = ("Chain", "Segment", "Region", "DatasetInfo")
    texts: set[str] = set()

    def collect(record: Any) -> None:
        if not dataclasses.is_dataclass(record) or isinstance(record, type):
            return
        english_name: Any = getattr(record, "name_en", None)
        skip = {"name"} if type(record).__name__ in english and english_name else set()
        for f in dataclasses.fields(record):
            if f.name in skip:
                continue
            value = getattr(record, f.name)
            values = value if isinstance(value, list | tuple | set | frozenset) else [value]
            for v in values:
                if isinstance(v, str):
                    texts.add(v)
                elif dataclasses.is_dataclass(v):
                    collect(v)
                elif v is not None and not isinstance(v, int | float | bool | dict):
                    texts.add(str(v))

    collect(ds.info)
    for collection in (ds.chains, ds.regions, ds.sources, ds.groups, ds.firms, ds.projects):
        for record in collection.values():
            collect(record)
    for records in (ds.links, ds.ties, ds.region_facts, ds.citations, ds.claims, ds.events):
        for record in records:
            collect(record)
    return sorted(texts)


def quantity_label(quantity: Any, lang: str) -> str:
    """An amount for a table or a page: the Chinese label (3400万美元, 约7500万欧元), or in English
    ``USD 34 million``, ``about EUR 75 million``, ``over CNY 10 billion``.

    >>> from chaingraph.dataset.model import parse_quantity
    >>> quantity_label(parse_quantity("约7500万欧元"), "en"), quantity_label(parse_quantity("超100亿元"), "en")
    ('about EUR 75 million', 'over CNY 10 billion')
    """
    if lang != "en":
        return str(quantity.label())
    from decimal import Decimal

    prefix = {"exact": "", "approx": "about ", "at_least": "over ", "at_most": "nearly "}.get(quantity.qualifier, "")
    amount = Decimal(str(quantity.amount))
    if not quantity.is_money:
        return f"{prefix}{format(amount.normalize(), 'f')} {quantity.unit}"
    for size, word in ((10**9, " billion"), (10**6, " million"), (1, "")):
        if abs(amount) >= size or size == 1:
            return f"{prefix}{quantity.unit} {format((amount / size).normalize(), 'f')}{word}"
    return ""  # pragma: no cover - the loop always returns


