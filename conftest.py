"""Root pytest configuration: development-mode settings for the test run.

Settings are read when pytest-django starts Django, after this file is
imported, so the environment set here is what config.settings sees.
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "true")
os.environ.setdefault("SMS_BACKEND", "onboarding.sms.backends.locmem.SmsBackend")
