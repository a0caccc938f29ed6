from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from articles.models import Article


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        latest = list(Article.objects.published().for_listing()[:31])
        lead = next((a for a in latest if a.is_featured), latest[0] if latest else None)
        return super().get_context_data(
            lead=lead,
            latest=[a for a in latest if a != lead][:30],
            breaking=next((a for a in latest if a.is_breaking), None),
            **kwargs,
        )


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
