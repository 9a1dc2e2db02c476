"""The fixed lists of the library (kinds, publics, levels, screens, themes), apart from the models so
that forms never import them."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class ResourceKind(models.TextChoices):
    FORMAT = "format", _("Format d'animation")
    GUIDE = "guide", _("Guide")
    VIDEO = "video", _("Vidéo")
    TOOL = "tool", _("Outil")
    READING_LIST = "reading-list", _("Liste de lectures")
    DOCUMENT = "document", _("Document")
    OTHER = "other", _("Autre")


class ResourceAudience(models.TextChoices):
    EVERYONE = "everyone", _("Tout public")
    YOUTH = "youth", _("Jeunes et scolaires")
    SENIORS = "seniors", _("Seniors")
    WORKPLACE = "workplace", _("Salariés et agents")
    FAMILIES = "families", _("Familles")
    FACILITATORS = "facilitators", _("Animateurs et médiateurs")


class Level(models.TextChoices):
    ALL = "all", _("Tous niveaux")
    BEGINNER = "beginner", _("Débutant")
    INTERMEDIATE = "intermediate", _("Intermédiaire")
    ADVANCED = "advanced", _("Avancé")


class Screens(models.TextChoices):
    WITHOUT = "without", _("Sans écran")
    WITH = "with", _("Avec écrans")


class Theme(models.TextChoices):
    WORK = "work", _("Travail")
    EDUCATION = "education", _("Éducation")
    ENVIRONMENT = "environment", _("Environnement")
    DEMOCRACY = "democracy", _("Démocratie et société")
    INFORMATION = "information", _("Information et désinformation")
    CREATION = "creation", _("Création et culture")
    DAILY_LIFE = "daily-life", _("Vie quotidienne")
    HOW_IT_WORKS = "how-it-works", _("Comprendre le fonctionnement")
