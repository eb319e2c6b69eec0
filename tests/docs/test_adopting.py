"""docs/ADOPTING.md is enough on its own (REQUIREMENTS: the pattern can be copied).

Every file the guide shows is the example host's file, verbatim, so what CI
runs in `.ci/consent_package` is what the guide says; and a project built
from `django-admin startproject` plus the guide's steps alone passes
`manage.py check` and goes through the first-run flow.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples"
GUIDE = (ROOT / "docs" / "ADOPTING.md").read_text(encoding="utf-8")
STAND_IN = Path(__file__).resolve().parent / "adopting_project"
FILE_BLOCK = re.compile(r"```(?:python|html) ([^\n]+)\n(.*?)```", re.S)
SHELL_BLOCK = re.compile(r"```sh\n(.*?)```", re.S)

FLOW = """
from django.contrib.auth import get_user_model
from django.test import Client
from django.test.utils import setup_test_environment

from consent import selectors

setup_test_environment()
client = Client()
password = "a long guide password"
response = client.post("/signup/", {"username": "ada", "password1": password, "password2": password})
assert response.status_code == 302, response.content
assert client.get("/")["Location"] == "/consent/acknowledge/"
page = client.get("/consent/acknowledge/")
response = client.post(
    "/consent/acknowledge/", {"privacy_policy_read": "on", "policy_version": page.context["form"].policy.pk}
)
assert response["Location"] == "/consent/marketing_emails/", response
screen = client.get("/consent/marketing_emails/")
agree = {"choice": "agree", "notice_version": screen.context["notice_version"].pk}
client.post("/consent/marketing_emails/", agree)
user = get_user_model().objects.get(username="ada")
assert selectors.consent_is_granted(user=user, purpose="marketing_emails")
client.post("/privacy-centre/decide/", {"purpose": "marketing_emails", "action": "withdraw"})
assert not selectors.consent_is_granted(user=user, purpose="marketing_emails")
assert b"Marketing emails: no." in client.get("/").content
print("guide flow ok")
"""


def _file_blocks() -> list[tuple[str, str]]:
    return FILE_BLOCK.findall(GUIDE)


def test_every_file_the_guide_shows_is_the_example_hosts_file_verbatim():
    blocks = _file_blocks()
    assert len(blocks) >= 10, "docs/ADOPTING.md lost its file blocks"
    for spec, text in blocks:
        path = spec.removesuffix(" (append)")
        actual = (EXAMPLE / path).read_text(encoding="utf-8").rstrip()
        if spec.endswith(" (append)"):
            assert actual.endswith(text.rstrip()), f"{path} does not end with the guide's block"
        else:
            assert actual == text.rstrip(), f"{path} differs from the guide"


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_"))}
    # The consent app from this repository's source: the built wheel is tested by .ci/consent_package.
    env["PYTHONPATH"] = str(ROOT)
    return env


def _run(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=project,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def _build_from_the_guide(project: Path) -> None:
    """Run step 1's commands, then write or append every file the guide shows."""
    project.mkdir()
    commands = SHELL_BLOCK.findall(GUIDE)[0]
    assert "django-admin startproject mysite ." in commands
    assert "python manage.py startapp marketing" in commands
    for args in (("-m", "django", "startproject", "mysite", "."), ("manage.py", "startapp", "marketing")):
        result = _run(project, *args)
        assert result.returncode == 0, result.stderr
    for spec, text in _file_blocks():
        path = project / spec.removesuffix(" (append)")
        path.parent.mkdir(parents=True, exist_ok=True)
        if spec.endswith(" (append)"):
            path.write_text(path.read_text(encoding="utf-8") + "\n" + text, encoding="utf-8")
        else:
            path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def guide_project(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("guide") / "site"
    _build_from_the_guide(project)
    return project


def test_a_fresh_project_built_from_the_guide_alone_checks_clean_and_runs_the_first_run_flow(guide_project):
    for step in (("migrate", "--noinput"), ("publish_notices",), ("check", "--fail-level", "WARNING")):
        result = _run(guide_project, "manage.py", *step)
        assert result.returncode == 0, f"manage.py {' '.join(step)}:\n{result.stdout}{result.stderr}"
    assert "no issues" in result.stdout

    flow = _run(guide_project, "manage.py", "shell", "-c", FLOW)

    assert flow.returncode == 0, flow.stdout + flow.stderr
    assert "guide flow ok" in flow.stdout


def test_an_app_of_the_project_that_does_not_declare_its_personal_data_fails_e003(guide_project, tmp_path):
    # Nothing may be left out of a copy or survive an erasure (REQUIREMENTS D1, D4).
    project = tmp_path / "site"
    shutil.copytree(guide_project, project, ignore=shutil.ignore_patterns("db.sqlite3", "__pycache__"))
    shutil.copytree(STAND_IN / "undeclaredapp", project / "undeclaredapp")
    settings = project / "mysite" / "settings.py"
    settings.write_text(settings.read_text() + '\nINSTALLED_APPS += ["undeclaredapp"]\n')

    result = _run(project, "manage.py", "check")

    assert result.returncode != 0
    assert "consent.E003" in result.stderr
    assert "undeclaredapp.Note" in result.stderr
    assert "undeclaredapp/personal_data.py" in result.stderr
