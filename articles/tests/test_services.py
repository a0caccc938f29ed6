"""The workflow rule itself, the one every form, action and restore in the desk goes through."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from articles import services
from articles.models import Article
from articles.tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

Status = Article.Status


@pytest.fixture
def reporter():
    return make_user(role="Reporter")


@pytest.fixture
def editor():
    return make_user(role="Editor")


def test_reporter_edits_own_work_until_it_goes_live(reporter):
    draft = make_article(published=False, created_by=reporter)
    live = make_article(created_by=reporter)
    colleagues = make_article(published=False, created_by=make_user(role="Reporter"))

    assert services.can_edit(reporter, draft)
    assert not services.can_edit(reporter, live)
    assert not services.can_edit(reporter, colleagues)


def test_editor_edits_and_publishes_anything(editor):
    article = make_article(created_by=make_user(role="Reporter"))

    assert services.can_edit(editor, article)
    assert services.allowed_statuses(editor, article) == list(Status.values)


def test_reporter_may_only_choose_draft_or_review(reporter):
    assert services.allowed_statuses(reporter) == [Status.DRAFT, Status.REVIEW]
    unpublished = make_article(published=False, status=Status.UNPUBLISHED, created_by=reporter)
    assert Status.UNPUBLISHED in services.allowed_statuses(reporter, unpublished)


@pytest.mark.parametrize("status", [Status.PUBLISHED, Status.UNPUBLISHED])
def test_reporter_cannot_take_a_draft_further_than_review(reporter, status):
    draft = make_article(published=False, created_by=reporter)

    with pytest.raises(PermissionDenied):
        services.article_set_status(article=draft, user=reporter, status=status)

    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_submit_then_publish_stamps_the_publication_times(reporter, editor):
    article = make_article(published=False, created_by=reporter)

    services.article_submit(article=article, user=reporter)
    with time_machine.travel("2026-03-02 09:30 +01:00", tick=False):
        services.article_publish(article=article, user=editor)

    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.publish_at == article.first_published_at
    assert timezone.localtime(article.publish_at).strftime("%Y-%m-%d %H:%M") == "2026-03-02 09:30"


def test_a_scheduled_article_is_not_published_until_its_time(editor):
    article = make_article(published=False)
    at = timezone.now() + timedelta(hours=6)

    services.article_publish(article=article, user=editor, publish_at=at)

    assert article in Article.objects.scheduled()
    assert article not in Article.objects.published()
    with time_machine.travel(at + timedelta(seconds=1)):
        assert article in Article.objects.published()


def test_prepare_save_stamps_the_author_and_refuses_a_forged_status(reporter):
    article = Article(headline="Draft", status=Status.DRAFT)
    services.article_prepare_save(article=article, user=reporter, previous_status=None)
    assert article.created_by == reporter

    article.status = Status.PUBLISHED
    with pytest.raises(PermissionDenied):
        services.article_prepare_save(article=article, user=reporter, previous_status=Status.DRAFT)


def test_a_correction_moves_the_last_updated_time(editor):
    article = make_article()
    before = article.updated_at

    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        correction = services.correction_add(article=article, user=editor, text="The vote was 512 to 73.")

    article.refresh_from_db()
    assert list(article.corrections.all()) == [correction]
    assert article.updated_at - before >= timedelta(hours=2)
    assert article.was_updated


def test_only_editors_add_corrections(reporter):
    article = make_article(created_by=reporter)

    with pytest.raises(PermissionDenied):
        services.correction_add(article=article, user=reporter, text="Fixing my own typo.")

    assert not article.corrections.exists()


@time_machine.travel("2026-06-10 12:00 +0200")  # midday: "an hour ago" is the same day
def test_publishing_a_draft_whose_slug_is_taken_that_day_numbers_it():
    editor = make_user("ed2", role="Editor")
    make_article("Council agrees budget")
    draft = make_article("Council agrees budget", published=False, slug="council-agrees-budget")
    services.article_publish(article=draft, user=editor)
    draft.refresh_from_db()
    assert draft.is_published and draft.slug == "council-agrees-budget-2"
