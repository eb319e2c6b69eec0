"""Where the gettext catalogues live, and how to read them (shared by the i18n tests)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)

# One catalogue per app, so an app copied into another project brings its
# translations, and one for the project's own templates/ and config/.
APPS_WITH_CATALOGUES = ("onboarding", "consent", "recommendations", "training", "api")
CHINESE = "zh_Hans"
EXPECTED = (*(BASE_DIR / app / "locale" for app in APPS_WITH_CATALOGUES), BASE_DIR / "locale")

# Never ours: third-party packages and generated files.
_SKIPPED_DIRS = {
    ".venv",
    "venv",
    "node_modules",
    "var",
    ".git",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
}

# What must survive translation unchanged: Python-format placeholders and HTML tags.
PLACEHOLDER = re.compile(r"%%|%\(\w+\)[sdif]|%[sdif]|<[^>]+>")


def po_files() -> list[Path]:
    """Every .po file in the repository (not only the expected ones: a new catalogue counts too)."""
    found = []
    for dirpath, dirnames, filenames in os.walk(BASE_DIR):
        dirnames[:] = [name for name in dirnames if name not in _SKIPPED_DIRS]
        found.extend(Path(dirpath) / name for name in filenames if name.endswith(".po"))
    return sorted(found)


def po_id(path: Path) -> str:
    return str(path.relative_to(BASE_DIR))


def entry_key(entry) -> tuple[str | None, str, str | None]:
    return (entry.msgctxt, entry.msgid, entry.msgid_plural or None)


def entry_translation(entry) -> str | tuple[str, ...]:
    if entry.msgid_plural:
        return tuple(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural))
    return entry.msgstr


def untranslated_or_fuzzy(po) -> list[str]:
    problems = [f"untranslated: {entry.msgid!r}" for entry in po.untranslated_entries()]
    problems += [f"fuzzy: {entry.msgid!r}" for entry in po.fuzzy_entries()]
    return problems
