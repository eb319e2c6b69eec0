"""consent/ is the piece developers copy: it must not import the learning platform (the reusable package)."""

import ast
import re
from pathlib import Path

import consent

PLATFORM_APPS = {"onboarding", "recommendations", "training"}


def test_the_consent_app_imports_nothing_from_the_learning_platform():
    offenders = []
    for path in Path(consent.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            offenders += [f"{path.name}: {m}" for m in modules if m.split(".")[0] in PLATFORM_APPS]
    assert offenders == []


# The words of this project that a reusable consent package must not carry.
PROJECT_WORDS = re.compile(r"learnright|course|learner|onboarding|recommendation|sms|mobile", re.IGNORECASE)


def test_the_consent_package_carries_no_word_of_the_learning_platform():
    # Its templates, messages, catalogue and code speak of "your account" and
    # "purposes"; the project's own wording lives in its templates/ and apps.
    root = Path(consent.__file__).parent
    offenders = []
    for path in root.rglob("*"):
        if path.is_dir() or "__pycache__" in path.parts or path.suffix == ".mo":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if PROJECT_WORDS.search(line):
                offenders.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    assert offenders == []
