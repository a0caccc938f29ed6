import re
from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from .addresses import address
from .images import Image, Rendition  # noqa: F401 - models of this app
from .sanitize import BODY_EXTENSIONS, sanitize_html

_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|td|th)>|<br\s*/?>", re.IGNORECASE)

# The desk's order: work without a publish time (drafts, review) on top, then the schedule, then what is live.
# "IS NULL" rather than NULLS FIRST, which SQLite cannot read from an index.
DESK_ORDER = (
    models.ExpressionWrapper(models.Q(publish_at=None), output_field=models.BooleanField()).desc(),
    models.F("publish_at").desc(),
    models.F("id").desc(),
)


class Section(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True, default="")
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Order in the site's navigation; lower comes first.")
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return address("articles:section", slug=self.slug)


class Author(models.Model):
    """A byline. Usually a newsroom user, but wire services and guest writers have no login."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
        help_text=_("The newsroom login this byline belongs to, if any."),
    )
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    role = models.CharField(
        _("role"), max_length=120, blank=True, default="", help_text=_('E.g. "Brussels correspondent".')
    )
    bio = models.TextField(_("biography"), blank=True, default="")

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return address("articles:author", slug=self.slug)


class TaggedArticle(TaggedItemBase):
    content_object = models.ForeignKey("Article", on_delete=models.CASCADE)


def listing_prefetches():
    """What a story in a list shows beyond its row (with section and picture): renditions, bylines in order."""
    return (
        "lead_image__renditions",
        models.Prefetch("bylines", queryset=Author.objects.order_by("articleauthor__position")),
    )


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: published, and the publish time has come."""
        return self.filter(status=Article.Status.PUBLISHED, publish_at__lte=timezone.now())

    def scheduled(self):
        return self.filter(status=Article.Status.PUBLISHED, publish_at__gt=timezone.now())

    def in_review(self):
        return self.filter(status=Article.Status.REVIEW)

    def drafts_of(self, user):
        return self.filter(status=Article.Status.DRAFT, created_by=user)

    def editable_by(self, user):
        """Editors may edit anything; a reporter only their own work that is not live."""
        if user.has_perm("articles.publish_article"):
            return self
        return self.filter(created_by=user).exclude(status=Article.Status.PUBLISHED)

    def related_to(self, article, limit=4, within_days=30):
        """Other published stories sharing the most tags with this one, newest first among equals.

        Only stories from the months around it count: news goes stale, and the archive's size must not
        decide how long an article page takes.
        """
        tag_ids = [tag.pk for tag in article.tags.all()]
        around = article.publish_at or timezone.now()
        window = timezone.timedelta(days=within_days)
        return (
            self.published()
            .filter(tags__in=tag_ids, publish_at__range=(around - window, around + window))
            .exclude(pk=article.pk)
            .only("headline", "slug", "language", "publish_at", "section__name")  # grouped by: keep it narrow
            .annotate(shared_tags=models.Count("tags"))
            .order_by("-shared_tags", "-publish_at")
            .select_related("section")[:limit]
        )

    def publication_periods(self, kind):
        """The years (kind "year") or months ("month") in which these articles go out, oldest first.

        For the desk's date drill-down: a few index probes, where asking for the distinct years of every
        article reads the whole archive.
        """
        dated = self.exclude(publish_at=None).order_by().values_list("publish_at", flat=True)
        first, last = dated.order_by("publish_at").first(), dated.order_by("-publish_at").first()
        periods, start = [], _period_start(first, kind) if first else None
        while start and start <= last:
            end = _period_start(start + timezone.timedelta(days=32 if kind == "month" else 366), kind)
            if dated.filter(publish_at__gte=start, publish_at__lt=end).exists():
                periods.append(start)
            start = end
        return periods

    def for_listing(self):
        return self.select_related("section", "lead_image").prefetch_related(*listing_prefetches())


def _period_start(moment, kind):
    local = timezone.localtime(moment)
    naive = datetime(local.year, local.month if kind == "month" else 1, 1)
    return timezone.make_aware(naive)


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")

    headline = models.CharField(_("headline"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        blank=True,
        help_text=_("The last part of the address. Made from the headline if left empty; unique per publication day."),
    )
    standfirst = models.TextField(
        _("standfirst"),
        max_length=500,
        blank=True,
        default="",
        help_text=_("One or two sentences under the headline; lists and search results show it as the excerpt."),
    )
    body = ProseEditorField(_("body"), extensions=BODY_EXTENSIONS, sanitize=sanitize_html, blank=True, default="")
    dateline = models.CharField(
        _("dateline"), max_length=80, blank=True, default="", help_text=_('Where the story was filed, e.g. "Brussels".')
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="en")
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="articles", verbose_name=_("section"))
    bylines = models.ManyToManyField(
        Author, through="ArticleAuthor", related_name="articles", blank=True, verbose_name=_("authors")
    )
    tags = TaggableManager(through=TaggedArticle, blank=True)
    lead_image = models.ForeignKey(
        Image,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lead image"),
        help_text=_(
            "Choose or upload a picture from the image library; its alt text, caption and credit come with it."
        ),
    )
    translations = models.ManyToManyField(
        "self",
        blank=True,
        verbose_name=_("translations"),
        help_text=_("The same story in other languages. Linking one side links both."),
    )

    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        _("publish time"),
        null=True,
        blank=True,
        help_text=_("When the article goes live. A time in the future schedules it; empty means now, on publishing."),
    )
    first_published_at = models.DateTimeField(_("first published"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles_created",
        editable=False,
        verbose_name=_("created by"),
    )

    is_breaking = models.BooleanField(_("breaking news"), default=False)
    is_featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Candidate for the home page's lead story.")
    )
    comments_open = models.BooleanField(_("comments open"), default=True)
    comment_count = models.PositiveIntegerField(
        _("comments"), default=0, editable=False, help_text=_("Comments readers can see; kept by the comments app.")
    )
    seo_title = models.CharField(
        _("SEO title"), max_length=70, blank=True, default="", help_text=_("For search engines; the headline if empty.")
    )
    seo_description = models.CharField(
        _("SEO description"),
        max_length=160,
        blank=True,
        default="",
        help_text=_("For search engines; the standfirst if empty."),
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [("publish_article", _("Can publish, schedule and unpublish articles"))]
        constraints = [
            models.UniqueConstraint(
                TruncDate("publish_at"),
                "slug",
                name="article_slug_unique_per_day",
                violation_error_message=_("Another article published that day already uses this slug. Choose another."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-publish_at"], name="article_status_publish_idx"),
            models.Index(fields=["section", "status", "-publish_at"], name="article_section_publish_idx"),
            # The desk's list, its status filter and date drill-down.
            models.Index(*DESK_ORDER, name="article_desk_order_idx"),
            models.Index("status", *DESK_ORDER, name="article_desk_status_idx"),
            models.Index(fields=["publish_at"], name="article_publish_at_idx"),
            # Which search matches are public, read without visiting each article's (large) row.
            models.Index(fields=["id", "status", "publish_at"], name="article_public_ids_idx"),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.free_slug(slugify(self.headline)[:190] or "article")
        self.body = sanitize_html(self.body)
        super().save(*args, **kwargs)
        self._keep_old_address()

    def get_absolute_url(self):
        local = timezone.localtime(self.publish_at or timezone.now())
        return address(
            "articles:detail", year=local.year, month=f"{local.month:02d}", day=f"{local.day:02d}", slug=self.slug
        )

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_address = (instance.__dict__.get("slug"), instance.__dict__.get("publish_at"))
        return instance

    def free_slug(self, base):
        """The headline's slug, numbered if another article of the same day already has it."""
        day = timezone.localdate(self.publish_at) if self.publish_at else None
        taken = (
            set(
                Article.objects.filter(publish_at__date=day, slug__startswith=base)
                .exclude(pk=self.pk)
                .values_list("slug", flat=True)
            )
            if day
            else set()
        )
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        return slug

    def _keep_old_address(self):
        """Once readers may have the link, a new slug or date leaves a redirect from the old address."""
        old_slug, old_publish_at = getattr(self, "_loaded_address", (None, None))
        self._loaded_address = (self.slug, self.publish_at)
        if not (old_slug and old_publish_at and self.first_published_at) or (old_slug, old_publish_at) == (
            self.slug,
            self.publish_at,
        ):
            return
        old_date = timezone.localdate(old_publish_at)
        if (old_date, old_slug) != (timezone.localdate(self.publish_at), self.slug):
            SlugRedirect.objects.update_or_create(date=old_date, slug=old_slug, defaults={"article": self})

    @property
    def is_published(self):
        return (
            self.status == self.Status.PUBLISHED and self.publish_at is not None and self.publish_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and self.publish_at is not None and self.publish_at > timezone.now()

    @property
    def public_translations(self):
        """The translations a reader may follow: those published and out."""
        return [translation for translation in self.translations.all() if translation.is_published]

    @property
    def excerpt(self):
        if self.standfirst:
            return self.standfirst
        text = strip_tags(_BLOCK_END.sub(" ", self.body))  # "</p><p>" must not glue two sentences together
        return Truncator(text).words(40)

    @property
    def was_updated(self):
        """Readers are told of an update only when it came well after first publication."""
        first = self.first_published_at or self.publish_at
        return bool(first and self.updated_at and (self.updated_at - first).total_seconds() > 300)


class ArticleAuthor(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    author = models.ForeignKey(Author, on_delete=models.CASCADE, verbose_name=_("author"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        constraints = [models.UniqueConstraint(fields=["article", "author"], name="byline_unique_author")]

    def __str__(self):
        return self.author.name


class Correction(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    text = models.TextField(
        _("correction"), help_text=_("What was wrong and what is right now. Shown at the foot of the article.")
    )
    created_at = models.DateTimeField(_("date"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("added by"),
    )

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self):
        return Truncator(self.text).chars(60)


class SlugRedirect(models.Model):
    """An address an article used to have, so that old links keep working after a slug change."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="old_slugs")
    date = models.DateField()
    slug = models.SlugField(max_length=200)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["date", "slug"], name="slugredirect_unique")]

    def __str__(self):
        return f"{self.date:%Y/%m/%d}/{self.slug}"
