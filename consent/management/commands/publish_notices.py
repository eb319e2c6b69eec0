"""Publish every declared notice in every language as a NoticeVersion (A4, A6). Safe to re-run."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from consent import notices, services


class Command(BaseCommand):
    help = (
        "Publish the privacy policy and the consent notices from their templates, once per version and "
        "language. Re-running publishes nothing new; a template changed without a new version is refused."
    )
    # This command is how the consent system checks are satisfied, so they must
    # not stop it from running.
    requires_system_checks: list[str] = []

    def handle(self, *args, **options) -> None:
        try:
            results = services.notices_publish_all()
        except services.NoticeError as error:
            raise CommandError(str(error)) from error
        for result in results:
            version = result.notice_version
            state = "published" if result.created else "already published"
            self.stdout.write(
                f"{version.kind} {version.purpose or '-'} {version.version} {version.language}: {state}"
            )
        # A6: say what the new versions change, once per notice.
        for notice in notices.NOTICES:
            new = any(
                r.created and r.notice_version.version == notice.version
                for r in results
                if r.notice_version.kind == notice.kind and r.notice_version.purpose == notice.purpose
            )
            if new and notice.what_changed:
                with translation.override("en"):
                    self.stdout.write(
                        f"What changed in {notice.slug} {notice.version}: {notice.what_changed}"
                    )
        created = sum(result.created for result in results)
        self.stdout.write(self.style.SUCCESS(f"{created} new notice version(s) published."))
