from __future__ import annotations

import json
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from consent import (
    checkpoints,
    notices,
    purposes,
    reauthentication,
    registry,
    selectors,
    services,
    verify_receipt,
)
from consent.app_settings import app_settings
from consent.forms import (
    ConsentScreenForm,
    PasswordConfirmationForm,
    PolicyAcknowledgmentForm,
    PrivacyCentreDecisionForm,
)
from consent.notices import NoticeKind


def _home_url() -> str:
    return resolve_url(app_settings.HOME_URL)


def _after_agree_url(purpose: str) -> str:
    # Where the project continues after a grant, e.g. optional questions
    # (CONSENT_AFTER_AGREE_URLS); home otherwise (B4: the product works
    # with no answers).
    url_name = app_settings.AFTER_AGREE_URLS.get(purpose)
    return resolve_url(url_name) if url_name else _home_url()


@require_GET
def privacy_policy(request: HttpRequest) -> HttpResponse:
    """Public, in the reader's language, with every earlier version listed (A4, A6)."""
    current = selectors.privacy_policy_current()
    if current is None:
        raise Http404(_("The privacy policy has not been published yet."))
    versions = selectors.privacy_policy_versions(language=current.language)
    context = {
        "notice_version": current,
        "earlier_versions": [version for version in versions if version.pk != current.pk],
        "purpose_notices": [
            (purposes.get_purpose(notice.purpose).title, notice)
            for notice in selectors.purpose_notices_current(language=current.language)
        ],
    }
    return render(request, "consent/privacy_policy.html", context)


@require_GET
def privacy_policy_version(request: HttpRequest, pk: int) -> HttpResponse:
    """Any published notice text, exactly as it was shown (A6, E2: receipts link here)."""
    notice_version = selectors.notice_version_get(pk=pk)
    if notice_version is None:
        raise Http404(_("There is no published notice with this number."))
    if notice_version.kind == NoticeKind.PRIVACY_POLICY:
        current = selectors.privacy_policy_current(language=notice_version.language)
        title = _("Privacy policy")
    else:
        current = selectors.purpose_notice_current(
            purpose=notice_version.purpose, language=notice_version.language
        )
        title = purposes.get_purpose(notice_version.purpose).title
    context = {
        "notice_version": notice_version,
        "title": title,
        "is_current": current is not None and current.pk == notice_version.pk,
        "current": current,
    }
    return render(request, "consent/notice_version.html", context)


def _after_acknowledge_url(user) -> str:
    # Acknowledging the policy is not consent to anything (B1): the separate
    # consent screen comes next, once, and can be skipped.
    return selectors.consent_first_run_url(user=user) or _home_url()


@require_http_methods(["GET", "POST"])
@login_required
def acknowledge(request: HttpRequest) -> HttpResponse:
    """First run for an account that never acknowledged the current policy (A2, A6)."""
    if request.method == "GET" and selectors.policy_acknowledgment_is_current(user=request.user):
        return redirect(_after_acknowledge_url(request.user))
    form = PolicyAcknowledgmentForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            services.policy_acknowledge(
                user=request.user,
                request=request,
                surface="first_run",
                notice_version=form.cleaned_data["policy_version"],
            )
            return redirect(_after_acknowledge_url(request.user))
        return render(request, "consent/acknowledge.html", _acknowledge_context(request, form), status=400)
    return render(request, "consent/acknowledge.html", _acknowledge_context(request, form))


def _acknowledge_context(request: HttpRequest, form) -> dict:
    # A6, APP191 2.2: someone who acknowledged an earlier version is told what changed.
    earlier = selectors.policy_acknowledged_earlier_version(user=request.user)
    return {"form": form, "what_changed": notices.privacy_policy_notice().what_changed if earlier else ""}


@require_http_methods(["GET", "POST"])
@login_required
def screen(request: HttpRequest, purpose: str) -> HttpResponse:
    """The separate consent screen: Agree or Skip, equally easy, nothing pre-ticked (B1-B3, B5)."""
    purpose_obj = purposes.PURPOSES.get(purpose)
    if purpose_obj is None or not purpose_obj.needs_consent:
        raise Http404(_("There is no consent to give for this purpose."))
    if not purpose_obj.asked_at_first_run:
        # B1, B6: a purpose not declared `asked_at_first_run` is offered in
        # the privacy centre only, never on a screen of the first-run flow.
        return redirect("consent:privacy_centre")
    form = ConsentScreenForm(request.POST or None, purpose=purpose)
    if form.notice is None:
        messages.error(request, _("This consent notice is not available right now. Nothing was recorded."))
        return redirect(_home_url())
    if request.method == "POST":
        if form.is_valid():
            services.consent_screen_answer(
                user=request.user,
                purpose=purpose,
                agreed=form.agreed,
                notice_version=form.cleaned_data["notice_version"],
                request=request,
                surface=app_settings.SCREEN_SURFACE,
            )
            if form.agreed:
                messages.success(request, _("Thank you. You can withdraw your consent at any time."))
                return redirect(_after_agree_url(purpose))
            messages.info(
                request,
                purpose_obj.skip_message
                or _("Skipped. Everything else works as before; you can change this at any time."),
            )
            return redirect(_home_url())
        status = 400
    else:
        status = 200
    context = {
        "form": form,
        "purpose": purpose_obj,
        "notice_version": form.notice,
        "what_changed": purpose_obj.what_changed
        if selectors.consent_decided_on_earlier_version(user=request.user, purpose=purpose)
        else "",
        # Skip then ends a grant still on record, and the answers it covered are erased.
        "skip_withdraws": selectors.consent_current_decision(user=request.user, purpose=purpose) == "granted",
        # A6: the grace period the policy states before a stale grant's data is erased.
        "grace_days": services.stale_grant_grace().days,
    }
    return render(request, "consent/consent_screen.html", context, status=status)


# --- Privacy centre (B6, B7, D1-D6, E2) -----------------------------------------------


@require_GET
def privacy_contact(request: HttpRequest) -> HttpResponse:
    """Public: who to write to about personal data, and who to complain to (D6, PIPL 50)."""
    context = {
        "controller": selectors.pii_controller(),
        "response_days": app_settings.RESPONSE_WORKING_DAYS,
    }
    return render(request, "consent/privacy_contact.html", context)


@require_GET
@login_required
def privacy_centre(request: HttpRequest) -> HttpResponse:
    """Every purpose with the current decision and one button to change it (B6, B7, D5)."""
    states = selectors.privacy_centre_purposes(user=request.user)
    rows = [
        (state, selectors.purpose_notice_current(purpose=state.purpose.code) if state.needs_consent else None)
        for state in states
    ]
    return render(request, "consent/privacy_centre.html", {"rows": rows})


@require_POST
@login_required
def privacy_centre_decide(request: HttpRequest) -> HttpResponse:
    """Agree or Withdraw for one purpose: one POST, whichever way (B7: withdrawing is as easy)."""
    form = PrivacyCentreDecisionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("consent:privacy_centre")
    purpose = form.cleaned_data["purpose"]
    title = purposes.get_purpose(purpose).title
    try:
        if form.granting:
            services.consent_grant(
                user=request.user,
                purpose=purpose,
                request=request,
                surface="privacy_centre",
                notice_version=form.cleaned_data["notice_version"],
            )
        elif selectors.consent_is_granted(user=request.user, purpose=purpose):
            services.consent_withdraw(
                user=request.user, purpose=purpose, request=request, surface="privacy_centre"
            )
    except services.PolicyNotAcknowledgedError:
        # A2, A6: granting comes after the current policy has been read.
        messages.error(request, _("Please read the current privacy policy first. Nothing was recorded."))
        return redirect("consent:acknowledge")
    except services.NoticeError:
        messages.error(request, _("This consent notice is not available right now. Nothing was recorded."))
        return redirect("consent:privacy_centre")
    if form.granting:
        messages.success(request, _("You agreed to: %(purpose)s.") % {"purpose": title})
        if purpose in app_settings.AFTER_AGREE_URLS:
            return redirect(_after_agree_url(purpose))
    else:
        messages.success(request, _("You withdrew your consent to: %(purpose)s.") % {"purpose": title})
    return redirect("consent:privacy_centre")


@require_GET
@login_required
def consent_history(request: HttpRequest) -> HttpResponse:
    """Every decision the person made, with the notice version shown and a receipt each (E2)."""
    records = selectors.consent_records_for_user(user=request.user)
    rows = [(record, purposes.PURPOSES.get(record.purpose)) for record in records]
    latest = checkpoints.checkpoint_latest()
    return render(
        request,
        "consent/consent_history.html",
        {"rows": rows, "key_fingerprint": latest.key_fingerprint if latest else ""},
    )


@require_GET
def receipt_verifier(request: HttpRequest) -> HttpResponse:
    """The offline receipt checker, as a file anyone can download and read (E5)."""
    response = HttpResponse(
        Path(verify_receipt.__file__).read_text(encoding="utf-8"), content_type="text/x-python; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="verify_receipt.py"'
    return response


@require_GET
@login_required
def consent_receipt(request: HttpRequest, record_id) -> HttpResponse:
    """One record as a Kantara Consent Receipt, as a JSON download (E2)."""
    record = selectors.consent_record_for_user(user=request.user, record_id=record_id)
    if record is None:
        raise Http404(_("There is no such record in your consent history."))
    receipt = selectors.consent_receipt(
        record=record,
        policy_url=request.build_absolute_uri(reverse("consent:privacy_policy")),
        notice_url=request.build_absolute_uri(record.notice_version.get_absolute_url()),
    )
    return _json_download(receipt, filename=f"consent-receipt-{record.id}.json")


def _json_download(document: dict | str, *, filename: str) -> HttpResponse:
    body = document if isinstance(document, str) else json.dumps(document, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Personal data: never kept by a shared cache or the browser's back button.
    response["Cache-Control"] = "no-store, private"
    return response


@require_GET
@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    """A readable page of everything held about the person, from the registry (D1)."""
    context = {
        "sections": selectors.personal_data_sections(user=request.user),
        "exports": selectors.data_exports_of(user=request.user),
        "export_days": app_settings.EXPORT_LIFETIME.days,
    }
    return render(request, "consent/my_data.html", context)


@require_POST
@login_required
def export_request(request: HttpRequest) -> HttpResponse:
    try:
        export = services.data_export_request(user=request.user, language=translation.get_language())
    except services.ExportLimitReached as limit:
        context = {
            "limit": selectors.EXPORT_LIMIT,
            "hours": int(selectors.EXPORT_LIMIT_WINDOW.total_seconds() // 3600),
            "minutes": max(1, -(-limit.retry_after // 60)),
        }
        response = render(request, "consent/export_limit.html", context, status=429)
        response["Retry-After"] = str(limit.retry_after)
        return response
    return redirect(export)


@require_GET
@login_required
def export_status(request: HttpRequest, export_id) -> HttpResponse:
    """Progress until the file is ready; the page refreshes itself without JavaScript."""
    export = selectors.data_export_for_owner(user=request.user, export_id=export_id)
    if export is None:
        raise Http404(_("There is no such copy of your data, or it has expired."))
    response = render(
        request, "consent/export_status.html", {"export": export, "refresh_seconds": EXPORT_REFRESH_SECONDS}
    )
    if export.is_in_progress:
        # The Refresh header reloads the page with no script and no inline
        # code, so the CSP stays strict; the page also has a Refresh link.
        response["Refresh"] = str(EXPORT_REFRESH_SECONDS)
    response["Cache-Control"] = "no-store, private"
    return response


EXPORT_REFRESH_SECONDS = 3


@require_GET
@login_required
def export_download(request: HttpRequest, export_id) -> HttpResponse:
    """The JSON file, to its owner only (D1); anyone else gets a 404, not a 403, so ids reveal nothing."""
    export = selectors.data_export_for_owner(user=request.user, export_id=export_id)
    if export is None or not export.is_ready:
        raise Http404(_("There is no such copy of your data, or it has expired."))
    filename = f"{app_settings.EXPORT_FILENAME_PREFIX}-{export.created_at:%Y-%m-%d}.json"
    return _json_download(export.content, filename=filename)


@require_http_methods(["GET", "POST"])
@login_required
def account_cancel(request: HttpRequest) -> HttpResponse:
    """Cancel my account (D4): what will happen, no reason asked, then proof that it is the person.

    GET explains. The POST runs the cancellation only after a fresh
    reauthentication (consent.reauthentication): allauth's, when the host
    uses allauth (for example a code sent just now: allauth stops the POST,
    asks, and replays it once confirmed), otherwise the account's password,
    typed into this form and checked by Django.
    """
    if reauthentication.method() == reauthentication.ALLAUTH:
        if request.method == "POST":
            return _account_cancel_after_allauth_reauthentication(request)
        form = None
    else:
        form = PasswordConfirmationForm(request.user, request.POST or None)
        if request.method == "POST":
            if form.is_valid():
                return _account_cancel_confirmed(request)
            context = {"categories": registry.categories(), "form": form}
            return render(request, "consent/account_cancel.html", context, status=400)
    return render(request, "consent/account_cancel.html", {"categories": registry.categories(), "form": form})


def _account_cancel_confirmed(request: HttpRequest) -> HttpResponse:
    services.account_cancel(user=request.user, request=request)
    return redirect("consent:account_cancelled")


_account_cancel_after_allauth_reauthentication = reauthentication.allauth_required(_account_cancel_confirmed)


@require_GET
def account_cancelled(request: HttpRequest) -> HttpResponse:
    # D5: the erasure runs in the background; this page says so and never
    # claims it is done.
    return render(request, "consent/account_cancelled.html")
