"""
The community desk: pending, reported and spam queues, newest first, with bulk actions that go through the
services (which check the permission, log who did what and why, and keep the article's count exact).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import (
    Comment,
    CommentReport,
    ModerationLog,
    PendingComment,
    Policy,
    ReportedComment,
    SectionPolicy,
    SpamComment,
)


class ModerationActionForm(ActionForm):
    reason = forms.CharField(
        label=_("Reason (optional, logged)"), required=False, max_length=300, widget=forms.TextInput(attrs={"size": 30})
    )


class CommentModerationForm(forms.ModelForm):
    reason = forms.CharField(
        label=_("Reason for this change"),
        required=False,
        max_length=300,
        help_text=_("Optional; kept in the moderation log with your name."),
    )

    class Meta:
        model = Comment
        fields = ["text", "status", "is_featured"]


class ReportInline(admin.TabularInline):
    model = CommentReport
    fields = ["reason", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class LogInline(admin.TabularInline):
    model = ModerationLog
    fields = ["created_at", "action", "actor", "reason"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("Moderation history")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def approved_before():
    """How many comments from the same email were approved before this one: the commenter's record."""
    earlier = (
        Comment.objects.filter(
            email=OuterRef("email"), status=Comment.Status.APPROVED, created_at__lt=OuterRef("created_at")
        )
        .exclude(email="")
        .order_by()
        .values("email")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return Coalesce(Subquery(earlier), 0)


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    form = CommentModerationForm
    action_form = ModerationActionForm
    list_display = [
        "excerpt",
        "commenter",
        "on_article",
        "in_reply_to",
        "status",
        "hold_reason",
        "report_count",
        "history",
        "ip_address",
        "created_at",
    ]
    list_display_links = ["excerpt"]
    list_filter = ["status", "is_featured", "badge", "article__section", "created_at"]
    list_select_related = ["article", "parent"]
    search_fields = ["email", "name", "text", "ip_address", "article__headline"]
    search_help_text = _("Search by email, name, words of the comment, IP address or headline.")
    date_hierarchy = "created_at"
    ordering = ["-created_at", "-id"]
    list_per_page = 50
    actions = ["approve", "mark_spam", "remove", "hold", "feature", "unfeature", "erase_commenters"]
    readonly_fields = [
        "on_article",
        "in_reply_to",
        "name",
        "email",
        "website",
        "badge",
        "hold_reason",
        "report_count",
        "history",
        "ip_address",
        "user_agent",
        "created_at",
    ]
    fieldsets = [
        (None, {"fields": ["on_article", "in_reply_to", "text"]}),
        (_("Moderation"), {"fields": ["status", "is_featured", "reason", "hold_reason", "report_count"]}),
        (
            _("Commenter"),
            {"fields": ["name", "email", "website", "badge", "history", "ip_address", "user_agent", "created_at"]},
        ),
    ]
    inlines = [ReportInline, LogInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(approved_before=approved_before())

    def has_add_permission(self, request):
        return False  # comments come from readers

    def has_moderate_permission(self, request):
        return request.user.has_perm("comments.moderate_comment")

    def has_erase_permission(self, request):
        return request.user.has_perm("comments.erase_commenter")

    @admin.display(description=_("comment"))
    def excerpt(self, comment):
        return Truncator(comment.text).chars(240)

    @admin.display(description=_("commenter"), ordering="name")
    def commenter(self, comment):
        badge = f" ({comment.get_badge_display()})" if comment.badge else ""
        return format_html("{}{}<br><small>{}</small>", comment.name, badge, comment.email)

    @admin.display(description=_("article"), ordering="article__headline")
    def on_article(self, comment):
        return format_html('<a href="{}">{}</a>', comment.article.get_absolute_url(), comment.article.headline)

    @admin.display(description=_("in reply to"))
    def in_reply_to(self, comment):
        parent = comment.parent
        if parent is None:
            return "—"
        url = reverse("admin:comments_comment_change", args=[parent.pk])
        return format_html('<a href="{}">{}</a>', url, Truncator(f"{parent.name}: {parent.text}").chars(80))

    @admin.display(description=_("approved before"), ordering="approved_before")
    def history(self, comment):
        return getattr(comment, "approved_before", 0)

    def save_model(self, request, obj, form, change):
        """Edits go through the services, so that each is checked, logged and counted."""
        reason, changed = form.cleaned_data.get("reason", ""), form.changed_data
        if "text" in changed:
            services.comment_edit(comment=obj, actor=request.user, text=obj.text, reason=reason)
        if "is_featured" in changed:
            services.comment_feature(comment=obj, actor=request.user, featured=obj.is_featured, reason=reason)
        if "status" in changed:
            services.comment_set_status(comment=obj, status=obj.status, actor=request.user, reason=reason)

    def delete_model(self, request, obj):
        services.comment_delete_log(comments=[obj], actor=request.user)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        services.comment_delete_log(comments=queryset, actor=request.user)
        super().delete_queryset(request, queryset)

    def _moderate(self, request, queryset, service, done_message):
        reason, count = request.POST.get("reason", ""), 0
        for comment in queryset.select_related("parent", "article"):
            service(comment=comment, actor=request.user, reason=reason)
            count += 1
        self.message_user(request, done_message % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Approve selected comments"), permissions=["moderate"])
    def approve(self, request, queryset):
        self._moderate(request, queryset, services.comment_approve, _("%(count)d comment(s) approved."))

    @admin.action(description=_("Mark selected comments as spam"), permissions=["moderate"])
    def mark_spam(self, request, queryset):
        self._moderate(request, queryset, services.comment_mark_spam, _("%(count)d comment(s) marked as spam."))

    @admin.action(description=_("Remove selected comments (replies stay)"), permissions=["moderate"])
    def remove(self, request, queryset):
        self._moderate(request, queryset, services.comment_remove, _("%(count)d comment(s) removed."))

    @admin.action(description=_("Hold selected comments for moderation"), permissions=["moderate"])
    def hold(self, request, queryset):
        self._moderate(request, queryset, services.comment_hold, _("%(count)d comment(s) held."))

    @admin.action(description=_("Make editors' picks"), permissions=["moderate"])
    def feature(self, request, queryset):
        self._moderate(request, queryset, services.comment_feature, _("%(count)d comment(s) picked."))

    @admin.action(description=_("No longer editors' picks"), permissions=["moderate"])
    def unfeature(self, request, queryset):
        def unpick(**kwargs):
            return services.comment_feature(featured=False, **kwargs)

        self._moderate(request, queryset, unpick, _("%(count)d comment(s) unpicked."))

    @admin.action(description=_("Erase these commenters' personal data"), permissions=["erase"])
    def erase_commenters(self, request, queryset):
        """Privacy requests: every comment from the selected emails is anonymised, after a confirmation."""
        emails = sorted({email for email in queryset.values_list("email", flat=True) if email})
        if request.POST.get("confirm") == "yes":
            erased = sum(
                services.commenter_erase(email=e, actor=request.user, reason=request.POST.get("reason", ""))
                for e in emails
            )
            self.message_user(
                request,
                ngettext("%d comment anonymised.", "%d comments anonymised.", erased) % erased,
                messages.SUCCESS,
            )
            return None
        counts = Comment.objects.filter(email__in=emails).values("email").annotate(n=Count("pk")).order_by("email")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Erase commenters' personal data"),
            "opts": self.model._meta,
            "commenters": counts,
            "selected": request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME),
            "reason": request.POST.get("reason", ""),
        }
        return TemplateResponse(request, "admin/comments/erase_confirmation.html", context)


class QueueAdmin(CommentAdmin):
    queue = None

    def get_queryset(self, request):
        return getattr(super().get_queryset(request), self.queue)()

    def get_list_filter(self, request):
        return [f for f in super().get_list_filter(request) if f != "status"]

    def get_list_display(self, request):
        return [f for f in super().get_list_display(request) if f != "status"]


@admin.register(PendingComment)
class PendingCommentAdmin(QueueAdmin):
    queue = "pending"
    actions = ["approve", "mark_spam", "remove", "feature", "erase_commenters"]


@admin.register(ReportedComment)
class ReportedCommentAdmin(QueueAdmin):
    queue = "reported"
    actions = ["approve", "remove", "hold", "mark_spam", "erase_commenters"]


@admin.register(SpamComment)
class SpamCommentAdmin(QueueAdmin):
    queue = "spam"
    actions = ["approve", "remove", "erase_commenters", "delete_selected"]


@admin.register(ModerationLog)
class ModerationLogAdmin(admin.ModelAdmin):
    list_display = ["created_at", "action", "actor", "comment_summary", "reason"]
    list_filter = ["action", "actor", "created_at"]
    search_fields = ["comment_summary", "reason", "actor__username"]
    date_hierarchy = "created_at"
    list_select_related = ["actor"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SectionPolicyInline(admin.TabularInline):
    model = SectionPolicy
    extra = 0


@admin.register(Policy)
class PolicyAdmin(admin.ModelAdmin):
    """One page: the site's rules and the sections that moderate differently."""

    inlines = [SectionPolicyInline]
    fields = ["moderation", "max_links", "banned_words", "suspect_words"]

    def changelist_view(self, request, extra_context=None):
        return redirect("admin:comments_policy_change", Policy.load().pk)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
