"""ISO 3166-1 alpha-2 country codes (from the iso-codes package), and Chinese names for common ones."""

from __future__ import annotations

__all__ = ["COUNTRY_CODES", "COUNTRY_NAMES_ZH", "country_label"]

COUNTRY_CODES = frozenset(
    """
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT
BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH
ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT
HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS
LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI
NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG
SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG
UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
    """.split()
)

COUNTRY_NAMES_ZH = {
    "CN": "中国", "JP": "日本", "DE": "德国", "US": "美国", "FR": "法国", "KR": "韩国", "CH": "瑞士",
    "TW": "中国台湾", "HK": "中国香港", "GB": "英国", "IT": "意大利", "NL": "荷兰", "SE": "瑞典",
    "AT": "奥地利", "BE": "比利时", "ES": "西班牙", "FI": "芬兰", "SG": "新加坡", "TH": "泰国",
    "IN": "印度", "IL": "以色列", "CA": "加拿大", "DK": "丹麦", "NO": "挪威", "LU": "卢森堡",
}


def country_label(code: str) -> str:
    """A short Chinese label for a country code, or the code itself.

    >>> country_label("JP"), country_label("ZZ"), country_label("")
    ('日本', 'ZZ', '')
    """
    return COUNTRY_NAMES_ZH.get(code, code)
