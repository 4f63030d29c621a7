"""The optional pkuseg word segmenter: the mixed-domain model that PyPI's
``pkuseg==0.0.25`` wheel ships, fetched into a cache outside the repository.

The model (182 MB) never enters git or a saved pipeline: pipelines are saved
without the tokenizer's model and re-initialized from the cache on load.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from graphbuild.errors import Errors, GraphbuildError

MODEL_FILES = ("features.pkl", "weights.npz")


def cache_root() -> Path:
    return Path(os.environ.get("GRAPHBUILD_CACHE", Path.home() / ".cache" / "graphbuild"))


def model_dir() -> Path:
    return cache_root() / "pkuseg" / "default"


def has_model(path: Path | None = None) -> bool:
    d = path or model_dir()
    return all((d / f).exists() for f in MODEL_FILES)


def fetch(*, dest: Path | None = None) -> Path:
    """Download the pkuseg 0.0.25 wheel from PyPI and unpack its default model."""
    dest = dest or model_dir()
    if has_model(dest):
        return dest
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:", "--platform", "manylinux1_x86_64",
               "--python-version", "3.7", "--implementation", "cp", "--abi", "cp37m", "-d", tmp, "pkuseg==0.0.25"]  # fmt: skip
        proc = subprocess.run(cmd, capture_output=True, text=True)
        wheels = list(Path(tmp).glob("pkuseg-0.0.25-*.whl"))
        if proc.returncode != 0 or not wheels:
            raise GraphbuildError(
                Errors.E017, path=f"{dest} (download failed: {(proc.stderr or proc.stdout).strip().splitlines()[-1:]})"
            )
        dest.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(wheels[0]) as zf:
            for name in zf.namelist():
                if name.startswith("pkuseg/models/default/") and not name.endswith("/"):
                    target = dest / Path(name).name
                    with zf.open(name) as src, open(target.with_suffix(target.suffix + ".part"), "wb") as out:
                        while chunk := src.read(1 << 20):
                            out.write(chunk)
                    os.replace(target.with_suffix(target.suffix + ".part"), target)
    if not has_model(dest):
        raise GraphbuildError(Errors.E017, path=dest)
    return dest


def user_dict() -> str:
    """Our lexicon's names as a pkuseg user dictionary (one word a line)."""
    from graphbuild.nlp.components.lexicon import load_patterns
    from graphbuild.nlp.gazetteer import rules

    words = {r["pattern"] for r in load_patterns()} | {r["id"] for r in load_patterns()}
    r = rules()
    words |= {s for ss in r["body_suffixes"].values() for s in ss if len(s) > 1}
    path = cache_root() / "pkuseg" / "user_dict.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(sorted(words)) + "\n", "utf-8")
    return str(path)
