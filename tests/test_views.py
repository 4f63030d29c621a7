"""The explorer in a real headless Chromium: offline, search (CJK, aliases,
traditional forms), neighbourhoods, expansion, filters, evidence, articles with
their mentions marked, a readable screenshot, no request leaving the page, no XSS."""

from __future__ import annotations

import io
import os
from urllib.parse import quote

import pytest

from graphbuild.graph.build import build_graph
from graphbuild.views.site import entity_url, find_entity, write_views

from .browser import browser_page, chromium_path

pytestmark = pytest.mark.browser

if chromium_path() is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI must run the browser tests: `make test` installs Debian's chromium")
    pytest.skip("chromium not installed (make test installs it)", allow_module_level=True)


@pytest.fixture(scope="module")
def views(tmp_path_factory, seed_graph, seed_records):
    out = tmp_path_factory.mktemp("views")
    files = write_views(seed_graph, out, records=seed_records, top=120)
    return out, files


def open_explorer(page, out, fragment=""):
    page.goto((out / "index.html").as_uri() + fragment)
    page.wait_for_selector("body[data-ready='1']", state="attached")


def offline(page) -> bool:
    return all(u.startswith("file:") for u in page.gb_requests)


def test_the_explorer_is_one_page_with_shared_assets_and_data_in_shards(views):
    out, files = views
    names = {f.relative_to(out).as_posix() for f in files}
    assert {"index.html", "assets/vis-network.min.js", "assets/explorer.js", "data/index.js"} <= names
    assert any(n.startswith("data/n/") for n in names) and any(n.startswith("data/a/") for n in names)
    assert not any(n.endswith(".html") and n != "index.html" for n in names)  # no per-entity or per-article pages
    html = (out / "index.html").read_text("utf-8")
    assert "Content-Security-Policy" in html and "script-src 'self'" in html and "http" not in html.replace("http-equiv", "")
    total = sum(f.stat().st_size for f in files)
    assert total < 5_000_000, total


def test_overview_labels_the_most_connected_and_filters_by_type(views, seed_graph):
    out, _ = views
    with browser_page() as page:
        open_explorer(page, out)
        page.wait_for_selector("body[data-drawn='1']", state="attached")
        assert offline(page) and page.gb_errors == []
        status = page.inner_text("#status")
        shown = int(status.split()[0])
        assert shown == 120
        n_union = page.evaluate("document.querySelectorAll('input[data-type]').length")
        assert n_union == 9
        page.uncheck("input[data-type='Union']")
        assert int(page.inner_text("#status").split()[0]) < shown
        page.check("input[data-type='Union']")
        png = page.screenshot()
    from PIL import Image

    img = Image.open(io.BytesIO(png)).convert("L")
    lo, hi = img.getextrema()
    assert hi - lo > 100 and len(set(img.getdata())) > 20


def test_search_a_cjk_name_an_alias_and_a_traditional_form_then_open_its_neighbourhood(views, seed_graph):
    out, _ = views
    node = find_entity(seed_graph, "山东省总工会")
    with browser_page() as page:
        open_explorer(page, out)
        assert "山东省总工会" in page.evaluate("gbSearch('山东省总')")
        alias = next(n for n, d in seed_graph.nodes(data=True) if d.get("type") == "Union" and "大连市总" in (d.get("aliases") or []))
        assert seed_graph.nodes[alias]["name"] in page.evaluate("gbSearch('大连市总')")
        assert "山东省总工会" in page.evaluate("gbSearch('山東省總工會')")  # typed in traditional characters
        page.fill("#search", "山东省总")
        page.wait_for_selector(f"#results li[data-entity='{node}']")
        page.press("#search", "Enter")
        page.wait_for_selector("body[data-drawn-views='1']", state="attached")
        assert page.inner_text("#panel h2") == "山东省总工会"
        neighbours = {seed_graph.nodes[v]["name"] for _, v, d in seed_graph.out_edges(node, data=True) if d["type"] != "MENTIONED_IN"}
        panel = page.inner_text("#panel")
        assert neighbours and all(n in panel for n in neighbours)
        assert int(page.inner_text("#status").split()[0]) == 1 + len(
            {v for _, v, d in seed_graph.out_edges(node, data=True) if d["type"] != "MENTIONED_IN"}
            | {u for u, _, d in seed_graph.in_edges(node, data=True) if d["type"] != "MENTIONED_IN"}
        )
        assert offline(page) and page.gb_errors == []


def test_a_click_on_a_node_expands_its_neighbours(views, seed_graph):
    out, _ = views
    person, union = find_entity(seed_graph, "徐海荣"), find_entity(seed_graph, "山东省总工会")
    with browser_page() as page:
        open_explorer(page, out, f"#entity={quote(person)}")
        page.wait_for_selector("body[data-drawn-views='1']", state="attached")
        before = int(page.inner_text("#status").split()[0])
        i = page.evaluate("k => gbEntityIndex(k)", union)
        xy = page.evaluate("i => gbNetwork.canvasToDOM(gbNetwork.getPositions([i])[i])", i)
        box = page.query_selector("#net").bounding_box()
        page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])
        page.wait_for_selector("body[data-expanded='1']", state="attached")
        assert page.inner_text("#panel h2") == "山东省总工会"
        after = int(page.inner_text("#status").split()[0])
        union_neighbours = {v for _, v, d in seed_graph.out_edges(union, data=True) if d["type"] != "MENTIONED_IN"} | {
            u for u, _, d in seed_graph.in_edges(union, data=True) if d["type"] != "MENTIONED_IN"
        }
        person_neighbours = {v for _, v, d in seed_graph.out_edges(person, data=True) if d["type"] != "MENTIONED_IN"}
        assert after == len(union_neighbours | person_neighbours | {person, union}) > before


def test_evidence_of_a_relation_links_to_its_article_with_the_sentence_highlighted(views, seed_graph):
    out, _ = views
    node = find_entity(seed_graph, "山东省总工会")
    with browser_page() as page:
        open_explorer(page, out, f"#entity={quote(node)}")
        page.wait_for_selector("#panel ul.rels li a:nth-child(2)")
        page.click("#panel ul.rels li a:nth-child(2)")  # the relation's arrow opens its evidence
        page.wait_for_selector("#panel .ev")
        sentence = page.inner_text("#panel .ev .sentence")
        assert len(sentence) > 5
        page.click("#panel .ev a.article-link")
        page.wait_for_selector("body[data-article]", state="attached")
        highlighted = "".join(page.eval_on_selector_all("#reader .hl", "els => els.map(e => e.firstChild.textContent)"))
        assert highlighted and highlighted[:5] in sentence.replace(" ", "")
        # a relation whose evidence sits with its head (徐海荣 WORKS_AT the union): loaded when asked for
        page.goto((out / "index.html").as_uri() + f"#entity={quote(node)}")
        page.wait_for_selector("#panel ul.rels li a:nth-child(2)")
        rows = page.query_selector_all("#panel ul.rels li")
        row = next(r for r in rows if r.query_selector("a").inner_text() == "徐海荣")
        row.query_selector("a:nth-child(2)").click()
        page.wait_for_selector("#panel .ev")
        assert "徐海荣" in page.inner_text("#panel .ev .sentence")


def test_an_article_shows_its_text_with_each_mention_marked_in_its_types_color(views, seed_graph, seed_records):
    out, _ = views
    rec = next(r for r in seed_records if any(e["name"] == "徐海荣" for e in r["entities"]))
    with browser_page() as page:
        open_explorer(page, out, f"#article={quote(rec['doc_id'])}")
        page.wait_for_selector("body[data-article]", state="attached")
        marks = page.eval_on_selector_all("#reader mark.ent", "els => els.map(e => [e.firstChild.textContent, e.dataset.type, e.dataset.entity])")
        assert ["徐海荣", "Person", "Person:徐海荣"] in marks
        # the marks and the plain spans between them give back the article as written
        shown = page.eval_on_selector_all("#reader .text > *", "els => els.map(e => e.firstChild.textContent).join('')")
        assert shown == rec["text"]
        page.click("#reader mark.ent[data-entity='Person:徐海荣']")
        page.wait_for_selector("body[data-drawn-views='1']", state="attached")
        assert page.inner_text("#panel h2") == "徐海荣"
        assert offline(page) and page.gb_errors == []


def test_entity_urls_are_the_explorers(views, seed_graph):
    out, _ = views
    node = find_entity(seed_graph, "徐海荣")
    url = entity_url(seed_graph, out, "徐海荣")
    assert url.startswith((out / "index.html").resolve().as_uri() + "#entity=")
    with browser_page() as page:
        page.goto(url)
        page.wait_for_selector("body[data-drawn-views='1']", state="attached")
        assert page.inner_text("#panel h2") == "徐海荣" and node == "Person:徐海荣"


def test_hostile_names_and_text_show_as_text(tmp_path):
    evil = "<img src=x onerror=alert(1)>"
    text = "甲市总工会与<img src=x onerror=alert(1)>合作。<b onmouseover=alert(4)>x</b>"
    rec = {
        "doc_id": "x",
        "source": "x.txt",
        "title": "<script>alert(2)</script>",
        "text": text,
        "offset": 0,
        "entities": [
            {"name": evil, "type": "Organization", "aliases": ["</script><script>alert(3)</script>"],
             "mentions": [{"start": 6, "end": 6 + len(evil), "text": evil}]},
            {"name": "甲市总工会", "type": "Union", "aliases": [], "mentions": [{"start": 0, "end": 5, "text": "甲市总工会"}]},
        ],
        "relations": [
            {"head": "甲市总工会", "type": "PARTNERS_WITH", "tail": evil, "evidence": {"sentence": text[:len(evil) + 9], "start": 0, "end": len(evil) + 9}}
        ],
    }  # fmt: skip
    g = build_graph([rec])
    write_views(g, tmp_path, records=[rec], top=10)
    with browser_page() as page:
        open_explorer(page, tmp_path, f"#entity={quote('Organization:' + evil)}")
        page.wait_for_selector("body[data-drawn-views='1']", state="attached")
        assert evil in page.inner_text("#panel")
        assert page.evaluate("gbSearch('</script>')") == [evil]
        page.goto((tmp_path / "index.html").as_uri() + "#article=x")
        page.wait_for_selector("body[data-article]", state="attached")
        assert evil in page.inner_text("#reader") and "<script>alert(2)</script>" in page.inner_text("#reader h2")
        assert page.evaluate("document.querySelectorAll('img, b, #reader script').length") == 0
        assert page.gb_dialogs == [] and page.gb_errors == []
