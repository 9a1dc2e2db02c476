"""The moderators' job, France and Maroc: find a contribution in the queue, open it, read its data and files,
request changes with a comment, approve after the contributor's edit, refuse another with a reason; each sees
only their country, and neither can act on the other's by URL."""
import re
import uuid

import pytest

from contributions.models import Contribution

from .conftest import admin_login
from .contributing import link_in, mails_to, send_and_confirm
from .moderating import decide, open_from_queue, tells_who_is_emailed

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("live_db")]

MODERATORS = {"fr": ("moderator", "moderateur-maroc"), "ar": ("moderateur-maroc", "moderator")}


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_moderator_requests_changes_approves_the_edit_and_refuses_another(no_js_page, page, tmp_path, language):
    moderator, other = MODERATORS[language]
    run = uuid.uuid4().hex[:6]
    report = send_and_confirm(no_js_page, kind="compte-rendu", language=language, run=run, tmp_path=tmp_path)
    testimony = send_and_confirm(no_js_page, kind="temoignage", language=language, run=run, tmp_path=tmp_path)
    report_pk = Contribution.objects.get(email=report["email"]).pk

    # The other country's moderator sees neither, and cannot reach them by URL.
    admin_login(page, other)
    page.goto("/admin/contributions/")
    queue = page.locator("main").inner_text()
    assert report["title"] not in queue and testimony["title"] not in queue
    assert page.request.get(f"/admin/contributions/{report_pk}/").status in (403, 404)
    forged = page.request.post(f"/admin/contributions/{report_pk}/decision/", form={"action": "approve"})
    assert forged.status in (403, 404)
    page.context.clear_cookies()

    admin_login(page, moderator)
    open_from_queue(page, title=report["title"])
    detail = page.locator("main").inner_text()
    assert report["email"].split("@")[1] in detail, "the moderator sees how to reach the contributor"
    photo = page.locator("main img[src*='/files/']").first
    assert page.request.get(photo.get_attribute("src")).status == 200

    comment = "Pouvez-vous préciser le nombre de participants ?" if language == "fr" else "هل يمكن تحديد عدد المشاركين؟"
    message = decide(page, action="reject", comment=comment)
    assert tells_who_is_emailed(message), message
    changes = mails_to(report["email"])[-1]
    assert comment in changes

    # The contributor edits through the status link (JavaScript off) and sends it back.
    tab = no_js_page
    tab.goto(link_in(changes, "/suivi/"))
    form = tab.locator("main form").filter(has=tab.locator("[name=participants]"))
    form.locator("[name=participants]").fill("21")
    form.locator("button[type=submit]").click()
    tab.wait_for_load_state()
    assert Contribution.objects.get(pk=report_pk).status == "in_moderation"

    open_from_queue(page, title=report["title"])
    assert "21" in page.locator("main").inner_text()
    assert tells_who_is_emailed(decide(page, action="approve"))
    assert Contribution.objects.get(pk=report_pk).status == "published"
    tab.goto(link_in(mails_to(report["email"])[-1], f"/{language}/"))
    assert report["title"] in tab.locator("main").inner_text()

    open_from_queue(page, title=testimony["title"])
    refuse = page.locator("form.moderation-decision:has(input[name=action][value=refuse])")
    refuse.locator("button[type=submit]").click()  # no reason: the form does not go, nothing changes
    assert refuse.locator("textarea").evaluate("t => t.matches(':invalid')")
    assert Contribution.objects.get(email=testimony["email"]).status == "in_moderation"
    reason = "Ce témoignage parle d'autre chose que des cafés IA." if language == "fr" else "هذه الشهادة لا تتعلق بالمقاهي."
    assert tells_who_is_emailed(decide(page, action="refuse", comment=reason))
    assert Contribution.objects.get(email=testimony["email"]).status == "rejected"
    assert reason in mails_to(testimony["email"])[-1]
    assert not re.search(r"/(original_images|documents)/", mails_to(testimony["email"])[-1])
