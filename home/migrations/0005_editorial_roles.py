"""Who publishes what: editors publish their own pages and translations; contributions stay with their moderators.

Wagtail's own migrations put a "Moderators approval" workflow on the root page, whose task belongs to the group
"Moderators". This site has no such group of people: that workflow held every editor's page "awaiting approval"
with nobody to approve it. It is switched off and taken off the root, the empty default group goes, and the
group "Editors" gets what a newsroom's editors have: publish on the whole tree, translation, and the editorial
snippets. Contribution drafts are still moderated by their own workflows ("Contributions …"), and editors cannot
publish a contribution whose moderation is running (contributions/wagtail_hooks.py).
"""
from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
EDITOR_MODEL_PERMISSIONS = {
    ("cafes", "organisation"): ["add", "change", "delete", "view"],
    ("cafes", "animateur"): ["add", "change", "delete", "view"],
    ("cafeia_site", "footercontent"): ["add", "change", "delete", "view"],
    ("wagtail_localize", "translation"): ["submit"],
}


def _ensure_permissions(apps):
    # Permissions are made after all migrations of a fresh database; this one needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None


def forwards(apps, schema_editor):
    _ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("wagtailcore", "Task")

    for workflow in Workflow.objects.filter(name="Moderators approval"):
        WorkflowPage.objects.filter(workflow=workflow).delete()
        workflow.active = False
        workflow.save(update_fields=["active"])
    Task.objects.filter(name="Moderators approval").update(active=False)
    Group.objects.filter(name="Moderators", user__isnull=True).delete()

    editors, _ = Group.objects.get_or_create(name="Editors")
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for codename in EDITOR_PAGE_PERMISSIONS:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=permission)
    for (app_label, model), actions in EDITOR_MODEL_PERMISSIONS.items():
        for action in actions:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, content_type__model=model, codename=f"{action}_{model}"
            ).first()
            if permission is not None:
                editors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_article_country"),
        ("cafes", "0004_country_contact_and_moderators"),
        ("cafeia_site", "0006_counter"),
        ("contributions", "0002_moderation_groups_and_workflows"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
