"""Loading the plan: the API others use, and malformed data failing with file, entry and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from geo.paths import PLAN_DIR
from geo.plan import PLAN_FILES, Plan, PlanDataError, load_plan


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan()


# ---- the API -----------------------------------------------------------------------


def test_townships_have_code_name_kind_and_english_name(plan: Plan) -> None:
    assert [t.name for t in plan.townships][:3] == ["洣水镇", "石湾镇", "新塘镇"]
    kinds = {t.name: t.kind for t in plan.townships}
    assert kinds["南湾乡"] == kinds["石滩乡"] == "乡"
    assert sum(k == "镇" for k in kinds.values()) == 15
    assert all(t.name_en and t.code.startswith("430424") for t in plan.townships)


@pytest.mark.parametrize("spelling", ["石滩乡", "石滩", "石滩镇", "430424211000"])
def test_a_township_is_found_by_any_recorded_spelling(plan: Plan, spelling: str) -> None:
    assert plan.township(spelling).name == "石滩乡"


def test_an_unknown_township_is_a_key_error(plan: Plan) -> None:
    with pytest.raises(KeyError, match="长沙镇"):
        plan.township("长沙镇")


def test_sub_centre_view_has_roles_led_towns_and_functions(plan: Plan) -> None:
    dapu = plan.township("大浦镇")
    assert "sub_centre" in [r.kind for r in dapu.roles]
    assert {i.id for i in dapu.industries if i.mode == "sub_centre"} == {
        "machinery",
        "fine-chemicals",
        "logistics",
        "general-aviation",
    }
    assert [p.id for p in dapu.parks] == ["park-edz"]
    assert dapu.parks[0].place.basis == "name"
    for led in ("石滩乡", "霞流镇"):
        assert "led_by_sub_centre" in [r.kind for r in plan.township(led).roles]
    assert "led_by_sub_centre" not in [r.kind for r in plan.township("吴集镇").roles]


def test_core_view(plan: Plan) -> None:
    kinds = [r.kind for r in plan.township("洣水镇").roles]
    assert "core_seat" in kinds and "core_circle" in kinds
    assert [r.kind for r in plan.township("甘溪镇").roles] == ["core_circle"]


def test_axis_view_gives_position_and_segment(plan: Plan) -> None:
    (axis,) = plan.township("三樟镇").axes
    assert (axis.id, axis.is_main, axis.position, axis.of, axis.segment) == (
        "g4",
        True,
        8,
        8,
        "g4-north",
    )
    assert [a.id for a in plan.township("洣水镇").axes] == ["g4", "g72-g240", "s336"]


def test_industries_by_category_keep_the_mode(plan: Plan) -> None:
    by_cat = plan.township("石湾镇").industries_by_category()
    pepper = [i for i in by_cat["specialty_crop"] if i.id == "huanggongjiao"]
    assert [(i.mode, i.mode_name) for i in pepper] == [("radiating", "辐射")]
    assert "专栏8-2" in pepper[0].citation


def test_village_level_facts_roll_up_to_their_township(plan: Plan) -> None:
    gaohu = plan.township("高湖镇")
    tea = [i for i in gaohu.industries if i.id == "tea"]
    assert sorted(i.village for i in tea) == ["新旺村", "西村村"]
    assert all(i.village_code and i.village_code.startswith("430424111") for i in tea)


def test_tourism_routes_are_ordered_and_reach_townships(plan: Plan) -> None:
    food = next(r for r in plan.routes if r.id == "route-food")
    assert [s.name for s in food.stops] == ["三樟", "石湾", "新塘", "洣水", "吴集", "杨桥"]
    stops = plan.township("吴集镇").tourism_routes
    assert [(s.route, s.position, s.of) for s in stops] == [("route-food", 5, 6)]
    red = next(r for r in plan.routes if r.id == "route-red")
    assert red.stops[0].name_en == plan.site("site-luo-ronghuan").name_en
    # a stop without places of its own takes its site's place
    assert any(
        s.route == "route-red-green-heritage" for s in plan.township("杨桥镇").tourism_routes
    )


def test_industry_index_lists_townships_with_mode(plan: Plan) -> None:
    index = {e.id: e for e in plan.industry_index()}
    assert len(index) == len(plan.industries)
    pepper = {(p.name, p.mode) for p in index["huanggongjiao"].townships}
    assert ("三樟镇", "centred") in pepper and ("洣水镇", "driven") in pepper
    assert {p.name for p in index["oil-tea"].townships} >= {"吴集镇", "南湾乡"}  # axis + box


def test_ecology_groups(plan: Plan) -> None:
    groups = plan.ecology
    assert [len(groups[g]) for g in ("三水", "五库")] == [3, 5]
    assert groups["redline"].total_km2 == 283.32


# ---- malformed data ----------------------------------------------------------------


@pytest.fixture
def plan_copy(tmp_path: Path) -> Path:
    """A writable copy of data/plan."""
    target = tmp_path / "plan"
    shutil.copytree(PLAN_DIR, target)
    return target


def break_file(folder: Path, file_name: str, old: str, new: str) -> None:
    """Replace one exact piece of a plan file (the piece must be there, once)."""
    path = folder / file_name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {file_name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


BROKEN = [
    # (file, old, new, expected entry, expected field, words in the message)
    (
        "industries.yaml",
        "    category: grain\n    summary: 专栏8-1 把这些乡镇列为优质稻",
        "    category: cereals\n    summary: 专栏8-1 把这些乡镇列为优质稻",
        "industries[0] (rice-quality)",
        "category",
        "unknown category",
    ),
    (
        "industries.yaml",
        "places: [三樟镇, 白莲镇, 新塘镇, 霞流镇",
        "places: [三樟镇, 白莲乡, 新塘镇, 霞流镇",
        "industries[0] (rice-quality)",
        "assignments.0.places.1.township",
        "unknown township '白莲乡'",
    ),
    (
        "industries.yaml",
        "places: [霞流镇, 高湖镇, 大浦镇, {township: 石滩乡, written: 石滩镇}]",
        "places: [霞流镇, 高湖镇, 大浦镇, 石滩镇]",
        "industries[4] (chicken-duck)",
        "assignments.0.places.3.township",
        "write township: 石滩乡, written: 石滩镇",
    ),
    (
        "industries.yaml",
        "        places: [杨林镇, 甘溪镇, 草市镇]\n        citations: [*citrus]",
        "        places: [杨林镇, 甘溪镇, 草市镇]\n        citations: []",
        "industries[2] (citrus)",
        "assignments.0.citations",
        "at least 1 item",
    ),
    (
        "industries.yaml",
        "- mode: radiating",
        "- mode: nearby",
        "industries[8] (huanggongjiao)",
        "assignments.1.mode",
        "'centred', 'radiating' or 'driven'",
    ),
    (
        "ecology.yaml",
        "area_km2: 119.37",
        "area_km2: -119.37",
        "redline",
        "components.0.area_km2",
        "greater than 0",
    ),
    (
        "ecology.yaml",
        'code: "430424104280"',
        'code: "430424112280"',
        "ecology_features[3] (reservoir-dezhen)",
        "places.0.code",
        "not inside 吴集镇",
    ),
    (
        "town_system.yaml",
        "      - {township: 新塘镇, written: 新塘}\n      - {township: 白莲镇, written: 白莲}",
        "      - {township: 新塘镇, written: 新堂}\n      - {township: 白莲镇, written: 白莲}",
        "axes[0] (g4)",
        "towns.4.written",
        "not a known spelling",
    ),
    (
        "tourism.yaml",
        "      - {name: 凤凰山, site: site-fenghuangshan}",
        "      - {name: 凤凰山, site: site-phoenix}",
        "routes[2] (route-red-green-heritage)",
        "stops.5.site",
        "unknown tourism site",
    ),
    (
        "places.yaml",
        "    location_note: 报道未写明产地乡镇。\n",
        "",
        "brands[5] (brand-datao-oil-tea)",
        "-",
        "needs a location_note",
    ),
    (
        "infrastructure.yaml",
        "    kind: education\n    name: 新塘镇芙蓉学校\n",
        "    kind: education\n    sumary: typo\n    name: 新塘镇芙蓉学校\n",
        "projects[23] (proj-xintang-furong-school)",
        "sumary",
        "Extra inputs",
    ),
    (
        "parks_chains.yaml",
        "      - *layout\n      - *note4\n      - {doc: plan, chapter: 第三章",
        "      - *layout\n      - *note4\n      - {doc: plans, chapter: 第三章",
        "parks[0] (park-edz)",
        "citations.2.doc",
        "unknown document 'plans'",
    ),
    (
        "infrastructure.yaml",
        "  hexi: &hexi {township: 洣水镇, district: hexi, basis: zone}",
        "  hexi: &hexi {township: 洣水镇, district: hexy, basis: zone}",
        "projects[53] (proj-hexi-agri-logistics)",
        "places.0.district",
        "unknown district 'hexy'",
    ),
    (
        "infrastructure.yaml",
        "  hexi: &hexi {township: 洣水镇, district: hexi, basis: zone}",
        "  hexi: &hexi {township: 洣水镇, district: hexi}",
        "projects[53] (proj-hexi-agri-logistics)",
        "places.0",
        "basis zone goes with a district",
    ),
]


@pytest.mark.parametrize(("file_name", "old", "new", "entry", "field", "words"), BROKEN)
def test_a_malformed_entry_fails_naming_file_entry_and_field(
    plan_copy: Path, file_name: str, old: str, new: str, entry: str, field: str, words: str
) -> None:
    break_file(plan_copy, file_name, old, new)
    with pytest.raises(PlanDataError) as caught:
        load_plan(plan_copy)
    problems = caught.value.problems
    assert (file_name, entry, field) in [p[:3] for p in problems], problems
    message = next(p[3] for p in problems if p[:3] == (file_name, entry, field))
    assert words in message
    assert f"{file_name}: entry {entry}: field {field}" in str(caught.value)


def test_a_file_that_is_not_yaml_is_named(plan_copy: Path) -> None:
    (plan_copy / "tourism.yaml").write_text("routes: [unclosed\n", encoding="utf-8")
    with pytest.raises(PlanDataError, match=r"tourism\.yaml.*not valid YAML"):
        load_plan(plan_copy)


@pytest.mark.parametrize("file_name", sorted(PLAN_FILES))
def test_a_missing_file_is_named(plan_copy: Path, file_name: str) -> None:
    (plan_copy / file_name).unlink()
    with pytest.raises(PlanDataError, match=rf"{file_name}.*file is missing"):
        load_plan(plan_copy)


def test_loading_leaves_the_files_untouched(plan_copy: Path) -> None:
    before = {p.name: p.read_bytes() for p in plan_copy.iterdir()}
    load_plan(plan_copy)
    assert {p.name: p.read_bytes() for p in plan_copy.iterdir()} == before
