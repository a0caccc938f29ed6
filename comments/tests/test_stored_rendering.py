"""
Each comment's HTML is rendered when it is saved and the thread joins the stored pieces: the page must read as
it did when a template ran per comment, follow every moderation change at once, and cost a fixed few queries.
"""

import io
import random
from datetime import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.tests.factories import make_article, make_user
from comments import services, threads
from comments.models import Comment
from comments.rendering import rendering_key
from comments.tests.factories import make_comment
from comments.tests.html import discussion, heading_number, parse
from comments.views import OWN_KEY

pytestmark = pytest.mark.django_db

Status = Comment.Status


@pytest.fixture
def moderator():
    return make_user("mona", role="Moderator")


def items(ol):
    """The thread as a reader's browser builds it: (id, status, depth, replies) for each <li> of a list."""
    found = []
    for li in (child for child in ol.children if getattr(child, "tag", "") == "li"):
        status = next(c.removeprefix("comment--") for c in li.classes if c in {f"comment--{s}" for s in Status})
        replies = next((c for c in li.children if getattr(c, "tag", "") == "ol"), None)
        found.append((li.attrs["id"], status, int(li.attrs["data-depth"]), items(replies) if replies else []))
    return found


def test_the_thread_nests_shows_and_hides_exactly_as_before(client):
    article = make_article()
    a = make_comment(article, name="Ana", website="https://ana.example", badge=Comment.Badge.JOURNALIST)
    a1 = make_comment(article, a)
    a11 = make_comment(article, a1)
    a2 = make_comment(article, a, status=Status.REMOVED)
    a21 = make_comment(article, a2)
    make_comment(article, a, status=Status.REMOVED)  # removed, no replies: no placeholder
    b = make_comment(article, status=Status.REMOVED)
    b1 = make_comment(article, b)
    make_comment(article, make_comment(article, status=Status.PENDING))  # held, and a reply under it
    make_comment(article, status=Status.SPAM)
    e = make_comment(article)
    e1 = make_comment(article, e, status=Status.PENDING)  # this reader's own, awaiting moderation
    make_comment(article, status=Status.REMOVED)
    session = client.session
    session[OWN_KEY] = [e1.pk]
    session.save()

    section = discussion(client.get(article.get_absolute_url()))
    assert items(section.find("ol", "comment-list")) == [
        (a.anchor, "approved", 1, [(a1.anchor, "approved", 2, [(a11.anchor, "approved", 3, [])]),
                                   (a2.anchor, "removed", 2, [(a21.anchor, "approved", 3, [])])]),
        (b.anchor, "removed", 1, [(b1.anchor, "approved", 2, [])]),
        (e.anchor, "approved", 1, [(e1.anchor, "pending", 2, [])]),
    ]  # fmt: skip
    assert heading_number(section) == 6

    shown = section.by_id(a.anchor)
    author = shown.find("b", "comment__author")
    assert author.attrs["id"] == f"{a.anchor}-author"
    assert (author.find("a").attrs["href"], author.find("a").attrs["rel"]) == (
        "https://ana.example",
        "nofollow ugc noopener",
    )
    assert shown.find("span", "comment__badge").text == "Journalist"
    assert "comment--staff" in shown.classes
    time = shown.find("a", "comment__time")
    assert time.attrs["href"] == f"#{a.anchor}"
    assert time.find("time").attrs["datetime"] == timezone.localtime(a.created_at).isoformat()
    reply = shown.find("a", "comment__reply")
    assert (reply.attrs["href"], reply.attrs["data-reply-to"]) == (reverse("comments:reply", args=[a.pk]), str(a.pk))
    assert shown.find("a", "comment__report").attrs["href"] == reverse("comments:report", args=[a.pk])
    assert section.by_id(a2.anchor).find("p", "comment__removed").text == "This comment was removed."
    mine = section.by_id(e1.anchor)
    assert "awaiting moderation" in mine.find("p", "comment__held").text
    assert mine.find("footer") is None


def _section(article, own_ids=(), page=None):
    """The discussion above the form (which carries a fresh token each time), and the queries it took."""
    request = RequestFactory().get(article.get_absolute_url(), {"comments_page": page} if page else {})
    request.session, request.user = {OWN_KEY: list(own_ids)}, None
    template = Template("{% load comments_tags %}{% comments_section article %}")
    template.render(Context({"article": article, "request": request}))  # the form, a fragment, kept
    with CaptureQueriesContext(connection) as queries:
        html = template.render(Context({"article": article, "request": request}))
    return html.split('<div id="respond"')[0], len(queries)


def _random_discussion(seed, size=60):
    """A discussion of every shape: statuses, depths and picks drawn at random, the same for each seed."""
    rng, article, comments = random.Random(seed), make_article(), []
    for _ in range(size):
        parent = rng.choice(comments) if comments and rng.random() < 0.6 else None
        status = rng.choice([Status.APPROVED] * 5 + [Status.REMOVED, Status.PENDING, Status.SPAM])
        comments.append(make_comment(article, parent, status=status, is_featured=rng.random() < 0.15, refresh=False))
    services.comment_count_refresh(article_id=article.pk)
    article.refresh_from_db()
    return article, [c.pk for c in rng.sample(comments, 8)]


@pytest.mark.parametrize("seed", range(4))
def test_the_thread_applies_the_same_visibility_rule_as_the_database(seed):
    article, own_ids = _random_discussion(seed)
    rows = Comment.objects.filter(article=article).order_by("path")
    outline = threads.read_outline(rows.values_list(*threads.OUTLINE_FIELDS, named=True), own_ids)
    comments = Comment.objects.filter(article=article)
    held_and_mine = {c.pk for c in comments.filter(pk__in=own_ids, status__in=threads.HELD)}
    assert {row.pk for row in outline.shown} - held_and_mine == set(comments.displayable().values_list("pk", flat=True))
    assert outline.picks == set(comments.visible().filter(is_featured=True).values_list("pk", flat=True))
    assert outline.roots == list(threads.top_level(article, own_ids).values_list("pk", flat=True))


@pytest.mark.parametrize("seed", range(2))
def test_a_long_discussion_fetches_its_page_apart_and_reads_the_same(settings, monkeypatch, seed):
    settings.NEWSROOM_COMMENTS_PER_PAGE = 4
    article, own_ids = _random_discussion(seed)
    for page in (1, 2, 3, "last", 99):
        whole, one_query = _section(article, own_ids, page)
        with monkeypatch.context() as patch:
            patch.setattr(threads, "ONE_QUERY_UP_TO", 0)
            apart, two_queries = _section(article, own_ids, page)
        assert (whole, one_query, two_queries) == (apart, 1, 2)


@pytest.mark.parametrize("seed", range(4))
def test_a_permalink_leads_to_the_page_the_thread_shows_the_comment_on(settings, seed):
    settings.NEWSROOM_COMMENTS_PER_PAGE = 3
    article, own_ids = _random_discussion(seed, size=80)
    rows = Comment.objects.filter(article=article).order_by("path").values_list(*threads.OUTLINE_FIELDS, named=True)
    outline = threads.read_outline(rows, own_ids)
    pages = {root: n // 3 + 1 for n, root in enumerate(outline.roots)}
    for comment in Comment.objects.filter(pk__in=[row.pk for row in outline.shown]).select_related("article"):
        if outline.root_of[comment.pk] in pages:
            assert threads.page_number_of(comment, own_ids) == pages[outline.root_of[comment.pk]]


def test_moderation_changes_the_stored_html_at_once(client, moderator):
    article = make_article()
    comment = make_comment(article, text="Original words.", name="Ines", website="https://ines.example")
    make_comment(article, comment)

    def stored():
        comment.refresh_from_db()
        return comment.rendered

    assert 'class="comment__reply"' in stored() and "Original words." in stored()
    services.comment_edit(comment=comment, actor=moderator, text="Moderated words.")
    assert "Moderated words." in stored() and "Original words." not in stored()
    services.comment_remove(comment=comment, actor=moderator)
    assert "This comment was removed." in stored() and "Moderated words." not in stored()
    services.comment_hold(comment=comment, actor=moderator)
    assert "awaiting moderation" in stored() and "comment__reply" not in stored()
    services.comment_approve(comment=comment, actor=moderator)
    services.commenter_erase(email=comment.email, actor=moderator)
    assert "Anonymous" in stored() and "Ines" not in stored() and "ines.example" not in stored()
    page = discussion(client.get(article.get_absolute_url()))
    assert page.by_id(comment.anchor).find("b", "comment__author").text == "Anonymous"


def test_a_closed_discussion_offers_no_reply_links_but_still_reports():
    article = make_article(comments_open=False)
    comment = make_comment(article)
    section = parse(_section(article)[0])
    assert section.find("a", "comment__reply") is None
    assert section.by_id(comment.anchor).find("a", "comment__report") is not None
    article.comments_open = True  # reopened: the stored links come back
    assert parse(_section(article)[0]).find("a", "comment__reply") is not None


def test_comments_speak_the_articles_language_and_follow_a_change_of_it(client):
    article = make_article(language="fr")
    comment = make_comment(article, created_at=timezone.make_aware(datetime(2026, 3, 4, 14, 5)))
    section = discussion(client.get(article.get_absolute_url()))
    assert section.by_id(comment.anchor).find("a", "comment__reply").text == "Répondre"
    assert section.by_id(comment.anchor).find("time").text == "4 mars 2026, 14:05"

    Article.objects.filter(pk=article.pk).update(language="en")  # an editor's fix, which our save never sees
    article.refresh_from_db()
    section = parse(_section(article)[0])
    assert section.by_id(comment.anchor).find("a", "comment__reply").text == "Reply"
    assert section.by_id(comment.anchor).find("time").text == "4 March 2026, 14:05"
    comment.refresh_from_db()
    assert comment.rendered_key == rendering_key("en")  # kept: the next reader gets it straight from the row


def test_comments_without_stored_html_are_rendered_by_the_page_or_the_command(client):
    article = make_article()
    first, second = make_comment(article, text="First opinion."), make_comment(article, text="Second opinion.")
    Comment.objects.update(rendered="", rendered_key="")  # as rows from before this feature, or a bulk import
    assert "First opinion." in client.get(article.get_absolute_url()).content.decode()
    assert set(Comment.objects.exclude(rendered="").values_list("pk", flat=True)) == {first.pk, second.pk}

    Comment.objects.filter(pk=second.pk).update(rendered="", rendered_key="")
    out = io.StringIO()
    call_command("render_comments", stdout=out)
    assert out.getvalue() == "Rendered 1 comment(s).\n"
    second.refresh_from_db()
    assert "Second opinion." in second.rendered and second.rendered_key == rendering_key("en")
