from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from consent import purposes, selectors, services
from consent.forms import ConsentScreenForm, PolicyAcknowledgmentForm
from consent.notices import NoticeKind


def _after_agree_url() -> str:
    # The questions flow lives in onboarding; until it exists, home (B4: the
    # product works with no answers).
    try:
        return reverse("onboarding:questions")
    except NoReverseMatch:
        return reverse("home")


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
    return selectors.consent_first_run_url(user=user) or reverse("home")


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
        return render(request, "consent/acknowledge.html", {"form": form}, status=400)
    return render(request, "consent/acknowledge.html", {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def screen(request: HttpRequest, purpose: str) -> HttpResponse:
    """The separate consent screen: Agree or Skip, equally easy, nothing pre-ticked (B1-B3, B5)."""
    purpose_obj = purposes.PURPOSES.get(purpose)
    if purpose_obj is None or not purpose_obj.needs_consent:
        raise Http404(_("There is no consent to give for this purpose."))
    form = ConsentScreenForm(request.POST or None, purpose=purpose)
    if form.notice is None:
        messages.error(request, _("This consent notice is not available right now. Nothing was recorded."))
        return redirect("home")
    if request.method == "POST":
        if form.is_valid():
            services.consent_screen_answer(
                user=request.user,
                purpose=purpose,
                agreed=form.agreed,
                notice_version=form.cleaned_data["notice_version"],
                request=request,
                surface="onboarding.consent",
            )
            if form.agreed:
                messages.success(request, _("Thank you. You can withdraw your consent at any time."))
                return redirect(_after_agree_url())
            messages.info(
                request,
                _("Skipped. Every course is open to you; you can change this at any time."),
            )
            return redirect("home")
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
    }
    return render(request, "consent/consent_screen.html", context, status=status)
