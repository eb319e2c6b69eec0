"""The copy of my data reads well on a phone, in the person's language (D1)."""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from consent import services
from consent.models import DataExport
from tests.factories import CourseFactory, EnrollmentFactory

pytestmark = pytest.mark.django_db

MY_DATA = reverse("consent:my_data")


def _page(person, language="en") -> str:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(person)
    return client.get(MY_DATA).content.decode()


def test_the_page_is_cards_of_labels_and_values_not_wide_tables(granted_person):
    html = _page(granted_person)

    assert "<table" not in html
    assert 'class="list-unstyled my-data-rows"' in html


def test_codes_are_shown_as_labels_in_the_persons_language(granted_person):
    english = _page(granted_person)
    chinese = _page(granted_person, "zh-CN")

    assert ">Granted<" in english
    assert ">granted<" not in english
    assert ">onboarding.consent<" not in english
    assert ">True<" not in english
    assert "个性化推荐" in chinese


def test_times_are_local_not_utc_iso(granted_person):
    html = _page(granted_person)

    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", html)
    joined = timezone.localtime(granted_person.date_joined)
    assert str(joined.year) in html


def test_course_titles_are_in_the_pages_language(person):
    course = CourseFactory(title_en="Business English", title_zh_hans="商务英语")
    EnrollmentFactory(user=person, course=course)

    assert "商务英语" in _page(person, "zh-CN")
    assert "Business English" in _page(person)


def test_the_json_copy_carries_human_labels_next_to_the_codes(granted_person):
    export = services.data_export_request(user=granted_person, language="zh-hans")
    services.data_export_build(export_id=export.pk)

    document = json.loads(DataExport.objects.get(pk=export.pk).content)
    records = document["categories"]["consent_records"]["data"]
    granted = next(row for row in records if row["decision"] == "granted")

    assert granted["purpose"] == "profiling"
    assert granted["purpose_label"] == "个性化推荐"
    assert granted["decision_label"] == "已同意"
    assert granted["screen_label"]
