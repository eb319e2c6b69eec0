"""Staff see numbers masked in every admin view of a learner, and each opening is logged (E3)."""

import re

import pytest
from django.urls import reverse

from consent.models import StaffAccessLogEntry
from tests.factories import DataExportFactory, LearnerFactory

pytestmark = pytest.mark.django_db

PHONE = "+8613800138000"
NATIONAL = "13800138000"
MASKED = "138****8000"


@pytest.fixture
def staff(client):
    user = LearnerFactory(phone="+8613900000001", is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


@pytest.fixture
def learner():
    return LearnerFactory(phone=PHONE)


def _result_rows(html: str) -> str:
    # The rows only: the search box and the sort links echo what staff typed.
    table = re.search(r'<table id="result_list".*?</table>', html, flags=re.S).group(0)
    return re.search(r"<tbody>.*?</tbody>", table, flags=re.S).group(0)


def test_the_learner_list_shows_numbers_masked(client, staff, learner):
    html = client.get(reverse("admin:onboarding_user_changelist")).content.decode()

    assert MASKED in html
    assert NATIONAL not in html


def test_searching_by_the_full_number_finds_the_learner_and_shows_it_masked(client, staff, learner):
    LearnerFactory(phone="+8613700137000")

    response = client.get(reverse("admin:onboarding_user_changelist"), {"q": PHONE})

    assert list(response.context["cl"].result_list) == [learner]
    table = _result_rows(response.content.decode())
    assert MASKED in table
    assert NATIONAL not in table


def test_the_change_page_shows_the_number_masked_and_nowhere_in_full(client, staff, learner):
    response = client.get(reverse("admin:onboarding_user_change", args=[learner.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert MASKED in html
    assert NATIONAL not in html


def test_the_history_and_delete_pages_show_the_number_masked(client, staff, learner):
    for name in ("admin:onboarding_user_history", "admin:onboarding_user_delete"):
        html = client.get(reverse(name, args=[learner.pk])).content.decode()
        assert NATIONAL not in html, name


def test_opening_a_learner_writes_an_access_log_entry(client, staff, learner):
    client.get(reverse("admin:onboarding_user_change", args=[learner.pk]))

    entry = StaffAccessLogEntry.objects.get()
    assert entry.staff_subject_id == staff.subject_id
    assert entry.subject_id == learner.subject_id
    assert entry.page == "admin:onboarding.user:change"
    assert entry.created_at is not None


def test_the_list_writes_an_access_log_entry_for_each_learner_shown(client, staff, learner):
    client.get(reverse("admin:onboarding_user_changelist"))

    logged = set(StaffAccessLogEntry.objects.values_list("subject_id", "page"))
    assert (learner.subject_id, "admin:onboarding.user:changelist") in logged
    assert all(
        entry_staff == staff.subject_id
        for entry_staff in StaffAccessLogEntry.objects.values_list("staff_subject_id", flat=True)
    )


def test_a_search_writes_an_access_log_entry_for_the_learner_found(client, staff, learner):
    client.get(reverse("admin:onboarding_user_changelist"), {"q": PHONE})

    entry = StaffAccessLogEntry.objects.get()
    assert (entry.subject_id, entry.page) == (learner.subject_id, "admin:onboarding.user:search")


@pytest.mark.parametrize(("view", "page"), [("history", "history"), ("delete", "delete")])
def test_the_history_and_delete_pages_write_an_access_log_entry(client, staff, learner, view, page):
    client.get(reverse(f"admin:onboarding_user_{view}", args=[learner.pk]))

    entry = StaffAccessLogEntry.objects.get()
    assert (entry.subject_id, entry.page) == (learner.subject_id, f"admin:onboarding.user:{page}")


def test_deleting_a_learner_is_logged_before_the_row_goes(client, staff, learner):
    client.post(reverse("admin:onboarding_user_delete", args=[learner.pk]), {"post": "yes"})

    assert not type(learner).objects.filter(pk=learner.pk).exists()
    assert StaffAccessLogEntry.objects.filter(
        subject_id=learner.subject_id, page="admin:onboarding.user:delete"
    ).exists()


@pytest.mark.parametrize("part", ["138", "0013", "8000", "1380013800", "138****8000"])
def test_a_search_by_part_of_a_number_finds_nobody(client, staff, learner, part):
    response = client.get(reverse("admin:onboarding_user_changelist"), {"q": part})

    assert list(response.context["cl"].result_list) == []


@pytest.mark.parametrize("typed", [NATIONAL, "138 0013 8000", "+86 138-0013-8000", "008613800138000"])
def test_a_search_by_the_complete_number_in_any_common_format_finds_the_learner(
    client, staff, learner, typed
):
    response = client.get(reverse("admin:onboarding_user_changelist"), {"q": typed})

    assert list(response.context["cl"].result_list) == [learner]


def test_learners_have_no_password_page_in_the_admin(client, staff, learner):
    response = client.get(reverse("admin:auth_user_password_change", args=[learner.pk]))

    assert response.status_code == 404
    assert NATIONAL not in response.content.decode()


def test_opening_a_copy_of_someones_data_is_logged_and_shows_no_content(client, staff, learner):
    export = DataExportFactory(user=learner, content=f'{{"mobile_number": "{PHONE}"}}')

    response = client.get(reverse("admin:consent_dataexport_change", args=[export.pk]))

    assert response.status_code == 200
    assert NATIONAL not in response.content.decode()
    entry = StaffAccessLogEntry.objects.get()
    assert (entry.subject_id, entry.page) == (learner.subject_id, "admin:consent.dataexport:change")


def test_the_access_log_is_read_only_in_the_admin(client, staff, learner):
    client.get(reverse("admin:onboarding_user_change", args=[learner.pk]))
    entry = StaffAccessLogEntry.objects.get()

    assert client.get(reverse("admin:consent_staffaccesslogentry_add")).status_code == 403
    client.post(reverse("admin:consent_staffaccesslogentry_change", args=[entry.pk]), {"page": "edited"})
    client.post(reverse("admin:consent_staffaccesslogentry_delete", args=[entry.pk]), {"post": "yes"})

    entry.refresh_from_db()
    assert entry.page == "admin:onboarding.user:change"


def test_access_log_entries_cannot_be_changed_through_the_orm(client, staff, learner):
    from consent.models import ImmutableRecordError

    client.get(reverse("admin:onboarding_user_change", args=[learner.pk]))
    entry = StaffAccessLogEntry.objects.get()
    entry.page = "edited"

    with pytest.raises(ImmutableRecordError):
        entry.save()
    with pytest.raises(ImmutableRecordError):
        StaffAccessLogEntry.objects.update(page="edited")
    with pytest.raises(ImmutableRecordError):
        StaffAccessLogEntry.objects.all().delete()


def test_searching_the_ledger_by_subject_id_is_logged_once_per_person(client, staff, learner):
    from consent.services import notices_publish_all, policy_acknowledge

    notices_publish_all()
    policy_acknowledge(user=learner, surface="test")
    policy_acknowledge(user=learner, surface="test")

    client.get(reverse("admin:consent_consentrecord_changelist"), {"q": str(learner.subject_id)})

    entry = StaffAccessLogEntry.objects.get()
    assert (entry.subject_id, entry.page) == (learner.subject_id, "admin:consent.consentrecord:search")
