"""The moderation a contribution meets, on a minimal tree: each country's workflow on its subtree, and the accounts.

The groups, tasks and workflows come with the migrations (contributions/migrations/0002); what the demo adds
(contributions/demo.py) is where each workflow applies and what its group may do there, and its accounts.
`moderation_tree()` builds the same on `tests.factories.site_tree()`; with `pending`, the demo's pending
contributions too, one of each kind, sent and confirmed through the public services.
"""
import datetime as dt
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page

from cafeia_site.management.commands.load_demo import DEMO_ACCOUNTS, set_admin_preferences
from cafes.models import CafePage
from contributions import services
from contributions.choices import ContributionKind, Status
from contributions.demo import MOROCCO, NATIONAL, _assign
from contributions.models import Contribution
from contributions.tokens import make_token
from tests import factories


@dataclass
class ModerationTree:
    tree: factories.SiteTree
    users: dict  # username → User
    pending: dict[str, Contribution] = field(default_factory=dict)  # contributor's e-mail → contribution


def accounts() -> dict:
    """The demo's four accounts, with the demo's passwords, admin languages and time zones (a reused database may already hold them)."""
    User = get_user_model()
    users = {}
    for account in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(username=account.username, defaults={"email": f"{account.username}@cafeia.example"})
        user.is_staff, user.is_superuser = True, account.is_superuser
        user.set_password(settings.DEMO_PASSWORDS[account.username])
        user.save()
        user.groups.set(Group.objects.filter(name__in=account.groups))
        set_admin_preferences(user, account)
        users[account.username] = user
    return users


def _ahead_of_other_trees(tree: factories.SiteTree) -> None:
    """On a reused database that holds the demo, its homes move behind this tree's: a contribution's parent is
    looked up by value (the first testimonies index, the first France, in tree order), and must be this tree's."""
    ours = [home.pk for home in tree.home.values()]
    root = Page.get_first_root_node()
    for pk in Page.objects.filter(depth=2).exclude(pk__in=ours).order_by("path").values_list("pk", flat=True):
        Page.objects.get(pk=pk).move(root, pos="last-child")  # fetched again: each move renumbers the paths


def moderation_tree(*, pending: bool = False, **site_tree_options) -> ModerationTree:
    """`site_tree()` moderated as the demo is: France and the national sections (resources, testimonies) by
    "Modérateurs", Morocco by "Modérateurs Maroc", in every language; and the demo's accounts."""
    tree = factories.site_tree(**site_tree_options)
    _ahead_of_other_trees(tree)
    national = [*tree.countries["FR"].values(), *tree.resources.values(), *tree.testimonies.values()]
    # The demo's own assignment (private to contributions/demo.py), so that both are moderated alike.
    _assign(national, *NATIONAL)
    _assign(list(tree.countries["MA"].values()), *MOROCCO)
    moderated = ModerationTree(tree=tree, users=accounts())
    if pending:
        moderated.pending = pending_contributions()
    return moderated


def _pending(*, kind, language, email, data, confirmed=True) -> Contribution:
    contribution, _ = services.contribution_submit(
        kind=kind, data=data, email=email, language_code=language, submission_key=uuid.uuid4()
    )
    if confirmed and contribution.status == Status.AWAITING_CONFIRMATION:
        services.contribution_confirm(token=make_token(contribution.public_id, "confirm"))
    contribution.refresh_from_db()
    return contribution


def pending_contributions() -> dict[str, Contribution]:
    """The demo's pending examples (contributions/demo.py), oldest first: a report, a testimony, a format and a
    café for France, a report for Morocco (in Arabic), all in moderation; a testimony still to confirm (in English)."""
    day = timezone.localdate().isoformat()
    start = (timezone.now() + dt.timedelta(days=20)).replace(microsecond=0)
    rows = [
        (ContributionKind.REPORT, "fr", "lectrice@example.org", {
            "title": "Compte rendu : café IA de la médiathèque", "cafe": None, "cafe_name": "Café IA de la médiathèque",
            "cafe_city": "Blois", "country": "FR", "date": day, "participants": 18, "audiences": ["seniors", "tous-publics"],
            "themes": "travail, santé", "summary": "Dix-huit personnes, beaucoup de curiosité et quelques inquiétudes sur l'emploi.",
            "questions": ["Qui est responsable quand une IA se trompe ?"], "proposals": ["Un atelier mensuel à la médiathèque"],
            "quotes": ["On a enfin pu poser nos questions sans se sentir bêtes."], "author_credit_mode": "pseudonym",
            "author_credit": "Une bibliothécaire",
        }),
        (ContributionKind.TESTIMONY, "fr", "temoin@example.org", {
            "title": "Le regard de Camille Martin", "person_name": "Camille Martin", "role": "médiatrice numérique à Nyons",
            "body": "Animer un café IA m'a appris à écouter avant d'expliquer.", "country_code": "FR",
        }),
        (ContributionKind.FORMAT, "fr", "format@example.org", {
            "title": "Le procès de l'algorithme", "summary": "Un jeu de rôle où le public juge une décision prise par une IA.",
            "authors": "Collectif des cafés de Touraine", "licence": "cc-by-nc-4.0", "duration_minutes": 90,
            "step_1_title": "Présenter l'affaire", "step_1_duration": 15, "step_1_text": "On lit l'histoire d'une décision automatisée.",
            "step_2_title": "Plaidoiries", "step_2_duration": 45, "step_2_text": "Deux groupes défendent et accusent.",
        }),
        (ContributionKind.CAFE, "fr", "orga@example.org", {
            "title": "Café IA au centre social des Fontaines", "summary": "Un café pour parler d'IA et de démarches en ligne.",
            "start": start.isoformat(), "end": (start + dt.timedelta(hours=2)).isoformat(), "mode": CafePage.Mode.ON_SITE,
            "city": "Orléans", "postcode": "45000", "region": "Loiret", "country": "FR",
            "organisation": "Centre social des Fontaines", "moderator_contact": "02 00 00 00 00",
        }),
        (ContributionKind.REPORT, "ar", "rabat@example.org", {
            "title": "محضر: مقهى الذكاء الاصطناعي في الرباط", "cafe": None, "cafe_name": "مقهى الذكاء الاصطناعي",
            "cafe_city": "الرباط", "country": "MA", "date": day, "participants": 25, "audiences": ["etudiants"],
            "themes": "التعليم", "summary": "نقاش حيّ بين طلبة وأساتذة حول الذكاء الاصطناعي في الجامعة.",
            "questions": ["كيف نحمي معطياتنا الشخصية؟"], "proposals": ["ورشة شهرية في المكتبة"], "quotes": [],
            "author_credit_mode": "anonymous", "author_credit": "",
        }),
    ]
    pending = {email: _pending(kind=kind, language=language, email=email, data=data)
               for kind, language, email, data in rows}
    pending["pending@example.org"] = _pending(
        kind=ContributionKind.TESTIMONY, language="en", email="pending@example.org", confirmed=False,
        data={"title": "Le regard de Sam Lee", "person_name": "Sam Lee", "role": "student", "body": "Still to confirm.",
              "country_code": ""},
    )
    return pending
