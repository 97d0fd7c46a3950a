"""API keys for app makers: shown once when issued, stored as a SHA-256 digest."""

import hashlib
import secrets

from django.db import transaction

from complaints.models import ApiKey
from core import audit, memo


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def issue(name: str, *, by=None) -> tuple[ApiKey, str]:
    key = "sanad_" + secrets.token_urlsafe(30)
    with transaction.atomic():
        api_key = ApiKey.objects.create(name=name, prefix=key[6:14], digest=_digest(key))
        audit.record("complaints.api_key_issued", actor=by, obj=api_key, data={"name": name})
    return api_key, key


KEY_CACHE_SECONDS = 60


def find(key: str | None) -> ApiKey | None:
    """The active key, kept briefly in each process: a key switched off stops within a
    minute."""
    if not key:
        return None
    return _active_key(_digest(key.strip()))


@memo.for_seconds(KEY_CACHE_SECONDS, maxsize=1024)
def _active_key(digest: str) -> ApiKey | None:
    return ApiKey.objects.filter(digest=digest, is_active=True).first()
