"""Text the viewer shows: the markdown escaper is geo.text.plain (one rule for the app and the
site report), re-exported for the ui modules; `to_html` turns the panels' markdown into the
HTML the browser panels (ui/panel_view.py) show."""

from markdown_it import MarkdownIt

from geo.text import plain

__all__ = ["plain", "to_html"]

# CommonMark with raw HTML, links and images off, so a value escaped by `plain` stays text.
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).disable(["link", "image", "autolink"])


def to_html(markdown: str) -> str:
    """One line of the panels' markdown (`plain`-escaped values, **bold**, *italic*) as HTML."""
    return _MARKDOWN.renderInline(markdown)
