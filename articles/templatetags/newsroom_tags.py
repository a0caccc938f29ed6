from django import template
from django.conf import settings

from articles.models import Article

register = template.Library()


@register.inclusion_tag("includes/latest_news.html")
def latest_news(count=10):
    """The newest published articles, for the home page and the sidebar of every article."""
    return {"articles": Article.objects.published().select_related("section")[:count]}


@register.inclusion_tag("includes/picture.html")
def picture(image, sizes="100vw", width=960, loading="lazy"):
    """A responsive <picture>: WebP renditions first, JPEG renditions as the fallback every browser reads."""
    return {
        "image": image,
        "sizes": sizes,
        "loading": loading,
        "src": image.rendition_url(width),
        "webp_srcset": image.srcset("webp"),
        "jpeg_srcset": image.srcset("jpeg"),
    }


@register.simple_tag(takes_context=True)
def absolute_url(context, location):
    """An address with scheme and host, as link previews and hreflang alternates require."""
    return context["request"].build_absolute_uri(location)


@register.simple_tag
def site_name():
    """The site's name without the context processor, for the error page that must render without one."""
    return settings.SITE_NAME


@register.filter
def rendition(image, width):
    """The address of an image's rendition at least `width` pixels wide."""
    return image.rendition_url(int(width))
