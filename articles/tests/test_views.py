"""The readers' article pages: what a reader sees, what stays hidden, and how many queries it costs."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.images import make_renditions
from articles.models import Article, Correction, SlugRedirect
from articles.tests.factories import image_upload, make_article, make_author, make_image, make_section, make_user
from articles.views import preview_token

pytestmark = pytest.mark.django_db

HIDDEN = {
    "draft": {"published": False},
    "in review": {"published": False, "status": Article.Status.REVIEW},
    "unpublished": {"status": Article.Status.UNPUBLISHED, "publish_at": timezone.now() - timedelta(days=1)},
    "scheduled": {"publish_at": timezone.now() + timedelta(days=1)},
}


def make_full_article(authors=None, **extra):
    """A published story with everything the article page can show."""
    image = make_image(
        file=image_upload(width=700, height=400), caption="Flags in the wind.", credit="Reuters/Y. Herman"
    )
    make_renditions(image)
    article = make_article(
        "Ministers agree on a budget rulebook",
        authors=authors or [make_author(), make_author()],
        tags=["budget", "eurozone"],
        dateline="Brussels",
        lead_image=image,
        body="<p>Finance ministers met on Tuesday.</p>",
        **extra,
    )
    Correction.objects.create(article=article, text="An earlier version gave the wrong deficit limit.")
    return article


def test_article_page_shows_the_story_with_its_furniture(client):
    article = make_full_article(authors=[make_author("Claire Dubois"), make_author("Jan de Vries")])
    french = make_article("Accord sur les règles budgétaires", language="fr")
    unfinished = make_article("Traducción pendiente", published=False)
    article.translations.add(french, unfinished)

    response = client.get(article.get_absolute_url())

    assertContains(response, '<h1 class="article__headline">Ministers agree on a budget rulebook</h1>', html=True)
    assertContains(response, '<article class="article" lang="en">')
    assertContains(response, '<a href="/author/claire-dubois/">Claire Dubois</a>', html=True)
    assertContains(response, '<a href="/author/jan-de-vries/">Jan de Vries</a>', html=True)
    assertContains(response, '<p class="dateline">Brussels –</p>', html=True)
    assertContains(response, "<p>Finance ministers met on Tuesday.</p>", html=True)
    assertContains(response, f'datetime="{timezone.localtime(article.publish_at):%Y-%m-%dT%H:%M:%S%z}"')
    assertContains(response, '<a href="/tag/budget/">budget</a>', html=True)
    assertContains(response, "An earlier version gave the wrong deficit limit.")
    assertContains(response, f'<a href="{french.get_absolute_url()}" hreflang="fr" lang="fr">')
    assertContains(
        response, f'<link rel="alternate" hreflang="fr" href="http://testserver{french.get_absolute_url()}">'
    )
    assertNotContains(response, "Traducción pendiente")


def test_lead_image_is_a_responsive_picture_with_size_alt_and_credit(client):
    article = make_full_article()

    html = client.get(article.get_absolute_url()).content.decode()

    assert '<source type="image/webp" srcset="' in html
    assert "-320.webp 320w, " in html and "-640.webp 640w" in html
    assert "-320.jpeg 320w, " in html and "-640.jpeg 640w" in html
    assert 'width="700" height="400" alt="Flags outside the Berlaymont building"' in html
    assert "Flags in the wind." in html and "Reuters/Y. Herman" in html


@pytest.mark.parametrize("state", HIDDEN)
def test_articles_readers_may_not_see_are_404(client, state):
    article = make_article("Not for readers yet", **HIDDEN[state])
    assert client.get(article.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("state", HIDDEN)
def test_staff_preview_any_article_with_a_clear_banner(client, state):
    article = make_article("Not for readers yet", **HIDDEN[state])
    client.force_login(make_user(role="Editor"))

    response = client.get(reverse("articles:preview", args=[article.pk]))

    assertContains(response, "Not for readers yet")
    assertContains(response, "Preview — not published")
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_readers_cannot_use_the_staff_preview(client):
    article = make_article("Secret draft", published=False)
    response = client.get(reverse("articles:preview", args=[article.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_shared_preview_link_works_until_it_expires(client, settings):
    article = make_article("Shared draft", published=False)
    url = reverse("articles:shared_preview", args=[preview_token(article)])

    assertContains(client.get(url), "Preview — not published")
    later = timezone.now() + timedelta(hours=settings.NEWSROOM_PREVIEW_LINK_HOURS + 1)
    with time_machine.travel(later, tick=False):
        response = client.get(url)
    assertContains(response, "This preview link has expired", status_code=410)
    assertNotContains(response, "Shared draft", status_code=410)


def test_tampered_preview_link_is_404(client):
    article = make_article("Shared draft", published=False)
    token = preview_token(article)
    forged = token.replace(f"{article.pk}:", f"{article.pk + 1}:", 1)
    assert client.get(reverse("articles:shared_preview", args=[forged])).status_code == 404


def test_an_old_slug_redirects_to_the_current_address(client):
    article = make_article("Commission opens cloud inquiry")
    day = timezone.localdate(article.publish_at)
    SlugRedirect.objects.create(article=article, date=day, slug="old-slug")
    old_url = reverse(
        "articles:detail", kwargs={"year": day.year, "month": day.month, "day": day.day, "slug": "old-slug"}
    )

    response = client.get(old_url)

    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_an_old_slug_of_an_unpublished_article_does_not_reveal_it(client):
    article = make_article("Withdrawn", status=Article.Status.UNPUBLISHED)
    day = timezone.localdate(article.publish_at)
    SlugRedirect.objects.create(article=article, date=day, slug="old-slug")
    assert client.get(f"/{day:%Y/%m/%d}/old-slug/").status_code == 404


@pytest.mark.parametrize("path", ["/2026/11/xx/some-story/", "/99999999999999999999/01/01/some-story/", "/2026/1/1/x/"])
def test_malformed_dates_in_an_address_are_404(client, path):
    assert client.get(path).status_code == 404


@pytest.fixture
def listed():
    """25 published articles sharing a section, a tag and an author, plus hidden ones that share them too."""
    section, author = make_section("Climate"), make_author("Ana Sousa")
    for i in range(25):
        make_article(
            f"Climate story {i:02d}",
            section=section,
            authors=[author],
            tags=["energy"],
            publish_at=timezone.now() - timedelta(hours=i + 1),
        )
    for state, extra in HIDDEN.items():
        make_article(f"Hidden {state} story", section=section, authors=[author], tags=["energy"], **extra)
    return section, author


@pytest.mark.parametrize("path", ["/section/climate/", "/tag/energy/", "/author/ana-sousa/", "/archive/"])
def test_lists_show_only_published_articles_and_paginate(client, listed, path):
    first = client.get(path)
    assertContains(first, "Climate story 00")
    assertContains(first, "Climate story 19")
    assertNotContains(first, "Climate story 20")
    assertContains(first, '<a rel="next" href="?page=2">', html=False)
    assertNotContains(first, "Hidden")

    second = client.get(path, {"page": 2})
    assertContains(second, "Climate story 24")
    assertContains(second, f'<a rel="prev" href="{path}">')
    assertNotContains(second, 'rel="next"')
    assertNotContains(second, "Hidden")
    assert client.get(path, {"page": 3}).status_code == 404


def test_list_page_names_its_subject(client, listed, settings):
    author = listed[1]
    author.role, author.bio = "Climate reporter", "Ana covers energy and climate policy."
    author.save()

    response = client.get("/author/ana-sousa/")

    assertContains(response, "<h1>Ana Sousa</h1>", html=True)
    assertContains(response, "Climate reporter")
    assertContains(response, "Ana covers energy and climate policy.")
    assertContains(
        response,
        f'type="application/rss+xml" title="Ana Sousa – {settings.SITE_NAME}" href="/feeds/author/ana-sousa/rss/"',
    )


def test_month_archive_lists_that_month_and_empty_years_are_404(client):
    may = timezone.make_aware(timezone.datetime(2025, 5, 14, 10, 0))
    make_article("A story from May", publish_at=may)
    make_article("A draft from May", published=False, publish_at=may)

    response = client.get("/2025/05/")

    assertContains(response, "<h1>May 2025</h1>", html=True)
    assertContains(response, "A story from May")
    assertNotContains(response, "A draft from May")
    assertContains(client.get("/2025/"), 'href="/2025/05/"')
    assert client.get("/2024/").status_code == 404


@pytest.mark.parametrize("count", [5, 50])
def test_article_page_queries_do_not_grow_with_the_newsroom(
    client, django_assert_max_num_queries, django_capture_on_commit_callbacks, count
):
    with django_capture_on_commit_callbacks(execute=True):  # committed, as the desk's saves are
        for i in range(count):
            make_full_article(slug=f"story-{i}", publish_at=timezone.now() - timedelta(minutes=i + 1))
        article = Article.objects.get(slug="story-0")
        article.translations.add(make_article("Version française", language="fr"))

    # 8 for the story: article with section and image; renditions, bylines, tags, corrections, translations;
    # navigation; latest news. 2 for the comment thread the comments app puts in the `comments` block.
    with django_assert_max_num_queries(10):
        response = client.get(article.get_absolute_url())
    assertContains(response, "Version française")


def sqlite_steps(client, url):
    """The virtual-machine steps SQLite runs while serving `url`: a measure of rows read that time cannot blur."""
    steps = [0]

    def tick():
        steps[0] += 1
        return 0  # go on

    connection.ensure_connection()
    connection.connection.set_progress_handler(tick, 1)
    try:
        assert client.get(url).status_code == 200
    finally:
        connection.connection.set_progress_handler(None, 0)
    return steps[0]


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="counts SQLite's steps; PostgreSQL plans with statistics")
def test_an_article_page_reads_no_more_of_a_larger_archive(client, settings):
    settings.NEWSROOM_PAGE_CACHE = settings.NEWSROOM_FRAGMENT_CACHE = False
    article = make_full_article()
    article.translations.add(make_article("Version française", language="fr"))
    url = article.get_absolute_url()
    small = sqlite_steps(client, url)

    section, long_ago = article.section, timezone.now() - timedelta(days=400)
    Article.objects.bulk_create(
        Article(
            headline=f"Archive story {n}",
            slug=f"archive-{n}",
            section=section,
            body="<p>Old news.</p>",
            status=Article.Status.PUBLISHED,
            publish_at=long_ago - timedelta(hours=n),
        )
        for n in range(2000)
    )
    large = sqlite_steps(client, url)
    assertContains(client.get(url), "Version française")
    # Some growth is the sidebar's eight latest stories filling up (two before); reading the archive was 30×.
    assert large < small * 2, f"{small} steps with a few articles, {large} with 2,000 more"


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no query planner worth sparing")
def test_postgresql_plans_the_article_page_query_once_per_connection(client, settings):
    """Planning the article's query cost PostgreSQL four times running it; a prepared statement is planned once."""
    settings.NEWSROOM_PAGE_CACHE = settings.NEWSROOM_FRAGMENT_CACHE = False
    article = make_full_article()
    for _ in range(6):  # psycopg prepares a query on its fifth run
        assert client.get(article.get_absolute_url()).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]
    assert any('FROM "articles_article"' in statement and '"slug" = $' in statement for statement in prepared), prepared


@pytest.mark.django_db
def test_lists_show_the_visible_comment_count(client):
    section = make_section("Economy")
    make_article("Quiet story", section=section)
    make_article("Talked-about story", section=section, comment_count=3)
    make_article("One reply", section=section, comment_count=1)
    html = client.get(section.get_absolute_url()).content.decode()
    assert html.count("#comments") == 2
    assert "3 comments" in html and "1 comment<" in html


def test_tags_with_accents_have_working_pages_and_feeds(client):
    article = make_article("Prix du gaz", language="fr", tags=["énergie"])
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    tag_url = reverse("articles:tag", kwargs={"slug": "énergie"})
    assert tag_url in page.content.decode()
    assert "Prix du gaz" in client.get(tag_url).content.decode()
    assert client.get(reverse("feeds:tag", kwargs={"slug": "énergie"})).status_code == 200


def test_related_stories_share_tags_and_are_public():
    story = make_article("Gas storage filled", tags=["Energy", "Russia"])
    both = make_article("Pipeline halted", tags=["Energy", "Russia"])
    one = make_article("Wind auction", tags=["Energy"])
    make_article("Energy draft", tags=["Energy"], published=False)
    make_article("Unrelated", tags=["Budget"])
    make_article("Old news", tags=["Energy", "Russia"], publish_at=timezone.now() - timedelta(days=60))
    related = list(Article.objects.related_to(Article.objects.get(pk=story.pk)))
    assert related == [both, one]


def test_article_page_links_related_stories(client):
    story = make_article("Gas storage filled", tags=["Energy"])
    make_article("Pipeline halted", tags=["Energy"])
    html = client.get(story.get_absolute_url()).content.decode()
    assert "Related stories" in html and "Pipeline halted" in html
