"""Round 15: capacities a plant's name states without a label (`100万吨造纸项目`, `14万千瓦光伏项目`)."""

from chaingraph.sources.extract import extract_facts


def _capacities(text: str, date: str = "2023-05-10") -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in extract_facts(text, date).of("project", field="capacity"):
        out.setdefault(f.key, set()).add(f.value)
    return out


def test_tonnage_opening_a_plant_name_is_its_yearly_capacity() -> None:
    caps = _capacities("5月9日上午，青禾纸业（江西）有限公司80万吨造纸项目在临江工业园开工，总投资42亿元。")
    assert {"800000 t/yr"} in caps.values()


def test_a_store_sized_in_tons_has_no_capacity() -> None:
    caps = _capacities("5月9日，北岭农产品有限公司3万吨果蔬冷链仓储项目开工，总投资1.2亿元。")
    assert not caps


def test_a_labelled_capacity_in_the_name_is_not_doubled_by_a_second_tonnage() -> None:
    caps = _capacities("5月9日，远帆建材有限公司年产800万平方米防水卷材和3000吨防水涂料项目开工，总投资3亿元。")
    assert not any("3000 t/yr" in values for values in caps.values())


def test_installed_power_of_a_solar_or_wind_plant_named_without_a_station_word() -> None:
    caps = _capacities("5月9日，华青能源有限公司清河12万千瓦光伏项目、白沙50兆瓦风电工程项目同日开工。")
    values = set().union(*caps.values()) if caps else set()
    assert "120000 kW" in values
    assert "50000 kW" in values


def test_a_factory_for_solar_parts_gets_no_installed_power() -> None:
    caps = _capacities("5月9日，晶远新能源有限公司2GW光伏组件项目开工，总投资10亿元。")
    assert not any(v.endswith(" kW") for values in caps.values() for v in values)
