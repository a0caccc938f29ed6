"""The community desk in the admin: queues, bulk moderation, privacy, policy and who may do what."""

import pytest
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.urls import reverse

from articles.models import Article
from articles.tests.factories import make_article, make_user
from comments.models import Comment, ModerationLog, Policy
from comments.tests.factories import make_comment

pytestmark = pytest.mark.django_db

Status = Comment.Status
PENDING_LIST = reverse("admin:comments_pendingcomment_changelist")


@pytest.fixture
def moderator_client(client):
    client.force_login(make_user("mona", role="Moderator"))
    return client


def test_the_pending_queue_shows_what_a_moderator_needs_newest_first(moderator_client):
    article = make_article("Council agrees budget")
    parent = make_comment(article, name="Karel", text="The first word.")
    older = make_comment(article, status=Status.PENDING, email="ines@example.eu", text="Older one")
    make_comment(article, email="ines@example.eu", name="Ines")  # her earlier approved comment
    newer = make_comment(article, parent, status=Status.PENDING, ip_address="203.0.113.5", email="ines@example.eu")
    make_comment(article, status=Status.SPAM, text="Cheap pills")

    response = moderator_client.get(PENDING_LIST)
    html = response.content.decode()
    rows = response.context["cl"].result_list
    assert list(rows) == [newer, older]
    assert "Council agrees budget" in html and "Karel: The first word." in html
    assert "203.0.113.5" in html and "ines@example.eu" in html
    assert [row.approved_before for row in rows] == [1, 0]
    assert "Cheap pills" not in html


def test_bulk_approve_from_the_queue_is_logged_and_counted(moderator_client):
    article = make_article()
    held = [make_comment(article, status=Status.PENDING) for _ in range(2)]
    response = moderator_client.post(
        PENDING_LIST,
        {"action": "approve", "_selected_action": [c.pk for c in held], "reason": "Checked the facts"},
    )
    assert response.status_code == 302
    assert set(Comment.objects.values_list("status", flat=True)) == {Status.APPROVED}
    article.refresh_from_db()
    assert article.comment_count == 2
    assert set(ModerationLog.objects.values_list("actor__username", "action", "reason", "comment")) == {
        ("mona", "approve", "Checked the facts", comment.pk) for comment in held
    }


def test_removing_from_the_admin_keeps_replies_and_the_count_exact(moderator_client):
    article = make_article()
    parent = make_comment(article)
    make_comment(article, parent)
    changelist = reverse("admin:comments_comment_changelist")
    moderator_client.post(changelist, {"action": "remove", "_selected_action": [parent.pk]})
    article.refresh_from_db()
    assert article.comment_count == 1
    assert "This comment was removed." in moderator_client.get(article.get_absolute_url()).content.decode()


def test_changing_the_status_on_the_change_form_goes_through_moderation(moderator_client):
    article = make_article()
    comment = make_comment(article, status=Status.PENDING, text="Original words")
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    response = moderator_client.post(
        url, {"text": "Edited words", "status": "approved", "reason": "Removed a phone number", **_no_inlines()}
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    comment.refresh_from_db()
    assert (comment.status, comment.text, comment.html) == (Status.APPROVED, "Edited words", "<p>Edited words</p>")
    article.refresh_from_db()
    assert article.comment_count == 1
    assert set(ModerationLog.objects.values_list("action", "reason")) == {
        ("edit", "Removed a phone number"),
        ("approve", "Removed a phone number"),
    }


def _no_inlines():
    return {
        f"{prefix}-{key}": value
        for prefix in ("reports", "log")
        for key, value in {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000}.items()
    }


def test_deleting_from_the_admin_recounts_and_is_logged(moderator_client):
    article = make_article()
    doomed, kept = make_comment(article, text="Doomed"), make_comment(article)
    url = reverse("admin:comments_comment_delete", args=[doomed.pk])
    assert moderator_client.post(url, {"post": "yes"}).status_code == 302
    article.refresh_from_db()
    assert article.comment_count == 1
    assert list(Comment.objects.all()) == [kept]
    entry = ModerationLog.objects.get()
    assert (entry.action, entry.actor.username, entry.comment, entry.comment_summary[-6:]) == (
        "delete",
        "mona",
        None,
        "Doomed",
    )


def test_a_commenter_is_found_by_email_and_erased_after_confirming(moderator_client):
    article = make_article()
    theirs = [make_comment(article, email="leak@example.org", ip_address="192.0.2.1") for _ in range(2)]
    make_comment(article, email="other@example.org")
    changelist = reverse("admin:comments_comment_changelist")
    found = moderator_client.get(changelist, {"q": "leak@example.org"}).context["cl"].result_list
    assert set(found) == set(theirs)

    selected = {"action": "erase_commenters", "_selected_action": [theirs[0].pk]}
    confirm = moderator_client.post(changelist, selected)
    assert "leak@example.org: 2 comments" in confirm.content.decode()
    assert Comment.objects.filter(email="leak@example.org").count() == 2  # nothing erased yet
    moderator_client.post(changelist, {**selected, "confirm": "yes", "reason": "GDPR request 2026-114"})
    assert not Comment.objects.filter(email="leak@example.org").exists()
    assert Comment.objects.filter(name="Anonymous", ip_address=None).count() == 2


def test_the_policy_is_one_page_with_section_overrides(moderator_client):
    response = moderator_client.get(reverse("admin:comments_policy_changelist"))
    assert response["Location"] == reverse("admin:comments_policy_change", args=[1])
    page = moderator_client.get(response["Location"])
    assert "Section overrides" in page.content.decode()
    assert Policy.objects.get().moderation == "first_time"


def test_a_moderator_cannot_change_articles(moderator_client):
    article = make_article("Untouchable")
    change = reverse("admin:articles_article_change", args=[article.pk])
    assert moderator_client.get(change).status_code == 403
    assert moderator_client.post(change, {"headline": "Defaced"}).status_code == 403
    article.refresh_from_db()
    assert article.headline == "Untouchable"
    assert Article.objects.filter(headline="Defaced").count() == 0


def test_anonymous_and_unprivileged_posts_to_moderation_are_refused(client):
    comment = make_comment(make_article(), status=Status.PENDING)
    action = {"action": "approve", "_selected_action": [comment.pk]}
    response = Client(enforce_csrf_checks=True).post(PENDING_LIST, action)
    assert response.status_code in (302, 403)
    assert client.post(PENDING_LIST, action)["Location"].startswith(reverse("admin:login"))
    client.force_login(make_user(role="Reporter"))
    assert client.post(PENDING_LIST, action).status_code == 403
    comment.refresh_from_db()
    assert comment.status == Status.PENDING


def test_a_csrf_less_moderation_post_is_refused_even_when_logged_in():
    comment = make_comment(make_article(), status=Status.PENDING)
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(make_user(role="Moderator"))
    assert csrf_client.post(PENDING_LIST, {"action": "approve", "_selected_action": [comment.pk]}).status_code == 403
    comment.refresh_from_db()
    assert comment.status == Status.PENDING


def test_editors_see_the_moderation_log_but_cannot_rewrite_it(client):
    editor = make_user(role="Editor")
    client.force_login(editor)
    comment = make_comment(make_article(), status=Status.PENDING)
    client.post(PENDING_LIST, {"action": "mark_spam", "_selected_action": [comment.pk], "reason": "Link farm"})
    log_list = client.get(reverse("admin:comments_moderationlog_changelist"))
    assert "Link farm" in log_list.content.decode()
    entry = ModerationLog.objects.get()
    assert (
        client.post(reverse("admin:comments_moderationlog_delete", args=[entry.pk]), {"post": "yes"}).status_code == 403
    )


def _dashboard(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return Template("{% load comments_tags %}{% comments_dashboard %}").render(Context({"request": request}))


def test_the_admin_front_page_panel_counts_the_queues():
    article = make_article()
    make_comment(article, status=Status.PENDING)
    make_comment(article, status=Status.PENDING)
    make_comment(article, report_count=1)
    panel = " ".join(_dashboard(make_user(role="Moderator")).split())
    assert "Pending comments: 2</a>" in panel
    assert "Reported comments: 1</a>" in panel
    assert _dashboard(make_user(role="Reporter")).strip() == ""


def test_editors_find_the_pending_count_on_the_admin_front_page(client):
    make_comment(make_article(), status=Status.PENDING)
    client.force_login(make_user(role="Editor"))
    page = " ".join(client.get(reverse("admin:index")).content.decode().split())
    assert f'href="{PENDING_LIST}">Pending comments: 1</a>' in page


def test_the_admin_front_page_shows_a_moderator_the_pending_count(moderator_client):
    article = make_article()
    for _ in range(3):
        make_comment(article, status=Status.PENDING)
    html = moderator_client.get(reverse("admin:index")).content.decode()
    assert "Pending comments: 3" in html
