"""Pre-provision learner accounts from a CSV of phone numbers (REQUIREMENTS A2, A7; CC 1033(1): no SMS).

Only on a documented basis: the institution's contract with each learner (PIPL 13(1)(2)), the
institution entrusting us (PIPL 21) or holding each learner's separate consent (PIPL 23).
"""

import csv

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from onboarding import services


class Command(BaseCommand):
    help = (
        "Create learner accounts from a UTF-8 CSV file whose header is 'phone'. "
        "Sends no SMS; the accounts carry no acknowledgment or consent until each person signs in. "
        "Safe to re-run with the same file."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="Path to the CSV file (header: phone).")

    def handle(self, *args, **options) -> None:
        try:
            # utf-8-sig: spreadsheet programs often start the file with a byte order mark.
            with open(options["file"], encoding="utf-8-sig", newline="") as csv_file:
                rows = list(csv.reader(csv_file))
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s") % {"file": options["file"], "error": error.strerror}
            ) from None
        except (UnicodeDecodeError, csv.Error):
            raise CommandError(_("The file is not a UTF-8 CSV file. Nothing was imported.")) from None

        try:
            report = services.learners_import(rows=rows)
        except services.ImportRefused as error:
            raise CommandError(str(error)) from None

        for problem in report.rejected:
            self.stderr.write(
                _("Line %(line)d: rejected: %(reason)s") % {"line": problem.line, "reason": problem.reason}
            )
        for problem in report.duplicates:
            self.stderr.write(
                _("Line %(line)d: %(reason)s") % {"line": problem.line, "reason": problem.reason}
            )
        for line in report.already_present:
            self.stdout.write(_("Line %(line)d: already has an account; left as it is.") % {"line": line})
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Created %(created)d accounts; %(present)d already present; "
                    "%(duplicates)d duplicates in the file; %(rejected)d lines rejected. No SMS was sent."
                )
                % {
                    "created": report.created,
                    "present": len(report.already_present),
                    "duplicates": len(report.duplicates),
                    "rejected": len(report.rejected),
                }
            )
        )
