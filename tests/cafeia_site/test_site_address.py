"""One public address: the Site record follows WAGTAILADMIN_BASE_URL, and every absolute link uses it."""
import io
import json

import pytest
from django.core.checks import run_checks
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page, Site

from cafeia_site.site_address import site_address_sync

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]


def _errors():
    return [e for e in run_checks() if e.id == "cafeia_site.E001"]


def test_the_site_is_on_the_configured_address(settings):
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    assert Site.objects.count() == 1
    assert _errors() == []


def test_a_site_that_disagrees_fails_the_system_check_and_the_command_repairs_it(settings):
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    errors = _errors()
    assert len(errors) == 1 and "http://localhost" in errors[0].msg and "sync_site_address" in errors[0].hint
    out = io.StringIO()
    call_command("sync_site_address", stdout=out)
    assert settings.WAGTAILADMIN_BASE_URL.rstrip("/") in out.getvalue()
    assert _errors() == []


@pytest.mark.parametrize("base_url", ["ftp://cafeia.example", "https://cafeia.example:8443", "https://cafeia.example/site/"])
def test_a_base_url_a_site_cannot_hold_is_refused_with_a_reason(base_url):
    with override_settings(WAGTAILADMIN_BASE_URL=base_url):
        with pytest.raises(CommandError):
            call_command("sync_site_address", stdout=io.StringIO())
        assert len(_errors()) == 1


@override_settings(WAGTAILADMIN_BASE_URL="https://cafeia.example", ALLOWED_HOSTS=["cafeia.example", "testserver"])
def test_pages_sitemap_and_api_link_to_the_public_address(client, module_site_tree):
    site_address_sync()
    page = Page.objects.get(pk=module_site_tree.about["fr"].pk).specific
    assert page.full_url.startswith("https://cafeia.example/fr/")

    sitemap = client.get("/sitemap.xml", HTTP_HOST="cafeia.example", secure=True)
    body = sitemap.content.decode()
    if "<sitemapindex" in body:  # one sitemap per language: read the French one
        first = body.split("<loc>")[1].split("</loc>")[0]
        assert first.startswith("https://cafeia.example/")
        body = client.get(first.replace("https://cafeia.example", ""), HTTP_HOST="cafeia.example", secure=True).content.decode()
    locs = [chunk.split("</loc>")[0] for chunk in body.split("<loc>")[1:]]
    assert locs and all(loc.startswith("https://cafeia.example/") for loc in locs)

    api = client.get("/api/v2/pages/?limit=20", HTTP_HOST="cafeia.example", secure=True)
    items = json.loads(api.content)["items"]
    assert items and all(item["meta"]["html_url"].startswith("https://cafeia.example/") for item in items)
