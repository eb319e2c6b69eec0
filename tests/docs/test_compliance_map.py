"""docs/COMPLIANCE.md stays true: every requirement and every APP191 item answered,
and every test it names exists (so a renamed or deleted proof is noticed)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAP = (ROOT / "docs" / "COMPLIANCE.md").read_text(encoding="utf-8")

# The IDs of shared/REQUIREMENTS.md.
REQUIREMENT_IDS = (
    [f"A{i}" for i in range(1, 8)]
    + [f"B{i}" for i in range(1, 10)]
    + [f"C{i}" for i in range(1, 6)]
    + [f"D{i}" for i in range(1, 7)]
    + [f"E{i}" for i in range(1, 6)]
    + [f"F{i}" for i in range(1, 4)]
)
# The 31 situations of the 2019 Method (shared/APP191.md): items per category.
APP191_ITEMS = [
    f"{c}.{i}" for c, n in ((1, 4), (2, 4), (3, 9), (4, 6), (5, 3), (6, 5)) for i in range(1, n + 1)
]
TEST_REFERENCE = re.compile(r"(tests/[\w/]+\.py)::(test_\w+)")


def _rows_starting_with(label: str) -> list[str]:
    return [line for line in MAP.splitlines() if line.startswith(f"| {label} |")]


def test_every_requirement_id_has_a_row_naming_code_and_a_test():
    for requirement in REQUIREMENT_IDS:
        rows = _rows_starting_with(requirement)
        assert len(rows) == 1, f"{requirement}: expected one row, found {len(rows)}"
        assert "tests/" in rows[0], f"{requirement}: no test named"
        assert "/" in rows[0].split("|")[3], f"{requirement}: no code named"


def test_every_app191_item_is_answered():
    assert len(APP191_ITEMS) == 31
    for item in APP191_ITEMS:
        rows = _rows_starting_with(item)
        assert len(rows) == 1, f"APP191 {item}: expected one row, found {len(rows)}"
        assert len(rows[0].split("|")[3].strip()) > 20, f"APP191 {item}: no answer"


def _named_tests() -> set[tuple[str, str]]:
    named = set(TEST_REFERENCE.findall(MAP))
    # "file::test_a`, `::test_b": the later names belong to the same file.
    for line in MAP.splitlines():
        current = None
        for match in re.finditer(r"(tests/[\w/]+\.py)?::(test_\w+)", line):
            current = match.group(1) or current
            if current:
                named.add((current, match.group(2)))
    return named


def test_every_test_the_map_names_exists():
    named = _named_tests()
    assert len(named) > 80
    missing = []
    for path, name in sorted(named):
        source = ROOT / path
        if not source.exists() or not re.search(rf"def {name}\(", source.read_text(encoding="utf-8")):
            missing.append(f"{path}::{name}")
    assert missing == []
