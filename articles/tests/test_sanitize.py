import pytest

from articles.sanitize import sanitize_html
from articles.tests.factories import make_article

HOSTILE = [
    ("<p>Hi<script>alert(1)</script></p>", "<script"),
    ('<p onclick="steal()">Hi</p>', "onclick"),
    ('<img src=x onerror="alert(1)">', "onerror"),
    ('<a href="javascript:alert(1)">link</a>', "javascript:"),
    ('<a href="JaVaScRiPt:alert(1)">link</a>', "alert(1)"),
    ('<p style="background:url(javascript:x)">Hi</p>', "style"),
    ("<iframe src='https://evil.example'></iframe>", "<iframe"),
    ("<svg><script>alert(1)</script></svg>", "alert"),
    ('<form action="https://evil.example"><input name="password"></form>', "<form"),
]


@pytest.mark.parametrize(("html", "forbidden"), HOSTILE)
def test_hostile_markup_is_removed(html, forbidden):
    assert forbidden.lower() not in sanitize_html(html).lower()


def test_normal_formatting_is_kept():
    html = (
        "<h2>What was agreed</h2><p>The <strong>Council</strong> and <em>Parliament</em> agreed.</p>"
        "<ul><li>One</li><li>Two</li></ul><blockquote><p>“A good day,” she said.</p></blockquote>"
    )
    assert sanitize_html(html) == html


def test_links_keep_their_address_and_gain_a_safe_rel():
    cleaned = sanitize_html('<p><a href="https://europa.eu/">EU</a></p>')
    assert 'href="https://europa.eu/"' in cleaned
    assert 'rel="noopener noreferrer"' in cleaned


def test_empty_editor_output_is_stored_as_empty():
    assert sanitize_html("<p></p>") == ""


@pytest.mark.django_db
def test_article_body_is_sanitised_whatever_saves_it():
    article = make_article(body='<p onmouseover="x()">Text<script>alert(1)</script></p>')
    article.refresh_from_db()
    assert article.body == "<p>Text</p>"
