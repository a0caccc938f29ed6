from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Newsroom")

    def ready(self):
        from . import roles, search_index

        post_migrate.connect(roles.create_newsroom_groups, sender=self)
        post_migrate.connect(search_index.install_after_migrate, sender=self)
