import pytest
import time_machine
from django.db import IntegrityError
from django.utils import timezone

from articles.models import Article
from articles.tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_only_published_articles_whose_time_has_come_are_public():
    live = make_article("Live")
    make_article("Draft", published=False)
    make_article("Review", published=False, status=Article.Status.REVIEW)
    make_article("Unpublished", status=Article.Status.UNPUBLISHED)
    scheduled = make_article("Tomorrow", publish_at=timezone.now() + timezone.timedelta(days=1))

    assert list(Article.objects.published()) == [live]
    assert scheduled.is_scheduled and not scheduled.is_published
    with time_machine.travel(timezone.now() + timezone.timedelta(days=1, minutes=1)):
        assert set(Article.objects.published()) == {live, scheduled}
        assert scheduled.is_published


def test_slug_comes_from_the_headline_and_is_numbered_within_a_day():
    when = timezone.now() - timezone.timedelta(hours=2)
    first = make_article("Council agrees budget", publish_at=when)
    second = make_article("Council agrees budget", publish_at=when)
    assert (first.slug, second.slug) == ("council-agrees-budget", "council-agrees-budget-2")


def test_the_database_refuses_two_articles_with_one_slug_on_one_day():
    when = timezone.now() - timezone.timedelta(hours=2)
    make_article("One", slug="same", publish_at=when)
    with pytest.raises(IntegrityError):
        make_article("Two", slug="same", publish_at=when)


def test_the_same_slug_on_another_day_is_fine():
    make_article("One", slug="same", publish_at=timezone.now() - timezone.timedelta(days=3))
    make_article("Two", slug="same")
    assert Article.objects.filter(slug="same").count() == 2


def test_changing_a_published_slug_keeps_the_old_address_working(client):
    article = make_article("Old headline")
    old_url = article.get_absolute_url()
    article = Article.objects.get(pk=article.pk)
    article.slug = "new-headline"
    article.save()

    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_a_draft_changing_slug_leaves_no_redirect():
    article = make_article("Draft", published=False)
    article = Article.objects.get(pk=article.pk)
    article.slug = "renamed"
    article.save()
    assert not article.old_slugs.exists()


def test_excerpt_falls_back_to_the_body_without_gluing_paragraphs():
    article = make_article(standfirst="", body="<p>First sentence.</p><p>Second sentence.</p>")
    assert article.excerpt == "First sentence. Second sentence."
