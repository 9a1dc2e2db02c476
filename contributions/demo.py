"""Demo moderation: who moderates which subtree, and pending contributions of every kind to try."""
import datetime as dt
import uuid

from django.contrib.auth.models import Group, Permission
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from cafeia_site.site_address import absolute_url
from cafes import places
from cafes.models import CafePage, CountryPage
from home.models import TestimonyIndexPage
from ressources.models import ResourceIndexPage

from . import services
from .choices import ContributionKind, Status
from .models import Contribution
from .tokens import make_token

NATIONAL = ("Modérateurs", "Contributions France et national")
MOROCCO = ("Modérateurs Maroc", "Contributions Maroc")
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
_NS = uuid.UUID("6f1c2d1e-8d1b-4c55-9a0e-5b0f3a1c2e7d")


def _assign(pages, group_name, workflow_name):
    group = Group.objects.get(name=group_name)
    workflow = Workflow.objects.get(name=workflow_name)
    permissions = Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS)
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _pending(key, *, kind, language, email, data):
    if data.get("country") and not CountryPage.objects.filter(country_code=data["country"]).exists():
        return  # no section for that country in this site
    contribution, _ = services.contribution_submit(
        kind=kind, data=data, email=email, language_code=language, submission_key=uuid.uuid5(_NS, key)
    )
    # Re-running the demo keeps its pending examples fresh, so the 7-day purge never takes them.
    Contribution.objects.filter(pk=contribution.pk).update(created_at=timezone.now())
    if contribution.status == Status.AWAITING_CONFIRMATION and key != "awaiting":
        services.contribution_confirm(token=make_token(contribution.public_id, "confirm"))


def _published(key, **kwargs) -> Contribution | None:
    """A contribution submitted, confirmed and approved, as if its moderators had said yes."""
    _pending(key, **kwargs)
    contribution = Contribution.objects.filter(submission_key=uuid.uuid5(_NS, key)).select_related("page").first()
    if contribution is not None and contribution.status == Status.IN_MODERATION:
        state = contribution.page.current_workflow_state
        services.contribution_approve(task_state=state.current_task_state.specific, user=None)
    return contribution


def _place(country: str, code: str) -> dict:
    """The form's place fields for a town of the embedded dataset (the point at its centre)."""
    town = places.get(country, code)
    return {"place_code": town.code, "postcode": town.postcodes[0] if town.postcodes else "", "city": town.name,
            "region": town.department or town.region, "latitude": town.latitude, "longitude": town.longitude}


def _next(weekday: int, days: int) -> dt.datetime:
    """The first `weekday` (0 = Monday) at least `days` from now, at 18:00 (as typed: no zone)."""
    day = timezone.localdate() + dt.timedelta(days=days)
    day += dt.timedelta(days=(weekday - day.weekday()) % 7)
    return dt.datetime.combine(day, dt.time(18, 0))


def build(context: dict, stdout=None) -> None:
    france = list(CountryPage.objects.filter(country_code="FR"))
    maroc = list(CountryPage.objects.filter(country_code="MA"))
    national = list(ResourceIndexPage.objects.all()) + list(TestimonyIndexPage.objects.all())
    _assign(france + national, *NATIONAL)
    _assign(maroc, *MOROCCO)

    blois = CafePage.objects.filter(locale__language_code="fr", city="Blois").order_by("start").first()
    rabat = CafePage.objects.filter(locale__language_code="ar", city__in=["Rabat", "الرباط"]).order_by("start").first()
    today = timezone.localdate().isoformat()
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        _pending("report-fr", kind=ContributionKind.REPORT, language="fr", email="lectrice@example.org", data={
            "title": "Compte rendu : café IA de la médiathèque", "cafe": blois.pk if blois else None,
            "cafe_name": "" if blois else "Café IA de la médiathèque", "cafe_city": "" if blois else "Blois",
            "country": "FR", "date": today, "participants": 18, "audiences": ["seniors", "tous-publics"],
            "themes": "travail, santé", "summary": "Dix-huit personnes, beaucoup de curiosité et quelques inquiétudes sur l'emploi.",
            "questions": ["Qui est responsable quand une IA se trompe ?"], "proposals": ["Un atelier mensuel à la médiathèque"],
            "quotes": ["On a enfin pu poser nos questions sans se sentir bêtes."], "author_credit_mode": "pseudonym",
            "author_credit": "Une bibliothécaire",
        })
        _pending("testimony-fr", kind=ContributionKind.TESTIMONY, language="fr", email="temoin@example.org", data={
            "title": "Le regard de Camille Martin", "person_name": "Camille Martin", "role": "médiatrice numérique à Nyons",
            "body": "Animer un café IA m'a appris à écouter avant d'expliquer.", "country_code": "FR",
        })
        _pending("format-fr", kind=ContributionKind.FORMAT, language="fr", email="format@example.org", data={
            "title": "Le procès de l'algorithme", "summary": "Un jeu de rôle où le public juge une décision prise par une IA.",
            "authors": "Collectif des cafés de Touraine", "licence": "cc-by-nc-4.0", "duration_minutes": 90,
            "step_1_title": "Présenter l'affaire", "step_1_duration": 15, "step_1_text": "On lit l'histoire d'une décision automatisée.",
            "step_2_title": "Plaidoiries", "step_2_duration": 45, "step_2_text": "Deux groupes défendent et accusent.",
        })
        _pending("cafe-fr", kind=ContributionKind.CAFE, language="fr", email="orga@example.org", data={
            "title": "Café IA au centre social des Fontaines", "summary": "Un café pour parler d'IA et de démarches en ligne.",
            "start": (timezone.now() + timezone.timedelta(days=20)).replace(microsecond=0).isoformat(),
            "end": (timezone.now() + timezone.timedelta(days=20, hours=2)).replace(microsecond=0).isoformat(),
            "mode": CafePage.Mode.ON_SITE, **_place("FR", "45234"),
            "country": "FR", "organisation": "Centre social des Fontaines", "moderator_contact": "02 00 00 00 00",
        })
        # An organiser's café, declared and approved: its private link is printed below, to try it.
        start = _next(3, 2)
        declared = _published("cafe-published-fr", kind=ContributionKind.CAFE, language="fr", email="organisatrice@example.org", data={
            "title": "Café IA du jeudi à la médiathèque de Lannion",
            "summary": "Chaque jeudi soir, une question sur l'IA et une heure et demie pour en parler, sans prérequis.",
            "start": start.isoformat(timespec="minutes"),
            "end": (start + dt.timedelta(minutes=90)).isoformat(timespec="minutes"),
            "rhythm": "chaque-semaine", "recurrence_until": (start + dt.timedelta(weeks=10)).date().isoformat(),
            "skipped_dates": [(start + dt.timedelta(weeks=4)).date().isoformat()],
            "mode": CafePage.Mode.ON_SITE, "venue_name": "Médiathèque de Lannion", "address": "2 rue de Kerampont",
            **_place("FR", "22113"), "country": "FR", "organisation": "Médiathèque de Lannion",
            "audiences": ["tous-publics"], "accessibility": ["plain-pied", "moteur", "boucle-magnetique"],
            "moderator_contact": "02 96 00 00 00",
        })
        _pending("report-ar", kind=ContributionKind.REPORT, language="ar", email="rabat@example.org", data={
            "title": "محضر: مقهى الذكاء الاصطناعي في الرباط", "cafe": rabat.pk if rabat else None,
            "cafe_name": "" if rabat else "مقهى الذكاء الاصطناعي", "cafe_city": "" if rabat else "الرباط",
            "country": "MA", "date": today, "participants": 25, "audiences": ["etudiants"], "themes": "التعليم",
            "summary": "نقاش حيّ بين طلبة وأساتذة حول الذكاء الاصطناعي في الجامعة.",
            "questions": ["كيف نحمي معطياتنا الشخصية؟"], "proposals": ["ورشة شهرية في المكتبة"], "quotes": [],
            "author_credit_mode": "anonymous", "author_credit": "",
        })
        _pending("awaiting", kind=ContributionKind.TESTIMONY, language="en", email="pending@example.org", data={
            "title": "Le regard de Sam Lee", "person_name": "Sam Lee", "role": "student", "body": "Still to confirm.",
            "country_code": "",
        })
    context["contributions"] = Contribution.objects.count()
    if declared is not None and stdout is not None:
        link = absolute_url(reverse("contributions:organiser", args=[make_token(declared.public_id, "organiser")]))
        stdout.write(f"    organiser's private link of « {declared.title} »: {link}")
