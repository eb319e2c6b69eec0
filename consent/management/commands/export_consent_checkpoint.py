"""Write a checkpoint as JSON, for an operator to keep outside the database (E5).

Keep the files where the people who administer the database cannot change
them (write-once storage, another account, an auditor's mailbox): then even a
database superuser who rewrites records and removes checkpoints is caught by
`verify_consent_ledger --checkpoint FILE`.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from consent import checkpoints


class Command(BaseCommand):
    help = "Print (or write to --output) a signed ledger checkpoint as JSON; the latest unless --number."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--number", type=int, help="the checkpoint's number (default: the latest)")
        parser.add_argument("--output", metavar="FILE", help="write here instead of standard output")

    def handle(self, *args, **options) -> None:
        if options["number"] is not None:
            checkpoint = checkpoints.checkpoint_get(number=options["number"])
        else:
            checkpoint = checkpoints.checkpoint_latest()
        if checkpoint is None:
            raise CommandError("No such checkpoint: run create_consent_checkpoint first.")
        text = json.dumps(checkpoint.export(), indent=2, sort_keys=True) + "\n"
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as handle:
                handle.write(text)
            self.stdout.write(f"Checkpoint {checkpoint.number} written to {options['output']}.")
        else:
            self.stdout.write(text, ending="")
