"""
Several app servers behave as one site (issue 5, point 5).

Two gunicorn processes with production settings share one database and one cache: a fresh PostgreSQL database
and a Redis database of their own when the suite runs on them, else a SQLite file and a file cache. The tests
talk to them over HTTP only, as readers behind a load balancer without sticky sessions would. The whole-page
cache keeps its default (on), so a page one server has cached must never outlive a change made through the other.
"""

import re
import secrets

import psycopg
import pytest
from django.db import connection
from django.urls import reverse

from articles.tests.factories import PASSWORD

from .servers import Browser, clean_environ, form_fields, manage, running_servers, shared_state, shell

RATE_LIMIT = 12  # comments per address per window, above the ten of the discussion test

SETUP = """
import json
from django.utils import timezone
from articles.roles import EDITOR
from articles.tests.factories import make_article, make_section, make_user
from comments.models import Policy

make_user("editor", role=EDITOR)
Policy.objects.update_or_create(pk=1, defaults={"moderation": "none"})  # readers' comments show at once
earlier = timezone.now() - timezone.timedelta(hours=2)  # never the home page's lead, so its teaser shows the count
articles = {
    "published": make_article("Summit opens in Brussels"),
    "draft": make_article("Ministers strike a late night deal", published=False),
    "discussion": make_article("Readers debate the budget rules", section=make_section("Opinion"), publish_at=earlier),
    "limited": make_article("Parliament votes on farm subsidies"),
}
print(json.dumps({
    key: {"pk": article.pk, "headline": article.headline, "url": article.get_absolute_url()}
    for key, article in articles.items()
}))
"""

COMMENT_TEXTS = """
import json
from comments.models import Comment
print(json.dumps(list(Comment.objects.filter(article_id={pk}).values_list("text", flat=True))))
"""

CLEAR_CACHE = "from django.core.cache import cache; cache.clear()"


class Site:
    def __init__(self, env, servers, articles):
        self.env, self.servers, self.articles = env, servers, articles

    def comment_texts(self, article):
        return shell(self.env, COMMENT_TEXTS.format(pk=article["pk"]))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("scale-out")
    with shared_state(tmp_path) as state:
        env = clean_environ(
            DJANGO_DEBUG="0",
            DJANGO_SECRET_KEY=secrets.token_urlsafe(40),  # one key for both: sessions, CSRF and form tokens
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            DJANGO_SECURE_SSL_REDIRECT="0",
            DJANGO_SECURE_COOKIES="0",
            DJANGO_STATICFILES_STORAGE="django.contrib.staticfiles.storage.StaticFilesStorage",
            DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
            NEWSROOM_COMMENTS_MIN_SECONDS="0",
            NEWSROOM_COMMENTS_RATE_LIMIT_IP=f"{RATE_LIMIT}/600",
            **state,
        )
        manage(env, "migrate", "--noinput", "-v", "0")
        articles = shell(env, SETUP)
        with running_servers(env, tmp_path, "A", "B") as servers:
            yield Site(env, servers, articles)
        shell(env, CLEAR_CACHE)


@pytest.fixture(autouse=True)
def _empty_shared_cache(site):
    """Each test starts with no page cached and a fresh rate-limit window."""
    shell(site.env, CLEAR_CACHE)


# --- Helpers -----------------------------------------------------------------------------------------------


def visit(server, path):
    """
    Two readers without cookies, as most of a cache's readers come. With a page cache (newsroom/pagecache.py
    says hit or miss in X-Page-Cache) the second is served from it: the change that follows meets a warm cache.
    """
    first, second = (Browser(cookies=False).get(server, path) for _ in range(2))
    assert second.status == first.status, second.report
    if first.headers["X-Page-Cache"]:
        assert second.headers["X-Page-Cache"] == "hit", second.report
    return second


def link_to(page, headline):
    found = re.search(rf'<a href="([^"#]+)"[^>]*>{re.escape(headline)}</a>', page.html)
    assert found, page.report
    return found.group(1)


def editor_on(server):
    editor = Browser()
    login = editor.get(server, reverse("admin:login"))
    fields = dict(form_fields(login.html, id="login-form")) | {"username": "editor", "password": PASSWORD}
    answer = editor.post(server, f"{reverse('admin:login')}?next=/admin/", fields)
    assert answer.status == 302, answer.report
    return editor


def bulk_action(editor, server, action, article):
    changelist = reverse("admin:articles_article_changelist")
    fields = dict(form_fields(editor.get(server, changelist).html, id="changelist-form"))
    answer = editor.post(server, changelist, fields | {"action": action, "_selected_action": article["pk"]})
    assert answer.status == 302, answer.report
    return editor.get(server, changelist)


def add_correction(editor, server, article, text):
    """Through the article's change form, sent back whole as the browser would, with one correction more."""
    change = reverse("admin:articles_article_change", args=[article["pk"]])
    fields = [
        (name, "1" if name == "corrections-TOTAL_FORMS" else value)
        for name, value in form_fields(editor.get(server, change).html, id="article_form")
    ]
    fields += [("corrections-0-text", text), ("corrections-0-article", article["pk"])]
    answer = editor.post(server, change, fields)
    assert answer.status == 302, answer.report


def post_comment(reader, *, read_on, post_to, article, name, text):
    """A reader fills in the comment form of the article page `read_on` sent, and sends it to `post_to`."""
    page = reader.get(read_on, article["url"])
    assert page.status == 200, page.report
    action = reverse("comments:post", args=[article["pk"]])
    fields = dict(form_fields(page.html, action=action))
    fields |= {"name": name, "email": f"{name.lower().replace(' ', '.')}@example.org", "text": text}
    return reader.post(post_to, action, fields)


# --- (a) Publishing and correcting ---------------------------------------------------------------------------


def test_an_article_published_through_one_server_is_served_by_the_other_at_once(site):
    a, b = site.servers
    draft = site.articles["draft"]
    assert draft["headline"] not in visit(b, reverse("home")).text
    editor = editor_on(a)

    changelist = bulk_action(editor, a, "publish_now", draft)

    assert "1 article set to “Published”." in changelist.text, changelist.report
    home = Browser(cookies=False).get(b, reverse("home"))
    assert draft["headline"] in home.text, home.report
    article = Browser(cookies=False).get(b, link_to(home, draft["headline"]))
    assert article.status == 200, article.report
    assert draft["headline"] in article.text, article.report


def test_a_correction_and_an_unpublishing_through_one_server_show_on_the_other_at_once(site):
    a, b = site.servers
    story = site.articles["published"]
    correction = "An earlier version of this article gave the wrong date for the summit."
    assert correction not in visit(b, story["url"]).text
    editor = editor_on(a)

    add_correction(editor, a, story, correction)

    page = Browser(cookies=False).get(b, story["url"])
    assert page.status == 200, page.report
    assert correction in page.text, page.report

    assert story["headline"] in visit(b, reverse("home")).text
    assert visit(b, story["url"]).status == 200
    changelist = bulk_action(editor, a, "unpublish", story)

    assert "1 article set to “Unpublished”." in changelist.text, changelist.report
    gone = Browser(cookies=False).get(b, story["url"])
    assert gone.status == 404, gone.report
    home = Browser(cookies=False).get(b, reverse("home"))
    assert story["headline"] not in home.text, home.report


# --- (b) Comments ------------------------------------------------------------------------------------------


def test_comments_posted_alternately_to_both_servers_are_stored_once_and_counted_exactly(site):
    servers, article = site.servers, site.articles["discussion"]
    for server in servers:
        visit(server, article["url"])
        visit(server, reverse("home"))
    texts = [f"Reader {number} thinks the budget rules need a second look, point {number}." for number in range(10)]

    for number, text in enumerate(texts):  # read on one server, sent to the other: no sticky sessions needed
        posted = post_comment(
            Browser(),
            read_on=servers[(number + 1) % 2],
            post_to=servers[number % 2],
            article=article,
            name=f"Reader {number}",
            text=text,
        )
        assert posted.status == 302 and "#comment-" in posted.headers["Location"], posted.report

    assert sorted(site.comment_texts(article)) == sorted(texts)
    heading = f"10 responses to “{article['headline']}”"
    for server in servers:
        page = Browser(cookies=False).get(server, article["url"])
        assert heading in page.text, page.report
        assert all(page.text.count(text) == 1 for text in texts), page.report
        home = Browser(cookies=False).get(server, reverse("home"))
        assert f'href="{article["url"]}#comments">10 comments<' in home.html, home.report


# --- (c) Rate limits ---------------------------------------------------------------------------------------


def test_the_comment_rate_limit_counts_posts_to_both_servers_together(site):
    servers, article = site.servers, site.articles["limited"]
    refusal = "You have posted several comments in a short time."

    for number in range(RATE_LIMIT + 2):
        server = servers[number % 2]
        posted = post_comment(
            Browser(),
            read_on=server,
            post_to=server,
            article=article,
            name=f"Farmer {number}",
            text=f"Farmer {number} writes about subsidies, take {number}.",
        )
        if number < RATE_LIMIT:
            assert posted.status == 302, posted.report
        else:  # the limit is reached on whichever server the next post reaches
            assert posted.status == 200 and refusal in posted.text, posted.report

    assert len(site.comment_texts(article)) == RATE_LIMIT


# --- The database restarting -------------------------------------------------------------------------------


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a SQLite file has no connection to lose")
def test_a_database_restart_costs_no_reader_a_page_after_it(site):
    """
    Each server keeps its connection from one request to the next. PostgreSQL restarting ends those connections
    as pg_terminate_backend does; the next request on each server must notice and connect again, not fail.
    """
    story = site.articles["discussion"]  # the one story no other test unpublishes
    for server in site.servers:
        assert Browser(cookies=False).get(server, "/healthz").status == 200

    with psycopg.connect(site.env["DATABASE_URL"], autocommit=True) as database:
        servers_connections = database.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            " AND backend_type = 'client backend'"  # not an autovacuum worker that happens to be there
        ).fetchall()
        for (pid,) in servers_connections:
            database.execute("SELECT pg_terminate_backend(%s)", [pid])
    assert len(servers_connections) == len(site.servers), "each server keeps its connection between requests"

    for server in site.servers:
        for path in (reverse("home"), story["url"]):
            page = Browser(cookies=False).get(server, path)
            assert page.status == 200, page.report
            assert story["headline"] in page.text, page.report
