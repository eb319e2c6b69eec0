"""`consent_required` and `{% consent_granted %}` follow consent_is_granted (A5)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.template import Context, Template
from django.test import RequestFactory

from consent import purposes
from consent.decorators import consent_required
from onboarding.consent_purposes import PROFILING

pytestmark = pytest.mark.django_db


@consent_required(PROFILING)
def _profile_view(request):
    return HttpResponse("answers")


def _request(user):
    request = RequestFactory().get("/questions/")
    request.user = user
    return request


def test_the_decorator_lets_a_granted_person_through(granted_person):
    assert _profile_view(_request(granted_person)).content == b"answers"


def test_the_decorator_sends_others_to_the_consent_screen(person):
    response = _profile_view(_request(person))

    assert response.status_code == 302
    assert response["Location"] == "/consent/profiling/"


def test_the_decorator_sends_visitors_to_sign_in(published):
    response = _profile_view(_request(AnonymousUser()))

    assert response.status_code == 302
    assert "next=/questions/" in response["Location"]


def test_the_decorator_rejects_an_unknown_purpose_at_import_time():
    with pytest.raises(purposes.UnknownPurposeError):
        consent_required("profilling")


@pytest.mark.parametrize(("fixture", "expected"), [("granted_person", "yes"), ("person", "no")])
def test_the_template_tag_reads_the_current_grant(request, fixture, expected):
    user = request.getfixturevalue(fixture)
    template = Template(
        '{% load consent_tags %}{% consent_granted "profiling" as granted %}'
        "{% if granted %}yes{% else %}no{% endif %}"
    )

    assert template.render(Context({"request": _request(user)})) == expected
