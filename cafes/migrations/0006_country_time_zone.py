"""Each country gets the time zone of its cafés; what Wagtail and wagtail-localize keep of the pages too.

An editor's next publish starts from the latest revision, and a translation from wagtail-localize's
copy of its source: both were saved before the field existed and would bring back the default.
"""
import json

from django.db import migrations, models

import cafes.timing

ZONES = {"FR": "Europe/Paris", "MA": "Africa/Casablanca"}
DEFAULT = "Europe/Paris"


def _zone(code) -> str:
    return ZONES.get((code or "").upper(), DEFAULT)


def set_country_time_zones(apps, schema_editor):
    CountryPage = apps.get_model("cafes", "CountryPage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    for page in CountryPage.objects.all():
        page.time_zone = _zone(page.country_code)
        page.save(update_fields=["time_zone"])
    content_type = ContentType.objects.filter(app_label="cafes", model="countrypage").first()
    if content_type is None:
        return  # a new database: no page, no revision
    ids = [str(pk) for pk in CountryPage.objects.values_list("pk", flat=True)]
    for revision in Revision.objects.filter(content_type=content_type, object_id__in=ids):
        if "time_zone" not in revision.content:
            revision.content["time_zone"] = _zone(revision.content.get("country_code"))
            revision.save(update_fields=["content"])
    for source in TranslationSource.objects.filter(specific_content_type=content_type):
        content = json.loads(source.content_json)
        if "time_zone" not in content:
            content["time_zone"] = _zone(content.get("country_code"))
            source.content_json = json.dumps(content)
            source.save(update_fields=["content_json"])


class Migration(migrations.Migration):

    dependencies = [
        ('cafes', '0005_call_to_action_form_link'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtail_localize', '0016_rename_page_revision_translationlog_revision'),
    ]

    operations = [
        migrations.AddField(
            model_name='countrypage',
            name='time_zone',
            field=models.CharField(choices=cafes.timing.time_zone_choices, default='Europe/Paris', help_text="Celui des cafés du pays : les heures saisies dans le formulaire public s'y lisent, et un café créé ici le prend par défaut. Le même dans toutes les langues.", max_length=64, verbose_name='fuseau horaire'),
        ),
        migrations.AlterField(
            model_name='cafepage',
            name='time_zone',
            field=models.CharField(blank=True, choices=cafes.timing.time_zone_choices, help_text="Celui du lieu du café ; le début et la fin ci-dessus s'y lisent. Vide : celui du pays.", max_length=64, verbose_name='fuseau horaire'),
        ),
        migrations.RunPython(set_country_time_zones, migrations.RunPython.noop),
    ]
