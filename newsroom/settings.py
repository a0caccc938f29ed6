"""
Newsroom settings: one module, driven by environment variables.

Development defaults are safe (debug off, SQLite, a file cache in var/cache). Production refuses to start
without a secret key and allowed hosts. See README.md for every variable.
"""

import hashlib
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Core --------------------------------------------------------------------------------------

DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key"  # noqa: S105 - debug only

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS is required when DJANGO_DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# Load balancers whose X-Forwarded-For is believed (addresses or networks, comma-separated).
NEWSROOM_TRUSTED_PROXIES = env_list("NEWSROOM_TRUSTED_PROXIES")

SITE_NAME = os.environ.get("NEWSROOM_SITE_NAME", "The European Desk")
SITE_URL = os.environ.get("NEWSROOM_SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "taggit",
    "reversion",
    "reversion_compare",
    "django_prose_editor",
    "axes",
    "newsroom",
    "articles",
    "comments",
]

MIDDLEWARE = [
    "newsroom.clientip.RealClientAddressMiddleware",  # first: everything after sees the reader's address
    "newsroom.querycount.QueryCountMiddleware",  # X-Query-Count, only with NEWSROOM_QUERY_COUNT_HEADER=1
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "newsroom.pagecache.PageCacheMiddleware",  # inside CSRF (fills in tokens) and locale (keys by language)
    "newsroom.insertions.InsertionMiddleware",  # inside the page cache, which keeps the page as served
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "newsroom.revisions.DeskRevisionMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.site",
            ],
        },
    },
]

# --- Data --------------------------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Opening a SQLite connection costs a worker about a millisecond a request (Django registers its SQL
    # functions, then the pragmas run), so it is kept like PostgreSQL's. Not under runserver (`make run`), whose
    # thread per request would leave one open connection behind each.
    if DEBUG:
        DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
elif env_bool("DATABASE_SERVER_SIDE_BINDING", default=True):
    # PostgreSQL spent longer planning the article page's queries than running them. Bound on the server, a query
    # a worker repeats is prepared on its fifth run (psycopg) and planned once per connection. Off behind a pooler
    # that hands one client's statements to several connections (PgBouncer in transaction mode).
    # Added to what DATABASE_URL's query string sets (sslmode=require…), not in its place.
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Debug on (`make run`: one process) keeps the cache in memory. Otherwise the default is a file cache that every
# worker of the server (and manage.py) shares: a cache per worker would leave the others' pages stale after a change.
CACHE_URL = os.environ.get("CACHE_URL") or ("locmem://" if DEBUG else f"file://{BASE_DIR / 'var' / 'cache'}")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {"default": {"BACKEND": "newsroom.cache.RedisCache", "LOCATION": CACHE_URL}}
elif CACHE_URL.startswith("file://"):
    # Django's default of 300 entries holds a few pages and their fragments: a site's would be culled all day.
    CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.FileCache",
            "LOCATION": CACHE_URL.removeprefix("file://"),
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }
elif CACHE_URL.startswith("locmem://"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    raise ImproperlyConfigured(f"CACHE_URL must be locmem://, file:///path or redis://…, not {CACHE_URL!r}.")
# Keys name the database: one cache serving two (var/cache for two local sites, a bench's two data sets, staging
# beside production on one Redis) must not hand one site's pages and counters to the other.
_database = DATABASES["default"]
_database_id = "|".join(str(_database.get(part) or "") for part in ("ENGINE", "HOST", "PORT", "NAME"))
CACHES["default"]["KEY_PREFIX"] = hashlib.blake2b(_database_id.encode(), digest_size=6).hexdigest()

# --- Auth --------------------------------------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
# Sessions in the database by default; "django.contrib.sessions.backends.cached_db" keeps them in Redis too.
SESSION_ENGINE = os.environ.get("DJANGO_SESSION_ENGINE", "django.contrib.sessions.backends.db")

# Brute force: lock a username after 5 failures, an IP after 20, for 15 minutes; others carry on.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
NEWSROOM_AXES_IP_FAILURE_LIMIT = int(os.environ.get("NEWSROOM_AXES_IP_FAILURE_LIMIT", "20"))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
AXES_HANDLER = "newsroom.axes.NewsroomAxesHandler"
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

# --- Languages and time ------------------------------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("NEWSROOM_TIME_ZONE", "Europe/Brussels")
USE_I18N = True
USE_TZ = True

# --- Static and media --------------------------------------------------------------------------

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("DJANGO_MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed names in production; the test suite and `make run` skip collectstatic.
        "BACKEND": os.environ.get(
            "DJANGO_STATICFILES_STORAGE",
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # S3-compatible object storage; django-storages reads AWS_* variables itself.
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL")
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN")
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH")
    AWS_DEFAULT_ACL = None

# With media on local disk and debug off, the app serves /media/ itself (a front web server may do it instead).
NEWSROOM_SERVE_MEDIA = env_bool("NEWSROOM_SERVE_MEDIA", STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"))

# Uploads: a journalist's photo is at most 20 MB and 50 megapixels; anything larger is refused.
NEWSROOM_IMAGE_MAX_BYTES = int(os.environ.get("NEWSROOM_IMAGE_MAX_BYTES", 20 * 1024 * 1024))
NEWSROOM_IMAGE_MAX_PIXELS = int(os.environ.get("NEWSROOM_IMAGE_MAX_PIXELS", 50_000_000))
NEWSROOM_RENDITION_WIDTHS = (320, 640, 960, 1280)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Preview links sent outside the newsroom expire after this many hours.
NEWSROOM_PREVIEW_LINK_HOURS = int(os.environ.get("NEWSROOM_PREVIEW_LINK_HOURS", "72"))


# --- Page cache --------------------------------------------------------------------------------
# Whole pages for anonymous readers (newsroom/pagecache.py). NEWSROOM_PAGE_CACHE=0 turns it off.
NEWSROOM_PAGE_CACHE = env_bool("NEWSROOM_PAGE_CACHE", True)
NEWSROOM_FRAGMENT_CACHE = env_bool("NEWSROOM_FRAGMENT_CACHE", True)  # {% sitewide %} and {% fragment %} pieces
NEWSROOM_PAGE_CACHE_LOCAL_MB = int(os.environ.get("NEWSROOM_PAGE_CACHE_LOCAL_MB", "32"))  # per process
NEWSROOM_PAGE_CACHE_SECONDS = int(os.environ.get("NEWSROOM_PAGE_CACHE_SECONDS", "300"))
# How long a CDN may keep feeds and sitemaps unasked; 0 keeps them exact (it revalidates, we answer 304).
NEWSROOM_PAGE_CACHE_CDN_SECONDS = int(os.environ.get("NEWSROOM_PAGE_CACHE_CDN_SECONDS", "0"))

# --- Reader comments ---------------------------------------------------------------------------
# Defaults live in comments/conf.py; the environment may override them, e.g. for a benchmark or a test of
# several app servers. Rate limits are written "how many/seconds", e.g. NEWSROOM_COMMENTS_RATE_LIMIT_IP=10/600.

for _name in ("CLOSE_AFTER_DAYS", "MAX_DEPTH", "PER_PAGE", "MIN_SECONDS", "IP_RETENTION_DAYS"):
    if _value := os.environ.get(f"NEWSROOM_COMMENTS_{_name}"):
        globals()[f"NEWSROOM_COMMENTS_{_name}"] = int(_value)
for _name in ("RATE_LIMIT_IP", "RATE_LIMIT_EMAIL"):
    if _value := os.environ.get(f"NEWSROOM_COMMENTS_{_name}"):
        globals()[f"NEWSROOM_COMMENTS_{_name}"] = tuple(int(part) for part in _value.split("/"))

# --- Email -------------------------------------------------------------------------------------

EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "newsroom@localhost")
# The SMTP server, for DJANGO_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend.
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("DJANGO_EMAIL_USE_SSL")
# Reply emails go out as the reply is saved: a mail server that hangs holds that worker this long at most, and the
# email is retried by `manage.py send_reply_notifications`.
EMAIL_TIMEOUT = int(os.environ.get("DJANGO_EMAIL_TIMEOUT", "10"))

# --- Security ----------------------------------------------------------------------------------

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    LANGUAGE_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)

# --- Logging -----------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
