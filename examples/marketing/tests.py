"""The example host's flows, run against the installed consent package (`manage.py test`)."""

import json
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import TestCase
from django.urls import reverse

from consent import selectors, services
from consent.models import ConsentRecord

PASSWORD = "a long example password"


class ExampleHostTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("publish_notices", stdout=StringIO())

    def sign_up(self, username="ada"):
        response = self.client.post(
            reverse("signup"), {"username": username, "password1": PASSWORD, "password2": PASSWORD}
        )
        self.assertEqual(response.status_code, 302)
        return get_user_model().objects.get(username=username)

    def acknowledge_policy(self):
        self.assertEqual(self.client.get(reverse("home"))["Location"], reverse("consent:acknowledge"))
        page = self.client.get(reverse("consent:acknowledge"))
        return self.client.post(
            reverse("consent:acknowledge"),
            {"privacy_policy_read": "on", "policy_version": page.context["form"].policy.pk},
        )

    def answer_screen(self, choice):
        url = reverse("consent:screen", args=["marketing_emails"])
        screen = self.client.get(url)
        self.assertContains(screen, "May we send you marketing emails")
        return self.client.post(
            url, {"choice": choice, "notice_version": screen.context["notice_version"].pk}
        )

    def test_manage_py_check_is_clean(self):
        # The test runner turns DEBUG off, as in production: the checkpoint key
        # comes from the environment (.ci/consent_package sets one).
        out = StringIO()
        call_command("check", fail_level="WARNING", stdout=out)
        self.assertIn("no issues", out.getvalue())

    def test_signup_meets_the_policy_then_the_consent_screen_and_agree_grants(self):
        user = self.sign_up()

        response = self.acknowledge_policy()
        self.assertEqual(response["Location"], reverse("consent:screen", args=["marketing_emails"]))
        response = self.answer_screen("agree")

        self.assertEqual(response["Location"], reverse("home"))
        self.assertTrue(selectors.consent_is_granted(user=user, purpose="marketing_emails"))
        self.assertContains(self.client.get(reverse("home")), "Marketing emails: yes.")

    def test_skip_records_a_refusal_and_the_site_works_the_same(self):
        user = self.sign_up()
        self.acknowledge_policy()

        response = self.answer_screen("skip")

        self.assertEqual(response["Location"], reverse("home"))
        self.assertEqual(
            selectors.consent_current_decision(user=user, purpose="marketing_emails"), "declined"
        )
        home = self.client.get(reverse("home"))
        self.assertContains(home, "Skipped. You will get no marketing emails")
        self.assertContains(home, "Marketing emails: no.")

    def test_signing_in_with_djangos_login_is_gated_until_the_policy_is_acknowledged(self):
        get_user_model().objects.create_user(username="grace", password=PASSWORD)

        self.client.post(reverse("login"), {"username": "grace", "password": PASSWORD})

        self.assertEqual(self.client.get(reverse("home"))["Location"], reverse("consent:acknowledge"))
        self.assertEqual(self.client.get(reverse("consent:privacy_centre")).status_code, 200)

    def test_the_history_lists_each_decision_with_a_receipt(self):
        self.sign_up()
        self.acknowledge_policy()
        self.answer_screen("agree")
        record = ConsentRecord.objects.get(decision="granted")

        history = self.client.get(reverse("consent:consent_history"))
        receipt = self.client.get(reverse("consent:consent_receipt", args=[record.id]))

        self.assertContains(history, "Marketing emails")
        self.assertContains(history, reverse("consent:consent_receipt", args=[record.id]))
        document = json.loads(receipt.content)
        self.assertEqual(document["piiControllers"][0]["piiController"], "Example Ltd")
        self.assertEqual(document["decision"], "granted")
        self.assertEqual(document["recordHash"], record.record_hash)

    def test_withdrawing_in_the_privacy_centre_takes_one_post(self):
        user = self.sign_up()
        self.acknowledge_policy()
        self.answer_screen("agree")

        response = self.client.post(
            reverse("consent:privacy_centre_decide"), {"purpose": "marketing_emails", "action": "withdraw"}
        )

        self.assertEqual(response["Location"], reverse("consent:privacy_centre"))
        self.assertFalse(selectors.consent_is_granted(user=user, purpose="marketing_emails"))
        self.assertContains(self.client.get(reverse("home")), "Marketing emails: no.")

    def test_a_copy_of_my_data_is_prepared_and_downloaded(self):
        user = self.sign_up()
        self.acknowledge_policy()
        self.assertContains(self.client.get(reverse("consent:my_data")), user.username)

        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(reverse("consent:export_request"))
        status = self.client.get(response["Location"])
        self.assertContains(status, "Your file is ready")
        download = self.client.get(response["Location"] + "download/")

        document = json.loads(download.content)
        self.assertEqual(document["categories"]["account"]["data"]["username"], "ada")
        self.assertEqual(len(document["categories"]["consent_records"]["data"]), 1)

    def test_cancellation_needs_the_password_then_erases_the_account(self):
        user = self.sign_up()
        self.acknowledge_policy()
        self.assertContains(self.client.get(reverse("consent:account_cancel")), 'type="password"')

        wrong = self.client.post(reverse("consent:account_cancel"), {"password": "not it"})
        self.assertEqual(wrong.status_code, 400)
        self.assertTrue(get_user_model().objects.filter(pk=user.pk).exists())

        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(reverse("consent:account_cancel"), {"password": PASSWORD})

        self.assertEqual(response["Location"], reverse("consent:account_cancelled"))
        self.assertFalse(get_user_model().objects.filter(pk=user.pk).exists())
        # The ledger stays, linked to no account, and still verifies.
        self.assertEqual(ConsentRecord.objects.count(), 1)
        call_command("verify_consent_ledger", stdout=StringIO())

    def test_verify_consent_ledger_finds_a_record_altered_in_the_database(self):
        user = self.sign_up()
        self.acknowledge_policy()
        record = services.consent_grant(user=user, purpose="marketing_emails", surface="test")
        out = StringIO()
        call_command("verify_consent_ledger", stdout=out)
        self.assertIn("Consent ledger intact: 2 record(s)", out.getvalue())

        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE consent_consentrecord SET decision = 'declined' WHERE id = %s", [record.id.hex]
            )

        with self.assertRaisesMessage(CommandError, str(record.id)):
            call_command("verify_consent_ledger", stdout=StringIO())
