from django.conf import settings

from articles.models import Section

from .pagecache import sitewide


def site(request):
    return {
        "SITE_NAME": settings.SITE_NAME,
        # Lazy: pages that never show the navigation never ask for it; those that do share one copy.
        "nav_sections": lambda: site_sections(request),
    }


def site_sections(request):
    """Every section in navigation order, kept sitewide and looked up once per request."""
    if (found := getattr(request, "_site_sections", None)) is None:
        found = request._site_sections = sitewide(request, "nav-sections", lambda: list(Section.objects.all()))
    return found
