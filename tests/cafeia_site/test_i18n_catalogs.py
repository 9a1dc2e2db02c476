"""Every message of the code and templates is translated in ar and en, and compiled."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from cafeia_site.i18n import TRANSLATED_LANGUAGES, catalog_paths, missing_translations

REPO = Path(__file__).resolve().parents[2]
SOURCES = ["manage.py", "cafeia_site", "home", "cafes", "ressources", "contributions", "templates", "locale"]


def test_committed_catalogs_are_complete():
    paths = catalog_paths()
    assert {p.parts[-3] for p in paths} >= set(TRANSLATED_LANGUAGES)
    for path in paths:
        assert missing_translations(path) == [], path


def test_compiled_catalogs_match_their_sources():
    for po_path in catalog_paths():
        mo_path = po_path.with_suffix(".mo")
        assert mo_path.exists(), f"{mo_path} missing: run `make messages`"
        po = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.pofile(str(po_path)) if not e.obsolete}
        mo = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(mo_path))}
        assert po == mo, f"{mo_path} is stale: run `make messages`"


def test_no_message_in_the_code_is_missing_from_the_catalogs(tmp_path):
    """Extract messages afresh from a copy of the sources: new strings must be translated."""
    if shutil.which("xgettext") is None:
        if os.environ.get("CI"):
            pytest.fail("xgettext (gettext) is required in CI")
        pytest.skip("gettext's xgettext is not installed on this machine")
    for name in SOURCES:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, tmp_path / name, ignore=shutil.ignore_patterns("static", "__pycache__", "*.mo"))
        else:
            shutil.copy(src, tmp_path / name)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--no-location", "--no-obsolete",
         *[f"-l{code}" for code in TRANSLATED_LANGUAGES]],
        cwd=tmp_path, check=True, capture_output=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cafeia_site.settings.test"},
    )
    for code in TRANSLATED_LANGUAGES:
        missing = missing_translations(tmp_path / "locale" / code / "LC_MESSAGES" / "django.po")
        assert missing == [], f"untranslated in {code}: {missing[:20]}"
