import pytest
from django.urls import reverse

from articles.tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_results_show_highlighted_snippets_and_never_drafts(client):
    make_article("Energy ministers meet", standfirst="Gas storage dominates the energy talks.")
    make_article("Energy plan leaked", published=False)
    response = client.get(reverse("search"), {"q": "energy"})
    html = response.content.decode()
    assert "1 article found for “energy”" in html
    assert "Energy ministers meet" in html and "Energy plan leaked" not in html
    assert "<mark>energy</mark>" in html.lower()


def test_pages_keep_the_query(client):
    for n in range(25):
        make_article(f"Budget talks round {n}")
    first = client.get(reverse("search"), {"q": "budget"}).content.decode()
    assert 'href="?q=budget&amp;page=2"' in first
    second = client.get(reverse("search"), {"q": "budget", "page": 2}).content.decode()
    assert second.count('class="teaser"') == 5


@pytest.mark.parametrize("q", ["", "!!!", "<script>alert(1)</script>", "x" * 3000, "AND (", '"'])
def test_empty_or_absurd_queries_get_a_friendly_page(client, q):
    response = client.get(reverse("search"), {"q": q, "page": "abc"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_the_search_box_is_on_every_page(client):
    html = client.get(reverse("home")).content.decode()
    assert 'role="search"' in html and 'name="q"' in html
