"""With DJANGO_ADMIN_REQUIRE_MFA, only staff with an authenticator app enter the admin (F3).

A visitor being sent to the sign-in by code instead of the password page is
proven in a production-like process: tests/config/test_production_refusals.py.
"""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from config.admin_mfa import admin_login_with_mfa, has_permission_with_mfa
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _request(user):
    request = RequestFactory().get("/admin/login/", {"next": "/admin/"})
    request.user = user
    return request


def _password_page(request, extra_context=None):
    return HttpResponse("the admin's password page")


def _with_authenticator(user):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    return user


def test_a_staff_member_without_an_authenticator_is_sent_to_set_one_up():
    response = admin_login_with_mfa(_password_page)(_request(UserFactory(is_staff=True)))

    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/"


def test_only_staff_with_an_authenticator_have_permission():
    check = has_permission_with_mfa(lambda request: request.user.is_staff)

    assert not check(_request(UserFactory(is_staff=True)))
    assert check(_request(_with_authenticator(UserFactory(is_staff=True))))
    assert not check(_request(_with_authenticator(UserFactory(is_staff=False))))
