"""
How long the home page and a long discussion take to render, uncached, in one process: a quick, relative
measure for work on templates (`make bench` is the real, end-to-end benchmark).

    DATABASE_URL=sqlite:////tmp/newsroom-profile.sqlite3 .venv/bin/python tools/profile_render.py
    ... tools/profile_render.py --runs 300 --profile article   # cProfile of the article page, top 30

The first run builds a scratch data set in that database (80 published articles with pictures, bylines and
tags; one 800-word article with 200 comments in 50 threads three levels deep). Pages go through Django's test
client, middleware included, with debug off. It prints the fastest, median and 90th percentile milliseconds of
CPU time per render (the machine is shared: wall time would count the others), the SQL queries and the bytes.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "profile-only-secret-key")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_STATICFILES_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage")
os.environ.setdefault("DJANGO_MEDIA_ROOT", str(Path(tempfile.gettempdir()) / "newsroom-profile-media"))
os.environ.setdefault("NEWSROOM_PAGE_CACHE", "0")
os.environ.setdefault("CACHE_URL", "locmem://")  # one process, its own cache

SENTENCE = (
    "the council agreed on a common position after long talks in Brussels where ministers weighed the cost "
    "of the plan against its benefits for farmers workers and families across the union while parliament "
    "asked for more transparency on how the money would be spent and which member states would pay most"
)
WORDS = SENTENCE.split()


def paragraphs(words, per_paragraph=80):
    text = [" ".join(WORDS[(i + j) % len(WORDS)] for j in range(per_paragraph)) for i in range(0, words, per_paragraph)]
    return "".join(f"<p>{p.capitalize()}.</p>" for p in text)


def build():
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone
    from PIL import Image as PILImage

    from articles.images import Image, make_renditions
    from articles.models import Article, ArticleAuthor, Author, Section
    from comments.models import Comment
    from comments.services import comment_count_refresh

    now = timezone.now()
    sections = [Section.objects.create(name=f"Section {n}", slug=f"section-{n}", position=n) for n in range(6)]
    authors = [Author.objects.create(name=f"Writer Number{n}", slug=f"writer-{n}") for n in range(8)]
    images = []
    for n in range(10):
        buffer = io.BytesIO()
        PILImage.new("RGB", (1600, 900), (20 * n, 90, 160)).save(buffer, format="JPEG")
        upload = SimpleUploadedFile(f"picture-{n}.jpg", buffer.getvalue(), content_type="image/jpeg")
        image = Image.objects.create(file=upload, alt_text=f"Picture {n}", caption="Ministers arrive", credit="AFP")
        make_renditions(image)
        images.append(image)
    articles = []
    for n in range(80):
        article = Article.objects.create(
            headline=f"Ministers agree on plan number {n} for the single market",
            standfirst="" if n % 5 == 4 else "A short summary of what was agreed, and what it means for readers.",
            body=paragraphs(800 if n == 0 else 300),
            section=sections[n % len(sections)],
            status=Article.Status.PUBLISHED,
            publish_at=now - timezone.timedelta(hours=n * 5 + 1),
            first_published_at=now - timezone.timedelta(hours=n * 5 + 1),
            lead_image=images[n % len(images)],
            is_featured=n == 3,
            slug="profile-discussion" if n == 0 else "",
        )
        for position, author in enumerate(authors[n % 7 : n % 7 + 2]):
            ArticleAuthor.objects.create(article=article, author=author, position=position)
        article.tags.add("Budget", f"Topic {n % 9}", "Council")
        articles.append(article)
    discussion = articles[0]
    text = "I read the whole piece. " * 6 + "\n\nSee https://consilium.europa.eu/en/press/ for the conclusions."
    for n in range(50):  # 50 threads of four: a comment, two replies, and a reply to the first reply
        root = Comment.objects.create(article=discussion, name=f"Reader {n}", text=text, status="approved")
        first = Comment.objects.create(
            article=discussion, parent=root, name="Jean Dupont", text=text, status="approved"
        )
        Comment.objects.create(article=discussion, parent=first, name="Aoife Byrne", text=text, status="approved")
        Comment.objects.create(
            article=discussion, parent=root, name="Luca Bianchi", website="https://luca.example", text=text,
            status="approved",
        )  # fmt: skip
    for article in articles:
        comment_count_refresh(article_id=article.pk)


def measure(client, url, runs):
    from django.db import connection

    for _ in range(5):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    queries = []  # counted by a wrapper: a request's start clears connection.queries

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        size = len(client.get(url).content)
    timings = []
    for _ in range(runs):
        start = time.process_time()  # CPU time: other processes sharing the machine do not count
        client.get(url)
        timings.append((time.process_time() - start) * 1000)
    timings.sort()
    return timings[0], statistics.median(timings), timings[int(len(timings) * 0.9)], len(queries), size


def profile(client, url, runs, top):
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(runs):
        client.get(url)
    profiler.disable()
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(top)
        print(out.getvalue())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--profile", choices=["home", "article"])
    parser.add_argument("--top", type=int, default=30)
    options = parser.parse_args()

    import django

    warnings.filterwarnings("ignore", message="No directory at", module="django.core.handlers.base")

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from articles.models import Article

    call_command("migrate", verbosity=0)
    if not Article.objects.filter(slug="profile-discussion").exists():
        build()
    article = Article.objects.get(slug="profile-discussion")
    pages = {"home": reverse("home"), "article": article.get_absolute_url()}
    client = Client()
    if options.profile:
        profile(client, pages[options.profile], options.runs, options.top)
        return
    print(f"{'page':<10}{'min ms':>8}{'median ms':>10}{'p90 ms':>9}{'queries':>9}{'bytes':>9}")
    for name, url in pages.items():
        fastest, median, p90, queries, size = measure(client, url, options.runs)
        print(f"{name:<10}{fastest:>8.2f}{median:>10.2f}{p90:>9.2f}{queries:>9}{size:>9}")


if __name__ == "__main__":
    main()
