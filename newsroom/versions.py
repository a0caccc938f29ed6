"""
Version numbers kept in the shared cache. A cache key that names one goes stale, on every app server at once, when
the number moves on: the page cache's generation, the comment policy's version.

A number that was evicted (or never set) starts again from a random one, so it cannot come back to a number whose
entries are still stored.
"""

import secrets

from django.core.cache import cache


def current(key: str) -> int:
    version = cache.get(key)
    if version is None:
        cache.add(key, secrets.randbits(62), timeout=None)
        version = cache.get(key)
    return version


def advance(key: str) -> int:
    """A new number: whatever was stored under the old one is stale from now on."""
    try:
        return cache.incr(key)
    except ValueError:  # evicted or never set: any new random number is a new version
        return current(key)
