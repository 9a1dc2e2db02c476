"""The moderators' groups, their moderation tasks and workflows (assigned to subtrees by the editors)."""
from django.db import migrations

# (group, task, workflow)
SETUP = [
    ("Modérateurs", "Modération des contributions (France et national)", "Contributions France et national"),
    ("Modérateurs Maroc", "Modération des contributions (Maroc)", "Contributions Maroc"),
]


def create(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Task = apps.get_model("contributions", "ContributionModerationTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    admin_ct, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_ct, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    task_ct, _ = ContentType.objects.get_or_create(app_label="contributions", model="contributionmoderationtask")
    for group_name, task_name, workflow_name in SETUP:
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(access_admin)
        task = Task.objects.filter(name=task_name).first()
        if task is None:
            task = Task.objects.create(name=task_name, active=True, content_type=task_ct)
        task.groups.add(group)
        workflow, _ = Workflow.objects.get_or_create(name=workflow_name, defaults={"active": True})
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


class Migration(migrations.Migration):
    dependencies = [
        ("contributions", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
