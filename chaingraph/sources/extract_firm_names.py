"""Firm names (:class:`_FirmNames`): what a legal name looks like and which phrases name no firm
(:func:`_bad_firm_name`), the firms found so far by name (:meth:`_FirmNames.firm_of`), and how their names are
merged: variants, compounds, a name with and without its parent, short names.
"""

from __future__ import annotations

import re

from ..dataset.store import normalize_name
from .divisions import CITIES, is_place_name
from .extract_base import _ExtractorBase, _FirmEntity
from .extract_common import (
    _ADMIN_PLACE_RE,
    _CITY_ALT,
    _COUNTRY_ALT,
    _NOT_A_COUNTY_RE,
    _PLACE_WORDS,
    _PROVINCES,
    COUNTRY_WORDS,
    _norm,
    _unbalanced,
)
from .vocabulary import CONCRETE_HEAD as _CONCRETE_HEAD
from .vocabulary import PRODUCT_HINT as _PRODUCT_HINT

__all__: list[str] = []  # private to the extractor (chaingraph.sources.extract is its entry)

# legal forms: Chinese ones, the Japanese and Korean ones written in Chinese characters (株式会社, 有限会社…) and the
# Latin ones after a capitalised name ("Robert Bosch GmbH", "Ferrero S.p.A.", "Acme Co., Ltd.")
_LEGAL_FORMS = "股份有限公司|有限责任公司|有限公司|株式会社|有限会社|合同会社|合资会社|合名会社|公司"
_LEGAL_SUFFIX_RE = re.compile(rf"(?:{_LEGAL_FORMS})$")
_LATIN_FORMS = (r"GmbH(?:[ ]&[ ]Co\.[ ]KG)?|AG|SE|KGaA|KG|Co\.,?[ ]?Ltd\.?|Ltd\.?|Limited|Inc\.?|LLC|Corp\.?|"
                r"Corporation|S\.p\.A\.?|S\.A\.S\.?|S\.A\.?|B\.V\.?|N\.V\.?|plc|PLC|Pte\.?[ ]Ltd\.?|Oy|AB")
# a legal name without its form ("浙江华锐精密机械有限公司" -> "浙江华锐精密机械"); a bare 公司 stays
_LEGAL_BODY_RE = re.compile(rf"(?:股份有限公司|有限责任公司|有限公司|株式会社|有限会社|合同会社|合资会社|合名会社"
                            rf"|,?[ ](?:{_LATIN_FORMS}))$")
_NOT_A_FIRM = re.compile(
    r"^(?:项目|合同|协议|企业|公司|集团|政府|管委会|园区|开发区|全市|全区|全县|全省|我市|我区|我县|该市|该区|该县|"
    r"其中|此次|"
    r"本次|总部|基金|资本|团队|客商|嘉宾|代表|领导|双方|各方|甲方|乙方|专家|市场|行业|产业|平台|载体|基地|工厂|车间|"
    r"一家|多家|两家|这家|该公司|该企业|龙头|链主|投资|科技|实业|发展|控股|集团公司|多元化集团公司|商会|协会)$"
    r"|来自|全部|以及|其中|^[一二三四五六七八九十\d]+家"
    r"|(?:省|市|县|区|镇|乡|村|街道|开发区|高新区|园区|工业园|产业园|新区|保税区|自贸区|港区|片区)$"
    # streets, roads and squares are where things are, not who builds them ("神农大道项目")
    r"|(?:大道|大街|[^公]路|广场|大桥|隧道|公园|[前后中左右]旗)$"
    # a plan or a policy ("投资台湾三大方案", "中小企业方案") and a rank ("全球第一大") are no firm's name
    r"|(?:方案|计划|政策|措施|办法|第[一二三四五六七八九十\d]{1,3}大|最大)$"
    # an organ of government or of a party ("国务院国资委", "市发改委", "县委"): no firm
    r"|(?:国资委|发改委|经信委|工信委|商务委|科委|管委|[省市县区]委|党委|人大|政协)$"
)

_CLAUSE_COMPANY_RE = re.compile(
    # a bare 公司 after a verb, preposition or list word is the noun "the company" at the end of a clause, not a
    # legal name; so is one whose words name a project, an organ of government or a contract
    r"(?:由|给予|给|获得|取得|引进|引入|约定|同意|向|对|与|和|及|为|的|将|拟|让|使|请|要求|帮助|支持|鼓励|协助|"
    r"成立|组建|注册|设立|新设|其|该|本|此|各|每|家|符合|适合|属于|提升|带动|推动|"
    # an announcement's verbs ("并授权公司管理层", "需提交公司股东大会", "并不代表公司对…的承诺")
    r"授权|提交|代表|欢迎|提醒|告知|披露)公司$|"
    # a kind of company ("关于子公司…的公告", "科创板上市公司"), not a name
    r"(?:(?:关于|的|其|全资|控股|下属|旗下)子|上市|挂牌|参股)公司$|"
    r"(?:管委会|政府|协议|合同)[^有]*公司$|"
    # the noun 公司 opening a clause ("公司发行可转换公司债券") or a new company being set up ("子公司参股设立新公司")
    r"^公司.|(?:设立|成立|组建|注册)新公司$|"
    # a body of more than 12 characters before a bare 公司 is a clause ("产业发展资金中拨付一定额度资金给公司")
    r"^[^有]{13,}(?<!股份)(?<!集团)(?<!总)公司$")
# a fragment of a clause caught as a firm: a year before it ("2012年…"), a verb after it ("公司发行", "客商签订",
# "…集团拟"); a bracket left open or closed alone is checked beside it
_FRAGMENT_RE = re.compile(r"^\d{4}年|(?:发行|签订|签署|合资|共同成立|拟)$")
_PHRASE_NOT_NAME = re.compile(
    # a clause or a description caught by a name pattern, not a firm's name: list markers and headings, counts,
    # the speaker's own region, officials with their titles, event and generic nouns, verbs of reporting
    r"[（(][一二三四五六七八九十\d]{1,3}[）)]|^\d{1,2}[.、]|概述|\d+家|[共还]有|"
    r"我[市区县省镇]|本[市区县]|书记|[县市区镇乡]长|主任|局长|"
    r"居民|市民|活动|资产|缺口|产业链|喜欢|举办|建立|完成|整合|规划|新增|开工|竣工|投产|开业|"
    r"^(?:以|由|对|向|为|从|把|被|将|在|与|和)|^(?:投资性|跨国|外资|合资|独资|民营|国有)(?:公司|企业)$|"
    # what a firm has, not who it is: "（日本）先进技术", "成熟工艺", "核心设备"
    rf"^(?:{_COUNTRY_ALT})?(?:先进|领先|成熟|核心|关键|高端|前沿)(?:技术|工艺|设备|装备|经验|理念)$"
)

# what a company does or is, in its name ("X科技", "X实业", "X投资"): no part of what names it
_TRADE_WORD_RE = re.compile(r"高科技|科技|实业|投资|发展|产业|工业|技术|贸易|集团|控股|管理|运营|开发|建设|工程|服务|"
                            r"新材料|新能源|信息")


def _names_nothing(head: str) -> bool:
    """Whether a firm's name without its legal form is only words of a trade, a product or a kind ("电梯", "电子科技",
    "研究院", "玻璃"): a kind of company, not one company's name."""
    rest = re.sub(r"[\d.%、（）()年]+", "", head)
    for words in (_TRADE_WORD_RE, _CONCRETE_HEAD, _PRODUCT_HINT):
        # (words of two characters or more: one character of a brand, 云 of 云高, 港 of 云港, is no trade word)
        rest = words.sub(lambda m: "" if len(m.group()) >= 2 else m.group(), rest)
    return not rest


def _bad_firm_name(name: str) -> bool:
    """A word that is not a firm's name: a place (深圳, 吴江开发区), a generic word (项目, 合同) or a phrase.

    >>> [_bad_firm_name(n) for n in ("项目", "深圳", "合同", "吴江开发区", "全部来自济南", "宁德时代", "博世")]
    [True, True, True, True, True, False, False]
    """
    core = name
    for word in _PROVINCES:
        if core.startswith(word) and core != word and core[len(word):] in _PLACE_WORDS | {"市", "省"}:
            return True
    return (len(core) < 2 or core in _PLACE_WORDS or core in _PROVINCES or is_place_name(core)
            or bool(_NOT_A_FIRM.search(core))
            or bool(re.fullmatch(r"[\d.%]+", core)) or bool(_FRAGMENT_RE.search(core))
            or _unbalanced(core))


class _FirmNames(_ExtractorBase):
    """The firms found so far, by name: adding, merging and shortening their names."""

    def _merge_short_records(self) -> None:
        """One firm proposed twice, once by its full legal name and once short (as a brand, a group, a list item,
        with a bare 公司 or without its bracketed place): "天顺风能（苏州）股份有限公司" … "天顺风能",
        "珠海金桥置业有限公司" … "金桥公司", "金兴九英控股（湖北）集团有限公司" … "金兴九英控股集团有限公司".
        A record whose name (without 公司, a country word) starts the body of exactly one full legal name (without a
        province, city or bracketed place), 4+ characters long or 2+ written with 公司, is that firm. Linear: each
        legal name adds its prefixes once."""
        groups: dict[str, int] = {}  # a legal name's body without 集团, 股份, 控股 ("正邦集团有限公司" -> "正邦")
        for i, f in enumerate(self.firms):
            if f.legal_name:
                for v in self._legal_variants(f.legal_name):
                    city = next((v[:size] for size in (2, 3) if v[:size] in CITIES), "")
                    for bare in {_group_core(v), _group_core(v[len(city) + (v[len(city):len(city) + 1] == "市"):])}:
                        if len(bare) >= 2 and groups.setdefault(bare, i) != i:
                            groups[bare] = -1
        full = [i for i, f in enumerate(self.firms) if f.legal_name and _LEGAL_BODY_RE.search(f.legal_name)]
        if not full and not groups:
            return
        owners: dict[str, int] = {}
        cores: dict[str, int] = {}
        for i in full:
            variants = self._legal_variants(self.firms[i].legal_name)
            for v in list(variants):
                for word in COUNTRY_WORDS:
                    if v.startswith(word):
                        variants.append(v[len(word):])
                for size in (2, 3):
                    city = v[:size]
                    if city in CITIES:
                        variants.append(v[size + (v[size:size + 1] == "市"):])
            for v in set(variants):
                for size in range(2, len(v) + 1):
                    if owners.setdefault(v[:size], i) != i:
                        owners[v[:size]] = -1
            if variants[1] != variants[0]:
                cores[variants[1]] = i if cores.get(variants[1], i) == i else -1
        into: dict[int, int] = {}
        for j, firm in enumerate(self.firms):
            target = None
            if j in full:
                core = _LEGAL_BODY_RE.sub("", firm.legal_name)
                k = cores.get(core)
                if k is not None and k >= 0 and k != j and "（" not in core and "(" not in core and len(core) >= 4:
                    target = k  # "金兴九英控股集团有限公司" beside "金兴九英控股（湖北）集团有限公司"
            elif "group" in firm.how and not firm.legal_name:
                # "正邦集团" beside "正邦集团有限公司", "一汽集团" beside "中国一汽集团公司", "大洋电机集团" beside
                # "中山大洋电机股份有限公司": the group is the firm whose legal name is the group's name and no more
                # (beside "X集团Y有限公司" it is most often the parent, another firm: left alone)
                for n in firm.names:
                    k = groups.get(_group_core(n), -1)
                    if k >= 0 and k != j:
                        target = k
                        break
            elif "group" not in firm.how:  # "X集团" beside "X集团Y有限公司": most often the parent, another firm
                for n in firm.names:
                    body = n.removesuffix("公司")
                    for word in COUNTRY_WORDS:
                        if body.startswith(word) and len(body) > len(word) + 1:
                            body = body[len(word):]
                            break
                    k = owners.get(body, -1)
                    if k >= 0 and k != j and len(body) >= (2 if n.endswith("公司") else 4):
                        target = k
                        break
            if target is not None and target not in into and not self._subsidiary(self.firms[target].legal_name):
                into[j] = target
        if not into:
            return
        self._absorb(into, legal_last=True)

    def _is_segment_word(self, name: str) -> bool:
        if self.dataset is None:
            return False
        if self._segment_words is None:  # the chains' and segments' names and keywords, normalised once
            self._segment_words = {normalize_name(w) for chain in self.dataset.chains.values()
                                   for w in [chain.name, *chain.aliases]}
            self._segment_words |= {normalize_name(w) for chain in self.dataset.chains.values()
                                    for seg in chain.segments for w in [seg.name, *seg.keywords, *seg.aliases]}
        return normalize_name(name) in self._segment_words

    def _segment_suffix(self, name: str) -> str:
        if self.dataset is None:
            return ""
        words = [w for seg in self.dataset.segments.values() for w in (seg.name, *seg.keywords, *seg.aliases)
                 if len(w) >= 2 and name.endswith(w)]
        return max(words, key=len) if words else ""

    def _is_region_word(self, name: str) -> bool:
        if self.dataset is None:
            return False
        return any(name in (r.name, *r.aliases) for r in self.dataset.regions.values())

    def firm_of(self, name: str) -> int | None:
        return self._firm_index.get(_norm(name))

    def _reindex_firms(self) -> None:
        self._firm_index = {}
        for i, firm in enumerate(self.firms):
            for n in firm.names:
                self._firm_index.setdefault(_norm(n), i)
        self._firm_spots = None
        self._firm_version += 1

    def _described_firm(self, name: str) -> int | None:
        """Where a firm already named starts in ``name`` after a description ending in 厂/商/家/者
        ("铝门窗制造厂国田兴业" -> 6), None if it does not."""
        return next((k for k in range(2, len(name) - 1) if name[k - 1] in "厂商家者"
                     and self.firm_of(name[k:]) is not None), None)

    def _add_firm_name(self, name: str, pos: int, how: str) -> None:
        if how != "legal" and _bad_firm_name(name):
            return
        if name.startswith("目") and self.t[pos - 1:pos] == "项":
            return  # "项目（中豪国际）": a cut inside 项目, not a name
        described = _GROUP_DESCRIPTION_RE.search(name[:-2]) if how != "legal" else None
        if described:  # "全球光伏龙头晨曦集团", "发挥远山集团": the name after its description or a verb
            name, pos = name[described.end():], pos + described.end()
            if _bad_firm_name(name):
                return
        if how != "legal":
            # "铝门窗制造厂国田兴业", "设备商矽碁科技": a description before a firm already named is not part of it
            cut = self._described_firm(name)
            if cut is not None:
                name, pos = name[cut:], pos + cut
        head = _LEGAL_SUFFIX_RE.sub("", name)
        if _PHRASE_NOT_NAME.search(head if how == "legal" else name) or (how == "legal" and len(head) < 2):
            return
        if re.search(r"(?<!有限)项目公司$", name):
            return  # "成立项目公司", "海润光伏项目公司": the company a project will have, described, not named
        if how == "legal" and _CLAUSE_COMPANY_RE.search(name):
            return  # "管委会同意由公司", "并给予公司", "拟引进公司", "X等公司": a clause ending in the noun 公司
        country = ""
        stripped = name
        for word, code in sorted(COUNTRY_WORDS.items(), key=lambda kv: -len(kv[0])):
            if name.startswith(word) and len(name) > len(word) + 1:
                country, stripped = code, name[len(word):]
                break
        names = [stripped] + ([name] if stripped != name else [])
        index = None
        # "苹果公司" and "美国苹果": one firm, written with and without 公司
        for n in [*names, *(n + "公司" for n in names), *(n.removesuffix("公司") for n in names if n.endswith("公司"))]:
            index = self.firm_of(n)
            if index is not None:
                break
        if index is None:
            self.firms.append(_FirmEntity(names=[], first=(name, pos, pos + len(name))))
            index = len(self.firms) - 1
        firm = self.firms[index]
        for n in names:
            if n not in firm.names:
                firm.names.append(n)
                self._firm_index.setdefault(_norm(n), index)
        self._firm_spots = None
        self._firm_version += 1
        firm.how.add(how)
        if how == "legal" and not firm.legal_name:
            firm.legal_name = name
        if country and not firm.country:
            firm.country = country
            firm.country_text = (name, pos, pos + len(name))

    def _split_compounds(self) -> None:
        """德国巴斯夫贺利氏 = 巴斯夫 + 贺利氏: a name made only of other firms' names is those firms."""
        for i, firm in enumerate(list(self.firms)):
            for name in list(firm.names):
                parts = self._segment_by_names(name, exclude=i)
                if parts and len(parts) >= 2:
                    for part in parts:
                        other = self.firms[part]
                        if firm.country and not other.country:
                            other.country = firm.country
                            other.country_text = firm.country_text
                    firm.names.remove(name)
        self.firms = [f for f in self.firms if f.names]
        self._reindex_firms()

    def _merge_variants(self) -> None:
        """Two legal names of one firm in one article ("X节能玻璃有限公司", later "X节能玻璃幕墙有限责任公司"): when one
        name's body (without 有限公司…) is the start of the other's, at least six characters long, and the other
        adds at most two characters, they are one firm under the name written first."""
        bodies = sorted((_LEGAL_SUFFIX_RE.sub("", f.legal_name), i)
                        for i, f in enumerate(self.firms) if f.legal_name)
        into: dict[int, int] = {}
        for k, (body, i) in enumerate(bodies):
            if len(body) < 6:
                continue
            for other, j in bodies[k + 1:]:
                if not other.startswith(body):
                    break
                if 0 < len(other) - len(body) <= 2 and i not in into and j not in into:
                    spot_i, spot_j = self.firms[i].first, self.firms[j].first
                    first_i = spot_i[1] if spot_i is not None else 0
                    first_j = spot_j[1] if spot_j is not None else 0
                    keep, drop = (i, j) if first_i <= first_j else (j, i)
                    into[drop] = keep
        self._with_and_without_parent(into)
        # "凤冈县长山米业有限公司" and "长山米业有限公司": the county or city before a legal name is where it is
        legal = {f.legal_name: i for i, f in enumerate(self.firms) if f.legal_name}
        for name, i in legal.items():
            place = _ADMIN_PLACE_RE.match(name)
            if place is None:
                continue
            short = legal.get(name[place.end():])
            if short is not None and short != i and len(name) - place.end() >= 6 and i not in into and \
                    short not in into:
                into[i] = short
        if not into:
            return
        self._absorb(into)

    def _with_and_without_parent(self, into: dict[int, int]) -> None:
        """"广西森工集团高林林业股份有限公司" and "广西高林林业股份有限公司": a subsidiary written with and without its
        parent group after the place is one firm (added to ``into``, drop -> keep, the name with the group kept)."""
        named = [(_LEGAL_SUFFIX_RE.sub("", n), i) for i, f in enumerate(self.firms) for n in f.names
                 if _LEGAL_SUFFIX_RE.search(n)]
        by_body = {body: i for body, i in named}
        for body, i in named:
            inner = _GROUP_INFIX_RE.match(body)
            short = by_body.get(inner["place"] + inner["rest"]) if inner else None
            keep = into.get(i, i)
            if short is not None and short != keep and short not in into and short not in into.values():
                into[short] = keep

    def _absorb(self, into: dict[int, int], legal_last: bool = False) -> None:
        """Fold each firm ``drop`` of ``into`` (drop -> keep) into the firm it keeps: its names, how it was found and
        its country; then drop it and reindex. With ``legal_last`` the dropped firm's legal name goes after its
        other names, and not at all when it is the kept firm's own legal name."""
        for drop, keep in into.items():
            kept, gone = self.firms[keep], self.firms[drop]
            legal = gone.legal_name if legal_last else ""
            kept.names.extend(n for n in gone.names if n not in kept.names and (not legal or n != legal))
            if legal and legal != kept.legal_name and legal not in kept.names:
                kept.names.append(legal)
            kept.how |= gone.how
            if not kept.country and gone.country:
                kept.country, kept.country_text = gone.country, gone.country_text
            gone.names = []
        self.firms = [f for f in self.firms if f.names]
        self._reindex_firms()

    def _subsidiary(self, legal: str) -> bool:
        """A legal name written as a subsidiary ("向全资子公司美联新材料（四川）有限公司增资", "旗下X有限公司"): the
        shorter name that starts it is most often the parent, another firm."""
        return any(_SUBSIDIARY_BEFORE_RE.search(self.t, max(0, p - 6), p) for p in self.occurrences(legal))

    def _segment_by_names(self, name: str, exclude: int) -> list[int] | None:
        for word in COUNTRY_WORDS:
            if name.startswith(word):
                name = name[len(word):]
                break
        result: list[int] = []
        key = (len(self.firms), self._firm_version)
        if self._by_first is None or self._by_first[0] != key:
            by_first: dict[str, list[tuple[int, int, str]]] = {}
            for i, firm in enumerate(self.firms):
                for n in firm.names:
                    if n:
                        by_first.setdefault(n[0], []).append((i, -len(n), n))
            self._by_first = (key, {c: sorted(v) for c, v in by_first.items()})
        pos = 0
        while pos < len(name):
            found = None
            for i, minus_len, n in self._by_first[1].get(name[pos], []):
                if i != exclude and name.startswith(n, pos):
                    found = (i, -minus_len)
                    break
            if not found:
                return None
            result.append(found[0])
            pos += found[1]
        return result

    @staticmethod
    def _legal_variants(legal: str) -> list[str]:
        """A legal name's body, without its bracketed part, and without a leading province or city."""
        core = _LEGAL_BODY_RE.sub("", legal)
        variants = [core, re.sub(r"（[^）]*）|\([^)]*\)", "", core)]
        for province in _PROVINCES:
            variants += [v[len(province):] for v in list(variants) if v.startswith(province)]
        return variants

    def _all_short_names(self) -> None:
        """Short names of the firms with a legal name: each prefix of the name's body that the article uses
        outside every legal name ("浙江华锐精密机械有限公司", later "华锐精密"). A prefix that starts another firm's
        legal name (浙江华锐 of 浙江华锐电子有限公司 too) would point at both firms: it is no short name of either,
        and its mentions inside the other firm's legal name are no mentions of this one.

        Linear in the text: the legal-name spans are marked once, and a prefix is looked up only when it belongs
        to one firm, so a group's many subsidiaries (浙江华…有限公司 ×300) do not make each firm scan all the others'
        mentions."""
        legal_firms = [(i, firm, self._legal_variants(firm.legal_name)) for i, firm in enumerate(self.firms)
                       if firm.legal_name]
        if not legal_firms:
            return
        # prefix -> the one firm whose legal name it starts, -1 when several. A name with a full legal form comes
        # first: "江华海螺公司" (a bare 公司) after "江华海螺水泥有限公司" is most often the same firm written short,
        # so it claims only the prefixes no full legal name starts
        full: dict[str, int] = {}
        bare: dict[str, int] = {}
        for i, firm, variants in legal_firms:
            owners = bare if _LEGAL_BODY_RE.search(firm.legal_name) is None else full
            for variant in variants:
                for size in range(2, len(variant) + 1):
                    prefix = variant[:size]
                    if owners.setdefault(prefix, i) != i:
                        owners[prefix] = -1
        owners = {**bare, **full}
        in_legal = bytearray(len(self.t))  # 1 inside any legal name written in the article
        for legal in {firm.legal_name for _, firm, _ in legal_firms}:
            for p in self.occurrences(legal):
                in_legal[p:p + len(legal)] = b"\x01" * len(legal)
        for i, firm, variants in legal_firms:
            self._short_names(i, firm, variants, owners, in_legal)
        self._firm_version += 1

    def _short_names(self, index: int, firm: _FirmEntity, variants: list[str], owners: dict[str, int],
                     in_legal: bytearray) -> None:
        legal = firm.legal_name
        own: set[int] = set()  # positions inside this firm's short names found so far
        found: list[str] = []
        for variant in variants:
            stem = re.match(r"[\u4e00-\u9fff]{1,4}?(?:自治县|县|旗|区|市)(?=[\u4e00-\u9fff]{4})", variant)
            if stem and (stem.group().removesuffix("市") in CITIES or _NOT_A_COUNTY_RE.search(stem.group())):
                stem = None  # a city starts many firms' names and is cut elsewhere; "…园区" is no county
            city = _city_prefix_size(variant)
            for size in range(len(variant), 1, -1):
                prefix = variant[:size]
                if prefix.endswith("（") or prefix.count("（") != prefix.count("）"):
                    continue
                if (stem and size <= stem.end()) or size < city:
                    # "科右前", "科右" of "科右前旗乌兰集团…公司", "哈尔" of "哈尔滨X公司": the place it starts with,
                    # or part of it
                    continue
                if (prefix == legal or owners.get(prefix) != index or prefix in _PROVINCES or _names_nothing(prefix)
                        or prefix in COUNTRY_WORDS or prefix in _PLACE_WORDS or self._is_region_word(prefix)
                        or _bad_firm_name(prefix)):
                    continue
                spots = [p for p in self.occurrences(prefix) if not in_legal[p] and p not in own]
                if spots:
                    found.append(prefix)
                    for p in spots:
                        own.update(range(p, p + len(prefix)))
        for name in found:
            if name not in firm.names and self.firm_of(name) is None:
                firm.names.append(name)
                self._firm_index.setdefault(_norm(name), index)
                self._firm_spots = None


def _city_prefix_size(name: str) -> int:
    """The length of the prefecture city a name starts with ("哈尔滨X公司" -> 3), else 0."""
    return next((size for size in (4, 3, 2) if name[:size] in CITIES), 0)


_GROUP_DESCRIPTION_RE = re.compile(r".*(?:企业|龙头|巨头|厂商|生产商|制造商|发挥|了解|依托|借助)")
_SUBSIDIARY_BEFORE_RE = re.compile(r"(?:子公司|分公司|旗下|下属|控股的|投资的|设立的|成立的)$")
_GROUP_INFIX_RE = re.compile(rf"(?P<place>(?:{'|'.join(_PROVINCES[:31])})省?|(?:{_CITY_ALT})市?)"
                             r"[\u4e00-\u9fff]{2,4}?集团(?P<rest>[\u4e00-\u9fff]{4,})")


def _group_core(name: str) -> str:
    """A group's or a legal name body's name without the country, its 公司, 集团, 股份 or 控股 ("中国一汽集团公司" ->
    "一汽", "正邦集团" -> "正邦"), to see that a group named bare and a legal name are one firm."""
    for word in sorted([*COUNTRY_WORDS, "中国"], key=len, reverse=True):
        if name.startswith(word) and len(name) > len(word) + 2:
            name = name[len(word):]
            break
    return re.sub(r"(?:集团|股份|控股)+$", "", name.removesuffix("公司"))
