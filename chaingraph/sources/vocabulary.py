"""Word lists shared by the extractor (:mod:`chaingraph.sources.extract`) and the record model
(:mod:`chaingraph.sources.records`): the category words that name no project, the words of a kind of work or
site, and the product words."""

from __future__ import annotations

import re

__all__ = ["GENERIC_WORDS", "GENERIC_WORD_RE", "CONCRETE_HEAD", "PRODUCT_HINT"]

GENERIC_WORDS = sorted(
    """重大 重点 优质 大 好 新 龙头 标志性 引领性 旗舰 产业 工业 制造业 制造类 先进制造业 制造 服务业 现代服务业
    社会事业
    社会民生 民生 基础设施 城建 城市更新 农业 现代农业 文旅 文化旅游 旅游 商贸 物流 现代物流 医养健康 健康
    高端装备 装备制造 新能源
    新材料 电子信息 生物医药 高新技术 高科技 科技 数字经济 外资 内资 外商投资 招商 招商引资 签约 开工 竣工 投产
    续建 新建 在建
    亿元 亿元以上 亿美元 十亿元 百亿元 超亿元 亿元级 百亿级 十亿级 级 以上 集中 此次 本次 这次 该 此 这些 这个
    上述 各类 各 一批
    一个 其他 其余 另外 首批 省 市 县 区 省级 市级 县级 总 全部 全市 全县 全区 所有 多个 个 类 和 及 与 等 智能制造
    战略性新兴产业 新兴产业 主导产业 招大引强 高质量 关键 示范 产业化 增资 扩建 技改 改造 储备 落地 入库 前期 谋划 备案
    合作 重要 招大 特大 战略性 战略 行动 冲刺 春季 秋季 线上 线下 云 投资 社会投资 政府投资 实体 实业 绿色 低碳
    现代 先进 政府 建设 工程
    链主 补链
    强链 延链 头部
    精品 特色 优势 传统
    新老 子 部分 内容 中央预算内 预算内 一期 二期 三期 四期
    专精特新 配套 民营 国资 国有 央企 省外 市外 域外 境外 内外资 亿元级以上 单体 大型 中小 小 好的 全省 本地 外地 新开工
    拟 拟建 已 已建 成功 顺利 正式 共 计 合计 总计 项目 入园 入驻 新设 新上 全资子公司 子公司 上下游 后续 具体
    标杆 标杆性
    硬核 新旧动能转换""".split(),
    key=len, reverse=True,
)
GENERIC_WORD_RE = re.compile("|".join(GENERIC_WORDS))
"""Category, campaign and evaluative words: what is left of a project name without them must name something."""

CONCRETE_HEAD = re.compile(r"年产|生产线|生产基地|基地|工厂|厂|产业园|园区|中心|研究院|总部|一期|二期|三期|四期|"
                           r"技改|扩建|"
                           r"综合体|电站|港|码头|医院|学校|酒店|广场|小镇")
"""Words of a kind of work, site or phase (年产, 基地, 生产线, 二期 …)."""

PRODUCT_HINT = re.compile(r"设备|材料|装备|系统|器件|部件|零部件|组件|模组|芯片|电池|电机|机械|机器人|仪器|仪表|"
                          r"器械|药|"
                          r"食品|纺织|服装|化工|塑料|玻璃|钢|铝|铜|纸|光电|光伏|电子|汽车|新能源|物流|冷链|仓储|数据|"
                          r"软件|智能|加工|制造|生产|研发|种植|养殖|酒店|商业|文旅|康养|养老|医院|学校|住宅|花园|城")
"""Words of a product, a trade or a kind of facility."""
