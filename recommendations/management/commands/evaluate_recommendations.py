"""Print the ranking-quality metrics over all 150 answer combinations (docs/RECOMMENDATIONS.md)."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from recommendations import evaluation


class Command(BaseCommand):
    help = (
        "Run the personalized ranker for every combination of answers on the published catalog and "
        "print level fit, goal precision@5, specialised-first rate, diversity, reason variety and coverage."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check",
            action="store_true",
            help="Exit with an error when a metric misses its floor (the floors the tests hold).",
        )

    def handle(self, *args, **options) -> None:
        metrics = evaluation.evaluate()
        if not metrics.catalog_size:
            raise CommandError("The catalog is empty: run `manage.py load_demo_catalog` first.")
        rows = metrics.as_rows()
        width = max(len(name) for name, _value in rows)
        self.stdout.write(f"| {'metric'.ljust(width)} | value |")
        self.stdout.write(f"|{'-' * (width + 2)}|-------|")
        for name, value in rows:
            self.stdout.write(f"| {name.ljust(width)} | {value} |")
        missed = evaluation.shortfalls(metrics)
        if options["check"] and missed:
            raise CommandError("Below the floors: " + "; ".join(missed))
