import threading
from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.tests.factories import make_article, make_author, make_section, make_user
from comments import services
from comments.models import Comment, ModerationLog, Policy, SectionPolicy
from comments.tests.factories import make_comment

pytestmark = pytest.mark.django_db

Status = Comment.Status


@pytest.fixture
def moderator():
    return make_user("mona", role="Moderator")


def count(article):
    article.refresh_from_db()
    return article.comment_count


def post(article, **fields):
    fields.setdefault("name", "Ines Moreau")
    fields.setdefault("email", "ines@example.eu")
    fields.setdefault("text", "The Council should publish the minutes.")
    return services.comment_create(article=article, **fields)


def test_a_reply_to_the_deepest_level_joins_that_level(settings):
    settings.NEWSROOM_COMMENTS_MAX_DEPTH = 3
    Policy.objects.update_or_create(pk=1, defaults={"moderation": "none"})
    article = make_article()
    top = make_comment(article)
    second = make_comment(article, top)
    third = make_comment(article, second)
    reply = post(article, parent_id=third.pk)
    assert (reply.parent, reply.depth) == (second, 3)
    assert reply.path.startswith(second.path)


def test_a_reply_must_answer_a_visible_comment_of_the_same_article():
    article, other = make_article(), make_article()
    held = make_comment(article, status=Status.PENDING)
    elsewhere = make_comment(other)
    for parent in (held, elsewhere):
        with pytest.raises(ValidationError):
            post(article, parent_id=parent.pk)
    assert Comment.objects.count() == 2


def test_the_count_follows_every_moderation_action(moderator):
    article = make_article()
    first = post(article)
    assert (first.status, count(article)) == (Status.PENDING, 0)  # first-time commenter: held

    services.comment_approve(comment=first, actor=moderator)
    assert count(article) == 1
    reply = post(article, parent_id=first.pk, name="Ines Moreau", text="And the votes.")  # trusted now
    assert (reply.status, count(article)) == (Status.APPROVED, 2)

    services.comment_remove(comment=first, actor=moderator)
    assert count(article) == 1  # the reply stays under a placeholder, which is not counted
    services.comment_approve(comment=first, actor=moderator, reason="Removed by mistake")
    assert count(article) == 2

    services.comment_mark_spam(comment=first, actor=moderator)
    assert count(article) == 0  # spam hides the whole thread under it
    services.comment_approve(comment=first, actor=moderator)
    assert count(article) == 2

    reply.delete()
    assert count(article) == 1
    first.delete()
    assert count(article) == 0


def test_a_reply_under_a_held_comment_counts_only_once_its_parent_is_approved(moderator):
    article = make_article()
    held = make_comment(article, status=Status.PENDING)
    reply = make_comment(article, held, status=Status.PENDING)
    services.comment_approve(comment=reply, actor=moderator)
    assert count(article) == 0
    services.comment_approve(comment=held, actor=moderator)
    assert count(article) == 2


def test_deleting_a_comment_deletes_its_replies_and_recounts(moderator):
    article = make_article()
    parent = make_comment(article)
    make_comment(article, make_comment(article, parent))
    make_comment(article)
    assert count(article) == 4
    parent.delete()
    assert count(article) == 1


def test_first_time_commenters_wait_and_approved_ones_are_trusted(moderator):
    article = make_article()
    first = post(article)
    assert first.hold_reason == "First comment from this commenter"
    services.comment_approve(comment=first, actor=moderator)
    assert post(article, text="A second thought.").status == Status.APPROVED
    # The same email under another name is not the same trusted commenter.
    assert post(article, name="Someone Else", text="Third.").status == Status.PENDING


def test_a_section_can_moderate_everything_while_the_site_publishes_at_once():
    policy = Policy.objects.create(pk=1, moderation="none")
    courts = make_section("Courts")
    SectionPolicy.objects.create(policy=policy, section=courts, moderation="all")
    assert post(make_article()).status == Status.APPROVED
    held = post(make_article(section=courts))
    assert (held.status, held.hold_reason) == (Status.PENDING, "Every comment is moderated here")


def test_staff_comments_are_published_with_a_badge():
    Policy.objects.create(pk=1, moderation="all")
    article = make_article()
    journalist = make_user("jo", role="Reporter")
    make_author("Jo Martens", user=journalist)
    desk = make_user("desk", role="Moderator")
    assert post(article, user=journalist).badge == Comment.Badge.JOURNALIST
    by_desk = post(article, user=desk, text="Please keep it civil.")
    assert (by_desk.badge, by_desk.status) == (Comment.Badge.STAFF, Status.APPROVED)
    assert post(article, user=make_user("reader"), text="Hello.").badge == Comment.Badge.NONE


def test_only_moderators_and_editors_may_moderate():
    comment = make_comment(make_article(), status=Status.PENDING)
    with pytest.raises(PermissionDenied):
        services.comment_approve(comment=comment, actor=make_user(role="Reporter"))
    services.comment_approve(comment=comment, actor=make_user(role="Editor"))
    assert Comment.objects.get().status == Status.APPROVED


def test_every_moderation_action_is_logged_with_who_and_why(moderator):
    comment = make_comment(make_article(), status=Status.PENDING, name="Paul")
    services.comment_approve(comment=comment, actor=moderator)
    services.comment_feature(comment=comment, actor=moderator)
    services.comment_remove(comment=comment, actor=moderator, reason="Personal attack")
    log = list(ModerationLog.objects.order_by("id").values_list("action", "actor__username", "reason"))
    assert log == [("approve", "mona", ""), ("feature", "mona", ""), ("remove", "mona", "Personal attack")]


def test_a_reader_reports_a_comment_once(moderator):
    comment = make_comment(make_article())
    assert services.comment_report(comment=comment, reader="r1", ip_address="198.51.100.7")
    assert not services.comment_report(comment=comment, reader="r1", ip_address="198.51.100.8")  # same reader
    assert not services.comment_report(comment=comment, reader="r2", ip_address="198.51.100.7")  # same address
    assert services.comment_report(comment=comment, reader="r3", ip_address="203.0.113.9")
    assert list(Comment.objects.reported()) == [comment]
    comment.refresh_from_db()
    assert comment.report_count == 2
    services.comment_approve(comment=comment, actor=moderator, reason="Fair criticism")
    assert not Comment.objects.reported().exists()


def test_erasing_a_commenter_anonymises_all_their_comments(moderator):
    article = make_article()
    mine = [make_comment(article, email="leak@example.org", name="Leak", ip_address="192.0.2.1") for _ in range(2)]
    other = make_comment(article, email="other@example.org", ip_address="192.0.2.2")
    assert services.commenter_erase(email="Leak@Example.org", actor=moderator) == 2
    for comment in mine:
        comment.refresh_from_db()
        assert (comment.name, comment.email, comment.ip_address, comment.user_agent) == ("Anonymous", "", None, "")
    other.refresh_from_db()
    assert other.email == "other@example.org"
    assert ModerationLog.objects.filter(action="erase").count() == 2
    with pytest.raises(PermissionDenied):
        services.commenter_erase(email="other@example.org", actor=make_user(role="Reporter"))


def test_two_posts_checked_at_the_same_moment_cannot_both_pass_the_rate_limit(settings):
    """Two app servers check before either has saved: the shared counter is taken first, so one is refused."""
    from comments import spam

    settings.NEWSROOM_COMMENTS_RATE_LIMIT_IP = (1, 600)
    article = make_article()
    policy = Policy.load()
    first = Comment(article=article, name="A", email="a@example.eu", text="One", ip_address="198.51.100.4")
    second = Comment(article=article, name="B", email="b@example.eu", text="Two", ip_address="198.51.100.4")
    spam.check_refusals(first, policy=policy)
    with pytest.raises(ValidationError, match="several comments in a short time"):
        spam.check_refusals(second, policy=policy)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor == "sqlite", reason="SQLite lets one writer in at a time; nothing to race")
def test_comments_posted_at_the_same_moment_are_all_counted():
    Policy.objects.create(pk=1, moderation="none")
    article, readers = make_article(), 8
    parent = make_comment(article)
    start = threading.Barrier(readers)

    def reader(n):
        try:
            start.wait()
            post(article, parent_id=parent.pk if n % 2 else None, email=f"r{n}@example.eu", text=f"Point {n}")
        finally:
            connection.close()

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert count(article) == Comment.objects.visible().filter(article=article).count() == readers + 1


@pytest.mark.skipif("LocMem" not in settings.CACHES["default"]["BACKEND"], reason="time travel moves no cache server")
def test_a_rate_limit_counter_that_lost_its_expiry_still_lets_the_reader_post_again_later(settings):
    from comments import spam

    settings.NEWSROOM_COMMENTS_RATE_LIMIT_EMAIL = (1, 600)
    article, policy = make_article(), Policy.load()
    first, second, later = (
        Comment(article=article, name="A", email="a@example.eu", text=text) for text in ("One", "Two", "Three")
    )
    cache.set(spam._rate_keys(first)[0][1], 0, timeout=None)  # as Redis's INCR leaves a key it remade
    spam.check_refusals(first, policy=policy)
    with pytest.raises(ValidationError, match="several comments in a short time"):
        spam.check_refusals(second, policy=policy)
    with time_machine.travel(timezone.now() + timedelta(seconds=601)):
        spam.check_refusals(later, policy=policy)


def test_the_policy_is_read_once_and_a_change_applies_to_the_next_comment():
    """Every comment reads the policy from the cache the app servers share; a save in the admin moves it on."""
    article = make_article()
    policy = Policy.objects.create(pk=1, moderation="none")
    assert post(article, text="First.").status == Status.APPROVED
    with CaptureQueriesContext(connection) as queries:
        post(article, text="Second.")
    assert not [query for query in queries if "comments_policy" in query["sql"]]

    policy.moderation = "all"
    policy.save()
    assert post(article, text="Third.").status == Status.PENDING
    SectionPolicy.objects.create(policy=policy, section=article.section, moderation="none")
    assert post(article, text="Fourth.").status == Status.APPROVED
    SectionPolicy.objects.all().delete()
    assert post(article, text="Fifth.").status == Status.PENDING


def test_a_cache_failing_as_the_policy_commits_leaves_the_policy_saved(caplog, django_capture_on_commit_callbacks):
    article = make_article()
    policy = Policy.objects.create(pk=1, moderation="none")
    # The version moves on at the save, then the cache fails at the commit: logged, and the save stands.
    with (
        mock.patch("comments.models.versions.advance", side_effect=[1, ConnectionError("down")]),
        django_capture_on_commit_callbacks(execute=True),
    ):
        policy.moderation = "all"
        policy.save()
    assert "ConnectionError: down" in caplog.text
    assert Policy.objects.get().moderation == "all"
    assert post(article, text="After the outage.").status == Status.PENDING


def test_a_new_comment_adds_one_to_the_count_without_recounting_the_discussion():
    Policy.objects.create(pk=1, moderation="none")
    article = make_article()
    for _ in range(3):
        make_comment(article)
    services.comment_count_refresh(article_id=article.pk)
    with CaptureQueriesContext(connection) as queries:
        post(article, text="A fourth voice.")
    assert count(article) == 4 == Comment.objects.visible().filter(article=article).count()
    assert not [query for query in queries if "COUNT(" in query["sql"] and "UPDATE" in query["sql"]]


def test_a_reply_whose_parent_a_moderator_held_meanwhile_is_not_counted(monkeypatch):
    """The reader's reply was checked against a visible parent; a moderator held it before the reply was saved."""
    Policy.objects.create(pk=1, moderation="none")
    article = make_article()
    parent = make_comment(article)
    services.comment_count_refresh(article_id=article.pk)
    checked = services.reply_target(article=article, parent_id=parent.pk)
    services.comment_hold(comment=parent, actor=make_user(role="Moderator"))
    monkeypatch.setattr(services, "reply_target", lambda **kwargs: checked)

    reply = post(article, parent_id=parent.pk, text="I agree with this.")
    assert reply.status == Status.APPROVED
    assert count(article) == 0 == Comment.objects.visible().filter(article=article).count()
