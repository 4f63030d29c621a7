"""Programs and events: quoted names with the words that make them names
(“泉心互助”, “4343”调解工作法, “双进”宣讲), numbered events (第十一届…竞赛,
首届…论坛), and 《…》 works; quoted slogans (“盘活”, “加速度”) are skipped.

>>> from graphbuild.nlp.pipeline import load
>>> doc = load()("市总工会开展“六跨四送双五进”活动，“盘活”资源。第十一届全国水利行业职业技能竞赛举办")
>>> sorted((s.id_, s.label_) for s in doc.spans["entities"] if s.label_ in ("Program", "Event"))
[('“六跨四送双五进”活动', 'Program'), ('第十一届全国水利行业职业技能竞赛', 'Event')]
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from graphbuild.nlp.candidates import Cand, cands, text_of
from graphbuild.nlp.gazetteer import gazetteer, rules
from graphbuild.nlp.words import alternation, listed_items
from graphbuild.schema import BODIES

# a name in double quotes, or in single ones inside a quoted speech (“……擦亮‘泉心互助’公益品牌”)
_QUOTE = re.compile(r"“([^“”\n]{1,30})”|‘([^‘’“”\n]{2,30})’")
# two-character verbs that open the clause a listed program starts
_CLAUSE_VERBS = {
    "聚焦",
    "围绕",
    "开展",
    "实施",
    "推进",
    "推出",
    "启动",
    "打造",
    "包括",
    "组织",
    "深化",
    "落实",
    "持续",
    "重点",
    "通过",
    "依托",
}
_NUMBERED = r"(?:第[一二三四五六七八九十百\d]+届|首届|\d{4}年度?|20\d{2}(?=[\u4e00-\u9fff]))"
_NUMBERED_BEFORE = re.compile(_NUMBERED + r"[\u4e00-\u9fff]{0,12}$")  # a number opening the name before a quote
_SENTENCE_MARK = re.compile(r"[，。！？：；]")
_CEREMONY = re.compile(r"启动仪式|颁奖典礼|颁奖仪式")
_SHARED_CONTEST = re.compile(
    r"((?:[\u4e00-\u9fff]{2,10}、)+[\u4e00-\u9fff]{2,8})等(技能竞赛|劳动竞赛|职业技能竞赛|技能大赛|比赛)"
)
_CONTEST_LEAD = re.compile(r"举办|开展|组织|首次|的|了|在|和")
DOC_TITLE = re.compile(
    r"^关于|(通知|意见|办法|规定|条例|法|决定|方案|纲要|细则|规划|报告|指南|清单|目录|标准|精神|讲话|指示|批示|（暂行）|（试行）"
    r"|调解书|意见书|建议书|倡议书|承诺书|责任书|通知书|协议书|告知书|申请书|合同|协议)$|^为人民服务$"
)


# quoted names listed before 等(系列)活动 are the activities' names
_NAMED_SERIES = re.compile(r"(?:[、，]?“[^“”\n]{1,20}”)*[、，]?等(?:系列|一系列)?(?:活动|行动|工程|项目|品牌|服务)")
# a scheme joined: 参加了职工互助保障计划
_JOINED_SCHEME = re.compile(
    r"(?:参加|加入|参保|投保|赠送|购买)了?([\u4e00-\u9fff]{4,14}?(?:计划|工程|保障|互助))(?=[，。、；,]|$)"
)


# a launching verb, then the words that open a quoted name (scope words and 了 are not the name's)
_LAUNCHED_PREFIX = re.compile(
    r"(?:开展|实施|推出|启动|举办|打造|推行|发起)了?(?:全市|全省|全县|全区|全国|各类|一系列|系列|多项|一批|专项|首个)?"
    r"([\u4e00-\u9fff]{3,14})$"
)
# what a name's opening words never hold: particles, verbs of a clause, a place
_PREFIX_STOP = r"[的和与及等在为对向把被将了是从到]|开展|举办|组织|推进|活动|工作|市|省|县|区"


_LISTED_HAPPENINGS = re.compile(r"(?:开展|举办|组织|举行)了?((?:[\u4e00-\u9fff]{4,12}、)+[\u4e00-\u9fff]{4,12})等(?:系列)?活动")
# a meeting or class of a scope, named whole after the verb that holds it
_HELD_MEETING = re.compile(
    r"(?:举办|召开|举行|开办)了?((?:全市|全省|全县|全区|全国)[\u4e00-\u9fff“”·、\d]{4,60}?"
    r"(?:培训班|研讨班|轮训班|座谈会|推进会|报告会|动员会|启动会|交流会|现场会|表彰大会))(?=[，。；,;]|$)"
)
# what follows the quoted titles that a selection confers: …“肥西县技术能手”优秀技能人才评选
_SELECTED = re.compile(r"(?:[、和与及]?“[^“”\n]{1,20}”)*(?:[\u4e00-\u9fff]{0,8}?)(?:评选|评比)")
# nouns after a program's name that do not carry it on
_NOT_HEADS = {"工作", "期间", "以来", "方面", "领域", "过程", "之中", "当中", "时", "后", "前", "中"}


def _unquoted_if_unbalanced(name: str) -> str:
    """A name whose quote marks were cut in half by its pattern loses them all."""
    return name.replace("“", "").replace("”", "") if name.count("“") != name.count("”") else name


def _alt(words: list[str]) -> str:
    return alternation(words)


@Language.factory("gb_activities")
def make_activities(nlp: Language, name: str) -> ActivityFinder:
    return ActivityFinder()


class ActivityFinder:
    def __init__(self) -> None:
        r = rules()
        self.events = tuple(sorted(set(r["event_suffixes"])))
        suffix = _alt(r["program_suffixes"] + r["event_suffixes"])
        # a few modifier characters may stand between the quote and the word
        # that makes it a name, but no particle or conjunction (的, 等, 与 …)
        self.after = re.compile(
            rf"(?:[\u4e00-\u9fff](?<![的等与和及为是在了对把被向从])){{0,6}}?({suffix})(?![\u4e00-\u9fff]{{0,1}}(?:中|上|里|的人|者|员|费))"
        )
        self.weak = ("建设", "政策", "服务政策", "平台", "体系", "工作体系", "通道", "年", "班")
        self.shaped_only = ("格局", "体系", "工作格局", "工作体系")
        self.more = re.compile(rf"[\u4e00-\u9fff]{{0,2}}?({suffix})")
        # enumerations of named works: 迎新工程、幸福工程、建“家”工程和荣退工程
        self.listed = re.compile(
            r"(?:[\u4e00-\u9fff“”]{2,14}?(?:工程|行动|计划|[\u4e00-\u9fff]{2}年(?!行动|计划|工程|活动))、)+[\u4e00-\u9fff“”]{2,14}?(?:工程|行动|计划|[\u4e00-\u9fff]{2}年(?!行动|计划|工程|活动))(?:(?:和|及|以及)[\u4e00-\u9fff“”]{2,8}?(?:工程|行动|计划|[\u4e00-\u9fff]{2}年(?!行动|计划|工程|活动)))?"
        )
        self.lead_verbs = tuple(
            sorted(set(r["program_verbs"]) | {"包括", "即", "分别是", "有", "实施", "打造"}, key=len, reverse=True)
        )
        self.org_heads = ("联盟", "协会", "讲师团", "宣讲团", "中心", "委员会", "研究会", "工作室")
        self.verbs = tuple(r["program_verbs"])
        # a bare quoted name is launched by these too: 建设“工会服务驿站”26个
        self.launch_verbs = (*self.verbs, "建设", "新建")
        self.verb_near = re.compile(rf"({_alt(r['program_verbs'])})[\u4e00-\u9fff]{{1,3}}$")
        # unquoted programs right after a launching verb: 开展送清凉活动, 推进职工技术创新揭榜挂帅活动,
        # 开展职工维权服务月等活动
        self.verb_program = re.compile(
            rf"(?:{_alt(['开展', '举办', '启动', '实施', '推出', '组织开展', '深入开展', '广泛开展', '持续开展', '创新开展', '推进', '发起'])})"
            r"((?!各类|各项|系列|相关|多项|一系列|这些|此类|多种|多个|一批|专项|一项|本次|此次|这次|了)[\u4e00-\u9fff·]{2,20}?"
            r"(?:活动|行动|工程|计划|(?:服务|宣传|活动)[月周]))(?=[，。、；,]|等|和|及|$)"
        )
        self.numbered = re.compile(rf"{_NUMBERED}[\u4e00-\u9fff“”·]{{2,30}}?({_alt(r['event_suffixes'])})")
        # one event held as two: 2024年度联席会议暨产业工人队伍建设改革工作联席会议
        self.joined = re.compile(rf"暨[\u4e00-\u9fff“”·]{{2,30}}?({_alt(r['event_suffixes'])})")
        self.cup = re.compile(rf"[\u4e00-\u9fff“”]{{2,12}}杯[\u4e00-\u9fff”]{{0,12}}?({_alt(r['event_suffixes'])})")
        # unquoted named contests: 全市职工法律知识竞赛, 湖北省…劳动和技能竞赛
        self.scoped = re.compile(
            rf"(全国|全省|全市|全县|全区)[\u4e00-\u9fff]{{2,16}}?({_alt(['职业技能竞赛', '技能竞赛', '知识竞赛', '劳动竞赛', '技能大赛', '职业技能大赛', '劳动和技能竞赛', '擂台赛', '运动会'])})"
        )
        self.contest = re.compile(
            r"(创新大赛|技能大赛|技能竞赛|劳动竞赛|知识竞赛|创意大赛|擂台赛|运动会|立功竞赛|争霸赛|挑战赛|邀请赛|锦标赛)"
        )
        # congresses and plenums, the genre's commonest events: 党的二十大, 党的十九届六中全会,
        # 省第十一次党代会, 中国工会十八大, 庆祝中国共产党成立100周年大会
        cn = "[一二三四五六七八九十]"
        self.congress = re.compile(
            rf"党的{cn}{{1,3}}届{cn}中全会|党的{cn}{{2,3}}大(?![学型量力会批项类重幅])|(?:中国)?工会{cn}{{2,3}}大(?![学型量力会批项类重幅])"
            rf"|(?:[省市县区]|[\u4e00-\u9fff]{{2,3}}[省市县区])第{cn}{{1,3}}次党代会|庆祝[\u4e00-\u9fff\d]{{4,16}}?周年(?:大会|晚会)"
        )
        # numbered service lines: 12351工会服务职工热线
        self.hotline = re.compile(r"\d{5,6}[\u4e00-\u9fff]{0,10}?(?:热线|服务平台)")
        # a body's own named activity: 沈鼓集团的保质量保工期竞赛
        self.owned = re.compile(
            r"的((?!各类|各项|相关|特色|系列|这些|一系列|有关|重要|主要|年度|日常|多项)[\u4e00-\u9fff“”]{2,12}?"
            r"(?:劳动竞赛|技能竞赛|竞赛|比赛|大赛|活动|工程|行动|计划))(?=[，。、；,]|$|以及)"
        )
        self._gaz = gazetteer()
        self.book = re.compile(r"《([^《》\n]{2,30})》(第[一二三四五六七八九十\d]+季)?")

    def _contests(self, doc: Doc, out: list[Cand]) -> None:
        """Unquoted named contests headed by a body or place: 中铝集团创新创意大赛,
        肥西县消防救援技能竞赛 — the noun chunk before the contest word, over LAC words."""
        from graphbuild.nlp.components.lac_tagger import lac_tokens

        text = text_of(doc)
        toks = lac_tokens(doc)
        if not toks:
            return
        ends = {t.end: i for i, t in enumerate(toks)}
        for m in self.contest.finditer(text):
            i = ends.get(m.end())
            if i is None:
                continue
            j = i
            # the contest word may be inside the last LAC word (技能竞赛)
            while j > 0 and toks[j].start > m.start():
                j -= 1
            words = []
            while j > 0:
                p = toks[j - 1]
                if words and words[-1].tag in ("LOC", "ORG") and p.tag != "LOC":
                    break  # the named body or place heads the contest
                if (
                    p.tag in ("n", "nz", "nw", "LOC", "ORG", "vn", "an", "j", "v")
                    and len(text[p.start : m.end()]) <= 24
                    and p.text not in ("各类", "相关", "举办", "开展", "参加", "组织")
                ):
                    words.append(p)
                    j -= 1
                    continue
                break
            while words and words[-1].tag == "v":
                words.pop()  # 进入中铝集团…: a verb may sit inside, not at the front
            start = words[-1].start if words else toks[j].start
            proper = any(w.tag in ("LOC", "ORG", "nz") for w in words)
            name = text[start : m.end()]
            if proper and len(name) >= 7 and "\n" not in name:
                out.append(Cand(start, m.end(), "Event", name, "activity"))

    @staticmethod
    def _listed_happenings(doc: Doc, out: list[Cand]) -> None:
        """Named happenings listed before 等活动 after the verb that held them:
        策划开展了南粤工匠开学第一课、海陆空员工迎国庆等活动. Kinds of work (走访慰问、
        技能培训等活动) are no names: an item is one when it is long or names something."""
        from graphbuild.nlp.components.lac_tagger import lac_tokens

        text = text_of(doc)
        toks = lac_tokens(doc)
        for m in _LISTED_HAPPENINGS.finditer(text):
            pos = m.start(1)
            for item in m.group(1).split("、"):
                proper = any(
                    t.tag in ("nz", "LOC", "ORG", "PER", "TIME") and pos <= t.start and t.end <= pos + len(item) for t in toks
                )
                if len(item) >= 7 or proper:
                    out.append(Cand(pos, pos + len(item), "Event", item, "activity"))
                pos += len(item) + 1

    @staticmethod
    def _noun_goes_on(doc: Doc, end: int) -> bool:
        """Whether LAC reads the word at ``end`` (or one running over it) as a
        noun that carries the phrase on: 法律服务|方式, 服务|一体化基地."""
        from graphbuild.nlp.components.lac_tagger import lac_tokens

        toks = lac_tokens(doc)
        i = bisect_right(toks, end, key=lambda t: t.end)  # the first word ending after ``end``
        if i == len(toks):
            return False
        t = toks[i]
        if t.start < end:
            return t.tag in ("n", "nz") and not t.text.endswith(("活动", "行动", "工程", "计划"))
        return t.start == end and t.tag in ("n", "nz") and t.text not in _NOT_HEADS

    @staticmethod
    def _joint_holders(out: list[Cand], text: str, start: int) -> int:
        """Where a meeting's name begins when the two bodies that hold it jointly
        come first (山东省政府与省总工会2024年度联席会议): at the first body."""
        bodies = {c.end: c for c in out if c.label in BODIES and c.src == "body"}
        second = bodies.get(start)
        if second is None or second.start < 1 or text[second.start - 1] not in "与和":
            return start
        first = bodies.get(second.start - 1)
        return first.start if first is not None else start

    def _place_before(self, text: str, start: int) -> int:
        """Where a numbered event's name begins when the province or city holding it
        comes first (湖南省第一届职业技能大赛): at that place; else at ``start``."""
        for k in range(8, 1, -1):
            m = self._gaz.match(text, start - k) if start >= k else None
            if m and m.end() == start and m.group().endswith(("省", "市", "区", "县")):
                return start - k
        return start

    def _joined_end(self, text: str, end: int) -> int:
        joined = self.joined.match(text, end)
        return joined.end() if joined else end

    def _label(self, name: str) -> str:
        core = name.rstrip("”")
        if re.match(_NUMBERED, name):
            return "Event"
        return "Event" if core.endswith(self.events) else "Program"

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        out = cands(doc)
        for m in _QUOTE.finditer(text):
            inner = m.group(1) or m.group(2)
            if len(inner) > 20 or _SENTENCE_MARK.search(inner):
                continue  # a quoted sentence, not a name
            s, e = m.start(), m.end()
            after = self.after.match(text, e)
            before = text[max(0, s - 6) : s]
            numbered = _NUMBERED_BEFORE.search(before)
            if after and after.start(1) > e and after.group(1) in self.weak:
                after = None  # weak words make a name only right after the quote
            org_head = inner.endswith(self.org_heads)
            if after and org_head:
                after = None
            shaped_core = bool(re.search(r"[\d+·]", inner))
            if after and after.group(1) in self.shaped_only and not shaped_core:
                after = None
            if after and len(inner) < 2 and not shaped_core and after.end() - e < 5:
                after = None  # (one quoted character leads a longer name: “新”聚力直播课堂)
            if org_head:
                out.append(Cand(s, e, "Organization", inner, "activity"))
                continue
            if _SELECTED.match(text, e):  # “服务之星”和“最美快递员”评选活动: the titles conferred
                out.append(Cand(s + 1, e - 1, "Award", inner, "award"))
                continue
            if after:
                end = after.end()
                for _ in range(2):  # 主题宣讲 + 活动, 工程 + 劳动竞赛 + 活动
                    extra = self.more.match(text, end)
                    if not extra or extra.group(1) in self.weak:
                        break
                    end = extra.end()
                if self._label(text[s:end]) == "Program" and self._noun_goes_on(doc, end):
                    continue  # “园区枫桥”职工法律服务一体化基地: the name's head is further on
                name = text[s:end]
                start = s
                if numbered:
                    start = s - (len(before) - numbered.start())
                    name = text[start:end]
                c = Cand(start, end, self._label(name), name, "activity")
                c.aliases.add(inner)
                # the words between a launching verb and the quote belong to the name:
                # 开展新就业形态女职工“两癌”筛查服务活动 (the quoted form is an alias)
                lead = _LAUNCHED_PREFIX.search(text, max(0, start - 24), start) if not numbered else None
                if lead and not re.search(_PREFIX_STOP, lead.group(1)):
                    c.aliases.add(name)
                    c.start, c.name = lead.start(1), text[lead.start(1) : end]
                out.append(c)
                continue
            # a bare quoted name: a program when it is launched or run, or has
            # the shape of one (digits, +, ·); short words alone are slogans
            shaped = bool(re.search(r"[\d+·]", inner)) or any(
                inner.endswith(x)
                for x in (
                    "计划",
                    "工程",
                    "行动",
                    "活动",
                    "品牌",
                    "机制",
                    "模式",
                    "工作法",
                    "互助",
                    "服务",
                    "课堂",
                    "之城",
                    "夜校",
                )
            )
            wider = text[max(0, s - 9) : s]
            launched = (
                before.endswith(self.launch_verbs)
                or bool(self.verb_near.search(wider))  # 开设暑期“爱心托班”
                or re.search(r"(品牌|项目|活动|行动|工程|计划|服务)$", text[e : e + 3] or "")
                or bool(_NAMED_SERIES.match(text, e))  # “法律帮扶百千万行动”“送法进企业”等系列活动
            )
            # (three characters make a name right after the verb that launches it: 开设“辣菜班”)
            short_ok = len(inner) == 3 and before.endswith(self.verbs) and text[e : e + 1] in ("", *"，。；、,;")
            if len(inner) < 2 or not (shaped or launched) or len(inner) < 4 and not shaped and not short_ok:
                continue
            if "、" in inner and not re.search(r"[\d+]", inner):
                continue  # a list of slogans (单独组建、区域联建、行业统建)
            if re.match(r"[为向对让把被给]", inner) and not re.search(r"[\d+·]", inner):
                continue  # a motto, not a name (聚焦“为人民服务”)
            if re.fullmatch(r"(?:[\u4e00-\u9fff]{1,4}[—–-]+){2,}[\u4e00-\u9fff]{1,4}", inner):
                continue  # a chain of stages (覆盖“发电—供电—用电”全产业链)
            out.append(Cand(s, e, self._label(inner), inner, "activity"))
        for m in self.verb_program.finditer(text):
            name = m.group(1)
            if re.search(r"[的等和及]", name) or re.search(r"(工作|建设)$", name[:-2]) or name.endswith("活动") and len(name) < 8:
                continue  # a description (图书捐赠活动), not a name
            out.append(Cand(m.start(1), m.end(1), self._label(name), name, "activity"))
        self._listed_happenings(doc, out)
        for m in _JOINED_SCHEME.finditer(text):  # 参加了职工互助保障计划: a scheme one joins has a name
            if not re.search(r"[的等和及]", m.group(1)):
                out.append(Cand(m.start(1), m.end(1), "Program", m.group(1), "activity"))
        for m in self.listed.finditer(text):
            pos = m.start()
            for k, item in enumerate(re.split(r"(、|和|及|以及)", m.group())):
                if item in ("、", "和", "及", "以及") or not item:
                    pos += len(item)
                    continue
                start, name = pos, item
                if k == 0:
                    # the pattern's length limit may have cut into a word: back to the clause start
                    while start > 0 and len(name) < 24 and re.match(r"[\u4e00-\u9fff“”]", text[start - 1]):
                        if text[max(0, start - 2) : start] in _CLAUSE_VERBS or text[start - 1] in "的在和与及对向":
                            break
                        start, name = start - 1, text[start - 1] + name
                    # cut after the last verb or copula inside the first item
                    cut = max(
                        (name.rfind(v) + len(v) for v in (*self.lead_verbs, "为", "是", "拓展") if name.rfind(v) >= 0), default=0
                    )
                    if 0 < cut <= len(name) - 3:
                        start, name = start + cut, name[cut:]
                pos += len(item)
                if len(name) < 3 or re.match(r"^(今|去|明|全|每|近|当|同|本|上|下|多)", name) or "年度" in name:
                    continue
                out.append(Cand(start, start + len(name), "Program", name, "activity"))
        self._contests(doc, out)
        # contests listed with one head: 肥西县行业无人机、消防救援等技能竞赛 → one event an item,
        # the place before the first item holding for all
        for m in _SHARED_CONTEST.finditer(text):
            items = listed_items(m.start(1), m.group(1), _CONTEST_LEAD)
            place = re.match(r"[\u4e00-\u9fff]{2,6}?[省市县区]", items[0][1])
            place = place if place and self._gaz.is_place(place.group()) else None
            for k, (pos, item) in enumerate(items):
                if len(item) >= 2 and not re.search(r"[的和与及在了]", item):
                    name = (place.group() if place and k > 0 else "") + item + m.group(2)
                    c = Cand(pos, pos + len(item), "Event", name, "activity")
                    c.aliases.add(item)
                    out.append(c)
        for m in self.scoped.finditer(text):
            end = self._joined_end(text, m.end())
            out.append(Cand(m.start(), end, "Event", text[m.start() : end], "activity"))
        for m in _HELD_MEETING.finditer(text):  # 举办全市工会干部学习贯彻…精神暨业务知识培训班
            out.append(Cand(m.start(1), m.end(1), "Event", m.group(1), "activity"))
        for rx in (self.numbered, self.cup):
            for m in rx.finditer(text):
                start, end = m.start(), self._joined_end(text, m.end())
                name = text[start:end]
                # trim a leading verb or preposition glued on by the character class
                lead = re.match(r"^.*?(举办|开展|参加|组织|启动|在|的|和|与)(?=.)", name)
                if rx is self.cup and lead and lead.end() < name.find("杯"):
                    start += lead.end()
                    name = text[start:end]
                held_from = self._joint_holders(out, text, start) if rx is self.numbered else start
                if rx is self.numbered and held_from == start:
                    held_from = self._place_before(text, start)  # 湖南省第一届职业技能大赛
                c = Cand(
                    held_from,
                    end,
                    "Event",
                    _unquoted_if_unbalanced(text[held_from:end]) if rx is self.numbered else name,
                    "activity",
                )
                if held_from < start:
                    c.aliases.add(_unquoted_if_unbalanced(name))
                out.append(c)
        for m in self.congress.finditer(text):
            start = m.start()
            level = re.match(r"([\u4e00-\u9fff]{2,3})([省市县区])第", m.group())
            if level and not self._gaz.is_place(level.group(1) + level.group(2)):
                start += len(level.group(1))  # 学习省第…: the level alone, resolved later
            out.append(Cand(start, m.end(), "Event", text[start : m.end()], "activity"))
        for m in self.hotline.finditer(text):
            out.append(Cand(m.start(), m.end(), "Program", m.group(), "activity"))
        for c in [c for c in out if c.label in ("Union", "Enterprise", "Organization")]:
            m = self.owned.match(text, c.end)
            # (沈飞集团的职工参加竞赛: a clause with its verb, not a name)
            if m and not re.search(r"[的和与及、]|参加|参与|参赛|开展|举办|组织|进行|投身", m.group(1)):
                name = m.group(1)
                out.append(
                    Cand(
                        m.start(1),
                        m.end(1),
                        self._label(name),
                        _unquoted_if_unbalanced(name),
                        "activity",
                    )
                )
        for c in out:
            # a contest's launch or award ceremony is an event of its own: …竞赛启动仪式
            cer = _CEREMONY.match(text, c.end)
            if c.label == "Event" and c.src == "activity" and cer and c.name.endswith(text[c.start : c.end][-2:]):
                c.end = cer.end()
                c.name += cer.group()
        for m in self.book.finditer(text):
            inner = m.group(1)
            if DOC_TITLE.search(inner):
                continue
            if inner.endswith("报"):
                out.append(Cand(m.start(), m.end(), "Organization", inner, "activity"))
                continue
            name = f"《{inner}》{m.group(2)}" if m.group(2) else inner
            out.append(Cand(m.start(), m.end(), "Program", name, "activity"))
        return doc
