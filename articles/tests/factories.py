"""Small builders with believable defaults, for every app's tests."""

import io
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PILImage

from articles.models import Article, ArticleAuthor, Author, Image, Section

_seq = itertools.count(1)
PASSWORD = "correct-horse-battery-staple"


def make_user(username=None, *, role=None, **extra):
    """A staff user in one of the newsroom's groups ("Reporter", "Editor", "Moderator"), or a plain user."""
    username = username or f"user{next(_seq)}"
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, is_staff=role is not None, **extra
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def make_section(name=None, **extra):
    name = name or f"Section {next(_seq)}"
    return Section.objects.get_or_create(
        slug=extra.pop("slug", None) or name.lower().replace(" ", "-"), defaults={"name": name, **extra}
    )[0]


def make_author(name=None, **extra):
    name = name or f"Writer {next(_seq)}"
    return Author.objects.create(name=name, slug=name.lower().replace(" ", "-"), **extra)


def image_bytes(width=40, height=30, fmt="PNG", color=(30, 90, 160)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), color).save(buffer, format=fmt)
    return buffer.getvalue()


def image_upload(name="photo.png", **kwargs):
    return SimpleUploadedFile(name, image_bytes(**kwargs), content_type="image/png")


def make_image(**extra):
    extra.setdefault("alt_text", "Flags outside the Berlaymont building")
    return Image.objects.create(file=extra.pop("file", None) or image_upload(), **extra)


def make_article(headline=None, *, published=True, authors=(), tags=(), **extra):
    """A published article by default (publish time an hour ago); `published=False` gives a draft."""
    headline = headline or f"Ministers agree on a plan number {next(_seq)}"
    if published:
        extra.setdefault("status", Article.Status.PUBLISHED)
        extra.setdefault("publish_at", timezone.now() - timezone.timedelta(hours=1))
        extra.setdefault("first_published_at", extra["publish_at"])
    extra.setdefault("section", make_section("EU affairs"))
    extra.setdefault("standfirst", "A short summary that lists show under the headline.")
    extra.setdefault("body", "<p>Ministers met in Brussels on Tuesday.</p>")
    article = Article.objects.create(headline=headline, **extra)
    for position, author in enumerate(authors):
        ArticleAuthor.objects.create(article=article, author=author, position=position)
    if tags:
        article.tags.add(*tags)
    return article
