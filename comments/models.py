"""
Reader comments, threaded under articles.

A thread is stored as a materialised path: each comment's `path` is its ancestors' ids and its own, zero-padded
("0000000012/0000000034/"), so ordering by path gives the whole discussion in reading order from one query and
the ancestors of a comment are the prefixes of its path.

The one visibility rule is `Comment.objects.visible()`: approved, and no ancestor held or marked as spam.
A removed comment is not visible, but its visible replies are: the thread shows "This comment was removed" in
its place. `Article.comment_count` is the number of visible comments; placeholders are not counted.
"""

import functools
import hashlib
import logging
import re

from django.conf import settings
from django.core.cache import cache
from django.core.validators import URLValidator
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Section
from newsroom import versions

from .rendering import render_comment, render_text, rendering_key

logger = logging.getLogger(__name__)

PATH_STEP = 11  # ten digits and a slash
AVATAR_COLOURS = 12


class CommentQuerySet(models.QuerySet):
    def visible(self):
        """What every reader sees and the count counts: approved, under no held or spammed comment."""
        return self.filter(status=Comment.Status.APPROVED).exclude(_hidden_ancestor())

    def displayable(self):
        """Visible comments and the removed ones that may stand as placeholders above visible replies."""
        return self.filter(status__in=[Comment.Status.APPROVED, Comment.Status.REMOVED]).exclude(_hidden_ancestor())

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def reported(self):
        return self.filter(status=Comment.Status.APPROVED, report_count__gt=0)

    def spam(self):
        return self.filter(status=Comment.Status.SPAM)


@functools.cache  # built once per process: queries resolve a copy, and building it cost more than running it
def _hidden_ancestor():
    """A held or spammed comment whose path is a prefix of the outer comment's path."""
    return Exists(
        Comment.objects.filter(
            article_id=OuterRef("article_id"),
            status__in=[Comment.Status.PENDING, Comment.Status.SPAM],
            path=Substr(OuterRef("path"), 1, Length("path")),
        ).exclude(pk=OuterRef("pk"))
    )


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", _("Approved")
    SPAM = "spam", _("Spam")
    REMOVED = "removed", _("Removed")


class Comment(models.Model):
    Status = CommentStatus

    class Badge(models.TextChoices):
        NONE = "", _("Reader")
        STAFF = "staff", _("Staff")
        JOURNALIST = "journalist", _("Journalist")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments", verbose_name=_("article"))
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies", verbose_name=_("in reply to")
    )
    depth = models.PositiveSmallIntegerField(_("depth"), default=1, editable=False)
    path = models.CharField(max_length=255, blank=True, default="", editable=False, db_index=False)

    name = models.CharField(_("name"), max_length=80)
    email = models.EmailField(_("email"), blank=True, default="", help_text=_("Never shown to readers."))
    website = models.URLField(
        _("website"), blank=True, default="", validators=[URLValidator(schemes=["http", "https"])]
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
        editable=False,
        help_text=_("The newsroom login the comment was posted from, if any."),
    )
    badge = models.CharField(_("badge"), max_length=16, choices=Badge, blank=True, default="", editable=False)
    text = models.TextField(_("comment"), max_length=5000)
    html = models.TextField(editable=False, default="")
    # The whole comment as its thread shows it, made on every save; the key says for which language and markup.
    rendered = models.TextField(editable=False, default="")
    rendered_key = models.CharField(max_length=64, editable=False, default="")

    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.PENDING)
    hold_reason = models.CharField(_("why held"), max_length=200, blank=True, default="", editable=False)
    is_featured = models.BooleanField(
        _("editors' pick"), default=False, help_text=_("Shown above the discussion as one of the editors' picks.")
    )
    notify = models.BooleanField(_("email replies"), default=False)
    subscribers_notified = models.BooleanField(default=False, editable=False)
    report_count = models.PositiveIntegerField(_("reports"), default=0, editable=False)

    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True, editable=False)
    user_agent = models.CharField(_("user agent"), max_length=300, blank=True, default="", editable=False)
    created_at = models.DateTimeField(_("posted"), default=timezone.now, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["path"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        permissions = [
            ("moderate_comment", _("Can approve, mark as spam, remove and pick comments")),
            ("erase_commenter", _("Can erase a commenter's personal data")),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=CommentStatus.values), name="comment_status_valid"),
            models.CheckConstraint(condition=Q(depth__gte=1), name="comment_depth_positive"),
        ]
        indexes = [
            models.Index(fields=["article", "path"], name="comment_thread_idx"),
            models.Index(fields=["article", "status"], name="comment_article_status_idx"),
            models.Index(fields=["status", "-created_at"], name="comment_queue_idx"),
            models.Index(fields=["email"], name="comment_email_idx"),
            models.Index(fields=["created_at"], name="comment_created_idx"),
        ]

    def __str__(self):
        return f"{self.name}: {Truncator(self.text).chars(60)}"

    def save(self, *args, update_fields=None, **kwargs):
        self.html = render_text(self.text)
        if self.parent_id and self._state.adding:
            self.depth = self.parent.depth + 1
        if self.pk is not None:
            self.render()
            if update_fields is not None:
                update_fields = {*update_fields, "html", "rendered", "rendered_key"}
        super().save(*args, update_fields=update_fields, **kwargs)
        if not self.path:  # a new comment: its path and its HTML both need its id
            self.path = (self.parent.path if self.parent_id else "") + f"{self.pk:010d}/"
            self.render()
            Comment.objects.filter(pk=self.pk).update(
                path=self.path, rendered=self.rendered, rendered_key=self.rendered_key
            )

    def get_absolute_url(self):
        return reverse("comments:permalink", kwargs={"pk": self.pk})

    def render(self):
        """Make the stored HTML again, as every save does, so that a new status or text shows at once."""
        language = self.article.language
        self.rendered, self.rendered_key = render_comment(self, language), rendering_key(language)

    @property
    def anchor(self):
        return f"comment-{self.pk}"

    @property
    def root_id(self):
        return int(self.path[: PATH_STEP - 1]) if self.path else self.pk

    def ancestor_id(self, depth):
        """The id of this comment's ancestor at `depth` (1 is the top-level comment), read from the path."""
        start = (depth - 1) * PATH_STEP
        return int(self.path[start : start + PATH_STEP - 1])

    @property
    def is_visible(self):
        """The instance's half of visible(); a caller that knows the ancestors are shown can rely on it."""
        return self.status == self.Status.APPROVED

    @property
    def avatar_colour(self):
        """One of a dozen colours, always the same for an email address, without any outside service."""
        digest = hashlib.sha256((self.email or self.name).strip().lower().encode()).digest()
        return digest[0] % AVATAR_COLOURS

    @property
    def initials(self):
        words = self.name.split()
        return "".join(word[0] for word in words[:2]).upper() or "?"


class PendingComment(Comment):
    """The moderation queues: the same comments, listed apart in the admin."""

    class Meta:
        proxy = True
        verbose_name = _("pending comment")
        verbose_name_plural = _("pending comments")


class ReportedComment(Comment):
    class Meta:
        proxy = True
        verbose_name = _("reported comment")
        verbose_name_plural = _("reported comments")


class SpamComment(Comment):
    class Meta:
        proxy = True
        verbose_name = _("spam comment")
        verbose_name_plural = _("spam")


QUEUES = (PendingComment, ReportedComment, SpamComment)


class CommentReport(models.Model):
    """A reader flagged a comment. One per reader: by their session's reader id, and by IP address."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reader = models.CharField(max_length=64)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=200, blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(fields=["comment", "reader"], name="report_once_per_reader"),
            models.UniqueConstraint(fields=["comment", "ip_address"], name="report_once_per_ip"),
        ]

    def __str__(self):
        return self.reason or str(_("Reported"))


class ModerationLog(models.Model):
    """Who did what to which comment, when and why. Kept when the comment itself is deleted."""

    class Action(models.TextChoices):
        APPROVE = "approve", _("Approved")
        SPAM = "spam", _("Marked as spam")
        REMOVE = "remove", _("Removed")
        HOLD = "hold", _("Held for moderation")
        FEATURE = "feature", _("Made an editors' pick")
        UNFEATURE = "unfeature", _("No longer an editors' pick")
        EDIT = "edit", _("Edited")
        DELETE = "delete", _("Deleted")
        ERASE = "erase", _("Commenter's personal data erased")

    comment = models.ForeignKey(
        Comment, on_delete=models.SET_NULL, null=True, blank=True, related_name="log", verbose_name=_("comment")
    )
    comment_summary = models.CharField(_("comment"), max_length=200, blank=True, default="")
    action = models.CharField(_("action"), max_length=16, choices=Action)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("by")
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True, default="")
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")

    def __str__(self):
        return f"{self.get_action_display()}: {self.comment_summary}"


class Moderation(models.TextChoices):
    ALL = "all", _("Hold every comment for moderation")
    FIRST_TIME = "first_time", _("Hold first-time commenters only")
    NONE = "none", _("Publish at once")


class Policy(models.Model):
    """The site's comment policy, edited in the admin (one row). Sections may override the moderation mode."""

    moderation = models.CharField(
        _("moderation"),
        max_length=16,
        choices=Moderation,
        default=Moderation.FIRST_TIME,
        help_text=_("A commenter is trusted once a comment with the same name and email has been approved."),
    )
    banned_words = models.TextField(
        _("banned words"),
        blank=True,
        default="",
        help_text=_(
            "One word or phrase per line. A comment containing one is refused and the reader asked to rephrase."
        ),
    )
    suspect_words = models.TextField(
        _("suspect words"),
        blank=True,
        default="",
        help_text=_("One word or phrase per line. A comment containing one waits for a moderator."),
    )
    max_links = models.PositiveSmallIntegerField(
        _("maximum links"), default=2, help_text=_("A comment with more links than this waits for a moderator.")
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("comment policy")
        verbose_name_plural = _("comment policy")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="policy_single_row")]

    def __str__(self):
        return str(_("Comment policy"))

    @classmethod
    def load(cls):
        return cls.objects.get_or_create(pk=1)[0]

    @classmethod
    def current(cls):
        """
        The policy with every section's own mode, as the cache keeps it for all app servers: every comment reads
        it. The key names a version that a save moves on at once and again once committed (`policy_changed`),
        so a copy read from the rows before the commit is filed under a version nobody asks for again.
        """
        try:
            key = f"comments:policy:{versions.current(POLICY_VERSION_KEY)}"
            policy = cache.get(key)
        except Exception:  # noqa: BLE001 - a cache outage costs a query, never a comment
            logger.warning("Comment policy cache unavailable; reading the database.", exc_info=True)
            return cls._read()
        if policy is None:
            policy = cls._read()
            cache.set(key, policy, POLICY_CACHE_SECONDS)
        return policy

    @classmethod
    def _read(cls):
        policy = cls.load()
        policy.section_modes = dict(policy.sections.values_list("section_id", "moderation"))
        return policy

    def moderation_for(self, section_id):
        if hasattr(self, "section_modes"):  # read by current()
            return self.section_modes.get(section_id, self.moderation)
        override = next((s for s in self.sections.all() if s.section_id == section_id), None)
        return override.moderation if override else self.moderation

    @staticmethod
    def _words(text):
        return [line.strip().lower() for line in text.splitlines() if line.strip()]

    def banned_in(self, text):
        return _found(self._words(self.banned_words), text)

    def suspect_in(self, text):
        return _found(self._words(self.suspect_words), text)


def _found(words, text):
    """Whole words only, so that banning "ass" leaves "class" and "Assange" alone."""
    lowered = text.lower()
    return [word for word in words if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", lowered)]


POLICY_VERSION_KEY = "comments:policy:version"
POLICY_CACHE_SECONDS = 24 * 3600


def policy_changed(**signal_kwargs):
    """A save of the policy or a section's override: every app server reads the new one from its next comment."""
    try:
        versions.advance(POLICY_VERSION_KEY)
        transaction.on_commit(lambda: versions.advance(POLICY_VERSION_KEY), robust=True)  # after the commit: logged
    except Exception:  # noqa: BLE001 - the editor's save stands; copies expire within POLICY_CACHE_SECONDS
        logger.error("Comment policy cache could not be refreshed.", exc_info=True)


class SectionPolicy(models.Model):
    policy = models.ForeignKey(Policy, on_delete=models.CASCADE, related_name="sections", default=1)
    section = models.OneToOneField(Section, on_delete=models.CASCADE, verbose_name=_("section"))
    moderation = models.CharField(_("moderation"), max_length=16, choices=Moderation)

    class Meta:
        verbose_name = _("section override")
        verbose_name_plural = _("section overrides")

    def __str__(self):
        return str(self.section)
