import io

import pytest
from django.core.management import call_command

from articles.models import Article
from comments.models import Comment

pytestmark = pytest.mark.django_db


def seed(**options):
    call_command("seed_demo", stdout=io.StringIO(), stderr=io.StringIO(), **options)


def test_seed_demo_comments_adds_threaded_comments_that_the_counts_match(settings):
    settings.NEWSROOM_RENDITION_WIDTHS = (320,)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.DEBUG = True
    seed(comments=3)
    first = Article.objects.published().filter(comments_open=True).first()
    assert Comment.objects.filter(article=first).count() == 3
    assert Comment.objects.filter(parent__isnull=False).exists()  # some are replies
    for article in Article.objects.published():
        assert article.comment_count == Comment.objects.visible().filter(article=article).count()
    seed(comments=3)  # a rerun adds none to articles that have comments already
    assert Comment.objects.filter(article=first).count() == 3


def test_seeded_discussions_are_whole_threads_that_the_article_page_shows(client):
    from django.core.management import call_command as run

    from articles.tests.factories import make_article, make_user

    make_user("desk", role="Editor")
    article = make_article("Ministers agree on the budget")
    run("seed_comments", per_article=12, stdout=io.StringIO())
    comments = {c.pk: c for c in Comment.objects.filter(article=article)}
    assert len(comments) == 12
    for comment in comments.values():  # each path is its parent's and its own id, one step per level
        parent_path = comments[comment.parent_id].path if comment.parent_id else ""
        assert comment.path == f"{parent_path}{comment.pk:010d}/"
        assert comment.depth == comment.path.count("/")
    article.refresh_from_db()
    page = client.get(article.get_absolute_url()).content.decode()
    assert f'<span class="comments__count">{article.comment_count}</span> responses to' in page
    shown = [c for c in comments.values() if c.is_visible]
    assert len(shown) == article.comment_count and all(f'id="comment-{c.pk}"' in page for c in shown)
