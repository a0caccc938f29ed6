"""
The discussion under an article, as the page shows it: a page of top-level threads, each whole.

One plain query up to a few hundred comments, two for a longer discussion, whatever its size: the outline of
the article's comments (ids, parents, statuses), from which one pass in path order works out what is shown, the
page and the editors' picks; and the stored HTML of that page's comments and of the picks, which a second pass
joins, opening and closing the lists of replies. No template runs per comment: each comment's HTML was rendered
when it was saved.

The pass applies the rule of `Comment.objects.visible()` and `displayable()` to rows in memory, because building
those subqueries cost more than all the rest of the thread; the tests hold both to the same answers, and
`top_level()` (which permalinks use) to the same pages.
"""

import functools
import logging
from collections import namedtuple
from dataclasses import dataclass, field
from operator import attrgetter

from django.core.paginator import Page, Paginator
from django.db import DatabaseError, connection
from django.db.models import Case, Count, Exists, OuterRef, Q, When

from . import conf
from .models import PATH_STEP, Comment
from .rendering import rendering_key, without_reply_links

logger = logging.getLogger(__name__)
Status = Comment.Status
HELD = {Status.PENDING, Status.SPAM}
DISPLAYABLE = {Status.APPROVED, Status.REMOVED}
OUTLINE_FIELDS = ["pk", "parent_id", "depth", "path", "status", "is_featured"]
# What the editors' picks show apart from their stored HTML, read for the picks alone: read for every comment,
# `created_at` alone cost PostgreSQL's driver a tenth of the article page (Django converts it in Python).
PICKED = {"pick_name": "name", "pick_email": "email", "pick_html": "html", "pick_created_at": "created_at"}
STORED_FIELDS = ["rendered", "rendered_key", *PICKED]
ONE_QUERY_UP_TO = 500  # comments


@dataclass
class Thread:
    pieces: list[str]  # the thread's HTML, comment by comment, for newsroom.insertions
    page: Page
    count: int  # the visible comments, as Article.comment_count counts them, but read with the thread
    featured: list[Comment] = field(default_factory=list)


@dataclass
class Outline:
    """What one pass over the outline finds: the rows the thread may show, the top-level ones, the picks, and how
    many are visible."""

    shown: list = field(default_factory=list)
    roots: list[int] = field(default_factory=list)
    picks: set[int] = field(default_factory=set)
    root_of: dict[int, int] = field(default_factory=dict)
    visible: int = 0


def top_level(article, own_ids=()):
    """The top-level comments shown: visible, removed ones above visible replies, and the reader's own held ones."""
    shown = Q(status=Status.APPROVED) | Q(status=Status.REMOVED, has_replies=True)
    own = Q(pk__in=own_ids, status__in=HELD)
    queryset = Comment.objects.filter(article=article, depth=1).alias(has_replies=_has_visible_replies())
    return queryset.filter(shown | own).order_by("path")


@functools.cache  # built once per process, as models._hidden_ancestor() is
def _has_visible_replies():
    visible_replies = Comment.objects.visible().filter(
        article_id=OuterRef("article_id"), depth__gt=1, path__startswith=OuterRef("path")
    )
    return Exists(visible_replies)


def page_number_of(comment, own_ids=()) -> int:
    """Which page of the discussion carries this comment's thread."""
    # Each top-level comment shown is visible, or stands above a visible reply, or is the reader's own held one:
    # the count (read when the article was, before this comment if it is new) and the reader's own bound them.
    if comment.article.comment_count + len(own_ids) < conf.get("PER_PAGE"):
        return 1
    return _top_level_before(comment, own_ids) // conf.get("PER_PAGE") + 1


def _top_level_before(comment, own_ids) -> int:
    """How many threads come first. Removed top-level comments count only above visible replies: rare, dearer."""
    earlier = {"depth": 1, "path__lt": comment.path[:PATH_STEP]}
    shown = Q(status=Status.APPROVED) | Q(pk__in=own_ids, status__in=HELD)
    counts = Comment.objects.filter(article_id=comment.article_id, **earlier).aggregate(
        shown=Count("pk", filter=shown), removed=Count("pk", filter=Q(status=Status.REMOVED))
    )
    if not counts["removed"]:
        return counts["shown"]
    return top_level(comment.article, own_ids).filter(**earlier).count()


def load_thread(article, *, page_number=1, own_ids=(), replies_open=True) -> Thread:
    # Most discussions come whole in one query, outline and HTML; past a few hundred comments the HTML of
    # the other pages would weigh more than a second query for this page's. (The article's count may be a kept
    # story's, a few comments behind: it only chooses.)
    whole = article.comment_count + len(own_ids) <= ONE_QUERY_UP_TO
    rows = article_rows(article.pk, whole)
    outline = read_outline(sorted(rows, key=attrgetter("path")), own_ids)
    page = Paginator(outline.roots, conf.get("PER_PAGE")).get_page(page_number)
    roots = set(page.object_list)
    if not roots:  # nothing shown: no picks either, they are visible comments
        return Thread(pieces=[], page=page, count=outline.visible)
    thread = arrange([row for row in outline.shown if outline.root_of[row.pk] in roots], roots)
    wanted = {row.pk for row in thread} | outline.picks
    stored = rows if whole else stored_rows(article, roots, outline.picks)
    stored = {row.pk: row for row in fresh([row for row in stored if row.pk in wanted], article)}
    pieces = list(thread_html(thread, stored))
    picks = sorted((stored[pk] for pk in outline.picks), key=attrgetter("pick_created_at", "pk"))  # posting order
    return Thread(
        pieces=pieces if replies_open else [without_reply_links("".join(pieces))],
        page=page,
        count=outline.visible,
        featured=[Comment(pk=row.pk, name=row.pick_name, email=row.pick_email, html=row.pick_html) for row in picks],
    )


def article_rows(article_id, whole) -> list:
    """The article's comments: their outline, and their stored HTML too if `whole`."""
    sql, row = _article_rows_query(connection.vendor, whole)
    with connection.cursor() as cursor:
        cursor.execute(sql, [article_id])
        return list(map(row._make, cursor.fetchall()))


@functools.cache
def _article_rows_query(vendor, whole):
    """The SQL Django compiles for the query, once per process, and the named row it gives: for 200 comments
    compiling the query and converting each row cost as much as running it (0.65 ms and 0.6). No field read needs
    a converter: SQLite's is_featured, 0 or 1, is only tested for truth, and a pick's created_at (text there) only
    orders the picks. In id order, which SQLite's index on the article gives unsorted: sorting the rows, HTML and
    all, by posting time cost SQLite a third of the query. The one parameter is the article's id."""
    fields = [*OUTLINE_FIELDS, *(STORED_FIELDS if whole else [])]
    rows = _with_picks(Comment.objects.filter(article_id=0)).order_by("pk").values_list(*fields)
    return rows.query.sql_with_params()[0], namedtuple("Row", fields)


def _with_picks(comments):
    return comments.annotate(**{alias: Case(When(is_featured=True, then=name)) for alias, name in PICKED.items()})


def read_outline(rows, own_ids=()) -> Outline:
    """
    visible(): approved, under no held or spammed comment. displayable(): approved or removed, under none.
    The reader's own held comments are shown too. Rows come in path order, so a parent comes before its replies.
    """
    own_ids, outline = set(own_ids), Outline()
    hidden, with_visible_replies, top = set(), set(), []
    for row in rows:
        root = outline.root_of[row.pk] = outline.root_of.get(row.parent_id, row.pk)
        under_hidden = row.parent_id in hidden
        if under_hidden or row.status in HELD:
            hidden.add(row.pk)
        if row.status == Status.APPROVED and not under_hidden:
            outline.visible += 1
            if row.depth > 1:
                with_visible_replies.add(root)
            if row.is_featured:
                outline.picks.add(row.pk)
        if (row.status in DISPLAYABLE and not under_hidden) or (row.pk in own_ids and row.status in HELD):
            outline.shown.append(row)
            if row.depth == 1:
                top.append(row)
    outline.roots = [r.pk for r in top if r.status != Status.REMOVED or r.pk in with_visible_replies]
    return outline


def stored_rows(article, roots, picks) -> list:
    """The stored HTML of the comments under these top-level ones, and the picks' text."""
    start, end = min(roots), max(roots) + 1  # a top-level id's path sorts before its replies, the next one's after
    in_range = Q(article=article, path__gte=f"{start:010d}/", path__lt=f"{end:010d}/")
    rows = _with_picks(Comment.objects.filter(in_range | Q(pk__in=picks))).order_by()
    return list(rows.values_list("pk", *STORED_FIELDS, named=True))


def fresh(rows, article) -> list:
    """Rows whose stored HTML was made for another language or markup (or never) are rendered again and kept."""
    rows, key = list(rows), rendering_key(article.language)
    stale = {row.pk for row in rows if row.rendered_key != key}
    if not stale:
        return rows
    comments = {c.pk: c for c in Comment.objects.filter(pk__in=stale)}
    for comment in comments.values():
        comment.article = article
        comment.render()
    try:  # a moderator's save in the meantime stored the current key: that rendering is newer and stays
        Comment.objects.exclude(rendered_key=key).bulk_update(comments.values(), ["rendered", "rendered_key"])
    except DatabaseError:  # a busy database: this page has its HTML, a later one stores it
        logger.warning("Could not store the rendering of %d comment(s) of article %s", len(comments), article.pk)
    return [row._replace(rendered=comments[row.pk].rendered) if row.pk in stale else row for row in rows]


def arrange(rows, roots) -> list:
    """Drop replies whose parent is not shown and removed comments left without replies, in path order."""
    kept, ids = [], set()
    for row in rows:
        if row.pk in roots or row.parent_id in ids:
            kept.append(row)
            ids.add(row.pk)
    with_replies, shown = set(), []
    for row in reversed(kept):
        if row.status == Status.REMOVED and row.pk not in with_replies:
            continue
        shown.append(row)
        with_replies.add(row.parent_id)
    shown.reverse()
    return shown


def thread_html(rows, stored):
    """Each comment's stored HTML, then a list of replies if the next row answers it, else the lists it ends."""
    for row, following in zip(rows, [*rows[1:], None], strict=True):
        yield stored[row.pk].rendered
        next_depth = following.depth if following else 1
        if next_depth > row.depth:
            yield '\n<ol class="comment-replies">\n'
        else:
            yield "\n</li>\n" + "</ol></li>\n" * (row.depth - next_depth)
