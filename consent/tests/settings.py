"""Minimal settings for the consent app's own test suite: plain Django users, nothing optional.

No allauth, no crispy forms, no Celery: the suite proves the package works
with Django alone (`python -m pytest --pyargs consent.tests --ds consent.tests.settings`).
"""

from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
SECRET_KEY = "consent-tests-only"
DEBUG = False
ALLOWED_HOSTS = ["testserver"]
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "consent",
    "consent.tests.hostapp",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "consent.middleware.FirstRunGateMiddleware",
]
ROOT_URLCONF = "consent.tests.hostapp.urls"
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
            ]
        },
    }
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("zh-hans", "Simplified Chinese")]
USE_I18N = True
USE_TZ = True
STATIC_URL = "/static/"
LOGIN_URL = "login"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

CONSENT_CONTROLLER = {
    "name": "Example Ltd",
    "contact": "Data protection officer",
    "address": "1 Example Street, Example Town",
    "email": "privacy@example.com",
    "url": "https://example.com/",
}
CONSENT_JURISDICTION = "EU"
CONSENT_HOME_URL = "home"
CONSENT_AFTER_AGREE_URLS = {"newsletter": "hostapp:topics"}
