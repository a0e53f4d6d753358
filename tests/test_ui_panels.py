"""Township panel, comparison table, red-line figures and downloads, from the real plan data."""

import io
import json
import zipfile
from html import escape

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo.datastore import layer_info, load_layer
from geo.plan import load_plan
from geo.plan.schema import PROJECT_KINDS
from ui.compare_table import compare_csv, compare_frame
from ui.exports import layer_geojson, layers_zip
from ui.panel_view import facts_text
from ui.plan_data import citation_text, industry_options
from ui.township_panel import panel_sections, township_html

DAPU = "430424103000"


@pytest.fixture(scope="module")
def plan():
    return load_plan()


def test_panel_sections_carry_every_fact_with_a_citation(plan) -> None:
    view = plan.township_views[DAPU]
    sections = {s.key: s for s in panel_sections(view, plan, "zh")}
    assert list(sections) == ["role", "axes", "industries", "parks", "featured_towns", "brands",
                              "ecology", "tourism", "projects", "recognitions"]
    park = next(line.text for line in sections["parks"].lines if "衡东经济开发区" in line.text)
    assert "按名称推断" in park  # placed in 大浦 only because the plan calls it 大浦经开区
    assert len(sections["industries"].lines) == len(view.industries)
    assert len(sections["projects"].lines) == len(view.projects)
    assert all(line.citation.startswith(("《规划纲要》", "《衡阳日报》"))
               for s in sections.values() for line in s.lines)
    assert "县域副中心" in sections["role"].lines[0].text
    assert "专栏8-1" in " ".join(line.citation for line in sections["industries"].lines)


def test_industries_grouped_by_category_in_english(plan) -> None:
    view = plan.township_views[DAPU]
    lines = next(s for s in panel_sections(view, plan, "en") if s.key == "industries").lines
    groups = list(dict.fromkeys(line.group for line in lines))
    expected = [i.category_name_en for g in view.industries_by_category().values() for i in g[:1]]
    assert groups == expected
    assert any("High-quality rice" in line.text and "centred" in line.text for line in lines)
    assert all(line.citation.startswith(("Plan outline", "Hengyang Daily")) for line in lines)


def test_citation_names_the_document(plan) -> None:
    citations = plan.township_views[DAPU].industries[0].citations
    assert citation_text(plan, citations, "zh").startswith("《规划纲要》 第八章")
    assert citation_text(plan, citations, "en").startswith("Plan outline ch. 8")


def test_industry_picker_lists_every_industry(plan) -> None:
    options = industry_options(plan, "zh")
    assert sorted(i for i, _ in options) == sorted(i.id for i in plan.industries)
    assert dict(industry_options(plan, "en"))["citrus"].endswith("· Citrus")


def test_compare_table_has_all_17_townships(plan) -> None:
    frame = compare_frame(plan, load_layer("townships"), "zh")
    assert len(frame) == 17
    assert list(frame["代码"]) == sorted(t.code for t in plan.townships)
    dapu = frame.set_index("代码").loc[DAPU]
    assert dapu["名称"] == "大浦镇"
    assert "县域副中心" in dapu["城镇体系中的定位"]
    assert "优质稻" in dapu["重点产业"]
    assert "衡东经济开发区" in dapu["产业园区"]
    english = compare_frame(plan, load_layer("townships"), "en")
    assert "Centred industries" in english.columns
    assert english.set_index("Code").loc[DAPU, "Name"] == "大浦镇"


def test_compare_csv_opens_in_excel_and_round_trips(plan) -> None:
    frame = compare_frame(plan, load_layer("townships"), "zh")
    data = compare_csv(frame)
    assert data.startswith("\ufeff".encode())
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str)
    assert back.shape == frame.shape
    assert list(back["名称"]) == list(frame["名称"])


def test_layer_downloads_hold_the_served_features() -> None:
    ids = ["townships", "seats"]
    with zipfile.ZipFile(io.BytesIO(layers_zip(ids))) as archive:
        assert archive.namelist() == ["townships.geojson", "seats.geojson"]
        for layer_id in ids:
            collection = json.loads(archive.read(f"{layer_id}.geojson"))
            assert len(collection["features"]) == layer_info(layer_id)["feature_count"]
    assert layers_zip(ids) == layers_zip(ids)
    townships = json.loads(layer_geojson("townships"))
    assert {f["properties"]["name"] for f in townships["features"]} >= {"洣水镇", "石滩乡"}


def _redline_app() -> None:
    import streamlit as st

    from ui.redline_panel import render_redline_panel

    render_redline_panel(st.session_state.get("lang", "zh"))


def test_panel_html_carries_the_facts_and_the_red_line_panel_renders(plan) -> None:
    html = township_html(DAPU, "zh")
    assert "<h3>大浦镇 · Dapu Town</h3>" in html
    assert all(escape(i.name) in html for i in plan.township_views[DAPU].industries)
    assert "出处：" in html and 'class="hd-cite"' in html
    assert "Role in the town system" in township_html(DAPU, "en")
    facts = json.loads(facts_text("zh"))
    assert "选择" in facts["hint"] and facts["townships"][DAPU] == html
    assert set(facts["townships"]) == set(plan.township_views)
    assert facts["features"] and set(facts["features"]) == set(facts["names"])
    app = AppTest.from_function(_redline_app, default_timeout=60)
    app.run()
    assert not app.exception
    assert f"{plan.redline.total_km2:.2f}" in [m.value for m in app.metric]


def test_the_seat_panel_shows_infrastructure_and_projects_by_kind(plan) -> None:
    mishui = plan.resolve("洣水镇").code
    view = plan.township_views[mishui]
    for lang in ("zh", "en"):
        projects = next(s for s in panel_sections(view, plan, lang) if s.key == "projects")
        groups = list(dict.fromkeys(line.group for line in projects.lines))
        kinds = [k for k in PROJECT_KINDS if k in view.projects_by_kind()]
        labels = [PROJECT_KINDS[k][0 if lang == "zh" else 1] for k in kinds]
        assert groups[: len(labels)] == labels
        assert len(projects.lines) == len(view.projects)
    zh = next(s for s in panel_sections(view, plan, "zh") if s.key == "projects")
    hexi = [line.text for line in zh.lines if "河西商业综合体" in line.text]
    assert hexi and "按开发区各村近似定位" in hexi[0]
    assert any("等（名单未完）" in line.text for line in zh.lines)


def test_compare_table_has_a_column_per_kind_of_project(plan) -> None:
    frame = compare_frame(plan, load_layer("townships"), "zh").set_index("名称")
    for kind, (zh, _) in PROJECT_KINDS.items():
        assert f"项目·{zh}" in frame.columns, kind
    assert "城北商业综合体" in frame.loc["洣水镇", "项目·商贸市场"]
    assert "S214 大浦至石滩公路" in frame.loc["石滩乡", "项目·道路交通"]
    assert frame.loc["洣水镇", "城区片区"] == "河西新区"


def test_features_with_the_same_facts_are_held_once_in_the_facts_resource() -> None:
    from ui.panel_view import _one_per_shared_kind

    parcels = {f"redline:{i}": f"parcel {i}" for i in range(3)}
    kept = _one_per_shared_kind({"reservoir:a": "a", **parcels})  # type: ignore[arg-type]
    assert kept == {"reservoir:a": "a", "redline:*": "parcel 0"}
