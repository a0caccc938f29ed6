"""`manage.py seed_demo`: the demo newsroom someone sees after `make run`."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.demo.people import DEMO_PASSWORD, USERS
from articles.demo.pictures import CREDIT
from articles.models import Article, ArticleAuthor, Author, Image, Rendition, Section, TaggedArticle

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]
DEMO_USERNAMES = [username for username, *_ in USERS]


def seed(**options):
    out, err = io.StringIO(), io.StringIO()
    call_command("seed_demo", stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """Seed once for the module, inside a transaction rolled back at the end; each test runs in a savepoint."""
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), transaction.atomic():
        # Two rendition widths instead of four halve the seeding time; the code path is the same.
        with override_settings(
            DEBUG=True, MEDIA_ROOT=media, PASSWORD_HASHERS=FAST_HASHER, NEWSROOM_RENDITION_WIDTHS=(320, 640)
        ):
            output, _ = seed()
        yield {"media": media, "output": output}
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _demo_settings(settings, demo):
    settings.MEDIA_ROOT = demo["media"]
    settings.PASSWORD_HASHERS = FAST_HASHER
    settings.NEWSROOM_RENDITION_WIDTHS = (320, 640)
    settings.DEBUG = True


def counts():
    models = [Section, Author, Article, ArticleAuthor, TaggedArticle, Tag, Image, Rendition, get_user_model()]
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.django_db
def test_first_run_reports_each_step_and_the_logins(demo):
    output = demo["output"]
    for line in ("Sections: 6 new", "Authors: 9 new", "Images: 12 new", "Articles: 37 new"):
        assert line in output
    assert "1 scheduled, 1 in review, 2 drafts" in output
    assert f"http://127.0.0.1:8000/admin/ — admin / editor / reporter / moderator, password: {DEMO_PASSWORD}" in output


@pytest.mark.django_db
def test_demo_has_thirty_published_articles_in_english_and_french():
    published = Article.objects.published()
    assert published.count() >= 30
    assert published.filter(language="fr").count() >= 4
    assert published.filter(is_featured=True).count() == 1
    assert published.filter(is_breaking=True).count() == 1
    assert published.annotate(n=Count("bylines")).filter(n=0).count() == 0
    assert all(article.lead_image_id for article in published)


@pytest.mark.django_db
def test_publication_times_spread_over_weeks_and_bodies_are_rich_html():
    published = Article.objects.published()
    days = set(published.annotate(day=TruncDate("publish_at")).values_list("day", flat=True))
    assert len(days) >= 15
    lead = published.get(is_featured=True)
    assert len(lead.body.split()) > 300
    for tag in ("<p>", "<h2>", "<blockquote>", "<ul>"):
        assert tag in lead.body
    assert not lead.was_updated  # stored times agree with publication, so no "updated" label


@pytest.mark.django_db
def test_tags_recur_across_articles():
    published = Article.objects.published()
    for name in ("Ukraine", "Energy", "Migration", "Budget", "Parliament"):
        assert published.filter(tags__name=name).count() >= 3, name


@pytest.mark.django_db
def test_english_lead_and_its_french_translation_are_linked_both_ways():
    english = Article.objects.get(slug="eu-leaders-agree-ukraine-reconstruction-fund")
    french = english.translations.get()
    assert french.language == "fr"
    assert french.headline.startswith("Les Vingt-Sept s'accordent")
    assert list(french.translations.all()) == [english]


@pytest.mark.django_db
def test_scheduled_story_goes_live_tomorrow():
    scheduled = Article.objects.scheduled().get()
    assert timezone.localdate(scheduled.publish_at) == timezone.localdate() + timedelta(days=1)
    assert not Article.objects.published().filter(pk=scheduled.pk).exists()
    with time_machine.travel(scheduled.publish_at + timedelta(minutes=1), tick=False):
        assert Article.objects.published().filter(pk=scheduled.pk).exists()


@pytest.mark.django_db
def test_one_story_waits_in_review_and_the_reporter_has_drafts():
    reporter = get_user_model().objects.get(username="reporter")
    assert Article.objects.in_review().get().created_by == reporter
    assert Article.objects.drafts_of(reporter).count() == 2


@pytest.mark.django_db
def test_a_dozen_pictures_with_credits_and_renditions_are_shared_by_the_articles(demo):
    images = Image.objects.filter(credit=CREDIT)
    assert images.count() == 12
    for image in images:
        assert (image.width, image.height) == (1600, 900)
        assert image.alt_text and image.caption
        assert sorted(image.renditions.values_list("width", "format")) == [
            (320, "jpeg"),
            (320, "webp"),
            (640, "jpeg"),
            (640, "webp"),
        ]
        assert (demo["media"] / image.file.name).is_file()
        assert all((demo["media"] / r.file.name).is_file() for r in image.renditions.all())
    used = Article.objects.exclude(lead_image=None).values("lead_image").distinct().count()
    assert 8 <= used <= 12


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("username", "group"), [("admin", None), ("editor", "Editor"), ("reporter", "Reporter"), ("moderator", "Moderator")]
)
def test_demo_login_opens_the_admin(client, username, group):
    user = get_user_model().objects.get(username=username)
    assert user.is_staff
    assert user.is_superuser == (group is None)
    assert list(user.groups.values_list("name", flat=True)) == ([group] if group else [])
    response = client.post(
        reverse("admin:login"), {"username": username, "password": DEMO_PASSWORD, "next": reverse("admin:index")}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.django_db
def test_editor_and_reporter_write_under_their_own_bylines():
    editor = Author.objects.get(user__username="editor")
    reporter = Author.objects.get(user__username="reporter")
    assert editor.role and editor.bio and editor.articles.exists()
    assert reporter.role and reporter.bio and reporter.articles.exists()


@pytest.mark.django_db
def test_second_run_creates_nothing_and_says_so():
    before = counts()
    output, _ = seed()
    assert counts() == before
    assert "Demo newsroom already present." in output
    assert "password: newsroom-demo" in output


@pytest.mark.django_db
def test_generated_articles_are_published_with_bylines_tags_and_demo_pictures():
    before = counts()
    visible = Article.objects.published().count()
    last_pk = Article.objects.order_by("-pk").values_list("pk", flat=True).first()

    output, progress = seed(articles=200)

    new = Article.objects.filter(pk__gt=last_pk)
    assert new.count() == 200
    assert Article.objects.published().count() == visible + 200
    assert new.annotate(n=Count("bylines")).filter(n=0).count() == 0
    assert new.annotate(n=Count("tags")).filter(n=0).count() == 0
    assert set(new.values_list("lead_image__credit", flat=True)) == {CREDIT}
    assert counts()["Image"] == before["Image"]
    assert new.filter(language="fr").exists() and new.filter(language="en").exists()
    assert new.values("headline").distinct().count() > 100
    # Older than the hand-written stories, so the home page still opens on them.
    assert new.filter(publish_at__gt=timezone.now() - timedelta(days=40)).count() == 0
    assert not any(article.was_updated for article in new)
    assert "200/200" in progress
    assert "Archive articles: 200 new" in output


@pytest.mark.django_db
def test_archive_articles_added_in_bulk_show_on_pages_cached_before(client, settings):
    settings.NEWSROOM_PAGE_CACHE = True
    seed(articles=1)  # the archive's tags exist from now on: the next run saves nothing one at a time
    url = reverse("articles:archive")
    client.get(url)
    before = client.get(url)
    assert before["X-Page-Cache"] == "hit"

    seed(articles=50)
    oldest = Article.objects.published().earliest("publish_at").publish_at
    year = reverse("articles:archive_year", kwargs={"year": timezone.localtime(oldest).year})
    assert f'href="{year}"' not in before.content.decode()
    assert f'href="{year}"' in client.get(url).content.decode()


@pytest.mark.django_db
def test_generated_slugs_never_clash_within_a_day():
    seed(articles=300)
    clashes = (
        Article.objects.annotate(day=TruncDate("publish_at"))
        .values("day", "slug")
        .annotate(n=Count("id"))
        .filter(n__gt=1, day__isnull=False)
    )
    assert not clashes.exists()


@pytest.mark.django_db
def test_no_demo_logins_when_debug_is_off(settings):
    get_user_model().objects.filter(username__in=DEMO_USERNAMES).delete()
    articles = Article.objects.count()
    settings.DEBUG = False

    output, _ = seed()

    assert not get_user_model().objects.filter(username__in=DEMO_USERNAMES).exists()
    assert "Demo logins not created" in output
    assert DEMO_PASSWORD not in output
    assert Article.objects.count() == articles


@pytest.mark.django_db
def test_force_users_creates_logins_even_when_debug_is_off(settings):
    get_user_model().objects.filter(username__in=DEMO_USERNAMES).delete()
    settings.DEBUG = False

    output, _ = seed(force_users=True)

    assert get_user_model().objects.filter(username__in=DEMO_USERNAMES).count() == 4
    assert DEMO_PASSWORD in output
