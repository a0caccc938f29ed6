import functools
import json

from django import template
from django.conf import settings
from django.utils import dateformat, timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from articles.models import Article

register = template.Library()


@register.inclusion_tag("includes/latest_news.html")
def latest_news(count=10, newest=None):
    """The newest published articles, for the home page and every article's sidebar (`newest`: already fetched)."""
    newest = Article.objects.published() if newest is None else newest
    today = timezone.localdate()
    return {"items": [_latest_item(article, today) for article in newest[:count]]}


def _latest_item(article, today):
    """What the sidebar shows of an article, worked out once here rather than by filters in the loop."""
    local = timezone.localtime(article.publish_at)
    return {
        "url": article.get_absolute_url(),
        "headline": article.headline,
        "language": article.language,
        "datetime": local.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "when": local.strftime("%H:%M") if local.date() == today else dateformat.format(local, "j M"),
        "excerpt": Truncator(article.excerpt).words(20, truncate=" …"),
    }


@register.simple_tag
def picture(image, sizes="100vw", width=960, loading="lazy"):
    """A responsive <picture>: WebP renditions first, JPEG renditions as the fallback every browser reads."""
    webp, jpeg = image.srcset("webp"), image.srcset("jpeg")
    return format_html(
        '<picture>\n  {}\n  <img src="{}"{} width="{}" height="{}" alt="{}" loading="{}"{}>\n</picture>\n',
        format_html('<source type="image/webp" srcset="{}" sizes="{}">', webp, sizes) if webp else "",
        image.rendition_url(width),
        format_html(' srcset="{}" sizes="{}"', jpeg, sizes) if jpeg else "",
        image.width,
        image.height,
        image.alt_text,
        loading,
        mark_safe(' fetchpriority="high"' if loading == "eager" else ' decoding="async"'),  # noqa: S308 - constants
    )


@register.simple_tag
def timestamp(value):
    """A <time>: the exact moment for machines, day and time for readers, in the current time zone and language."""
    if value is None:
        return ""
    return _timestamp(value, timezone.get_current_timezone(), translation.get_language())


@functools.lru_cache(maxsize=4096)
def _timestamp(value, zone, language):
    """Made once per moment, zone and language: a list shows the same stories' times over and over."""
    local = timezone.localtime(value, zone)
    when = f"{dateformat.format(local, 'j F Y')}, {local:%H:%M}"  # `language` is the active one
    return format_html('<time datetime="{}">{}</time>', local.strftime("%Y-%m-%dT%H:%M:%S%z"), when)


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
