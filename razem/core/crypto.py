"""Field encryption at rest (S8): Fernet with a key list, newest first, so keys can rotate.

A keyed hash (blind index) lets exact-match search work on encrypted values such as PESEL.
"""

import hashlib
import hmac
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("RAZEM_FIELD_KEYS is empty: no key to encrypt personal data.")
    return MultiFernet([Fernet(key.encode()) for key in keys])


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.RAZEM_FIELD_KEYS))


def encrypt(plaintext: str) -> str:
    return fernet().encrypt(plaintext.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken as error:
        raise ImproperlyConfigured(
            "A value cannot be decrypted with RAZEM_FIELD_KEYS: a key is missing."
        ) from error


def rotate(token: str) -> str:
    """Re-encrypt a token with the newest key (MultiFernet.rotate)."""
    return fernet().rotate(token.encode("ascii")).decode("ascii")


def is_current(token: str) -> bool:
    primary = Fernet(settings.RAZEM_FIELD_KEYS[0].encode())
    try:
        primary.decrypt(token.encode("ascii"))
    except InvalidToken:
        return False
    return True


def blind_index(value: str) -> str:
    """HMAC-SHA256 of a normalised value, for exact-match look-ups of encrypted data."""
    if not settings.RAZEM_BLIND_INDEX_KEY:
        raise ImproperlyConfigured("RAZEM_BLIND_INDEX_KEY is empty: PESEL cannot be indexed.")
    key = settings.RAZEM_BLIND_INDEX_KEY.encode("utf-8")
    normalised = "".join(value.split()).upper()
    return hmac.new(key, normalised.encode("utf-8"), hashlib.sha256).hexdigest()


class EncryptedTextField(models.TextField):
    """Text stored encrypted; the empty string stays empty so 'not given' needs no key.

    Encrypted values cannot be filtered on; search uses a separate blind-index column.
    """

    def from_db_value(self, value, expression, connection):  # type: ignore[no-untyped-def]
        if not value:
            return value
        return decrypt(value)

    def get_prep_value(self, value):  # type: ignore[no-untyped-def]
        value = super().get_prep_value(value)
        if not value:
            return value
        return encrypt(value)

    def get_lookup(self, lookup_name):  # type: ignore[no-untyped-def]
        if lookup_name not in {"isnull", "exact"}:
            return None
        return super().get_lookup(lookup_name)
