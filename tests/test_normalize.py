"""Normalization keeps a map back to the original offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.corpus.articles import articles_from_text
from graphbuild.corpus.normalize import normalize
from graphbuild.corpus.segment import split_articles

chinese = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
pieces = st.one_of(
    st.text(chinese, min_size=1, max_size=30),
    st.sampled_from(
        [
            ",",
            "(",
            ")",
            ":",
            ";",
            "!",
            "?",
            "\n\n",
            "\n",
            " ",
            "“",
            "”",
            "。",
            "，",
            "１２",
            "ＡＢ",
            "…",
            "①",
            "\r\n",
            "\u3000",
            "會議",
            "總工會",
        ]
    ),
    st.text(max_size=5),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(pieces, max_size=40).map("".join), st.data())
def test_every_normalized_span_maps_back_to_its_original_substring(text, data):
    t = normalize(text)
    assert len(t.starts) == len(t.text) == len(t.ends)
    if not t.text:
        return
    s = data.draw(st.integers(0, len(t.text) - 1))
    e = data.draw(st.integers(s + 1, len(t.text)))
    os_, oe = t.original_span(s, e)
    assert 0 <= os_ < oe <= len(text)
    # every normalized char comes from inside the original span, in order
    for i in range(s, e):
        assert os_ <= t.starts[i] < t.ends[i] <= oe
    assert list(t.starts) == sorted(t.starts)


def test_ascii_punctuation_becomes_full_width_next_to_chinese():
    assert normalize("会议,(山东)说:好!").text == "会议，（山东）说：好！"
    assert normalize("9:20 and 1,000").text == "9:20 and 1,000"


def test_traditional_becomes_simplified_char_for_char():
    t = normalize("山東省總工會")
    assert t.text == "山东省总工会" and t.original_span(3, 6) == (3, 6)


def test_layout_break_inside_a_sentence_is_repaired():
    page = "会议召开了。\n\n淄博市人大常委会副主任、市总工会主\n\n席王义朴说,市总按照要求推进工作,取得了很多很多的成效。"
    t = normalize(page)
    i = t.text.index("主席王义朴")
    assert t.original_text(i, i + 5) == "主\n\n席王义朴"


def test_a_subheading_inside_an_article_keeps_it_whole_but_ends_its_sentence():
    page = (
        "本报讯 县总工会召开会议，部署全年工作。\n\n以技能竞赛促“提升” 搭建职工成长舞台\n\n"
        "县总工会联合县人社局举办技能竞赛，取得了很多很多的成效。"
    )
    t = normalize(page)
    assert "舞台\n县总工会" in t.text
    assert len(split_articles(t.text)) == 1
    # a line the layout cut keeps being joined without a break
    assert "主席王义朴" in normalize("会议召开了。\n\n市总工会主\n\n席王义朴说，市总推进工作，取得了很多很多的成效。").text


def test_a_subheading_of_two_parallel_phrases_before_a_dated_paragraph_ends_its_sentence():
    page = "本报讯 市总工会召开会议，部署全年工作很多很多很多。\n\n延伸手臂，彰显工会温度\n\n2020年开始，市总工会建立服务制度，成效很好很好很好。"
    assert "温度\n2020年" in normalize(page).text


def test_headlines_are_not_joined_to_the_lead():
    page = "山东省委常委、省总工会主席徐海荣提出\n\n组织动员广大产业工人建功立业\n\n本报讯(记者田国奎)11月29日,会议召开。"
    t = normalize(page)
    assert "提出\n\n组织" in t.text and "立业\n\n本报讯" in t.text


def test_a_headline_ending_on_a_quoted_name_is_a_headline():
    page = (
        "宁波市总工会推出“甬工惠”服务 劳动者有了“暖心家”\n\n本报讯 市总工会推出服务，很多很多很多很多很多很多很多很多的职工受益。"
    )
    assert [a.title for a in split_articles(normalize(page).text)] == ["宁波市总工会推出“甬工惠”服务 劳动者有了“暖心家”"]


def test_page_splits_into_articles_with_titles():
    page = "标题甲\n\n本报讯 正文甲。\n\n标题乙\n\n副题乙\n\n本报讯 正文乙很长很长很长很长很长很长很长很长很长很长很长很长。"
    arts = split_articles(normalize(page).text)
    assert [a.title for a in arts] == ["标题甲", "标题乙 副题乙"]


def test_a_lone_heading_before_a_paragraph_that_refers_back_is_a_section_not_a_story():
    page = (
        "东方机械厂着力推进改革\n\n本报记者 张三\n\n近年来，东方机械厂推进改革，职工技能提升很快很快很快很快。\n\n"
        # (each heading is followed by a paragraph the layout cut short, so it is not joined to it)
        "赛训结合帮职工提素\n\n该厂注重以赛促训、以训促学，赛训结\n\n合助力职工技能提升，成效很好很好很好。\n\n"
        "工会培训帮就业\n\n近日，在徐州市工人文化宫内，老师给学员\n\n们讲授技能，学员们学得很认真很认真。"
    )
    assert [a.title for a in split_articles(normalize(page).text)] == ["东方机械厂着力推进改革", "工会培训帮就业"]
    # a section opening with its verb, and the story's own box, are the story's too
    page = page.replace("该厂注重", "充分利用政策").replace("赛训结合帮职工提素", "阅读提示")
    assert [a.title for a in split_articles(normalize(page).text)] == ["东方机械厂着力推进改革", "工会培训帮就业"]


def test_article_offsets_point_into_the_original_file():
    page = "标题\n\n本报讯(记者张三)山东省总工会开会,很好。"
    [art] = list(articles_from_text(page))
    i = art.text.index("山东省总工会")
    s, e = art.original_span(i, i + 6)
    assert page[s:e] == "山东省总工会"
