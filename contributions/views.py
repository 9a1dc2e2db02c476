"""Public side of contributions: the forms, the confirmation, the contributor's status page and the organiser's page."""
from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cafeia_site.views import read_only
from cafes.models import CafePage
from cafes.updates import CafeChangedMeanwhile, fingerprint

from . import protection, services
from .choices import Status
from .forms import OrganiserForm
from .kinds import KINDS, kind_for
from .models import Contribution
from .selectors import contribution_for_organiser_token, contribution_for_status_token
from .tokens import TokenExpired, TokenInvalid, read_token


@read_only
def index(request):
    return render(request, "contributions/index.html", {"kinds": KINDS.values()})


@never_cache
@require_http_methods(["GET", "POST"])
def contribute(request, slug):
    kind = KINDS.get(slug)
    if kind is None:
        raise Http404
    if request.method != "POST":
        return _form_page(request, kind.form(language_code=get_language(), query=request.GET), kind)
    form = kind.form(request.POST, request.FILES, language_code=get_language())
    ip = protection.client_ip(request)
    reason = form.refusal_reason()
    if reason is None and protection.over_rate_limit(ip):
        reason = "rate_limit"
    if reason is None:
        if not form.is_valid():
            return _form_page(request, form, kind)
        if not protection.rate_limited(ip):
            services.contribution_submit(
                kind=kind.value,
                data=form.content_data(),
                email=form.cleaned_data["email"],
                language_code=get_language(),
                submission_key=form.cleaned_data["submission_key"],
                uploads=form.uploads(),
            )
            return redirect("contributions:thanks")
        reason = "rate_limit"
    # Refused sends come back as they were sent, so that a person loses nothing; robots are counted.
    protection.count_spam(reason)
    form.show_unread(reason)
    return _form_page(request, form, kind, status=429 if reason == "rate_limit" else 400)


def _form_page(request, form, kind, status=200):
    return render(request, "contributions/form.html", {"form": form, "kind": kind}, status=status)


@read_only
def thanks(request):
    return render(request, "contributions/thanks.html")


def _token_error(request, exc, purpose, token=""):
    expired = isinstance(exc, TokenExpired)
    context = {"expired": expired, "purpose": purpose, "token": token if expired else ""}
    return render(request, "contributions/token_error.html", context, status=410 if expired else 404)


def organiser_link(view):
    """A view of an organiser's private link: it gets the declaration behind it, or the page saying why the
    link doesn't open (forged, expired: with a button for a new one)."""

    @wraps(view)
    @never_cache
    @require_http_methods(["GET", "POST"])
    def with_declaration(request, token):
        try:
            contribution = contribution_for_organiser_token(token=token)
        except (TokenInvalid, TokenExpired) as exc:
            return _token_error(request, exc, "organiser", token)
        except Contribution.DoesNotExist:
            return _token_error(request, TokenInvalid(), "organiser")
        return view(request, token, contribution)

    return with_declaration


ORGANISER_DONE = {
    "prevu": _lazy("C'est fait : le café est indiqué ouvert, avec des places, partout sur le site et dans les agendas."),
    "complet": _lazy("C'est fait : le café est indiqué complet partout sur le site et dans les agendas."),
    "annule": _lazy("C'est fait : le café est indiqué annulé partout sur le site et dans les agendas."),
    "cancel": _lazy("C'est fait : la séance du %(day)s est indiquée annulée partout sur le site et dans les agendas."),
    "restore": _lazy("C'est fait : la séance du %(day)s a lieu de nouveau."),
    "add": _lazy("C'est fait : une séance est ajoutée le %(day)s."),
}


@organiser_link
def organiser(request, token, contribution):
    """The organiser's page for their café: its state and sessions changed at once, the rest proposed."""
    form, status = OrganiserForm(request.POST or None), 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.organiser_update(contribution=contribution, seen=data["seen"], action=data["action"],
                                          status=data["status"], day=data["day"])
            except CafeChangedMeanwhile:
                messages.error(request, _("Ce café vient d'être modifié par quelqu'un d'autre. Rien n'a été changé : "
                                          "voici son état à jour ; refaites votre modification si elle est encore utile."))
                return redirect(request.path)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                done = ORGANISER_DONE[data["status"] if data["action"] == "status" else data["action"]]
                messages.success(request, done % {"day": date_format(data["day"], "l j F Y")} if data["day"] else done)
                return redirect(request.path)
        status = 400
    cafe = CafePage.objects.prefetch_related("session_changes").get(pk=contribution.page_id)
    context = {
        "contribution": contribution, "cafe": cafe, "form": form, "seen": fingerprint(cafe), "token": token,
        "sessions": cafe.coming_sessions(12), "pending": cafe.workflow_in_progress,
        "report_url": reverse("contributions:form", args=["compte-rendu"]) + f"?cafe={cafe.pk}",
        "statuses": OrganiserForm.STATUSES,
    }
    return render(request, "contributions/organiser.html", context, status=status)


@organiser_link
def organiser_changes(request, token, contribution):
    """Everything else about the café, proposed to the moderators: the café's form, filled with what it says now."""
    kind = kind_for(contribution.kind)
    cafe = CafePage.objects.get(pk=contribution.page_id)
    language_code = get_language()
    if request.method == "POST":
        form = kind.form(request.POST, request.FILES, editing=True, language_code=language_code)
        if form.is_valid():
            try:
                services.contribution_propose_changes(source=contribution, data=form.content_data())
            except ValidationError as exc:
                form.add_error(None, exc)
            except services.ModerationUnavailable:
                return render(request, "contributions/unavailable.html", status=503)
            else:
                messages.success(request, _("Merci ! Vos changements sont partis aux modérateurs : le café reste tel quel "
                                            "sur le site jusqu'à leur accord, et vous recevrez leur réponse par e-mail."))
                return redirect("contributions:organiser", token=token)
        status = 400
    else:
        form = kind.form(initial=kind.builder.data_from_page(cafe, contribution), editing=True, language_code=language_code)
        status = 200
    context = {"form": form, "kind": kind, "cafe": cafe, "token": token, "pending": cafe.workflow_in_progress}
    return render(request, "contributions/organiser_changes.html", context, status=status)


@never_cache
@require_http_methods(["POST"])
def organiser_renew(request, token):
    """A new link by e-mail, to the address that declared the café; the same answer whoever asks."""
    ip = protection.client_ip(request)
    if protection.over_rate_limit(ip) or protection.rate_limited(ip):
        return render(request, "contributions/organiser_renewed.html", {"limited": True}, status=429)
    services.organiser_link_renew(token=token)
    return render(request, "contributions/organiser_renewed.html", {"limited": False})


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    # Mail scanners open links: the GET only shows a button, the POST confirms.
    try:
        if request.method == "GET":
            read_token(token, "confirm")
            return render(request, "contributions/confirm.html", {"token": token})
        contribution = services.contribution_confirm(token=token)
    except (TokenInvalid, TokenExpired) as exc:
        return _token_error(request, exc, "confirm")
    except Contribution.DoesNotExist:
        return _token_error(request, TokenInvalid(), "confirm")
    except services.ModerationUnavailable:
        return render(request, "contributions/unavailable.html", status=503)
    return render(request, "contributions/confirmed.html", {"contribution": contribution})


@never_cache
@require_http_methods(["GET", "POST"])
def status(request, token):
    try:
        contribution = contribution_for_status_token(token=token)
    except (TokenInvalid, TokenExpired) as exc:
        return _token_error(request, exc, "status")
    except Contribution.DoesNotExist:
        return _token_error(request, TokenInvalid(), "status")
    form, notice = None, ""
    if contribution.status == Status.CHANGES_REQUESTED:
        form_class = kind_for(contribution.kind).form
        language_code = contribution.locale.language_code
        if request.method == "POST":
            form = form_class(request.POST, request.FILES, editing=True, language_code=language_code)
            if form.is_valid():
                try:
                    with transaction.atomic():
                        services.contribution_resubmit(contribution=contribution, data=form.content_data(), uploads=form.uploads())
                except ValidationError as exc:
                    # Sent twice at once, or moderated meanwhile: the text stays in the form, with why.
                    form.add_error(None, exc)
                else:
                    messages.success(request, _("Merci ! Votre contribution modifiée est retournée aux modérateurs."))
                    return redirect(request.path)
        else:
            form = form_class(initial=contribution.data, editing=True, language_code=language_code)
    elif request.method == "POST":
        notice = _("Cette contribution n'attend plus de modification : ce que vous venez d'envoyer n'a pas été enregistré.")
    events = contribution.events.all()
    context = {"contribution": contribution, "form": form, "events": events, "Status": Status, "notice": notice}
    return render(request, "contributions/status.html", context)
