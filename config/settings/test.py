"""Settings for the test suite: fast hashing, mail kept in memory, fixed keys."""

from config.settings.base import *  # noqa: F403

SECRET_KEY = "test-secret-key-not-for-production-0123456789abcdefghijklmnopqrstuvwxyz"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
RAZEM_FIELD_KEYS = [
    "5pKqLw8bJ0yq1n6Ck7bXv8f3iCzJ0b2m9Wc8x1yQ0-I=",
    "K8e1tq1Q4mH0m3y0v3x4b5n6m7q8w9e0r1t2y3u4i5o=",
]
RAZEM_BLIND_INDEX_KEY = "test-blind-index-key"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"] == "razem.core.db.sqlite":  # noqa: F405
    DATABASES["default"]["NAME"] = ":memory:"  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}  # noqa: F405
else:
    DATABASES["default"]["OPTIONS"].pop("pool", None)  # noqa: F405
LANGUAGE_CODE = "pl"
AXES_ENABLED = True
STATIC_ROOT = None
