"""Every label of the user interface, in Chinese (default) and English."""

from typing import Literal

Lang = Literal["zh", "en"]
DEFAULT_LANG: Lang = "zh"
LANGS: tuple[Lang, ...] = ("zh", "en")

LABELS: dict[str, dict[Lang, str]] = {
    "app_title": {
        "zh": "衡东县“十四五”空间布局",
        "en": "Hengdong County 14th Five-Year Plan layout",
    },
    "app_caption": {
        "zh": "《衡东县国民经济和社会发展第十四个五年规划纲要》的城镇、生态与产业布局",
        "en": "Town system, ecology and industries of Hengdong's 14th Five-Year Plan outline",
    },
    "page_viewer": {"zh": "地图与乡镇", "en": "Map and townships"},
    "page_admin": {"zh": "数据管理", "en": "Data administration"},
    "language": {"zh": "语言 / Language", "en": "Language / 语言"},
    "lang_zh": {"zh": "中文", "en": "中文"},
    "lang_en": {"zh": "English", "en": "English"},
    "basemap": {"zh": "底图", "en": "Basemap"},
    "custom_tile_url": {"zh": "自定义瓦片地址（XYZ）", "en": "Custom tile URL (XYZ)"},
    "custom_tile_help": {
        "zh": "内网瓦片服务的地址，须含 {z}、{x}、{y}，例如 http://tiles.local/{z}/{x}/{y}.png",
        "en": "Your intranet tile server, with {z}, {x} and {y}, "
        "e.g. http://tiles.local/{z}/{x}/{y}.png",
    },
    "custom_tile_invalid": {
        "zh": "瓦片地址须以 http:// 或 https:// 开头，并包含 {z}、{x}、{y}；暂不使用自定义底图。",
        "en": "The tile URL must start with http:// or https:// and contain {z}, {x} and {y}; "
        "the custom basemap is not used until it does.",
    },
    "township": {"zh": "乡镇", "en": "Township"},
    "township_help": {
        "zh": "输入中文名或拼音搜索，也可直接点击地图上的乡镇",
        "en": "Type a Chinese or pinyin name to search, or click a township on the map",
    },
    "whole_county": {"zh": "（全县）", "en": "(whole county)"},
    "industry": {"zh": "产业", "en": "Industry"},
    "industry_help": {
        "zh": "选择一个产业，地图上高亮承担它的乡镇（深色为重点，浅色为辐射带动或沿轴）",
        "en": "Pick an industry to highlight its townships (dark: centred, light: radiating)",
    },
    "no_industry": {"zh": "（不高亮）", "en": "(no highlight)"},
    "centred": {"zh": "重点（含副中心功能）", "en": "Centred (incl. sub-centre functions)"},
    "radiating": {"zh": "辐射、带动或沿轴导向", "en": "Radiating, driven or along an axis"},
    "shade_count": {"zh": "**{shade}**（{n}）：{names}", "en": "**{shade}** ({n}): {names}"},
    "tab_map": {"zh": "地图", "en": "Map"},
    "tab_compare": {"zh": "乡镇对比", "en": "Compare townships"},
    "tab_downloads": {"zh": "下载", "en": "Downloads"},
    "map_hint": {
        "zh": "在地图右上角的图层控件中开关各专题图层；点击乡镇查看详情。",
        "en": "Switch themes on and off in the map's layer control (top right); "
        "click a township for its page.",
    },
    "panel_pick": {
        "zh": "在左侧选择或在地图上点击一个乡镇，查看它在规划中的定位。",
        "en": "Pick a township on the left or click one on the map to see its role in the plan.",
    },
    "kind": {"zh": "类型", "en": "Kind"},
    "kind_镇": {"zh": "镇", "en": "Town (镇)"},
    "kind_乡": {"zh": "乡", "en": "Township (乡)"},
    "area_value": {"zh": "约 {value:.0f} 平方千米", "en": "about {value:.0f} km²"},
    "kind_area": {
        "zh": "类型：**{kind}** · 面积（约）：**{area}**",
        "en": "Kind: **{kind}** · Area (approx.): **{area}**",
    },
    "area_note": {
        "zh": "按村点划分的近似范围计算，非官方界线",
        "en": "from an approximate village-based boundary, not an official one",
    },
    "role": {"zh": "城镇体系中的定位", "en": "Role in the town system"},
    "axes": {"zh": "所在发展轴", "en": "Development axes"},
    "industries": {"zh": "产业", "en": "Industries"},
    "featured_towns": {"zh": "特色小镇", "en": "Featured towns"},
    "brands": {"zh": "品牌", "en": "Brands"},
    "ecology": {"zh": "生态要素", "en": "Ecological features"},
    "tourism": {"zh": "旅游", "en": "Tourism"},
    "parks": {"zh": "产业园区", "en": "Industrial parks"},
    "recognitions": {"zh": "荣誉称号", "en": "Recognitions"},
    "main_axis": {"zh": "（主轴）", "en": " (main axis)"},
    "axis_position": {"zh": "沿线第 {position} / {of} 个", "en": "stop {position} of {of}"},
    "route_stop": {
        "zh": "第 {position} / {of} 站：{stop}",
        "en": "stop {position} of {of}: {stop}",
    },
    "paren": {"zh": "（{text}）", "en": " ({text})"},
    "none_in_plan": {"zh": "规划中未涉及", "en": "not mentioned in the plan"},
    "citation": {"zh": "出处：{text}", "en": "Source: {text}"},
    "col_area_km2": {"zh": "面积（约，平方千米）", "en": "Area (approx., km²)"},
    "col_industries_centred": {"zh": "重点产业", "en": "Centred industries"},
    "col_industries_radiating": {"zh": "辐射/带动产业", "en": "Radiating / driven industries"},
    "col_industries_axis": {"zh": "副中心与沿轴导向", "en": "Sub-centre and axis industries"},
    "col_routes": {"zh": "旅游线路", "en": "Tourism routes"},
    "col_area_km2_exact": {"zh": "面积（平方千米）", "en": "Area (km²)"},
    "col_location": {"zh": "位置说明", "en": "Where"},
    "tab_township": {"zh": "乡镇详情", "en": "Township"},
    "tab_redline": {"zh": "生态保护红线", "en": "Ecological red line"},
    "redline_total": {"zh": "红线总面积（平方千米）", "en": "Total area (km²)"},
    "redline_share": {"zh": "占全县国土面积", "en": "Share of the county"},
    "redline_components": {"zh": "组成", "en": "Components"},
    "redline_types": {"zh": "按类型", "en": "By type"},
    "redline_no_polygon": {
        "zh": "开放数据中没有衡东县生态保护红线的范围面；地图上只按规划文字示意，"
        "管理员可在“数据管理”页导入官方数据替换。",
        "en": "No open data has the red-line polygons for Hengdong; the map only shows what the "
        "plan's text supports, and an administrator can load the official polygons on the "
        "data administration page.",
    },
    "compare_title": {"zh": "17 个乡镇对比", "en": "The 17 townships side by side"},
    "download_csv": {"zh": "下载对比表（CSV）", "en": "Download the table (CSV)"},
    "download_all_geojson": {
        "zh": "下载全部当前图层（GeoJSON，zip）",
        "en": "Download all current layers (GeoJSON, zip)",
    },
    "downloads_intro": {
        "zh": "当前提供的各图层（含管理员导入的版本），WGS84 坐标。",
        "en": "The layers currently served (admin-imported versions included), in WGS84.",
    },
    "layer": {"zh": "图层", "en": "Layer"},
    "quality": {"zh": "数据质量", "en": "Data quality"},
    "quality_surveyed": {"zh": "实测", "en": "surveyed"},
    "quality_approximate": {"zh": "近似（推算）", "en": "approximate (derived)"},
    "quality_schematic": {"zh": "示意", "en": "schematic (示意)"},
    "features": {"zh": "要素数", "en": "Features"},
    "version": {"zh": "版本", "en": "Version"},
    "attribution": {"zh": "数据来源", "en": "Attribution"},
    "col_name": {"zh": "名称", "en": "Name"},
    "col_pinyin": {"zh": "拼音", "en": "Pinyin"},
    "col_code": {"zh": "代码", "en": "Code"},
    # issue 12: infrastructure and key projects by kind
    "projects": {"zh": "基础设施与重点项目", "en": "Infrastructure and key projects"},
    "project_group_district": {"zh": "城区片区", "en": "Town districts"},
    "col_projects_kind": {"zh": "项目·{kind}", "en": "Projects: {kind}"},
    "open_list_note": {"zh": "等（名单未完）", "en": "and others (open list)"},
    # issue 10: a damaged version store, runtime conditions
    "store_open_data": {
        "zh": "官方数据暂不可用，显示开放数据{layers}",
        "en": "Official data is unavailable for now; showing open data{layers}",
    },
    "store_layers": {"zh": "：{layers}", "en": ": {layers}"},
    "store_last_good": {
        "zh": "官方数据暂不可读，显示上次校验通过的版本{layers}",
        "en": "Official data cannot be read for now; showing the last verified version{layers}",
    },
    "missing_title": {
        "zh": "地图无法启动：缺少以下部分",
        "en": "The map cannot start: these pieces are missing",
    },
    "missing_fix": {"zh": "修复命令：", "en": "To fix, run:"},
    "store_recover": {
        "zh": "管理员请在服务器上运行 `python -m geo.admin check` 查看问题，"
        "再运行 `python -m geo.admin repair`（或 `repair --from 备份.sqlite`）恢复。",
        "en": "On the server, run `python -m geo.admin check` to see what is wrong, then "
        "`python -m geo.admin repair` (or `repair --from BACKUP.sqlite`) to recover.",
    },
}


def t(key: str, lang: Lang, **values: object) -> str:
    """The label `key` in `lang`, with `values` filled into its placeholders."""
    text = LABELS[key][lang]
    return text.format(**values) if values else text
