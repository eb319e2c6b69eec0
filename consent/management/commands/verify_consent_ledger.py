"""Recompute the consent ledger's hash chain; exit non-zero naming the first bad record (E1)."""

from django.core.management.base import BaseCommand, CommandError

from consent import selectors


class Command(BaseCommand):
    help = "Verify that no consent record or published notice was altered, removed or inserted."

    def handle(self, *args, **options) -> None:
        result = selectors.ledger_verify()
        if not result.ok:
            problem = result.problem
            position = f" (position {problem.sequence})" if problem.sequence is not None else ""
            raise CommandError(
                f"Consent ledger broken at record {problem.record_id}{position}: {problem.reason}."
            )
        self.stdout.write(
            self.style.SUCCESS(f"Consent ledger intact: {result.records_checked} record(s) verified.")
        )
