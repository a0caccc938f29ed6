"""Believable discussions for the demo newsroom: threads of mixed depth, a few held, a few from staff."""

import functools
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import CharField, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Concat, LPad
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article

from . import conf
from .models import PATH_STEP, Comment
from .rendering import render_text
from .services import comment_counts_refresh

READERS = [
    "Marta Kowalska",
    "Jean Dupont",
    "Aoife Byrne",
    "Luca Bianchi",
    "Sofia Papadopoulou",
    "Jonas Berg",
    "Ana Ferreira",
    "Pieter de Vries",
    "Leïla Haddad",
    "Mikael Virtanen",
]
TEXTS = {
    "en": [
        "Good summary. What the piece does not say is who pays for this in the end.",
        "I work in the sector and this matches what we see on the ground.\n\nThe timetable looks optimistic, though.",
        "Is there a link to the Council's conclusions? I could not find them on consilium.europa.eu.",
        "Another compromise that pleases nobody. Still, better than no agreement at all.",
        "Thanks for explaining the procedure so clearly; most reports skip that part.",
        "Parliament still has to vote on it, so I would not call it a done deal yet.",
        "How does this compare with what the Commission proposed last year?",
        "The smaller member states seem to have got more than expected here.",
    ],
    "fr": [
        "Bon résumé. Reste à savoir qui paiera la facture au bout du compte.",
        "Je travaille dans le secteur et cela correspond à ce que nous voyons sur le terrain.\n\nLe calendrier paraît optimiste.",
        "Y a-t-il un lien vers les conclusions du Conseil ?",
        "Encore un compromis qui ne satisfait personne, mais c'est mieux que rien.",
        "Merci d'avoir expliqué la procédure aussi clairement.",
        "Le Parlement doit encore voter : rien n'est joué.",
    ],
}
REPLIES = {
    "en": ["Agreed.", "I am not so sure: the figures say otherwise.", "Fair point, thanks.", "Source, please?"],
    "fr": ["D'accord.", "Pas si sûr : les chiffres disent autre chose.", "Bonne remarque, merci.", "Une source ?"],
}


def seed_comments(per_article: int, articles=None, batch_size=500) -> int:
    """Add `per_article` comments to each published article that has none yet; returns how many were made.

    In batches of articles, one INSERT per thread depth: a hundred thousand articles take minutes, not hours.
    No signal goes out for each comment: each batch recounts its articles, which refreshes the cached pages.
    Each comment's thread HTML is made the first time a page shows it (comments.threads.fresh), not here.
    """
    staff = get_user_model().objects.filter(is_staff=True, is_active=True).select_related("author").first()
    articles = Article.objects.published() if articles is None else articles
    pending = list(articles.filter(comments__isnull=True).order_by("pk").values_list("pk", "language", "publish_at"))
    made = 0
    for start in range(0, len(pending), batch_size):
        chunk = pending[start : start + batch_size]
        with transaction.atomic():
            made += _insert_by_depth([c for row in chunk for c in _discussion(*row, per_article, staff)])
            comment_counts_refresh(article_ids=[pk for pk, _language, _when in chunk])
    return made


def _discussion(article_id, language, publish_at, count, staff):
    """One article's comments, unsaved, each after its parent: two in three answer an earlier one."""
    rng = random.Random(article_id)
    language = language if language in TEXTS else "en"
    span = max((timezone.now() - publish_at).total_seconds(), 60)
    made, shown = [], []
    for i in range(count):
        parent = rng.choice(shown) if shown and i % 3 else None
        if parent and parent.depth >= conf.get("MAX_DEPTH"):
            parent = parent.parent
        text = rng.choice(REPLIES[language] if parent else TEXTS[language])
        comment = Comment(
            article_id=article_id,
            parent=parent,
            depth=parent.depth + 1 if parent else 1,
            text=text,
            html=_html(text),
            created_at=publish_at + timezone.timedelta(seconds=span * (i + 1) / (count + 1)),
            status=Comment.Status.PENDING if i % 7 == 5 else Comment.Status.APPROVED,
        )
        if staff and parent and i % 5 == 4:
            _from_staff(comment, staff)
        else:
            name = rng.choice(READERS)
            comment.name, comment.email = name, f"{slugify(name)}@example.net"
        made.append(comment)
        if comment.status == Comment.Status.APPROVED:
            shown.append(comment)
    return made


def _insert_by_depth(comments) -> int:
    """Top-level comments first, then their replies…: a reply's path is its parent's and its own id, set in SQL."""
    own_step = Concat(LPad(Cast("pk", CharField()), PATH_STEP - 1, Value("0")), Value("/"))
    parent_path = Subquery(Comment.objects.filter(pk=OuterRef("parent_id")).values("path")[:1])
    for depth in sorted({c.depth for c in comments}):
        level = [c for c in comments if c.depth == depth]
        for comment in level:
            comment.parent_id = comment.parent.pk if comment.parent else None
        Comment.objects.bulk_create(level, batch_size=1000)
        new = Comment.objects.filter(article_id__in={c.article_id for c in level}, depth=depth, path="")
        new.update(path=Concat(parent_path, own_step) if depth > 1 else own_step)
    return len(comments)


@functools.cache
def _html(text):
    return render_text(text)


def _from_staff(comment, user):
    comment.user, comment.status = user, Comment.Status.APPROVED
    comment.name = user.get_full_name() or user.get_username()
    comment.email = user.email
    comment.badge = Comment.Badge.JOURNALIST if hasattr(user, "author") else Comment.Badge.STAFF
