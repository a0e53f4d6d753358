"""Why a site cannot be checked: each problem names what and where (line, vertex, feature)."""

from geo.admin.problems import Problem


class SiteRejected(Exception):
    """The site cannot be checked; carries every problem found (nothing is stored)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(p.bilingual() for p in problems))


def problem(code: str, zh: str, en: str, where: str, feature: int | None = None) -> Problem:
    """One blocking problem; `where` is the file or input, with ':line' for pasted text."""
    return Problem(code, zh, en, where, feature_index=feature)


def rejected(code: str, zh: str, en: str, where: str, feature: int | None = None) -> SiteRejected:
    """An exception carrying one problem."""
    return SiteRejected([problem(code, zh, en, where, feature)])
