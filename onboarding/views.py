import hmac

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from consent import selectors as consent_selectors
from onboarding import forms, selectors, services
from onboarding.sms.inbound import InboundParseError, get_inbound_parser


# Reads only: no transaction around it (ATOMIC_REQUESTS), so the probe costs
# the one query it makes.
@transaction.non_atomic_requests
@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    checks = selectors.dependencies_health(connection=connection, redis_url=settings.REDIS_URL)
    healthy = all(ok for ok in checks.values())
    body = {
        "status": "ok" if healthy else "unavailable",
        "checks": {k: "ok" if v else "failed" for k, v in checks.items()},
    }
    return JsonResponse(body, status=200 if healthy else 503)


# The provider posts from its own servers with no session or CSRF cookie: this
# one view is exempt from CSRF and authenticates the caller by the shared
# secret instead (B9). Off (404) until SMS_INBOUND_SECRET is set.
SMS_INBOUND_SECRET_HEADER = "X-Sms-Webhook-Secret"  # noqa: S105 - a header name, not a secret


@csrf_exempt
@require_POST
@never_cache
def sms_inbound(request: HttpRequest) -> JsonResponse:
    """A reply from a learner, forwarded by the SMS provider: an opt-out withdraws product news (B9)."""
    secret = settings.SMS_INBOUND_SECRET
    if not secret:
        raise Http404("The SMS webhook is not configured.")
    given = request.headers.get(SMS_INBOUND_SECRET_HEADER, "")
    if not hmac.compare_digest(given.encode("utf-8"), secret.encode("utf-8")):
        return JsonResponse({"error": "Wrong or missing webhook secret."}, status=403)
    try:
        message = get_inbound_parser().parse(request)
        outcome = services.sms_inbound_receive(sender=message.sender, body=message.body)
    except InboundParseError as error:
        return JsonResponse({"error": str(error)}, status=400)
    except ValidationError:
        return JsonResponse({"error": "The sender is not a valid mobile number."}, status=400)
    return JsonResponse({"outcome": outcome.value})


# --- The optional profile questions (REQUIREMENTS B4, A5) ---------------------


def _profiling_is_granted(user) -> bool:
    return consent_selectors.consent_is_granted(user=user, purpose=services.PROFILING_PURPOSE)


def _consent_screen_redirect() -> HttpResponse:
    # Without a current grant nothing may be asked or stored (A5, B1): the
    # person decides on the consent screen first, and may skip it there.
    return redirect("consent:screen", services.PROFILING_PURPOSE)


def _question_field(step: int) -> str:
    if not 1 <= step <= len(selectors.PROFILE_ANSWER_FIELDS):
        raise Http404
    return selectors.PROFILE_ANSWER_FIELDS[step - 1]


def _profile_field(field: str) -> str:
    if field not in selectors.PROFILE_ANSWER_FIELDS:
        raise Http404
    return field


def _questions_finish(request: HttpRequest) -> HttpResponse:
    if selectors.learner_profile_answers(user=request.user):
        messages.success(
            request,
            _("Thank you. You can change or delete your answers at any time in My profile."),
        )
    else:
        # B4: skipping everything leads to the full product, with nothing held against it.
        messages.info(request, _("No answers were saved. Every course is open to you."))
    # Back to the page the person signed up from (e.g. a course), if any.
    return redirect(services.first_run_return_to_pop(request=request) or "home")


def _question_after(request: HttpRequest, step: int) -> HttpResponse:
    if step >= len(selectors.PROFILE_ANSWER_FIELDS):
        return _questions_finish(request)
    return redirect("onboarding:question", step=step + 1)


def _answer_store(request: HttpRequest, form, field: str) -> bool:
    """Store a valid form's answer through the service, which checks consent itself.

    False when the service refuses the value (the error is put on the form);
    ProfilingConsentRequired goes to the caller, which sends the person to the
    consent screen.
    """
    try:
        services.learner_profile_set_answer(user=request.user, field=field, value=form.cleaned_data["answer"])
    except ValidationError as error:
        form.add_error("answer", error)
        return False
    return True


@require_GET
@login_required
def questions(request: HttpRequest) -> HttpResponse:
    return redirect("onboarding:question", step=1)


@require_http_methods(["GET", "POST"])
@login_required
def question(request: HttpRequest, step: int) -> HttpResponse:
    field = _question_field(step)
    if not _profiling_is_granted(request.user):
        return _consent_screen_redirect()

    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        # B4: each question can be skipped alone, and all the rest at once;
        # skipping writes nothing and keeps any earlier answer as it was.
        if action == "skip":
            return _question_after(request, step)
        if action == "skip_rest":
            return _questions_finish(request)
        form = forms.ProfileQuestionForm(request.POST, question=field)
        if action != "next":
            form.add_error(None, _("Use one of the buttons below the question."))
        elif form.is_valid():
            try:
                if _answer_store(request, form, field):
                    return _question_after(request, step)
            except services.ProfilingConsentRequired:
                return _consent_screen_redirect()
        status = 400
    else:
        saved = selectors.learner_profile_answers(user=request.user).get(field)
        form = forms.ProfileQuestionForm(initial={"answer": saved} if saved else None, question=field)

    context = {
        "form": form,
        "step": step,
        "question_count": len(selectors.PROFILE_ANSWER_FIELDS),
        "is_last": step == len(selectors.PROFILE_ANSWER_FIELDS),
        "previous_step": step - 1 if step > 1 else None,
    }
    return render(request, "onboarding/question.html", context, status=status)


# --- My profile: the tags, changed or deleted one by one (C4, D2) ------------


@require_GET
@login_required
def profile(request: HttpRequest) -> HttpResponse:
    tags = selectors.learner_profile_tags(user=request.user)
    answered = {tag.field for tag in tags}
    context = {
        "tags": tags,
        "unanswered": [
            (field, forms.PROFILE_QUESTION_TEXTS[field])
            for field in selectors.PROFILE_ANSWER_FIELDS
            if field not in answered
        ],
        "can_change": _profiling_is_granted(request.user),
        "consent_purpose": services.PROFILING_PURPOSE,
    }
    return render(request, "onboarding/profile.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def profile_answer_change(request: HttpRequest, field: str) -> HttpResponse:
    field = _profile_field(field)
    if not _profiling_is_granted(request.user):
        return _consent_screen_redirect()

    status = 200
    if request.method == "POST":
        form = forms.ProfileQuestionForm(request.POST, question=field)
        if form.is_valid():
            try:
                if _answer_store(request, form, field):
                    messages.success(request, _("Your answer has been changed."))
                    return redirect("onboarding:profile")
            except services.ProfilingConsentRequired:
                return _consent_screen_redirect()
        status = 400
    else:
        saved = selectors.learner_profile_answers(user=request.user).get(field)
        form = forms.ProfileQuestionForm(initial={"answer": saved} if saved else None, question=field)
    return render(request, "onboarding/profile_answer_change.html", {"form": form}, status=status)


@require_POST
@login_required
def profile_answer_delete(request: HttpRequest, field: str) -> HttpResponse:
    # Deleting needs no consent: taking data back is never harder than giving it.
    services.learner_profile_delete_answer(user=request.user, field=_profile_field(field))
    messages.success(request, _("Your answer has been deleted."))
    return redirect("onboarding:profile")


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """handler400: the site's page, with the request (Django's default renders without it)."""
    return render(request, "400.html", status=400)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: an expired or foreign form, explained inside the layout (F3)."""
    return render(request, "403_csrf.html", status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a database or Redis outage is a 503 with a friendly page.

    Rendered without the base layout, which would read the session and the
    signed-in user, that is the database that has just failed.
    """
    import sys

    from django.db import DatabaseError
    from django.template.loader import render_to_string

    from onboarding.middleware import dependency_errors

    exception = sys.exc_info()[1]
    unavailable = isinstance(exception, (DatabaseError, *dependency_errors()))
    template, status = ("503.html", 503) if unavailable else ("500.html", 500)
    response = HttpResponse(render_to_string(template), status=status)
    if unavailable:
        response["Retry-After"] = "30"
    return response
