"""Reasons built from a stable code and parameters, rendered in Chinese (the default) or English.

Every reason a gap report or a target list gives is a :class:`Reason`: a ``str`` whose text is the Chinese
sentence (so every consumer that joins or prints reasons keeps working, byte for byte), which also carries
``code`` (a stable English code, :data:`REASON_CODES`) and ``params`` (plain JSON values: numbers, codes and
names from the data). :meth:`Reason.text` renders it in either language; :meth:`Reason.to_dict` is what the JSON
outputs add as ``reason_details``. Names from the data stay as written; segments and chains carry their
``name_en`` in the parameters, used in English when the dataset gives one.

Examples
--------
>>> r = Reason("importance", {"value": 0.8})
>>> r, r.text("en"), r.code
('重要度 0.80', 'importance 0.80', 'importance')
>>> render_reason("verify_unknown", {"then": "fill"}, "en")
'verify first whether the region has firms here; if it has none, fill'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..labels import PROJECT_STATUS_LABELS

__all__ = ["Reason", "REASON_CODES", "render_reason", "reason_texts", "reason_text", "reason_dicts"]

Params = dict[str, Any]

_ACTION_ZH = {"fill": "补链", "strengthen": "强链", "extend": "延链", "verify": "核实"}
_STATUS_ZH = {"strong": "强", "weak": "弱", "pipeline": "在途", "claimed": "声称有", "missing": "缺", "unknown": "未见"}
_STATUS_EN = {"strong": "strong", "weak": "weak", "pipeline": "pipeline", "claimed": "claimed", "missing": "missing",
              "unknown": "not seen"}
_ASSERT_ZH = {"present": "称有", "strong": "称强", "lacking": "称缺"}
_ASSERT_EN = {"present": "the region has it", "strong": "the region is strong in it",
              "lacking": "the region lacks it"}
_SIZE_ZH = {"leader": "细分龙头", "large": "大型企业", "medium": "中型企业", "small": "小型企业"}
_SIZE_EN = {"leader": "segment leader", "large": "large firm", "medium": "medium-sized firm", "small": "small firm"}
_CONFIDENCE_ZH = {"probable": "较可能", "guessed": "推测"}
_CONFIDENCE_EN = {"probable": "probable", "guessed": "guessed"}


def _name(item: Params, lang: str) -> str:
    """A segment or chain from the parameters: its name, or in English its ``name_en`` when it has one."""
    return str((item.get("name_en") if lang == "en" else None) or item.get("name") or item.get("id") or "")


def _f2(x: float) -> str:
    return f"{x:.2f}"


# ------------------------------------------------------------------------------------------ gap reasons


def _local_firms(p: Params, lang: str) -> str:
    leaders = p.get("leaders", [])
    if lang == "zh":
        text = f"本地企业 {p['count']} 家：{'、'.join(p['firms'])}" + ("等" if p.get("more") else "")
        if leaders:
            text += "；龙头：" + "、".join(f"{x['name']}（世界500强：{x['fortune500']}）" if x.get("fortune500")
                                       else x["name"] for x in leaders)
        return text
    word = "firm" if p["count"] == 1 else "firms"
    text = f"{p['count']} local {word}: {', '.join(p['firms'])}" + (", …" if p.get("more") else "")
    if leaders:
        text += "; leaders: " + ", ".join(f"{x['name']} (Fortune Global 500: {x['fortune500']})"
                                          if x.get("fortune500") else x["name"] for x in leaders)
    return text


def _pipeline_projects(p: Params, lang: str) -> str:
    parts = []
    for project in p["projects"]:
        when = f" {project['date']}" if project.get("date") else ""
        words = PROJECT_STATUS_LABELS[lang]
        status = words.get(project["status"], project["status"])
        parts.append(f"{project['name']}（{status}{when}）" if lang == "zh" else f"{project['name']} ({status}{when})")
    if lang == "zh":
        return "本地无投产企业；在途项目：" + "、".join(parts)
    return "no operating local firm; pipeline projects: " + ", ".join(parts)


def _no_local(p: Params, lang: str) -> str:
    if lang == "zh":
        if p.get("complete_list"):
            return "本地无企业，也无在途项目（企业名录完整" + (f"，截至 {p['as_of']}" if p.get("as_of") else "") + "）"
        return "本地无企业，也无在途项目"
    if p.get("complete_list"):
        return ("no local firm and no pipeline project (the firm list is complete"
                + (f", as of {p['as_of']}" if p.get("as_of") else "") + ")")
    return "no local firm and no pipeline project"


def _claim(p: Params, lang: str) -> str:
    asserts = p["asserts"]
    if lang == "zh":
        sources = "、".join(p["sources"])
        evidence = f"“{p['evidence']}”" if p.get("evidence") else ""
        return f"来源{_ASSERT_ZH.get(asserts, asserts)}：{evidence}（{sources}）"
    sources = ", ".join(p["sources"])
    evidence = f"“{p['evidence']}” " if p.get("evidence") else ""
    return f"a source says {_ASSERT_EN.get(asserts, asserts)}: {evidence}({sources})"


def _no_support(p: Params, lang: str) -> str:
    if lang == "zh":
        return f"{'下游' if p['side'] == 'downstream' else '上游'}无本地支撑环节"
    return f"no local {p['side']} segment to lean on"


def _neighbour(p: Params, lang: str) -> str:
    chain = p.get("chain")
    downstream = p["side"] == "downstream"
    if lang == "zh":
        cross = f"［{_name(chain, lang)}］" if chain else ""
        return (f"{'下游' if downstream else '上游'} {_name(p['segment'], lang)}{cross} {_STATUS_ZH[p['status']]}"
                f"（{'、'.join(p['who'])}）{'拉动' if downstream else '支撑'} {_f2(p['value'])}")
    cross = f" [{_name(chain, lang)}]" if chain else ""
    return (f"{p['side']} {_name(p['segment'], lang)}{cross} {_STATUS_EN[p['status']]} ({', '.join(p['who'])}): "
            f"{'pull' if downstream else 'push'} {_f2(p['value'])}")


def _density(p: Params, lang: str) -> str:
    if lang == "zh":
        near = "、".join(_name(s, lang) for s in p["near"]) or "无"
        return f"关联密度 {_f2(p['value'])}（相近的本地优势环节：{near}）"
    near = ", ".join(_name(s, lang) for s in p["near"]) or "none"
    return f"relatedness density {_f2(p['value'])} (closest local strengths: {near})"


def _chain_end(p: Params, lang: str) -> str:
    head = p["end"] == "head"
    if lang == "zh":
        end = "链首（原料端）" if head else "链尾（应用端）"
        return f"位于{end}，紧邻本地 {_name(p['segment'], lang)}，引进即延伸本地产业链"
    end = "the head of the chain (materials end)" if head else "the tail of the chain (application end)"
    return f"at {end}, next to local {_name(p['segment'], lang)}: attracting it extends the local chain"


# ------------------------------------------------------------------------------------------ target reasons


def _fortune500(p: Params, lang: str) -> str:
    if lang == "zh":
        return f"世界500强（{p['group']}）" if p.get("group") else "世界500强"
    return f"Fortune Global 500 ({p['group']})" if p.get("group") else "Fortune Global 500"


def _same_group(p: Params, lang: str) -> str:
    if lang == "zh":
        return f"二次招商：同属{p['group']}，本地已有 {'、'.join(p['local_firms'])}"
    return f"re-investment: same group as {p['group']}, already local: {', '.join(p['local_firms'])}"


def _country_park(p: Params, lang: str) -> str:
    if lang == "zh":
        from ..countries import country_label

        return f"{p['park']} 匹配（{country_label(p['country'])}企业）"
    return f"fits {p['park']} (a firm from {p['country']})"


def _synergy(p: Params, lang: str) -> str:
    if lang == "zh":
        return "协同：" + "；".join(f"其{_name(x['own'], lang)}业务紧邻本地{_name(x['near'], lang)}"
                                  for x in p["pairs"])
    return "synergy: " + "; ".join(f"its {_name(x['own'], lang)} business is next to local {_name(x['near'], lang)}"
                                   for x in p["pairs"])


def _confidence(p: Params, lang: str) -> str:
    if lang == "zh":
        return f"环节关联置信度：{_CONFIDENCE_ZH[p['level']]}（×{p['weight']:g}）"
    return f"confidence of the segment link: {_CONFIDENCE_EN[p['level']]} (×{p['weight']:g})"


def _both(zh: Callable[[Params], str], en: Callable[[Params], str]) -> Callable[[Params, str], str]:
    return lambda p, lang: zh(p) if lang == "zh" else en(p)


_RENDER: dict[str, Callable[[Params, str], str]] = {
    # gap reports (chaingraph.analysis.gaps)
    "local_firms": _local_firms,
    "pipeline_projects": _pipeline_projects,
    "claimed_only": _both(lambda p: "数据中无本地企业或项目，但来源称本地已有（声称不计为企业）",
                          lambda p: "no local firm or project in the data, but a source says the region has it "
                                    "(a claim is not counted as a firm)"),
    "not_seen": _both(lambda p: "数据中未见本地企业或项目；数据为部分覆盖，未见≠缺，须先核实",
                      lambda p: "no local firm or project seen; coverage is partial, so not seen is not missing: "
                                "verify first"),
    "no_local": _no_local,
    "claim": _claim,
    "importance": _both(lambda p: f"重要度 {_f2(p['value'])}", lambda p: f"importance {_f2(p['value'])}"),
    "no_support": _no_support,
    "neighbour": _neighbour,
    "density": _density,
    "pipeline_discount": _both(lambda p: f"已有在途项目，优先级 ×{p['factor']:g}",
                               lambda p: f"pipeline projects under way: priority ×{p['factor']:g}"),
    "claimed_discount": _both(lambda p: f"来源称本地已有，优先级 ×{p['factor']:g}",
                              lambda p: f"a source says the region has it: priority ×{p['factor']:g}"),
    "chain_end": _chain_end,
    "verify_unknown": _both(lambda p: f"先核实本地有无企业；确无则{_ACTION_ZH[p['then']]}",
                            lambda p: f"verify first whether the region has firms here; if it has none, {p['then']}"),
    "verify_claimed": _both(lambda p: "先核实来源所称的本地企业并补录；若实际没有则" + _ACTION_ZH[p["then"]],
                            lambda p: "verify the local firms the source names and record them; if there are none, "
                                      + p["then"]),
    # target lists (chaingraph.analysis.targets)
    "size": _both(lambda p: _SIZE_ZH.get(p["size"], "规模未知"), lambda p: _SIZE_EN.get(p["size"], "size unknown")),
    "fortune500": _fortune500,
    "same_group": _same_group,
    "supplies_local": _both(lambda p: f"已为本地 {p['firm']} 供货", lambda p: f"already supplies local {p['firm']}"),
    "buys_from_local": _both(lambda p: f"已采购本地 {p['firm']} 产品",
                             lambda p: f"already buys from local {p['firm']}"),
    "country_park": _country_park,
    "synergy": _synergy,
    "confidence": _confidence,
}

REASON_CODES = tuple(_RENDER)
"""Every reason code, stable across versions (``reason_details[].reason_code`` in JSON)."""


def render_reason(code: str, params: Params, lang: str = "zh") -> str:
    """The text of reason ``code`` with ``params`` in ``lang`` (``zh`` or ``en``)."""
    return _RENDER[code](params, "en" if lang == "en" else "zh")


class Reason(str):
    """A reason: its Chinese text as a ``str``, with its ``code`` and ``params`` to render it in another language."""

    code: str
    params: Params

    def __new__(cls, code: str, params: Params | None = None) -> Reason:
        params = dict(params or {})
        obj = super().__new__(cls, render_reason(code, params, "zh"))
        obj.code, obj.params = code, params
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        return (Reason, (self.code, self.params))

    def text(self, lang: str = "zh") -> str:
        """The reason in ``lang``: the Chinese text itself, or the English rendering."""
        return str(self) if lang != "en" else render_reason(self.code, self.params, "en")

    def to_dict(self) -> dict[str, Any]:
        return {"reason_code": self.code, "params": self.params}


def reason_text(reason: str, lang: str = "zh") -> str:
    """One reason in ``lang`` (a plain string, from older code or a file, is returned as it is)."""
    return reason.text(lang) if isinstance(reason, Reason) else str(reason)


def reason_texts(reasons: Iterable[str], lang: str = "zh") -> list[str]:
    """Reasons in ``lang``."""
    return [reason_text(r, lang) for r in reasons]


def reason_dicts(reasons: Iterable[str]) -> list[dict[str, Any]]:
    """``[{reason_code, params}]`` for JSON; a plain string gets ``reason_code`` None and its text."""
    return [r.to_dict() if isinstance(r, Reason) else {"reason_code": None, "params": {"text": str(r)}}
            for r in reasons]
