"""The lettre in the admin: sending an edition (preview, test, send) with its menu item, and the subscribers' list."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet

from . import services
from .emails import render_edition
from .models import ArticlePage
from .selectors import edition_delivery_counts
from .subscribers import EditionSend, Subscriber


def send_edition(request, page_id: int):
    article = get_object_or_404(ArticlePage.objects.select_related("locale"), pk=page_id)
    if not article.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    language = article.locale.language_code
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "test":
            if request.user.email:
                services.edition_test_send_start(article=article, email=request.user.email)
                messages.success(request, _("Un envoi de test part vers %(email)s.") % {"email": request.user.email})
            else:
                messages.error(request, _("Votre compte n'a pas d'adresse e-mail."))
        elif action == "send":
            try:
                services.edition_send_start(article=article, user=request.user)
                messages.success(request, _("L'envoi aux abonnés a commencé."))
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
        return redirect("lettre_send_edition", page_id=article.pk)
    send = EditionSend.objects.filter(article=article).first()
    counts = edition_delivery_counts(article=article, language=language)
    rendered = render_edition(article, language=language) if article.live else None
    return TemplateResponse(
        request,
        "home/lettre/admin/send_edition.html",
        {"article": article, "send": send, "counts": counts, "rendered": rendered, "language": language},
    )


class SendEditionMenuItem(ActionMenuItem):
    label = gettext_lazy("Envoyer par e-mail…")
    name = "action-send-edition"
    icon_name = "mail"
    order = 90

    def is_shown(self, context):
        page = context.get("page")
        if context.get("view") != "edit" or not isinstance(page, ArticlePage) or not page.live:
            return False
        return self.get_user_page_permissions_tester(context).can_publish()

    def get_url(self, context):
        return reverse("lettre_send_edition", args=[context["page"].pk])


class SubscriberFilterSet(WagtailFilterSet):
    class Meta:
        model = Subscriber
        fields = ["language", "status"]


class SubscriberViewSet(ModelViewSet):
    """The subscribers' list, for whoever holds the model's permissions (the administrators)."""

    model = Subscriber
    icon = "mail"
    menu_label = gettext_lazy("Abonnés à la lettre")
    add_to_admin_menu = True
    menu_order = 300
    url_prefix = "lettre/abonnes"
    list_display = ["email", "language", "status", "confirmed_at"]
    filterset_class = SubscriberFilterSet
    search_fields = ["email"]
    exclude_form_fields: list[str] = []
