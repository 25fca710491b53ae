"""Calibrated confidence for extracted facts: the share of facts of the same rule found right on the dev corpus.

Each fact proposed by :mod:`chaingraph.sources.extract` carries the ``rule`` that produced it
(``record.field:level``, the level being the rule's hand-set strength). ``COUNTS`` holds, for every rule seen on
the development articles (the main corpus's ``split: dev`` keys and the two former hold-out sets), how many of its
facts the benchmark judged right and how many it judged in all. It is data, written by
``benchmarks/fit_confidence.py``; nothing is fitted at run time and nothing is downloaded.

The confidence of a judged fact is its rule's share right, smoothed toward the share of its fact type::

    family share  p_f = (R_f + 1) / (N_f + 2)              (figures pooled; other types are their own family)
    type share    p_t = (R_t + K * p_f) / (N_t + K)        (all rules of the type pooled)
    rule share    p   = (r + K * p_t) / (n + K),  K = PRIOR_WEIGHT

where ``p_t`` is first capped at the rule's own hand-set level, so a rule seen on few facts stays near its type's
share or its level, whichever is lower, an unseen rule gets exactly that, and a kind of figure seen rarely on dev
(registered capital, capital increase) gets about the share of all figures. Facts the benchmark does not judge
(links between firms and projects, statuses, segments, countries) keep their rule's hand-set level. The name of a
firm or a project takes the record model's confidence instead (:mod:`chaingraph.sources.records`: how likely the
record as a whole is real, from its name, its context and its facts), above ``MODEL_CEILING`` only as high as its
rule's share; a record's other names (legal name, aliases, 也称 notes) take the record's confidence. Finally a fact
can be no surer than the record it is about: every fact of a project or firm is capped at the confidence of that
record's name, and a region fact's metric and period at its value's. A spurious record thus falls below the merge
threshold as a whole, not only its name. A firm's name rule also says whether the firm is linked to a project of the
article (``/linked``) or not (``/alone``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from .records import record_confidences

if TYPE_CHECKING:
    from .extract import Fact
    from .text import MappedText

__all__ = ["COUNTS", "PRIOR_WEIGHT", "MODEL_CEILING", "FACT_TYPES", "fact_type", "rule_confidence", "name_confidence",
           "calibrate"]

PRIOR_WEIGHT = 5.0
"""How many facts of evidence the type's share is worth against a rule's own record."""

MODEL_CEILING = 0.92
"""The highest confidence the record model gives a name on its own, just below extract's HIGH_CONFIDENCE (0.93): a
name is marked high confidence only when its rule's share is that high too. Set in round 9, when the names the
model alone lifted into the high band were right 131 times of 142 (0.92) on held-out development articles; with the
round-19 model they are 499 of 516 (0.967) there, those whose rule is there too 161 of 164, but on unseen articles
the high band's share is 0.87-0.95 (docs/extract.md), so the cap is kept as a margin."""

FACT_TYPES = {
    "firm.name": "firm", "project.name": "project",
    "project.investment": "investment", "project.registered_capital": "registered_capital",
    "project.area_mu": "area_mu", "project.expected_output": "expected_output", "project.capacity": "capacity",
    "project.fixed_asset_investment": "fixed_asset_investment", "project.capital_increase": "capital_increase",
    "project.date": "date", "project.start_date": "date", "project.trial_date": "date",
    "project.region": "place", "region_fact.value": "aggregate",
}
"""The facts with a calibrated confidence (``record.field`` -> fact type); the others keep their hand-set level.
The benchmark judges all of them but fixed-asset investment and capital increase, which get the figures' share."""

_FIGURES = {"investment", "registered_capital", "area_mu", "expected_output", "capacity", "fixed_asset_investment",
            "capital_increase"}

# BEGIN COUNTS (written by benchmarks/fit_confidence.py; do not edit by hand)
COUNTS: dict[str, tuple[int, int]] = {
    "firm.name:0.45/alone": (16, 31),
    "firm.name:0.45/linked": (2, 2),
    "firm.name:0.55/alone": (9, 11),
    "firm.name:0.55/linked": (21, 103),
    "firm.name:0.60/alone": (2, 10),
    "firm.name:0.60/linked": (1, 3),
    "firm.name:0.65/alone": (2, 18),
    "firm.name:0.65/linked": (15, 31),
    "firm.name:0.70/alone": (34, 46),
    "firm.name:0.70/linked": (47, 60),
    "firm.name:0.80/alone": (97, 114),
    "firm.name:0.80/linked": (251, 262),
    "project.area_mu:0.60/alone": (0, 1),
    "project.area_mu:0.60/far": (1, 1),
    "project.area_mu:0.85/alone": (58, 60),
    "project.area_mu:0.85/far": (14, 20),
    "project.area_mu:0.85/shared": (2, 4),
    "project.capacity:0.40/alone": (1, 7),
    "project.capacity:0.40/far": (0, 1),
    "project.capacity:0.40/shared": (0, 2),
    "project.capacity:0.60/far": (1, 1),
    "project.capacity:0.80/alone": (30, 39),
    "project.capacity:0.80/far": (14, 20),
    "project.capacity:0.80/shared": (30, 35),
    "project.capacity:0.85/alone": (36, 48),
    "project.capacity:0.85/far": (1, 5),
    "project.capacity:0.85/shared": (24, 28),
    "project.date:0.50": (0, 1),
    "project.date:0.65": (288, 368),
    "project.date:0.75": (18, 29),
    "project.expected_output:0.40/alone": (0, 1),
    "project.expected_output:0.40/far": (0, 1),
    "project.expected_output:0.60/far": (1, 1),
    "project.expected_output:0.85/alone": (27, 32),
    "project.expected_output:0.85/far": (18, 25),
    "project.expected_output:0.85/shared": (0, 1),
    "project.investment:0.40/alone": (5, 10),
    "project.investment:0.40/far": (0, 7),
    "project.investment:0.40/shared": (1, 5),
    "project.investment:0.60/alone": (9, 14),
    "project.investment:0.60/far": (2, 4),
    "project.investment:0.85/alone": (202, 227),
    "project.investment:0.85/far": (28, 38),
    "project.investment:0.85/shared": (88, 95),
    "project.name:0.50/implicit": (14, 19),
    "project.name:0.50/list": (73, 90),
    "project.name:0.55": (111, 169),
    "project.name:0.75": (293, 335),
    "project.name:0.85": (374, 416),
    "project.name:0.85/firm+figure": (121, 131),
    "project.region:0.55": (69, 83),
    "project.region:0.60": (105, 141),
    "project.region:0.72": (28, 36),
    "project.region:0.75": (157, 199),
    "project.registered_capital:0.60/alone": (4, 4),
    "project.registered_capital:0.85/alone": (1, 1),
    "project.registered_capital:0.85/far": (0, 1),
    "project.start_date:0.50": (0, 4),
    "project.start_date:0.65": (193, 265),
    "project.start_date:0.75": (41, 64),
    "region_fact.value:0.60": (1058, 1119),
    "region_fact.value:0.60/annual": (15, 15),
    "region_fact.value:0.60/at_least": (4, 5),
    "region_fact.value:0.60/firms": (29, 32),
    "region_fact.value:0.60/flow": (0, 8),
    "region_fact.value:0.75": (606, 620),
    "region_fact.value:0.75/annual": (109, 112),
    "region_fact.value:0.75/at_least": (20, 33),
    "region_fact.value:0.75/flow": (12, 28),
}
# END COUNTS


def fact_type(rule: str) -> str | None:
    """The judged fact type of a rule (``project.investment:0.85`` -> ``investment``), None if not judged."""
    return FACT_TYPES.get(rule.split(":", 1)[0])


def _family(kind: str) -> str:
    return "figure" if kind in _FIGURES else kind


def _pooled(member: Callable[[str], bool], counts: Mapping[str, tuple[int, int]]) -> tuple[int, int]:
    right = total = 0
    for rule, (r, n) in counts.items():
        if member(rule):
            right, total = right + r, total + n
    return right, total


def _type_share(kind: str, counts: Mapping[str, tuple[int, int]]) -> float:
    r_f, n_f = _pooled(lambda rule: _family(fact_type(rule) or "") == _family(kind), counts)
    family = (r_f + 1) / (n_f + 2)
    if _family(kind) == kind:
        return family
    r_t, n_t = _pooled(lambda rule: fact_type(rule) == kind, counts)
    return (r_t + PRIOR_WEIGHT * family) / (n_t + PRIOR_WEIGHT)


def rule_confidence(rule: str, counts: Mapping[str, tuple[int, int]] | None = None) -> float | None:
    """The calibrated confidence of a judged rule (smoothed share right on dev); None for an unjudged one.
    ``counts`` replaces ``COUNTS`` (the fit's cross-validation counts without the article it holds out)."""
    kind = fact_type(rule)
    if kind is None:
        return None
    counts = COUNTS if counts is None else counts
    prior = _type_share(kind, counts)
    # the rule's prior is its type's share, but no more than the rule's own hand-set level: a weak rule seen on
    # two dev facts (one right) stays weak instead of borrowing the share of the strong rules of its type
    level = re.search(r":([\d.]+)", rule)
    if level:
        prior = min(prior, float(level.group(1)))
    right, total = counts.get(rule, (0, 0))
    if total == 0:
        return prior
    return (right + PRIOR_WEIGHT * prior) / (total + PRIOR_WEIGHT)


def name_confidence(model: float, rule: float) -> float:
    """A firm's or project's name confidence from the record model's ``model`` and its rule's share ``rule``: the
    model's, but above ``MODEL_CEILING`` no higher than the rule's."""
    return min(model, max(rule, MODEL_CEILING))


def calibrate(facts: list[Fact], text: MappedText | None = None) -> None:
    """Set each fact's confidence from the table, each firm's and project's name confidence from the record model
    (:mod:`chaingraph.sources.records`; ``text`` is the repaired text the facts were read from, for the words
    around each name), then cap every fact at its record's (in place).

    A firm's name rule also says whether the firm is linked to a project of the article (``/linked``) or only
    named (``/alone``): a firm that invests in, signs or builds nothing the article reports is more often a guest,
    a bank or a background mention than an actor.
    """
    linked = {f.value for f in facts if f.record == "project" and f.field == "firms"}
    for fact in facts:
        if fact.record == "firm" and fact.field == "name" and fact.rule and "/" not in fact.rule:
            fact.rule += "/linked" if fact.key in linked else "/alone"
    cache: dict[str, float | None] = {}
    for fact in facts:
        if not fact.rule:
            continue
        if fact.rule not in cache:
            cache[fact.rule] = rule_confidence(fact.rule)
        value = cache[fact.rule]
        if value is not None:
            fact.confidence = round(value, 2)
    model = record_confidences(facts, text)
    for fact in facts:
        if fact.field == "name" and (fact.record, fact.key) in model:
            fact.confidence = name_confidence(model[(fact.record, fact.key)], fact.confidence)
    head = {"firm": "name", "project": "name", "region_fact": "value"}
    ceiling = {(f.record, f.key): f.confidence for f in facts if head.get(f.record) == f.field}
    for fact in facts:
        cap = ceiling.get((fact.record, fact.key))
        if cap is None or fact.field == head.get(fact.record):
            continue
        if fact.field in ("aliases", "legal_name") or fact.value.startswith("也称"):
            fact.confidence = cap  # another name of the record: as sure as the record, and merge matches by it
        else:
            fact.confidence = min(fact.confidence, cap)
