"""Round 18: prose and kinds of work around 项目 are no projects; people listed before a signing are no projects."""

from extract_helpers import firm_names as _firms
from extract_helpers import project_names as _projects

from chaingraph.sources.extract import extract_facts


def test_an_adverb_and_a_verb_before_project_are_prose() -> None:
    projects = _projects("5月9日，北岭集团年产5万吨铝板项目在青禾镇开工。下一步，全镇将进一步擂响项目建设战鼓，"
                         "希望企业尽快拟定项目推进方案，并大力实施项目提速行动。")
    assert "北岭集团年产5万吨铝板项目" in projects
    assert not any(p.endswith(("擂响项目", "拟定项目", "实施项目")) for p in projects)


def test_activities_of_an_unnamed_batch_are_no_projects() -> None:
    projects = _projects("5月9日，北岭集团年产5万吨铝板项目签约。此外，茶叶精深加工、竹材综合利用等一批项目达成意向。")
    assert "北岭集团年产5万吨铝板项目" in projects
    assert not any(p.startswith(("茶叶", "竹材")) for p in projects)


def test_makers_of_an_unnamed_batch_stay_projects() -> None:
    projects = _projects("5月9日，北岭新材料、青禾电子元件等一批项目集中开工。")
    assert any("北岭新材料" in p for p in projects)


def test_officials_listed_before_a_signing_are_no_projects() -> None:
    projects = _projects("5月9日，4个重点项目在青禾县签约，其中北岭石材项目投资2亿元。赵一鸣、钱二、孙三等县领导参加了"
                         "项目签约仪式。")
    assert "北岭石材项目" in projects
    assert not any(p.startswith(("赵", "钱", "孙")) for p in projects)


def test_a_project_of_a_kind_is_no_project() -> None:
    projects = _projects("5月9日，北岭汽车零部件产业基地项目签约，这是一个以零部件生产为主的综合性项目。")
    assert "北岭汽车零部件产业基地项目" in projects
    assert "综合性项目" not in projects


def test_activities_listed_before_projects_are_no_projects() -> None:
    projects = _projects("5月9日，北岭集团年产5万吨铝板项目开工。全县项目既有竹材加工、茶叶精深加工等项目，"
                         "也有新兴产业项目。")
    assert "北岭集团年产5万吨铝板项目" in projects
    assert not any(p.startswith(("竹材", "茶叶")) for p in projects)


def test_fields_before_a_class_of_projects_are_no_projects() -> None:
    projects = _projects("5月9日，北岭集团年产5万吨铝板项目开工。计划中的项目包括新材料、数字经济、"
                         "总部经济等产业类项目。")
    assert "北岭集团年产5万吨铝板项目" in projects
    assert not any(p.startswith(("新材料", "数字经济", "总部经济")) for p in projects)


def test_traditional_script_sui_zhe_is_no_part_of_a_project_name() -> None:
    projects = _projects("5月9日，隨著北嶺電機年產5萬台電機項目的簽約入駐，園區產業鏈更加完整。")
    assert projects
    assert not any(p.startswith(("随著", "隨著", "随着")) for p in projects)


def _places(text: str, date: str = "2023-05-10") -> dict[str, str]:
    return {f.key: f.value for f in extract_facts(text, date).of("project", field="region")}


def test_the_zone_that_counts_a_ceremonys_batch_is_where_its_projects_land() -> None:
    places = _places("5月9日上午，青禾市政府以视频连线的方式举行了全市今年第二批招商引资项目集中签约仪式，市领导出席"
                     "主会场活动并讲话，各县区领导在分会场参加。北岭片区设置了分会场，6个产业项目集中签约。"
                     "各方代表出席。\n北岭集团年产5万吨铝板项目、青禾电子年产8万台显示器项目等6个项目进行了集中签约。")
    assert places.get("北岭集团年产5万吨铝板项目") == "北岭片区"



def test_the_project_of_a_firm_that_signs_carries_the_figures_of_the_next_sentence() -> None:
    extraction = extract_facts("6月2日，北岭产业园管委会与青禾精密机械有限公司签订入园协议，又一个招商项目落户园区。"
                               "该项目计划用地40亩，总投资2亿元，建成后年产10万台减速机。", "2023-06-03")
    names = {f.value for f in extraction.of("project", field="name")}
    assert names == {"青禾精密机械有限公司"}
    fields = {f.field: f.value for f in extraction.of("project", key="青禾精密机械有限公司")}
    assert fields.get("investment") == "200000000 CNY"
    assert fields.get("area_mu") == "40"


def test_part_of_a_city_name_is_no_short_name_of_a_firm_from_that_city() -> None:
    extraction = extract_facts("3月2日，哈尔滨市举行项目签约仪式。北岭机器人项目签约额3亿元，投资方为哈尔滨北岭公司。",
                               "2023-03-03")
    firms = {f.value for f in extraction.of("firm", field="name")}
    assert "哈尔" not in firms
    assert "哈尔" not in {f.value for f in extraction.of("project", field="firms")}


def test_a_project_signed_at_a_ceremony_keeps_its_day_beside_a_later_start() -> None:
    extraction = extract_facts("9月18日上午，青禾经济开发区举行集中签约仪式，3个项目签约。北岭汽车饰件有限公司拟在"
                               "开发区建设北岭汽车内饰件生产工厂项目，投资总额为3000万美元，项目今年10月动工。",
                               "2015-09-20")
    dates = {(f.field, f.value) for f in extraction.of("project", key="北岭汽车内饰件生产工厂项目")
             if f.field in ("date", "start_date")}
    assert ("date", "2015-09-18") in dates
    assert ("start_date", "2015-10") in dates


def test_verbs_of_covering_and_placing_are_no_part_of_names() -> None:
    firms = _firms("5月9日，6个项目签约，涉及北岭石材实业有限公司等企业。")
    assert "北岭石材实业有限公司" in firms
    assert not any(f.startswith("涉及") for f in firms)
    projects = _projects("5月9日，青禾电机有限公司在园区投资成立子公司，落子年产800万台电机数智化工厂项目。")
    assert not any(p.startswith("落子") for p in projects)


def test_one_zone_written_short_and_in_full_places_the_ceremonys_projects() -> None:
    places = _places("展会前一天 北岭开发区签约引资五亿多\n本报4月8日电 4月7日举行的推介会上，青禾县北岭经济技术开发区"
                     "集中签约项目2个，总投资5亿元。签约项目2个，分别是东方机械有限公司投资3亿元的铸件生产项目，"
                     "南方化工有限公司投资2亿元的涂装线建设项目。")
    assert places.get("铸件生产项目") == "青禾县北岭经济技术开发区"


def test_a_service_platform_keeps_its_whole_name() -> None:
    projects = _projects("3月22日上午，青禾市举行项目集中签约仪式。北岭医药产业园项目、青禾基因检测公共服务平台项目"
                         "等6个项目进行了集中签约。")
    assert "青禾基因检测公共服务平台项目" in projects
    assert "平台项目" not in projects


def test_a_fairs_batch_and_a_trades_projects_are_no_project() -> None:
    projects = _projects("5月9日，第五届青禾博览会北岭市签约36项目。其中北岭集团年产5万吨铝板项目投资2亿元。"
                         "会上还推介了青禾市机械及装备制造行业项目和北岭市家具产业招商项目。")
    assert "北岭集团年产5万吨铝板项目" in projects
    assert not any("博览会" in p or p.endswith(("行业项目", "招商项目")) for p in projects)
