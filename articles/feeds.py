"""RSS and Atom feeds: latest, and per section, tag and author. All built on published()."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _
from taggit.models import Tag

from .models import Article, Author, Section

FEED_SIZE = 30


class RssWithCommentCount(Rss201rev2Feed):
    """RSS 2.0 with the number of readers' comments per item (the slash module feed readers know)."""

    def rss_attributes(self):
        return super().rss_attributes() | {"xmlns:slash": "http://purl.org/rss/1.0/modules/slash/"}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("slash:comments", str(item["comment_count"]))


class LatestArticlesFeed(Feed):
    """The newest articles; subclasses narrow them to one section, tag or author."""

    feed_type = RssWithCommentCount

    def title(self, obj=None):
        return f"{settings.SITE_NAME} — {obj}" if obj else settings.SITE_NAME

    def link(self, obj=None):
        return obj.get_absolute_url() if obj is not None else reverse("home")

    def description(self, obj=None):
        return _("The latest news from %(site)s") % {"site": settings.SITE_NAME}

    def items(self, obj=None):
        return self.filter_articles(Article.objects.published().for_listing().prefetch_related("tags"), obj)[:FEED_SIZE]

    def filter_articles(self, articles, obj):
        return articles

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        return item.excerpt

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.publish_at)

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.bylines.all()) or None

    def item_categories(self, item):
        return [item.section.name, *(tag.name for tag in item.tags.all())]

    def item_extra_kwargs(self, item):
        return {"comment_count": item.comment_count}

    def item_comments(self, item):
        return self.request.build_absolute_uri(item.get_absolute_url() + "#comments")

    def item_enclosures(self, item):
        if not item.lead_image:
            return []
        url = self.request.build_absolute_uri(item.lead_image.rendition_url(960))
        return [Enclosure(url, "0", "image/jpeg")]

    def get_feed(self, obj, request):
        self.request = request
        return super().get_feed(obj, request)


class SectionFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def filter_articles(self, articles, obj):
        return articles.filter(section=obj)


class TagFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def link(self, obj=None):
        return reverse("articles:tag", kwargs={"slug": obj.slug})

    def filter_articles(self, articles, obj):
        return articles.filter(tags=obj)


class AuthorFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def filter_articles(self, articles, obj):
        return articles.filter(bylines=obj)


class AtomMixin:
    feed_type = Atom1Feed

    def subtitle(self, obj=None):
        return self.description(obj)


class LatestArticlesAtomFeed(AtomMixin, LatestArticlesFeed):
    pass


class SectionAtomFeed(AtomMixin, SectionFeed):
    pass


class TagAtomFeed(AtomMixin, TagFeed):
    pass


class AuthorAtomFeed(AtomMixin, AuthorFeed):
    pass
