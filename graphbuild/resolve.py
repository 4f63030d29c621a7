"""Resolution across articles: which extracted entities are one graph node.

Rules:

- entities of the same type and canonical name are one node, and their aliases
  accumulate;
- except persons: a namesake is one node only with a person who shares an
  employer (a ``WORKS_AT`` target), or, where either has no known employer,
  who shares a body or place named in the same article. So 王伟 of two
  different companies stays two nodes, and 高兴亮 of one mine named in two
  articles is one.

>>> r = Resolver()
>>> a = r.person_node("王伟", employers={"甲公司"}, context={"甲公司", "济南市"})
>>> b = r.person_node("王伟", employers={"乙公司"}, context={"乙公司", "青岛市"})
>>> c = r.person_node("王伟", employers=set(), context={"甲公司"})
>>> a == c, a == b
(True, False)
"""

from __future__ import annotations

from dataclasses import dataclass, field


def node_id(label: str, name: str) -> str:
    return f"{label}:{name}"


@dataclass
class _PersonCluster:
    node: str
    employers: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)


class Resolver:
    def __init__(self) -> None:
        self._persons: dict[str, list[_PersonCluster]] = {}

    def person_node(self, name: str, *, employers: set[str], context: set[str]) -> str:
        clusters = self._persons.setdefault(name, [])
        for c in clusters:
            if employers & c.employers or ((not employers or not c.employers) and context & c.context):
                c.employers |= employers
                c.context |= context
                return c.node
        nid = node_id("Person", name) if not clusters else f"{node_id('Person', name)}#{len(clusters) + 1}"
        clusters.append(_PersonCluster(nid, set(employers), set(context)))
        return nid

    def node(self, label: str, name: str, record: dict) -> str:
        """Node id of an entity ``name`` of ``label`` within an article's record."""
        if label != "Person":
            return node_id(label, name)
        employers = {r["tail"] for r in record["relations"] if r["type"] == "WORKS_AT" and r["head"] == name}
        context = {e["name"] for e in record["entities"] if e["type"] in ("Union", "Enterprise", "Organization", "Place")}
        key = (name, record["doc_id"])
        cache = record.setdefault("_person_nodes", {})
        if key[0] not in cache:
            cache[key[0]] = self.person_node(name, employers=employers, context=context)
        return cache[key[0]]
