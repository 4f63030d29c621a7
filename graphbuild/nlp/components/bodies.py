"""Unions, enterprises and organizations: suffix-headed noun chunks over the
LAC words, typed by their head, plus union abbreviations (X市总, 省总, 全总).

A chunk grows left from a head word (总工会, 公司, 局, 联盟 …) over nominal
words and stops at verbs, prepositions, punctuation and stop words, so it works
for names no lexicon lists. Chunks holding several bodies
(北京环卫集团北京城市机扫服务有限公司) are split, the later part PART_OF the earlier.

>>> import spacy
>>> nlp = spacy.blank("zh")
>>> for p in ("gb_lac", "gb_places", "gb_bodies"): _ = nlp.add_pipe(p)
>>> from graphbuild.nlp.candidates import cands
>>> sorted((c.name, c.label) for c in cands(nlp("大连市总吸纳人才。")) if c.label != "Place")
[('大连市总工会', 'Union')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from graphbuild.nlp.candidates import Cand, cands, text_of
from graphbuild.nlp.components.lac_tagger import lac_tokens
from graphbuild.nlp.gazetteer import gazetteer, rules
from graphbuild.nlp.words import LongestMatch, listed_items
from graphbuild.schema import BODIES

NOMINAL = {"n", "nz", "nw", "LOC", "ORG", "vn", "an", "s", "j", "nt", "ns"}
_ABBREV = re.compile(
    r"(省|市|区|县|州|盟|旗)总(?:会(?![议计长员])|(?![工体量数额计和结部队理裁监经会书编指务共署站目台值局决动]))"
)
_LEVEL_START = re.compile(r"^(省|市|区|县)(?![区场民长委域])")
MAX_LEN = 32
# words that end in a one-character head but are no body
NOT_BODIES = {
    "格局",
    "布局",
    "大局",
    "全局",
    "结局",
    "开局",
    "当局",
    "干部",
    "全部",
    "内部",
    "外部",
    "局部",
    "西部",
    "东部",
    "南部",
    "北部",
    "中部",
    "各部",
    "本部",
    "上司",
    "官司",
    "工作格局",
    "中心",
    "重心",
    "核心",
}
_PROPER = {"LOC", "ORG", "nz", "PER", "nw"}


# the town and zone a site stands in, opening its project department's name
_SITE_PLACE = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:镇|乡|街道|新城|新区|片区)")
# sites rather than registered companies
_SITE_HEADS = ("项目部", "工地", "牧场", "农场", "养殖基地", "种植基地", "生产基地")
_LISTED_OFFICE = re.compile(r"(?<=[、和与及])([省市县区][\u4e00-\u9fff]{1,4}?(?:局|厅|办|委))(?=[、，和与及]|共同|联合|等)")
# verbs of acting together that take the partners after them (A联合B、C): one list for the
# chunker here and for the relations
PARTNER_VERBS = ("联合", "携手", "会同", "联手", "协同", "协调")
# one-character heads that here open a longer word: 司|法局, 局|面, 部|署, 办|理, 委|托
_WORD_GOES_ON = {"司": "法机", "局": "面势", "部": "署分门", "办": "理法公学事", "委": "托屈婉"}
# items sharing one union head: A、B、C(等N个)(驻会)产业工会 / A行业、B行业工会联合会
_SHARED_HEAD = re.compile(
    r"((?:[\u4e00-\u9fff]{2,10}、)+[\u4e00-\u9fff]{2,10}?)(?:等\d*[个家])?(?:驻会)?(产业工会|行业工会联合会|行业工会|工会联合会)"
)
_ITEM_LEAD = re.compile(r"成立|组建|建立|深入|走访|慰问|指导|包括|推动|覆盖|联合|以及|工会|公司|集团|[和与在对向为把的了]")
# a department inside a union or company: 法律和社会联络部, 检修部, 宣教处
_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{2,10}(?:部|处|科|室|车间)")
# after a company and a place: the unit (运营中心, 分公司, 二期项目 …), perhaps after a few words of its own
_REGIONAL_UNIT = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(运营中心|分公司|子公司|分行|支行|营业部|项目部|[一二三四五六七八九十\d]期项目)"
)
_PLACE_BRACKET = re.compile(r"（([\u4e00-\u9fff]{2,8})）(?![\u4e00-\u9fff]*?(?:公司|集团|工会))")
# a body, then a verb of acting together glued on by the chunker, then more
# bodies that members found together (a studio founded is a kind of studio: 建立劳动争议调解工作室)
_FEDERATIONS = ("联盟", "协会", "研究会", "促进会", "联合会")
# a founding verb, then perhaps a modifier (产学研用的) or a first conjunct (劳模和)
_FOUNDED = re.compile(r"(?:建立|成立|组建|创建)了?([\u4e00-\u9fff]{1,8}的|[\u4e00-\u9fff]{2,4}和[\u4e00-\u9fff]{0,3})?$")
_GLUED = re.compile(
    r"^.{1,}?(?:总工会|工会|[省市区县]总|公司|集团|局|厅|委|部|办|中心|协会|委员会|银行)"
    rf"({'|'.join(PARTNER_VERBS)}|(?:和|与|及)(?=[省市区县]))(?=.{{2,}})"
)


@Language.factory("gb_bodies")
def make_bodies(nlp: Language, name: str) -> BodyFinder:
    return BodyFinder()


class HeadSuffixes:
    """The heads of bodies (rules.json ``body_suffixes``) with their types: which
    one ends a name, by one lookup per head length, longest first (this runs on
    every chunk: a scan of every head took a third of the component's time)."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.pairs = sorted(pairs, key=lambda x: len(x[0]), reverse=True)
        self.label_of: dict[str, str] = {}
        for suffix, label in self.pairs:
            self.label_of.setdefault(suffix, label)
        self.lengths = sorted({len(s) for s in self.label_of}, reverse=True)

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self.pairs)

    def suffix(self, name: str) -> str | None:
        """The longest head ``name`` ends with."""
        for n in self.lengths:
            if n <= len(name) and name[-n:] in self.label_of:
                return name[-n:]
        return None

    def core(self, name: str) -> str:
        """``name`` without its head (all of it where no head ends it)."""
        return name[: len(name) - len(self.suffix(name) or "")]


@lru_cache(maxsize=1)
def body_heads() -> HeadSuffixes:
    """The heads of bodies in rules.json with their types."""
    return HeadSuffixes((s, label) for label, ss in rules()["body_suffixes"].items() for s in ss)


def body_type(name: str, heads: HeadSuffixes) -> str | None:
    """
    >>> body_type("大连市总工会", HeadSuffixes([("工会", "Union"), ("总工会", "Union"), ("局", "Organization")]))
    'Union'
    """
    suffix = heads.suffix(name)
    return heads.label_of[suffix] if suffix is not None else None


class BodyFinder:
    def __init__(self) -> None:
        r = rules()
        self.suffixes = body_heads()
        self.head_re = re.compile("|".join(re.escape(s) for s, _ in self.suffixes))
        self.stop = set(r["body_stop_words"])
        # the stop words LAC may glue on the front of a name (travelled through at each chunk)
        self.glued_stop = LongestMatch(w for w in self.stop if len(w) > 1)
        self.generic = set(r["generic_heads"])
        self.gaz = gazetteer()

    # -- chunks -----------------------------------------------------------
    def _chunk_start(self, text: str, toks: list, tok_at: list[int], s: int, e: int) -> int | None:
        ti = tok_at[s]
        if ti < 0:
            return None
        t = toks[ti]
        # the head must end a word: 局面, 部门, 司机, 中心任务 are not heads
        last = toks[tok_at[e - 1]]
        if last.end > e and last.tag != "ORG":
            nxt = text[e : last.end]
            if not re.match(r"^(工会|联合会|委员会)", nxt):
                return None
        # (a 中心 after a chunk of nouns heads a name: 中国就业培训技术指导中心; 以职工为中心 does not)
        named_center = t.text == "中心" and ti > 0 and toks[ti - 1].tag in NOMINAL and toks[ti - 1].end == t.start
        if (
            text[t.start : t.end] in NOT_BODIES
            and not named_center
            or text[s:e] == "工会"
            and re.match(r"(会员|组织|经费|工作|干部)", text[e : e + 2])
        ):
            return None
        start = t.start if t.start < s and (t.tag in NOMINAL or t.tag == "PER") else s
        if t.start < s and t.tag not in NOMINAL and t.tag != "PER":
            return None
        glued = self.glued_stop.match(text, t.start) if t.start < s else None
        if glued:  # 旗下沈阳铝镁设计研究院有限公司 is one LAC word
            return glued.finish
        j = ti if t.start == start else ti + 1
        head = text[s:e]
        while j > 0:
            p = toks[j - 1]
            if (
                p.text == "和"
                and j > 1
                and re.search(r"(厅|局|部|委|委员会|办公室)$", head)
                and s - p.end <= 6
                and toks[j - 2].tag in NOMINAL
                and not body_type(toks[j - 2].text, self.suffixes)
            ):
                # a department named by two fields: 工业和信息化厅, 人力资源和社会保障局
                start = p.start
                j -= 1
                continue
            if e - p.start > MAX_LEN or p.text in self.stop or p.text.isdigit() or p.text.isascii():
                break
            if p.tag != "ORG" and p.text.endswith(("企业", "单位", "部门", "职工", "会员", "人才", "群体")):
                break
            if p.tag == "LOC" and p.text[0] in "和与及同" and j > 1 and body_type(toks[j - 2].text, self.suffixes):
                start = p.start + 1  # 肥西县总工会和县人社局: 和 joins two bodies
                break
            if p.tag == "w" and p.text in "）)" and j > 2:
                # a parenthesis inside a name: 新疆中泰（集团）有限责任公司
                k = j - 2
                while k >= 0 and toks[k].text not in "（(" and p.start - toks[k].start <= 6:
                    k -= 1
                if k > 0 and toks[k].text in "（(" and toks[k - 1].tag in NOMINAL | {"PER"}:
                    start = toks[k].start
                    j = k
                    continue
                break
            if (
                p.tag in NOMINAL
                or (p.tag == "PER" and head.endswith("工作室"))
                or (p.tag == "m" and re.fullmatch(r"[一二三四五六七八九十]+", p.text))
            ):
                glued = self.glued_stop.match(p.text)
                if glued and glued.finish < len(p.text):  # 旗下沈阳铝镁设计研究院有限公司 is one LAC word
                    start = p.start + glued.finish
                    break
                start = p.start
                j -= 1
                continue
            break
        # drop leading stop-ish characters that LAC glued on
        # (not a name LAC knows whole: 本钢集团, 原平市)
        first = toks[tok_at[start]] if start < len(tok_at) and tok_at[start] >= 0 else None
        known = first is not None and first.start == start and first.tag in ("ORG", "LOC") and first.end - first.start >= 3
        while start < s and text[start] in "该本其各原" and not known:
            start += 1
            # 该厂刘斌创新工作室: the reference's head goes too
            ref = re.match(r"(公司|集团|厂|院|局|校|矿|单位)", text[start:s])
            if ref and s - start - ref.end() >= 2:
                start += ref.end()
        return start

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        toks = lac_tokens(doc)
        self._toks = toks
        self._tok_starts = [t.start for t in toks]
        tok_at = [-1] * len(text)
        for i, t in enumerate(toks):
            for k in range(t.start, min(t.end, len(text))):
                tok_at[k] = i
        out = cands(doc)
        seen: set[tuple[int, int]] = set()
        # LAC's own ORG words with a known head
        for t in toks:
            if t.tag == "ORG" and body_type(t.text, self.suffixes):
                self._add(out, text, t.start, t.end, seen)
        for m in self.head_re.finditer(text):
            s, e = m.start(), m.end()
            if text[e : e + 1] in _WORD_GOES_ON.get(text[s:e], ""):
                continue  # 司法, 局面, 部署, 办理: the head's character opens a word here
            tail = re.match(r"联合会|工作委员会|委员会", text[e : e + 5]) if text[s:e].endswith("工会") else None
            if tail:  # 行业工会 + 联合会: the longer head
                e += tail.end()
            # prefer the longest head ending here (工会 inside 总工会 is found by the regex)
            start = self._chunk_start(text, toks, tok_at, s, e)
            if start is None or start >= s and text[s:e] in self.generic and not _LEVEL_START.match(text[s:e]):
                if start is not None and start >= s:
                    continue
            if start is None:
                continue
            self._add(out, text, start, e, seen)
        for m in _ABBREV.finditer(text):
            self._abbrev(out, text, m)
        # a level's office listed among bodies, whatever LAC made of it (、市法宣办共同主办)
        taken = [(c.start, c.end) for c in out]
        for m in _LISTED_OFFICE.finditer(text):
            if not any(s <= m.start(1) < e for s, e in taken):
                out.append(Cand(m.start(1), m.end(1), "Organization", m.group(1), "body"))
        for m in _SHARED_HEAD.finditer(text):
            self._shared_head(out, m)
        for c in out:
            # 美团（北京）: a company's regional unit keeps its place in brackets
            m = _PLACE_BRACKET.match(text, c.end)
            if c.label == "Enterprise" and m and self.gaz.is_place(m.group(1)) and c.name == text[c.start : c.end]:
                c.end = m.end()
                c.name = text[c.start : c.end]
        self._regional_units(text, out)
        self._site_places(out)
        # a body's own department is the body's (黑龙江省总工会法律和社会联络部部长 works at the union)
        heads = {(c.start, c.end) for c in out if c.label in ("Union", "Enterprise")}
        out[:] = [
            c for c in out
            if not (c.label == "Organization"
                    and any(s == c.start and e < c.end and _DEPARTMENT.fullmatch(text, e, c.end) for s, e in heads))
        ]  # fmt: skip
        return doc

    def _site_places(self, out: list[Cand]) -> None:
        """A site is named after where it stands: 小庙镇运河新城西城桂花苑工程项目部,
        孟津区君荷牧场奶牛养殖基地 are places (a county, a town, a new town) and the
        site; a registered company's name keeps its places (陕西煤业化工集团有限责任公司)."""
        for c in [c for c in out if c.label == "Enterprise" and c.name.endswith(_SITE_HEADS)]:
            pos, pieces = 0, []
            while True:
                m = self.gaz.match(c.name, pos) or _SITE_PLACE.match(c.name, pos)
                if not m:
                    break
                pieces.append((pos, m.group()))
                pos = m.end()
            if not pieces or len(c.name) - pos < 4:
                continue
            for at, piece in pieces:
                canon = self.gaz.canonical(piece) if self.gaz.is_place(piece) else piece
                place = Cand(c.start + at, c.start + at + len(piece), "Place", canon, "place")
                if canon != piece:
                    place.aliases.add(piece)
                out.append(place)
            c.start, c.name = c.start + pos, c.name[pos:]

    def _regional_units(self, text: str, out: list[Cand]) -> None:
        """A company's unit named by a place: 饿了么亳州运营中心, 中建八局烟台二期项目
        (a project run as a company is an enterprise): one enterprise, not the
        company and a unit of its own."""
        for c in list(out):
            if c.label not in ("Enterprise", "Organization") or c.name != text[c.start : c.end]:
                continue
            place = self.gaz.match(text, c.end)
            unit = _REGIONAL_UNIT.match(text, place.end()) if place else None
            if unit is None or c.label == "Organization" and not unit.group(1).endswith(("项目", "项目部")):
                continue
            start, end = c.start, unit.end()
            out[:] = [o for o in out if not (o is not c and o.label in BODIES and start <= o.start and o.end <= end)]
            c.end, c.name, c.label = end, text[start:end], "Enterprise"

    def _add(self, out: list[Cand], text: str, start: int, end: int, seen: set) -> None:
        if (start, end) in seen:
            return
        if re.search(r"[省市县区]、$", text[max(0, start - 2) : start]) and _LEVEL_START.match(text[start:end]):
            return  # 联动市、县总工会: the levels in general, no one union
        seen.add((start, end))
        name = text[start:end]
        if "\n" in name or any(ch in name for ch in "，。、；：！？“”《》") or name.count("（") != name.count("）"):
            return
        glued = _GLUED.match(name)
        partner_named = False
        if glued and (body_type(name[: glued.start(1)], self.suffixes) or re.search(r"[省市区县]总$", name[: glued.start(1)])):
            # 县总工会联合县人社局: two bodies and the verb joining them; this one
            # is the second (the first has a head of its own and is found alone)
            name, start = name[glued.end() :], start + glued.end()
            partner_named = True  # named as a partner: a body, however plain its words
        label = body_type(name, self.suffixes)
        if label is None:
            return
        core = self.suffixes.core(name)
        # one founded here is named, however plain its words (建立劳模和职工创新工作室联盟)
        founded_by = _FOUNDED.search(text, max(0, start - 12), start) if len(name) >= 7 else None
        founded = founded_by is not None and label == "Organization" and name.endswith(_FEDERATIONS)
        if founded and founded_by.group(1) and not founded_by.group(1).endswith("的"):  # type: ignore[union-attr]
            core = text[founded_by.start(1) : start] + core  # type: ignore[union-attr]
            name, start = text[founded_by.start(1) : end], founded_by.start(1)  # type: ignore[union-attr]
        if name in self.generic or not core or (core in self.generic and not founded) or core in self.stop:
            # bare 市总工会 / 县人社局 are resolved against the article's places later
            if not _LEVEL_START.match(name):
                return
        if not _LEVEL_START.match(name):
            while True:  # stop words LAC glued on the front (旗下沈阳…)
                glued = self.glued_stop.match(name)
                if glued is None:
                    break
                lead = glued.group()
                name, start = name[len(lead) :], start + len(lead)
                partner_named = partner_named or lead in PARTNER_VERBS  # 联合人社局: a partner, however plain
            owned = re.search(r"(?:旗下|下属|所属)(?=[\u4e00-\u9fff]{4})", name)
            if owned:  # 中铝集团旗下X研究院有限公司 glued into one word: X is the body
                name, start = name[owned.end() :], start + owned.end()
            core = self.suffixes.core(name)
            if len(core) < 2 or re.fullmatch(r"[省市县区乡镇、]+", core):
                return
            # a short chunk of common nouns is a description, not a name (教育联盟)
            first = bisect.bisect_left(self._tok_starts, start)  # (tokens are in text order)
            inner = [t for t in self._toks[first : bisect.bisect_left(self._tok_starts, end, lo=first)] if t.end <= end]
            proper = any(t.tag in _PROPER for t in inner) or self.gaz.regex.search(name)
            if not proper and not partner_named and not founded and (len(name) <= 6 or label == "Organization"):
                return
        # several bodies glued together: split after an inner 集团/公司/园区 head
        # a union keeps its whole name (方大集团东北制药工会); companies split
        pieces = [name] if label == "Union" else self._split(name)
        offset = start
        parents: list[str] = []
        for piece in pieces:
            if piece.endswith("园区"):
                out.append(Cand(offset, offset + len(piece), "Place", piece, "place"))
                offset += len(piece)
                continue
            plabel = body_type(piece, self.suffixes) or label
            c = Cand(offset, offset + len(piece), plabel, piece, "body")
            if label == "Union" and plabel == "Union" and re.search(r"工会$", piece):
                c.label = "Union"
            c.parts = list(parents[-1:])
            out.append(c)
            parents.append(piece)
            offset += len(piece)
        # X工会 with X a province or city: that region's 总工会 (湖南工会, 赣州工会)
        if label == "Union" and name.endswith("工会") and not name.endswith("总工会"):
            region = name[:-2]
            if self.gaz.is_place(region) and self.gaz.level(region) in ("province", "city"):
                full = self.gaz.canonical(region) + "总工会"
                out[-1].name = full
                out[-1].aliases.add(name)

    def _shared_head(self, out: list[Cand], m: re.Match) -> None:
        """Unions listed with one head: 市建陶轻纺、冶金机电等7个产业工会 and
        快递行业、道路运输行业工会联合会 name one union an item."""
        head = m.group(2)
        # the first item starts after the verb, preposition or body before it
        # (成立|市建陶轻纺, 深入|快递行业, 总工会|…)
        items = listed_items(m.start(1), m.group(1), _ITEM_LEAD)
        first = items[0][1]
        if len(first) < 2:
            return
        level = first[0] if first[0] in "省市县区" else ""
        for k, (pos, item) in enumerate(items):
            if len(item) >= 2 and not body_type(item, self.suffixes):
                name = (item + head[2:]) if item.endswith("行业") and head.startswith("行业") else item + head
                if level and k > 0 and item[0] not in "省市县区":
                    name = level + name  # the level of the first item holds for all (resolved later)
                c = Cand(pos, pos + len(item), "Union", name, "union")
                c.aliases.add(item)
                out.append(c)

    def _split(self, name: str) -> list[str]:
        m = re.search(r"^(.{2,}?(?:集团|有限公司|公司|园区))(.{4,})$", name)
        if not m:
            return [name]
        head, rest = m.group(1), m.group(2)
        if head.count("（") != head.count("）"):
            return [name]  # 新疆中泰（集团）有限责任公司: the head sits inside brackets
        if body_type(rest, self.suffixes) is None or rest in self.generic or rest.startswith(("有限", "股份", "分", "子")):
            return [name]
        if body_type(head, self.suffixes) is None and not head.endswith("园区"):
            return [name]
        # 华能海南发电股份有限公司东方电厂: a plant of the company keeps its full name
        if head.endswith("公司") and not rest.endswith(("公司", "集团")) and not head.endswith("集团"):
            return [name]
        return [head, *self._split(rest)]

    def _abbrev(self, out: list[Cand], text: str, m: re.Match) -> None:
        """X市总 / 省总 / 区总 → X市总工会; bare ones resolved later."""
        s, e = m.start(), m.end()
        # an adjacent chain of places before it: 杭州临平区总 → 杭州市临平区
        prefix_start = s
        places = [c for c in out if c.label == "Place" and c.src == "place"]
        chain: list[Cand] = []
        end = s + 1  # the level char belongs to the last place (大连市)
        while True:
            prev = next((c for c in places if c.end == end and c.start < end), None)
            if prev is None:
                break
            chain.insert(0, prev)
            prefix_start = prev.start
            end = prev.start
        if chain:
            name = "".join(c.name for c in chain) + "总工会" if len(chain) > 1 else chain[0].name + "总工会"
            if not name.startswith(chain[0].name):
                name = chain[0].name + "总工会"
            start = prefix_start
        else:
            name = text[s] + "总工会"  # bare: resolved against the article later
            start = s
        if start == s and s > 0 and re.match(r"[\u4e00-\u9fff]", text[s - 1]) and not chain:
            # 临平区总 without a known place: take the CJK word before it
            j = s
            while j > 0 and re.match(r"[\u4e00-\u9fff]", text[j - 1]) and s - j < 4:
                j -= 1
            word = text[j : s + 1]
            if len(word) >= 3 and word[:-1] not in self.stop and not re.search(r"[的在和与是为了将对把由从向]", word):
                name = word + "总工会"
                start = j
        c = Cand(start, e, "Union", name, "union")
        c.aliases.add(text[start:e])
        out.append(c)
