"""
SQLite's full-text index (FTS5), kept in step with articles and their tags by triggers.

SQLite rebuilds a table whenever a migration alters it, and its triggers go with the old table: so the
index is (re)installed after every `migrate`, not only by migration 0002, and rebuilt when it was missing.
PostgreSQL's index lives in migration 0004.
"""

TAGS = (
    "(SELECT coalesce(group_concat(t.name, ' '), '') FROM taggit_tag t "
    "JOIN articles_taggedarticle ta ON ta.tag_id = t.id WHERE ta.content_object_id = {id})"
)
TRIGGERS = {
    "articles_search_ai": "AFTER INSERT ON articles_article BEGIN "
    "INSERT INTO articles_search(rowid, headline, standfirst, body, tags) "
    f"VALUES (new.id, new.headline, new.standfirst, new.body, {TAGS.format(id='new.id')}); END",
    "articles_search_au": "AFTER UPDATE OF headline, standfirst, body ON articles_article BEGIN "
    "UPDATE articles_search SET headline = new.headline, standfirst = new.standfirst, body = new.body "
    "WHERE rowid = new.id; END",
    "articles_search_ad": "AFTER DELETE ON articles_article BEGIN DELETE FROM articles_search WHERE rowid = old.id; END",
    "articles_search_tag_ai": "AFTER INSERT ON articles_taggedarticle BEGIN "
    f"UPDATE articles_search SET tags = {TAGS.format(id='new.content_object_id')} "
    "WHERE rowid = new.content_object_id; END",
    "articles_search_tag_ad": "AFTER DELETE ON articles_taggedarticle BEGIN "
    f"UPDATE articles_search SET tags = {TAGS.format(id='old.content_object_id')} "
    "WHERE rowid = old.content_object_id; END",
}
CREATE_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_search USING fts5("
    "headline, standfirst, body, tags, tokenize = 'unicode61 remove_diacritics 2')"
)
REBUILD = [
    "DELETE FROM articles_search",
    "INSERT INTO articles_search(rowid, headline, standfirst, body, tags) "
    f"SELECT a.id, a.headline, a.standfirst, a.body, {TAGS.format(id='a.id')} FROM articles_article a",
]


def install_sqlite_index(connection):
    """Create what is missing; if any trigger was missing, the index may be stale, so rebuild it."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'articles_search_%'")
        present = {name for (name,) in cursor.fetchall()}
        missing = [name for name in TRIGGERS if name not in present]
        if not missing:
            return
        cursor.execute(CREATE_TABLE)
        for name in missing:
            cursor.execute(f"CREATE TRIGGER {name} {TRIGGERS[name]}")
        for statement in REBUILD:
            cursor.execute(statement)


def install_after_migrate(using="default", **kwargs):
    from django.db import connections

    install_sqlite_index(connections[using])
