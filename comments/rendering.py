"""Readers write plain text: paragraphs, line breaks and bare links. Everything else shows as typed."""

import re

from django.utils.html import urlize
from django.utils.text import normalize_newlines

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def render_text(text: str) -> str:
    """Escaped HTML for a comment: <p> per paragraph, <br> per line, links marked as user content."""
    paragraphs = _PARAGRAPH_BREAK.split(normalize_newlines(text or "").strip())
    return "".join(f"<p>{_linkify(p.strip())}</p>".replace("\n", "<br>") for p in paragraphs if p.strip())


def _linkify(text: str) -> str:
    # urlize escapes everything it does not turn into a link, so a typed `rel="nofollow"` arrives as &quot;.
    html = urlize(text, trim_url_limit=60, nofollow=True, autoescape=True)
    return html.replace(' rel="nofollow"', ' rel="nofollow ugc noopener"')


def link_count(html: str) -> int:
    return html.count("<a ")
