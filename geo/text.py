"""Values from data or files shown as text: never as markdown, HTML or a link.

Every string that comes from the plan data, an imported layer or an uploaded file and is put
into markdown goes through `plain` first: a Streamlit call that renders markdown (st.markdown,
st.subheader, st.error, st.warning, st.success, st.caption, labels) and the site report's
Markdown file (geo/site/markdown.py) alike. (HTML the map builds by hand, such
as the legend, is escaped where it is built: layers/legend.py, static/map/hd-map.js.)
"""

import re

# ASCII punctuation markdown (CommonMark, GitHub extensions, Streamlit's :color[…] directives
# and :emoji: codes, $math$) gives a meaning; a backslash makes each one literal.
# `-`, `+` and `1.` mean something only where a line starts (lists); text is kept on one line,
# so only its own start needs them escaped.
_MARKDOWN_SIGNIFICANT = re.compile(r"([\\`*_{}\[\]()#!|~<>$:&])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")


def plain(value: object) -> str:
    """`value` as markdown source that renders exactly as its text, on one line."""
    text = _LINE_BREAKS.sub(" ", "" if value is None else str(value))
    text = _MARKDOWN_SIGNIFICANT.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: f"{m[1]}{m[2][:-1]}\\{m[2][-1]}", text)

