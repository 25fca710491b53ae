"""Propose facts from a Chinese signing article: firms, projects, figures, dates, statuses, places, segments.

Rule-based and offline. The text is first repaired (:mod:`chaingraph.sources.text`); every proposed
:class:`Fact` then says which record it is about (``record`` + ``key``: a firm or project by the name the
article gives it, a region fact by its metric), which field, the value in the dataset's canonical form, the
words as the article wrote them, their offsets in the *original* text (as read from the file, before repair)
and a confidence. Nothing here reads the dataset's firms or projects: extraction must work on unseen articles;
only the chain templates (segment keywords) and the region names are used.

Examples
--------
>>> text = "今年3月，德国德库威勒项目签约落户平湖经济技术开发区，总投资2500万美元，占地面积40亩。"
>>> result = extract_facts(text, doc_date="2022-06-01")
>>> [(f.key, f.field, f.value) for f in result.of("project") if f.field in ("investment", "date", "area_mu")]
[('德国德库威勒项目', 'date', '2022-03'), ('德国德库威勒项目', 'investment', '25000000 USD'), \
('德国德库威勒项目', 'area_mu', '40')]

The extractor is split by topic; this module is its public entry (:func:`extract_facts`, :data:`HIGH_CONFIDENCE`) and
re-exports the result types:

- :mod:`.extract_result`: :class:`Fact`, :class:`Extraction`, :data:`FACT_COLUMNS`;
- :mod:`.extract_common`: patterns and helpers several topics share (amounts, name characters, country words);
- :mod:`.extract_base`: the extractor's state (text, sentences, clauses, name lookups, the facts so far);
- :mod:`.extract_firm_names`: the firms found so far by name, and how their names merge (variants, short names);
- :mod:`.extract_firms`, :mod:`.extract_projects`: firm and project name frames;
- :mod:`.extract_project_names`: the projects found so far, their short forms, which project a position is about;
- :mod:`.extract_figures`: figures, amounts and units; :mod:`.extract_dates`: dates and statuses;
- :mod:`.extract_places`: places and where each project is;
- :mod:`.extract_records`: records assembly (the finders in order, then the facts of each record).
"""

from __future__ import annotations

import datetime as _dt

from ..dataset.store import Dataset
from ..errors import InvalidArgument, ParseError
from ..messages import msg
from .extract_common import COUNTRY_WORDS
from .extract_dates import resolve_date
from .extract_figures import _FIGURE_RE as _FIGURE_RE  # re-exported: benchmarks/extract_speed.py
from .extract_places import _place_name as _place_name  # re-exported: tests
from .extract_records import _Extractor
from .extract_result import FACT_COLUMNS, Extraction, Fact

__all__ = ["Fact", "Extraction", "FACT_COLUMNS", "HIGH_CONFIDENCE", "extract_facts", "resolve_date", "COUNTRY_WORDS"]

HIGH_CONFIDENCE = 0.93
"""The calibrated confidence (:mod:`chaingraph.sources.calibration`) from which a fact counts as high confidence:
set by hand above the lowest level at which the development articles' facts are at least 95% right (0.80 in the
round-19 fit, printed by benchmarks/fit_confidence.py), as a margin for unseen text, where the share at 0.93 is
0.87-0.93 (docs/extract.md). Review lists mark these as high confidence; ``chaingraph merge`` has its own, lower
default threshold."""


def extract_facts(text: str, doc_date: str | _dt.date, dataset: Dataset | None = None,
                  source_id: str = "article", ner: bool = False) -> Extraction:
    """Propose facts from the text of an article published on ``doc_date`` (relative dates resolve from it).

    ``dataset`` provides the chain templates (segment guesses) and region names (places); its firms and projects
    are not used, so that extraction is the same on an article about firms nobody has recorded yet. ``ner`` asks
    the optional entity tagger (:mod:`chaingraph.sources.ner`, extra ``chaingraph[ner]``) to confirm firm names
    that only weak frames propose; it raises :class:`InvalidArgument` when the tagger is not installed.
    """
    if ner:
        from . import ner as _ner

        if not _ner.available():
            raise InvalidArgument(msg("--ner needs the optional entity tagger: pip install 'chaingraph[ner]'"))
    if isinstance(doc_date, str):
        try:
            day = _dt.date.fromisoformat(doc_date)
        except ValueError as exc:
            raise ParseError(msg("--date {doc_date!r} is not a day: write YYYY-MM-DD", doc_date=doc_date)) from exc
    else:
        day = doc_date
    extractor = _Extractor(text, day, dataset, source_id, ner)
    facts = extractor.run()
    return Extraction(facts=facts, repaired=extractor.mapped, source_id=source_id, doc_date=day.isoformat())
