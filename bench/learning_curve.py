"""Dev quality against the amount of training text: the models retrained on a
quarter, a half and three quarters of the training texts (every k-th text, so
each share holds every slice; the seed gold always), beside the shipped models,
which were trained on all of them. How far more annotated text would go.

    .venv/bin/python bench/learning_curve.py [--quick]     # --quick: shares of 1/32 and 1/16, 8 dev articles
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from common import ROOT, Timer, args, report

from graphbuild.nlp.pipeline import build
from graphbuild.train.devscore import score_split
from graphbuild.train.gold import read_gold
from graphbuild.train.run import train_all, training_files


def share_of(rows: list[str], share: float) -> list[str]:
    """Every text whose index crosses a multiple of 1/share: evenly spread over the slices.

    >>> share_of(list("abcdefgh"), 0.25)
    ['d', 'h']
    """
    return [r for i, r in enumerate(rows) if int((i + 1) * share) > int(i * share)]


def corpus_with(share: float, dst: Path) -> int:
    """A corpus under ``dst`` with ``share`` of the training texts, all of the seed gold and the dev split."""
    train, dev = training_files(ROOT / "corpus")
    (dst / "genre").mkdir(parents=True)
    (dst / "gold").mkdir()
    rows = train[0].read_text("utf-8").splitlines()
    kept = share_of([r for r in rows if r.strip()], share)
    (dst / "genre" / "train.jsonl").write_text("\n".join(kept) + "\n", "utf-8")
    shutil.copy(dev[0], dst / "genre" / "dev.jsonl")
    for seed in train[1:]:
        shutil.copy(seed, dst / "gold" / seed.name)
    return len(kept)


def main() -> None:
    a = args(__doc__)
    dev = read_gold([ROOT / "corpus" / "genre" / "dev.jsonl"])[: 8 if a.quick else None]
    rows = []
    for share in (1 / 32, 1 / 16) if a.quick else (1 / 4, 1 / 2, 3 / 4):
        with tempfile.TemporaryDirectory() as tmp, Timer() as t:
            texts = corpus_with(share, Path(tmp))
            train_all(corpus=tmp, out=Path(tmp) / "models", score=False)
            nlp = build(models=Path(tmp) / "models")
            scores = score_split(nlp, dev).as_dict(), score_split(nlp, dev, given_gold_entities=True).as_dict()
        rows.append(_row(f"{share:.0%}", texts, *scores, f"{t.seconds:.0f}"))
    shipped = build()
    total = len(read_gold(training_files(ROOT / "corpus")[0][:1]))
    rows.append(_row("100% (shipped)", total, score_split(shipped, dev).as_dict(), score_split(shipped, dev, given_gold_entities=True).as_dict(), ""))
    report(f"Dev F1 ({len(dev)} articles) against the share of the training texts the models learned from (and the seed gold)", rows, a.json)


def _row(share: str, texts: int, scores: dict, given_gold: dict, seconds: str) -> dict:
    return {
        "share": share,
        "training texts": texts,
        "entities": f"{scores['entities']['f1']:.3f}",
        "relations": f"{scores['relations']['f1']:.3f}",
        "relations, gold entities": f"{given_gold['relations']['f1']:.3f}",
        "seconds to train and score": seconds,
    }


if __name__ == "__main__":
    main()
