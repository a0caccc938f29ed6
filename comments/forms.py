import functools
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import URLValidator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from . import conf

FORM_SALT = "comments.form"
# The reader's name, email and website for their next form: a signed cookie (comments.views), so commenting needs
# no session; the page cache passes readers who have it by.
COMMENTER_COOKIE, COMMENTER_SALT, COMMENTER_SECONDS = "newsroom_commenter", "comments.commenter", 90 * 24 * 3600


def form_token(article_pk: int) -> str:
    """The comment form's signed render time, to the second: every form shown in one second carries the same token,
    so a process signs once a second per article, not once per reader of the cached article page. (A robot gains
    less than a second on MIN_SECONDS.)"""
    return _signed_render_time(article_pk, int(time.time()), settings.SECRET_KEY)


@functools.lru_cache(maxsize=256)
def _signed_render_time(article_pk, second, secret_key):
    return signing.dumps({"a": article_pk, "t": second}, key=secret_key, salt=FORM_SALT)


class WebAddressField(forms.URLField):
    """Web pages only: a javascript:, data: or ftp: address is refused, not linked."""

    default_error_messages = {"invalid": _("Enter a web address starting with https://.")}
    default_validators = [URLValidator(schemes=["http", "https"], message=default_error_messages["invalid"])]


class CommentForm(forms.Form):
    """
    The reader's form. Two bot traps travel with it: `homepage`, a field people never see, and a signed token
    with the time the form was shown, refused when it comes back too fast, too late or for another article.
    """

    text = forms.CharField(label=_("Comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))
    name = forms.CharField(label=_("Name"), max_length=80, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("Never shown on the site."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    website = WebAddressField(
        label=_("Website"),
        required=False,
        max_length=200,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    notify = forms.BooleanField(label=_("Email me when someone replies to my comment"), required=False)
    parent = forms.IntegerField(
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid": _("The comment you are replying to is no longer available.")},
    )
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, article, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.article = article

    @cached_property
    def token(self):
        """Signed when first printed: a page rendered for the page cache prints a slot instead."""
        return form_token(self.article.pk)

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())  # no line breaks: the name goes into email subjects

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_homepage(self):
        if self.cleaned_data["homepage"]:
            raise forms.ValidationError(
                _("This field is a trap for robots. If you are a person, empty it and send your comment again.")
            )
        return ""

    def clean(self):
        self._check_token(self.data.get("timestamp", ""))
        return super().clean()

    def _check_token(self, token):
        try:
            data = signing.loads(token, salt=FORM_SALT)
            shown_at, article_pk = float(data["t"]), data["a"]
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            raise forms.ValidationError(_("We could not check this form. Please send your comment again.")) from None
        elapsed = time.time() - shown_at
        if article_pk != self.article.pk or elapsed > conf.get("FORM_MAX_AGE"):
            raise forms.ValidationError(
                _("This page was open for a long time. Please check your comment and send it again.")
            )
        if elapsed < conf.get("MIN_SECONDS"):
            raise forms.ValidationError(
                _("That was quick! Please check your comment and send it again in a few seconds.")
            )

    def comment_fields(self):
        data = self.cleaned_data
        return {key: data[key] for key in ("name", "email", "website", "text", "notify")} | {
            "parent_id": data["parent"]
        }


class ReportForm(forms.Form):
    REASONS = [
        ("abuse", _("Abusive or hateful")),
        ("spam", _("Spam or advertising")),
        ("off_topic", _("Off topic")),
        ("personal", _("Shares someone's personal information")),
        ("other", _("Something else")),
    ]
    reason = forms.ChoiceField(label=_("What is wrong with this comment?"), choices=REASONS, widget=forms.RadioSelect)
