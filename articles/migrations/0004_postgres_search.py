"""Full-text search for PostgreSQL: a weighted tsvector column (headline A, tags B, standfirst C, body D)
kept by triggers, with a GIN index.

The article's language picks the configuration: newsroom_fr or newsroom_en, copies of PostgreSQL's french
and english ones that fold accents through the unaccent dictionary, so "europeen" finds "européen" and
snippets still show the accents. SQLite has its FTS5 index instead (0002), so this migration skips it.
"""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TEXT SEARCH CONFIGURATION newsroom_en (COPY = english)",
    "ALTER TEXT SEARCH CONFIGURATION newsroom_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem",
    "CREATE TEXT SEARCH CONFIGURATION newsroom_fr (COPY = french)",
    "ALTER TEXT SEARCH CONFIGURATION newsroom_fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem",
    """CREATE OR REPLACE FUNCTION newsroom_search_config(lang text) RETURNS regconfig
       LANGUAGE sql STABLE PARALLEL SAFE AS
       $$ SELECT CASE WHEN lang = 'fr' THEN 'newsroom_fr'::regconfig ELSE 'newsroom_en'::regconfig END $$""",
    "ALTER TABLE articles_article ADD COLUMN search_vector tsvector",
    """CREATE OR REPLACE FUNCTION articles_search_vector_update() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         cfg regconfig := newsroom_search_config(NEW.language);
         tag_names text := (SELECT coalesce(string_agg(t.name, ' '), '') FROM taggit_tag t
                            JOIN articles_taggedarticle ta ON ta.tag_id = t.id WHERE ta.content_object_id = NEW.id);
       BEGIN
         NEW.search_vector :=
           setweight(to_tsvector(cfg, coalesce(NEW.headline, '')), 'A') ||
           setweight(to_tsvector(cfg, tag_names), 'B') ||
           setweight(to_tsvector(cfg, coalesce(NEW.standfirst, '')), 'C') ||
           setweight(to_tsvector(cfg, regexp_replace(coalesce(NEW.body, ''), '<[^>]+>', ' ', 'g')), 'D');
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER articles_search_vector BEFORE INSERT OR UPDATE OF headline, standfirst, body, language, search_vector
       ON articles_article FOR EACH ROW EXECUTE FUNCTION articles_search_vector_update()""",
    """CREATE OR REPLACE FUNCTION articles_search_tags_changed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE articles_article SET search_vector = NULL
         WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.content_object_id ELSE NEW.content_object_id END;
         RETURN NULL;
       END $$""",
    """CREATE TRIGGER articles_search_tags AFTER INSERT OR DELETE ON articles_taggedarticle
       FOR EACH ROW EXECUTE FUNCTION articles_search_tags_changed()""",
    "UPDATE articles_article SET search_vector = NULL",
    "CREATE INDEX articles_article_search_idx ON articles_article USING gin (search_vector)",
]
DROP = [
    "DROP INDEX IF EXISTS articles_article_search_idx",
    "DROP TRIGGER IF EXISTS articles_search_tags ON articles_taggedarticle",
    "DROP FUNCTION IF EXISTS articles_search_tags_changed()",
    "DROP TRIGGER IF EXISTS articles_search_vector ON articles_article",
    "DROP FUNCTION IF EXISTS articles_search_vector_update()",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector",
    "DROP FUNCTION IF EXISTS newsroom_search_config(text)",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS newsroom_fr",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS newsroom_en",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_article_comment_count")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
