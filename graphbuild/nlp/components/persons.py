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

import re

from spacy.language import Language
from spacy.tokens import Doc

from graphbuild.nlp.candidates import Cand, cands
from graphbuild.nlp.components.lac_tagger import lac_tokens
from graphbuild.nlp.gazetteer import gazetteer, rules

_BYLINE_BEFORE = re.compile(r"(记者|通讯员|实习生|编辑|摄影|作者|撰稿|文/|图/|本报记者|本报通讯员)[\s\u4e00-\u9fff·、]{0,12}$")
_BYLINE_AFTER = re.compile(r"^[\s\u4e00-\u9fff·、]{0,12}?(/?摄|）$|\)$)")
_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")


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
    if re.search(r"[（(][\s\u4e00-\u9fff·]{0,10}$", before) and re.match(r"^[\s\u4e00-\u9fff·]{0,10}[）)]\s*$", text[end:line_end]):
        return True
    return False


class PersonFinder:
    def __init__(self) -> None:
        titles = sorted(rules()["person_titles"], key=len, reverse=True)
        self.title_name = re.compile(rf"(?:{'|'.join(map(re.escape, titles))})([\u4e00-\u9fff]{{2,3}})(?=[，。、说表介告指要强在是对向和与（“：\s])")
        self.gaz = gazetteer()
        # apprenticeship phrasing names people LAC may cut (王 + 建国)
        self.context_name = re.compile(r"拜([\u4e00-\u9fff]{2,3}?)为师|(?:师傅|徒弟|师父)(?:是)?([\u4e00-\u9fff]{2,3}?)(?=[，。、说表和与的（\s])")

    def _ok(self, text: str, s: int, e: int) -> bool:
        name = text[s:e]
        if not _NAME.match(name) or name.endswith("某") or name.endswith(("师傅", "大姐", "阿姨", "大爷")):
            return False
        if re.match(r"^[（(]?化名", text[e : e + 4]):
            return False
        if self.gaz.is_place(name):
            return False
        return not is_byline(text, s, e)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        out = cands(doc)
        seen = set()
        for t in lac_tokens(doc):
            if t.tag == "PER" and self._ok(text, t.start, t.end):
                out.append(Cand(t.start, t.end, "Person", t.text, "person"))
                seen.add(t.text)
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
            if tok is not None and tok.tag in ("PER", "LOC", "nr"):
                out.append(Cand(m.start(1), m.end(1), "Person", name, "person"))
        return doc
