import functools

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core import signing
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.views.generic import ListView, dates
from taggit.models import Tag

from .models import Article, Author, Section, SlugRedirect, listing_prefetches
from .services import can_edit

PREVIEW_SALT = "articles.preview"


def run_once(function):
    """`function`, run at most once, and handed to templates uncalled: the `prepare` of a {% fragment %} or a
    {% teaser %}, which call it only if they have to render."""
    once = functools.cache(function)
    once.do_not_call_in_templates = True
    return once


def article_page_prefetches():
    """What the article page shows beyond a listing. The page links only public translations
    (`Article.public_translations`), picked from all of the article's: asked for in SQL, "published" led SQLite's
    planner, which has no statistics, to read every published article to find an article's one or two."""
    translations = Article.objects.only("headline", "slug", "language", "status", "publish_at")
    return ("tags", "corrections", Prefetch("translations", queryset=translations))


class PublishedArticleMixin:
    model = Article  # else the date views build get_queryset() once more, to learn the model's date field's type
    date_field = "publish_at"
    month_format = "%m"
    paginate_by = 20
    allow_empty = True

    def get_queryset(self):
        return Article.objects.published().for_listing()


class ArchiveIndexView(PublishedArticleMixin, dates.ArchiveIndexView):
    template_name = "articles/archive.html"


class YearArchiveView(PublishedArticleMixin, dates.YearArchiveView):
    make_object_list = True
    allow_empty = False  # an empty year is a 404, and "previous year" skips to one with news
    template_name = "articles/archive.html"


class MonthArchiveView(PublishedArticleMixin, dates.MonthArchiveView):
    allow_empty = False
    template_name = "articles/archive.html"


class ArticleDetailView(PublishedArticleMixin, dates.DateDetailView):
    """The article page. Its text and meta tags are fragments that a comment leaves as they are ({% fragment %}):
    what they alone show (tags, corrections, translations, related stories) is read only to render them."""

    template_name = "articles/article_detail.html"

    def get_queryset(self):
        return Article.objects.published().select_related("section", "lead_image")

    def get_object(self, queryset=None):
        """The story at this address. A project that keeps pieces of pages may hand the request a
        `keep_story(address, find)` (newsroom.pagecache does): the story then comes from there until an edit, and
        only its comment count may be behind, which the discussion counts itself."""
        find = functools.partial(super().get_object, queryset)
        keep = getattr(self.request, "keep_story", None)
        return find() if keep is None else keep([self.kwargs[part] for part in ("year", "month", "day", "slug")], find)

    def get_context_data(self, **kwargs):
        article = self.object
        return super().get_context_data(
            prepare_article=run_once(
                lambda: prefetch_related_objects([article], *listing_prefetches(), *article_page_prefetches())
            ),
            related=functools.cache(lambda: list(Article.objects.related_to(article))),
            **kwargs,
        )

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            moved = (
                SlugRedirect.objects.filter(
                    slug=kwargs["slug"], date__year=kwargs["year"], date__month=kwargs["month"], date__day=kwargs["day"]
                )
                .select_related("article")
                .first()
            )
            if moved and moved.article.is_published:
                return redirect(moved.article, permanent=True)
            raise


class FilteredListView(PublishedArticleMixin, ListView):
    """A paginated list of published articles narrowed to one section, tag or author."""

    template_name = "articles/article_list.html"
    model = None

    @cached_property
    def subject(self):
        return get_object_or_404(self.model, slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(subject=self.subject, kind=self.model._meta.model_name, **kwargs)


class SectionView(FilteredListView):
    model = Section

    def get_queryset(self):
        return super().get_queryset().filter(section=self.subject)


class TagView(FilteredListView):
    model = Tag

    def get_queryset(self):
        return super().get_queryset().filter(tags=self.subject)


class AuthorView(FilteredListView):
    model = Author

    def get_queryset(self):
        return super().get_queryset().filter(bylines=self.subject)


def _preview_object(pk):
    queryset = Article.objects.for_listing().prefetch_related(*article_page_prefetches())
    return get_object_or_404(queryset, pk=pk)


def _render_preview(request, article):
    response = render(
        request, "articles/article_detail.html", {"article": article, "object": article, "is_preview": True}
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


@staff_member_required
def preview(request, pk):
    article = _preview_object(pk)
    if not (request.user.has_perm("articles.view_article") or can_edit(request.user, article)):
        raise Http404
    return _render_preview(request, article)


def preview_token(article) -> str:
    return signing.TimestampSigner(salt=PREVIEW_SALT).sign(str(article.pk))


def shared_preview(request, token):
    """A draft seen from outside the newsroom through a signed link that expires."""
    max_age = settings.NEWSROOM_PREVIEW_LINK_HOURS * 3600
    try:
        pk = signing.TimestampSigner(salt=PREVIEW_SALT).unsign(token, max_age=max_age)
    except signing.SignatureExpired:
        return render(request, "articles/preview_expired.html", status=410)
    except signing.BadSignature:
        raise Http404 from None
    return _render_preview(request, _preview_object(pk))
