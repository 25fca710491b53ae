"""Shared helpers for the hand-written registry sample rows (see ../README.md)."""

GEN = "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"
LIC = "（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以审批结果为准）"
OLD = "（依法须经批准的项目，经相关部门批准后方可开展经营活动）"

# enterprise types as the 公示系统 shows them
ZRR = "有限责任公司（自然人投资或控股）"
FRDZ = "有限责任公司（非自然人投资或控股的法人独资）"
GYDZ = "有限责任公司（国有独资）"
GYKG = "有限责任公司（国有控股）"
WGDZ = "有限责任公司（外国法人独资）"
ZWHZ = "有限责任公司（中外合资）"
WSFD = "有限责任公司（外商投资、非独资）"
WSDZ = "有限责任公司（外商投资企业法人独资）"
GADZ = "有限责任公司（台港澳法人独资）"
GAHZ = "有限责任公司（台港澳与境内合资）"
SS = "股份有限公司（上市、自然人投资或控股）"
SSGY = "股份有限公司（上市、国有控股）"
SSWS = "股份有限公司（外商投资、上市）"
FSS = "股份有限公司（非上市、自然人投资或控股）"
FSSGY = "股份有限公司（非上市、国有控股）"
ZRRDZ = "有限责任公司（自然人独资）"
FGS = "有限责任公司分公司（自然人投资或控股）"
GRDZ = "个人独资企业"

ROWS: list[dict] = []


def g(*items: str, lic: str = "") -> str:
    """A scope in the 2021 规范表述 style: optional 许可项目 first, then 一般项目."""
    head = f"许可项目：{lic}{LIC}" if lic else ""
    return head + "一般项目：" + "；".join(items) + GEN


# live firms show their status in several spellings across exports; a stable hash of the name picks one
_LIVE = ["存续", "存续", "存续", "存续", "存续", "在业", "在业", "存续（在营、开业、在册）", "开业", "存续"]


def _live_status(name: str) -> str:
    import hashlib
    return _LIVE[int(hashlib.sha256(name.encode("utf-8")).hexdigest(), 16) % len(_LIVE)]


# boilerplate tails that many registry scopes carry after the main business; added to part of the 规范表述 scopes
# (chosen by a stable hash of the name) so that tails vary the way they do in a real export
_TAILS = [
    (),
    (),
    ("技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广",),
    ("非居住房地产租赁",),
    ("普通货物仓储服务（不含危险化学品等需许可审批的项目）", "装卸搬运"),
    ("信息咨询服务（不含许可类信息咨询服务）", "会议及展览服务"),
    ("技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广", "非居住房地产租赁", "机械设备租赁"),
    (),
]


def _with_tail(name: str, scope: str) -> str:
    import hashlib
    tail = _TAILS[int(hashlib.sha256(("tail" + name).encode("utf-8")).hexdigest(), 16) % len(_TAILS)]
    if not scope.endswith(GEN):
        return scope
    extra = [t for t in tail if t not in scope]
    return scope[: -len(GEN)] + "".join("；" + t for t in extra) + GEN if extra else scope


def R(name, scope, ind, cap, date, addr, etype, segs="", cat="producer", basis="", status="存续",
      primary="", chain="", code=""):
    segs_list = [s for s in segs.split("|") if s]
    if not primary and segs_list:
        primary = segs_list[0]
    if not chain and primary:
        chain = {"auto": "automotive", "mt": "machine-tool", "nm": "new-materials"}[primary.split("-")[0]]
    ROWS.append({
        "企业名称": name, "统一社会信用代码": code, "经营范围": _with_tail(name, scope), "国民经济行业代码": ind,
        "注册资本": cap, "成立日期": date, "注册地址": addr,
        "登记状态": _live_status(name) if status == "存续" else status, "企业类型": etype,
        "label_segments": "|".join(segs_list), "label_primary": primary, "category": cat, "chain": chain,
        "basis": basis,
    })
