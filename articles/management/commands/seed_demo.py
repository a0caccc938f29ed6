"""`manage.py seed_demo`: a believable newsroom to click through, and as many archive articles as you like.

Each step is a function that gets or creates its rows by natural key, so running the command twice changes
nothing; a new step (comments, say) is one more function and one more line in `Command.handle`.
"""

import random
from collections import Counter
from datetime import datetime, time, timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import F
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from articles.demo import generated
from articles.demo.people import AUTHORS, DEMO_PASSWORD, SECTIONS, USERS
from articles.demo.pictures import CREDIT, PICTURES, draw_picture
from articles.demo.stories_en import STORIES as ENGLISH
from articles.demo.stories_fr import STORIES as FRENCH
from articles.images import Image, make_renditions
from articles.models import Article, ArticleAuthor, Author, Section, TaggedArticle
from articles.signals import articles_changed_in_bulk

STORIES = ENGLISH + FRENCH
BATCH_SIZE = 1000


def seed_sections():
    sections, created = {}, 0
    for position, (slug, name, description) in enumerate(SECTIONS):
        sections[slug], is_new = Section.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position}
        )
        created += is_new
    return sections, created


def seed_authors():
    authors, created = {}, 0
    for slug, name, role, bio in AUTHORS:
        authors[slug], is_new = Author.objects.get_or_create(
            slug=slug, defaults={"name": name, "role": role, "bio": bio}
        )
        created += is_new
    return authors, created


def seed_users(authors):
    """The demo logins, each in its newsroom group; editor and reporter get their bylines."""
    users, created = {}, 0
    for username, group_name, first_name, last_name, author_slug in USERS:
        user, is_new = get_user_model().objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@newsroom.example",
                "is_staff": True,
                "is_superuser": group_name is None,
            },
        )
        if is_new:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            if group_name:
                user.groups.add(_group(group_name))
            created += 1
        author = authors.get(author_slug)
        if author and author.user_id is None and not Author.objects.filter(user=user).exists():
            author.user = user
            author.save(update_fields=["user"])
        users[username] = user
    return users, created


def _group(name):
    try:
        return Group.objects.get(name=name)
    except Group.DoesNotExist:
        raise CommandError(f"The {name} group is missing: run `manage.py migrate` first.") from None


def seed_images(uploader=None):
    """One stored picture per drawing, found again by its alt text and credit on later runs."""
    existing = {image.alt_text: image for image in Image.objects.filter(credit=CREDIT)}
    images, created = {}, 0
    for picture in PICTURES.values():
        image = existing.get(picture.alt_text)
        if image is None:
            image = Image(alt_text=picture.alt_text, caption=picture.caption, credit=CREDIT, uploaded_by=uploader)
            name = f"demo-{picture.key}.jpg"
            # A named file, so that the ImageField can read the picture's size from it.
            image.file.save(name, ContentFile(draw_picture(picture.key), name=name), save=False)
            image.save()
            created += 1
        make_renditions(image)
        images[picture.key] = image
    return images, created


def _publish_at(story, now):
    if story.scheduled:
        tomorrow = timezone.localdate(now) + timedelta(days=1)
        return timezone.make_aware(datetime.combine(tomorrow, time(7)))
    return None if story.hours_ago is None else now - timedelta(hours=story.hours_ago)


def seed_stories(*, sections, authors, images, users):
    """The hand-written articles, with bylines, tags, pictures and the one English/French pair."""
    now = timezone.now()
    articles, created = {}, []
    for story in STORIES:
        publish_at = _publish_at(story, now)
        byline = authors[story.authors[0]]
        articles[story.slug], is_new = Article.objects.get_or_create(
            slug=story.slug,
            section=sections[story.section],
            defaults={
                "headline": story.headline,
                "standfirst": story.standfirst,
                "body": story.body,
                "dateline": story.dateline,
                "language": story.language,
                "lead_image": images.get(story.image),
                "status": story.status,
                "publish_at": publish_at,
                "first_published_at": publish_at if story.status == Article.Status.PUBLISHED else None,
                "is_featured": story.featured,
                "is_breaking": story.breaking,
                "created_by": byline.user or users.get("editor"),
            },
        )
        if is_new:
            article = articles[story.slug]
            for position, slug in enumerate(story.authors):
                ArticleAuthor.objects.create(article=article, author=authors[slug], position=position)
            article.tags.add(*story.tags)
            if story.translation_of:
                article.translations.add(articles[story.translation_of])
            created.append(article)
    _backdate([a.pk for a in created], now)
    return articles, created


def _backdate(pks, now):
    """Make stored times agree with publication, so nothing reads "updated" minutes after it went live."""
    Article.objects.filter(pk__in=pks, publish_at__lte=now).update(
        created_at=F("publish_at") - timedelta(hours=2), updated_at=F("publish_at")
    )


def generate_articles(count, *, sections, authors, images, progress=None):
    """Add `count` published archive articles in bulk, spread over the three years before the demo stories."""
    rng = random.Random(Article.objects.count())
    now = timezone.now()
    newest, oldest = now - timedelta(days=40), now - timedelta(days=3 * 365)
    span = (newest - oldest).total_seconds()
    tags = {name: Tag.objects.get_or_create(name=name)[0] for name in generated.TAG_NAMES}
    taken = set(
        Article.objects.filter(publish_at__isnull=False)
        .annotate(day=TruncDate("publish_at"))
        .values_list("day", "slug")
    )
    staff = [authors[slug] for slug in generated.BYLINES]
    done = 0
    while done < count:
        size = min(BATCH_SIZE, count - done)
        with transaction.atomic():
            texts = [generated.compose(rng) for _ in range(size)]
            batch = []
            for text in texts:
                publish_at = oldest + timedelta(seconds=rng.uniform(0, span))
                batch.append(
                    Article(
                        headline=text.headline,
                        slug=_free_slug(slugify(text.headline)[:190], timezone.localdate(publish_at), taken),
                        standfirst=text.standfirst,
                        body=text.body,
                        dateline=text.dateline,
                        language=text.language,
                        section=sections[text.section],
                        lead_image=images[rng.choice(generated.SECTION_PICTURES[text.section])],
                        status=Article.Status.PUBLISHED,
                        publish_at=publish_at,
                        first_published_at=publish_at,
                    )
                )
            Article.objects.bulk_create(batch)  # sets primary keys on PostgreSQL and SQLite ≥ 3.35
            ArticleAuthor.objects.bulk_create(
                ArticleAuthor(article=article, author=author, position=position)
                for article in batch
                for position, author in enumerate(rng.sample(staff, rng.choice((1, 1, 1, 2))))
            )
            TaggedArticle.objects.bulk_create(
                TaggedArticle(content_object=article, tag=tags[name])
                for article, text in zip(batch, texts, strict=True)
                for name in text.tags
            )
            _backdate([a.pk for a in batch], now)
        done += size
        if progress:
            progress(done, count)
        articles_changed_in_bulk.send(sender=Article)  # pages change with each batch of a long run
    return done


def _free_slug(base, day, taken):
    slug, n = base, 1
    while (day, slug) in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add((day, slug))
    return slug


class Command(BaseCommand):
    help = "Fill the database with a demo newsroom (sections, authors, pictures, articles, logins). Safe to rerun."

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles", type=int, default=0, metavar="N", help="Also add N generated archive articles (load testing)."
        )
        parser.add_argument(
            "--comments",
            type=int,
            default=0,
            metavar="N",
            help="Also add N threaded reader comments to every article that has none (needs the comments app).",
        )
        parser.add_argument(
            "--force-users",
            action="store_true",
            help="Create the demo logins even when DEBUG is off. Never do this on a public site.",
        )

    def handle(self, *, articles, comments, force_users, **options):
        if articles < 0 or comments < 0:
            raise CommandError("--articles and --comments must be zero or more.")
        with transaction.atomic():
            sections, new_sections = seed_sections()
            authors, new_authors = seed_authors()
            users, new_users = self.users_step(authors, force_users)
        self.report("Sections", len(sections), new_sections)
        self.report("Authors", len(authors), new_authors)
        images, new_images = seed_images(users.get("editor"))
        self.report("Images", len(images), new_images, " (with renditions)")
        with transaction.atomic():
            stories, new_stories = seed_stories(sections=sections, authors=authors, images=images, users=users)
        self.report("Articles", len(stories), len(new_stories), self.describe(new_stories))
        if not (new_sections or new_authors or new_users or new_images or new_stories):
            self.stdout.write("Demo newsroom already present.")
        if articles:
            self.stdout.write(f"Generating {articles} archive articles…")
            generate_articles(articles, sections=sections, authors=authors, images=images, progress=self.progress)
            self.stderr.write("")
            self.stdout.write(f"Archive articles: {articles} new")
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh statistics, so the query planner knows the archive's size
        if comments:
            self.comments_step(comments)
        if users:
            self.print_logins(users, new_users)

    def comments_step(self, per_article):
        # Articles never import comments: the comments app seeds itself, when it is installed.
        if not apps.is_installed("comments"):
            raise CommandError("--comments needs the comments app in INSTALLED_APPS.")
        call_command("seed_comments", per_article=per_article, stdout=self.stdout, stderr=self.stderr)

    def users_step(self, authors, force_users):
        if not (settings.DEBUG or force_users):
            self.stdout.write("Demo logins not created: DEBUG is off (pass --force-users to create them anyway).")
            return {}, 0
        return seed_users(authors)

    def report(self, label, total, new, detail=""):
        if new:
            self.stdout.write(f"{label}: {new} new of {total}{detail}")

    def describe(self, articles):
        count = Counter(article.status for article in articles)
        scheduled = sum(article.is_scheduled for article in articles)
        return (
            f" ({count['published'] - scheduled} published, {scheduled} scheduled, {count['review']} in review,"
            f" {count['draft']} drafts)"
        )

    def progress(self, done, total, width=40):
        filled = width * done // total
        self.stderr.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {done}/{total}", ending="")
        self.stderr.flush()

    def print_logins(self, users, new_users):
        admin_url = settings.SITE_URL.rstrip("/") + reverse("admin:index")
        names = " / ".join(users)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Demo logins — {admin_url} — {names}, password: {DEMO_PASSWORD}"))
        if new_users < len(users):
            self.stdout.write("(Accounts that already existed keep the password they had.)")
