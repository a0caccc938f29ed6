import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.utils import timezone

from articles import search
from articles.models import Article
from articles.search import Query, search_articles
from articles.tests.factories import make_article

pytestmark = pytest.mark.django_db


def found(text):
    return [a.headline for a in search_articles(Query.parse(text))]


@pytest.fixture
def archive():
    make_article("Energy ministers meet in Luxembourg", standfirst="Gas storage is the main topic.")
    make_article("Farmers protest in Brussels", standfirst="Tractors block the streets near the energy ministry.")
    make_article("Budget talks stall", body="<p>Nobody mentioned <strong>energy</strong> until late.</p>")
    make_article("Quiet day", tags=["Energy"])
    make_article("Energy draft", published=False)
    make_article("Energy tomorrow", publish_at=timezone.now() + timezone.timedelta(hours=2))
    make_article("Energy unpublished", status=Article.Status.UNPUBLISHED)
    make_article("Energy in review", status=Article.Status.REVIEW)


def test_search_covers_headline_standfirst_body_and_tags_ranked_by_relevance(archive):
    results = found("energy")
    assert results[0] == "Energy ministers meet in Luxembourg"  # a headline match ranks first
    assert set(results) == {
        "Energy ministers meet in Luxembourg",
        "Farmers protest in Brussels",
        "Budget talks stall",
        "Quiet day",
    }


def test_search_never_shows_what_is_not_public(archive):
    assert not {"Energy draft", "Energy tomorrow", "Energy unpublished", "Energy in review"} & set(found("energy"))
    assert search_articles(Query.parse("energy")).count() == 4


def test_every_term_must_match(archive):
    assert found("energy gas") == ["Energy ministers meet in Luxembourg"]


def test_snippets_highlight_the_query_and_escape_everything_else():
    make_article("Rules for <script>alert(1)</script> makers", standfirst="Toy makers & the single market.")
    result = search_articles(Query.parse("makers"))[0]
    assert "<mark>makers</mark>" in result.snippet.lower() or "<mark>Makers</mark>" in result.snippet
    assert "<script>" not in result.snippet


def test_accents_do_not_matter():
    make_article("Le Conseil européen se réunit à Bruxelles", language="fr")
    assert found("europeen") == ["Le Conseil européen se réunit à Bruxelles"]


@pytest.mark.parametrize("query", ["", "   ", '"', "AND OR NOT", "*", "%%%", "-- drop table", "x" * 5000, "NEAR(a b)"])
def test_absurd_queries_never_raise(archive, query):
    results = search_articles(Query.parse(query))
    assert len(results) >= 0


def test_results_page_through(archive):
    for n in range(12):
        make_article(f"Energy market report {n}")
    page = Paginator(search_articles(Query.parse("energy")), 10).page(2)
    assert len(page.object_list) == 6
    assert all(hasattr(article, "snippet") for article in page.object_list)


def test_the_index_is_rebuilt_when_a_migration_has_dropped_its_triggers():
    from django.db import connection

    from articles.search_index import install_after_migrate

    make_article("Fisheries quotas agreed")
    if connection.vendor == "sqlite":  # SQLite drops triggers whenever a migration rebuilds the table
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER articles_search_ai")
            cursor.execute("DELETE FROM articles_search")
    make_article("Fisheries ministers disagree")
    install_after_migrate()
    make_article("Fisheries fund doubled")
    assert sorted(found("fisheries")) == [
        "Fisheries fund doubled",
        "Fisheries ministers disagree",
        "Fisheries quotas agreed",
    ]


def test_snippets_keep_the_accents_readers_typed_without():
    make_article("Sommet", language="fr", standfirst="Le Conseil européen se réunit à Bruxelles.")
    snippet = search_articles(Query.parse("europeen"))[0].snippet
    assert "européen" in snippet and "<mark>" in snippet


def test_search_works_with_debug_on(settings):
    settings.DEBUG = True  # `make run` serves with debug on, which logs every query with its parameters
    make_article("Debugging the energy market")
    assert found("energy") == ["Debugging the energy market"]


def test_results_stop_at_the_most_a_reader_can_page_through(archive, monkeypatch):
    monkeypatch.setattr(search, "MAX_RESULTS", 3)
    paginator = Paginator(search_articles(Query.parse("energy")), 2)
    assert paginator.count == 3
    assert len(paginator.page(2).object_list) == 1


def test_a_query_matching_more_than_the_window_is_ranked_among_its_newest_matches(monkeypatch):
    oldest = make_article("Fisheries, fisheries and fisheries", standfirst="All about fisheries.").headline
    newer = [make_article(f"Council report {n}", body="<p>Fisheries came up once.</p>").headline for n in range(3)]
    make_article("Fisheries draft", published=False)  # newer still, but not public: it takes no place in the window
    assert found("fisheries")[0] == oldest  # the best match, ranked among all four

    monkeypatch.setattr(search, "RANK_WINDOW", 3)
    paginator = Paginator(search_articles(Query.parse("fisheries")), 2)
    assert sorted(a.headline for n in paginator.page_range for a in paginator.page(n).object_list) == newer
    assert paginator.count == 3


def test_a_results_page_costs_the_same_queries_however_many_match(django_assert_max_num_queries):
    for n in range(30):
        make_article(f"Energy market report {n}", tags=["Energy"])
    with django_assert_max_num_queries(7):
        page = Paginator(search_articles(Query.parse("energy")), 20).page(2)
        assert [article.snippet for article in page.object_list]
    assert len(page.object_list) == 10


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plans for prepared statements")
def test_postgresql_ranks_with_a_plan_made_for_the_words(client, settings):
    """A generic plan, made without the words, was three times as slow at 100,000 articles."""
    settings.NEWSROOM_PAGE_CACHE = False
    for n in range(30):
        make_article(f"Energy market report {n}", tags=["Energy"])
    for _ in range(12):  # psycopg prepares a query on its fifth run; PostgreSQL may go generic after five more
        assert client.get("/search/", {"q": "energy"}).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE '%ts_rank%'"
        )
        plans = cursor.fetchall()
    assert plans and all(generic == 0 and custom > 0 for generic, custom in plans), plans


# sqlite_stat1 as ANALYZE leaves it after `seed_demo --articles 100000`: all but four stories published, but without
# STAT4 SQLite knows only that there are three statuses, so each looks like a third of the archive.
ANALYZED_100K = [
    ("articles_article", None, "100000"),
    ("articles_article", "article_public_ids_idx", "100000 1 1 1"),
    ("articles_article", "article_publish_at_idx", "100000 1"),
    ("articles_article", "article_desk_status_idx", "100000 33334 33334 1 1"),
    ("articles_article", "article_desk_order_idx", "100000 50000 1 1"),
    ("articles_article", "article_status_publish_idx", "100000 33334 1"),
]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query planner and its statistics")
def test_sqlite_search_never_reads_every_article_to_leave_out_the_hidden_ones(archive):
    """Reading every article's index entry made a search at 100,000 articles six times as slow as at 1,000."""
    backend = search.SQLiteSearch(Query.parse("energy"))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'articles_article'")
        cursor.executemany("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (%s, %s, %s)", ANALYZED_100K)
        cursor.execute("ANALYZE sqlite_schema")  # the planner reads the statistics again
        explain = f"EXPLAIN QUERY PLAN SELECT count(*) FROM (SELECT 1 {backend.visible})"  # noqa: S608 - our SQL
        cursor.execute(explain, backend.params)
        plan = [row[-1] for row in cursor.fetchall()]
    assert not [step for step in plan if step.startswith("SCAN articles_article")], plan
    assert backend.count() == 4
