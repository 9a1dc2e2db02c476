"""Arabic, right to left, in a real browser: home, the Maroc section, a café, and a contribution sent end to end.

Screenshots of each test land in tests/browser/artifacts/.
"""
import quopri
import re
import time

import pytest
from playwright.sync_api import expect

from .conftest import ARTIFACTS, axe_violations, sent_mail

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def _rtl_and_clean(page):
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert axe_violations(page) == []


def _maroc_blocks_visible(page):
    """The landing blocks of the Maroc section: news, organisers, contact, moderators, each a labelled region."""
    main = page.locator("main")  # the footer has a "Contact" region of its own
    for heading in ("أخبار: المغرب", "من ينظّم المقاهي", "التواصل مع فريق هذا البلد", "الإشراف على المساهمات"):
        region = main.get_by_role("region", name=heading)
        expect(region).to_be_visible()
        expect(region.get_by_role("heading", level=2)).to_be_visible()
    expect(main.get_by_role("region", name="أخبار: المغرب").get_by_role("link", name="الرباط تحتضن أول مقهى ذكاء اصطناعي في المغرب")).to_be_visible()
    expect(main.get_by_role("region", name="من ينظّم المقاهي").get_by_role("link", name="جامعة الأخوين")).to_be_visible()
    expect(main.get_by_role("region", name="التواصل مع فريق هذا البلد").get_by_role("link", name="maroc@cafeia.example")).to_be_visible()
    contribute = main.get_by_role("region", name="الإشراف على المساهمات").get_by_role("link", name="المساهمة")
    expect(contribute).to_have_attribute("href", "/ar/contribuer/")
    # Right to left: the blocks start on the right.
    box = page.locator("#country-organisers-title").bounding_box()
    content = main.bounding_box()
    assert box["x"] + box["width"] > content["x"] + content["width"] / 2
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "maroc_section_ar.png"), full_page=True)


def test_home_maroc_section_and_a_cafe_in_arabic(page):
    from cafes.models import CafePage

    page.goto("/ar/")
    _rtl_and_clean(page)
    page.goto("/ar/cafes/maroc/")
    _rtl_and_clean(page)
    _maroc_blocks_visible(page)
    cafe = CafePage.objects.live().filter(locale__language_code="ar").first()
    page.goto(cafe.url)
    _rtl_and_clean(page)


def test_arabic_testimony_sent_end_to_end(page, server_url):
    page.goto("/ar/contribuer/temoignage/")
    _rtl_and_clean(page)
    form = page.locator("form.contribution-form")
    form.locator("#id_person_name").fill("سلمى بنعلي")
    form.locator("#id_role").fill("أستاذة في إفران")
    form.locator("#id_body").fill("تعلّمنا أن نطرح الأسئلة الصحيحة عن الذكاء الاصطناعي — ensemble.")
    form.locator("#id_email").fill("salma@example.org")
    form.locator("#id_consent").check()
    time.sleep(1.2)
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/ar/contribuer/merci/")
    _rtl_and_clean(page)
    message = quopri.decodestring(sent_mail()[-1].encode()).decode("utf-8", "replace")
    assert "salma@example.org" in message
    link = re.findall(r"https?://[^\s]+/ar/contribuer/confirmer/[^\s/]+/", message)[-1]
    page.goto(link.replace("http://testserver", server_url))
    page.get_by_role("button", name="أؤكّد").click()
    expect(page.locator("h1")).to_have_text("تم تأكيد المساهمة")
    _rtl_and_clean(page)

