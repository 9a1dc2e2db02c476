"""Public contribution URLs, under each language prefix (/fr/contribuer/...)."""
from django.urls import path

from . import views

app_name = "contributions"
urlpatterns = [
    path("", views.index, name="index"),
    path("merci/", views.thanks, name="thanks"),
    path("confirmer/<str:token>/", views.confirm, name="confirm"),
    path("suivi/<str:token>/", views.status, name="status"),
    path("mon-cafe/<str:token>/", views.organiser, name="organiser"),
    path("mon-cafe/<str:token>/modifier/", views.organiser_changes, name="organiser_changes"),
    path("mon-cafe/<str:token>/nouveau-lien/", views.organiser_renew, name="organiser_renew"),
    path("<slug:slug>/", views.contribute, name="form"),
]
