"""Every Chinese quotation of the judgment in the docs is in the judgment (CASE).

The seed is a text extraction of the published judgment: line breaks split
words with spaces. A quotation counts as exact when it appears in the seed
once whitespace is removed from both; punctuation must match (the seed uses
ASCII commas).
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seed" / "court-case-2022-jing04-minzhong-494.txt"
DOCS = [ROOT / "docs" / "COMPLIANCE.md"]
# "…" quotations that contain at least six Chinese characters.
QUOTE = re.compile(r'"([^"\n]*?[\u4e00-\u9fff][^"\n]*?)"')


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _quotes(text: str) -> list[str]:
    return [q for q in QUOTE.findall(text) if len(re.findall(r"[\u4e00-\u9fff]", q)) >= 6]


@pytest.mark.skipif(not SEED.exists(), reason="shared/seed/ is not beside this checkout")
@pytest.mark.parametrize("doc", DOCS, ids=lambda path: path.name)
def test_every_chinese_quotation_is_in_the_judgment(doc):
    judgment = _squash(SEED.read_text(encoding="utf-8"))
    quotes = _quotes(doc.read_text(encoding="utf-8"))
    assert len(quotes) >= 10
    missing = [quote for quote in quotes if _squash(quote) not in judgment]
    assert missing == []


def test_the_docs_never_give_the_plaintiff_a_sex():
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        assert not re.search(r"\bMr\.? Luo\b|罗先生|罗女士", text)
