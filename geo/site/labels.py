"""The site report's words: geo/labels/report.py in the one catalogue (geo.labels)."""

from geo.labels import label as _label


def label(key: str, lang: str, **values: object) -> str:
    """The report word `key` ("report.{key}" in geo.labels) in `lang`."""
    return _label(f"report.{key}", lang, **values)
