"""
Article search behind one interface: `search_articles(query)`.

On SQLite it asks the FTS5 index that migration 0002 keeps in step by triggers (bm25 ranking); on PostgreSQL
the weighted tsvector column of migration 0004 (GIN index, english/french configurations, ts_rank). Both
weight the headline and tags above the standfirst above the body, fold accents, match word prefixes and
give highlighted snippets. Other databases get a plain match on the same fields.
"""

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from .models import Article

MAX_TERMS = 8
MARK_START, MARK_END = "\u0002", "\u0003"
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Query:
    text: str
    terms: list[str]

    @classmethod
    def parse(cls, raw: str | None) -> "Query":
        """Words only: operators and punctuation a reader types never reach the database as syntax."""
        text = (raw or "").strip()[:200]
        terms = [t for t in _WORD.findall(text) if len(t) <= 40][:MAX_TERMS]
        return cls(text=text, terms=terms)


def search_articles(query: Query):
    """Published articles matching every term, best first, each with `.snippet` (safe HTML, terms in <mark>)."""
    if not query.terms:
        return Article.objects.none()
    backend = {"sqlite": _sqlite_search, "postgresql": _postgres_search}.get(connection.vendor, _fallback_search)
    return backend(query)


def _sqlite_search(query: Query):
    match = " ".join(f'"{term}"*' for term in query.terms)
    rows = _fts_rows(
        "SELECT rowid, snippet(articles_search, -1, %s, %s, '…', 24) FROM articles_search "
        "WHERE articles_search MATCH %s ORDER BY bm25(articles_search, 10.0, 4.0, 1.0, 6.0) LIMIT 1000",
        [MARK_START, MARK_END, match],
    )
    public = set(Article.objects.published().filter(pk__in=[pk for pk, _ in rows]).values_list("pk", flat=True))
    snippets = {pk: text for pk, text in rows if pk in public}
    return RankedResults(list(snippets), lambda page: {a.pk: _snippet_html(snippets[a.pk]) for a in page})


_PG_QUERY = "(to_tsquery('newsroom_en', %(q)s) || to_tsquery('newsroom_fr', %(q)s))"
_PG_SNIPPETS = (
    "SELECT a.id, ts_headline(newsroom_search_config(a.language), "
    "a.headline || '. ' || a.standfirst || ' ' || regexp_replace(a.body, '<[^>]+>', ' ', 'g'), "
    f"{_PG_QUERY}, %(options)s) FROM articles_article a WHERE a.id = ANY(%(ids)s)"
)


def _postgres_search(query: Query):
    tsquery = " & ".join(f"{term}:*" for term in query.terms)
    rows = _fts_rows(
        f"SELECT a.id FROM articles_article a WHERE a.search_vector @@ {_PG_QUERY} "  # noqa: S608 - constant
        "AND a.status = %(status)s AND a.publish_at <= now() "
        f"ORDER BY ts_rank(a.search_vector, {_PG_QUERY}, 1) DESC, a.publish_at DESC LIMIT 1000",
        {"q": tsquery, "status": Article.Status.PUBLISHED},
    )
    return RankedResults([pk for (pk,) in rows], lambda page: _postgres_snippets(page, tsquery))


def _postgres_snippets(articles, tsquery):
    rows = _fts_rows(
        _PG_SNIPPETS,
        {
            "q": tsquery,
            "ids": [a.pk for a in articles],
            "options": f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=35, MinWords=15",
        },
    )
    return {pk: _snippet_html(text) for pk, text in rows}


def _fts_rows(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _fallback_search(query: Query):
    condition = Q()
    for term in query.terms:
        condition &= (
            Q(headline__icontains=term)
            | Q(standfirst__icontains=term)
            | Q(body__icontains=term)
            | Q(tags__name__iexact=term)
        )
    ids = Article.objects.published().filter(condition).values_list("pk", flat=True).distinct()[:1000]
    return RankedResults(list(ids), lambda page: {a.pk: _highlight(a.excerpt, query.terms) for a in page})


def _highlight(text, terms):
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    return _snippet_html(pattern.sub(lambda m: f"{MARK_START}{m.group(0)}{MARK_END}", Truncator(text).words(40)))


_TAG_FRAGMENT = re.compile(r"^[^<>]*?>|<[^>]*$")


def _snippet_html(text):
    """Escape everything, then turn our markers (never in stored text) into <mark>."""
    plain = _TAG_FRAGMENT.sub("", strip_tags(text)) if "<" in text or ">" in text else text
    safe = escape(plain).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(safe)  # noqa: S308 - escaped above; only our own <mark> tags remain


class RankedResults:
    """Article ids in relevance order; a page of articles is fetched only when the paginator slices it."""

    def __init__(self, ids, snippets):
        self.ids, self._snippets = ids, snippets

    def count(self):
        return len(self.ids)

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        ids = self.ids[index] if isinstance(index, slice) else [self.ids[index]]
        found = Article.objects.for_listing().in_bulk(ids)
        page = [found[pk] for pk in ids if pk in found]
        snippets = self._snippets(page) if page else {}
        for article in page:
            article.snippet = snippets.get(article.pk, "")
        return page if isinstance(index, slice) else page[0]
