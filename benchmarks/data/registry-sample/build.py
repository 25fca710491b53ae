"""Build dev.csv and test.csv of the registry sample from the hand-written rows in src/.

Run ``python benchmarks/data/registry-sample/build.py``. Splits already written stay as they are (a row never
moves between dev and test once published); new rows are grouped by (chain, category), sorted by primary segment and
dealt to the two splits in turn, so chain, category and segment strata stay close to 50/50. Output rows are ordered by a
hash of the firm name, so file order carries no pattern. Files are UTF-8 with BOM, as Excel exports them.
"""
from __future__ import annotations

import csv
import hashlib
import os
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "src"))

# importing a row module registers its rows in regsample_common.ROWS
import regsample_auto  # noqa: E402,F401
import regsample_common  # noqa: E402
import regsample_composed  # noqa: E402,F401
import regsample_mt  # noqa: E402,F401
import regsample_nm  # noqa: E402,F401
import regsample_other  # noqa: E402,F401
import regsample_round3  # noqa: E402,F401

COLUMNS = ["企业名称", "统一社会信用代码", "经营范围", "国民经济行业代码", "注册资本", "成立日期", "注册地址",
           "登记状态", "企业类型", "label_segments", "label_primary", "category", "chain", "basis"]
SPLITS = ("dev", "test")
CHAIN_OF = {"auto": "automotive", "mt": "machine-tool", "nm": "new-materials"}


def _h(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _normalise(row: dict) -> dict:
    segs = [s for s in row["label_segments"].split("|") if s]
    chains = {CHAIN_OF[s.split("-")[0]] for s in segs}
    # 'multi' means segments in more than one chain; producers spanning chains are multi by definition
    if row["category"] in ("producer", "multi"):
        row["category"] = "multi" if len(chains) > 1 else "producer"
    return row


def _existing(out: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for split in SPLITS:
        path = out / f"{split}.csv"
        if path.exists():
            with path.open(encoding="utf-8-sig", newline="") as fh:
                for rec in csv.DictReader(fh):
                    found[rec["企业名称"]] = split
    return found


def main(out: Path = HERE, readme: Path | None = HERE / "README.md") -> None:
    """Write dev.csv and test.csv into *out*, keeping the splits already there; refresh README counts."""
    rows = [_normalise(dict(r)) for r in regsample_common.ROWS]
    names = Counter(r["企业名称"] for r in rows)
    dup = [n for n, c in names.items() if c > 1]
    if dup:
        raise SystemExit(f"duplicate firm names: {dup}")
    assigned = _existing(out)
    lost = sorted(set(assigned) - set(names))
    if lost:
        raise SystemExit(f"published rows missing from src/ (a row module not imported?): {lost[:5]} ...")
    # new rows are grouped by (chain, category), sorted by primary segment within a group (a hash breaking ties) and
    # dealt to dev and test in turn; each group starts on the split holding fewer rows of its category, then of its
    # chain, so chain, category and segment strata all end close to 50/50
    count: Counter = Counter()
    for r in rows:
        if r["企业名称"] in assigned:
            for k in (("cat", r["category"]), ("chain", r["chain"]), ("all",)):
                count[k, assigned[r["企业名称"]]] += 1
    groups: dict[tuple, list[dict]] = {}
    for r in rows:
        if r["企业名称"] not in assigned:
            groups.setdefault((r["chain"], r["category"]), []).append(r)
    for (chain, cat), members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        turn = min((0, 1), key=lambda t: [count[k, SPLITS[t]] for k in (("cat", cat), ("chain", chain), ("all",))])
        for r in sorted(members, key=lambda r: (r["label_primary"], _h(r["企业名称"]))):
            split = SPLITS[turn]
            assigned[r["企业名称"]] = split
            for k in (("cat", cat), ("chain", chain), ("all",)):
                count[k, split] += 1
            turn = 1 - turn
    for split in SPLITS:
        chosen = [r for r in rows if assigned[r["企业名称"]] == split]
        chosen.sort(key=lambda r: _h(split + r["企业名称"]))
        tmp = out / f".{split}.csv.tmp"
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\r\n")
            w.writeheader()
            w.writerows(chosen)
        os.replace(tmp, out / f"{split}.csv")
        print(f"{split}: {len(chosen)} rows")
    if readme is not None:
        _write_counts(rows, assigned, readme)


def _count_table(rows: list[dict], assigned: dict[str, str], key: str) -> str:
    c = Counter((r[key] or "(none)", assigned[r["企业名称"]]) for r in rows)
    lines = [f"| {key} | dev | test | total |", "|---|---:|---:|---:|"]
    for k in sorted({k for k, _ in c}):
        lines.append(f"| {k} | {c[k, 'dev']} | {c[k, 'test']} | {c[k, 'dev'] + c[k, 'test']} |")
    n_dev = sum(1 for r in rows if assigned[r["企业名称"]] == "dev")
    lines.append(f"| all | {n_dev} | {len(rows) - n_dev} | {len(rows)} |")
    return "\n".join(lines)


def _write_counts(rows: list[dict], assigned: dict[str, str], readme: Path) -> None:
    segs = Counter(s for r in rows for s in r["label_segments"].split("|") if s)
    body = "\n\n".join([
        _count_table(rows, assigned, "category"),
        _count_table(rows, assigned, "chain"),
        "Rows per label segment (both splits): " + ", ".join(f"{k} {v}" for k, v in sorted(segs.items())) + ".",
    ])
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- counts -->", "<!-- /counts -->"
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    tmp = readme.with_name(".README.md.tmp")
    tmp.write_text(head + start + "\n" + body + "\n" + end + tail, encoding="utf-8")
    os.replace(tmp, readme)


if __name__ == "__main__":
    main()
