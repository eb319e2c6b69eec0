"""Settings of the example host: what `django-admin startproject mysite` wrote, then the
block docs/ADOPTING.md asks you to append (step 2), unchanged."""

from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

# startproject's development key: this project is an example, never deployed.
SECRET_KEY = "django-insecure-example-host-of-the-consent-package"
DEBUG = True
ALLOWED_HOSTS = []

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "mysite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "mysite.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "db.sqlite3",
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Consent (docs/ADOPTING.md, step 2) ---
# The consent app, and the app of yours that declares your purposes, notices
# and personal data (the first-run gate and the registry look them up).
INSTALLED_APPS += ["consent", "marketing"]
# The first-run gate: a signed-in person meets the current privacy policy
# before any other page. After AuthenticationMiddleware.
MIDDLEWARE += ["consent.middleware.FirstRunGateMiddleware"]
# Django's own login (django.contrib.auth.urls).
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
# Who is responsible for the data: shown on the privacy contact page, in every
# consent receipt and in every copy of a person's data.
CONSENT_CONTROLLER = {
    "name": "Example Ltd",
    "contact": "Data Protection Officer",
    "address": "1 Example Street, Example Town",
    "email": "privacy@example.com",
    "url": "https://example.com/",
}
# Where the consent pages send people when there is nothing more to ask.
CONSENT_HOME_URL = "home"
# The ledger's signed checkpoints (Ed25519): the key comes from your secret
# store, never from the repository. Not needed while DEBUG is on; required
# otherwise, with `pip install django-consent-ledger[checkpoints]`.
import os  # noqa: E402 - the block is appended to startproject's settings

CONSENT_CHECKPOINT_SIGNING_KEY = os.environ.get("CONSENT_CHECKPOINT_SIGNING_KEY", "")
