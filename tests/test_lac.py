"""The LAC layer: batching and the pruned Viterbi must not change a single tag."""

from __future__ import annotations

import numpy as np
import pytest

from graphbuild.nlp import lac


def _viterbi_reference(em: np.ndarray, transitions: np.ndarray) -> list[int]:
    dp = em[0].copy()
    back = []
    for t in range(1, len(em)):
        scores = dp[:, None] + transitions
        back.append(scores.argmax(axis=0))
        dp = scores.max(axis=0) + em[t]
    path = [int(dp.argmax())]
    for bp in reversed(back):
        path.append(int(bp[path[-1]]))
    return path[::-1]


@pytest.mark.parametrize("scale", [0.05, 1.0, 10.0])
def test_pruned_viterbi_equals_full_viterbi(scale: float) -> None:
    # small emission scales force the exact fallback, large ones the pruned path
    rng = np.random.default_rng(7)
    transitions = rng.normal(0, 0.1, (12, 12)).astype(np.float32)
    emissions = [rng.normal(0, scale, (n, 12)).astype(np.float32) for n in (1, 2, 5, 17, 40, 40, 3)]
    got = lac._viterbi_batch(emissions, transitions)
    assert [list(p) for p in got] == [_viterbi_reference(e, transitions) for e in emissions]


@pytest.mark.parametrize("scale", [0.05, 0.3, 1.0, 10.0])
def test_decoding_only_the_doubtful_runs_equals_full_viterbi(scale: float) -> None:
    # from all positions in doubt (0.05) through mixed runs to none (10.0), with
    # sequences of one position and runs at either end
    rng = np.random.default_rng(11)
    transitions = rng.normal(0, 0.1, (12, 12)).astype(np.float32)
    emissions = [rng.normal(0, scale, (n, 12)).astype(np.float32) for n in (1, 2, 5, 17, 40, 40, 3, 200)]
    got = lac.best_paths(emissions, transitions)
    assert [list(p) for p in got] == [_viterbi_reference(e, transitions) for e in emissions]
    assert lac.best_paths([], transitions) == []


def test_padded_batches_tag_like_single_sentences() -> None:
    texts = [
        "全国劳模邹彬在长沙参加会议。",
        "山东省委常委、省总工会主席徐海荣出席。记者王伟摄",
        "大连市总工会推出“惠工贷”，面向新就业形态劳动者。" * 3,
        "短。",
    ]
    together = lac.tag_many(texts)
    alone = [lac.tag_many([t])[0] for t in texts]
    by_sentence = [[tok for s in lac._CHUNK.finditer(t) for tok in lac.tag(s.group())] for t in texts[:1]]
    assert together == alone
    assert [(t.text, t.tag) for t in together[0]] == [(t.text, t.tag) for t in by_sentence[0]]
    for text, tokens in zip(texts, together):
        assert "".join(t.text for t in tokens) == text
        assert all(text[t.start : t.end] == t.text for t in tokens)


def test_encoder_honours_lengths() -> None:
    """Padding a sentence with another one's characters leaves its scores alone."""
    engine = lac._lac()
    short, long = "徐海荣出席会议", "中华全国总工会第十八次全国代表大会在北京隆重开幕"
    ids = [[engine.char_ids.get(c, engine.oov_id) for c in s] for s in (short, long)]
    padded = np.zeros((2, len(long)), dtype=np.int64)
    padded[0, : len(short)] = ids[0]
    padded[1] = ids[1]
    batch = engine.session.run(None, {"token_ids": padded, "length": np.array([len(short), len(long)])})[0]
    single = engine.session.run(None, {"token_ids": np.array([ids[0]]), "length": np.array([len(short)])})[0]
    np.testing.assert_allclose(batch[0, : len(short)], single[0], atol=1e-5)


def test_the_prepared_model_is_keyed_by_content_not_by_path_or_time(tmp_path):
    import os
    import shutil

    from graphbuild.nlp.lac import _content_stamp

    a = tmp_path / "site-a" / "data"
    a.mkdir(parents=True)
    (a / "tag.dic").write_text("0\tn-B\n", encoding="utf-8")
    (a / "word.dic").write_text("0\t工\n1\t会\n", encoding="utf-8")
    (a / "lac_crf_transitions.npy").write_bytes(b"\x93NUMPY" + bytes(64))
    (a / "lac_encoder.onnx").write_bytes(os.urandom(3 << 20))
    b = tmp_path / "site-b" / "data"
    shutil.copytree(a, b)
    os.utime(b / "lac_encoder.onnx", (1, 1))
    assert _content_stamp(a) == _content_stamp(b)  # a fresh install of the same files: one cache entry
    (b / "word.dic").write_text("0\t工\n", encoding="utf-8")
    assert _content_stamp(a) != _content_stamp(b)
    shutil.copy(a / "word.dic", b / "word.dic")
    with (b / "lac_encoder.onnx").open("r+b") as fh:  # the same size, one byte changed near the end
        fh.seek(-1, os.SEEK_END)
        last = fh.read(1)
        fh.seek(-1, os.SEEK_END)
        fh.write(bytes([last[0] ^ 1]))
    assert (b / "lac_encoder.onnx").stat().st_size == (a / "lac_encoder.onnx").stat().st_size
    assert _content_stamp(a) != _content_stamp(b)


def test_prepared_models_of_other_versions_are_pruned_after_a_day(tmp_path):
    import os
    import time

    from graphbuild.nlp.lac import prune_prepared

    for stem, age in (("lac-current", 9e6), ("lac-old", 2e5), ("lac-recent", 10)):
        for suffix in (".onnx", ".json"):
            p = tmp_path / (stem + suffix)
            p.write_bytes(b"x")
            os.utime(p, (time.time() - age, time.time() - age))
    (tmp_path / "common-words-1.txt").write_text("x")
    removed = prune_prepared(tmp_path, keep="current")
    assert sorted(p.name for p in removed) == ["lac-old.json", "lac-old.onnx"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "common-words-1.txt",
        "lac-current.json",
        "lac-current.onnx",
        "lac-recent.json",
        "lac-recent.onnx",
    ]
