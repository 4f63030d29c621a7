/* graphbuild explorer: search, neighbourhoods, filters, evidence and articles,
   from data files loaded on demand (data/index.js, data/n/K.js, data/a/K.js).
   Every text is set with textContent: names and articles are data, never HTML. */
(function () {
  "use strict";
  var GB = (window.GB = window.GB || {});
  var store = {}, waiting = {};

  // A data file calls GB.loaded(key, value) when its <script> runs.
  GB.loaded = function (key, value) {
    store[key] = value;
    var callbacks = waiting[key] || [];
    delete waiting[key];
    callbacks.forEach(function (cb) { cb(value); });
    if (key === "index") start(value);
  };

  function need(key, cb) {
    if (Object.prototype.hasOwnProperty.call(store, key)) { cb(store[key]); return; }
    if (waiting[key]) { waiting[key].push(cb); return; }
    waiting[key] = [cb];
    var s = document.createElement("script");
    s.src = "data/" + key + ".js";
    s.onerror = function () { say("cannot load data/" + key + ".js"); };
    document.head.appendChild(s);
  }

  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function say(text) { $("status").textContent = text; }
  // progress marks on <body> that tests (and scripts) can wait for without evaluating code
  function bump(name) { document.body.setAttribute(name, String(+(document.body.getAttribute(name) || 0) + 1)); }

  var idx, nodes, edges, nodeView, edgeView, network;
  var hiddenTypes = {}, hiddenRels = {}, province = -1;
  var folded = [];  // each entity's name and aliases, folded for search
  var t2s = {};
  var shown = {};  // entity index -> true when drawn in the current view
  var labeled = {};  // entity index -> true when its label stays on screen
  var edgeRecord = {};  // vis edge id -> the relation record
  var INSIDE = { ellipse: 1, box: 1, circle: 1, database: 1, text: 1 };

  function fold(text) {
    var s = String(text || "").normalize("NFKC").toLowerCase().replace(/[\s“”「」『』"'《》‘’〈〉]/g, "");
    var out = "";
    for (var i = 0; i < s.length; i++) out += t2s[s[i]] || s[i];
    return out;
  }

  function typeName(i) { return idx.types[i]; }
  function color(t) { return idx.style[t][0]; }
  function entityKey(i) { return idx.keys[i]; }
  function entityByKey(key) { return idx.keys.indexOf(key); }
  function shardOf(i) { return "n/" + Math.floor(i / idx.shard); }

  function start(data) {
    idx = data;
    for (var k = 0; k + 1 < data.t2s.length; k += 2) t2s[data.t2s[k]] = data.t2s[k + 1];
    folded = data.entities.map(function (e) { return [e[0]].concat(e[4]).map(fold); });
    buildFilters();
    nodes = new vis.DataSet([]);
    edges = new vis.DataSet([]);
    nodeView = new vis.DataView(nodes, { filter: nodeVisible });
    edgeView = new vis.DataView(edges, { filter: function (e) { return !hiddenRels[e.rel]; } });
    network = new vis.Network($("net"), { nodes: nodeView, edges: edgeView }, {
      physics: false,
      layout: { improvedLayout: false },
      interaction: { hover: true, tooltipDelay: 120 },
      nodes: { font: { face: "Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif", size: 16, strokeWidth: 3, strokeColor: "#fff" } },
      edges: { arrows: { to: { enabled: true, scaleFactor: 0.5 } }, smooth: false, color: { color: "#9aa", highlight: "#345" },
               font: { size: 11, align: "middle", strokeWidth: 3 } }
    });
    window.gbNetwork = network;  // for scripts and tests: positions, the view
    window.gbEntityIndex = entityByKey;
    network.on("click", function (p) {
      if (p.nodes.length) { var i = +p.nodes[0]; showEntity(i); expand(i); }
      else if (p.edges.length) showRelation(p.edges[0]);
    });
    network.on("zoom", keepLabelsReadable);
    network.on("afterDrawing", function () { document.body.setAttribute("data-drawn", "1"); });
    setupSearch();
    window.addEventListener("hashchange", route);
    route();
    document.body.setAttribute("data-ready", "1");
    window.gbReady = true;
  }

  // --- filters ----------------------------------------------------------
  function buildFilters() {
    idx.types.forEach(function (t) {
      var lab = el("label"), cb = el("input");
      cb.type = "checkbox"; cb.checked = true; cb.setAttribute("data-type", t);
      cb.addEventListener("change", function () { hiddenTypes[t] = !cb.checked; refresh(); });
      var sw = el("span", null, "sw"); sw.style.background = color(t);
      lab.appendChild(cb); lab.appendChild(sw); lab.appendChild(document.createTextNode(t));
      $("typeFilters").appendChild(lab);
    });
    idx.rels.forEach(function (r) {
      var lab = el("label"), cb = el("input");
      cb.type = "checkbox"; cb.checked = true; cb.setAttribute("data-rel", r);
      cb.addEventListener("change", function () { hiddenRels[r] = !cb.checked; refresh(); });
      lab.appendChild(cb); lab.appendChild(document.createTextNode(" " + r));
      $("relFilters").appendChild(lab);
    });
    idx.provinces.forEach(function (p, i) { var o = el("option", p); o.value = String(i); $("province").appendChild(o); });
    $("province").addEventListener("change", function () { province = $("province").value === "" ? -1 : +$("province").value; refresh(); });
  }
  function nodeVisible(n) {
    var e = idx.entities[n.id];
    if (hiddenTypes[typeName(e[1])]) return false;
    return province < 0 || e[3] < 0 || e[3] === province;
  }
  function refresh() { nodeView.refresh(); edgeView.refresh(); counts(); }
  function counts() { say(nodeView.length + " nodes, " + edgeView.length + " relations shown"); }

  // --- drawing ----------------------------------------------------------
  function nodeRecord(i, x, y, label) {
    var e = idx.entities[i], t = typeName(e[1]), st = idx.style[t];
    // shapes that draw their label inside grow with it: those draw as dots here, the label below
    var shape = INSIDE[st[1]] ? "dot" : st[1];
    var tip = e[0] + " · " + t + (e[4].length ? " · " + e[4].join("、") : "");
    return { id: i, x: x, y: y, label: label ? e[0] : undefined, title: tip, shape: shape,
             color: { background: st[0], border: "#333" }, size: 10 + Math.min(22, 3 * Math.sqrt(e[2])) };
  }
  function clear() {
    nodes.clear(); edges.clear(); shown = {}; labeled = {}; edgeRecord = {};
    showNet();
  }
  function showNet() { $("reader").hidden = true; $("net").hidden = false; }
  function keepLabelsReadable() {
    // labels stay about 15px on screen whatever the zoom; the rest show on hover
    var size = Math.max(8, Math.min(60, 15 / Math.max(network.getScale(), 0.05)));
    nodes.update(Object.keys(labeled).map(function (i) { return { id: +i, font: { size: size } }; }));
  }
  function fit() {
    network.fit({ animation: false });
    keepLabelsReadable();
    counts();
  }

  function overview() {
    clear();
    var ov = idx.overview, n = ov.nodes.length;
    var labelCount = Math.min(n, 25);
    // one add for all: vis-network updates its view once per call
    nodes.add(ov.nodes.map(function (row, k) {
      shown[row[0]] = true;
      if (k < labelCount) labeled[row[0]] = true;
      return nodeRecord(row[0], row[1], row[2], k < labelCount);
    }));
    edges.add(ov.edges.map(function (e) { return { id: e[0] + "-" + e[1] + "-" + e[2], from: e[0], to: e[2], rel: idx.rels[e[1]], title: idx.rels[e[1]] }; })
      .filter(function (e, k, all) { return all.findIndex(function (x) { return x.id === e.id; }) === k; }));
    fit();
    panelHint("总览 Overview: the " + n + " most connected entities; the " + labelCount + " most connected are labeled.");
  }

  function ring(cx, cy, items, radius) {
    var fresh = items.filter(function (i) { return !shown[i]; });
    nodes.add(fresh.map(function (i) {
      var k = items.indexOf(i), a = (2 * Math.PI * k) / Math.max(items.length, 1);
      var r = radius + (items.length > 24 ? 60 * (k % 3) : 0);
      shown[i] = true; labeled[i] = true;
      return nodeRecord(i, cx + r * Math.cos(a), cy + r * Math.sin(a), true);
    }));
  }

  function addEdges(rows) {
    var fresh = [], seen = {};
    rows.forEach(function (rec) {
      var id = rec[0] + "-" + rec[1] + "-" + rec[2];
      if (seen[id] || edges.get(id)) return;
      seen[id] = true; edgeRecord[id] = rec;
      fresh.push({ id: id, from: rec[0], to: rec[2], rel: idx.rels[rec[1]], label: idx.rels[rec[1]] });
    });
    edges.add(fresh);
  }

  // the entity and its neighbours, drawn still (positions on rings, no physics)
  function neighbourhood(i) {
    clear();
    nodes.add(nodeRecord(i, 0, 0, true));
    shown[i] = true; labeled[i] = true;
    say("loading…");
    need(shardOf(i), function (shard) {
      var rows = (shard[String(i)] || { e: [] }).e;
      var near = [];
      rows.forEach(function (rec) { var o = rec[0] === i ? rec[2] : rec[0]; if (near.indexOf(o) < 0) near.push(o); });
      ring(0, 0, near, 220 + 8 * near.length);
      addEdges(rows);
      fit();
      bump("data-drawn-views");
    });
  }

  // click: add the node's neighbours around it
  function expand(i) {
    need(shardOf(i), function (shard) {
      var rows = (shard[String(i)] || { e: [] }).e;
      var p = network.getPositions([i])[i] || { x: 0, y: 0 };
      var fresh = [];
      rows.forEach(function (rec) { var o = rec[0] === i ? rec[2] : rec[0]; if (!shown[o] && fresh.indexOf(o) < 0) fresh.push(o); });
      ring(p.x, p.y, fresh, 160 + 6 * fresh.length);
      addEdges(rows);
      keepLabelsReadable();
      counts();
      bump("data-expanded");
    });
  }

  // --- the side panel -----------------------------------------------------
  function panelHint(text) { var p = $("panel"); p.textContent = ""; p.appendChild(el("p", text, "muted")); }
  function entityLink(i, text) {
    var a = el("a", text === undefined ? idx.entities[i][0] : text);
    a.href = "#entity=" + encodeURIComponent(entityKey(i));
    return a;
  }
  function articleLink(a, text, range) {
    var row = idx.articles[a];
    var link = el("a", text || row[1]);
    link.href = "#article=" + encodeURIComponent(row[0]) + (range ? "&hl=" + range[0] + "-" + range[1] : "");
    link.className = "article-link";
    return link;
  }
  function showEntity(i) {
    var e = idx.entities[i], p = $("panel");
    p.textContent = "";
    var h = el("h2", e[0]); h.setAttribute("data-entity", entityKey(i)); p.appendChild(h);
    var meta = el("p", null, "muted");
    var sw = el("span", null, "sw"); sw.style.background = color(typeName(e[1]));
    meta.appendChild(sw);
    meta.appendChild(document.createTextNode(typeName(e[1]) + " · " + e[2] + " relations" + (e[3] >= 0 ? " · " + idx.provinces[e[3]] : "")));
    p.appendChild(meta);
    if (e[4].length) p.appendChild(el("p", "别名 aliases: " + e[4].join("、")));
    need(shardOf(i), function (shard) {
      var row = shard[String(i)] || { e: [], a: [] };
      p.appendChild(el("h3", "关系 Relations"));
      var ul = el("ul", null, "rels");
      row.e.forEach(function (rec) {
        var li = el("li");
        li.appendChild(entityLink(rec[0]));
        var r = el("a", " —" + idx.rels[rec[1]] + "→ ");
        r.addEventListener("click", function () { showRelation(rec[0] + "-" + rec[1] + "-" + rec[2], rec); });
        li.appendChild(r);
        li.appendChild(entityLink(rec[2]));
        ul.appendChild(li);
      });
      p.appendChild(ul);
      p.appendChild(el("h3", "文章 Articles (" + row.a.length + ")"));
      var al = el("ul");
      row.a.slice(0, 50).forEach(function (a) { var li = el("li"); li.appendChild(articleLink(a)); al.appendChild(li); });
      p.appendChild(al);
    });
  }
  function showRelation(id, rec) {
    rec = rec || edgeRecord[id];
    var p = $("panel");
    if (!rec) { panelHint("open an entity to see this relation's evidence"); return; }
    if (rec[5] === null) {  // its evidence is in the head's shard
      need(shardOf(rec[0]), function (shard) {
        var full = ((shard[String(rec[0])] || { e: [] }).e).filter(function (r) { return r[1] === rec[1] && r[2] === rec[2]; })[0];
        if (full) showRelation(id, full);
      });
      return;
    }
    p.textContent = "";
    var h = el("h2"); h.className = "relation";
    h.appendChild(entityLink(rec[0])); h.appendChild(document.createTextNode(" —" + idx.rels[rec[1]] + "→ ")); h.appendChild(entityLink(rec[2]));
    p.appendChild(h);
    if (rec[3]) p.appendChild(el("p", "职务 title: " + rec[3]));
    if (rec[4]) p.appendChild(el("p", "年份 year: " + rec[4]));
    p.appendChild(el("h3", "证据 Evidence (" + rec[6] + ")"));
    rec[5].forEach(function (ev) {
      var box = el("div", null, "ev");
      box.appendChild(el("div", ev[1], "sentence"));
      if (ev[0] >= 0) box.appendChild(articleLink(ev[0], "→ " + idx.articles[ev[0]][1], [ev[2], ev[3]]));
      p.appendChild(box);
    });
    if (rec[6] > rec[5].length) p.appendChild(el("p", "… " + (rec[6] - rec[5].length) + " more sentences state it", "muted"));
  }

  // --- articles -----------------------------------------------------------
  function articleIndex(doc) {
    for (var k = 0; k < idx.articles.length; k++) if (idx.articles[k][0] === doc) return k;
    return -1;
  }
  function articleList() {
    var r = $("reader");
    $("net").hidden = true; r.hidden = false; r.textContent = "";
    r.appendChild(el("h2", "文章 Articles (" + idx.articles.length + ")"));
    var ul = el("ul");
    idx.articles.forEach(function (row, k) { var li = el("li"); li.appendChild(articleLink(k)); ul.appendChild(li); });
    r.appendChild(ul);
    panelHint("点击文章阅读。Open an article to read it with its entities marked.");
  }
  function showArticle(doc, hl) {
    var k = articleIndex(doc);
    var r = $("reader");
    $("net").hidden = true; r.hidden = false; r.textContent = "";
    if (k < 0) { r.appendChild(el("p", "no article " + doc)); return; }
    need("a/" + idx.articles[k][2], function (shard) {
      var art = shard[String(k)];
      r.textContent = "";
      r.appendChild(el("h2", art.title));
      r.appendChild(el("p", [art.source, art.date].filter(Boolean).join(" · "), "muted"));
      if (typeof art.text !== "string") { r.appendChild(el("p", "(the article's text is not in this build)", "muted")); return; }
      var base = 0;  // offsets in the data are into art.text
      var text = art.text;
      // segment boundaries: outer mentions and relation sentences, so a sentence can be highlighted
      var cuts = {}; cuts[0] = 1; cuts[text.length] = 1;
      var outer = [], end = -1;
      art.mentions.forEach(function (m) { if (m[0] >= end) { outer.push(m); end = m[1]; } });
      outer.forEach(function (m) { cuts[m[0]] = 1; cuts[m[1]] = 1; });
      art.relations.forEach(function (rel) { if (rel[3] >= 0 && rel[4] <= text.length) { cuts[rel[3]] = 1; cuts[rel[4]] = 1; } });
      var points = Object.keys(cuts).map(Number).sort(function (a, b) { return a - b; });
      var body = el("div", null, "text");
      var mi = 0;
      for (var p = 0; p + 1 < points.length; p++) {
        var s = points[p], e = points[p + 1];
        while (mi < outer.length && outer[mi][1] <= s) mi++;
        var m = outer[mi];
        if (m && m[0] <= s && e <= m[1]) {
          if (m[0] !== s) continue;  // the mark holds its whole text
          var t = typeName(m[2]);
          var mark = el("mark", text.slice(m[0], m[1]), "ent");
          mark.setAttribute("data-type", t); mark.setAttribute("data-s", m[0]); mark.setAttribute("data-e", m[1]);
          mark.style.background = color(t) + "40"; mark.style.borderBottom = "2px solid " + color(t);
          mark.appendChild(el("span", t, "lbl"));
          if (m[3] >= 0) { mark.title = idx.entities[m[3]][0]; mark.setAttribute("data-entity", entityKey(m[3]));
            (function (target) { mark.addEventListener("click", function () { location.hash = "#entity=" + encodeURIComponent(entityKey(target)); }); })(m[3]); }
          body.appendChild(mark);
        } else {
          var span = el("span", text.slice(s, e));
          span.setAttribute("data-s", s); span.setAttribute("data-e", e);
          body.appendChild(span);
        }
      }
      r.appendChild(body);
      function highlight(s, e) {
        Array.prototype.forEach.call(body.querySelectorAll("[data-s]"), function (x) {
          var xs = +x.getAttribute("data-s"), xe = +x.getAttribute("data-e");
          x.classList.toggle("hl", xs >= s && xe <= e && e > s);
        });
        var first = body.querySelector(".hl");
        if (first && first.scrollIntoView) first.scrollIntoView({ block: "center" });
      }
      var panel = $("panel"); panel.textContent = "";
      panel.appendChild(el("h2", "关系 Relations (" + art.relations.length + ")"));
      var ul = el("ul", null, "rels");
      art.relations.forEach(function (rel) {
        var li = el("li");
        li.appendChild(rel[0] >= 0 ? entityLink(rel[0]) : el("span", rel[5]));
        li.appendChild(document.createTextNode(" —" + idx.rels[rel[1]] + "→ "));
        li.appendChild(rel[2] >= 0 ? entityLink(rel[2]) : el("span", rel[6]));
        var show = el("a", " [句 sentence]");
        show.addEventListener("click", function () { highlight(rel[3], rel[4]); });
        li.appendChild(show);
        ul.appendChild(li);
      });
      panel.appendChild(ul);
      if (hl) highlight(hl[0] - (art.offset || 0), hl[1] - (art.offset || 0));
      document.body.setAttribute("data-article", doc);
    });
  }

  // --- search ---------------------------------------------------------------
  function search(q) {
    var f = fold(q), out = [];
    if (!f) return out;
    for (var i = 0; i < folded.length; i++) {
      var names = folded[i], best = 9;
      for (var k = 0; k < names.length; k++) {
        var at = names[k].indexOf(f);
        if (at < 0) continue;
        var rank = names[k] === f ? 0 : at === 0 ? 1 : 2;
        if (k > 0) rank += 0.5;  // an alias after the name
        if (rank < best) best = rank;
      }
      if (best < 9) out.push([best, -idx.entities[i][2], i]);
    }
    out.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return out.slice(0, 20).map(function (r) { return r[2]; });
  }
  function setupSearch() {
    var input = $("search"), list = $("results");
    function render() {
      var hits = search(input.value);
      list.textContent = "";
      list.hidden = !hits.length;
      hits.forEach(function (i, k) {
        var e = idx.entities[i], li = el("li");
        li.setAttribute("data-entity", entityKey(i));
        var sw = el("span", null, "sw"); sw.style.background = color(typeName(e[1]));
        li.appendChild(sw); li.appendChild(el("span", e[0]));
        li.appendChild(el("small", " " + typeName(e[1]) + (e[4].length ? " · " + e[4].slice(0, 3).join("、") : "")));
        if (k === 0) li.className = "active";
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); go(i); });
        list.appendChild(li);
      });
      if (!hits.length && input.value) say("no entity matches “" + input.value + "”");
    }
    function go(i) { list.hidden = true; location.hash = "#entity=" + encodeURIComponent(entityKey(i)); }
    input.addEventListener("input", render);
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { var hits = search(input.value); if (hits.length) go(hits[0]); }
      if (ev.key === "Escape") list.hidden = true;
    });
    input.addEventListener("blur", function () { list.hidden = true; });
    window.gbSearch = function (q) { return search(q).map(function (i) { return idx.entities[i][0]; }); };
  }

  // --- routes: #overview, #entity=KEY, #article=DOC[&hl=S-E], #articles ---------
  function route() {
    var h = location.hash.replace(/^#/, "");
    var params = {};
    h.split("&").forEach(function (part) {
      var eq = part.indexOf("=");
      if (eq > 0) params[part.slice(0, eq)] = decodeURIComponent(part.slice(eq + 1)); else if (part) params[part] = "";
    });
    if (params.entity !== undefined) {
      var i = entityByKey(params.entity);
      if (i < 0) { say("no entity " + params.entity); overview(); return; }
      neighbourhood(i); showEntity(i);
    } else if (params.article !== undefined) {
      var hl = params.hl ? params.hl.split("-").map(Number) : null;
      showArticle(params.article, hl);
    } else if (params.articles !== undefined) {
      articleList();
    } else {
      overview();
    }
  }
})();
