"""Everything `make run` needs after migrate, in one idempotent command."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Prepare a demo database: publish the notices and load the course catalog. Safe to re-run."

    def handle(self, *args, **options) -> None:
        for command in self.demo_steps():
            call_command(command)

    @staticmethod
    def demo_steps() -> list[str]:
        return ["publish_notices", "load_demo_catalog"]
