"""The weights of crfsuite models: read them, and write averaged ones.

A CRF trained with L1 on a few thousand articles moves by a few names a type
when its training texts change a little. Averaging the weights of CRFs each
trained without one part of the texts (bagging) keeps what they agree on.
crfsuite cannot be given weights, so the average is written into a model that
holds every feature of the average (a "skeleton" trained for one iteration on
the texts restricted to those attributes): the file's feature records are
patched in place, and crfsuite tags with it at its own speed.

>>> import tempfile, pycrfsuite
>>> tmp = Path(tempfile.mkdtemp())
>>> def train(xs, ys, path, **params):
...     trainer = pycrfsuite.Trainer(verbose=False)
...     for x, y in zip(xs, ys):
...         trainer.append(x, y)
...     trainer.set_params({"c2": 0.1, **params}); trainer.train(str(path)); return path
>>> xs, ys = [[["c=工"], ["c=会"]], [["c=省"], ["c=长"]]], [["B-Union", "I-Union"], ["O", "O"]]
>>> a, b = train(xs[:1], ys[:1], tmp / "a"), train(xs, ys, tmp / "b")
>>> state, transitions = averaged_weights([a, b])
>>> skeleton = train(xs, ys, tmp / "s", max_iterations=1)
>>> _ = write_weights(skeleton, tmp / "avg", state, transitions)
>>> read_weights(tmp / "avg")[0][("c=工", "B-Union")] == state[("c=工", "B-Union")]
True
"""

from __future__ import annotations

import struct
from collections.abc import Iterator, Sequence
from pathlib import Path

StateWeights = dict[tuple[str, str], float]  # (attribute, label) -> weight
TransitionWeights = dict[tuple[str, str], float]  # (label, next label) -> weight

# crfsuite's CRF1d model file: a 48-byte header whose off_features points at the
# "FEAT" chunk: its size and count (uint32), then per feature type, source,
# destination (uint32: 0 = state, attribute -> label; 1 = transition) and weight (double)
_FEATURE = struct.Struct("<IIId")
_CHUNK_HEAD = 12


def _model(path: str | Path) -> tuple[bytearray, int, dict[int, str], dict[int, str]]:
    """(the file, where its feature records start, attribute names, label names)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    info = tagger.info()  # its weights are printed to 6 decimals: the file's are read instead
    data = bytearray(Path(path).read_bytes())
    start = int(info.header["off_features"], 16)
    if data[start : start + 4] != b"FEAT":
        raise ValueError(f"{path}: no feature chunk where the header points")
    attributes = {int(i): name for name, i in info.attributes.items()}
    labels = {int(i): name for name, i in info.labels.items()}
    return data, start, attributes, labels


def _records(data: bytearray, start: int) -> Iterator[tuple[int, int, int, int, float]]:
    """(offset, kind, source, target, weight) of each feature record."""
    (count,) = struct.unpack_from("<I", data, start + 8)
    for k in range(count):
        offset = start + _CHUNK_HEAD + k * _FEATURE.size
        yield (offset, *_FEATURE.unpack_from(data, offset))


def read_weights(path: str | Path) -> tuple[StateWeights, TransitionWeights]:
    data, start, attributes, labels = _model(path)
    state: StateWeights = {}
    transitions: TransitionWeights = {}
    for _, kind, source, target, weight in _records(data, start):
        if kind == 0:
            state[attributes[source], labels[target]] = weight
        else:
            transitions[labels[source], labels[target]] = weight
    return state, transitions


def averaged_weights(paths: Sequence[str | Path]) -> tuple[StateWeights, TransitionWeights]:
    """The mean of each weight over the models (a feature a model lacks weighs 0 in it)."""
    state: StateWeights = {}
    transitions: TransitionWeights = {}
    for path in paths:
        model_state, model_transitions = read_weights(path)
        for key, weight in model_state.items():
            state[key] = state.get(key, 0.0) + weight / len(paths)
        for key, weight in model_transitions.items():
            transitions[key] = transitions.get(key, 0.0) + weight / len(paths)
    return state, transitions


def write_weights(skeleton: str | Path, path: str | Path, state: StateWeights, transitions: TransitionWeights) -> Path:
    """Write ``skeleton`` to ``path`` with these weights (0 for a feature they lack).
    Raises ValueError if the skeleton lacks a feature they weigh."""
    data, start, attributes, labels = _model(skeleton)
    written = 0
    for offset, kind, source, target, _ in _records(data, start):
        if kind == 0:
            weight = state.get((attributes[source], labels[target]))
        else:
            weight = transitions.get((labels[source], labels[target]))
        written += weight is not None
        _FEATURE.pack_into(data, offset, kind, source, target, weight or 0.0)
    if written != len(state) + len(transitions):
        raise ValueError(f"{skeleton}: lacks {len(state) + len(transitions) - written} of the features to write")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(data))
    return path
