"""The escaper for markdown the viewer renders is geo.text.plain (one rule for the app and the
site report); imported here by the ui modules."""

from geo.text import plain

__all__ = ["plain"]
