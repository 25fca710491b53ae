"""From articles to proposed facts and back into a dataset: text repair, extraction, review and merge.

``text`` repairs PDF artefacts (doubled "fake bold" text, broken lines), ``extract`` proposes facts with
evidence and offsets, ``merge`` puts reviewed facts into a dataset folder without duplicates or silent
overwrites. See ``docs/extract.md``.
"""

from __future__ import annotations

__all__: list[str] = []
