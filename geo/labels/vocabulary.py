"""Words of the domain every package shows: data qualities, 镇/乡, basemap names."""

# How exact a layer's geometry is (geo.symbology.QUALITIES): legends, sheets, report, admin.
QUALITY_LABELS: dict[str, dict[str, str]] = {
    "quality_surveyed": {"zh": "实测", "en": "surveyed"},
    "quality_approximate": {"zh": "近似", "en": "approximate"},
    "quality_schematic": {"zh": "示意", "en": "schematic"},
}

# 镇 and 乡 in English: the one translation (map tooltips, panels, search, English names).
KIND_EN = {"镇": "town", "乡": "township"}
KIND_LABELS: dict[str, dict[str, str]] = {
    f"kind_{kind}": {"zh": kind, "en": f"{english.capitalize()} ({kind})"}
    for kind, english in KIND_EN.items()
}

BASEMAP_LABELS: dict[str, dict[str, str]] = {
    "basemap_osm": {"zh": "OpenStreetMap", "en": "OpenStreetMap"},
    "basemap_carto_light": {"zh": "CartoDB 浅色", "en": "CartoDB light (Positron)"},
    "basemap_tianditu": {"zh": "天地图 矢量+注记", "en": "Tianditu vector + labels"},
    "basemap_amap": {"zh": "高德地图 (GCJ-02)", "en": "Amap (GCJ-02)"},
    "basemap_custom": {"zh": "自定义瓦片 (内网)", "en": "Custom tiles (intranet)"},
    "basemap_none": {"zh": "无底图", "en": "No basemap"},
}

LABELS = {**QUALITY_LABELS, **KIND_LABELS, **BASEMAP_LABELS}
