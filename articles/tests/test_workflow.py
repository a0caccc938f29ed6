"""The editorial workflow as journalists meet it in the admin: forms, bulk actions, revisions."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from articles.tests.factories import make_article, make_author, make_section, make_user

pytestmark = pytest.mark.django_db

Status = Article.Status


def desk_client(user):
    """A logged-in client that, like a browser, must send the CSRF token the page gave it."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def csrf_token(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()).group(1)


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def form_data(article=None, **changes):
    """What the article form posts: the article's current values, the inlines' management forms, changes."""
    data = {
        "headline": "Council agrees on the 2027 budget",
        "slug": "",
        "standfirst": "Member states settle after a night of talks.",
        "body": "<p>Finance ministers met in Brussels.</p>",
        "dateline": "Brussels",
        "language": "en",
        "section": make_section("EU affairs").pk,
        "tags": "",
        "status": Status.DRAFT,
        "comments_open": "on",
        "seo_title": "",
        "seo_description": "",
        "articleauthor_set-TOTAL_FORMS": "0",
        "articleauthor_set-INITIAL_FORMS": "0",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
    }
    if article is not None:
        data.update(
            headline=article.headline,
            slug=article.slug,
            standfirst=article.standfirst,
            body=article.body,
            section=article.section_id,
            status=article.status,
        )
        if article.publish_at:
            local = timezone.localtime(article.publish_at)
            data.update(publish_at_0=f"{local:%Y-%m-%d}", publish_at_1=f"{local:%H:%M:%S}")
    data.update(changes)
    return data


def post_form(client, url, data):
    """Fetch the form (for its CSRF token) and post it, as a browser would."""
    page = client.get(url)
    assert page.status_code == 200
    return client.post(url, {**data, "csrfmiddlewaretoken": csrf_token(page)})


def run_action(client, action, articles):
    changelist = reverse("admin:articles_article_changelist")
    page = client.get(changelist)
    return client.post(
        changelist,
        {
            "action": action,
            "_selected_action": [a.pk for a in articles],
            "csrfmiddlewaretoken": csrf_token(page),
        },
        follow=True,
    )


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def reporter():
    return make_user("rita", role="Reporter")


@pytest.fixture
def editor():
    return make_user("eddie", role="Editor")


# --- Reporters ---------------------------------------------------------------------------------


def test_reporter_creates_a_draft_through_the_add_form(reporter):
    client = desk_client(reporter)

    response = post_form(client, reverse("admin:articles_article_add"), form_data())

    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.headline, article.status, article.created_by) == (
        "Council agrees on the 2027 budget",
        Status.DRAFT,
        reporter,
    )
    assert article.slug == "council-agrees-on-the-2027-budget"


def test_reporter_is_offered_only_draft_and_review(reporter):
    page = desk_client(reporter).get(reverse("admin:articles_article_add"))

    offered = re.findall(
        r'<option value="(\w+)"', page.content.decode().split('name="status"')[1].split("</select>")[0]
    )
    assert offered == [Status.DRAFT, Status.REVIEW]


def test_reporter_submits_for_review_from_the_form(reporter):
    article = make_article(published=False, created_by=reporter)

    post_form(desk_client(reporter), change_url(article), form_data(article, status=Status.REVIEW))

    article.refresh_from_db()
    assert article.status == Status.REVIEW


def test_reporter_submits_for_review_with_the_bulk_action(reporter):
    mine = make_article(published=False, created_by=reporter)
    theirs = make_article(published=False, created_by=make_user(role="Reporter"))

    response = run_action(desk_client(reporter), "submit_for_review", [mine, theirs])

    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.status, theirs.status) == (Status.REVIEW, Status.DRAFT)
    assert "1 article set to “In review”; 1 refused." in messages_of(response)


def test_reporter_forged_publish_on_the_form_is_refused(reporter):
    article = make_article(published=False, created_by=reporter)

    response = post_form(desk_client(reporter), change_url(article), form_data(article, status=Status.PUBLISHED))

    assert response.status_code == 200
    assert "You do not have permission to set this article&#x27;s status to “Published”." in response.content.decode()
    article.refresh_from_db()
    assert (article.status, article.publish_at) == (Status.DRAFT, None)


def test_reporter_forged_publish_on_the_add_form_is_refused(reporter):
    response = post_form(desk_client(reporter), reverse("admin:articles_article_add"), form_data(status="published"))

    assert "status to “Published”" in response.content.decode()
    assert not Article.objects.exists()


def test_reporter_cannot_sneak_a_schedule_in(reporter):
    article = make_article(published=False, created_by=reporter)
    forged = form_data(article, status=Status.REVIEW, publish_at_0="2031-05-09", publish_at_1="09:00:00")

    response = post_form(desk_client(reporter), change_url(article), forged)

    assert "Only an editor can set the publish time." in response.content.decode()
    article.refresh_from_db()
    assert (article.status, article.publish_at) == (Status.DRAFT, None)


def test_reporter_forged_bulk_publish_is_refused(reporter):
    article = make_article(published=False, created_by=reporter)

    response = run_action(desk_client(reporter), "publish_now", [article])

    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert "No action selected." in messages_of(response)


def test_reporter_sees_another_reporters_article_read_only(reporter):
    theirs = make_article("Someone else's scoop", published=False, created_by=make_user(role="Reporter"))
    client = desk_client(reporter)

    page = client.get(change_url(theirs))
    assert page.status_code == 200
    assert "Someone else" in page.content.decode()
    assert 'name="_save"' not in page.content.decode()

    token = csrf_token(client.get(reverse("admin:articles_article_add")))
    forged = client.post(change_url(theirs), {**form_data(theirs, headline="Mine now"), "csrfmiddlewaretoken": token})
    assert forged.status_code == 403
    theirs.refresh_from_db()
    assert theirs.headline == "Someone else's scoop"


def test_reporter_cannot_change_their_article_once_published(reporter, editor):
    article = make_article("Live story", created_by=reporter)
    client = desk_client(reporter)

    assert 'name="_save"' not in client.get(change_url(article)).content.decode()
    token = csrf_token(client.get(reverse("admin:articles_article_add")))
    forged = client.post(change_url(article), {**form_data(article, headline="Edited"), "csrfmiddlewaretoken": token})
    assert forged.status_code == 403
    article.refresh_from_db()
    assert article.headline == "Live story"


def test_add_page_ignores_workflow_values_in_the_address(reporter):
    page = desk_client(reporter).get(reverse("admin:articles_article_add") + "?status=published&headline=Hello")

    html = page.content.decode()
    assert 'value="Hello"' in html
    assert 'value="published"' not in html


# --- Editors -----------------------------------------------------------------------------------


def test_editor_publishes_from_the_form(editor):
    article = make_article(published=False, status=Status.REVIEW, created_by=make_user(role="Reporter"))

    post_form(desk_client(editor), change_url(article), form_data(article, status=Status.PUBLISHED))

    article.refresh_from_db()
    assert article.is_published
    assert article in Article.objects.published()
    assert article.first_published_at == article.publish_at


def test_editor_schedules_and_the_article_goes_live_on_time(editor):
    article = make_article(published=False, status=Status.REVIEW)
    at = timezone.localtime() + timedelta(days=2)
    scheduled = form_data(
        article, status=Status.PUBLISHED, publish_at_0=f"{at:%Y-%m-%d}", publish_at_1=f"{at:%H:%M:00}"
    )

    post_form(desk_client(editor), change_url(article), scheduled)

    assert article not in Article.objects.published()
    assert article in Article.objects.scheduled()
    changelist = desk_client(editor).get(reverse("admin:articles_article_changelist"))
    assert "Scheduled" in changelist.content.decode()
    with time_machine.travel(at + timedelta(minutes=1)):
        assert article in Article.objects.published()


def test_editor_bulk_publishes_and_unpublishes(editor):
    drafts = [make_article(published=False) for _ in range(2)]
    client = desk_client(editor)

    response = run_action(client, "publish_now", drafts)

    assert "2 articles set to “Published”." in messages_of(response)
    assert set(Article.objects.published()) == set(drafts)

    run_action(client, "unpublish", drafts[:1])

    assert list(Article.objects.published()) == drafts[1:]
    drafts[0].refresh_from_db()
    assert drafts[0].status == Status.UNPUBLISHED


def test_publish_now_brings_a_scheduled_article_forward(editor):
    article = make_article(publish_at=timezone.now() + timedelta(days=3))

    run_action(desk_client(editor), "publish_now", [article])

    assert article in Article.objects.published()


def test_editor_adds_a_correction_and_the_article_shows_an_update(editor):
    article = make_article("Budget story")
    before = article.updated_at
    data = form_data(
        article,
        **{"corrections-TOTAL_FORMS": "1", "corrections-0-text": "An earlier version gave the wrong total."},
    )

    response = post_form(desk_client(editor), change_url(article), data)

    assert response.status_code == 302
    correction = article.corrections.get()
    assert (correction.text, correction.created_by) == ("An earlier version gave the wrong total.", editor)
    article.refresh_from_db()
    assert article.updated_at > before
    assert "An earlier version gave the wrong total." in desk_client(editor).get(change_url(article)).content.decode()


def test_reporters_are_not_offered_corrections(reporter):
    article = make_article(published=False, created_by=reporter)

    page = desk_client(reporter).get(change_url(article))

    assert "corrections-TOTAL_FORMS" not in page.content.decode()


def test_bylines_are_saved_in_order(reporter):
    first, second = make_author("Anna Lindqvist"), make_author("Marc Dubois")
    data = form_data(
        **{
            "articleauthor_set-TOTAL_FORMS": "2",
            "articleauthor_set-0-author": second.pk,
            "articleauthor_set-0-position": "2",
            "articleauthor_set-1-author": first.pk,
            "articleauthor_set-1-position": "1",
        }
    )

    post_form(desk_client(reporter), reverse("admin:articles_article_add"), data)

    article = Article.objects.for_listing().get()
    assert [a.name for a in article.bylines.all()] == ["Anna Lindqvist", "Marc Dubois"]


# --- Revisions ---------------------------------------------------------------------------------


def edit_twice(client, article):
    post_form(client, change_url(article), form_data(article, headline="Budget: first take"))
    article.refresh_from_db()
    post_form(client, change_url(article), form_data(article, headline="Budget: ministers strike a deal"))
    article.refresh_from_db()


def test_each_save_is_a_version_and_history_compares_them(editor):
    article = make_article("Budget talks")
    client = desk_client(editor)
    edit_twice(client, article)

    versions = Version.objects.get_for_object(article)
    assert versions.count() == 2
    history = client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert history.status_code == 200
    assert "eddie" in history.content.decode()

    newer, older = versions
    compare = client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"version_id1": older.pk, "version_id2": newer.pk},
    )
    assert compare.status_code == 200
    html = compare.content.decode()
    assert "first take" in html
    assert "ministers strike a deal" in html


def test_recovering_an_old_version_restores_its_headline(editor):
    article = make_article("Budget talks")
    client = desk_client(editor)
    edit_twice(client, article)
    older = Version.objects.get_for_object(article).last()
    url = reverse("admin:articles_article_revision", args=[article.pk, older.pk])

    page = client.get(url)
    assert page.status_code == 200
    assert "Budget: first take" in page.content.decode()
    article.refresh_from_db()
    assert article.headline == "Budget: ministers strike a deal"  # looking changes nothing

    client.post(url, {**form_data(article, headline="Budget: first take"), "csrfmiddlewaretoken": csrf_token(page)})

    article.refresh_from_db()
    assert article.headline == "Budget: first take"


def test_reporter_cannot_restore_a_published_version(reporter, editor):
    article = make_article("Story", published=False, created_by=reporter)
    post_form(desk_client(editor), change_url(article), form_data(article, status=Status.PUBLISHED))
    run_action(desk_client(editor), "unpublish", [article])
    published_version = next(
        v for v in Version.objects.get_for_object(article) if v.field_dict["status"] == "published"
    )
    client = desk_client(reporter)
    url = reverse("admin:articles_article_revision", args=[article.pk, published_version.pk])

    response = client.get(url, follow=True)

    assert "You do not have permission to set this article's status to “Published”." in messages_of(response)
    token = csrf_token(client.get(change_url(article)))
    client.post(url, {**form_data(article, status=Status.PUBLISHED), "csrfmiddlewaretoken": token})
    article.refresh_from_db()
    assert article.status == Status.UNPUBLISHED
    assert article not in Article.objects.published()


def test_restoring_a_bulk_action_version_leaves_the_other_articles_alone(editor):
    first, second = make_article("First", published=False), make_article("Second", published=False)
    client = desk_client(editor)
    run_action(client, "publish_now", [first, second])
    second.refresh_from_db()
    post_form(client, change_url(second), form_data(second, headline="Second, corrected"))
    bulk_version = Version.objects.get_for_object(first).first()
    first.refresh_from_db()
    url = reverse("admin:articles_article_revision", args=[first.pk, bulk_version.pk])

    post_form(client, url, form_data(first))

    second.refresh_from_db()
    assert second.headline == "Second, corrected"


def test_reporter_cannot_compare_versions_of_an_article_they_cannot_see():
    article = make_article()
    outsider = make_user(role="Moderator")

    response = desk_client(outsider).get(
        reverse("admin:articles_article_compare", args=[article.pk]), {"version_id1": 1, "version_id2": 2}
    )

    assert response.status_code == 403


def deleted_with_history(editor, **extra):
    article = make_article("Deleted by mistake", **extra)
    client = desk_client(editor)
    post_form(client, change_url(article), form_data(article))  # a first version
    delete = reverse("admin:articles_article_delete", args=[article.pk])
    client.post(delete, {"post": "yes", "csrfmiddlewaretoken": csrf_token(client.get(delete))})
    assert not Article.objects.exists()
    return Version.objects.get_deleted(Article).get()


def test_editor_recovers_a_deleted_article(editor):
    version = deleted_with_history(editor, published=False)
    client = desk_client(editor)

    listing = client.get(reverse("admin:articles_article_recoverlist"))
    assert "Deleted by mistake" in listing.content.decode()
    url = reverse("admin:articles_article_recover", args=[version.pk])
    post_form(client, url, form_data(headline="Deleted by mistake"))

    assert Article.objects.get().headline == "Deleted by mistake"


def test_reporter_cannot_recover_a_deleted_published_article(editor, reporter):
    version = deleted_with_history(editor)
    client = desk_client(reporter)

    response = client.get(reverse("admin:articles_article_recover", args=[version.pk]), follow=True)

    assert "You do not have permission to set this article's status to “Published”." in messages_of(response)
    assert not Article.objects.exists()


def test_bulk_publish_numbers_an_address_already_taken_that_day(editor):
    earlier_today = timezone.localtime().replace(hour=0, minute=1)
    first = make_article("Budget deal", slug="budget-deal", publish_at=earlier_today)
    draft = make_article("Budget deal", slug="budget-deal", published=False)

    response = run_action(desk_client(editor), "publish_now", [draft])

    assert "1 article set to “Published”." in messages_of(response)
    draft.refresh_from_db()
    assert draft.is_published and draft.slug == "budget-deal-2"
    assert first.get_absolute_url() != draft.get_absolute_url()


def test_publishing_from_the_form_on_a_day_whose_address_is_taken_numbers_the_slug(editor):
    make_article("Budget deal", slug="budget-deal", publish_at=timezone.localtime().replace(hour=0, minute=1))
    draft = make_article("Budget deal", slug="budget-deal", published=False)

    response = post_form(desk_client(editor), change_url(draft), form_data(draft, status=Status.PUBLISHED))

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_published and draft.slug == "budget-deal-2"
