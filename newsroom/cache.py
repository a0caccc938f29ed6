"""
Django's built-in Redis cache backend, keeping one redis-py client per connection pool.

Django's client builds a new `redis.Redis` for every operation: cheap to connect (the pool is reused), but the
constructor fills a table of ~170 response callbacks each time, which was a third of a cached page's cost. A
`redis.Redis` is thread-safe and its pool reconnects after a fork, so one per pool serves the whole process.
CACHE_URL=redis://… selects it (newsroom/settings.py).
"""

from django.core.cache.backends import redis


class ReusingRedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        if index not in self._clients:
            self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return self._clients[index]


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
