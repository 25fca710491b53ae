"""The parameters of the gap and target analysis, with their documented defaults (``docs/analysis.md``).

A dataset may override any of them in ``dataset.yaml`` under ``analysis:``; the reader checks them with
:meth:`AnalysisParams.from_mapping`, which is why they live with the dataset. :mod:`chaingraph.analysis.params`
picks the ones that apply to a graph or an engine.

>>> AnalysisParams().strong_min_firms
3
>>> AnalysisParams.from_mapping({"strong_min_firms": 2}).strong_min_firms
2
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from ..errors import ParseError
from ..messages import msg

__all__ = ["AnalysisParams"]


@dataclass(frozen=True)
class AnalysisParams:
    # --- segment status
    strong_min_firms: int = 3
    """A segment is strong with at least this many local operating firms (or with one leader)."""
    leader_makes_strong: bool = True
    """One local leader (size ``leader`` or Fortune Global 500, itself or by group) makes a segment strong."""
    count_guessed_links: bool = False
    """Whether links with confidence ``guessed`` count as local presence."""
    # --- priority
    strength_strong: float = 1.0
    strength_weak: float = 0.5
    strength_pipeline: float = 0.25
    strength_claimed: float = 0.25
    """How much a neighbouring segment of each status pulls (downstream) or pushes (upstream); ``missing`` and
    ``unknown`` neighbours do not."""
    pipeline_discount: float = 0.5
    """Priority factor for segments that already have pipeline projects."""
    claimed_discount: float = 0.5
    """Priority factor for segments a source says the region has, though the data holds no local firm."""
    relatedness_min_regions: int = 5
    """Relatedness density is used only when firms are spread over at least this many comparable regions."""
    # --- targets
    size_leader: float = 1.0
    size_large: float = 0.7
    size_medium: float = 0.45
    size_small: float = 0.25
    size_unknown: float = 0.35
    bonus_fortune500: float = 0.3
    bonus_same_group: float = 0.5
    bonus_supply_tie: float = 0.4
    bonus_country_fit: float = 0.2
    bonus_chain_synergy: float = 0.15
    confidence_confirmed: float = 1.0
    confidence_probable: float = 0.8
    confidence_guessed: float = 0.5

    @classmethod
    def from_mapping(cls, values: dict[str, Any] | None) -> AnalysisParams:
        """Defaults, overridden by ``values`` (as found in ``dataset.yaml``); unknown names are errors."""
        params = cls()
        if not values:
            return params
        known = {f.name: f for f in fields(cls)}
        changes: dict[str, Any] = {}
        for name, value in values.items():
            if name not in known:
                raise ParseError(msg("unknown analysis parameter {name!r}; known: {known}",
                                     name=name, known=", ".join(known)))
            default = getattr(params, name)
            try:
                if isinstance(default, bool):
                    if not isinstance(value, bool):
                        raise TypeError
                    changes[name] = value
                elif isinstance(default, int):
                    changes[name] = int(value)
                else:
                    changes[name] = float(value)
            except (TypeError, ValueError) as exc:
                raise ParseError(msg("analysis parameter {name}: {value!r} is not a {type_name}",
                                     name=name, value=value, type_name=type(default).__name__)) from exc
        return replace(params, **changes)

    def strength(self, status: str) -> float:
        return {"strong": self.strength_strong, "weak": self.strength_weak,
                "pipeline": self.strength_pipeline, "claimed": self.strength_claimed}.get(status, 0.0)
