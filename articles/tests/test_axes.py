"""Brute force on the admin login: a username locks after 5 wrong passwords; colleagues carry on."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from articles.tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")


def log_in(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password, "next": reverse("admin:index")})


@pytest.fixture
def reporter():
    return make_user("rita", role="Reporter")


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(reporter):
    client = Client()
    for _ in range(4):
        assert log_in(client, "rita", "guess").status_code == 200  # the login form again, with its error

    locked = log_in(client, "rita", "guess")
    assert locked.status_code == 429
    right_password = log_in(client, "rita", PASSWORD)

    assert right_password.status_code == 429
    html = right_password.content.decode()
    assert "This account is locked" in html
    assert "15 minutes" in html
    assert "contact an editor" in html
    assert "_auth_user_id" not in client.session


def test_a_locked_account_opens_again_after_fifteen_minutes(reporter):
    client = Client()
    for _ in range(5):
        log_in(client, "rita", "guess")

    with time_machine.travel(timedelta(minutes=16)):
        response = log_in(client, "rita", PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(reporter.pk)


def test_a_colleague_on_another_machine_still_logs_in_while_one_account_is_locked(reporter):
    make_user("eddie", role="Editor")
    for _ in range(5):
        log_in(Client(REMOTE_ADDR="10.0.0.7"), "rita", "guess")

    colleague = Client(REMOTE_ADDR="10.0.0.8")
    response = log_in(colleague, "eddie", PASSWORD)

    assert response.status_code == 302
    assert colleague.get(reverse("admin:index")).status_code == 200


def test_trying_again_while_locked_restarts_the_wait(reporter):
    client = Client()
    for _ in range(5):
        log_in(client, "rita", "guess")

    with time_machine.travel(timedelta(minutes=10)):
        assert log_in(client, "rita", PASSWORD).status_code == 429
    with time_machine.travel(timedelta(minutes=24)):  # 15 minutes after the first lock, but not after the retry
        assert log_in(client, "rita", PASSWORD).status_code == 429
    with time_machine.travel(timedelta(minutes=40)):  # 16 minutes after the last try
        assert log_in(client, "rita", PASSWORD).status_code == 302


def test_one_persons_typos_never_lock_out_colleagues_behind_the_same_office_address(reporter):
    editor = make_user("eddie", role="Editor")
    for _ in range(6):
        log_in(Client(REMOTE_ADDR="10.0.0.7"), "rita", "guess")

    colleague = Client(REMOTE_ADDR="10.0.0.7")
    assert log_in(colleague, "eddie", PASSWORD).status_code == 302
    assert colleague.session["_auth_user_id"] == str(editor.pk)
    assert log_in(Client(REMOTE_ADDR="10.0.0.7"), "rita", PASSWORD).status_code == 429  # still locked


def test_twenty_failures_from_one_address_lock_that_address_for_every_username():
    editor = make_user("eddie", role="Editor")
    for n in range(20):
        log_in(Client(REMOTE_ADDR="10.0.0.9"), f"guess{n % 5}-{n}", "guess")

    assert log_in(Client(REMOTE_ADDR="10.0.0.9"), "eddie", PASSWORD).status_code == 429
    elsewhere = Client(REMOTE_ADDR="10.0.0.10")
    assert log_in(elsewhere, "eddie", PASSWORD).status_code == 302
    assert elsewhere.session["_auth_user_id"] == str(editor.pk)
