"""The masthead's language links: a plain GET that remembers the reader's choice and goes back where they were."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def switch(client, language, next_url=None, **extra):
    return client.get(reverse("switch_language", args=[language]), {"next": next_url} if next_url else {}, **extra)


def test_switching_remembers_the_language_and_returns_to_the_page_the_reader_was_on(client):
    response = switch(client, "fr", "/search/?q=budget&page=2")
    assert (response.status_code, response["Location"]) == (302, "/search/?q=budget&page=2")
    assert response.cookies["django_language"].value == "fr"


def test_the_cookie_is_set_as_the_language_cookie_settings_say(client, settings):
    settings.LANGUAGE_COOKIE_NAME = "newsroom_language"
    settings.LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
    settings.LANGUAGE_COOKIE_DOMAIN = "news.example.org"
    settings.LANGUAGE_COOKIE_SECURE = settings.LANGUAGE_COOKIE_HTTPONLY = True
    settings.LANGUAGE_COOKIE_SAMESITE = "Strict"
    cookie = switch(client, "fr", "/").cookies["newsroom_language"]
    assert (cookie.value, cookie["max-age"], cookie["path"], cookie["domain"]) == (
        "fr",
        365 * 24 * 3600,
        "/",
        "news.example.org",
    )
    assert (cookie["secure"], cookie["httponly"], cookie["samesite"]) == (True, True, "Strict")


def test_the_choice_is_never_cached_by_anyone(client):
    cache_control = {part.strip() for part in switch(client, "fr", "/")["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "https:/\\evil.example/", "javascript:alert(1)", None]
)
def test_a_next_address_off_the_site_or_missing_goes_home(client, next_url):
    response = switch(client, "fr", next_url)
    assert (response.status_code, response["Location"]) == (302, "/")
    assert response.cookies["django_language"].value == "fr"


def test_https_pages_are_not_sent_back_to_plain_http(client):
    response = switch(client, "fr", "http://testserver/section/economy/", secure=True)
    assert response["Location"] == "/"
    assert switch(client, "fr", "https://testserver/section/economy/", secure=True)["Location"] == (
        "https://testserver/section/economy/"
    )


@pytest.mark.parametrize("language", ["de", "xx", "fr-fr"])
def test_a_language_the_site_does_not_speak_is_not_found_and_sets_nothing(client, language):
    response = switch(client, language, "/")
    assert response.status_code == 404
    assert not response.cookies


def test_only_get_and_head_are_answered(client):
    url = reverse("switch_language", args=["fr"])
    assert client.head(url).status_code == 302
    posted = client.post(url, {"next": "/"})
    assert posted.status_code == 405
    assert not posted.cookies
