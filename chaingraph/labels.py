"""Labels of the dataset's project-status and event codes, per language.

The codes themselves are defined with the records (:data:`chaingraph.dataset.model.PROJECT_STATUSES`,
:data:`~chaingraph.dataset.model.EVENT_KINDS`); every table, reason, ledger, map, workbook and briefing names them
through these two tables, so that one status is never written two ways. A foundation module (it imports nothing
from the package) so that the analysis and the outputs can both use it, and the CLI's start-up stays light.

Examples
--------
>>> PROJECT_STATUS_LABELS["zh"]["trial"], PROJECT_STATUS_LABELS["en"]["trial"]
('试生产', 'trial production')
>>> EVENT_LABELS["zh"]["started"]
'开工'
"""

from __future__ import annotations

__all__ = ["PROJECT_STATUS_LABELS", "EVENT_LABELS"]

PROJECT_STATUS_LABELS = {
    "zh": {"signed": "签约", "under_construction": "在建", "trial": "试生产", "operating": "投产", "cancelled": "取消"},
    "en": {"signed": "signed", "under_construction": "under construction", "trial": "trial production",
           "operating": "operating", "cancelled": "cancelled"},
}
"""A project's status (projects.csv ``status``) per language."""

EVENT_LABELS = {
    "zh": {"signed": "签约", "started": "开工", "trial": "试生产", "operating": "投产", "cancelled": "取消",
           "capital_increase": "增资"},
    "en": {"signed": "signed", "started": "construction started", "trial": "trial production",
           "operating": "operating", "cancelled": "cancelled", "capital_increase": "capital increase"},
}
"""A project event's kind (events.csv ``kind``) per language."""
