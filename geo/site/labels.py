"""Headings and words of the rendered report (Markdown, PDF), in Chinese and English.

geo/ must not import ui/, so the report's own words live here; the app's labels are in ui/i18n.py.
"""

LABELS: dict[str, tuple[str, str]] = {
    "title": ("选址初审报告", "Site check report"),
    "site": ("场址", "Site"),
    "source": ("输入", "Input"),
    "crs": ("坐标系", "Coordinate system"),
    "assumed": ("（推定）", " (assumed)"),
    "type": ("几何类型", "Geometry"),
    "buffer": ("缓冲宽度", "Buffer width"),
    "area": ("面积", "Area"),
    "length": ("长度", "Length"),
    "centroid": ("中心点", "Centroid"),
    "bbox": ("范围", "Bounding box"),
    "vertices": ("顶点数", "Vertices"),
    "notes": ("提示", "Notes"),
    "outside": ("县外部分", "Outside the county"),
    "townships": ("所在乡镇", "Townships"),
    "share": ("占比", "Share"),
    "villages": ("最近的村（社区）点", "Nearest village points"),
    "redline": ("生态保护红线", "Ecological red line"),
    "plan": ("规划定位", "What the plan says"),
    "roles": ("城镇体系角色", "Roles in the town system"),
    "axes": ("发展轴", "Development axes"),
    "industries": ("产业", "Industries"),
    "parks": ("园区", "Parks"),
    "featured": ("特色小镇", "Featured towns"),
    "nearby": ("附近的规划项目与地点", "Plan sites and projects nearby"),
    "within": ("{km} km 以内", "within {km} km"),
    "none": ("无", "none"),
    "distances": ("距离", "Distances"),
    "sources": ("数据来源与质量", "Data sources and quality"),
    "date": ("生成时间", "Generated"),
    "by_village": ("按村点", "by village point"),
    "by_township": ("仅定位到乡镇", "located by township only"),
    "figures_basis": ("面积与占比依据", "Figures based on"),
    "exact": ("官方数据", "official data"),
    "map": ("场址与乡镇", "Site over the townships"),
    "legend_site": ("场址", "Site"),
    "legend_townships": ("乡镇范围", "Townships"),
    "legend_county": ("县界", "County boundary"),
    "legend_redline": ("生态保护红线", "Red line"),
    "legend_river": ("湘江", "Xiang River"),
}


def label(key: str, lang: str, **values: object) -> str:
    """The word `key` in `lang` ('zh' or 'en')."""
    text = LABELS[key][1 if lang == "en" else 0]
    return text.format(**values) if values else text
