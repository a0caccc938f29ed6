"""What search engines and social networks read from an article page."""

import json
import re

import pytest

from articles.models import Article
from articles.tests.factories import make_article, make_author, make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    image = make_image()
    from articles.images import make_renditions

    make_renditions(image)
    story = make_article(
        'Ministers say "</script><script>alert(1)</script>" is not a plan',
        authors=[make_author("Anna Keller"), make_author("Luc Martin")],
        tags=["Energy", "Budget"],
        lead_image=image,
    )
    french = make_article("Les ministres s'accordent", language="fr")
    story.translations.add(french)
    return Article.objects.get(pk=story.pk)


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_news_article_structured_data_is_valid_json_with_the_facts(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    data = json_ld(html)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.headline  # the hostile headline survives as text
    assert [a["name"] for a in data["author"]] == ["Anna Keller", "Luc Martin"]
    assert data["datePublished"] == article.publish_at.isoformat()
    assert data["dateModified"] >= data["datePublished"]
    assert data["inLanguage"] == "en" and data["articleSection"] == "EU affairs"
    assert data["publisher"]["name"]
    assert all(url.startswith("http://testserver/media/") for url in data["image"])
    assert "<script>alert(1)</script>" not in html


def test_open_graph_twitter_canonical_and_hreflang(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    url = f"http://testserver{article.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert re.search(r'<meta property="og:image" content="http://testserver/media/[^"]+">', html)
    assert 'hreflang="fr"' in html and 'hreflang="en"' in html
    assert '<meta property="article:tag" content="Energy">' in html
