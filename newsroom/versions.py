"""
Version numbers kept in the shared cache. A cache key that names one goes stale, on every app server at once, when
the number moves on: the page cache's generation, the comment policy's version.

A number that was evicted (or never set) starts again from a random one, so it cannot come back to a number whose
entries are still stored.
"""

import secrets

from django.core.cache import cache


def current(key: str) -> int:
    """One number: a plain GET, as every cached page's hit asks."""
    version = cache.get(key)
    return _started(key) if version is None else version


def current_many(*keys: str) -> list[int]:
    """Several numbers in one round trip to the cache (a missing one costs two more)."""
    found = cache.get_many(keys)
    return [_started(key) if found.get(key) is None else found[key] for key in keys]


def _started(key: str) -> int:
    """A random number for a key that has none; another process may have set one first, and that one counts."""
    cache.add(key, secrets.randbits(62), timeout=None)
    return cache.get(key)


def advance(key: str) -> int:
    """A new number: whatever was stored under the old one is stale from now on."""
    try:
        return cache.incr(key)
    except ValueError:  # evicted or never set: any new random number is a new version
        return current(key)
