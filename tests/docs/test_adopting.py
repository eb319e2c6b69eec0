"""docs/ADOPTING.md's settings snippet, used verbatim, passes `manage.py check` (issue 9)."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STAND_IN = Path(__file__).resolve().parent / "adopting_project"

HARNESS = """
import sys
from pathlib import Path
SECRET_KEY = "adopting-guide-test-only"
DEBUG = True
DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3", "NAME": {db!r}}}}}
ROOT_URLCONF = "adopting_urls"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
TEMPLATES = [{{"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [], "APP_DIRS": True,
    "OPTIONS": {{"context_processors": ["django.template.context_processors.request",
    "django.contrib.auth.context_processors.auth", "django.contrib.messages.context_processors.messages"]}}}}]
STATIC_URL = "/static/"
USE_TZ = True
# "Our" code, for the registry check: the stand-in project's apps.
BASE_DIR = Path({base!r})
"""


def _snippet() -> str:
    text = (ROOT / "docs" / "ADOPTING.md").read_text(encoding="utf-8")
    match = re.search(r"```python\n# adopting-settings\n(.*?)```", text, re.S)
    assert match, "docs/ADOPTING.md lost its settings snippet"
    return match.group(1)


def _check(tmp_path: Path, snippet: str) -> subprocess.CompletedProcess:
    (tmp_path / "adopting_settings.py").write_text(
        HARNESS.format(db=str(tmp_path / "db.sqlite3"), base=str(STAND_IN)) + snippet, encoding="utf-8"
    )
    (tmp_path / "adopting_urls.py").write_text("from yourapp.urls import root_urlpatterns as urlpatterns\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_"))}
    env["DJANGO_SETTINGS_MODULE"] = "adopting_settings"
    env["PYTHONPATH"] = os.pathsep.join([str(tmp_path), str(STAND_IN), str(ROOT)])
    code = "import django, django.core.management as m; django.setup(); m.call_command('check')"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_guide_snippet_passes_check(tmp_path):
    result = _check(tmp_path, _snippet())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_an_app_that_does_not_declare_its_personal_data_fails_the_registry_check(tmp_path):
    # Nothing may be left out of a copy or survive an erasure (REQUIREMENTS D1, D4).
    result = _check(tmp_path, _snippet() + '\nINSTALLED_APPS += ["undeclaredapp"]\n')
    assert result.returncode != 0
    assert "consent.E003" in result.stdout + result.stderr
    assert "Note" in result.stdout + result.stderr
