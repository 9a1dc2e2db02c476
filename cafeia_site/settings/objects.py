"""Media on S3-compatible object storage (django-storages), when the environment names the buckets.

Several application servers cannot share a local media folder: with CAFEIA_S3_BUCKET set, public media
(Wagtail images, renditions, documents) go to one bucket and the files sent with contributions to another,
private one. Without it, nothing changes: local files stay the default (`make run`, the tests, CI).
Credentials are not read here: boto3 finds them itself (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,
an instance role, ~/.aws), so no secret sits in Django's settings.
"""
import copy
from collections.abc import Mapping
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from cafeia_site.security import origin_of

BACKEND = "storages.backends.s3.S3Storage"
# Long enough for a moderator's browser to follow the admin's redirect-free stream, never a lasting link.
PRIVATE_URL_SECONDS = 300


def _get(environ: Mapping[str, str], name: str) -> str | None:
    return (environ.get(name) or "").strip() or None


def object_storages(environ: Mapping[str, str]) -> dict | None:
    """STORAGES entries "default" and "contributions" on object storage, or None when no bucket is configured.

    The contributions' bucket must be its own: a public bucket is often made readable by a bucket-wide policy,
    which would publish every key in it whatever its ACL; a separate bucket with no public access cannot leak.
    """
    public_bucket = _get(environ, "CAFEIA_S3_BUCKET")
    private_bucket = _get(environ, "CAFEIA_S3_PRIVATE_BUCKET")
    if public_bucket is None:
        if private_bucket is not None:
            raise ImproperlyConfigured("CAFEIA_S3_PRIVATE_BUCKET is set without CAFEIA_S3_BUCKET.")
        return None
    if private_bucket is None or private_bucket == public_bucket:
        raise ImproperlyConfigured(
            "CAFEIA_S3_BUCKET needs CAFEIA_S3_PRIVATE_BUCKET, another bucket with no public access: "
            "the files sent with contributions are never public."
        )
    common = {
        "endpoint_url": _get(environ, "AWS_S3_ENDPOINT_URL"),
        "region_name": _get(environ, "AWS_S3_REGION_NAME"),
        # "path" for servers that do not give each bucket its own host name (MinIO, Garage, moto).
        "addressing_style": _get(environ, "AWS_S3_ADDRESSING_STYLE"),
        "signature_version": "s3v4",
        # Two uploads of "photo.jpg" are two objects, as on disk.
        "file_overwrite": False,
    }
    # "public-read" gives each object a public ACL; empty for providers where the bucket's policy makes it public
    # and object ACLs are refused (S3's "bucket owner enforced").
    public_acl = environ.get("CAFEIA_S3_PUBLIC_ACL", "public-read").strip() or None
    return {
        "default": {
            "BACKEND": BACKEND,
            "OPTIONS": {
                **common,
                "bucket_name": public_bucket,
                "default_acl": public_acl,
                # Public URLs, the same for everyone and cacheable: no signature, no expiry.
                "querystring_auth": False,
                "custom_domain": _get(environ, "AWS_S3_CUSTOM_DOMAIN"),
            },
        },
        "contributions": {
            "BACKEND": BACKEND,
            "OPTIONS": {
                **common,
                "bucket_name": private_bucket,
                "default_acl": "private",
                # Moderators read these files through the admin, which streams them (contributions.admin_views);
                # should anything ask the storage for a URL, it gets a signed one that expires, never a public one.
                "querystring_auth": True,
                "querystring_expire": PRIVATE_URL_SECONDS,
                "custom_domain": None,
            },
        },
    }


def media_origins(environ: Mapping[str, str]) -> list[str]:
    """The origins public media URLs start with, for the Content-Security-Policy: no request is made to find them.

    A custom domain is the only one. Otherwise boto3 builds the URL from the endpoint, with the bucket in the path
    or in the host name; when the addressing style is left to boto3, both are allowed.
    """
    custom_domain = _get(environ, "AWS_S3_CUSTOM_DOMAIN")
    if custom_domain:
        return [f"https://{custom_domain}"]
    bucket = _get(environ, "CAFEIA_S3_BUCKET")
    style = _get(environ, "AWS_S3_ADDRESSING_STYLE")
    endpoint = _get(environ, "AWS_S3_ENDPOINT_URL")
    if endpoint is None:
        region = _get(environ, "AWS_S3_REGION_NAME")
        hosts = [f"{bucket}.s3.amazonaws.com", *([f"{bucket}.s3.{region}.amazonaws.com"] if region else [])]
        if style == "path":
            hosts = ["s3.amazonaws.com", *([f"s3.{region}.amazonaws.com"] if region else [])]
        return [f"https://{host}" for host in hosts]
    origins = []
    if style != "virtual":
        origins.append(origin_of(endpoint))
    if style != "path":
        parts = urlsplit(endpoint)
        origins.append(origin_of(f"{parts.scheme}://{bucket}.{parts.netloc}"))
    return [origin for origin in origins if origin]


def with_media_origins(policy: dict, environ: Mapping[str, str]) -> dict:
    """django-csp's CONTENT_SECURITY_POLICY with the public bucket allowed for images and media: with 'self'
    alone, browsers would refuse every image of the site once its media move to object storage."""
    policy = copy.deepcopy(policy)
    directives = policy["DIRECTIVES"]
    for directive in ("img-src", "media-src"):
        directives[directive] = [*directives.get(directive, []), *media_origins(environ)]
    return policy
