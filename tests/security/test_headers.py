"""Security headers: a strict CSP on public pages, the admin exempt, cookies and deploy settings."""
import re

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.models import Page

from cafeia_site.security import content_security_policy, origin_of

from .endpoints import PUBLIC_GET_ENDPOINTS

pytestmark = pytest.mark.django_db


def _csp(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("url", PUBLIC_GET_ENDPOINTS + ["/fr/page-qui-n-existe-pas/"])
def test_public_responses_carry_a_strict_content_security_policy(client, module_site_tree, url):
    response = client.get(url)
    policy = _csp(response)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["frame-src"] == ["'none'"]
    assert policy["img-src"] == ["'self'", "data:"]


@pytest.mark.parametrize("url", PUBLIC_GET_ENDPOINTS)
def test_public_responses_carry_the_other_security_headers(client, module_site_tree, url):
    response = client.get(url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("geolocation", "camera", "microphone", "payment", "usb"):
        assert f"{feature}=()" in permissions


def test_the_admin_is_exempt_from_the_strict_policy_and_still_framed_by_nobody(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert response["X-Frame-Options"] in ("DENY", "SAMEORIGIN")


def test_the_map_tile_host_is_allowed_only_when_configured():
    assert origin_of("") is None
    assert origin_of("/static/tiles/{z}/{x}/{y}.png") is None
    assert origin_of("https://tiles.example.org/{z}/{x}/{y}.png") == "https://tiles.example.org"
    assert origin_of("https://{s}.tile.example.net:8443/{z}/{x}/{y}.png") == "https://*.tile.example.net:8443"
    policy = content_security_policy(tile_url="https://tiles.example.org/{z}/{x}/{y}.png")
    assert policy["DIRECTIVES"]["img-src"] == ["'self'", "data:", "https://tiles.example.org"]


def test_a_configured_video_origin_is_the_only_frame_source(client, module_site_tree):
    policy = content_security_policy(frame_sources=["https://www.youtube-nocookie.com"])
    with override_settings(CONTENT_SECURITY_POLICY=policy):
        response = client.get("/fr/")
    assert _csp(response)["frame-src"] == ["https://www.youtube-nocookie.com"]


INLINE_CODE = re.compile(
    # Data blocks (<script type="application/json"> or ld+json) are never executed: the CSP allows them.
    # A javascript: URL is code in an attribute; the word in a sentence ("needs JavaScript: …") is not.
    r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/(?:ld\+)?json\")[^>]*>\s*\S|<style\b|\sstyle=|\son[a-z]+=|=\s*[\"']?\s*javascript:",
    re.IGNORECASE
)


@pytest.mark.demo  # its content is the subject: every block, image and embed an editor can place
def test_no_public_page_has_inline_code_the_policy_would_block(client):
    """Walks every live page of the demo in every language: inline scripts, styles or handlers break under the CSP."""
    urls = [p.url for p in Page.objects.live().filter(depth__gt=1).specific() if p.url]
    assert len(urls) >= 3
    offenders = {}
    for url in urls + ["/fr/recherche/?q=caf%C3%A9", "/fr/nulle-part/"]:
        response = client.get(url)
        found = INLINE_CODE.findall(response.content.decode())
        if found:
            offenders[url] = found
    assert offenders == {}


def test_standalone_error_pages_have_no_inline_code():
    from django.template import loader

    for name in ("400.html", "405.html", "500.html", "503.html"):
        html = loader.get_template(name).render({})
        assert not INLINE_CODE.search(html), name


def test_production_cookies_are_secure_httponly_and_samesite():
    from importlib import import_module

    env = {
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "cafeia.example",
        "DATABASE_URL": "postgres://u:p@db/cafeia",
        "EMAIL_HOST": "smtp.example",
        "DEFAULT_FROM_EMAIL": "contact@cafeia.example",
    }
    with pytest.MonkeyPatch.context() as mp:
        for key, value in env.items():
            mp.setenv(key, value)
        import sys

        sys.modules.pop("cafeia_site.settings.production", None)
        production = import_module("cafeia_site.settings.production")
        sys.modules.pop("cafeia_site.settings.production", None)
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE and production.LANGUAGE_COOKIE_SECURE
    assert production.SESSION_COOKIE_HTTPONLY and production.LANGUAGE_COOKIE_HTTPONLY
    assert production.SESSION_COOKIE_SAMESITE == production.CSRF_COOKIE_SAMESITE == "Lax"
    assert production.SECURE_HSTS_SECONDS >= 31536000
    assert "'unsafe-inline'" not in str(production.CONTENT_SECURITY_POLICY)


def test_deploy_checks_pass_with_the_production_settings():
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="cafeia_site.settings.production",
        SECRET_KEY="a-long-random-production-secret-9f8e7d6c5b4a3928171605f4e3d2c1b0",
        ALLOWED_HOSTS="cafeia.example",
        DATABASE_URL="postgres://u:p@127.0.0.1:1/cafeia",
        EMAIL_HOST="smtp.example",
        DEFAULT_FROM_EMAIL="contact@cafeia.example",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
