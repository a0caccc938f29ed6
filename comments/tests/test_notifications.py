import io
import re
import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from articles.tests.factories import make_article, make_user
from comments import services
from comments.forms import CommentForm
from comments.models import Comment, Policy
from comments.tests.factories import make_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread():
    Policy.objects.create(pk=1, moderation="none")
    article = make_article("Summit ends without a deal")
    parent = make_comment(article, name="Ines", email="ines@example.eu", notify=True)
    return article, parent


def reply(article, parent, **fields):
    fields = {"name": "Karel", "email": "karel@example.cz", "text": "I beg to differ.\n\nHere is why."} | fields
    return services.comment_create(article=article, parent_id=parent.pk, **fields)


def test_a_subscriber_is_emailed_a_reply_with_a_one_click_unsubscribe(
    thread, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://news.example.eu"
    article, parent = thread
    with django_capture_on_commit_callbacks(execute=True):
        answer = reply(article, parent)
    message = mail.outbox[0]
    assert message.to == ["ines@example.eu"]
    assert message.subject == "Karel replied to your comment on “Summit ends without a deal”"
    assert "I beg to differ.\n\nHere is why." in message.body
    assert f"https://news.example.eu{answer.get_absolute_url()}" in message.body
    unsubscribe = re.search(r"https://news\.example\.eu(/comments/unsubscribe/\S+/)", message.body).group(1)
    assert message.extra_headers["List-Unsubscribe"] == f"<https://news.example.eu{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    reader = Client(enforce_csrf_checks=True)  # no login, no cookie: the mail client's own button
    assert "Stop emails about replies" in reader.get(unsubscribe).content.decode()
    assert "will get no more emails" in reader.post(unsubscribe).content.decode()
    parent.refresh_from_db()
    assert not parent.notify
    with django_capture_on_commit_callbacks(execute=True):
        reply(article, parent, text="Another reply")
    assert len(mail.outbox) == 1


def test_a_forged_unsubscribe_token_is_refused(client, thread):
    assert client.get("/comments/unsubscribe/ines@example.eu:forged/").status_code == 404


def test_a_held_reply_is_emailed_once_it_is_approved(thread, django_capture_on_commit_callbacks):
    article, parent = thread
    Policy.objects.filter(pk=1).update(moderation="all")
    with django_capture_on_commit_callbacks(execute=True):
        held = reply(article, parent)
    assert held.status == Comment.Status.PENDING and mail.outbox == []
    moderator = make_user(role="Moderator")
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_approve(comment=held, actor=moderator)
        services.comment_remove(comment=held, actor=moderator)
        services.comment_approve(comment=held, actor=moderator)
    assert len(mail.outbox) == 1


def test_nobody_is_emailed_their_own_reply_or_without_asking(thread, django_capture_on_commit_callbacks):
    article, parent = thread
    quiet = make_comment(article, email="quiet@example.org", notify=False)
    with django_capture_on_commit_callbacks(execute=True):
        reply(article, parent, name="Ines", email="INES@example.eu")
        reply(article, quiet)
    assert mail.outbox == []


def test_a_mail_server_that_is_down_does_not_turn_a_posted_reply_into_an_error(
    thread, client, caplog, django_capture_on_commit_callbacks
):
    article, parent = thread
    data = {"text": "I beg to differ.", "name": "Karel", "email": "karel@example.cz", "parent": parent.pk}
    data["timestamp"] = CommentForm(article=article).token
    with (
        mock.patch("comments.notifications.EmailMessage.send", side_effect=smtplib.SMTPServerDisconnected("down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(reverse("comments:post", args=[article.pk]), data)
    reply = Comment.objects.get(parent=parent)
    assert response.status_code == 302 and response["Location"].endswith(f"#comment-{reply.pk}")
    assert "SMTPServerDisconnected" in caplog.text  # logged for the operators
    assert not mail.outbox


def test_a_reply_email_the_mail_server_refused_is_sent_by_the_next_retry_once(
    thread, django_capture_on_commit_callbacks
):
    article, parent = thread
    down = mock.patch("comments.notifications.EmailMessage.send", side_effect=smtplib.SMTPServerDisconnected("down"))
    with down, django_capture_on_commit_callbacks(execute=True):
        reply(article, parent)
    assert mail.outbox == []

    with down, pytest.raises(CommandError, match="1 reply notification"):
        call_command("send_reply_notifications", stdout=io.StringIO())  # still down: cron hears of it
    out = io.StringIO()
    call_command("send_reply_notifications", stdout=out)
    assert "Sent 1 reply notification" in out.getvalue()
    assert [message.to for message in mail.outbox] == [["ines@example.eu"]]
    call_command("send_reply_notifications", stdout=io.StringIO())
    assert len(mail.outbox) == 1


def test_a_reply_hidden_before_its_email_went_out_is_never_announced(thread, django_capture_on_commit_callbacks):
    article, parent = thread
    moderator = make_user(role="Moderator")
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_remove(comment=reply(article, parent), actor=moderator)  # in the same transaction
    call_command("send_reply_notifications", stdout=io.StringIO())
    assert mail.outbox == []
