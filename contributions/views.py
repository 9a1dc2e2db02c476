"""Public side of contributions: the forms, the confirmation and the contributor's status page."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cafeia_site.views import read_only

from . import protection, services
from .choices import Status
from .kinds import KINDS, kind_for
from .models import Contribution
from .selectors import contribution_for_status_token
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


def _token_error(request, exc, purpose):
    expired = isinstance(exc, TokenExpired)
    return render(request, "contributions/token_error.html", {"expired": expired, "purpose": purpose}, status=410 if expired else 404)


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
