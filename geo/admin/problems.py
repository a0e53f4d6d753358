"""Validation findings: each names the file, the feature (index and name) and the field."""

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


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
            label = "feature" if lang == "en" else "要素"
            named = f" ({self.feature_name})" if self.feature_name else ""
            parts.append(f"{label} #{self.feature_index}{named}")
        if self.field is not None:
            parts.append(f"{'field' if lang == 'en' else '字段'} {self.field}")
        return ", ".join(parts)

    def text(self, lang: str = "zh") -> str:
        """The full message: where, then what."""
        return f"{self.where(lang)}: {self.en if lang == 'en' else self.zh}"

    def bilingual(self) -> str:
        """Chinese message followed by the English one (CLI and logs)."""
        return f"{self.text('zh')} / {self.en}"


class RejectedFile(Exception):
    """A file that cannot be imported; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(p.bilingual() for p in problems))


def errors(problems: list[Problem]) -> list[Problem]:
    """Only the problems that block an import."""
    return [p for p in problems if p.severity == "error"]
