"""/data/lieux.json?country=FR&q=223: the places a café form offers as the person types (cafes/places/README.md)."""
from django.conf import settings
from django.http import HttpResponseBadRequest, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

from cafeia_site.views import read_only

from . import COUNTRIES, find

MAX_RESULTS = 10
CACHE_SECONDS = 86400  # the data changes only with a new release of the site
# CC BY 4.0 asks for it wherever the data is used (cafes/places/data/ATTRIBUTION.md).
ATTRIBUTION = "Communes : INSEE, DGCL, La Poste (Licence Ouverte 2.0) ; coordonnées et villes du Maroc : GeoNames (CC BY 4.0)"


def _result(place, text: str) -> dict:
    postcode = place.postcode_for(text)
    return {"code": place.code, "label": place.label_with(postcode), "name": place.name, "name_ar": place.name_ar,
            "postcode": postcode, "latitude": place.latitude, "longitude": place.longitude, "region": place.region,
            "department": place.department, "approximate": place.approximate}


@read_only
def places_json(request):
    country, text = request.GET.get("country", ""), request.GET.get("q", "")
    if not country and not text:  # nothing asked (a bare HEAD, a link checker): nothing found
        return _json([])
    if country not in COUNTRIES:
        language = request.GET.get("lang")
        with translation.override(language if language in dict(settings.LANGUAGES) else translation.get_language()):
            # The code typed is not echoed: nothing of a request goes back into a text/plain body.
            message = _("Pays inconnu. Pays de ces données : %(countries)s.") % {"countries": ", ".join(COUNTRIES)}
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    return _json([_result(place, text) for place in find(country, text, limit=MAX_RESULTS)])


def _json(results: list[dict]) -> JsonResponse:
    response = JsonResponse({"results": results, "attribution": ATTRIBUTION}, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return response
