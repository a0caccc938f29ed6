"""
gunicorn's settings for `make serve` and `make bench`: `gunicorn -c newsroom/gunicorn.conf.py newsroom.wsgi`.

Synchronous workers, as behind a front proxy (nginx, a load balancer or a CDN) that holds the slow client
connections; each worker answers one request at a time, so WEB_CONCURRENCY is the number of requests in flight.
"""

import gc
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
if workers > 1 and os.environ.get("CACHE_URL", "").startswith("locmem://"):
    # Each worker would keep pages, generations and rate limits of its own: a change seen by one would leave the
    # others serving stale pages, and every limit would count a worker's share of the posts.
    raise SystemExit(
        f"CACHE_URL=locmem:// cannot be shared by {workers} gunicorn workers. Leave CACHE_URL unset (a file cache in "
        "var/cache), or set it to file:///path or redis://host:6379/0, or set WEB_CONCURRENCY=1."
    )
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 10
# Access lines go to stdout when asked for (GUNICORN_ACCESS_LOG=-); a proxy or CDN usually logs them already.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# The front proxy's X-Forwarded-* headers are trusted from these addresses only.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# gunicorn 27's control socket is one path per user (~/.gunicorn/gunicorn.ctl): two servers side by side would
# fight over it, and nothing here uses it.
control_socket_disable = True


def post_worker_init(worker):
    """What the worker loaded to start (Django, the app's modules, settings, URL patterns) lives as long as it does:
    moved out of the garbage collector's sight, so that its full collections stop walking ~80,000 objects that can
    never be freed. About a millisecond of a 15 ms article render, measured in one process on the data of
    tools/profile_render.py."""
    gc.freeze()
