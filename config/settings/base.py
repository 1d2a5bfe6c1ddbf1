"""Settings shared by every environment. Production only tightens them."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config.env import data_dir, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PACKAGE_DIR = BASE_DIR / "razem"
DATA_DIR = data_dir()

# A local install gets a per-folder key (see razem.core.localkeys); production must set one.
SECRET_KEY = env_str("RAZEM_SECRET_KEY", "insecure-local-key-set-RAZEM_SECRET_KEY-in-production")
DEBUG = env_bool("RAZEM_DEBUG", False)
ALLOWED_HOSTS = env_list("RAZEM_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("RAZEM_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "razem.core",
    "razem.territory",
    "razem.accounts",
    "razem.audit",
    "razem.people",
    "razem.home",
    "razem.demo",
    "razem.cases",
    "whitenoise.runserver_nostatic",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "rules.apps.AutodiscoverRulesConfig",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "razem.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "razem.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "razem.accounts.middleware.SessionLimitsMiddleware",
    "razem.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "razem.accounts.middleware.ActiveMembershipMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "razem.accounts.context_processors.navigation",
            ],
        },
    },
]


def _database() -> dict:
    url = env_str("DATABASE_URL")
    if url:
        config = dj_database_url.parse(url, conn_max_age=0)
        if config["ENGINE"] == "django.db.backends.postgresql":
            # psycopg 3 pool inside each application process (Django 5.1+).
            config.setdefault("OPTIONS", {})["pool"] = env_bool("RAZEM_DB_POOL", True) and {
                "min_size": env_int("RAZEM_DB_POOL_MIN", 2),
                "max_size": env_int("RAZEM_DB_POOL_MAX", 10),
                "timeout": 10,
            }
            if not config["OPTIONS"]["pool"]:
                del config["OPTIONS"]["pool"]
        return config
    return {
        # WAL, a busy timeout and IMMEDIATE transactions: writers queue instead of failing
        # with "database is locked" (quality target P7).
        "ENGINE": "razem.core.db.sqlite",
        "NAME": str(DATA_DIR / "razem.sqlite3"),
        "OPTIONS": {
            "timeout": 30,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
        },
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sessions: 12 h absolute (cookie age), 15 min idle (SessionLimitsMiddleware).
SESSION_COOKIE_AGE = int(timedelta(hours=12).total_seconds())
RAZEM_SESSION_IDLE_SECONDS = env_int("RAZEM_SESSION_IDLE_SECONDS", 15 * 60)
RAZEM_SESSION_ABSOLUTE_SECONDS = SESSION_COOKIE_AGE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_NAME = "razem_session"
CSRF_COOKIE_NAME = "razem_csrf"

# django-axes: lock the account and address pair after 5 failures within 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

OTP_TOTP_ISSUER = "Razem"
OTP_TOTP_TOLERANCE = 1

LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", _("Polish")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = DATA_DIR / "files"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

EMAIL_BACKEND = env_str("RAZEM_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("RAZEM_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("RAZEM_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("RAZEM_EMAIL_USER")
EMAIL_HOST_PASSWORD = env_str("RAZEM_EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("RAZEM_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = env_str("RAZEM_EMAIL_FROM", "razem@localhost")

# Field encryption (S8): comma-separated Fernet keys, newest first; a separate key for the
# keyed hash (blind index) used for exact-match search of PESEL.
RAZEM_FIELD_KEYS = env_list("RAZEM_FIELD_KEYS", [])
RAZEM_BLIND_INDEX_KEY = env_str("RAZEM_BLIND_INDEX_KEY", "")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Razem API",
    "DESCRIPTION": "API of Razem: the municipal system for counteracting domestic violence.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # Swagger UI from the installed package, never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("RAZEM_LOG_LEVEL", "WARNING")},
}
