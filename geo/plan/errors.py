"""The one error the plan loader raises: it names the file, the entry and the field."""

from __future__ import annotations

from pathlib import Path


class PlanDataError(ValueError):
    """A plan data file is malformed; `problems` lists (file, entry, field, message)."""

    def __init__(self, problems: list[tuple[str, str, str, str]]) -> None:
        self.problems = problems
        lines = [f"{f}: entry {e}: field {fld}: {msg}" for f, e, fld, msg in problems]
        super().__init__("invalid plan data\n  " + "\n  ".join(lines))


def problem(file: Path | str, entry: str, field: str, message: str) -> tuple[str, str, str, str]:
    """One problem, with the file given by its name."""
    return (Path(file).name, entry, field, message)
