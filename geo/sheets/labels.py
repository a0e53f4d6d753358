"""Every text the printed sheets show, in Chinese and English (the sheets' label catalogue:
geo/ must not import ui/, so the sheet labels live here beside the renderer)."""

from geo.labels import pick, quality_label  # noqa: F401 - geo/sheets modules import them here

LANGS = ("zh", "en")

LABELS: dict[str, tuple[str, str]] = {
    "legend": ("图例", "Legend"),
    "field": ("{name}：{value}", "{name}: {value}"),
    "paren": ("{text}（{note}）", "{text} ({note})"),
    "not_drawn": ("未绘制（规划未给出可定位的位置）：{names}",
                  "Not drawn (the plan gives no place that can be located): {names}"),
    "scale": ("比例尺", "Scale"),
    "north": ("北", "N"),
    "km": ("千米", "km"),
    "sources": ("数据来源", "Sources"),
    "organisation": ("编制单位", "Prepared by"),
    "date": ("日期", "Date"),
    "page": ("第 {n} 页", "page {n}"),
    "note_approximate": (
        "注：乡镇范围为近似示意，不作为界线依据；规划要素按规划文字示意。",
        "Note: township areas are approximate and schematic, not legal boundaries; plan "
        "features are drawn only as precisely as the plan's text allows.",
    ),
    "basemap_none": ("底图：无（离线出图）", "Basemap: none (printed offline)"),
    "basemap": ("底图：{credit}；审图号：{approval}", "Basemap: {credit}; map approval no. "
                "{approval}"),
    "approval_missing": ("未提供（须按底图服务方标注）", "not given (add the provider's)"),
    "basemap_failed": (
        "底图瓦片无法获取（{reason}），本图未绘制底图",
        "Basemap tiles could not be fetched ({reason}); printed without a basemap",
    ),
    "basemap_partial": ("底图缺 {missing}/{total} 块瓦片", "basemap: {missing} of {total} tiles "
                        "missing"),
    "plan_credit": ("规划要素：衡东县“十四五”规划纲要（本项目整理）",
                    "Plan facts: Hengdong 14th Five-Year Plan outline (compiled by this project)"),
    "quality_note": ("括号内为数据质量：实测 / 近似 / 示意",
                     "In brackets: data quality (surveyed / approximate / schematic)"),
    # views
    "title_county": ("衡东县“十四五”空间布局图", "Hengdong County: 14th Five-Year Plan layout"),
    "title_township": ("{name}规划要素图", "{name}: plan features"),
    "title_industry": ("衡东县{name}布局图", "Hengdong County: {name}"),
    "title_town_system": ("衡东县城镇体系图（一核两副三轴）",
                          "Hengdong County town system: one core, two sub-centres, three axes"),
    "title_ecology": ("衡东县生态空间图", "Hengdong County: ecological space"),
    "atlas_title": ("衡东县乡镇图集", "Hengdong County township atlas"),
    "contents": ("目录", "Contents"),
    "cover": ("封面：全县图", "Cover: the county"),
    # layer titles of plan overlays
    "county_seat": ("县城", "County seat"),
    "this_township": ("本乡镇（近似范围）", "This township (approximate area)"),
    "core_circle": ("半小时核心发展圈", "Half-hour core circle"),
    "led": ("副中心带动乡镇", "Towns led by a sub-centre"),
    "main_axis": ("（主轴）", " (main axis)"),
    "eco_point": ("{group}（村中心点）", "{group} (village centre)"),
    "eco_area": ("{group}（仅知所在乡镇）", "{group} (township only)"),
    "redline": ("生态保护红线", "Ecological red line"),
    "redline_missing": (
        "生态保护红线：开放数据中无范围面，图中未绘制；管理员导入官方图层 redline 后出图即绘制",
        "Red line: no open data has its polygons, so it is not drawn; it is printed once an "
        "admin loads the official layer 'redline'",
    ),
    "centred": ("重点乡镇（重点/副中心）", "Centred (focus / sub-centre)"),
    "radiating": ("辐射/带动/沿轴乡镇", "Radiating / driven / on an axis"),
    "parks_point": ("产业园区（村中心点）", "Industrial park (village centre)"),
    "parks_area": ("产业园区（仅知所在乡镇）", "Industrial park (township only)"),
    "route": ("旅游线路 {number} {name}", "Route {number} {name}"),
    # panel blocks
    "industry_townships": ("承担乡镇", "Townships"),
    "town_system": ("城镇体系", "Town system"),
    "sub_centres": ("两副", "Sub-centres"),
    "redline_figures": ("生态保护红线（规划数据）", "Ecological red line (plan figures)"),
    "redline_total": ("总面积 {km2:g} km²，占全县 {pct:g}%", "{km2:g} km² in all, {pct:g}% "
                      "of the county"),
    "components": ("组成", "Components"),
    "types": ("按类型", "By type"),
    "facts": ("乡镇概况（规划）", "The township in the plan"),
    "role": ("定位", "Role"),
    "axis_stop": ("{axis}第 {position}/{of} 站", "{axis}, stop {position} of {of}"),
    "industries": ("主要产业", "Main industries"),
    "parks": ("园区", "Parks"),
    "none": ("规划未涉及", "not in the plan"),
    "citations": ("出处", "Citations"),
    "open_list": ("（规划写“等”，名单不完整）", " (the plan says 'and others': open list)"),
    "sub_centre": ("{name}：{functions}", "{name}: {functions}"),
    "axis_line": ("{name}：{towns}", "{name}: {towns}"),

}


def label(key: str, lang: str, **values: object) -> str:
    """The sheet label `key` in `lang` ("zh" or "en"), with `values` filled in."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; one of {', '.join(LANGS)}")
    zh, en = LABELS[key]
    text = zh if lang == "zh" else en
    return text.format(**values) if values else text
