"""Full-text search index for SQLite (FTS5), kept in step by triggers. Other databases skip it."""

from django.db import migrations

TAGS = (
    "(SELECT coalesce(group_concat(t.name, ' '), '') FROM taggit_tag t "
    "JOIN articles_taggedarticle ta ON ta.tag_id = t.id WHERE ta.content_object_id = {id})"
)

CREATE = [
    "CREATE VIRTUAL TABLE articles_search USING fts5("
    "headline, standfirst, body, tags, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_search_ai AFTER INSERT ON articles_article BEGIN "
    "INSERT INTO articles_search(rowid, headline, standfirst, body, tags) "
    f"VALUES (new.id, new.headline, new.standfirst, new.body, {TAGS.format(id='new.id')}); END",
    "CREATE TRIGGER articles_search_au AFTER UPDATE OF headline, standfirst, body ON articles_article BEGIN "
    "UPDATE articles_search SET headline = new.headline, standfirst = new.standfirst, body = new.body "
    "WHERE rowid = new.id; END",
    "CREATE TRIGGER articles_search_ad AFTER DELETE ON articles_article BEGIN "
    "DELETE FROM articles_search WHERE rowid = old.id; END",
    "CREATE TRIGGER articles_search_tag_ai AFTER INSERT ON articles_taggedarticle BEGIN "
    f"UPDATE articles_search SET tags = {TAGS.format(id='new.content_object_id')} "
    "WHERE rowid = new.content_object_id; END",
    "CREATE TRIGGER articles_search_tag_ad AFTER DELETE ON articles_taggedarticle BEGIN "
    f"UPDATE articles_search SET tags = {TAGS.format(id='old.content_object_id')} "
    "WHERE rowid = old.content_object_id; END",
    "INSERT INTO articles_search(rowid, headline, standfirst, body, tags) "
    f"SELECT a.id, a.headline, a.standfirst, a.body, {TAGS.format(id='a.id')} FROM articles_article a",
]
DROP = [
    "DROP TRIGGER IF EXISTS articles_search_tag_ad",
    "DROP TRIGGER IF EXISTS articles_search_tag_ai",
    "DROP TRIGGER IF EXISTS articles_search_ad",
    "DROP TRIGGER IF EXISTS articles_search_au",
    "DROP TRIGGER IF EXISTS articles_search_ai",
    "DROP TABLE IF EXISTS articles_search",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial"), ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
