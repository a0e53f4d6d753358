"""What each layer accepts: geometry type, where it may lie, required and unique attributes."""

from dataclasses import dataclass, field
from typing import Literal

GeometryKind = Literal["polygon", "point", "line"]
Extent = Literal["county", "region"]

GEOMETRY_TYPES: dict[GeometryKind, tuple[str, ...]] = {
    "polygon": ("Polygon", "MultiPolygon"),
    "point": ("Point",),  # the viewer labels seats and villages at one position each
    "line": ("LineString", "MultiLineString"),
}

# Geometry types converted on import into the one the viewer draws: a one-point MultiPoint
# becomes its Point; anything else of another type is refused.
CONVERTIBLE_TYPES: dict[GeometryKind, tuple[str, ...]] = {"point": ("MultiPoint",)}

# Cross-feature rules (geo/admin/consistency.py). Official and open-source outlines differ by a
# few hundred metres, so slivers narrower than twice GAP_WIDTH_M between the townships and the
# county outline are not gaps; anything wider and larger than the area tolerance is refused.
OVERLAP_TOLERANCE_KM2 = 0.01  # two townships may overlap by at most 1 ha
GAP_TOLERANCE_KM2 = 0.05  # a part of the county no township covers: at most 5 ha
GAP_WIDTH_M = 250.0
SEAT_TOLERANCE_M = 200.0  # a seat may lie this far outside its township's polygon
# A county outline must be about the known one: area ratio and overlap (intersection / union).
COUNTY_AREA_RATIO = (0.8, 1.25)
COUNTY_MIN_OVERLAP = 0.85
# Context layers (neighbours, 湘江) must lie within this box (lon/lat) around 衡东县.
CONTEXT_EXTENT = (111.0, 25.5, 115.0, 28.7)
WORST_SHOWN = 5  # how many offenders a coverage message names

# Attribute names official Chinese data commonly uses (三调 XZQ layers: XZQMC / XZQDM),
# mapped onto the project's names when the project's name is absent.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("NAME", "Name", "XZQMC", "MC", "名称", "乡镇名称", "乡镇"),
    "code": ("CODE", "Code", "XZQDM", "DM", "代码", "乡镇代码", "行政区划代码"),
}


@dataclass(frozen=True)
class LayerRule:
    """The rules an imported version of one layer must satisfy."""

    layer_id: str
    title_zh: str
    title_en: str
    geometry: GeometryKind
    extent: Extent  # "county": every feature inside 衡东县; "region": near it (context layers)
    required: tuple[str, ...] = ()
    key_field: str | None = None  # matches features between versions for the change summary
    township_names: bool = False  # `name` must be one of the 17 townships, each exactly once
    single_feature: bool = False
    defaults: dict[str, object] = field(default_factory=dict)


RULES: dict[str, LayerRule] = {rule.layer_id: rule for rule in (
    LayerRule("county", "衡东县界", "County boundary", "polygon", "region",
              single_feature=True, key_field="name",
              defaults={"code": "430424000000", "name": "衡东县", "name_en": "Hengdong County"}),
    LayerRule("neighbours", "相邻县市区", "Neighbouring counties", "polygon", "region",
              required=("name",), key_field="name"),
    LayerRule("townships", "乡镇", "Townships", "polygon", "county",
              required=("name",), key_field="name", township_names=True),
    LayerRule("seats", "乡镇驻地", "Township seats", "point", "county",
              required=("name",), key_field="name", township_names=True),
    LayerRule("villages", "村（社区）", "Villages", "point", "county",
              required=("name",), key_field="code"),
    LayerRule("xiangjiang", "湘江", "Xiang River", "line", "region",
              defaults={"name": "湘江", "name_en": "Xiang River"}),
    LayerRule("redline", "生态保护红线", "Ecological red line", "polygon", "county"),
)}


def rule_for(layer_id: str) -> LayerRule:
    """The rule of a layer; ValueError naming the known layers otherwise."""
    if layer_id not in RULES:
        raise ValueError(f"unknown layer {layer_id!r}; known layers: {', '.join(RULES)}")
    return RULES[layer_id]
