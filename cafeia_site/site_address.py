"""The site's public address: one configured fact (WAGTAILADMIN_BASE_URL) that the Wagtail Site record follows.

Wagtail builds `page.full_url`, the sitemap's `<loc>` and the API's `html_url` from the default Site's hostname
and port; e-mails build their links from the base URL. Keeping the Site in step with the setting makes them one.
"""
from urllib.parse import urlsplit

from django.conf import settings
from django.db import DatabaseError
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


class AddressError(ValueError):
    """The configured base URL cannot be stored in a Wagtail Site."""


def public_base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """An absolute link on the public address; absolute URLs pass through unchanged."""
    if not path or path.startswith(("http://", "https://")):
        return path or ""
    return public_base_url() + ("" if path.startswith("/") else "/") + path


def site_host_and_port(base_url: str | None = None) -> tuple[str, int]:
    parts = urlsplit(base_url or public_base_url())
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise AddressError(f"WAGTAILADMIN_BASE_URL must be http(s)://host[:port], not {base_url or public_base_url()!r}")
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    # Wagtail's Site.root_url writes https only for port 443, and http for every other port.
    if parts.scheme == "https" and port != 443:
        raise AddressError("Wagtail's Site can only express https on port 443: put the site behind a proxy on 443")
    if parts.path not in ("", "/"):
        raise AddressError("WAGTAILADMIN_BASE_URL must not have a path: the site is served from its root")
    return parts.hostname.lower(), port


def site_address_sync(*, base_url: str | None = None):
    """Sets the default Site's hostname and port from the base URL. Returns the Site, or None if there is none yet."""
    hostname, port = site_host_and_port(base_url)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()
    return site


def site_address_mismatch() -> str | None:
    """What disagrees between the setting and the Site record, or None when they agree (or no Site exists yet)."""
    try:
        expected = site_host_and_port()
    except AddressError as exc:
        return str(exc)
    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:
        return None  # no database yet (or not migrated): nothing can disagree
    if site is None:
        return None
    if (site.hostname, site.port) != expected:
        return f"the default Site is {site.root_url} but WAGTAILADMIN_BASE_URL is {public_base_url()}"
    return None
