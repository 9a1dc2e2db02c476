"""Language-prefixed URLs of the lettre's subscription (the lettre pages themselves are Wagtail pages)."""
from django.urls import path

from . import views

app_name = "lettre"

urlpatterns = [
    path("abonnement/", views.subscribe, name="subscribe"),
    path("abonnement/merci/", views.subscribe_done, name="subscribe_done"),
    path("abonnement/confirmer/<str:token>/", views.confirm, name="confirm"),
    path("abonnement/desinscription/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("abonnement/desinscription/<str:token>/un-clic/", views.unsubscribe_one_click, name="unsubscribe_one_click"),
]
