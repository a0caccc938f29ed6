"""
Django's built-in Redis cache backend, keeping one redis-py client per connection pool, and counting in one
round trip.

Django's client builds a new `redis.Redis` for every operation: cheap to connect (the pool is reused), but the
constructor fills a table of ~170 response callbacks each time, which was a third of a cached page's cost. A
`redis.Redis` is thread-safe and its pool reconnects after a fork, so one per pool serves the whole process.

Django's `incr()` asks EXISTS, then INCRBY: two round trips, and a key that expires between them comes back from
INCRBY as a counter without expiry. A comment costs several increments (rate limits, the page cache's generation),
so here both happen in one atomic script, which leaves a missing key missing.
CACHE_URL=redis://… selects it (newsroom/settings.py).
"""

from django.core.cache.backends import redis

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
