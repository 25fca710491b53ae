"""Material that becomes a dataset: spreadsheets, firm registries, news articles, ChainKnowledgeGraph, pools.

``sheets`` imports firms, projects and events from xlsx/CSV; ``chainkg`` adds reference firms from
ChainKnowledgeGraph; ``synth`` generates national pools for benchmarks and backtests.

From articles to proposed facts and back into a dataset:
``text`` repairs PDF artefacts (doubled "fake bold" text, broken lines), ``extract`` proposes facts with
evidence and offsets, ``merge`` puts reviewed facts into a dataset folder without duplicates or silent
overwrites. See ``docs/extract.md``.

From a firm registry to chain links (docs/registry.md): ``registry`` reads a 企业名录 export, ``classify``
proposes segments with confidence and evidence (``known`` adds what the dataset and chaingraph's reference list of
leading firms know of a firm or its group), ``places`` places addresses in the dataset's regions and parks,
``review`` writes the review workbook and applies the planner's decisions.
"""

from __future__ import annotations

__all__: list[str] = []
