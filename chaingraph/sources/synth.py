"""Generate a synthetic national pool: a dataset folder in the normal format, with realistic structure.

The real chain templates (from the bundled dataset), a region tree (country > provinces > cities > counties with
parks) whose county sizes follow a Zipf law, regional specialisation in clusters of neighbouring segments (so
relatedness has signal), firms with groups, countries, Fortune Global 500 groups, leaders, multi-segment links
of mixed confidence, supply ties and projects in every status with money. The same seed gives the same files.

Besides the dataset the generator writes ``planted.json``: facts it planted on purpose in the default region
(the largest county), so tests can check that the analysis finds them:

* ``missing``: segments with no firm and no project in the default region;
* ``pipeline``: segments with only signed or under-construction projects there;
* ``strong``: segments where the default region has a leader.

Examples
--------
>>> import tempfile, pathlib
>>> from chaingraph import load_dataset
>>> root = generate(pathlib.Path(tempfile.mkdtemp()) / "pool", firms=2000, regions=20, seed=7)
>>> ds = load_dataset(root)
>>> len(ds.firms) >= 2000, ds.info.default_region == "r0000"
(True, True)
"""

from __future__ import annotations

import csv
import itertools
import json
import math
import random
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..dataset.store import bundled_dataset_path
from ..errors import ExportError
from ..messages import msg

__all__ = ["generate", "SynthSpec", "PLANTED_FILE"]

PLANTED_FILE = "planted.json"

_PROVINCES = ["浙江", "江苏", "广东", "山东", "上海", "安徽", "湖北", "四川", "河南", "福建", "湖南", "河北",
              "辽宁", "陕西", "重庆", "天津", "江西", "广西", "吉林", "山西"]
_COUNTRIES = [("CN", 0.82), ("JP", 0.06), ("DE", 0.04), ("US", 0.03), ("KR", 0.02), ("TW", 0.01), ("FR", 0.01),
              ("CH", 0.01)]
_SIZES = [("leader", 0.01), ("large", 0.09), ("medium", 0.30), ("small", 0.60)]
_CONFIDENCE = [("confirmed", 0.75), ("probable", 0.2), ("guessed", 0.05)]
_STATUSES = [("operating", 0.35), ("signed", 0.3), ("under_construction", 0.25), ("trial", 0.1)]


@dataclass(frozen=True)
class SynthSpec:
    firms: int
    regions: int
    seed: int = 1
    missing: int = 3  # per chain, planted in the default region
    pipeline: int = 2  # per chain
    strong: int = 2  # per chain
    years: int = 0  # years of dated history after mid-2022 (events.csv, dated sources); 0: none
    gap_landings: float = 0.0  # share of landings that fill a gap next to a county's segments


def _pick(rng: random.Random, table: Sequence[tuple[str, float]]) -> str:
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


def _chains(templates: Path) -> tuple[list[dict], dict[str, list[str]], dict[str, float]]:  # type: ignore[type-arg]
    chains = []
    neighbours: dict[str, list[str]] = {}
    importance: dict[str, float] = {}
    for path in sorted((templates / "chains").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        chains.append(data)
        for segment in data["segments"]:
            neighbours.setdefault(segment["id"], [])
            importance[segment["id"]] = float(segment["importance"])
    for data in chains:
        for edge in data.get("supplies") or []:
            if isinstance(edge, dict) and edge.get("kind", "supply") != "supply":
                continue  # recycled material is not a neighbourhood that clusters firms
            a, b = (edge["from"], edge["to"]) if isinstance(edge, dict) else edge
            neighbours.setdefault(a, []).append(b)
            neighbours.setdefault(b, []).append(a)
    return chains, neighbours, importance


def generate(path: str | Path, firms: int, regions: int, seed: int = 1, missing: int = 3, pipeline: int = 2,
             strong: int = 2, years: int = 0, progress: Callable[[int, int], None] | None = None,
             gap_landings: float = 0.0) -> Path:
    """Write a synthetic dataset of ``firms`` firms over ``regions`` counties into ``path`` and return it.

    ``progress(done, total)`` is called as firms are drawn and their rows written (for a progress bar).
    ``years`` adds a dated history from mid-2022 on (the dataset's date moves that many years later): new local
    firms first reported in each half-year, and projects by firms from elsewhere landing in counties, with their
    signed, started, trial and operating events in ``events.csv``. Counties attract landings in the segments they
    specialise in, so a gap ranking of an earlier date has something real to find. The default region gets no
    history, so ``planted.json`` stays true.

    ``gap_landings`` (0 to 1) sends that share of the landings to a **gap** of their county instead: a segment the
    county has no firm in, next (in the supply chain) to segments it has, chosen by importance times the number of
    such neighbours (what the gap ranking rewards), landed by one of the segment's biggest firms. At 0 (the
    default) the history follows the counties' specialisations only and a gap ranking finds no more than chance.
    """
    if firms < 1 or regions < 1:
        raise ValueError("firms and regions must be at least 1")
    if years < 0:
        raise ValueError("years must not be negative")
    if not 0.0 <= gap_landings <= 1.0:
        raise ValueError("gap_landings must be between 0 and 1")
    spec = SynthSpec(firms, regions, seed, missing, pipeline, strong, years, gap_landings)
    rng = random.Random(seed)
    root = Path(path).resolve()  # `-o .` has no name to put a staging folder beside
    _check_replaceable(root)
    staging = root.with_name(f".{root.name}.tmp")
    retired = root.with_name(f".{root.name}.old")
    for leftover in (staging, retired):
        if leftover.exists():
            shutil.rmtree(leftover)
    try:
        (staging / "chains").mkdir(parents=True)
        _write(staging, spec, rng, progress or (lambda done, total: None))
        # The old pool stays whole until the new one is in place: two renames, then the old one is deleted.
        if root.exists():
            root.rename(retired)
        staging.rename(root)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if retired.exists() and not root.exists():
            retired.rename(root)
        raise ExportError(msg("cannot write {root}: {strerror}", root=root, strerror=exc.strerror or exc)) from exc
    shutil.rmtree(retired, ignore_errors=True)
    return root


def _check_replaceable(root: Path) -> None:
    """Refuse to replace anything but an empty folder or an earlier synthetic pool (it has ``planted.json``).

    ``synth -o`` replaces its output folder; pointed by mistake at a curated dataset it would delete it.
    """
    if not root.exists():
        return
    if not root.is_dir():
        raise ExportError(msg("cannot write {root}: it is a file, not a folder", root=root))
    if (root / PLANTED_FILE).is_file() or not any(root.iterdir()):
        return
    raise ExportError(msg("cannot write {root}: the folder holds files that synth did not write (no {PLANTED_FILE}); "
                          "choose an empty or new folder", root=root, PLANTED_FILE=PLANTED_FILE))


_DRAW_COST = 15


def _write(root: Path, spec: SynthSpec, rng: random.Random, progress: Callable[[int, int], None]) -> None:
    # units of equal time, so that the bar's ETA holds: drawing a firm (and its share of ties and projects)
    # costs about fifteen times writing a row (measured with 60,000 firms), with a firm row and ~1.3 link rows each
    total = _DRAW_COST * spec.firms + spec.firms + round(spec.firms * 1.3)
    progress(0, total)
    templates = bundled_dataset_path()
    for path in sorted((templates / "chains").glob("*.yaml")):
        shutil.copyfile(path, root / "chains" / path.name)
    chains, neighbours, importance = _chains(templates)
    segments = [s["id"] for c in chains for s in c["segments"]]
    chain_of = {s["id"]: c["id"] for c in chains for s in c["segments"]}

    # ---------------------------------------------------------- regions: country > provinces > cities > counties
    n_provinces = max(1, min(len(_PROVINCES), round(math.sqrt(spec.regions) / 1.2)))
    counties = [f"r{i:04d}" for i in range(spec.regions)]
    region_rows: list[dict[str, object]] = [{"id": "cn", "name": "中国", "kind": "country"}]
    cities: list[str] = []
    for p in range(n_provinces):
        region_rows.append({"id": f"p{p:02d}", "name": f"{_PROVINCES[p]}省", "kind": "province", "parent": "cn"})
    n_cities = max(1, spec.regions // 4)
    for c in range(n_cities):
        cities.append(f"c{c:03d}")
        region_rows.append({"id": f"c{c:03d}", "name": f"城市{c:03d}", "kind": "city",
                            "parent": f"p{c % n_provinces:02d}"})
    parks: dict[str, list[str]] = {}
    for i, county in enumerate(counties):
        region_rows.append({"id": county, "name": f"县市{i:04d}", "kind": "county", "parent": cities[i % n_cities]})
        for k in range(1 if i % 3 else 2):
            park = f"{county}-z{k}"
            row: dict[str, object] = {"id": park, "name": f"县市{i:04d}开发区{k}", "kind": "park", "parent": county}
            if k == 1:
                row["favoured_countries"] = [["JP"], ["DE"], ["KR"]][i % 3]
            region_rows.append(row)
            parks.setdefault(county, []).append(park)
    (root / "regions.yaml").write_text(yaml.safe_dump({"regions": region_rows}, allow_unicode=True, sort_keys=False,
                                                      default_flow_style=None), encoding="utf-8")

    # ------------------------------------------------------------------ county sizes (Zipf) and specialisations
    weights = [1.0 / (rank + 1) for rank in range(spec.regions)]
    specialisation: dict[str, dict[str, float]] = {}
    for county in counties:
        boost: dict[str, float] = {}
        for _ in range(rng.randint(1, 3)):
            centre = rng.choice(segments)
            boost[centre] = boost.get(centre, 1.0) * 8.0
            for n in neighbours[centre]:
                boost[n] = boost.get(n, 1.0) * 4.0
        specialisation[county] = boost
    default = counties[0]

    # ------------------------------------------------------------------ planted facts in the default region
    by_chain: dict[str, list[str]] = {}
    for s in segments:
        by_chain.setdefault(chain_of[s], []).append(s)
    planted: dict[str, list[str]] = {"missing": [], "pipeline": [], "strong": []}
    for chain_segments in by_chain.values():
        chosen = rng.sample(chain_segments, min(len(chain_segments), spec.missing + spec.pipeline + spec.strong))
        planted["missing"] += chosen[:spec.missing]
        planted["pipeline"] += chosen[spec.missing:spec.missing + spec.pipeline]
        planted["strong"] += chosen[spec.missing + spec.pipeline:]
    barred = set(planted["missing"]) | set(planted["pipeline"])

    # ------------------------------------------------------------------ groups
    n_groups = max(3, spec.firms // 500)
    group_rows = []
    for g in range(n_groups):
        group_rows.append({"id": f"g{g:05d}", "name": f"集团{g:05d}", "country": _pick(rng, _COUNTRIES),
                           "fortune500": "yes" if g % 10 == 0 else "no", "sources": "synth"})

    # ------------------------------------------------------------------ firms and links
    base = [importance[s] for s in segments]
    county_weights = {c: [base[i] * specialisation[c].get(s, 1.0) for i, s in enumerate(segments)] for c in counties}
    firm_rows: list[list[str]] = []
    link_rows: list[list[str]] = []
    firm_home: list[str] = []
    firm_segment: list[str] = []
    for f in range(spec.firms):
        if f % 2000 == 0:
            progress(_DRAW_COST * f, total)
        fid = f"f{f:07d}"
        roll = rng.random()
        if roll < 0.05:
            county = ""  # reference firm known only by headquarters
        else:
            county = rng.choices(counties, weights=weights)[0]
        pool = county_weights[county] if county else base
        segment = rng.choices(segments, weights=pool)[0]
        if county == default and segment in barred:
            segment = rng.choice([s for s in segments if s not in barred])
        size = _pick(rng, _SIZES)
        if county == default and size == "leader" and segment not in planted["strong"]:
            size = "large"  # leaders in the default region only where planted
        group = f"g{rng.randrange(n_groups):05d}" if rng.random() < 0.12 else ""
        region = (rng.choice(parks[county]) if county and rng.random() < 0.4 else county)
        firm_rows.append([fid, f"企业{f:07d}", _pick(rng, _COUNTRIES), group, size, region,
                          "" if county else "境外或外地", "synth"])
        firm_home.append(county)
        firm_segment.append(segment)
        link_rows.append([fid, segment, _pick(rng, _CONFIDENCE), "synth"])
        if rng.random() < 0.3:
            other = rng.choice(neighbours[segment]) if neighbours[segment] else segment
            if other != segment and not (county == default and other in barred):
                link_rows.append([fid, other, _pick(rng, _CONFIDENCE), "synth"])
    # a leader in each planted strong segment of the default region
    for k, segment in enumerate(planted["strong"]):
        fid = f"lead{k:05d}"
        firm_rows.append([fid, f"龙头企业{k:03d}", "CN", "", "leader", default, "", "synth"])
        link_rows.append([fid, segment, "confirmed", "synth"])
        firm_home.append(default)
        firm_segment.append(segment)

    # ------------------------------------------------------------------ ties and projects
    tie_rows = []
    for _ in range(spec.firms // 50):
        a, b = rng.randrange(len(firm_rows)), rng.randrange(len(firm_rows))
        if a != b:
            tie_rows.append([firm_rows[a][0], firm_rows[b][0], "零部件", "synth"])
    project_rows = []
    n_projects = max(1, spec.firms // 25)
    for p in range(n_projects):
        i = rng.randrange(len(firm_rows))
        county = firm_home[i]
        if not county:
            continue
        segment = firm_segment[i]
        status = _pick(rng, _STATUSES)
        if county == default and segment in barred:
            continue
        amount = rng.choice([500, 1000, 2000, 5000, 8000, 20000]) * 10_000
        qualifier = rng.choice(["", "", "~", ">="])
        year = rng.choice([2020, 2021, 2022])
        project_rows.append([f"p{p:06d}", f"项目{p:06d}", firm_rows[i][0], county, status,
                             f"{year}-{rng.randint(1, 12):02d}", f"{qualifier}{amount} {rng.choice(['CNY', 'USD'])}",
                             segment, "synth"])
    for k, segment in enumerate(planted["pipeline"]):
        fid = f"pipe{k:05d}"
        firm_rows.append([fid, f"在途企业{k:03d}", "JP", "", "large", "", "日本", "synth"])
        link_rows.append([fid, segment, "confirmed", "synth"])
        project_rows.append([f"pp{k:05d}", f"在途项目{k:03d}", fid, default, "signed", "2022-05", "30000000 USD",
                             segment, "synth"])

    event_rows: list[list[str]] = []
    history_sources: list[list[str]] = []
    if spec.years:
        history_sources = _history(spec, counties, weights, segments, county_weights, firm_rows, link_rows,
                                   firm_home, firm_segment, project_rows, event_rows, neighbours, importance)

    # ------------------------------------------------------------------ write
    written = _DRAW_COST * spec.firms

    def write(name: str, header: list[str], rows: list[list[str]]) -> None:
        nonlocal written
        counted = name in ("firms.csv", "links.csv")
        with (root / name).open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(header)
            for start in range(0, len(rows), 5000):
                writer.writerows(rows[start:start + 5000])
                if counted:
                    written += len(rows[start:start + 5000])
                    progress(min(written, total), total)

    # The copied templates name their chain maps and standards: those rows come along so the pool stays valid.
    cited = {source for c in chains for source in c.get("sources") or []}
    with (templates / "sources.csv").open(encoding="utf-8", newline="") as handle:
        template_sources = [[r["id"], r["title"], r["publisher"], r["kind"]]
                            for r in csv.DictReader(handle) if r["id"] in cited]
    write("sources.csv", ["id", "title", "publisher", "kind", "date"],
          [["synth", f"合成数据（seed {spec.seed}）", "chaingraph synth", "synthetic", ""]]
          + [[*row, ""] for row in template_sources] + history_sources)
    write("groups.csv", ["id", "name", "country", "fortune500", "sources"],
          [[g["id"], g["name"], g["country"], g["fortune500"], g["sources"]] for g in group_rows])
    write("firms.csv", ["id", "name", "country", "group", "size", "region", "headquarters", "sources"], firm_rows)
    write("links.csv", ["firm", "segment", "confidence", "sources"], link_rows)
    write("ties.csv", ["supplier", "customer", "product", "sources"], tie_rows)
    write("projects.csv", ["id", "name", "firms", "region", "status", "date", "investment", "segments", "sources"],
          project_rows)
    if event_rows:
        write("events.csv", ["project", "date", "kind", "sources"], event_rows)
    info = {
        "id": f"synth-{spec.firms}-{spec.regions}-{spec.seed}",
        "name": f"合成全国企业库（{spec.firms} 家企业，{spec.regions} 个县市）",
        "as_of": f"{2022 + spec.years}-06-01",
        "default_region": default,
        "description": "chaingraph synth 生成的合成数据，仅用于测试与性能评估。",
        "fx_rates": [{"currency": "USD", "cny_per_unit": 6.7261, "date": "2022", "source": "synth"}],
        # generated as a whole registry: every firm of every county is in the pool, so absence is real
        "coverage": [{"region": "cn", "kind": "registry", "as_of": "2022-06-01", "sources": ["synth"],
                      "note": "合成企业库视同完整名录"}],
    }
    (root / "dataset.yaml").write_text(yaml.safe_dump(info, allow_unicode=True, sort_keys=False), encoding="utf-8")
    planted_out = {"region": default, "seed": spec.seed, "firms": spec.firms, "regions": spec.regions,
                   "missing": sorted(planted["missing"]), "pipeline": sorted(planted["pipeline"]),
                   "strong": sorted(planted["strong"])}
    (root / PLANTED_FILE).write_text(json.dumps(planted_out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    progress(total, total)


def _history(spec: SynthSpec, counties: list[str], weights: list[float], segments: list[str],
             county_weights: dict[str, list[float]], firm_rows: list[list[str]], link_rows: list[list[str]],
             firm_home: list[str], firm_segment: list[str], project_rows: list[list[str]],
             event_rows: list[list[str]], neighbours: dict[str, list[str]] | None = None,
             importance: dict[str, float] | None = None) -> list[list[str]]:
    """Date part of the pool and add landings over ``spec.years`` years; returns the dated source rows."""
    # its own random stream: the undated pool stays the same as without history
    rng = random.Random(spec.seed * 7919 + spec.years)
    halves = [(2022, 2)] + [(y, h) for y in range(2023, 2022 + spec.years) for h in (1, 2)] + \
        [(2022 + spec.years, 1)]
    halves = halves[:2 * spec.years]
    sources = [[f"synth-{y}h{h}", f"合成数据 {y} 年{'上' if h == 1 else '下'}半年", "chaingraph synth", "synthetic",
                f"{y}-H{h}"] for y, h in halves]
    end = (2022 + spec.years, 6)
    default = counties[0]
    # new local firms: a tenth of the counties' firms are first reported during the history
    dated: dict[str, str] = {}
    known = len(firm_home)  # the planted pipeline firms at the end of firm_rows have no home
    with_projects = {row[2] for row in project_rows}  # their projects were signed before the history
    for i, row in enumerate(firm_rows[:known]):
        if firm_home[i] and firm_home[i] != default and row[0] not in with_projects and row[0].startswith("f") \
                and rng.random() < 0.1:
            source = rng.choice(sources)[0]
            row[7] = source
            dated[row[0]] = source
    for link in link_rows:
        if link[0] in dated:
            link[3] = dated[link[0]]
    # landings: firms known before the history open projects in other counties, where those specialise
    by_segment: dict[str, list[int]] = {}
    for i, row in enumerate(firm_rows[:known]):
        if row[0] not in dated:
            by_segment.setdefault(firm_segment[i], []).append(i)
    # bigger firms open more projects: a landing picks its firm with these weights by size
    size_weight = {"leader": 8.0, "large": 4.0, "medium": 2.0, "small": 1.0}
    cumulative = {seg: list(itertools.accumulate(size_weight.get(firm_rows[i][4], 1.0) for i in pool))
                  for seg, pool in by_segment.items()}
    others, other_weights = counties[1:] or counties, weights[1:] or weights
    gaps = _county_gaps(neighbours or {}, firm_rows[:known], firm_home, firm_segment, dated, importance or {}) \
        if spec.gap_landings else {}
    biggest = {seg: [i for i in pool if firm_rows[i][4] == "leader"]
               or [i for i in pool if firm_rows[i][4] == "large"] or pool
               for seg, pool in by_segment.items()} if spec.gap_landings else {}
    for n in range(max(1, spec.firms // 100) * spec.years):
        county = rng.choices(others, weights=other_weights)[0]
        to_gap = bool(spec.gap_landings) and bool(gaps.get(county, ([], []))[0]) and rng.random() < spec.gap_landings
        if to_gap:
            segment = gaps[county][0][0]  # the county's best-placed gap first, as a planner following a ranking
            pool = [i for i in biggest.get(segment, []) if firm_home[i] != county]
            firm = rng.choice(pool) if pool else None
        else:
            segment = rng.choices(segments, weights=county_weights[county])[0]
            pool = by_segment.get(segment, [])
            firm = next((i for i in rng.choices(pool, cum_weights=cumulative[segment], k=5)
                         if firm_home[i] != county), None) if pool else None
        if firm is None or county == default:
            continue
        index = rng.randrange(len(halves))
        year, half = halves[index]
        month = (half - 1) * 6 + rng.randint(1, 6)
        steps = [("signed", 0), ("started", rng.randint(3, 9)), ("trial", rng.randint(6, 12)),
                 ("operating", rng.randint(3, 9))]
        keep = [0.0, 0.7, 0.6, 0.7]
        pid = f"h{n:06d}"
        status = "signed"
        total = year * 12 + month - 1
        for k, (kind, gap) in enumerate(steps):
            total += gap
            if k and rng.random() > keep[k] and not to_gap:
                break  # stalled at the previous stage
            if (total // 12, total % 12 + 1) > end:
                break
            event_year, event_month = total // 12, total % 12 + 1
            half_source = f"synth-{event_year}h{1 if event_month <= 6 else 2}"
            event_rows.append([pid, f"{event_year}-{event_month:02d}", kind, half_source])
            status = {"signed": "signed", "started": "under_construction"}.get(kind, kind)
        amount = rng.choice([2000, 5000, 10000, 30000]) * 10_000
        if to_gap:
            gaps[county] = _without(gaps[county], segment)  # filled: the next gap landing goes elsewhere
        project_rows.append([pid, f"落地项目{n:06d}", firm_rows[firm][0], county, status, f"{year}-{month:02d}",
                             f"{amount} CNY", segment, sources[index][0]])
    return sources


def _county_gaps(neighbours: dict[str, list[str]], firm_rows: list[list[str]], firm_home: list[str],
                 firm_segment: list[str], dated: dict[str, str],
                 importance: dict[str, float]) -> dict[str, tuple[list[str], list[float]]]:
    """County -> (its gaps, their scores), best first: segments not strong there (no leader, fewer than three
    firms) next to segments that are, scored by importance times one plus the number of such strong neighbours
    (a rough pull times push, the shape of the gap ranking's priority)."""
    counts: dict[str, dict[str, int]] = {}
    leaders: dict[str, set[str]] = {}
    for i, row in enumerate(firm_rows):
        if firm_home[i] and row[0] not in dated:
            here = counts.setdefault(firm_home[i], {})
            here[firm_segment[i]] = here.get(firm_segment[i], 0) + 1
            if row[4] == "leader":
                leaders.setdefault(firm_home[i], set()).add(firm_segment[i])
    out: dict[str, tuple[list[str], list[float]]] = {}
    for county, have in counts.items():
        strong = {s for s, n in have.items() if n >= 3} | leaders.get(county, set())
        scored: dict[str, float] = {}
        for segment in strong:
            for n in neighbours.get(segment, []):
                if n not in strong:
                    scored[n] = scored.get(n, importance.get(n, 1.0)) + importance.get(n, 1.0)
        if scored:
            ordered = sorted(scored, key=lambda s: (-scored[s], s))
            out[county] = (ordered, [scored[s] for s in ordered])
    return out


def _without(gaps: tuple[list[str], list[float]], segment: str) -> tuple[list[str], list[float]]:
    keep = [i for i, s in enumerate(gaps[0]) if s != segment]
    return [gaps[0][i] for i in keep], [gaps[1][i] for i in keep]
