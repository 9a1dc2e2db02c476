"""A testimony (« Le regard de… »): its form and the builder of its draft page in the lettre."""
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from home.models import TestimonyIndexPage, TestimonyPage

from ..builders import Builder
from ..forms import ContributionForm, country_choices


class TestimonyForm(ContributionForm):
    photo_slots = 1

    person_name = forms.CharField(label=_("Votre nom, tel qu'il sera publié"), max_length=120)
    role = forms.CharField(label=_("Ce que vous faites"), max_length=200, help_text=_("Par exemple : bibliothécaire à Blois."))
    body = forms.CharField(label=_("Votre témoignage"), widget=forms.Textarea(attrs={"rows": 10}), max_length=6000)
    country_code = forms.ChoiceField(label=_("Votre pays"), required=False, choices=[])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country_code"].choices = [("", "—")] + country_choices(self.language_code)

    def content_data(self):
        data = super().content_data()
        data["title"] = str(_("Le regard de %(name)s") % {"name": data["person_name"]})
        return data


class TestimonyBuilder(Builder):
    page_model = TestimonyPage

    def country_code(self, data):
        return data.get("country_code", "")

    def target_parent(self, data, *, locale, country_code):
        index = TestimonyIndexPage.objects.filter(locale=locale).first()
        if index is None:
            raise ValidationError(_("La page des témoignages n'existe pas dans cette langue."))
        return index

    def fill(self, page, data, contribution):
        page.person_name = data["person_name"]
        page.role = data["role"]
        page.body = data["body"]
        page.country_code = data.get("country_code", "")

    def attach(self, page, *, photos, documents):
        if not photos or page.photo_id is not None:
            return []  # a photo an editor chose stays
        page.photo = photos[0][1]
        return ["photo"]
