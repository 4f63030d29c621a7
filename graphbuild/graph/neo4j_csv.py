"""CSV files in the layout ``neo4j-admin database import full`` reads.

``nodes_<Label>.csv`` (``key:ID``, properties, ``:LABEL``) and
``rels_<TYPE>.csv`` (``:START_ID``, ``:END_ID``, properties, ``:TYPE``);
aliases are ``string[]`` with ``;`` between items, evidence a JSON string.
The import command is written beside them in ``import.sh``.
"""

from __future__ import annotations

import csv
import shlex
from pathlib import Path

import networkx as nx

from graphbuild.graph.flatten import to_json
from graphbuild.io import atomic_open, atomic_write_text

NODE_PROPS = ("name", "aliases", "mentions", "articles", "first_article", "last_article", "doc_id", "source", "title", "date")
EDGE_PROPS = ("title", "year", "count", "evidence")


def write_neo4j_csv(g: nx.MultiDiGraph, out_dir: str | Path) -> list[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    by_label: dict[str, list[tuple[str, dict]]] = {}
    for n, d in g.nodes(data=True):
        by_label.setdefault(d["type"], []).append((n, d))
    for label, rows in sorted(by_label.items()):
        path = out / f"nodes_{label}.csv"
        with atomic_open(path, "w") as fh:
            w = csv.writer(fh)
            w.writerow(
                [
                    "key:ID",
                    "name",
                    "aliases:string[]",
                    "mentions:int",
                    "articles:int",
                    "first_article",
                    "last_article",
                    "doc_id",
                    "source",
                    "title",
                    "date",
                    ":LABEL",
                ]
            )
            for n, d in rows:
                w.writerow(
                    [
                        n,
                        d.get("name", ""),
                        ";".join(sorted(d.get("aliases", []) or [])),
                        d.get("mentions", 0),
                        d.get("articles", 0),
                        d.get("first_article", ""),
                        d.get("last_article", ""),
                        d.get("doc_id", ""),
                        d.get("source", ""),
                        d.get("title", ""),
                        d.get("date", ""),
                        label,
                    ]
                )
        written.append(path)
    by_type: dict[str, list] = {}
    for u, v, d in g.edges(data=True):
        by_type.setdefault(d["type"], []).append((u, v, d))
    for rtype, rows in sorted(by_type.items()):
        path = out / f"rels_{rtype}.csv"
        with atomic_open(path, "w") as fh:
            w = csv.writer(fh)
            w.writerow([":START_ID", ":END_ID", "title", "year:int", "count:int", "evidence", ":TYPE"])
            for u, v, d in rows:
                w.writerow(
                    [
                        u,
                        v,
                        d.get("title", ""),
                        d.get("year", ""),
                        d.get("count", ""),
                        to_json(d["evidence"]) if d.get("evidence") else "[]",
                        rtype,
                    ]
                )
        written.append(path)
    args = ["neo4j-admin", "database", "import", "full", "--overwrite-destination"]
    args += [f"--nodes={p.name}" for p in written if p.name.startswith("nodes_")]
    args += [f"--relationships={p.name}" for p in written if p.name.startswith("rels_")]
    args += ["--array-delimiter=;", "neo4j"]
    atomic_write_text(
        out / "import.sh",
        "#!/bin/sh\n# run inside this folder, with the Neo4j server stopped\n" + " ".join(shlex.quote(a) for a in args) + "\n",
    )
    return written
