"""
Django's built-in Redis cache backend, keeping one redis-py client per connection pool, and counting in one
round trip; and Django's file cache, counting atomically across processes.

Django's client builds a new `redis.Redis` for every operation: cheap to connect (the pool is reused), but the
constructor fills a table of ~170 response callbacks each time, which was a third of a cached page's cost. A
`redis.Redis` is thread-safe and its pool reconnects after a fork, so one per pool serves the whole process.

Django's `incr()` asks EXISTS, then INCRBY: two round trips, and a key that expires between them comes back from
INCRBY as a counter without expiry. A comment costs several increments (rate limits, the page cache's generation),
so here both happen in one atomic script, which leaves a missing key missing.
CACHE_URL=redis://… selects it (newsroom/settings.py).

The file cache is what the workers of one server share when there is no Redis (CACHE_URL=file://…, the default
with debug off). Django's counts with a read and a write: two workers bumping the page cache's generation at once
could both write the same number, and a page rendered between the two changes would outlive the second. Its
incr() also wrote the counter back with the default lifetime, so a rate limit's window moved on with every post.
Here incr() and add() hold an exclusive lock on a file of the cache's directory, and incr() keeps the expiry.
Django's also lists the whole directory before every write, to see whether it is full: almost half a comment POST's
time with a few hundred entries, and more as it fills. Here a process counts again only after writing an eighth of
the room left at its last count (see `_cull`).
"""

import fcntl
import os
import pickle
import time
import zlib
from contextlib import contextmanager

from django.core.cache.backends import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache

# The new value comes back as GET's string: Lua's numbers are doubles, which would round a 62-bit counter.
INCR_IF_EXISTS = """
if redis.call('EXISTS', KEYS[1]) == 1 then
    redis.call('INCRBY', KEYS[1], ARGV[1])
    return redis.call('GET', KEYS[1])
end
"""


class ReusingRedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients, self._incr_scripts = {}, {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        if index not in self._clients:
            self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return self._clients[index]

    def incr(self, key, delta):
        client = self.get_client(key, write=True)
        if client not in self._incr_scripts:
            self._incr_scripts[client] = client.register_script(INCR_IF_EXISTS)  # EVALSHA, loaded again if flushed
        value = self._incr_scripts[client](keys=[key], args=[delta])
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return int(value)


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient


class FileCache(FileBasedCache):
    lock_name = "newsroom.lock"  # not a *.djcache file: clear() and culling leave it
    _writes_before_count = 0  # per instance once set (see _cull)

    def _cull(self):
        """Make room when the directory is full, counting its entries only now and then: after a count, this process
        writes an eighth of the room left before it counts again, so that up to eight processes writing at once
        cannot take the directory past MAX_ENTRIES between two counts."""
        if self._writes_before_count > 0:
            self._writes_before_count -= 1
            return
        with os.scandir(self._dir) as entries:
            count = sum(entry.name.endswith(self.cache_suffix) for entry in entries)
        if count >= self._max_entries:
            super()._cull()  # Django's: a random share of the entries goes (all of them if CULL_FREQUENCY is 0)
            count = 0 if self._cull_frequency == 0 else count - count // self._cull_frequency
        self._writes_before_count = (self._max_entries - count) // 8

    @contextmanager
    def _locked(self):
        self._createdir()
        with open(os.path.join(self._dir, self.lock_name), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._locked():
            return super().add(key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        with self._locked():
            try:  # Django's format: the expiry pickled, then the value pickled and compressed
                with open(self._key_to_file(key, version), "rb") as stored:
                    expiry = pickle.load(stored)  # noqa: S301 - our own cache directory
                    value = pickle.loads(zlib.decompress(stored.read()))  # noqa: S301
            except FileNotFoundError:
                value, expiry = None, None
            now = time.time()
            if value is None or (expiry is not None and expiry <= now):
                raise ValueError(f"Key '{key}' not found.")
            value += delta
            self.set(key, value, None if expiry is None else max(expiry - now, 0.001), version)
            return value
