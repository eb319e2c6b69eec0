"""Everything `make run` needs after migrate, in one idempotent command."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Prepare a demo database: publish the notices, load the course catalog and sign a ledger checkpoint. "
        "Safe to re-run."
    )

    def handle(self, *args, **options) -> None:
        for command in self.demo_steps():
            call_command(command)

    @staticmethod
    def demo_steps() -> list[str]:
        # A first signed checkpoint of the consent ledger (E5); in development
        # this also generates the signing key into var/ and says so.
        return ["publish_notices", "load_demo_catalog", "create_consent_checkpoint"]
