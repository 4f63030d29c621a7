"""Fuzz the reader, the normalizer and the whole pipeline with random input
(hypothesis at scale), one input in a hundred tens of thousands of characters
without punctuation; prints inputs tried and crashes found.

    .venv/bin/python bench/fuzz.py [--quick]
"""

from __future__ import annotations

import random
import traceback

from common import Timer, args, report

from graphbuild.corpus.articles import articles_from_text
from graphbuild.corpus.reader import decode
from graphbuild.errors import GraphbuildError
from graphbuild.extract import extract_article, offset_problems, validate_record

PIECES = ["总工会", "市总", "省总", "“", "”", "《", "》", "，", "。", "\n\n", "公司", "主席", "荣获", "全国劳模", "(", ")", "（以下简称", "拜", "为师", "由", "主办", "联合", "面向",
          "\ud800", "\u0000", "\u202e", "👷", "<script>", "'})", "$x", "會", "1,000", "9:30", "#", "本报讯"]  # fmt: skip


def random_text(rnd: random.Random) -> str:
    out = []
    for _ in range(rnd.randrange(0, 60)):
        k = rnd.random()
        if k < 0.4:
            out.append("".join(chr(rnd.randrange(0x4E00, 0x9FA5)) for _ in range(rnd.randrange(1, 12))))
        elif k < 0.8:
            out.append(rnd.choice(PIECES))
        else:
            out.append("".join(chr(rnd.randrange(0, 0x3000)) for _ in range(rnd.randrange(1, 6))))
    return "".join(out)


UNPUNCTUATED = [p for p in PIECES if not any(ch in p for ch in "，。、\n()（“”")]


def long_text(rnd: random.Random) -> str:
    """Tens of thousands of characters without a sentence end: names, words and random CJK glued together."""
    out: list[str] = []
    while sum(map(len, out)) < rnd.randrange(20_000, 60_000):
        out.append(rnd.choice(UNPUNCTUATED) if rnd.random() < 0.5 else chr(rnd.randrange(0x4E00, 0x9FA5)) * rnd.randrange(1, 4))
    return "".join(out)


def main() -> None:
    a = args(__doc__)
    n = 200 if a.quick else 5000
    rnd = random.Random(11)
    crashes = 0
    with Timer() as t:
        for _ in range(n):
            data = bytes(rnd.randrange(256) for _ in range(rnd.randrange(0, 200)))
            try:
                decode(data, "fuzz")
            except GraphbuildError:
                pass
            except Exception:  # noqa: BLE001
                crashes += 1
                traceback.print_exc()
            # one input in a hundred is long and has no punctuation (time must stay linear)
            text = long_text(rnd) if rnd.random() < 0.01 else random_text(rnd)
            try:
                for art in articles_from_text(text, path="fuzz.txt"):
                    rec = extract_article(art)
                    assert validate_record(rec) == [] and offset_problems(rec, text) == []
            except Exception:  # noqa: BLE001
                crashes += 1
                traceback.print_exc()
    report("Fuzzing reader, normalizer and pipeline", [{"inputs": 2 * n, "crashes": crashes, "seconds": t.seconds}], a.json)
    raise SystemExit(1 if crashes else 0)


if __name__ == "__main__":
    main()
