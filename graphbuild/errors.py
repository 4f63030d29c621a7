"""One catalogue of user-facing errors (the spaCy way: codes and templates).

A user's mistake becomes a :class:`GraphbuildError` whose ``str`` is one line
naming the file (and line) and what is wrong; the CLI prints it without a
traceback.

>>> str(GraphbuildError(Errors.E001, path="x.txt"))
'x.txt: no such file or directory [E001]'
"""

from __future__ import annotations

from typing import Any


class Errors:
    E001 = "{path}: no such file or directory"
    E002 = "{path}: the file is empty"
    E003 = "{path}: binary data, not text (found {what})"
    E004 = "{path}: cannot decode the text (tried {tried})"
    E005 = "{path}:{line}: malformed JSON line: {detail}"
    E006 = "{path}:{line}: JSON line has no string field 'text'"
    E007 = "{path}: unsupported file type '{suffix}' (use .txt, .md, .html, .htm, .jsonl)"
    E008 = "{path}: no Chinese text found"
    E009 = "{path}: not a gold file: {detail}"
    E010 = "unknown query '{name}': not a file and not in queries/ ({known})"
    E011 = "bad --param '{param}': expected key=value"
    E012 = "cannot reach the graph store at {where}: {detail}"
    E013 = "load into {where} failed: {detail}"
    E014 = "no entity named '{name}' in the graph"
    E015 = "{path}: no graph here; run 'graphbuild build' first"
    E016 = "{path}: the file is too large ({size} bytes; limit {limit})"
    E017 = "the pkuseg model is not in {path}; run 'graphbuild fetch-pkuseg' first"
    E018 = "query failed: {detail}"
    E019 = "{path}: cannot read: {detail}"
    E020 = "{path}: writing the export failed: {detail}"
    E021 = "query '{name}' needs {missing}"
    E022 = "query '{name}' takes no parameter {unknown}"
    E023 = "{path}: article {article}: extraction failed: {detail}"
    E024 = "{path}: no training data (expected genre/train.jsonl or gold/*.jsonl)"
    E025 = "{path}: no article text after removing scripts and navigation"
    E026 = "{path}: too little training data for the relation classifier: {texts} texts hold fewer than {min} examples of every relation (train on more)"


class GraphbuildError(Exception):
    """A user-facing error: one line, no traceback."""

    def __init__(self, template: str, **fields: object) -> None:
        code = next((k for k, v in vars(Errors).items() if v == template), "E000")
        self.code = code
        self.fields = fields
        # ``usage``, when given, follows the one line: how to call what was called wrong
        usage = fields.pop("usage", None)
        super().__init__(f"{template.format(**fields)} [{code}]" + (f"\n{usage}" if usage else ""))

    def __reduce__(self) -> tuple[Any, ...]:
        # sent between processes as made (the fields may not pickle)
        return (_made_error, (str(self), self.code))


def _made_error(message: str, code: str) -> GraphbuildError:
    exc = GraphbuildError.__new__(GraphbuildError)
    Exception.__init__(exc, message)
    exc.code, exc.fields = code, {}
    return exc
