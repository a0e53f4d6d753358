"""Helpers of the map-engine tests: find the elements a theme or map is made of."""

import json
from collections.abc import Iterator

from branca.element import Element

from layers.elements import GeoJsonOverlay, Labels, TownshipShapes


def walk(root: Element) -> Iterator[Element]:
    """root and every element under it."""
    yield root
    for child in root._children.values():
        yield from walk(child)


def overlays(root: Element) -> list[GeoJsonOverlay]:
    """The GeoJSON overlays under root, in drawing order."""
    return [e for e in walk(root) if isinstance(e, GeoJsonOverlay)]


def overlay_with(root: Element, style_class: str) -> GeoJsonOverlay:
    """The one overlay whose styles carry this className."""
    found = [
        o for o in overlays(root)
        if any(style_class in s.get("className", "").split() for s in o.options["styles"].values())
    ]
    assert len(found) == 1, f"{len(found)} overlays with class {style_class}"
    return found[0]


def township_shapes(root: Element) -> list[TownshipShapes]:
    """The township-copy elements under root."""
    return [e for e in walk(root) if isinstance(e, TownshipShapes)]


def labels(root: Element) -> list[Labels]:
    """The label elements under root."""
    return [e for e in walk(root) if isinstance(e, Labels)]


def features(overlay: GeoJsonOverlay) -> list[dict]:
    """The features of an overlay as the browser gets them (JSON: lists, decoded coordinates)."""
    return json.loads(json.dumps(overlay.collection))["features"]
