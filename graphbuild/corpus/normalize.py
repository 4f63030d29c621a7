"""Normalization that keeps a map back to the original offsets.

Steps, each char for char so that every normalized character knows the
original span it came from:

1. NFKC per character (full-width letters and digits become ASCII);
2. traditional to simplified characters (OpenCC ``t2s``), kept only where the
   conversion keeps the length, so the map stays one to one;
3. ASCII ``,()；:!?;`` to full-width where a neighbour is Chinese;
4. page-layout repair: a paragraph cut mid-sentence by the layout is joined to
   the paragraph it continues (the break characters are dropped; the map skips
   them).

>>> t = normalize("会议召开。\\n\\n大连市总工会主\\n\\n席王义朴说,好。")
>>> t.text
'会议召开。\\n\\n大连市总工会主席王义朴说，好。'
>>> t.original_span(14, 17)
(16, 19)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ASCII_TO_FULL = {",": "，", "(": "（", ")": "）", ";": "；", ":": "：", "!": "！", "?": "？"}
CLOSING = "。！？!?…”」』》）)\"'；;"
PAUSE_END = "，,、：:；;（(“「《—-"
LEAD = re.compile(r"^(本报讯|本报[^\s，。]{0,12}电|新华社[^\s，。]{0,12}电|#)")
BYLINE = re.compile(r"^(本报记者|本报通讯员|记者|通讯员)[\s\u4e00-\u9fff·]{1,30}$|摄$|/摄$")


@lru_cache(maxsize=1)
def _t2s():  # noqa: ANN202 - OpenCC object
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional to simplified, guaranteed the same length as ``text``."""
    if not text:
        return text
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    # phrase conversions that change length: fall back to char by char
    out = []
    for ch in text:
        c = _t2s().convert(ch)
        out.append(c if len(c) == 1 else ch)
    return "".join(out)


@dataclass(frozen=True)
class NormalizedText:
    """Normalized text plus, per character, its span in the original."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` of :attr:`text` to the original text."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) outside 0..{len(self.text)}")
        if start == end:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def original_text(self, start: int, end: int) -> str:
        s, e = self.original_span(start, end)
        return self.original[s:e]


def _is_cjk(ch: str) -> bool:
    return bool(CJK.match(ch))


def _nfkc_char(ch: str) -> str:
    if ch in "\u3000\u00a0":
        return " "
    if ord(ch) < 128 or ch in "，（）；：！？":
        # keep the full-width CJK punctuation that NFKC would turn to ASCII
        return ch
    if 0xD800 <= ord(ch) <= 0xDFFF or ch == "\r":
        return ""  # unpaired surrogates and CR are dropped
    out = unicodedata.normalize("NFKC", ch)
    # keep "…" and friends: only enclosed forms (①, ㈠) may grow
    if len(out) > 1 and not (0x2460 <= ord(ch) <= 0x24FF or 0x3200 <= ord(ch) <= 0x33FF):
        return ch
    return out


def _nfkc_chars(text: str) -> tuple[list[str], list[int], list[int]]:
    table = {ch: _nfkc_char(ch) for ch in set(text)}  # each distinct character once
    if all(len(v) == 1 for v in table.values()):
        chars = [table[ch] for ch in text]
        idx = list(range(len(text)))
        return chars, idx, [i + 1 for i in idx]
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        for c in table[ch]:
            chars.append(c)
            starts.append(i)
            ends.append(i + 1)
    return chars, starts, ends


def _fullwidth_punct(chars: list[str]) -> None:
    n = len(chars)
    for i, ch in enumerate(chars):
        full = _ASCII_TO_FULL.get(ch)
        if full is None:
            continue
        prev = chars[i - 1] if i > 0 else ""
        nxt = chars[i + 1] if i + 1 < n else ""
        if ch == ":" and prev.isdigit() and nxt.isdigit():
            continue  # 9:20 is a time
        if ch == "," and prev.isdigit() and nxt.isdigit():
            continue  # 1,000 is a number
        if _is_cjk(prev) or _is_cjk(nxt) or prev in "”）》" or nxt in "“（《":
            chars[i] = full


# a subheading of two phrases set apart by a space: 以先进评选赋“才力” 联合选树表彰优秀高技能人才
_SUBHEADING = re.compile(r"^[^，。；！？\n]{2,30}[\u4e00-\u9fff”》][ \u3000]+[\u4e00-\u9fff“《][^，。；！？\n]{1,30}$")


# a subheading of two parallel phrases (延伸手臂，彰显工会温度) before a paragraph that starts afresh
# with a date or a quote: not a line the layout cut
_PARALLEL_HEADING = re.compile(r"[\u4e00-\u9fff]{3,8}，[\u4e00-\u9fff]{3,10}")
_FRESH_START = re.compile(r"(?:\d{4}年|\d{1,2}月|近日|日前|近年来|今年|去年|“)")


# a line that ends on a quoted name, not a quoted sentence: …新就业形态劳动者有了“暖心家”
_QUOTED_NAME_END = re.compile(r"“[^“”。！？，]{1,12}[^。！？…，]”$|《[^《》]{1,20}》$")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of non-blank paragraphs (separated by blank lines)."""
    spans = []
    for m in re.finditer(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*", text):
        if m.group().strip():
            spans.append((m.start(), m.end()))
    return spans


def is_heading(p: str) -> bool:
    """A headline, deck, kicker or subheading: short and without final punctuation."""
    p = p.strip()
    if p.startswith("#"):
        return True
    if p.endswith(("——", "—")):
        return True
    if len(p) <= 40 and (p[-1:] not in CLOSING or _QUOTED_NAME_END.search(p)):
        return True
    # a quoted short line (“参加完这次活动，就期待着下次活动”) is a headline too
    return len(p) <= 26 and p[:1] in "“「" and p[-1:] in "”」" and "。" not in p


def is_byline(p: str) -> bool:
    return bool(BYLINE.search(p.strip()))


def _is_cut(p: str) -> bool:
    """Signals that the layout cut this paragraph mid-sentence."""
    p = p.strip()
    if any(ch in p[:-1] for ch in "。！？"):
        return True
    if p[-1:] in PAUSE_END and not p.endswith("——"):
        return True
    if p.count("“") > p.count("”") or p.count("（") > p.count("）"):
        return True
    if "，" in p or "、" in p:
        return True  # a clause boundary inside: sentence text, not a title
    return len(p) > 40


def _joins(prev: str | None, a: str, b: str) -> bool:
    """Whether paragraph ``a`` continues into ``b`` (a layout break)."""
    a_s, b_s = a.strip(), b.strip()
    if a_s[-1:] in CLOSING or a_s.endswith(("——", "—")):
        return False
    if is_byline(a_s) or LEAD.match(a_s) or a_s.startswith("#"):
        return False
    if LEAD.match(b_s) or b_s.startswith("#") or is_byline(b_s):
        return False
    if _is_cut(a_s):
        return not is_heading(b_s) or _is_cut(b_s) or len(b_s) <= 12
    # a short line inside body text continues into a body paragraph; a
    # subheading joined this way only loses its line break
    prev_body = prev is not None and not is_heading(prev) and not is_byline(prev)
    return prev_body and not is_heading(b_s)


def layout_breaks(text: str) -> list[tuple[int, int]]:
    """Spans of paragraph breaks that the page layout put mid-sentence."""
    paras = _paragraphs(text)
    breaks = []
    for k in range(len(paras) - 1):
        a = text[paras[k][0] : paras[k][1]]
        b = text[paras[k + 1][0] : paras[k + 1][1]]
        prev = text[paras[k - 1][0] : paras[k - 1][1]] if k else None
        if _joins(prev, a, b):
            # drop trailing spaces of a, the blank lines, and leading spaces of b
            s = paras[k][1]
            while s > paras[k][0] and text[s - 1] in " \t":
                s -= 1
            e = paras[k + 1][0]
            while e < paras[k + 1][1] and text[e] in " \t":
                e += 1
            subheading = _SUBHEADING.search(a) or _PARALLEL_HEADING.match(a.strip()) and _FRESH_START.match(b.strip())
            if subheading and text[s] == "\n":
                s += 1  # a subheading keeps its line break, so its sentence ends there
            breaks.append((s, e))
    return breaks


def normalize(original: str, *, repair_layout: bool = True) -> NormalizedText:
    """Normalize ``original``; see the module docstring for the steps."""
    chars, starts, ends = _nfkc_chars(original)
    simplified = to_simplified("".join(chars))
    chars = list(simplified) if len(simplified) == len(chars) else chars
    _fullwidth_punct(chars)
    text = "".join(chars)
    if repair_layout:
        drop = layout_breaks(text)
        if drop:
            keep_chars: list[str] = []
            keep_s: list[int] = []
            keep_e: list[int] = []
            cut = 0
            for i, ch in enumerate(chars):
                while cut < len(drop) and i >= drop[cut][1]:
                    cut += 1
                if cut < len(drop) and drop[cut][0] <= i < drop[cut][1]:
                    continue
                keep_chars.append(ch)
                keep_s.append(starts[i])
                keep_e.append(ends[i])
            chars, starts, ends = keep_chars, keep_s, keep_e
            text = "".join(chars)
    return NormalizedText(original, text, tuple(starts), tuple(ends))
