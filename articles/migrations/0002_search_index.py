"""Full-text search index for SQLite (FTS5); see articles/search_index.py. Other databases skip it."""

from django.db import migrations


def install(apps, schema_editor):
    from articles.search_index import install_sqlite_index

    install_sqlite_index(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
