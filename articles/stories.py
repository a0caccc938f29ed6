"""
A list's stories read as slim as the list needs while their teasers are kept (`{% teaser %}`, `{% fragment %}`):
the few values that choose and key them. Fifty stories read as Article instances cost the home page about ten of
its 25 million instructions; as five values each, about three. A teaser that has to be rendered asks a story for
anything else, and then the list's articles come whole, in one query (`listing_prefetches()` are the view's to ask,
for the stories that show pictures and bylines).
"""

from .models import Article

STORY_FIELDS = ("pk", "comment_count", "section_id", "is_featured", "is_breaking")


def stories(queryset) -> list["Story"]:
    """The stories of `queryset` (already sliced to the list's length), in its order."""
    rows = list(queryset.values_list(*STORY_FIELDS))
    articles = _Articles([row[0] for row in rows])
    return [Story(articles, *row) for row in rows]


class _Articles:
    def __init__(self, pks):
        self.pks, self.by_pk = pks, None

    def get(self, pk) -> Article:
        if self.by_pk is None:
            self.by_pk = Article.objects.select_related("section", "lead_image").in_bulk(self.pks)
        return self.by_pk[pk]


class Story:
    """One story of a list: its few values, and its article's others on first use. `section` is set by the view."""

    __slots__ = ("_articles", "pk", "comment_count", "section_id", "is_featured", "is_breaking", "section")
    _meta = Article._meta

    def __init__(self, articles, pk, comment_count, section_id, is_featured, is_breaking):
        self._articles, self.pk, self.comment_count = articles, pk, comment_count
        self.section_id, self.is_featured, self.is_breaking = section_id, is_featured, is_breaking

    def __getattr__(self, name):
        return getattr(self._articles.get(self.pk), name)

    @property
    def article(self) -> Article:
        return self._articles.get(self.pk)
