"""Words shown to users in 中文 and English: the language rule and the one bilingual pick.

geo/ must not import ui/, so the vocabulary every package shows lives here, where geo/, layers/
and ui/ can all import it.
"""

from typing import Literal

Lang = Literal["zh", "en"]
DEFAULT_LANG: Lang = "zh"
LANGS: tuple[Lang, ...] = ("zh", "en")


def pick(lang: str, zh: str | None, en: str | None) -> str:
    """The English text in English when there is one, else the Chinese (the one fallback
    rule for plan facts, layer metadata and imported names)."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; one of {', '.join(LANGS)}")
    return (en or zh or "") if lang == "en" else (zh or en or "")


def quality_label(quality: str, lang: str) -> str:
    """实测/近似/示意 or surveyed/approximate/schematic: a layer's data quality, everywhere."""
    from geo.symbology import QUALITY_LABELS

    return pick(lang, *QUALITY_LABELS[quality])


def field_text(item: object, field_name: str, lang: str) -> str:
    """A fact's field in the language: `<field>_en` in English when it is filled."""
    return pick(lang, getattr(item, field_name, None), getattr(item, f"{field_name}_en", None))
