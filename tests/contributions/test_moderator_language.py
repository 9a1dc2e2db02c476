"""Each moderator's admin in their own language: Morocco's team in Arabic, right to left, its workflow and task
named in Arabic on every screen and in every e-mail; France's team and the administrator in French."""
import html
import importlib
import io
import re
import uuid

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import Task, Workflow
from wagtail.users.models import UserProfile

from cafeia_site.management.commands.load_demo import DEMO_ACCOUNTS, Command
from contributions import services
from contributions.choices import ContributionKind, Status
from contributions.models import Contribution
from contributions.moderation import ChangesRequestedForm
from contributions.tokens import make_token
from contributions.workflow_names import NAMES, TranslatedName

pytestmark = [pytest.mark.django_db]

MAROC_TASK = {"fr": "Modération des contributions (Maroc)", "ar": "الإشراف على المساهمات (المغرب)"}
MAROC_WORKFLOW = {"fr": "Contributions Maroc", "ar": "مساهمات المغرب"}
FRANCE_TASK = {"fr": "Modération des contributions (France et national)", "ar": "الإشراف على المساهمات (فرنسا والأقسام الوطنية)"}
FRANCE_WORKFLOW = {"fr": "Contributions France et national", "ar": "مساهمات فرنسا والأقسام الوطنية"}
MOROCCAN_REPORT = "rabat@example.org"  # the demo's pending Arabic report (factories.pending_contributions)
FRENCH_REPORT = "lectrice@example.org"


@pytest.fixture
def as_user(client, module_moderation_queue):
    def _as(username):
        client.force_login(module_moderation_queue.users[username])
        return client

    return _as


def _screen(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    if response["Content-Type"].startswith("application/json"):  # a modal of the editor, its HTML in JSON
        return html.unescape(response.json()["html"])
    return html.unescape(response.content.decode())


def _document_language(page: str) -> tuple[str, str]:
    match = re.search(r'<html lang="([^"]+)" dir="([^"]+)"', page)
    assert match, page[:300]
    return match.group(1), match.group(2)


def _screens(contribution: Contribution) -> dict[str, str]:
    """Where a moderator meets the contribution's workflow: Wagtail's dashboard, editor (its status side panel and
    modals), workflow history and page history, and our queue and contribution screen."""
    page = contribution.page
    state = page.specific.current_workflow_state
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "queue": reverse("contributions_admin:index"),
        "detail": reverse("contributions_admin:detail", args=[contribution.pk]),
        "editor": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "decision modal": reverse("wagtailadmin_pages:collect_workflow_action_data",
                                  args=[page.pk, "reject", state.current_task_state.pk]),
        "cancellation modal": reverse("wagtailadmin_pages:confirm_workflow_cancellation", args=[page.pk]),
        "workflow history": reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
        "workflow history detail": reverse("wagtailadmin_pages:workflow_history_detail", args=[page.pk, state.pk]),
        "page history": reverse("wagtailadmin_pages:history", args=[page.pk]),
        "page history entries": reverse("wagtailadmin_pages:history_results", args=[page.pk]),
    }


FRAGMENTS = {"decision modal", "cancellation modal", "page history entries"}  # fetched into a page: no <html>
NAMELESS = {"queue", "decision modal"}  # a list of contributions, a comment's form: neither names a task


def _screens_in(client, contribution, language: str, *, task: dict, workflow: dict) -> dict[str, str]:
    """Every screen as `client` sees it, asserted in `language` (lang, dir), with the task or the workflow named in
    that language and neither in the other one; returns the screens' HTML by name."""
    other = "fr" if language == "ar" else "ar"
    pages = {}
    for name, url in _screens(contribution).items():
        page = pages[name] = _screen(client, url)
        if name not in FRAGMENTS:
            assert _document_language(page) == (language, "rtl" if language == "ar" else "ltr"), name
        assert task[other] not in page and workflow[other] not in page, name
        if name not in NAMELESS:
            assert task[language] in page or workflow[language] in page, name
    assert f"{task[language]} ({workflow[language]})" in pages["detail"]
    return pages


# --- The accounts ------------------------------------------------------------------------------------
def test_the_demo_accounts_each_have_an_explicit_admin_language():
    """Without one, Wagtail's admin follows the browser's Accept-Language and its e-mails the sender's request."""
    Command(stdout=io.StringIO())._accounts(settings.DEMO_PASSWORDS)  # load_demo's accounts step, without its content
    profiles = UserProfile.objects.filter(user__username__in=[account.username for account in DEMO_ACCOUNTS])
    assert {p.user.username: (p.preferred_language, p.current_time_zone) for p in profiles.select_related("user")} == {
        "administrateur": ("fr", "Europe/Paris"), "editor": ("fr", "Europe/Paris"), "moderator": ("fr", "Europe/Paris"),
        "moderateur-maroc": ("ar", "Africa/Casablanca"),
    }


def test_an_arabic_preference_wins_over_a_french_browser(as_user, pending):
    page = _screen(as_user("moderateur-maroc"), "/admin/")
    assert _document_language(page) == ("ar", "rtl")
    client = as_user("moderator")
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ar")
    assert _document_language(response.content.decode()) == ("fr", "ltr")


def test_each_account_chooses_among_the_sites_three_languages(as_user):
    account = _screen(as_user("moderateur-maroc"), reverse("wagtailadmin_account"))
    assert _document_language(account) == ("ar", "rtl")
    select = re.search(r'<select name="locale-preferred_language".*?</select>', account, re.S).group(0)
    assert sorted(re.findall(r'<option value="(\w+)"', select)) == ["ar", "en", "fr"]
    assert re.search(r'<option value="ar" selected>', select)


# --- The screens, as each role that reaches them -------------------------------------------------
def test_the_maroc_moderator_sees_every_screen_in_arabic_with_the_arabic_task_and_workflow(as_user, pending):
    contribution = pending(MOROCCAN_REPORT)
    assert contribution.status == Status.IN_MODERATION
    pages = _screens_in(as_user("moderateur-maroc"), contribution, "ar", task=MAROC_TASK, workflow=MAROC_WORKFLOW)
    assert "مرحلة الإشراف" in pages["detail"]
    with translation.override("ar"):
        assert str(ChangesRequestedForm.base_fields["comment"].label) in pages["decision modal"]
    # Dates in Arabic, at Rabat's time (the account's time zone), not Paris's.
    received = {}
    for zone in ("Africa/Casablanca", "Europe/Paris"):
        with translation.override("ar"), timezone.override(zone):
            received[zone] = date_format(timezone.localtime(contribution.created_at), "SHORT_DATETIME_FORMAT")
    assert received["Africa/Casablanca"] in pages["detail"] and received["Europe/Paris"] not in pages["detail"]


def test_the_france_moderator_sees_the_same_screens_in_french(as_user, pending):
    pages = _screens_in(as_user("moderator"), pending(FRENCH_REPORT), "fr", task=FRANCE_TASK, workflow=FRANCE_WORKFLOW)
    assert "Étape de modération" in pages["detail"]
    assert str(ChangesRequestedForm.base_fields["comment"].label) in pages["decision modal"]


def test_the_administrator_reads_the_maroc_workflow_in_french(as_user, pending):
    client = as_user("administrateur")
    _screens_in(client, pending(MOROCCAN_REPORT), "fr", task=MAROC_TASK, workflow=MAROC_WORKFLOW)
    for name in ("wagtailadmin_workflows:index", "wagtailadmin_workflows:task_index",
                 "wagtailadmin_reports:workflow", "wagtailadmin_reports:workflow_tasks"):
        page = _screen(client, reverse(name))
        assert MAROC_TASK["fr"] in page and MAROC_TASK["ar"] not in page, name


# --- The names themselves ------------------------------------------------------------------------------
def test_names_are_stored_as_their_french_msgid_whatever_the_language(as_user, module_moderation_queue):
    with translation.override("ar"):
        task = Task.objects.get(name=MAROC_TASK["fr"])
        workflow = Workflow.objects.get(name=MAROC_WORKFLOW["fr"])
        as_wagtail_formats = "%(name)s" % {"name": task.name}  # noqa: UP031 (Wagtail's own messages do this)
        printed = (str(task.name), f"{workflow.name}", as_wagtail_formats, Template("{{ task }}").render(Context({"task": task})))
        assert printed == (MAROC_TASK["ar"], MAROC_WORKFLOW["ar"], MAROC_TASK["ar"], MAROC_TASK["ar"])
        task.save()
        workflow.save()
    assert Task.objects.filter(name=MAROC_TASK["fr"]).exists() and Workflow.objects.filter(name=MAROC_WORKFLOW["fr"]).exists()
    with translation.override("en"):
        assert str(Task.objects.get(pk=task.pk).name) == "Contribution moderation (Morocco)"


def test_the_translated_names_are_the_ones_the_migration_created():
    setup = importlib.import_module("contributions.migrations.0002_moderation_groups_and_workflows").SETUP
    assert {name for _group, task, workflow in setup for name in (task, workflow)} == NAMES
    names = [MAROC_TASK, MAROC_WORKFLOW, FRANCE_TASK, FRANCE_WORKFLOW]
    with translation.override("ar"):
        assert [str(TranslatedName(name["fr"])) for name in names] == [name["ar"] for name in names]


def test_an_arabic_administrator_saving_the_workflow_form_unchanged_keeps_the_msgid(as_user, module_moderation_queue):
    """Wagtail's edit form shows the name in the admin's language: posted back as is, it is not a rename."""
    workflow = Workflow.objects.get(name=MAROC_WORKFLOW["fr"])
    with translation.override("ar"):
        loaded = Workflow.objects.get(pk=workflow.pk)
    loaded.name = MAROC_WORKFLOW["ar"]  # what the form posts back
    loaded.save()
    assert Workflow.objects.filter(pk=workflow.pk, name=MAROC_WORKFLOW["fr"]).exists()
    renamed = Workflow.objects.get(pk=workflow.pk)
    renamed.name = "Modération Maroc, équipe de Rabat"
    renamed.save()
    with translation.override("ar"):
        assert str(Workflow.objects.get(pk=workflow.pk).name) == "Modération Maroc, équipe de Rabat"  # shown as written


# --- E-mails -------------------------------------------------------------------------------------------
def _confirmed(django_capture_on_commit_callbacks, *, language, country, title) -> dict[str, list]:
    """A testimony sent and confirmed from a page in `language` (the contributor's request); the e-mails, by recipient."""
    with translation.override(language):
        contribution, _ = services.contribution_submit(
            kind=ContributionKind.TESTIMONY, language_code=language, email="temoin@example.org", submission_key=uuid.uuid4(),
            data={"title": title, "person_name": "Salma", "role": "professeure", "body": "…", "country_code": country},
        )
        mail.outbox = []
        with django_capture_on_commit_callbacks(execute=True):
            services.contribution_confirm(token=make_token(contribution.public_id, "confirm"))
    assert Contribution.objects.get(pk=contribution.pk).status == Status.IN_MODERATION
    by_recipient: dict[str, list] = {}
    for message in mail.outbox:
        by_recipient.setdefault(message.to[0].split("@")[0], []).append(message)
    return by_recipient


def _text(messages) -> str:
    return "\n".join(f"{m.subject}\n{m.body}" for m in messages)


def test_the_maroc_moderators_email_is_arabic_with_the_arabic_task(client, module_moderation_queue,
                                                                   django_capture_on_commit_callbacks):
    sent = _confirmed(django_capture_on_commit_callbacks, language="ar", country="MA", title="شهادة من فاس")
    [maroc] = sent["moderateur-maroc"]
    assert MAROC_TASK["ar"] in maroc.subject and "شهادة من فاس" in maroc.subject
    assert re.search(r"[\u0600-\u06ff]", maroc.subject.replace(MAROC_TASK["ar"], "").replace("شهادة من فاس", ""))
    assert MAROC_TASK["ar"] in maroc.body and "مرحبًا" in maroc.body
    assert MAROC_TASK["fr"] not in _text([maroc]) and MAROC_WORKFLOW["fr"] not in _text([maroc])
    # Its links open the admin in Arabic.
    client.force_login(module_moderation_queue.users["moderateur-maroc"])
    links = re.findall(r"http://testserver(/admin/pages/\S+/)", maroc.body)
    assert len(links) == 2, maroc.body  # the preview and the editor
    for link in links:
        assert _document_language(_screen(client, link)) == ("ar", "rtl"), link
    # The administrator, in French, reads the same task and workflow in French; the France moderator is not written to.
    admin = _text(sent["administrateur"])
    assert MAROC_TASK["fr"] in admin and MAROC_WORKFLOW["fr"] in admin and MAROC_TASK["ar"] not in admin
    assert "Bonjour" in admin or "Salut" in admin
    assert "moderator" not in sent
    # The contributor's own e-mail is in the contribution's language, its link to the Arabic pages.
    [contributor] = sent["temoin"]
    assert contributor.extra_headers["Content-Language"] == "ar"
    assert "شهادة من فاس" in contributor.subject and "/ar/contribuer/suivi/" in contributor.body


def test_the_france_moderators_email_is_french_even_for_an_arabic_contribution(module_moderation_queue,
                                                                                django_capture_on_commit_callbacks):
    sent = _confirmed(django_capture_on_commit_callbacks, language="ar", country="FR", title="شهادة من باريس")
    [national] = sent["moderator"]
    assert FRANCE_TASK["fr"] in national.subject and "soumise" in national.subject
    assert FRANCE_TASK["ar"] not in _text([national])
    assert "moderateur-maroc" not in sent


def test_a_moderator_with_no_language_set_is_written_to_in_the_sites_language(module_moderation_queue,
                                                                               django_capture_on_commit_callbacks):
    """Wagtail would take the active language, the contributor's, for an account nobody configured."""
    newcomer = get_user_model().objects.create_user("nouvelle-maroc", email="nouvelle-maroc@cafeia.example", is_staff=True)
    newcomer.groups.add(Group.objects.get(name="Modérateurs Maroc"))
    sent = _confirmed(django_capture_on_commit_callbacks, language="ar", country="MA", title="شهادة من طنجة")
    [message] = sent["nouvelle-maroc"]
    assert MAROC_TASK["fr"] in message.subject and "soumise" in message.subject
    [maroc] = sent["moderateur-maroc"]
    assert MAROC_TASK["ar"] in maroc.subject
