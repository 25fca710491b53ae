"""The language of tables: Chinese (the default) or English headers and codes (``chaingraph --lang en``).

JSON and CSV always carry the stable English codes (``status``, ``tier``, ``action_code``) next to the Chinese
labels, whatever the language. ``--lang en`` changes the tables a person reads: their headers, and the status,
tier and action cells, which show the codes. Reasons and headlines are still Chinese (they are built as Chinese
sentences today; rendering them from codes per language is future work).
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["LANGS", "DEFAULT_LANG", "LANG_ENV", "header_labels", "code_or_label"]

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
