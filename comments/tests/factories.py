"""Comments straight into the database, bypassing the spam rules; the article's count is refreshed."""

import itertools

from comments.models import Comment
from comments.services import comment_count_refresh

_seq = itertools.count(1)


def make_comment(article, parent=None, *, status=Comment.Status.APPROVED, refresh=True, **extra):
    n = next(_seq)
    extra.setdefault("name", f"Reader {n}")
    extra.setdefault("email", f"reader{n}@example.net")
    extra.setdefault("text", f"Comment number {n}, with an opinion.")
    comment = Comment.objects.create(article=article, parent=parent, status=status, **extra)
    if refresh:
        comment_count_refresh(article_id=article.pk)
    return comment
