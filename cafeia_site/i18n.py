"""Gettext catalogs: compiled with polib (no system gettext needed) and checked for completeness.

`python -m cafeia_site.i18n compile` writes every locale/*/LC_MESSAGES/django.mo from its .po.
"""
import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
TRANSLATED_LANGUAGES = ["ar", "en"]


def catalog_paths(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    return sorted(locale_dir.glob("*/LC_MESSAGES/django.po"))


def missing_translations(po_path: Path) -> list[str]:
    """Message ids that have no complete, non-fuzzy translation in this catalog."""
    missing = []
    for entry in polib.pofile(str(po_path)):
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            missing.append(entry.msgid)
        elif entry.msgid_plural:
            if not entry.msgstr_plural or not all(entry.msgstr_plural.values()):
                missing.append(entry.msgid)
        elif not entry.msgstr:
            missing.append(entry.msgid)
    return missing


def compile_all(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    written = []
    for po_path in catalog_paths(locale_dir):
        mo_path = po_path.with_suffix(".mo")
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written


if __name__ == "__main__":
    if sys.argv[1:] == ["compile"]:
        for path in compile_all():
            print(f"compiled {path.relative_to(LOCALE_DIR.parent)}")
    else:
        sys.exit("usage: python -m cafeia_site.i18n compile")
