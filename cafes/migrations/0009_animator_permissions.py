"""The model Animateur became Animator (0008): its permissions follow, and the editors keep the snippet.

RenameModel renames the content type but not the permissions' codenames (`change_animateur`), and Django
creates the new ones (`change_animator`) in no group. On a fresh database 0008 may also run before
home.0005 (which grants the editorial snippets to "Editors" by the old codename, then finds nothing).
"""
from django.contrib.auth.management import create_permissions
from django.db import migrations

ACTIONS = ("add", "change", "delete", "view")


def _rename(apps, old: str, new: str, new_label: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type = ContentType.objects.filter(app_label="cafes", model="animator").first()
    if content_type is None:
        return
    for action in ACTIONS:
        previous = Permission.objects.filter(content_type=content_type, codename=f"{action}_{old}").first()
        if previous is None:
            continue
        current = Permission.objects.filter(content_type=content_type, codename=f"{action}_{new}").first()
        if current is None:
            previous.codename = f"{action}_{new}"
            previous.name = f"Can {action} {new_label}"
            previous.save(update_fields=["codename", "name"])
            continue
        for group in previous.group_set.all():
            group.permissions.add(current)
        for user in previous.user_set.all():
            user.user_permissions.add(current)
        previous.delete()


def _ensure_permissions(apps):
    # Permissions are made after all migrations of a fresh database; this one needs them now.
    app_config = apps.get_app_config("cafes")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None


def forwards(apps, schema_editor):
    _rename(apps, "animateur", "animator", "animateur ou animatrice")
    _ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(*Permission.objects.filter(
            content_type__app_label="cafes", codename__in=[f"{action}_animator" for action in ACTIONS]
        ))


def backwards(apps, schema_editor):
    _rename(apps, "animator", "animateur", "animateur ou animatrice")


class Migration(migrations.Migration):
    dependencies = [
        ("cafes", "0008_animator"),
        ("home", "0005_editorial_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
