"""Moves each site's postal address and social links from its settings into a FooterContent in the
default language (the source wagtail-localize translates from), chosen by those settings."""
import uuid

from django.conf import settings
from django.db import migrations


def forwards(apps, schema_editor):
    SiteSettings = apps.get_model("cafeia_site", "SiteSettings")
    FooterContent = apps.get_model("cafeia_site", "FooterContent")
    Locale = apps.get_model("wagtailcore", "Locale")
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first() or Locale.objects.order_by("pk").first()
    for row in SiteSettings.objects.filter(footer__isnull=True):
        links = list(row.social_links.raw_data)
        if not row.postal_address and not links:
            continue
        footer = FooterContent.objects.create(
            name="Pied de page", translation_key=uuid.uuid4(), locale=default,
            postal_address=row.postal_address, social_links=links,
        )
        row.footer = footer
        row.save(update_fields=["footer"])


def backwards(apps, schema_editor):
    SiteSettings = apps.get_model("cafeia_site", "SiteSettings")
    for row in SiteSettings.objects.filter(footer__isnull=False).select_related("footer"):
        row.postal_address = row.footer.postal_address
        row.social_links = list(row.footer.social_links.raw_data)
        row.save(update_fields=["postal_address", "social_links"])


class Migration(migrations.Migration):
    dependencies = [
        ("cafeia_site", "0003_footer_content"),
        ("cafeia_site", "0002_locales"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
