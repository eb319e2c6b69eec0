"""Browser end-to-end fixtures: a real server, the system Chromium, guarded pages.

Run with `DJANGO_DEBUG=true CI=true .venv/bin/pytest tests/e2e -m e2e -q`.

- `live_app` (session): migrates a fresh SQLite file, runs `setup_demo`, serves
  the app with gunicorn on 127.0.0.1 (a port in 8160-8199) and writes SMS to a
  file the tests read codes from. The tests never touch that database directly:
  they need no Django test database and no django_db mark.
- `browser` (session): the system Chromium (/usr/bin/chromium, or CHROMIUM_PATH).
  Without it the suite is skipped with a message, unless CI is set: then it fails,
  so CI can never pass without having run the browser.
- `ui` / `new_ui` (per test): a fresh browser context per person. Every page is
  checked by axe-core (serious or critical violations fail the test) and every
  request is checked against localhost: any other host fails the test
  (REQUIREMENTS A5: no third-party requests).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest

from tests.e2e.harness import CHROMIUM_ARGS, CHROMIUM_PATH, LiveApp, start_live_app, stop_live_app
from tests.e2e.ui import DESKTOP, PageGuard, Ui


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if CHROMIUM_PATH.exists():
        return str(CHROMIUM_PATH)
    message = (
        f"no Chromium at {CHROMIUM_PATH}: install the Debian package `chromium` "
        "(or set CHROMIUM_PATH) to run the browser suite"
    )
    if os.environ.get("CI"):
        pytest.fail(f"CI is set and {message}", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_app(tmp_path_factory, chromium_path) -> Iterator[LiveApp]:
    # Depends on chromium_path so that a machine without a browser skips before
    # paying for migrations and a server start.
    app = start_live_app(tmp_path_factory.mktemp("e2e-server"))
    yield app
    stop_live_app(app)


@pytest.fixture(scope="session")
def live_app_tour(tmp_path_factory, chromium_path) -> Iterator[LiveApp]:
    """A second server with the trainers' notes on, as `make run` shows the app."""
    app = start_live_app(tmp_path_factory.mktemp("e2e-server-tour"), tour=True)
    yield app
    stop_live_app(app)


@pytest.fixture
def new_ui(request, browser, live_app) -> Iterator[Callable[..., Ui]]:
    """Open a new browser context (a new person, or the same person on a new device).

    `new_ui(locale="zh-CN", viewport=MOBILE)`; locale sets navigator.language and
    the Accept-Language header, as a real browser configured in that language does.
    `tour=True` opens it on the server with the trainers' notes on (`make run`).
    """
    opened: list[tuple[object, PageGuard]] = []

    def open_ui(
        *, locale: str = "en-US", viewport: dict[str, int] = DESKTOP, shooter=None, tour: bool = False
    ) -> Ui:
        app = request.getfixturevalue("live_app_tour") if tour else live_app
        context = browser.new_context(locale=locale, viewport=viewport, base_url=app.url)
        context.set_default_timeout(15_000)
        guard = PageGuard.install(context)
        opened.append((context, guard))
        page = context.new_page()
        ui = Ui(page=page, app=app, guard=guard, shooter=shooter)
        request.node.e2e_uis.append(ui)
        return ui

    request.node.e2e_uis = []

    yield open_ui
    problems = []
    for context, guard in opened:
        problems.extend(guard.problems())
        context.close()
    if problems:
        # A request that left localhost after the last check still fails the run.
        pytest.fail("\n".join(problems), pytrace=False)


@pytest.fixture
def ui(new_ui) -> Ui:
    return new_ui()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    # Serious and critical axe-core violations on any page of the journey fail it,
    # all listed at once (each with its page) rather than one per run.
    result = yield
    pages_by_problem: dict[str, list[str]] = {}
    for ui in getattr(item, "e2e_uis", ()):
        for url, problem in ui.accessibility_problems:
            pages_by_problem.setdefault(problem, []).append(url)
    if pages_by_problem:
        listed = [f"- {problem}\n  on {sorted(set(urls))}" for problem, urls in pages_by_problem.items()]
        raise AssertionError("axe-core found serious or critical violations:\n" + "\n".join(listed))
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # On a failing browser test, show the end of the server log next to it.
    report = yield
    app = getattr(item, "funcargs", {}).get("live_app")
    if report.when == "call" and report.failed and app is not None:
        report.sections.append(("server log (last lines)", app.log_tail()))
    return report
