"""Open-data exports of the synthesis figures: /data/synthese.json and /data/synthese.csv."""
from django.http import HttpResponse, JsonResponse

from cafeia_site.views import read_only

from .. import spreadsheet
from .figures import current_year, figures_for

LICENCE = "CC BY-NC 4.0 — https://creativecommons.org/licenses/by-nc/4.0/"


def _params(request) -> tuple[int, str] | HttpResponse:
    try:
        year = int(request.GET.get("year", current_year()))
    except ValueError:
        return HttpResponse("year must be a number, e.g. ?year=2025\n", status=400, content_type="text/plain")
    if not 2024 <= year <= 2100:
        return HttpResponse("year must be between 2024 and 2100\n", status=400, content_type="text/plain")
    country = request.GET.get("country", "").upper()
    if country and not (len(country) == 2 and country.isascii() and country.isalpha()):
        return HttpResponse("country must be a two-letter code, e.g. ?country=MA\n", status=400, content_type="text/plain")
    return year, country


@read_only
def synthesis_json(request):
    params = _params(request)
    if isinstance(params, HttpResponse):
        return params
    year, country = params
    data = {"licence": LICENCE, **figures_for(year=year, country_code=country).as_dict()}
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})


@read_only
def synthesis_csv(request):
    """One row per figure: section, key, value — simple to open in a spreadsheet."""
    params = _params(request)
    if isinstance(params, HttpResponse):
        return params
    year, country = params
    figures = figures_for(year=year, country_code=country).as_dict()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="synthese-{year}{"-" + country if country else ""}.csv"'
    writer = spreadsheet.writer(response)
    writer.writerow(["section", "key", "value", "extra"])
    for name in ("year", "country", "cafes_held", "capital", "cafes_outside_capital", "reports", "participants_total", "reports_with_participants"):
        writer.writerow(["total", name, "" if figures[name] is None else figures[name], ""])
    for row in figures["cafes_by_region"]:
        writer.writerow(["region", row["region"] or "", row["cafes"], ""])
    for row in figures["cafes_by_month"]:
        writer.writerow(["month", row["month"], row["cafes"], ""])
    for row in figures["by_audience"]:
        writer.writerow(["audience", row["audience"], row["reports"], row["participants"]])
    for row in figures["formats"]:
        writer.writerow(["format", row["title"], row["reports"], row["resource_id"]])
    for row in figures["themes"]:
        writer.writerow(["theme", row["theme"], row["reports"], ""])
    writer.writerow(["licence", "", LICENCE, ""])
    return response
