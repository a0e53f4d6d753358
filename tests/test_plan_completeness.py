"""The plan data against the plan text itself: every list the text gives is in the data, in order.

The lists are parsed from ../shared/plan/hengdong_14th_five_year_plan_outline.txt, so a
township left out of the data (or put in the wrong mode or order) makes a test fail.
"""

from __future__ import annotations

import math
import re

import pytest

from geo.paths import PROJECT_ROOT
from geo.plan import Plan, load_plan
from geo.plan.schema import Assignment, PlaceRef

PLAN_TEXT = PROJECT_ROOT.parent / "shared" / "plan" / "hengdong_14th_five_year_plan_outline.txt"

pytestmark = pytest.mark.skipif(not PLAN_TEXT.is_file(), reason=f"plan text not at {PLAN_TEXT}")


@pytest.fixture(scope="module")
def text() -> str:
    return PLAN_TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan()


def between(text: str, start: str, end: str) -> str:
    """The text from the first `start` up to the next `end`."""
    begin = text.index(start)
    return text[begin : text.index(end, begin + len(start))]


def names(fragment: str) -> list[str]:
    """A 、-separated list of names from the text."""
    return [n.strip() for n in fragment.split("、") if n.strip()]


def assert_places_match(plan: Plan, written: list[str], places: list[PlaceRef]) -> None:
    """The data's places are the text's list, in the same order, each resolved correctly."""
    assert len(places) == len(written), (written, [p.township for p in places])
    for text_name, place in zip(written, places, strict=True):
        if place.village:
            assert text_name == (place.written or place.village)
        else:
            assert plan.resolve(text_name).name == place.township, (text_name, place)
            if text_name not in (place.township, plan.resolve(place.township).short):
                # a spelling that is not the official name or its short form is recorded
                assert place.written == text_name


def assignment(plan: Plan, industry_id: str, mode: str, box: str | None = None) -> Assignment:
    """The one assignment of an industry in a mode (optionally the one citing a 专栏)."""
    found = [
        a
        for a in plan.industry(industry_id).assignments
        if a.mode == mode and (box is None or any(c.box == box for c in a.citations))
    ]
    assert len(found) == 1, (industry_id, mode, box, found)
    return found[0]


# ---- 专栏8-1 -----------------------------------------------------------------------


def test_box_8_1_every_focus_list_is_in_the_data(plan: Plan, text: str) -> None:
    box = between(text, "专栏8-1", "二、创新发展特色农业")
    lists = re.findall(r"^(\S+?)重点发展区域——(.+)$", box, flags=re.M)
    assert len(lists) == 8  # 优质稻 再生稻 柑桔 生猪 鸡鸭 肉羊 林木 油菜
    by_name = {i.name: i for i in plan.industries}
    for product, towns in lists:
        industry = by_name[product]
        found = assignment(plan, industry.id, "centred", box="专栏8-1")
        assert_places_match(plan, names(towns), found.places)


def test_box_8_1_records_the_shitan_normalisation(plan: Plan) -> None:
    places = assignment(plan, "chicken-duck", "centred").places
    shitan = next(p for p in places if p.township == "石滩乡")
    assert shitan.written == "石滩镇"
    assert any(n.written == "石滩镇" and n.normalised == "石滩乡" for n in plan.normalisations)


# ---- 专栏8-2 -----------------------------------------------------------------------

BOX_8_2 = [
    # (pattern in the text, industry id, mode)
    (r"重点布局(三樟镇)14个村1个社区", "huanggongjiao", "centred"),
    (r"辐射周边([^，。]+?)3个乡镇", "huanggongjiao", "radiating"),
    (r"带动([^，。]+?)等乡镇村大力发展黄贡椒", "huanggongjiao", "driven"),
    (r"围绕([^，。]+?)等油茶重点区域", "oil-tea", "centred"),
    (r"在([^，。]+?)等重点区域，建立百合", "herbs", "centred"),
    (r"以([^，。]+?)为特色水产集中发展区", "aquaculture", "centred"),
]


@pytest.mark.parametrize(("pattern", "industry_id", "mode"), BOX_8_2)
def test_box_8_2_every_township_list_is_in_the_data(
    plan: Plan, text: str, pattern: str, industry_id: str, mode: str
) -> None:
    box = between(text, "专栏8-2", "三、推进现代农业一体化发展")
    match = re.search(pattern, box)
    assert match, pattern
    found = assignment(plan, industry_id, mode, box="专栏8-2")
    assert_places_match(plan, names(match.group(1)), found.places)


def test_box_8_2_huanggongjiao_keeps_centre_radiating_and_driven_apart(plan: Plan) -> None:
    modes = {
        p.township: a.mode
        for a in plan.industry("huanggongjiao").assignments
        if any(c.box == "专栏8-2" for c in a.citations)
        for p in a.places
    }
    assert modes == {
        "三樟镇": "centred",
        "石湾镇": "radiating",
        "新塘镇": "radiating",
        "吴集镇": "radiating",
        "洣水镇": "driven",
        "霞流镇": "driven",
    }
    assert plan.township("三樟镇").industries_by_category()["specialty_crop"][0].scope


def test_box_8_2_leisure_farming_keeps_the_one_named_village(plan: Plan, text: str) -> None:
    item = between(text, "（5）休闲农业示范工程", "三、推进现代农业一体化发展")
    village = re.search(r"(吴集\S{2,3}村)休闲康养", item).group(1)
    (place,) = assignment(plan, "leisure-farming", "centred").places
    assert place.written == village and place.village and place.code


# ---- other township lists of 第八章 and 第六章 ---------------------------------------

SPECIALTY = ("二、创新发展特色农业", "专栏8-2")
CHAPTER_LISTS = [
    # (start, end, pattern, industry id)
    ("第八章", "专栏8-1", r"推广([^，。]+?)万亩水稻核心示范片区", "rice-demo"),
    (*SPECIALTY, r"推进([^，。]+?)等规模茶园", "tea"),
    (*SPECIALTY, r"建设以([^，。]+?)等乡镇为重点的全县5万亩蔬菜", "vegetable-base"),
    (*SPECIALTY, r"推进(吴集镇)、洣水镇状元村5000亩", "vegetable-demo"),
    (*SPECIALTY, r"着力推动([^，。]+?)等新兴养殖大镇", "specialty-breeding"),
    (*SPECIALTY, r"打造以四方山林场、([^，。]+?)为中心", "bamboo"),
    ("三、推进现代农业一体化", "第二节", r"湘江沿线乡镇([^，。]+?)大力发展", "xiangjiang-farming"),
    ("第四节 推进土壤修复", "二、加强农药", r"推广([^，。]+?)等镇土壤修复经验", "soil-remediation"),
]


@pytest.mark.parametrize(("start", "end", "pattern", "industry_id"), CHAPTER_LISTS)
def test_other_township_lists_are_in_the_data(
    plan: Plan, text: str, start: str, end: str, pattern: str, industry_id: str
) -> None:
    match = re.search(pattern, between(text, start, end))
    assert match, pattern
    written = names(match.group(1))
    places = assignment(plan, industry_id, "centred").places
    if industry_id == "vegetable-demo":
        written.append("洣水镇状元村")
    assert_places_match(plan, written, places)


def test_cuisine_ingredient_areas_of_chapter_6(plan: Plan, text: str) -> None:
    part = between(text, "扩大提升", "生产规模")
    products = re.findall(r"“(\S+?)”", part)
    expected = {p[:2]: p[2:] for p in products}  # 三樟黄贡椒 -> 三樟: 黄贡椒
    assert len(expected) == 6
    for short, product in expected.items():
        township = plan.resolve(short)
        hits = [
            i
            for i in plan.township(township.code).industries
            if i.name.endswith(product) or product.endswith(i.name)
        ]
        assert any(any(c.chapter == "第六章" for c in i.citations) for i in hits), (short, product)


# ---- town system -------------------------------------------------------------------


def test_axes_have_the_plan_towns_in_the_plan_order(plan: Plan, text: str) -> None:
    layout = between(text, "“三轴”：", "（二）打造“三园九链”")
    g4 = re.search(r"打通自(.+?)的沿线乡镇", layout).group(1).split("-")
    g72 = names(re.search(r"拉通连接(.+?)等乡镇为主体，打造", layout).group(1))
    s336 = names(re.search(r"拉通连接(.+?)等乡镇为主体的沿线公路", layout).group(1))
    axes = {a.id: a for a in plan.axes}
    for axis_id, towns in (("g4", g4), ("g72-g240", g72), ("s336", s336)):
        assert_places_match(plan, towns, axes[axis_id].towns)
        assert [p.written for p in axes[axis_id].towns] == towns
    assert plan.main_axis.id == "g4" and sum(a.is_main for a in plan.axes) == 1


def test_axis_segments_follow_the_axis_order(plan: Plan) -> None:
    for axis in plan.axes:
        order = [p.township for p in axis.towns]
        for segment in axis.segments:
            positions = [order.index(t) for t in segment.towns]
            assert positions == sorted(positions), segment.id
    g4 = {s.id: s.towns for s in plan.main_axis.segments}
    seat = [p.township for p in plan.main_axis.towns].index("洣水镇")
    order = [p.township for p in plan.main_axis.towns]
    assert g4["g4-south"] == order[:seat] and g4["g4-north"] == order[seat + 1 :]


def test_sub_centres_and_the_townships_they_lead(plan: Plan, text: str) -> None:
    layout = between(text, "“二副”", "“三轴”")
    found = re.findall(r"(\S{2})镇作为县域副中心.+?带动(.+?)[两三]镇发展", layout)
    assert len(found) == 2
    centres = {c.township: c for c in plan.sub_centres}
    for seat, led in found:
        centre = centres[plan.resolve(seat).name]
        assert_places_match(plan, names(led), centre.leads)


def test_core_circle_townships(plan: Plan, text: str) -> None:
    match = re.search(r"与(.+?)等乡镇共同打造的“半小时核心发展圈”", text)
    assert_places_match(plan, names(match.group(1)), plan.core.circle.places)
    assert plan.core.circle.open_list
    assert plan.core.seat.township == "洣水镇"


def test_three_parks_and_nine_chains_match_note_4(plan: Plan, text: str) -> None:
    note = between(text, "4.县委“一核两副三园九链”", "5.“一地四区”")
    parks = names(re.search(r"重点建设([^，。；]+?)三个园区", note).group(1))
    chains = names(re.search(r"着力打造([^，。；]+?)等九大创新产业链", note).group(1))
    assert [p.name for p in plan.parks] == parks
    assert [c.name for c in plan.chains] == [f"{c}产业链" for c in chains]
    for fact in [*plan.parks, *plan.chains]:
        assert fact.places or fact.location_note


# ---- ecology -----------------------------------------------------------------------


def test_red_line_figures_match_the_text_and_add_up(plan: Plan, text: str) -> None:
    part = between(text, "一、划定生态保护红线", "二、推进绿色低碳发展")
    total, share = re.search(r"面积为([\d.]+)km2，占国土面积([\d.]+)%", part).groups()
    redline = plan.redline
    assert redline.total_km2 == float(total) and redline.share_pct == float(share)

    listed = re.findall(r"([^，,。其中]+?)(?:面积)?([\d.]+)km2", part.split("其中", 1)[1])
    components = [(n.strip(), float(a)) for n, a in listed][: len(redline.components)]
    assert [(c.name, c.area_km2) for c in redline.components] == components
    assert math.isclose(sum(c.area_km2 for c in redline.components), redline.total_km2)

    table = dict(re.findall(r"\t(\S+)\n\t([\d.]+)", part))
    assert float(table.pop("合计")) == redline.total_km2
    assert {t.name: t.area_km2 for t in redline.types} == {k: float(v) for k, v in table.items()}
    assert math.isclose(sum(t.area_km2 for t in redline.types), redline.total_km2)


def test_three_waters_five_reservoirs_and_zones_are_all_there(plan: Plan, text: str) -> None:
    eco = between(text, "二、生态空间布局", "图2-2")
    waters = names(re.search(r"加强(.+?)三水的河道修复", eco).group(1))
    reservoirs = names(re.search(r"境内的(.+?)生态区位", eco).group(1))
    zones = names(re.search(r"加强对(.+?)等珍稀动植物", eco).group(1))
    groups = plan.ecology
    assert [f.name for f in groups["三水"]] == waters
    assert [f.name for f in groups["五库"]] == reservoirs
    zone_names = [f.name for f in groups["多区"]]
    for zone in zones:
        assert any(name.startswith(zone) for name in zone_names), zone


# ---- tourism -----------------------------------------------------------------------


def test_box_6_2_routes_have_their_stops_in_order(plan: Plan, text: str) -> None:
    box = between(text, "专栏6-2", "三、完善旅游基础设施")
    routes = re.findall(r"(\d)\.(\S+?)：(.+)", box)
    assert len(routes) == 7
    by_number = {r.number: r for r in plan.routes}
    for number, name, stops in routes:
        route = by_number[int(number)]
        assert route.name == name
        parsed = re.split(r"\s*[-—–]\s*", stops.strip().rstrip("。"))
        assert [s.name for s in route.stops] == parsed


def test_featured_towns_of_chapter_6_are_all_located(plan: Plan, text: str) -> None:
    part = between(text, "二、加大旅游精品线路建设力度", "专栏6-2")
    towns = names(re.search(r"重点打造(.+?)。", part).group(1))
    recorded = {t.name: t for t in plan.featured_towns}
    for town in towns:
        assert town in recorded, town
        (place,) = recorded[town].places
        assert town.startswith(plan.resolve(place.township).short)
