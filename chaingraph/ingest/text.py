"""Read article text and undo what PDF extraction did to it, keeping a map back to the original characters.

PDF extractors render "fake bold" (text drawn twice, slightly shifted) as doubled text: every chunk of a bold
line appears twice in a row, ``124124家企业家企业`` for ``124家企业`` and ``（（平湖平湖））`` for ``（平湖）``.
:func:`repair_doubled` undoes that *only* where a whole run of consecutive chunks is doubled, so that legitimate
repeats in normal text (人人, 看看, 谢谢, 年年, 1111, 陆陆续续) are left alone. :func:`clean_text` then joins
lines broken by the page layout and drops the spaces PDF extraction puts between Chinese characters and
digits. Every step returns a :class:`MappedText`, whose ``origin`` gives, for each character, its index in the
text as it was read, so evidence can always be located in the original file.

Examples
--------
>>> repair_doubled("为为 124124家企业家企业，，11001100余人次").text
'为 124家企业，1100余人次'
>>> repair_doubled("人人都说谢谢，看看1111号").text
'人人都说谢谢，看看1111号'
>>> clean_text("总投资约\\n7500 万美元").text
'总投资约7500万美元'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ParseError

__all__ = ["MappedText", "read_article", "decode_article", "repair_doubled", "clean_text", "prepare_text"]

MIN_DOUBLED_CHARS = 4
"""A run of doubled chunks is repaired only if its chunks hold at least this many characters (undoubled)."""
MAX_CHUNK = 60


@dataclass(frozen=True)
class MappedText:
    """Text plus, for each of its characters, the index of the character it came from in the original."""

    text: str
    origin: tuple[int, ...]

    @classmethod
    def identity(cls, text: str) -> MappedText:
        return cls(text, tuple(range(len(text))))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The ``[start, end)`` span of the original text that ``text[start:end]`` came from."""
        if not self.origin or start >= end:
            return (0, 0)
        return self.origin[start], self.origin[end - 1] + 1

    def _derive(self, kept: list[int], text: str) -> MappedText:
        return MappedText(text, tuple(self.origin[i] for i in kept))


def decode_article(data: bytes) -> tuple[str, str]:
    """Decode article bytes as UTF-8 (with or without BOM) or else GB18030; return ``(text, encoding)``."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise ParseError(f"the article is neither UTF-8 nor GB18030 text (byte {exc.start})") from exc


def read_article(path: str | Path) -> tuple[str, str]:
    """Read an article file; returns ``(text, encoding)``. Newlines are normalised to ``\\n``."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ParseError(f"cannot read {path}: {exc.strerror or exc}") from exc
    text, encoding = decode_article(data)
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _longest_double(line: str, i: int) -> int:
    """Length L of the longest chunk with line[i:i+L] == line[i+L:i+2L], 0 if none."""
    limit = min(MAX_CHUNK, (len(line) - i) // 2)
    for size in range(limit, 0, -1):
        if line[i:i + size] == line[i + size:i + 2 * size] and not line[i:i + size].isspace():
            return size
    return 0


def _repair_line(line: str) -> list[int]:
    """Indices (into ``line``) of the characters to keep."""
    # Tokens: (start, size, doubled). A doubled token covers 2*size characters and keeps the first size.
    tokens: list[tuple[int, int, bool]] = []
    i = 0
    while i < len(line):
        size = _longest_double(line, i)
        if size:
            tokens.append((i, size, True))
            i += 2 * size
        else:
            tokens.append((i, 1, False))
            i += 1
    keep: list[int] = []
    k = 0
    while k < len(tokens):
        start, size, doubled = tokens[k]
        if not doubled:
            keep.append(start)
            k += 1
            continue
        # a run of doubled tokens, possibly with single spaces between them
        run_end = k
        j = k
        while j < len(tokens):
            if tokens[j][2]:
                run_end = j
                j += 1
            elif line[tokens[j][0]].isspace() and j + 1 < len(tokens) and tokens[j + 1][2]:
                j += 1
            else:
                break
        run = tokens[k:run_end + 1]
        chunks = [t for t in run if t[2]]
        chars = sum(t[1] for t in chunks)
        only_digits = all(line[t[0]:t[0] + t[1]].isdigit() for t in chunks)
        genuine = chars >= MIN_DOUBLED_CHARS and (len(chunks) >= 2 or (chunks[0][1] >= 3 and not only_digits))
        for t_start, t_size, t_doubled in run:
            if t_doubled and genuine:
                keep.extend(range(t_start, t_start + t_size))
            elif t_doubled:
                keep.extend(range(t_start, t_start + 2 * t_size))
            else:
                keep.append(t_start)
        k = run_end + 1
    return keep


def repair_doubled(text: str | MappedText) -> MappedText:
    """Undo doubled text from PDF "fake bold", line by line, leaving legitimate repeats alone.

    A line is cut into chunks, each either a single character or the longest chunk ``X`` followed by itself
    (``XX``). A run of consecutive doubled chunks (single spaces may sit between them) is undoubled when its
    chunks hold at least :data:`MIN_DOUBLED_CHARS` characters and it is more than one chunk, or one chunk of
    three or more characters that is not a number. So ``124124家企业家企业`` is repaired, while ``人人``,
    ``谢谢``, ``陆陆续续`` and ``1111`` in normal text are not.

    >>> repair_doubled("（（平湖平湖））有限公司").text
    '（平湖）有限公司'
    >>> repair_doubled("陆陆续续安装中陆陆续续安装中").text
    '陆陆续续安装中'
    >>> repair_doubled("年年有余，人人看看").text
    '年年有余，人人看看'
    """
    mapped = text if isinstance(text, MappedText) else MappedText.identity(text)
    source = mapped.text
    kept: list[int] = []
    offset = 0
    for line in source.split("\n"):
        kept.extend(offset + i for i in _repair_line(line))
        offset += len(line)
        if offset < len(source):
            kept.append(offset)  # the newline
        offset += 1
    return mapped._derive(kept, "".join(source[i] for i in kept))


_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_SENTENCE_END = "。！？!?；;：:…"
_CJKISH = re.compile(rf"[{_CJK}（）《》“”‘’、，。：；！？—…%％0-9]")


def _joinable(left: str, right: str) -> bool:
    return bool(_CJKISH.match(left)) or bool(_CJKISH.match(right))


def clean_text(text: str | MappedText) -> MappedText:
    """Join lines broken by the layout and drop spaces next to Chinese characters, keeping the offset map.

    A line break stays (as one ``\\n``) where the line before ends a sentence; elsewhere lines are joined. Spaces
    between two Latin words (``DMG MORI``) are kept; spaces next to Chinese text or between a number and its unit
    (``1666 万美元``) are dropped.

    >>> clean_text("德西福格汽车配件（平\\n\\n湖）有限公司").text
    '德西福格汽车配件（平湖）有限公司'
    >>> clean_text("今年 4月，日本 JFE商事。\\n\\nDMG MORI").text
    '今年4月，日本JFE商事。\\nDMG MORI'
    """
    mapped = text if isinstance(text, MappedText) else MappedText.identity(text)
    source = mapped.text
    kept: list[int] = []
    out: list[str] = []
    n = len(source)
    i = 0
    while i < n:
        ch = source[i]
        if ch in " \t\u3000\n\u00a0":
            j = i
            while j < n and source[j] in " \t\u3000\n\u00a0":
                j += 1
            gap = source[i:j]
            left = out[-1] if out else ""
            right = source[j] if j < n else ""
            if not left or not right:
                pass
            elif "\n" in gap and left in _SENTENCE_END + "”":
                kept.append(i + gap.index("\n"))
                out.append("\n")
            elif "\n" in gap and not _joinable(left, right):
                kept.append(i)
                out.append(" ")
            elif "\n" not in gap and not _joinable(left, right):
                kept.append(i)
                out.append(" ")
            i = j
            continue
        kept.append(i)
        out.append(ch)
        i += 1
    return mapped._derive(kept, "".join(out))


def prepare_text(text: str) -> MappedText:
    """Repair doubled text, then clean layout: the text extraction reads, mapped back to ``text``."""
    return clean_text(repair_doubled(text))
