"""Believable discussions for the demo newsroom: threads of mixed depth, a few held, a few from staff."""

import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article

from . import conf
from .models import Comment
from .services import comment_count_refresh

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


def seed_comments(per_article: int, articles=None) -> int:
    """Add `per_article` comments to each published article that has none yet; returns how many were made."""
    staff = get_user_model().objects.filter(is_staff=True, is_active=True).select_related("author").first()
    articles = Article.objects.published() if articles is None else articles
    made = 0
    for article in articles.filter(comments__isnull=True):
        with transaction.atomic():
            made += _discussion(article, per_article, staff)
            comment_count_refresh(article_id=article.pk)
    return made


def _discussion(article, count, staff):
    rng = random.Random(article.pk)
    language = article.language if article.language in TEXTS else "en"
    start, span = article.publish_at, max((timezone.now() - article.publish_at).total_seconds(), 60)
    shown = []
    for i in range(count):
        parent = rng.choice(shown) if shown and i % 3 else None  # two in three comments answer another
        if parent and parent.depth >= conf.get("MAX_DEPTH"):
            parent = parent.parent
        comment = Comment(
            article=article,
            parent=parent,
            text=rng.choice(REPLIES[language] if parent else TEXTS[language]),
            created_at=start + timezone.timedelta(seconds=span * (i + 1) / (count + 1)),
            status=Comment.Status.PENDING if i % 7 == 5 else Comment.Status.APPROVED,
        )
        if staff and parent and i % 5 == 4:
            _from_staff(comment, staff)
        else:
            name = rng.choice(READERS)
            comment.name, comment.email = name, f"{slugify(name)}@example.net"
        comment.save()
        if comment.status == Comment.Status.APPROVED:
            shown.append(comment)
    return count


def _from_staff(comment, user):
    comment.user, comment.status = user, Comment.Status.APPROVED
    comment.name = user.get_full_name() or user.get_username()
    comment.email = user.email
    comment.badge = Comment.Badge.JOURNALIST if hasattr(user, "author") else Comment.Badge.STAFF
