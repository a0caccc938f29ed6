"""
Spam and abuse rules, without any outside service.

Refusals (`check_refusals`) raise a ValidationError that the form shows next to the reader's text. The verdict
(`classify`) decides whether an accepted comment is published, held or filed as spam; sites add their own
checkers (Akismet, say) through NEWSROOM_COMMENTS_SPAM_CHECKERS without touching the views.
"""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import conf
from .models import Comment, Policy
from .rendering import link_count

SPAM, HOLD = "spam", "hold"


@dataclass
class Verdict:
    status: str
    reason: str = ""


def check_refusals(comment: Comment, *, policy: Policy) -> None:
    banned = policy.banned_in(comment.text)
    if banned:
        raise ValidationError(
            {
                "text": _("We do not publish comments containing “%(words)s”. Please rephrase and send it again.")
                % {"words": "”, “".join(banned)}
            }
        )
    if _over_limit(comment):
        raise ValidationError(
            _("You have posted several comments in a short time. Please wait a few minutes and send this one again.")
        )
    if _is_duplicate(comment):
        raise ValidationError({"text": _("You have already posted this comment here.")})


def classify(comment: Comment, *, policy: Policy, request=None) -> Verdict:
    """Publish, hold or file as spam; the strictest rule wins and its reason goes to the moderators."""
    for path in conf.get("SPAM_CHECKERS"):
        outcome = import_string(path)(comment, request=request)
        if outcome == SPAM:
            return Verdict(Comment.Status.SPAM, _("Spam according to %s") % path)
        if outcome == HOLD:
            return Verdict(Comment.Status.PENDING, _("Held by %s") % path)
    if comment.badge:
        return Verdict(Comment.Status.APPROVED)
    suspect = policy.suspect_in(comment.text)
    if suspect:
        return Verdict(Comment.Status.PENDING, _("Suspect words: %s") % ", ".join(suspect))
    links = link_count(comment.html)
    if links > policy.max_links:
        return Verdict(Comment.Status.PENDING, ngettext("%d link", "%d links", links) % links)
    return _by_moderation_mode(comment, policy.moderation_for(comment.article.section_id))


def _by_moderation_mode(comment, mode):
    if mode == "all":
        return Verdict(Comment.Status.PENDING, _("Every comment is moderated here"))
    if mode == "first_time" and not _is_trusted(comment):
        return Verdict(Comment.Status.PENDING, _("First comment from this commenter"))
    return Verdict(Comment.Status.APPROVED)


def _is_trusted(comment):
    return Comment.objects.filter(
        email=comment.email, name__iexact=comment.name, status=Comment.Status.APPROVED
    ).exists()


def _is_duplicate(comment):
    same_person = (
        Q(email=comment.email) | Q(ip_address=comment.ip_address) if comment.ip_address else Q(email=comment.email)
    )
    return Comment.objects.filter(same_person, article_id=comment.article_id, text=comment.text).exists()


# Rate limits count in the cache (Redis in production), so every app server shares the same counters.


def _rate_keys(comment):
    keys = [("EMAIL", comment.email)]
    if comment.ip_address:
        keys.append(("IP", comment.ip_address))
    return [(f"RATE_LIMIT_{scope}", _key("comment", scope, value)) for scope, value in keys]


def _key(kind, scope, value):
    return f"comments:rate:{kind}:{scope}:{hashlib.sha256(value.encode()).hexdigest()[:32]}"


def _over_limit(comment):
    """Count the attempt, then compare: posts racing on two app servers can never both slip under the limit."""
    counts = [(_hit(key, conf.get(setting)[1]), conf.get(setting)[0]) for setting, key in _rate_keys(comment)]
    return any(count > limit for count, limit in counts)


def _hit(key, seconds) -> int:
    """Add one to a counter shared by every app server (the cache) and return the new value: one round trip to
    the cache while a window is open, which is when a flood comes."""
    try:
        count = cache.incr(key)
    except ValueError:  # no window open
        if cache.add(key, 1, seconds):
            return 1
        try:
            count = cache.incr(key)  # another server opened it a moment ago
        except ValueError:  # and it closed again at once
            cache.set(key, 1, seconds)
            return 1
    if count == 1:  # a counter left without expiry (plain Redis INCR makes them) starts its window now
        cache.touch(key, seconds)
    return count


def report_allowed(ip_address: str | None) -> bool:
    """Reports are limited per IP address too, so nobody can flood the queue."""
    if not ip_address:
        return True
    limit, seconds = conf.get("RATE_LIMIT_REPORTS")
    key = _key("report", "IP", ip_address)
    return _hit(key, seconds) <= limit
