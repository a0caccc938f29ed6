from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _

# The community desk's permissions. Editors get them too; neither role needs any right over articles for this.
MODERATION_PERMISSIONS = [
    "comments.view_comment",
    "comments.change_comment",
    "comments.delete_comment",
    "comments.moderate_comment",
    "comments.erase_commenter",
    *(
        f"comments.{verb}_{queue}"
        for queue in ("pendingcomment", "reportedcomment", "spamcomment")
        for verb in ("view", "change", "delete")
    ),
    "comments.view_commentreport",
    "comments.view_moderationlog",
    "comments.view_policy",
    "comments.change_policy",
    *(f"comments.{verb}_sectionpolicy" for verb in ("view", "add", "change", "delete")),
]


def grant_moderation(**kwargs):
    from articles.roles import EDITOR, MODERATOR, grant

    grant(MODERATOR, MODERATION_PERMISSIONS)
    grant(EDITOR, MODERATION_PERMISSIONS)


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Reader comments")

    def ready(self):
        from . import signals
        from .models import QUEUES, Comment, Policy, SectionPolicy, policy_changed

        post_migrate.connect(grant_moderation, sender=self)
        for model in (Policy, SectionPolicy):
            post_save.connect(policy_changed, sender=model, dispatch_uid=f"comments.policy.{model.__name__}")
            post_delete.connect(policy_changed, sender=model, dispatch_uid=f"comments.policy.{model.__name__}")
        for model in (Comment, *QUEUES):  # a delete from a queue's admin is sent by the proxy model
            post_delete.connect(
                signals.comment_deleted, sender=model, dispatch_uid=f"comments.recount.{model.__name__}"
            )
