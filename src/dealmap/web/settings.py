"""Django settings for DealMap, driven by the environment.

Environment variables:

- ``DATABASE_URL``: ``sqlite:///path`` or ``postgres://user@host:port/name``
  (default: an SQLite file in the project's data folder).
- ``DEALMAP_DEBUG``: ``1`` for Django's debug mode (default off).
- ``DEALMAP_SECRET_KEY``: the secret key. Without it, debug mode uses a fixed development key and
  normal mode keeps a random key in the data folder, so a local install works with no setup.
- ``DEALMAP_ALLOWED_HOSTS``: comma-separated host names (default: the loopback names).
- ``DEALMAP_DATA_DIR``: where the default SQLite file and the generated key live.
- ``DEALMAP_STATIC_ROOT``: where ``collectstatic`` puts files for a deployment (optional).
- ``DEALMAP_HTTPS``: ``1`` behind an HTTPS proxy (secure cookies).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent


def _data_dir() -> Path:
    """The project's data folder in a source checkout, else the user's data folder."""
    if os.environ.get("DEALMAP_DATA_DIR"):
        return Path(os.environ["DEALMAP_DATA_DIR"]).expanduser()
    repo = PACKAGE_DIR.parents[2]
    if (repo / "pyproject.toml").is_file():
        return repo / "data"
    xdg = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(xdg) / "dealmap"


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _secret_key(debug: bool, data_dir: Path) -> str:
    """The configured key; in debug a fixed dev key; otherwise one generated once and kept."""
    if os.environ.get("DEALMAP_SECRET_KEY"):
        return os.environ["DEALMAP_SECRET_KEY"]
    if debug:
        return "dealmap-insecure-development-key-do-not-use-in-production"
    key_file = data_dir / "secret_key"
    if not key_file.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        key_file.chmod(0o600)
    return key_file.read_text(encoding="utf-8").strip()


DATA_DIR = _data_dir()
DEBUG = _flag("DEALMAP_DEBUG")
SECRET_KEY = _secret_key(DEBUG, DATA_DIR)
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("DEALMAP_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",") if h
]

DEFAULT_SQLITE = DATA_DIR / "dealmap.sqlite3"
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE}"
if DATABASE_URL.startswith("sqlite:///") and ":memory:" not in DATABASE_URL:
    # SQLite does not create missing folders; a new user's first command must just work.
    Path(DATABASE_URL.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
# Connections are not kept between requests: `dealmap serve` answers each request on a thread of
# its own, and a kept connection per thread piled up until PostgreSQL refused new clients ("too
# many clients already" after a few bursts). DEALMAP_CONN_MAX_AGE (seconds) keeps them under a
# server with a fixed pool of workers.
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL, conn_max_age=int(os.environ.get("DEALMAP_CONN_MAX_AGE", "0"))
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A write transaction takes SQLite's write lock when it begins, and a second writer waits
    # for it (up to 20 s) instead of failing half-way with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "dealmap.web.core",
    "dealmap.web.users",
    "dealmap.web.accounts",
    "dealmap.web.deals",
    "dealmap.web.audit",
    "dealmap.web.security",
    "dealmap.web.workspace",
    "dealmap.web.imports",
    "ninja",  # its static files serve the Swagger UI locally (no CDN)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "dealmap.web.core.middleware.LanguageMiddleware",
    "dealmap.web.core.middleware.ApiMethodNotAllowedMiddleware",
    "dealmap.web.core.middleware.RequestTooLargeMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "dealmap.web.core.middleware.LoginRequiredMiddleware",
    "dealmap.web.core.middleware.CollisionMiddleware",
]
#: The largest request body (a deal file posted to the API): 20 MB, some 50,000 stakeholders.
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

ROOT_URLCONF = "dealmap.web.urls"
WSGI_APPLICATION = "dealmap.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTH_USER_MODEL = "users.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Every login goes through the throttle (dealmap.web.security.throttle): a name or an address
# with too many recent failures is refused even with the right password.
AUTHENTICATION_BACKENDS = ["dealmap.web.security.backends.ThrottledModelBackend"]
LOGIN_FAILURE_LIMIT = int(os.environ.get("DEALMAP_LOGIN_FAILURE_LIMIT", "5"))
LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("DEALMAP_LOGIN_ADDRESS_FAILURE_LIMIT", "30"))
LOGIN_FAILURE_WINDOW = int(os.environ.get("DEALMAP_LOGIN_FAILURE_WINDOW", str(15 * 60)))
# How many proxies in front of us append to X-Forwarded-For; 0 means the header is never trusted.
DEALMAP_TRUSTED_PROXIES = int(os.environ.get("DEALMAP_TRUSTED_PROXIES", "0"))
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"  # the deals list for a seller, the portfolio for a manager
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Shanghai"
USE_TZ = True

STATIC_URL = "/static/"
# Only a deployment that runs collectstatic needs STATIC_ROOT; WhiteNoise warns about a missing folder.
STATIC_ROOT = os.environ.get("DEALMAP_STATIC_ROOT") or None
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# WhiteNoise serves the apps' static folders directly, so no collectstatic step is needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
# No inline scripts anywhere: pages pass data to scripts in <script type="application/json"> elements.
# Inline styles stay allowed (chart libraries position tooltips with them).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if _flag("DEALMAP_HTTPS"):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DEALMAP_LOG_LEVEL", "WARNING")},
}
