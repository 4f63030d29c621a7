"""The HTML views in a real headless Chromium: offline, counts, filter,
search, evidence panel, a non-blank screenshot, and no XSS."""

from __future__ import annotations

import io
import os

import networkx as nx
import pytest

from graphbuild.graph.build import build_graph
from graphbuild.views.site import ego, entity_graph, find_entity, top_entities, write_views

from .browser import browser_page, chromium_path

pytestmark = pytest.mark.browser

if chromium_path() is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI must run the browser tests: `make test` installs Debian's chromium")
    pytest.skip("chromium not installed (make test installs it)", allow_module_level=True)


@pytest.fixture(scope="module")
def views(tmp_path_factory, seed_graph):
    out = tmp_path_factory.mktemp("views")
    files = write_views(seed_graph, out, top=120, ego_count=2)
    return out, files


def open_view(page, path):
    page.goto(path.as_uri())
    page.wait_for_function("window.gbReady === true", timeout=15000)


def test_index_links_every_view_and_counts_types(views, seed_graph):
    out, files = views
    with browser_page() as page:
        open_view_index = (out / "index.html").as_uri()
        page.goto(open_view_index)
        links = page.eval_on_selector_all("a", "els => els.map(e => e.getAttribute('href'))")
        for f in files:
            if f.name != "index.html":
                assert f.relative_to(out).as_posix() in links
        union_row = page.inner_text("#counts")
        n_unions = sum(1 for _, d in seed_graph.nodes(data=True) if d["type"] == "Union")
        assert f"Union\t{n_unions}" in union_row
        assert page.gb_errors == []
        assert all(u.startswith(("file:", "data:")) for u in page.gb_requests)


def test_overview_offline_counts_filter_search_click_and_screenshot(views, seed_graph):
    out, _ = views
    sub = entity_graph(seed_graph).subgraph(top_entities(seed_graph, 120))
    with browser_page() as page:
        open_view(page, out / "overview.html")
        assert all(u.startswith(("file:", "data:")) for u in page.gb_requests), page.gb_requests
        assert page.gb_errors == []
        c = page.evaluate("gbCounts()")
        assert (c["nodes"], c["edges"]) == (sub.number_of_nodes(), sub.number_of_edges())
        # the type filter hides every Union
        n_union = sum(1 for _, d in sub.nodes(data=True) if d["type"] == "Union")
        page.uncheck("input[data-filter='Union']")
        assert page.evaluate("gbCounts()")["nodes"] == c["nodes"] - n_union
        page.check("input[data-filter='Union']")
        # search by Chinese substring focuses a match and opens its panel
        hits = page.evaluate("gbSearch('总工会')")
        assert hits and all("总工会" in h or h.startswith("Union:") for h in hits)
        assert "类型 type" in page.inner_text("#panel")
        # a click on a node opens its evidence panel
        node = hits[0]
        xy = page.evaluate("id => gbNetwork.canvasToDOM(gbNetwork.getPositions([id])[id])", node)
        box = page.query_selector("#net").bounding_box()
        page.evaluate("() => { document.getElementById('panel').textContent = ''; }")
        page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])
        panel = page.inner_text("#panel")
        assert seed_graph.nodes[node]["name"] in panel and "关系 relations" in panel
        png = page.screenshot()
    from PIL import Image

    img = Image.open(io.BytesIO(png)).convert("L")
    lo, hi = img.getextrema()
    assert hi - lo > 100 and len(set(img.getdata())) > 20


def test_search_finds_by_alias(views, seed_graph):
    out, _ = views
    node = next(n for n in top_entities(seed_graph, 120) if seed_graph.nodes[n].get("aliases"))
    alias = seed_graph.nodes[node]["aliases"][0]
    with browser_page() as page:
        open_view(page, out / "overview.html")
        assert node in page.evaluate("q => gbSearch(q)", alias)


def test_edge_click_shows_evidence(views, seed_graph):
    out, _ = views
    with browser_page() as page:
        open_view(page, out / "overview.html")
        edge = page.evaluate("gbNetwork.body.data.edges.get().find(e => e.rel !== 'MENTIONED_IN' && e.evidence.length)")
        page.evaluate("id => gbShowEdge(id)", edge["id"])
        text = page.inner_text("#panel")
        assert "证据 evidence" in text and edge["rel"] in text
        assert " ".join(edge["evidence"][0]["sentence"].split()) in " ".join(text.split())


def test_ego_and_article_views_load(views, seed_graph):
    out, files = views
    ego_file = next(f for f in files if f.parent.name == "ego")
    art_file = next(f for f in files if f.parent.name == "articles")
    with browser_page() as page:
        for f in (ego_file, art_file):
            open_view(page, f)
            assert page.gb_errors == [] and all(u.startswith(("file:", "data:")) for u in page.gb_requests)
            assert page.evaluate("gbCounts()")["nodes"] >= 1


def test_ego_view_of_a_named_entity(tmp_path, seed_graph):
    node = find_entity(seed_graph, "山东省总工会")
    sub = ego(seed_graph, node, 2)
    files = write_views(seed_graph, tmp_path, top=20, ego_of=["山东省总工会"], articles=False)
    with browser_page() as page:
        open_view(page, next(f for f in files if f.parent.name == "ego"))
        assert page.evaluate("gbCounts()")["nodes"] == sub.number_of_nodes()


def test_hostile_names_show_as_text(tmp_path):
    evil = "<img src=x onerror=alert(1)>"
    rec = {
        "doc_id": "x",
        "source": "x.txt",
        "title": "<script>alert(2)</script>",
        "entities": [
            {"name": evil, "type": "Organization", "aliases": ["</script><script>alert(3)</script>"], "mentions": []},
            {"name": "甲市总工会", "type": "Union", "aliases": [], "mentions": []},
        ],
        "relations": [
            {
                "head": "甲市总工会",
                "type": "PARTNERS_WITH",
                "tail": evil,
                "evidence": {"sentence": "<b onmouseover=alert(4)>x</b>", "start": 0, "end": 1},
            }
        ],
    }
    g = build_graph([rec])
    files = write_views(g, tmp_path, top=10, ego_count=1)
    with browser_page() as page:
        for f in files:
            page.goto(f.as_uri())
            if f.name != "index.html":
                page.wait_for_function("window.gbReady === true")
                page.evaluate("id => gbShowNode(id)", f"Organization:{evil}")
                assert evil in page.inner_text("#panel")
            assert page.evaluate("document.querySelectorAll('#panel img, #panel b, body > img').length") == 0
        assert page.gb_dialogs == [] and page.gb_errors == []
    assert isinstance(g, nx.MultiDiGraph)
