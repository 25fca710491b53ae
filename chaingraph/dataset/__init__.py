"""Files to a :class:`Dataset` and back: the first step of the data flow.

* :mod:`.model`: the records (chains, segments, regions, firms, projects, events, sources, claims) and the
  parsers of cells (ids, dates, amounts); the records of the tables (firms, links, projects, ...) are defined in
  :mod:`.records` and re-exported by :mod:`.model`;
* :mod:`.store`: :class:`Dataset`, every record indexed, with the name lookups planners type;
* :mod:`.reader` / :mod:`.writer`: a dataset folder (``dataset.yaml`` and CSV files) validated in, written out
  atomically under a lock, with a journal (:mod:`.journal`, :mod:`.locking`);
* :mod:`.params`: the analysis parameters a dataset may override; :mod:`.events`: project histories;
* :mod:`.graph`: the dataset as a networkx graph (:class:`~chaingraph.dataset.graph.ChainGraph`), every node and
  edge with its sources: the in-memory engine the analysis reads.

Nothing here imports from the later steps (sources, analysis, engines, outputs, cli).
"""

from __future__ import annotations

from .store import DATA_ENV, Dataset, bundled_dataset_path, default_dataset_path, normalize_name

__all__ = ["DATA_ENV", "Dataset", "bundled_dataset_path", "default_dataset_path", "normalize_name"]
