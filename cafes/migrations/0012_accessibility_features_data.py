"""The fixed list of accessibility features as rows, and the four flags of existing cafés carried over to them:
on the pages (every language's version and alias) and in their revisions, so that publishing a draft or
reverting to an older revision keeps what the flags said."""
from django.db import migrations

CODES = ["moteur", "visuel", "auditif", "mental", "psychique", "plain-pied", "boucle-magnetique", "lsf", "falc"]
FLAGS = {"step_free": "plain-pied", "hearing_loop": "boucle-magnetique", "sign_language": "lsf", "easy_to_read": "falc"}


def create_and_carry(apps, schema_editor):
    Feature = apps.get_model("cafes", "AccessibilityFeature")
    CafePage = apps.get_model("cafes", "CafePage")
    Revision = apps.get_model("wagtailcore", "Revision")
    for order, code in enumerate(CODES):
        Feature.objects.update_or_create(code=code, defaults={"sort_order": order})
    pk_of = dict(Feature.objects.values_list("code", "pk"))
    through = CafePage.accessibility_features.through
    links = []
    for row in CafePage.objects.values("pk", *FLAGS):
        links += [through(cafepage_id=row["pk"], accessibilityfeature_id=pk_of[code]) for flag, code in FLAGS.items() if row[flag]]
    through.objects.bulk_create(links, ignore_conflicts=True)
    revisions = Revision.objects.filter(content_type__app_label="cafes", content_type__model="cafepage")
    for revision in revisions.iterator():
        content = revision.content
        if not any(flag in content for flag in FLAGS):
            continue
        content["accessibility_features"] = [pk_of[code] for flag, code in FLAGS.items() if content.pop(flag, False)]
        revision.content = content
        revision.save(update_fields=["content"])


def uncarry(apps, schema_editor):
    """Back to the flags (the five kinds of disability, which had none, are lost)."""
    CafePage = apps.get_model("cafes", "CafePage")
    through = CafePage.accessibility_features.through
    for flag, code in FLAGS.items():
        ids = through.objects.filter(accessibilityfeature__code=code).values("cafepage_id")
        CafePage.objects.filter(pk__in=ids).update(**{flag: True})


class Migration(migrations.Migration):
    dependencies = [("cafes", "0011_accessibility_features"), ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes")]
    operations = [migrations.RunPython(create_and_carry, uncarry)]
