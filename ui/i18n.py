"""The app's labels: geo.labels is the one catalogue (new UI words go in geo/labels/app.py);
`t` is its lookup, kept under the name the ui modules use."""

from geo.labels import DEFAULT_LANG, LABELS, LANGS, Lang
from geo.labels import label as t

__all__ = ["DEFAULT_LANG", "LABELS", "LANGS", "Lang", "t"]
