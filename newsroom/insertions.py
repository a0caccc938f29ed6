"""
Large HTML put into a page once the page is rendered.

The discussion under an article is 200 KB for 200 comments. The template engine copies what a tag returns at every
level it sits in (an if, a language, the inclusion tag, two blocks, the page: eight copies), and encoding the whole
page then costs per character, dearly once one of them is not ASCII. `insert()` hands the template a short marker
instead and keeps the HTML, encoded piece by piece, on the request; InsertionMiddleware puts it in place of the
marker in the response's bytes, once.

The marker carries a random number, so no text a reader or a journalist wrote can stand for one. Nothing inserted
may sit inside a kept fragment (newsroom.pagecache), which other requests would serve with a marker left in it.
"""

import secrets

from django.utils.safestring import SafeString, mark_safe


def insert(request, pieces: list[str]) -> SafeString:
    """What a template prints for the HTML `pieces`: a marker, or the HTML itself without the middleware (a template
    rendered outside a request, or in a test that calls a tag directly)."""
    insertions = getattr(request, "insertions", None)
    if insertions is None:
        return mark_safe("".join(pieces))  # noqa: S308 - the caller's HTML, as it would print it
    marker = f"<!--insertion {secrets.token_hex(8)}-->"
    insertions[marker.encode()] = b"".join(piece.encode() for piece in pieces)  # most pieces ASCII: cheap to encode
    return mark_safe(marker)  # noqa: S308 - our own comment


class InsertionMiddleware:
    """Inside PageCacheMiddleware, which keeps and tags the page as it will be served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.insertions = {}
        response = self.get_response(request)
        if request.insertions and not response.streaming:
            content = response.content
            for marker, html in request.insertions.items():
                content = content.replace(marker, html, 1)
            response.content = content
        return response
