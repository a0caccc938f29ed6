"""
Everything that changes a comment's fate goes through here: posting, moderating, reporting, erasing.

Each change of what readers see recounts `Article.comment_count` from `Comment.objects.visible()` in the same
transaction, holding the article's row lock while it counts so that two writers at once cannot leave a stale count;
a new comment, the one change that comes by the thousand, adds one under the same lock instead.
"""

import functools
import logging
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Func, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article
from newsroom.pagecache import page_cache_invalidate

from . import conf, spam
from .models import Comment, CommentReport, ModerationLog, Policy
from .notifications import send_reply_notification
from .rendering import render_text

logger = logging.getLogger(__name__)
Status = Comment.Status
Action = ModerationLog.Action
STATUS_ACTIONS = {
    Status.APPROVED: Action.APPROVE,
    Status.SPAM: Action.SPAM,
    Status.REMOVED: Action.REMOVE,
    Status.PENDING: Action.HOLD,
}


# What a reply needs of the comment it answers: its place in the thread, and whether to tell its author.
PARENT_FIELDS = ["pk", "article_id", "parent_id", "depth", "path", "status", "email", "notify"]


class CommentsClosed(PermissionDenied):
    pass


def comments_are_open(article: Article) -> bool:
    """Open while the editor leaves them open, for CLOSE_AFTER_DAYS after publication (0: no limit)."""
    if not (article.comments_open and article.is_published):
        return False
    days = conf.get("CLOSE_AFTER_DAYS")
    return not days or timezone.now() < article.publish_at + timedelta(days=days)


def comment_count_refresh(*, article_id: int) -> None:
    comment_counts_refresh(article_ids=[article_id])


def comment_counts_refresh(*, article_ids: list[int]) -> None:
    """Each article's comment count recounted from its visible comments, in one statement."""
    with transaction.atomic(savepoint=False):
        # PostgreSQL counts with the snapshot of the statement's start: the lock comes first, in its own statement,
        # so that the count sees whatever the previous holder committed. SQLite's writer holds the whole database.
        articles = Article.objects.filter(pk__in=article_ids)
        if connection.features.has_select_for_update:
            list(articles.select_for_update().order_by("pk").values_list("pk"))
        articles.update(comment_count=_visible_count())
        page_cache_invalidate(comments_only=True)  # update() sends no signal; the count shows on every list


@functools.cache  # built once per process, as models._hidden_ancestor() is
def _visible_count():
    """COUNT(*) of the article's visible comments, as a subquery: 0, not NULL, when there are none."""
    visible = Comment.objects.visible().filter(article_id=OuterRef("pk")).order_by()
    return Subquery(visible.annotate(n=Func("pk", function="COUNT")).values("n"))


def reply_target(*, article: Article, parent_id: int | None) -> Comment | None:
    """The comment a reply hangs under: visible, on this article, and at most one level above the deepest."""
    if not parent_id:
        return None
    parent = Comment.objects.visible().filter(article=article, pk=parent_id).only(*PARENT_FIELDS).first()
    if parent is None:
        raise ValidationError(_("The comment you are replying to is no longer available."))
    deepest_parent = conf.get("MAX_DEPTH") - 1
    if parent.depth <= deepest_parent:
        return parent
    return Comment.objects.get(pk=parent.ancestor_id(deepest_parent)) if deepest_parent else None


def comment_create(
    *,
    article: Article,
    parent_id: int | None = None,
    name: str,
    email: str,
    text: str,
    website: str = "",
    notify: bool = False,
    user=None,
    ip_address: str | None = None,
    user_agent: str = "",
    request=None,
) -> Comment:
    """Post a reader's comment: refuse it with a reason, or save it published, held or as spam."""
    if not comments_are_open(article):
        raise CommentsClosed(_("Comments are closed on this article."))
    policy = Policy.current()
    comment = Comment(
        article=article,
        parent=reply_target(article=article, parent_id=parent_id),
        name=name.strip(),
        email=email.strip().lower(),
        website=website,
        text=text.strip(),
        notify=notify,
        user=user if user and user.is_authenticated else None,
        badge=_badge_for(user),
        ip_address=ip_address,
        user_agent=user_agent[:300],
    )
    comment.html = render_text(comment.text)
    spam.check_refusals(comment, policy=policy)
    verdict = spam.classify(comment, policy=policy, request=request)
    comment.status, comment.hold_reason = verdict.status, verdict.reason
    with transaction.atomic(savepoint=False):  # a failure here fails the request: no savepoint to fall back to
        comment.save()
        if comment.status == Status.APPROVED:
            _count_new_comment(comment)
            _notify_subscribers(comment)
    return comment


def _count_new_comment(comment: Comment) -> None:
    """
    One more visible comment: the article's count goes up by one, whatever the discussion's size, where a recount
    reads every comment (a breaking story's thousands, for each new one). The UPDATE takes the article's row lock
    first, so a moderator hiding the parent meanwhile has committed by the time the next statement looks at it;
    then the reply is hidden with it, and the article is recounted.
    """
    Article.objects.filter(pk=comment.article_id).update(comment_count=F("comment_count") + 1)
    if comment.parent_id and not Comment.objects.visible().filter(pk=comment.parent_id).exists():
        comment_count_refresh(article_id=comment.article_id)
    else:
        page_cache_invalidate(comments_only=True)  # update() sends no signal; the count shows on every list


def _badge_for(user) -> str:
    if not (user and user.is_authenticated and user.is_staff):
        return Comment.Badge.NONE
    return Comment.Badge.JOURNALIST if hasattr(user, "author") else Comment.Badge.STAFF


def _require(actor, permission: str) -> None:
    if not actor.has_perm(permission):
        raise PermissionDenied(_("You do not have permission to moderate comments."))


def _log(comment: Comment, action: str, actor, reason: str = "") -> ModerationLog:
    return ModerationLog.objects.create(
        comment=comment, comment_summary=str(comment)[:200], action=action, actor=actor, reason=reason[:300]
    )


@transaction.atomic
def comment_set_status(*, comment: Comment, status: str, actor, reason: str = "") -> Comment:
    """Approve, hold, mark as spam or remove; logged, and the article's count recounted."""
    _require(actor, "comments.moderate_comment")
    comment.status = status
    fields = ["status"]
    if status == Status.APPROVED:
        comment.report_count = 0  # a moderator has looked at it: it leaves the reported queue
        fields.append("report_count")
    comment.save(update_fields=fields)
    _log(comment, STATUS_ACTIONS[status], actor, reason)
    comment_count_refresh(article_id=comment.article_id)
    if status == Status.APPROVED:
        _notify_subscribers(comment)
    return comment


def comment_approve(*, comment: Comment, actor, reason: str = "") -> Comment:
    return comment_set_status(comment=comment, status=Status.APPROVED, actor=actor, reason=reason)


def comment_hold(*, comment: Comment, actor, reason: str = "") -> Comment:
    return comment_set_status(comment=comment, status=Status.PENDING, actor=actor, reason=reason)


def comment_mark_spam(*, comment: Comment, actor, reason: str = "") -> Comment:
    return comment_set_status(comment=comment, status=Status.SPAM, actor=actor, reason=reason)


def comment_remove(*, comment: Comment, actor, reason: str = "") -> Comment:
    """Take a comment off the page; its visible replies stay, under "This comment was removed"."""
    return comment_set_status(comment=comment, status=Status.REMOVED, actor=actor, reason=reason)


@transaction.atomic
def comment_feature(*, comment: Comment, actor, featured: bool = True, reason: str = "") -> Comment:
    _require(actor, "comments.moderate_comment")
    comment.is_featured = featured
    comment.save(update_fields=["is_featured"])
    _log(comment, Action.FEATURE if featured else Action.UNFEATURE, actor, reason)
    return comment


@transaction.atomic
def comment_edit(*, comment: Comment, actor, text: str, reason: str = "") -> Comment:
    """A moderator's correction of a reader's text (a slur, a phone number); the change is logged."""
    _require(actor, "comments.moderate_comment")
    comment.text = text.strip()
    comment.save(update_fields=["text", "html"])
    _log(comment, Action.EDIT, actor, reason)
    return comment


def comment_delete_log(*, comments, actor, reason: str = "") -> None:
    """Record deletions before they happen; the post_delete handler keeps the count."""
    for comment in comments:
        _log(comment, Action.DELETE, actor, reason)


def comment_report(*, comment: Comment, reader: str, ip_address: str | None, reason: str = "") -> bool:
    """A reader flags a comment for the moderators; False if this reader (or address) already did."""
    already = Q(reader=reader) | Q(ip_address=ip_address) if ip_address else Q(reader=reader)
    if comment.reports.filter(already).exists() or not spam.report_allowed(ip_address):
        return False
    try:
        with transaction.atomic():
            CommentReport.objects.create(comment=comment, reader=reader, ip_address=ip_address, reason=reason[:200])
            Comment.objects.filter(pk=comment.pk).update(report_count=F("report_count") + 1)
    except IntegrityError:
        return False
    return True


@transaction.atomic
def commenter_erase(*, email: str, actor, reason: str = "") -> int:
    """Anonymise every comment posted with this email: name, email, website, address and browser go."""
    _require(actor, "comments.erase_commenter")
    comments = list(Comment.objects.filter(email=email.strip().lower()).exclude(email="").select_related("article"))
    for comment in comments:
        _log(comment, Action.ERASE, actor, reason)
        comment.name, comment.email, comment.website, comment.user = _("Anonymous"), "", "", None
        comment.ip_address, comment.user_agent, comment.notify = None, "", False
        comment.render()  # the stored HTML carried the name and website too
    fields = ["name", "email", "website", "user", "ip_address", "user_agent", "notify", "rendered", "rendered_key"]
    page_cache_invalidate(comments_only=True)  # the names on the pages change; bulk_update() sends no signal
    return Comment.objects.bulk_update(comments, fields)


def commenter_unsubscribe(*, email: str) -> int:
    return Comment.objects.filter(email=email, notify=True).update(notify=False)


def commenter_ips_erase(*, older_than_days: int | None = None) -> int:
    """Forget addresses and browsers of comments (and reports) older than the retention period."""
    days = conf.get("IP_RETENTION_DAYS") if older_than_days is None else older_than_days
    cutoff = timezone.now() - timedelta(days=days)
    CommentReport.objects.filter(created_at__lt=cutoff, ip_address__isnull=False).update(ip_address=None)
    stale = Comment.objects.filter(created_at__lt=cutoff).exclude(ip_address=None, user_agent="")
    return stale.update(ip_address=None, user_agent="")


def _notify_subscribers(comment: Comment) -> None:
    """Once a reply is on the page, tell the reader it answers, if they asked to be told."""
    parent = comment.parent
    if (
        comment.subscribers_notified
        or parent is None
        or not (parent.notify and parent.email)
        or parent.email == comment.email
    ):
        return
    # After the commit, so a rolled-back reply is never announced, and only if it is visible then (not under a
    # hidden comment); a mail server that is down is logged and retried by `manage.py send_reply_notifications`,
    # never turned into an error page for the reader who replied.
    transaction.on_commit(lambda: reply_notification_deliver(reply_id=comment.pk), robust=True)


def reply_notification_deliver(*, reply_id: int) -> bool:
    """Email the reply's subscriber, once: the reply is claimed first (so two senders at once send one email), and
    released again if the mail server fails, for a later try. False if it was not sent."""
    if not Comment.objects.visible().filter(pk=reply_id).exists():  # hidden again since it was approved
        return False
    if not Comment.objects.filter(pk=reply_id, subscribers_notified=False).update(subscribers_notified=True):
        return False  # sent already, or being sent
    try:
        send_reply_notification(reply_id)
    except Exception:
        Comment.objects.filter(pk=reply_id).update(subscribers_notified=False)
        logger.warning("Reply notification for comment %s not sent; it will be retried.", reply_id, exc_info=True)
        return False
    return True


def reply_notifications_due(*, within_days: int = 7) -> list[int]:
    """Visible replies whose subscriber was not told yet (the mail server failed), posted in the last days."""
    replies = Comment.objects.visible().filter(
        subscribers_notified=False,
        parent__notify=True,
        created_at__gte=timezone.now() - timedelta(days=within_days),
    )
    return list(replies.exclude(parent__email="").exclude(email=F("parent__email")).values_list("pk", flat=True))
