"""A local install (`razem demo`, `razem runserver`): base settings plus per-folder keys."""

from config.settings.base import *  # noqa: F403
from razem.core import localkeys

SECRET_KEY, RAZEM_FIELD_KEYS, RAZEM_BLIND_INDEX_KEY = localkeys.resolve(
    DATA_DIR,  # noqa: F405
    SECRET_KEY,  # noqa: F405
    RAZEM_FIELD_KEYS,  # noqa: F405
    RAZEM_BLIND_INDEX_KEY,  # noqa: F405
)
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 - WhiteNoise expects it to exist
