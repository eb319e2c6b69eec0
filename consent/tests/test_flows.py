"""The person's journeys with Django's own login: gate, policy, consent screen, privacy centre."""

import json

import pytest
from django.urls import reverse

from consent import selectors, services
from consent.models import ConsentRecord
from consent.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_after_djangos_login_the_gate_asks_for_the_policy_then_the_first_run_consent(client, newcomer):
    client.post("/login/", {"username": newcomer.username, "password": PASSWORD})

    assert client.get("/")["Location"] == reverse("consent:acknowledge")
    page = client.get(reverse("consent:acknowledge"))
    response = client.post(
        reverse("consent:acknowledge"),
        {"privacy_policy_read": "on", "policy_version": page.context["form"].policy.pk},
    )

    # The host declared "newsletter" as asked at first run, "surveys" not.
    assert response["Location"] == reverse("consent:screen", args=["newsletter"])
    record = ConsentRecord.objects.get()
    assert (record.purpose, record.decision, record.surface) == ("membership", "acknowledged", "first_run")
    assert client.get("/").status_code == 200


def test_agree_on_the_consent_screen_records_a_grant_and_continues_where_the_host_says(signed_in, member):
    screen = signed_in.get(reverse("consent:screen", args=["newsletter"]))
    assert screen.status_code == 200

    response = signed_in.post(
        reverse("consent:screen", args=["newsletter"]),
        {"choice": "agree", "notice_version": screen.context["notice_version"].pk},
    )

    assert response["Location"] == reverse("hostapp:topics")
    assert selectors.consent_is_granted(user=member, purpose="newsletter")
    assert ConsentRecord.objects.filter(decision="granted").get().surface == "consent_screen"


def test_skip_records_a_refusal_shows_the_hosts_message_and_is_not_asked_again(signed_in, member):
    screen = signed_in.get(reverse("consent:screen", args=["newsletter"]))

    response = signed_in.post(
        reverse("consent:screen", args=["newsletter"]),
        {"choice": "skip", "notice_version": screen.context["notice_version"].pk},
    )

    assert response["Location"] == reverse("home")
    next_page = signed_in.get(reverse("consent:privacy_centre")).content.decode()
    assert "Skipped. No newsletter; everything else works." in next_page
    assert selectors.consent_current_decision(user=member, purpose="newsletter") == "declined"
    assert selectors.consent_first_run_url(user=member) is None


def test_agree_and_skip_are_the_same_element_with_the_same_classes(signed_in):
    html = signed_in.get(reverse("consent:screen", args=["newsletter"])).content.decode()

    agree = html[html.index('value="agree"') - 80 : html.index('value="agree"') + 80]
    skip = html[html.index('value="skip"') - 80 : html.index('value="skip"') + 80]
    assert agree.replace("agree", "X").split("X")[0][-60:] == skip.replace("skip", "X").split("X")[0][-60:]


def test_a_purpose_not_asked_at_first_run_is_offered_in_the_privacy_centre_only(signed_in):
    response = signed_in.get(reverse("consent:screen", args=["surveys"]))

    assert response["Location"] == reverse("consent:privacy_centre")


def test_the_privacy_centre_grants_and_withdraws_in_one_post_each(signed_in, member):
    notice = selectors.purpose_notice_current(purpose="surveys")
    signed_in.post(
        reverse("consent:privacy_centre_decide"),
        {"purpose": "surveys", "action": "grant", "notice_version": notice.pk},
    )
    assert selectors.consent_is_granted(user=member, purpose="surveys")

    response = signed_in.post(
        reverse("consent:privacy_centre_decide"), {"purpose": "surveys", "action": "withdraw"}
    )

    assert response["Location"] == reverse("consent:privacy_centre")
    assert not selectors.consent_is_granted(user=member, purpose="surveys")
    assert selectors.consent_current_decision(user=member, purpose="surveys") == "withdrawn"


def test_the_privacy_centre_stays_open_before_a_new_policy_is_acknowledged(client, newcomer):
    client.post("/login/", {"username": newcomer.username, "password": PASSWORD})

    assert client.get(reverse("consent:privacy_centre")).status_code == 200
    assert client.get(reverse("consent:my_data")).status_code == 200
    assert client.get("/")["Location"] == reverse("consent:acknowledge")


def test_the_history_lists_each_decision_and_each_receipt_names_the_hosts_controller(signed_in, member):
    record = services.consent_grant(user=member, purpose="newsletter", surface="consent_screen")

    history = signed_in.get(reverse("consent:consent_history")).content.decode()
    receipt = json.loads(signed_in.get(reverse("consent:consent_receipt", args=[record.id])).content)

    assert "Newsletter by email" in history
    assert "Consent screen" in history
    assert receipt["piiControllers"][0]["piiController"] == "Example Ltd"
    assert receipt["piiControllers"][0]["email"] == "privacy@example.com"
    assert receipt["jurisdiction"] == "EU"
    assert receipt["services"][0]["service"] == "Example Ltd"
    assert receipt["decision"] == "granted"
    assert receipt["piiPrincipalId"] == str(record.subject_id)


def test_someone_elses_receipt_is_a_404(signed_in, make_user):
    other = make_user()
    record = services.policy_acknowledge(user=other, surface="signup")

    assert signed_in.get(reverse("consent:consent_receipt", args=[record.id])).status_code == 404


def test_the_privacy_contact_shows_the_controller_and_response_time_from_settings(
    client, published, settings
):
    settings.CONSENT_RESPONSE_WORKING_DAYS = 10

    html = client.get(reverse("consent:privacy_contact")).content.decode()

    assert "Example Ltd" in html
    assert "privacy@example.com" in html
    assert "10 working days" in html
