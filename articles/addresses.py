"""
The addresses of articles, sections and authors, worked out once per process.

A list page links to dozens of articles and sections, and Django's `reverse()` costs 50–90 µs a call (it builds
the candidate path and matches it against the pattern each time): a fifth of the home page's render. An address
depends on nothing but its arguments, the URLconf, the script prefix and the language (for translated patterns),
so it is kept under all of them, and a change to any of them is a new entry, never a stale one.
"""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


def address(viewname: str, **kwargs) -> str:
    return cached_reverse(viewname, kwargs=kwargs)


def cached_reverse(viewname: str, args=(), kwargs=None, current_app=None) -> str:
    """`reverse()`, worked out once per arguments, URLconf, script prefix and language. Arguments must be hashable
    (TypeError otherwise): ids, slugs, dates' parts."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    kwargs = tuple((kwargs or {}).items())
    return _reverse(viewname, tuple(args), kwargs, current_app, urlconf, get_script_prefix(), get_language())


@functools.lru_cache(maxsize=20_000)  # about 3 MB of addresses
def _reverse(viewname, args, kwargs, current_app, urlconf, script_prefix, language):
    return reverse(viewname, urlconf=urlconf, args=args, kwargs=dict(kwargs), current_app=current_app)
