"""ui.text.plain: a value from data becomes markdown source that can only render as its text
(the browser check of the same is tests/e2e/test_text_is_text.py)."""

import re

import pytest

from tests.admin_corpus import HOSTILE_NAMES
from ui.text import plain

SIGNIFICANT = set("\\`*_{}[]()#!|~<>$:&")


def _unescaped(markdown: str) -> list[str]:
    """Markdown-significant characters not preceded by a backslash."""
    found, escaped = [], False
    for char in markdown:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in SIGNIFICANT:
            found.append(char)
    return found


@pytest.mark.parametrize("value", [*HOSTILE_NAMES, "a\nb\r\n# heading", "洣水镇（Mishui）"])
def test_every_significant_character_is_escaped(value: str) -> None:
    escaped = plain(value)
    assert not _unescaped(escaped)
    assert "\n" not in escaped and "\r" not in escaped
    assert re.sub(r"\\(.)", r"\1", escaped) == re.sub(r"[\r\n]+", " ", value)


@pytest.mark.parametrize("value", ["- item", "+ item", "12. item", "3) item", "= x"])
def test_a_list_or_heading_marker_at_the_start_is_literal(value: str) -> None:
    assert re.match(r"^\S*\\", plain(value))


def test_text_inside_a_line_keeps_its_dashes_and_dots() -> None:
    assert plain("High-quality rice 2.5") == "High-quality rice 2.5"

