import pytest

from onboarding.adapters import AccountAdapter
from onboarding.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_set_phone_verified_stores_the_new_number_of_a_phone_change():
    user = UserFactory(phone="+8613800138000", phone_verified=True)
    AccountAdapter().set_phone_verified(user, "+8613900139000")
    user.refresh_from_db()
    assert (user.phone, user.phone_verified) == ("+8613900139000", True)


def test_set_phone_stores_an_unverified_number():
    user = UserFactory(phone="+8613800138000", phone_verified=True)
    AccountAdapter().set_phone(user, "+8613900139000", False)
    user.refresh_from_db()
    assert (user.phone, user.phone_verified) == ("+8613900139000", False)


def test_get_phone_and_lookup_by_phone():
    user = UserFactory(phone="+8613800138000", phone_verified=False)
    adapter = AccountAdapter()
    assert adapter.get_phone(user) == ("+8613800138000", False)
    assert adapter.get_user_by_phone("+8613800138000") == user
    assert adapter.get_user_by_phone("+8613900139000") is None


def test_the_adapter_implements_all_of_allauths_phone_methods():
    assert AccountAdapter()._has_phone_impl


def test_superusers_have_a_password_and_learners_do_not():
    admin = User.objects.create_superuser("+8613700137000", "a-long-admin-passphrase")
    learner = User.objects.create_user("+8613600136000")
    assert admin.has_usable_password()
    assert not learner.has_usable_password()
