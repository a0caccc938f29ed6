"""A discussion's HTML goes into its page after the page is rendered (newsroom/insertions.py): readers see the same."""

import pytest
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory

from articles.tests.factories import make_article
from comments.tests.factories import make_comment
from newsroom.insertions import InsertionMiddleware, insert


def serve(view):
    return InsertionMiddleware(view)(RequestFactory().get("/"))


def test_each_piece_of_html_lands_where_its_marker_was():
    def view(request):
        first, second = insert(request, ["<li>un</li>", "<li>deux é</li>"]), insert(request, ["<p>€</p>"])
        return HttpResponse(f"<ol>{first}</ol><!-- a comment of the page's own --><div>{second}</div>")

    assert serve(view).content.decode() == "<ol><li>un</li><li>deux é</li></ol><!-- a comment of the page's own -->" + (
        "<div><p>€</p></div>"
    )


def test_without_the_middleware_the_html_is_printed_where_it_is_asked_for():
    assert insert(RequestFactory().get("/"), ["<li>un</li>", "<li>deux</li>"]) == "<li>un</li><li>deux</li>"


def test_a_streamed_answer_is_left_alone():
    def view(request):
        insert(request, ["<li>un</li>"])
        return StreamingHttpResponse(iter([b"streamed"]))

    assert b"".join(serve(view).streaming_content) == b"streamed"


@pytest.mark.django_db
@pytest.mark.parametrize("page_cache", [False, True])
def test_an_article_page_carries_its_discussion_whole_and_no_marker(client, settings, page_cache):
    settings.NEWSROOM_PAGE_CACHE = page_cache
    article = make_article()
    first = make_comment(article, text="First, and “quoted”.")
    make_comment(article, first, text="A reply.")
    for _ in range(2):  # rendered, then (page cache on) served as kept
        html = client.get(article.get_absolute_url()).content.decode()
        assert "<!--insertion" not in html
        assert html.index("First, and “quoted”.") < html.index("A reply.") < html.index('id="respond"')
        assert '<ol class="comment-replies">' in html
