"""The fixed lists of the café section (states, formats, weekdays, audiences, accessibility, kinds of organisation),
apart from the models so that forms never import them."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class CafeStatus(models.TextChoices):
    SCHEDULED = "prevu", _("Prévu")
    FULL = "complet", _("Complet")
    CANCELLED = "annule", _("Annulé")
    PAST = "passe", _("Passé")


class CafeMode(models.TextChoices):
    ON_SITE = "sur-place", _("Sur place")
    ONLINE = "en-ligne", _("En ligne")
    HYBRID = "hybride", _("Hybride")


WEEKDAYS = [
    (0, _("lundi")), (1, _("mardi")), (2, _("mercredi")), (3, _("jeudi")),
    (4, _("vendredi")), (5, _("samedi")), (6, _("dimanche")),
]

# A monthly session: "the first Tuesday" (1) … "the last" (-1); iCalendar's BYDAY=1TU, BYDAY=-1TU.
WEEKS_OF_MONTH = [(1, _("premier")), (2, _("deuxième")), (3, _("troisième")), (4, _("quatrième")), (-1, _("dernier"))]

# The publics a café addresses: the codes of the `Audience` rows (created by migration 0002).
GENERAL_AUDIENCE = "tous-publics"
AUDIENCES = [
    (GENERAL_AUDIENCE, _("Tous publics")),
    ("seniors", _("Seniors")),
    ("jeunes", _("Jeunes")),
    ("professionnels", _("Professionnels")),
    ("etudiants", _("Étudiants")),
    ("familles", _("Familles")),
    ("demandeurs-emploi", _("Personnes en recherche d'emploi")),
    ("aidants-numeriques", _("Médiateurs et aidants numériques")),
]

# What makes a café accessible: the codes of the `AccessibilityFeature` rows (created by migration 0011),
# stable slugs of the filter's URLs (`accessibilite=`) and of the open data. The first five are the kinds
# of disability French public event listings name; the others, the arrangements a venue or a host offers.
ACCESSIBILITY_FEATURES = [
    ("moteur", _("Accessible aux personnes en situation de handicap moteur")),
    ("visuel", _("Accessible aux personnes en situation de handicap visuel")),
    ("auditif", _("Accessible aux personnes en situation de handicap auditif")),
    ("mental", _("Accessible aux personnes en situation de handicap mental")),
    ("psychique", _("Accessible aux personnes en situation de handicap psychique")),
    ("plain-pied", _("Accès de plain-pied")),
    ("boucle-magnetique", _("Boucle magnétique")),
    ("lsf", _("Langue des signes (LSF)")),
    ("falc", _("Facile à lire et à comprendre (FALC)")),
]


class OrganisationKind(models.TextChoices):
    LIBRARY = "bibliotheque", _("Bibliothèque, médiathèque")
    ASSOCIATION = "association", _("Association")
    SOCIAL_CENTRE = "centre-social", _("Centre social, tiers-lieu")
    RESEARCH = "recherche", _("Institut de recherche")
    NETWORK = "reseau", _("Réseau")
    PUBLIC_BODY = "collectivite", _("Collectivité, service public")
    OTHER = "autre", _("Autre")


class SynthesisLineKind(models.TextChoices):
    QUESTION = "question", _("question")
    PROPOSAL = "proposal", _("proposition")


class CurationAction(models.TextChoices):
    PIN = "pin", _("mettre en avant")
    HIDE = "hide", _("masquer")
    GROUP = "group", _("classer dans un groupe")


# The list's "when" filter.
WHEN = [("upcoming", _("À venir")), ("past", _("Passés")), ("all", _("Tous"))]
