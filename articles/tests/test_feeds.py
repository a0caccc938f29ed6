import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.tests.factories import make_article, make_author, make_image, make_section

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def newsroom():
    eu, world = make_section("EU affairs"), make_section("World")
    writer = make_author("Anna Keller")
    live = make_article("Council agrees budget", section=eu, authors=[writer], tags=["Budget"], lead_image=make_image())
    make_article(
        "Summit in Nairobi", section=world, tags=["Africa"], publish_at=timezone.now() - timezone.timedelta(hours=2)
    )
    make_article("Secret draft", section=eu, published=False, tags=["Budget"], authors=[writer])
    make_article("Pulled story", section=eu, status=Article.Status.UNPUBLISHED, tags=["Budget"])
    make_article("Tomorrow's news", section=eu, publish_at=timezone.now() + timezone.timedelta(hours=3))
    return {"eu": eu, "writer": writer, "live": live}


def titles(response):
    root = ET.fromstring(response.content)
    return [e.text for e in root.iter("title")][1:] or [e.text for e in root.iter(f"{ATOM}title")][1:]


def test_latest_rss_carries_only_published_articles_with_their_metadata(client, newsroom):
    response = client.get(reverse("feeds:latest"))
    assert response["Content-Type"].startswith("application/rss+xml")
    assert titles(response) == ["Council agrees budget", "Summit in Nairobi"]
    item = ET.fromstring(response.content).find("channel/item")
    assert [c.text for c in item.findall("category")] == ["EU affairs", "Budget"]
    assert "Anna Keller" in item.find("{http://purl.org/dc/elements/1.1/}creator").text
    assert item.find("{http://purl.org/rss/1.0/modules/slash/}comments").text == "0"
    assert item.find("comments").text.endswith("#comments")
    enclosure = item.find("enclosure")
    assert enclosure.get("url").startswith("http://testserver/media/") and enclosure.get("type") == "image/jpeg"


def test_atom_feed_has_the_same_articles(client, newsroom):
    response = client.get(reverse("feeds:latest_atom"))
    root = ET.fromstring(response.content)
    assert [e.find(f"{ATOM}title").text for e in root.iter(f"{ATOM}entry")] == [
        "Council agrees budget",
        "Summit in Nairobi",
    ]
    assert root.find(f"{ATOM}entry/{ATOM}updated") is not None


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("feeds:section", {"slug": "eu-affairs"}),
        ("feeds:tag", {"slug": "budget"}),
        ("feeds:author", {"slug": "anna-keller"}),
    ],
)
def test_narrow_feeds_never_leak_drafts(client, newsroom, name, kwargs):
    response = client.get(reverse(name, kwargs=kwargs))
    assert titles(response) == ["Council agrees budget"]


def test_unknown_section_feed_is_404(client, newsroom):
    assert client.get(reverse("feeds:section", kwargs={"slug": "nope"})).status_code == 404


def test_sitemaps_list_only_public_articles(client, newsroom):
    index = client.get(reverse("sitemap"))
    assert b"sitemap-articles.xml" in index.content and b"sitemap-sections.xml" in index.content
    articles = client.get("/sitemap-articles.xml").content.decode()
    assert newsroom["live"].get_absolute_url() in articles
    assert "secret-draft" not in articles and "tomorrow" not in articles


def test_news_sitemap_lists_the_last_two_days(client, newsroom):
    make_article("Old story", publish_at=timezone.now() - timezone.timedelta(days=3))
    response = client.get(reverse("news_sitemap"))
    root = ET.fromstring(response.content)
    news_titles = [e.text for e in root.iter("{http://www.google.com/schemas/sitemap-news/0.9}title")]
    assert sorted(news_titles) == ["Council agrees budget", "Summit in Nairobi"]
