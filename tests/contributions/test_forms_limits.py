"""Limits said next to the field and enforced with a message, never by cutting; errors summed up and linked."""
import re
from html import unescape

import pytest
from django import forms
from django.core import mail

from contributions import kinds
from contributions.models import Contribution, Status

from .conftest import act, common_fields, links_in
from .test_flow import TESTIMONY, _submit_and_confirm
from .test_forms import KINDS, FormValues, assert_everything_kept

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_moderation_tree")]

NBSP = "\xa0"
# The longest text of each kind, its limit as Django's French format writes it.
LONGEST = [("compte-rendu", "summary", 6000), ("temoignage", "body", 6000), ("format", "variations", 3000),
           ("cafe", "summary", 400)]


def _grouped(n: int) -> str:
    return f"{n:,}".replace(",", NBSP)


def _form(html) -> str:
    return re.search(r'<form [^>]*class="contribution-form".*?</form>', html, re.S).group(0)


def _tag(html, field_id, tag=r"(?:input|textarea|select)"):
    match = re.search(rf'<{tag}\b[^>]*\bid="{field_id}"[^>]*>', html)
    assert match, field_id
    return match.group(0)


@pytest.mark.parametrize("slug", kinds.KINDS)
def test_no_field_cuts_a_paste_short(client, slug):
    html = client.get(f"/fr/contribuer/{slug}/").content.decode()
    assert "<textarea" in _form(html) and "maxlength" not in _form(html)


@pytest.mark.parametrize(("slug", "name", "limit"), LONGEST)
def test_each_long_text_states_its_limit_next_to_the_field(client, slug, name, limit):
    html = client.get(f"/fr/contribuer/{slug}/").content.decode()
    textarea = _tag(html, f"id_{name}", "textarea")
    assert f'data-limit="{limit}"' in textarea
    assert f"id_{name}_helptext" in re.search(r'aria-describedby="([^"]*)"', textarea).group(1)
    help_text = re.search(rf'<p class="help" id="id_{name}_helptext">(.*?)</p>', html, re.S).group(1)
    assert f"{_grouped(limit)} caractères au plus" in help_text


@pytest.mark.parametrize(("language", "limit_text"), [("fr", f"6{NBSP}000 caractères au plus"), ("en", "6,000 characters at most"),
                                                       ("ar", "6000")])
def test_the_limit_is_written_in_the_readers_language(client, language, limit_text):
    html = client.get(f"/{language}/contribuer/temoignage/").content.decode()
    help_text = re.search(r'<p class="help" id="id_body_helptext">(.*?)</p>', html, re.S).group(1)
    assert limit_text in help_text
    assert not re.search("[\u0660-\u0669]", help_text)  # Western digits in Arabic too


@pytest.mark.parametrize(("slug", "name", "limit"), LONGEST)
def test_text_past_the_limit_gets_a_message_with_both_lengths_and_stays_in_the_field(submit, slug, name, limit):
    email = f"long-{slug}@example.org"
    pasted = ("Un long récit du café, avec ses détails. " * 400)[: limit + 2500].strip()
    data = {**common_fields(email), **KINDS[slug], name: pasted}
    response = submit(slug, data)
    assert response.status_code == 200
    html = response.content.decode()
    error = re.search(rf'<ul class="errorlist" id="id_{name}_error">(.*?)</ul>', html, re.S).group(1)
    assert f"{_grouped(len(pasted))} caractères" in error and f"{_grouped(limit)} au plus" in error
    assert FormValues(html).one(name) == pasted
    assert not Contribution.objects.filter(email=email).exists()


def test_8500_characters_pasted_into_a_6000_field_are_refused_not_cut(submit):
    pasted = "é" * 8500
    response = submit("compte-rendu", {**common_fields("coller@example.org"), **KINDS["compte-rendu"], "summary": pasted})
    html = response.content.decode()
    assert f"Trop long : 8{NBSP}500 caractères, pour 6{NBSP}000 au plus" in unescape(html)
    assert FormValues(html).one("summary") == pasted
    assert not Contribution.objects.filter(email="coller@example.org").exists()


def test_a_line_break_counts_as_one_character_as_in_the_browser(submit):
    # 6,000 characters as the reader's counter shows them; the browser sends each break as two.
    text = "\r\n".join(["x" * 99] * 60)
    assert len(text.replace("\r\n", "\n")) == 5999
    assert submit("temoignage", {**common_fields("lignes@example.org"), **TESTIMONY, "body": text}).status_code == 302
    assert Contribution.objects.get(email="lignes@example.org").data["body"] == text.replace("\r\n", "\n")


def test_too_many_or_too_long_lines_say_which_and_keep_the_text(submit):
    questions = "\n".join(["Une question ?"] * 2 + ["q" * 812])
    response = submit("compte-rendu", {**common_fields("lignes2@example.org"), **KINDS["compte-rendu"], "questions": questions})
    html = unescape(response.content.decode())
    assert "La ligne 3 fait 812 caractères, pour 500 au plus" in html
    assert FormValues(response.content.decode()).one("questions") == questions


def test_a_short_field_past_its_limit_also_gets_the_message(submit):
    data = {**common_fields("court@example.org"), **TESTIMONY, "role": "r" * 250}
    html = unescape(submit("temoignage", data).content.decode())
    assert "Trop long : 250 caractères, pour 200 au plus" in html


@pytest.mark.parametrize("slug", kinds.KINDS)
def test_the_error_summary_lists_and_links_each_faulty_field_and_takes_the_focus(submit, slug):
    data = {**common_fields(f"erreurs-{slug}@example.org"), "email": "pas une adresse", "consent": ""}
    response = submit(slug, data)
    assert response.status_code == 200
    html = response.content.decode()
    summary = re.search(r'<div class="error-summary"([^>]*)>(.*?)</div>', html, re.S)
    assert summary, "no error summary"
    assert 'tabindex="-1"' in summary.group(1) and "autofocus" in summary.group(1)
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary.group(2))
    faulty = set(re.findall(r'<ul class="errorlist" id="(id_[^"]+)_error">', html))
    assert {"id_email", "id_consent"} <= faulty
    linked = {anchor.removesuffix("_0") for anchor, _text in links}
    assert linked == faulty
    for anchor, text in links:
        assert f'id="{anchor}"' in html  # the link lands on a real input
        field_id = anchor.removesuffix("_0")
        tag = _tag(html, anchor)
        if not anchor.endswith("_0"):
            assert 'aria-invalid="true"' in tag and f"{field_id}_error" in tag
        else:  # radio buttons and checkboxes: the group carries the description
            assert re.search(rf'<fieldset aria-describedby="[^"]*{field_id}_error', html)
        assert " : " in unescape(text)
    assert "Un point à corriger" in html or "points à corriger" in html
    assert ". :" not in unescape(summary.group(2))  # a sentence label loses its full stop before the colon


def test_the_summary_and_the_error_name_a_radio_group_by_its_first_button(submit):
    data = {**common_fields("radio@example.org"), **KINDS["compte-rendu"], "author_credit_mode": ""}
    html = submit("compte-rendu", data).content.decode()
    assert 'href="#id_author_credit_mode_0"' in html and 'id="id_author_credit_mode_0"' in html


def test_markup_typed_in_every_text_field_comes_back_as_text(submit):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    fields = {name: f"{hostile} {name}" for name, field in kinds.KINDS["compte-rendu"].form().fields.items()
              if type(field) in (forms.CharField,) and name not in ("started", "website")}
    data = {**common_fields("balises@example.org"), **KINDS["compte-rendu"], **fields, "date": "demain"}
    response = submit("compte-rendu", data)
    html = response.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert html.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") >= len(fields)
    assert_everything_kept(html, data)


def test_an_oversized_value_is_a_message_not_an_error_page(submit):
    data = {**common_fields("enorme@example.org"), **TESTIMONY, "person_name": "N" * 200_000}
    response = submit("temoignage", data)
    assert response.status_code == 200
    assert "Trop long" in response.content.decode()


def test_the_status_page_resubmission_form_has_the_same_summary_and_limits(client, submit, confirm, moderators,
                                                                            django_capture_on_commit_callbacks):
    contribution = _submit_and_confirm(submit, confirm, "temoignage", {**TESTIMONY}, email="suivi@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        act(contribution.page, moderators["FR"], "reject", comment="Ajoutez votre ville.")
    status_path = next(link for link in links_in(mail.outbox[-1]) if "/suivi/" in link).split("testserver", 1)[1]
    html = client.get(status_path).content.decode()
    assert "maxlength" not in _form(html) and 'data-limit="6000"' in html
    too_long = "m" * 6001
    response = client.post(status_path, {**TESTIMONY, "role": "", "body": too_long})
    assert response.status_code == 200
    html = response.content.decode()
    summary = re.search(r'<div class="error-summary"[^>]*autofocus[^>]*>(.*?)</div>', html, re.S).group(1)
    assert 'href="#id_role"' in summary and 'href="#id_body"' in summary
    assert FormValues(html).one("body") == too_long
    contribution.refresh_from_db()
    assert contribution.status == Status.CHANGES_REQUESTED


def test_a_resubmission_after_the_moderators_moved_on_says_it_was_not_recorded(client, submit, confirm):
    contribution = _submit_and_confirm(submit, confirm, "temoignage", {**TESTIMONY}, email="tard@example.org")
    from contributions.tokens import make_token

    response = client.post(f"/fr/contribuer/suivi/{make_token(contribution.public_id, 'status')}/", {**TESTIMONY})
    assert response.status_code == 200
    assert "n'a pas été enregistré" in unescape(response.content.decode())
