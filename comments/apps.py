from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_moderator_group(**kwargs):
    from articles.roles import MODERATOR, grant

    grant(MODERATOR, [])


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Reader comments")

    def ready(self):
        post_migrate.connect(create_moderator_group, sender=self)
