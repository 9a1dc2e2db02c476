"""The four accessibility flags, now rows of `AccessibilityFeature` (0012 carried them over)."""
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cafes", "0012_accessibility_features_data")]
    operations = [migrations.RemoveField(model_name="cafepage", name=name)
                  for name in ("step_free", "hearing_loop", "sign_language", "easy_to_read")]
