"""The Chinese catalogue of :mod:`chaingraph.messages`: English template -> Chinese template.

Placeholders are the English template's (``tests/test_messages.py`` checks both ways); names, ids, file names and
values in them are data and are shown as written. Plural markers (``{s}``) have no Chinese counterpart.
"""

from __future__ import annotations

__all__ = ["ZH"]

ZH: dict[str, str] = {
    # errors.py
    "dataset {root} has {count} problem{s}": "数据集 {root} 有 {count} 个问题",
    "invalid dataset": "数据集无效",
    "not found": "未找到",
    "is required": "必填",
    "{count} firm{s} match {name!r}": "有 {count} 家企业与 {name!r} 匹配",
}
