"""Persons: LAC's PER words, without bylines (记者, 通讯员, 摄), anonymized
names (韦某, 化名, 王师傅) and single characters; a title before a name that
LAC missed (主席徐海荣) adds it.

>>> import spacy
>>> nlp = spacy.blank("zh"); _ = nlp.add_pipe("gb_lac"); _ = nlp.add_pipe("gb_persons")
>>> from graphbuild.nlp.candidates import cands
>>> sorted(c.name for c in cands(nlp("本报讯（记者田国奎）省总工会主席徐海荣说。")))
['徐海荣']
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from graphbuild.nlp.candidates import Cand, cands, text_of
from graphbuild.nlp.components.lac_tagger import lac_tokens
from graphbuild.nlp.gazetteer import gazetteer, rules
from graphbuild.nlp.lac import Token
from graphbuild.nlp.words import alternation

_BYLINE_BEFORE = re.compile(r"(记者|通讯员|实习生|编辑|摄影|作者|撰稿|文/|图/|本报记者|本报通讯员)[\s\u4e00-\u9fff·、]{0,12}$")
_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
# the commonest surnames: a name after a title needs one when LAC did not tag it
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)


# verbs LAC and jieba glue onto a short name (易冉说, 陈恺拜师)
_GLUED_VERBS = set("说讲称道拜")
# (和 and 向 are surnames too, but rare ones beside these uses)
_CONJUNCTIONS = set("和与及跟")
_PREPOSITIONS = set("向对在把被从为")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Two- to four-character words of jieba's dictionary that are not names:
    a "name" that is an ordinary word (单位, 成长, 海陆空) is a tagging error.
    Filtered once into the user cache, then read back fast."""
    from importlib.util import find_spec

    from graphbuild.io import atomic_write_text
    from graphbuild.nlp.pkuseg import cache_root

    spec = find_spec("jieba")  # its dictionary, without importing jieba (0.3 s)
    source = Path(spec.origin).parent / "dict.txt"  # type: ignore[union-attr,arg-type]
    # keyed by content, not mtime: every fresh install would otherwise add a copy
    stamp = hashlib.sha1(source.read_bytes()).hexdigest()[:16]
    cached = cache_root() / f"common-words-{stamp}.txt"
    try:
        return frozenset(cached.read_text("utf-8").split("\n"))
    except OSError:
        pass
    words = set()
    with source.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and 2 <= len(parts[0]) <= 4 and int(parts[1]) >= 20 and not parts[2].startswith("nr"):
                words.add(parts[0])
    try:
        atomic_write_text(cached, "\n".join(sorted(words)))
    except OSError:
        pass  # a read-only cache only costs time
    return frozenset(words)


# LAC's tags of function words (prepositions, conjunctions, particles, adverbs, pronouns,
# numerals, measures, directions, punctuation): no name ends in one (李明|和, 王芳|等)
_FUNCTION_TAGS = frozenset("p c u d xc r m q f w".split())


def _may_end_a_name(token: Token) -> bool:
    """A character LAC cut off after a two-character name as a word of its own."""
    return len(token.text) == 1 and token.tag not in _FUNCTION_TAGS and bool(_CJK.match(token.text))


@lru_cache(maxsize=1)
def jieba_posseg():  # noqa: ANN201 - jieba.posseg.POSTokenizer
    """jieba's tagger, loaded once (about a second): an extraction loads it before it forks
    its workers, which then share it."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    words = jieba.Tokenizer()
    words.initialize()  # its dictionary, else read at the first cut
    return jieba.posseg.POSTokenizer(words)


def three_character_name(text: str, start: int, window: tuple[int, int]) -> str | None:
    """The three-character name jieba reads where LAC read a two-character one:
    LAC cuts a rare given name's last character off as a word of its own
    (张新|停介绍, 吕业|升希望), jieba's name model keeps it. Only the
    ``window`` is cut: the words around the name.

    >>> three_character_name("技术员张新停介绍", 3, (0, 8))
    '张新停'
    """
    offset = window[0]
    for pair in jieba_posseg().cut(text[window[0] : window[1]]):
        if offset == start:
            name = pair.word
            return name if len(name) == 3 and pair.flag == "nr" and name[-1] not in _GLUED_VERBS else None
        offset += len(pair.word)
        if offset > start:
            return None
    return None


@Language.factory("gb_persons")
def make_persons(nlp: Language, name: str) -> PersonFinder:
    return PersonFinder()


def is_byline(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, start - 16) : start]
    after = text[end : min(line_end, end + 16)]
    if _BYLINE_BEFORE.search(before):
        return True
    if re.match(r"^[\s\u4e00-\u9fff·]{0,10}/?摄", after) and "摄" in text[end:line_end][:14]:
        return True
    # a trailing （姓名 姓名） at the end of a paragraph credits the writer
    if re.search(r"[（(][\s\u4e00-\u9fff·]{0,10}$", before) and re.match(
        r"^[\s\u4e00-\u9fff·]{0,10}[）)]\s*$", text[end:line_end]
    ):
        return True
    return False


class PersonFinder:
    def __init__(self) -> None:
        titles = sorted(rules()["person_titles"], key=len, reverse=True)
        self.title_name = re.compile(
            rf"(?:{alternation(titles)})([\u4e00-\u9fff]{{2,3}}?)(?=[，。、说表介告指要强在是对向和与（“：\s]|获|荣|被|当选|参加|带|拜|作为|等|已|也|就|还|都|自豪|坦言|认为|感慨)"
        )
        self.gaz = gazetteer()
        # apprenticeship phrasing names people LAC may cut (王 + 建国)
        self.context_name = re.compile(
            r"拜([\u4e00-\u9fff]{2,3}?)为师|(?:师傅|徒弟|师父)(?:是)?([\u4e00-\u9fff]{2,3}?)(?=[，。、说表和与的（\s])"
        )

    def _ok(self, text: str, s: int, e: int) -> bool:
        name = text[s:e]
        if not _NAME.match(name) or name.endswith("某") or name.endswith(("师傅", "大姐", "阿姨", "大爷")):
            return False
        if re.match(r"^[（(]?化名", text[e : e + 4]):
            return False
        if self.gaz.is_place(name) or name in common_words():
            return False
        # a preposition or conjunction glued to a word: 职工向科技、管理人员拓展, 职工和新就业形态劳动者
        if name[0] in _CONJUNCTIONS and s > 0 and _CJK.match(text[s - 1]):
            return False
        if name[0] in _PREPOSITIONS and len(name) == 3 and name[1:] in common_words():
            return False
        return not is_byline(text, s, e)

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        out = cands(doc)
        # a name written once with （化名） is anonymized everywhere in the article
        anonymized = {n[-k:] for n in re.findall(r"([\u4e00-\u9fff]{2,3})[（(]化名", text) for k in (2, 3)}
        seen = set(anonymized)
        tokens = lac_tokens(doc)
        for k, t in enumerate(tokens):
            if t.tag != "PER":
                continue
            start, end = t.start, t.end
            # LAC glues a following 说/讲 onto short names (易冉说)
            if end - start == 3 and text[end - 1] in _GLUED_VERBS and text[start] in SURNAMES:
                end -= 1
            elif end - start == 2 and k + 1 < len(tokens) and _may_end_a_name(tokens[k + 1]):
                # jieba (1 ms a call) asked only then, about the words around the name
                # (the word before it whole: 技术员|张新停, not 术员)
                window = (max(tokens[k - 1].start, start - 6) if k else start, tokens[min(k + 2, len(tokens) - 1)].end)
                end = start + len(three_character_name(text, start, window) or text[start:end])
            if text[start:end] not in anonymized and self._ok(text, start, end):
                out.append(Cand(start, end, "Person", text[start:end], "person"))
                seen.add(text[start:end])
        for m in self.context_name.finditer(text):
            g = 1 if m.group(1) else 2
            if m.group(g) not in seen and self._ok(text, m.start(g), m.end(g)):
                out.append(Cand(m.start(g), m.end(g), "Person", m.group(g), "person"))
                seen.add(m.group(g))
        for m in self.title_name.finditer(text):
            name = m.group(1)
            if name in seen or not self._ok(text, m.start(1), m.end(1)):
                continue
            # only a surname-like start: LAC tagged the first character alone
            tok = next((t for t in lac_tokens(doc) if t.start <= m.start(1) < t.end), None)
            if tok is not None and tok.tag in ("PER", "LOC", "nr") or name[0] in SURNAMES:
                out.append(Cand(m.start(1), m.end(1), "Person", name, "person"))
        return doc
