"""Relations between the entities of one article, each with its sentence.

Every relation type's rules live in one function here (``_works_at``,
``_awarded`` …), driven by the cue words in ``patterns/relations.json``; the
schema module decides which head and tail types are allowed, so nothing
outside the allowed pairs is emitted.

>>> from graphbuild.nlp.pipeline import load
>>> doc = load()("山东省委常委、省总工会主席徐海荣提出。")
>>> sorted((r.head, r.type, r.tail, r.title) for r in relations(doc) if r.type == "WORKS_AT")
[('徐海荣', 'WORKS_AT', '山东省委', '常委'), ('徐海荣', 'WORKS_AT', '山东省总工会', '主席')]
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from itertools import chain, combinations
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc, Span

from graphbuild.nlp.candidates import text_of
from graphbuild.nlp.components.bodies import PARTNER_VERBS
from graphbuild.nlp.components.resolver import COMPANY_FORM, ENTITIES, NAMES_NO_PLACE, PART_OF, Entity
from graphbuild.nlp.gazetteer import gazetteer
from graphbuild.nlp.words import alternation
from graphbuild.schema import BODIES, allowed

RELATIONS = "gb_relations"
T = TypeVar("T")
_SENT = re.compile(r"[^。！？!?；\n]+[。！？!?；]?")
# heads that make "X工会" the union of body X, and those of them that make X a company
_ENTERPRISE_HEADS = ("公司", "集团", "厂", "矿", "银行", "项目", "电厂")
_OWNER_HEADS = (*_ENTERPRISE_HEADS, "院", "中心", "大学", "学院", "局")
# the head of a union, association or alliance named after its company
_BODY_HEAD = r"(?:职工|员工)?(?:工会(?:委员会)?|技术协会|职工技协|技协|协会|工匠联盟|联盟)"
_YEAR = re.compile(r"((?:19|20)\d{2})年")


@dataclass(frozen=True)
class Relation:
    head: str
    type: str
    tail: str
    start: int  # sentence span in the doc
    end: int
    title: str | None = None
    year: int | None = None


# what may open a sentence before its subject: the dateline and the date (本报讯（记者…）11月20日，)
_DATELINE = re.compile(r"(?:本报讯\s*)?(?:[（(][^）)]{0,30}[）)])?[\d年月日号，、\s]*")
# a reference to the activity named before: 本次活动, 该项目, 这一机制; a bare 项目 opening the sentence
_THIS = "本次|此次|这次|该|此项|这项|这一|上述"
_HAPPENING_WORDS = "活动|竞赛|比赛|大赛|会议|论坛|培训|宣讲|讲座|仪式"
_ACTIVITY_WORDS = f"项目|行动|计划|工程|机制|服务|{_HAPPENING_WORDS}"
_ACTIVITY_REFERENCE = re.compile(rf"(?:{_THIS})(?:{_ACTIVITY_WORDS})")
# the scope or count between a cue and its group: 向全市2.5万余名新就业形态劳动者
_GROUP_MODIFIER = re.compile(r"(?:广大|全市|全省|全区|全县|全国|辖区内?|[\d.]+万?余?(?:名|人次|位)|近|约|超|共)$")
# a sentence that is an exhortation or has a plural, generic subject of its own (not one it has act:
# 组织各级工会…开展 is the carried subject's doing)
_OWN_SUBJECT = re.compile(
    r"\s*(?:要|必须|应当|应|需要|务必)"
    r"|[^，。；]{0,8}?(?<!组织)(?<!指导)(?<!带动)(?<!推动)(?<!引导)(?:各级工会|基层工会|全市工会|全省工会|全县工会|各地工会|各单位|各地)"
)
# 将 … 纳入/列入: one's own activity put into a plan or a list
_PUT_INTO = re.compile(r"将(?=[^，。；]{2,30}?(?:纳入|列入)(?:年度|工作|重点|全年)?[^，。；]{0,6}?(?:计划|规划|任务|清单))")
# a verb that has another body act: 指导X开展…, 推动X建立…
_CAUSATIVE = re.compile(r"(?:指导|帮助|推动|引导|督促|支持|鼓励|带动|协助)$")
# a reporting clause opening a sentence: 据国网冀北电力有限公司工会副主席郝永华介绍，
_REPORTED = re.compile(r"据[^，。；]{2,40}?(?:介绍|了解|表示|称|说|透露|统计)[，,]")
# the word for an activity in a reference to it, the last of its words (本次活动, 此次服务月活动, 参加培训)
_REFERRED_NOUN = re.compile(rf"(?:{_THIS}|当天的|参加|参与|出席)了?(?:[\u4e00-\u9fff]{{0,3}}?({_ACTIVITY_WORDS}))+")
# taking part in the activity named before, by a plain word for it (刘壮参加培训后…)
_JOINED_IT = re.compile(rf"(?:参加|参与|出席)了?(?:启动)?(?:{_HAPPENING_WORDS})")
# what may open a sentence before a list of its subjects: 本报讯…11月20日，据悉，
_LIST_OPENING = re.compile(rf"(?:{_DATELINE.pattern})(?:(?:据悉|据了解|同时|此外|近年来|目前)[，,]?)?")
# a sentence set in the activity named before
_AT_THE_ACTIVITY = re.compile(r"(?:当天的|这次|本次|此次)(?:活动|培训|比赛|竞赛)(?:中|上|现场)?[，,]|正是(?:这次|本次|此次)活动")
_OPENING_REFERENCE = re.compile(r"\s*项目(?:实施|开展|启动)")


def _refers_to_activity(sentence: str) -> bool:
    return bool(_ACTIVITY_REFERENCE.search(sentence) or _OPENING_REFERENCE.match(sentence))


def cues() -> dict[str, list[str]]:
    return json.loads(resources.files("graphbuild.nlp").joinpath("patterns/relations.json").read_text("utf-8"))


def _alt(words: list[str]) -> re.Pattern:
    return re.compile(alternation(words))


# what someone does at an event they took part in (…在X中获奖, 在X上发言)
_TOOK_PART = r"(?:获奖|获得|荣获|夺得|摘得|取得|斩获|夺冠|发言|致辞|讲话|作报告|亮相|展示|比拼|竞技|脱颖而出)"


@Language.factory("gb_relations")
def make_relations(nlp: Language, name: str) -> RelationExtractor:
    return RelationExtractor()


def relations(doc: Doc) -> list[Relation]:
    return doc.user_data.get(RELATIONS, [])


class RelationExtractor:
    def __init__(self) -> None:
        c = cues()
        self.org_verbs = _alt(c["organize_verbs"])
        self.partner = _alt(c["partner_cues"])
        self.participate = _alt(c["participate_verbs"])
        self.award_verbs = _alt(c["award_verbs"])
        self.target = c["target_cues"]
        self.located = _alt(c["located_verbs"])
        self.titles = c["title_words"]
        self.gaz = gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        spans = list(doc.spans.get("entities", []))
        out: dict[tuple, Relation] = {}
        known = {(e.label, a): e.name for e in doc.user_data.get(ENTITIES, []) for a in (*e.aliases, e.name)}
        self._subject: Span | None = None
        self._enterprises = [e.name for e in doc.user_data.get(ENTITIES, []) if e.label == "Enterprise"]
        self._sentences = [m.span() for m in _SENT.finditer(text)]
        self._sentence_starts = [s for s, _ in self._sentences]
        # the article's places by every form they are written in, by first character, longest first
        self._place_forms = _by_first_char(
            (form, e.name) for e in doc.user_data.get(ENTITIES, []) if e.label == "Place" for form in (e.name, *e.aliases)
        )
        self._owners = _owners_by_name(text, spans, doc.user_data.get(ENTITIES, []))
        # the activity named last, with those held as one with it (A系列活动暨B活动)
        self._last_activities: list[Span] = []
        self._topic: list[Span] = []  # the article's first activity: what 本次活动 most often means
        self._named: list[tuple[Span, list[Span]]] = []  # every activity so far, with those held as one with it

        def add(
            head: Span | str,
            rel: str,
            tail: Span | str,
            sent: tuple[int, int],
            head_label: str | None = None,
            tail_label: str | None = None,
            **props: object,
        ) -> None:
            hl = head.label_ if isinstance(head, Span) else head_label
            tl = tail.label_ if isinstance(tail, Span) else tail_label
            # a name given as text (an enterprise union's owner) is the entity it names
            h = head.id_ if isinstance(head, Span) else known.get((hl, head), head)
            t = tail.id_ if isinstance(tail, Span) else known.get((tl, tail), tail)
            if h == t or not hl or not tl or not allowed(rel, hl, tl):
                return
            if rel == "PARTNERS_WITH" and h > t:
                h, t = t, h
            key = (h, rel, t)
            if key not in out:
                out[key] = Relation(h, rel, t, sent[0], sent[1], props.get("title"), props.get("year"))  # type: ignore[arg-type]

        for m in _SENT.finditer(text):
            s, e = m.start(), m.end()
            if not m.group().strip():
                continue
            ents = [sp for sp in spans if s <= sp.start_char and sp.end_char <= e]
            if not ents:
                continue
            sent = (s, e)
            self._works_at(text, ents, sent, add)
            self._works_at_after(text, ents, sent, add)
            self._awarded(text, ents, sent, add)
            self._located_in(text, ents, sent, add)
            self._part_of(text, ents, sent, add)
            self._organizes(text, ents, sent, add)
            self._owned_activities(text, ents, sent, add)
            acts_here = [e for e in ents if e.label_ in ("Program", "Event")]
            if acts_here:
                chains = _chains(text, acts_here)
                self._last_activities = chains[-1]
                self._topic = self._topic or chains[0]
                for chain in chains:
                    self._named += [(act, chain) for act in chain]
            self._participates(text, ents, sent, add)
            self._mentors(text, ents, sent, add)
            self._targets(text, ents, sent, add)
        self._places_part_of(doc, spans, add)
        self._located_by_name(text, spans, out, add)
        self._part_of_by_name(out, add)
        for child, parent, cs, _ in doc.user_data.get(PART_OF, []):
            sm = self._sentence_at(cs)
            if sm:
                add(
                    child,
                    "PART_OF",
                    parent,
                    sm,
                    head_label=_label_of(spans, child),
                    tail_label=_label_of(spans, parent),
                )
        doc.user_data[RELATIONS] = list(out.values())
        return doc

    def _referred(self, text: str, start: int, end: int) -> list[Span]:
        """What 本次活动 / 当天的培训 / 参加培训 in text[start:end] refers to: the activity
        named last whose name ends in that word, else the article's topic activity."""
        m = _REFERRED_NOUN.search(text, start, end)
        noun = m.group(1) if m else ""
        named = next((chain for act, chain in reversed(self._named) if noun and act.id_.endswith(noun)), None)
        return named or self._topic or self._last_activities

    # -- WORKS_AT: 省委常委、省总工会主席徐海荣; A公司工人、高级技师洪家光 ------------
    def _works_at(self, text: str, ents: list[Span], sent: tuple[int, int], add) -> None:  # noqa: ANN001
        persons = [e for e in ents if e.label_ == "Person"]
        bodies = [e for e in ents if e.label_ in BODIES]
        for p in persons:
            pos = p.start_char
            hops = 0
            while hops < 3:
                body = max(
                    (b for b in bodies if b.end_char <= pos and pos - b.end_char <= 12), key=lambda b: b.end_char, default=None
                )
                if body is None:
                    break
                gap = text[body.end_char : pos]
                title = gap.strip("、，的 ")
                if re.search(r"[，。；：“”（）]", gap) or any(
                    sp.label_ in ("Person", "Union", "Enterprise", "Organization") and body.end_char < sp.start_char < pos
                    for sp in ents
                ):
                    break
                if title and not any(title.endswith(t) for t in self.titles) and len(title) > 6:
                    break
                add(p, "WORKS_AT", body, sent, title=title or None)
                # an appositive chain: A常委、B主席徐海荣
                if text[body.start_char - 1 : body.start_char] == "、":
                    pos = body.start_char - 1
                    hops += 1
                    continue
                break

    def _works_at_after(self, text: str, ents: list[Span], sent: tuple[int, int], add) -> None:  # noqa: ANN001
        """P是/任/担任/现任 B(title): 邹彬是湖南省总工会兼职副主席; and lists:
        X、Y、Z等15位同志当选为中华全国总工会副主席."""
        persons = [e for e in ents if e.label_ == "Person"]
        for i, p in enumerate(persons):
            m = re.match(
                r"(?:等\d*[位名人]?(?:同志)?)?(?:还|也|曾|已|又|先后|同时)?(是|任|担任|现任|出任|兼任|当选为|当选|被选为|被任命为|任命为)",
                text[p.end_char : p.end_char + 12],
            )
            if not m:
                continue
            body = next((b for b in ents if b.label_ in BODIES and b.start_char == p.end_char + m.end()), None)
            if body is None:
                continue
            group = [p]
            for q in reversed(persons[:i]):
                if re.fullmatch(r"[、和与及]", text[q.end_char : group[0].start_char]):
                    group.insert(0, q)
                else:
                    break
            title = re.match(r"[\u4e00-\u9fff、]{1,10}", text[body.end_char : sent[1]])
            t = title.group() if title and any(title.group().endswith(w) for w in self.titles) else None
            for q in group:
                add(q, "WORKS_AT", body, sent, title=t)

    # -- AWARDED: 全国劳模邹彬; 荣获全国五一劳动奖章 --------------------------------
    def _awarded(self, text: str, ents: list[Span], sent: tuple[int, int], add) -> None:  # noqa: ANN001
        awards = [e for e in ents if e.label_ == "Award"]
        if not awards:
            return
        holders = [e for e in ents if e.label_ in BODIES | {"Person"}]
        year_m = _YEAR.search(text, sent[0], sent[1])
        year = int(year_m.group(1)) if year_m else None
        for a in awards:
            # honours for people go to people; 先锋号, 奖状, 工作室 … to bodies too
            for_bodies = bool(re.search(r"(先锋号|奖状|集体|示范|工作室|职工之家|文明|单位|班组|案例)", a.id_))
            cands = [h for h in holders if h.label_ == "Person" or for_bodies]
            # prefix form: 大国工匠高兴亮, 全国五一劳动奖章获得者陈金伟,
            # 大国工匠、某公司副主任高兴亮
            nxt = next((h for h in cands if h.label_ == "Person" and h.start_char >= a.end_char), None)
            if nxt is not None:
                gap = text[a.end_char : nxt.start_char]
                if re.fullmatch(r"(获得者|称号获得者)?", gap) or (
                    gap.startswith("、") and len(gap) <= 40 and not re.search(r"[，。；：“”]", gap)
                ):
                    add(nxt, "AWARDED", a, sent, year=year)
                    continue
            # verb form: holder … 荣获 … award
            for vm in self.award_verbs.finditer(text, sent[0], a.start_char):
                if a.start_char - vm.end() > 30:
                    continue
                before = [h for h in cands if h.end_char <= vm.start()]
                # 被全国总工会授予…: the body after 被 confers it; the holder comes before 被
                conferrer = next(
                    (h for h in holders if h.end_char == vm.start() and text[h.start_char - 1 : h.start_char] == "被"), None
                )
                if conferrer is not None:
                    before = [h for h in cands if h.end_char < conferrer.start_char]
                if before:
                    add(before[-1], "AWARDED", a, sent, year=year)
                break

    # -- LOCATED_IN: bodies named after places; 在X举办 --------------------------
    def _located_in(self, text: str, ents: list[Span], sent: tuple[int, int], add) -> None:  # noqa: ANN001
        places = [e for e in ents if e.label_ == "Place"]
        for b in ents:
            if b.label_ not in ("Union", "Organization"):
                continue
            inner = [p for p in places if b.start_char <= p.start_char and p.end_char <= b.end_char]
            chain = []
            pos = b.start_char
            for p in sorted(inner, key=lambda p: p.start_char):
                if p.start_char == pos:
                    chain.append(p)
                    pos = p.end_char
            if chain:
                # a body named after another (太原工人文化宫青年舞蹈团) takes no place from its name
                if b.id_ not in self._owners:
                    add(b, "LOCATED_IN", chain[-1], sent)
            elif b.id_ != text[b.start_char : b.end_char] and not NAMES_NO_PLACE.search(b.id_):
                # canonical name got its place from the article (市总工会 → 淄博市总工会)
                pm = self.gaz.regex.match(b.id_)
                prefix = None
                while pm:
                    prefix = pm.group()
                    pm = self.gaz.regex.match(b.id_, pm.end())
                if prefix:
                    add(b, "LOCATED_IN", self.gaz.canonical(prefix), sent, tail_label="Place")
        # a place written right before a company names where it stands (小庙镇运河新城|西城桂花苑工程项目部)
        for b in ents:
            if b.label_ == "Enterprise":
                at = [p for p in places if p.end_char == b.start_char]
                if at:
                    add(b, "LOCATED_IN", at[-1], sent)
        # 在X召开 / 在X举办: events and the bodies holding them
        for vm in self.located.finditer(text, sent[0], sent[1]):
            zai = text.rfind("在", sent[0], vm.start())
            if zai < 0 or vm.start() - zai > 25:
                continue
            where: list[Span | str] = [p for p in places if zai < p.start_char and p.end_char <= vm.start()]
            if not where:
                # 在市科技文化中心举行: a venue named after its city is in that city
                venue = next(
                    (b for b in ents if b.label_ in BODIES and b.start_char == zai + 1 and b.end_char <= vm.start()), None
                )
                pm = self.gaz.match(venue.id_) if venue is not None else None
                where = [self.gaz.canonical(pm.group())] if pm else []
            if not where:
                continue
            for ev in ents:
                if ev.label_ == "Event":
                    add(ev, "LOCATED_IN", where[-1], sent, tail_label="Place")
        # a place as the subject that holds them: 湖南举办首届“大国工匠·湖湘论坛”
        lead = next((p for p in places if p.start_char - sent[0] <= 12), None)
        if lead is not None:
            held = re.match(r"(?:先后|再次|首次|隆重|成功)?(?:举办|举行|召开|承办)", text[lead.end_char : sent[1]])
            if held and _DATELINE.fullmatch(text[sent[0] : lead.start_char]):
                for ev in ents:
                    if ev.label_ == "Event" and ev.start_char >= lead.end_char + held.end():
                        add(ev, "LOCATED_IN", lead, sent)

    def _located_by_name(self, text: str, spans: list[Span], out: dict, add) -> None:  # noqa: ANN001
        """SCHEMA's places inside a name, where no sentence gave them: a union or organization
        whose name starts with places of the article is in the last of them (新林镇工会联合会,
        where 新林镇 is no mention of its own inside it)."""
        located = {h for h, rel, _ in out if rel == "LOCATED_IN"}
        for b in _first_mentions(spans, ("Union", "Organization")):
            if b.id_ in located or b.id_ in self._owners or NAMES_NO_PLACE.search(b.id_):
                continue
            place = self._leading_place(b.id_) or self._leading_place(text[b.start_char : b.end_char])
            if place:
                add(b, "LOCATED_IN", place, self._sentence_at(b.start_char) or (b.start_char, b.end_char), tail_label="Place")

    def _part_of_by_name(self, out: dict, add) -> None:  # noqa: ANN001
        """A body named after another body of the article is part of it (中建七局总承包公司 →
        中建七局; 万洲电气工会 → 万洲电气), where no sentence said what it is part of."""
        parted = {h for h, rel, _ in out if rel == "PART_OF"}
        for name, (b, owner) in self._owners.items():
            if name not in parted:
                sent = self._sentence_at(b.start_char) or (b.start_char, b.end_char)
                add(b, "PART_OF", owner.name, sent, tail_label=owner.label)

    def _leading_place(self, name: str) -> str | None:
        """The last of the article's places written one after another at the start of ``name``."""
        pos, last = 0, None
        while True:
            form = next((f for f in self._place_forms.get(name[pos : pos + 1], ()) if name.startswith(f[0], pos)), None)
            if form is None or len(name) == pos + len(form[0]):
                return last
            pos, last = pos + len(form[0]), form[1]

    def _sentence_at(self, pos: int) -> tuple[int, int] | None:
        k = bisect.bisect_right(self._sentence_starts, pos) - 1
        return self._sentences[k] if k >= 0 and pos < self._sentences[k][1] else None

    # -- PART_OF: 中铝集团旗下沈阳铝镁设计研究院; X公司工会 -----------------------
    def _part_of(self, text: str, ents: list[Span], sent: tuple[int, int], add) -> None:  # noqa: ANN001
        bodies = sorted((e for e in ents if e.label_ in BODIES), key=lambda e: (e.start_char, e.end_char))
        for a, b in zip(bodies, bodies[1:]):
            gap = text[a.end_char : b.start_char]
            if gap in ("旗下", "下属", "所属", "直属", "的"):
                add(b, "PART_OF", a, sent)
            elif gap == "" and a.label_ == "Enterprise" and b.label_ in ("Organization", "Union"):
                add(b, "PART_OF", a, sent)  # 该厂刘斌创新工作室: a company's own studio
        # a body named after another body of the article: X公司工会, X公司工匠联盟
        names = {b.id_: b for b in bodies}
        for u in bodies:
            owner_span = max(
                (names[n] for n in names if n != u.id_ and u.id_.startswith(n) and len(n) >= 4),
                key=lambda b: len(b.id_),
                default=None,
            )
            if owner_span is not None:
                add(u, "PART_OF", owner_span, sent)
                continue
            if u.label_ not in ("Union", "Organization") or u.id_.endswith("总工会"):
                continue
            # the company of the article it is named after, by the company's short form:
            # 沈阳机床工会 → 沈阳机床集团, 北方重工技术协会 → 北方重工集团
            company = self._company_opening(u.id_)
            if company is not None:
                add(u, "PART_OF", company, sent, tail_label="Enterprise")
                continue
            owner = u.id_[:-2]
            if u.label_ == "Union" and u.id_.endswith("工会") and owner.endswith(_OWNER_HEADS):
                add(
                    u,
                    "PART_OF",
                    owner,
                    sent,
                    tail_label="Enterprise" if owner.endswith(_ENTERPRISE_HEADS) else "Organization",
                )

    def _company_opening(self, name: str) -> str | None:
        """The one enterprise of the article whose name, or short form, opens ``name``
        and leaves a body's head after it (工会, 技术协会, 工匠联盟)."""
        for cut in range(len(name) - 2, 3, -1):
            short, head = name[:cut], name[cut:]
            if not re.fullmatch(_BODY_HEAD, head):
                continue
            named = [
                n for n in self._enterprises if n == short or n.startswith(short) and COMPANY_FORM.fullmatch(n[len(short) :])
            ]
            if len(named) == 1:
                return named[0]
        return None

    # -- ORGANIZES and PARTNERS_WITH: 由A、B主办; A主办、B承办的X; A联合B开展; 本次活动由… --
    def _group_before(self, text: str, bodies: list[Span], pos: int, reach: int = 16) -> list[Span]:
        """The coordinated bodies (A、B和C) ending shortly before ``pos``."""
        before = [
            b
            for b in bodies
            # (按照全国总工会的要求和部署设立…: a body in a possessive is no subject; nor one after 在:
            # …活动在全总定点扶贫县开展)
            if b.end_char <= pos
            and pos - b.end_char <= reach
            and not re.search(r"[，。；：“”的]", text[b.end_char : pos])
            and text[b.start_char - 1 : b.start_char] != "在"
        ]
        if not before:
            return []
        group = [before[-1]]
        for b in reversed([b for b in bodies if b.end_char <= group[0].start_char]):
            gap = text[b.end_char : group[0].start_char]
            if re.fullmatch(r"[、和与及同]|联合|携手|会同|共同|联手|、?以及", gap):
                group.insert(0, b)
            else:
                break
        return group

    def _list_after(self, text: str, bodies: list[Span], pos: int, gap: int = 2) -> list[Span]:
        """The coordinated bodies (B、C和D) starting right after ``pos``."""
        first = next((b for b in bodies if pos <= b.start_char <= pos + gap), None)
        if first is None or re.search(r"[，。；：]", text[pos : first.start_char]):
            return []
        group = [first]
        for b in bodies:
            if b.start_char >= group[-1].end_char:
                between = text[group[-1].end_char : b.start_char]
                if re.fullmatch(r"[、和与及]|、?以及|当时的|、当时的", between):
                    group.append(b)
                elif between:
                    break
        return group

    def _partner_groups(self, text: str, bodies: list[Span], sent: tuple[int, int]) -> list[tuple[Span, Span]]:
        """Every pair of a body group acting together: A联合B、C (A, B and C all
        partners), A、B、C联合印发, A与B共同起草 / 建立…合作."""
        pairs: list[tuple[Span, Span]] = []
        for pm in self.partner.finditer(text, sent[0], sent[1]):
            before = self._group_before(text, bodies, pm.start(), reach=6)
            cue = pm.group()
            after = self._list_after(text, bodies, pm.end()) if cue in PARTNER_VERBS else []
            if len(before) == 1 and not after and cue in ("共同", "合作", "一道", "一起"):
                # A与B共同…: the 与 partner sits inside the clause before the cue
                m = re.search(r"(?:与|和|同)(?:当时的)?$", text[max(sent[0], before[0].start_char - 4) : before[0].start_char])
                head = [b for b in bodies if b.end_char <= before[0].start_char - (m.end() - m.start() if m else 0)]
                if m and head and before[0].start_char - head[-1].end_char <= 4:
                    before = [head[-1], *before]
            if not before and after:
                # 白山市总工会…推荐…，并联合A、B: the sentence's leading subject joins them
                lead = next((b for b in bodies if b.start_char - sent[0] <= 12), None)
                if (
                    lead is not None
                    and lead.end_char < pm.start()
                    and not any(lead.end_char <= b.start_char and b.end_char <= pm.start() for b in bodies)
                    and re.search(r"[，,]\s*(?:并|还|同时|并且)?$", text[lead.end_char : pm.start()])
                ):
                    before = [lead]
            group = [*before, *(b for b in after if b not in before)]
            if len(group) > 1 and (after or cue not in ("合作",)):
                pairs += list(combinations(group, 2))
        # A、B、C等单位(依托D、E等院校)建立…联盟: coordinated subjects founding something together,
        # with the bodies they draw on
        lead = self._leading_list(text, bodies, sent)
        if len(lead) > 1:
            rest = text[lead[-1].end_char : sent[1]]
            founded = re.search(r"建立|成立|组建|共建|搭建|签订|签署", rest)
            if founded and not re.search(r"分别|各自", rest[: founded.start()]):
                pairs += list(combinations(lead, 2))
                for m in re.finditer(r"依托|联合|携手|会同", rest[: founded.start()]):
                    pos = lead[-1].end_char + m.end()
                    drawn = [b for b in bodies if pos <= b.start_char < lead[-1].end_char + founded.start()]
                    pairs += [(a, b) for a in lead for b in drawn if b not in lead]
        # A与B建立…合作 / A与B合作: the cue a few characters after the pair
        for m in re.finditer(r"(?:与|和|同)", text[sent[0] : sent[1]]):
            pos = sent[0] + m.start()
            left = [b for b in bodies if b.end_char == pos]
            right = [b for b in bodies if b.start_char == pos + 1]
            if left and right and re.match(r"[^，。；]{0,8}?(合作|共建|签约|签署|结对)", text[right[0].end_char : sent[1]]):
                pairs.append((left[0], right[0]))
        return pairs

    def _leading_list(self, text: str, bodies: list[Span], sent: tuple[int, int]) -> list[Span]:
        """The bodies coordinated at the head of the sentence (据悉，A、B、C等单位…)."""
        first = next((b for b in bodies if b.start_char >= sent[0]), None)
        if first is None or not _LIST_OPENING.fullmatch(text[sent[0] : first.start_char]):
            return []
        group = [first]
        for b in bodies:
            if b.start_char >= group[-1].end_char:
                if re.fullmatch(r"[、和与及]|、?以及", text[group[-1].end_char : b.start_char]):
                    group.append(b)
                else:
                    break
        return group

    def _organizes(self, text: str, ents: list[Span], sent: tuple[int, int], add) -> None:  # noqa: ANN001
        acts = [e for e in ents if e.label_ in ("Program", "Event")]
        # the outermost bodies act: 华晨宝马公司工会推行…, not the company inside its union's name
        bodies = [
            e for e in ents
            if e.label_ in BODIES
            and not any(o.label_ in BODIES and o.start_char <= e.start_char and e.end_char <= o.end_char
                        and (o.start_char, o.end_char) != (e.start_char, e.end_char) for o in ents)
        ]  # fmt: skip
        # a verb inside a name (庆祝中国共产党成立100周年大会) is no one's action here
        # (A将X纳入年度计划: putting X into one's plan is running it; 将 stands for the verb)
        found = chain(self.org_verbs.finditer(text, sent[0], sent[1]), _PUT_INTO.finditer(text, sent[0], sent[1]))
        verbs = sorted(
            (v for v in found if not any(e.start_char <= v.start() < e.end_char for e in ents)), key=lambda v: v.start()
        )
        subjects: list[Span] = []
        you = -1
        if bodies and verbs:
            you = text.rfind("由", sent[0], verbs[0].start())
            if you >= 0:  # 由A、B、C主办，D承办
                clause_end = max((v.start() for v in verbs if v.start() - verbs[0].start() <= 60), default=verbs[0].start())
                # (not the venue: …共同主办的X在市科技文化中心举行)
                subjects = [
                    b for b in bodies if you < b.start_char and b.end_char <= clause_end and text[b.start_char - 1] not in "在于"
                ]
            else:
                # every verb's own subject: A主办、B承办; 湖南工会持之以恒深化拓展…
                for v in verbs:
                    for b in self._group_before(text, bodies, v.start()):
                        if b not in subjects:
                            subjects.append(b)
                    if text[v.start() : v.end()] in ("联合", "携手"):
                        subjects += [
                            b for b in bodies if b.start_char >= v.end() and b.start_char - v.end() <= 2 and b not in subjects
                        ]
        if not subjects and bodies and verbs:
            # the sentence's own subject, at its head (after a time phrase), governs
            # every verb in it: 大连市总采取…，…，开展“劳模工匠大讲堂”
            # (据X介绍，: the one reporting is not the one acting)
            reported = _REPORTED.match(text, sent[0], sent[1])
            head = reported.end() if reported else sent[0]
            lead = next((b for b in bodies if head <= b.start_char and b.start_char - head <= 24), None)
            # (a clause before it may have a verb of its own: 为方便技能人才开展跨界交流，大连市总采取…)
            verbs_after = [v for v in verbs if lead is not None and v.start() >= lead.end_char]
            if (
                lead is not None
                and verbs_after
                and (lead.end_char <= verbs[0].start() or text[head : lead.start_char].endswith("，") or reported)
                and not re.search(r"[。；：“”]", text[head : lead.start_char])
                and not text.startswith(("的", "之"), lead.end_char)
                and (
                    _DATELINE.fullmatch(text[head : lead.start_char])
                    or re.fullmatch(
                        r"[\d年月日起以来今近，、\s]*|[^，。；]{0,12}，|(?:为了?|围绕|针对|聚焦)[^，。；]{0,20}，",
                        text[head : lead.start_char],
                    )
                )
            ):
                subjects, verbs = [lead], verbs_after
        carried = False
        if subjects and not _CAUSATIVE.search(text, max(sent[0], subjects[0].start_char - 3), subjects[0].start_char):
            # (指导快递行业工会联合会开展…: the body guided acts here, but the sentence's own
            # subject, left out, is the one carried on)
            self._subject = subjects[0]
        elif (
            acts and verbs and self._subject is not None
            and not any(b.end_char <= verbs[0].start() for b in bodies)
            and "\n" not in text[self._subject.end_char : sent[0]]
            # (要深入推进…: an exhortation; 全市各级工会…: a subject of its own, though no entity)
            and not _OWN_SUBJECT.match(text, sent[0], verbs[0].start())
        ):  # fmt: skip
            subjects = [self._subject]  # subject carried from the sentence before, same paragraph
            carried = True
        # partners: coordinated subjects, and A与B联合/携手/合作
        apart = bool(subjects) and bool(re.match(r"[^，。；]{0,5}?(?:分别|各自)", text[subjects[-1].end_char : sent[1]]))
        if len(subjects) > 1 and not carried and not apart:  # (A、B分别开展…: each alone)
            for a, b in combinations(subjects, 2):
                add(a, "PARTNERS_WITH", b, sent)
        for a, b in self._partner_groups(text, bodies, sent):
            add(a, "PARTNERS_WITH", b, sent)
        if not subjects or not verbs:
            return
        targets = []
        first_v = verbs[0].start()
        for act in acts:
            # the activity follows a verb, or the verb follows it in a 由…主办 clause
            if act.start_char >= first_v or you >= act.end_char:
                targets.append(act)
        if not targets and self._last_activities and _ACTIVITY_REFERENCE.search(text, sent[0], sent[1]):
            targets = self._referred(text, sent[0], sent[1])  # 本次竞赛由A、B、C联合举办
        for act in targets:
            for sub in subjects:
                add(sub, "ORGANIZES", act, sent)

    def _owned_activities(self, text: str, ents: list[Span], sent: tuple[int, int], add) -> None:  # noqa: ANN001
        """A body's own program or contest, named right after it: 北方重工集团的
        “提产增效”百日劳动竞赛, 合肥市蜀山区总工会“跟着劳模学党史”进工地活动; or
        opening its name, jointly with another: 山东省政府与省总工会2024年度联席会议."""
        bodies = [e for e in ents if e.label_ in BODIES]
        for act in (e for e in ents if e.label_ in ("Program", "Event")):
            owner = next((b for b in bodies if b.end_char <= act.start_char and act.start_char - b.end_char <= 1), None)
            if owner is not None and text[owner.end_char : act.start_char] in ("", "的"):
                add(owner, "ORGANIZES", act, sent)
            # the bodies that open its name hold it jointly: 山东省政府与省总工会2024年度联席会议
            first = next((b for b in bodies if b.start_char == act.start_char and b.end_char < act.end_char), None)
            if first is not None and text[first.end_char : first.end_char + 1] in ("与", "和"):
                second = next((b for b in bodies if b.start_char == first.end_char + 1 and b.end_char < act.end_char), None)
                for holder in (first, second):
                    if holder is not None:
                        add(holder, "ORGANIZES", act, sent)

    # -- PARTICIPATES_IN: 参加 / 参与 -------------------------------------------
    def _participates(self, text: str, ents: list[Span], sent: tuple[int, int], add) -> None:  # noqa: ANN001
        acts = [e for e in ents if e.label_ in ("Program", "Event")]
        if not acts:
            # the people of a sentence set in the activity named before: 在当天的活动中，A和B…; 正是这次活动，让A和B重逢
            at = _AT_THE_ACTIVITY.search(text, sent[0], sent[1]) if self._last_activities else None
            if at is not None:
                # its people, and the bodies that open the clause after it (当天的活动中，A公司和B公司还聘请…)
                opening = self._list_after(text, [e for e in ents if e.label_ in BODIES], at.end())
                for w in [e for e in ents if e.label_ == "Person"] + opening:
                    for act in self._referred(text, at.start(), at.end()):
                        add(w, "PARTICIPATES_IN", act, sent)
            # A参加培训后…: the training is the activity named before
            for vm in _JOINED_IT.finditer(text, sent[0], sent[1]) if self._last_activities else ():
                who = [
                    e
                    for e in ents
                    if e.label_ in BODIES | {"Person"} and e.end_char <= vm.start() and vm.start() - e.end_char <= 2
                ]
                for w in who[-1:]:
                    for act in self._referred(text, vm.start(), vm.end()):
                        add(w, "PARTICIPATES_IN", act, sent)
            return
        holders = [e for e in ents if e.label_ in BODIES | {"Person"}]
        for vm in self.participate.finditer(text, sent[0], sent[1]):
            who = [h for h in holders if h.end_char <= vm.start() and vm.start() - h.end_char <= 10]
            what = [a for a in acts if a.start_char >= vm.end() and a.start_char - vm.end() <= 25]
            if not what:
                what = [
                    a
                    for a in acts
                    if a.end_char <= vm.start() and vm.start() - a.end_char <= 6 and text.find("的", a.end_char, vm.start()) < 0
                ]
                who = [h for h in holders if h.start_char >= vm.end() and h.start_char - vm.end() <= 12] if what else []
            for w in who[-1:] + [h for h in who[:-1] if text[h.end_char : who[-1].start_char] in ("、", "和", "与")]:
                for a in what[:1]:
                    add(w, "PARTICIPATES_IN", a, sent)
        # A在X中获奖 / 在X上发言: who took part in a contest or meeting
        for act in acts:
            if not re.match(
                r"[“”]?(?:决赛|复赛|比赛|开幕式|闭幕式|现场)?(?:中|上|里)?[^，。；]{0,6}?" + _TOOK_PART,
                text[act.end_char : sent[1]],
            ):
                continue
            at = text.rfind("在", sent[0], act.start_char)
            if at < 0 or act.start_char - at > 6:
                continue
            who = [
                h
                for h in holders
                if h.end_char <= at and at - h.end_char <= 12 and not re.search(r"[，。；]", text[h.end_char : at])
            ]
            for w in who[-1:]:
                add(w, "PARTICIPATES_IN", act, sent)
        # X吸引A、B、C等…参加: each body drawn in takes part in X
        for m in re.finditer(r"吸引", text[sent[0] : sent[1]]):
            pos = sent[0] + m.end()
            drawn = self._list_after(text, holders, pos)
            if not drawn or not re.search(r"参加|参与|参赛|加入", text[drawn[-1].end_char : sent[1]]):
                continue
            act = next((a for a in reversed(acts) if a.end_char <= pos - 2), None)
            for w in drawn if act is not None else []:
                add(w, "PARTICIPATES_IN", act, sent)

    # -- MENTORS: 拜A为师; 师傅A; A带徒B ------------------------------------------
    def _mentors(self, text: str, ents: list[Span], sent: tuple[int, int], add) -> None:  # noqa: ANN001
        persons = [e for e in ents if e.label_ == "Person"]
        if len(persons) < 2:
            return
        for a, b in zip(persons, persons[1:]):
            gap = text[a.end_char : b.start_char]
            if re.search(r"拜$|拜师$", gap) and text.startswith("为师", b.end_char):
                add(b, "MENTORS", a, sent)
            elif re.search(r"(带徒|收徒|的徒弟|徒弟)$", gap):
                add(a, "MENTORS", b, sent)
            elif re.search(r"(的师傅|师傅是|拜师)$", gap):
                add(b, "MENTORS", a, sent)
            elif re.fullmatch(r"和|与", gap) and re.match(r"(这对|两位)?师徒", text[b.end_char : b.end_char + 4]):
                add(a, "MENTORS", b, sent)
        sent_text = text[sent[0] : sent[1]]
        if "师傅" in sent_text and ("拜师" in sent_text or "徒" in sent_text):
            m = re.search(r"师傅[^，。]{0,20}?——", sent_text)
            if m:
                master = next((p for p in persons if p.start_char > sent[0] + m.end()), None)
                subject = next((p for p in persons if p.end_char <= sent[0] + m.start()), None)
                if master is not None and subject is not None:
                    add(master, "MENTORS", subject, sent)

    # -- TARGETS: 面向/针对/为 + group ---------------------------------------------
    def _targets(self, text: str, ents: list[Span], sent: tuple[int, int], add) -> None:  # noqa: ANN001
        acts = [e for e in ents if e.label_ in ("Program", "Event")]
        groups = [e for e in ents if e.label_ == "Group"]
        if not groups:
            return
        if not acts:
            # the activity named before, referred to: 项目实施两年以来，累计覆盖工会干部
            if self._last_activities and _refers_to_activity(text[sent[0] : sent[1]]):
                for g in groups:
                    if self._target_cue_before(text, g.start_char, sent):
                        for act in self._referred(text, sent[0], sent[1]):
                            add(act, "TARGETS", g, sent)
            return
        cued = self._cued_groups(text, groups, sent)
        for g in groups:
            # a group that acts in the name is its subject, not its target (劳模工匠进校园, 劳模工匠大讲堂)
            acting = re.match(r"(进|助|大讲堂|讲堂|讲坛|宣讲|结对)", text[g.end_char : g.end_char + 3])
            inside = [a for a in acts if a.start_char <= g.start_char and g.end_char <= a.end_char and not acting]
            # 新就业形态劳动者工作“扩面提升年”专项行动: the group names the program
            named_in = any(a.start_char <= g.start_char and g.end_char <= a.end_char for a in acts)
            inside += [
                a
                for a in acts
                if not named_in
                and 0 <= a.start_char - g.end_char <= 8
                and not re.search(r"[，。、；：“”和与及的]", text[g.end_char : a.start_char])
            ]
            if inside:
                for a in inside:
                    add(a, "TARGETS", g, sent)
                continue
            if g not in cued:
                continue
            # nearest activity in the sentence
            best = min(acts, key=lambda a: abs(a.start_char - g.start_char))
            add(best, "TARGETS", g, sent)

    def _cued_groups(self, text: str, groups: list[Span], sent: tuple[int, int]) -> list[Span]:
        """The groups a sentence aims something at: after a cue (面向, 为, 关爱 …) or a
        count or scope (全市2.5万余名, 广大), past such words (向全市2.5万余名新就业形态
        劳动者), and every group listed after one of those (关爱劳模、困难职工及…)."""
        cued: list[Span] = []
        prev: Span | None = None
        for g in sorted(groups, key=lambda g: g.start_char):
            pos = g.start_char
            for _ in range(3):
                m = _GROUP_MODIFIER.search(text[sent[0] : pos])
                if not m or not m.group():
                    break
                pos = sent[0] + m.start()
            if (
                pos != g.start_char
                or self._target_cue_before(text, pos, sent)
                or prev in cued
                and re.fullmatch(r"[、和及与]|、?以及", text[prev.end_char : g.start_char])  # type: ignore[union-attr]
            ):
                cued.append(g)
            prev = g
        return cued

    def _target_cue_before(self, text: str, pos: int, sent: tuple[int, int]) -> bool:
        """面向/针对/为/服务… within the six characters before ``pos`` (a group's start)."""
        before = text[max(sent[0], pos - 6) : pos]
        return any(c in before for c in self.target)

    # -- PART_OF between places, from the administrative map --------------------
    def _places_part_of(self, doc: Doc, spans: list[Span], add) -> None:  # noqa: ANN001
        places: dict[str, Span] = {}
        for sp in spans:
            if sp.label_ == "Place":
                places.setdefault(sp.id_, sp)
        names = list(places)
        counties = [n for n in names if self.gaz.level(n) == "county"]
        for name, sp in places.items():
            d = self.gaz.division(name, names)
            sent = self._sentence_at(sp.start_char) or (sp.start_char, sp.end_char)
            if d is None:
                # a minor place (街道, 村, 园区) sits in the place its own name starts with, in full
                # or by its short form (大兴区生物医药产业基地, 武汉经济技术开发区), or in the place
                # written right before it
                prev = sorted(
                    (places[n] for n in places if n != name and (name.startswith(n) or _by_short_form(name, n))),
                    key=lambda p: -len(p.id_),
                )
                prev += [p for p in spans if p.label_ == "Place" and p.end_char == sp.start_char]
                if prev:
                    add(sp, "PART_OF", prev[0], sent)
                elif name.endswith(("镇", "乡", "街道")):
                    # a town lies in the county named before it in its sentence (合肥市蜀山区总工会…走进小庙镇)
                    county = [
                        p for p in spans if p.label_ == "Place" and p.id_ in counties and sent[0] <= p.start_char < sp.start_char
                    ]
                    if county:
                        add(sp, "PART_OF", county[-1], sent)
                continue
            parent = d.parent
            while parent:
                pname = self.gaz.by_code[parent].name
                if pname in places:
                    add(sp, "PART_OF", places[pname], sent)
                    break
                parent = self.gaz.by_code[parent].parent


def _by_short_form(name: str, place: str) -> bool:
    """``name`` opens with the short form of ``place`` (武汉经济技术开发区, 武汉市)."""
    return len(place) >= 3 and place.endswith(("市", "县", "区", "省")) and name.startswith(place[:-1]) and len(name) > len(place)


def _chains(text: str, acts: list[Span]) -> list[list[Span]]:
    """A sentence's activities, those joined by 暨 (one happening under two names:
    A系列活动暨B活动) in one chain."""
    chains = [[acts[0]]]
    for act in acts[1:]:
        if text[chains[-1][-1].end_char : act.start_char] == "暨":
            chains[-1].append(act)
        else:
            chains.append([act])
    return chains


def _by_first_char(forms: Iterable[tuple[str, T]]) -> dict[str, list[tuple[str, T]]]:
    """``(form, value)`` pairs by the form's first character, longest form first."""
    out: dict[str, list[tuple[str, T]]] = {}
    for form, value in sorted(forms, key=lambda fv: -len(fv[0])):
        if form:
            out.setdefault(form[0], []).append((form, value))
    return out


def _owners_by_name(text: str, spans: list[Span], entities: list[Entity]) -> dict[str, tuple[Span, Entity]]:
    """Each body named after another body of the article (by its name or as first written): its first
    mention, and the longest such body, the one it is part of (SCHEMA's containment, read off the name)."""
    forms = _by_first_char((form, e) for e in entities if e.label in BODIES for form in (e.name, *e.aliases) if len(form) >= 2)
    owners = {}
    for b in _first_mentions(spans, BODIES):
        owner = next(
            (
                e
                for n in (b.id_, text[b.start_char : b.end_char])
                for f, e in forms.get(n[:1], ())
                if e.name != b.id_ and len(n) > len(f) and n.startswith(f)
            ),
            None,
        )
        if owner is not None:
            owners[b.id_] = (b, owner)
    return owners


def _first_mentions(spans: list[Span], labels: Iterable[str]) -> list[Span]:
    """Each entity's first span, of the entities with one of ``labels``."""
    first: dict[str, Span] = {}
    for sp in spans:
        if sp.label_ in labels:
            first.setdefault(sp.id_, sp)
    return list(first.values())


def _label_of(spans: list[Span], name: str) -> str | None:
    for sp in spans:
        if sp.id_ == name:
            return sp.label_
    if name.endswith(_ENTERPRISE_HEADS):
        return "Enterprise"
    return None
