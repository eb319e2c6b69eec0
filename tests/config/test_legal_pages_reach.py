"""Every legal page is reachable in at most 2 clicks from every page (REQUIREMENTS A4, D6; APP191 1.3).

The test walks the site as a signed-in learner and as a visitor: starting from
every page it can reach, it follows links breadth-first and checks that each
legal page is found within two clicks.
"""

import re
from collections import deque
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from consent.services import notices_publish_all, policy_acknowledge
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="([^"#]+)"')
SKIP_PREFIXES = ("/static/", "/admin/", "/i18n/", "/screenshots/")


def _links(client, path: str) -> list[str]:
    response = client.get(path)
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return []
    links = []
    for href in HREF.findall(response.content.decode()):
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        if parts.path.startswith(SKIP_PREFIXES) or parts.path.endswith((".json", ".py", ".css", ".png")):
            continue
        links.append(parts.path)
    return links


def _clicks_to(client, start: str, target: str, limit: int = 2) -> int | None:
    seen, queue = {start}, deque([(start, 0)])
    while queue:
        path, depth = queue.popleft()
        if path == target:
            return depth
        if depth == limit:
            continue
        for link in _links(client, path):
            if link not in seen:
                seen.add(link)
                queue.append((link, depth + 1))
    return None


def _site_pages(client, limit: int = 60) -> list[str]:
    """Every page reachable from home, as this client sees it."""
    seen, queue = {"/"}, deque(["/"])
    while queue and len(seen) < limit:
        for link in _links(client, queue.popleft()):
            if link not in seen and "/logout" not in link:
                seen.add(link)
                queue.append(link)
    # A link that only redirects (e.g. the training page's link to a screen that
    # needs signing in) leads to a page already counted, not to a page of its own.
    return sorted(page for page in seen if client.get(page).status_code == 200)


@pytest.fixture
def legal_pages():
    return [
        reverse("consent:privacy_policy"),
        reverse("consent:privacy_contact"),
        reverse("recommendations:how_it_works"),
    ]


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "learner"])
def test_every_legal_page_is_within_two_clicks_of_every_page(client, legal_pages, signed_in):
    notices_publish_all()
    if signed_in:
        user = UserFactory()
        policy_acknowledge(user=user, surface="test")
        client.force_login(user)
    pages = _site_pages(client)
    assert len(pages) > 5, pages
    for page in pages:
        for target in legal_pages:
            clicks = _clicks_to(client, page, target)
            assert clicks is not None, f"{target} is not within 2 clicks of {page}"


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "learner"])
def test_every_page_links_the_privacy_policy_from_its_footer_one_click_away(client, signed_in):
    # A4 promises one click from every page's footer; the walk above would
    # still find the policy within two clicks without the footer link.
    notices_publish_all()
    if signed_in:
        user = UserFactory()
        policy_acknowledge(user=user, surface="test")
        client.force_login(user)
    policy = reverse("consent:privacy_policy")
    pages = _site_pages(client)
    assert len(pages) > 5, pages
    for page in pages:
        response = client.get(page)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        footer = re.search(r"<footer\b.*?</footer>", response.content.decode(), flags=re.S)
        assert footer, f"{page} has no footer"
        assert f'href="{policy}"' in footer.group(0), f"{page}: no privacy policy link in the footer"
