"""The path of a submission: submit, confirm, moderate, and what the public can see at each step."""
from datetime import date

import pytest
from django.core import mail
from wagtail.models import Page

from cafes.models import CafePage, CafeReportPage
from contributions.models import Contribution, ContributionEvent, Status
from home import models as lettre_models
from ressources.models import ResourcePage

from .conftest import act, common_fields, links_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_moderation_tree")]

REPORT = {
    "cafe": "", "cafe_name": "Café IA du quartier Nord", "cafe_city": "Tours", "cafe_region": "Indre-et-Loire",
    "country": "FR", "date": "2026-10-02", "participants": "23", "audiences": ["seniors", "etudiants"],
    "themes": "travail, désinformation", "format": "", "summary": "Un débat animé sur les hypertrucages.",
    "questions": "Comment reconnaître une fausse vidéo ?\nQui contrôle les algorithmes ?",
    "proposals": "Un atelier d'éducation aux médias", "quotes": "On ne croit plus ce qu'on voit.",
    "author_credit_mode": "pseudonym", "author_credit": "Zoé des Tanneurs",
}
TESTIMONY = {"person_name": "Nadia Berrada", "role": "bibliothécaire à Ifrane", "body": "Les cafés ont ouvert ma bibliothèque.", "country_code": ""}
FORMAT = {
    "title": "Le jeu des intrus", "summary": "Repérer l'image générée parmi des photos.", "objectives": "", "audience": "everyone",
    "duration_minutes": "45", "group_min": "5", "group_max": "25", "with_screens": "without", "materials": "Des cartes imprimées",
    "variations": "", "authors": "Médiathèque de Vanves", "licence": "cc-by-sa-4.0", "licence_accepted": "on",
    "step_1_title": "Distribuer les cartes", "step_1_duration": "10", "step_1_text": "Chaque groupe reçoit dix images.",
    "step_2_title": "Débattre", "step_2_duration": "30", "step_2_text": "",
}
CAFE = {
    "title": "Café IA à la maison de quartier", "summary": "Parlons IA et démarches administratives.",
    "start": "2027-03-04T18:00", "end": "2027-03-04T20:00", "mode": "sur-place", "venue_name": "Maison de quartier",
    "address": "1 rue des Lilas", "postcode": "41000", "city": "Blois", "region": "Loir-et-Cher", "country": "FR",
    "organisation": "Association des Lilas", "audiences": ["tous-publics"], "price": "", "registration_url": "",
    "meeting_url": "", "moderator_contact": "06 00 00 00 00 (Mme Lefèvre)",
}
KINDS = [("compte-rendu", REPORT, CafeReportPage), ("temoignage", TESTIMONY, lettre_models.TestimonyPage),
         ("format", FORMAT, ResourcePage), ("cafe", CAFE, CafePage)]


def _submit_and_confirm(submit, confirm, slug, data, language="fr", email="contributrice@example.org"):
    mail.outbox = []
    response = submit(slug, {**common_fields(email), **data}, language=language)
    assert response.status_code == 302, response.content.decode()[:3000]
    contribution = Contribution.objects.get(email=email, status=Status.AWAITING_CONFIRMATION)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [email]
    confirm(mail.outbox[0])
    contribution.refresh_from_db()
    return contribution


@pytest.mark.parametrize("slug,data,model", KINDS, ids=[k[0] for k in KINDS])
def test_submit_confirm_approve_publishes_exactly_what_was_submitted(client, submit, confirm, moderators, slug, data, model, django_capture_on_commit_callbacks):
    contribution = _submit_and_confirm(submit, confirm, slug, data)
    assert contribution.status == Status.IN_MODERATION
    page = contribution.page.specific
    assert isinstance(page, model)
    assert not page.live
    assert client.get(page.url or f"/fr{page.url_path}").status_code == 404
    moderator = moderators["MA"] if data.get("country_code") == "MA" and False else moderators["FR"]
    with django_capture_on_commit_callbacks(execute=True):
        act(page, moderator, "approve")
    page.refresh_from_db()
    page = page.specific
    assert page.live
    html = client.get(page.url).content.decode()
    for key in ("summary", "body", "role", "person_name", "venue_name"):
        if key in data:
            assert data[key].split("'")[0] in html, key
    contribution.refresh_from_db()
    assert contribution.status == Status.PUBLISHED
    assert contribution.email not in html
    published = mail.outbox[-1]
    assert published.to == [contribution.email]
    assert page.full_url in published.body
    actions = list(ContributionEvent.objects.filter(contribution=contribution).values_list("action", flat=True))
    assert actions == ["submitted", "confirmed", "published"]


def test_report_fields_land_on_the_page(submit, confirm, moderators, django_capture_on_commit_callbacks):
    contribution = _submit_and_confirm(submit, confirm, "compte-rendu", REPORT)
    page = contribution.page.specific
    assert page.date == date(2026, 10, 2)
    assert page.participants == 23
    assert [q.text for q in page.questions.all()] == ["Comment reconnaître une fausse vidéo ?", "Qui contrôle les algorithmes ?"]
    assert [p.text for p in page.proposals.all()] == ["Un atelier d'éducation aux médias"]
    assert sorted(a.code for a in page.audiences.all()) == ["etudiants", "seniors"]
    assert sorted(t.name for t in page.themes.all()) == ["désinformation", "travail"]
    assert page.author_credit == "Zoé des Tanneurs"
    assert page.get_parent().specific.country_code == "FR"


def test_request_changes_then_edit_and_resubmit_then_approve(client, submit, confirm, moderators, django_capture_on_commit_callbacks):
    contribution = _submit_and_confirm(submit, confirm, "temoignage", {**TESTIMONY})
    page = contribution.page
    with django_capture_on_commit_callbacks(execute=True):
        act(page, moderators["FR"], "reject", comment="Précisez votre ville, s'il vous plaît.")
    contribution.refresh_from_db()
    assert contribution.status == Status.CHANGES_REQUESTED
    message = mail.outbox[-1]
    assert "Précisez votre ville" in message.body
    status_path = next(link for link in links_in(message) if "/suivi/" in link).split("testserver", 1)[1]
    html = client.get(status_path).content.decode()
    assert "Précisez votre ville" in html
    assert "Les cafés ont ouvert ma bibliothèque." in html  # the form comes back filled
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(status_path, {**TESTIMONY, "role": "bibliothécaire à Blois"})
    assert response.status_code == 302
    contribution.refresh_from_db()
    assert contribution.status == Status.IN_MODERATION
    with django_capture_on_commit_callbacks(execute=True):
        act(contribution.page, moderators["FR"], "approve")
    page = lettre_models.TestimonyPage.objects.get(pk=page.pk)
    assert page.live and page.role == "bibliothécaire à Blois"
    assert Contribution.objects.get(pk=contribution.pk).status == Status.PUBLISHED


def test_refused_contribution_is_never_public(client, submit, confirm, moderators, django_capture_on_commit_callbacks):
    contribution = _submit_and_confirm(submit, confirm, "cafe", {**CAFE, "title": "Café secret refusé"})
    with django_capture_on_commit_callbacks(execute=True):
        act(contribution.page, moderators["FR"], "refuse", comment="Ce n'est pas un café IA.")
    contribution.refresh_from_db()
    assert contribution.status == Status.REJECTED
    assert "Ce n'est pas un café IA." in mail.outbox[-1].body
    page = Page.objects.get(pk=contribution.page_id)
    assert not page.live and page.current_workflow_state is None
    for url in ["/fr/recherche/?q=secret", "/data/cafes.geojson", "/data/cafes.csv", "/data/cafes.ics",
                "/fr/cafes/", "/sitemap-fr.xml", "/api/v2/pages/?search=secret"]:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert "Café secret refusé" not in response.content.decode(), url


def test_editor_publishing_directly_counts_as_approval(submit, confirm, django_capture_on_commit_callbacks):
    contribution = _submit_and_confirm(submit, confirm, "temoignage", {**TESTIMONY})
    page = contribution.page.specific
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish()
    contribution.refresh_from_db()
    assert contribution.status == Status.PUBLISHED
    assert "publiée" in mail.outbox[-1].subject


def _reports_counted(client, country=""):
    return client.get("/data/synthese.json", {"year": 2026, "country": country}).json()["reports"]


def test_arabic_contribution_goes_to_the_maroc_tree_and_its_moderators(client, submit, confirm, moderators, django_capture_on_commit_callbacks):
    data = {**REPORT, "cafe_name": "مقهى الذكاء الاصطناعي 😀", "cafe_city": "إفران", "country": "MA",
            "summary": "نقاش حول الذكاء الاصطناعي والتعليم"}
    before = {code: _reports_counted(client, code) for code in ("", "MA", "FR")}
    contribution = _submit_and_confirm(submit, confirm, "compte-rendu", data, language="ar")
    page = contribution.page.specific
    assert page.locale.language_code == "ar"
    assert page.get_parent().specific.country_code == "MA"
    assert mail.outbox[-1].extra_headers["Content-Language"] == "ar"
    assert "مساهمت" in mail.outbox[-1].body  # "your contribution", from the ar catalog
    with pytest.raises(AssertionError):
        act(page, moderators["FR"], "approve")
    assert client.get(f"/ar/cafes/maroc/{page.slug}/").status_code == 404  # nothing public before approval
    with django_capture_on_commit_callbacks(execute=True):
        act(page, moderators["MA"], "approve")
    report = CafeReportPage.objects.get(pk=page.pk)
    assert report.live and report.url.startswith("/ar/cafes/maroc/")
    assert "نقاش حول الذكاء الاصطناعي والتعليم" in client.get(report.url).content.decode()
    # Counted in Morocco's figures and the national ones, never in France's.
    after = {code: _reports_counted(client, code) for code in ("", "MA", "FR")}
    assert after == {"": before[""] + 1, "MA": before["MA"] + 1, "FR": before["FR"]}


def test_approved_arabic_cafe_shows_in_the_maroc_section_and_national_list_only(client, submit, confirm, moderators, django_capture_on_commit_callbacks):
    title = "مقهى الذكاء الاصطناعي في إفران 🌿"
    data = {**CAFE, "title": title, "summary": "لقاء مفتوح للجميع", "city": "إفران", "postcode": "53000",
            "region": "فاس مكناس", "country": "MA", "organisation": "جمعية الأطلس"}
    contribution = _submit_and_confirm(submit, confirm, "cafe", data, language="ar", email="ifrane@example.org")
    page = contribution.page.specific
    assert page.locale.language_code == "ar" and page.get_parent().specific.country_code == "MA"
    assert title not in client.get("/ar/cafes/maroc/").content.decode()  # not before approval
    with django_capture_on_commit_callbacks(execute=True):
        act(page, moderators["MA"], "approve")
    assert title in client.get("/ar/cafes/maroc/").content.decode()
    assert title in client.get("/ar/cafes/").content.decode()
    assert title not in client.get("/ar/cafes/france/").content.decode()
    assert "ifrane@example.org" not in client.get(CafePage.objects.get(pk=page.pk).url).content.decode()
    assert mail.outbox[-1].subject == f"نُشرت مساهمتكم: {title}"  # told in Arabic
