"""A page under test and the checks every page of a journey must pass.

`Ui.goto` and `Ui.submit` are the only ways the journeys move between pages, and
each lands through `Ui.check`: no request left localhost, no server error, no
Content Security Policy violation (each fails at once), and no serious or
critical axe-core violation (all are listed when the test ends).
The dark-pattern measurements (REQUIREMENTS B3) are here too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 375, "height": 667}
# A 1280x800 projector at 150% zoom: the page lays out in 853x533 CSS pixels.
PROJECTOR_ZOOMED = {"width": 853, "height": 533}
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost"})
FAILING_IMPACTS = frozenset({"serious", "critical"})
# Rendered sizes of two choices may differ by rounding and label length, not by design.
SIZE_TOLERANCE = 0.10

_axe = Axe()


@dataclass
class PageGuard:
    """Everything a context's pages did that a compliant page never does."""

    offsite: list[str] = field(default_factory=list)
    server_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    script_errors: list[str] = field(default_factory=list)

    @classmethod
    def install(cls, context) -> PageGuard:
        guard = cls()
        context.route("**/*", guard._route)
        context.on("response", guard._on_response)
        context.on("console", guard._on_console)
        context.on("weberror", guard._on_weberror)
        return guard

    def _route(self, route) -> None:
        url = route.request.url
        if urlsplit(url).hostname in LOCAL_HOSTS:
            route.continue_()
            return
        # Recorded and blocked: nothing optional may reach a third party (A5).
        self.offsite.append(f"{route.request.resource_type} {url}")
        route.abort("blockedbyclient")

    def _on_response(self, response) -> None:
        path = urlsplit(response.url).path
        if response.status >= 500 or (response.status == 404 and path.startswith("/static/")):
            self.server_errors.append(f"{response.status} {response.request.method} {response.url}")

    def _on_console(self, message) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            self.csp_violations.append(message.text)

    def _on_weberror(self, web_error) -> None:
        self.script_errors.append(str(web_error.error))

    def problems(self) -> list[str]:
        found = []
        if self.offsite:
            found.append(f"requests to hosts other than localhost (REQUIREMENTS A5): {self.offsite}")
        if self.server_errors:
            found.append(f"server errors or missing static files: {self.server_errors}")
        if self.csp_violations:
            found.append(f"Content Security Policy violations: {self.csp_violations}")
        if self.script_errors:
            found.append(f"uncaught script errors: {self.script_errors}")
        return found


def accessibility_violations(page) -> list[str]:
    results = _axe.run(page)
    found = []
    for violation in results.response["violations"]:
        if violation.get("impact") in FAILING_IMPACTS:
            nodes = [node["html"][:160] for node in violation["nodes"][:3]]
            detail = violation["nodes"][0].get("failureSummary", "").replace("\n", " ")
            found.append(f"{violation['id']} ({violation['impact']}) {violation['help']}: {nodes} - {detail}")
    return found


@dataclass
class Ui:
    page: object
    app: object
    guard: PageGuard
    shooter: Callable[[object, str], None] | None = None
    pages_checked: list[str] = field(default_factory=list)
    accessibility_problems: list[tuple[str, str]] = field(default_factory=list)

    @property
    def path(self) -> str:
        return urlsplit(self.page.url).path

    def goto(self, path: str):
        response = self.page.goto(path)
        self.check()
        return response

    def submit(self, button) -> None:
        """Click a button or link that loads a new page, and check that page."""
        with self.page.expect_navigation():
            button.click()
        self.check()

    def check(self) -> None:
        self.page.wait_for_load_state("load")
        problems = self.guard.problems()
        assert not problems, f"on {self.page.url}: " + "; ".join(problems)
        # Collected, not raised at once, so one run lists every violation of the
        # journey; conftest.py fails the test with them when it ends.
        for violation in accessibility_violations(self.page):
            self.accessibility_problems.append((self.page.url, violation))
        self.pages_checked.append(self.page.url)

    def step(self, name: str) -> None:
        """A named moment of a journey; `make screenshots` photographs it."""
        if self.shooter is not None:
            self.shooter(self.page, name)

    def main_text(self) -> str:
        return self.page.locator("main").inner_text()

    def is_signed_in(self) -> bool:
        return self.page.locator("header form[action*='logout'] button[type=submit]").count() == 1


_MEASURE = """element => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {
        label: element.innerText.trim(), tag: element.tagName, type: element.type || "",
        x: box.left, y: box.top, width: box.width, height: box.height,
        viewportWidth: window.innerWidth, viewportHeight: window.innerHeight,
        onTop: hit !== null && (hit === element || element.contains(hit)),
        fontSize: style.fontSize, fontWeight: style.fontWeight,
        color: style.color, background: style.backgroundColor, border: style.borderTopWidth,
    };
}"""


def measure(locator) -> dict:
    return locator.evaluate(_MEASURE)


def assert_equally_prominent(ui: Ui, first, second, *, same_style: bool) -> None:
    """REQUIREMENTS B3, measured in the rendered page at phone and desktop size.

    Both choices are on screen before any scrolling, not covered by anything,
    of the same size (within 10%) and the same text size and weight; with
    `same_style` also the same colours (the consent screen: "same element, size
    and style").
    """
    page = ui.page
    for choice in (first, second):
        # Checked up front: a missing button fails here with its name, not after a timeout.
        assert choice.count() == 1, f"expected exactly one {choice} on {page.url}, found {choice.count()}"
    original = page.viewport_size
    try:
        for viewport in (MOBILE, DESKTOP):
            page.set_viewport_size(viewport)
            page.evaluate("window.scrollTo(0, 0)")
            a, b = measure(first), measure(second)
            where = f"at {viewport['width']}x{viewport['height']} on {page.url}: {a} vs {b}"
            for box in (a, b):
                label = repr(box["label"])
                assert box["width"] > 0, f"{label} is not rendered {where}"
                assert box["height"] > 0, f"{label} is not rendered {where}"
                assert box["x"] >= 0, f"{label} starts off screen {where}"
                assert box["x"] + box["width"] <= box["viewportWidth"], f"{label} runs off screen {where}"
                assert box["y"] >= 0, f"{label} is above the window {where}"
                assert box["y"] + box["height"] <= box["viewportHeight"], f"{label} needs scrolling {where}"
                assert box["onTop"], f"{label} is covered by another element {where}"
            for dimension in ("width", "height"):
                larger = max(a[dimension], b[dimension])
                assert abs(a[dimension] - b[dimension]) <= SIZE_TOLERANCE * larger, (
                    f"{dimension} differs by more than 10% {where}"
                )
            assert (a["tag"], a["type"]) == (b["tag"], b["type"]), f"not the same element {where}"
            assert (a["fontSize"], a["fontWeight"]) == (b["fontSize"], b["fontWeight"]), (
                f"different text size or weight {where}"
            )
            if same_style:
                looks = [(box["color"], box["background"], box["border"]) for box in (a, b)]
                assert looks[0] == looks[1], f"different colours or border {where}"
    finally:
        page.set_viewport_size(original)


def assert_nothing_preselected(ui: Ui) -> None:
    """No box ticked, no option chosen for the person (REQUIREMENTS A3, B3)."""
    main = ui.page.locator("main")
    checked = main.locator("input[type=checkbox]:checked, input[type=radio]:checked")
    names = checked.evaluate_all("inputs => inputs.map(i => `${i.name}=${i.value}`)")
    assert not names, f"pre-selected on {ui.page.url}: {names}"
    chosen = main.locator("select").evaluate_all(
        "selects => selects.filter(s => s.value !== '').map(s => `${s.name}=${s.value}`)"
    )
    assert not chosen, f"pre-chosen option on {ui.page.url}: {chosen}"


def assert_in_first_view(ui: Ui, elements: dict, *, viewports=(MOBILE, PROJECTOR_ZOOMED), partial=()) -> None:
    """REQUIREMENTS B3 for a whole screen: each named element is on screen before any scrolling.

    Measured in the rendered page: inside the window horizontally and
    vertically, rendered, and not covered by another element. Names in
    `partial` (a long text, such as the start of a notice) need only their
    first line (the top 1.5em) in the window.
    """
    page = ui.page
    for name, element in elements.items():
        assert element.count() >= 1, f"no {name} ({element}) on {page.url}"
    original = page.viewport_size
    try:
        for viewport in viewports:
            page.set_viewport_size(viewport)
            page.evaluate("window.scrollTo(0, 0)")
            for name, element in elements.items():
                box = measure(element.first)
                where = f"at {viewport['width']}x{viewport['height']} on {page.url}: {box}"
                assert box["width"] > 0, f"{name} is not rendered {where}"
                assert box["height"] > 0, f"{name} is not rendered {where}"
                assert box["x"] >= 0, f"{name} starts off screen {where}"
                right = box["x"] + box["width"]
                assert right <= box["viewportWidth"] + 0.5, f"{name} runs off screen {where}"
                assert box["y"] >= 0, f"{name} is above the window {where}"
                height = box["height"]
                if name in partial:
                    height = min(height, 1.5 * float(box["fontSize"].removesuffix("px")))
                bottom = box["y"] + height
                assert bottom <= box["viewportHeight"], f"{name} needs scrolling {where}"
                if name not in partial:
                    assert box["onTop"], f"{name} is covered by another element {where}"
    finally:
        page.set_viewport_size(original)
