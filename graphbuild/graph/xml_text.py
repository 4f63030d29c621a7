"""What the streaming XML exports share: attribute typing and escaping.

networkx builds an ElementTree of the whole graph before writing a byte; at
10,000 nodes that took longer than extracting an article. The GraphML and GEXF
writers stream text instead, in the layouts networkx reads back.

>>> attribute_types([{"a": 1, "b": "x"}, {"a": 2.5}])
{'a': 'double', 'b': 'string'}
>>> attr('甲 "乙" <丙>\\n')
'"甲 &quot;乙&quot; &lt;丙&gt;&#10;"'
>>> formatter("double")(3), formatter("string")("a<b\\n"), formatter("boolean", quoted=True)(True)
('3.0', 'a&lt;b\\n', '"true"')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

# characters XML 1.0 cannot hold at all
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# (str.translate is slow on CJK text; most values need no escaping at all, and
# those that do, JSON with many quotes, escape fastest by str.replace)
_SPECIAL_TEXT = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPECIAL_ATTR = re.compile('[&<>"\n\r\t\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')


def scalar(value: Any) -> str:
    if value is True or value is False:
        return "true" if value else "false"
    return value if type(value) is str else str(value)


def text(value: Any) -> str:
    s = scalar(value)
    if _SPECIAL_TEXT.search(s):
        s = _INVALID.sub("", s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        s = s.replace("\r", "&#13;")  # a parser would read a bare CR as LF
    return s


def attr(value: Any) -> str:
    s = scalar(value)
    if _SPECIAL_ATTR.search(s):
        s = _INVALID.sub("", s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
        s = s.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    return '"' + s + '"'


def attribute_types(rows: Iterable[dict[str, Any]]) -> dict[str, str]:
    """The XML type of each attribute over all rows (in first-seen order):
    boolean, long or double when every value is one, else string."""
    seen: dict[str, set[type]] = {}
    for row in rows:
        for k, v in row.items():
            if v is not None:
                types = seen.get(k)
                if types is None:
                    types = seen[k] = set()
                types.add(type(v))
    out = {}
    for k, types in seen.items():
        if types == {bool}:
            out[k] = "boolean"
        elif types <= {int}:
            out[k] = "long"
        elif types <= {int, float}:
            out[k] = "double"
        else:
            out[k] = "string"
    return out


def _double(value: Any) -> str:
    return repr(float(value))  # ints widen to doubles


def formatter(xml_type: str, *, quoted: bool = False) -> Callable[[Any], str]:
    """The function that writes a value of ``xml_type`` as XML: element text,
    or a quoted attribute value. Numbers and booleans need no escaping."""
    if xml_type == "string":
        return attr if quoted else text
    plain = _double if xml_type == "double" else scalar
    return (lambda v: '"' + plain(v) + '"') if quoted else plain
