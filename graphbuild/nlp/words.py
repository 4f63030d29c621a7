"""Word lists as regular expressions.

>>> alternation(["工会", "总工会", "工会"])
'总工会|工会'
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """The words as one regex alternation, longest first (so 总工会 wins over 工会)."""
    return "|".join(map(re.escape, sorted(set(words), key=lambda w: (-len(w), w))))
