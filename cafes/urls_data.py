"""Open-data URLs (outside the language prefix): /data/cafes.geojson, .ics, .csv and /data/cafes/<id>.ics."""
from django.urls import path

from . import feeds, synthesis_views

app_name = "cafes_data"

urlpatterns = [
    path("cafes.geojson", feeds.geojson, name="geojson"),
    path("cafes.ics", feeds.ics, name="ics"),
    path("cafes.csv", feeds.csv_export, name="csv"),
    path("cafes/<int:pk>.ics", feeds.cafe_ics, name="cafe_ics"),
    path("synthese.json", synthesis_views.synthesis_json, name="synthesis_json"),
    path("synthese.csv", synthesis_views.synthesis_csv, name="synthesis_csv"),
]
