"""The accessibility of a café as rows it points to (`AccessibilityFeature`), next to the four flags it replaces
(0012 carries them over, 0013 drops them)."""
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("cafes", "0010_rhythm"),
    ]

    operations = [
        migrations.CreateModel(
            name="AccessibilityFeature",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.SlugField(choices=[("moteur", "Accessible aux personnes en situation de handicap moteur"), ("visuel", "Accessible aux personnes en situation de handicap visuel"), ("auditif", "Accessible aux personnes en situation de handicap auditif"), ("mental", "Accessible aux personnes en situation de handicap mental"), ("psychique", "Accessible aux personnes en situation de handicap psychique"), ("plain-pied", "Accès de plain-pied"), ("boucle-magnetique", "Boucle magnétique"), ("lsf", "Langue des signes (LSF)"), ("falc", "Facile à lire et à comprendre (FALC)")], max_length=40, unique=True, verbose_name="code")),
                ("sort_order", models.PositiveSmallIntegerField(default=0)),
            ],
            options={
                "verbose_name": "critère d'accessibilité",
                "verbose_name_plural": "critères d'accessibilité",
                "ordering": ["sort_order", "code"],
            },
        ),
        migrations.AddField(
            model_name="cafepage",
            name="accessibility_features",
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name="cafes", to="cafes.accessibilityfeature", verbose_name="accessibilité"),
        ),
    ]
