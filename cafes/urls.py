"""Open-data URLs (outside the language prefix): /data/cafes.geojson, .ics, .csv, /data/cafes/<id>.ics and the
synthesis figures /data/synthese.json, .csv."""
from django.urls import path

from . import views
from .places import views as places_views
from .synthesis import exports

app_name = "cafes"

urlpatterns = [
    path("cafes.geojson", views.geojson, name="geojson"),
    path("cafes.ics", views.ics, name="ics"),
    path("cafes.csv", views.csv_export, name="csv"),
    path("cafes/<int:pk>.ics", views.cafe_ics, name="cafe_ics"),
    path("synthese.json", exports.synthesis_json, name="synthesis_json"),
    path("synthese.csv", exports.synthesis_csv, name="synthesis_csv"),
    path("lieux.json", places_views.places_json, name="places"),
]
