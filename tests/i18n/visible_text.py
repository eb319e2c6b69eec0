"""What a person sees on a page, and which of it is still English (A4).

The check is deliberately blunt: after removing what is allowed to be in
Latin letters, any run of two or more ASCII letters is reported. What is
allowed, and why:

- the brand "LearnRight" (a name, not a UI string);
- course titles and summaries: they are data with their own English and
  Chinese fields, not UI strings (the caller passes them in);
- phone numbers, hex digests, dates and version numbers (no letters that matter),
  e-mail addresses and web addresses (www.12377.cn): addresses, not words;
- the names of standards and regulations that are written in Latin letters
  in Chinese too: "GB/T 35273-2020", the hash function "SHA-256", the file
  format "JSON", and the official title 《App违法违规收集使用个人信息行为认定方法》;
- the opt-out keyword in "回复TD退订": carriers' unsubscribe keyword, typed as is;
- text inside an element marked lang="en" (the footer's language switcher
  offers "English" in English, as switchers should).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Proper names that Chinese text writes in Latin letters, each justified above.
ALLOWED_WORDS = frozenset({"LearnRight", "SHA", "JSON"})
ALLOWED_PATTERNS = (
    re.compile(r"GB/T\s*\d+(?:-\d{4})?"),
    re.compile(r"《App违法违规收集使用个人信息行为认定方法》"),
    re.compile(r"回复\s*TD"),  # the SMS opt-out keyword
    re.compile(r"\b[0-9a-f]{32,}\b"),  # SHA-256 digests, ids
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # e-mail addresses
    re.compile(r"\bwww(?:\.[\w-]+)+"),  # web addresses
)
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")

# Attributes that are read out or shown to people.
_SHOWN_ATTRIBUTES = ("aria-label", "placeholder", "alt", "title")
_SKIPPED_ELEMENTS = {"script", "style", "template"}
_VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._skipping: str | None = None
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self._skipping:
            if tag == self._skipping:
                self._depth += 1
            return
        lang = (attributes.get("lang") or "").lower()
        if tag in _SKIPPED_ELEMENTS or (lang and not lang.startswith("zh") and tag != "html"):
            if tag not in _VOID_ELEMENTS:
                self._skipping, self._depth = tag, 1
            return
        self.chunks.extend(attributes[name] for name in _SHOWN_ATTRIBUTES if attributes.get(name))
        if tag == "input" and attributes.get("type") in {"submit", "button"} and attributes.get("value"):
            self.chunks.append(attributes["value"])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self._skipping == tag:
            self._depth -= 1
            if not self._depth:
                self._skipping = None

    def handle_endtag(self, tag):
        if self._skipping and tag == self._skipping:
            self._depth -= 1
            if not self._depth:
                self._skipping = None

    def handle_data(self, data):
        if not self._skipping and data.strip():
            self.chunks.append(data.strip())


def visible_text(html: str) -> list[str]:
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return parser.chunks


def english_left(html: str, *, data_texts: tuple[str, ...] = ()) -> list[str]:
    """Each piece of visible text that still holds English words, with the words."""
    found = []
    for chunk in visible_text(html):
        text = chunk
        for data_text in sorted(data_texts, key=len, reverse=True):
            if data_text:
                text = text.replace(data_text, " ")
        for pattern in ALLOWED_PATTERNS:
            text = pattern.sub(" ", text)
        words = [word for word in LATIN_WORD.findall(text) if word not in ALLOWED_WORDS]
        if words:
            found.append(f"{' '.join(words)!r} in {chunk!r}")
    return found
