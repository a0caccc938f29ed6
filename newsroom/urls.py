from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from articles import converters, feeds  # noqa: F401 - converters registers <tag:>
from articles.sitemaps import SITEMAPS, news_sitemap

from . import benchfloor, views

feed_patterns = [
    path("rss/", feeds.LatestArticlesFeed(), name="latest"),
    path("atom/", feeds.LatestArticlesAtomFeed(), name="latest_atom"),
    path("section/<slug:slug>/rss/", feeds.SectionFeed(), name="section"),
    path("section/<slug:slug>/atom/", feeds.SectionAtomFeed(), name="section_atom"),
    path("tag/<tag:slug>/rss/", feeds.TagFeed(), name="tag"),
    path("tag/<tag:slug>/atom/", feeds.TagAtomFeed(), name="tag_atom"),
    path("author/<slug:slug>/rss/", feeds.AuthorFeed(), name="author"),
    path("author/<slug:slug>/atom/", feeds.AuthorAtomFeed(), name="author_atom"),
]

admin.site.site_header = settings.SITE_NAME
admin.site.site_title = settings.SITE_NAME
admin.site.index_title = _("Newsroom desk")

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("search/", views.search, name="search"),
    path("language/<str:language>/", views.switch_language, name="switch_language"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
    path("feeds/", include((feed_patterns, "feeds"))),
    path("sitemap-news.xml", news_sitemap, name="news_sitemap"),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("admin/", admin.site.urls),
    path("comments/", include("comments.urls")),
    path("", include("articles.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.NEWSROOM_SERVE_MEDIA:
    urlpatterns.append(re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", views.media, name="media"))

urlpatterns += benchfloor.urls()  # only with NEWSROOM_BENCH=1, for `make bench`
