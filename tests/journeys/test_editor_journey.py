"""The editor's job: write a lettre article with sections, publish it (readable at once in every language),
translate its Arabic alias into Arabic, publish that."""
import uuid

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from home.models import ArticleIndexPage, ArticlePage

from .conftest import admin_login, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("live_db")]

# The server commits what the browser does: a run-specific number keeps a reused test database unambiguous.
RUN = uuid.uuid4().hex[:6]
TITLE = f"Ce que les bibliothèques ont appris des cafés IA ({RUN})"
TITLE_AR = f"ما تعلّمته المكتبات من مقاهي الذكاء الاصطناعي ({RUN})"


def test_editor_writes_publishes_and_translates_an_article(page):
    index = ArticleIndexPage.objects.get(locale__language_code="fr")
    admin_login(page, "editor")

    page.goto(f"/admin/pages/add/home/articlepage/{index.pk}/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_chapeau").fill("Trois médiathèques racontent un an de cafés IA.")
    sections = page.locator("#panel-child-contenu-body-content")
    sections.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="texte").first.click()
    editor = sections.locator(".public-DraftEditor-content").first
    editor.wait_for()
    editor.click()
    page.keyboard.type("À Blois, à Nyons et à Vierzon, les cafés ont changé la façon d'accueillir le public.")
    expect(editor).to_contain_text("À Blois, à Nyons et à Vierzon")
    page.locator("#id_chapeau").click()  # Draftail writes its value into the form when it loses focus
    page.wait_for_timeout(500)
    page.locator("footer [data-w-dropdown-target=toggle]").last.click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_load_state()
    errors = page.locator(".error-message").all_inner_texts()
    assert "créée et publiée" in page.locator(".messages").inner_text(), errors

    article = ArticlePage.objects.get(title=TITLE, alias_of__isnull=True)  # published: aliased in ar and en
    assert article.live
    page.goto(article.url)
    assert page.get_by_role("heading", name=TITLE).is_visible()
    assert page.get_by_text("À Blois, à Nyons et à Vierzon").is_visible()

    # Published in French, it is already readable in Arabic: the alias, marked as French, and in the admin
    # wagtail-localize's own "translate this page" on it.
    page.goto("/ar/lettre/")
    expect(page.locator(f"a[lang='fr']:has-text('{TITLE}')").first).to_be_visible()
    alias = ArticlePage.objects.get(alias_of=article, locale__language_code="ar")
    page.goto(f"/admin/pages/{alias.pk}/edit/")
    page.get_by_role("link", name="Traduire cette page").click()
    page.wait_for_url(f"**/admin/localize/submit/page/{article.pk}/**")
    expect(page.get_by_label("العربية")).to_be_checked()
    page.get_by_role("button", name="Soumettre").click()
    page.wait_for_url("**/edit/")
    for text in (TITLE_AR, "ثلاث مكتبات تروي سنة من المقاهي.", "في بلوا ونيون وفيرزون غيّرت المقاهي طريقة استقبال الجمهور."):
        page.get_by_role("button", name="Traduire").first.click()
        page.locator("textarea").first.fill(text)
        page.get_by_role("button", name="Enregistrer").first.click()
        page.wait_for_timeout(300)
    page.get_by_role("button", name="Publier dans").click()
    page.wait_for_load_state()
    assert "publié" in page.locator(".messages").inner_text()

    translation = article.get_translation(Locale.objects.get(language_code="ar"))
    assert translation.pk == alias.pk and translation.alias_of_id is None  # the alias became the translation
    assert translation.live and translation.title == TITLE_AR
    page.goto("/ar/lettre/")
    page.get_by_role("link", name=TITLE_AR).first.click()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.get_by_role("heading", name=TITLE_AR).is_visible()
    assert axe_violations(page) == []
