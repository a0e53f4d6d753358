"""The printed sheets' words (geo/sheets): looked up as "sheet.<key>"."""

LABELS: dict[str, dict[str, str]] = {
    "legend": {"zh": "图例", "en": "Legend"},
    "field": {"zh": "{name}：{value}", "en": "{name}: {value}"},
    "paren": {"zh": "{text}（{note}）", "en": "{text} ({note})"},
    "not_drawn": {
        "zh": "未绘制（规划未给出可定位的位置）：{names}",
        "en": "Not drawn (the plan gives no place that can be located): {names}",
    },
    "scale": {"zh": "比例尺", "en": "Scale"},
    "north": {"zh": "北", "en": "N"},
    "km": {"zh": "千米", "en": "km"},
    "sources": {"zh": "数据来源", "en": "Sources"},
    "organisation": {"zh": "编制单位", "en": "Prepared by"},
    "date": {"zh": "日期", "en": "Date"},
    "page": {"zh": "第 {n} 页", "en": "page {n}"},
    "note_approximate": {
        "zh": "注：乡镇范围为近似示意，不作为界线依据；规划要素按规划文字示意。",
        "en": "Note: township areas are approximate and schematic, not legal boundarie"
        "s; plan features are drawn only as precisely as the plan's text allows.",
    },
    "basemap_none": {"zh": "底图：无（离线出图）", "en": "Basemap: none (printed offline)"},
    "basemap": {
        "zh": "底图：{credit}；审图号：{approval}",
        "en": "Basemap: {credit}; map approval no. {approval}",
    },
    "approval_missing": {
        "zh": "未提供（须按底图服务方标注）",
        "en": "not given (add the provider's)",
    },
    "basemap_failed": {
        "zh": "底图瓦片无法获取（{reason}），本图未绘制底图",
        "en": "Basemap tiles could not be fetched ({reason}); printed without a basemap",
    },
    "basemap_partial": {
        "zh": "底图缺 {missing}/{total} 块瓦片",
        "en": "basemap: {missing} of {total} tiles missing",
    },
    "plan_credit": {
        "zh": "规划要素：衡东县“十四五”规划纲要（本项目整理）",
        "en": "Plan facts: Hengdong 14th Five-Year Plan outline (compiled by this project)",
    },
    "quality_note": {
        "zh": "括号内为数据质量：实测 / 近似 / 示意",
        "en": "In brackets: data quality (surveyed / approximate / schematic)",
    },
    "title_county": {
        "zh": "衡东县“十四五”空间布局图",
        "en": "Hengdong County: 14th Five-Year Plan layout",
    },
    "title_township": {"zh": "{name}规划要素图", "en": "{name}: plan features"},
    "title_industry": {"zh": "衡东县{name}布局图", "en": "Hengdong County: {name}"},
    "title_town_system": {
        "zh": "衡东县城镇体系图（一核两副三轴）",
        "en": "Hengdong County town system: one core, two sub-centres, three axes",
    },
    "title_ecology": {"zh": "衡东县生态空间图", "en": "Hengdong County: ecological space"},
    "atlas_title": {"zh": "衡东县乡镇图集", "en": "Hengdong County township atlas"},
    "contents": {"zh": "目录", "en": "Contents"},
    "cover": {"zh": "封面：全县图", "en": "Cover: the county"},
    "county_seat": {"zh": "县城", "en": "County seat"},
    "this_township": {"zh": "本乡镇（近似范围）", "en": "This township (approximate area)"},
    "core_circle": {"zh": "半小时核心发展圈", "en": "Half-hour core circle"},
    "led": {"zh": "副中心带动乡镇", "en": "Towns led by a sub-centre"},
    "main_axis": {"zh": "（主轴）", "en": " (main axis)"},
    "eco_point": {"zh": "{group}（村中心点）", "en": "{group} (village centre)"},
    "eco_area": {"zh": "{group}（仅知所在乡镇）", "en": "{group} (township only)"},
    "redline": {"zh": "生态保护红线", "en": "Ecological red line"},
    "redline_missing": {
        "zh": "生态保护红线：开放数据中无范围面，图中未绘制；"
        "管理员导入官方图层 redline 后出图即绘制",
        "en": "Red line: no open data has its polygons, so it is not drawn; "
        "it is printed once an admin loads the official layer 'redline'",
    },
    "centred": {"zh": "重点乡镇（重点/副中心）", "en": "Centred (focus / sub-centre)"},
    "radiating": {"zh": "辐射/带动/沿轴乡镇", "en": "Radiating / driven / on an axis"},
    "parks_point": {"zh": "产业园区（村中心点）", "en": "Industrial park (village centre)"},
    "parks_area": {"zh": "产业园区（仅知所在乡镇）", "en": "Industrial park (township only)"},
    "route": {"zh": "旅游线路 {number} {name}", "en": "Route {number} {name}"},
    "infra_unlocated": {
        "zh": "基础设施与重点项目：已定位 {located}/{total} 项（示意）；"
        "规划未给出位置、未绘制的：{names}",
        "en": "Infrastructure and key projects: {located} of {total} located (schematic); not "
        "located by the plan, not drawn: {names}",
    },
    "industry_townships": {"zh": "承担乡镇", "en": "Townships"},
    "town_system": {"zh": "城镇体系", "en": "Town system"},
    "sub_centres": {"zh": "两副", "en": "Sub-centres"},
    "redline_figures": {
        "zh": "生态保护红线（规划数据）",
        "en": "Ecological red line (plan figures)",
    },
    "redline_total": {
        "zh": "总面积 {km2:g} km²，占全县 {pct:g}%",
        "en": "{km2:g} km² in all, {pct:g}% of the county",
    },
    "components": {"zh": "组成", "en": "Components"},
    "types": {"zh": "按类型", "en": "By type"},
    "facts": {"zh": "乡镇概况（规划）", "en": "The township in the plan"},
    "role": {"zh": "定位", "en": "Role"},
    "axis_stop": {"zh": "{axis}第 {position}/{of} 站", "en": "{axis}, stop {position} of {of}"},
    "industries": {"zh": "主要产业", "en": "Main industries"},
    "parks": {"zh": "园区", "en": "Parks"},
    "none": {"zh": "规划未涉及", "en": "not in the plan"},
    "citations": {"zh": "出处", "en": "Citations"},
    "open_list": {
        "zh": "（规划写“等”，名单不完整）",
        "en": " (the plan says 'and others': open list)",
    },
    "sub_centre": {"zh": "{name}：{functions}", "en": "{name}: {functions}"},
    "axis_line": {"zh": "{name}：{towns}", "en": "{name}: {towns}"},
}
