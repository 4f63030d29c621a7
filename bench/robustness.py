"""Extraction speed on text that used to stall it: 25k-200k characters with no
sentence punctuation (OCR output, a flattened table) and a page of random CJK,
each against a normal page in the same run. The target: every ratio within
2x (chars/s of the input at least half the page's).

    .venv/bin/python bench/robustness.py [--quick]
"""

from __future__ import annotations

import random

from common import ROOT, Timer, args, report

from graphbuild.corpus.articles import articles_from_text
from graphbuild.extract import extract_many
from graphbuild.nlp.components.persons import jieba_posseg
from graphbuild.nlp.pipeline import load_for_extraction

PHRASE = "大连市总工会组织劳模工匠进校园"


def chars_per_second(nlp, text: str) -> tuple[float, int]:  # noqa: ANN001
    with Timer() as t:
        arts = list(articles_from_text(text, path="bench.txt"))
        extract_many(arts, nlp)
    return len(text) / t.seconds, len(arts)


def main() -> None:
    a = args(__doc__)
    jieba_posseg()  # loaded before the text: throughput, not start-up (about a second)
    nlp = load_for_extraction()  # as an extraction process readies itself
    page = (ROOT / "corpus" / "000_7e27c9a54797f256.txt").read_text("utf-8")
    rnd = random.Random(5)
    sizes = [5_000, 10_000] if a.quick else [25_000, 50_000, 100_000, 200_000]
    inputs = [(f"no punctuation, {n:,} chars", (PHRASE * (n // len(PHRASE) + 1))[:n]) for n in sizes]
    random_cjk = "".join(chr(rnd.randrange(0x4E00, 0x9FA5)) for _ in range(sizes[0]))
    inputs.append((f"random CJK, {len(random_cjk):,} chars", random_cjk))
    page_speed, page_articles = chars_per_second(nlp, page)
    rows = [{"input": f"a seed page, {len(page):,} chars", "chars_per_s": round(page_speed), "articles": page_articles, "ratio_to_page": 1.0}]
    for name, text in inputs:
        speed, n_articles = chars_per_second(nlp, text)
        rows.append({"input": name, "chars_per_s": round(speed), "articles": n_articles, "ratio_to_page": round(speed / page_speed, 2)})
    report("Robustness: extraction speed on long and unpunctuated text (target: ratio >= 0.5)", rows, a.json)


if __name__ == "__main__":
    main()
