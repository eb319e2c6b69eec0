"""Copy of my data: a readable page and a JSON file built by a task, for its owner only (D1, E4)."""

import json
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from consent import registry, selectors, services
from consent.models import DataExport
from consent.services import consent_grant
from onboarding.consent_purposes import PRODUCT_NEWS_SMS
from tests.factories import (
    CourseFactory,
    DataExportFactory,
    EnrollmentFactory,
    LearnerFactory,
    LearnerProfileFactory,
)

pytestmark = pytest.mark.django_db

MY_DATA = reverse("consent:my_data")


@pytest.fixture
def rich_person(granted_person):
    """Someone with something in every category: answers, a course, a switch, news consent."""
    LearnerProfileFactory(
        user=granted_person, occupation="teacher", learning_goal="business", english_level="B1"
    )
    EnrollmentFactory(
        user=granted_person, course=CourseFactory(slug="business-basics", title_en="Business basics")
    )
    from recommendations.services import personalization_set

    personalization_set(user=granted_person, enabled=False)
    consent_grant(user=granted_person, purpose=PRODUCT_NEWS_SMS, surface="test")
    return granted_person


def _export_json(client, django_capture_on_commit_callbacks) -> dict:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("consent:export_request"))
    export = DataExport.objects.get()
    assert response["Location"] == export.get_absolute_url()
    download = client.get(reverse("consent:export_download", args=[export.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    return json.loads(download.content)


def test_the_readable_page_lists_the_phone_dates_answers_courses_and_consent_history(client, rich_person):
    client.force_login(rich_person)

    html = client.get(MY_DATA).content.decode()

    assert rich_person.phone in html
    assert "Signed up" in html
    assert "Teacher" in html
    assert "Business communication" in html
    assert "Business basics" in html
    assert "Your consent history" in html
    assert selectors.privacy_policy_current().version in html


def test_the_json_file_holds_every_category_shown_on_the_readable_page(
    client, rich_person, django_capture_on_commit_callbacks
):
    client.force_login(rich_person)
    page = client.get(MY_DATA)
    shown = [section.key for section in page.context["sections"]]

    document = _export_json(client, django_capture_on_commit_callbacks)

    assert document["schema_version"] == selectors.EXPORT_SCHEMA_VERSION
    assert set(shown) == set(document["categories"]) == {c.key for c in registry.categories()}
    for section in page.context["sections"]:
        assert section.label in page.content.decode()
        if section.key != "data_exports":  # the file lists itself, made after the page
            assert document["categories"][section.key]["data"] == section.data
    assert document["categories"]["account"]["data"]["mobile_number"] == rich_person.phone
    answers = {row["question"]: row["answer"] for row in document["categories"]["profile_answers"]["data"]}
    assert answers == {"occupation": "teacher", "learning_goal": "business", "english_level": "B1"}
    assert document["categories"]["enrollments"]["data"][0]["course"] == "business-basics"
    assert document["categories"]["personalization"]["data"]["enabled"] is False


def test_the_json_file_holds_every_ledger_record_with_its_notice_version(
    client, rich_person, django_capture_on_commit_callbacks
):
    client.force_login(rich_person)

    document = _export_json(client, django_capture_on_commit_callbacks)

    exported = document["categories"]["consent_records"]["data"]
    records = list(selectors.consent_records_for_user(user=rich_person))
    assert [row["record_id"] for row in exported] == [str(record.id) for record in records]
    assert [(row["decision"], row["notice_version"], row["notice_sha256"]) for row in exported] == [
        (record.decision, record.notice_version.version, record.notice_sha256) for record in records
    ]
    assert {row["purpose"] for row in exported} == {"account", "profiling", "product_news_sms"}


def test_the_status_page_refreshes_itself_while_the_file_is_prepared(client, person):
    export = DataExportFactory(user=person, status="running", progress=40, content="")
    client.force_login(person)

    response = client.get(reverse("consent:export_status", args=[export.pk]))

    assert response.status_code == 200
    assert response["Refresh"] == "3"
    html = response.content.decode()
    assert "40% done" in html
    assert f'href="{reverse("consent:export_status", args=[export.pk])}"' in html
    # It refreshes by the Refresh header: no inline script (the CSP forbids one, F3).
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert "style=" not in html
    # Not ready: no file to download yet.
    assert client.get(reverse("consent:export_download", args=[export.pk])).status_code == 404


def test_the_status_page_stops_refreshing_and_offers_the_file_once_ready(client, person):
    export = DataExportFactory(user=person)
    client.force_login(person)

    response = client.get(reverse("consent:export_status", args=[export.pk]))

    assert "Refresh" not in response
    assert reverse("consent:export_download", args=[export.pk]) in response.content.decode()


def test_the_task_reports_progress_category_by_category(person, monkeypatch):
    export = DataExportFactory(user=person, status="pending", progress=0, content="")
    seen = []
    original = selectors.personal_data_sections

    def spy(*, user, on_progress=None):
        def record(done, total):
            on_progress(done, total)
            seen.append(DataExport.objects.get(pk=export.pk).progress)

        return original(user=user, on_progress=record)

    monkeypatch.setattr(selectors, "personal_data_sections", spy)

    services.data_export_build(export_id=export.pk)

    assert seen == sorted(seen)
    assert len(seen) == len(registry.categories())
    assert 0 < seen[0] < 100
    export.refresh_from_db()
    assert (export.status, export.progress) == ("ready", 100)


def test_a_copy_is_served_to_its_owner_only(client, person):
    export = DataExportFactory(user=person, content=f'{{"secret": "{person.phone}"}}')
    client.force_login(LearnerFactory())

    assert client.get(reverse("consent:export_download", args=[export.pk])).status_code == 404
    assert client.get(reverse("consent:export_status", args=[export.pk])).status_code == 404


def test_an_expired_copy_cannot_be_downloaded(client, person):
    export = DataExportFactory(user=person, expires_at=timezone.now() - timedelta(minutes=1))
    client.force_login(person)

    assert client.get(reverse("consent:export_download", args=[export.pk])).status_code == 404


def test_a_copy_expires_seven_days_after_it_was_asked_for(client, person, django_capture_on_commit_callbacks):
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("consent:export_request"))

    export = DataExport.objects.get()
    assert export.expires_at - export.created_at == timedelta(days=7)


def test_asking_twice_while_one_is_prepared_reuses_it(person):
    first = services.data_export_request(user=person)

    second = services.data_export_request(user=person)

    assert first.pk == second.pk
    assert DataExport.objects.count() == 1


def test_a_failed_task_says_so_instead_of_preparing_forever(client, person):
    export = DataExportFactory(user=person, status="running", content="")
    services.data_export_fail(export_id=export.pk)
    client.force_login(person)

    response = client.get(reverse("consent:export_status", args=[export.pk]))

    assert "could not prepare" in response.content.decode()
    assert "Refresh" not in response


# --- Limits (Design: each copy is a full collection and a stored file) -------


def test_asking_again_soon_after_a_ready_copy_hands_out_that_copy(person):
    ready = DataExportFactory(user=person, status="ready", content="{}")

    again = services.data_export_request(user=person)

    assert again.pk == ready.pk
    assert DataExport.objects.count() == 1


def test_past_the_daily_limit_a_new_copy_is_refused_with_a_clear_429(client, person):
    earlier = timezone.now() - selectors.EXPORT_REUSE_WINDOW - timedelta(minutes=1)
    for _ in range(selectors.EXPORT_LIMIT):
        DataExportFactory(user=person, status="ready", content="{}", created_at=earlier)
    client.force_login(person)

    response = client.post(reverse("consent:export_request"))

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "copies of your data in the last 24 hours" in response.content.decode()
    assert DataExport.objects.count() == selectors.EXPORT_LIMIT


def test_the_limit_counts_only_the_window_and_not_failed_copies(person):
    long_ago = timezone.now() - selectors.EXPORT_LIMIT_WINDOW - timedelta(minutes=1)
    for _ in range(selectors.EXPORT_LIMIT):
        DataExportFactory(user=person, status="ready", content="{}", created_at=long_ago)
    DataExportFactory(user=person, status="failed", content="")

    export = services.data_export_request(user=person)

    assert export.status == "pending"


def test_a_copy_lists_only_when_the_latest_earlier_copies_were_made_not_their_contents(person):
    long_ago = timezone.now() - selectors.EXPORT_LIMIT_WINDOW - timedelta(hours=1)
    for n in range(selectors.EXPORT_HISTORY_LENGTH + 5):
        made = long_ago - timedelta(minutes=n)
        DataExportFactory(user=person, status="ready", content='{"earlier": "copy"}', created_at=made)
    export = services.data_export_request(user=person)

    services.data_export_build(export_id=export.pk)

    document = json.loads(DataExport.objects.get(pk=export.pk).content)
    listed = document["categories"]["data_exports"]["data"]
    assert len(listed) == selectors.EXPORT_HISTORY_LENGTH
    assert all(set(entry) == {"requested", "status", "status_label"} for entry in listed)
    assert "earlier" not in DataExport.objects.get(pk=export.pk).content
