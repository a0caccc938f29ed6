from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from articles.models import Article

from .models import Comment

FEED_SIZE = 50


class ArticleCommentsFeed(Feed):
    """The newest comments readers can see under one article."""

    def get_object(self, request, article_pk):
        return get_object_or_404(Article.objects.published(), pk=article_pk)

    def title(self, obj):
        return _("Comments on “%(headline)s” – %(site)s") % {"headline": obj.headline, "site": settings.SITE_NAME}

    def link(self, obj):
        return f"{obj.get_absolute_url()}#comments"

    def description(self, obj):
        return _("Readers' comments on “%s”") % obj.headline

    def items(self, obj):
        return (
            Comment.objects.visible()
            .filter(article=obj)
            .select_related("article")
            .order_by("-created_at", "-id")[:FEED_SIZE]
        )

    def item_title(self, item):
        return _("%(name)s on “%(headline)s”") % {"name": item.name, "headline": item.article.headline}

    def item_description(self, item):
        return item.html

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.created_at

    def item_author_name(self, item):
        return item.name
