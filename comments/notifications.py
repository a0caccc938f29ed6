"""Emails to readers who asked to hear about replies, and the signed unsubscribe link that needs no login."""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Comment

UNSUBSCRIBE_SALT = "comments.unsubscribe"


def unsubscribe_token(email: str) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object({"e": email})


def email_from_token(token: str) -> str | None:
    try:
        return signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)["e"]
    except (signing.BadSignature, KeyError, TypeError):
        return None


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def send_reply_notification(reply_id: int) -> None:
    reply = Comment.objects.select_related("parent", "article").get(pk=reply_id)
    parent, article = reply.parent, reply.article
    unsubscribe_url = absolute(reverse("comments:unsubscribe", kwargs={"token": unsubscribe_token(parent.email)}))
    with translation.override(article.language):
        context = {
            "reply": reply,
            "parent": parent,
            "article": article,
            "reply_url": absolute(reply.get_absolute_url()),
            "unsubscribe_url": unsubscribe_url,
            "SITE_NAME": settings.SITE_NAME,
        }
        message = EmailMessage(
            subject=_("%(name)s replied to your comment on “%(headline)s”")
            % {"name": reply.name, "headline": article.headline},
            body=render_to_string("comments/email/reply_notification.txt", context),
            to=[parent.email],
            headers={
                # RFC 8058: mail clients offer their own unsubscribe button, which POSTs to this address.
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
    message.send()
