"""Every allauth page we do not use answers 404, and none answers 500 (A1, A5, F3)."""

import re

import allauth.urls
import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver

from config.allauth_urls import ALLAUTH_URL_NAMES_FOR_STAFF, ALLAUTH_URL_NAMES_IN_USE
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# config/urls.py serves this path itself: a redirect to the sign-in by code.
OURS = {"account_login"}
UNUSED_EXAMPLES = {
    "account_set_password",
    "account_change_password",
    "account_reset_password",
    "account_email",
}


def _sample_path(route: str) -> str:
    # "<str:key>" and "(?P<key>...)" become a sample value; regex anchors go.
    route = re.sub(r"<(?:\w+:)?\w+>", "sample", route)
    route = re.sub(r"\(\?P<\w+>[^)]*\)", "sample", route)
    return route.replace("^", "").replace("$", "").replace("\\", "")


def _every_allauth_url(patterns=None, prefix="/accounts/"):
    """Every page allauth itself defines, read from its URLconf (not from ours)."""
    for pattern in allauth.urls.urlpatterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from _every_allauth_url(pattern.url_patterns, prefix + _sample_path(str(pattern.pattern)))
        elif isinstance(pattern, URLPattern):
            yield pattern.name, prefix + _sample_path(str(pattern.pattern))


ALLAUTH_URLS = sorted(set(_every_allauth_url()))


def test_the_walk_covers_the_side_doors_that_were_found():
    names = {name for name, _path in ALLAUTH_URLS}
    assert names >= UNUSED_EXAMPLES
    assert len(ALLAUTH_URLS) >= 20


@pytest.fixture
def clients(db):
    learner = UserFactory()
    learner.refresh_from_db()
    staff = UserFactory(is_staff=True)
    staff.refresh_from_db()
    signed_in, staff_client = Client(raise_request_exception=False), Client(raise_request_exception=False)
    signed_in.force_login(learner)
    staff_client.force_login(staff)
    return {"anonymous": Client(raise_request_exception=False), "learner": signed_in, "staff": staff_client}


@pytest.mark.parametrize(("name", "path"), ALLAUTH_URLS, ids=[name for name, _path in ALLAUTH_URLS])
def test_every_allauth_url_is_a_404_unless_we_use_it_and_never_a_500(clients, name, path):
    for who, client in clients.items():
        for method in ("get", "post"):
            status = getattr(client, method)(path).status_code
            assert status < 500, f"{method.upper()} {path} as {who}: {status}"
            used = name in ALLAUTH_URL_NAMES_IN_USE | OURS or (
                name in ALLAUTH_URL_NAMES_FOR_STAFF and who == "staff"
            )
            if not used:
                assert status == 404, f"{method.upper()} {path} as {who}: {status}, expected 404"
