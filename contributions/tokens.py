"""Links sent to contributors: signed, unguessable without the secret key, and expiring."""
from datetime import timedelta

from django.core import signing

MAX_AGES = {
    "confirm": timedelta(days=7),
    "status": timedelta(days=180),
    # An organiser's link to their café; renewable from the expired link itself (to the declaration's address).
    "organiser": timedelta(days=120),
}
_SALTS = {"confirm": "contributions.confirm", "status": "contributions.status", "organiser": "contributions.organiser"}


class TokenInvalid(Exception):
    """Forged, altered or truncated."""


class TokenExpired(Exception):
    """Genuine but too old."""


def make_token(public_id, purpose: str) -> str:
    return signing.dumps(str(public_id), salt=_SALTS[purpose], compress=False)


def read_token(token: str, purpose: str, *, expired_ok: bool = False) -> str:
    """The public id the token was made for; `expired_ok` to renew a genuine link that has expired."""
    try:
        return signing.loads(token, salt=_SALTS[purpose], max_age=None if expired_ok else MAX_AGES[purpose])
    except signing.SignatureExpired as exc:
        raise TokenExpired from exc
    except signing.BadSignature as exc:
        raise TokenInvalid from exc
