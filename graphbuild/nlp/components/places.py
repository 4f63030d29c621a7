"""Places from the administrative-division gazetteer, plus towns, streets,
villages, parks and zones that follow a known place.

>>> import spacy
>>> nlp = spacy.blank("zh"); _ = nlp.add_pipe("gb_places")
>>> from graphbuild.nlp.candidates import cands
>>> sorted({c.name for c in cands(nlp("在湖南省浏阳市关口街道道源湖村"))})
['关口街道', '浏阳市', '湖南省', '道源湖村']
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from graphbuild.nlp.candidates import Cand, cands, text_of
from graphbuild.nlp.gazetteer import gazetteer, rules
from graphbuild.nlp.words import alternation

_CJK_BEFORE_OK = set("在于到赴至从自、，（“《和与及暨")


@Language.factory("gb_places")
def make_places(nlp: Language, name: str) -> PlaceFinder:
    return PlaceFinder()


# full gazetteer names that are ordinary words here
NOT_PLACES = {"郊区", "矿区", "城区", "新区"}


class PlaceFinder:
    def __init__(self) -> None:
        self.gaz = gazetteer()
        minor = alternation(rules()["place_minor_suffixes"])
        self.minor = re.compile(rf"([\u4e00-\u9fff]{{2,6}}?)({minor})")
        self.minor_direct = re.compile(rf"({minor})")

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        out = cands(doc)
        for m in self.gaz.finditer(text):
            written = m.group()
            canon = self.gaz.canonical(written)
            short = written != canon
            if short and m.end() < len(text) and text[m.end()] in "省市区县州":
                continue  # part of a longer unknown name
            if written in NOT_PLACES:
                continue
            if m.start() > 0 and written[0] in "和与及" and text[m.start() - 1] in "会局司厂部委院":
                continue  # 总工会和县人社局: 和 joins two bodies, 和县 is not meant
            # 浙江东阳: a county-level short form right after its province or city
            child = self.gaz.child_short(canon, text, m.end())
            pos = m.end()
            while child:  # and its siblings listed after it: 山西和顺、壶关
                out.append(Cand(pos, pos + len(child[0]), "Place", child[1], "place", {child[0]}))
                pos += len(child[0])
                if pos >= len(text) or text[pos] not in "、和及":
                    break
                child = self.gaz.child_short(canon, text, pos + 1)
                pos += 1
            c = Cand(m.start(), m.end(), "Place", canon, "place")
            if short:
                c.aliases.add(written)
            out.append(c)
            # a chain of minor places after it (街道, 村, 开发区 ...)
            pos = m.end()
            prefix = written
            while pos < len(text):
                mm = (self.minor_direct.match(text, pos) if short and pos == m.end() else None) or self.minor.match(text, pos)
                if not mm:
                    break
                zone = not mm.group().endswith(("街道", "社区", "镇", "乡", "村"))
                if mm.re is self.minor_direct or zone:
                    # zones keep the place before them (大兴区生物医药产业基地); streets and villages do not
                    name = prefix + mm.group()
                    start = m.start() if mm.re is self.minor_direct else mm.start() - len(prefix)
                else:
                    name = mm.group()
                    start = mm.start()
                if self.gaz.match(mm.group()) or re.match(r"[的在和与是了从到为对把被及等]", mm.group()):
                    break  # the next gazetteer place (found by the outer loop), or not a name
                out.append(Cand(start, mm.end(), "Place", name, "place"))
                pos = mm.end()
                prefix = name
        return doc
