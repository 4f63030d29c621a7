"""Lexicon matcher: ``{label, pattern, id}`` JSONL files, ``id`` the canonical
entity (and ``full`` for an abbreviation that is the full name's alias only
where the article writes both); plus award and group shapes so that unseen ones are found
(辽宁省劳模 → 辽宁省劳动模范, 长沙工匠, 国家电网公司劳动模范).

>>> import spacy, graphbuild.nlp.components.places  # registers gb_places
>>> nlp = spacy.blank("zh"); _ = nlp.add_pipe("gb_places"); _ = nlp.add_pipe("gb_lexicon")
>>> from graphbuild.nlp.candidates import cands
>>> sorted(c.name for c in cands(nlp("他是全国劳模、辽宁省劳模、长沙工匠")) if c.label == "Award")
['全国劳动模范', '辽宁省劳动模范', '长沙工匠']
"""

from __future__ import annotations

import json
import re
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc

from graphbuild.nlp.candidates import Cand, cands, text_of
from graphbuild.nlp.gazetteer import rules
from graphbuild.nlp.words import alternation

LEXICONS = ("awards.jsonl", "groups.jsonl", "bodies.jsonl", "programs.jsonl")
_EXPAND = {"劳模": "劳动模范"}


# honors that name no one until a field or employer is put before them
_GENERIC_HONORS = {"先进个人", "先进工作者", "劳动模范"}
_HONOR_FIELD = re.compile(r"(?:评为|荣获|获得|获评|授予|\d年度?|、)([\u4e00-\u9fff]{2,8})$")


_PRIZE = re.compile(
    r"(?:荣获|获得|获评|分获|摘得|斩获|荣膺|被授予|授予|获)(?:了)?(?:[^，。；：“”]{0,16}[的、])?"
    r"(?P<name>(?![得了])[\u4e00-\u9fff]{3,14}?(?:大奖|奖))(?![\u4e00-\u9fff])"
)
# an honor conferred on a body or person: 获评全国最美工会户外劳动者服务站, 被评为全省先进职工之家
_CONFERRED = re.compile(
    r"(?:获评|被评为|评为|荣获|被授予|授予)(?P<name>(?:全国|全省|全市|省级|市级|国家级)(?:最美|优秀|先进|示范|模范)[\u4e00-\u9fff]{2,14}?)"
    r"(?=[，。；、,;]|称号|荣誉)"
)
_MASTER = re.compile(r"(?P<name>中国[\u4e00-\u9fff]{2,6}大师)")
_MOST_TITLE = re.compile(r"(?P<name>(?:最美|最暖)(?:个人|集体|职工|员工|家庭|工匠|快递员|骑手|司机|劳动者|志愿者|班组|驿站))")
# grades and plain words, not honors: 一等奖, 优秀奖, 奖励
_NOT_PRIZE = re.compile(r"^(?:[一二三四五六七八九十特]等奖|优秀奖|鼓励奖|金奖|银奖|铜奖)$|.*(?:奖励|奖金|奖品)$")


def load_patterns(names: tuple[str, ...] = LEXICONS) -> list[dict]:
    rows = []
    root = resources.files("graphbuild.nlp").joinpath("lexicons")
    for n in names:
        for line in root.joinpath(n).read_text("utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows


@Language.factory("gb_lexicon")
def make_lexicon(nlp: Language, name: str) -> LexiconMatcher:
    return LexiconMatcher()


class LexiconMatcher:
    def __init__(self) -> None:
        self.rows = {r["pattern"]: r for r in load_patterns()}
        self.regex = re.compile(alternation(self.rows))
        # groups again on their own: inside a longer lexicon name they are still
        # mentioned (新就业形态劳动者入会集中行动 is aimed at 新就业形态劳动者)
        self.groups = re.compile(alternation(p for p, r in self.rows.items() if r["label"] == "Group"))
        r = rules()
        heads = alternation(r["award_heads"])
        nick = alternation(r["region_nicknames"])
        self.award_after = re.compile(rf"(?:全国|省级|市级|县级)?({heads})")
        # 煤炭行业技术能手: an industry's own honor
        self.industry_award = re.compile(
            r"(?<![\u4e00-\u9fff]{3})[\u4e00-\u9fff]{2,4}行业(技术能手|技能大师|首席技师|劳动模范|工匠)"
        )
        self.local_heads = r"(杰出工匠|工匠|技术能手|技能大师|劳动模范|劳模)"
        self.nick_award = re.compile(rf"(?<![\u4e00-\u9fff])?({nick})(工匠|劳动奖章|劳动奖状|技术能手|首席技师)")

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        out = cands(doc)
        for m in self.regex.finditer(text):
            row = self.rows[m.group()]
            c = Cand(m.start(), m.end(), row["label"], row.get("id") or m.group(), "lexicon")
            if c.name != m.group():
                c.aliases.add(m.group())
            out.append(c)
        # an abbreviation (a row's "full") is the full name's alias where the article
        # also writes that name, and its own name where it does not (“产改” alone)
        found = {c.name for c in out}
        for c in out:
            full = self.rows.get(text[c.start : c.end], {}).get("full")
            if full and full in found and c.name != full:
                c.aliases.add(c.name)
                c.name = full
        # a generic honor takes the field or employer that names it, back to the
        # verb or year before it: 荣获安全生产先进个人, 被授予国家电网公司劳动模范称号
        for c in out:
            if c.label == "Award" and c.name in _GENERIC_HONORS:
                m = _HONOR_FIELD.search(text, max(0, c.start - 14), c.start)
                if m and not re.search(r"[的和与及等是了在为得]", m.group(1)):
                    c.aliases.add(c.name)
                    c.start, c.name = m.start(1), m.group(1) + c.name
        taken = {(c.start, c.end) for c in out}
        for m in self.groups.finditer(text):
            if (m.start(), m.end()) not in taken:
                row = self.rows[m.group()]
                out.append(Cand(m.start(), m.end(), "Group", row.get("id") or m.group(), "lexicon"))
        # place-prefixed awards: 辽宁省劳模, 长沙工匠, 湖南省五一劳动奖章
        for c in [c for c in out if c.label == "Place"]:
            m = self.award_after.match(text, c.end)
            # (山东劳模工匠: model workers and craftsmen, a group, not an honor)
            if (
                m
                and not text.startswith(("工匠人才", "工匠精神", "工匠学院", "工匠联盟", "工匠型"), m.start())
                and not (m.group(1) == "劳模" and text.startswith("工匠", m.end()))
            ):
                head = m.group(1)
                name = text[c.start : c.end] + _EXPAND.get(head, head)
                a = Cand(c.start, m.end(), "Award", name, "award")
                a.aliases.add(text[c.start : m.end()])
                out.append(a)
        for m in self.industry_award.finditer(text):
            out.append(Cand(m.start(), m.end(), "Award", m.group(), "award"))
        # 肥西杰出工匠, 南海工匠: a county named in full elsewhere in the article,
        # by its two-character short form, before an honor's head
        shorts = {
            c.name[:-1]
            for c in out
            if c.label == "Place" and len(c.name) == 3 and c.name.endswith(("县", "区", "市")) and c.name[:-1] not in self.rows
        }
        if shorts:
            rx = re.compile(rf"({alternation(shorts)}){self.local_heads}(?!杯|赛)")
            awards = {(c.start, c.end) for c in out if c.label == "Award"}
            for m in rx.finditer(text):
                if (m.start(), m.end()) not in awards:
                    out.append(Cand(m.start(), m.end(), "Award", m.group(), "award"))
        # honors by their shape: a prize after the verb that confers it (分获…的职工技术创新优秀成果奖),
        # a national master (中国工艺美术大师), the genre's 最美/最暖 titles (最美个人, 最暖集体)
        for rx in (_PRIZE, _MASTER, _MOST_TITLE, _CONFERRED):
            for m in rx.finditer(text):
                name = m.group("name")
                if len(name) >= 4 and not _NOT_PRIZE.match(name):
                    out.append(Cand(m.start("name"), m.end("name"), "Award", name, "award"))
        for m in self.nick_award.finditer(text):
            if text.startswith(("工匠人才", "工匠精神", "工匠学院", "工匠联盟"), m.start(2)):
                continue
            out.append(Cand(m.start(), m.end(), "Award", m.group(), "award"))
        return doc
