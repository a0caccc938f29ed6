"""Indexes for the desk's article list (its order, status filter and date drill-down) and for search."""

from django.conf import settings
from django.db import migrations, models


def analyze(apps, schema_editor):
    """Statistics for the new indexes, without which the planner may pass them over on a large archive.

    On SQLite only where the table was analyzed before: statistics taken now on an empty table would
    mislead the planner once it fills.
    """
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite" and not _analyzed_before(cursor):
            return
        cursor.execute("ANALYZE articles_article")


def _analyzed_before(cursor):
    cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
    if not cursor.fetchone():
        return False
    cursor.execute("SELECT 1 FROM sqlite_stat1 WHERE tbl = 'articles_article'")
    return cursor.fetchone() is not None


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0005_verbose_names'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='article',
            index=models.Index(models.OrderBy(models.ExpressionWrapper(models.Q(('publish_at', None)), output_field=models.BooleanField()), descending=True), models.OrderBy(models.F('publish_at'), descending=True), models.OrderBy(models.F('id'), descending=True), name='article_desk_order_idx'),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(models.F('status'), models.OrderBy(models.ExpressionWrapper(models.Q(('publish_at', None)), output_field=models.BooleanField()), descending=True), models.OrderBy(models.F('publish_at'), descending=True), models.OrderBy(models.F('id'), descending=True), name='article_desk_status_idx'),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(fields=['publish_at'], name='article_publish_at_idx'),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(fields=['id', 'status', 'publish_at'], name='article_public_ids_idx'),
        ),
        migrations.RunPython(analyze, migrations.RunPython.noop),
    ]
