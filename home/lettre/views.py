"""Public views of the lettre's subscription: subscribe, confirm, unsubscribe (page and one-click)."""
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import services
from .forms import SubscribeForm


# No CSRF token: the form is in every page's footer, and pages without one can be cached. A forged
# request could only send a confirmation e-mail, exactly as the form itself lets anyone do.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if form.is_valid():
            if not form.cleaned_data["website"]:
                services.subscriber_create(email=form.cleaned_data["email"], language=form.cleaned_data["language"])
            return redirect("lettre:subscribe_done")
    else:
        form = SubscribeForm(initial={"language": get_language()})
    return render(request, "home/lettre/subscribe.html", {"form": form}, status=400 if form.errors else 200)


def subscribe_done(request):
    return render(request, "home/lettre/subscribe_done.html")


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    # GET only shows a button: mail scanners that follow links must not confirm for people.
    if request.method == "GET":
        return render(request, "home/lettre/confirm.html", {"token": token, "result": None})
    result = services.subscriber_confirm(token=token)
    return render(request, "home/lettre/confirm.html", {"token": token, "result": result.value})


@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    if request.method == "POST":
        services.subscriber_unsubscribe(token=token)
        return render(request, "home/lettre/unsubscribe.html", {"token": token, "done": True})
    return render(request, "home/lettre/unsubscribe.html", {"token": token, "done": False})


@csrf_exempt
def unsubscribe_one_click(request, token: str):
    """RFC 8058 one-click unsubscribe: mail clients POST here, without cookies or CSRF token."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.subscriber_unsubscribe(token=token)
    return HttpResponse(status=200)
