"""Signals the articles app sends besides Django's own."""

from django.dispatch import Signal

# Sent after articles were added or changed in bulk (bulk_create(), update()), which send no post_save per row, so
# that whatever keeps copies of pages (newsroom.pagecache, connected in newsroom/apps.py) lets them go.
articles_changed_in_bulk = Signal()
