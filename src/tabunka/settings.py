"""Settings for tabunka; everything site-specific comes from the environment."""

import datetime
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SRC_DIR = BASE_DIR / "src"

DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
# --- security: the secret key (issue 9) ------------------------------------------------------
# Never a public default. DJANGO_SECRET_KEY from the environment (production: the env file);
# with DEBUG or TABUNKA_LOCAL_SECRET_KEY=1 (`make run`) this machine's own key in var/secret_key
# (made 0600 on first use, the file `make serve` makes and uses too; once it exists, management
# commands on this machine use it); under pytest or mypy first of all a random key per run, handed
# to subprocesses through the environment. Anything else stops with a clear message.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    import secrets
    import sys

    _key_file = BASE_DIR / "var" / "secret_key"
    if "pytest" in sys.modules or "mypy" in sys.modules:
        SECRET_KEY = os.environ["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
    elif DEBUG or os.environ.get("TABUNKA_LOCAL_SECRET_KEY", "") == "1" or _key_file.exists():
        _key_file.parent.mkdir(parents=True, exist_ok=True)
        try:
            _fd = os.open(_key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(_fd, "w") as _out:
                _out.write(secrets.token_urlsafe(50) + "\n")
        except FileExistsError:
            pass
        SECRET_KEY = _key_file.read_text().strip()
    else:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random value in the environment "
            '(python3 -c "import secrets; print(secrets.token_urlsafe(50))"); for development '
            "use `make run`, DJANGO_DEBUG=1 or TABUNKA_LOCAL_SECRET_KEY=1 (a key for this machine)."
        )
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

# The public base URL printed beside every QR code (never a URL shortener).
TABUNKA_PUBLIC_URL = os.environ.get("TABUNKA_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",  # login throttling; before accounts, whose roles give admins its permissions
    "csp",  # Content-Security-Policy header and its nonce ({% load csp %}); settings: security
    "django_otp",  # second factor for the roles that see consultations (accounts.second_factor)
    "django_otp.plugins.otp_totp",
    "core",
    "accounts",
    "api",  # the public JSON API: schema, errors, body limits (src/api, docs/api.md)
    "translations",
    "notices",
    "writing",
    "consultations",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LanguageMiddleware",
    "core.validation.UnstorableAddressMiddleware",  # NUL in a path or query: 400, not a 500
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): a TOTP code this session
    "consultations.second_factor.SecondFactorMiddleware",  # case pages want that code
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.limits.RateLimitMiddleware",  # a view's RateLimited becomes its 429 answer
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.security.SecurityHeadersMiddleware",  # no-store for personal data, Permissions-Policy
    "csp.middleware.CSPMiddleware",  # Content-Security-Policy with a nonce per response
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "tabunka.urls"
WSGI_APPLICATION = "tabunka.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'tabunka.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database takes concurrent writes (server threads, the task worker): WAL lets
    # readers go on during a write, IMMEDIATE takes the write lock at BEGIN so a transaction never
    # fails half-way on an upgrade, and writers wait up to 20 s for the lock instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# --- read replica (issue 10; src/tabunka/routers.py, docs/deploy.md "Multi-machine layout") ---
# DATABASE_REPLICA_URL names a streaming replica of the primary: public content is read from it,
# everything else (and every write, every read in a transaction or a staff request) from default.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"], conn_max_age=60
    )
    DATABASE_ROUTERS = ["tabunka.routers.ReplicaRouter"]
    MIDDLEWARE.append("tabunka.routers.PrimaryForStaffMiddleware")
# --- end read replica ---------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
OTP_TOTP_ISSUER = "Tabunka Kumamoto"  # the name authenticator apps show beside the code
# Login throttling (django-axes, docs/security.md): 5 failed logins lock the account AND, apart
# from it, the address for 30 minutes (a try while locked restarts them; older failures are
# forgotten); the login page then says so. The address is the one rate limits use.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # the staff home counts lockouts from it
AXES_CLIENT_IP_CALLABLE = "core.limits.client_address"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.locked_out"
AXES_VERBOSE = False
# Staff sessions end after a working day without a request (each request renews the 9 hours).
SESSION_COOKIE_AGE = 9 * 3600
SESSION_SAVE_EVERY_REQUEST = True
LOGIN_REDIRECT_URL = "core:staff-home"

# Language codes are Django's (lower-case); core.languages holds names and BCP-47 tags.
LANGUAGE_CODE = "ja"
LANGUAGES = [
    ("ja", "日本語"),
    ("ja-easy", "やさしい日本語"),
    ("en", "English"),
    ("zh-hans", "简体中文"),
    ("zh-hant", "繁體中文"),
    ("ko", "한국어"),
    ("vi", "Tiếng Việt"),
    ("ne", "नेपाली"),
    ("id", "Bahasa Indonesia"),
    ("fil", "Filipino"),
    ("my", "မြန်မာ"),
    ("th", "ไทย"),
    ("pt-br", "Português (Brasil)"),
    ("es", "Español"),
]
LANGUAGE_COOKIE_NAME = "lang"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Tokyo"
USE_TZ = True

# Uploaded files (programme photos and the like); `manage.py backup` saves them with the database.
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("TABUNKA_MEDIA_ROOT", BASE_DIR / "var" / "media"))
# Request bodies without their files: Django's 2.5 MB, stated (a larger form answers 400).
# Files go to a temporary file past 2.5 MB; an exchange, glossary or memory import larger than
# TABUNKA_MAX_IMPORT_BYTES is refused with a message (translations/exchange/safety.py).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
TABUNKA_MAX_IMPORT_BYTES = int(os.environ.get("TABUNKA_MAX_IMPORT_BYTES", str(5 * 1024 * 1024)))

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("TABUNKA_STATIC_ROOT", BASE_DIR / "var" / "static"))
# Production (`make serve`, deploy/) sets TABUNKA_STATIC_MANIFEST=1: collected files get hashed
# names that WhiteNoise and nginx serve with a one-year immutable Cache-Control. The manifest
# storage fails on a file missing from the manifest, so it needs `collectstatic` first; tests and
# `make run` keep the plain storage and never depend on a manifest.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if os.environ.get("TABUNKA_STATIC_MANIFEST", "") == "1"
        else "whitenoise.storage.CompressedStaticFilesStorage"
    },
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "core.errors.csrf_failure"  # a form from an old tab: localized, a way back
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# --- security: HTTPS, headers, second factor (issue 9; docs/security.md) ---------------------
# TABUNKA_HTTPS=1 when the site is served over HTTPS: HSTS for a year with subdomains (preload
# only with TABUNKA_HSTS_PRELOAD=1: the preload list is hard to leave, so it is the operator's
# decision and check --deploy's W021 reminder is silenced until then), Secure cookies, and plain
# HTTP redirected. Behind a proxy that ends TLS, its X-Forwarded-Proto is believed only when a
# proxy is trusted at all (TABUNKA_TRUSTED_PROXY_HEADER and TABUNKA_TRUSTED_PROXIES, as for the
# client address in core.limits); otherwise every request would look like plain HTTP and loop.
TABUNKA_HTTPS = os.environ.get("TABUNKA_HTTPS", "") == "1"
if TABUNKA_HTTPS:
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = os.environ.get("TABUNKA_HSTS_PRELOAD", "") == "1"
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
    if os.environ.get("TABUNKA_TRUSTED_PROXY_HEADER") and os.environ.get("TABUNKA_TRUSTED_PROXIES"):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Browser features no page uses are switched off (core.security.SecurityHeadersMiddleware); the
# read-aloud button uses speechSynthesis, which needs no permission.
TABUNKA_PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), "
    "hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=()"
)
# Content-Security-Policy (django-csp): scripts and styles only from our static files (no inline
# code or style="" anywhere; a nonce for any script that must be inline), images from us or data:
# URIs (QR codes), nothing embedded, no <base>, never framed, forms post only to us.
from csp.constants import NONCE, NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# The Consultation Plaza block shown on every public page (sample values; see README).
# The one source of the Plaza's contact: the help box, error pages, mail and the notices' "Where"
# entry for the office named here all render from it (core.plaza).
TABUNKA_PLAZA = {
    "phone": os.environ.get("TABUNKA_PLAZA_PHONE", "096-359-2020"),
    "email": os.environ.get("TABUNKA_PLAZA_EMAIL", "plaza@example.jp"),
    "office": "consultation-plaza",  # the catalog office that is the Plaza
    "intake": "consultations:intake",  # URL name of the online intake (core does not import it)
}

# --- consultations (issue 5): mail and retention -------------------------------------------------
# Confirmation mail goes to the console unless the environment names a real backend (production).
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("DJANGO_EMAIL_USE_TLS", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", TABUNKA_PLAZA["email"])
# Days a consultation is kept after its last change (submission, a change of status such as its
# closing, a message), per category (sample values: the city's records schedule decides).
# `manage.py purge_expired` deletes what is past it; the consent text, the status page and the
# staff page all say the period from here (consultations.retention).
TABUNKA_CONSULT_RETENTION_DAYS = {
    "default": 3 * 365,
    "residence": 5 * 365,
    "medical": 365,
    "other": 365,
}
# Per-client rate limits (core.limits): (requests, seconds) per scope; past them the answer is
# 429 with the Plaza's phone. The client is REMOTE_ADDR unless a proxy header is trusted:
# TABUNKA_TRUSTED_PROXY_HEADER=X-Forwarded-For with TABUNKA_TRUSTED_PROXIES = the number of
# proxies in front (e.g. 1) or their networks (e.g. 10.0.0.0/8,127.0.0.1/32). docs/security.md.
TABUNKA_RATE_LIMITS = {"intake": (20, 3600), "faq": (30, 60)}
TABUNKA_TRUSTED_PROXY_HEADER = os.environ.get("TABUNKA_TRUSTED_PROXY_HEADER", "")
TABUNKA_TRUSTED_PROXIES = os.environ.get("TABUNKA_TRUSTED_PROXIES", "")
# The counters live in the cache: local memory (one per process) unless a shared one is named.
# --- cache (issue 10: cached public pages, scan counts; docs/deploy.md "Cache") -----------------
# Redis/Valkey when TABUNKA_CACHE_URL names one (several app servers). Otherwise files under
# var/cache: shared by every gunicorn worker, the task worker and the periodic process of one
# machine (local memory would give each process its own copy: a page cached in one worker would
# not see a publish done in another, and the periodic flush could not see the scan counts).
# Under pytest local memory (one test process, nothing shared between test runs). The key prefix
# names the database, so two databases never read each other's pages.
import hashlib as _hashlib  # noqa: E402
import sys as _sys  # noqa: E402

_cache_prefix = _hashlib.sha256(
    f"{DATABASES['default'].get('HOST', '')}/{DATABASES['default']['NAME']}".encode()
).hexdigest()[:10]
CACHES: dict[str, dict[str, object]]
if os.environ.get("TABUNKA_CACHE_URL", "").startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["TABUNKA_CACHE_URL"],
            "KEY_PREFIX": _cache_prefix,
        }
    }
elif "pytest" in _sys.modules:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(BASE_DIR / "var" / "cache" / _cache_prefix),
            "KEY_PREFIX": _cache_prefix,
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
# Scan counts wait in the cache until `manage.py flush_scan_counts` (run every 10 s by
# run_periodic) adds them to the database.
# nginx (proxy_cache_purge) or a CDN that accepts PURGE for a notice's addresses, e.g.
# http://127.0.0.1:8081: on each notice change the task worker asks it to drop its copies.
TABUNKA_PURGE_URL = os.environ.get("TABUNKA_PURGE_URL", "")
# Submissions per client per hour before new ones are flagged for a person to check (never dropped).
TABUNKA_CONSULT_RATE_LIMIT = int(os.environ.get("TABUNKA_CONSULT_RATE_LIMIT", "5"))
# When the Plaza is open (sample values; the International Center changes them here, and adds
# one-off closing days as `ClosingDay` rows in the admin). Slots can only be created, offered and
# booked inside these hours. Weekdays: 0 = Monday. "closed_nth_weekday": [weekday, n] = closed on
# the n-th such weekday of every month; "new_year": closed from/to (MM-DD) around New Year;
# "national_holidays": closed on Japan's national holidays (`holidays.Japan`).
TABUNKA_PLAZA_CALENDAR = {
    "hours": {day: ["09:00", "17:00"] for day in range(7)},
    "closed_nth_weekday": [[1, 2]],  # every 2nd Tuesday
    "new_year": ["12-29", "01-03"],
    "national_holidays": True,
}
# Where appointments take place: the address as written in Japan and a map link (sample values).
TABUNKA_CONSULT_VISIT = {
    "address": "熊本市中央区花畑町4番18号 熊本市国際交流会館",
    "map_url": "https://www.openstreetmap.org/?mlat=32.8010&mlon=130.7063#map=18/32.8010/130.7063",
}
# --- end consultations ----------------------------------------------------------------------------

# --- translations (issue 4): machine-translation providers and background jobs ---------------
# The provider the city configured ("" = machine translation off) and how to reach it.
TABUNKA_MT_PROVIDER = os.environ.get("TABUNKA_MT_PROVIDER", "")
TABUNKA_MT_URL = os.environ.get("TABUNKA_MT_URL", "")
TABUNKA_MT_KEY = os.environ.get("TABUNKA_MT_KEY", "")
TABUNKA_MT_SECRET = os.environ.get("TABUNKA_MT_SECRET", "")
TABUNKA_MT_USER = os.environ.get("TABUNKA_MT_USER", "")
TABUNKA_MT_TIMEOUT = float(os.environ.get("TABUNKA_MT_TIMEOUT", "30"))
TABUNKA_MT_OPTIONS = {"term_id": os.environ.get("TABUNKA_MT_TERM_ID", "")}
TABUNKA_MT_PROVIDERS = {
    "textra": "translations.providers.textra.TexTraProvider",
    "deepl": "translations.providers.deepl.DeepLProvider",
    "google": "translations.providers.google.GoogleProvider",
    "azure": "translations.providers.azure.AzureProvider",
    "libretranslate": "translations.providers.libretranslate.LibreTranslateProvider",
    "openai": "translations.providers.openai.OpenAIProvider",
}
# Jobs run in `manage.py db_worker` (django-tasks' database backend: no extra service).
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# --- end translations ------------------------------------------------------------------------
