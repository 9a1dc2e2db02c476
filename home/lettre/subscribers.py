"""E-mail subscribers of the lettre and the record of which edition reached whom."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("en attente de confirmation")
        CONFIRMED = "confirmed", _("confirmé")
        UNSUBSCRIBED = "unsubscribed", _("désinscrit")

    email = models.EmailField(_("e-mail"), unique=True)
    language = models.CharField(_("langue"), max_length=8, choices=settings.LANGUAGES, default="fr")
    status = models.CharField(_("statut"), max_length=16, choices=Status.choices, default=Status.PENDING)
    consent_at = models.DateTimeField(_("consentement donné le"), null=True, blank=True)
    consent_version = models.CharField(_("version du texte de consentement"), max_length=20, blank=True)
    # Only a hash of the confirmation token is stored: a database leak confirms no one.
    confirm_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    confirm_expires_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmé le"), null=True, blank=True)
    unsubscribe_token = models.CharField(max_length=64, unique=True)
    unsubscribed_at = models.DateTimeField(_("désinscrit le"), null=True, blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("abonné à la lettre")
        verbose_name_plural = _("abonnés à la lettre")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["language", "status"])]

    def __str__(self) -> str:
        return self.email


class EditionSend(models.Model):
    """One edition sent to the confirmed subscribers of its language; re-running resumes it."""

    class Status(models.TextChoices):
        RUNNING = "running", _("en cours")
        DONE = "done", _("terminé")
        FAILED = "failed", _("interrompu")

    article = models.OneToOneField(
        "home.ArticlePage", verbose_name=_("édition"), on_delete=models.CASCADE, related_name="send"
    )
    language = models.CharField(_("langue"), max_length=8)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("demandé par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    status = models.CharField(_("statut"), max_length=16, choices=Status.choices, default=Status.RUNNING)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("envoi d'une édition")
        verbose_name_plural = _("envois d'éditions")

    def __str__(self) -> str:
        return f"{self.article_id} ({self.language}, {self.status})"


class Delivery(models.Model):
    """Who received which edition. The unique pair is what makes a re-run never double-send."""

    class Status(models.TextChoices):
        # Claimed but outcome unknown (the worker died during SMTP): never retried automatically.
        SENDING = "sending", _("en cours")
        SENT = "sent", _("envoyé")
        FAILED = "failed", _("échec")

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    article = models.ForeignKey("home.ArticlePage", on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.SENDING)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("envoi à un abonné")
        verbose_name_plural = _("envois aux abonnés")
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "article"], name="home_delivery_once_per_edition")
        ]

    def __str__(self) -> str:
        return f"{self.subscriber_id} → {self.article_id} ({self.status})"
