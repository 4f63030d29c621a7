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
from spacy.language import Language

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


def corpus_with(texts: list[str], seeds: list[Path], dev: Path, dst: Path) -> None:
    """A corpus under ``dst``: these training ``texts`` (JSON lines), the ``seeds``' gold and the ``dev`` split."""
    (dst / "genre").mkdir(parents=True)
    (dst / "gold").mkdir()
    (dst / "genre" / "train.jsonl").write_text("\n".join(texts) + "\n", "utf-8")
    shutil.copy(dev, dst / "genre" / "dev.jsonl")
    for seed in seeds:
        shutil.copy(seed, dst / "gold" / seed.name)


def scored(nlp: Language, dev: list[dict]) -> tuple[dict, dict]:
    """Dev end to end, and the relation step given the gold entities."""
    return score_split(nlp, dev).as_dict(), score_split(nlp, dev, given_gold_entities=True).as_dict()


def main() -> None:
    a = args(__doc__)
    (train, *seeds), (dev_file,) = training_files(ROOT / "corpus")
    texts = [r for r in train.read_text("utf-8").splitlines() if r.strip()]
    dev = read_gold([dev_file])[: 8 if a.quick else None]
    rows = []
    for share in (1 / 32, 1 / 16) if a.quick else (1 / 4, 1 / 2, 3 / 4):
        kept = share_of(texts, share)
        with tempfile.TemporaryDirectory() as tmp, Timer() as t:
            corpus_with(kept, seeds, dev_file, Path(tmp))
            train_all(corpus=tmp, out=Path(tmp) / "models", score=False)
            scores = scored(build(models=Path(tmp) / "models"), dev)
        rows.append(_row(f"{share:.0%}", len(kept), *scores, f"{t.seconds:.0f}"))
    rows.append(_row("100% (shipped)", len(texts), *scored(build(), dev), ""))
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
