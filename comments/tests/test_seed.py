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
