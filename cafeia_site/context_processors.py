"""Context every template gets; lazy, so admin pages and feeds pay nothing for it."""
from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from .chrome import chrome_for
from .localisation import text_direction


def site_chrome(request):
    language = get_language() or settings.LANGUAGE_CODE
    return {
        "chrome": SimpleLazyObject(lambda: chrome_for(request)),
        "LANGUAGE_DIR": text_direction(language),
    }
