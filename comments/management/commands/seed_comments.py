from django.core.management.base import BaseCommand

from comments.demo import seed_comments


class Command(BaseCommand):
    help = "Add threaded demo comments (mixed depths, some held, some from staff) to published articles without any."

    def add_arguments(self, parser):
        parser.add_argument("--per-article", type=int, default=8, help="Comments per article (default 8).")

    def handle(self, *args, per_article, **options):
        made = seed_comments(per_article)
        self.stdout.write(f"Added {made} demo comment(s).")
