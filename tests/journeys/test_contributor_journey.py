"""The contributor's job, for each kind, in French and in Arabic, with JavaScript off: fill the form, send it,
confirm from the e-mail, follow the status page; nothing of it is public before a moderator approves it;
then the page and its photo are public, the photo without its GPS position, and the e-mail's link opens it."""
import uuid

import pytest

from contributions.models import Contribution

from .conftest import admin_login
from .contributing import has_gps, link_in, mails_to, public_media_files, send_and_confirm
from .moderating import approve_from_queue

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("live_db")]

KINDS = ["compte-rendu", "format", "temoignage", "cafe"]


@pytest.mark.parametrize("language", ["fr", "ar"])
@pytest.mark.parametrize("kind", KINDS)
def test_a_contribution_from_the_form_to_its_publication(no_js_page, page, tmp_path, kind, language):
    run = uuid.uuid4().hex[:6]
    media_before = public_media_files()
    images_before = page.request.get("/api/v2/images/").json()["meta"]["total_count"]
    documents_before = page.request.get("/api/v2/documents/").json()["meta"]["total_count"]

    tab = no_js_page
    tab.goto(f"/{language}/contribuer/{kind}/")
    assert tab.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    sent = send_and_confirm(tab, kind=kind, language=language, run=run, tmp_path=tmp_path)
    email, title, files, status = sent["email"], sent["title"], sent["files"], sent["status"]
    tab.goto(status)
    assert title in tab.locator("main").inner_text()

    contribution = Contribution.objects.select_related("page").get(email=email)
    assert contribution.status == "in_moderation"
    assert contribution.country_code == ("MA" if language == "ar" else "FR")
    draft_path = contribution.page.specific.url
    assert page.request.get(draft_path).status == 404, "the draft is public before moderation"
    assert page.request.get("/api/v2/images/").json()["meta"]["total_count"] == images_before
    assert page.request.get("/api/v2/documents/").json()["meta"]["total_count"] == documents_before
    assert public_media_files() == media_before, "a file sent with the contribution is under the public media"
    assert title not in page.request.get(f"/api/v2/pages/?search={run}").text()

    moderator = "moderateur-maroc" if language == "ar" else "moderator"
    admin_login(page, moderator)
    approve_from_queue(page, title=title, files=list(files))

    published = mails_to(email)[-1]
    public_url = link_in(published, f"/{language}/", unless="/mon-cafe/")  # a café's e-mail also has its organiser's link
    tab.goto(public_url)
    assert tab.locator("html").get_attribute("lang") == language
    assert title in tab.locator("main").inner_text()
    if "photo_1" in files:
        src = tab.locator("main img").first.get_attribute("src")
        photo = tab.request.get(src)
        assert photo.status == 200 and not has_gps(photo.body())
    if "document_1" in files:
        link = tab.locator("main a[href*='/documents/']").first.get_attribute("href")
        assert tab.request.get(link).body().startswith(b"%PDF-")
    tab.goto(status)
    public_path = "/" + public_url.split("/", 3)[3]
    hrefs = tab.locator("main a[href]").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(h.endswith(public_path) for h in hrefs), f"the status page does not link to {public_path}: {hrefs}"
