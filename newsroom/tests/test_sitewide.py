"""What every page shows alike (the "Latest news" sidebar, the sections) and what a page shows of one story (its
teaser, its text) are shared, and exactly as fresh as pages."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template, TemplateSyntaxError
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.services import article_unpublish, correction_add
from articles.tests.factories import make_article, make_author, make_image, make_section, make_user
from comments.tests.factories import make_comment
from newsroom import pagecache

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


def story_queries(queries):
    """The queries that only rendering a story's text asks: its tags, corrections and translations."""
    tables = ("taggit_", "articles_correction", "articles_article_translations")
    return [query["sql"] for query in queries if any(table in query["sql"] for table in tables)]


def test_a_comment_renders_the_discussion_again_and_leaves_the_story_as_it_was(client):
    article = make_article("Ministers agree", tags=["budget"], authors=[make_author("Anna Berg")])
    correction_add(article=article, user=make_user(role="Editor"), text="The vote was on Tuesday.")
    url = article.get_absolute_url()
    with CaptureQueriesContext(connection) as cold:
        before = client.get(url)
    assert story_queries(cold)

    make_comment(article, text="Long overdue, and welcome.")
    with CaptureQueriesContext(connection) as warm:
        after = client.get(url)
    assert not story_queries(warm)
    assert len(warm) < len(cold)
    assertContains(after, "Long overdue, and welcome.")
    assertContains(after, '<span class="comments__count">1</span> response to')
    for shown in ("Anna Berg", "The vote was on Tuesday.", 'href="/tag/budget/"', '"@type": "NewsArticle"'):
        assertContains(before, shown)
        assertContains(after, shown)


def test_an_article_read_again_asks_only_for_its_discussion_until_it_changes(client, django_assert_num_queries):
    article = make_article("Ministers agree", tags=["budget"], lead_image=make_image(caption="Ministers arrive"))
    make_comment(article, text="Long overdue.")
    url = article.get_absolute_url()
    client.get(url)
    with django_assert_num_queries(1):  # the story is kept like its text; the discussion is read
        again = client.get(url)
    for shown in ("Ministers agree", "Ministers arrive", "Long overdue.", '<span class="comments__count">1</span>'):
        assertContains(again, shown)

    article_unpublish(article=article, user=make_user(role="Editor"))
    assert client.get(url).status_code == 404


def test_a_teaser_shows_its_story_s_new_comment_count_and_the_other_stories_still_show(client):
    commented, other = make_article("Budget talks stall"), make_article("Farmers protest")
    make_article("The lead story")
    assertNotContains(client.get("/"), "1 comment")
    make_comment(commented)
    home = client.get("/").content.decode()
    teaser = home[home.index("Budget talks stall") :]
    assert "1 comment" in teaser[: teaser.index("</article>")]
    assert other.headline in home


def test_every_edit_to_a_story_or_what_it_shows_renders_its_fragments_again(client):
    image = make_image(caption="Ministers arrive", credit="Jan Peeters")
    author = make_author("Anna Berg")
    article = make_article("Council drafts a deal", authors=[author], lead_image=image, tags=["budget"])
    url = article.get_absolute_url()
    assertContains(client.get(url), "Ministers arrive")

    image.caption, image.credit = "Ministers leave", "Eva Claes"
    image.save()
    author.name = "Anna Berg-Smit"
    author.save()
    article.headline = "Council seals the deal"
    article.save()
    page = client.get(url)
    for shown in ("Ministers leave", "Eva Claes", "Anna Berg-Smit", "Council seals the deal"):
        assertContains(page, shown)
    assertNotContains(page, "Ministers arrive")
    assertContains(client.get("/"), "Council seals the deal")


def test_a_page_rendered_after_an_edit_asks_when_the_next_story_comes_out_once(client, monkeypatch):
    for n in range(5):
        make_article(f"Story {n}")
    client.get("/")
    make_article("One more")  # every teaser is rendered again, each kept until the next publication at most
    asked = []

    class Recording:
        def __getattr__(self, name):
            return getattr(cache, name)

        def get(self, key, *args, **kwargs):
            asked.append(key)
            return cache.get(key, *args, **kwargs)

    monkeypatch.setattr(pagecache, "cache", Recording())
    assertContains(client.get("/"), "One more")
    assert sum(key.endswith("next-publication") for key in asked) == 1


def test_a_related_story_scheduled_for_later_joins_the_article_on_time(client):
    now = timezone.now()
    article = make_article("Council drafts a deal", tags=["budget"], publish_at=now - timedelta(hours=1))
    url = article.get_absolute_url()
    with time_machine.travel(now, tick=False):
        make_article("Budget vote tonight", tags=["budget"], publish_at=now + timedelta(minutes=2))
        assertNotContains(client.get(url), "Budget vote tonight")
    with time_machine.travel(now + timedelta(minutes=2, seconds=1), tick=False):
        assertContains(client.get(url), "Budget vote tonight")


def test_an_article_s_links_name_the_host_it_was_asked_on(client):
    url = make_article("Council drafts a deal").get_absolute_url()
    assertContains(client.get(url, HTTP_HOST="localhost"), f'rel="canonical" href="http://localhost{url}"')
    assertContains(client.get(url, HTTP_HOST="127.0.0.1"), f'rel="canonical" href="http://127.0.0.1{url}"')


def test_a_preview_and_the_public_page_keep_their_own_fragments(client):
    article = make_article("Council drafts a deal")
    client.force_login(make_user(role="Editor"))
    assertContains(
        client.get(reverse("articles:preview", args=[article.pk])), 'name="robots" content="noindex, nofollow"'
    )
    client.logout()
    public = client.get(article.get_absolute_url())
    assertNotContains(public, "noindex")
    assertContains(public, 'rel="canonical"')


def test_an_article_s_fragments_speak_the_reader_s_language_around_the_story_s_own(client):
    article = make_article("Council drafts a deal", tags=["budget"], publish_at=timezone.now() - timedelta(hours=1))
    make_article("Budget vote tonight", tags=["budget"])
    english = client.get(article.get_absolute_url())
    french = client.get(article.get_absolute_url(), headers={"accept-language": "fr"})
    assertContains(english, "Related stories")
    assertContains(french, "À lire aussi")
    assertContains(french, "Topics")  # the English story's own words stay English


def test_a_teaser_names_its_section_except_on_that_section_s_own_page(client):
    politics = make_section("Politics")
    make_article("Parliament votes", section=politics, tags=["budget"])
    kicker = '<p class="kicker"><a href="/section/politics/">Politics</a></p>'
    assertContains(client.get("/tag/budget/"), kicker)
    assertNotContains(client.get(politics.get_absolute_url()), kicker)
    assertContains(client.get("/tag/budget/"), kicker)  # the two pages keep their own fragment
