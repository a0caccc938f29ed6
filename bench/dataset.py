"""
The benchmark's data set and the few database chores `bench/run.py` needs, run as `python -m bench.dataset …`.

The driver sets the environment (DATABASE_URL of the bench database, production settings) and
calls one command per subprocess, so it never imports Django itself. Every command prints one JSON line.

    build --articles N    seed_demo, the discussion (one article, 200 comments), archive articles up to N in all
    info                  where the discussion is, and how big the data set is
    snapshot PATH OUT     the page at PATH, rendered once, written to OUT (the floors serve these bytes)
    post-target           a fresh article for the comment POST bench, with one approved comment by its reader
    post-done PK          how many comments the POST bench left on article PK; then deletes that article
    clear-cache           empties the cache (a Redis database given to the bench)
"""

import json
import os
import random
import re
import sys
import time
import uuid
from datetime import timedelta

import dj_database_url

DISCUSSION_SLUG = "readers-weigh-in-on-the-budget-deal"
THREADS = 50  # top-level comments, each with a reply, a reply to that reply and a second reply: 200 in all
BODY_WORDS = 800
POST_READER = {"name": "Bench Reader", "email": "bench-reader@example.net"}

SENTENCES = [
    "Good summary, but it leaves out who pays for this in the end.",
    "I work in the sector and this matches what we see on the ground.",
    "The timetable looks optimistic to me, as it did the last time.",
    "Is there a link to the Council's conclusions? I could not find them.",
    "Another compromise that pleases nobody, which may be the sign of a fair one.",
    "Thanks for explaining the procedure so clearly; most reports skip that part.",
    "Parliament still has to vote on it, so I would not call it a done deal yet.",
    "How does this compare with what the Commission proposed last year?",
    "The smaller member states seem to have got more than anyone expected.",
    "My region has waited ten years for this money and we are still waiting.",
    "Farmers here will read the small print before they believe any of it.",
    "The figures in the third paragraph do not add up unless inflation is left out.",
]
LINKS = ["https://www.consilium.europa.eu/en/press/", "https://www.europarl.europa.eu/news/en"]


def main(argv):
    command, *args = argv or ["info"]
    if command == "build":
        ensure_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    handlers = {
        "build": lambda: build(articles=int(args[args.index("--articles") + 1]) if args else 1000),
        "info": info,
        "snapshot": lambda: snapshot(*args),
        "post-target": post_target,
        "post-done": lambda: post_done(int(args[0])),
        "clear-cache": clear_cache,
    }
    print(json.dumps(handlers[command]()))


def ensure_database(url):
    """A PostgreSQL bench database is created when missing (the role needs CREATEDB); SQLite makes its file."""
    config = dj_database_url.parse(url)
    if "postgresql" not in config["ENGINE"]:
        os.makedirs(os.path.dirname(config["NAME"]) or ".", exist_ok=True)
        return
    import psycopg

    params = {"host": config["HOST"], "port": config["PORT"] or 5432, "user": config["USER"]}
    with psycopg.connect(dbname="postgres", password=config["PASSWORD"], autocommit=True, **params) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]).fetchone():
            conn.execute(f'CREATE DATABASE "{config["NAME"]}"')


def build(*, articles):
    from django.core.management import call_command

    from articles.models import Article

    started = time.monotonic()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("seed_demo", force_users=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
    Article.objects.filter(slug__startswith="bench-comments-").delete()  # left by an interrupted comment bench
    discussion = discussion_article()
    missing = articles - Article.objects.count()
    if missing > 0:
        call_command("seed_demo", articles=missing, force_users=True, stdout=sys.stderr, stderr=sys.stderr)
    return info() | {"built_in_seconds": round(time.monotonic() - started, 1), "discussion_pk": discussion.pk}


def discussion_article():
    """The article under test: an 800-word story with 50 threads three levels deep (200 comments)."""
    from django.db import transaction
    from django.utils import timezone

    from articles.models import Article

    article = Article.objects.filter(slug=DISCUSSION_SLUG).first()
    recent = timezone.now() - timedelta(hours=2)
    if article and article.publish_at < timezone.now() - timedelta(days=7):
        # Comments close after 30 days and the form would leave the page: keep the story recent on reuse.
        Article.objects.filter(pk=article.pk).update(publish_at=recent, first_published_at=recent)
    if article:
        return article
    with transaction.atomic():
        article = _new_discussion(recent)
        _comment_threads(article)
    return article


def _new_discussion(publish_at):
    from articles.demo import generated
    from articles.models import Article, ArticleAuthor, Author, Section
    from articles.sanitize import sanitize_html

    fill = {"topic": "the long-term budget", "country": "Poland", "country2": "Denmark", "city": "Brussels"}
    fill |= {"name": "Eva Lindqvist", "Topic": "The long-term budget", "Country": "Poland", "Country2": "Denmark"}
    paragraphs, body = [sanitize_html(p).format(**fill) for p in generated.PARAGRAPHS_EN], []
    while words(" ".join(body)) < BODY_WORDS:
        body.append(paragraphs[len(body) % len(paragraphs)])
    article = Article.objects.create(
        headline="Leaders seal the long-term budget deal after an all-night summit",
        slug=DISCUSSION_SLUG,
        standfirst="Net payers won a rebate, farmers kept their subsidies, and readers have a lot to say about it.",
        body="\n".join(body),
        dateline="Brussels",
        language="en",
        section=Section.objects.get(slug="eu-affairs"),
        lead_image=_demo_image("hemicycle"),
        status=Article.Status.PUBLISHED,
        publish_at=publish_at,
        first_published_at=publish_at,
    )
    ArticleAuthor.objects.create(article=article, author=Author.objects.get(slug=generated.BYLINES[0]), position=0)
    article.tags.add("Budget", "Poland", "Denmark")
    return article


def _demo_image(key):
    from articles.demo.pictures import CREDIT, PICTURES
    from articles.images import Image

    return Image.objects.filter(credit=CREDIT, alt_text=PICTURES[key].alt_text).first()


def _comment_threads(article):
    from comments.demo import READERS
    from comments.models import Comment
    from comments.services import comment_count_refresh

    rng = random.Random(DISCUSSION_SLUG)
    step = timedelta(seconds=30)
    at = article.publish_at
    for _ in range(THREADS):
        root = _comment(article, None, rng, READERS, at := at + step)
        reply = _comment(article, root, rng, READERS, at := at + step)
        _comment(article, reply, rng, READERS, at := at + step)
        _comment(article, root, rng, READERS, at := at + step)
    comment_count_refresh(article_id=article.pk)
    return Comment.objects.filter(article=article).count()


def _comment(article, parent, rng, readers, created_at):
    from django.utils.text import slugify

    from comments.models import Comment

    name = rng.choice(readers)
    paragraphs = [" ".join(rng.sample(SENTENCES, rng.randint(1, 4))) for _ in range(rng.choice((1, 1, 2)))]
    if rng.random() < 0.1:
        paragraphs.append(f"See {rng.choice(LINKS)}")
    comment = Comment(
        article=article,
        parent=parent,
        name=name,
        email=f"{slugify(name)}@example.net",
        text="\n\n".join(paragraphs),
        status=Comment.Status.APPROVED,
        created_at=created_at,
    )
    comment.save()
    return comment


def words(html):
    return len(re.sub(r"<[^>]+>", " ", html).split())


def info():
    from articles.models import Article
    from comments.models import Comment

    article = Article.objects.get(slug=DISCUSSION_SLUG)
    return {
        "articles": Article.objects.count(),
        "published": Article.objects.published().count(),
        "article_url": article.get_absolute_url(),
        "article_comments": Comment.objects.visible().filter(article=article).count(),
        "article_words": words(article.body),
    }


def snapshot(path, out):
    from django.test import Client

    response = Client().get(path, HTTP_HOST="127.0.0.1")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "wb") as file:
        file.write(response.content)
    return {"status": response.status_code, "bytes": len(response.content)}


def post_target():
    """A story open for comments, and a reader the policy trusts (one approved comment), so POSTs publish."""
    from django.utils import timezone

    from articles.models import Article, Section
    from comments.models import Comment
    from comments.services import comment_count_refresh

    now = timezone.now() - timedelta(minutes=1)
    article = Article.objects.create(
        headline="Live: your questions on the budget deal",
        slug=f"bench-comments-{uuid.uuid4().hex[:8]}",  # build() deletes any left behind
        body="<p>Ask our correspondents in Brussels.</p>",
        section=Section.objects.get(slug="eu-affairs"),
        status=Article.Status.PUBLISHED,
        publish_at=now,
        first_published_at=now,
    )
    trusted = Comment(article=article, text="First!", status=Comment.Status.APPROVED, **POST_READER)
    trusted.save()
    comment_count_refresh(article_id=article.pk)
    return {"pk": article.pk, "url": article.get_absolute_url(), "reply_url": f"/comments/{trusted.pk}/reply/"}


def post_done(pk):
    from articles.models import Article
    from comments.models import Comment

    posted = Comment.objects.filter(article_id=pk).exclude(text="First!")
    _settle(posted)
    article = Article.objects.get(pk=pk)
    result = {
        "comments": posted.count(),
        "published": posted.filter(status=Comment.Status.APPROVED).count(),
        "count_exact": article.comment_count == Comment.objects.visible().filter(article=article).count(),
    }
    article.delete()
    return result


def _settle(queryset, seconds=30):
    """wrk stops, but the server still answers what was queued: wait until no new comment arrives for a second."""
    deadline, last = time.monotonic() + seconds, -1
    while (count := queryset.count()) != last and time.monotonic() < deadline:
        last = count
        time.sleep(1)


def clear_cache():
    from django.core.cache import cache

    cache.clear()
    return {"cleared": True}


if __name__ == "__main__":
    main(sys.argv[1:])
