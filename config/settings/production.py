"""Production: base settings, tightened. Everything secret comes from the environment."""

from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_str
from config.settings.base import *  # noqa: F403

SECRET_KEY = env_str("RAZEM_SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set RAZEM_SECRET_KEY for production.")
if not RAZEM_FIELD_KEYS or not RAZEM_BLIND_INDEX_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set RAZEM_FIELD_KEYS and RAZEM_BLIND_INDEX_KEY for production.")
DEBUG = False
SECURE_SSL_REDIRECT = env_bool("RAZEM_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("RAZEM_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_NAME = "__Host-razem_session"
CSRF_COOKIE_NAME = "__Host-razem_csrf"
WHITENOISE_USE_FINDERS = False
STATIC_ROOT = env_str("RAZEM_STATIC_ROOT", str(STATIC_ROOT))  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
