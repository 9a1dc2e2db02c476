"""Links sent to contributors: signed, unguessable without the secret key, and expiring."""
from datetime import timedelta

from django.core import signing

CONFIRM_MAX_AGE = timedelta(days=7)
STATUS_MAX_AGE = timedelta(days=180)
_SALTS = {"confirm": "contributions.confirm", "status": "contributions.status"}


class TokenInvalid(Exception):
    """Forged, altered or truncated."""


class TokenExpired(Exception):
    """Genuine but too old."""


def make_token(public_id, purpose: str) -> str:
    return signing.dumps(str(public_id), salt=_SALTS[purpose], compress=False)


def read_token(token: str, purpose: str) -> str:
    max_age = CONFIRM_MAX_AGE if purpose == "confirm" else STATUS_MAX_AGE
    try:
        return signing.loads(token, salt=_SALTS[purpose], max_age=max_age)
    except signing.SignatureExpired as exc:
        raise TokenExpired from exc
    except signing.BadSignature as exc:
        raise TokenInvalid from exc
