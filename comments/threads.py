"""
The discussion under an article, as the page shows it: a page of top-level threads, each whole.

A fixed number of queries whatever the size (count and page of top-level comments, the threads, the editors'
picks), and one pass over the rows in path order to prepare a flat list the template renders without recursion.
"""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Q

from . import conf
from .models import PATH_STEP, Comment

Status = Comment.Status


@dataclass
class Thread:
    comments: list[Comment]
    page: Page
    featured: list[Comment] = field(default_factory=list)


def top_level(article, own_ids=()):
    """The top-level comments shown: visible, removed ones above visible replies, and the reader's own held ones."""
    visible_replies = Comment.objects.visible().filter(
        article_id=OuterRef("article_id"), depth__gt=1, path__startswith=OuterRef("path")
    )
    shown = Q(status=Status.APPROVED) | Q(status=Status.REMOVED, has_replies=True)
    own = Q(pk__in=own_ids, status__in=[Status.PENDING, Status.SPAM])
    queryset = Comment.objects.filter(article=article, depth=1).alias(has_replies=Exists(visible_replies))
    return queryset.filter(shown | own).order_by("path")


def page_number_of(comment, own_ids=()) -> int:
    """Which page of the discussion carries this comment's thread."""
    before = top_level(comment.article, own_ids).filter(path__lt=comment.path[:PATH_STEP]).count()
    return before // conf.get("PER_PAGE") + 1


def load_thread(article, *, page_number=1, own_ids=()) -> Thread:
    paginator = Paginator(top_level(article, own_ids).values_list("path", flat=True), conf.get("PER_PAGE"))
    page = paginator.get_page(page_number)
    roots = list(page.object_list)
    comments = []
    if roots:
        end = f"{int(roots[-1][: PATH_STEP - 1]) + 1:010d}/"  # the next top-level id sorts after every reply
        in_range = Q(article=article, path__gte=roots[0], path__lt=end)
        own = Comment.objects.filter(in_range, pk__in=own_ids, status__in=[Status.PENDING, Status.SPAM])
        comments = arrange((Comment.objects.displayable().filter(in_range) | own).order_by("path"), set(roots))
    featured = list(Comment.objects.visible().filter(article=article, is_featured=True).order_by("created_at"))
    return Thread(comments=comments, page=page, featured=featured)


def arrange(rows, roots) -> list[Comment]:
    """
    Drop replies whose parent is not shown and removed comments left without replies, then mark where the
    template opens and closes lists: `opens` (the next comment is a reply to this one) and `closes` (how many
    levels end after it).
    """
    kept, ids = [], set()
    for comment in rows:
        if comment.path in roots or comment.parent_id in ids:
            kept.append(comment)
            ids.add(comment.pk)
    with_replies, shown = set(), []
    for comment in reversed(kept):
        if comment.status == Status.REMOVED and comment.pk not in with_replies:
            continue
        shown.append(comment)
        with_replies.add(comment.parent_id)
    shown.reverse()
    for comment, following in zip(shown, [*shown[1:], None], strict=True):
        next_depth = following.depth if following else 1
        comment.opens = next_depth > comment.depth
        comment.closes = range(max(comment.depth - next_depth, 0))
    return shown
