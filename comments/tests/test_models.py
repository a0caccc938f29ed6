import pytest

from articles.tests.factories import make_article
from comments.models import Comment
from comments.tests.factories import make_comment

pytestmark = pytest.mark.django_db

Status = Comment.Status


def visible_names(article):
    return list(Comment.objects.visible().filter(article=article).values_list("name", flat=True))


def test_replies_store_their_depth_and_path_so_path_order_is_reading_order():
    article = make_article()
    first = make_comment(article, name="first")
    make_comment(article, name="second")
    reply = make_comment(article, first, name="reply")
    reply_to_reply = make_comment(article, reply, name="reply to reply")
    assert (first.depth, reply.depth, reply_to_reply.depth) == (1, 2, 3)
    assert reply_to_reply.path == f"{first.pk:010d}/{reply.pk:010d}/{reply_to_reply.pk:010d}/"
    assert visible_names(article) == ["first", "reply", "reply to reply", "second"]
    assert reply_to_reply.root_id == first.pk


def test_a_reply_under_a_held_or_spammed_comment_is_not_visible():
    article = make_article()
    held = make_comment(article, status=Status.PENDING, name="held")
    make_comment(article, held, name="under held")
    spam = make_comment(article, status=Status.SPAM, name="spam")
    deep = make_comment(article, make_comment(article, spam, name="under spam"), name="deep under spam")
    make_comment(article, name="fine")
    assert visible_names(article) == ["fine"]
    assert deep.depth == 3


def test_replies_to_a_removed_comment_stay_visible_and_the_placeholder_is_not_counted():
    article = make_article()
    removed = make_comment(article, status=Status.REMOVED, name="removed")
    make_comment(article, removed, name="reply")
    assert visible_names(article) == ["reply"]
    assert list(Comment.objects.displayable().filter(article=article).values_list("name", flat=True)) == [
        "removed",
        "reply",
    ]
