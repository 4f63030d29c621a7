"""Every notebook runs top to bottom, outputs stay out of git, plots have CJK glyphs."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest

from .conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_five_notebooks_with_outputs_stripped():
    assert [p.name for p in NOTEBOOKS] == [
        "01-quickstart.ipynb",
        "02-unions-and-programs.ipynb",
        "03-people-and-awards.ipynb",
        "04-cypher.ipynb",
        "05-network-analysis.ipynb",
    ]
    for p in NOTEBOOKS:
        nb = nbformat.read(p, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None, f"{p.name}: outputs must be stripped"


@pytest.fixture(scope="module")
def nb_build(tmp_path_factory):
    return tmp_path_factory.mktemp("nbbuild")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_executes(path: Path, nb_build, monkeypatch):
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    monkeypatch.setenv("GB_NOTEBOOK_BUILD", str(nb_build))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.read(path, as_version=4)
    # the kernel talks over unix sockets (ipc), not TCP
    km = KernelManager(kernel_name="python3", transport="ipc", ip=str(nb_build / f"k-{path.stem}"))
    try:
        NotebookClient(
            nb, km=km, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
        ).execute()
    finally:
        if km.has_kernel:
            km.shutdown_kernel(now=True)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []


def test_plots_render_chinese_with_a_cjk_font(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.font_manager import FontProperties, findfont

    from graphbuild.analysis import CJK_FONTS, use_cjk_font

    name = use_cjk_font()
    assert name in CJK_FONTS
    path = findfont(FontProperties(family=name), fallback_to_default=False)
    from matplotlib.ft2font import FT2Font

    font = FT2Font(path)
    assert all(font.get_char_index(ord(ch)) != 0 for ch in "工会数量职工群体")
    fig, ax = plt.subplots()
    ax.set_title("各类实体数量")
    fig.savefig(tmp_path / "t.png")
    assert (tmp_path / "t.png").stat().st_size > 1000
    assert os.environ.get("MPLBACKEND", "Agg")
