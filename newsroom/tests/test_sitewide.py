"""What every page shows alike (the "Latest news" sidebar, the sections) is shared, and exactly as fresh as pages."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.template import Context, Template, TemplateSyntaxError
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.services import article_unpublish
from articles.tests.factories import make_article, make_section, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    """Fragments are what the page cache leaves to render: measured, like `make bench`, with it off."""
    settings.NEWSROOM_PAGE_CACHE = False


def sidebar(response):
    html = response.content.decode()
    return html[html.index('<aside class="sidebar">') :]


def test_the_sidebar_and_sections_are_fetched_once_for_every_page(client):
    first, second = make_article("Ministers agree"), make_article("Farmers protest")
    client.get(first.get_absolute_url())  # fills the shared pieces
    with CaptureQueriesContext(connection) as warm:
        response = client.get(second.get_absolute_url())
    assertContains(response, 'class="latest__headline"', count=2)
    assert not any("articles_section" in query["sql"] and "ORDER BY" in query["sql"] for query in warm)
    with CaptureQueriesContext(connection) as cold:
        make_section("Climate")  # any change readers could see renders them again
        response = client.get(second.get_absolute_url())
    assertContains(response, "Climate")
    assert len(warm) < len(cold)


def test_a_story_published_or_unpublished_changes_every_sidebar_at_once(client):
    article = make_article("Ministers agree")
    url = article.get_absolute_url()
    assertNotContains(client.get(url), "Summit ends without a deal")
    breaking = make_article("Summit ends without a deal")
    assert "Summit ends without a deal" in sidebar(client.get(url))
    article_unpublish(article=breaking, user=make_user(role="Editor"))
    assert "Summit ends without a deal" not in sidebar(client.get(url))


def test_a_scheduled_story_joins_the_sidebar_on_time(client):
    now = timezone.now()
    url = make_article("Already out").get_absolute_url()
    with time_machine.travel(now, tick=False):
        make_article("Embargoed summit statement", publish_at=now + timedelta(minutes=2))
        assertNotContains(client.get(url), "Embargoed summit statement")
    with time_machine.travel(now + timedelta(minutes=2, seconds=1), tick=False):
        assertContains(client.get(url), "Embargoed summit statement")


def test_each_language_has_its_own_sidebar(client):
    url = make_article("Ministers agree").get_absolute_url()
    assertContains(client.get(url), "Latest news")
    assertContains(client.get(url, headers={"accept-language": "fr"}), "Dernières nouvelles")


def test_the_fragment_cache_can_be_switched_off(client, settings):
    settings.NEWSROOM_FRAGMENT_CACHE = False
    first, second = make_article("Ministers agree"), make_article("Farmers protest")
    client.get(first.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        client.get(second.get_absolute_url())
    assert any("articles_section" in query["sql"] and "ORDER BY" in query["sql"] for query in queries)


def test_a_misspelt_sitewide_tag_fails_loudly():
    with pytest.raises(TemplateSyntaxError, match="one quoted name"):
        Template("{% load sitewide %}{% sitewide latest %}x{% endsitewide %}").render(Context())
