"""One English spelling per word: "personalized", "personalization" (docs/GLOSSARY.md).

The English a learner reads comes from our templates, our Python strings and the
msgids of our gettext catalogues; a British "-is-" form in any of them would show
two spellings of one concept on the same site. README and docs/ are scanned too,
so the project speaks of itself as its pages do. Screenshots are images, and the
virtualenv is third-party code. There is no quoted legal text in English that
uses the word; if one is ever quoted, exempt that file here by name with why.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import polib

from tests.i18n.catalogues import _SKIPPED_DIRS, BASE_DIR, po_files, po_id

# Built from parts so that this file does not report itself.
BRITISH = re.compile("personali" + "s", re.IGNORECASE)
SCANNED_SUFFIXES = {".html", ".txt", ".py", ".md"}
SKIPPED_PATHS = {BASE_DIR / "docs" / "screenshots"}


def _source_files() -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(BASE_DIR):
        current = Path(dirpath)
        dirnames[:] = [
            name for name in dirnames if name not in _SKIPPED_DIRS and current / name not in SKIPPED_PATHS
        ]
        found.extend(current / name for name in filenames if Path(name).suffix in SCANNED_SUFFIXES)
    return sorted(found)


def test_the_scan_covers_templates_python_and_catalogues():
    files = {path.relative_to(BASE_DIR).as_posix() for path in _source_files()}
    assert "templates/base.html" in files
    assert "recommendations/services.py" in files
    assert "README.md" in files
    assert po_files(), "no .po catalogue found"


def test_no_british_spelling_in_templates_python_or_docs():
    offenders = []
    for path in _source_files():
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            if BRITISH.search(line):
                offenders.append(f"{path.relative_to(BASE_DIR)}:{number}: {line.strip()[:100]}")
    assert not offenders, "write 'personaliz...', not the British spelling:\n" + "\n".join(offenders)


def test_no_british_spelling_in_catalogue_msgids():
    offenders = []
    for path in po_files():
        for entry in polib.pofile(str(path)):
            for msgid in (entry.msgid, entry.msgid_plural or ""):
                if BRITISH.search(msgid):
                    offenders.append(f"{po_id(path)}: {msgid[:100]!r}")
    assert not offenders, "write 'personaliz...', not the British spelling:\n" + "\n".join(offenders)
