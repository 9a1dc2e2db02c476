"""Tools the sections' demo builders share: idempotent pages and real wagtail-localize translations."""
from collections.abc import Mapping

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

# How wagtail-localize writes a line break of a plain text field in its PO files.
LINE_BREAK = "<br/>"

# {language code: {source string: translated string}}
Translations = Mapping[str, Mapping[str, str]]


def upsert_page(parent: Page, model, *, slug: str, **fields) -> Page:
    """The child of `parent` with this slug, created or updated, and published."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        page = existing.specific
        if not isinstance(page, model):
            raise TypeError(f"{page!r} at slug {slug!r} is not a {model.__name__}")
        for name, value in fields.items():
            setattr(page, name, value)
    else:
        page = model(slug=slug, locale=parent.locale, **fields)
        parent.add_child(instance=page)
    page.full_clean()
    page.save_revision().publish()
    return page


def translate(instance, translations: Translations, *, publish: bool = True) -> dict[str, object]:
    """Translate a page or snippet through wagtail-localize, as an editor uploading a PO file would.

    Strings with no entry keep the source text (wagtail-localize's fallback), so a translation
    is never blocked by one missing sentence. Returns the translated instances by language code.
    """
    with transaction.atomic():
        source, created = TranslationSource.get_or_create_from_instance(instance)
        if not created:
            source.update_from_db()
        result = {}
        for code, strings in translations.items():
            locale = Locale.objects.get(language_code=code)
            translation, _ = Translation.objects.get_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )
            po = translation.export_po()
            for entry in po:
                if entry.msgid in strings:
                    entry.msgstr = strings[entry.msgid]
                elif entry.msgid.replace(LINE_BREAK, "\n") in strings:
                    # Multi-line plain text travels with its line breaks as <br/>, both ways.
                    entry.msgstr = strings[entry.msgid.replace(LINE_BREAK, "\n")].replace("\n", LINE_BREAK)
            translation.import_po(po, tool_name="load_demo")
            translation.save_target(publish=publish)
            result[code] = instance.get_translation(locale)
        return result
