"""The fixed list of audiences, as rows the cafés and reports point to."""
from django.db import migrations

CODES = ["tous-publics", "seniors", "jeunes", "professionnels", "etudiants", "familles", "demandeurs-emploi", "aidants-numeriques"]


def create(apps, schema_editor):
    Audience = apps.get_model("cafes", "Audience")
    for order, code in enumerate(CODES):
        Audience.objects.update_or_create(code=code, defaults={"sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("cafes", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
