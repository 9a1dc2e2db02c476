"""Public side of contributions: the forms, the confirmation and the contributor's status page."""
from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cafeia_site.views import read_only

from . import protection, services
from .kinds import FORMS_BY_SLUG, SLUG_BY_KIND
from .models import Contribution, Status
from .tokens import TokenExpired, TokenInvalid, read_token


@read_only
def index(request):
    return render(request, "contributions/index.html", {"kinds": FORMS_BY_SLUG})


@never_cache
@require_http_methods(["GET", "POST"])
def contribute(request, slug):
    form_class = FORMS_BY_SLUG.get(slug)
    if form_class is None:
        raise Http404
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, language_code=get_language())
        reason = form.spam_reason()
        if reason is None and protection.rate_limited(protection.client_ip(request)):
            reason = "rate_limit"
        if reason is not None:
            protection.count_spam(reason)
            status = 429 if reason == "rate_limit" else 400
            return render(request, "contributions/refused.html", {"reason": reason}, status=status)
        if form.is_valid():
            contribution, _created = services.contribution_submit(
                kind=form_class.kind,
                data=form.content_data(),
                email=form.cleaned_data["email"],
                language_code=get_language(),
                submission_key=form.cleaned_data["submission_key"],
                uploads=form.uploads(),
            )
            return redirect("contributions:thanks")
        messages.error(request, _("Certains champs sont à corriger : voyez les messages ci-dessous."))
    else:
        form = form_class(language_code=get_language())
    return render(request, "contributions/form.html", {"form": form, "slug": slug, "kind_label": form_class.label})


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
        contribution = services.contribution_for_status_token(token=token)
    except (TokenInvalid, TokenExpired) as exc:
        return _token_error(request, exc, "status")
    except Contribution.DoesNotExist:
        return _token_error(request, TokenInvalid(), "status")
    form = None
    if contribution.status == Status.CHANGES_REQUESTED:
        form_class = FORMS_BY_SLUG[SLUG_BY_KIND[contribution.kind]]
        if request.method == "POST":
            form = form_class(request.POST, request.FILES, editing=True, language_code=contribution.locale.language_code)
            if form.is_valid():
                with transaction.atomic():
                    services.contribution_resubmit(contribution=contribution, data=form.content_data(), uploads=form.uploads())
                messages.success(request, _("Merci ! Votre contribution modifiée est retournée aux modérateurs."))
                return redirect(request.path)
            messages.error(request, _("Certains champs sont à corriger : voyez les messages ci-dessous."))
        else:
            form = form_class(initial=contribution.data, editing=True, language_code=contribution.locale.language_code)
    events = contribution.events.all()
    return render(request, "contributions/status.html", {"contribution": contribution, "form": form, "events": events, "Status": Status})
