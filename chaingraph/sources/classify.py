"""挂链: propose the chain segments of a registry firm, each with a confidence and the evidence that decided it.

Deterministic, offline and explainable: every proposal lists the scope terms, industry code and name parts it
rests on (docs/registry.md has the table of signals and weights). The vocabulary comes from the chain
templates (per segment: ``industry_codes``, ``scope_terms``, ``product_terms``, ``ambiguous_terms``, ``roles``;
per chain: ``generic_terms``) and is compiled once into one Aho-Corasick automaton, so that a row costs one
pass over its text whatever the number of terms.

How a firm is read:

1. The 经营范围 is cut into items (at ；。，and line breaks; bracketed remarks such as （不含危险化学品） are
   dropped). Each item gets its roles from its verbs: 制造/生产/加工 make it a producer item, 销售/批发/进出口 a
   seller item, 维修/租赁/技术服务 a servicer item, 研发 a research item, 投资/控股 an investor item, 回收/梯次利用
   a recycler item (再制造 is servicing, not making). Earlier items weigh more (1, 0.74, 0.59, 0.49 ...):
   registries list the main business first and the boilerplate (进出口, 房屋租赁, 仓储) last; the 一般项目 items
   are ranked from their own start, since the licensed items (许可项目) come first by rule.
2. Terms are found leftmost-longest, so 主轴轴承 is a bearing and not a spindle; a product word followed by
   材料/设备/装备/模具/原料 names an input or a tool for the product (电池材料, 轮胎模具), not the product, and is
   dropped. A small list of neutral words (塑料制品, 铝合金门窗, 变压器铁芯 ...) blocks look-alikes.
3. Role first: a term counts for a segment only in an item whose role the segment accepts (producers, unless the
   template lists more ``roles``, as the aftermarket does). Selling and servicing count only in the firm's
   first item, its main business. A firm without a producer item is a seller, servicer, research firm or
   holding and gets no producer link: it is listed with that reason.
4. A segment's confidence: a specific scope or product term in a producer item gives *probable*; the industry
   code in the segment's classes, or the same term in the firm's name, raises it to *confirmed*. Ambiguous
   terms or name terms alone give *guessed*; an industry code alone gives no link, only a candidate named in the
   reason (a class is wider than a segment); an ambiguous term becomes *probable* when the name
   agrees or the code is one that few segments share. The name is also read for name parts, the technical stems
   of the segments' product terms (制动 of 制动器, see :data:`NAME_PART_AFFIXES`); a name term or part becomes
   *probable* when a making item names the segment's chain in catalogue wording (汽车零部件及配件制造), and
   *confirmed* when the code is also a class few segments share. A
   producer's segment product named in a selling item (充电桩销售) counts when the code is one of the segment's
   classes; a class only one segment draws from, with a making item of its chain, gives a guess. A manufacturing
   code that fits none of the candidates lowers each one step (a guess it speaks against is dropped), two steps
   when no segment of any chain draws from it; a code that fits one candidate lowers a segment only the name
   speaks for, and a candidate it speaks against that the scope names only from a section's third item on is
   dropped (in-house work). A catch-all class no segment draws from (3484, the 其他… classes) lowers only vague
   guesses, and a guess resting on a process word alone (机械零件、零部件加工) in a later item is not proposed.
   A segment takes its strongest signal per item (product variants listed in one item count once). When the
   scope names no segment, a class whose GB/T 4754-2017 name is one segment's catalogue wording (3321 切削工具制造;
   :mod:`chaingraph.sources.gbt4754`) gives that segment as a guess; a product named in a research item of a
   producer counts like one named in a selling item.
5. The primary segment has the highest score; further segments (multi-chain firms) are proposed when they are
   at least probable, rest on a specific term, and their strongest scope signal is at least 0.6 of the
   primary's, in one of a section's first two items. When only ambiguous words matched and several segments
   tie (or only the code names candidates), a two-character word of the name that only one candidate's product
   words share picks it as a guess; otherwise nothing is guessed: the firm is listed with the reason and the
   candidates.
6. The main business decides (docs/registry.md, "Main business, tooling and look-alikes"): a segment outside the
   code named late, or second after another chain's catalogue wording the code agrees with, is in-house work; a
   product after 其/相关/配套 belongs to the one before it; a section opening with a product outside the chains
   (塑料制品制造) outweighs a lone vague word after it; a vague catalogue item of one segment names it in a firm of
   its chain; the product in brackets after the chain's catalogue wording weighs as catalogue wording.

Examples
--------
>>> from chaingraph import load_dataset
>>> classifier = Classifier(load_dataset())
>>> firm = classifier.classify_fields("浙江某某精密刀具有限公司",
...     "一般项目：切削工具制造；五金产品批发；货物进出口", "3321")
>>> [(p.segment, p.confidence) for p in firm.proposals]
[('mt-cutting-tool', 'confirmed')]
>>> classifier.classify_fields("平湖某某汽配贸易有限公司", "汽车零配件批发；汽车零配件零售").reason
'只销售（批发、零售、进出口），不是生产企业'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..dataset.model import CONFIDENCES
from ..dataset.store import Dataset, normalize_name
from .gbt4754 import CLASS_NAMES, class_name
from .known import FirmKnowledge, KnownFirm, KnownMatch
from .registry import RegistryRow, industry_class

__all__ = [
    "NEUTRAL_TERMS",
    "ROLE_WORDS",
    "WEIGHTS",
    "Evidence",
    "NoLinkReason",
    "reason_text",
    "reason_code",
    "Proposal",
    "FirmResult",
    "Classifier",
    "confidence_at_least",
]

WEIGHTS: dict[str, float] = {
    "scope_term": 3.0,  # standard scope wording of the segment, in an item of an accepted role
    "product_term": 2.0,  # a product word of the segment, in an item of an accepted role
    "ambiguous_term": 0.5,  # a word that also points elsewhere
    "unknown_role": 0.6,  # factor for an item without any verb (old-style scopes list products only)
    "name_term": 2.5,  # a product or scope term in the firm's name: the trade the firm calls itself by
    "code": 1.0,  # the industry code is one of the segment's classes
    "position_decay": 0.35,  # item i weighs 1 / (1 + decay * i)
    "secondary_share": 0.6,  # a further segment's strongest scope signal needs this share of the primary's
    "secondary_rank": 1,  # ... and must come from one of the first two items of a section (later: in-house work)
    "specific_code": 3,  # a code shared by more segments than this cannot lift an ambiguous word to probable
    "name_part": 1.5,  # a technical stem of a product term in the firm's name (制动 of 制动器): weaker than a term
    "sold_term": 1.0,  # a producer names its segment product in a selling item (counts if the code agrees)
    "code_class": 1.0,  # the code's class name is the segment's catalogue wording, and the scope names no segment
    "narrowed": 1.0,  # a vague word that narrows a wide class of the segment to it (narrowing_terms)
    "name_hint": 0.5,  # a two-character word of the name that only one tied candidate's product words contain
    "known_firm": 2.0,  # the firm itself is known (dataset or reference list) to make in the segment
    "known_group": 1.0,  # the firm's group brand is known to make in the segment
}
"""The weights of the signals (documented in docs/registry.md; change them there too)."""

ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "producer": ("制造", "生产", "加工", "研制", "装配", "组装", "制作", "冶炼", "压延", "铸造", "锻造", "精炼",
                 "提纯", "成型", "开采", "采选", "选矿", "采矿"),
    "seller": ("销售", "批发", "零售", "经销", "进出口", "贸易", "代理", "购销", "分销", "营销", "经营",
               "供应链管理", "采购", "经纪"),
    "servicer": ("维修", "修理", "维护", "保养", "租赁", "技术服务", "咨询", "技术交流", "技术转让", "技术推广",
                 "检测", "检验", "安装", "调试", "仓储", "运输", "物流", "装卸", "清洗", "培训", "服务", "运营",
                 "翻新", "修补"),
    "research": ("研发", "研究", "开发", "试验发展"),
    "investor": ("投资", "控股", "资产管理", "股权", "企业管理", "企业总部管理"),
    "recycler": ("回收", "梯次利用", "再生", "综合利用", "拆解"),
}
"""Verbs that give a scope item its role(s). 技术开发 is research. A template's scope term without any of these
verbs (集成电路设计) counts as making."""

NEUTRAL_TERMS: tuple[str, ...] = (
    "塑料制品", "日用塑料制品", "塑料包装", "包装材料", "包装制品", "包装膜", "编织袋", "塑料袋", "塑料薄膜",
    "建筑材料", "建材", "铝合金门窗", "门窗", "幕墙", "建筑铝型材", "建筑涂料", "真石漆", "腻子", "木塑",
    "铝塑复合板", "金属复合材料", "金属复合板", "复合钢板", "爆炸焊接复合材料", "爆炸复合",
    "变压器铁芯", "电抗器铁芯", "隔膜泵", "隔膜阀", "服务机器人", "扫地机器人", "教育机器人",
    "服务消费机器人", "玩具", "水泥", "混凝土", "电动自行车", "自行车", "摩托车", "汽车用品", "食品",
    "家具", "服装", "纺织品", "化妆品", "五金交电", "日用百货", "劳保用品",
    "太阳能电池", "光伏组件", "光伏硅片", "太阳能硅片", "光伏电池", "铅酸蓄电池", "铅蓄电池", "铅酸电池",
    "电动三轮车", "老年代步车", "家用空调", "家用电器", "电动工具", "缝纫机", "医疗器械", "锂电设备",
    "聚四氟乙烯制品", "四氟制品", "生料带",
    "铁氧体", "石墨电极", "预焙阳极", "阴极炭块", "炭块",
    "储能电池", "储能电芯", "储能系统", "手机电池", "消费类电池", "消费电池", "数码电池", "聚合物锂电池", "纽扣电池",
    "电动工具电池", "电动自行车电池", "两轮车电池",
    "电焊机", "逆变焊机", "焊接材料", "焊丝", "焊条",
    "三轮汽车", "低速货车", "农用车", "农用运输车", "冷水机组", "中央空调", "商用空调", "空调末端", "冷库",
    "木器涂料", "木器漆", "家具漆", "地坪涂料", "乳胶漆", "内墙涂料", "外墙涂料", "艺术涂料",
)
"""Words that look like chain terms but are not (packaging plastics, building materials, clad metal plates,
consumer goods, PTFE parts and plumbing tape made from the resin, ferrite magnets, graphite electrodes and
prebaked anodes for aluminium smelting ...):
found like terms, they block the shorter chain terms inside them and count for nothing."""

NAME_PART_AFFIXES: tuple[tuple[str, ...], tuple[str, ...]] = (
    ("新能源汽车", "电动汽车", "汽车", "锂离子", "锂电池", "锂电", "车载", "精密", "数控", "高压", "工业"),
    ("零部件", "总成", "系统", "模组", "组件", "部件", "配件", "制品", "器", "件"),
)
"""Leading qualifiers and trailing type words stripped from a segment's product terms and aliases to get the
technical stems a firm's name uses (连接器 → 连接, 汽车制动器 → 制动): name parts, matched in names only."""

NAME_PART_STOP: frozenset[str] = frozenset((
    "控制", "电子", "电机", "电池", "电源", "电气", "电器", "材料", "机械", "设备", "装备", "科技", "技术", "智能",
    "自动化", "新能源", "能源", "动力", "汽车", "车辆", "金属", "五金", "塑料", "化工", "模具", "工具", "仪器",
    "电动", "驱动", "系统", "传动", "结构", "精工", "精密", "高新", "新材", "复合", "合金", "配件", "零件", "汽配",
    "装置", "服务", "维修", "保养", "美容", "焊接", "大件", "用钢", "改造", "主机", "整机", "照明", "减速", "压力",
    "制造", "回收", "同步", "操作", "软件", "通信", "终端", "电线", "电缆", "线缆", "线性", "娱乐", "仪表", "装饰",
    "车身", "覆盖", "注塑", "蓄电池", "电子产品", "智能制造", "皮革", "雷达", "模组", "电池组", "声学", "电子电",
    "密封条", "用革", "用铜箔", "机床大", "复合材料构", "电子电器", "永磁",
))
"""Stems too common in firm names to say a segment (控制, 电子, 机械 ...): never name parts."""

NAME_HINT_STOP: frozenset[str] = frozenset((
    "材料", "新材", "科技", "技术", "有限", "公司", "集团", "股份", "实业", "工业", "发展", "制造", "制品", "产品",
    "设备", "装备", "系统", "汽车", "机械", "精密", "智能", "新能", "能源", "国际", "中国", "控股", "电子", "高新",
    "氟化", "氯化", "氧化", "硫化", "气体", "石油",
))
"""Two-character words of names too common to break a tie between candidate segments (besides NAME_PART_STOP);
氟化, 氧化 … are fragments of chemical names (三氟化氮, 氧化铝) that say the chemistry, not the trade;
气体 is in the name of every industrial-gas maker (oxygen and nitrogen for a steel works), not only of
electronic-gas makers; 石油 names oil companies, not the 石油树脂 makers."""

CONTEXT_VAGUE: frozenset[str] = frozenset((
    "电子元器件制造", "电子元件制造", "电机制造", "通用设备制造", "专用设备制造", "机械设备制造",
))
"""Catalogue items too wide to name a segment even inside its chain (electronic components are connectors,
sensors, chips and passives alike; 通用设备 is any machine): they stay ambiguous whatever the firm's chain."""

_CATALOGUE_KINDS = frozenset(("scope_term", "ambiguous_term", "chain_term", "code", "code_class", "narrowed"))
# evidence that is catalogue wording and code only: no product word and no name

_OTHER_USES = ("风电", "风力发电", "航空", "航天", "船用", "船舶", "核电", "燃气轮机", "油气", "海洋工程", "工程机械",
               "农机", "农用", "家电", "家用", "电动工具", "电动自行车", "摩托车", "光伏", "轨道交通", "铁路", "电梯",
               "矿山")
"""Trades outside the chains whose name, right before a part (风电主轴, 航空发动机零部件, 电动工具齿轮箱), says the part
is theirs: it names no segment of the chains. Tools, bearings and materials serve every trade and are not qualified
away (家电模具 is still a mould)."""

_WIDE_NEUTRAL = frozenset(("塑料制品", "日用塑料制品", "塑料薄膜", "塑料包装", "包装材料", "包装制品", "包装膜"))
"""Neutral words that are also the catalogue wording a chain's film or plastics maker must write (a separator maker
files 塑料薄膜制造 first): they say less about the firm than a known firm's entry does."""


def _is_han(char: str) -> bool:
    return bool(char) and "\u4e00" <= char <= "\u9fff"


_VEHICLE_WORDS = ("汽车", "车用", "车载", "乘用车", "商用车", "轿车", "客车", "货车")
"""Words that say a product is a vehicle's: a part named with one belongs to the chains, whatever trade word comes
before it (航空铝合金汽车轮毂)."""


def _other_use(item: str, start: int, ends: dict[int, int]) -> int:
    """Where a trade of _OTHER_USES that claims the word at ``start`` begins, or -1: the trade right before the word
    (航空发动机, 电梯用电机), overlapping its first character (风电主轴 holds 电主轴), or qualifying the product the
    word is a part of (船用柴油机曲轴: a crankshaft of a marine diesel; ``ends`` maps the end of each term found in
    the item to its start, and the product between must be one of them, with no vehicle word in it or the part)."""
    for use in _OTHER_USES:
        at = item.rfind(use, 0, start + len(use) - 1)
        if at < 0:
            continue
        end = at + len(use)
        if end == start or (end == start - 1 and item[end] == "用") or at < start < end:
            return at
        if ends.get(start) == end and "车" not in item[end:start] and \
                not item.startswith(_VEHICLE_WORDS, start):
            return at
    return -1


_SERVE_ALL = frozenset(("mt-mold", "mt-cutting-tool", "mt-fixture", "mt-measuring-tool", "mt-bearing"))
"""Segments whose products serve every trade: a trade's name before them does not qualify them away."""

_ACCESSORY = ("其", "相关", "配套")  # 及其模具, 相关模具, 配套模具: belonging to the product named before them
_REPAIR_WORDS = ("维修", "修理", "维护", "保养", "翻新", "修补")
"""Servicing verbs of repair and maintenance (a subset of the servicer's words): a firm whose first item repairs
lives on vehicles (or machines) in use, whatever servicing items follow."""

_PROCESS = "加工"  # a vague word naming a process (机械零件、零部件加工, 钣金加工), not a product
_PRODUCT_TAIL = ("材料", "设备", "装备", "模具", "原料", "生产线", "成套", "检测", "专用")
_TOOL_TAIL = ("设备", "装备", "机械", "生产线", "模具")
_CATALOGUE_END = ("制造", "加工", "生产", "冶炼")  # how catalogue items (经营范围规范表述) end
_PROCESS_WORDS = frozenset(("铸造", "锻造", "冲压", "锻压", "压铸", "焊接", "热处理", "涂装", "粉末冶金"))
"""A vague process word (铸造, 锻造) followed by 设备/机械/生产线/模具 names the machines or tooling for the process,
another trade's goods (铸造机械制造 is foundry equipment); 铸造机械零部件 are still castings."""
_MATERIAL_TAIL = ("材料", "原料")  # in a materials chain 硅碳负极材料 is the product itself, not an input to it
_BRACKETS = re.compile(r"[（(][^（）()]*[)）]|【[^】]*】")
# bracketed remarks of the registry's boilerplate (（不含危险化学品）, （除依法须经批准的项目外 ...）); other brackets
# name products (钢板（电工钢、硅钢）) and are kept
_REMARKS = re.compile(r"[（(][^（）()]*(?:不含|除|依法|须经|批准|许可|审批|涉及|仅限|不得|凭|分支机构|国家)"
                      r"[^（）()]*[)）]")
_ITEM_SPLIT = re.compile(r"[；;。，,\n\r]+")
_GENERAL = re.compile(r"^(一般项目|一般经营项目)[:：]?")
_PREFIX = re.compile(r"^(一般项目|许可项目|一般经营项目|许可经营项目|经营项目|主营|兼营)[:：]?")
_NAME_NOISE = re.compile(r"(股份有限公司|有限责任公司|有限公司|分公司|集团|公司|厂|高科技|高新技术|高技术|科技|实业|"
                         r"工业|发展|技术|新材料科技)$")
_LEVEL = {name: index for index, name in enumerate(reversed(CONFIDENCES), start=1)}  # guessed 1 .. confirmed 3
_AT_LEVEL = {index: name for name, index in _LEVEL.items()}


def confidence_at_least(confidence: str, minimum: str) -> bool:
    """True when ``confidence`` is ``minimum`` or better (confirmed > probable > guessed)."""
    return _LEVEL.get(confidence, 0) >= _LEVEL[minimum]


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@dataclass(frozen=True)
class Evidence:
    """One signal behind a proposal: where it was seen and what it said."""

    kind: str  # scope_term | product_term | ambiguous_term | name_term | name_part | chain_term | sold_term | code
    # | code_class | narrowed | contradiction
    text: str
    item: int | None = None  # 1-based scope item
    weight: float = 0.0

    def __str__(self) -> str:
        return self.render("zh")

    def render(self, lang: str = "zh") -> str:
        """The signal in Chinese (``zh``, what ``str()`` gives) or English; ``text`` (the data) stays as written."""
        code = self.text.split("（")[0] if self.kind == "code_class" else self.text
        templates = _EVIDENCE_TEXT.get(lang, _EVIDENCE_TEXT["zh"])
        template = templates.get(self.kind, templates["scope_term"])
        return template.format(text=self.text, item=self.item, code=code)


_EVIDENCE_TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "code": "行业代码{text}", "code_class": "行业代码{text}", "contradiction": "行业代码{text}不属本环节",
        "home_class": "行业代码{text}是本环节企业的主要登记类别",
        "name_term": "名称“{text}”", "name_part": "名称含“{text}”", "name_hint": "名称中的“{text}”只见于本环节的产品词",
        "chain_term": "经营范围第{item}项本链泛称“{text}”", "sold_term": "经营范围第{item}项销售“{text}”",
        "research_term": "经营范围第{item}项研发“{text}”", "ambiguous_term": "经营范围第{item}项泛指“{text}”",
        "scope_term": "经营范围第{item}项“{text}”",
        "narrowed": "经营范围第{item}项“{text}”把宽泛的行业代码收窄到本环节",
        "known_firm": "参考企业库：{text}", "known_group": "同品牌企业在参考企业库：{text}",
        "known_outside": "参考企业库：{text}，主业不在各产业链内",
        "dataset_firm": "数据集中已知：{text}", "dataset_group": "同品牌企业在数据集中：{text}",
    },
    "en": {
        "code": "industry code {code}", "code_class": "industry code {code} (its class is this segment's wording)",
        "home_class": "industry code {code} is the class this segment's firms mostly register under",
        "contradiction": "industry code {code} is outside this segment",
        "name_term": "name \"{text}\"", "name_part": "name contains \"{text}\"",
        "name_hint": "\"{text}\" in the name is found only in this segment's product words",
        "chain_term": "scope item {item}: chain-wide term \"{text}\"",
        "sold_term": "scope item {item} sells \"{text}\"",
        "research_term": "scope item {item} researches \"{text}\"",
        "ambiguous_term": "scope item {item}: ambiguous \"{text}\"", "scope_term": "scope item {item}: \"{text}\"",
        "narrowed": "scope item {item}: \"{text}\" narrows the wide industry code to this segment",
        "known_firm": "reference list: {text}", "known_group": "a firm of the same brand in the reference list: {text}",
        "known_outside": "reference list: {text}; its business lies outside the chains",
        "dataset_firm": "known in the dataset: {text}",
        "dataset_group": "a firm of the same brand in the dataset: {text}",
    },
}
"""How each kind of :class:`Evidence` reads, per language (``kind`` is the stable code JSON gives)."""

EVIDENCE_SEPARATOR = {"zh": "；", "en": "; "}


class NoLinkReason(str):
    """Why a firm gets no link: a ``str`` whose text is the Chinese sentence, with a stable ``code`` and
    ``params`` (data: terms, codes, segment ids and names) from which :meth:`render` writes it in either language.

    >>> r = NoLinkReason("seller", {})
    >>> r, r.code
    ('只销售（批发、零售、进出口），不是生产企业', 'seller')
    >>> r.render("en")
    'sells only (wholesale, retail, import/export); not a producer'
    """

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, params: dict[str, Any] | None = None) -> NoLinkReason:
        params = dict(params or {})
        self = super().__new__(cls, _render_reason(code, params, "zh"))
        self.code = code
        self.params = params
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (NoLinkReason, (self.code, self.params))

    def render(self, lang: str = "zh") -> str:
        return _render_reason(self.code, self.params, lang)


def reason_text(reason: str, lang: str) -> str:
    """A firm's no-link reason in ``lang`` (a plain string, from an older caller, is shown as it is)."""
    return reason.render(lang) if isinstance(reason, NoLinkReason) else reason


def reason_code(reason: str) -> str:
    """The stable code of a no-link reason ("" for none)."""
    return reason.code if isinstance(reason, NoLinkReason) else ""


_ROLE_REASON = {
    "zh": {"seller": "只销售（批发、零售、进出口），不是生产企业",
           "servicer": "只提供服务（维修、租赁、技术服务），不是生产企业",
           "research": "只做研发与技术服务，没有生产项", "investor": "投资或控股企业，不是生产企业"},
    "en": {"seller": "sells only (wholesale, retail, import/export); not a producer",
           "servicer": "services only (repair, leasing, technical services); not a producer",
           "research": "research and technical services only; no making item",
           "investor": "an investment or holding company; not a producer"},
}


def _candidates(items: list[dict[str, str]], lang: str) -> str:
    if lang == "zh":
        return "、".join(f"{c['id']}（{c['name']}）" for c in items)
    return ", ".join(f"{c['id']} ({c.get('name_en') or c['name']})" for c in items)


def _render_reason(code: str, p: dict[str, Any], lang: str) -> str:
    zh = lang != "en"
    if code in _ROLE_REASON["zh"]:
        text = _ROLE_REASON["zh" if zh else "en"][code]
        if p.get("blocked"):
            text += f"（经营范围提到“{p['blocked']}”）" if zh else f" (the scope mentions \"{p['blocked']}\")"
        return text
    if code == "all_rejected":
        return "建议的环节都已被拒绝（rejections.csv）" if zh else "every proposed segment was rejected before " \
            "(rejections.csv)"
    if code == "generic_chain":
        if zh:
            return f"属{p['chain']}产业链，但经营范围只有泛称，环节不明"
        return f"in the {p.get('chain_en') or p['chain']} chain, but the scope has only generic words: segment unclear"
    if code == "unrelated":
        return "经营范围与各产业链的环节都不相关" if zh else "the scope matches no segment of any chain"
    if code == "outside_lead":
        if zh:
            return f"主营是产业链以外的产品（{p['term']}），其后的泛指词（{p['vague']}）不足以挂链"
        return (f"the main business is a product outside the chains (\"{p['term']}\"); the ambiguous word after it "
                f"(\"{p['vague']}\") is not enough for a link")
    if code == "vague_terms":
        if zh:
            return f"只有泛指的词（{p['term']}），行业代码{p['industry_code']}也不指向相应环节"
        return (f"only ambiguous words (\"{p['term']}\"), and industry code {p['industry_code']} does not point to "
                "their segments")
    if code == "code_only":
        if zh:
            return (f"经营范围没有环节词，只有行业代码{p['industry_code']}可能对应："
                    + _candidates(p["candidates"], lang))
        return (f"no segment word in the scope; only industry code {p['industry_code']} may fit: "
                + _candidates(p["candidates"], lang))
    if code == "wide_class":
        if zh:
            return (f"只有泛指的词（{p['term']}），行业代码{p['industry_code']}（{p['class_name']}）的企业"
                    "多数做别的产品，可能对应：" + _candidates(p["candidates"], lang))
        return (f"only ambiguous words (\"{p['term']}\"), and most firms of industry code {p['industry_code']} make "
                "other things; may fit: " + _candidates(p["candidates"], lang))
    if code == "tie":
        if zh:
            return "只有泛指的词，几个环节同样可能：" + _candidates(p["candidates"], lang)
        return "only ambiguous words; several segments are equally likely: " + _candidates(p["candidates"], lang)
    if code == "known_outside":
        if zh:
            return f"参考企业库：{p['text']}，主业不在各产业链内"
        return f"reference list: {p['text']}; its business lies outside the chains"
    if code == "already_linked":
        return "已在数据集中（links.csv）" if zh else "already in the dataset (links.csv)"
    return str(p.get("text", code))


@dataclass
class Proposal:
    """A proposed link of one firm to one segment."""

    segment: str
    confidence: str
    score: float
    evidence: list[Evidence] = field(default_factory=list)
    primary: bool = False

    @property
    def evidence_text(self) -> str:
        return self.evidence_in("zh")

    def evidence_in(self, lang: str) -> str:
        """The evidence as one cell in ``lang`` (Chinese: ``evidence_text``)."""
        return EVIDENCE_SEPARATOR.get(lang, "；").join(e.render(lang) for e in self.evidence)

    @property
    def evidence_codes(self) -> list[str]:
        """The stable codes (kinds) of the evidence, in order."""
        return [e.kind for e in self.evidence]


@dataclass
class FirmResult:
    """What the classifier says about one registry firm."""

    name: str
    role: str  # producer | seller | servicer | research | investor | recycler | unknown
    proposals: list[Proposal] = field(default_factory=list)
    reason: str = ""
    candidates: list[str] = field(default_factory=list)
    row: RegistryRow | None = None
    rejected: int = 0
    """Segments left out because a planner rejected them before (rejections.csv)."""

    @property
    def linked(self) -> bool:
        return bool(self.proposals)


@dataclass(frozen=True)
class _RowFacts:
    """What the rules learnt of a row that the known-firm step needs."""

    producer: bool  # the firm makes something (a making item, or a manufacturing code without any verb)
    chains: frozenset[str]  # chains a making item names in catalogue wording, or the code says
    code_segments: frozenset[str]  # segments that draw from the firm's industry code
    code: str = ""  # the industry class (4 digits) or division, as read
    outside_lead: str = ""  # the scope opens by making a product outside the chains (建筑涂料, 三轮汽车)
    vague_names: frozenset[tuple[str, str]] = frozenset()  # (segment, word): vague words of the name (磁业, 锻造)
    further: dict[str, Proposal] = field(default_factory=dict)  # segments the scope makes but the rules left out


@dataclass
class _Term:
    segment: str  # segment id, or "chain:<id>" for a chain-wide term, or "" for a neutral word
    kind: str  # scope_term | product_term | ambiguous_term | generic_term | neutral
    own_roles: frozenset[str]


@dataclass
class _Vocab:
    terms: dict[str, list[_Term]]
    automaton: Any
    names: dict[str, list[_Term]]  # terms plus name parts: what a firm's name is read with
    name_automaton: Any


def _roles_in(text: str) -> set[str]:
    roles = set()
    if "再制造" in text:  # remanufacturing serves vehicles in use (the aftermarket); it is not making
        roles.add("servicer")
        text = text.replace("再制造", "")
    for role, words in ROLE_WORDS.items():
        if any(w in text for w in words):
            roles.add(role)
    if "技术开发" in text or "技术研发" in text:
        roles.add("research")
    return roles


class Classifier:
    """Compiled vocabulary of a dataset's chain templates; :meth:`classify` one registry row at a time.

    ``rejected`` holds ``(firm key, segment)`` pairs never to propose (see :func:`firm_keys`).
    """

    def __init__(self, dataset: Dataset, rejected: Iterable[tuple[str, str]] = (),
                 knowledge: FirmKnowledge | None = None, reference: bool = True) -> None:
        self.ds = dataset
        # firms whose segments are known (the dataset's own, and the shipped reference list unless reference=False)
        self.knowledge = knowledge if knowledge is not None else FirmKnowledge.for_dataset(dataset, reference)
        self.segments = dataset.segments
        self.rejected = set(rejected)
        self.codes: dict[str, set[str]] = {}
        self.allowed: dict[str, frozenset[str]] = {}
        self.chain_of = {s.id: s.chain for s in self.segments.values()}
        # segments of a materials chain (its name says 材料): there 铝合金材料 names the product, not an input
        self.materials = {s.id for s in self.segments.values()
                          if s.chain in dataset.chains and "材料" in dataset.chains[s.chain].name}
        terms: dict[str, list[_Term]] = {}

        def add(term: str, entry: _Term) -> None:
            term = _norm(term).strip()
            if len(term) < 2:
                return  # one character matches everywhere
            bucket = terms.setdefault(term, [])
            if not any(t.segment == entry.segment for t in bucket):  # the first (strongest) kind listed wins
                bucket.append(entry)

        self.wide: dict[str, frozenset[str]] = {}  # segment -> its wide classes (Segment.wide_codes)
        self.narrowing: dict[str, frozenset[str]] = {}  # segment -> words narrowing its wide classes to it
        self.home: dict[str, str] = {}  # segment -> its home class, the first of its industry_codes
        for seg in self.segments.values():
            self.allowed[seg.id] = frozenset(seg.roles or ["producer"])
            if seg.industry_codes:
                self.home[seg.id] = seg.industry_codes[0]
            for code in seg.industry_codes:
                self.codes.setdefault(code, set()).add(seg.id)
            if seg.wide_codes:
                self.wide[seg.id] = frozenset(seg.wide_codes)
            if seg.narrowing_terms:
                self.narrowing[seg.id] = frozenset(seg.narrowing_terms)
            has_vocabulary = bool(seg.scope_terms or seg.product_terms)
            for term in seg.scope_terms:
                add(term, _Term(seg.id, "scope_term", frozenset(_roles_in(term) or {"producer"})))
            products = list(seg.product_terms)
            if not has_vocabulary:  # a template without vocabulary: its names and keywords are all we have
                products += [seg.name, *seg.aliases, *[k for k in seg.keywords if not k.isascii()]]
            for term in [seg.name, *products]:
                add(term, _Term(seg.id, "product_term", frozenset()))
            for term in seg.ambiguous_terms:
                add(term, _Term(seg.id, "ambiguous_term", frozenset(_roles_in(term))))
        for chain in dataset.chains.values():
            for term in chain.generic_terms:
                add(term, _Term(f"chain:{chain.id}", "generic_term", frozenset(_roles_in(term))))
        for term in NEUTRAL_TERMS:
            if term not in terms:
                add(term, _Term("", "neutral", frozenset()))
        names = dict(terms)
        for part, segments in _name_parts(self.segments.values()).items():
            if part not in terms and len(segments) == 1:  # a stem two segments share says neither
                names[part] = [_Term(next(iter(segments)), "name_part", frozenset())]
        self.vocab = _Vocab(terms, self._compile(terms), names, self._compile(names))
        # two-character words of each segment's own product words and aliases (for breaking ties by the name)
        self.bigrams: dict[str, frozenset[str]] = {}
        for seg in self.segments.values():
            words = {_norm(t) for t in (seg.name, *seg.product_terms, *seg.aliases)}
            self.bigrams[seg.id] = frozenset(w[i:i + 2] for w in words for i in range(len(w) - 1)
                                             if not w[i:i + 2].isascii())
        # vague words that name one segment only: vague because they also name trades outside the chains, so
        # specific in a firm of the segment's chain when they make a whole catalogue item (经营范围规范表述:
        # 齿轮及齿轮减、变速箱制造, 照明器具制造, or the word and 制造 / 生产: 传感器制造)
        self.lone: dict[str, str] = {}
        # ... and vague words that name one segment of a chain only, whatever they name in other chains: 电机制造 is
        # the drive motor in a firm of the automotive chain and the spindle motor in a machine-tool firm
        self.lone_in: dict[tuple[str, str], str] = {}
        self.term_chains: dict[str, frozenset[str]] = {}  # term -> the chains whose segments it names
        for term, entries in terms.items():
            self.term_chains[term] = frozenset(self.chain_of[e.segment] for e in entries if e.segment in self.chain_of)
            vague = [e for e in entries if e.kind != "neutral"]
            if len(vague) == 1 and vague[0].kind == "ambiguous_term" and \
                    _PROCESS not in term and term not in CONTEXT_VAGUE and vague[0].segment in self.segments:
                self.lone[term] = vague[0].segment
            if _PROCESS in term or term in CONTEXT_VAGUE or not vague or \
                    any(e.segment not in self.segments for e in vague):
                continue
            per_chain: dict[str, list[_Term]] = {}
            for e in vague:
                per_chain.setdefault(self.chain_of[e.segment], []).append(e)
            for chain_id, members in per_chain.items():
                if len(members) == 1 and members[0].kind == "ambiguous_term":
                    self.lone_in[(chain_id, term)] = members[0].segment
        # classes whose official name is the catalogue wording or product word of exactly one segment that draws
        # from them (3321 切削工具制造 -> mt-cutting-tool): the code alone says the segment
        self.defining: dict[str, str] = {}
        for code, title in CLASS_NAMES.items():
            defined = {e.segment for e in terms.get(_norm(title), []) if e.kind in ("scope_term", "product_term")}
            if len(defined) == 1 and defined <= self.codes.get(code, set()):
                self.defining[code] = next(iter(defined))

    @staticmethod
    def _compile(terms: dict[str, list[_Term]]) -> Any:
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for term in terms:
            automaton.add_word(term.casefold(), term)
        automaton.make_automaton()
        return automaton

    # ----------------------------------------------------------------------------------------- matching
    def _matches(self, text: str, automaton: Any = None) -> list[tuple[int, int, str]]:
        """Leftmost-longest, non-overlapping term matches (start, end, term) in ``text``."""
        found = []
        lowered = text.casefold()
        if len(lowered) != len(text):  # casefold changed the length (ß): match on the text as it is
            lowered = text
        for end, term in (automaton or self.vocab.automaton).iter(lowered):
            found.append((end - len(term) + 1, end + 1, term))
        found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
        taken: list[tuple[int, int, str]] = []
        used = bytearray(len(text) + 1)
        for start, end, term in found:
            if any(used[start:end]):
                continue
            used[start:end] = b"\1" * (end - start)
            taken.append((start, end, term))
        taken.sort()
        return taken

    # ----------------------------------------------------------------------------------------- one firm
    def classify_fields(self, name: str, scope: str, industry: str = "", kind: str = "") -> FirmResult:
        """Classify a firm given its name, 经营范围 and industry code (as the registry writes them)."""
        return self.classify(RegistryRow(row=0, name=name, scope=scope, industry=industry, kind=kind))

    def classify(self, row: RegistryRow) -> FirmResult:
        """Propose segments for one registry row (see the module docstring for how)."""
        result, facts = self._by_rules(row)
        if self.knowledge.firms and result.role in ("producer", "recycler", "unknown"):
            match = self.knowledge.match(row.name, row.brand)
            if match is not None:
                self._by_knowledge(result, facts, match, firm_keys(row.name, row.credit_code))
        for p in result.proposals:
            if p.confidence == "probable" and all(e.kind in _VAGUE_KINDS or (
                    e.kind == "name_term" and (p.segment, e.text) in facts.vague_names) for e in p.evidence):
                # vague catalogue wording that a specific code made probable was right 18 times in 29 on the six
                # development files: a guess, unless the name (with more than a vague word) or a known firm says
                # more
                p.confidence = "guessed"
        return result

    def _by_rules(self, row: RegistryRow) -> tuple[FirmResult, _RowFacts]:
        code = industry_class(row.industry)
        code_roles = _code_roles(code)
        items: list[str] = []
        general = 0  # where the 一般项目 section starts, after the licensed items (许可项目) listed before it
        for part in _ITEM_SPLIT.split(_REMARKS.sub("；", _norm(row.scope))):
            part = part.strip()
            if items and _GENERAL.match(part) and not general:
                general = len(items)
            part = _PREFIX.sub("", part)
            if part:
                items.append(part)
        scores: dict[str, float] = {}
        evidence: dict[str, list[Evidence]] = {}
        level: dict[str, int] = {}
        generic_chains: list[str] = []
        firm_roles: set[str] = set()
        main_roles: set[str] = set()  # the roles of the first item that has any: the main business
        repairs = False  # that first item repairs or maintains (a repair shop, not a rental or transport firm)
        own_code = self.codes.get(code, set()) if len(code) == 4 else set()  # segments the code is a class of
        wide: list[str] = []  # candidates named by vague words alone under a wide class of theirs (wide_codes)
        wide_term = ""
        blocked: list[str] = []  # terms seen in items of a role the segment does not accept

        first_seen: dict[str, tuple[int, int]] = {}
        scope_score: dict[str, float] = {}  # segment -> its strongest single scope signal
        scope_rank: dict[str, int] = {}  # segment -> the rank in its section of the item that gave that signal
        dropped: list[str] = []
        chain_items: dict[str, tuple[str, int]] = {}  # chain -> its first catalogue wording in a making item
        sold: dict[str, tuple[str, int, float, bool]] = {}  # segment -> its product named in a selling (True) or
        # research item
        neutral_made = False
        neutral_lead = ""  # a section opens with making a product outside the chains (塑料制品制造 first)
        other_lead = False  # ... a part of another trade's product (船用柴油机曲轴)

        def note(segment: str, ev: Evidence, score: float, lvl: int, at: tuple[int, int] = (999, 0)) -> None:
            first_seen[segment] = min(first_seen.get(segment, at), at)
            scores[segment] = scores.get(segment, 0.0) + score
            evidence.setdefault(segment, [])
            if not any(e.kind == ev.kind and e.text == ev.text for e in evidence[segment]):
                evidence[segment].append(ev)
            level[segment] = max(level.get(segment, 0), lvl)

        item_matches = [self._matches(item) for item in items]
        contextual: set[str] = set()  # segments a vague catalogue item names in a firm of their chain
        # the chain the firm is in, whatever its segment: a making item in the chain's catalogue wording
        # (汽车零部件及配件制造), or a manufacturing code only that chain's segments draw from (3670)
        context = {entry.segment[6:] for item, matches in zip(items, item_matches, strict=True)
                   for _, _, term in matches
                   for entry in self.vocab.terms[term] if entry.kind == "generic_term" and
                   (not entry.own_roles or "producer" in entry.own_roles) and
                   ("producer" in entry.own_roles or _making(item))}
        code_chains = {self.chain_of[s] for s in self.codes.get(code, ())} if len(code) == 4 else set()
        if len(code_chains) == 1 and "producer" in code_roles and \
                len(self.codes[code]) > WEIGHTS["specific_code"]:
            context |= code_chains  # a class that says the chain and not the segment (3670 汽车零部件及配件制造)
        making_rank: dict[int, int] = {}  # 1-based item -> how many making items come before it in its section
        making_seen = [0, 0]  # making items so far in the licensed section and in the 一般项目 section
        for index, item in enumerate(items):
            matches = item_matches[index]
            roles: set[str] = set()
            spans = []
            for start, end, term in matches:
                entries = self.vocab.terms[term]
                if entries[0].kind in ("product_term", "neutral"):
                    spans.append((start, end))  # a product noun's letters are not verbs (自动化生产线)
                for entry in entries:
                    roles |= entry.own_roles
            masked = list(item)
            for start, end in spans:
                masked[start:end] = ["_"] * (end - start)
            roles |= _roles_in("".join(masked))
            firm_roles |= roles
            if not main_roles:
                main_roles = set(roles)
                repairs = "servicer" in roles and any(word in item for word in _REPAIR_WORDS)
            # the 2021 wording lists licensed items first by rule, not as the main business: each section's
            # items are ranked from its own start
            rank = index - general if index >= general else index
            weight = 1.0 / (1.0 + WEIGHTS["position_decay"] * rank)
            item_best: dict[str, float] = {}
            starts = {start: term for start, _, term in matches}
            ends = {end: start for start, end, _ in matches}
            # a bracket right after the chain's catalogue wording, naming its product: (start, end) in the item
            bracket: tuple[int, int] | None = None
            for _, end, term in matches:
                if item[end:end + 1] in ("（", "(") and \
                        any(e.kind == "generic_term" for e in self.vocab.terms[term]):
                    close = min((i for i in (item.find("）", end), item.find(")", end)) if i > 0),
                                default=len(item))
                    bracket = (end, close)
                    break
            making = "producer" in roles or not roles  # a making item, or one without any verb
            if making:
                making_rank[index + 1] = making_seen[index >= general]
                making_seen[index >= general] += 1
            for start, end, term in matches:
                tail = item[end:end + 3]
                entries = self.vocab.terms[term]
                # a material named right before another chain's product is what the product is made of
                # (硬质合金可转位刀片 is an insert, not carbide): the product decides
                made_of = starts.get(end, "")
                product_after = bool(made_of) and any(
                    e.kind in ("scope_term", "product_term") and e.segment and e.segment not in self.materials
                    for e in self.vocab.terms[made_of])
                for entry in entries:
                    if entry.kind == "neutral":
                        if making:
                            neutral_made = True  # the firm names what it makes, and it is outside the chains
                            if rank == 0 and not neutral_lead:
                                neutral_lead = term
                        continue
                    if product_after and entry.segment in self.materials:
                        continue
                    use_at = -1 if not entry.segment or entry.segment in self.materials or \
                        entry.segment in _SERVE_ALL else _other_use(item, start, ends)
                    if use_at >= 0:
                        # 风电主轴, 航空发动机零部件: a part of another trade's product; an item that opens with it,
                        # the section's first, says the main business is outside the chains (船用柴油机曲轴制造)
                        if making and rank == 0 and use_at == 0 and not neutral_lead:
                            neutral_lead = item[:end]
                            other_lead = True  # ... and the code, if it speaks against the vague rest, agrees
                        continue
                    if entry.kind in ("product_term", "ambiguous_term") and item[end:end + 1] == "用" and \
                            _is_han(item[end + 1:end + 2]) and item[end + 1:end + 2] not in "于品途户":
                        continue  # 驱动电机用电磁线 is a wire for motors: X用Y names Y (but X用于 names X)
                    if made_of and entry.kind == "product_term" and any(
                            e.kind == "product_term" and e.segment and e.segment != entry.segment
                            for e in self.vocab.terms[made_of]):
                        # a product word right before another segment's product word qualifies it (乘用车子午线轮胎
                        # is a tyre, 汽车座椅面料 a fabric): the head of a Chinese compound comes last
                        continue
                    if entry.kind == "product_term" and item[max(0, start - 2):start].endswith(_ACCESSORY) and \
                            any(m[0] < start and any(e.segment != entry.segment and e.kind != "neutral"
                                                     for e in self.vocab.terms[m[2]]) for m in matches):
                        # 生产铝合金压铸件及其模具, 外饰件及相关模具: the tooling or parts of the product named before
                        # it in the item, not a trade of its own
                        continue
                    if entry.kind == "product_term" and tail.startswith(_PRODUCT_TAIL) and not (
                            entry.segment in self.materials and tail.startswith(_MATERIAL_TAIL)):
                        continue
                    if entry.kind == "ambiguous_term" and tail.startswith(("材料", "原料")) and \
                            entry.segment not in self.materials:
                        continue  # 锂电池材料: a vague word for a product, then the inputs for it
                    if entry.kind == "ambiguous_term" and term in _PROCESS_WORDS and tail.startswith(_TOOL_TAIL) and \
                            not tail.startswith(("机械零", "机械配", "机械部")):
                        continue  # 铸造机械, 锻造设备: the machines for a process, not its products
                    if entry.kind == "generic_term":
                        if "producer" in roles or not roles:
                            generic_chains.append(entry.segment[6:])
                            chain_items.setdefault(entry.segment[6:], (term, index))
                        continue
                    allowed = self.allowed[entry.segment]
                    accepted = roles & allowed
                    # selling and servicing count only as the firm's main business (its first item; for a firm
                    # whose main business is repair, any servicing item: a battery repair shop that also lists
                    # 机动车修理和维护): a car dealer that also tows is a dealer, a rental firm that also repairs rents;
                    # unless the registry files the firm under the segment's own service or trade class (8111
                    # 汽车修理与维护 for a car-care shop whose scope opens with an insurance agency)
                    if accepted & {"producer", "recycler"} or (rank == 0 and accepted) or \
                            ("servicer" in accepted and repairs and not main_roles & {"producer", "seller"}) or \
                            (accepted & code_roles & {"seller", "servicer"} and entry.segment in own_code):
                        factor = 1.0
                    elif not roles and "producer" in allowed:
                        factor = WEIGHTS["unknown_role"]
                    else:
                        blocked.append(term)
                        if roles & {"seller", "research"} and entry.kind != "ambiguous_term" and \
                                "producer" in allowed:
                            sold.setdefault(entry.segment, (term, index, weight, "seller" in roles))
                        continue
                    kind = entry.kind
                    if kind == "ambiguous_term" and \
                            self.lone_in.get((self.chain_of[entry.segment], term)) == entry.segment and \
                            self.chain_of[entry.segment] in context and \
                            (term.endswith(("制造", "生产", "铸造")) or item in (term + "制造", term + "生产")):
                        # a catalogue item vague only because it also names trades outside the chains
                        # (齿轮及齿轮减、变速箱制造, 照明器具制造) names the segment in a firm of its chain
                        kind = "product_term"
                        contextual.add(entry.segment)
                    lvl = 1 if kind == "ambiguous_term" or factor < 1 else 2
                    signal = WEIGHTS[kind] * weight * factor
                    if kind == "product_term" and bracket and bracket[0] < start < bracket[1]:
                        # the product the registry wrote in brackets after the catalogue item (汽车零部件及配件制造
                        # （钢制车轮）) is the item's own product: as specific as the segment's catalogue wording
                        signal = WEIGHTS["scope_term"] * weight * factor
                    # one item lists variants of a product (伺服电机、伺服放大器): a segment takes its strongest
                    # signal per item, so a segment with more synonyms does not outscore the one named first
                    held = item_best.get(entry.segment, 0.0)
                    note(entry.segment, Evidence(kind, term, index + 1), max(0.0, signal - held), lvl,
                         (index, start))
                    item_best[entry.segment] = max(held, signal)
                    if signal > scope_score.get(entry.segment, 0.0):
                        scope_score[entry.segment] = signal
                        scope_rank[entry.segment] = rank

        producer = "producer" in firm_roles or "recycler" in firm_roles or (
            not firm_roles and "producer" in code_roles)
        if producer and "seller" in code_roles and "seller" in main_roles and "producer" not in main_roles:
            # the registry files the firm under trade (F51/F52) and its first item sells: a making item further on
            # (a dealer's 汽车座椅制造) is a side line, not a producer's main business
            producer = False
            for segment in list(scores):
                if not self.allowed[segment] & {"seller", "servicer"}:
                    blocked += [e.text for e in evidence[segment] if e.item]
                    del scores[segment]
        # name parts: only for segments the scope already points at, or for producers with nothing in the scope
        core = _name_core(row.name)
        name_segments: set[str] = set()
        vague_names: set[tuple[str, str]] = set()  # (segment, word): a vague word in the name (某某磁业)
        for _, end, term in self._matches(core, self.vocab.name_automaton):
            tail = core[end:end + 3]
            for entry in self.vocab.names[term]:
                if entry.kind in ("neutral", "generic_term"):
                    continue
                if tail.startswith(_PRODUCT_TAIL) and not tail.startswith("装备") and not (
                        entry.segment in self.materials and tail.startswith(_MATERIAL_TAIL)):
                    # 某某电池材料, 某某轮胎模具 name an input or a tool for the product, as in the scope (装备 in a
                    # name is the firm's own trade: 某某机床装备 makes machine tools)
                    continue
                if entry.kind == "name_part":
                    name_segments.add(entry.segment)
                    if entry.segment in scores:
                        note(entry.segment, Evidence("name_part", term), WEIGHTS["name_part"], level[entry.segment])
                    elif producer and "producer" in self.allowed[entry.segment]:
                        note(entry.segment, Evidence("name_part", term), WEIGHTS["name_part"], 1)
                    continue
                if entry.kind == "ambiguous_term":
                    if entry.segment in scores and (not context or self.chain_of[entry.segment] in context):
                        # a vague word in the name can still choose between candidates, of the firm's chain (电机
                        # in a spindle maker's name is its motorised spindles, not a car's drive motor)
                        name_segments.add(entry.segment)
                        vague_names.add((entry.segment, term))
                        note(entry.segment, Evidence("name_term", term), WEIGHTS["name_term"] / 2,
                             level[entry.segment])
                    continue
                name_segments.add(entry.segment)
                if entry.segment in scores:
                    note(entry.segment, Evidence("name_term", term), WEIGHTS["name_term"], level[entry.segment])
                elif producer and "producer" in self.allowed[entry.segment]:
                    note(entry.segment, Evidence("name_term", term), WEIGHTS["name_term"], 1)
        # the industry code confirms, contradicts, or alone hints
        code_segments = self.codes.get(code, set()) if len(code) == 4 else set()
        specific_code = 0 < len(code_segments) <= WEIGHTS["specific_code"]
        named_only: set[str] = set()  # segments only the name speaks for: the code cannot make them confirmed
        for segment in list(scores):
            # a name is all the scope says of the segment, but a making item names the segment's chain
            # (平湖某某制动系统有限公司 with 汽车零部件及配件制造): the two agree
            chain_item = chain_items.get(self.chain_of[segment])
            if chain_item and level[segment] == 1 and all(e.kind in ("name_term", "name_part")
                                                          for e in evidence[segment]):
                term, index = chain_item
                note(segment, Evidence("chain_term", term, index + 1), 0.0, 2)
                named_only.add(segment)
        if producer:
            # 2021-style scopes name the product in a 销售 item and the making in catalogue wording: a segment
            # product the firm sells counts when the firm's industry code is one of the segment's classes
            for segment, (term, index, weight, selling) in sold.items():
                if segment in code_segments:
                    note(segment, Evidence("sold_term" if selling else "research_term", term, index + 1),
                         WEIGHTS["sold_term"] * weight, 1, (index, 0))
        # a firm has one code, for its main business: it contradicts only when it fits none of the candidates
        contradicts = bool(self.codes) and len(code) == 4 and "producer" in code_roles and \
            not (code_segments & set(scores))
        # a catch-all class no segment draws from (3484 机械零部件加工) says how the firm works, not what it makes:
        # it contradicts only the guesses that rest on vague words alone
        neutral = contradicts and _catch_all(code) and code not in self.codes

        # chains whose catalogue wording opens a section (汽车零部件及配件制造 first) and that the code agrees with:
        # the firm's main business is that chain's parts, whatever the scope lists after it
        lead_chains = {chain for chain, (_, index) in chain_items.items() if index in (0, general)} & \
            {self.chain_of[s] for s in code_segments}

        def in_house(segment: str) -> bool:
            """Named only from a section's third item on (second, after the catalogue wording of another chain
            that the code agrees with, unless the firm also sells it: 模具销售), and not in the firm's name: not
            the firm's main business."""
            rank = scope_rank.get(segment, 0)
            late = rank > WEIGHTS["secondary_rank"] or (
                rank >= 1 and bool(lead_chains) and self.chain_of[segment] not in lead_chains and segment not in sold)
            return late and not any(e.kind in ("name_term", "name_part") for e in evidence[segment])
        for segment in list(scores):
            if segment in code_segments:
                lifted = level[segment] + 1 if level[segment] >= 2 or specific_code else level[segment]
                # a name and the catalogue wording are confirmed only by a class few segments share
                ceiling = 2 if (segment in named_only or segment in contextual) and not specific_code else 3
                note(segment, Evidence("code", code), WEIGHTS["code"], min(ceiling, lifted))
            elif neutral:
                if all(e.kind == "ambiguous_term" for e in evidence[segment]):
                    evidence[segment].append(Evidence("contradiction", code))
                    level[segment] -= 1
                elif in_house(segment):
                    # a catch-all class still names the firm's main business (3569 其他电子专用设备制造): a segment
                    # outside it, named only from the third item on, is in-house work (the robot cell of a
                    # battery-equipment maker)
                    evidence[segment].append(Evidence("contradiction", code))
                    level[segment] -= 2
            elif contradicts:
                evidence[segment].append(Evidence("contradiction", code))
                if segment in contextual:
                    level[segment] = 0  # the chain context said the segment; the code says otherwise
                # a guessed link the code speaks against is dropped; a code no segment draws from puts the main
                # business outside every chain (摩托车整车制造, 防水建筑材料制造): nothing of the firm is kept, unless a
                # making item says the firm is in the segment's chain (曲轴 and 汽车零部件及配件制造 under 3412
                # 内燃机及配件制造): then it counts as a code of another segment
                level[segment] -= 1 if code in self.codes or self.chain_of[segment] in chain_items else 2
                if in_house(segment):
                    # ... and named only from a section's third item on, it is in-house work (the tooling shop
                    # of a parts maker, 模具制造 after 汽车零部件及配件制造 with code 3670): dropped
                    level[segment] -= 1
            elif code_segments and "producer" in code_roles and in_house(segment):
                # the code names the main business and fits another candidate: a segment outside the code's
                # classes named only from the third item on is in-house work (模具制造 fifth in a parts maker's
                # scope, 工业机器人制造 third in a line builder's under 3499)
                evidence[segment].append(Evidence("contradiction", code))
                level[segment] -= 2
            elif code_segments & set(scores) and level[segment] == 1 and \
                    all(e.kind in ("name_term", "name_part") for e in evidence[segment]):
                # only the name says this segment, and the code names another candidate: the code decides
                evidence[segment].append(Evidence("contradiction", code))
                level[segment] -= 1
        outside: list[str] = []  # vague words read in the light of a main business outside the chains
        vague_chain: dict[str, Evidence] = {}  # chain -> a vague word of it in a section's first two items, dropped
        # because the code fits none of its segments
        if code_roles and "producer" not in code_roles:
            # the registry files the firm under trade, services or research (7452 检测服务): a vague making word
            # (专用设备制造) in its scope does not make it a producer of any segment ...
            for segment in list(scores):
                if segment not in code_segments and all(e.kind == "ambiguous_term" for e in evidence[segment]):
                    dropped += [e.text for e in evidence[segment]]
                    del scores[segment]
                elif segment not in code_segments and in_house(segment):
                    # ... nor does a product named only from a section's third item on (废旧电池回收 fourth in a
                    # scrap collector's scope under 5191): the code says the main business
                    blocked += [e.text for e in evidence[segment] if e.item]
                    del scores[segment]
        if neutral_lead:
            # the main business is outside the chains (塑料制品制造 first): a lone vague word after it (新型膜材料制造)
            # is read in its light, packaging film or plastic goods, not a chain segment; two vague items that agree
            # (电池零配件生产 and 电子专用材料制造 for a separator maker) outweigh it. The firm's name (某某涂料 with
            # 建筑涂料制造 first) and what it only sells or researches (电池管理系统研发 after 储能电池制造) are read
            # in the same light
            for segment in list(scores):
                vague_items = {e.item for e in evidence[segment] if e.kind == "ambiguous_term"}
                if len(vague_items) <= 1 and all(e.kind in _LEAD_FOLLOWERS or
                                                 (e.kind == "contradiction" and other_lead)
                                                 for e in evidence[segment]):
                    outside += [e.text for e in evidence[segment] if e.kind == "ambiguous_term"]
                    del scores[segment]
        for segment in list(scores):
            # a vague word of the name (磁业) agreeing with a vague word of the scope (磁性材料) adds nothing
            names = [e for e in evidence[segment] if e.kind == "name_term" and (segment, e.text) not in vague_names]
            scope_specific = [e for e in evidence[segment] if e.kind in ("scope_term", "product_term")]
            if names and scope_specific and level[segment] == 2:
                level[segment] = 3
            elif names and level[segment] == 1 and len(evidence[segment]) > len(names):
                level[segment] = 2  # an ambiguous scope word and the name agree
            if level[segment] <= 0:
                dropped += [e.text for e in evidence[segment] if e.kind == "ambiguous_term"]
                for e in evidence[segment]:
                    if e.kind == "ambiguous_term" and (e.item or 0) - 1 in (0, 1, general, general + 1) and \
                            e.text not in CONTEXT_VAGUE and len(self.term_chains.get(e.text, ())) == 1:
                        # (a word that names segments of several chains, 电机制造, says no one chain)
                        vague_chain.setdefault(self.chain_of[segment], e)
                del scores[segment]
        # a class whose firms mostly make other things (3812 电动机制造: pump, appliance and industrial motors far
        # outnumber drive motors): vague wording under it (电动机制造 again, or 电机) says no more than the code alone,
        # which names candidates, not a link; nor do the other vague candidates the code speaks against
        # ... unless the scope's lead adds a word that narrows the class to the segment (电子专用材料制造 beside 3091
        # 石墨及碳素制品制造: graphite for electronic use is anode material, not electrodes or refractories): a
        # probable link (template key narrowing_terms). Only among the first two making items of a section (a
        # selling item between does not count: 石墨及碳素制品制造；石墨及碳素制品销售；电子专用材料制造), not after a
        # main business outside the chains, and not when another candidate has a word of its own (某某隔膜 with the
        # same items is a separator maker)
        lead_items = {item for item, rank in making_rank.items() if rank <= 1}
        own_word = any(e.kind in ("scope_term", "product_term", "name_term", "name_part") and
                       (e.kind != "name_term" or (s, e.text) not in vague_names) for s in scores for e in evidence[s])
        narrowed: dict[str, Evidence] = {}  # segment -> the vague word of its lead that narrows its wide class
        for segment in [] if neutral_lead or own_word else [s for s in scores if code in self.wide.get(s, ())]:
            by = next((e for e in evidence[segment] if e.kind == "ambiguous_term" and e.item in lead_items and
                       e.text in self.narrowing.get(segment, ())), None)
            if by:
                narrowed[segment] = by
        for segment, by in narrowed.items():
            note(segment, Evidence("narrowed", by.text, by.item), WEIGHTS["narrowed"], 2)
        wide = [s for s in scores if code in self.wide.get(s, ()) and level[s] <= 2 and s not in narrowed and
                self._vague_only(evidence[s], s, vague_names, ("code",))]
        if wide:
            wide_term = next((e.text for s in wide for e in evidence[s] if e.kind in ("ambiguous_term", "name_term")),
                             class_name(code))
            for segment in wide + [s for s in scores if s not in wide and s not in code_segments and
                                   self._vague_only(evidence[s], s, vague_names)]:
                dropped += [e.text for e in evidence[segment] if e.kind == "ambiguous_term"]
                del scores[segment]
            own = self.defining.get(code, "")
            if own in scores and self._vague_only(evidence[own], own, vague_names, ("code",)):
                # the rival gone, the class is the remaining candidate's own wording (铝压延加工 for aluminium
                # alloys once battery foil, a minority of the class, is out): the registry's class says it
                evidence[own] = [e for e in evidence[own] if e.kind != "code"]
                note(own, Evidence("code_class", f"{code}（{class_name(code)}）"), WEIGHTS["code_class"], 1)
        # a guess resting on nothing but a process word (机械零件、零部件加工) after the main business says how the
        # firm works, not what it makes: a brake or steering maker's catalogue scope lists it third
        heads = {1, general + 1}
        # ... and so does any vague word from a section's third item on (电池零配件生产 fourth in a parts maker's)
        leads = heads | {2, general + 2}
        for segment in list(scores):
            vague = [e for e in evidence[segment] if e.kind == "ambiguous_term"]
            if level[segment] == 1 and vague and all(e.kind in ("ambiguous_term", "code", "contradiction")
                                                     for e in evidence[segment]) and \
                    (all(_PROCESS in e.text for e in vague) and not any(e.item in heads for e in vague) or
                     not any(e.item in leads for e in vague)):
                dropped += [e.text for e in vague]
                del scores[segment]
        if not scores and producer and len(code_segments) == 1 and not wide and not other_lead:
            # a class that only one segment draws from, and a making item of that segment's chain: a guess
            segment = next(iter(code_segments))
            chain_item = chain_items.get(self.chain_of[segment])
            vague_word = vague_chain.get(self.chain_of[segment])
            if (chain_item or vague_word) and "producer" in self.allowed[segment]:
                # ... or a vague word of its chain among the first items (专用设备制造, 工业自动控制系统装置制造
                # with 3499, a class only line builders draw from)
                if chain_item:
                    term, index = chain_item
                    note(segment, Evidence("chain_term", term, index + 1), 0.0, 1, (index, 0))
                elif vague_word:
                    index = (vague_word.item or 1) - 1
                    note(segment, vague_word, WEIGHTS["ambiguous_term"], 1, (index, 0))
                if self.defining.get(code) == segment:  # the class is the segment's own wording: probable
                    note(segment, Evidence("code_class", f"{code}（{class_name(code)}）"), WEIGHTS["code_class"], 2)
                else:
                    note(segment, Evidence("code", code), WEIGHTS["code"], 1)
        defined = self.defining.get(code, "")
        # (after a wide class's candidates are set aside, only when their words were the catalogue's: 有色金属压延加工
        # leaves the class's own wording, 铝压延加工, to say the trade; a product word of theirs, 铝箔, does not)
        wide_words = any(e.kind == "ambiguous_term" and not e.text.endswith(_CATALOGUE_END)
                         for s in wide for e in evidence[s])
        if not scores and producer and defined and not neutral_made and defined not in wide and not wide_words and \
                "producer" in self.allowed[defined]:
            # the code's class is the segment's own catalogue wording (3321 切削工具制造, 3451 滚动轴承制造): the
            # registry says what the scope leaves vague (通用设备制造, 机械零件加工). A guess, probable when a making
            # item also names the segment's chain
            chain_item = chain_items.get(self.chain_of[defined])
            if chain_item:
                term, index = chain_item
                note(defined, Evidence("chain_term", term, index + 1), 0.0, 2, (index, 0))
            note(defined, Evidence("code_class", f"{code}（{class_name(code)}）"), WEIGHTS["code_class"], 1)
        if not scores and producer and not neutral_made and not wide and 1 < len(code_segments):
            # the code names a few candidates and the scope none: a name word only one of them shares guesses
            hinted = self._name_hint(row.name, sorted(code_segments))
            if hinted and "producer" in self.allowed[hinted[0]]:
                note(hinted[0], Evidence("name_hint", hinted[1]), WEIGHTS["name_hint"], 1)
                note(hinted[0], Evidence("code", code), WEIGHTS["code"], 1)
        code_only = sorted(code_segments) if not scores and producer else []
        facts = _RowFacts(producer=producer, chains=frozenset(context | set(chain_items)),
                          code_segments=frozenset(code_segments), code=code,
                          outside_lead="" if neutral_lead in _WIDE_NEUTRAL else neutral_lead,
                          vague_names=frozenset(vague_names))

        role = _firm_role(main_roles or firm_roles, code_roles, producer, frozenset(firm_roles))
        result = FirmResult(name=row.name, role=role, row=row)
        keys = firm_keys(row.name, row.credit_code)
        ranked = sorted(scores, key=lambda s: (-scores[s], -level[s], first_seen.get(s, (999, 0)), s))
        if self.rejected:
            kept = [s for s in ranked if not any((key, s) in self.rejected for key in keys)]
            result.rejected = len(ranked) - len(kept)
            ranked = kept
        if not ranked:
            result.reason = self._reason(result.role, generic_chains, blocked, scores, keys)
            if wide and result.role == "producer":
                result.reason = NoLinkReason("wide_class", {
                    "term": wide_term, "industry_code": code, "class_name": class_name(code),
                    "candidates": self._candidates(wide)})
                result.candidates = wide
            elif dropped and result.role == "producer" and not generic_chains:
                result.reason = NoLinkReason("vague_terms", {"term": dropped[0], "industry_code": code})
            elif outside and result.role == "producer":
                result.reason = NoLinkReason("outside_lead", {"term": neutral_lead, "vague": outside[0]})
            elif code_only:
                # a class is wider than a segment (2921 塑料薄膜 is not only battery separators): no link
                result.reason = NoLinkReason("code_only", {"industry_code": code,
                                                           "candidates": self._candidates(code_only)})
                result.candidates = code_only
            return result, facts

        def specific(segment: str) -> bool:
            return any(e.kind in ("scope_term", "product_term", "name_term", "name_part", "sold_term", "research_term")
                       for e in evidence[segment])

        if len(ranked) > 1 and all(e.kind in _CATALOGUE_KINDS for e in evidence[ranked[0]]):
            # the scope names the main segment only in catalogue wording (基础化学原料制造, an umbrella of five
            # classes), and the firm's name names another one that the code agrees with (某某锂业 under 2613):
            # the name says which trade the catalogue item covers
            named = [s for s in ranked[1:] if s in code_segments and level[s] >= level[ranked[0]] - 1 and
                     any(e.kind == "name_term" for e in evidence[s])]
            if named:
                ranked.remove(named[0])
                ranked.insert(0, named[0])
        top = ranked[0]
        ties = [s for s in ranked if scores[top] - scores[s] < 1e-9]
        if not specific(top) and len(ties) > 1 and defined in ties:
            # the code's class is one tied candidate's own catalogue wording (3252 铝压延加工 with 有色金属压延加工,
            # which also names battery foil): the registry's class picks it (its evidence says why)
            evidence[defined] = [e for e in evidence[defined] if e.kind != "code"]
            note(defined, Evidence("code_class", f"{code}（{class_name(code)}）"), WEIGHTS["code_class"], 1)
            ties = [defined]
            top = defined
        if not specific(top) and len(ties) > 1:
            # a word of the firm's name that only one of the candidates' product words share (江化微电子材料:
            # 电子 of 电子化学品) breaks the tie, as a guess
            hinted = self._name_hint(row.name, ties)
            if hinted:
                segment, word = hinted
                note(segment, Evidence("name_hint", word), WEIGHTS["name_hint"], 1)
                ties = [segment]
                top = segment
        if not specific(top) and len(ties) > 1 and len(code) == 4 and all(level[t] == 1 for t in ties):
            # the firm's class is the home class (the first listed) of one tied candidate only: cathode, not anode
            # (3091), separator (2921) or precursor (3239) makers register under 3985 电子专用材料制造, so with
            # 电子专用材料制造 and 电池零配件生产 the class says cathode, as a guess
            home = [s for s in ties if self.home.get(s) == code]
            if len(home) == 1:
                note(home[0], Evidence("home_class", code), WEIGHTS["code"], 1)
                ties = home
                top = home[0]
        if not specific(top) and len(ties) > 1:
            result.reason = NoLinkReason("tie", {"candidates": self._candidates(ties)})
            result.candidates = ties
            return result, facts
        result.proposals.append(self._proposal(top, scores, level, evidence, primary=True))
        # further segments are measured on the scope alone: the name and the code speak for the main business
        base = scope_score.get(top, 0.0) or scores[top]
        for segment in [s for s in ranked if s != top]:  # (a tie-break may have picked a later one as top)
            # a product the firm only sells or researches can pick its main segment, not add a second one
            # (工程塑料及合成树脂销售 next to the catalogue item that names both)
            made = any(e.kind in ("scope_term", "product_term", "name_term", "name_part") for e in evidence[segment])
            if level[segment] >= 2 and made and \
                    scope_rank.get(segment, 0) <= WEIGHTS["secondary_rank"] and \
                    scope_score.get(segment, scores[segment]) >= WEIGHTS["secondary_share"] * base:
                if len(code) == 4 and segment not in code_segments and \
                        [e.kind for e in evidence[segment]] == ["product_term"]:
                    # one product word of another segment, which the code does not name, beside the main business
                    # (转向节 in a forger's scope, 发动机 in a car maker's, 冲压模具 in a stamper's): more often the
                    # main product's part or tooling than a second trade (right 8 times in 23 on the development
                    # files as probable): a guess. (Without a code nothing speaks against it.)
                    level[segment] = min(level[segment], 1)
                result.proposals.append(self._proposal(segment, scores, level, evidence))
            elif made and any(e.kind in ("scope_term", "product_term") for e in evidence[segment]):
                # a further product of a making item the rules take for a side line or in-house work (a later
                # item, a weaker signal): kept aside, for the knowledge of the firm to confirm
                facts.further[segment] = self._proposal(segment, scores, level, evidence)
        return result, facts

    def _by_knowledge(self, result: FirmResult, facts: _RowFacts, match: KnownMatch, keys: list[str]) -> None:
        """Add what is known of the firm (or its group) to the rules' proposals, where the row agrees.

        Role first: only producers get here. A known segment the rules proposed is raised (to confirmed when the
        firm itself is known for sure, to probable when only its brand is); one the row agrees with (its code is one
        of the segment's classes, or a making item names the segment's chain) is added as probable (guessed when the
        entry is in doubt); the firm's main segment is added as a guess when the rules found nothing at all and the
        firm itself is known. A further known segment that the firm's own row makes, but that the rules left aside
        as a side line (a later item, a weaker signal), is added beside the main one: the row and the list agree
        that it is a trade of the firm. When the firm itself is known for sure, a rule proposal resting on
        catalogue wording alone that the knowledge does not list is dropped, and the known main segment is primary;
        a brand match makes it primary only over a primary that rests on catalogue wording."""
        firm = match.firm
        same = match.how in ("name", "core")
        sure = firm.certain
        kind = ("dataset_" if firm.source == "dataset" else "known_") + ("firm" if same else "group")
        text = firm.name + (f"（{firm.basis}）" if firm.basis else "")
        if not same:
            text = f"{match.key} → {text}"
        if not firm.segments:
            self._outside(result, firm, same, text)
            return
        known = [s for s in firm.segments if s in self.segments and
                 "producer" in self.allowed[s] and not any((key, s) in self.rejected for key in keys)]
        if not known or (result.role == "unknown" and not facts.producer):
            return
        proposed = {p.segment: p for p in result.proposals}
        ceiling = 3 if same and sure else 2
        # a plant of a known group whose row names its own product: the group's other products are not added
        named = not same and any(any(e.kind in _SPECIFIC_KINDS for e in p.evidence) for p in result.proposals)
        # a firm whose main business lies outside the chains (a solar-wafer maker listed for its silicon): its
        # listed segments are side lines, which only the row itself can put first
        named = named or firm.main_chain == "other"
        # ... and so does the row itself when it opens by making something outside the chains (a paint maker's
        # 建筑涂料 first): the list may know the firm's chain side line, the row says what comes first
        named = named or bool(facts.outside_lead)
        weight = WEIGHTS["known_firm" if same else "known_group"]
        added: list[Proposal] = []
        asides: list[Proposal] = []

        def credit(p: Proposal, ev: Evidence, lvl: int) -> None:
            """The knowledge's evidence and weight on a proposal of the rules, at confidence level ``lvl``."""
            p.evidence.append(ev)
            p.score = round(p.score + weight, 3)
            p.confidence = _AT_LEVEL[lvl]

        for index, segment in enumerate(known):
            ev = Evidence(kind, text)
            if segment in proposed:
                lvl = _LEVEL[proposed[segment].confidence]
                credit(proposed[segment], ev, lvl + 1 if lvl < ceiling else lvl)
                continue
            if named:
                continue
            aside = facts.further.get(segment)
            if aside is not None and same and index > 0:
                # a further trade of the firm that the row makes, though late or beside a stronger main business:
                # the row and the list agree that it is a trade of the firm, not in-house work
                credit(aside, ev, 2 if sure else 1)
                added.append(aside)
                asides.append(aside)
                continue
            if index > 0:
                # a further segment of a known firm needs the row's own word for it (the rules' proposal, raised
                # above): the knowledge says everything the firm makes, a registered entity mostly makes one thing
                continue
            agrees = segment in facts.code_segments or self.chain_of[segment] in facts.chains or \
                segment in result.candidates
            if agrees:
                lvl = 2 if sure else 1
            elif index == 0 and same and not result.proposals and facts.producer and \
                    (not facts.code or self.chain_of[segment] in
                     {self.chain_of[s] for code, members in self.codes.items() if code.startswith(facts.code)
                      for s in members}):
                # nothing in the row speaks for it, but nothing against: no code, or a class (or a division) the
                # segment's chain draws from (a code no segment of the chain draws from, 3033 防水建筑材料制造 or
                # the division 30, puts the firm outside)
                lvl = 1
            else:
                continue
            added.append(Proposal(segment, _AT_LEVEL[lvl], weight, [ev]))
        aside_ids = {id(p) for p in asides}
        listed = same and sure and firm.source == "reference"
        if not added and not listed and not any(p.segment in known for p in result.proposals):
            return
        kept = result.proposals
        if listed:
            # the rules read catalogue wording, or a side line, as a segment the known firm does not make: the
            # list (which names everything a firm makes) decides; the rules' main segment stays when the row names
            # it. A dataset's links are what has been linked so far, not all a firm makes: they drop nothing
            # (unless a known segment takes its place: the firm's main business is then known)
            own_added = [p for p in added if id(p) not in aside_ids]
            takes_over = firm.ordered and any(p.segment in known for p in kept + own_added)
            kept = [p for p in kept if p.segment in known or
                    (p.primary and not takes_over and (any(e.kind in _SPECIFIC_KINDS for e in p.evidence) or
                                                       not own_added))]
        proposals = kept + added
        if not proposals:
            return
        # a segment taken from aside stays a further one: the row names it late or beside a stronger one
        main = next((p for s in known for p in proposals if p.segment == s and id(p) not in aside_ids),
                    None) if firm.ordered else None
        top = next((p for p in proposals if p.primary), None)
        if main is not None and (same or top is None or
                                 not any(e.kind in _SPECIFIC_KINDS for e in top.evidence)):
            top = main
        if top is None:
            top = next((p for s in known for p in proposals if p.segment == s and id(p) not in aside_ids),
                       proposals[0])
        for p in proposals:
            p.primary = p is top
        result.proposals = [top] + [p for p in proposals if p is not top]
        result.reason = ""
        result.candidates = []

    @staticmethod
    def _vague_only(evidence: list[Evidence], segment: str, vague_names: set[tuple[str, str]],
                    also: tuple[str, ...] = ()) -> bool:
        """Whether a segment rests on vague words alone (of the scope, or of the name: 某某电机)."""
        return all(e.kind in ("ambiguous_term", "contradiction", "chain_term", *also) or
                   (e.kind == "name_term" and (segment, e.text) in vague_names) for e in evidence)

    def _outside(self, result: FirmResult, firm: KnownFirm, same: bool, text: str) -> None:
        """The reference list knows the firm (or its group) as a look-alike whose business lies outside the chains
        (a ferrite maker, a building-profile extruder): every proposal goes one step down, and when the firm itself
        is known (by name or core name; since round 11 also when the entry is in doubt), only a confirmed one is
        kept (as probable): a specific term with an agreeing code. The reason says so when nothing is left."""
        if not result.proposals:
            return
        kept: list[Proposal] = []
        scope = self.knowledge.outside_scope
        for p in result.proposals:
            if scope is not None and p.segment not in scope:
                kept.append(p)  # a chain the look-alike list was not written for (a dataset's own PV chain)
                continue
            lvl = _LEVEL[p.confidence] - 1
            if lvl < 1 or (same and lvl < 2):
                continue
            p.confidence = _AT_LEVEL[lvl]
            p.evidence.append(Evidence("known_outside", text))
            kept.append(p)
        if kept and not any(p.primary for p in kept):
            kept[0].primary = True
        if not kept:
            result.reason = NoLinkReason("known_outside", {"text": text})
        result.proposals = kept

    def _name_hint(self, name: str, candidates: list[str]) -> tuple[str, str] | None:
        """The one candidate whose product words share a two-character word with the name's core, and the word."""
        core = _name_core(name)
        found: dict[str, str] = {}
        for i in range(len(core) - 1):
            word = core[i:i + 2]
            if word in NAME_HINT_STOP or word in NAME_PART_STOP:
                continue
            for segment in candidates:
                if word in self.bigrams.get(segment, ()):
                    found.setdefault(segment, word)
        if len(found) == 1:
            return next(iter(found.items()))
        return None

    def _proposal(self, segment: str, scores: dict[str, float], level: dict[str, int],
                  evidence: dict[str, list[Evidence]], primary: bool = False) -> Proposal:
        confidence = _AT_LEVEL.get(level[segment], "guessed")
        ordered = sorted(evidence[segment], key=lambda e: _EVIDENCE_ORDER.index(e.kind))
        return Proposal(segment, confidence, round(scores[segment], 3), ordered, primary)

    def _candidates(self, segments: list[str]) -> list[dict[str, str]]:
        return [{"id": s, "name": self.segments[s].name, "name_en": self.segments[s].name_en or ""}
                for s in segments]

    def _reason(self, role: str, generic_chains: list[str], blocked: list[str], scores: dict[str, float],
                keys: list[str]) -> NoLinkReason:
        if scores:
            return NoLinkReason("all_rejected")
        if role in _ROLE_REASON["zh"]:
            return NoLinkReason(role, {"blocked": blocked[0]} if blocked else {})
        if generic_chains:
            chain = self.ds.chains[generic_chains[0]]
            return NoLinkReason("generic_chain", {"chain_id": chain.id, "chain": chain.name,
                                                  "chain_en": chain.name_en or ""})
        return NoLinkReason("unrelated")

    def classify_all(self, rows: Iterable[RegistryRow]) -> list[FirmResult]:
        return [self.classify(row) for row in rows]


_EVIDENCE_ORDER = ("scope_term", "product_term", "sold_term", "research_term", "ambiguous_term", "chain_term",
                   "name_term", "name_part", "name_hint", "code", "code_class", "narrowed", "home_class",
                   "known_firm", "dataset_firm", "known_group", "dataset_group", "known_outside", "contradiction")


_LEAD_FOLLOWERS = frozenset(("ambiguous_term", "code", "name_term", "name_part", "name_hint", "sold_term",
                             "research_term"))
"""Evidence that a main business outside the chains explains away: a vague word, the code, the name, a product
only sold or researched."""

_VAGUE_KINDS = frozenset(("ambiguous_term", "code", "contradiction"))
_SPECIFIC_KINDS = frozenset(("scope_term", "product_term", "name_term", "name_part", "sold_term", "research_term"))


def _name_parts(segments: Iterable[Any]) -> dict[str, set[str]]:
    """Technical stems of each segment's product terms and aliases (see NAME_PART_AFFIXES): stem -> segments."""
    heads, tails = NAME_PART_AFFIXES
    parts: dict[str, set[str]] = {}
    for seg in segments:
        for term in {*seg.product_terms, *seg.aliases}:
            stem = _norm(term)
            for head in heads:
                if stem.startswith(head) and len(stem) > len(head) + 1:
                    stem = stem[len(head):]
                    break
            for tail in tails:
                if stem.endswith(tail) and len(stem) > len(tail) + 1:
                    stem = stem[:-len(tail)]
                    break
            if len(stem) >= 2 and not stem.isascii() and stem not in NAME_PART_STOP:
                parts.setdefault(stem, set()).add(seg.id)
    return parts


def _making(item: str) -> bool:
    """A scope item that makes something, or names products without any verb (old-style scopes): not 汽车零配件零售."""
    roles = _roles_in(item)
    return not roles or "producer" in roles


def _code_roles(code: str) -> set[str]:
    """Roles that an industry code implies (GB/T 4754-2017 sections by division)."""
    if len(code) < 2:
        return set()
    division = int(code[:2])
    if 13 <= division <= 42 or 6 <= division <= 10 or division == 12:  # manufacturing, and mining (not 11, its
        return {"producer"}  # auxiliary services)
    if division == 43:  # 金属制品、机械和设备修理业: repair, though filed under manufacturing
        return {"servicer"}
    if division in (51, 52):
        return {"seller"}
    if division == 72:
        return {"investor"}
    if division in (73, 75):
        return {"research"}
    if division in (71, 59, 60, 80, 81, 74):
        return {"servicer"}
    return set()


CATCH_ALL_CODES: frozenset[str] = frozenset(("3484",))
"""GB/T 4754-2017 classes that say how, not what (3484 机械零部件加工), besides the 其他 classes ending in 9."""


def _catch_all(code: str) -> bool:
    """A catch-all class (其他未列明…, 机械零部件加工): the firm's code says how it works more than what it makes."""
    return code.endswith("9") or code in CATCH_ALL_CODES


def _firm_role(roles: set[str], code_roles: set[str], producer: bool, seen: frozenset[str] = frozenset()) -> str:
    """The firm's role: a producer if it makes anything; else the role the registry's class gives, when the scope
    has it too (控股公司服务 for a holding whose scope opens with a licensed transport item); else its main item's."""
    if producer:
        return "producer"
    for role in ("investor", "seller", "servicer", "research"):
        if role in code_roles and role in seen:
            return role
    for role in ("investor", "recycler", "seller", "servicer", "research"):  # 销售及售后服务 is a seller
        if role in roles:
            return role
    for role in ("investor", "seller", "servicer", "research"):
        if role in code_roles:
            return role
    return "unknown"


def _name_core(name: str) -> str:
    """The name without its legal form, bracketed place and generic words (科技, 实业): where the trade is."""
    text = _BRACKETS.sub("", _norm(name)).strip()
    for _ in range(3):
        text = _NAME_NOISE.sub("", text)
    return text


def firm_keys(name: str, credit_code: str = "") -> list[str]:
    """Keys a firm is remembered by in rejections: its credit code and its normalised name."""
    keys = [normalize_name(name)]
    if credit_code:
        keys.insert(0, credit_code.strip().upper())
    return keys
