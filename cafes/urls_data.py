"""Open-data URLs (outside the language prefix): /data/cafes.geojson, .ics, .csv and /data/cafes/<id>.ics."""
from django.urls import path

from . import feeds

app_name = "cafes_data"

urlpatterns = [
    path("cafes.geojson", feeds.geojson, name="geojson"),
    path("cafes.ics", feeds.ics, name="ics"),
    path("cafes.csv", feeds.csv_export, name="csv"),
    path("cafes/<int:pk>.ics", feeds.cafe_ics, name="cafe_ics"),
]
