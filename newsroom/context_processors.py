from django.conf import settings

from articles.models import Section


def site(request):
    return {
        "SITE_NAME": settings.SITE_NAME,
        # Lazy: pages that never show the navigation never query it.
        "nav_sections": Section.objects.all,
    }
