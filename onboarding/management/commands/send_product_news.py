"""Send product news by SMS to the people who agreed to it, and only them (B6, B9, C5)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from onboarding import services


class Command(BaseCommand):
    help = (
        'Queue TEXT by SMS to everyone whose current decision on "product news by SMS" is a grant. '
        "Each message starts with the sender signature and ends with the opt-out instruction (回复TD退订). "
        "Prints how many messages were queued."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("text", help="The news; signature and opt-out are added.")

    def handle(self, *args, text: str, **options) -> None:
        # One transaction: the messages leave (on commit) all together or not at all.
        try:
            with transaction.atomic():
                sent = services.product_news_send(text=text)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Product news queued for {sent} recipient(s)."))
