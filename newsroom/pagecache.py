"""
Whole pages for anonymous readers, kept in Django's cache so that every app server shares them.

What is cached: a GET from a visitor without a session or commenter cookie, outside the desk and preview links,
whose query string holds nothing but `page`, `q` or `comments_page` (once each); anything else (utm_*, fbclid…)
is served uncached rather than letting random parameters fill the cache. The page is stored only if it is a plain
200 the view did not mark itself (`Cache-Control`), that sets no cookie, leaves the session alone, varies on
nothing but the language, and printed no visitor's real CSRF token (a template using `{% csrf_token %}` is simply
not cached).
A reader with a session is never served from the cache and never fills it: staff, and anyone who has reported or
has a comment held (their held comments live in the session); nor is one whose form remembers their name (the
commenter cookie). Deciding that costs no query.

Exact invalidation: every key holds a generation number. Any change readers could see (articles, their bylines,
tags, translations, corrections, images, sections, authors; a comment appearing, disappearing or changing) bumps
it, so all pages are stale at once; newsroom/apps.py connects the signals and services call
`page_cache_invalidate()` where they write with `queryset.update()`. The bump happens now and again once the
transaction commits, so a page rendered from the old rows meanwhile is stored under a dead generation.
One generation for the whole site because lists show comment counts: a comment changes the home page too.
Time changes pages as well: no entry outlives the next scheduled publication, nor NEWSROOM_PAGE_CACHE_SECONDS.
That time is kept in the cache per generation, looked up by whoever bumps it (so readers need no query; a comment,
which cannot move it, copies it from the generation before) and again once it has passed. Expiry is checked here
against the clock, not left to the cache server.

Per-visitor values: while rendering a page for the cache, `request.page_cache_slots` is set and the templates
write slots instead of the CSRF token and the comment form's signed render time; each serve, hit or miss, fills
them in with this visitor's token and the time, to the second. The stored body, and the ETag made from it, is the
same for everyone.

HTTP: a weak ETag and the render time as Last-Modified, so a conditional GET gets a 304 without touching the
page. Pages with a form that posts (the article page's comment form) are `private`: a shared cache would hand
one visitor's CSRF token to everyone else, whose cookie would not match. The others (home, section, tag, author,
archive and search pages, whose language switcher is links; feeds, sitemaps, robots.txt) carry no visitor's value
and are `public, s-maxage=N` with N = NEWSROOM_PAGE_CACHE_CDN_SECONDS (default 0: a CDN keeps them but asks
again every time, and our 304 keeps that cheap; a CDN cannot be told about a change, so any N > 0 is staleness an
operator accepts) and never past the entry's own expiry. Both vary on Accept-Language and Cookie
(the language cookie); a CDN should key on the django_language cookie only and pass sessions through.

Two tiers: each process keeps the entries it served last (NEWSROOM_PAGE_CACHE_LOCAL_MB, default 32), so a hit
costs one small look-up of the generation in the shared cache instead of fetching and unpickling the whole page.
A key names its generation and an entry never changes once stored, so the local copy is exactly as fresh as the
shared one; expiry is checked on both.

Fragments, kept with the page cache off too (NEWSROOM_FRAGMENT_CACHE=0 turns them off):
- what a page shows of one story (a list's teaser, an article's text and its page's meta tags, through
  `{% fragment %}`) is kept under a second number, the content generation, which every change but a comment's
  moves (`page_cache_invalidate(comments_only=True)` leaves it). A comment makes every page stale, but the pages
  rendered again then reuse each story's fragment: only the discussion, and the counts, which are in the keys
  of the fragments that show them, are rendered anew;
- what many pages show alike and no comment changes (the "Latest news" sidebar through `{% sitewide %}`, the
  sections) is kept the same way, under the content generation and the language;
- so is the story an article page shows (the Article, its section and picture: `story()`, which the middleware
  hands the view as `request.keep_story`), all but its comment count, which the discussion counts as it reads.
Fragments expire with the pages too (the next scheduled publication: a story may come out).
Both numbers are looked up once per request, before the view reads any row (PageCacheMiddleware), so a fragment
rendered from rows a transaction was changing is stored under a generation that its commit retires. Each
process keeps the fragments it used last as well (a key names its generations: the local copy is as fresh), and
each request unpickles its own copy of a kept object.

Stampede: when an entry is missing, one request takes a short lock (`cache.add`) and renders; the others poll the
cache for up to two seconds and serve what it stored, or render themselves if it is not coming.
"""

import contextlib
import functools
import hashlib
import logging
import pickle
import re
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.safestring import SafeString, mark_safe

from articles.models import Article
from comments.forms import COMMENTER_COOKIE, form_token

from . import versions

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
CONTENT_GENERATION_KEY = "pagecache:content-generation"
CACHED_PARAMETERS = {"page", "q", "comments_page"}
SKIPPED_PATHS = ("/admin/", "/preview/")
KNOWN_VARY = {"accept-language", "cookie"}
LOCK_SECONDS = 10
WAIT_SECONDS, WAIT_STEPS = 0.005, 400  # two seconds at most
DAY, INFINITY = 24 * 3600, float("inf")


class Slots:
    """What templates write instead of a visitor's own values when the page is rendered to be shared."""

    csrf_token = "@@pagecache-csrf@@"  # noqa: S105 - a slot, not a secret
    form_token = "@@pagecache-form-"  # noqa: S105 - followed by the article's pk


class LocalCopies:
    """This process's most recently served entries, at most `max_bytes` of page in all."""

    def __init__(self, max_bytes):
        self.max_bytes, self.size = max_bytes, 0
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            found = self.entries.get(key)
            if found is None:
                return None
            self.entries.move_to_end(key)
            return found[0]

    def put(self, key, entry, size):
        """Keep `entry`, in place of an older one under the same key (expired: a scheduled story came out)."""
        if size > self.max_bytes:
            return
        with self.lock:
            if (old := self.entries.pop(key, None)) is not None:
                self.size -= old[1]
            self.entries[key], self.size = (entry, size), self.size + size
            while self.size > self.max_bytes:
                _, (_, dropped_size) = self.entries.popitem(last=False)
                self.size -= dropped_size

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0


SLOTS = Slots()
local_copies = LocalCopies(settings.NEWSROOM_PAGE_CACHE_LOCAL_MB * 1024 * 1024)
local_fragments = LocalCopies(settings.NEWSROOM_PAGE_CACHE_LOCAL_MB * 1024 * 1024 // 4)
SLOT = re.compile(rb"@@pagecache-(csrf@@|form-\d+)")


class PageCacheMiddleware:
    """After CsrfViewMiddleware (which sets the token's cookie) and LocaleMiddleware (the language is in the key)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.keep_story = functools.partial(story, request)
        if not _shareable(request):
            if request.method in ("GET", "HEAD"):
                _look_up_generations(request)
            return self.get_response(request)
        try:
            generation = versions.current(GENERATION_KEY)  # a hit needs no other number
            key = _page_key(request, generation)
            entry, response = _local_or_shared(key), None
        except Exception:  # noqa: BLE001 - a cache outage costs speed, never the site
            logger.warning("Page cache unavailable; serving %s uncached.", request.path, exc_info=True)
            return self.get_response(request)
        if entry is None:
            entry, response = self._rebuild(request, key, generation)
            if entry is None:
                return response
        return _serve(request, entry, "miss" if response else "hit")

    def _rebuild(self, request, key, generation):
        """The entry and, unless another request rendered it, the response; no entry if it may not be shared."""
        lock = f"{key}:lock"
        locked = cache.add(lock, 1, LOCK_SECONDS)
        if not locked and (entry := _wait_for(key, lock)):
            return entry, None
        try:
            _look_up_generations(request)
            token_was_pending = request.META.get("CSRF_COOKIE_NEEDS_UPDATE", False)
            request.page_cache_slots = SLOTS
            response = self.get_response(request)
            # get_token() was called while rendering: the page holds a real token, and it is nobody else's.
            printed_token = request.META.get("CSRF_COOKIE_NEEDS_UPDATE", False) and not token_was_pending
            entry = None if printed_token else _entry(request, response, generation)
            if entry:
                cache.set(key, entry, int(entry["expires_at"] - entry["rendered_at"]) + 1)
                local_copies.put(key, entry, _size(entry))
        finally:
            if locked:
                cache.delete(lock)
        if not (entry or response.streaming):
            response.content = _fill(SLOT.split(response.content), request)
        return entry, response


def sitewide(request, name, compute):
    """What many pages show alike (a fragment's HTML, the sections): as computed for this content generation and
    language, or computed now by `compute()` and kept. Nothing kept so may show a comment or a count: a comment does
    not make it stale. `request` may be None (a template rendered outside a request)."""
    return _kept(request, name, None, compute)


def fragment(request, name, parts, compute):
    """What a page shows of one story (its teaser, its text): as rendered for this content generation, language,
    host and `parts` (what else the HTML depends on: the story's id, its comment count, the variant…), or
    rendered now by `compute()` and kept. Comments do not make it stale; a change to any story does."""
    return _kept(request, name, parts, compute)


def story(request, address, find):
    """The story an article page shows (articles.views.ArticleDetailView, through `request.keep_story`): as `find()`
    read it for this content generation and `address` (the page's date and slug), or read now and kept. An edit
    makes it stale as it does the story's fragments; its comment count, which a comment changes, is the one thing
    the page does not take from it (the discussion counts)."""
    return _kept(request, "story", address, find)


def _kept(request, name, parts, compute):
    """`parts` None: a sitewide piece, which prints no address with a host."""
    if not settings.NEWSROOM_FRAGMENT_CACHE:
        return compute()
    now = time.time()
    try:
        generation, content_generation = _generations(request)
        key = f"fragment:c{content_generation}:{translation.get_language()}:{name}"
        if parts is not None:
            host = _host(request) if request is not None else ""
            about = "\x1f".join(map(str, (host, *parts)))
            key += f":{hashlib.blake2b(about.encode(), digest_size=16).hexdigest()}"
        if (found := _live_fragment(local_fragments.get(key), now)) is not None:
            return pickle.loads(found) if isinstance(found, Pickled) else found  # noqa: S301 - pickled here
        entry = cache.get(key)
        if (found := _live_fragment(entry, now)) is not None:
            _keep_locally(key, entry)
            return found
    except Exception:  # noqa: BLE001 - a cache outage costs speed, never the page
        logger.warning("Fragment cache unavailable; computing %s.", name, exc_info=True)
        return compute()
    value = compute()
    try:
        expires_at = min(now + settings.NEWSROOM_PAGE_CACHE_SECONDS, _next_publication(generation, now, request))
        if expires_at - now >= 1:
            cache.set(key, (expires_at, value), int(expires_at - now) + 1)
            _keep_locally(key, (expires_at, value))
    except Exception:  # noqa: BLE001
        logger.warning("Fragment cache unavailable; %s not kept.", name, exc_info=True)
    return value


class Pickled(bytes):
    """This process's copy of a kept object (the sections, a story): each request unpickles its own, which it may
    change (prefetch into) without changing anyone else's."""


def _keep_locally(key, entry):
    expires_at, value = entry
    if not isinstance(value, str):
        value = Pickled(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
    local_fragments.put(key, (expires_at, value), len(value))


def _host(request) -> str:
    """Scheme and host, for fragments that print absolute addresses; worked out once per request."""
    if (host := getattr(request, "_page_cache_host", None)) is None:
        host = request._page_cache_host = f"{request.scheme}://{request.get_host()}"
    return host


def _live_fragment(found, now):
    return found[1] if found is not None and found[0] > now else None


def page_cache_invalidate(*, comments_only=False, **signal_kwargs) -> None:
    """Every cached page is stale: now, and again when the change is committed (see the module's docstring).
    A change to comments alone, which can move neither an article's publication time nor what a story's fragments
    show, passes `comments_only=True`."""
    try:
        _invalidate(comments_only)
    except Exception:  # noqa: BLE001 - an editor's save must not fail because the cache is down
        logger.error("Page cache could not be invalidated.", exc_info=True)


def page_cache_retire() -> None:
    """Every cached page and fragment goes, on every app server: after a deploy (manage.py retire_cached_pages).
    Unlike page_cache_invalidate(), a cache that fails raises."""
    _invalidate(comments_only=False)


def _invalidate(comments_only):
    content = not comments_only
    if not transaction.get_connection().in_atomic_block:  # autocommit: everyone sees the change already
        _bump(content=content)
        return
    # Until the commit only this connection sees the change. A new generation now keeps apart the pages rendered
    # meanwhile (from the old rows, or the new ones on this connection), whose readers look up the next
    # publication time themselves, in the rows they see; the commit bumps again, with the time looked up then,
    # or, if the change cannot have moved it, the one known before the change.
    before = _new_generation(content=content) - 1
    schedule_of = before if comments_only else None
    # robust: a cache that fails after the commit is logged; the change is saved and the editor sees it saved.
    transaction.on_commit(lambda: _bump(schedule_of=schedule_of, content=content), robust=True)


def page_cache_settings_changed(**signal_kwargs) -> None:
    """Pages depend on settings too; only override_settings changes them, in tests that may have no database."""
    _new_generation()


def _bump(*, schedule_of=None, content=True):
    """A new generation, whose next publication time is looked up here, once, rather than by its readers; or taken
    from generation `schedule_of` when the change cannot have moved it. (That one may have been a transaction's
    interim generation, its time read from the rows before the transaction: that transaction's commit bumps
    again and looks the time up.)"""
    upcoming = None if schedule_of is None else cache.get(_publication_key(schedule_of))
    generation = _new_generation(content=content)
    cache.set(_publication_key(generation), _scheduled_next() if upcoming is None else upcoming, DAY)


def _new_generation(*, content=True):
    """A new generation (the one every page is kept under) and, unless only comments changed, a new content
    generation (the one stories' fragments are kept under)."""
    if content:
        versions.advance(CONTENT_GENERATION_KEY)
    return versions.advance(GENERATION_KEY)


def _look_up_generations(request):
    """For the fragments, before the view reads a row (see the module's docstring). A cache that is down is left
    for them to report: they render without it."""
    if settings.NEWSROOM_FRAGMENT_CACHE:
        with contextlib.suppress(Exception):
            _generations(request)


def _generations(request=None) -> tuple[int, int]:
    """The generation and the content generation, looked up once per request."""
    if request is not None and (known := getattr(request, "_page_cache_generations", None)):
        return known
    found = tuple(versions.current_many(GENERATION_KEY, CONTENT_GENERATION_KEY))
    if request is not None:
        request._page_cache_generations = found
    return found


def _shareable(request) -> bool:
    return (
        settings.NEWSROOM_PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and COMMENTER_COOKIE not in request.COOKIES  # the comment form carries their name and email
        and not request.path_info.startswith(SKIPPED_PATHS)
        and all(name in CACHED_PARAMETERS and len(values) == 1 for name, values in request.GET.lists())
    )


def _page_key(request, generation) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.blake2b(address.encode(), digest_size=16).hexdigest()
    return f"pagecache:{generation}:{translation.get_language()}:{digest}"


def _local_or_shared(key):
    if entry := _live(local_copies.get(key)):
        return entry
    if entry := _live(cache.get(key)):
        local_copies.put(key, entry, _size(entry))
    return entry


def _size(entry) -> int:
    return sum(map(len, entry["pieces"]))


def _live(entry):
    return entry if entry is not None and entry["expires_at"] > time.time() else None


def _wait_for(key, lock):
    """Another request is rendering this page: its entry, once stored, or None if it will not come."""
    for _ in range(WAIT_STEPS):
        time.sleep(WAIT_SECONDS)
        found = cache.get_many([key, lock])
        entry = _live(found.get(key))
        if entry or lock not in found:
            return entry
    return None


def _storable(request, response) -> bool:
    session = getattr(request, "session", None)
    vary = {header.strip().lower() for header in response.get("Vary", "").split(",") if header.strip()}
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.has_header("Cache-Control")
        and not (response.cookies.keys() - {settings.CSRF_COOKIE_NAME})
        and not (session is not None and session.modified)
        and vary <= KNOWN_VARY
    )


def _entry(request, response, generation):
    if not _storable(request, response):
        return None
    now = time.time()
    expires_at = min(now + settings.NEWSROOM_PAGE_CACHE_SECONDS, _next_publication(generation, now, request))
    if expires_at - now < 1:
        return None
    pieces = SLOT.split(response.content)  # text, slot, text, slot… cut once, filled in at each serve
    return {
        "pieces": pieces,
        "headers": [(name, value) for name, value in response.items() if name.lower() != "content-length"],
        "etag": f'W/"{hashlib.blake2b(response.content, digest_size=16).hexdigest()}"',
        "rendered_at": now,
        "expires_at": expires_at,
        "personal": len(pieces) > 1,
    }


def _next_publication(generation, now, request=None) -> float:
    """When the next scheduled article goes live (infinity if none): every page may change then. Looked up once per
    request: a page rendered after an edit to a story renders each of its fragments (32 teasers on the home page)."""
    known = getattr(request, "_page_cache_next_publication", None)
    if known is not None and known[0] == generation and known[1] > now:
        return known[1]
    upcoming = cache.get(_publication_key(generation))
    if upcoming is None or upcoming <= now:
        upcoming = _scheduled_next()
        cache.set(_publication_key(generation), upcoming, DAY)
    if request is not None:
        request._page_cache_next_publication = (generation, upcoming)
    return upcoming


def _scheduled_next() -> float:
    first = Article.objects.scheduled().order_by("publish_at").values_list("publish_at", flat=True).first()
    return first.timestamp() if first else INFINITY


def _publication_key(generation) -> str:
    return f"pagecache:{generation}:next-publication"


def _serve(request, entry, outcome):
    response = HttpResponse(headers=entry["headers"])
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = http_date(entry["rendered_at"])
    response["Cache-Control"] = _cache_control(entry)
    response["X-Page-Cache"] = outcome
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    conditional = get_conditional_response(
        request, etag=entry["etag"], last_modified=int(entry["rendered_at"]), response=response
    )
    if conditional is response:
        response.content = _fill(entry["pieces"], request)
    return conditional


def _cache_control(entry) -> str:
    if entry["personal"]:
        return "private, max-age=0, must-revalidate"
    shared = min(settings.NEWSROOM_PAGE_CACHE_CDN_SECONDS, int(entry["expires_at"] - time.time()))
    return f"public, max-age=0, s-maxage={max(shared, 0)}, must-revalidate"


def fill_slots(html: str, request) -> SafeString:
    """A fragment rendered with SLOTS in place of the visitor's values, filled in for this one; or left for the page
    cache to fill at each serve, if it is rendering the page around it."""
    if getattr(request, "page_cache_slots", None) is None:
        html = _fill(SLOT.split(html.encode()), request).decode()
    return mark_safe(html)  # noqa: S308 - a fragment's HTML and a token


def _fill(pieces: list[bytes], request) -> bytes:
    """The page with this visitor's CSRF token and a comment form shown now in its slots."""
    if len(pieces) == 1:
        return pieces[0]
    token, filled = get_token(request).encode(), pieces[:]
    for i in range(1, len(filled), 2):
        filled[i] = token if filled[i] == b"csrf@@" else form_token(int(filled[i].removeprefix(b"form-"))).encode()
    return b"".join(filled)
