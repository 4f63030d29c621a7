"""Features of a candidate pair of entity mentions, for the relation classifier.

A pair is two mentions of one sentence (or of a headline and its lead).
What it reads: the two types and their order, how far apart they are, the
characters and LAC words between them, the characters just outside, which
cue words of ``patterns/relations.json`` stand between, before or after
them, the other entities between, and what the rules decided for the pair.

>>> f = pair_features("省总工会主席徐海荣说。", (0, 11), (6, 9, "Person"), (0, 4, "Union"), {"WORKS_AT"}, [(4, 6, "title_words")])
>>> "types=Person>Union" in f and "rule=WORKS_AT" in f and "btw=主席" in f and "cue_btw=title_words" in f
True
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

# a mention as (start, end, label) in the doc's text
Mention = tuple[int, int, str]
# characters at each end of the stretch between two mentions that the features read
NEAR = 6
# a cue word found in the sentence: (start, end, its class in patterns/relations.json)
Cue = tuple[int, int, str]


# (every set below is sorted: the features come in one order in every process, so the
# float sums of the scores, and the decisions at the threshold, are the same on every run)


def _bucket(n: int) -> str:
    for limit in (0, 2, 5, 10, 20, 40):
        if n <= limit:
            return str(limit)
    return "far"


def pair_features(
    text: str,
    sent: tuple[int, int],
    head: Mention,
    tail: Mention,
    rule_types: Iterable[str],
    cues: Sequence[Cue],
    others: Iterable[Mention] = (),
    words: Sequence[tuple[int, int, str, str]] = (),
) -> list[str]:
    hs, he, hl = head
    ts, te, tl = tail
    types = f"{hl}>{tl}"
    f = [f"types={types}"]
    if hs <= ts and te <= he or ts <= hs and he <= te:
        f.append(f"nested={types}={'h_in_t' if ts <= hs and he <= te else 't_in_h'}")
        left, right = (min(hs, ts), max(he, te))
        between = ""
    else:
        order = "ht" if hs < ts else "th"
        f.append(f"order={types}={order}")
        left_end, right_start = (he, ts) if hs < ts else (te, hs)
        between = text[left_end:right_start]
        left, right = min(hs, ts), max(he, te)
        dist = _bucket(len(between))
        f.append(f"dist={dist}")
        f.append(f"dist={types}={order}={dist}")
        if len(between) <= 8:
            f.append(f"btw={between}")
        # the words next to each end say most; a long stretch between says little more
        near = between if len(between) <= 2 * NEAR else between[:NEAR] + "\x00" + between[-NEAR:]
        f.extend(["bc=" + ch for ch in sorted(set(near) - {"\x00"})])
        f.extend(["bb=" + b for b in sorted({near[i : i + 2] for i in range(len(near) - 1)}) if "\x00" not in b])
        if between:
            f.append(f"bf={between[:2]}")
            f.append(f"bl={between[-2:]}")
            f.append(f"bl1={types}={between[-1]}")
        for p in "，、；：（":
            if p in between:
                f.append(f"punct={p}")
        # the verbs between (``words`` are in text order: only the stretch between is read)
        k = bisect.bisect_left(words, (left_end,))
        while k < len(words) and words[k][0] < right_start:
            s, e, w, tag = words[k]
            if e <= right_start and tag[:1] == "v":
                f.append("bv=" + w)
            k += 1
        inside = [lab for s, e, lab in others if left_end <= s and e <= right_start]
        f.extend([f"between_ent={lab}" for lab in sorted(set(inside))])
        f.append(f"n_between={min(len(inside), 3)}")
        for name in sorted({c for a, b, c in cues if left_end <= a and b <= right_start}):
            f.append(f"cue_btw={name}")
            f.append(f"cue_btw={types}={order}={name}")
    s0, s1 = sent
    before = text[max(s0, left - 3) : left]
    after = text[right : min(s1, right + 3)]
    f.append(f"pre1={before[-1:]}")
    f.append(f"pre2={before[-2:]}")
    f.append(f"post1={after[:1]}")
    f.append(f"post2={after[:2]}")
    head_text = text[hs:he]
    tail_text = text[ts:te]
    f.append(f"hsuf={hl}={head_text[-2:]}")
    f.append(f"tsuf={tl}={tail_text[-2:]}")
    for name in sorted({c for a, b, c in cues if b <= left}):
        f.append(f"cue_pre={types}={name}")
    for name in sorted({c for a, b, c in cues if a >= right}):
        f.append(f"cue_post={types}={name}")
    rules = sorted(set(rule_types))
    for r in rules:
        f.append(f"rule={r}")
        f.append(f"rule={r}={types}")
    if not rules:
        f.append(f"rule=none={types}")
    return f


def cross_features(
    text: str,
    sent: tuple[int, int],
    mention: Mention,
    where: str,
    types: str,
    rule_types: Iterable[str],
    cues: Sequence[Cue],
) -> list[str]:
    """Features of a pair across sentences: the mention of this sentence and its
    surroundings, and where the other one was named (``prev``: the sentence
    before; ``topic``: the article's first activity)."""
    s0, s1 = sent
    ms, me, _ = mention
    f = [f"x={where}={types}", f"x={where}"]
    f.append(f"xpre2={text[max(s0, ms - 2) : ms]}")
    f.append(f"xpost2={text[me : min(s1, me + 2)]}")
    f.append(f"xopen={text[s0 : s0 + 2]}")
    f.append(f"xpos={'first' if text[s0:ms].strip(' ，,') == '' else 'later'}")
    for name in sorted({c for _, _, c in cues}):
        f.append(f"xcue={types}={name}")
    for name in sorted({c for a, b, c in cues if a >= me and b <= me + 8}):
        f.append(f"xcue_after={types}={name}")
    for word in ("出席", "参加", "参与", "获", "会上", "活动中", "当天", "现场", "比赛中", "期间"):
        if word in text[s0:s1]:
            f.append(f"xw={types}={word}")
    rules = sorted(set(rule_types))
    for r in rules:
        f.append(f"xrule={r}={types}")
    if not rules:
        f.append(f"xrule=none={types}")
    return f


def name_features(name: str, prefix: str, label: str, prefix_label: str, rule_types: Iterable[str]) -> list[str]:
    """Features of a body named after another (``name`` starts with ``prefix``).

    >>> name_features("航天科工集团三院", "航天科工集团", "Enterprise", "Enterprise", ())[:3]
    ['n=Enterprise>Enterprise', 'nrest=三院', 'nhead=集团']
    """
    rest = name[len(prefix) :]
    types = f"{label}>{prefix_label}"
    f = [f"n={types}", f"nrest={rest[-2:]}", f"nhead={prefix[-2:]}", f"nrest1={rest[:1]}", f"nlen={min(len(rest), 8)}"]
    f += [f"nrule={r}" for r in sorted(set(rule_types))] or ["nrule=none"]
    return f
