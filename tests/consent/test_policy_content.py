"""The privacy policy states, for every category of personal data the code declares, its purpose,
legal basis, retention and recipients, in both languages (A4; PIPL 17; APP191 1.1, 2.1).

The categories come from the `personal_data.py` registries (consent.registry), the
same declarations the copy of my data and erasure use: a category added in code
without a policy entry, or an entry that loses one of the four points, fails here.
The periods the registry states for a category must also appear in its entry.
"""

import re
from html.parser import HTMLParser

import pytest

from consent import notices, registry

LABELS = {
    "en": {
        "purpose": "Purpose:",
        "legal_basis": "Legal basis:",
        "retention": "Retention:",
        "recipients": "Recipients:",
    },
    "zh-hans": {
        "purpose": "处理目的：",
        "legal_basis": "法律依据：",
        "retention": "保存期限：",
        "recipients": "接收方：",
    },
}
LANGUAGES = sorted(LABELS)


class _PolicyItems(HTMLParser):
    """Collects the text of each `<div class="policy-item" data-categories="...">`, item by item."""

    def __init__(self):
        super().__init__()
        self.items: dict[str, list[str]] = {}
        self._depth = 0
        self._keys: list[str] = []
        self._points: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and "policy-item" in (attrs.get("class") or "").split():
            self._keys = (attrs.get("data-categories") or "").split()
            self._points = []
            self._depth = 1
        elif self._depth and tag == "div":
            self._depth += 1
        elif self._depth and tag == "li":
            self._points.append("")

    def handle_endtag(self, tag):
        if self._depth and tag == "div":
            self._depth -= 1
            if self._depth == 0:
                for key in self._keys:
                    assert key not in self.items, f"{key} has two entries in the policy"
                    self.items[key] = self._points

    def handle_data(self, data):
        if self._depth and self._points:
            self._points[-1] += data


def _policy_items(language: str) -> dict[str, list[str]]:
    parser = _PolicyItems()
    parser.feed(notices.privacy_policy_notice().render(language))
    return parser.items


def _point(points: list[str], label: str) -> str | None:
    for point in points:
        text = " ".join(point.split())
        if text.startswith(label):
            return text[len(label) :].strip()
    return None


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_declared_category_has_a_policy_entry_with_purpose_basis_retention_and_recipients(language):
    items = _policy_items(language)
    declared = [category.key for category in registry.categories()]
    assert len(declared) >= 9

    problems = []
    for key in declared:
        if key not in items:
            problems.append(f"{key}: no entry in the {language} policy")
            continue
        for point, label in LABELS[language].items():
            value = _point(items[key], label)
            if not value or len(value) < 2:
                problems.append(f"{key}: no {point} ({label!r}) in the {language} policy")
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_periods_the_registry_declares_appear_in_the_policy_entry(language):
    items = _policy_items(language)
    for category in registry.categories():
        with_english_numbers = str(category.retention)
        numbers = re.findall(r"\d+", with_english_numbers)
        retention = _point(items.get(category.key, []), LABELS[language]["retention"]) or ""
        for number in numbers:
            assert re.search(rf"(?<!\d){number}(?!\d)", retention), (
                f"{category.key}: the registry keeps it for {with_english_numbers!r}, "
                f"but the {language} policy's retention does not say {number}"
            )


def test_the_entries_are_the_same_in_both_languages():
    assert set(_policy_items("en")) == set(_policy_items("zh-hans"))


def test_a_category_declared_without_a_policy_entry_fails_the_check():
    category = registry.PersonalDataCategory(
        key="lesson_notes_for_test",
        label="Lesson notes",
        description="",
        models=(),
        export=lambda user: [],
        erase=lambda user: None,
    )
    registry.register(category)
    try:
        with pytest.raises(AssertionError, match="lesson_notes_for_test: no entry"):
            test_every_declared_category_has_a_policy_entry_with_purpose_basis_retention_and_recipients("en")
    finally:
        registry.unregister(category.key)
