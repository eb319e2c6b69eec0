"""Load the demo course catalog; optionally add generated courses for benchmarks."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from recommendations import services


class Command(BaseCommand):
    help = (
        "Create or update the demo courses (idempotent, by slug). "
        "--synthetic N also adds N generated courses for benchmarks."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--synthetic",
            type=int,
            default=0,
            metavar="N",
            help="Also add N generated courses (for benchmarks; each run adds N more).",
        )

    def handle(self, *args, **options) -> None:
        if options["synthetic"] < 0:
            raise CommandError("--synthetic must be 0 or more.")
        created, updated = services.catalog_load_demo()
        self.stdout.write(f"Demo catalog: {created} course(s) created, {updated} updated.")
        if options["synthetic"]:
            added = services.catalog_add_synthetic(count=options["synthetic"])
            self.stdout.write(f"Added {added} synthetic course(s).")
