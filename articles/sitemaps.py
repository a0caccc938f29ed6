"""Sitemaps for search engines, and a Google News sitemap of the last two days."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.shortcuts import render
from django.utils import timezone

from .models import Article, Section


class ArticleSitemap(Sitemap):
    changefreq = "daily"
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "publish_at", "updated_at").order_by("-publish_at", "-id")

    def lastmod(self, article):
        return article.updated_at


class SectionSitemap(Sitemap):
    changefreq = "hourly"
    priority = 0.8

    def items(self):
        return Section.objects.all()


def recent_news():
    """What a Google News sitemap lists: published in the last two days, newest first, at most 1,000."""
    since = timezone.now() - timezone.timedelta(days=2)
    return Article.objects.published().filter(publish_at__gte=since).order_by("-publish_at")[:1000]


SITEMAPS = {"articles": ArticleSitemap, "sections": SectionSitemap}


def news_sitemap(request):
    return render(
        request,
        "sitemaps/news.xml",
        {"articles": recent_news().select_related("section"), "site_name": settings.SITE_NAME},
        content_type="application/xml",
    )
