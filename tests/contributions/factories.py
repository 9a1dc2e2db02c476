"""The moderation a contribution meets, on a minimal tree: each country's workflow on its subtree, and the accounts.

The groups, tasks and workflows come with the migrations (contributions/migrations/0002); what the demo adds
(contributions/demo.py) is where each workflow applies and what its group may do there, and its accounts.
`moderation_tree()` builds the same on `tests.factories.site_tree()`.
"""
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

from contributions.demo import MOROCCO, NATIONAL, PAGE_PERMISSIONS
from tests import factories

# The demo's accounts (cafeia_site/management/commands/load_demo.py): username → groups, superuser.
ACCOUNTS = {
    "administrateur": ([], True),
    "editor": (["Editors"], False),
    "moderator": ([NATIONAL[0]], False),
    "moderateur-maroc": ([MOROCCO[0]], False),
}


@dataclass
class ModerationTree:
    tree: factories.SiteTree
    users: dict  # username → User


def assign_moderation(pages: list[Page], *, group_name: str, workflow_name: str) -> None:
    """`workflow_name` moderates under each page, and `group_name` may add, edit and publish there (as the demo)."""
    group = Group.objects.get(name=group_name)
    workflow = Workflow.objects.get(name=workflow_name)
    permissions = Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS)
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def accounts() -> dict:
    """The demo's four accounts, with the demo's passwords (a reused database may already hold them)."""
    User = get_user_model()
    users = {}
    for username, (group_names, is_superuser) in ACCOUNTS.items():
        user, _ = User.objects.get_or_create(username=username, defaults={"email": f"{username}@cafeia.example"})
        user.is_staff, user.is_superuser = True, is_superuser
        user.set_password(settings.DEMO_PASSWORDS[username])
        user.save()
        user.groups.set(Group.objects.filter(name__in=group_names))
        users[username] = user
    return users


def moderation_tree(**site_tree_options) -> ModerationTree:
    """`site_tree()` moderated as the demo is: France and the national sections (resources, testimonies) by
    "Modérateurs", Morocco by "Modérateurs Maroc", in every language; and the demo's accounts."""
    tree = factories.site_tree(**site_tree_options)
    national = [*tree.countries["FR"].values(), *tree.resources.values(), *tree.testimonies.values()]
    assign_moderation(national, group_name=NATIONAL[0], workflow_name=NATIONAL[1])
    assign_moderation(list(tree.countries["MA"].values()), group_name=MOROCCO[0], workflow_name=MOROCCO[1])
    return ModerationTree(tree=tree, users=accounts())
