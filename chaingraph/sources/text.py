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
from ..limits import MAX_ARTICLE_BYTES, LimitExceeded, read_limited_bytes
from ..messages import msg

__all__ = ["MappedText", "read_article", "decode_article", "repair_doubled", "clean_text", "prepare_text",
           "to_simplified", "is_traditional", "fullwidth_punctuation"]

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


# The most frequent characters of Chinese news (simplified forms). A decoding whose Chinese characters are mostly
# among them is the right one; mojibake (GB18030 bytes read as Big5 or the reverse) gives rare characters.
_COMMON = set(
    "的一是在了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定"
    "行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由"
    "其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问"
    "意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图"
    "山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海"
    "口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至"
    "达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低"
    "持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值"
    "号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁"
    "价严龙飞项签仪亿投镇街园企司限股份"
)
_CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff]")
MIN_COMMON_SHARE = 0.3
"""A decoding is accepted only if at least this share of its Chinese characters are common ones."""


def _common_share(text: str) -> tuple[float, int]:
    chars = _CJK_RE.findall(text)
    if not chars:
        return 1.0, 0
    simplified = _t2s().convert("".join(chars))
    common = sum(1 for a, b in zip(chars, simplified, strict=False) if b in _COMMON or "\u3040" <= a <= "\u30ff")
    return common / len(chars), len(chars)


def decode_article(data: bytes) -> tuple[str, str]:
    """Decode article bytes; return ``(text, encoding)``.

    UTF-8 (with or without BOM) is taken as is. Otherwise GB18030, Big5 and Shift-JIS are tried, and the decoding
    whose Chinese characters are mostly common ones (after traditional-to-simplified conversion) wins: GB18030
    bytes read as Big5 decode without error but give rare characters, so a plain "first that decodes" would
    produce mojibake silently. When no decoding looks like Chinese or Japanese text, a :class:`ParseError` names
    the best guess instead of returning garbage.

    >>> decode_article("簽約儀式於昨日舉行".encode("big5"))
    ('簽約儀式於昨日舉行', 'big5')
    >>> decode_article("签约仪式于昨日举行".encode("gb18030"))
    ('签约仪式于昨日举行', 'gb18030')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    scored: list[tuple[float, int, str, str]] = []
    for rank, encoding in enumerate(("gb18030", "big5", "shift_jis")):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        share, _count = _common_share(text)
        scored.append((share, -rank, encoding, text))
    if not scored:
        raise ParseError(msg("the article is not UTF-8, GB18030, Big5 or Shift-JIS text: convert it to UTF-8 first"))
    share, _, encoding, text = max(scored)
    if share < MIN_COMMON_SHARE:
        raise ParseError(msg("the article's encoding is unclear (best guess {encoding}, but only {share:.0%} of its "
                             "characters are common Chinese ones): convert it to UTF-8 first",
                             encoding=encoding, share=share))
    return text, encoding


def read_article(path: str | Path) -> tuple[str, str]:
    """Read an article file; returns ``(text, encoding)``. Newlines are normalised to ``\\n``."""
    try:
        data = read_limited_bytes(Path(path), MAX_ARTICLE_BYTES, "news article")
    except LimitExceeded as exc:
        raise ParseError(msg("{path}: {exc}", path=path, exc=exc)) from exc
    except OSError as exc:
        raise ParseError(msg("cannot read {path}: {strerror}", path=path, strerror=exc.strerror or exc)) from exc
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


_LIST_ITEM_START = re.compile(r"(?:\d{1,2}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)]|"
                              r"[一二三四五六七八九十]{1,3}、)[\u4e00-\u9fff]")
_MARKER = r"(?:[一二三四五六七八九十]{1,3}|\d{1,2}|[（(][一二三四五六七八九十\d]{1,3}[）)])[、.．]?"
_MARKER_LINE = re.compile(rf"{_MARKER}[ \t\u3000]*\n")
_MARKER_ONLY = re.compile(_MARKER)
# a line that is only a project's name, as a list's heading ("…有限公司年产5000万件服装加工项目"): no punctuation of a
# sentence inside, ending in 项目/工程 or a closing bracket
# a line starting with a day ("昨日，…", "4月6日上午，…") after a line without a sentence's end is a lead after its
# headline ("安宁粤商产业园项目开工总投资17亿元\n昨日，…"): kept apart, the headline does not become the date's clause
# ("25日上午，…", "8日，…": a bare day, when a time of day or a comma follows)
_LEAD_DATE = re.compile(r"昨日|昨天|今日|今天|(?:\d{4}年)?\d{1,2}月\d{1,2}日"
                        r"|\d{1,2}日(?=上午|下午|晚上|早上|凌晨|中午|[，,])")
_NAME_HEADING = re.compile(r"[^，。；：！？,;:]+(?:项目|工程|[）)])")


def clean_text(text: str | MappedText) -> MappedText:
    """Join lines broken by the layout and drop spaces next to Chinese characters, keeping the offset map.

    A line break stays (as one ``\\n``) where the line before ends a sentence; elsewhere lines are joined. Spaces
    between two Latin words (``DMG MORI``) are kept; spaces next to Chinese text or between a number and its unit
    (``1666 万美元``) are dropped.

    >>> clean_text("德西福格汽车配件（平\\n\\n湖）有限公司").text
    '德西福格汽车配件（平湖）有限公司'
    >>> clean_text("今年 4月，日本 JFE商事。\\n\\nDMG MORI").text
    '今年4月，日本JFE商事。\\nDMG MORI'
    >>> clean_text("发布时间:2022-06-15\\n6月14日").text
    '发布时间:2022-06-15\\n6月14日'
    >>> clean_text("分会场活动\\n\\n1.思明区：A项目，总投资3亿元\\n\\n2.湖里区：B项目").text
    '分会场活动\\n1.思明区：A项目，总投资3亿元\\n2.湖里区：B项目'
    >>> clean_text("重点项目介绍\\n一\\n莲花新区项目\\n二\\n河南明远有限公司年产5万吨\\n饲料项目").text
    '重点项目介绍\\n一\\n莲花新区项目\\n二\\n河南明远有限公司年产5万吨饲料项目'
    """
    mapped = text if isinstance(text, MappedText) else MappedText.identity(text)
    source = mapped.text
    kept: list[int] = []
    out: list[str] = []
    n = len(source)
    i = 0
    line_start = 0  # where the current line starts in out
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
            elif "\n" in gap and (left in _SENTENCE_END + "”" or _LIST_ITEM_START.match(source, j)
                                   or (left.isdigit() and right.isdigit()) or _MARKER_LINE.match(source, j)
                                   or (len(out) - line_start <= 6
                                       and _MARKER_ONLY.fullmatch("".join(out[line_start:])))
                                   or (6 <= len(out) - line_start <= 60
                                       and _NAME_HEADING.fullmatch("".join(out[line_start:])))
                                   or (len(out) - line_start >= 6 and left not in "年月日" and not left.isdigit()
                                       and _LEAD_DATE.match(source, j))):
                # (a line that starts a numbered item, "2.湖里区：…", "（三）…", "一、…", starts a new line too, and
                # so does a line starting with a digit after one ending with a digit: "发布时间:2022-06-15\n6月14日")
                kept.append(i + gap.index("\n"))
                out.append("\n")
                line_start = len(out)
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


_CONVERTER: list[object] = []


def _t2s():  # type: ignore[no-untyped-def]
    """The OpenCC traditional-to-simplified converter (opencc-python-reimplemented, pure Python), made once."""
    if not _CONVERTER:
        from opencc import OpenCC

        _CONVERTER.append(OpenCC("t2s"))
    return _CONVERTER[0]


TRADITIONAL_SHARE = 0.02
"""A text is traditional when conversion changes at least this share of its Chinese characters."""


def is_traditional(text: str) -> bool:
    """Whether ``text`` is written in traditional characters (enough of them change when converted).

    >>> is_traditional("蘇州工業園區簽約儀式"), is_traditional("苏州工业园区签约仪式")
    (True, False)
    """
    chars = "".join(_CJK_RE.findall(text))
    if not chars:
        return False
    changed = sum(1 for a, b in zip(chars, _t2s().convert(chars), strict=False) if a != b)
    return changed >= max(1, TRADITIONAL_SHARE * len(chars))


# 著 as the aspect particle after a verb or preposition (隨著, 標誌著, 意味著): OpenCC keeps it, simplified text
# writes 着; 著 of 著名, 显著 or 著作 stays
_ASPECT_ZHU_RE = re.compile(r"(?<=随|沿|朝|凭|本|靠|带|接|向)著|(?<=标志|意味|围绕)著")


def to_simplified(text: str | MappedText) -> MappedText:
    """Convert traditional characters to simplified (OpenCC t2s phrases), keeping the offset map.

    OpenCC converts phrase by phrase; a line whose conversion changes its length is converted character by
    character instead, so that every character still maps to one original character.

    >>> to_simplified("總投資1.8億元，佔地58.4畝").text
    '总投资1.8亿元，占地58.4亩'
    >>> to_simplified("隨著新廠投產，標誌著顯著的進步").text
    '随着新厂投产，标志着显著的进步'
    """
    mapped = text if isinstance(text, MappedText) else MappedText.identity(text)
    converter = _t2s()
    out: list[str] = []
    for line in mapped.text.split("\n"):
        converted = converter.convert(line)
        if len(converted) != len(line):
            converted = "".join(c if len(c) == 1 else ch for ch in line for c in [converter.convert(ch)])
        out.append(_ASPECT_ZHU_RE.sub("着", converted))
    return MappedText("\n".join(out), mapped.origin)


_HALF_PUNCT = re.compile(r"(?<!\d)[,:](?!\d)|(?<=[\u3400-\u9fff]),|,(?=[\u3400-\u9fff])|[;!?()]")
_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}


def fullwidth_punctuation(text: str | MappedText) -> MappedText:
    """Write ASCII punctuation the Chinese way (one character for one, so offsets keep), except inside numbers.

    Many sites publish Chinese text with ASCII commas and brackets; the extraction rules read clauses and names
    by the full-width forms.

    >>> fullwidth_punctuation("台玻(福建)公司,总投资1,200万元;10:30开工").text
    '台玻（福建）公司，总投资1,200万元；10:30开工'
    """
    mapped = text if isinstance(text, MappedText) else MappedText.identity(text)
    converted = _HALF_PUNCT.sub(lambda m: _FULL[m.group()], mapped.text)
    return MappedText(converted, mapped.origin)


def prepare_text(text: str) -> MappedText:
    """Repair doubled text, clean layout, punctuation and traditional script: what extraction reads, mapped back."""
    mapped = fullwidth_punctuation(clean_text(repair_doubled(text)))
    return to_simplified(mapped) if is_traditional(mapped.text) else mapped
