"""Apply every retention period once (E4); Celery beat runs the same service hourly."""

from django.core.management.base import BaseCommand

from consent import services


class Command(BaseCommand):
    help = (
        "Delete what has outlived its retention period, as each app's personal_data.py declares it "
        "(copies of personal data, staff access log entries after 3 years, and the project's own). "
        "The same as the scheduled task consent.tasks.retention_purge_task."
    )

    def handle(self, *args, **options) -> None:
        counts = services.retention_purge()
        for key, count in counts.items():
            self.stdout.write(f"{key}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Retention applied: {sum(counts.values())} row(s) deleted."))
