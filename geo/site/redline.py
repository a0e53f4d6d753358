"""The ecological red line against the site: overlap when polygons are loaded, else plainly
'cannot be checked' (never 'no conflict')."""

import shapely
from shapely.geometry.base import BaseGeometry

from geo.admin.serialize import json_value
from geo.site.extent import size
from geo.site.layers import available, basis, layer
from geo.site.measure import M2_PER_MU
from geo.site.overlay import measure_kind

NOT_LOADED_ZH = ("未加载生态保护红线矢量数据，无法核查是否涉及生态保护红线（这不表示不涉及）；"
                 "请向自然资源部门核实，或由管理员导入红线图层")
NOT_LOADED_EN = ("No ecological red-line polygons are loaded, so the red line cannot be checked "
                 "(this does not mean the site is clear); ask the natural-resources bureau, or "
                 "have an admin import the red-line layer")


def redline(checked: BaseGeometry) -> dict:
    """Overlap with the red-line layer, which parts and their attributes, and the flag."""
    if not available("redline"):
        return {"status": "not_loaded", "flag": None, "message_zh": NOT_LOADED_ZH,
                "message_en": NOT_LOADED_EN}
    frame, kind, total = layer("redline"), measure_kind(checked), size(checked)
    parts, overlap = [], []
    records = frame.drop(columns=frame.geometry.name).to_dict("records")
    for index, (geometry, record) in enumerate(zip(frame.geometry, records, strict=True)):
        piece = shapely.intersection(checked, geometry)
        amount = size(piece) if not piece.is_empty else 0.0
        if amount <= 0:
            continue
        overlap.append(piece)
        attributes = {str(k): json_value(v) for k, v in record.items()}
        entry = {"index": index, "share": round(amount / total, 6), "attributes": attributes}
        if kind == "area":
            entry.update(area_m2=round(amount, 1), area_mu=round(amount / M2_PER_MU, 2))
        elif kind == "length":
            entry["length_m"] = round(amount, 1)
        parts.append(entry)
    union = size(shapely.union_all(overlap)) if overlap else 0.0
    found = bool(parts)
    label = basis("redline")
    result = {
        "status": "overlaps" if found else "clear", "flag": found, "measure": kind,
        "share": round(union / total, 6), "parts": parts, **label,
        "message_zh": "涉及生态保护红线" if found else
        f"与已导入的生态保护红线（{label['label_zh']}）不重叠",
        "message_en": "Touches the ecological protection red line" if found else
        f"Does not overlap the imported red line ({label['label_en']})",
    }
    if kind == "area":
        result.update(area_m2=round(union, 1), area_mu=round(union / M2_PER_MU, 2))
    elif kind == "length":
        result["length_m"] = round(union, 1)
    return result
