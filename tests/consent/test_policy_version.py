"""The current privacy-policy version reaches everyone: published by `make run`/`make migrate`
(setup_demo), with its "what changed" line, and met by existing accounts at the first-run gate (A6)."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from consent import notices, selectors
from consent.models import ConsentRecord, NoticeVersion
from consent.notices import NoticeKind, text_sha256
from consent.services import policy_acknowledge
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db

CURRENT = notices.privacy_policy_notice()


def _publish_previous_version() -> NoticeVersion:
    """The database as an upgrade finds it: an earlier version published and acknowledged."""
    text = "<p>The earlier policy.</p>"
    version = NoticeVersion(
        kind=NoticeKind.PRIVACY_POLICY,
        purpose="",
        version="1.1",
        material_version=0,
        language="en",
        effective_date=date(2026, 11, 28),
        text=text,
        sha256=text_sha256(text),
        published_at=timezone.now() - timedelta(days=1),
    )
    version.save()
    return version


def test_setup_demo_publishes_the_current_policy_in_both_languages_with_what_changed(capsys):
    call_command("setup_demo")

    out = capsys.readouterr().out
    assert f"What changed in privacy_policy {CURRENT.version}:" in out
    published = NoticeVersion.objects.filter(kind=NoticeKind.PRIVACY_POLICY, version=CURRENT.version)
    assert sorted(published.values_list("language", flat=True)) == ["en", "zh-hans"]
    for version in published:
        # The published text itself says what changed, in its own language.
        assert 'class="notice-what-changed"' in version.text
    assert CURRENT.version == "1.2"


def test_an_existing_account_meets_the_new_version_at_the_gate_and_is_told_what_changed(client):
    previous = _publish_previous_version()
    user = LearnerFactory()
    policy_acknowledge(user=user, surface="test", notice_version=previous)
    client.force_login(user)
    assert client.get(reverse("home")).status_code == 200

    call_command("publish_notices")

    assert client.get(reverse("home"))["Location"] == reverse("consent:acknowledge")
    page = client.get(reverse("consent:acknowledge")).content.decode()
    assert "What changed:" in page
    assert str(CURRENT.what_changed)[:60] in page

    current = selectors.privacy_policy_current()
    response = client.post(
        reverse("consent:acknowledge"), {"privacy_policy_read": "on", "policy_version": current.pk}
    )

    assert response.status_code == 302
    latest = ConsentRecord.objects.filter(subject_id=user.subject_id).order_by("-sequence").first()
    assert (latest.decision, latest.notice_version.version) == ("acknowledged", CURRENT.version)
    assert client.get(reverse("home")).status_code == 200


def test_a_newcomer_is_not_told_what_changed(client, published):
    user = LearnerFactory(origin="import", phone_verified=False)
    client.force_login(user)

    page = client.get(reverse("consent:acknowledge")).content.decode()

    assert "What changed:" not in page
