"""How likely a proposed firm or project record is a real one: a small logistic model of spurious records.

The rules of :mod:`chaingraph.sources.extract` propose a firm or a project wherever a frame allows one, and some
of those records are not in the article's answer key: an event or a campaign named like a project
(``…招商引资项目集中签约仪式``), a budget word or a verb taken for a firm (``概算``, ``梳理出``), an item
of a list of projects read as a firm (``永新高速``), a short form of a project the article also names in
full. The rule that proposed a record says part of it; the record says more: how its name is shaped, the
words around its first mention, the facts the extractor attached to it, what else the article proposes.
:func:`features` turns a record into yes/no features (the vocabulary is ``FEATURES``, the features each record
type uses and their expected directions ``RECORD_FEATURES``), and :func:`confidence` weighs them with the record
type's weights in ``WEIGHTS``::

    p = 1 / (1 + exp(-(intercept + sum of the weights of the features the record has)))

``WEIGHTS`` is data, written by ``benchmarks/fit_confidence.py``: one L2-regularised logistic regression per
record type, fitted on the firm and project records of the development articles (extracted with the rules only,
judged as the benchmark judges them), each weight of a named feature kept in its feature's declared direction,
the strength of the regularisation chosen by 10-fold cross-validation over whole articles. Besides the named
features a record has character features (:func:`_ngrams`: the ends of its name, the characters around its first
mention, its rule), whose weights are in ``chaingraph/data/record-ngrams.json`` (``NGRAM_WEIGHTS``). Nothing is
fitted or downloaded at run time and the arithmetic is plain Python, so the same facts always get the same
confidence.
:func:`chaingraph.sources.calibration.calibrate` sets each firm's and project's name confidence from it (no
higher than ``MODEL_CEILING`` unless the name's rule is that sure too), and every other fact of the record is
capped at its name's.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .divisions import CITIES, PROVINCES
from .vocabulary import CONCRETE_HEAD, GENERIC_WORD_RE, PRODUCT_HINT

if TYPE_CHECKING:
    from .extract import Fact
    from .text import MappedText

__all__ = ["FEATURES", "RECORD_FEATURES", "WEIGHTS", "NGRAM_WEIGHTS", "features", "confidence", "clamp",
           "record_confidences"]

FEATURES: dict[str, str] = {
    # the rule that proposed the record: the frame its name was read in
    "legal": "firm: read with a legal form (…有限公司, 株式会社, …总公司)",
    "brand": "firm: a brand, a group (集团), a stock code, or a country word before what firms do",
    "subject": "firm: the subject of an investing or signing clause, or the maker before 年产",
    "weak": "firm: an item of a list or of a pair, or a name after a country word before a noun phrase",
    "background": "firm: a guest, customer, parent or attendee in every mention",
    "linked": "firm: named as the firm of one of the article's projects",
    "firm_figure": "project: with both a firm and a figure of its own",
    "firm_or_figure": "project: with a firm or a figure of its own, or a country word",
    "concrete": "project: its name has a kind of work or product (年产, 基地, 生产线, 二期 …)",
    "bare": "project: a name of product and category words only, or a bare name",
    "listed": "project: made for one firm of a list of firms (…等项目)",
    "implicit": "project: a firm's capital increase or registered company read as its project",
    # the shape of the name
    "short": "the name, without 项目 or a legal form, has at most 3 characters",
    "long": "the name has 18 characters or more",
    "verb": "the name holds a verb or a clause word (洽谈, 上马, 涉及, 估算, 约定, 有 …)",
    "generic": "the name holds a campaign, event or period word (招商引资, 集中, 签约, 行动, 2019年, 秋季 …)",
    "place_head": "the name starts with a province, city, county or zone",
    "place_only": "the name is a place and campaign or category words, nothing else",
    "unnamed": "nothing of the name is left once places, category, product and work words are taken out",
    "odd": "the name starts or ends with punctuation, holds 等 or ？, or a bracket cut in half",
    "latin": "the name has Latin letters",
    "ends_project": "project: the name ends in 项目",
    "ends_site": "project: the name ends in a site or works word (基地, 园, 中心, 厂, 工程, 总部 …)",
    "ends_firm": "firm: the name ends like a firm's (公司, 集团, 科技, 电子, 股份, 实业 …)",
    "ends_not_firm": "firm: the name ends like a project, a road or a work (园, 基地, 高速, 改造, 工程 …)",
    "same_as_project": "firm: a project is proposed under the same name (with 项目): a list item read as both",
    "names_project": "firm: a longer project name starts with its name (the firm's own project)",
    "inner": "project: its name is part of another project's name (a part or a short form of it)",
    "outer": "project: another project's name is part of its name",
    # the words around its first mention
    "event_after": "an event noun right after the name (仪式, 签约会, 活动, 现场, 集中签约 …)",
    "venue": "named as where an event is held (在X举行, 在X项目现场)",
    "list_after": "等 right after the name",
    "after_comma": "first named right after a comma or a colon",
    "described": "first named right after 的 (总投资5亿元的X项目, 位于…的X)",
    "quoted": "first named in quotes or title marks",
    "headline": "first named in the headline (a first line of at most 40 characters, with the text after it)",
    "early": "first named in the first fifth of the text (headline and lead, where events are named)",
    "late": "first named in the last third of the text",
    "again": "named in two sentences or more",
    "repeated": "named three times or more",
    # what the extractor attached to it, and what else the article has
    "has_figure": "project: an amount of its own (investment, area, output, capacity …)",
    "has_date": "project: a date of its own",
    "has_place": "a place of its own (a project's park or town; a firm's, from its project)",
    "has_firm": "project: a firm of its own",
    "many_facts": "project: four kinds of facts of its own or more",
    "crowded": "the article proposes 8 projects or more (a list of projects)",
}
"""Every feature a record can have (each is 0 or 1), with what it means."""

RECORD_FEATURES: dict[str, dict[str, int]] = {
    "firm": {
        "legal": 1, "brand": 1, "subject": -1, "weak": -1, "background": -1, "linked": 1, "short": -1, "verb": -1,
        "place_head": 1, "unnamed": -1, "odd": -1, "latin": 1, "ends_firm": 1, "ends_not_firm": -1,
        "same_as_project": -1, "names_project": 1, "list_after": -1, "after_comma": 0, "described": 1, "headline": 0,
        "early": 0, "late": 0, "again": 1, "repeated": 1, "has_place": 1, "crowded": 1,
    },
    "project": {
        "firm_figure": 1, "firm_or_figure": 1, "concrete": 1, "bare": -1, "listed": -1, "implicit": -1, "long": 0,
        "verb": -1, "generic": -1, "place_head": 0, "place_only": -1, "unnamed": -1, "latin": 0, "ends_project": 1,
        "ends_site": 0, "inner": -1, "outer": 0, "event_after": -1, "venue": -1, "list_after": 0, "after_comma": 0,
        "described": 1, "quoted": 1, "headline": 0, "early": 0, "late": 0, "again": 1, "has_figure": 1, "has_date": 1,
        "has_place": 1, "has_firm": 1, "many_facts": 1, "crowded": 1,
    },
}
"""The features each record type's model weighs, each with the direction it was expected to push before any
fitting: 1 evidence for a real record, -1 against, 0 either (where the feature is, not what it is). The fit keeps
a weight only in its feature's direction: a feature whose weight comes out the other way is left out of the
model (set to 0), so that a coincidence of a few development articles cannot turn evidence around. A feature that
means nothing for a type is not in its list."""

# BEGIN WEIGHTS (written by benchmarks/fit_confidence.py; do not edit by hand)
WEIGHTS: dict[str, dict[str, float]] = {
    "firm": {
        "intercept": -0.449,
        "legal": 1.159,
        "brand": 0.116,
        "subject": -0.622,
        "weak": -0.427,
        "background": -0.227,
        "linked": 0.383,
        "short": -0.614,
        "verb": -0.277,
        "place_head": 0.521,
        "unnamed": 0.000,
        "odd": -0.419,
        "latin": 0.000,
        "ends_firm": 0.849,
        "ends_not_firm": -0.714,
        "same_as_project": -1.064,
        "names_project": 0.397,
        "list_after": -0.376,
        "after_comma": 0.093,
        "described": 0.000,
        "headline": -0.183,
        "early": 0.368,
        "late": -0.156,
        "again": 0.316,
        "repeated": 0.000,
        "has_place": 0.001,
        "crowded": 0.000,
    },
    "project": {
        "intercept": -1.617,
        "firm_figure": 0.000,
        "firm_or_figure": 0.382,
        "concrete": 0.597,
        "bare": -0.063,
        "listed": -0.609,
        "implicit": 0.000,
        "long": 0.584,
        "verb": -0.309,
        "generic": -1.121,
        "place_head": 0.529,
        "place_only": -0.645,
        "unnamed": -0.693,
        "latin": -0.526,
        "ends_project": 0.979,
        "ends_site": 0.149,
        "inner": -1.217,
        "outer": -0.548,
        "event_after": 0.000,
        "venue": 0.000,
        "list_after": 1.078,
        "after_comma": 0.040,
        "described": 0.330,
        "quoted": 0.101,
        "headline": -0.341,
        "early": -0.431,
        "late": 0.145,
        "again": 0.241,
        "has_figure": 1.411,
        "has_date": 0.729,
        "has_place": 0.436,
        "has_firm": 0.768,
        "many_facts": 0.000,
        "crowded": 0.170,
    },
}
# END WEIGHTS

NGRAM_FILE = "record-ngrams.json"
"""The character features' weights, per record type (``chaingraph/data/record-ngrams.json``, written by
benchmarks/fit_confidence.py; only those seen in at least ``MIN_NGRAM`` fitted records, and not rounded to 0)."""

_VERB_RE = re.compile(r"签约|开工|上马|洽谈|跟踪|推进|实施|引进|招引|打造|提升|举办|涉及|梳理|扩大|约定|成功|估算|概算|"
                      r"批复|参加|出席|表示|建成|包括|共有|^有|[^所]有(?!限)|积极|推动|加快|落户|启动|宣布|以货币")
_GENERIC_RE = re.compile(r"招商|引资|集中|签约|行动|活动|百日|冲刺|重点项目|重大项目|国资|国企|经济带|季度|春季|秋季|"
                         r"仪式|大会|峰会|博览会|推介|一批|PPP|政府|\d{4}年|上半年|下半年")
_ODD_RE = re.compile(r"^[）)、，,：:“”\-—]|[（(“：:、，,—\-]$|等|？|^[^（(]*[）)]|[（(][^）)]*$")
_SITE_END_RE = re.compile(r"(?:基地|园|园区|中心|厂|工厂|厂房|工程|总部|小镇|综合体|大楼|生产线|自动线|学校|医院|"
                          r"示范区|新区|广场|研究院|产线)(?:[（(][^）)]*[）)])?$")
_FIRM_END_RE = re.compile(r"(?:公司|集团|股份|科技|电子|实业|控股|电气|机械|材料|新材|能源|制药|药业|精密|光电|半导体|"
                          r"营造|银行|企业|工业|重工|化工|智能|技术|电机|光伏|汽车|钢铁|食品|玻璃|国际|兴业|精机)$")
_NOT_FIRM_END_RE = re.compile(r"(?:园|基地|高速|道|路|工程|建设|改造|中心|项目|小镇|景区|学校|医院|"
                              r"[区镇站线车后出及])$")
_EVENT_AFTER_RE = re.compile(r"(?:集中|合作|招商|项目|重点项目)?(?:签约|开工|开竣工|竣工|奠基|投产|洽谈)?"
                             r"(?:仪式|签约会|活动|大会|现场|会议|推介会|洽谈会|发布会)")
_VENUE_AFTER_RE = re.compile(r"(?:项目)?(?:建设)?(?:现场|工地|举行|隆重举行)")
_LEGAL_TAIL_RE = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|株式会社|公司|项目)$")
_COUNTY_HEAD_RE = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:自治县|县|区|市|旗|镇|街道|新区|开发区|经开区|高新区)")
_CATEGORY_RE = re.compile(r"建设|合作|产业|经济|发展|工业|项目|特大|[\d年]")
_FIGURES = {"investment", "registered_capital", "area_mu", "expected_output", "capacity", "fixed_asset_investment",
            "capital_increase"}


def _place_head(name: str, whole: bool = False) -> int:
    """How many characters of a place start ``name`` (0 when none): a province or a prefecture city, then maybe a
    county-like word (which may take the whole name only when ``whole``)."""
    size = 0
    for n in (2, 3, 4):
        head = name[:n]
        if head in PROVINCES or head in CITIES:
            size = n + (1 if name[n:n + 1] in ("省", "市") else 0)
    m = _COUNTY_HEAD_RE.match(name, size)
    if m and (whole or len(name) > m.end()):
        size = m.end()
    return size


def _frame(rule: str, record: str) -> dict[str, bool]:
    """The features of the rule that proposed the name (``firm.name:0.65/linked``, ``project.name:0.50/list``)."""
    level_text = re.search(r":([\d.]+)", rule)
    level = float(level_text.group(1)) if level_text else 0.0
    tag = rule.split("/", 1)[1] if "/" in rule else ""
    if record == "firm":
        return {"legal": level >= 0.8, "brand": 0.7 <= level < 0.8, "subject": 0.65 <= level < 0.7,
                "weak": 0.5 <= level < 0.65, "background": level < 0.5, "linked": tag == "linked"}
    return {"firm_figure": tag == "firm+figure", "firm_or_figure": level >= 0.85 and tag != "firm+figure",
            "concrete": 0.75 <= level < 0.85, "bare": 0.55 <= level < 0.75, "listed": tag == "list",
            "implicit": tag == "implicit"}


def _shape(name: str, record: str) -> dict[str, bool]:
    """The features of the name itself."""
    core = _LEGAL_TAIL_RE.sub("", name)
    head = _place_head(core)
    rest = _CATEGORY_RE.sub("", _GENERIC_RE.sub("", core[_place_head(core, whole=True):]))
    words = PRODUCT_HINT.sub("", CONCRETE_HEAD.sub("", GENERIC_WORD_RE.sub("", core[head:])))
    words = re.sub(r"[\d.%、（）()年万吨千瓦亿元米台套件个]+", "", words)
    x = {"short": len(core) <= 3, "long": len(name) >= 18, "verb": bool(_VERB_RE.search(name)),
         "generic": bool(_GENERIC_RE.search(name)), "place_head": head > 0, "place_only": len(rest) < 2,
         "unnamed": len(words) < 2, "odd": bool(_ODD_RE.search(name)), "latin": bool(re.search(r"[A-Za-z]", name))}
    if record == "project":
        x["ends_project"] = name.endswith("项目")
        x["ends_site"] = bool(_SITE_END_RE.search(name))
    else:
        x["ends_firm"] = bool(_FIRM_END_RE.search(name))
        x["ends_not_firm"] = not x["ends_firm"] and bool(_NOT_FIRM_END_RE.search(name))
    return x


def _first_mention(fact: Fact, text: MappedText) -> int:
    """Where the name fact's words start in the repaired text (its offsets are the original text's)."""
    t = text.text
    pos = bisect.bisect_left(text.origin, fact.start) if text.origin else 0
    if fact.text and t.startswith(fact.text, pos):
        return pos
    return t.find(fact.text or fact.value)


def features(facts: Sequence[Fact], text: MappedText | None = None) -> dict[tuple[str, str], set[str]]:
    """The features (names in ``FEATURES``) each firm and project record of ``facts`` has, by ``(record, key)``:
    from its name fact's rule and value, the other facts about it and, when the repaired ``text`` is given, the
    words around its first mention."""
    names = {(f.record, f.key): f for f in facts if f.record in ("firm", "project") and f.field == "name"}
    fields: dict[tuple[str, str], set[str]] = {}
    for f in facts:
        fields.setdefault((f.record, f.key), set()).add(f.field)
    cores = {k: _LEGAL_TAIL_RE.sub("", f.value) if k[0] == "firm" else f.value.removesuffix("项目")
             for k, f in names.items()}
    projects = [c for (record, _), c in cores.items() if record == "project"]
    kin = _Kin(projects)
    crowded = len(projects) >= 8
    t = text.text if text is not None else ""
    first_line = t.split("\n", 1)[0]
    headline = len(first_line) if len(first_line) <= 40 and len(t) > len(first_line) + 1 else 0
    stops = [m.start() for m in _SENTENCE_END_RE.finditer(t)]
    out: dict[tuple[str, str], set[str]] = {}
    for (record, key), fact in names.items():
        x = _frame(fact.rule, record)
        x.update(_shape(fact.value, record))
        have = fields.get((record, key), set()) - {"name"}
        core = cores[(record, key)]
        x["crowded"] = crowded
        x["has_place"] = "region" in have
        if record == "project":
            x["has_figure"] = bool(have & _FIGURES)
            x["has_date"] = bool(have & {"date", "start_date", "trial_date"})
            x["has_firm"] = "firms" in have
            x["many_facts"] = len(have - {"note"}) >= 4
            x["inner"] = len(core) >= 3 and kin.inside_another(core)
            x["outer"] = kin.holds_another(core)
        else:
            x["same_as_project"] = core in kin.names
            x["names_project"] = len(core) >= 2 and kin.starts_another(core)
        found = _first_mention(fact, text) if text is not None and t and (fact.text or fact.value) else -1
        if found >= 0:
            end = found + len(fact.text or fact.value)
            before, after = t[max(0, found - 8):found], t[end:end + 10]
            x["event_after"] = bool(_EVENT_AFTER_RE.match(after))
            x["venue"] = before.endswith("在") and bool(_VENUE_AFTER_RE.match(after))
            x["list_after"] = after.startswith("等")
            x["after_comma"] = before[-1:] in ("，", ",", "：", ":")
            x["described"] = before[-1:] == "的"
            x["quoted"] = before[-1:] in ("“", "「", "《", '"')
            x["headline"] = found < headline
            x["early"] = found < 0.2 * len(t)
            x["late"] = found > 0.67 * len(t)
        if text is not None and t:
            x["again"] = _in_two_sentences(core, t, stops)
            x["repeated"] = t.count(fact.value) >= 3
        allowed = RECORD_FEATURES[record]
        out[(record, key)] = {k for k, v in x.items() if v and k in allowed} | _ngrams(fact, core, t, found)
    return out


_SENTENCE_END_RE = re.compile(r"[。！？；\n]")


def _in_two_sentences(core: str, t: str, stops: list[int]) -> bool:
    """Whether ``core`` is in two sentences of ``t`` or more (sentences end at ``stops``, the positions of
    ``_SENTENCE_END_RE``): one search after the sentence of its first occurrence, so linear in the text."""
    if not core or _SENTENCE_END_RE.search(core):
        return False
    first = t.find(core)
    if first < 0:
        return False
    end = bisect.bisect_left(stops, first)
    return end < len(stops) and t.find(core, stops[end] + 1) >= 0


class _Kin:
    """The article's project names (cores), indexed for comparing one name with all the others: which hold it
    (one search of the joined names), which it holds and which start with it (lookups as many as the name's
    length), instead of a loop over every pair in Python."""

    def __init__(self, projects: list[str]) -> None:
        self.names = set(projects)
        self._equal = Counter(projects)
        self._joined = "\x00".join(projects)
        self._sorted = sorted(self.names)
        self._lengths = sorted({len(c) for c in self.names if len(c) >= 3})

    def inside_another(self, core: str) -> bool:
        """Another project's name (3 characters or more) holds ``core``."""
        return self._joined.count(core) > self._equal[core]

    def holds_another(self, core: str) -> bool:
        """``core`` holds another project's name of 3 characters or more."""
        for size in self._lengths:
            if size >= len(core):
                break
            if any(core[i:i + size] in self.names for i in range(len(core) - size + 1)):
                return True
        return False

    def starts_another(self, core: str) -> bool:
        """Another project's name starts with ``core`` (and is longer)."""
        at = bisect.bisect_right(self._sorted, core)
        return at < len(self._sorted) and self._sorted[at].startswith(core)


def _ngrams(fact: Fact, core: str, t: str, found: int) -> set[str]:
    """The record's character features, each ``kind:characters``: the last one and two characters of its name's
    core (the name without a legal form or 项目) and the first one and two, the one and two characters before and
    after its first mention in the text, and its name's rule. The model weighs those the fit saw often enough
    (``NGRAM_WEIGHTS``); the rest weigh nothing."""
    out = {f"rule:{fact.rule}"}
    if core:
        out |= {f"end:{core[-1]}", f"end2:{core[-2:]}", f"start:{core[0]}", f"start2:{core[:2]}"}
    if found >= 0:
        end = found + len(fact.text or fact.value)
        before, after = t[max(0, found - 2):found], t[end:end + 2]
        out |= {f"before:{before[-1:]}", f"after:{after[:1]}", f"before2:{before}", f"after2:{after}"}
        out -= {"before:", "after:"}  # the text's start and end: headline and position features say that
        out -= {f for f in out if f[:7] in ("before2", "after2:") and len(f.partition(":")[2]) < 2}
    return out


def _load_ngram_weights() -> dict[str, dict[str, float]]:
    from importlib.resources import files

    # the named weights were fitted together with these: a package without the file is broken, not a lesser model
    loaded = json.loads(files("chaingraph").joinpath("data", NGRAM_FILE).read_text(encoding="utf-8"))
    return {record: {k: float(v) for k, v in weights.items()} for record, weights in loaded.items()}


def confidence(record: str, present: set[str], weights: dict[str, dict[str, float]] | None = None,
               ngram_weights: dict[str, dict[str, float]] | None = None) -> float:
    """The model's probability that a ``record`` (firm or project) with the features ``present`` is a real one."""
    w = (WEIGHTS if weights is None else weights)[record]
    g = (NGRAM_WEIGHTS if ngram_weights is None else ngram_weights).get(record, {})
    z = w["intercept"] + math.fsum(w.get(k, 0.0) + g.get(k, 0.0) for k in sorted(present))
    return 1.0 / (1.0 + math.exp(-z))


def clamp(p: float) -> float:
    """A probability as a fact's confidence: two decimals, within [0.01, 0.99] (a model is never sure; 1 is what a
    reviewer writes)."""
    return min(0.99, max(0.01, round(p, 2)))


def record_confidences(facts: Sequence[Fact], text: MappedText | None = None) -> dict[tuple[str, str], float]:
    """The confidence (:func:`clamp`-ed) of every firm and project record of ``facts``; empty while ``WEIGHTS``
    is."""
    if not WEIGHTS:
        return {}
    return {k: clamp(confidence(k[0], x)) for k, x in features(facts, text).items()}



NGRAM_WEIGHTS: dict[str, dict[str, float]] = _load_ngram_weights()
