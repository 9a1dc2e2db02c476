"""The subscription form of the lettre (footer and lettre pages)."""
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Votre adresse e-mail"), max_length=254)
    language = forms.ChoiceField(label=_("Langue de la lettre"), choices=settings.LANGUAGES)
    consent = forms.BooleanField(
        label=_("J'accepte de recevoir la lettre de Café IA. Mon adresse ne sert qu'à cela ; je peux me désinscrire à tout moment."),
    )
    # Left empty by people, filled by some robots.
    website = forms.CharField(required=False, label=_("Ne pas remplir"))
