"""The graph's schema: the one source of truth for types and allowed pairs.

Every part of graphbuild (pipeline, resolver, stores, views, evaluator) imports
its labels from here, so adding a type touches this module, one rules file and
tests.

>>> allowed("WORKS_AT", "Person", "Union")
True
>>> allowed("WORKS_AT", "Union", "Person")
False
"""

from __future__ import annotations

import re
from typing import Final

ENTITY_TYPES: Final[tuple[str, ...]] = (
    "Union",
    "Enterprise",
    "Organization",
    "Person",
    "Place",
    "Program",
    "Event",
    "Award",
    "Group",
)

BODIES: Final[frozenset[str]] = frozenset({"Union", "Enterprise", "Organization"})
HOLDERS: Final[frozenset[str]] = BODIES | {"Person"}
ACTIVITIES: Final[frozenset[str]] = frozenset({"Program", "Event"})

# relation type -> (allowed head types, allowed tail types)
RELATION_TYPES: Final[dict[str, tuple[frozenset[str], frozenset[str]]]] = {
    "WORKS_AT": (frozenset({"Person"}), BODIES),
    "AWARDED": (HOLDERS, frozenset({"Award"})),
    "LOCATED_IN": (BODIES | {"Event"}, frozenset({"Place"})),
    "PART_OF": (BODIES | {"Place"}, BODIES | {"Place"}),
    "ORGANIZES": (BODIES, ACTIVITIES),
    "PARTNERS_WITH": (BODIES, BODIES),
    "PARTICIPATES_IN": (HOLDERS, ACTIVITIES),
    "MENTORS": (frozenset({"Person"}), frozenset({"Person"})),
    "TARGETS": (ACTIVITIES, frozenset({"Group"})),
}

SYMMETRIC: Final[frozenset[str]] = frozenset({"PARTNERS_WITH"})

# Relation properties kept on edges besides evidence.
RELATION_PROPERTIES: Final[tuple[str, ...]] = ("title", "year")

# Provenance, outside the nine: article nodes and the edges to them.
ARTICLE_LABEL: Final[str] = "Article"
MENTIONED_IN: Final[str] = "MENTIONED_IN"

NODE_LABELS: Final[tuple[str, ...]] = ENTITY_TYPES + (ARTICLE_LABEL,)
EDGE_TYPES: Final[tuple[str, ...]] = tuple(RELATION_TYPES) + (MENTIONED_IN,)

# Colors and shapes for views; kept here so every view agrees.
TYPE_STYLE: Final[dict[str, tuple[str, str]]] = {
    "Union": ("#d62728", "dot"),
    "Enterprise": ("#1f77b4", "square"),
    "Organization": ("#9467bd", "diamond"),
    "Person": ("#2ca02c", "dot"),
    "Place": ("#8c564b", "triangle"),
    "Program": ("#ff7f0e", "star"),
    "Event": ("#e377c2", "triangleDown"),
    "Award": ("#bcbd22", "hexagon"),
    "Group": ("#17becf", "ellipse"),
    "Article": ("#7f7f7f", "box"),
}

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def allowed(relation: str, head_type: str, tail_type: str) -> bool:
    """Whether ``head_type -[relation]-> tail_type`` is in the schema."""
    pair = RELATION_TYPES.get(relation)
    if pair is None:
        return False
    if relation == "PART_OF":
        # places nest in places, bodies in bodies; never a body in a place
        return (head_type == "Place") == (tail_type == "Place") and (head_type in pair[0] and tail_type in pair[1])
    return head_type in pair[0] and tail_type in pair[1]


def check_label(label: str) -> str:
    """Return ``label`` if it is a node label of the schema, else raise.

    Labels and relationship types cannot be Cypher parameters; this allow-list
    is what keeps user data out of query text.
    """
    if label not in NODE_LABELS or not _IDENT.match(label):
        raise ValueError(f"not a node label of the schema: {label!r}")
    return label


def check_relation(rel: str) -> str:
    """Return ``rel`` if it is an edge type of the schema, else raise."""
    if rel not in EDGE_TYPES or not _IDENT.match(rel):
        raise ValueError(f"not a relationship type of the schema: {rel!r}")
    return rel
