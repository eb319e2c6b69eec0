"""Publishing notices and appending decisions to the hash-chained ledger (REQUIREMENTS A6, B6, E1)."""

import pytest
from django.test import RequestFactory

from consent import notices, services
from consent.ledger import genesis_hash
from consent.models import ConsentRecord, NoticeVersion
from consent.signals import consent_granted, consent_withdrawn
from onboarding.consent_purposes import ACCOUNT, PRODUCT_NEWS_SMS, PROFILING

pytestmark = pytest.mark.django_db


def test_publishing_stores_each_notice_in_each_language_with_its_sha256(published):
    versions = NoticeVersion.objects.all()

    assert versions.count() == len(notices.NOTICES) * 2
    assert {v.language for v in versions} == {"en", "zh-hans"}
    for version in versions:
        assert version.sha256 == notices.text_sha256(version.text)


def test_publishing_again_publishes_nothing_new(published):
    results = services.notices_publish_all()

    assert not any(result.created for result in results)
    assert NoticeVersion.objects.count() == len(notices.NOTICES) * 2


def test_a_changed_template_under_the_same_version_is_refused(published, monkeypatch):
    monkeypatch.setattr(notices.Notice, "render", lambda self, language: "A quietly edited text")

    with pytest.raises(services.UnannouncedNoticeChangeError):
        services.notices_publish_all()


def test_each_decision_links_to_the_same_persons_record_before_it(person):
    first = ConsentRecord.objects.get()
    second = services.consent_grant(user=person, purpose=PROFILING, surface="test")
    third = services.consent_withdraw(user=person, purpose=PROFILING, surface="test")

    assert first.prev_hash == genesis_hash(person.subject_id)
    assert second.prev_hash == first.record_hash
    assert third.prev_hash == second.record_hash
    assert [first.sequence, second.sequence, third.sequence] == [1, 2, 3]


def test_a_record_names_the_notice_version_and_its_hash_and_the_subject_not_the_account(person):
    record = services.consent_grant(user=person, purpose=PROFILING, surface="onboarding.consent")

    assert record.subject_id == person.subject_id
    assert record.notice_version.purpose == PROFILING
    assert record.notice_sha256 == record.notice_version.sha256
    assert record.surface == "onboarding.consent"
    assert record.record_hash == record.compute_hash()
    assert str(person.phone) not in record.canonical_payload().decode()


def test_the_ip_address_and_user_agent_are_truncated(person):
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.77", HTTP_USER_AGENT="x" * 500)

    record = services.consent_grant(user=person, purpose=PROFILING, request=request, surface="test")

    assert record.ip_truncated == "203.0.113.0/24"
    assert record.user_agent == "x" * services.USER_AGENT_MAX_LENGTH


@pytest.mark.parametrize(
    ("address", "truncated"),
    [
        ("198.51.100.200", "198.51.100.0/24"),
        ("2001:db8:abcd:1234::1", "2001:db8:abcd::/48"),
        ("::ffff:192.0.2.9", "192.0.2.0/24"),
        ("not an address", ""),
        (None, ""),
    ],
)
def test_ip_truncation_keeps_only_the_network(address, truncated):
    assert services.ip_truncate(address) == truncated


def test_an_acknowledgment_is_not_a_consent_to_profiling(person):
    record = ConsentRecord.objects.get()

    assert record.decision == "acknowledged"
    assert record.purpose == ACCOUNT
    assert record.notice_version.kind == notices.NoticeKind.PRIVACY_POLICY


def test_the_account_purpose_cannot_be_consented_to(person):
    with pytest.raises(ValueError, match="not a consent purpose"):
        services.consent_grant(user=person, purpose=ACCOUNT, surface="test")


def test_a_grant_for_a_notice_of_another_purpose_is_refused(person):
    news_notice = NoticeVersion.objects.filter(purpose=PRODUCT_NEWS_SMS).first()

    with pytest.raises(services.StaleNoticeError):
        services.consent_grant(user=person, purpose=PROFILING, surface="test", notice_version=news_notice)
    assert ConsentRecord.objects.count() == 1


def test_acknowledging_an_outdated_policy_version_is_refused(person, monkeypatch):
    old_policy = NoticeVersion.objects.get(kind="privacy_policy", language="en")
    new_notices = [
        notices.Notice(kind=n.kind, purpose=n.purpose, version="99.0", effective=n.effective)
        if n.kind == notices.NoticeKind.PRIVACY_POLICY
        else n
        for n in notices.NOTICES
    ]
    monkeypatch.setattr(notices, "NOTICES", new_notices)
    services.notices_publish_all()

    with pytest.raises(services.StaleNoticeError):
        services.policy_acknowledge(user=person, surface="test", notice_version=old_policy)


def test_granting_and_withdrawing_send_their_signals(person):
    received = []

    def receiver(sender, user, purpose, record, **kwargs):
        received.append((user, purpose, record.decision))

    consent_granted.connect(receiver, dispatch_uid="test-granted")
    consent_withdrawn.connect(receiver, dispatch_uid="test-withdrawn")
    try:
        services.consent_grant(user=person, purpose=PROFILING, surface="test")
        services.consent_withdraw(user=person, purpose=PROFILING, surface="test")
    finally:
        consent_granted.disconnect(dispatch_uid="test-granted")
        consent_withdrawn.disconnect(dispatch_uid="test-withdrawn")

    assert received == [(person, "profiling", "granted"), (person, "profiling", "withdrawn")]


def test_skip_on_the_screen_withdraws_a_grant_still_on_record(granted_person, bump_profiling):
    bump_profiling()

    record = services.consent_screen_answer(
        user=granted_person, purpose=PROFILING, agreed=False, notice_version=None, surface="test"
    )

    assert record.decision == "withdrawn"
