"""The label catalogue: every word the app, the map, the printed sheets and the site report
show, in 中文 and English, and the one lookup (`label`) and bilingual pick (`pick`).

geo/ must not import ui/, so the catalogue lives here, where geo/, layers/ and ui/ can all
import it. It is split by area (app.py, sheets.py, report.py, problems.py, vocabulary.py);
the sheet and report words are looked up as "sheet.<key>" and "report.<key>", the findings
about uploaded files and sites (problems.py) as "problem.<key>", the others by their key.
tests/test_labels.py checks every key has both languages with the same placeholders and is used.
"""

from typing import Literal

from geo.labels import app, problems, report, sheets, vocabulary

Lang = Literal["zh", "en"]
DEFAULT_LANG: Lang = "zh"
LANGS: tuple[Lang, ...] = ("zh", "en")


def _catalogue() -> dict[str, dict[str, str]]:
    areas = [app.LABELS, vocabulary.LABELS,
             {f"sheet.{k}": v for k, v in sheets.LABELS.items()},
             {f"report.{k}": v for k, v in report.LABELS.items()},
             {f"problem.{k}": v for k, v in problems.LABELS.items()}]
    merged: dict[str, dict[str, str]] = {}
    for area in areas:
        twice = set(merged) & set(area)
        if twice:
            raise ValueError(f"label keys defined twice: {', '.join(sorted(twice))}")
        merged.update(area)
    return merged


LABELS = _catalogue()


def label(key: str, lang: str, **values: object) -> str:
    """The label `key` in `lang`, with `values` filled into its placeholders."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; one of {', '.join(LANGS)}")
    text = LABELS[key][lang]
    return text.format(**values) if values else text


def pick(lang: str, zh: str | None, en: str | None) -> str:
    """The English text in English when there is one, else the Chinese (the one fallback
    rule for plan facts, layer metadata and imported names)."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; one of {', '.join(LANGS)}")
    return (en or zh or "") if lang == "en" else (zh or en or "")


def quality_label(quality: str, lang: str) -> str:
    """实测/近似/示意 or surveyed/approximate/schematic: a layer's data quality, everywhere."""
    return label(f"quality_{quality}", lang)


def kind_word(kind: str, lang: str) -> str:
    """镇/乡 as a plain word in the language: 镇 / town."""
    return kind if lang == "zh" else vocabulary.KIND_EN.get(kind, kind)


def field_text(item: object, field_name: str, lang: str) -> str:
    """A fact's field in the language: `<field>_en` in English when it is filled."""
    return pick(lang, getattr(item, field_name, None), getattr(item, f"{field_name}_en", None))
