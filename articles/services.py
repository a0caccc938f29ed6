"""Editorial workflow: every change of an article's status goes through here, and so does the rule."""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Article, Correction

Status = Article.Status


def can_publish(user) -> bool:
    return user.has_perm("articles.publish_article")


def can_edit(user, article: Article) -> bool:
    """Editors edit anything; a reporter edits their own articles until they go live."""
    if can_publish(user):
        return True
    return (
        user.has_perm("articles.change_article")
        and article.created_by_id == user.pk
        and article.status != Status.PUBLISHED
    )


def allowed_statuses(user, article: Article | None = None) -> list[str]:
    """The statuses this user may put an article in (a reporter: draft or review only)."""
    if can_publish(user):
        return list(Status.values)
    allowed = [Status.DRAFT, Status.REVIEW]
    if article is not None and article.status not in allowed:
        allowed.append(article.status)  # keeping a status is not changing it
    return allowed


def check_transition(*, user, article: Article, status: str) -> None:
    """Reporters move their work between draft and review; only editors take it further."""
    reporter_move = {article.status, status} <= {Status.DRAFT, Status.REVIEW}
    if status == article.status or reporter_move or can_publish(user):
        return
    raise PermissionDenied(_("You do not have permission to set this article's status to “%s”.") % Status(status).label)


def _stamp_publication(article: Article, publish_at: datetime | None) -> None:
    now = timezone.now()
    article.publish_at = publish_at or article.publish_at or now
    article.slug = article.free_slug(article.slug)  # a draft's slug may be taken on its publication day
    if article.first_published_at is None or article.first_published_at > now:
        article.first_published_at = article.publish_at


@transaction.atomic
def article_set_status(*, article: Article, user, status: str, publish_at: datetime | None = None) -> Article:
    """Move an article through the workflow, refusing what the user's role does not allow."""
    check_transition(user=user, article=article, status=status)
    article.status = status
    if status == Status.PUBLISHED:
        _stamp_publication(article, publish_at)
    article.save()
    return article


def article_submit(*, article: Article, user) -> Article:
    return article_set_status(article=article, user=user, status=Status.REVIEW)


def article_publish(*, article: Article, user, publish_at: datetime | None = None) -> Article:
    return article_set_status(article=article, user=user, status=Status.PUBLISHED, publish_at=publish_at)


def article_unpublish(*, article: Article, user) -> Article:
    return article_set_status(article=article, user=user, status=Status.UNPUBLISHED)


def article_prepare_save(*, article: Article, user, previous_status: str | None) -> None:
    """Checks and stamps for a save from a form: the status rule, the author, the publication times."""
    before = Article(status=previous_status or Status.DRAFT)
    check_transition(user=user, article=before, status=article.status)
    if article.created_by_id is None:
        article.created_by = user
    if article.status == Status.PUBLISHED:
        _stamp_publication(article, article.publish_at)


@transaction.atomic
def correction_add(*, article: Article, user, text: str) -> Correction:
    """Append a dated correction; the article's last-updated time moves with it."""
    if not can_publish(user):
        raise PermissionDenied(_("Only editors can add corrections."))
    correction = Correction.objects.create(article=article, text=text, created_by=user)
    article.save(update_fields=["updated_at"])
    return correction
