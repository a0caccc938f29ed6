"""Production static files: hashed names, compressed, served by whitenoise with long cache lifetimes."""

import json
import os
import subprocess
import sys

from newsroom.tests.test_settings import PRODUCTION, ROOT, manage

PROBE = """
import json, re
import django
django.setup()
from django.templatetags.static import static
from django.test import Client
url = static("css/site.css")
response = Client().get(url, HTTP_ACCEPT_ENCODING="gzip")
print(json.dumps({"url": url, "status": response.status_code, "cache": response.get("Cache-Control", ""),
                  "encoding": response.get("Content-Encoding", ""), "size": len(b"".join(response.streaming_content))}))
"""


def test_css_is_served_under_a_hashed_name_compressed_and_cached_for_a_year(tmp_path):
    env = PRODUCTION | {"DJANGO_STATIC_ROOT": str(tmp_path), "DJANGO_SECURE_SSL_REDIRECT": "0"}
    collected = manage("collectstatic", "--noinput", "-v0", **env)
    assert collected.returncode == 0, collected.stderr

    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL"))}
    probe = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=clean | env | {"DJANGO_SETTINGS_MODULE": "newsroom.settings", "DJANGO_ALLOWED_HOSTS": "testserver"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert probe.returncode == 0, probe.stderr
    served = json.loads(probe.stdout)
    assert served["url"].startswith("/static/css/site.") and served["url"] != "/static/css/site.css"
    assert served["status"] == 200
    assert "max-age=315360000" in served["cache"] and "immutable" in served["cache"]
    assert served["encoding"] == "gzip"
    assert served["size"] < 5_000  # compressed, the site's whole CSS stays a few kilobytes
