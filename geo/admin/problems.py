"""Validation findings: each names the file, the feature (index and name) and the field."""

from dataclasses import dataclass
from typing import Literal

from geo.labels import label

Severity = Literal["error", "warning"]


def phrase(key: str, lang: str, **values: object) -> str:
    """The catalogue's 'problem.<key>' in `lang`, with `values` filled in."""
    return label(f"problem.{key}", lang, **values)


@dataclass(frozen=True)
class Problem:
    """One finding about an uploaded file, worded in Chinese and English."""

    code: str
    zh: str
    en: str
    file: str
    feature_index: int | None = None
    feature_name: str | None = None
    field: str | None = None
    severity: Severity = "error"

    def where(self, lang: str = "zh") -> str:
        """'file, feature #3 (洣水镇), field name' in the chosen language."""
        parts = [self.file]
        if self.feature_index is not None:
            named = f" ({self.feature_name})" if self.feature_name else ""
            parts.append(phrase("where_feature", lang, index=self.feature_index, named=named))
        if self.field is not None:
            parts.append(phrase("where_field", lang, field=self.field))
        return ", ".join(parts)

    def text(self, lang: str = "zh") -> str:
        """The full message: where, then what."""
        return f"{self.where(lang)}: {self.en if lang == 'en' else self.zh}"

    def bilingual(self) -> str:
        """Chinese message followed by the English one (CLI and logs)."""
        return f"{self.text('zh')} / {self.en}"


@dataclass(frozen=True)
class Worded:
    """A placeholder value worded per language (a list joined with 、 or ;)."""

    zh: str
    en: str


def worded(key: str, **values: object) -> Worded:
    """The catalogue's 'problem.<key>' in both languages (a Worded value fills each language
    with its own)."""
    def text(lang: str) -> str:
        return phrase(key, lang, **{name: getattr(value, lang) if isinstance(value, Worded)
                                    else value for name, value in values.items()})
    return Worded(text("zh"), text("en"))


def found(key: str, file: str, feature_index: int | None = None,
          feature_name: str | None = None, field: str | None = None,
          severity: Severity = "error", **values: object) -> Problem:
    """The problem worded by the catalogue's 'problem.<key>' with `values` (see worded); its
    code is the key up to any '.' (a variant of the wording)."""
    words = worded(key, **values)
    return Problem(key.split(".")[0], words.zh, words.en, file, feature_index, feature_name,
                   field, severity)


class RejectedFile(Exception):
    """A file that cannot be imported; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(p.bilingual() for p in problems))


def errors(problems: list[Problem]) -> list[Problem]:
    """Only the problems that block an import."""
    return [p for p in problems if p.severity == "error"]
