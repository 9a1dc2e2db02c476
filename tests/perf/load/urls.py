"""The site's URLs plus the floor: a Django view that returns a fixed string."""
from django.http import HttpResponse
from django.urls import path

from cafeia_site.urls import handler404, handler500  # noqa: F401 (the same error pages)
from cafeia_site.urls import urlpatterns as site_urlpatterns


def floor(request):
    return HttpResponse("Café IA", content_type="text/plain; charset=utf-8")


urlpatterns = [path("banc-d-essai/plancher/", floor), *site_urlpatterns]
