from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsroom.pagecache import page_cache_retire


class Command(BaseCommand):
    help = (
        "Retire every cached page and fragment at once, on every app server sharing the cache: after a deploy that "
        "changes templates or translations (cached pages outlive a restart in Redis or var/cache)."
    )

    def handle(self, *args, **options):
        try:
            page_cache_retire()
        except Exception as error:
            raise CommandError(
                f"The cache could not be reached ({error}). Cached pages still expire within "
                f"NEWSROOM_PAGE_CACHE_SECONDS ({settings.NEWSROOM_PAGE_CACHE_SECONDS} s)."
            ) from error
        self.stdout.write("Cached pages and fragments retired: the next reader of each page renders it anew.")
