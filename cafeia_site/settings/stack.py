"""The production settings as `make stack` runs them on one machine: plain HTTP on 127.0.0.1 behind Varnish.

Everything else (Redis, the front cache, object storage, PostgreSQL, the task worker) comes from the
environment exactly as on real servers; scripts/stack.py sets it.
"""
import os

from .production import *  # noqa: F403

# No TLS on the loopback: the cookies could not come back over plain HTTP otherwise.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = False
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]
STATIC_ROOT = os.environ.get("STATIC_ROOT", STATIC_ROOT)  # noqa: F405

if os.environ.get("STACK_BUILD") == "1":
    # `make stack` loading the demo before its services start: local files, the database cache, tasks at once.
    MEDIA_ROOT = os.environ["STACK_MEDIA_ROOT"]
    STORAGES = {**STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}  # noqa: F405
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
