"""Why a site cannot be checked: each problem names what and where (line, vertex, feature)."""

from geo.admin.problems import Problem, found


class SiteRejected(Exception):
    """The site cannot be checked; carries every problem found (nothing is stored)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(p.bilingual() for p in problems))


def rejected(key: str, where: str, feature: int | None = None,
             **values: object) -> SiteRejected:
    """An exception carrying one blocking problem, worded by the catalogue's 'problem.<key>'
    (geo.admin.problems.found); `where` is the file or input."""
    return SiteRejected([found(key, where, feature, **values)])
