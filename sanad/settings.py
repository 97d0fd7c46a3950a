"""Sanad's one settings module, read from environment variables.

Development needs no variables at all; production (DEBUG=0) refuses to start
without a real SECRET_KEY and ALLOWED_HOSTS.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("SANAD_VAR_DIR", BASE_DIR / "var"))

DEVELOPMENT_SECRET_KEY = "sanad-development-only-key-never-use-in-production"  # noqa: S105


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1/0, true/false, yes/no or on/off, not {value!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    try:
        return int(value) if value else default
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


DEBUG = env_bool("DEBUG", True)
# Each entry is added next to the setting it concerns, with the reason.
SILENCED_SYSTEM_CHECKS: list[str] = []

SECRET_KEY = os.environ.get("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Sanad refuses to run with DEBUG=0 on the development key: "
        "set SECRET_KEY to a long random value (python -c 'import secrets; "
        "print(secrets.token_urlsafe(50))')."
    )

# Salt for the key that encrypts personal data at rest (with SECRET_KEY; see README).
DEVELOPMENT_SALT_KEY = "sanad-development-salt"
SALT_KEY = os.environ.get("FIELD_ENCRYPTION_SALT", DEVELOPMENT_SALT_KEY)
if not DEBUG and SALT_KEY == DEVELOPMENT_SALT_KEY:
    raise ImproperlyConfigured(
        "FIELD_ENCRYPTION_SALT is not set. Personal data is encrypted with SECRET_KEY and this "
        "salt; set it to a long random value and never change it (keep old ones in a list)."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's host names when DEBUG=0.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "django_ratelimit",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "core",
    "accounts",
    "registry",
    "complaints",
    "fund",
    "triage",
    "care",
    "training",
    "impact",
    "maturity",
    "portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.middleware.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.SecondFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the middleware the error page needs; no middleware before it reads the body.
    "core.middleware.RequestSizeLimitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    # Axes last, as its documentation asks: it turns lockouts into responses.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sanad.urls"
WSGI_APPLICATION = "sanad.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Only templates that change another app's (the admin's base_site.html): found
        # before the apps' own, which keep everything else.
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "core.context_processors.language_links",
                "portal.context_processors.navigation",
                "portal.context_processors.footer_pages",
            ],
        },
    },
    # Only for the few hot fragments that the view renders itself (the workbench's rows),
    # from an app's jinja2/ folder; pages stay with the Django engine.
    {"BACKEND": "django.template.backends.jinja2.Jinja2", "APP_DIRS": True},
]

FORM_RENDERER = "core.form_renderer.WidgetRenderer"

# --- Database -------------------------------------------------------------
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'sanad.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE takes the write lock when a transaction starts, so two writers
    # queue instead of failing half-way (the audit chain relies on it).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # Tests too get a file, not SQLite's shared in-memory database: there a second writer
    # (the browser tests' live server answers on threads) fails at once with "table is
    # locked" instead of waiting its turn as it does here and in production.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (Redis when REDIS_URL is set; it also holds rate-limit counters) --
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "sanad",
        }
    }
elif DEBUG:
    # One process in development: an in-process cache will do, though
    # django-ratelimit rightly says it is not shared (E003, W001).
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SILENCED_SYSTEM_CHECKS += ["django_ratelimit.E003", "django_ratelimit.W001"]
else:
    raise ImproperlyConfigured(
        "REDIS_URL is required when DEBUG=0: rate limits and caches must be shared by "
        "every application server (for example REDIS_URL=redis://127.0.0.1:6379/0)."
    )
RATELIMIT_VIEW = "core.views.rate_limited"
CSRF_FAILURE_VIEW = "core.views.csrf_failure"

# --- Accounts and sign-in -------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Django's checks, said in Sanad's words (accounts/passwords.py says why).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "accounts.passwords.SimilarityValidator"},
    {"NAME": "accounts.passwords.LengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "accounts.passwords.CommonPasswordValidator"},
    {"NAME": "accounts.passwords.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:profile"
LOGOUT_REDIRECT_URL = "portal:home"

# Repeated failed sign-ins lock the account (from any address) for a while; a
# success clears the count. Not the address: a whole directorate signs in from
# behind one address, so guessing across accounts is rate-limited per address
# instead (SIGN_IN_RATE, accounts.views).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username"]
SIGN_IN_RATE = os.environ.get("SIGN_IN_RATE", "200/h")
# Posts one address may make to a public form (filing and tracking cases).
PUBLIC_FORM_RATE = os.environ.get("PUBLIC_FORM_RATE", "30/h")
# axes.W006 warns that addresses are not locked: deliberate, see above.
SILENCED_SYSTEM_CHECKS += ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_VERBOSE = False

OTP_TOTP_ISSUER = "Sanad"

# --- Internationalization -------------------------------------------------
LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", _("Arabic")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Africa/Cairo"
USE_I18N = True
FORMAT_MODULE_PATH = ["sanad.formats"]
USE_TZ = True
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static files and uploads ---------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Five attachments of 10 MB and the form around them.
MAX_REQUEST_BYTES = env_int("MAX_REQUEST_BYTES", 55 * 1024 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000

# --- E-mail ----------------------------------------------------------------
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
# The national complaints platform (docs/national-platform.md).
NATIONAL_PLATFORM_URL = os.environ.get("NATIONAL_PLATFORM_URL", "http://127.0.0.1:8765").rstrip("/")
DEVELOPMENT_PLATFORM_SECRET = "sanad-development-platform-secret"  # noqa: S105
NATIONAL_PLATFORM_SECRET = os.environ.get("NATIONAL_PLATFORM_SECRET", DEVELOPMENT_PLATFORM_SECRET)
if not DEBUG and NATIONAL_PLATFORM_SECRET == DEVELOPMENT_PLATFORM_SECRET:
    raise ImproperlyConfigured(
        "NATIONAL_PLATFORM_SECRET is not set: the shared secret that signs the platform's "
        "webhooks and our updates to it."
    )
SMS_BACKEND = os.environ.get("SMS_BACKEND", "core.notifications.ConsoleSMSBackend")
# The public address of the site, for links in messages.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Triage: a proposal this confident (0 to 1) sets the case's category; below it, a person decides.
TRIAGE_CONFIDENCE = float(os.environ.get("TRIAGE_CONFIDENCE", "0.5"))
TRIAGE_MODEL_DIR = Path(os.environ.get("TRIAGE_MODEL_DIR", VAR_DIR / "triage-models"))

# 360Giving: the publisher's prefix (registered with 360Giving; grant and organization
# identifiers start with it) and the funder's identifier and name in the published data.
GIVING360_PREFIX = os.environ.get("GIVING360_PREFIX", "360G-egcssf")
# The fund's organization identifier and name as IATI reporting organization.
IATI_REPORTING_ORG = os.environ.get("IATI_REPORTING_ORG", "EG-MOSS-CSSF")
IATI_REPORTING_NAME = os.environ.get("IATI_REPORTING_NAME", "صندوق دعم المجتمع المدني")
GIVING360_FUNDER_ID = os.environ.get("GIVING360_FUNDER_ID", "360G-egcssf")
GIVING360_FUNDER_NAME = "Civil Society Support Fund (Egypt)"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Sanad <no-reply@sanad.localhost>")

# --- Security ---------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 8)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Background work through the Django tasks API, queued in the database so it runs on
# SQLite and PostgreSQL alike; `manage.py db_worker` runs it, `manage.py schedule_jobs`
# queues the periodic jobs.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["complaints.api_auth.ApiKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["complaints.api_auth.HasApiKey"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["complaints.api_auth.ApiKeyRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"api": os.environ.get("API_RATE", "600/minute")},
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Sanad API",
    "DESCRIPTION": "Complaints of the Ministry of Social Solidarity: file a case, follow it.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
}

# No inline scripts or styles anywhere (CONVENTIONS.md, 10), so the policy can be strict.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
