"""One demo article as data. The stories are fiction: every person quoted in them is invented."""

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Story:
    slug: str
    section: str
    headline: str
    standfirst: str
    dateline: str
    body: str
    authors: tuple[str, ...]
    tags: tuple[str, ...] = ()
    image: str | None = None
    # Published this many hours before seeding; None for drafts, and for the story scheduled for tomorrow.
    hours_ago: float | None = None
    status: str = "published"
    scheduled: bool = False
    language: str = "en"
    featured: bool = False
    breaking: bool = False
    translation_of: str | None = None
