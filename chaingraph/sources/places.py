"""注册地址 -> the dataset's regions and parks.

An address is matched against every name and alias of the dataset's regions and against the towns and streets
a park ``covers`` (regions.yaml). The most specific match wins: a park over a town or district, over the
county, over the city. An address that names none of them is reported as unmatched, never guessed: the review
workbook lists it for the planner.

The dataset's regions are the administrative divisions that matter to it (the county, its parks); a national
division library would only add province/city/county names that regions.yaml already holds for the county
being worked on, so none is needed.

Examples
--------
>>> from chaingraph import load_dataset
>>> places = PlaceMatcher(load_dataset())
>>> places.match("浙江省嘉兴市平湖市独山港镇兴港路18号")
Place(region='dushangang', text='独山港镇')
>>> places.match("浙江省嘉兴市平湖市当湖街道某路1号")
Place(region='pinghu', text='平湖市')
>>> places.match("江苏省苏州市工业园区") is None
True
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..dataset.store import Dataset

__all__ = ["Place", "PlaceMatcher"]

_SPECIFICITY = {"park": 0, "town": 1, "district": 2, "county": 3, "city": 4, "province": 5, "country": 6}


@dataclass(frozen=True)
class Place:
    """The region an address was placed in and the words of the address that placed it."""

    region: str
    text: str


class PlaceMatcher:
    """Names, aliases and covered towns of a dataset's regions, most specific first."""

    def __init__(self, dataset: Dataset) -> None:
        names: list[tuple[int, int, str, str]] = []
        for region in dataset.regions.values():
            rank = _SPECIFICITY.get(region.kind, 9)
            if rank >= 5:
                continue  # a province or country says nothing about where in the county a firm is
            for name in {region.name, *region.aliases}:
                if len(name) >= 2 and not name.isascii():
                    names.append((rank, -len(name), unicodedata.normalize("NFKC", name), region.id))
            for town in region.covers:
                names.append((rank, -len(town), unicodedata.normalize("NFKC", town), region.id))
        self.names = sorted(names)

    def match(self, address: str) -> Place | None:
        """The most specific region the address names, or None."""
        text = unicodedata.normalize("NFKC", address or "")
        if not text:
            return None
        for _, _, name, region in self.names:
            if name in text:
                return Place(region, name)
        return None
