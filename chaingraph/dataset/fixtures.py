"""A tiny, fictional dataset that tests, docs and notebooks share.

It is small enough to reason about by hand: two chains, one county with a Japan-oriented park, a handful of
firms whose statuses are known in advance (see ``EXPECTED_STATUS``). All names are invented.

>>> import tempfile, pathlib
>>> from chaingraph import load_dataset
>>> root = write_tiny_dataset(pathlib.Path(tempfile.mkdtemp()) / "tiny")
>>> ds = load_dataset(root)
>>> sorted(ds.chains)
['demo-auto', 'demo-tools']
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["TINY_FILES", "EXPECTED_STATUS", "write_tiny_dataset", "REGISTRY_SMALL", "write_registry_small"]

TINY_FILES: dict[str, str] = {
    "dataset.yaml": """\
id: tiny
name: 演示数据集
name_en: Tiny demo dataset
as_of: 2024-01-15
default_region: town
fx_rates:
  - {currency: USD, cny_per_unit: 7.0, date: 2024, source: src-demo}
coverage:
  - {region: land, kind: registry, as_of: 2024-01-01, sources: [src-demo], note: 演示名录视同完整}
""",
    "chains/demo-auto.yaml": """\
id: demo-auto
name: 演示汽车
name_en: Demo automotive
aliases: [汽车演示]
segments:
  - {id: steel, name: 电工钢, name_en: Electrical steel, tier: upstream, importance: 0.5, keywords: [硅钢]}
  - {id: core, name: 电机铁芯, name_en: Motor cores, tier: midstream, importance: 0.7, keywords: [铁芯]}
  - {id: motor, name: 驱动电机, name_en: Drive motors, tier: midstream, importance: 1.0, leading: true,
     keywords: [驱动电机]}
  - {id: vehicle, name: 整车, name_en: Vehicles, tier: downstream, importance: 0.9, keywords: [整车]}
supplies:
  - [steel, core]
  - [core, motor]
  - [motor, vehicle]
""",
    "chains/demo-tools.yaml": """\
id: demo-tools
name: 演示机床
name_en: Demo machine tools
aliases: [机床演示]
segments:
  - {id: spindle, name: 主轴, name_en: Spindles, tier: upstream, importance: 0.6}
  - {id: cnc, name: 数控系统, name_en: CNC systems, tier: upstream, importance: 0.8}
  - {id: machine, name: 机床整机, name_en: Machine tools, tier: midstream, importance: 1.0, leading: true}
supplies:
  - [spindle, machine]
  - [cnc, machine]
  - {from: machine, to: motor, note: 加工电机零件}
""",
    "regions.yaml": """\
regions:
  - {id: land, name: 演示国, kind: country}
  - {id: town, name: 演示市, aliases: [演示], kind: county, parent: land}
  - {id: town-park, name: 中日演示园, kind: park, parent: town, favoured_countries: [JP]}
  - {id: other, name: 别处市, kind: county, parent: land}
""",
    "sources.csv": """\
id,title,publisher,date,url,kind,note
src-demo,演示新闻,演示日报,2024-01-10,,article,
""",
    "groups.csv": """\
id,name,name_en,aliases,country,fortune500,sources,note
big-group,大集团,Big Group,,JP,yes,src-demo,
""",
    "firms.csv": """\
id,name,legal_name,name_en,aliases,country,group,fortune500,size,region,headquarters,credit_code,sources,note
motor-local,本地电机,本地电机有限公司,Local Motor,电机甲,JP,big-group,,large,town-park,,,src-demo,
steel-local,本地钢板,,,,CN,,,medium,town,,,src-demo,
core-newco,铁芯新公司,,,,JP,,,,town,,,src-demo,
cnc-jp,东洋数控,,Toyo CNC,,JP,,,leader,,日本,,src-demo,
cnc-de,德意数控,,,,DE,,,large,,德国,,src-demo,
cnc-cn,华夏数控,,,,CN,,,medium,other,中国别处,,src-demo,
cnc-group,大集团数控,,,,JP,big-group,,medium,,日本,,src-demo,
machine-other,别处机床,,,,CN,,,large,other,,,src-demo,
""",
    "links.csv": """\
firm,segment,confidence,sources,evidence
motor-local,motor,confirmed,src-demo,驱动电机
steel-local,steel,probable,src-demo,硅钢加工
cnc-jp,cnc,confirmed,src-demo,数控系统
cnc-de,cnc,confirmed,src-demo,数控系统
cnc-cn,cnc,probable,src-demo,数控系统
cnc-group,cnc,guessed,src-demo,
cnc-jp,spindle,confirmed,src-demo,主轴
machine-other,machine,confirmed,src-demo,
""",
    "ties.csv": """\
supplier,customer,product,sources,evidence
cnc-de,motor-local,控制器,src-demo,
""",
    "projects.csv": """\
id,name,firms,region,kind,status,date,start_date,trial_date,investment,registered_capital,\
fixed_asset_investment,capital_increase,area_mu,expected_output,capacity,segments,sources,note
core-project,铁芯项目,core-newco,town-park,new,signed,2024-01,,2024-Q4,3400万美元,1666万美元,,,27.8,超7亿元,,\
core,src-demo,
""",
    "region_facts.csv": """\
id,region,metric,value,period,sources,evidence,note
town-fdi,town,实际利用外资,183400000 USD,2023-01/2023-04,src-demo,18340万美元,
""",
    "citations.csv": """\
subject,field,source,evidence
core-project,investment,src-demo,总投资3400万美元
""",
}

EXPECTED_STATUS = {
    # segment: status for region "town"
    "steel": "weak",  # one medium firm, no leader
    "core": "pipeline",  # only a signed project
    "motor": "strong",  # one local firm of a Fortune Global 500 group
    "vehicle": "missing",
    "spindle": "missing",
    "cnc": "missing",
    "machine": "missing",
}


def write_tiny_dataset(path: str | Path) -> Path:
    """Write the tiny dataset into ``path`` (created if needed) and return it."""
    root = Path(path)
    for name, text in TINY_FILES.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


REGISTRY_SMALL = (resources.files("chaingraph") / "data" / "registry-small.csv").read_text(encoding="utf-8")
"""A small, fictional firm registry (企业名录) of Pinghu in the registry's own columns, for docs and tests of
``chaingraph classify``: a tool maker, a foreign-invested parts maker, a motor maker, a steel processor, a
repair shop, a trader, a holding, a consulting shell, a packaging plant, a firm registered elsewhere, a
deregistered firm and a job shop. Every name and credit code is invented."""


def write_registry_small(path: str | Path, encoding: str = "utf-8") -> Path:
    """Write :data:`REGISTRY_SMALL` as a CSV file in ``encoding`` (utf-8, utf-8-sig, gb18030, utf-16)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(REGISTRY_SMALL.encode(encoding))
    return target
