"""The README's project-layout table names what the repository holds, and only that."""

import re
import subprocess

from geo.paths import PROJECT_ROOT


def _table_paths() -> set[str]:
    text = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("## Project layout", 1)[1].split("\n## ", 1)[0]
    first_cells = [row.split("|")[1] for row in table.splitlines() if row.startswith("| `")]
    return {path.rstrip("/") for cell in first_cells for path in re.findall(r"`([^`]+)`", cell)}


def _tracked_top_level() -> set[str]:
    files = subprocess.run(["git", "ls-files"], cwd=PROJECT_ROOT, capture_output=True, text=True,
                           check=True).stdout.split()
    return {f.split("/")[0] for f in files} - {".gitignore", "README.md"}


def test_every_top_level_entry_is_in_the_table_and_every_row_exists() -> None:
    listed = _table_paths()
    wildcard = {p for p in listed if "*" in p}
    named = listed - wildcard
    missing = {entry for entry in _tracked_top_level()
               if entry not in named and not any(re.fullmatch(w.replace("*", ".*"), entry)
                                                 for w in wildcard)
               and not any(n.startswith(f"{entry}/") for n in named)}
    assert not missing, f"not in the README's layout table: {sorted(missing)}"
    absent = {path for path in named if not (PROJECT_ROOT / path).exists()}
    assert not absent, f"in the table but not in the tree: {sorted(absent)}"
