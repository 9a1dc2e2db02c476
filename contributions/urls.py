"""Public contribution URLs, under each language prefix (/fr/contribuer/...)."""
from django.urls import path

from . import views

app_name = "contributions"
urlpatterns = [
    path("", views.index, name="index"),
    path("merci/", views.thanks, name="thanks"),
    path("confirmer/<str:token>/", views.confirm, name="confirm"),
    path("suivi/<str:token>/", views.status, name="status"),
    path("<slug:slug>/", views.contribute, name="form"),
]
