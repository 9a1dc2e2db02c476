"""Private venues leave the search index: their entries held the hidden venue name.

They come back, without it, the next time the café is saved or `manage.py update_index` runs.
"""
from django.db import migrations


def drop_private_entries(apps, schema_editor):
    CafePage = apps.get_model("cafes", "CafePage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    IndexEntry = apps.get_model("wagtailsearch", "IndexEntry")
    ids = [str(pk) for pk in CafePage.objects.filter(approximate_location=True).values_list("pk", flat=True)]
    types = ContentType.objects.filter(app_label__in=["cafes", "wagtailcore"], model__in=["cafepage", "page"])
    if ids:
        # On SQLite, wagtailsearch's trigger deletes the full-text row with its entry.
        IndexEntry.objects.filter(content_type__in=types, object_id__in=ids).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("cafes", "0006_country_time_zone"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(drop_private_entries, migrations.RunPython.noop)]
