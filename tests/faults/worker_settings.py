"""Settings of the worker process tests/faults/test_worker_outage.py starts: the test settings, with the
database task backend of production and its log at INFO."""
from cafeia_site.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
