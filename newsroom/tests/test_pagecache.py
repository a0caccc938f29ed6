"""The whole-page cache as readers and the newsroom meet it: hits, freshness after every change, who bypasses it."""

import io
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Correction
from articles.services import article_publish, article_unpublish, correction_add
from articles.tests.factories import make_article, make_author, make_section, make_user
from articles.views import preview_token
from comments.forms import COMMENTER_COOKIE
from comments.models import Comment, Policy
from comments.services import comment_approve, comment_create, comment_remove, commenter_erase
from comments.tests.factories import make_comment
from newsroom import pagecache

pytestmark = pytest.mark.django_db

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_TOKEN = re.compile(r'name="timestamp" value="([^"]+)"')


def outcome(response):
    return response.get("X-Page-Cache")


def first(pattern, response):
    return pattern.search(response.content.decode())[1]


def comment_as_a_reader(reader, article, *, text, name, csrf_token=None):
    """The article page, then its form posted ten seconds later, as a person would (or with a forged `csrf_token`)."""
    page = reader.get(article.get_absolute_url())
    with time_machine.travel(timezone.now() + timedelta(seconds=10)):
        fields = {"text": text, "name": name, "email": "ines@example.eu", "timestamp": first(FORM_TOKEN, page)}
        fields["csrfmiddlewaretoken"] = csrf_token or first(CSRF_INPUT, page)
        return reader.post(reverse("comments:post", args=[article.pk]), fields)


def test_a_second_anonymous_visit_is_served_from_the_cache_without_a_query(client, django_assert_num_queries):
    article = make_article("Ministers agree on the budget")
    make_comment(article, text="Long overdue.")

    for url in ("/", article.get_absolute_url(), reverse("feeds:latest")):
        assert outcome(client.get(url)) == "miss"
        with django_assert_num_queries(0):
            again = client.get(url)
        assert outcome(again) == "hit"
        assertContains(again, "Ministers agree on the budget")
    assertContains(client.get(article.get_absolute_url()), "Long overdue.")
    assert outcome(client.head("/")) == "hit"


def test_publishing_editing_correcting_and_unpublishing_show_at_once(client):
    editor = make_user(role="Editor")
    article = make_article("Council drafts a deal", published=False)
    assertNotContains(client.get("/"), "Council drafts a deal")

    article_publish(article=article, user=editor)
    assertContains(client.get("/"), "Council drafts a deal")
    url = article.get_absolute_url()
    client.get(url)

    article.headline = "Council seals the deal"
    article.save()
    assertContains(client.get(url), "Council seals the deal")
    assertContains(client.get("/"), "Council seals the deal")

    correction_add(article=article, user=editor, text="The vote was on Tuesday, not Monday.")
    assertContains(client.get(url), "The vote was on Tuesday, not Monday.")

    article_unpublish(article=article, user=editor)
    assert client.get(url).status_code == 404
    assertNotContains(client.get("/"), "Council seals the deal")


def test_bylines_tags_sections_and_deleted_corrections_show_at_once(client):
    article = make_article("Parliament votes", section=make_section("Politics"))
    correction = Correction.objects.create(article=article, text="The vote count was 401, not 410.")
    url = article.get_absolute_url()
    assertContains(client.get(url), "The vote count was 401")

    article.bylines.add(make_author("Anna Berg"), through_defaults={"position": 0})
    article.tags.add("Energy union")
    correction.delete()
    page = client.get(url)
    assertContains(page, "Anna Berg")
    assertContains(page, "Energy union")
    assertNotContains(page, "The vote count was 401")

    article.section.name = "EU politics"
    article.section.save()
    assertContains(client.get("/"), "EU politics")


def test_comments_appearing_and_disappearing_refresh_the_article_and_the_lists(client):
    moderator = make_user(role="Moderator")
    article = make_article("Budget talks stall")
    make_article("The lead story")  # newer: the one commented on is a teaser with its count
    held = make_comment(article, status=Comment.Status.PENDING, text="Nobody asked the regions.")
    pages = [article.section.get_absolute_url(), "/"]
    assertNotContains(client.get(article.get_absolute_url()), "Nobody asked the regions.")
    for url in pages:
        assertNotContains(client.get(url), "1 comment")

    comment_approve(comment=held, actor=moderator)
    assertContains(client.get(article.get_absolute_url()), "Nobody asked the regions.")
    for url in pages:
        assertContains(client.get(url), "1 comment")

    comment_remove(comment=held, actor=moderator)
    assertNotContains(client.get(article.get_absolute_url()), "Nobody asked the regions.")
    for url in pages:
        assertNotContains(client.get(url), "1 comment")

    deleted = make_comment(article, text="Worth a second look.")
    assertContains(client.get(article.get_absolute_url()), "Worth a second look.")
    deleted.delete()
    assertNotContains(client.get(article.get_absolute_url()), "Worth a second look.")


def test_an_erased_commenter_disappears_from_cached_pages(client):
    article = make_article()
    make_comment(article, name="Ines Moreau", email="ines@example.eu")
    url = article.get_absolute_url()
    assertContains(client.get(url), "Ines Moreau")

    commenter_erase(email="ines@example.eu", actor=make_user(role="Moderator"))
    assertNotContains(client.get(url), "Ines Moreau")


def test_a_scheduled_article_appears_on_time_though_pages_were_cached_just_before(client):
    now = timezone.now()
    make_article("Already out")
    with time_machine.travel(now, tick=False):
        make_article("Embargoed summit statement", publish_at=now + timedelta(minutes=2))
        assertNotContains(client.get("/"), "Embargoed summit statement")
    with time_machine.travel(now + timedelta(minutes=1), tick=False):
        still = client.get("/")
        assert outcome(still) == "hit"
        assertNotContains(still, "Embargoed summit statement")
    with time_machine.travel(now + timedelta(minutes=2, seconds=1), tick=False):
        assertContains(client.get("/"), "Embargoed summit statement")


def test_a_schedule_saved_in_a_transaction_holds_for_pages_cached_before_and_after_its_commit(
    client, django_capture_on_commit_callbacks
):
    now = timezone.now()
    make_article("Already out")
    with time_machine.travel(now, tick=False):
        client.get("/")
        with django_capture_on_commit_callbacks(execute=True) as committed:
            make_article("Embargoed summit statement", publish_at=now + timedelta(minutes=2))
            assertNotContains(client.get("/"), "Embargoed summit statement")  # cached before the commit
        assert committed
        assertNotContains(client.get("/"), "Embargoed summit statement")  # and after it
    with time_machine.travel(now + timedelta(minutes=2, seconds=1), tick=False):
        assertContains(client.get("/"), "Embargoed summit statement")


def test_staff_never_get_or_fill_the_cache(client):
    article = make_article("Ministers agree")
    url = article.get_absolute_url()
    staff = Client()
    staff.force_login(make_user(role="Editor"))

    assert outcome(staff.get(url)) is None
    assert outcome(client.get(url)) == "miss"
    assert outcome(staff.get(url)) is None


def test_a_reader_sees_their_held_comment_and_nobody_else_does(client):
    Policy.objects.create(pk=1, moderation="all")
    article = make_article()
    url = article.get_absolute_url()
    reader = Client()
    comment_as_a_reader(reader, article, text="Who pays for this?", name="Ines")
    mine = reader.get(url)
    assert outcome(mine) is None
    assertContains(mine, "Who pays for this?")
    for _ in ("miss", "hit"):
        assertNotContains(client.get(url), "Who pays for this?")


def test_a_reader_whose_form_remembers_them_is_never_served_or_stored_a_shared_page(client):
    Policy.objects.create(pk=1, moderation="none")
    article = make_article()
    url = article.get_absolute_url()
    reader = Client()
    posted = comment_as_a_reader(reader, article, text="Who pays?", name="Ines Moreau")
    assert posted.status_code == 302 and "sessionid" not in posted.cookies  # no session for a published comment
    for _ in range(2):
        mine = reader.get(url)
        assert outcome(mine) is None
        assertContains(mine, 'value="ines@example.eu"')
    for _ in ("miss", "hit"):
        assertNotContains(client.get(url), "ines@example.eu")
    forged = Client()
    forged.cookies[COMMENTER_COOKIE] = "e30:forged:signature"
    assertNotContains(forged.get(url), "ines@example.eu")


def test_preview_links_are_never_cached(client):
    article = make_article("Draft: the new commissioners", published=False)
    url = reverse("articles:shared_preview", args=[preview_token(article)])
    assert outcome(client.get(url)) is None

    article.headline = "Draft: the new college of commissioners"
    article.save()
    again = client.get(url)
    assert outcome(again) is None
    assert again["Cache-Control"] == "private, no-store"
    assertContains(again, "Draft: the new college of commissioners")


def test_a_conditional_get_is_answered_not_modified_until_the_page_changes(client):
    article = make_article("Ministers agree")
    url = article.get_absolute_url()
    page = client.get(url)

    assert client.get(url, headers={"if-none-match": page["ETag"]}).status_code == 304
    assert client.get(url, headers={"if-modified-since": page["Last-Modified"]}).status_code == 304
    article.headline = "Ministers agree on the budget"
    article.save()
    changed = client.get(url, headers={"if-none-match": page["ETag"]})
    assert changed.status_code == 200
    assert changed["ETag"] != page["ETag"]


def test_pages_without_a_post_form_may_be_kept_by_a_cdn_and_an_article_page_stays_private(client, settings):
    article = make_article()
    settings.NEWSROOM_PAGE_CACHE_CDN_SECONDS = 60
    for url in ("/", article.section.get_absolute_url(), reverse("search"), reverse("feeds:latest")):
        shared = client.get(url)
        assert shared["Cache-Control"] == "public, max-age=0, s-maxage=60, must-revalidate", url
        assert "Accept-Language" in shared["Vary"] and "Cookie" in shared["Vary"]
    assert client.get(article.get_absolute_url())["Cache-Control"] == "private, max-age=0, must-revalidate"


def test_a_cached_home_page_gives_a_cookieless_visitor_no_cookie_and_no_csrf_token():
    make_article()
    for expected in ("miss", "hit"):
        home = Client().get("/")
        assert outcome(home) == expected
        assert not home.cookies
        assertNotContains(home, "csrfmiddlewaretoken")


def test_every_visitor_gets_their_own_csrf_token_from_a_cached_page():
    Policy.objects.create(pk=1, moderation="none")
    article = make_article()
    url = article.get_absolute_url()
    first_visitor, second_visitor = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    mine, theirs = first_visitor.get(url), second_visitor.get(url)
    assert (outcome(mine), outcome(theirs)) == ("miss", "hit")
    assert "@@pagecache" not in mine.content.decode() + theirs.content.decode()

    comment = {"text": "Who pays for this?", "name": "Ines"}
    forged = comment_as_a_reader(second_visitor, article, **comment, csrf_token=first(CSRF_INPUT, mine))
    assert forged.status_code == 403
    assert not article.comments.exists()
    own = comment_as_a_reader(second_visitor, article, **comment)
    assert own.status_code == 302
    assert article.comments.get().text == "Who pays for this?"


def test_a_comment_form_from_a_cached_page_carries_the_time_it_was_served(settings):
    settings.NEWSROOM_COMMENTS_MIN_SECONDS = 3
    Policy.objects.create(pk=1, moderation="none")
    article = make_article()
    url, start = article.get_absolute_url(), timezone.now()
    with time_machine.travel(start, tick=False):
        Client().get(url)
    reader = Client(enforce_csrf_checks=True)
    with time_machine.travel(start + timedelta(seconds=60), tick=False):
        page = reader.get(url)
    assert outcome(page) == "hit"
    fields = {"text": "Who pays for this?", "name": "Ines", "email": "ines@example.eu"}
    fields |= {"timestamp": first(FORM_TOKEN, page), "csrfmiddlewaretoken": first(CSRF_INPUT, page)}

    with time_machine.travel(start + timedelta(seconds=61), tick=False):
        too_quick = reader.post(reverse("comments:post", args=[article.pk]), fields)
    assertContains(too_quick, "That was quick!")
    with time_machine.travel(start + timedelta(seconds=65), tick=False):
        posted = reader.post(reverse("comments:post", args=[article.pk]), fields)
    assert posted.status_code == 302
    assert article.comments.get().text == "Who pays for this?"


def test_a_form_the_templates_print_a_real_token_into_is_not_shared():
    comment = make_comment(make_article())
    url = reverse("comments:report", args=[comment.pk])
    Client().get(url)
    reader = Client(enforce_csrf_checks=True)
    page = reader.get(url)
    assert outcome(page) is None
    report = reader.post(url, {"reason": "spam", "csrfmiddlewaretoken": first(CSRF_INPUT, page)})
    assert report.status_code == 200


def test_only_paging_and_search_parameters_share_pages(client):
    make_article("Budget talks stall")
    assert [outcome(client.get("/search/", {"q": "budget"})) for _ in range(2)] == ["miss", "hit"]
    assert outcome(client.get("/", {"utm_source": "newsletter"})) is None
    assert outcome(client.get("/search/", {"q": "budget", "page": ["1", "2"]})) is None


def test_each_language_has_its_own_page(client):
    make_article()
    assertContains(client.get("/"), "Skip to content")
    client.cookies["django_language"] = "fr"
    assertContains(client.get("/"), "Aller au contenu")


def test_a_deploy_retires_every_cached_page_and_fragment_at_once(client):
    make_article("Ministers agree")
    client.get("/")
    assert outcome(client.get("/")) == "hit"
    out = io.StringIO()
    call_command("retire_cached_pages", stdout=out)
    assert "retired" in out.getvalue()
    with CaptureQueriesContext(connection) as queries:
        assert outcome(client.get("/")) == "miss"
    assert any("articles_author" in query["sql"] for query in queries)  # the teasers' bylines: rendered anew


def test_retiring_cached_pages_with_the_cache_down_says_so():
    down = mock.patch.object(pagecache.versions, "advance", side_effect=ConnectionError("Connection refused"))
    with down, pytest.raises(CommandError, match="Connection refused.*NEWSROOM_PAGE_CACHE_SECONDS"):
        call_command("retire_cached_pages", stdout=io.StringIO())


def test_the_cache_can_be_switched_off(client, settings):
    settings.NEWSROOM_PAGE_CACHE = False
    make_article("Ministers agree")
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/")
    assert outcome(again) is None
    assert len(queries) > 0
    assertContains(again, "Ministers agree")
    assert "@@pagecache" not in again.content.decode()


def test_a_hot_page_is_rendered_once_when_many_readers_arrive_together(monkeypatch):
    readers = 50
    renders, waiting = [], []
    all_waiting, counting = threading.Event(), threading.Lock()
    wait_for = pagecache._wait_for

    def counted_wait(key, lock):
        with counting:
            waiting.append(key)
            if len(waiting) == readers - 1:
                all_waiting.set()
        return wait_for(key, lock)

    def breaking_news(request):
        renders.append(request.path)
        all_waiting.wait(timeout=10)  # the renderer finishes once every other reader is waiting for it
        return HttpResponse("<p>Breaking</p>")

    monkeypatch.setattr(pagecache, "_wait_for", counted_wait)
    factory = RequestFactory()
    pagecache.PageCacheMiddleware(lambda request: HttpResponse("warm"))(factory.get("/warm/"))  # one DB look-up
    middleware = pagecache.PageCacheMiddleware(breaking_news)
    start = threading.Barrier(readers)

    def read(_):
        start.wait()
        return middleware(factory.get("/hot/"))

    with ThreadPoolExecutor(readers) as pool:
        responses = list(pool.map(read, range(readers)))

    assert renders == ["/hot/"]
    assert {response.content for response in responses} == {b"<p>Breaking</p>"}


def test_a_cache_outage_costs_speed_not_the_site(client, settings):
    """Redis down: readers still get pages and editors can still save; nothing is cached meanwhile."""
    from unittest import mock

    from articles.tests.factories import make_article

    article = make_article("Cache server down")
    editor = Client()
    editor.force_login(make_user(role="Editor"))
    with (
        mock.patch("newsroom.pagecache.cache.get", side_effect=ConnectionError("down")),
        mock.patch("newsroom.pagecache.cache.get_many", side_effect=ConnectionError("down")),
        mock.patch("newsroom.pagecache.cache.incr", side_effect=ConnectionError("down")),
    ):
        response = client.get("/")
        assert response.status_code == 200 and "Cache server down" in response.content.decode()
        assertContains(editor.get(article.get_absolute_url()), "Cache server down")  # never from the page cache
        article.headline = "Saved while the cache was down"
        article.save()
    assert "Saved while the cache was down" in client.get("/").content.decode()


def test_a_cache_failing_as_an_edit_commits_leaves_the_edit_saved_and_logs_it(
    client, caplog, django_capture_on_commit_callbacks
):
    from unittest import mock

    article = make_article("Before the outage")
    with (
        mock.patch("newsroom.pagecache.cache.set", side_effect=ConnectionError("down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        article.headline = "Saved as the cache went down"
        article.save()
    assert "ConnectionError: down" in caplog.text
    article.refresh_from_db()
    assert article.headline == "Saved as the cache went down"
    assertContains(client.get("/"), "Saved as the cache went down")


def test_a_comment_after_a_scheduled_save_keeps_pages_to_the_embargo(client, django_capture_on_commit_callbacks):
    """A comment's bump takes the next publication time from the generation before instead of looking it up."""
    Policy.objects.create(pk=1, moderation="none")
    now = timezone.now()
    article = make_article("Already out")
    with time_machine.travel(now, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            make_article("Embargoed summit statement", publish_at=now + timedelta(minutes=2))
        with django_capture_on_commit_callbacks(execute=True), CaptureQueriesContext(connection) as queries:
            comment_create(article=article, name="Ines", email="ines@example.eu", text="Who pays for this?")
        assert not [query for query in queries if 'ORDER BY "articles_article"."publish_at" ASC' in query["sql"]]
        assertContains(client.get(article.get_absolute_url()), "Who pays for this?")
        assertNotContains(client.get("/"), "Embargoed summit statement")
    with time_machine.travel(now + timedelta(minutes=1), tick=False):
        assert outcome(client.get("/")) == "hit"
    with time_machine.travel(now + timedelta(minutes=2, seconds=1), tick=False):
        assertContains(client.get("/"), "Embargoed summit statement")
