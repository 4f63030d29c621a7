"""Page segmentation: a newspaper page holds several articles.

An article starts at a run of headline paragraphs (short lines without final
punctuation, ``#`` headings, decks ending in ——) that is followed by body text;
bylines and ``本报讯`` leads belong to the article they open.

>>> page = "标题一\\n\\n本报讯 正文一。\\n\\n标题二\\n\\n正文二写了很多很多很多很多很多很多很多很多很多很多的字。"
>>> [(a.title, page[a.start:a.end][:6]) for a in split_articles(page)]
[('标题一', '标题一\\n\\n本'), ('标题二', '标题二\\n\\n正')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graphbuild.corpus.normalize import LEAD, _paragraphs, is_byline, is_heading


@dataclass(frozen=True)
class ArticleSpan:
    start: int
    end: int
    title: str
    title_end: int  # where the headline block ends (the lead starts)


# a reference back to a body named before (该厂, 该公司): the story goes on
_BACK_REFERENCE = re.compile(r"(?:该|这家|此)(?:公司|集团|企业|厂|院|局|中心|协会|联盟|工作室|工会|矿)")


# a section that opens with its verb: the subject is the story's (充分利用…政策，联合县人社局…)
_SUBJECTLESS = re.compile(
    r"(?:充分|联合|通过|依托|围绕|坚持|持续|深入|积极|着力|聚焦|推动|加强|建立|开展|实施|针对|结合|注重|强化|健全|完善|搭建|打造)"
)


# the labels of a story's own boxes
_BOXES = {"阅读提示", "编者按", "记者手记", "相关链接", "链接", "短评", "延伸阅读"}


def _subheading(text: str, paras: list[tuple[int, int]], k: int, j: int) -> bool:
    """A lone heading whose next paragraph refers back to what came before it
    (赛训结合帮职工提素 / …该厂每年…) or opens with its verb (充分利用…) heads a
    section of the story, not a new story."""
    if j - k != 1:
        return False
    if text[paras[k][0] : paras[k][1]].strip() in _BOXES:
        return True
    body = text[paras[j][0] : paras[j][1]].strip()
    return not LEAD.match(body) and bool(_BACK_REFERENCE.search(body) or _SUBJECTLESS.match(body))


def split_articles(text: str) -> list[ArticleSpan]:
    """Split normalized page text into article spans covering all paragraphs."""
    paras = _paragraphs(text)
    if not paras:
        return []
    kinds = []
    for s, e in paras:
        p = text[s:e].strip()
        kinds.append("byline" if is_byline(p) else "head" if is_heading(p) else "body")
    starts = [0]
    k = 0
    while k < len(paras):
        if kinds[k] == "head":
            j = k
            while j < len(paras) and kinds[j] in ("head", "byline"):
                j += 1
            if j < len(paras) and k > 0 and kinds[k - 1] != "head" and starts[-1] != k and not _subheading(text, paras, k, j):
                starts.append(k)
            k = j
        else:
            k += 1
    out = []
    for n, first in enumerate(starts):
        last = (starts[n + 1] if n + 1 < len(starts) else len(paras)) - 1
        heads = []
        j = first
        while j <= last and kinds[j] in ("head", "byline"):
            if kinds[j] == "head":
                heads.append(text[paras[j][0] : paras[j][1]].strip().lstrip("#").strip())
            j += 1
        title_end = paras[j][0] if j <= last else paras[last][1]
        out.append(ArticleSpan(paras[first][0], paras[last][1], " ".join(heads)[:200], title_end))
    return out
