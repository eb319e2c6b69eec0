"""The settings a host project gives the consent app, read when used (never at import).

Every setting is `CONSENT_<NAME>` in the host's settings module, and every
default is safe: a project that sets none of them gets a working app that
claims nothing it cannot know (no controller name, no jurisdiction), with a
system check (`consent.W003`) asking for the controller's identity, which
receipts, exports and the privacy contact page must show (PIPL 17(1)1, GDPR
13(1)(a)). Use it as `from consent.app_settings import app_settings`.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings

# The controller: who is responsible for the personal data (PIPL 17(1)1 and
# 50, GDPR 13(1)(a)). Shown on the privacy contact page, in every consent
# receipt (Kantara "piiControllers") and in every copy of a person's data.
CONTROLLER_KEYS = ("name", "contact", "address", "email", "phone", "url")


class AppSettings:
    prefix = "CONSENT_"

    def _setting(self, name: str, default: Any) -> Any:
        return getattr(settings, self.prefix + name, default)

    # --- The controller and the law -------------------------------------------

    @property
    def CONTROLLER(self) -> dict[str, str]:
        """{"name", "contact", "address", "email", "phone", "url"}; missing keys are ""."""
        declared = self._setting("CONTROLLER", {}) or {}
        return {key: declared.get(key, "") for key in CONTROLLER_KEYS}

    @property
    def CONTROLLER_IS_DECLARED(self) -> bool:
        controller = self.CONTROLLER
        return bool(controller["name"] and (controller["email"] or controller["address"]))

    @property
    def SERVICE_NAME(self) -> str:
        """The service named in receipts (Kantara "service"); the controller's name by default."""
        return self._setting("SERVICE_NAME", "") or self.CONTROLLER["name"]

    @property
    def JURISDICTION(self) -> str:
        """Where the controller is established, e.g. "CN" (Kantara "jurisdiction"); "" if not declared."""
        return self._setting("JURISDICTION", "")

    @property
    def RESPONSE_WORKING_DAYS(self) -> int:
        """The longest time to answer a request written to the controller, in working days.

        PIPL 50 asks for requests to be handled promptly; 15 working days is
        the limit APP191 item 6.3 treats as too slow when exceeded.
        """
        return int(self._setting("RESPONSE_WORKING_DAYS", 15))

    # --- Copies of data (D1) ------------------------------------------------------

    @property
    def EXPORT_LIFETIME(self) -> timedelta:
        """How long a prepared copy of a person's data can be downloaded, then it is purged (E4)."""
        return self._setting("EXPORT_LIFETIME", timedelta(days=7))

    @property
    def EXPORT_STALLED_AFTER(self) -> timedelta:
        """A copy still not ready after this long is marked failed, and asking again starts a new one."""
        return self._setting("EXPORT_STALLED_AFTER", timedelta(minutes=15))

    @property
    def EXPORT_FILENAME_PREFIX(self) -> str:
        """The downloaded file is `<prefix>-<date>.json`."""
        return self._setting("EXPORT_FILENAME_PREFIX", "my-data")

    # --- Background work ------------------------------------------------------------

    @property
    def TASK_RUNNER(self) -> str:
        """Dotted path of the runner of exports and erasures: in-process unless the host says Celery."""
        return self._setting("TASK_RUNNER", "consent.runners.InProcessRunner")

    # --- Screens and where they lead ---------------------------------------------

    @property
    def HOME_URL(self) -> str:
        """URL name (or path) people go to when consent has nothing more to ask."""
        return self._setting("HOME_URL", "/")

    @property
    def AFTER_AGREE_URLS(self) -> dict[str, str]:
        """{purpose code: URL name} of the step that follows a grant (e.g. optional questions)."""
        return self._setting("AFTER_AGREE_URLS", {})

    @property
    def SCREEN_SURFACE(self) -> str:
        """The `surface` the consent screen records decisions with (stored in the ledger, E1)."""
        return self._setting("SCREEN_SURFACE", "consent_screen")

    @property
    def SURFACE_LABELS(self) -> dict[str, Any]:
        """The host's own surfaces (e.g. its signup page) in words, for the consent history (E2)."""
        return self._setting("SURFACE_LABELS", {})

    @property
    def CANCEL_REAUTHENTICATION(self) -> str:
        """How a cancellation is confirmed (D4): "auto", "allauth" or "password".

        "auto": allauth's reauthentication when allauth is installed,
        otherwise Django's own password confirmation.
        """
        return self._setting("CANCEL_REAUTHENTICATION", "auto")

    # --- The first-run gate (A2, A6) ------------------------------------------------

    @property
    def GATE_EXEMPT_URL_NAMES(self) -> tuple[str, ...]:
        """URL names of the host that stay reachable before the policy is acknowledged."""
        return tuple(self._setting("GATE_EXEMPT_URL_NAMES", ()))

    @property
    def GATE_EXEMPT_PATH_PREFIXES(self) -> tuple[str, ...]:
        """Path prefixes of the host that stay reachable (e.g. its sign-in pages, a health probe)."""
        return tuple(self._setting("GATE_EXEMPT_PATH_PREFIXES", ()))

    @property
    def CLIENT_IP_FUNCTION(self) -> str:
        """Dotted path of `f(request) -> str`: the client address the ledger records (truncated, E1).

        Behind a proxy, the one the host's own rate limits trust; "" uses REMOTE_ADDR.
        """
        return self._setting("CLIENT_IP_FUNCTION", "") or ""

    # --- The pseudonymous subject id ---------------------------------------------

    @property
    def SUBJECT_ID_ATTRIBUTE(self) -> str:
        """A UUID attribute of the user model to use as the subject id; else the app keeps one per user."""
        return self._setting("SUBJECT_ID_ATTRIBUTE", "subject_id")


app_settings = AppSettings()
