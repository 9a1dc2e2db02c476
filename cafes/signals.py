"""Keeps the cached feeds and synthesis fresh: any change to a café, report, country or organisation invalidates them."""
from django.db.models.signals import post_delete, post_save

from cafeia_site.counters import increment, value

# The synthesis figures, which the models import, read the version here: bind the models package (a cycle).
from . import models

VERSION_KEY = "cafes:data-version"


def data_version() -> int:
    return value(VERSION_KEY, 1)


def bump_data_version(**kwargs) -> None:
    increment(VERSION_KEY, start=1)


def connect() -> None:
    # Reports too: the yearly synthesis is computed from them and cached under the same version.
    for model in (models.CafePage, models.CafeReportPage, models.CountryPage, models.CafeIndexPage,
                  models.Organisation, models.Animator):
        post_save.connect(bump_data_version, sender=model, dispatch_uid=f"cafes-data-save-{model.__name__}")
        post_delete.connect(bump_data_version, sender=model, dispatch_uid=f"cafes-data-delete-{model.__name__}")
