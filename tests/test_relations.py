"""Relation rules, one type at a time, on sentences of the genre."""

from __future__ import annotations

import pytest

from graphbuild.nlp.components.relations import relations
from graphbuild.schema import allowed


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """These tests describe the rule components; the trained ones that read
    their output are tested in test_train.py."""
    return rules_nlp


def rels(nlp, text: str) -> set[tuple]:
    return {(r.head, r.type, r.tail) for r in relations(nlp(text))}


def types_in(nlp, text: str) -> set[str]:
    return {r.type for r in relations(nlp(text))}


def test_works_at_appositive_chain_with_titles(nlp):
    doc = nlp("湖北省人大常委会副主任、省总工会主席刘雪荣表示要扎实推进。")
    got = {(r.head, r.tail, r.title) for r in relations(doc) if r.type == "WORKS_AT"}
    assert got == {("刘雪荣", "湖北省人大常委会", "副主任"), ("刘雪荣", "湖北省总工会", "主席")}


def test_awarded_prefix_and_verb_forms_with_year(nlp):
    doc = nlp("大国工匠王振华介绍了经验。2022年，李红梅荣获全国五一劳动奖章。")
    got = {(r.head, r.tail, r.year) for r in relations(doc) if r.type == "AWARDED"}
    assert ("王振华", "大国工匠", None) in got and ("李红梅", "全国五一劳动奖章", 2022) in got


def test_organizes_with_joint_organizers_gives_partners(nlp):
    got = rels(nlp, "12月2日，由阜阳市总工会、市司法局、市人社局联合主办的全市职工法律知识竞赛举行。")
    assert ("阜阳市总工会", "PARTNERS_WITH", "阜阳市司法局") in got or ("阜阳市司法局", "PARTNERS_WITH", "阜阳市总工会") in got
    assert any(t == "ORGANIZES" and h == "阜阳市总工会" for h, t, _ in got)


def test_organizes_subject_before_verb(nlp):
    got = rels(nlp, "宁波市总工会推出“甬工惠”服务，受到职工欢迎。")
    assert ("宁波市总工会", "ORGANIZES", "“甬工惠”服务") in got


def test_located_in_from_names_and_places_part_of(nlp):
    got = rels(nlp, "吉林省白山市总工会发放贷款。")
    assert ("白山市总工会", "LOCATED_IN", "白山市") in got
    assert ("白山市", "PART_OF", "吉林省") in got


@pytest.mark.parametrize(
    "text, expected",
    [
        # 新林镇 is a place of the article (chained after its county), no mention inside the union's name
        ("峨边彝族自治县新林镇召开会议。随后，新林镇工会联合会负责人发言。", ("新林镇工会联合会", "LOCATED_IN", "新林镇")),
        ("中建七局承建该项目。中建七局总承包公司砌筑工许纪平获奖。", ("中建七局总承包公司", "PART_OF", "中建七局")),
    ],
)
def test_relations_read_off_a_name_where_no_sentence_holds_both(nlp, text, expected):
    assert expected in rels(nlp, text)


def test_part_of_enterprise_union_and_subsidiary(nlp):
    got = rels(nlp, "华能东方电厂推进改革。近日，该厂王涛创新工作室获奖。")
    assert ("王涛创新工作室", "PART_OF", "华能东方电厂") in got
    got = rels(nlp, "中铝集团旗下沈阳铝镁设计研究院有限公司工会搭建平台。")
    assert ("沈阳铝镁设计研究院有限公司", "PART_OF", "中铝集团") in got
    assert ("沈阳铝镁设计研究院有限公司工会", "PART_OF", "沈阳铝镁设计研究院有限公司") in got


def test_part_of_a_company_named_by_its_short_form_anywhere_in_the_article(nlp):
    got = rels(nlp, "北方重机集团的职工参加竞赛。北方重机工会组织职工读书，北方重机技术协会主任李刚说。")
    assert {("北方重机工会", "PART_OF", "北方重机集团"), ("北方重机技术协会", "PART_OF", "北方重机集团")} <= got
    got = rels(nlp, "吉林通化钢铁集团有限公司工会开展慰问。")
    assert ("吉林通化钢铁集团有限公司工会", "PART_OF", "吉林通化钢铁集团有限公司") in got
    assert not {r for _, r, _ in got} & {"LOCATED_IN"}  # a company's name names no place


def test_coordinated_subjects_founding_together_are_partners_with_those_they_draw_on(nlp):
    text = "据悉，鞍钢集团工会、本钢集团工会等单位依托辽宁科技大学、沈阳建筑大学等院校，建立劳模创新工作室联盟。"
    got = {frozenset((h, t)) for h, r, t in rels(nlp, text) if r == "PARTNERS_WITH"}
    unions, schools = ("鞍钢集团工会", "本钢集团工会"), ("辽宁科技大学", "沈阳建筑大学")
    assert frozenset(unions) in got
    assert {frozenset((u, c)) for u in unions for c in schools} <= got
    assert frozenset(schools) not in got  # drawn on, not founding together
    separately = "鞍钢集团工会、本钢集团工会等单位分别建立劳模创新工作室。"
    assert "PARTNERS_WITH" not in types_in(nlp, separately)


def test_the_venue_of_an_event_is_no_organizer_but_places_it(nlp):
    text = "本报讯 12月2日，由淮南市总工会、市司法局共同主办的“尊法守法”职工法律知识竞赛决赛在市科技文化中心举行。"
    got = rels(nlp, text)
    assert {h for h, r, t in got if r == "ORGANIZES"} == {"淮南市总工会", "淮南市司法局"}
    assert ("“尊法守法”职工法律知识竞赛", "LOCATED_IN", "淮南市") in got


def test_a_company_stands_in_the_place_written_before_it_and_a_town_in_the_county_before_it(nlp):
    got = rels(nlp, "合肥市蜀山区总工会走进桃源镇滨湖新城东苑安置房工程项目部开展慰问。")
    assert ("东苑安置房工程项目部", "LOCATED_IN", "滨湖新城") in got
    assert {("滨湖新城", "PART_OF", "桃源镇"), ("桃源镇", "PART_OF", "蜀山区")} <= got


def test_a_pronoun_opening_a_clause_is_the_person_named_last(nlp):
    text = "全国劳模李红梅从农民工成长为建筑工匠。前不久，她还当选浙江省总工会兼职副主席。"
    assert ("李红梅", "WORKS_AT", "浙江省总工会") in rels(nlp, text)
    text = "全国劳模李红梅从农民工成长为建筑工匠。他们都当选浙江省总工会兼职副主席。"
    assert "WORKS_AT" not in types_in(nlp, text)


def test_no_organizer_from_a_possessive_an_exhortation_or_a_generic_subject(nlp):
    text = "按照全国总工会的要求设立本省热线，浙江省总工会还推出“1+3”职工诉求服务机制。"
    assert {h for h, r, t in rels(nlp, text) if r == "ORGANIZES"} == {"浙江省总工会"}
    text = "浙江省总工会主席王强表示，今年开展了大量工作。要深入实施“产业倍增职工竞赛建功”行动。"
    assert "ORGANIZES" not in types_in(nlp, text)
    text = "浙江省总工会开展了大量工作。全市各级工会结合“送法进企业”等系列活动，深入基层。"
    assert "ORGANIZES" not in types_in(nlp, text)


def test_the_body_that_confers_an_honor_and_the_place_where_it_happens_are_no_holder_or_organizer(nlp):
    got = rels(nlp, "刘伟创新工作室开展创新活动，被全国总工会授予全国示范性劳模和工匠人才创新工作室。")
    assert {(h, t) for h, r, t in got if r == "AWARDED"} == {("刘伟创新工作室", "全国示范性劳模和工匠人才创新工作室")}
    text = "本报讯 6月4日，中国教科文卫体工会主办的“助力共同富裕”职工志愿服务活动在全总定点扶贫县山西和顺开展。"
    assert {h for h, r, t in rels(nlp, text) if r == "ORGANIZES"} == {"中国教科文卫体工会"}


def test_a_later_reference_means_the_activity_of_that_word_named_last_else_the_topic(nlp):
    headline = "北京市总实施“市级示范公益送教”项目\n"
    text = headline + "北京市总将“送教到基层”专项工作纳入计划，推出“市级示范公益送教”项目。在当天的培训中，温莹莹分享了体会。"
    got = rels(nlp, text)
    assert ("温莹莹", "PARTICIPATES_IN", "“市级示范公益送教”项目") in got
    assert ("温莹莹", "PARTICIPATES_IN", "“送教到基层”专项工作") not in got
    text = headline + "北京市总推出“市级示范公益送教”项目。骑手刘壮参加培训后表示受益匪浅。"
    assert ("刘壮", "PARTICIPATES_IN", "“市级示范公益送教”项目") in rels(nlp, text)
    text = headline + "市总工会还开展“劳模进企业”活动。此项活动由市总工会主办、市机械工会承办。"
    assert ("北京市机械工会", "ORGANIZES", "“劳模进企业”活动") in rels(nlp, text)


def test_a_zone_lies_in_the_city_its_name_opens_with_in_full_or_short(nlp):
    got = rels(nlp, "武汉市总工会启动竞赛。日前，在武汉经济技术开发区低空经济产业园，无人机送来咖啡。")
    assert ("武汉经济技术开发区", "PART_OF", "武汉市") in got
    got = rels(nlp, "北京大兴区生物医药产业基地总工会打造品牌。")
    assert ("大兴区生物医药产业基地", "PART_OF", "大兴区") in got
    assert ("大兴区生物医药产业基地", "PART_OF", "北京市") not in got


def test_a_body_named_again_by_its_head_acts_after_a_reporting_clause(nlp):
    text = (
        "国网辽宁电力有限公司工匠联盟成立。据国网辽宁电力有限公司工会副主席王强介绍，"
        "工匠联盟围绕生产痛点，开展职工技术创新揭榜挂帅活动。"
    )
    got = rels(nlp, text)
    assert ("国网辽宁电力有限公司工匠联盟", "ORGANIZES", "职工技术创新揭榜挂帅活动") in got
    assert ("国网辽宁电力有限公司工会", "ORGANIZES", "职工技术创新揭榜挂帅活动") not in got


def test_a_company_named_again_without_its_group_and_bodies_a_union_coordinates(nlp):
    got = rels(nlp, "北方重机集团成立于1950年。北方重机与东北大学建立产学研合作。")
    assert ("东北大学", "PARTNERS_WITH", "北方重机集团") in got or ("北方重机集团", "PARTNERS_WITH", "东北大学") in got
    got = {
        frozenset((h, t)) for h, r, t in rels(nlp, "淮南市总工会协调市司法局、市法律援助中心开展培训。") if r == "PARTNERS_WITH"
    }
    assert frozenset(("淮南市司法局", "淮南市法律援助中心")) in got and frozenset(("淮南市总工会", "淮南市司法局")) in got


def test_a_body_another_has_act_does_not_become_the_subject_carried_on(nlp):
    text = "淮南市总工会开展“送法进企业”活动。指导快递行业工会联合会开展集体协商。开展“法律帮扶百千万行动”，维护职工权益。"
    got = rels(nlp, text)
    assert ("淮南市总工会", "ORGANIZES", "法律帮扶百千万行动") in got
    assert ("快递行业工会联合会", "ORGANIZES", "法律帮扶百千万行动") not in got


def test_putting_ones_activity_into_a_plan_is_running_it(nlp):
    text = "从2022年开始，天津市总将“送教到基层”专项工作纳入年度干部教育培训计划。"
    assert ("天津市总工会", "ORGANIZES", "“送教到基层”专项工作") in rels(nlp, text)


def test_targets(nlp):
    got = rels(nlp, "宁波市总工会推出“甬工惠”服务，面向新就业形态劳动者提供帮助。")
    assert ("“甬工惠”服务", "TARGETS", "新就业形态劳动者") in got


def test_targets_past_a_count_and_along_a_list_of_groups(nlp):
    got = rels(nlp, "市总工会推出“暖心驿站”项目，向全市2.5万余名快递员提供服务。")
    assert ("“暖心驿站”项目", "TARGETS", "快递员") in got
    got = rels(nlp, "市总工会推出“暖心驿站”项目，关爱困难职工、农民工及外卖送餐员等群体。")
    assert {("“暖心驿站”项目", "TARGETS", g) for g in ("困难职工", "农民工", "外卖送餐员")} <= got
    # a group merely named beside a program is not its target
    assert "TARGETS" not in types_in(nlp, "市总工会推出“暖心驿站”项目。农民工、快递员是城市的建设者。")


def test_targets_a_program_trains_grows_or_helps(nlp):
    got = rels(nlp, "“新八级工”制度壮大企业高技能人才队伍。市总开展“再救助”活动，对因病致困职工给予救助。")
    assert {("“新八级工”制度", "TARGETS", "高技能人才"), ("“再救助”活动", "TARGETS", "因病致困职工")} <= got


def test_targets_of_an_activity_referred_to_in_a_later_sentence(nlp):
    got = rels(nlp, "市总工会推出“暖心驿站”项目。项目实施两年以来，累计覆盖快递员3万人次。")
    assert ("“暖心驿站”项目", "TARGETS", "快递员") in got
    got = rels(nlp, "区总工会启动“春风行动”。本次活动面向农民工提供岗位。")
    assert ("春风行动", "TARGETS", "农民工") in got
    assert "TARGETS" not in types_in(nlp, "区总工会启动“春风行动”。农民工表示满意。")  # no reference, no cue


def test_a_meeting_held_jointly_is_named_from_its_holders_who_organize_it(nlp):
    doc = nlp("11月20日，江苏省政府与省总工会2025年度联席会议在南京召开。")
    from graphbuild.nlp.components.resolver import ENTITIES

    ents = {(e.name, e.label) for e in doc.user_data[ENTITIES]}
    meeting = "江苏省政府与省总工会2025年度联席会议"
    assert {(meeting, "Event"), ("江苏省政府", "Organization"), ("江苏省总工会", "Union"), ("江苏省", "Place")} <= ents
    got = {(r.head, r.type, r.tail) for r in relations(doc)}
    assert {("江苏省政府", "ORGANIZES", meeting), ("江苏省总工会", "ORGANIZES", meeting)} <= got


def test_the_leading_subject_partners_with_those_it_joins_later_in_the_sentence(nlp):
    def partners(text: str) -> set[frozenset]:
        return {frozenset((h, t)) for h, r, t in rels(nlp, text) if r == "PARTNERS_WITH"}

    got = partners("通化市总工会第一时间向企业推介服务政策，并联合东昌区总工会、吉林银行东昌支行上门服务。")
    assert {frozenset(("通化市总工会", "东昌区总工会")), frozenset(("通化市总工会", "吉林银行东昌支行"))} <= got
    # another body between the subject and the verb: not the subject's partnership
    assert frozenset(("通化市总工会", "吉林银行东昌支行")) not in partners(
        "通化市总工会表示，东昌区总工会将联合吉林银行东昌支行上门服务。"
    )


def test_an_event_held_by_a_place_as_subject_is_located_there(nlp):
    got = rels(nlp, "本报讯 11月，浙江举办第三届全国快递职业技能竞赛。")
    assert ("第三届全国快递职业技能竞赛", "LOCATED_IN", "浙江省") in got
    assert "LOCATED_IN" not in types_in(nlp, "记者走访发现，浙江企业举办了第三届技能竞赛。")  # not the subject


def test_a_department_head_works_at_the_body_not_at_its_department(nlp):
    doc = nlp("吉林省总工会权益保障部部长王丽华告诉记者。")
    from graphbuild.nlp.components.resolver import ENTITIES

    assert "吉林省总工会权益保障部" not in {e.name for e in doc.user_data[ENTITIES]}
    assert ("王丽华", "WORKS_AT", "吉林省总工会") in {(r.head, r.type, r.tail) for r in relations(doc)}


def test_the_leading_subject_after_a_dateline_or_a_purpose_clause_organizes(nlp):
    got = rels(nlp, "本报讯（记者张三）11月20日，沈阳市总采取线上线下结合的方式，开展“工匠讲堂”“名师课堂”等活动。")
    assert {("沈阳市总工会", "ORGANIZES", "工匠讲堂"), ("沈阳市总工会", "ORGANIZES", "名师课堂")} <= got
    got = rels(nlp, "为方便技能人才开展跨界交流，沈阳市总走进企业和学校，开展“工匠讲堂”活动。")
    assert ("沈阳市总工会", "ORGANIZES", "“工匠讲堂”活动") in got


def test_organizing_verbs_that_add_or_extend_a_service(nlp):
    got = rels(nlp, "威海市总工会累计投入100万元资金，为户外劳动者驿站增设“云问诊”配套服务。")
    assert ("威海市总工会", "ORGANIZES", "“云问诊”配套服务") in got or ("威海市总工会", "ORGANIZES", "云问诊") in got


def test_people_and_opening_bodies_of_a_sentence_set_in_the_activity_named_before(nlp):
    text = (
        "近日，“劳模工匠进企业”活动在克拉玛依举行。"
        "当天的活动中，新疆油田公司和克拉玛依石化公司聘请3名劳模为技术顾问。正是这次活动，让王建军和李明再次重逢。"
    )
    got = rels(nlp, text)
    act = next(t for h, r, t in got if r == "PARTICIPATES_IN")
    assert {(w, act) for w in ("新疆油田公司", "克拉玛依石化公司", "王建军", "李明")} <= {
        (h, t) for h, r, t in got if r == "PARTICIPATES_IN"
    }
    assert "PARTICIPATES_IN" not in types_in(nlp, "近日，“劳模工匠进企业”活动举行。王建军和李明再次重逢。")


def test_a_later_reference_means_every_activity_held_as_one_with_the_named_one(nlp):
    text = (
        "近日，“津冀劳模结对”系列活动暨“工匠送技”活动在天津启动。"
        "本次活动由天津市总工会主办、天津港集团工会承办。当天的活动中，王建军和李明交流了经验。"
    )
    got = rels(nlp, text)
    acts = {t for h, r, t in got if r == "ORGANIZES" and h == "天津市总工会"}
    assert len(acts) == 2 and any("工匠送技" in a for a in acts) and any("津冀劳模结对" in a for a in acts)
    assert {("李明", a) for a in acts} <= {(h, t) for h, r, t in got if r == "PARTICIPATES_IN"}
    # two activities merely listed are not one happening
    listed = rels(nlp, "近日，“津冀劳模结对”活动和“工匠送技”活动在天津启动。本次活动由天津市总工会主办。")
    assert len({t for h, r, t in listed if r == "ORGANIZES" and h == "天津市总工会"}) == 1


def test_a_person_found_once_is_that_person_wherever_the_name_is_written(nlp):
    from graphbuild.nlp.components.resolver import ENTITIES

    doc = nlp("高兴亮是一名煤矿工人。师傅却是同一个人——大国工匠、兴隆庄煤矿综采车间副主任高兴亮。")
    [person] = [e for e in doc.user_data[ENTITIES] if e.label == "Person"]
    assert person.name == "高兴亮" and len(person.mentions) == 2
    # a two-character name written inside words is not the person (技艺高超)
    doc = nlp("山东能源集团钳工高超拜高兴亮为师。高兴亮的技艺高超，被誉为大国工匠。")
    [gao] = [e for e in doc.user_data[ENTITIES] if e.name == "高超"]
    assert gao.mentions == [(8, 10)]


def test_mentors(nlp):
    got = rels(nlp, "2010年，张小军拜王建国为师，学习技术。")
    assert ("王建国", "MENTORS", "张小军") in got


def test_participates(nlp):
    got = rels(nlp, "赵明亮参加第五届全国职工职业技能大赛并获奖。")
    assert ("赵明亮", "PARTICIPATES_IN", "第五届全国职工职业技能大赛") in got


@pytest.mark.parametrize("text", ["山东省委常委、省总工会主席徐海荣提出。", "由宿州市总工会、蚌埠市总工会主办的第一届竞赛举行。"])
def test_every_relation_respects_the_schema(nlp, text):
    doc = nlp(text)
    types = {s.id_: s.label_ for s in doc.spans["entities"]}
    for r in relations(doc):
        if r.head in types and r.tail in types:
            assert allowed(r.type, types[r.head], types[r.tail])


def _pair(got: set[tuple], a: str, b: str) -> bool:
    return (a, "PARTNERS_WITH", b) in got or (b, "PARTNERS_WITH", a) in got


def test_partners_a_joins_b_and_c_all_pairs(nlp):
    got = rels(nlp, "临沂市总工会联合市人社局、市财政局开展“沂蒙工匠”评选。")
    for a, b in (("临沂市总工会", "临沂市人社局"), ("临沂市总工会", "临沂市财政局"), ("临沂市人社局", "临沂市财政局")):
        assert _pair(got, a, b), (a, b, got)
    # the union and the verb joining it were not glued into one body
    assert not any("联合" in h for h, _, _ in got)


def test_partners_a_with_b_cooperating(nlp):
    got = rels(nlp, "徐工集团与中国矿业大学建立产学研合作，攻克技术难题。")
    assert _pair(got, "徐工集团", "中国矿业大学"), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("焊工张建国在第二届全国技能大赛中获得金牌。", {("张建国", "PARTICIPATES_IN", "第二届全国技能大赛")}),
        (
            "宁波市总工会“甬工课堂”项目走进社区，吸引京东物流、顺丰速运等单位职工参加。",
            {("京东物流", "PARTICIPATES_IN", "“甬工课堂”项目"), ("顺丰速运", "PARTICIPATES_IN", "“甬工课堂”项目")},
        ),
        ("徐工集团的“提质增效”百日劳动竞赛持续开展。", {("徐工集团", "ORGANIZES", "“提质增效”百日劳动竞赛")}),
        ("近日，常州市总工会采取线上线下结合的方式，开展“常工讲堂”活动。", {("常州市总工会", "ORGANIZES", "“常工讲堂”活动")}),
        ("湖北开展新就业形态劳动者入会集中行动。", {("新就业形态劳动者入会集中行动", "TARGETS", "新就业形态劳动者")}),
        (
            "大唐国际发电股份有限公司张家口发电厂着力推进改革。大唐张家口发电厂工会主席王刚介绍。",
            {("大唐张家口发电厂工会", "PART_OF", "大唐国际发电股份有限公司张家口发电厂")},
        ),
        ("瓦工李建成长为全国劳动模范、大国工匠。", {("李建", "AWARDED", "全国劳动模范"), ("李建", "AWARDED", "大国工匠")}),
    ],
    ids=[
        "prize-at-a-contest",
        "bodies-drawn-to-a-program",
        "a-bodys-own-contest",
        "the-sentences-leading-subject",
        "group-named-inside-a-program",
        "union-of-a-company-by-its-short-name",
        "award-by-becoming",
    ],
)
def test_relation_rules_on_sentences_of_the_genre(nlp, text: str, expected: set[tuple]) -> None:
    got = rels(nlp, text)
    assert expected <= got, got


def test_union_acts_not_the_company_in_its_name_and_bare_company_union(nlp):
    got = rels(nlp, "徐工集团工会在全员中推行“金点子”项目。")
    assert ("徐工集团工会", "ORGANIZES", "“金点子”项目") in got and not any(
        h == "徐工集团" and t == "ORGANIZES" for h, t, _ in got
    )
    got = rels(nlp, "三一重工公司工会主席李明介绍情况。为此，公司工会推出关爱职工“暖心工程”。")
    assert ("三一重工公司工会", "ORGANIZES", "“暖心工程”") in got or ("三一重工公司工会", "ORGANIZES", "暖心工程") in got, got
