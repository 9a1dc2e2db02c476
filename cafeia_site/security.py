"""Content-Security-Policy built from settings: strict on public pages, the admin left to Wagtail."""
from urllib.parse import urlsplit

from csp.constants import NONE, SELF
from django.conf import settings

# Paths whose responses get no CSP header: Wagtail's admin needs inline scripts and styles.
CSP_EXCLUDED_PREFIXES = ("/admin/",)


def origin_of(url: str) -> str | None:
    """`https://tiles.example.org/{z}/{x}/{y}.png` -> `https://tiles.example.org`; None if not absolute."""
    parts = urlsplit((url or "").strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname
    # Tile templates often carry a `{s}` subdomain placeholder: allow every subdomain then.
    if "{s}" in host:
        host = host.replace("{s}", "*")
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}"


def content_security_policy(*, tile_url: str = "", frame_sources: list[str] | tuple = ()) -> dict:
    """The value of django-csp 4's CONTENT_SECURITY_POLICY setting.

    No 'unsafe-inline' anywhere: templates load every script and stylesheet from /static/.
    `frame_sources` are the origins a click-to-load video may embed (none by default).
    """
    img_src = [SELF, "data:"]
    tile_origin = origin_of(tile_url)
    if tile_origin:
        img_src.append(tile_origin)
    return {
        "EXCLUDE_URL_PREFIXES": list(CSP_EXCLUDED_PREFIXES),
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF],
            "style-src": [SELF],
            "img-src": img_src,
            "font-src": [SELF],
            "connect-src": [SELF],
            "media-src": [SELF],
            "frame-src": list(frame_sources) or [NONE],
            "object-src": [NONE],
            "base-uri": [SELF],
            "form-action": [SELF],
            "frame-ancestors": [NONE],
        },
    }


# Browser features no page of this site uses; the map needs none of them either.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)


def client_ip(request) -> str | None:
    """The visitor's address for django-axes, trusting exactly CAFEIA_TRUSTED_PROXIES hops.

    Behind N reverse proxies that each append to X-Forwarded-For, the visitor is the N-th
    address from the right; any further-left value was written by the client and is ignored.
    """
    hops = int(getattr(settings, "CAFEIA_TRUSTED_PROXIES", 0) or 0)
    if hops > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR")

