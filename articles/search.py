"""
Article search behind one interface: `search_articles(query)`.

On SQLite it asks the FTS5 index that migration 0002 keeps in step by triggers (bm25 ranking); on PostgreSQL
the weighted tsvector column of migration 0004 (GIN index, english/french configurations, ts_rank). Both
weight the headline and tags above the standfirst above the body, fold accents, match word prefixes and
give highlighted snippets. Other databases get a plain match on the same fields.
"""

import re
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from .models import Article

MAX_TERMS = 8
MAX_RESULTS = 1000  # the most a reader can page through; counting stops there
# A query that matches more articles than this (one common word, in a large archive) is ranked among its newest
# RANK_WINDOW matches: what a news reader looks for, and work that stops growing with the archive. Older stories
# are a word or two away: a narrower query is ranked whole.
RANK_WINDOW = 2000
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
    """Published articles matching every term, best first, each with `.snippet` (safe HTML, terms in <mark>).

    Lazy, for the paginator: it counts (up to MAX_RESULTS), ranks one page at a time and makes snippets for
    that page only, so that a large archive costs little more than a small one.
    """
    if not query.terms:
        return Article.objects.none()
    backend = {"sqlite": SQLiteSearch, "postgresql": PostgresSearch}.get(connection.vendor, FallbackSearch)
    return RankedResults(backend(query))


def matching_ids(query: Query):
    """Articles in any status matching every term, as a subquery for `pk__in`: the desk's search."""
    if connection.vendor == "sqlite":
        return RawSQL("SELECT rowid FROM articles_search WHERE articles_search MATCH %s", [_fts5_match(query)])
    if connection.vendor == "postgresql":
        tsquery = "(to_tsquery('newsroom_en', %s) || to_tsquery('newsroom_fr', %s))"
        return RawSQL(f"SELECT id FROM articles_article WHERE search_vector @@ {tsquery}", [_tsquery(query)] * 2)  # noqa: S611 - constant SQL
    return FallbackSearch(query).matches.values("pk")


def _fts5_match(query):
    return " ".join(f'"{term}"*' for term in query.terms)


def _tsquery(query):
    return " & ".join(f"{term}:*" for term in query.terms)


def _hidden_statuses():
    return [status for status in Article.Status.values if status != Article.Status.PUBLISHED]


class SQLiteSearch:
    """FTS5, ranked by bm25 with the headline weighted 10, tags 6, the standfirst 4 and the body 1.

    Ranked in the index alone: what the public may not see (drafts, stories in review, scheduled or withdrawn
    ones, a handful in any archive) is read once through the status and publish-time indexes and left out.
    Joining every match to its article's row instead cost more than ranking it. The newest RANK_WINDOW matches
    are the highest rowids, which FTS5 reads newest first. Equal scores go newest entry first.

    SQLite's statistics (ANALYZE, without STAT4) know how many statuses there are, not that all but a handful of
    stories are published: they took the hidden statuses for two thirds of the archive, and the planner read
    every article's index entry instead, 18 ms at 100,000 articles. `likelihood` tells it these are rare.
    """

    def __init__(self, query):
        hidden = _hidden_statuses()
        visible = (
            "FROM articles_search WHERE articles_search MATCH %s AND rowid NOT IN (SELECT id FROM articles_article "
            f"WHERE likelihood(status IN ({', '.join(['%s'] * len(hidden))}), 0.001) "
            "OR likelihood(publish_at > %s, 0.001) OR publish_at IS NULL)"
        )
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        self.visible, self.params = visible, [_fts5_match(query), *hidden, now]

    def count(self):
        # The first min(MAX_RESULTS, RANK_WINDOW) matches count the same as the window's.
        limit = min(MAX_RESULTS, RANK_WINDOW)
        return _rows(f"SELECT count(*) FROM (SELECT 1 {self.visible} LIMIT {limit})", self.params)[0][0]

    def page(self, offset, limit):
        window = f"SELECT min(rowid) FROM (SELECT rowid {self.visible} ORDER BY rowid DESC LIMIT {RANK_WINDOW})"
        return _rows(
            f"SELECT rowid, snippet(articles_search, -1, %s, %s, '…', 24) {self.visible} AND rowid >= ({window}) "
            "ORDER BY bm25(articles_search, 10.0, 4.0, 1.0, 6.0), rowid DESC LIMIT %s OFFSET %s",
            [MARK_START, MARK_END, *self.params, *self.params, limit, offset],
        )


# Either language's reading of the words; one when both read them alike (most words), so that the GIN index is
# not searched twice for the same lexemes. PostgreSQL folds it to a constant when it plans the query.
_PG_QUERY = (
    "(CASE WHEN to_tsquery('newsroom_en', %(q)s) = to_tsquery('newsroom_fr', %(q)s) "
    "THEN to_tsquery('newsroom_en', %(q)s) ELSE to_tsquery('newsroom_en', %(q)s) || to_tsquery('newsroom_fr', %(q)s) END)"
)


def _pg_ranked():
    # Row addresses (ctid) hold within the statement: it reads one snapshot, whose rows no one can prune meanwhile.
    return (
        "WITH newest AS MATERIALIZED (SELECT a.ctid AS tid FROM articles_article a "
        f"WHERE a.search_vector @@ {_PG_QUERY} AND NOT EXISTS (SELECT FROM articles_article h WHERE h.id = a.id "
        "AND (h.status = ANY(%(hidden)s) OR h.publish_at > %(now)s OR h.publish_at IS NULL)) "
        f"ORDER BY a.id DESC LIMIT {RANK_WINDOW}) "
        "SELECT a.id FROM articles_article a WHERE a.ctid = ANY(ARRAY(SELECT tid FROM newest)) "
        f"ORDER BY ts_rank(a.search_vector, {_PG_QUERY}, 1) DESC, a.id DESC LIMIT {MAX_RESULTS}"
    )


_PG_SNIPPETS = (
    "SELECT a.id, ts_headline(newsroom_search_config(a.language), "
    "a.headline || '. ' || a.standfirst || ' ' || regexp_replace(a.body, '<[^>]+>', ' ', 'g'), "
    f"{_PG_QUERY}, %(options)s) FROM articles_article a WHERE a.id = ANY(%(ids)s)"
)


class PostgresSearch:
    """The weighted tsvector through its GIN index, ranked by ts_rank; snippets by ts_headline.

    One statement finds the newest RANK_WINDOW matches and ranks them: its best MAX_RESULTS are the results and
    their number the count (a separate count would read every match a second time). Each match's row is visited
    once, for its id alone: what the public may not see is left out as on SQLite, a handful of rows found through
    the status and publish-time indexes. Only the window's rows are read again, by their row address (ctid), to
    rank their vectors. Filtering every match on its row and carrying its vector through the sort instead took
    13.5 ms against 10.3 for a word in 6,300 of 100,000 articles.
    """

    def __init__(self, query):
        self.params = {"q": _tsquery(query), "hidden": _hidden_statuses(), "now": timezone.now()}
        self._ids = None

    def ranked_ids(self):
        if self._ids is None:
            # Planned for its words each time. A worker prepares the queries it repeats (settings.py), and
            # PostgreSQL may then run a generic plan, made without the words: it rebuilt the tsquery for every
            # match and sorted them all on disk, three times as slow at 100,000 articles (71 ms against 22).
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET LOCAL plan_cache_mode = force_custom_plan")
                cursor.execute(_pg_ranked(), self.params)
                self._ids = [pk for (pk,) in cursor.fetchall()]
        return self._ids

    def count(self):
        return len(self.ranked_ids())

    def page(self, offset, limit):
        ids = self.ranked_ids()[offset : offset + limit]
        options = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=35, MinWords=15"
        snippets = dict(_rows(_PG_SNIPPETS, {"q": self.params["q"], "ids": ids, "options": options}))
        return [(pk, snippets.get(pk, "")) for pk in ids]


class FallbackSearch:
    """Other databases: a plain match on the same fields, newest first."""

    def __init__(self, query):
        self.terms = query.terms
        condition = Q()
        for term in query.terms:
            condition &= (
                Q(headline__icontains=term)
                | Q(standfirst__icontains=term)
                | Q(body__icontains=term)
                | Q(tags__name__iexact=term)
            )
        self.matches = Article.objects.filter(pk__in=Article.objects.filter(condition).values("pk"))

    def count(self):
        return self.matches.published()[:MAX_RESULTS].count()

    def page(self, offset, limit):
        return [(a.pk, _highlight(a.excerpt, self.terms)) for a in self.matches.published()[offset : offset + limit]]


def _rows(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _highlight(text, terms):
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    return pattern.sub(lambda m: f"{MARK_START}{m.group(0)}{MARK_END}", Truncator(text).words(40))


_TAG_FRAGMENT = re.compile(r"^[^<>]*?>|<[^>]*$")


def _snippet_html(text):
    """Escape everything, then turn our markers (never in stored text) into <mark>."""
    plain = _TAG_FRAGMENT.sub("", strip_tags(text)) if "<" in text or ">" in text else text
    safe = escape(plain).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(safe)  # noqa: S308 - escaped above; only our own <mark> tags remain


class RankedResults:
    """A search's results for the paginator: counted up to MAX_RESULTS, ranked and fetched a slice at a time."""

    def __init__(self, backend):
        self.backend = backend
        self._count = None

    def count(self):
        if self._count is None:
            self._count = self.backend.count()
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, min(MAX_RESULTS, MAX_RESULTS if index.stop is None else index.stop)
        rows = self.backend.page(start, stop - start) if start < stop else []
        found = Article.objects.for_listing().in_bulk([pk for pk, _ in rows])
        page = [found[pk] for pk, _ in rows if pk in found]
        snippets = dict(rows)
        for article in page:
            article.snippet = _snippet_html(snippets[article.pk])
        return page
