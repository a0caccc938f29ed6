"""The Redis backend's one-round-trip counter behaves as Django's cache API promises."""

import pytest
from django.conf import settings
from django.core.cache import cache

pytestmark = pytest.mark.skipif(
    settings.CACHES["default"]["BACKEND"] != "newsroom.cache.RedisCache", reason="CACHE_URL is not redis://"
)


def test_incr_counts_up_and_keeps_the_expiry():
    cache.set("counter", 5, 600)
    assert cache.incr("counter") == 6
    assert cache.incr("counter", 10) == 16
    assert cache.get("counter") == 16
    assert 590 < redis().ttl(cache.make_and_validate_key("counter")) <= 600


def redis():
    return cache._cache.get_client(write=True)


def test_incr_is_exact_for_the_page_cache_s_62_bit_generations():
    cache.set("generation", 2**62 + 1, None)
    assert cache.incr("generation") == cache.get("generation") == 2**62 + 2


def test_incr_of_a_missing_key_fails_and_makes_no_key():
    cache.delete("absent")
    with pytest.raises(ValueError, match="not found"):
        cache.incr("absent")
    assert cache.get("absent") is None


def test_incr_still_works_after_the_server_forgot_its_scripts():
    cache.set("counter", 1, 600)
    cache.incr("counter")
    redis().script_flush()
    assert cache.incr("counter") == 3
