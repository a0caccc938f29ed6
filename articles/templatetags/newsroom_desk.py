"""The admin index as the desk's dashboard: what is waiting for whom."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles.models import Article

register = template.Library()


@register.inclusion_tag("admin/articles/desk.html", takes_context=True)
def article_desk(context, count=5):
    user = context["request"].user
    articles = Article.objects.select_related("section")
    changelist = reverse("admin:articles_article_changelist")
    panels = [
        (_("My drafts"), articles.drafts_of(user).order_by("-updated_at"), "?mine=drafts"),
        # Oldest first: whatever has waited longest for an editor comes to the top.
        (_("Awaiting review"), articles.in_review().order_by("updated_at"), "?status=review"),
        (_("Scheduled next"), articles.scheduled().order_by("publish_at"), "?status=scheduled"),
        (_("Recently published"), articles.published().order_by("-publish_at"), "?status=published"),
    ]
    return {
        "panels": [
            {"title": title, "articles": queryset[:count], "more_url": changelist + query}
            for title, queryset, query in panels
        ]
    }
