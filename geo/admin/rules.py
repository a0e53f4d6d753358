"""What each layer accepts: geometry type, where it may lie, required and unique attributes."""

from dataclasses import dataclass, field
from typing import Literal

GeometryKind = Literal["polygon", "point", "line"]
Extent = Literal["county", "region"]

GEOMETRY_TYPES: dict[GeometryKind, tuple[str, ...]] = {
    "polygon": ("Polygon", "MultiPolygon"),
    "point": ("Point", "MultiPoint"),
    "line": ("LineString", "MultiLineString"),
}

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
