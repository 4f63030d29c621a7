"""Scoring extraction against gold, by SCHEMA.md's rules.

Per file (articles cut from one input are judged together), on unique entities
by type and canonical name after normalization (NFKC, no whitespace, no quote
marks, traditional → simplified); a prediction matches a gold entity of the
same type whose name or alias is equal, also when they differ only by a leading
province name or, for places, the administrative suffix. Matching is one to
one. A relation matches when the types are equal and both ends match gold
entities that a gold relation of that type joins; PARTNERS_WITH is unordered.

>>> gold = [{"doc_id": "a", "entities": [{"name": "淄博市", "type": "Place", "aliases": []}], "relations": []}]
>>> pred = {"a": {"entities": [{"name": "淄博", "type": "Place"}], "relations": []}}
>>> evaluate(gold, pred).entities.f1
1.0
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphbuild.corpus.normalize import to_simplified
from graphbuild.errors import Errors, GraphbuildError
from graphbuild.schema import ENTITY_TYPES, RELATION_TYPES, SYMMETRIC

_QUOTES = re.compile(r"[\s“”「」『』\"'《》‘’〈〉]")
_PROVINCES = None


def norm(name: str) -> str:
    return to_simplified(_QUOTES.sub("", unicodedata.normalize("NFKC", name)))


def _provinces() -> list[str]:
    global _PROVINCES
    if _PROVINCES is None:
        from graphbuild.nlp.gazetteer import gazetteer

        g = gazetteer()
        names = [n for n, ds in g.by_name.items() if ds[0].level == "province"]
        names += [s for s, full in g.short.items() if full in names]
        _PROVINCES = sorted(names, key=len, reverse=True)
    return _PROVINCES


def _variants(name: str, label: str) -> set[str]:
    n = norm(name)
    out = {n}
    for p in _provinces():
        if n.startswith(p) and len(n) > len(p) + 1:
            out.add(n[len(p) :])
            break
    if label == "Place":
        for suf in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "省", "市", "区", "县"):
            if n.endswith(suf) and len(n) - len(suf) >= 2:
                out.add(n[: -len(suf)])
                break
    return out


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return round(2 * p * r / (p + r), 4) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "p": round(self.precision, 4),
            "r": round(self.recall, 4),
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Report:
    entities: Score = field(default_factory=Score)
    relations: Score = field(default_factory=Score)
    entity_types: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    relation_types: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    errors: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "entities": self.entities.as_dict(),
            "relations": self.relations.as_dict(),
            "entity_types": {t: self.entity_types[t].as_dict() for t in ENTITY_TYPES if t in self.entity_types},
            "relation_types": {t: self.relation_types[t].as_dict() for t in RELATION_TYPES if t in self.relation_types},
        }


def load_gold(paths: list[str | Path]) -> list[dict[str, Any]]:
    out = []
    for p in paths:
        path = Path(p)
        if not path.exists():
            raise GraphbuildError(Errors.E001, path=path)
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GraphbuildError(Errors.E005, path=path, line=n, detail=exc.msg) from exc
            if not isinstance(rec, dict) or "doc_id" not in rec or "entities" not in rec:
                raise GraphbuildError(Errors.E009, path=path, detail=f"line {n} lacks doc_id or entities")
            out.append(rec)
    return out


def _match_entities(gold: list[dict], pred: list[dict]) -> tuple[dict[int, int], list[int], list[int]]:
    """One-to-one matching; returns pred index → gold index, unmatched pred, unmatched gold."""
    gold_keys = [(g["type"], set().union(*(_variants(n, g["type"]) for n in [g["name"], *g.get("aliases", [])]))) for g in gold]
    pairs: dict[int, int] = {}
    used: set[int] = set()
    # exact canonical matches first, then alias and variant matches
    for strict in (True, False):
        for i, p in enumerate(pred):
            if i in pairs:
                continue
            pv = {norm(p["name"])} if strict else _variants(p["name"], p["type"])
            for j, (t, keys) in enumerate(gold_keys):
                if j in used or t != p["type"]:
                    continue
                target = {norm(gold[j]["name"])} if strict else keys
                if pv & target:
                    pairs[i] = j
                    used.add(j)
                    break
    return pairs, [i for i in range(len(pred)) if i not in pairs], [j for j in range(len(gold)) if j not in used]


def relation_key(rel: str, head: int | str, tail: int | str) -> tuple:
    """A relation as compared: a symmetric one with its two ends in order."""
    return (rel, *sorted((head, tail))) if rel in SYMMETRIC else (rel, head, tail)


def _relation_index(
    gents: list[dict], pents: list[dict], pairs: dict[int, int], gold_relations: list[dict]
) -> tuple[dict[str, set[int]], set[tuple]]:
    """Predicted names → the gold entities they matched, and the gold relations as keys over gold indices."""
    gold_by_name: dict[str, list[int]] = defaultdict(list)
    for j, g in enumerate(gents):
        gold_by_name[norm(g["name"])].append(j)
    pred_to_gold: dict[str, set[int]] = defaultdict(set)
    for i, j in pairs.items():
        pred_to_gold[pents[i]["name"]].add(j)
    grels = {
        relation_key(r["type"], h, t)
        for r in gold_relations
        for h in gold_by_name.get(norm(r["head"]), [])
        for t in gold_by_name.get(norm(r["tail"]), [])
    }
    return pred_to_gold, grels


def entities_found(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> set[tuple[str, str]]:
    """The (name, type) of each predicted entity that matches a gold one, by the
    rules ``evaluate`` scores with.

    >>> gold = [{"name": "淄博市", "type": "Place", "aliases": []}]
    >>> sorted(entities_found(gold, [{"name": "淄博", "type": "Place"}, {"name": "淄博", "type": "Union"}]))
    [('淄博', 'Place')]
    """
    found = _unique(pred)
    pairs, _, _ = _match_entities(_unique(gold), found)
    return {(found[i]["name"], found[i]["type"]) for i in pairs}


def relation_matcher(gold: dict[str, Any], pred: dict[str, Any]) -> Callable[[str, str, str], bool]:
    """Whether a predicted (head, type, tail), by predicted names, matches a gold
    relation of one file, by the rules ``evaluate`` scores with.

    >>> gold = {"entities": [{"name": "甲公司", "type": "Enterprise"}, {"name": "乙公司", "type": "Enterprise"}],
    ...         "relations": [{"head": "甲公司", "type": "PARTNERS_WITH", "tail": "乙公司"}]}
    >>> match = relation_matcher(gold, {"entities": gold["entities"]})
    >>> match("乙公司", "PARTNERS_WITH", "甲公司"), match("甲公司", "PART_OF", "乙公司")
    (True, False)
    """
    gents, pents = _unique(gold.get("entities", [])), _unique(pred.get("entities", []))
    pairs, _, _ = _match_entities(gents, pents)
    pred_to_gold, grels = _relation_index(gents, pents, pairs, gold.get("relations", []))
    return lambda head, rel, tail: any(
        relation_key(rel, h, t) in grels for h in pred_to_gold.get(head, ()) for t in pred_to_gold.get(tail, ())
    )


def score_file(gold: dict, pred: dict, report: Report, file_id: str) -> None:
    gents = _unique(gold.get("entities", []))
    pents = _unique(pred.get("entities", []))
    pairs, fps, fns = _match_entities(gents, pents)
    for i in pairs:
        report.entities.tp += 1
        report.entity_types[pents[i]["type"]].tp += 1
    for i in fps:
        report.entities.fp += 1
        report.entity_types[pents[i]["type"]].fp += 1
        report.errors.append({"file": file_id, "kind": "false entity", "type": pents[i]["type"], "name": pents[i]["name"]})
    for j in fns:
        report.entities.fn += 1
        report.entity_types[gents[j]["type"]].fn += 1
        report.errors.append({"file": file_id, "kind": "missed entity", "type": gents[j]["type"], "name": gents[j]["name"]})
    pred_to_gold, grels = _relation_index(gents, pents, pairs, gold.get("relations", []))
    prels = {}
    for r in pred.get("relations", []):
        hs, ts = pred_to_gold.get(r["head"], set()), pred_to_gold.get(r["tail"], set())
        keys = {relation_key(r["type"], h, t) for h in hs for t in ts}
        hit = next((k for k in keys if k in grels), None)
        prels[relation_key(r["type"], r["head"], r["tail"])] = hit
    matched = set()
    for key, hit in prels.items():
        if hit is not None and hit not in matched:
            matched.add(hit)
            report.relations.tp += 1
            report.relation_types[key[0]].tp += 1
        else:
            report.relations.fp += 1
            report.relation_types[key[0]].fp += 1
            report.errors.append({"file": file_id, "kind": "false relation", "type": key[0], "name": f"{key[1]} → {key[2]}"})
    for key in grels - matched:
        report.relations.fn += 1
        report.relation_types[key[0]].fn += 1
        report.errors.append(
            {
                "file": file_id,
                "kind": "missed relation",
                "type": key[0],
                "name": f"{gents[key[1]]['name']} → {gents[key[2]]['name']}",
            }
        )


def _unique(ents: list[dict]) -> list[dict]:
    seen: dict[tuple[str, str], dict] = {}
    for e in ents:
        key = (e["type"], norm(e["name"]))
        if key in seen:
            seen[key] = {**seen[key], "aliases": sorted(set(seen[key].get("aliases", [])) | set(e.get("aliases", [])))}
        else:
            seen[key] = e
    return list(seen.values())


def merge_by_file(records: list[dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    """Articles cut from one input file are judged together as that file."""
    out: dict[str, dict[str, Any]] = {}
    for rec in records:
        fid = Path(rec[key]).stem if key == "source" else rec[key]
        m = out.setdefault(fid, {"entities": [], "relations": []})
        m["entities"] += rec.get("entities", [])
        m["relations"] += rec.get("relations", [])
    return out


def evaluate(gold: list[dict[str, Any]], pred_by_file: dict[str, dict[str, Any]]) -> Report:
    report = Report()
    for g in gold:
        fid = g["doc_id"]
        score_file(g, pred_by_file.get(fid, {"entities": [], "relations": []}), report, fid)
    return report
