from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.db.models import prefetch_related_objects
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.http import urlencode
from django.views import static
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from articles.models import Article, listing_prefetches
from articles.search import Query, search_articles


class HomeView(TemplateView):
    """The front page: a lead story, any breaking news, and the newest stories of each section."""

    template_name = "home.html"
    recent_count = 40
    per_section = 3

    def get_context_data(self, **kwargs):
        recent = list(Article.objects.published().select_related("section", "lead_image")[: self.recent_count])
        lead = next((a for a in recent if a.is_featured), recent[0] if recent else None)
        sections = top_stories_by_section([a for a in recent if a != lead], self.per_section)
        # Pictures and bylines show on the lead and each section's first story: fetched ahead for those alone.
        pictured = [a for a in [lead, *(stories[0] for _section, stories in sections)] if a]
        prefetch_related_objects(pictured, *listing_prefetches())
        return super().get_context_data(
            lead=lead,
            breaking=next((a for a in recent if a.is_breaking), None),
            sections=sections,
            recent=recent,
            **kwargs,
        )


def top_stories_by_section(articles, per_section):
    """The first few of each section's articles, sections in navigation order, as (section, articles) pairs."""
    groups = {}
    for article in articles:
        stories = groups.setdefault(article.section, [])
        if len(stories) < per_section:
            stories.append(article)
    return sorted(groups.items(), key=lambda group: (group[0].position, group[0].name))


def search(request):
    query = Query.parse(request.GET.get("q"))
    page = Paginator(search_articles(query), 20).get_page(request.GET.get("page"))
    context = {"query": query, "page_obj": page, "page_query": urlencode({"q": query.text}) if query.text else ""}
    return render(request, "search.html", context)


def media(request, path):
    """Uploads on local disk, when no web server or object storage serves them: the files never change."""
    response = static.serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


def _database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        return False


def _cache_ok():
    try:
        cache.set("healthz", "ok", 10)
        return cache.get("healthz") == "ok"
    except Exception:  # noqa: BLE001 - any cache failure is a health answer, not a crash
        return False


@never_cache
def healthz(request):
    database, cache_ = _database_ok(), _cache_ok()
    body = {"database": "ok" if database else "down", "cache": "ok" if cache_ else "down"}
    return JsonResponse(body, status=200 if database else 503)
