"""Entity resolution inside one article: overlaps, canonical names, aliases.

- bare 市总工会 / 县人社局 / 省总 take the article's place of that level
  (the nearest one named before, else after);
- bodies below province level drop a leading province (吉林省白山市总工会 →
  白山市总工会), short place names in a chain are expanded (杭州临平区 →
  杭州市临平区);
- ``（以下简称X）`` makes X an alias, and X's later mentions point to the entity;
- places inside enterprise, program, event and award names are not entities,
  nor places and honors inside a document's title (《安徽省女职工劳动保护特别规定》);
- a company a unit is named after is an entity too (兵器装备集团 in
  兵器装备集团重庆长安民生物流股份有限公司: SCHEMA's PART_OF between bodies);
- an honor named with its place's short form is the one named in full (肥西技能大师).

The result is ``doc.spans["entities"]`` (span ``id_`` = canonical name),
``doc.ents`` (the outermost, non-overlapping ones) and
``doc.user_data["gb_entities"]``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate

from spacy.language import Language
from spacy.tokens import Doc, Span

from graphbuild.nlp.candidates import Cand, cands, text_of
from graphbuild.nlp.components.activities import DOC_TITLE
from graphbuild.nlp.components.lac_tagger import lac_tokens
from graphbuild.nlp.gazetteer import gazetteer, short_form
from graphbuild.nlp.words import LongestMatch, alternation
from graphbuild.schema import BODIES

ENTITIES = "gb_entities"
PART_OF = "gb_part_of"
# a quoted name with its words after it: “书香药谷”阅读系列活动 → (书香药谷, 阅读系列活动)
_QUOTED_CORE = re.compile(r"[“‘]([^“”‘’]+)[”’]([^“”‘’]*)")
# the same with words before the quote: 关心关爱职工“十大工程”
_LED_QUOTED_CORE = re.compile(r"([^“”‘’]+)[“‘]([^“”‘’]+)[”’]([^“”‘’]*)")
_SHORTNAME = re.compile(r"[（(](?:以下)?(?:简称|下称)[“\"]?([^”\"）)]{2,12})[”\"]?[）)]")
REFERENCE = re.compile(r"(该|这家|此)(公司|集团|企业|厂|院|局|中心|协会|联盟|工作室|工会)")
# the head of a body's name that may name it again alone (工匠联盟, 讲师团)
_NAMED_HEAD = re.compile(r"[\u4e00-\u9fff]{2}(?:联盟|讲师团|宣讲团|研究会|促进会)$")
# a body named so is a company or institute, whose places name no place of the article
NAMES_NO_PLACE = re.compile(r"公司|集团|厂|银行|研究院")
# what a company's name adds to its short form: 北方重工 → 北方重工集团, 沈阳机床 → 沈阳机床股份有限公司
COMPANY_FORM = re.compile(r"(?:集团|公司)?(?:股份|有限|有限责任|股份有限)?(?:集团|公司)$")
_AFTER_A_NAME = set("与和、等的，。；及在")
_BEFORE_A_NAME = set("，。、；：“（ \n据由和与及")
# a person's pronoun opening a clause (他还当选…), not 他们 / 其他 / 他人
_PRONOUN = re.compile(
    r"(?:^|(?<=[，。；！？：\n”]))(?:(?:前不久|不久前|近日|此后|后来|随后|如今|目前|同时|此外|去年|今年)[，,]?)?(他|她)(?![们人])",
    re.M,
)
# a bare 公司工会 / 集团工会 / 厂工会: the union of the company the article is about
OWN_UNION = re.compile(r"(?<![\u4e00-\u9fff])(公司|集团|企业|厂)工会")
# X公司工会: the union of company X (a legal form or 集团 ends X)
_OWNED_UNION = re.compile(r"([\u4e00-\u9fff（）()]{2,30}?(?:有限公司|有限责任公司|股份有限公司|公司|集团))(?:工会|工会委员会)")
_BOOK = re.compile(r"《([^《》\n]{2,60})》")
# a government bureau named without place or level: 人社局, 司法局, 应急管理局, 人社厅
_BARE_BUREAU = re.compile(r"[\u4e00-\u9fff]{2,5}(?:局|厅)")
# what a company's name adds to its short form without naming a unit of it
_LEGAL_FORM = re.compile(r"(?:集团)?(?:股份)?有限(?:责任)?公司|(?:集团)?公司|集团")
_LEVEL_CHAR = {"省": "province", "市": "city", "区": "county", "县": "county"}
_DROP_NESTED = {
    "Place": {"Enterprise", "Program", "Event", "Person", "Group"},
    "Person": BODIES | {"Program", "Event", "Award", "Place"},
    "Group": BODIES | {"Award", "Place"},
    "Award": BODIES,
}


def _rename(cands: Iterable[Cand], name: str, label: str | None = None) -> None:
    """Give candidates another entity's name (and label); the name they had becomes an alias."""
    for c in cands:
        c.aliases.add(c.name)
        c.name = name
        if label is not None:
            c.label = label


def _company_short_form(short: str, long: str, legal: tuple[str, ...]) -> bool:
    """``short`` abbreviates the company ``long``: its brand and unit (华能 +
    东方电厂), or its core name with a shorter legal form (林源春生态科技公司 of
    白山市林源春生态科技股份有限公司)."""
    if len(long) < len(short) + 3:
        return False
    brand, unit = short[:2], short[2:]
    if len(unit) >= 3 and long.startswith(brand) and long.endswith(unit) and not unit.endswith(legal):
        return True
    core = next((short[: -len(lf)] for lf in sorted(legal, key=len, reverse=True) if short.endswith(lf)), "")
    return len(core) >= 4 and core in long and long.endswith(legal)


def _trade_name_short_form(short: str, long: str, legal: tuple[str, ...]) -> bool:
    """``short`` is the company ``long`` by its trade name: a registered name is
    places + trade name + trade + legal form (山东聊城 + 华昌 + 实业 + 有限责任公司),
    and 华昌公司 is what the article calls it after."""
    core = re.sub(r"(公司|集团)$", "", short)
    if core == short or not 2 <= len(core) <= 4 or not long.endswith(legal):
        return False
    gaz = gazetteer()
    rest, m = long, gaz.match(long)
    while m:
        rest = rest[m.end() :]
        m = gaz.match(rest)
    return rest != long and rest.startswith(core) and len(rest) - len(core) >= 4


def _owner_short_form(short: str, long: str, legal: tuple[str, ...]) -> bool:
    """``short`` is the union or alliance ``long`` of one company, named by the
    company's short form: 沈阳铝镁设计研究院工会 → 沈阳铝镁设计研究院有限公司工会."""
    m = re.search(r"(?:工会(?:委员会)?|工匠联盟|技术协会)$", short)
    if not m or not long.endswith(m.group()):
        return False
    owner, long_owner = short[: m.start()], long[: -len(m.group())]
    return len(owner) >= 4 and (
        any(long_owner == owner + lf for lf in legal)
        or _company_short_form(owner, long_owner, legal)
        or _trade_name_short_form(owner, long_owner, legal)
    )


@dataclass
class Entity:
    name: str
    label: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)


@Language.factory("gb_resolver")
def make_resolver(nlp: Language, name: str) -> Resolver:
    return Resolver()


class Resolver:
    def __init__(self) -> None:
        self.gaz = gazetteer()

    # -- places of the article, for bare 市总 and 县人社局 ------------------
    def _article_places(self, cs: list[Cand]) -> list[tuple[int, str, str]]:
        out = []
        for c in cs:
            if c.label != "Place":
                continue
            d = self.gaz.division(c.name)
            if d is None:
                continue
            out.append((c.start, c.name, d.level))
        out.sort()
        return out

    def _place_for(self, level_char: str, pos: int, places: list[tuple[int, str, str]]) -> str | None:
        level = _LEVEL_CHAR[level_char]

        def fits(name: str, lv: str) -> bool:
            if level_char == "市":
                return name.endswith("市") and lv in ("city", "county", "province")
            if level_char == "省":
                # (a region or a special administrative region has no 省总工会: 澳门特别行政区)
                return lv == "province" and name.endswith("省")
            return lv == level and name.endswith(level_char)

        before = [p for p in places if p[0] < pos and fits(p[1], p[2])]
        if before:
            return before[-1][1]
        after = [p for p in places if p[0] >= pos and fits(p[1], p[2])]
        return after[0][1] if after else None

    def _canonical_body(self, c: Cand, places: list[tuple[int, str, str]], text: str) -> None:
        name = c.name
        if c.label == "Union" and re.fullmatch(r".*[省市区县]总", name):
            name += "工会"  # SCHEMA: 市总 / 大连市总 → …市总工会, however it was found
        written = text[c.start : c.end]
        m = re.match(r"^(省|市|区|县)", name)
        if m and not self.gaz.match(name):
            place = self._place_for(m.group(1), c.start, places)
            if place:
                name = place + name[1:] if place.endswith(m.group(1)) else place + name
        elif c.label == "Organization" and _BARE_BUREAU.fullmatch(name) and not self.gaz.match(name):
            # 联合人社局: a bureau named bare is the article's own (the city or county before it;
            # a 厅 the province's)
            levels = ("province",) if name.endswith("厅") else ("city", "county")
            near = [p for p in places if p[0] < c.start and p[2] in levels] or [p for p in places if p[2] in levels]
            if near:
                name = near[-1][1] + name
        # a chain of places at the front: expand short forms, drop the province
        chain = []
        pos = 0
        while True:
            pm = self.gaz.match(name, pos)
            if not pm:
                break
            chain.append(pm.group())
            pos = pm.end()
        # (an enterprise's union keeps its company's registered name: 吉林通化钢铁集团有限公司工会)
        if chain and c.label in ("Union", "Organization") and not _OWNED_UNION.fullmatch(name):
            full = [self.gaz.canonical(p) if len(chain) > 1 else p for p in chain]
            rest = name[pos:]
            if len(full) > 1 and self.gaz.level(full[0]) == "province" and self.gaz.level(full[1]) != "province":
                full = full[1:]
            name = "".join(full) + rest
        if name != c.name:
            c.aliases.add(c.name)
        if written != name:
            c.aliases.add(written)
        c.name = name

    @staticmethod
    def _owners_of_unions(cs: list[Cand], text: str) -> list[Cand]:
        """The company an enterprise union is named after is an entity of the
        article even where only its union is written (北大荒集团…有限公司工会)."""
        spans = {(c.start, c.end) for c in cs if c.label in BODIES}
        out = []
        for c in cs:
            written = text[c.start : c.end]
            m = _OWNED_UNION.fullmatch(written) if c.label == "Union" else None
            if m and (c.start, c.start + len(m.group(1))) not in spans:
                out.append(Cand(c.start, c.start + len(m.group(1)), "Enterprise", m.group(1), c.src))
        return out

    # -- overlaps -----------------------------------------------------------
    @staticmethod
    def _select(cs: list[Cand]) -> list[Cand]:
        cs = sorted(cs, key=lambda c: (c.start, -(c.end - c.start), -c.prio))
        best: dict[tuple[int, int], Cand] = {}
        for c in cs:
            key = (c.start, c.end)
            if key not in best or c.prio > best[key].prio:
                best[key] = c
        cs = sorted(best.values(), key=lambda c: (c.start, -(c.end - c.start), -c.prio))
        kept: list[Cand] = []
        open_: list[Cand] = []  # the kept ones that reach past the current start (cs is sorted by start)
        for c in cs:
            drop = False
            open_ = [k for k in open_ if k.end > c.start]
            for k in open_:
                if k.end <= c.start or c.end <= k.start:
                    continue
                inside = k.start <= c.start and c.end <= k.end
                if inside:
                    if c.label == "Place" and k.label in BODIES and NAMES_NO_PLACE.search(k.name):
                        drop = True  # 沈阳铝镁设计研究院有限公司工会 names no place
                        break
                    if (
                        k.label == "Union"
                        and c.label in BODIES
                        and c.start == k.start
                        and re.fullmatch(r"工会(委员会)?", k.name[len(c.name) :] if k.name.startswith(c.name) else "-")
                    ):
                        continue  # the enterprise of an enterprise union is an entity too
                    if c.label == k.label == "Place":
                        continue  # 武汉经济技术开发区 inside 武汉经济技术开发区低空经济产业园: both are places
                    if (
                        c.label == "Enterprise"
                        and k.label in BODIES
                        and c.start == k.start
                        and k.end - c.end >= 2
                        and not _LEGAL_FORM.fullmatch(k.name[len(c.name) :] if k.name.startswith(c.name) else "")
                    ):
                        continue  # a unit named after its parent company (兵器装备集团重庆长安民生物流…): both are entities
                    if (
                        c.label == "Place"
                        and k.label in ("Program", "Event")
                        and any(b.label in BODIES and b.start <= c.start and c.end <= b.end for b in kept)
                    ):
                        continue  # a body's own place, inside an event it holds (山东省政府与省总工会…联席会议)
                    same_family = c.label == k.label or (c.label in BODIES and k.label in BODIES)
                    if (
                        same_family
                        or k.label in _DROP_NESTED.get(c.label, set())
                        or k.label in ("Program", "Event")
                        and c.label in ("Program", "Event")
                    ):
                        drop = True
                        break
                else:  # crossing: the stronger, then the longer, wins
                    if (k.prio, k.end - k.start) >= (c.prio, c.end - c.start):
                        drop = True
                        break
            if not drop:
                kept.append(c)
                open_.append(c)
        return kept

    @staticmethod
    def _merge_short_forms(kept: list[Cand]) -> None:
        """Within one article, a body or event named by the tail of a longer
        name of the same type is that entity (医药产业基地总工会 → 大兴区生物医药
        产业基地总工会, 工匠联盟 → 国网冀北电力有限公司工匠联盟), and a company
        named without its legal form or by its brand and unit is the company
        (沈阳铝镁设计研究院 → 沈阳铝镁设计研究院有限公司, 华能东方电厂 →
        华能海南发电股份有限公司东方电厂)."""
        legal = ("有限公司", "股份有限公司", "有限责任公司", "集团有限公司", "公司")
        names: dict[str, list[Cand]] = {}
        for c in kept:
            names.setdefault(c.name, []).append(c)
        Resolver._merge_program_forms(names)
        mergeable = {"Union", "Organization", "Enterprise", "Event"}
        for short, group in names.items():
            label = group[0].label
            if label == "Program" and re.match(r"\d{5,6}\D", short):
                # 12351热线 → 12351工会服务职工热线: a numbered service by number and kind
                longer = [n for n in names if n != short and n.startswith(short[:5]) and n.endswith(short[5:])]
                if len(longer) == 1:
                    _rename(group, longer[0])
                continue
            # (three characters and up: a bare head written again, 联合会, 推进会, 仲裁院, is the
            # one body or meeting the article named in full; dev 0.784 / 0.581 -> 0.785 / 0.585)
            if label not in mergeable or len(short) < 3:
                continue
            longer = [
                n for n, g in names.items()
                if n != short and (g[0].label == label or {g[0].label, label} <= BODIES)
                and (n.endswith(short) or any(n == short + lf for lf in legal)
                     or label == "Enterprise" and (_company_short_form(short, n, legal)
                                                   or _trade_name_short_form(short, n, legal))
                     or label in ("Union", "Organization") and _owner_short_form(short, n, legal))
            ]  # fmt: skip
            if len(longer) != 1:
                continue  # ambiguous or nothing: leave it
            target = names[longer[0]][0]
            _rename(group, target.name, target.label)

    @staticmethod
    def _dash_subtitles(text: str, kept: list[Cand]) -> None:
        """An event and its edition joined by a dash are one event: 第十一届全国水利行业职业技能竞赛——
        2024年全国水工闸门运行工职业技能竞赛决赛 (the second name is an alias)."""
        events = sorted((c for c in kept if c.label == "Event"), key=lambda c: c.start)
        for first, second in zip(events, events[1:]):
            if re.fullmatch(r"\s*[—–-]{1,2}\s*", text[first.end : second.start]) and second.name != first.name:
                old = second.name
                _rename([c for c in events if c.name == old], first.name)

    @staticmethod
    def _merge_program_forms(names: dict[str, list[Cand]]) -> None:
        """One program written with and without its words: “书香药谷”品牌 and
        “书香药谷”阅读系列活动 are the bare 书香药谷 where the article writes it; else
        “4343”工作法 is the “4343”调解工作法 whose words end the same way. Two
        programs on one core (“百千万”劳动竞赛, “百千万”技能竞赛) stay two."""
        by_core: dict[str, list[tuple[str, str]]] = {}
        led: dict[str, list[tuple[str, str]]] = {}  # forms with words before the quote
        for name, group in names.items():
            if group[0].label != "Program":
                continue
            m = _QUOTED_CORE.fullmatch(name)
            core, rest = (m.group(1), m.group(2)) if m else (name, "")
            opened = _LED_QUOTED_CORE.fullmatch(name) if not m else None
            if opened:
                led.setdefault(opened.group(2), []).append((name, opened.group(3)))
            else:
                by_core.setdefault(core, []).append((name, rest))
        for core, forms in by_core.items():
            # 新就业形态女职工“两癌”筛查服务活动 is the fullest name of “两癌”筛查服务活动 and of 两癌
            fullest = led.get(core, [])
            if len(fullest) == 1:
                for name, rest in forms:
                    if rest in ("", fullest[0][1]):
                        _rename(names[name], fullest[0][0])
                continue
            if len(forms) < 2:
                continue
            # the double-quoted form stands for one written in single quotes too (‘4343’调解工作法)
            by_rest: dict[str, str] = {}
            for name, rest in sorted(forms, key=lambda f: not f[0].startswith("“")):
                by_rest.setdefault(rest, name)
            for name, rest in forms:
                if core in names and name != core:
                    target = core  # the bare name the article writes
                elif by_rest[rest] != name:
                    target = by_rest[rest]
                else:
                    longer = [n for r, n in by_rest.items() if rest and r != rest and r.endswith(rest)]
                    if len(longer) != 1:
                        continue
                    target = longer[0]
                _rename(names[name], target)

    @staticmethod
    def _awards_by_short_places(kept: list[Cand]) -> None:
        """An honor named with its place's short form is the one the article names
        in full: 肥西技能大师 is 肥西县技能大师."""
        awards = {c.name for c in kept if c.label == "Award"}
        places = {c.name for c in kept if c.label == "Place" and len(c.name) >= 3 and c.name.endswith(("省", "市", "县", "区"))}
        for c in kept:
            if c.label != "Award":
                continue
            for place in places:
                short = place[:-1]
                full = place + c.name[len(short) :]
                if c.name.startswith(short) and not c.name.startswith(place) and full in awards:
                    _rename([c], full)
                    break

    @staticmethod
    def _places_by_short_forms(kept: list[Cand]) -> None:
        """A place written without its administrative suffix is the place the
        article names with it (SCHEMA: 淄博 → 淄博市, the short form an alias):
        遂昌 → 遂昌县, 东城 → 东城区, 峨边 → 峨边彝族自治县."""
        names = {c.name for c in kept if c.label == "Place"}
        full_of: dict[str, list[str]] = {}
        for name in names:
            short = short_form(name)
            if short is not None:
                full_of.setdefault(short, []).append(name)
        for c in kept:
            longer = full_of.get(c.name, []) if c.label == "Place" else []
            if len(longer) == 1:
                _rename([c], longer[0])

    @staticmethod
    def _plain_names_of_brands(text: str, kept: list[Cand]) -> None:
        """The plain name of a scheme is the brand written right before it once:
        after “泉心互助”职工大病互助保障活动, 职工大病互助保障 alone is 泉心互助."""
        brand_of: dict[str, set[str]] = {}
        for c in kept:
            if c.label == "Program" and text[c.start : c.start + 1] == "“" and text[c.end - 1 : c.end] == "”":
                run = re.match(r"[\u4e00-\u9fff]{4,14}", text[c.end :])
                if run:
                    brand_of.setdefault(re.sub(r"(?:活动|工作|项目)$", "", run.group()), set()).add(c.name)
        for c in kept:
            brands = {b for plain, bs in brand_of.items() if plain.startswith(c.name) for b in bs}
            if c.label == "Program" and len(c.name) >= 4 and len(brands) == 1 and c.name not in brands:
                _rename([c], next(iter(brands)))

    @staticmethod
    def _mentions_elsewhere(text: str, kept: list[Cand], person_words: set[tuple[int, int]]) -> list[Cand]:
        """Every other place an entity is written the way it was found is a
        mention of it too: a relation is read off the sentence that states it,
        where the recognizer may have passed the name by (dev relations
        0.5808 -> 0.5811; train, the recognizer cross-fitted, 0.600 -> 0.602).
        A person's name only where LAC reads a name (not 高超 in 技艺高超)."""
        owner: dict[str, Cand] = {}
        for c in sorted(kept, key=lambda c: c.start):
            form = text[c.start : c.end]
            if len(form) >= 2:
                owner.setdefault(form, c)
        if not owner:
            return []
        taken = sorted((c.start, c.end) for c in kept)
        starts = [s for s, _ in taken]
        reach = list(accumulate((e for _, e in taken), max))  # the furthest end of the spans so far
        found = []
        for m in LongestMatch(owner).finditer(text):
            start, end = m.start(), m.finish
            k = bisect.bisect_left(starts, end)  # the spans starting before this end...
            if k and reach[k - 1] > start:  # ...of which one reaches into it
                continue
            c = owner[m.group()]
            if c.label == "Person" and (start, end) not in person_words:
                continue
            found.append(Cand(start, end, c.label, c.name, c.src))
        return found

    @staticmethod
    def _references(text: str, kept: list[Cand], person_words: set[tuple[int, int]]) -> list[Cand]:
        """该公司 / 该厂 / 该院 … point to the nearest body before them with that
        head: mentions for the relations, never aliases or entities of their own."""
        refs = []
        bodies = sorted((c for c in kept if c.label in BODIES), key=lambda c: c.start)
        for m in REFERENCE.finditer(text):
            head = m.group(2)
            before = [
                c
                for c in bodies
                if c.end <= m.start()
                and (
                    c.name.endswith(head)
                    or head in ("公司", "企业")
                    and c.label == "Enterprise"
                    or head == "集团"
                    and "集团" in c.name
                )
            ]
            if before and not any(c.start <= m.start() < c.end for c in kept):
                target = before[-1]
                refs.append(Cand(m.start(), m.end(), target.label, target.name, "reference"))
        # a body named again by the head of its name once the whole was written
        # (国网冀北电力有限公司工匠联盟 … 工匠联盟围绕…), a company without its 集团 / 有限公司
        # (北方重工集团 … 北方重工与东北大学)
        for c in bodies:
            if c.label == "Organization":
                tail = _NAMED_HEAD.search(c.name)
                short, after_only = (tail.group() if tail and tail.start() >= 2 else ""), True
            elif c.label == "Enterprise":
                short, after_only = COMPANY_FORM.sub("", c.name), False
            else:
                continue
            if len(short) < 3 or short == c.name:
                continue
            for m in re.finditer(re.escape(short), text):
                if (
                    (m.start() >= c.end or not after_only)
                    and (m.start() == 0 or text[m.start() - 1] in _BEFORE_A_NAME)
                    and (after_only or text[m.end() : m.end() + 1] in _AFTER_A_NAME)
                    and not any(k.start <= m.start() < k.end for k in (*kept, *refs))
                ):
                    refs.append(Cand(m.start(), m.end(), c.label, c.name, "reference"))
        # a person found once is that person wherever the name is written again (a two-character
        # name only where LAC reads a name too: 技艺高超 is no 高超)
        for name in {c.name for c in kept if c.label == "Person" and len(c.name) >= 2}:
            for m in re.finditer(re.escape(name), text):
                if len(name) == 2 and m.span() not in person_words:
                    continue
                if not any(k.start <= m.start() < k.end or m.start() <= k.start < m.end() for k in (*kept, *refs)):
                    refs.append(Cand(m.start(), m.end(), "Person", name, "reference"))
        # 他 / 她 opening a clause: the person named last, within the passage
        persons = sorted((c for c in kept if c.label == "Person"), key=lambda c: c.start)
        for m in _PRONOUN.finditer(text):
            before = [c for c in persons if c.end <= m.start(1) and m.start(1) - c.end <= 200]
            if before and not any(c.start <= m.start(1) < c.end for c in kept):
                refs.append(Cand(m.start(1), m.end(1), "Person", before[-1].name, "reference"))
        unions = sorted((c for c in kept if c.label == "Union"), key=lambda c: c.start)
        for m in OWN_UNION.finditer(text):
            head = m.group(1)
            before = [c for c in unions if c.end <= m.start() and c.name.endswith(head + "工会")]
            if before and not any(c.start <= m.start() < c.end for c in kept):
                refs.append(Cand(m.start(), m.end(), "Union", before[-1].name, "reference"))
        return refs

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        cs = cands(doc)
        places = self._article_places(cs)
        for c in cs:
            # bodies, and events held by a level (省第十一次党代会) take the article's place
            if c.label in BODIES or c.label == "Event" and re.match(r"[省市县区]第", c.name):
                self._canonical_body(c, places, text)
        cs += self._owners_of_unions(cs, text)
        kept = self._select(cs)
        # a group word right before a name is that person's occupation (长沙外卖送餐员陈金华), no group
        person_at = {c.start for c in kept if c.label == "Person"}
        kept = [c for c in kept if c.label != "Group" or c.end not in person_at]
        # a law's or notice's title names its jurisdiction, not a place of the article
        titles = [m.span() for m in _BOOK.finditer(text) if DOC_TITLE.search(m.group(1))]
        if titles:
            kept = [c for c in kept if c.label not in ("Place", "Award") or not any(s < c.start and c.end < e for s, e in titles)]
        # （以下简称X）: X becomes an alias and its mentions point to the entity
        short_of: dict[str, Cand] = {}
        for c in kept:
            m = _SHORTNAME.match(text, c.end)
            if m:
                short_of[m.group(1)] = c
                c.aliases.add(m.group(1))
        if short_of:
            covered = [(c.start, c.end) for c in kept]
            rx = re.compile(alternation(short_of))
            for m in rx.finditer(text):
                if any(s <= m.start() < e for s, e in covered):
                    continue
                owner = short_of[m.group()]
                kept.append(Cand(m.start(), m.end(), owner.label, owner.name, owner.src))
            for c in kept:
                if c.name in short_of and c is not short_of[c.name]:
                    _rename([c], short_of[c.name].name, short_of[c.name].label)
        self._dash_subtitles(text, kept)
        self._merge_short_forms(kept)
        self._plain_names_of_brands(text, kept)
        self._awards_by_short_places(kept)
        self._places_by_short_forms(kept)
        person_words = {(t.start, t.end) for t in lac_tokens(doc) if t.tag == "PER"}
        kept += self._mentions_elsewhere(text, kept, person_words)
        kept += self._references(text, kept, person_words)
        entities: dict[tuple[str, str], Entity] = {}
        part_of: list[tuple[str, str, int, int]] = []
        for c in sorted(kept, key=lambda c: c.start):
            ent = entities.setdefault((c.label, c.name), Entity(c.name, c.label))
            ent.aliases |= {a for a in c.aliases if a and a != c.name}
            ent.mentions.append((c.start, c.end))
            for parent in c.parts:
                part_of.append((c.name, parent, c.start, c.end))
        doc.user_data[ENTITIES] = list(entities.values())
        doc.user_data[PART_OF] = part_of
        spans: list[Span] = []
        for c in sorted(kept, key=lambda c: (c.start, -(c.end - c.start))):
            span = doc.char_span(c.start, c.end, label=c.label, alignment_mode="expand")
            if span is None:
                continue
            span.id_ = c.name
            spans.append(span)
        doc.spans["entities"] = spans
        outer: list[Span] = []
        for span in spans:
            if outer and span.start < outer[-1].end:
                continue
            outer.append(span)
        doc.ents = outer
        return doc
