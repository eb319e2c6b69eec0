"""Recompute every subject's hash chain and check the checkpoints; name what is wrong (E1, E5)."""

import json

from django.core.management.base import BaseCommand, CommandError

from consent import selectors


class Command(BaseCommand):
    help = (
        "Verify that no consent record or published notice was altered, removed or inserted: every "
        "chain, every stored checkpoint, the latest checkpoint's root, and optionally an exported checkpoint."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--checkpoint",
            metavar="FILE",
            help="an exported checkpoint (export_consent_checkpoint) kept outside the database",
        )

    def handle(self, *args, **options) -> None:
        export = None
        if options["checkpoint"]:
            try:
                with open(options["checkpoint"], encoding="utf-8") as handle:
                    export = json.load(handle)
            except (OSError, ValueError) as error:
                raise CommandError(
                    f"Cannot read the checkpoint file {options['checkpoint']}: {error}"
                ) from error
        result = selectors.ledger_verify(checkpoint_export=export)
        if not result.ok:
            for problem in result.problems:
                position = f" (position {problem.sequence})" if problem.sequence is not None else ""
                self.stderr.write(f"- {problem.record_id}{position}: {problem.reason}.")
            first = result.problem
            position = f" (position {first.sequence})" if first.sequence is not None else ""
            raise CommandError(
                f"Consent ledger broken at record {first.record_id}{position}: {first.reason}. "
                f"{len(result.problems)} problem(s) in all."
            )
        checked = "" if export is None else " and the exported checkpoint"
        self.stdout.write(
            self.style.SUCCESS(
                f"Consent ledger intact: {result.records_checked} record(s) "
                f"in {result.chains_checked} chain(s) "
                f"verified against {result.checkpoints_checked} checkpoint(s){checked}."
            )
        )
