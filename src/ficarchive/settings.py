"""The one settings module. Every setting that differs between machines comes from the
environment; see docs/operating.md for the list. SQLite in ./var and nothing else to install
by default; PostgreSQL, Redis and SMTP by setting DATABASE_URL, REDIS_URL and EMAIL_URL.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from ficarchive import cache_settings
from ficarchive.environment import email_settings, env_bool, env_int, env_list, env_str

PACKAGE_DIR = Path(__file__).resolve().parent


DEBUG = env_bool("DEBUG", False)
TESTING = env_bool("FICARCHIVE_TESTING", False)
DATA_DIR = Path(env_str("FICARCHIVE_DATA_DIR", str(Path.cwd() / "var"))).resolve()

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "insecure-development-key-never-use-in-production-0123456789"
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY to a long random string "
            "(or DEBUG=true for local development)."
        )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_NAME = env_str("SITE_NAME", "ficarchive")
# The address readers reach the archive at, for links in e-mail (e.g. https://fics.example.org).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    # core before django_tasks_db: its `db_worker` (which beats, core/workers.py) is the one run
    "ficarchive.core",
    "django_tasks",
    "django_tasks_db",
    "ficarchive.accounts",
    "ficarchive.tags",
    "ficarchive.works",
    "ficarchive.feedback",
    "ficarchive.site_pages",
    "ficarchive.discovery",
    "ficarchive.collections",
    "ficarchive.challenges",
    "ficarchive.skins",
    "ficarchive.exports",
    "ficarchive.imports",
    "ficarchive.moderation",
    "ficarchive.api",
    "ficarchive.stats",
    "ficarchive.pagecache",  # last: its change listeners run after the others'
]

MIDDLEWARE = [
    # Outermost: an ETag for every GET answer that has none (feeds, the OPDS catalog, the API,
    # signed-in pages) and 304 when the client already has it (kept pages carry their own).
    "django.middleware.http.ConditionalGetMiddleware",
    # First: a guest's kept page is answered with the headers the rest of the chain gave it.
    "ficarchive.pagecache.middleware.page_cache_middleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "ficarchive.core.middleware.trailing_slash_middleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "ficarchive.core.clean_input.clean_input_middleware",
    "ficarchive.core.csrf.GuestCsrfMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "ficarchive.core.read_only.read_only_middleware",
    "ficarchive.site_pages.terms_gate.terms_gate_middleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "ficarchive.accounts.middleware.reader_prefs_middleware",
    "ficarchive.accounts.middleware.renamed_profile_middleware",
    "ficarchive.accounts.middleware.staff_two_factor_middleware",
    "ficarchive.accounts.sessions.note_use_middleware",
    # Last: a signed-in reader's page from its kept shared part, once all above has run.
    "ficarchive.pagecache.readers.reader_pages_middleware",
]

ROOT_URLCONF = "ficarchive.urls"
WSGI_APPLICATION = "ficarchive.wsgi.application"

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
                "ficarchive.core.context_processors.site",
                "ficarchive.feedback.context_processors.inbox",
                "ficarchive.core.csrf.guest_forms",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'ficarchive.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Each server thread keeps its connection, as with PostgreSQL: opening one (the file and
    # the pragmas below) cost a signed-in reader's page a sixth of its time.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers go on while one writer writes; IMMEDIATE takes the write lock at the
        # start of a transaction so that concurrent writers queue instead of failing mid-way.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_BUSY_TIMEOUT", 30),
    }
    DATABASES["default"]["TEST"] = {"NAME": env_str("SQLITE_TEST_NAME") or None}
DATABASE_IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
# Read replicas (core/replica.py): PostgreSQL streaming replicas of DATABASE_URL, read by the
# pages that may be a moment stale. None set: everything reads the primary, as it always has.
REPLICA_DATABASES = []
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS", [])):
    _replica = dj_database_url.parse(_url, conn_max_age=DATABASES["default"]["CONN_MAX_AGE"])
    _replica.setdefault("OPTIONS", {}).setdefault("connect_timeout", 2)
    _replica["TEST"] = {"MIRROR": "default"}  # tests read their own test database through it
    DATABASES[f"replica_{_number}"] = _replica
    REPLICA_DATABASES.append(f"replica_{_number}")
DATABASE_ROUTERS = ["ficarchive.core.replica.ReplicaRouter"] if REPLICA_DATABASES else []
REPLICA_MAX_LAG_SECONDS = env_int("REPLICA_MAX_LAG_SECONDS", 5)
REPLICA_CHECK_SECONDS = env_int("REPLICA_CHECK_SECONDS", 1)
# After a write, that browser reads the primary this long (a cookie): it sees its own writes.
READ_YOUR_WRITES_SECONDS = env_int("READ_YOUR_WRITES_SECONDS", 10)
if REPLICA_DATABASES:  # before the page cache, whose pages it draws may read a replica
    MIDDLEWARE.insert(MIDDLEWARE.index("ficarchive.pagecache.middleware.page_cache_middleware"),
                      "ficarchive.core.replica.ReplicaMiddleware")  # fmt: skip
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, sessions --------------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")

# Sessions are read from the shared cache (Redis, or the file cache every process of the machine
# shares) and written through to the database: a signed-in request reads no session row. When
# the cache comes back after an outage, the copies it holds are dropped (core/cache.py).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# With Redis, what nearly every request reads of it and seldom changes (the page cache's
# versions, the operator's settings, the terms' revision, readers' tokens) is kept in each
# process's memory too, forgotten as soon as any process announces a change, and used for at
# most this many seconds after it was read: the bound of staleness should an announcement be
# lost (core/near_cache.py). 0: every read goes to Redis.
NEAR_CACHE_SECONDS = env_int("NEAR_CACHE_SECONDS", 5)

# The shared cache, the fragments' and the page cache's (ficarchive/cache_settings.py).
CACHES, (PAGE_CACHE_ALIAS, PAGE_VERSIONS_ALIAS, PAGE_NEAR_ALIAS) = cache_settings.caches(
    REDIS_URL, DATA_DIR, testing=TESTING, near=NEAR_CACHE_SECONDS > 0
)
# How long a guest's page is kept (0: no page cache); kudos, hit and comment counts on kept
# pages lag by at most this much. PROXY_SECONDS lets a proxy or CDN keep them too (s-maxage).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 60)
PAGE_CACHE_PROXY_SECONDS = env_int("PAGE_CACHE_PROXY_SECONDS", 0)

# --- Background tasks -------------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# Each task worker beats this often; the running tasks of a worker silent for STALE seconds are
# queued again for another (core/workers.py): three beats missed, so a killed worker's task
# runs again within about 4 s, and a live worker's task runs twice only if it cannot reach the
# database for 3 s (every task is safe to run again).
TASK_WORKER_BEAT_SECONDS = env_int("TASK_WORKER_BEAT_SECONDS", 1)
TASK_WORKER_STALE_SECONDS = env_int("TASK_WORKER_STALE_SECONDS", 3)

# --- Accounts, passwords, login throttling ------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
# AO3's addresses have no trailing slash; core.middleware redirects the slashed forms.
APPEND_SLASH = False
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]  # fmt: skip
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Two-factor sign-in (docs/accounts.md): staff must sign in with a second factor when true.
STAFF_REQUIRE_TWO_FACTOR = env_bool("STAFF_REQUIRE_TWO_FACTOR", False)
OTP_TOTP_ISSUER = SITE_NAME
# The passkeys' relying-party id; empty: the host the browser used (checked by ALLOWED_HOSTS).
WEBAUTHN_RP_ID = env_str("WEBAUTHN_RP_ID")
PROXY_COUNT = env_int("PROXY_COUNT", 0)  # trusted reverse proxies (core.ratelimit)
AXES_IPWARE_PROXY_COUNT = PROXY_COUNT or None

# --- E-mail -------------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "ficarchive <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL


globals().update(email_settings(env_str("EMAIL_URL")))
if env_str("EMAIL_HOST"):  # plain SMTP settings, for those who prefer them to a URL
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env_str("EMAIL_HOST")
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "en"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files ---------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Production serves the copies `collectstatic` made (`ficarchive serve` runs it): each name
# carries a hash of the content, so browsers and proxies keep them for a year, and a gzipped
# copy sits beside each. Development and tests read the source folders as they are.
WHITENOISE_USE_FINDERS = DEBUG or TESTING
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = DATA_DIR / "media"
# Built downloads (exports/services.py; empty: DATA_DIR/downloads): app servers that share
# this folder build each file once.
DOWNLOADS_DIR = env_str("DOWNLOADS_DIR") or None
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # also makes DATA_DIR, where SQLite lives
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 10 * 1024 * 1024)
# Imports are read by the task runner, each in a child process with these limits (imports/).
IMPORT_CHILD_PROCESS = env_bool("IMPORT_CHILD_PROCESS", True)
IMPORT_MEMORY_MB = env_int("IMPORT_MEMORY_MB", 1024)
IMPORT_CPU_SECONDS = env_int("IMPORT_CPU_SECONDS", 60)
IMPORTS_ACTIVE_PER_USER = env_int("IMPORTS_ACTIVE_PER_USER", 2)
IMPORTS_ACTIVE_PER_SITE = env_int("IMPORTS_ACTIVE_PER_SITE", 20)

# --- Security ---------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not DEBUG and not TESTING:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if env_int("PROXY_COUNT", 0):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Django looks for CsrfViewMiddleware by name; core.csrf.GuestCsrfMiddleware is its subclass,
# and core/csrf.py checks for that one instead (ficarchive.W003, W016).
SILENCED_SYSTEM_CHECKS = ["security.W003"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Authors may put images in their works by URL; nothing else loads from elsewhere.
        "img-src": [SELF, "https:", "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

if TESTING:
    # Argon2 is deliberately slow; tests create hundreds of accounts.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# --- Archive behaviour --------------------------------------------------------------------------
HIT_FLUSH_SECONDS = env_int("HIT_FLUSH_SECONDS", 60)
# The authors' statistics (docs/stats.md): how often the daily figures are folded, and how old a
# kudos, comment, bookmark or subscription must be before it is folded (so that a row whose
# transaction has not committed yet is never passed over).
STATS_FOLD_SECONDS = env_int("STATS_FOLD_SECONDS", 60)
STATS_FOLD_LAG_SECONDS = env_int("STATS_FOLD_LAG_SECONDS", 60)
# How often a process adds its operator counters (page cache hits and misses) to the cache.
COUNTER_FLUSH_SECONDS = env_int("COUNTER_FLUSH_SECONDS", 10)
# (dotted path of a django-tasks task or a plain function, interval in seconds)
PERIODIC_TASKS: list[tuple[str, int]] = [
    ("ficarchive.feedback.tasks.flush_hits", HIT_FLUSH_SECONDS),
    ("ficarchive.stats.tasks.fold_daily_figures", STATS_FOLD_SECONDS),
    ("ficarchive.tags.tasks.fold_tag_counts_task", env_int("TAG_COUNT_FOLD_SECONDS", 60)),
    ("ficarchive.collections.tasks.reveal_due_task", env_int("REVEAL_CHECK_SECONDS", 60)),
    ("ficarchive.challenges.tasks.signup_dates_task", env_int("SIGNUP_DATES_CHECK_SECONDS", 60)),
    (
        "ficarchive.site_pages.tasks.invite_from_queue_task",
        env_int("INVITATION_BATCH_SECONDS", 3600),
    ),
]
WORKS_PER_PAGE = env_int("WORKS_PER_PAGE", 20)
# What finds works by their words and tags (discovery/backends/): the database's own full-text
# indexes and postings unless a dedicated engine's class is named here.
SEARCH_BACKEND = env_str("SEARCH_BACKEND", "ficarchive.discovery.backends.database.DatabaseBackend")
# Threads per server process that build PDF downloads off the request (exports/background.py);
# 0 builds them in the request.
DOWNLOAD_BUILD_THREADS = env_int("DOWNLOAD_BUILD_THREADS", 1)
