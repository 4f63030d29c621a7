"""The store interface: what the loader and the query runner need of a store.

Both stores run the same Cypher; only the client and the DDL differ.
"""

from __future__ import annotations

from importlib import resources
from typing import Any, Protocol


class Store(Protocol):
    """A Cypher store: run parameterized statements, apply its own DDL."""

    where: str

    def run(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a read query; rows as dicts keyed by the RETURN names."""
        ...

    def write(self, query: str, params: dict[str, Any]) -> None:
        """Run a write statement in one transaction (retried if transient)."""
        ...

    def apply_ddl(self) -> list[str]:
        """Create this store's indexes and constraints; return what was applied."""
        ...

    def close(self) -> None: ...


def ddl_statements(store: str) -> list[str]:
    """The statements of ``ddl/<store>.cypher`` (comments dropped)."""
    text = resources.files("graphbuild.stores").joinpath(f"ddl/{store}.cypher").read_text("utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.strip().startswith("//"))
    return [s.strip() for s in body.split(";") if s.strip()]


def plain(value: Any) -> Any:
    """A client value (node, relationship, path) as plain Python data."""
    props = getattr(value, "properties", None)
    if isinstance(props, dict):  # FalkorDB Node/Edge
        out = dict(props)
        labels = getattr(value, "labels", None)
        if labels:
            out["_labels"] = list(labels)
        relation = getattr(value, "relation", None)
        if relation:
            out["_type"] = relation
        return out
    if hasattr(value, "items") and hasattr(value, "labels"):  # neo4j Node
        return {**dict(value.items()), "_labels": sorted(value.labels)}
    if hasattr(value, "items") and hasattr(value, "type") and hasattr(value, "start_node"):  # neo4j Relationship
        return {**dict(value.items()), "_type": value.type}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    nodes = getattr(value, "nodes", None)
    if callable(nodes):  # FalkorDB Path
        return [plain(n) for n in nodes()]
    return value
