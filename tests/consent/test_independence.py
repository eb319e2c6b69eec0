"""consent/ is the piece developers copy: it must not import the learning platform (issue 3)."""

import ast
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
