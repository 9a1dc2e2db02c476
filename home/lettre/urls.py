"""Language-prefixed URLs of the lettre's subscription (the lettre pages themselves are Wagtail pages)."""
from django.urls import path

from . import views

urlpatterns = [
    path("abonnement/", views.subscribe, name="lettre_subscribe"),
    path("abonnement/merci/", views.subscribe_done, name="lettre_subscribe_done"),
    path("abonnement/confirmer/<str:token>/", views.confirm, name="lettre_confirm"),
    path("abonnement/desinscription/<str:token>/", views.unsubscribe, name="lettre_unsubscribe"),
    path("abonnement/desinscription/<str:token>/un-clic/", views.unsubscribe_one_click, name="lettre_unsubscribe_one_click"),
]
