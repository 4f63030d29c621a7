"""The named Cypher queries of ``queries/``: headers, parameters, running.

Each file starts with ``//`` header lines: ``name``, ``answers``, ``params``
(``key (type[, default X]): text``, ``;``-separated) and ``example``.

>>> q = parse_query("// name: x\\n// params: limit (int, default 5): rows; name (string)\\nMATCH (n) RETURN n LIMIT $limit")
>>> q.defaults, q.param_types
({'limit': 5}, {'limit': 'int', 'name': 'string'})
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphbuild.errors import Errors, GraphbuildError
from graphbuild.stores.base import Store

_PARAM = re.compile(r"(\w+)\s*\((\w+)(?:,\s*default\s+([^)]*))?\)")


@dataclass
class NamedQuery:
    name: str
    text: str
    answers: str = ""
    example: str = ""
    path: Path | None = None
    param_types: dict[str, str] = field(default_factory=dict)
    defaults: dict[str, Any] = field(default_factory=dict)
    params_doc: str = ""

    def usage(self) -> str:
        """The header lines that say how to call it: ``params`` and ``example``."""
        lines = [f"  params: {self.params_doc or 'none'}"]
        if self.example:
            lines.append(f"  example: {self.example}")
        return "\n".join(lines)


def _convert(value: str, kind: str) -> Any:
    value = value.strip()
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    if kind == "list":
        return json.loads(value) if value.startswith("[") else [v for v in value.split(",") if v]
    if value in ('""', "''"):
        return ""
    return value


def parse_query(text: str, *, path: Path | None = None) -> NamedQuery:
    header = {}
    for line in text.splitlines():
        m = re.match(r"^//\s*(\w+):\s*(.*)$", line)
        if m:
            header[m.group(1)] = m.group(2).strip()
        elif line.strip() and not line.startswith("//"):
            break
    q = NamedQuery(
        header.get("name", path.stem if path else "query"), text, header.get("answers", ""), header.get("example", ""), path
    )
    q.params_doc = header.get("params", "")
    for m in _PARAM.finditer(q.params_doc):
        q.param_types[m.group(1)] = m.group(2)
        if m.group(3) is not None:
            q.defaults[m.group(1)] = _convert(m.group(3), m.group(2))
    return q


def queries_dir() -> Path:
    """``queries/`` of the working directory, else of the source checkout."""
    here = Path.cwd() / "queries"
    if here.is_dir():
        return here
    return Path(__file__).resolve().parents[1] / "queries"


def library(directory: Path | None = None) -> dict[str, NamedQuery]:
    d = directory or queries_dir()
    return {p.stem: parse_query(p.read_text("utf-8"), path=p) for p in sorted(d.glob("*.cypher"))}


def resolve_query(name_or_file: str, directory: Path | None = None) -> NamedQuery:
    p = Path(name_or_file)
    if p.suffix == ".cypher" and p.is_file():
        return parse_query(p.read_text("utf-8"), path=p)
    lib = library(directory)
    if name_or_file in lib:
        return lib[name_or_file]
    raise GraphbuildError(Errors.E010, name=name_or_file, known=", ".join(lib) or "none")


def parse_params(pairs: list[str], query: NamedQuery) -> dict[str, Any]:
    r"""The query's parameters from ``key=value`` pairs and its defaults; a missing
    or unknown one is an error that names it, then the query's params and example.

    >>> q = parse_query("// name: two_hops\n// params: name (string): an entity\n// example: graphbuild query two_hops -p name=高兴亮\nRETURN $name")
    >>> parse_params([], q)
    Traceback (most recent call last):
    ...
    graphbuild.errors.GraphbuildError: query 'two_hops' needs --param name=… (string) [E021]
      params: name (string): an entity
      example: graphbuild query two_hops -p name=高兴亮
    """
    params = dict(query.defaults)
    for pair in pairs:
        if "=" not in pair:
            raise GraphbuildError(Errors.E011, param=pair)
        k, v = pair.split("=", 1)
        k = k.strip()
        if query.param_types and k not in query.param_types or not query.param_types and query.params_doc:
            raise GraphbuildError(Errors.E022, name=query.name, unknown=repr(k), usage=query.usage())
        params[k] = _convert(v, query.param_types.get(k, "string"))
    missing = [k for k in query.param_types if k not in params]
    if missing:
        needs = ", ".join(f"--param {k}=… ({query.param_types[k]})" for k in missing)
        raise GraphbuildError(Errors.E021, name=query.name, missing=needs, usage=query.usage())
    return params


def run_query(store: Store, query: NamedQuery, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    body = "\n".join(line for line in query.text.splitlines() if not line.strip().startswith("//"))
    return store.run(body, {**query.defaults, **(params or {})})
