"""Editors translate the vocabulary's labels as they translate the other snippets (home.0005's rule)."""
from django.contrib.auth.management import create_permissions
from django.db import migrations

ACTIONS = ("add", "change", "delete", "view")


def forwards(apps, schema_editor):
    # Permissions are made after all migrations of a fresh database; this one needs them now.
    app_config = apps.get_app_config("cafeia_site")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(*Permission.objects.filter(
            content_type__app_label="cafeia_site", codename__in=[f"{action}_vocabularyterm" for action in ACTIONS]))


class Migration(migrations.Migration):
    dependencies = [
        ("cafeia_site", "0007_vocabulary_term"),
        ("home", "0005_editorial_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
