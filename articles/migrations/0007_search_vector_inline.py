"""PostgreSQL keeps each article's search vector in its row (compressed) rather than in the TOAST table.

Ranking reads the vector of every match; fetched out of line, each costs a lookup in another table. The body,
which only snippets of the page shown read, goes out of line instead. Rows are rewritten (the trigger of
0004 recomputes their vectors) so that existing articles are stored the new way too. SQLite skips this.
"""

from django.db import migrations

FORWARD = [
    "ALTER TABLE articles_article ALTER COLUMN search_vector SET STORAGE MAIN",
    "UPDATE articles_article SET search_vector = NULL",
    "ANALYZE articles_article",
]
BACKWARD = ["ALTER TABLE articles_article ALTER COLUMN search_vector SET STORAGE EXTENDED"]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_desk_indexes")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
