"""Figures (:class:`_FigureFinder`): amounts and units after their labels (investment, registered capital, area, output,
capacity), counts of projects and firms, and which project or region each figure belongs to.
"""

from __future__ import annotations

import bisect
import re

from ..dataset.model import Quantity, parse_quantity
from ..errors import ParseError
from .extract_common import _AGGREGATE_RE, _ANAPHOR_RE, _CN_COUNT, _METRIC_FUNCTION_RE, _NUM, _QTY, _strip_left
from .extract_projects import _ProjectFinder

__all__: list[str] = []  # private to the extractor (chaingraph.sources.extract is its entry)

_LABELS = {
    # label as written -> field (project fields; "region:" = a region fact; "note:" = kept in the note)
    "计划总投资": "investment", "项目总投资": "investment", "投资总额": "investment", "总投资额": "investment",
    "总投资": "investment", "固定资产投资": "fixed_asset_investment", "注册资本": "registered_capital",
    "注册资金": "registered_capital", "合同外资": "registered_capital", "合同利用外资": "registered_capital",
    "增资": "capital_increase", "占地面积": "area_mu", "用地面积": "area_mu",
    "占地": "area_mu", "用地": "area_mu", "规划总面积": "area_mu", "规划面积": "area_mu", "规划用地": "area_mu",
    "总用地面积": "area_mu", "建筑面积": "note:建筑面积", "新增产值": "region:新增产值",
    "年产值": "expected_output", "年销售收入": "note:年销售收入", "年销售额": "note:年销售额",
    "产值": "expected_output",
    "年税收": "note:年税收", "年纳税": "note:年纳税", "税收": "note:税收", "利税": "note:利税", "年产能": "capacity",
    "年产": "capacity", "产能": "capacity", "实际利用外资": "region:实际利用外资", "实际外资": "region:实际利用外资",
    "到位外资": "region:实际利用外资", "投资": "investment", "斥资": "investment",
    # a signing's amount: one project's investment, or a fair's or a region's total (told apart like 总投资)
    "签约金额": "investment", "签约总金额": "investment", "签约总额": "investment", "签约额": "investment",
    "协议金额": "investment", "协议总金额": "investment", "协议资金": "investment", "协议引资": "investment",
    "合同金额": "investment", "合同引资额": "investment", "合同引资总额": "investment", "合同引资": "investment",
    "签约资金": "investment", "合同资金": "investment", "投入资金": "investment",
}
_LABEL_ALT = "|".join(sorted(_LABELS, key=len, reverse=True))
_FIGURE_RE = re.compile(
    rf"(?P<label>{_LABEL_ALT})(?:额|量)?(?P<filler>(?:预计|计划|将|可|能|为|约为|实现|了|后|累计|共计|合计|总计|"
    rf"分别为|分别|均)*)(?P<cur>新台币|台币|人民币)?"
    rf"(?P<qty>{_QTY})"
)
# the next figure of a list of figures ("分别为300亿元、700亿元和50亿元")
_NEXT_FIGURE_RE = re.compile(rf"[、和及与](?P<qty>{_QTY})")
_RESEARCH_AFTER_RE = re.compile(r"(?:用于)?(?:自主|独立|联合)?(?:研发|研制)")
_HUNDRED_YI_RE = re.compile(r"(?P<qty>[百千]亿)(?:元|级)?(?:项目|大项目)")
_CAPACITY_RE = re.compile(
    rf"(?:年产能?|产能|年生产能力|年加工|年处理|年装配|设计产能)(?:为|达到|达|约|超过|超|近|可达)?"
    rf"(?P<n>{_NUM})(?P<mult>万|亿|千)?(?P<unit>台套|台|套|辆|件|只|片|千瓦时|兆瓦时|吉瓦时|GWh|MWh|兆瓦|吉瓦|MW|GW|"
    rf"万千瓦|"
    r"立方米|方|千升|平方米|吨|个|块|颗|粒|支|瓶|箱|头|羽|条|根|米|张|双)"
)
_CAPACITY_UNIT = {"立方米": "m3", "方": "m3", "平方米": "m2", "千瓦": "kW", "kw": "kW", "KW": "kW", "kW": "kW"}
"""Capacity units written in Chinese that have a canonical symbol (``600000 m3/yr``)."""
# "年产扁线电机100万台", "年生产可达5万台智能送纱器", "年产量550万件", "日产3万条自行车轮胎", "装机规模13.5万千瓦": a
# capacity in units other than tons, the product (if any) between label and amount
_UNIT_CAPACITY_RE = re.compile(
    rf"(?P<label>年产量|年产能|年生产能力|年生产|年产|年加工|年处理|年装配|设计产能|产能|日产量|日产能力|日产|"
    rf"装机规模|装机容量|总装机)"
    rf"(?P<product>(?:各类|各种)?[\u4e00-\u9fffA-Za-z]{{2,14}}?)??(?:能力|产能)?"
    rf"(?:为|达到|达|约|超过|超|近|可达|可)?(?P<n>{_NUM})(?P<mult>万|亿|千)?"
    rf"(?P<unit>台套|台|套|辆|件|只|片|千瓦时|兆瓦时|吉瓦时|GWh|MWh|兆瓦|吉瓦|MW|GW|万千瓦|千瓦|kW|kw|KW|"
    r"立方米|千升|个|块|颗|粒|支|瓶|箱|头|羽|条|根|张|双)"
)
# "100万吨/年乙烯工程", "形成3.9万吨/年各类离子交换树脂", "将形成10万吨年产能": tons a year written after the amount
_TONS_A_YEAR_RE = re.compile(rf"(?P<n>{_NUM})(?P<mult>万|千)?吨(?:/年|年产能|的年产能)")
# "37.5MW风力发电项目", "50兆瓦太阳能光煤互补发电试验示范电站": the installed power a generating plant's name opens with
_POWER_IN_NAME_RE = re.compile(rf"(?<![\d.×xX*])(?P<n>{_NUM})(?P<unit>MW|兆瓦|GW|吉瓦|万千瓦)"
                               r"(?=[\u4e00-\u9fffA-Za-z“”+]{0,12}?(?:发电|电站|风电场|"
                               # "14万千瓦光伏项目", "20兆瓦渔光互补光伏", "30万千瓦风电工程": a plant, not a factory
                               # for its parts ("1GW光伏组件", "风电叶片")
                               r"光伏(?!组件|电池|支架|玻璃|硅|板|材料|产业|制造|设备|装备)|"
                               r"风电(?!装备|设备|叶片|主机|产业|制造)))")
# "100万吨造纸项目", "5万吨玻纤池窑拉丝项目", "第二条8万吨生产线": a yearly tonnage that opens a plant's name without
# 年产; not a store (`2万吨果品气调库`) nor a name with two tonnages (`30万吨合成氨52万吨尿素项目`)
_TONS_IN_NAME_RE = re.compile(rf"(?<![\d.×xX*/])(?P<n>{_NUM})(?P<mult>万|千)?吨(?![/／每]|级|位)")
_TONS_IN_NAME_STORE = re.compile(r"库|仓|储|码头|泊位|港|罐|堆场|物流")
_POWER_KW = {"MW": 10**3, "兆瓦": 10**3, "GW": 10**6, "吉瓦": 10**6, "万千瓦": 10**4}
_PRODUCT_CAPACITY_RE = re.compile(rf"(?P<label>年产|年生产|日产)(?P<product>[\u4e00-\u9fff]{{2,10}}?)(?:能力|产能)?"
                                  rf"(?:为|达到|达|约|超过|近)?(?P<n>{_NUM})(?P<mult>万|千)?吨")
_OUTPUT_AFTER_RE = re.compile(rf"(?:实现|形成|新增|达到|带来)(?P<qty>(?:约|近|超)?{_NUM}(?:亿|万)元)(?:的)?年产值")
_DAILY_RE = re.compile(rf"日产(?:能力|产能)?(?:为|达到|达|约)?(?P<n>{_NUM})(?P<mult>万|千)?吨")
_DAILY_IN_NAME_RE = re.compile(rf"日处理(?P<n>{_NUM})(?P<mult>万|千)?(?P<unit>吨)")
# counts a farm's or a mill's own name gives: "年出栏100万头商品猪项目" (head a year), "30万锭环纺项目" (spindles, a
# size with no period), "日处理1800吨番茄原料的…生产线项目" (tons a day); read only inside a project's name, where
# the figure cannot belong to a neighbour
_HEAD_IN_NAME_RE = re.compile(rf"(?:年出栏|年屠宰|年养殖)(?P<n>{_NUM})(?P<mult>万|亿|千)?(?P<unit>头|只|羽)")
_SPINDLES_IN_NAME_RE = re.compile(rf"(?<![\d.])(?P<n>{_NUM})(?P<mult>万)?(?P<unit>锭)(?!子)")
_TAIWAN_REPORT_RE = re.compile(r"\d{4}-TW\b|(?<![\d年])1[01]\d年(?!代)")
_TAIWAN_PLACE_RE = re.compile(r"新竹|桃园|彰化|嘉义|苗栗|屏东|云林|宜兰|花莲|台东|新北|基隆|南投|高雄|台中|台南")
_PHASE_BEFORE_RE = re.compile(r"(?P<p>[一二三四首]期)(?:工程|项目)?[^，。；]{0,14}$")
_PHASE_SUBJECT_RE = re.compile(r"(?:^|(?<=[，。；,\n]))(?:其中)?(?P<p>[一二三四首]期)(?:工程|项目)?")
_SIZE_CLASS_AFTER_RE = re.compile(rf"(?:以上)?的?(?:[\u4e00-\u9fff]{{0,4}}项目(?:有|达|共)?|有){_CN_COUNT}[个项]")
_SIZE_CLASS_BEFORE_RE = re.compile(r"(?:单个|每个|单体|均)[^，。；]{0,6}$")
_RANGE_AFTER_RE = re.compile(rf"(?:以上|以下)?(?:至|到|~|～|—|-)(?:{_NUM})")
_AVERAGE_RE = re.compile(r"平均|户均|人均|单个项目|每个项目|单体项目")
_COUNT_BEFORE_RE = re.compile(r"(?:\d+|[一二两三四五六七八九十]{1,3})[个项家案件][，,]?"
                              r"(?:涉及|项目|计划|合计|共|将|拟)?$")


class _FigureFinder(_ProjectFinder):
    """Reads figures and gives each to its project or region."""

    # --------------------------------------------------------------------------------------- figures
    def find_figures(self) -> None:
        self.project_values: list[tuple[int, str, str, int, int, float, str]] = []
        self.region_values: list[tuple[str, str, int, int, str]] = []
        for m in _FIGURE_RE.finditer(self.t):
            label, qty_text = m["label"], m["qty"]
            if qty_text[-1] in "亿万" and _LABELS[label] in ("investment", "registered_capital", "expected_output"):
                qty_text += "元"  # "总投资26亿的…项目": yuan unsaid
            try:
                qty = parse_quantity(qty_text)
            except ParseError:
                continue
            if qty.unit == "CNY" and "人民币" not in qty_text and m["cur"] != "人民币" and (
                    m["cur"] or self._twd_before(m.start()) or re.match(r"(?:新)?台币", self.t[m.end():m.end() + 3])):
                # "将投资约新台币46亿元…华泰电子将投资近43亿元": after 新台币, a plain 元 is the same currency
                qty = Quantity(qty.amount, "TWD", qty.qualifier)
            target = _LABELS[label]
            before_label = self.t[max(0, m.start() - 4):m.start()]
            if qty.qualifier == "at_least" and (_SIZE_CLASS_AFTER_RE.match(self.t, m.end())
                                                or _SIZE_CLASS_BEFORE_RE.search(self.t, max(0, m.start() - 10),
                                                                                m.start())):
                continue  # "投资超亿元项目35个", "单个项目投资超过1亿元": a size class of projects, not an amount
            if _RANGE_AFTER_RE.match(self.t, m.end()) or _AVERAGE_RE.search(
                    self.t, max(self.clause(m.start())[0], m.start() - 8), m.start() + 4):
                continue  # "投资10亿元至50亿元的项目62个", "单体项目平均总投资额达8.32亿元": a class or a mean
            if target == "investment" and _RESEARCH_AFTER_RE.match(self.t, m.end()):
                continue  # "投资300多万元自主研发的节能扶梯": what a firm spent on research, no project's total
            if target == "expected_output" and re.search(r"(?:去年|上年|前年|已)(?:全年)?(?:完成|实现)?$",
                                                         self.t[max(0, m.start() - 6):m.start()]):
                continue  # "去年完成产值102亿元": an output already reached, a region's or a firm's, not a plan
            sent = self.sentences[self.sentence_at(m.start())]
            if re.search(r"(?:年度?|当年|今年|年内)(?:计划)?$", before_label) and target == "investment":
                # "年度计划投资3亿元": this year's spending, not a project's total; a group's ("9个产业项目总投资26.5
                # 亿元，年度计划投资12.6亿元", "全市…2016年计划投资40.7亿元") is a region fact of its own
                aggregate = _AGGREGATE_RE.search(self.t, sent.start, m.start())
                grouped = aggregate is not None and not self._project_between(aggregate.end(), m.start())
                after_group = bool(self.region_values) and sent.start <= self.region_values[-1][2] < m.start()
                regional = not self.strong_mentions(sent.start, sent.end) and bool(
                    _REGION_SUBJECT.search(self.t, sent.start, m.start()))
                if qty.is_money and (grouped or after_group or regional):
                    word = re.search(r"(?:\d{4}年|年度?|当年|今年|年内)(?:计划)?$",
                                     self.t[max(0, m.start() - 8):m.start()])
                    base = (self._count_metric(aggregate.start(), aggregate.group()) if grouped and aggregate
                            else self.region_values[-1][0].removesuffix("总投资").removesuffix("投资总额")
                            if after_group else "项目")
                    base = re.sub(r"(?:共有|共计|共|有)?(?:\d+|[一二两三四五六七八九十]+)?[个项]?$", "", base) or "项目"
                    self.region_values.append((f"{base}{word.group() if word else '年度'}{label}", str(qty),
                                               m.start(), m.end(), "counted" if grouped else ""))
                continue
            named_in = self._named_in(m.start(), m.end())
            if named_in is not None and not target.startswith("region:"):
                # "兖州益海嘉里年产24万吨面粉项目等32个项目": a figure inside a project's name is that project's
                value, fld, note = self._field_value(target, label, qty)
                if value is not None:
                    self.project_values.append((named_in, fld, value, m.start(), m.end(), 0.85, note))
                continue
            aggregate = _AGGREGATE_RE.search(self.t, sent.start, m.start())
            if target == "region:新增产值" and qty.is_money and not aggregate:
                # "X工业园竣工，…预计今年新增产值5亿元": the output a project named in its sentence adds
                c_start, _c_end = self.clause(m.start())
                named = [i for a, i in self.strong_mentions(sent.start, m.start())]
                if named and not _REGION_SUBJECT.search(self.t, c_start, m.start()) and not re.search(
                        r"为[^，。；]{2,8}新增", self.t[c_start:m.end()]):
                    self.project_values.append((named[-1], "expected_output", str(qty), m.start(), m.end(), 0.85,
                                                ""))
                    continue
            if target.startswith("region:"):
                self.region_values.append((target[7:], str(qty), m.start(), m.end(), ""))
                continue
            names_next = self.t.startswith("的", m.end()) and bool(self.strong_mentions(m.end(), m.end() + 3))
            nearest = aggregate
            if aggregate is not None:
                # the count nearest the figure ("A产业园、B校区等1075个项目集中开工，总投资9913亿元": the projects
                # listed before the count are counted by it, they do not take its total)
                for later in _AGGREGATE_RE.finditer(self.t, aggregate.start(), m.start()):
                    nearest = later
            if aggregate and nearest and not self._project_between(nearest.end(), m.start()) and not names_next:
                # (not "共签约项目17个…，分别是总投资5亿元的A项目": a figure with 的 before a project is that project's)
                metric = f"{self._count_metric(aggregate.start(), aggregate.group())}{label}"
                self.region_values.append((metric, str(qty), m.start(), m.end(), "counted"))
                continue
            if (qty.is_money and target == "investment" and re.search(r"签约$", before_label)
                    and not re.match(r"的?(?:大|重大|重点)?项目", self.t[m.end():m.end() + 5])):
                # "百家客商签订了…合同，签约投资总额17.191亿美元": what was signed in all, not one project's figure
                self.region_values.append((f"签约{label}", str(qty), m.start(), m.end(), ""))
                continue
            counted = _COUNT_BEFORE_RE.search(self.t[max(sent.start, m.start() - 12):m.start()])
            if counted and qty.is_money and target in ("investment", "registered_capital"):
                # "新经济和综合服务平台项目有6个，总投资达25.1亿元，包括A项目、B项目": the group's total
                self.region_values.append((f"项目{label}", str(qty), m.start(), m.end(), "counted"))
                continue
            if self._respective_figures(m, sent.start, target, qty):
                continue
            if self._group_figure(m, sent.start):
                if qty.is_money:
                    self.region_values.append((f"项目{label}", str(qty), m.start(), m.end(), ""))
                continue
            value, fld, note = self._field_value(target, label, qty)
            if value is None:
                continue
            if (not self.strong_mentions(sent.start, sent.end) and qty.is_money
                    and _REGION_SUBJECT.search(self.t, sent.start, m.start())
                    and not re.match(r"的?(?:大|重大|重点)?项目", self.t[m.end():m.end() + 5])):
                # "今年以来，全区签约项目总投资108亿元": the region's total, not the last project's figure
                self.region_values.append((f"项目{label}", str(qty), m.start(), m.end(), ""))
                continue
            if target == "investment" and label == "投资" and before_label.endswith("完成") and qty.is_money:
                # "今年1-9月完成投资1.3亿元": the spending so far, no project's total (a region's when the sentence
                # names no project, not even as 该项目)
                if not self.strong_mentions(sent.start, sent.end) and not _ANAPHOR_RE.search(self.t, sent.start,
                                                                                                m.start()):
                    self.region_values.append(("项目完成投资", str(qty), m.start(), m.end(), ""))
                continue
            owner = None
            link = re.match(r"的|用于|建设|新建|兴建|投建|投资建设|实施", self.t[m.end():m.end() + 4])
            if link:
                # "投资3000万元的南湖包装材料项目", "投资10亿元用于X项目": the project named right after; when the
                # name right after was not read as a project, the figure is left out rather than given to another
                _c_start, c_end = self.clause(m.start())
                following = self.strong_mentions(m.end(), min(c_end, m.end() + 30))
                right_after = [x for x in following if x[0] <= m.end() + len(link.group()) + 2]
                if link.group() == "的" and not right_after:
                    continue
                owner = following[0][1] if following else None
            elif target in ("investment", "fixed_asset_investment"):
                # "、投资2.5亿元年产9000万平米锂电隔膜生产项目": a project named right after its amount
                next_name = self.strong_mentions(m.end(), m.end() + 1)
                owner = next_name[0][1] if next_name else None
            if owner is None:
                owner = self.project_at(m.start())
            if owner is None:
                owner = self._signed_firm_project(self.sentence_at(m.start()), m.start())
            if owner is None and target == "capital_increase":
                firms = self.firms_in(sent.start, m.start())
                if firms:
                    firm = self.firms[firms[-1]]
                    base = firm.legal_name or firm.name
                    spot = max(p for n in firm.names for p in self.occurrences(n) if p < m.start())
                    owner = self._add_project([f"{base}增资项目"], [firms[-1]], (spot, m.end()), implicit=True)
            if owner is None and target in ("investment", "registered_capital"):
                # "周口天发食品有限公司，总投资1.2亿元，注册资本1200万美元": the firm's own investment, a project
                # named after the firm (kept below the high-confidence mark: it is implicit)
                c_start, _c_end = self.clause(m.start())
                firms = [f for f in self.firms_in(sent.start, m.start()) if self.firms[f].legal_name]
                if firms and not self._projects_of_firm.get(firms[-1]) and not self._anaphor_subject(
                        sent.start, m.start()):
                    firm = self.firms[firms[-1]]
                    spot = max(p for n in firm.names for p in self.occurrences(n) if p < m.start())
                    owner = self._add_project([firm.legal_name], [firms[-1]], (spot, spot + len(firm.legal_name)),
                                              implicit=True)
            if owner is None:
                continue
            if self._phase_figure(owner, m.start()):
                continue
            self.project_values.append((owner, fld, value, m.start(), m.end(), 0.85, note))
        last_capacity = (-1, -1)  # (sentence, end) of the last capacity read
        for m in _UNIT_CAPACITY_RE.finditer(self.t):
            product = m["product"] or ""
            if re.search(r"[\d，。；、]|产值|收入|税|利润|销售|营业|就业|岗位", product):
                continue
            sent_index = self.sentence_at(m.start())
            breakdown = last_capacity[0] == sent_index and re.search(r"[：:]", self.t[last_capacity[1]:m.start()])
            if breakdown:
                continue  # "形成年产各类零部件65万台：年产电机20万台；…": the parts of the total read before
            last_capacity = (sent_index, m.end())
            amount = float(m["n"].replace(",", "")) * {"万": 10**4, "亿": 10**8, "千": 10**3, None: 1}[m["mult"]]
            unit = m["unit"]
            if unit == "万千瓦":
                amount, unit = amount * 10**4, "kW"
            owner = self.project_at(m.start())
            if owner is None or self._phase_figure(owner, m.start()):
                continue
            unit = _CAPACITY_UNIT.get(unit, unit)
            per = "" if m["label"] in ("装机规模", "装机容量", "总装机") else "/d" if m["label"].startswith("日产") \
                else "/yr"
            qty = Quantity(int(amount) if amount.is_integer() else amount, f"{unit}{per}", "exact")
            self.project_values.append((owner, "capacity", str(qty), m.start(), m.end(), 0.8, ""))
        for m in _TONS_A_YEAR_RE.finditer(self.t):
            if re.search(r"年产|产能|年生产|年加工|年处理", self.t[max(0, m.start() - 6):m.start()]):
                continue  # "年产100万吨/年": read with the labelled figures
            amount = float(m["n"].replace(",", "")) * {"万": 10**4, "千": 10**3, None: 1}[m["mult"]]
            owner = self._named_in(m.start(), m.end())
            if owner is None:
                if not re.search(r"(?:形成|新增)$", self.t[max(0, m.start() - 2):m.start()]):
                    continue  # "具备了2300万吨/年炼油能力": a capacity the firm has, not what a project adds
                owner = self.project_at(m.start())
            if owner is None or self._phase_figure(owner, m.start()):
                continue
            qty = Quantity(int(amount) if amount.is_integer() else amount, "t/yr", "exact")
            self.project_values.append((owner, "capacity", str(qty), m.start(), m.end(), 0.8, ""))
        for m in _POWER_IN_NAME_RE.finditer(self.t):
            # a power plant's own name gives its installed power ("15MW光伏发电项目" -> 15000 kW)
            owner = self._named_in(m.start(), m.end())
            if owner is None or self._phase_figure(owner, m.start()):
                continue
            amount = float(m["n"].replace(",", "")) * _POWER_KW[m["unit"]]
            qty = Quantity(int(amount) if amount.is_integer() else amount, "kW", "exact")
            self.project_values.append((owner, "capacity", str(qty), m.start(), m.end(), 0.8, ""))
        tonnages: dict[str, list[int]] = {}  # every tonnage written, once, so the check below stays linear
        for m in re.finditer(rf"(?<![\d.])(?:{_NUM})(?:万|千)?吨", self.t):
            tonnages.setdefault(m.group(), []).append(m.start())
        open_tonnage: dict[tuple[int, str], bool] = {}
        for m in _TONS_IN_NAME_RE.finditer(self.t):
            if re.search(r"年产|产能|年生产|年加工|年处理|日产|日处理|形成|新增|达到|达|[年日万亿]$",
                         self.t[max(0, m.start() - 6):m.start()]):
                continue  # labelled figures are read by the rules above
            owner = self._named_in(m.start(), m.end())
            if owner is None or self._phase_figure(owner, m.start()):
                continue
            mention = next(((a, b) for a, b in self.projects[owner].mentions if a <= m.start() and b >= m.end()),
                           None)
            if mention is None:
                continue
            name = self.t[mention[0]:mention[1]]
            if len(_TONS_IN_NAME_RE.findall(name)) > 1 or _TONS_IN_NAME_STORE.search(name) \
                    or re.search(r"年产|产能|年生产|年加工|年处理|日产|日处理", name) or re.match(r"[该此这本]", name):
                continue  # another figure labels the name's capacity; `该条8万吨生产线` is a plant named before
            if (owner, m.group()) not in open_tonnage:
                spans = sorted(self.projects[owner].mentions)
                starts = [a for a, _b in spans]

                def held(pos: int, spans: list[tuple[int, int]] = spans, starts: list[int] = starts) -> bool:
                    i = bisect.bisect_right(starts, pos) - 1
                    return i >= 0 and spans[i][1] > pos

                open_tonnage[(owner, m.group())] = not all(held(pos) for pos in tonnages.get(m.group(), ()))
            if open_tonnage[(owner, m.group())]:
                continue  # the same tonnage heads a name this record does not hold: which project it is stays open
            amount = float(m["n"].replace(",", "")) * {"万": 10**4, "千": 10**3, None: 1}[m["mult"]]
            qty = Quantity(int(amount) if amount.is_integer() else amount, "t/yr", "exact")
            self.project_values.append((owner, "capacity", str(qty), m.start(), m.end(), 0.8, ""))
        for m in _PRODUCT_CAPACITY_RE.finditer(self.t):
            # "可年产精品钢帘线150万吨", "年产铁精矿400万吨", "日产4500吨水泥熟料": the product between label and amount
            if re.search(r"[\d，。；、]|产值|收入|税", m["product"]):
                continue
            amount = float(m["n"].replace(",", "")) * {"万": 10**4, "千": 10**3, None: 1}[m["mult"]]
            owner = self.project_at(m.start())
            if owner is None or self._phase_figure(owner, m.start()):
                continue
            per = "d" if m["label"] == "日产" else "yr"
            qty = Quantity(int(amount) if amount.is_integer() else amount, f"t/{per}", "exact")
            self.project_values.append((owner, "capacity", str(qty), m.start(), m.end(), 0.8, ""))
        for m in _OUTPUT_AFTER_RE.finditer(self.t):
            # "建成投产后将实现200亿元年产值": the amount before its label
            if _REGION_SUBJECT.search(self.t, self.clause(m.start())[0], m.start()):
                continue
            owner = self.project_at(m.start())
            qty = parse_quantity(m["qty"].removeprefix("约").removeprefix("近").removeprefix("超"))
            if owner is None or qty is None or self._phase_figure(owner, m.start()):
                continue
            self.project_values.append((owner, "expected_output", str(qty), m.start(), m.end(), 0.85, ""))
        for m in _DAILY_RE.finditer(self.t):
            # "日产4500吨新型干法水泥熟料生产线": a daily capacity
            amount = float(m["n"].replace(",", "")) * {"万": 10**4, "千": 10**3, None: 1}[m["mult"]]
            owner = self.project_at(m.start())
            if owner is None or self._phase_figure(owner, m.start()):
                continue
            qty = Quantity(int(amount) if amount.is_integer() else amount, "t/d", "exact")
            self.project_values.append((owner, "capacity", str(qty), m.start(), m.end(), 0.8, ""))
        self._counts_in_names(_HEAD_IN_NAME_RE, "/yr")
        self._counts_in_names(_SPINDLES_IN_NAME_RE, "")
        self._counts_in_names(_DAILY_IN_NAME_RE, "/d")
        for m in _HUNDRED_YI_RE.finditer(self.t):
            qty = Quantity(10**10 if m["qty"] == "百亿" else 10**11, "CNY", "at_least")
            for proj_index in self._weak_projects_before(m.start()):
                self.project_values.append((proj_index, "investment", str(qty), m.start(), m.end(), 0.5,
                                            "百亿项目: at least 10 billion yuan"))

    def _counts_in_names(self, pattern: re.Pattern[str], per: str) -> None:
        """A capacity in heads, spindles or tons a day that a project's own name states (``pattern`` has n, mult and
        unit); a phase written before the name is another project's ("A二期185兆瓦项目、B年出栏…项目")."""
        for m in pattern.finditer(self.t):
            owner = self._named_in(m.start(), m.end())
            if owner is None:
                continue
            amount = float(m["n"].replace(",", "")) * {"万": 10**4, "亿": 10**8, "千": 10**3, None: 1}[m["mult"]]
            unit = {"吨": "t"}.get(m["unit"], m["unit"])
            qty = Quantity(int(amount) if amount.is_integer() else amount, f"{unit}{per}", "exact")
            self.project_values.append((owner, "capacity", str(qty), m.start(), m.end(), 0.8, ""))

    def _named_in(self, start: int, end: int) -> int | None:
        """The project whose (non-weak) mention holds ``[start, end)``, if any."""
        for a, index in reversed(self.strong_mentions(max(0, start - 60), start + 1)):
            if any(ma == a and mb >= end for ma, mb in self.projects[index].mentions):
                return index
        return None

    def _twd_before(self, pos: int) -> bool:
        """The article wrote 新台币 before ``pos`` and no 人民币 in between: its plain 元 are New Taiwan dollars."""
        if not hasattr(self, "_currency_marks"):
            self._currency_marks = sorted([(m.start(), "TWD") for m in re.finditer("台币", self.t)]
                                          + [(m.start(), "CNY") for m in re.finditer("人民币", self.t)])
            # a Taiwan report that never names its currency: stock codes "(3711-TW)" or a Minguo year ("114年")
            # or one that names Taiwan's ministry (经济部, 投资台湾) or two of its counties ("在新竹湖口…在台南…")
            self._taiwan_report = not self._currency_marks and bool(
                _TAIWAN_REPORT_RE.search(self.t) or re.search(r"经济部|投资台湾", self.t)
                or len(set(_TAIWAN_PLACE_RE.findall(self.t))) >= 2)
        i = bisect.bisect_left(self._currency_marks, (pos, ""))
        return (i > 0 and self._currency_marks[i - 1][1] == "TWD") or self._taiwan_report

    def _phase_figure(self, owner: int, pos: int) -> bool:
        """A figure of one phase ("一期拟投资额为6亿元", "一期用地不低于500亩") of a project not named after that
        phase: not the project's total, so left out (the answer keys keep phase figures off the project)."""
        c_start, _c_end = self.clause(pos)
        sent = self.sentences[self.sentence_at(pos)]
        phase = _PHASE_BEFORE_RE.search(self.t[c_start:pos]) or _PHASE_SUBJECT_RE.search(self.t, sent.start, pos)
        if phase is None:
            return False
        return not any(phase["p"] in n for n in self.projects[owner].names)

    def _respective_figures(self, m: re.Match[str], sent_start: int, target: str, qty: Quantity) -> bool:
        """"A项目、B项目签约，投资额分别为300亿元、700亿元": as many figures after 分别 as projects named before them
        in the sentence, each project takes its own, in order. Adds them and says whether it did."""
        if "分别" not in (m["filler"] or "") + self.t[max(0, m.start() - 3):m.start()]:
            return False
        figures = [(qty, m.start(), m.end())]
        for more in _NEXT_FIGURE_RE.finditer(self.t, m.end()):
            if more.start() != figures[-1][2]:
                break
            try:
                figures.append((parse_quantity(more["qty"] + ("元" if more["qty"][-1] in "亿万" else "")),
                                more.start("qty"), more.end()))
            except ParseError:
                break
        # the projects listed last before the figures, one after the other ("A项目、B项目" or "A项目和B项目")
        listed: list[tuple[int, int]] = []
        for a, i in reversed(self.strong_mentions(sent_start, m.start())):
            if listed and (i == listed[0][1] or not re.fullmatch(r"[^，。；,]*[、和及与]", self.t[a:listed[0][0]])):
                break
            listed.insert(0, (a, i))
        owners = [i for _a, i in listed]
        if len(figures) < 2 or len(owners) != len(figures) or any(f[0].unit != qty.unit for f in figures):
            return False
        for owner, (each, a, b) in zip(owners, figures, strict=True):
            value, fld, note = self._field_value(target, m["label"], each)
            if value is not None:
                self.project_values.append((owner, fld, value, a, b, 0.85, note))
        return True

    def _group_figure(self, m: re.Match[str], sent_start: int) -> bool:
        """A figure about several projects at once: after a list of them ("A项目、B项目，总投资4.74亿元"), before a
        count ("总投资122亿元的27个项目"), a running total (累计, 合计), or split between them (分别)."""
        if re.match(rf"的?{_CN_COUNT}[个项]", self.t[m.end():m.end() + 8]):
            return True
        if re.search(r"累计|合计|共计|总计", m["filler"] or ""):
            return True
        if ("分别" in (m["filler"] or "") or "分别" in self.t[max(0, m.start() - 3):m.start()]) and re.match(
                r"[、和及与]\d", self.t[m.end():m.end() + 2]):
            return True  # "总投资分别为11亿元、6亿元的A项目和B项目": not one project's figure
        mentions = self.strong_mentions(sent_start, m.start())
        if len(mentions) >= 2:
            last = mentions[-1][0]
            if self.t[last - 1:last] == "、" and not _FIGURE_RE.search(self.t, last, m.start()):
                return True
        return False

    def _weak_projects_before(self, pos: int) -> list[int]:
        found = []
        for items, end, _, _ in self.list_items:
            if 0 <= pos - end <= 2:
                for item, _p in items:
                    f = self.firm_of(item)
                    if f is not None:
                        owned = [i for i, p in enumerate(self.projects) if f in p.firms]
                        found += owned[:1]
        return found

    def _project_between(self, a: int, b: int) -> bool:
        return bool(self.strong_mentions(a, b))

    def _field_value(self, target: str, label: str, qty: Quantity) -> tuple[str | None, str, str]:
        if target.startswith("note:"):
            return f"{target[5:]}{qty.label()}", "note", ""
        if target == "area_mu":
            if qty.unit == "mu":
                return _plain(qty.amount), "area_mu", ""
            if qty.unit == "m2":
                return _plain(round(float(qty.amount) / 666.6667, 2)), "area_mu", f"{qty} = {qty.amount}/666.67 亩"
            return None, "", ""
        if target == "capacity":
            if qty.is_money:
                return None, "", ""
            return str(Quantity(qty.amount, f"{qty.unit}/yr", qty.qualifier)), "capacity", ""
        if not qty.is_money:
            return None, "", ""
        return str(qty), target, ""

    def _count_metric(self, pos: int, written: str) -> str:
        """"签约落户招大引强项目" for "我市签约落户日本电产机床、…等招大引强项目7个": the verb and what was counted,
        without the function words around a count (其中, 共, 合计 …: "其中投资超亿元项目35个" counts 投资超亿元项目)."""
        what = re.sub(r"\d+个", "", written)
        what = _METRIC_FUNCTION_RE.sub("", what)
        what = _strip_left(what)[0] if not what.startswith("项目") else what
        what = _METRIC_FUNCTION_RE.sub("", what)
        c_start, _ = self.clause(pos)
        verb = re.search(r"新认定|签约落户|签约|落户|引进|开工|竣工|投产", self.t[c_start:pos + len(written)])
        return (verb.group() if verb and verb.group() not in what else "") + what


_REGION_SUBJECT = re.compile(r"全市|全区|全县|全省|全镇|我市|我区|我县|该市|该区|该县|今年以来|年以来|累计|共计|合计|"
                             r"全年|上半年|前三季度|一季度|二季度|三季度|四季度|已签约|已引进|共签约|共引进")


def _plain(number: float | int) -> str:
    value = float(number)
    return str(int(value)) if value.is_integer() else str(value)
