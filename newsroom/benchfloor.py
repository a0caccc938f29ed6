"""
The benchmark's floor: the article page's bytes from a view that does nothing else, behind the whole middleware
stack. No Django page can be served faster by this server; `make bench` divides every page's rate by this one.

Only routed when NEWSROOM_BENCH=1; the bytes are the static file `bench/article.html` that `make bench` writes
into STATIC_ROOT, which whitenoise serves too (the other floor).
"""

import os
from functools import cache

from django.conf import settings
from django.http import HttpResponse
from django.urls import path


@cache
def _page():
    return (settings.STATIC_ROOT / "bench" / "article.html").read_bytes()


def floor(request):
    return HttpResponse(_page())


def urls():
    return [path("bench/floor/", floor, name="bench_floor")] if os.environ.get("NEWSROOM_BENCH") == "1" else []
