import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_SECRET_KEY": "x7Rq-production-like-secret-key-with-enough-entropy-4f9a2c81b6d03e57",
    "DJANGO_ALLOWED_HOSTS": "news.example.org",
    "DJANGO_DEBUG": "0",
}


def manage(*args, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean | env, capture_output=True, text=True, timeout=120
    )


def test_production_settings_pass_the_deploy_check():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = manage("check", **env)
    assert result.returncode != 0
    assert f"{missing} is required" in result.stderr


def test_an_unknown_cache_url_is_a_clear_error():
    result = manage("check", CACHE_URL="memcached://x", **PRODUCTION)
    assert "CACHE_URL must be" in result.stderr


def test_production_workers_share_a_file_cache_by_default_and_a_debug_server_keeps_one_in_memory():
    show = ("shell", "-c", "from django.conf import settings; print(settings.CACHES['default'])")
    production = manage(*show, **PRODUCTION)
    assert "newsroom.cache.FileCache" in production.stdout and str(ROOT / "var" / "cache") in production.stdout
    assert "LocMemCache" in manage(*show, DJANGO_DEBUG="1").stdout


@pytest.mark.parametrize(("workers", "refused"), [("2", True), ("1", False)])
def test_gunicorn_refuses_a_memory_cache_that_its_workers_could_not_share(workers, refused):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CACHE_URL", "WEB_CONCURRENCY"))}
    env = clean | PRODUCTION | {"CACHE_URL": "locmem://", "WEB_CONCURRENCY": workers}
    result = subprocess.run(
        [
            Path(sys.executable).parent / "gunicorn",
            "-c",
            "newsroom/gunicorn.conf.py",
            "--check-config",
            "newsroom.wsgi",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode != 0) is refused, result.stdout + result.stderr
    assert ("cannot be shared by 2 gunicorn workers" in result.stderr) is refused


def test_two_sites_sharing_a_cache_keep_apart_by_database(tmp_path):
    """A value one site keeps (a page, a generation, a rate limit's count) is not found by another site."""
    shared = {"CACHE_URL": f"file://{tmp_path / 'cache'}", **PRODUCTION}
    keep = ("shell", "-v", "0", "-c", "from django.core.cache import cache; cache.set('pagecache:generation', 41)")
    show = ("shell", "-v", "0", "-c", "from django.core.cache import cache; print(cache.get('pagecache:generation'))")
    site_a, site_b = (f"sqlite:///{tmp_path / name}.sqlite3" for name in ("a", "b"))
    assert manage(*keep, DATABASE_URL=site_a, **shared).returncode == 0
    assert manage(*show, DATABASE_URL=site_a, **shared).stdout.strip() == "41"
    assert manage(*show, DATABASE_URL=site_b, **shared).stdout.strip() == "None"


@pytest.mark.parametrize(("debug", "kept"), [("0", True), ("1", False)])
def test_a_production_worker_keeps_its_sqlite_connection_from_one_request_to_the_next(tmp_path, debug, kept):
    """Opening one cost each request about a millisecond; runserver (debug), a thread per request, opens its own."""
    two_requests = (  # through the WSGI handler, as gunicorn calls it: the test client never closes connections
        "from django.db import connection; from django.test.client import RequestFactory; "
        "from newsroom.wsgi import application; "
        "environ = RequestFactory().get('/healthz', secure=True, HTTP_HOST='news.example.org').environ; "
        "application(environ, lambda *a: None).close(); first = connection.connection; "
        "application(environ, lambda *a: None).close(); "
        "print(first is not None and first is connection.connection)"
    )
    env = PRODUCTION | {"DJANGO_DEBUG": debug, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    result = manage("shell", "-v", "0", "-c", two_requests, **env)
    assert result.stdout.strip() == str(kept), result.stdout + result.stderr


def test_postgresql_options_in_the_database_url_are_kept_beside_prepared_statements():
    show = (
        "shell",
        "-v",
        "0",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])",
    )
    url = "postgres://newsroom:secret@db.example.org:5432/newsroom?sslmode=require"
    options = manage(*show, DATABASE_URL=url, **PRODUCTION).stdout
    assert "'sslmode': 'require'" in options and "'prepare_threshold': 5" in options, options


def smtp_server():
    """A mail server that takes one message on a free loopback port: (port, a list that gets the message)."""
    listener = socket.create_server(("127.0.0.1", 0))
    received = []

    def serve():
        with listener, listener.accept()[0] as connection, connection.makefile("rwb") as stream:

            def say(line):
                stream.write(line + b"\r\n")
                stream.flush()

            say(b"220 test ESMTP")
            while line := stream.readline():
                if line.upper().startswith(b"DATA"):
                    say(b"354 go on")
                    message = b"".join(iter(lambda: stream.readline(), b".\r\n"))
                    received.append(message.decode())
                    say(b"250 queued")
                elif line.upper().startswith(b"QUIT"):
                    say(b"221 bye")
                    return
                else:
                    say(b"250 ok")

    threading.Thread(target=serve, daemon=True).start()
    return listener.getsockname()[1], received


def test_email_goes_to_the_mail_server_the_environment_names():
    port, received = smtp_server()
    result = manage(
        "sendtestemail",
        "desk@news.example.org",
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        DJANGO_EMAIL_HOST="127.0.0.1",
        DJANGO_EMAIL_PORT=str(port),
        DJANGO_DEFAULT_FROM_EMAIL="newsroom@news.example.org",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert len(received) == 1
    assert "To: desk@news.example.org" in received[0] and "From: newsroom@news.example.org" in received[0]
