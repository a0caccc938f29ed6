"""The newsroom's roles as auth groups, kept in step with the code after every `migrate`."""

from django.contrib.auth.models import Group, Permission

REPORTER = "Reporter"
EDITOR = "Editor"
MODERATOR = "Moderator"

_WRITING = [
    "articles.add_article",
    "articles.change_article",
    "articles.view_article",
    "articles.add_image",
    "articles.change_image",
    "articles.view_image",
    "articles.view_section",
    "articles.view_author",
    "taggit.view_tag",
    "taggit.add_tag",
]
_EDITING = _WRITING + [
    "articles.publish_article",
    "articles.delete_article",
    "articles.add_correction",
    "articles.change_correction",
    "articles.view_correction",
    "articles.delete_correction",
    "articles.add_section",
    "articles.change_section",
    "articles.add_author",
    "articles.change_author",
    "articles.delete_image",
    "taggit.change_tag",
    "taggit.delete_tag",
]
ROLE_PERMISSIONS = {REPORTER: _WRITING, EDITOR: _EDITING}


def grant(group_name, permission_names):
    """Give a group these permissions (app_label.codename), creating the group if needed."""
    group, _created = Group.objects.get_or_create(name=group_name)
    for name in permission_names:
        app_label, codename = name.split(".")
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission:
            group.permissions.add(permission)
    return group


def create_newsroom_groups(**kwargs):
    for group_name, permission_names in ROLE_PERMISSIONS.items():
        grant(group_name, permission_names)
