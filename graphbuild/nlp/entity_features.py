"""Features of a resolved entity, for the entity filter.

What says whether a found name is one the article names: its type, its
head and first characters, its length, how often it is written, which rule
components proposed its spans (of its type or another), whether it is
inside another entity or holds one, quote marks and LAC's word edges around
it, and the characters beside its first mention.

>>> from graphbuild.nlp.components.resolver import Entity
>>> [f] = entity_features("在京内举办活动", [Entity("京内", "Place", mentions=[(1, 3)])], [], [(1, 3, "京内", "LOC")])
>>> "s2=Place=京内" in f and "src=Place=none" in f and "pre1=Place=在" in f and "lac=Place=BELOC" in f
True
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from graphbuild.nlp.candidates import Cand
from graphbuild.nlp.components.resolver import Entity


def _bucket(n: int, limits: Sequence[int] = (1, 2, 3, 4, 6, 9, 14)) -> str:
    return next((str(limit) for limit in limits if n <= limit), "more")


def entity_features(
    text: str,
    entities: Sequence[Entity],
    cands: Sequence[Cand],
    words: Sequence[tuple[int, int, str, str]],
    *,
    among: Sequence[Entity] | None = None,
) -> list[list[str]]:
    """The features of each of ``entities``, ``among`` the doc's entities (by default
    those); ``words``: LAC's (start, end, word, tag) in text order."""
    by_span: dict[tuple[int, int], set[tuple[str, str]]] = {}
    for c in cands:
        by_span.setdefault((c.start, c.end), set()).add((c.src, c.label))
    spans = sorted((s, e) for en in (entities if among is None else among) for s, e in en.mentions)
    starts = [s for s, _ in spans]
    longest = max((e - s for s, e in spans), default=0)
    word_starts = [w[0] for w in words]

    def word_at(i: int) -> tuple[int, int, str, str] | None:
        k = bisect.bisect_right(word_starts, i) - 1
        return words[k] if k >= 0 and i < words[k][1] else None

    # (a line break is a character like the others here, but it would break the model file's vocabulary)
    text = text.replace("\n", "¶")
    out = []
    for entity in entities:
        t, name = entity.label, entity.name
        f = [
            f"T={t}",
            f"s1={t}={name[-1:]}",
            f"s2={t}={name[-2:]}",
            f"s3={t}={name[-3:]}",
            f"p2={t}={name[:2]}",
            f"len={t}={_bucket(len(name))}",
            f"nm={t}={_bucket(len(entity.mentions), (1, 2, 3))}",
        ]
        sources, lac, inside, holds, quoted = set(), set(), False, False, False
        for s, e in entity.mentions:
            sources |= {f"{src}{'=' if label == t else '!'}" for src, label in by_span.get((s, e), ())}
            # a mention inside another starts at most the longest mention's length before it
            for s2, e2 in spans[bisect.bisect_left(starts, s - longest) : bisect.bisect_left(starts, e)]:
                if (s2, e2) != (s, e):
                    inside = inside or s2 <= s and e <= e2
                    holds = holds or s <= s2 and e2 <= e
            quoted = quoted or text[s - 1 : s] in ("“", "‘", "《") or text[e : e + 1] in ("”", "’", "》")
            first, last = word_at(s), word_at(e - 1)
            if first and last:
                kind = first[3] if first is last else "multi"
                lac.add(("B" if first[0] == s else "b") + ("E" if last[1] == e else "e") + kind)
        f += [f"src={t}={x}" for x in sorted(sources)] or [f"src={t}=none"]
        f += [f"inside={t}={inside}", f"holds={t}={holds}", f"quoted={t}={quoted}"]
        f += [f"lac={t}={x}" for x in sorted(lac)]
        s, e = entity.mentions[0] if entity.mentions else (0, 0)
        f += [f"pre1={t}={text[s - 1 : s]}", f"pre2={t}={text[max(0, s - 2) : s]}", f"post1={t}={text[e : e + 1]}", f"post2={t}={text[e : e + 2]}"]
        if entity.aliases:
            f.append(f"alias={t}")
        out.append(f)
    return out
