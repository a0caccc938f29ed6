from datetime import UTC, datetime

import pytest
import time_machine
from django.db import IntegrityError
from django.urls import set_script_prefix
from django.utils import timezone, translation

from articles.models import Article
from articles.templatetags.newsroom_tags import timestamp
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


def test_an_address_follows_the_slug_the_script_prefix_and_the_reader_s_time_zone():
    article = make_article("Ministers agree", publish_at=timezone.make_aware(datetime(2026, 11, 29, 23, 30), UTC))
    assert article.get_absolute_url() == "/2026/11/30/ministers-agree/"  # Brussels is an hour ahead of UTC
    with timezone.override("UTC"):
        assert article.get_absolute_url() == "/2026/11/29/ministers-agree/"
    article.slug = "ministers-agree-on-the-budget"
    assert article.get_absolute_url() == "/2026/11/30/ministers-agree-on-the-budget/"
    set_script_prefix("/news/")
    try:
        assert article.get_absolute_url() == "/news/2026/11/30/ministers-agree-on-the-budget/"
        assert article.section.get_absolute_url().startswith("/news/section/")
    finally:
        set_script_prefix("/")


def test_a_timestamp_is_spelt_in_the_language_and_time_zone_shown():
    moment = timezone.make_aware(datetime(2026, 11, 29, 23, 30), UTC)
    assert timestamp(moment) == '<time datetime="2026-11-30T00:30:00+0100">30 November 2026, 00:30</time>'
    with translation.override("fr"):
        assert timestamp(moment) == '<time datetime="2026-11-30T00:30:00+0100">30 novembre 2026, 00:30</time>'
    with timezone.override("UTC"):
        assert timestamp(moment) == '<time datetime="2026-11-29T23:30:00+0000">29 November 2026, 23:30</time>'
