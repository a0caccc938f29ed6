"""The comments app's settings, read at call time so `override_settings` and the `settings` fixture work."""

from django.conf import settings

DEFAULTS = {
    # Comments close this many days after publication; 0 keeps them open until an editor closes them.
    "CLOSE_AFTER_DAYS": 30,
    # Nesting levels, top-level comments included; a reply to the deepest level joins that level.
    "MAX_DEPTH": 4,
    # Top-level comments per page of discussion; replies always stay on their thread's page.
    "PER_PAGE": 50,
    # Seconds a human needs at least between seeing the form and sending it.
    "MIN_SECONDS": 3,
    # A form older than this (seconds) is refused as stale; the reader's text comes back to send again.
    "FORM_MAX_AGE": 2 * 24 * 3600,
    # (how many, per seconds), counted in the cache so that every app server shares them.
    "RATE_LIMIT_IP": (10, 600),
    "RATE_LIMIT_EMAIL": (5, 600),
    "RATE_LIMIT_REPORTS": (20, 3600),
    # Commenters' IP addresses and user agents are erased after this many days (erase_commenter_ips).
    "IP_RETENTION_DAYS": 90,
    # Dotted paths of extra spam checkers: callables (comment, *, request) -> "spam", "hold" or None.
    "SPAM_CHECKERS": [],
}


def get(name):
    return getattr(settings, f"NEWSROOM_COMMENTS_{name}", DEFAULTS[name])
