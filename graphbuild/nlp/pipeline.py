"""Building and loading the spaCy pipeline from the package's config.cfg.

>>> nlp = load()
>>> nlp.pipe_names[:3]
['gb_lac', 'gb_places', 'gb_lexicon']
>>> doc = nlp("大连市总工会开展“六跨四送双五进”活动。")
>>> [(e.text, e.label_, e.id_) for e in doc.ents][:1]
[('大连市总工会', 'Union', '大连市总工会')]
"""

from __future__ import annotations

import gc
import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import Config

# importing the components registers their factories (and the tokenizer its function)
from graphbuild.nlp import tokenizer  # noqa: F401
from graphbuild.nlp.components import (  # noqa: F401
    activities,
    bodies,
    entity_filter,
    lac_tagger,
    lexicon,
    ner,
    persons,
    places,
    relation_classifier,
    relations,
    resolver,
)

CONFIG = "config.cfg"


def config_text() -> str:
    return resources.files("graphbuild.nlp").joinpath(CONFIG).read_text("utf-8")


def component_setting(component: str, key: str) -> object:
    """A component's setting in config.cfg (what the shipped pipeline runs with)."""
    return Config().from_str(config_text())["components"][component][key]


def components_before(component: str) -> list[str]:
    """The components the trained pipeline runs before ``component``, in order."""
    order = [p for p in Config().from_str(config_text())["nlp"]["pipeline"] if p not in RULES_ONLY]
    return order[: order.index(component)]


def pipeline_fingerprint() -> str:
    """Hash of the config, the rule files and the code: the extraction cache key."""
    h = hashlib.sha256()
    root = Path(str(resources.files("graphbuild")))
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".cfg", ".json", ".jsonl", ".crfsuite", ".npz") and "__pycache__" not in path.parts:
            rel = path.relative_to(root).as_posix()
            if rel.startswith(("nlp/", "extract.py", "corpus/", "schema.py")):
                h.update(rel.encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:16]


# the trained components and their model files (graphbuild train writes them)
TRAINED = {"gb_ner": "ner.crfsuite", "gb_relation_classifier": "relations.npz", "gb_entity_filter": "entities.npz"}
# rule components only the rules-only pipeline runs: what they say, the recognizer learned (retrained
# without gb_activities, dev entities 0.784 -> 0.790, relations 0.5930 -> 0.5926; bench/ablation.py)
RULES_ONLY = ("gb_activities",)


def build(
    *, segmenter: str = "char", pkuseg_model: str | Path | None = None, models: str | Path | None = None, learned: bool = True
) -> Language:
    """A fresh pipeline from config.cfg; ``segmenter="pkuseg"`` uses the cached
    pkuseg model (``graphbuild fetch-pkuseg``) with our lexicon as user dictionary.
    ``models`` is a directory of trained models other than the shipped ones;
    ``learned=False`` gives the rules alone."""
    cfg = Config().from_str(config_text())
    cfg["nlp"]["tokenizer"]["segmenter"] = segmenter
    # the rules alone run without the trained components, the trained pipeline without RULES_ONLY
    left_out = TRAINED if not learned else RULES_ONLY
    cfg["nlp"]["pipeline"] = [p for p in cfg["nlp"]["pipeline"] if p not in left_out]
    for name in left_out:
        cfg["components"].pop(name, None)
    if learned and models is not None:
        for name, file in TRAINED.items():
            cfg["components"][name]["model"] = str(Path(models).resolve() / file)
    nlp = spacy.util.load_model_from_config(cfg, auto_fill=True)
    if segmenter == "pkuseg":
        _init_pkuseg(nlp, pkuseg_model)
    return nlp


def _init_pkuseg(nlp: Language, pkuseg_model: str | Path | None) -> None:
    from graphbuild.errors import Errors, GraphbuildError
    from graphbuild.nlp.pkuseg import has_model, model_dir, user_dict

    path = Path(pkuseg_model) if pkuseg_model else model_dir()
    if not has_model(path):
        raise GraphbuildError(Errors.E017, path=path)
    nlp.tokenizer.initialize(pkuseg_model=str(path), pkuseg_user_dict=user_dict())


def save(nlp: Language, path: str | Path) -> Path:
    """Save the pipeline without the pkuseg model (it stays in the cache)."""
    path = Path(path)
    nlp.to_disk(path, exclude=["tokenizer"])
    return path


@lru_cache(maxsize=2)
def load(path: str | None = None, *, pkuseg_model: str | None = None) -> Language:
    """The pipeline: from a saved directory, else built from the package config."""
    if not path:
        return build()
    nlp = spacy.load(path, exclude=["tokenizer"])
    if nlp.tokenizer.segmenter == "pkuseg":
        _init_pkuseg(nlp, pkuseg_model)
    return nlp


def load_for_extraction() -> Language:
    """``load()`` for a process that extracts from here on: its models loaded (a short
    text through it), then all the process holds so far kept out of the garbage
    collector's walks (``gc.freeze``). Those hundred thousand or so objects live as long
    as the process; each full collection would walk them again (about 5% of extraction
    time), and a pool forked from here shares their pages instead of copying them."""
    nlp = load()
    nlp("全国总工会")
    gc.freeze()
    return nlp
