"""The moderation workflows' and tasks' names, stored in French and read in the viewer's language.

Wagtail prints `task.name` and `workflow.name` as they are, in some two dozen places (the dashboard, the page
header's status, workflow history, locks, action menus, its notification e-mails, page history). Rather than
override each of those templates, the names our migration creates are msgids: when a Task, a Workflow or a log
entry is loaded, a name that is one of them becomes a `TranslatedName`, a `str` whose *value* stays the French
msgid (saved, compared, serialised to JSON and log entries as such) and whose text, when printed, is the
gettext translation in the active language. A name an administrator has since changed is not a msgid: it is
shown as written.
"""
from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_init, pre_save
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext, gettext_noop
from wagtail.models import BaseLogEntry, Task, Workflow

# The same literals as contributions/migrations/0002 (a migration keeps its own copy of the data it wrote).
NAMES = frozenset({
    gettext_noop("Modération des contributions (France et national)"),
    gettext_noop("Contributions France et national"),
    gettext_noop("Modération des contributions (Maroc)"),
    gettext_noop("Contributions Maroc"),
})


class TranslatedName(str):
    """A msgid that prints as its translation: `str()`, `%s`, f-strings and templates give the active language."""

    @property
    def msgid(self) -> str:
        return str.__str__(self)

    def __str__(self):
        return gettext(self.msgid)

    def __format__(self, spec):
        return format(str(self), spec)

    def __html__(self):
        # Templates escape through __html__ when there is one (conditional_escape, mark_safe).
        return escape(str(self))

    def translations(self) -> set[str]:
        texts = set()
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                texts.add(str(self))
        return texts


def translate_name(sender, instance, **kwargs):
    # A deferred name (`.only()`, `.defer()`) is not loaded here: reading it would cost a query.
    name = instance.__dict__.get("name")
    if name in NAMES and not isinstance(name, TranslatedName):
        instance.name = TranslatedName(name)
        instance._name_msgid = instance.name.msgid


def translate_logged_names(sender, instance, **kwargs):
    """Wagtail's workflow log entries keep the names as they were (`data["workflow"]`, its `task` and `next`)."""
    data = instance.__dict__.get("data")
    workflow = data.get("workflow") if isinstance(data, dict) else None
    if not isinstance(workflow, dict):
        return
    for named in (workflow, workflow.get("task"), workflow.get("next")):
        if isinstance(named, dict) and named.get("title") in NAMES:
            named["title"] = TranslatedName(named["title"])


def keep_msgid(sender, instance, **kwargs):
    """Wagtail's edit forms show the name translated: saved back unchanged, it stays the msgid, in every language."""
    msgid = getattr(instance, "_name_msgid", None)
    if msgid and instance.name != msgid and instance.name in TranslatedName(msgid).translations():
        instance.name = TranslatedName(msgid)


def connect() -> None:
    # post_init is sent with the concrete class: Task itself (task_state.task) and each specific task type.
    for model in apps.get_models():
        uid = f"workflow_names:{model._meta.label}"
        if issubclass(model, (Task, Workflow)):
            post_init.connect(translate_name, sender=model, dispatch_uid=uid)
            pre_save.connect(keep_msgid, sender=model, dispatch_uid=uid)
        elif issubclass(model, BaseLogEntry):
            post_init.connect(translate_logged_names, sender=model, dispatch_uid=uid)
