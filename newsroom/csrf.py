"""
Django's CSRF secrets and masks, drawn with one read of the system's random source instead of one per character.

Django draws each of a secret's 32 characters with `secrets.choice`, an `os.urandom` call each. A reader without
the CSRF cookie who opens a page with a form (the article page's comment form) costs two such strings, the
cookie's secret and the printed token's mask: about 110 µs on our servers, a quarter of serving the cached article
page. Here one read gives the whole string, with the same alphabet, length and strength: bytes that would favour
the first characters (256 is not a multiple of 62) are dropped, so each character stays equally likely.

Django has no setting for this; `NewsroomConfig.ready()` puts the function in place of the module's private one.
`newsroom/tests/test_csrf.py` checks the strings and that a form's token still passes Django's check.
"""

import os

from django.middleware import csrf


def new_csrf_string(length: int = csrf.CSRF_SECRET_LENGTH, chars: str = csrf.CSRF_ALLOWED_CHARS) -> str:
    usable = 256 - 256 % len(chars)  # bytes from here up would make the first characters likelier
    drawn = []
    while len(drawn) < length:
        drawn += [chars[byte % len(chars)] for byte in os.urandom(length + 8) if byte < usable]
    return "".join(drawn[:length])


def install() -> None:
    csrf._get_new_csrf_string = new_csrf_string
