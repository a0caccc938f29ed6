from django.conf import settings

from articles.models import Section

from .pagecache import sitewide


def site(request):
    return {
        "SITE_NAME": settings.SITE_NAME,
        # Lazy: pages that never show the navigation never ask for it; those that do share one copy.
        "nav_sections": lambda: sitewide(request, "nav-sections", lambda: list(Section.objects.all())),
    }
