"""The stored values of a contribution: its kind, its status, the kind of a file sent with it."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class ContributionKind(models.TextChoices):
    REPORT = "report", _("Compte rendu")
    FORMAT = "format", _("Format d'animation")
    TESTIMONY = "testimony", _("Témoignage")
    CAFE = "cafe", _("Café")


class Status(models.TextChoices):
    AWAITING_CONFIRMATION = "awaiting_confirmation", _("En attente de confirmation de l'e-mail")
    IN_MODERATION = "in_moderation", _("En modération")
    CHANGES_REQUESTED = "changes_requested", _("Modifications demandées")
    PUBLISHED = "published", _("Publiée")
    REJECTED = "rejected", _("Refusée")


OPEN_STATUSES = (Status.IN_MODERATION, Status.CHANGES_REQUESTED)


class FileKind(models.TextChoices):
    PHOTO = "photo", _("Photo")
    DOCUMENT = "document", _("Document")
