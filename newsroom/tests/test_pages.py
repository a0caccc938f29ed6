"""Site-wide pages: the front page, the error pages, robots.txt and the interface language."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.test import RequestFactory
from django.utils import timezone
from django.views.defaults import server_error
from pytest_django.asserts import assertContains, assertNotContains

from articles.images import make_renditions
from articles.models import Article
from articles.tests.factories import make_article, make_author, make_image, make_section
from comments.services import comment_count_refresh

pytestmark = pytest.mark.django_db


def hours_ago(hours):
    return timezone.now() - timedelta(hours=hours)


def lead_headline(response):
    html = response.content.decode()
    assert html.count('id="lead-headline"') == 1
    return html.split('id="lead-headline"')[1].split("</h2>")[0]


def test_home_leads_with_the_featured_story_and_lists_the_latest_news(client):
    make_article("Newest story", publish_at=hours_ago(1), standfirst="The freshest news of the day.")
    make_article(
        "Featured investigation", is_featured=True, publish_at=hours_ago(5), authors=[make_author("Claire Dubois")]
    )

    response = client.get("/")

    assert "Featured investigation" in lead_headline(response)
    assertContains(response, '<a href="/author/claire-dubois/">Claire Dubois</a>', html=True)
    assertContains(response, "Latest news")
    assertContains(response, "The freshest news of the day.")


def test_home_leads_with_the_newest_story_when_none_is_featured(client):
    make_article("Older story", publish_at=hours_ago(3))
    make_article("Newest story", publish_at=hours_ago(1))
    assert "Newest story" in lead_headline(client.get("/"))


def test_home_never_shows_drafts_scheduled_or_unpublished_articles(client):
    make_article("Public story")
    make_article("Draft story", published=False, is_featured=True)
    make_article("Scheduled story", publish_at=timezone.now() + timedelta(hours=2), is_featured=True, is_breaking=True)
    make_article("Withdrawn story", status=Article.Status.UNPUBLISHED, publish_at=hours_ago(1), is_breaking=True)

    response = client.get("/")

    assertContains(response, "Public story")
    for hidden in ("Draft story", "Scheduled story", "Withdrawn story", "Breaking"):
        assertNotContains(response, hidden)


def test_home_announces_breaking_news(client):
    breaking = make_article("Summit collapses", is_breaking=True)
    make_article("Quieter story")
    assertContains(
        client.get("/"),
        f'<p class="breaking"><strong class="breaking__label">Breaking</strong> '
        f'<a href="{breaking.get_absolute_url()}" lang="en">Summit collapses</a></p>',
        html=True,
    )


def test_home_without_news_says_so(client):
    make_article("Draft story", published=False)
    response = client.get("/")
    assertContains(response, "There is no news to show yet.")
    assertNotContains(response, "Draft story")


def test_home_groups_top_stories_by_section(client):
    economy, climate = make_section("Economy", position=1), make_section("Climate", position=2)
    for i in range(8):
        make_article(f"Economy story {i}", section=economy, publish_at=hours_ago(i + 1))
    make_article("Climate story", section=climate, publish_at=hours_ago(9))

    html = client.get("/").content.decode()
    sections = html.split('<div class="sections-grid">')[1].split("</main>")[0]

    assert sections.index('href="/section/economy/">Economy') < sections.index('href="/section/climate/">Climate')
    assert "Economy story 6" in sections and "Economy story 7" not in sections  # the lead, then six per section
    assert "Climate story" in sections


@pytest.mark.parametrize("count", [5, 50])
def test_home_queries_do_not_grow_with_the_newsroom(client, django_assert_max_num_queries, count):
    sections = [make_section(f"Section {i}", position=i) for i in range(4)]
    for i in range(count):
        image = make_image()
        make_renditions(image)
        make_article(
            section=sections[i % 4],
            authors=[make_author(), make_author()],
            tags=["budget"],
            lead_image=image,
            is_breaking=i == 3,
            publish_at=hours_ago(i + 1),
        )

    # Rendered afresh: the stories; the pictured ones' images, renditions and bylines; navigation; latest news.
    with django_assert_max_num_queries(6):
        response = client.get("/")
    assertContains(response, "Breaking")
    # Again after a comment, which every page shows in a count: the stories' fragments are reused, and the stories
    # are read as no more than what keys them (articles.stories), the sidebar and sections as they were.
    comment_count_refresh(article_id=Article.objects.first().pk)
    with django_assert_max_num_queries(2) as queries:
        again = client.get("/")
    assert again.content == response.content
    assert not [query for query in queries if '"headline"' in query["sql"]]


def test_not_found_page_wears_the_site_design(client, settings):
    make_section("Economy")
    response = client.get("/no-such-page/")
    assertContains(response, "We could not find that page", status_code=404)
    assertContains(response, settings.SITE_NAME, status_code=404)
    assertContains(response, "/static/css/site.css", status_code=404)
    assertContains(response, 'href="/section/economy/"', status_code=404)


def test_server_error_page_needs_neither_context_nor_database(settings, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert settings.SITE_NAME in response.content.decode()
    assert "Something went wrong on our side" in response.content.decode()


def test_robots_txt_keeps_crawlers_out_of_the_desk_previews_and_language_links(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Disallow: /preview/" in lines
    assert "Disallow: /language/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_language_switcher_turns_the_interface_french(client):
    make_article("Ministers agree")
    home = client.get("/")
    switch = re.search(r'<a href="([^"]+)" lang="fr" hreflang="fr" rel="nofollow">Français</a>', home.content.decode())
    assert switch, "no link to the French interface in the masthead"

    response = client.get(unescape(switch[1]))
    assert (response.status_code, response["Location"]) == (302, "/")

    page = client.get(response["Location"])
    assertContains(page, '<html lang="fr">')
    assertContains(page, "Dernières nouvelles")
    assertContains(page, "Aller au contenu")
    assertContains(page, 'lang="fr" hreflang="fr" rel="nofollow" aria-current="true">Français</a>')


def test_a_story_whose_section_is_newer_than_the_kept_navigation_still_has_its_section(django_assert_num_queries):
    from newsroom.views import with_sections

    article = Article.objects.get(pk=make_article(section=make_section("Climate")).pk)
    with django_assert_num_queries(1):
        with_sections([article], sections=[])  # the kept list predates the section
    assert article.section.name == "Climate"
