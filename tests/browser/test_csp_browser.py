"""The strict Content-Security-Policy in a real browser: nothing on the public pages is blocked."""
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


def _violations(page, path):
    messages = []
    page.on("console", lambda msg: messages.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.add_init_script(LISTEN)
    response = page.goto(path)
    page.wait_for_load_state("networkidle")
    return response, page.evaluate("window.__cspViolations") + messages


@pytest.mark.parametrize("path", ["/fr/", "/ar/", "/fr/quest-ce-que-cafe-ia/", "/fr/recherche/?q=café", "/fr/nulle-part/"])
def test_public_pages_trigger_no_csp_violation(page, path):
    response, violations = _violations(page, path)
    assert "Content-Security-Policy" in {k.title() for k in response.headers} or "content-security-policy" in response.headers
    assert violations == []


def test_an_injected_inline_script_would_be_blocked(page):
    page.add_init_script(LISTEN)
    page.goto("/fr/")
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.append(s); }"
    )
    assert page.evaluate("window.__ran") is None
    assert any(v.startswith("script-src") for v in page.evaluate("window.__cspViolations"))


def test_an_editor_sees_the_userbar_on_public_pages_without_violations(page):
    page.goto("/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "cafeia-editor")
    page.locator("button[type=submit], input[type=submit]").first.click()
    page.wait_for_url("**/admin/")
    _response, violations = _violations(page, "/fr/")
    assert page.locator("wagtail-userbar").count() == 1
    assert violations == []
