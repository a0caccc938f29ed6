"""
Black-box helpers: the site run as in production (gunicorn processes sharing one database and one cache) and
browsers that talk to it over HTTP only, with the standard library.
"""

import http.cookiejar
import json
import os
import re
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from email.message import Message
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
REDIS_DB = 3  # the servers' own Redis database: clearing their cache never touches the suite's or anyone's

# --- Shared state ------------------------------------------------------------------------------------------


@contextmanager
def shared_state(tmp_path):
    """
    A database and a cache for the servers alone: a fresh PostgreSQL database (dropped afterwards) and a Redis
    database of their own when the suite runs on them, else a SQLite file and a file cache in tmp_path.
    """
    database_url, cache_url = os.environ.get("DATABASE_URL", ""), os.environ.get("CACHE_URL", "")
    if cache_url.startswith(("redis://", "rediss://")):
        cache_url = urllib.parse.urlsplit(cache_url)._replace(path=f"/{REDIS_DB}").geturl()
    else:
        cache_url = f"file://{tmp_path / 'cache'}"
    if not database_url.startswith("postgres"):
        yield {"DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}", "CACHE_URL": cache_url}
        return
    name = f"newsroom_scaleout_{secrets.token_hex(4)}"
    with psycopg.connect(database_url, autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {
            "DATABASE_URL": urllib.parse.urlsplit(database_url)._replace(path=f"/{name}").geturl(),
            "CACHE_URL": cache_url,
        }
    finally:
        with psycopg.connect(database_url, autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def clean_environ(**env):
    """
    This process's environment without its Django and Newsroom settings, plus `env`: the servers run with
    what the test sets and the defaults (the page cache on), whatever the shell running the suite exported.
    """
    ours = ("DJANGO_", "NEWSROOM_", "DATABASE_URL", "CACHE_URL", "GUNICORN_", "WEB_CONCURRENCY")
    return {key: value for key, value in os.environ.items() if not key.startswith(ours)} | env


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def shell(env, code):
    """Run Python in the site's Django (its settings, its database); what it prints last is JSON, returned."""
    lines = manage(env, "shell", "-v", "0", "-c", code).strip().splitlines()
    return json.loads(lines[-1]) if lines else None


# --- Servers -----------------------------------------------------------------------------------------------


class Server:
    """One gunicorn master with one sync worker on a port the system picks; its output goes to a log file."""

    def __init__(self, name, env, log_path):
        self.name, self.log_path, self.url = name, log_path, ""
        command = [
            BIN / "gunicorn",
            "newsroom.wsgi",
            *("--bind", "127.0.0.1:0", "--workers", "1", "--graceful-timeout", "5"),
            *("--access-logfile", "-", "--no-control-socket"),
        ]
        with open(log_path, "wb") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)

    def log(self, tail=6000):
        return self.log_path.read_text(errors="replace")[-tail:]

    def wait_until_healthy(self, seconds=30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"server {self.name} stopped at start:\n{self.log()}")
            self.url = self.url or self._listening_at()
            if self.url and self._healthy():
                return
            time.sleep(0.1)
        raise AssertionError(f"server {self.name} did not answer /healthz within {seconds} s:\n{self.log()}")

    def _listening_at(self):
        found = re.search(r"Listening at: (http://127\.0\.0\.1:\d+)", self.log())
        return found.group(1) if found else ""

    def _healthy(self):
        try:
            with urllib.request.urlopen(f"{self.url}/healthz", timeout=5) as response:  # noqa: S310 - loopback
                return response.status == 200
        except OSError:
            return False

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextmanager
def running_servers(env, tmp_path, *names):
    """Start one server per name (all at once), wait until each answers, and stop them all, whatever happens."""
    with ExitStack() as stack:
        servers = []
        for name in names:
            server = Server(name, env, tmp_path / f"server-{name}.log")
            stack.callback(server.stop)
            servers.append(server)
        for server in servers:
            server.wait_until_healthy()
        yield servers


# --- Browsers ----------------------------------------------------------------------------------------------


@dataclass(repr=False)
class Response:
    status: int
    url: str
    headers: Message  # looked up without regard to case
    html: str
    server: Server

    def __repr__(self):
        return f"<{self.status} {self.url}>"

    @property
    def text(self):
        """What a reader reads: the page without its tags and with its spaces collapsed."""
        body = re.sub(r"<(script|style)\b.*?</\1>", " ", self.html, flags=re.S)
        return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())

    @property
    def report(self):
        """For assertion messages: the answer, and what the server wrote in its log."""
        return (
            f"{self.status} from {self.url}\n--- page text ---\n{self.text[:3000]}\n"
            f"--- server {self.server.name} log ---\n{self.server.log()}"
        )


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the 302 itself is the answer to check


class Browser:
    """One person's browser: cookies of its own (or none at all), redirects shown rather than followed."""

    def __init__(self, *, cookies=True):
        handlers = [_KeepRedirects()]
        if cookies:
            handlers.append(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self._opener = urllib.request.build_opener(*handlers)

    def get(self, server, path):
        return self._open(server, urllib.request.Request(server.url + path))  # noqa: S310 - http on loopback

    def post(self, server, path, fields):
        """A form sent as a browser sends it, Origin included (the site's own, as behind a load balancer)."""
        data = urllib.parse.urlencode(fields, doseq=True).encode()
        request = urllib.request.Request(server.url + path, data=data, headers={"Origin": server.url})  # noqa: S310
        return self._open(server, request)

    def _open(self, server, request):
        try:
            with self._opener.open(request, timeout=30) as answer:
                status, headers, body = answer.status, answer.headers, answer.read()
        except urllib.error.HTTPError as answer:
            status, headers, body = answer.code, answer.headers, answer.read()
        return Response(status, request.full_url, headers, body.decode("utf-8", "replace"), server)


def form_fields(html, **attrs):
    """
    The fields a browser would send from the page's form whose attributes include `attrs` (action="…",
    id="…"): hidden and text inputs, ticked boxes, textareas and selected options, as (name, value) pairs.
    """
    parser = _FormParser(attrs)
    parser.feed(html)
    assert parser.found, f"no form with {attrs} on the page"
    return parser.fields


class _FormParser(HTMLParser):
    SKIPPED = {"submit", "button", "reset", "image", "file"}

    def __init__(self, wanted):
        super().__init__(convert_charrefs=True)
        self.wanted, self.found, self.fields = wanted, False, []
        self._inside = self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = {key: value or "" for key, value in attrs}
        if tag == "form":
            self._inside = self.wanted.items() <= attrs.items()
            self.found = self.found or self._inside
        elif not self._inside:
            return
        elif tag == "input" and "name" in attrs and attrs.get("type", "text") not in self.SKIPPED:
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.fields.append((attrs["name"], attrs.get("value", "on" if "checked" in attrs else "")))
        elif tag == "textarea" and "name" in attrs:
            self._textarea = [attrs["name"], ""]
        elif tag == "select" and "name" in attrs:
            self._select = attrs["name"]
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value", "")))

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            name, value = self._textarea
            self.fields.append((name, value.removeprefix("\n")))  # browsers drop the newline after <textarea>
            self._textarea = None
