"""Fixed facts about 衡东县's units that the sources lack: English names, development zones."""

from geo.labels import kind_word

COUNTY_CODE = "430424000000"

DISTRICT_NAMES_EN = {
    "430424": "Hengdong County",
    "430423": "Hengshan County",
    "430422": "Hengnan County",
    "430223": "You County",
    "430212": "Lukou District",
    "430321": "Xiangtan County",
    "431028": "Anren County",
}

# The 17 township-level units (SOURCES.md), pinyin of the proper name.
TOWNSHIP_PINYIN = {
    "洣水镇": "Mishui",
    "石湾镇": "Shiwan",
    "新塘镇": "Xintang",
    "大浦镇": "Dapu",
    "吴集镇": "Wuji",
    "甘溪镇": "Ganxi",
    "杨林镇": "Yanglin",
    "草市镇": "Caoshi",
    "杨桥镇": "Yangqiao",
    "霞流镇": "Xialiu",
    "荣桓镇": "Ronghuan",
    "高湖镇": "Gaohu",
    "白莲镇": "Bailian",
    "三樟镇": "Sanzhang",
    "蓬源镇": "Pengyuan",
    "南湾乡": "Nanwan",
    "石滩乡": "Shitan",
}

# Town-level rows that are development zones, not townships: the township their villages lie in.
DEVELOPMENT_ZONES = {"河西开发区": "洣水镇", "大浦工业园": "大浦镇"}

# The township that holds the county seat; it has no coordinate of its own in the sources.
COUNTY_SEAT_TOWNSHIP = "洣水镇"


def township_of_row(town_name: str) -> str:
    """The township a town-level row's villages lie in (itself, or a zone's host township)."""
    return DEVELOPMENT_ZONES.get(town_name, town_name)


def township_kind(name: str) -> str:
    """镇 or 乡, from the last character of the name."""
    return name[-1]


def township_name_en(name: str) -> str:
    """Pinyin name plus the English kind, e.g. 洣水镇 -> 'Mishui Town'."""
    return f"{TOWNSHIP_PINYIN[name]} {kind_word(township_kind(name), 'en').title()}"
