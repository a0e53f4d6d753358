"""The printed sheets' words: geo/labels/sheets.py in the one catalogue (geo.labels)."""

from geo.labels import label as _label
from geo.labels import pick, quality_label

__all__ = ["label", "pick", "quality_label"]


def label(key: str, lang: str, **values: object) -> str:
    """The sheet word `key` ("sheet.<key>" in geo.labels) in `lang`."""
    return _label(f"sheet.{key}", lang, **values)
