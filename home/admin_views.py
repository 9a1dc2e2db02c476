"""Admin view to send a published edition: preview, a test to oneself, then to subscribers."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import services
from .emails import render_edition
from .lettre_models import ArticlePage
from .subscription_models import Delivery, EditionSend, Subscriber
from .tasks import send_test_edition


def send_edition(request, page_id: int):
    article = get_object_or_404(ArticlePage.objects.select_related("locale"), pk=page_id)
    if not article.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    language = article.locale.language_code
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "test":
            if request.user.email:
                transaction.on_commit(lambda: send_test_edition.enqueue(article.pk, request.user.email))
                messages.success(request, _("Un envoi de test part vers %(email)s.") % {"email": request.user.email})
            else:
                messages.error(request, _("Votre compte n'a pas d'adresse e-mail."))
        elif action == "send":
            try:
                services.start_edition_send(article=article, user=request.user)
                messages.success(request, _("L'envoi aux abonnés a commencé."))
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
        return redirect("lettre_send_edition", page_id=article.pk)
    send = EditionSend.objects.filter(article=article).first()
    counts = {
        "subscribers": Subscriber.objects.filter(language=language, status=Subscriber.Status.CONFIRMED).count(),
        "sent": Delivery.objects.filter(article=article, status=Delivery.Status.SENT).count(),
        "failed": Delivery.objects.filter(article=article, status=Delivery.Status.FAILED).count(),
        "unknown": Delivery.objects.filter(article=article, status=Delivery.Status.SENDING).count(),
    }
    rendered = render_edition(article, language=language) if article.live else None
    return TemplateResponse(
        request,
        "home/admin/send_edition.html",
        {"article": article, "send": send, "counts": counts, "rendered": rendered, "language": language},
    )
