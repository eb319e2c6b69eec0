"""One term per concept in the Chinese a learner reads (docs/GLOSSARY.md).

The Chinese text is every translation in our gettext catalogues and every
published notice template in Simplified Chinese. A variant of the last
column must appear nowhere (the right term is removed first, so a variant
that is part of it, such as 同意告知 in 同意告知书, is not reported), and
each term of the 中文 column must be used somewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import polib
import pytest

from tests.i18n.catalogues import _SKIPPED_DIRS, BASE_DIR, po_files, po_id

GLOSSARY = BASE_DIR / "docs" / "GLOSSARY.md"
HEADER = "| Concept | English | 中文 | Not in Chinese |"


def _rows() -> list[dict]:
    lines = GLOSSARY.read_text(encoding="utf-8").splitlines()
    start = lines.index(HEADER)
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        assert len(cells) == 4, line
        concept, english, chinese, banned = cells
        rows.append(
            {
                "concept": concept,
                "english": english,
                "chinese": chinese,
                "banned": [variant.strip() for variant in banned.split(",") if variant.strip()],
            }
        )
    return rows


def _zh_notice_templates() -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(BASE_DIR):
        dirnames[:] = [name for name in dirnames if name not in _SKIPPED_DIRS and name != "tests"]
        if "notices" in Path(dirpath).parts:
            found.extend(Path(dirpath) / name for name in filenames if name == "zh-hans.html")
    return sorted(found)


def _chinese_texts() -> dict[str, str]:
    texts = {}
    for path in po_files():
        po = polib.pofile(str(path))
        for entry in po:
            parts = [entry.msgstr, *entry.msgstr_plural.values()]
            texts[f"{po_id(path)}: {entry.msgid[:60]!r}"] = "\n".join(parts)
    for path in _zh_notice_templates():
        texts[str(path.relative_to(BASE_DIR))] = path.read_text(encoding="utf-8")
    return texts


def test_the_glossary_has_its_table():
    rows = _rows()
    assert len(rows) >= 10
    assert all(row["chinese"] for row in rows)
    assert _zh_notice_templates(), "no Chinese notice template found"


@pytest.mark.parametrize("row", _rows(), ids=lambda row: row["chinese"])
def test_no_chinese_text_uses_a_variant_the_glossary_rules_out(row):
    offenders = []
    for where, text in _chinese_texts().items():
        cleaned = text.replace(row["chinese"], "")
        offenders += [f"{where}: {variant}" for variant in row["banned"] if variant in cleaned]
    assert offenders == [], f"use {row['chinese']!r} ({row['english']}) instead"


@pytest.mark.parametrize("row", _rows(), ids=lambda row: row["chinese"])
def test_every_glossary_term_is_used(row):
    term = row["chinese"]
    # A term written with its explanation in brackets is used as the part before them.
    core = term.split("（")[0]
    assert any(core in text for text in _chinese_texts().values()), f"{term!r} is used nowhere"


def test_a_banned_variant_is_reported(monkeypatch):
    # The check itself: a catalogue that says 隐私办公室 again fails.
    row = next(row for row in _rows() if row["chinese"] == "个人信息保护负责人")
    monkeypatch.setattr(
        "tests.i18n.test_glossary._chinese_texts", lambda: {"sample": "请联系 LearnRight 隐私办公室。"}
    )
    with pytest.raises(AssertionError):
        test_no_chinese_text_uses_a_variant_the_glossary_rules_out(row)
