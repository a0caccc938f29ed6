from django.core.management.base import BaseCommand

from articles.models import Article
from comments.models import Comment
from comments.rendering import rendering_key

BATCH_SIZE = 500


class Command(BaseCommand):
    help = (
        "Store the thread HTML of comments that have none or one made for other markup or another language "
        "(after upgrading, or after changing templates/comments/comment.html). Pages render such comments "
        "themselves when they meet them; this does it ahead, in batches."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help="Render every comment again, e.g. after the translations changed."
        )

    def handle(self, *args, **options):
        done = 0
        languages = Article.objects.filter(comments__isnull=False).order_by().values_list("language", flat=True)
        for language in languages.distinct():
            comments = Comment.objects.filter(article__language=language)
            if not options["all"]:
                comments = comments.exclude(rendered_key=rendering_key(language))
            pks = list(comments.order_by("pk").values_list("pk", flat=True))  # not a cursor open while we write
            for start in range(0, len(pks), BATCH_SIZE):
                done += render(Comment.objects.filter(pk__in=pks[start : start + BATCH_SIZE]))
        self.stdout.write(f"Rendered {done} comment(s).")


def render(comments) -> int:
    batch = list(comments.select_related("article"))
    for comment in batch:
        comment.render()
    return Comment.objects.bulk_update(batch, ["rendered", "rendered_key"])
