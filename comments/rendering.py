"""
Readers write plain text: paragraphs, line breaks and bare links. Everything else shows as typed.

Each comment's HTML in the thread is rendered once, when the comment is saved, and stored: the page joins the
stored strings instead of running a template per comment on every request.
"""

import re

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import urlize
from django.utils.text import normalize_newlines

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_REPLY_LINK = re.compile(r'<a class="comment__reply" [^>]*>[^<]*</a>')

# Raise it whenever templates/comments/comment.html changes: stored renderings with another key are redone.
RENDERING_VERSION = 2


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


def rendering_key(language: str) -> str:
    """What a stored rendering depends on besides the comment itself: markup, language, time zone."""
    return f"{RENDERING_VERSION}:{language}:{settings.TIME_ZONE}"


def render_comment(comment, language: str) -> str:
    """
    The comment as its thread shows it, in the article's language and the site's time zone whoever saves it.
    The status decides the rest: a placeholder once removed, "awaiting moderation" (shown to the author alone)
    while held, and Reply and Report links once approved.
    """
    with translation.override(language), timezone.override(timezone.get_default_timezone()):
        return render_to_string("comments/comment.html", {"c": comment}).strip()


def without_reply_links(html: str) -> str:
    """A discussion closes with time, not with a save: its stored Reply links are taken out when shown."""
    # Only our own link starts like this: readers' names and texts are escaped, their links are plain <a href>.
    return _REPLY_LINK.sub("", html)
