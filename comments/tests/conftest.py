import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _comment_settings(settings):
    """Tests post at machine speed; the minimum-time rule has its own tests. Rate counters start at zero."""
    settings.NEWSROOM_COMMENTS_MIN_SECONDS = 0
    cache.clear()
    yield
    cache.clear()
