"""The Simplified Chinese catalogues are complete, compiled and honest (REQUIREMENTS A4).

Every .po file in the repository is checked, so a catalogue added later is
held to the same rules. The compiled .mo files are committed (CI and
learners' machines may not have GNU gettext), so each must say exactly what
its .po says.
"""

import shutil
from collections import defaultdict

import polib
import pytest
from django.core.management import call_command
from django.utils import translation

from tests.i18n.catalogues import (
    APPS_WITH_CATALOGUES,
    BASE_DIR,
    CHINESE,
    EXPECTED,
    PLACEHOLDER,
    entry_key,
    entry_translation,
    po_files,
    po_id,
    untranslated_or_fuzzy,
)

PO_FILES = po_files()


@pytest.mark.parametrize("locale_dir", EXPECTED, ids=lambda path: po_id(path))
def test_each_app_and_the_project_ship_a_simplified_chinese_catalogue(locale_dir):
    catalogue = locale_dir / CHINESE / "LC_MESSAGES" / "django.po"

    assert catalogue in PO_FILES, f"missing {po_id(catalogue)}"
    assert len(polib.pofile(str(catalogue))) > 0


@pytest.mark.parametrize("path", PO_FILES, ids=po_id)
def test_catalogue_has_no_untranslated_and_no_fuzzy_entries(path):
    po = polib.pofile(str(path))

    problems = untranslated_or_fuzzy(po)
    if po.metadata_is_fuzzy:
        problems.append("the header is marked fuzzy")
    assert not problems, f"{po_id(path)}:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", PO_FILES, ids=po_id)
def test_catalogue_declares_its_language_and_plural_forms(path):
    metadata = polib.pofile(str(path)).metadata

    assert metadata.get("Language") == path.parents[1].name
    assert metadata.get("Plural-Forms") == "nplurals=1; plural=0;"


@pytest.mark.parametrize("path", PO_FILES, ids=po_id)
def test_translations_keep_every_placeholder_and_html_tag(path):
    # A lost %(name)s raises at render time; a lost <a href> silently drops a link.
    broken = []
    for entry in polib.pofile(str(path)).translated_entries():
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        translations = entry_translation(entry)
        for text in translations if isinstance(translations, tuple) else (translations,):
            if sorted(PLACEHOLDER.findall(text)) != expected:
                broken.append(f"{entry.msgid!r} -> {text!r}")
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize("path", PO_FILES, ids=po_id)
def test_committed_mo_file_matches_its_po_file(path):
    mo_path = path.with_suffix(".mo")
    assert mo_path.exists(), f"{po_id(mo_path)} is missing: run compilemessages and commit it"

    po_entries = {entry_key(e): entry_translation(e) for e in polib.pofile(str(path)).translated_entries()}
    mo_entries = {entry_key(e): entry_translation(e) for e in polib.mofile(str(mo_path)) if e.msgid}

    stale = {key: (po_entries.get(key), mo_entries.get(key)) for key in po_entries.keys() | mo_entries.keys()}
    stale = {key: pair for key, pair in stale.items() if pair[0] != pair[1]}
    assert not stale, f"{po_id(mo_path)} is stale, run compilemessages: {sorted(stale.items())[:5]}"


def test_the_same_english_text_has_the_same_chinese_translation_in_every_catalogue():
    # At run time one translation of a msgid wins for the whole site, so two
    # catalogues disagreeing would show one app's wording in another app.
    translations = defaultdict(set)
    for path in PO_FILES:
        for entry in polib.pofile(str(path)).translated_entries():
            translations[entry_key(entry)].add(entry_translation(entry))

    conflicts = {key[1]: sorted(map(str, values)) for key, values in translations.items() if len(values) > 1}
    assert not conflicts, conflicts


def test_every_translation_in_our_catalogues_is_the_one_people_see():
    # Django merges catalogues: LOCALE_PATHS first, then apps in INSTALLED_APPS
    # order (django.contrib.*, allauth before ours). A msgid that an earlier
    # catalogue also translates would silently show that other wording.
    shadowed = []
    with translation.override("zh-hans"):
        for path in PO_FILES:
            for entry in polib.pofile(str(path)).translated_entries():
                if entry.msgid_plural:
                    shown = (
                        translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 1)
                        if entry.msgctxt
                        else translation.ngettext(entry.msgid, entry.msgid_plural, 1)
                    )
                    expected = entry.msgstr_plural[0]
                elif entry.msgctxt:
                    shown, expected = translation.pgettext(entry.msgctxt, entry.msgid), entry.msgstr
                else:
                    shown, expected = translation.gettext(entry.msgid), entry.msgstr
                if shown != expected:
                    shadowed.append(
                        f"{po_id(path)}: {entry.msgid!r}: catalogue says {expected!r}, site shows {shown!r}"
                    )
    assert not shadowed, "\n".join(shadowed)


# --- The catalogues are up to date with the code --------------------------------------------------

needs_gettext = pytest.mark.skipif(
    not (shutil.which("xgettext") and shutil.which("msgmerge")),
    reason="GNU gettext (xgettext, msgmerge) is not installed; the committed catalogues are still checked",
)

CATALOGUE_SOURCES = {app: (app,) for app in APPS_WITH_CATALOGUES} | {"project": ("templates", "config")}


@needs_gettext
@pytest.mark.parametrize("catalogue", CATALOGUE_SOURCES)
def test_catalogue_holds_every_translatable_string_of_the_code_and_nothing_else(
    catalogue, tmp_path, monkeypatch, settings
):
    """makemessages on a copy finds no new, changed or removed string.

    Run on a copy so that the test never rewrites the committed catalogue;
    a failure lists what `makemessages -l zh_Hans --no-obsolete` would change.
    """
    if catalogue == "project":
        root, sources, locale = tmp_path, CATALOGUE_SOURCES[catalogue], BASE_DIR / "locale"
    else:
        root, sources, locale = tmp_path / catalogue, (), BASE_DIR / catalogue / "locale"
        shutil.copytree(BASE_DIR / catalogue, root, ignore=shutil.ignore_patterns("__pycache__", "locale"))
    for source in sources:
        shutil.copytree(BASE_DIR / source, root / source, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(locale, root / "locale")
    committed = polib.pofile(str(root / "locale" / CHINESE / "LC_MESSAGES" / "django.po"))
    monkeypatch.chdir(root)
    settings.LOCALE_PATHS = [root / "locale"]

    call_command("makemessages", locale=[CHINESE], no_obsolete=True, verbosity=0)

    regenerated = polib.pofile(str(root / "locale" / CHINESE / "LC_MESSAGES" / "django.po"))
    new = sorted(e.msgid for e in regenerated if entry_key(e) not in {entry_key(c) for c in committed})
    removed = sorted(e.msgid for e in committed if entry_key(e) not in {entry_key(r) for r in regenerated})
    assert not new, f"run makemessages for {catalogue}, then translate these new or changed strings: {new}"
    assert not removed, f"run makemessages for {catalogue} --no-obsolete: no longer in the code: {removed}"
    assert not untranslated_or_fuzzy(regenerated)
