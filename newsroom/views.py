from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from articles.models import Article, Section, listing_prefetches
from articles.search import Query, search_articles
from articles.stories import stories
from articles.views import run_once

from .context_processors import site_sections


class HomeView(TemplateView):
    """The front page: a lead story, any breaking news, and up to six of each section's newest stories (30 or more
    stories on a day's news, Latest news beside them)."""

    template_name = "home.html"
    recent_count = 50
    per_section = 6

    def get_context_data(self, **kwargs):
        # Slim stories: a page whose teasers are kept reads only what chooses and keys them (articles.stories).
        recent = stories(Article.objects.published()[: self.recent_count])
        with_sections(recent, site_sections(self.request))
        lead = next((a for a in recent if a.is_featured), recent[0] if recent else None)
        sections = top_stories_by_section([a for a in recent if a != lead], self.per_section)
        # Pictures and bylines show on the lead and each section's first story: fetched for those alone, and only
        # if one of their fragments has to be rendered ({% fragment %}'s prepare).
        pictured = [story for story in [lead, *(shown[0] for _section, shown in sections)] if story]
        return super().get_context_data(
            lead=lead,
            breaking=next((a for a in recent if a.is_breaking), None),
            sections=sections,
            recent=recent,
            prepare_listing=run_once(
                lambda: prefetch_related_objects([story.article for story in pictured], *listing_prefetches())
            ),
            **kwargs,
        )


def with_sections(articles, sections):
    """Each article's section from `sections` (the navigation's, already at hand), or read if it is not there (a
    section created since they were kept)."""
    by_pk = {section.pk: section for section in sections}
    if missing := {article.section_id for article in articles} - by_pk.keys():
        by_pk |= Section.objects.in_bulk(missing)
    for article in articles:
        article.section = by_pk[article.section_id]


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


@never_cache
@require_safe
def switch_language(request, language):
    """The masthead's language links: remember the choice in the language cookie, as Django's set_language does,
    and go back to the page the reader was on.

    A GET, where set_language wants a POST with a CSRF token: the only state it changes is the reader's
    display-language preference, which any link may legitimately set, and without a form on every page most pages
    carry no token and a CDN may keep them. The links are rel="nofollow" and robots.txt disallows the path, so
    crawlers skip it.
    """
    if language not in dict(settings.LANGUAGES):
        raise Http404
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


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
