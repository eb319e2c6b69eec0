"""Record a text message a person sent us, e.g. an opt-out reply (B9): the webhook's console counterpart."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from onboarding import services


class Command(BaseCommand):
    help = (
        "Handle a reply received by SMS, as the provider's webhook would: an opt-out (TD, 退订, STOP) from a "
        "number that agreed to product news is recorded as a withdrawal. Prints the outcome."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--from", dest="sender", required=True, help="The sender's mobile number.")
        parser.add_argument("text", help="The message as received, e.g. TD.")

    def handle(self, *args, sender: str, text: str, **options) -> None:
        try:
            with transaction.atomic():
                outcome = services.sms_inbound_receive(sender=sender, body=text)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"{outcome.value}: {outcome.label}")
