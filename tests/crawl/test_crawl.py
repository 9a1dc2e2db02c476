"""Each demo account's admin and each language's public site, crawled two levels deep: no 5xx, no link to a wrong host."""
import json
import os
import re
from dataclasses import asdict
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import Page, Site

from contributions.models import Contribution

from .crawler import PAGES_VISITED, Crawl, admin_menu_urls

pytestmark = pytest.mark.django_db

ROLES = ["administrateur", "editor", "moderator", "moderateur-maroc"]
LANGUAGES = ["fr", "ar", "en"]
ADMIN_MAX_PAGES = 600
ADMIN_PER_SHAPE = 2
ADMIN_PUBLIC_SAMPLE = 40
PUBLIC_MAX_PAGES = 400
# Menu entries each role's job needs: the crawl must start where that person starts.
MENU_NEEDS = {
    "administrateur": ["/admin/pages/", "/admin/contributions/", "/admin/users/"],
    "editor": ["/admin/pages/"],
    "moderator": ["/admin/contributions/"],
    "moderateur-maroc": ["/admin/contributions/"],
}
# And what is not their job: contributors' data stays with their moderators, accounts with the programme team.
MENU_FORBIDS = {
    "administrateur": [],
    "editor": ["/admin/contributions/", "/admin/users/", "/admin/groups/"],
    "moderator": ["/admin/users/", "/admin/groups/", "/admin/settings/"],
    "moderateur-maroc": ["/admin/users/", "/admin/groups/", "/admin/settings/"],
}
# Failures owned by work in progress elsewhere, like xfail(strict=True): each must still fail where it is
# reached, and the test fails once one answers again, until its entry is removed.
KNOWN_FAILURES: dict[re.Pattern, str] = {}
# Host names that mean "this site" under some other name: a link to one of them must use the configured address.
LOCAL_HOSTS = {"localhost", "127.0.0.1", "0.0.0.0", "[::1]", "::1", "testserver"}  # noqa: S104


def _login(username: str) -> Client:
    client = Client(raise_request_exception=False)
    response = client.post("/admin/login/", {"username": username, "password": settings.DEMO_PASSWORDS[username]})
    assert response.status_code == 302, f"{username} could not log in with the demo password"
    return client


def _admin_shape():
    """The view an admin path shows and how many of it to open, so that the crawl sees every kind of view.

    A page's editor and its preview differ by page type, and a translation opens wagtail-localize's editor:
    one of each type, source and translation apart. A page's other views (its children, history, move,
    copy...) are one view whatever the page, like any other view of an object by id: a few.
    Contributions differ by kind: one of each. Public pages linked from the admin are the anonymous crawl's
    subject; here a sample of them shows they answer to someone logged in (Wagtail's user bar).
    """
    default = settings.LANGUAGE_CODE
    pages = {
        pk: f"{model}-{'source' if locale == default else 'translation'}"
        for pk, model, locale in Page.objects.values_list("pk", "content_type__model", "locale__language_code")
    }
    kinds = dict(Contribution.objects.values_list("pk", "kind"))

    def shape(path: str) -> tuple[str, int]:
        if not path.startswith("/admin/"):
            return "public", ADMIN_PUBLIC_SAMPLE
        if match := re.match(r"^/admin/pages/(\d+)/(edit/(?:preview/)?)$", path):
            return f"/admin/pages/{pages.get(int(match[1]), 'N')}/{match[2]}", 1
        if match := re.match(r"^/admin/contributions/(\d+)/$", path):
            return f"/admin/contributions/{kinds.get(int(match[1]), 'N')}/", 1
        return re.sub(r"\d+", "N", path), ADMIN_PER_SHAPE

    return shape


def _wrong_host_links(crawl: Crawl) -> list[str]:
    """Absolute links to this site's own names that are not exactly the configured public address, per page."""
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    ours = LOCAL_HOSTS | {base.hostname} | set(Site.objects.values_list("hostname", flat=True))
    wrong: dict[tuple[str, str], list[str]] = {}
    for page, where, link in crawl.mentions:
        parts = urlsplit(f"{base.scheme}:{link}" if link.startswith("//") else link)
        if parts.hostname in ours and (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
            wrong.setdefault((page, f"{parts.scheme}://{parts.netloc}"), []).append(f"{where} {link}")
    return [
        f"{len(links)} links to {origin} (not {base.scheme}://{base.netloc}) in {page}, e.g. {links[0]}"
        for (page, origin), links in sorted(wrong.items())
    ]


def _verdict(role: str, crawl: Crawl, also: list[str] = ()):
    PAGES_VISITED[role] = crawl.summary()
    print(f"crawl {role}: {crawl.summary()}")
    for error in crawl.client_errors:
        print(f"  {error.status} {error.url} (linked from {error.referrer})")
    if os.environ.get("CAFEIA_CRAWL_DUMP"):
        # Where the crawl went, for whoever needs to see it: one JSON file per role.
        dump = Path(os.environ["CAFEIA_CRAWL_DUMP"]) / (re.sub(r"\W+", "_", role).strip("_") + ".json")
        dump.parent.mkdir(parents=True, exist_ok=True)
        dump.write_text(json.dumps({"visits": [asdict(v) for v in crawl.visits], "mentions": crawl.mentions}, indent=1))
    # A crawl that found no links (a changed menu, a parser that reads nothing) would pass without looking.
    assert any(v.depth == crawl.levels and v.status == 200 for v in crawl.visits), f"{role}: never reached level 2"
    known = {pattern: [] for pattern in KNOWN_FAILURES}
    unknown = []
    for failure in crawl.failures:
        pattern = next((p for p in KNOWN_FAILURES if p.match(urlsplit(failure.url).path)), None)
        (known[pattern] if pattern else unknown).append(failure)
    reached = {p for p in KNOWN_FAILURES if any(p.match(urlsplit(v.url).path) for v in crawl.visits)}
    stale = [
        f"{pattern.pattern} answers again ({KNOWN_FAILURES[pattern]}): remove it from KNOWN_FAILURES"
        for pattern in reached
        if not known[pattern]
    ]
    problems = [*(f"5xx: {failure}" for failure in unknown), *also, *stale]
    if problems:
        pytest.fail(f"{role}, {crawl.summary()}:\n  " + "\n  ".join(problems), pytrace=False)
    expected = [f"{failure.url}: {KNOWN_FAILURES[p]}" for p, failures in known.items() for failure in failures]
    if expected:
        pytest.xfail(f"{len(expected)} known failures: " + "; ".join(expected[:3]))


@pytest.mark.parametrize("username", ROLES)
def test_each_admin_menu_entry_and_the_pages_it_links_to_answer_without_server_error(username):
    client = _login(username)
    menu = admin_menu_urls(client.get("/admin/").content.decode())
    missing = [url for url in MENU_NEEDS[username] if url not in menu]
    assert not missing, f"{username}'s admin menu lacks {missing}; it has {menu}"
    extra = [url for url in menu if any(url.startswith(prefix) for prefix in MENU_FORBIDS[username])]
    assert not extra, f"{username}'s admin menu offers {extra}, which is not this role's job"
    # The public pages the admin links to (view live, previews' links) answer; the anonymous crawl explores them.
    crawl = Crawl(client, levels=2, max_pages=ADMIN_MAX_PAGES, shape=_admin_shape(), within="/admin/")
    crawl.run(["/admin/", *menu])
    _verdict(username, crawl, [f"wrong host: {line}" for line in _wrong_host_links(crawl)])


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_link_two_levels_from_each_home_answers_and_stays_on_the_configured_host(language):
    crawl = Crawl(Client(raise_request_exception=False), levels=2, max_pages=PUBLIC_MAX_PAGES).run([f"/{language}/"])
    _verdict(f"anonymous /{language}/", crawl, [f"wrong host: {line}" for line in _wrong_host_links(crawl)])
