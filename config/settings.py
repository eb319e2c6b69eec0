"""Settings for LearnRight, the reference app for compliant user profiling.

One module, driven by the environment (django-environ). Every variable read
here is listed in `.env.example` and in the README. Development defaults are
chosen so that `make run` needs nothing but Python; production refuses to start
without the secrets it needs (see `DJANGO_DEBUG`).
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# --- Core -------------------------------------------------------------------

DEBUG = env.bool("DJANGO_DEBUG", default=False)

# No default outside DEBUG: a production deploy without a real key must fail
# at start rather than sign sessions with a key published on GitHub.
SECRET_KEY = env(
    "DJANGO_SECRET_KEY",
    default="dev-only-insecure-key-never-use-in-production" if DEBUG else environ.Env.NOTSET,
)
ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS",
    default=["127.0.0.1", "localhost", "[::1]", "testserver"] if DEBUG else environ.Env.NOTSET,
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
CSRF_FAILURE_VIEW = "onboarding.views.csrf_failure"
# Development only: Django's technical 404/500 pages instead of the site's own
# (which `make run` shows by default, in the visitor's language).
TECHNICAL_ERROR_PAGES = DEBUG and env.bool("DJANGO_TECHNICAL_ERROR_PAGES", default=False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "allauth.headless",
    # Security (F3): a second factor for staff sign-in, and the admin
    # password login throttled and locked out after repeated failures.
    "allauth.mfa",
    "axes",
    "bootstrap",
    "crispy_forms",
    "crispy_bootstrap5",
    "onboarding",
    "consent",
    "recommendations",
    "training",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outermost with SecurityMiddleware, so redirects and error pages carry it too.
    "onboarding.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "onboarding.middleware.ErrorPagesMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "onboarding.middleware.TooManyRequestsMiddleware",
    "consent.middleware.FirstRunGateMiddleware",
    # After the web's, so it sees exceptions first: on /api/ and /_allauth/ a
    # rate limit or an outage answers JSON problem details, not HTML (G1, F1).
    "api.middleware.ApiProblemMiddleware",
    # Last, as django-axes asks: it turns a lockout into its 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "training.context_processors.compliance_tour",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------

# SQLite is the embedded default; production sets DATABASE_URL to PostgreSQL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# Each request is one transaction: a failure half-way (a rate limit, a broker
# outage) leaves no half-created account behind, and tasks queued with
# transaction.on_commit only leave once the request has succeeded.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Security (F1, F3): every write transaction takes SQLite's write lock
    # when it begins (IMMEDIATE) and waits up to 20 s for it. A deferred
    # transaction that reads first and writes later fails at once with
    # "database is locked" when another writer got in between, whatever
    # the timeout, and that was a 500 under concurrent decisions.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and tasks --------------------------------------------------------

REDIS_URL = env("REDIS_URL", default="")
# The one place that names the Redis cache backend (use it for any other Redis
# cache alias too). django-redis keeps one connection pool and one client per
# process; Django's own RedisCache builds a new client object on every cache
# call, which cost a signed-in page about a tenth of its time (see
# docs/PERFORMANCE.md).
REDIS_CACHE_BACKEND = "django_redis.cache.RedisCache"

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": REDIS_CACHE_BACKEND,
            "LOCATION": REDIS_URL,
        }
    }
else:
    # Security (F1): the SMS rate-limit counters live in this cache. Django's
    # default of 300 entries let other keys push a number's counter out, and
    # with it the limit; development keeps one process with room for far more
    # keys than it will see. Production must share one cache between its
    # processes: onboarding.checks refuses a per-process cache when DEBUG is off.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }
# Rendered fragments that are the same for everyone (the recommendation list:
# keyed by ranker, catalog version, answer combination and language, never by
# person, so nothing here is personal data) are kept in each process: reading
# them costs no Redis round trip. Their keys name the catalog version, which
# lives in the shared cache, so an edited catalog shows at once in every process.
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "OPTIONS": {"MAX_ENTRIES": 1000},
}

# Without Redis, tasks run in-process so the app needs nothing but Python.
CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A broker that does not answer must fail the request quickly (503), not hang it.
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY = False
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"

# --- Privacy centre (consent/: D1-D6) ---
# How long Redis waits before handing an unacknowledged task to another
# worker. Tasks are acknowledged late, so a worker killed in the middle of an
# account erasure (D4) has its task redelivered after this many seconds.
CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] = env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)
# Retention (REQUIREMENTS E4): every period declared in the apps'
# personal_data.py is applied hourly; `manage.py purge_expired_personal_data`
# does the same by hand. Run `celery -A config beat` next to the workers.
CELERY_BEAT_SCHEDULE = {
    "purge-expired-personal-data": {
        "task": "consent.tasks.retention_purge_task",
        "schedule": 60 * 60,
    },
    # E5: a signed checkpoint of every consent chain; export them with
    # `manage.py export_consent_checkpoint` to storage outside the database.
    "consent-ledger-checkpoint": {
        "task": "consent.tasks.ledger_checkpoint_task",
        "schedule": 60 * 60,
    },
}
# Cancelling an account (D4) is confirmed with a fresh SMS code: allauth's
# reauthentication by code, within 5 minutes of the code being entered.
ACCOUNT_REAUTHENTICATION_METHODS = ["code"]
ACCOUNT_REAUTHENTICATION_TIMEOUT = 5 * 60
# Security (F1): changing the phone number also needs a fresh code sent to
# the current number first, so a borrowed signed-in phone cannot move the
# account to another number.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
# --- end privacy centre ---

# --- Authentication (django-allauth, phone only, passwordless) --------------

AUTH_USER_MODEL = "onboarding.User"
AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out admin sign-in is refused before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_request_login_code"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

ACCOUNT_ADAPTER = "onboarding.adapters.AccountAdapter"
# The phone number is the only data a learning or education app may require (NEC art 5).
ACCOUNT_LOGIN_METHODS = {"phone"}
ACCOUNT_SIGNUP_FIELDS = ["phone*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_USER_MODEL_EMAIL_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_PHONE_VERIFICATION_ENABLED = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_SIGNUP_FORM_CLASS = None
# --- Consent (added with consent/) ---
# The signup form adds the unticked "I have read the privacy policy" box and
# the version shown (REQUIREMENTS A3); the acknowledgment is recorded by the
# adapter through consent.services.
ACCOUNT_FORMS = {"signup": "onboarding.forms.SignupForm"}
# Where the consent app sends people: home, and after a grant, the next step
# of the purpose (the optional profile questions).
CONSENT_HOME_URL = "home"
CONSENT_AFTER_AGREE_URLS = {"profiling": "onboarding:questions"}
# The controller as the privacy policy names it (templates/consent/notices/
# privacy_policy/*.html): the privacy contact page, every receipt and every
# copy of data show the same (A4, D6). Marked, not translated: receipts keep
# these words; the contact page translates them.


def gettext_noop(message: str) -> str:
    # Django's own gettext_noop reads settings.USE_I18N, which settings.py
    # cannot do while it is being loaded; makemessages finds this one by name.
    return message


CONSENT_CONTROLLER = {
    "name": "LearnRight",
    # PIPL 52: the person responsible for personal information protection.
    "contact": gettext_noop("LearnRight personal information protection officer"),
    "address": gettext_noop(
        "LearnRight Personal Information Protection Department, 1 Example Road, Haidian District, "
        "Beijing 100080, China"
    ),
    "email": "privacy@learnright.example",
    "phone": "",
    "url": "https://learnright.example/",
}
CONSENT_JURISDICTION = "CN"
# Design, matching APP191 6.3 (15 working days): how fast we answer the
# requests PIPL 50 says we must accept and handle.
CONSENT_RESPONSE_WORKING_DAYS = 15
CONSENT_EXPORT_FILENAME_PREFIX = "learnright-my-data"
# Copies of data and erasures run as Celery tasks (consent.tasks), with their
# retries; without REDIS_URL Celery runs them in-process (CELERY_TASK_ALWAYS_EAGER).
CONSENT_TASK_RUNNER = "consent.runners.CeleryRunner"
# The consent screen after signup: the surface name its ledger records have
# carried since the first one, and how the consent history names it (E1, E2).
CONSENT_SCREEN_SURFACE = "onboarding.consent"
CONSENT_SURFACE_LABELS = {"onboarding.consent": _("Consent screen after signup")}
# The first-run gate (consent.middleware) also lets through allauth's own
# pages (sign-in, codes, sign-out), the language switch and the health probe.
# The app API (/api/, /_allauth/) keeps the same gate itself, answering JSON
# instead of a redirect (api.permissions.PolicyAcknowledged).
CONSENT_GATE_EXEMPT_PATH_PREFIXES = ("/accounts/", "/i18n/", "/healthz", "/api/", "/_allauth/")
CONSENT_GATE_EXEMPT_URL_NAMES = ("account_logout",)
# Signed checkpoints of the consent ledger (REQUIREMENTS E5): an Ed25519 key,
# 64 hex digits or PEM, from the secret store, never from the repository. No
# default in production, like DJANGO_SECRET_KEY; `make run` generates a
# development key into var/ (gitignored) at the first checkpoint.
CONSENT_CHECKPOINT_SIGNING_KEY = env(
    "CONSENT_CHECKPOINT_SIGNING_KEY", default="" if DEBUG else environ.Env.NOTSET
)
CONSENT_CHECKPOINT_SIGNING_KEY_FILE = BASE_DIR / "var" / "consent-checkpoint-signing-key" if DEBUG else None
# After rotating the key: the old public keys (hex), whose checkpoints still count.
CONSENT_CHECKPOINT_TRUSTED_PUBLIC_KEYS = env.list("CONSENT_CHECKPOINT_TRUSTED_PUBLIC_KEYS", default=[])
# --- end consent ---
# REQUIREMENTS F1: codes are 6 digits, valid 10 minutes, 5 attempts, single use.
ALLAUTH_USER_CODE_FORMAT = {"numeric": True, "length": 6, "dashed": False}
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 10 * 60
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = 5
ACCOUNT_PHONE_VERIFICATION_TIMEOUT = 10 * 60
ACCOUNT_PHONE_VERIFICATION_MAX_ATTEMPTS = 5
ACCOUNT_PHONE_VERIFICATION_SUPPORTS_RESEND = True
# Per number: 1 code a minute and 5 an hour, across signup and sign-in (the
# "send_sms" action is enforced by onboarding.services.sms_send_code). Per IP
# the limits are generous so a school class behind one NAT can sign up.
ACCOUNT_RATE_LIMITS = {
    "send_sms": "1/60s/key,5/h/key,120/h/ip",
    "verify_phone": "120/m/ip",
    "request_login_code": "60/m/ip",
    "signup": "60/m/ip",
    "login": "60/m/ip",
    "login_failed": "60/m/ip,10/5m/key",
    # The form submit that asks for reauthentication counts once, the replay
    # after the fresh code once more (allauth's default is 1 a minute).
    "change_phone": "3/m/user",
}

PHONE_DEFAULT_REGION = env("PHONE_DEFAULT_REGION", default="CN")

# --- Security: client addresses, admin sign-in ---------------------------------

# Behind a reverse proxy every request comes from the proxy's address. allauth
# takes the client's from X-Forwarded-For, counting this many trusted proxies
# from the right (one by default behind a proxy), or from a header the proxy
# sets and clients cannot (DJANGO_TRUSTED_CLIENT_IP_HEADER, e.g. X-Real-IP).
# The same address feeds the per-IP limits (F1), the admin lockout and the
# ledger's truncated IP (E1): onboarding.network.client_ip.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int(
    "DJANGO_TRUSTED_PROXY_COUNT", default=1 if env.bool("DJANGO_BEHIND_PROXY", default=False) else 0
)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env("DJANGO_TRUSTED_CLIENT_IP_HEADER", default=None)
CONSENT_CLIENT_IP_FUNCTION = "onboarding.network.client_ip"

# The admin's password sign-in (django-axes): 5 failures for one account from
# one address lock that pair out for an hour (HTTP 429). Failures are logged
# (through the masking filter) and recorded with the number replaced by a
# keyed hash, so the lockout table shows staff no phone number (E3).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Not a log of every successful sign-in: it would keep each learner's number,
# address and browser for every code sign-in, data we do not declare (A5).
AXES_DISABLE_ACCESS_LOG = True
AXES_CLIENT_IP_CALLABLE = "onboarding.network.client_ip"
AXES_USERNAME_CALLABLE = "onboarding.network.sign_in_name_digest"
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
AXES_SENSITIVE_PARAMETERS = ["password", "username"]

# Staff sign-in with a second factor (allauth MFA, TOTP and recovery codes).
# With DJANGO_ADMIN_REQUIRE_MFA=true the admin's password page is replaced by
# the SMS-code sign-in followed by the authenticator code, and only staff
# who have set up an authenticator app may enter the admin (docs/OPERATIONS.md).
ADMIN_REQUIRE_MFA = env.bool("DJANGO_ADMIN_REQUIRE_MFA", default=False)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "LearnRight"

# Features no page uses are denied to every page and frame (F3).
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), "
    "geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), "
    "usb=(), xr-spatial-tracking=()"
)

# --- API for native apps (REQUIREMENTS G1; docs/API.md) ----------------------

# allauth headless: the app client only (X-Session-Token, no cookies, so no
# CSRF to manage); the web keeps its own pages.
HEADLESS_CLIENTS = ("app",)
HEADLESS_ONLY = False
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.SessionTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "api.permissions.PolicyAcknowledged",
    ],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.PersonWriteThrottle"],
    # Design: writes per person (or per IP before sign-in); SMS limits are allauth's (F1).
    "DEFAULT_THROTTLE_RATES": {"person_write": env("API_WRITE_RATE", default="60/min")},
    "EXCEPTION_HANDLER": "api.errors.problem_exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "LearnRight API",
    "DESCRIPTION": "The same lawful journey as the web, for native apps. Guide: docs/API.md.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.problem_media_type",
    ],
    # /api/docs/ (development only) loads nothing from third parties (A5).
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- SMS --------------------------------------------------------------------

# Shaped like Django's EMAIL_BACKEND: console (development), locmem (tests),
# filebased (browser tests), or a provider subclass of BaseSmsBackend.
SMS_BACKEND = env("SMS_BACKEND", default="onboarding.sms.backends.console.SmsBackend")
SMS_FILE_PATH = env("SMS_FILE_PATH", default=str(BASE_DIR / "var" / "sms"))
# Security (F3): the console backend prints every code and full number to the
# process log. Outside DEBUG it is refused unless this setting, whose name
# says what it does, is turned on (a demo without a provider, knowingly).
SMS_CONSOLE_PRINTS_CODES_ALLOWED = env.bool("SMS_CONSOLE_PRINTS_CODES_ALLOWED", default=False)
if (
    not DEBUG
    and SMS_BACKEND == "onboarding.sms.backends.console.SmsBackend"
    and not SMS_CONSOLE_PRINTS_CODES_ALLOWED
):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "SMS_BACKEND is the console backend, which prints sign-in codes and full phone numbers "
        "to the log. Set SMS_BACKEND to a provider backend, or SMS_CONSOLE_PRINTS_CODES_ALLOWED=true "
        "to allow it knowingly."
    )
# Replies from learners (an opt-out such as 回复TD退订, B9) arrive at
# /sms/inbound/ from the provider, which must send this shared secret in the
# X-Sms-Webhook-Secret header. Empty: the webhook is off (404); the command
# `manage.py receive_sms` records a reply by hand.
SMS_INBOUND_SECRET = env("SMS_INBOUND_SECRET", default="")
# How the provider's webhook is read: a dotted path to a parser class.
SMS_INBOUND_PARSER = env("SMS_INBOUND_PARSER", default="onboarding.sms.inbound.FormParser")
# B9: every product-news text starts with the sender's signature and ends with
# how to opt out by reply.
SMS_PRODUCT_NEWS_OPT_OUT = env("SMS_PRODUCT_NEWS_OPT_OUT", default="回复TD退订")
SMS_SENDER_SIGNATURE = env("SMS_SENDER_SIGNATURE", default="【LearnRight】")

# --- Internationalisation ---------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("zh-hans", _("Simplified Chinese"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# --- Static files -----------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
# The screenshots in docs/ are also shown on the /training/ page.
STATICFILES_DIRS = [BASE_DIR / "static", ("screenshots", BASE_DIR / "docs" / "screenshots")]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = BASE_DIR / "var" / "media"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Security ---------------------------------------------------------------

# Sessions stay in the database (not cached_db): a Redis outage then costs
# the rate-limited sign-in pages, not every signed-in page.
# REQUIREMENTS A5: only the session and CSRF cookies. Flash messages live in
# the session instead of a cookie of their own.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
# check --deploy asks for preload; a deploy that cannot commit to it sets false.
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=not DEBUG)
if env.bool("DJANGO_BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# No inline script or style anywhere, and nothing loaded from third parties
# (REQUIREMENTS A5, F3): every asset is served from our own origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Bootstrap draws form controls with data: SVG images.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --- Training ---------------------------------------------------------------

# Side notes "Why this screen looks like this" on the onboarding and privacy
# screens, for compliance trainers' demos. On in `make run`, off by default.
COMPLIANCE_TOUR = env.bool("COMPLIANCE_TOUR", default=False)

# --- Logging ----------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"mask_phone_numbers": {"()": "onboarding.logging.MaskPhoneNumbersFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["mask_phone_numbers"],
        },
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}
