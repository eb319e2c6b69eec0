"""Sign and append a checkpoint of every consent chain now; Celery beat does the same on a schedule (E5)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from consent import checkpoints


class Command(BaseCommand):
    help = "Append a signed checkpoint (Merkle root over every subject's chain head) to the consent ledger."

    def handle(self, *args, **options) -> None:
        development_key = getattr(settings, "CONSENT_CHECKPOINT_SIGNING_KEY_FILE", None)
        if settings.DEBUG and not getattr(settings, "CONSENT_CHECKPOINT_SIGNING_KEY", "") and development_key:
            self.stdout.write(
                f"Signing with the development key in {development_key} (generated if missing); "
                "production needs CONSENT_CHECKPOINT_SIGNING_KEY."
            )
        try:
            checkpoint = checkpoints.checkpoint_create()
        except checkpoints.SigningKeyMissing as error:
            raise CommandError(f"No checkpoint signing key: {error}.") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Checkpoint {checkpoint.number}: {checkpoint.records} record(s) "
                f"in {checkpoint.chains} chain(s) "
                f"made until {checkpoint.cutoff.isoformat()}, root {checkpoint.root}, "
                f"key {checkpoint.key_fingerprint}."
            )
        )
