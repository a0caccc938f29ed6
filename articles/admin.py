"""The journalists' desk: articles, bylines, corrections, the image library, sections and authors."""

import reversion
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from reversion.models import Version
from reversion_compare.admin import CompareVersionAdmin
from taggit.models import Tag

from . import services
from .forms import ArticleAdminForm, ImageAdminForm
from .images import make_renditions
from .models import (
    DESK_ORDER,
    Article,
    ArticleAuthor,
    ArticleQuerySet,
    Author,
    Correction,
    Image,
    Section,
    TaggedArticle,
)
from .sanitize import sanitize_html
from .search import Query, matching_ids
from .views import preview_token

Status = Article.Status
SLUG_TAKEN = _("“%(headline)s” was not moved: another article of that day has the same address. Change its slug.")

# A version keeps the bylines with the story. Corrections are left out on purpose: they are a public
# record, and restoring an older version must never take one back.
reversion.register(ArticleAuthor)
reversion.register(Article, follow=["articleauthor_set"])


def thumbnail(image):
    if image is None:
        return "—"
    # The narrowest stored rendition: a list column needs a small file, not the original upload.
    return format_html('<img src="{}" alt="" class="desk-thumb">', image.rendition_url(0))


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    ordering = ["position", "name"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "user"]
    list_select_related = ["user"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "role"]


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageAdminForm
    list_display = ["list_thumbnail", "alt_text", "credit", "dimensions", "uploaded_by", "created_at"]
    list_display_links = ["list_thumbnail", "alt_text"]
    list_select_related = ["uploaded_by"]
    search_fields = ["alt_text", "caption", "credit"]
    fieldsets = [
        (None, {"fields": ["file", "preview", "alt_text", "caption", "credit"]}),
        (
            _("Focal point"),
            {
                "fields": [("focal_x", "focal_y")],
                "description": _("Click the picture above to set the point every crop must keep."),
            },
        ),
        (_("Details"), {"fields": ["dimensions", "uploaded_by", "created_at"]}),
    ]
    readonly_fields = ["preview", "dimensions", "uploaded_by", "created_at"]

    class Media:
        css = {"all": ["admin-newsroom/desk.css"]}
        js = ["admin-newsroom/focal-point.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("renditions")

    @admin.display(description=_("picture"))
    def list_thumbnail(self, image):
        return thumbnail(image)

    @admin.display(description=_("preview"))
    def preview(self, image):
        if not image.pk:
            return "—"
        return format_html('<img src="{}" alt="{}" class="desk-preview">', image.rendition_url(640), image.alt_text)

    @admin.display(description=_("size"))
    def dimensions(self, image):
        return f"{image.width} × {image.height}"

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
        if change and "file" in form.changed_data:
            # A new picture under the same record: its old renditions would show the old one.
            for rendition in obj.renditions.all():
                rendition.file.delete(save=False)
                rendition.delete()
        make_renditions(obj)


class BylineInline(admin.TabularInline):
    """Bylines belong to the article: whoever may edit the article may edit its bylines."""

    model = ArticleAuthor
    extra = 0
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    verbose_name_plural = _("bylines (lowest position first)")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_article")

    def has_add_permission(self, request, obj=None):
        if obj is None:
            return request.user.has_perm("articles.add_article")
        return services.can_edit(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return self.has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_add_permission(request, obj)


class CorrectionInline(admin.StackedInline):
    model = Correction
    extra = 0
    fields = ["text", "created_at", "created_by"]
    readonly_fields = ["created_at", "created_by"]

    def has_add_permission(self, request, obj=None):
        return services.can_publish(request.user) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return services.can_publish(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return services.can_publish(request.user) and super().has_delete_permission(request, obj)


class StatusFilter(admin.SimpleListFilter):
    """Statuses as the desk sees them: a published article with a future publish time is scheduled."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            (Status.DRAFT, Status.DRAFT.label),
            (Status.REVIEW, Status.REVIEW.label),
            ("scheduled", _("Scheduled")),
            (Status.PUBLISHED, Status.PUBLISHED.label),
            (Status.UNPUBLISHED, Status.UNPUBLISHED.label),
        ]

    def queryset(self, request, queryset):
        if self.value() == "scheduled":
            return queryset.scheduled()
        if self.value() == Status.PUBLISHED:
            return queryset.published()
        if self.value() in (Status.DRAFT, Status.REVIEW, Status.UNPUBLISHED):
            return queryset.filter(status=self.value())
        return queryset


class MineFilter(admin.SimpleListFilter):
    title = _("my work")
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("drafts", _("My drafts")), ("all", _("Mine"))]

    def queryset(self, request, queryset):
        if self.value() == "drafts":
            return queryset.drafts_of(request.user)
        if self.value() == "all":
            return queryset.filter(created_by=request.user)
        return queryset


class _LinkFilter(admin.SimpleListFilter):
    """Articles linked to one author or tag, found through a subquery.

    A filter on the relation itself would make Django add a DISTINCT over whole rows (an article may have
    two bylines), which reads the whole archive.
    """

    link_model, link_field, article_field = None, None, None

    def queryset(self, request, queryset):
        if not (self.value() or "").isdigit():
            return queryset
        linked = self.link_model.objects.filter(**{self.link_field: self.value()}).values(self.article_field)
        return queryset.filter(pk__in=linked)


class AuthorFilter(_LinkFilter):
    title = _("authors")
    parameter_name = "author"
    link_model, link_field, article_field = ArticleAuthor, "author", "article"

    def lookups(self, request, model_admin):
        return Author.objects.values_list("pk", "name")


class TagFilter(_LinkFilter):
    title = _("tags")
    parameter_name = "tag"
    link_model, link_field, article_field = TaggedArticle, "tag", "content_object"

    def lookups(self, request, model_admin):
        return Tag.objects.order_by("name").values_list("pk", "name")


class _OneArticleRevision:
    """A revision narrowed to one article and its bylines.

    A bulk action saves every article it touches in one revision; restoring one of them must leave
    the others as they are now.
    """

    def __init__(self, version):
        self._version = version
        self.date_created = version.revision.date_created

    def revert(self, delete=False):
        article_id = int(self._version.object_id)
        byline_type = ContentType.objects.get_for_model(ArticleAuthor)
        bylines = [
            version
            for version in self._version.revision.version_set.filter(content_type=byline_type)
            if version.field_dict["article_id"] == article_id
        ]
        if delete:
            kept = [int(version.object_id) for version in bylines]
            ArticleAuthor.objects.filter(article_id=article_id).exclude(pk__in=kept).delete()
        self._version.revert()
        for version in bylines:
            version.revert()


class _ArticleVersion:
    """A Version whose revision reverts one article only (see _OneArticleRevision)."""

    def __init__(self, version):
        self._version = version
        self.revision = _OneArticleRevision(version)

    def __getattr__(self, name):
        return getattr(self._version, name)


class DeskQuerySet(ArticleQuerySet):
    """The desk's list, whose date drill-down (date_hierarchy) asks for the years or months it covers.

    Django finds them with a DISTINCT over every article in the list; index probes give the same answer.
    """

    def datetimes(self, field_name, kind, order="ASC", tzinfo=None):
        if (field_name, order, tzinfo) == ("publish_at", "ASC", None) and kind in ("year", "month"):
            return self.publication_periods(kind)
        return super().datetimes(field_name, kind, order, tzinfo)


@admin.register(Article)
class ArticleAdmin(CompareVersionAdmin):
    form = ArticleAdminForm
    list_display = ["list_thumbnail", "headline", "section", "status_label", "authors", "publish_time", "comment_count"]
    list_display_links = ["headline"]
    list_filter = [MineFilter, StatusFilter, "section", "language", AuthorFilter, TagFilter]
    list_select_related = ["section", "lead_image"]
    search_fields = ["headline", "standfirst", "body", "tags__name"]  # through the full-text index, see below
    search_help_text = _("Words from the headline, standfirst, body or tags, in any status; all must match.")
    date_hierarchy = "publish_at"
    ordering = DESK_ORDER
    show_full_result_count = False  # a second count of the whole archive on every filtered page
    autocomplete_fields = ["section", "lead_image", "translations"]
    prepopulated_fields = {"slug": ["headline"]}
    readonly_fields = ["lead_image_preview", "first_published_at", "created_by", "updated_at"]
    inlines = [BylineInline, CorrectionInline]
    actions = ["submit_for_review", "publish_now", "unpublish"]
    history_latest_first = True
    fieldsets = [
        (
            _("Story"),
            {"fields": ["headline", "slug", "standfirst", "body", ("dateline", "language"), "section", "tags"]},
        ),
        (_("Media"), {"fields": ["lead_image", "lead_image_preview"]}),
        (_("Workflow"), {"fields": ["status", "publish_at", "first_published_at", "created_by", "updated_at"]}),
        (
            _("Distribution and SEO"),
            {
                "fields": [
                    ("is_breaking", "is_featured", "comments_open"),
                    "translations",
                    "seo_title",
                    "seo_description",
                ],
                "classes": ["collapse"],
            },
        ),
    ]

    class Media:
        css = {"all": ["admin-newsroom/desk.css"]}
        js = ["admin-newsroom/tag-suggest.js"]

    # --- Lists -------------------------------------------------------------------------------

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return DeskQuerySet(self.model, queryset.query, using=queryset.db).for_listing()

    def get_search_results(self, request, queryset, search_term):
        """The site search's full-text index rather than a substring scan of every body in the archive."""
        query = Query.parse(search_term)
        if not query.terms:
            return queryset, False
        return queryset.filter(pk__in=matching_ids(query)), False

    @admin.display(description=_("picture"))
    def list_thumbnail(self, article):
        return thumbnail(article.lead_image)

    @admin.display(description=_("current picture"))
    def lead_image_preview(self, article):
        image = article.lead_image
        if image is None:
            return "—"
        credit = f" ({image.credit})" if image.credit else ""
        return format_html(
            '<img src="{}" alt="" class="desk-lead"><br>{}{}',
            image.rendition_url(320),
            image.caption or image.alt_text,
            credit,
        )

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, article):
        status = gettext("Scheduled") if article.is_scheduled else article.get_status_display()
        if article.is_published:
            link, text = article.get_absolute_url(), gettext("View on site")
        else:
            link, text = reverse("articles:preview", args=[article.pk]), gettext("Preview")
        return format_html('{}<br><a href="{}" class="desk-site-link">{}</a>', status, link, text)

    @admin.display(description=_("authors"))
    def authors(self, article):
        return ", ".join(author.name for author in article.bylines.all())

    @admin.display(description=_("publish time"), ordering="publish_at")
    def publish_time(self, article):
        return date_format(timezone.localtime(article.publish_at), "j M, H:i") if article.publish_at else "—"

    def view_on_site(self, article):
        # Only a live article has a public page; the change form offers a preview for the others.
        return article.get_absolute_url() if article.is_published else None

    # --- Permissions: the workflow's rule, from services ---------------------------------------

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return services.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or services.can_edit(request.user, obj))

    def has_publish_permission(self, request):
        return services.can_publish(request.user)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        # Read-only: show the story as readers will see it, not its HTML source.
        swap = {"body": "body_as_published"}
        return [(name, {**opts, "fields": [swap.get(f, f) for f in opts["fields"]]}) for name, opts in fieldsets]

    @admin.display(description=_("body"))
    def body_as_published(self, article):
        return mark_safe(sanitize_html(article.body))  # noqa: S308 - the article allow-list, as on the site

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        # Scheduling is publishing: a reporter sees the publish time but leaves it to the editor.
        return readonly if services.can_publish(request.user) else [*readonly, "publish_at"]

    # --- The form ------------------------------------------------------------------------------

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    def get_changeform_initial_data(self, request):
        # "?status=published" on the add page must not put a status in anyone's form.
        initial = super().get_changeform_initial_data(request)
        for name in ("status", "publish_at"):
            initial.pop(name, None)
        return initial

    def save_model(self, request, obj, form, change):
        services.article_prepare_save(article=obj, user=request.user, previous_status=form.status_on_record)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Correction:
            return super().save_formset(request, form, formset, change)
        for correction in formset.save(commit=False):
            if correction.pk:
                correction.save()
            else:
                services.correction_add(article=form.instance, user=request.user, text=correction.text)
        for correction in formset.deleted_objects:
            correction.delete()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, unquote(object_id))
        if article is not None:
            extra_context = {**self.preview_context(request, article), **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra_context)

    def preview_context(self, request, article):
        context = {
            "preview_url": reverse("articles:preview", args=[article.pk]),
            "preview_link_hours": settings.NEWSROOM_PREVIEW_LINK_HOURS,
        }
        # A link that works outside the newsroom is shared by those who answer for the article.
        if not article.is_published and self.has_change_permission(request, article):
            token = preview_token(article)
            context["share_url"] = request.build_absolute_uri(reverse("articles:shared_preview", args=[token]))
        return context

    # --- Bulk actions --------------------------------------------------------------------------

    @admin.action(description=_("Submit for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._move(
            request,
            queryset,
            Status.REVIEW,
            lambda article: services.article_submit(article=article, user=request.user),
        )

    @admin.action(description=_("Publish now"), permissions=["publish"])
    def publish_now(self, request, queryset):
        now = timezone.now()

        def publish(article):
            # Now, unless it went live earlier: republishing keeps its original date and address.
            services.article_publish(article=article, user=request.user, publish_at=min(article.publish_at or now, now))

        self._move(request, queryset, Status.PUBLISHED, publish)

    @admin.action(description=_("Unpublish"), permissions=["publish"])
    def unpublish(self, request, queryset):
        self._move(
            request,
            queryset,
            Status.UNPUBLISHED,
            lambda article: services.article_unpublish(article=article, user=request.user),
        )

    def _move(self, request, queryset, status, move):
        """Move each article through the services; tell the user how many moved and how many were refused."""
        moved = refused = unchanged = 0
        label = Status(status).label
        for article in queryset:
            if article.status == status and not article.is_scheduled:
                unchanged += 1
                continue
            try:
                if not services.can_edit(request.user, article):
                    raise PermissionDenied
                move(article)
            except PermissionDenied:
                refused += 1
            except IntegrityError:  # the slug is taken on the day it would now go out
                refused += 1
                self.message_user(request, SLUG_TAKEN % {"headline": article.headline}, messages.ERROR)
            else:
                moved += 1
                self.log_change(request, article, gettext("Status set to “%s”.") % label)
        parts = [
            ngettext("%(count)d article set to “%(status)s”", "%(count)d articles set to “%(status)s”", moved)
            % {"count": moved, "status": label}
        ]
        if refused:
            parts.append(gettext("%(count)d refused") % {"count": refused})
        if unchanged:
            parts.append(gettext("%(count)d already had that status") % {"count": unchanged})
        self.message_user(request, "; ".join(parts) + ".", messages.WARNING if refused else messages.SUCCESS)

    # --- Revisions: restoring a version is a change like any other -----------------------------

    def compare_view(self, request, object_id, extra_context=None):
        article = self.get_object(request, unquote(object_id))
        if article is None or not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        return super().compare_view(request, object_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        article = self.get_object(request, unquote(object_id))
        version = get_object_or_404(
            Version.objects.get_for_object_reference(Article, unquote(object_id)), pk=version_id
        )
        if article is None or not self.has_change_permission(request, article):
            raise PermissionDenied
        refused = self._refuse_restore(request, article, version)
        if refused:
            return redirect("admin:articles_article_history", quote(article.pk))
        context = {"title": gettext("Revert %(name)s") % {"name": version.object_repr}, "revert": True}
        template = self.revision_form_template or self._reversion_get_template_list("revision_form.html")
        return self._reversion_revisionform_view(
            request, _ArticleVersion(version), template, {**context, **(extra_context or {})}
        )

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_deleted(Article), pk=version_id)
        if self._refuse_restore(request, Article(), version):
            return redirect("admin:articles_article_recoverlist")
        context = {"title": gettext("Recover %(name)s") % {"name": version.object_repr}, "recover": True}
        template = self.recover_form_template or self._reversion_get_template_list("recover_form.html")
        return self._reversion_revisionform_view(
            request, _ArticleVersion(version), template, {**context, **(extra_context or {})}
        )

    def _refuse_restore(self, request, article, version):
        """Refuse (with a message) a version whose status this user may not give the article."""
        try:
            services.check_transition(user=request.user, article=article, status=version.field_dict["status"])
        except PermissionDenied as refusal:
            messages.error(request, str(refusal))
            return True
        return False
