"""The admin desk's article form: it offers what the user's role allows and refuses what it does not."""

import copy

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Article, Image

TAGS_HELP = _(
    'Separate tags with commas. Put a tag of several words in quotes: Brexit, "European Parliament", Ukraine. '
    "Existing tags are suggested as you type: reuse their spelling so readers find every story on a topic together."
)
SCHEDULE_REFUSED = _("Only an editor can set the publish time. Leave it to the editor who publishes your article.")


class ArticleAdminForm(forms.ModelForm):
    """`user` is set by ArticleAdmin.get_form(); it decides which statuses are offered and accepted."""

    user = None

    class Meta:
        model = Article
        fields = [
            "headline",
            "slug",
            "standfirst",
            "body",
            "dateline",
            "language",
            "section",
            "tags",
            "lead_image",
            "status",
            "publish_at",
            "is_breaking",
            "is_featured",
            "comments_open",
            "translations",
            "seo_title",
            "seo_description",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The status the article has in the database, whatever the form posts.
        self.status_on_record = self.instance.status
        if "tags" in self.fields:
            self.fields["tags"].help_text = TAGS_HELP
            # Existing tags are suggested as you type (static/admin-newsroom/tag-suggest.js).
            self.fields["tags"].widget.attrs["data-suggest-url"] = reverse("admin:autocomplete")
        if "status" in self.fields:
            # Show only the allowed statuses, but validate against them all so that a forged value meets
            # the workflow's own refusal, not a bare "invalid choice".
            allowed = services.allowed_statuses(self.user, self.instance if self.instance.pk else None)
            self.fields["status"].widget.choices = [(v, label) for v, label in Article.Status.choices if v in allowed]

    def clean_status(self):
        status = self.cleaned_data["status"]
        try:
            services.check_transition(user=self.user, article=self.instance, status=status)
        except PermissionDenied as refusal:
            raise ValidationError(str(refusal), code="workflow") from None
        return status

    def validate_unique(self):
        super().validate_unique()
        # Publishing stamps a publish time, and the slug must be free on that day. Stamp a copy with the
        # same service the save uses, so that a clash is a form error rather than a failed save.
        probe = copy.copy(self.instance)
        try:
            services.article_prepare_save(article=probe, user=self.user, previous_status=self.status_on_record)
        except PermissionDenied:
            return  # clean_status() has said so already
        if probe.publish_at != self.instance.publish_at:
            try:
                probe.validate_constraints()
            except ValidationError as clash:
                self.add_error(None, clash)

    def clean(self):
        cleaned_data = super().clean()
        # A reporter's form shows the publish time read-only, so a posted one was forged.
        posted = any(self.data.get(self.add_prefix(name)) for name in ("publish_at", "publish_at_0", "publish_at_1"))
        if posted and not services.can_publish(self.user):
            raise ValidationError(SCHEDULE_REFUSED, code="schedule")
        return cleaned_data


class ImageAdminForm(forms.ModelForm):
    class Meta:
        model = Image
        fields = ["file", "alt_text", "caption", "credit", "focal_x", "focal_y"]

    def clean_file(self):
        # Keep an unchanged picture out of the instance: assigning the stored file again makes Django
        # read its dimensions and close it, and the upload validator then fails on the closed file.
        return self.cleaned_data["file"] if "file" in self.changed_data else None
