"""Editors' text: written in Markdown, shown as HTML that can hold nothing but text.

Markdown keeps the admin a plain text box (no editor script, nothing for the content
security policy to allow); nh3 then keeps only the tags below, so a pasted <script>, an
inline style or a javascript: link never reaches a reader."""

import markdown
import nh3

from core.text import clean_text

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
HEADING_SHIFT = {"<h1>": "<h2>", "</h1>": "</h2>"}


def to_html(text: str) -> str:
    """Safe HTML for ``text``; a heading 1 becomes 2 (the page has its own title)."""
    if not text.strip():
        return ""
    html = markdown.markdown(clean_text(text), extensions=["sane_lists", "tables"])
    for old, new in HEADING_SHIFT.items():
        html = html.replace(old, new)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https", "http", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )
