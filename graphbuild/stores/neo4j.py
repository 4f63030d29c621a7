"""Neo4j through the official driver: managed transactions, Neo4j's own DDL.

Credentials come from arguments or ``NEO4J_URI`` / ``NEO4J_USER`` /
``NEO4J_PASSWORD``; the password is never logged or put in an error message.
"""

from __future__ import annotations

import os
import time
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from graphbuild.errors import Errors, GraphbuildError
from graphbuild.stores.base import ddl_statements, plain


def redact(text: str, secret: str | None) -> str:
    return text.replace(secret, "***") if secret else text


class Neo4jStore:
    def __init__(
        self,
        uri: str | None = None,
        user: str | None = None,
        password: str | None = None,
        *,
        database: str | None = None,
        connect_tries: int = 5,
    ) -> None:
        from neo4j import GraphDatabase

        raw = uri or os.environ.get("NEO4J_URI", "bolt://localhost:7687")
        # credentials written into the URI (bolt://user:pw@host) move to auth
        parts = urlsplit(raw)
        if parts.username or parts.password:
            user = user or unquote(parts.username or "")
            password = password if password is not None else unquote(parts.password or "")
            netloc = parts.hostname or ""
            if parts.port:
                netloc += f":{parts.port}"
            raw = urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
        self.uri = raw
        user = user or os.environ.get("NEO4J_USER", "neo4j")
        password = password if password is not None else os.environ.get("NEO4J_PASSWORD", "")
        self._secret = password or None
        self.where = self.uri
        self.database = database
        try:
            self.driver = GraphDatabase.driver(self.uri, auth=(user, password) if password else None)
        except Exception as exc:  # noqa: BLE001 - a bad URI is the user's mistake
            raise GraphbuildError(
                Errors.E012, where=redact(self.uri, self._secret), detail=redact(str(exc).splitlines()[0], self._secret)
            ) from exc
        last: Exception | None = None
        # a fresh driver's first connection can fail (seen with FalkorDB's Bolt): retry
        for attempt in range(connect_tries):
            try:
                self.driver.verify_connectivity()
                last = None
                break
            except Exception as exc:  # noqa: BLE001
                last = exc
                time.sleep(0.2 * (attempt + 1))
        if last is not None:
            self.driver.close()
            raise GraphbuildError(
                Errors.E012,
                where=self.uri,
                detail=redact(str(last).splitlines()[0] if str(last) else type(last).__name__, self._secret),
            )

    def _session(self):  # noqa: ANN202 - neo4j.Session
        return self.driver.session(database=self.database) if self.database else self.driver.session()

    def run(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        try:
            with self._session() as s:
                return s.execute_read(lambda tx: [{k: plain(v) for k, v in rec.items()} for rec in tx.run(query, params or {})])
        except Exception as exc:  # noqa: BLE001
            raise GraphbuildError(
                Errors.E018, detail=redact(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, self._secret)
            ) from exc

    def write(self, query: str, params: dict[str, Any]) -> None:
        try:
            with self._session() as s:
                s.execute_write(lambda tx: tx.run(query, params).consume())
        except Exception as exc:  # noqa: BLE001 - every driver error becomes one clear line
            detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise GraphbuildError(Errors.E013, where=self.uri, detail=redact(detail, self._secret)) from exc

    def apply_ddl(self) -> list[str]:
        applied = []
        for stmt in ddl_statements("neo4j"):
            with self._session() as s:
                s.run(stmt).consume()
            applied.append(stmt)
        return applied

    def close(self) -> None:
        self.driver.close()
