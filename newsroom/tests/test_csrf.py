"""CSRF secrets from one random read (newsroom/csrf.py): as long, as varied and as unbiased as Django's own."""

from collections import Counter

from django.middleware import csrf as django_csrf
from django.test import RequestFactory

from newsroom.csrf import new_csrf_string


def test_secrets_are_django_length_alphabet_and_never_repeat():
    secrets = [new_csrf_string() for _ in range(2000)]
    assert {len(secret) for secret in secrets} == {django_csrf.CSRF_SECRET_LENGTH}
    assert set("".join(secrets)) == set(django_csrf.CSRF_ALLOWED_CHARS)
    assert len(set(secrets)) == len(secrets)


def test_every_character_is_equally_likely():
    # 62 characters from 256 byte values: without dropping the last bytes, 8 characters would come 25% more often.
    counts = Counter("".join(new_csrf_string() for _ in range(4000)))
    expected = 4000 * django_csrf.CSRF_SECRET_LENGTH / len(django_csrf.CSRF_ALLOWED_CHARS)  # ~2,065, sd ~45
    assert expected * 0.85 < min(counts.values()) <= max(counts.values()) < expected * 1.15  # 7 sd either way


def test_a_new_visitor_gets_a_secret_and_a_token_drawn_this_way():
    request = RequestFactory().get("/")
    token = django_csrf.get_token(request)
    secret = request.META["CSRF_COOKIE"]
    assert len(token) == django_csrf.CSRF_TOKEN_LENGTH and len(secret) == django_csrf.CSRF_SECRET_LENGTH
    assert django_csrf._unmask_cipher_token(token) == secret
    assert django_csrf._get_new_csrf_string is new_csrf_string
