import json

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe

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


@register.simple_tag(takes_context=True)
def news_article_json_ld(context, article):
    """schema.org NewsArticle for search engines, as a JSON-LD script that user text cannot break out of."""
    request = context["request"]
    absolute = request.build_absolute_uri
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": absolute(article.get_absolute_url()),
        "headline": article.headline[:110],
        "description": article.seo_description or article.excerpt,
        "inLanguage": article.language,
        "articleSection": article.section.name,
        "datePublished": article.publish_at.isoformat() if article.publish_at else None,
        "dateModified": max(filter(None, [article.updated_at, article.publish_at])).isoformat(),
        "author": [
            {"@type": "Person", "name": author.name, "url": absolute(author.get_absolute_url())}
            for author in article.bylines.all()
        ],
        "publisher": {"@type": "NewsMediaOrganization", "name": settings.SITE_NAME, "url": absolute("/")},
        "keywords": [tag.name for tag in article.tags.all()],
    }
    if article.lead_image:
        data["image"] = [absolute(article.lead_image.rendition_url(width)) for width in (1280, 960, 640)]
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(_json_for_html(data)))  # noqa: S308


def _json_for_html(data):
    """JSON with <, > and & escaped, as Django's json_script does, so "</script>" in a headline stays text."""
    return json.dumps(data, ensure_ascii=False).translate(_JSON_HTML_ESCAPES)


_JSON_HTML_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
