from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from onboarding import services as onboarding_services
from recommendations import selectors, services
from recommendations.forms import InvitationDismissForm, PersonalizationSwitchForm


def _bad_request(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "recommendations/bad_request.html", {"message": message}, status=400)


# The GET-only pages here only read. ATOMIC_REQUESTS (config/settings.py) wraps
# every other view in one transaction so that a failed write leaves nothing
# half-done; around a page that writes nothing it would only add BEGIN and
# COMMIT, two database round trips on every view of the home page.
@transaction.non_atomic_requests
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    # Skipping the consent screen ends the first run here: back to the page
    # the person signed up from, such as a course ("Sign up to enroll").
    return_to = onboarding_services.first_run_return_to_pop(request=request)
    if return_to:
        return redirect(return_to)
    recommendations = selectors.recommendations_for(user=request.user)
    return render(
        request,
        "recommendations/home.html",
        {"recommendations": recommendations, "cache_seconds": selectors.RANKING_CACHE_SECONDS},
    )


@transaction.non_atomic_requests
@require_GET
def how_it_works(request: HttpRequest) -> HttpResponse:
    from recommendations import rankers

    return render(
        request,
        "recommendations/how_it_works.html",
        {
            "diverse_slots": rankers.DIVERSE_SLOTS,
            "max_per_specialisation": rankers.MAX_PER_SPECIALISATION,
            "popularity_days": rankers.POPULARITY_WINDOW.days,
        },
    )


@transaction.non_atomic_requests
@require_GET
def course_list(request: HttpRequest) -> HttpResponse:
    # The order is the same for everyone: the profile is never read here (C5).
    page = selectors.course_catalog_page(page=request.GET.get("page"))
    return render(request, "recommendations/course_list.html", {"page": page})


def _not_enrolled(request: HttpRequest, course) -> HttpResponse:
    return render(request, "recommendations/not_enrolled.html", {"course": course}, status=403)


@transaction.non_atomic_requests
@require_GET
def course_detail(request: HttpRequest, slug: str) -> HttpResponse:
    course = selectors.course_get_published(slug=slug)
    if course is None:
        raise Http404(_("No such course."))
    progress = selectors.course_progress(user=request.user, course=course)
    return render(
        request,
        "recommendations/course_detail.html",
        {"course": course, "enrolled": progress.enrolled, "progress": progress},
    )


@require_GET
@login_required
def lesson_detail(request: HttpRequest, slug: str, position: int) -> HttpResponse:
    course = selectors.course_get_published(slug=slug)
    if course is None:
        raise Http404(_("No such course."))
    progress = selectors.course_progress(user=request.user, course=course)
    entry = selectors.lesson_entry(progress=progress, position=position)
    if entry is None:
        raise Http404(_("No such lesson."))
    if not progress.enrolled:
        return _not_enrolled(request, course)
    return render(
        request,
        "recommendations/lesson_detail.html",
        {
            "course": course,
            "lesson": entry.lesson,
            "done": entry.done,
            "progress": progress,
            "next_lesson": selectors.lesson_after(progress=progress, position=position),
        },
    )


@require_POST
@login_required
def lesson_done(request: HttpRequest, slug: str, position: int) -> HttpResponse:
    course = selectors.course_get_published(slug=slug)
    if course is None:
        raise Http404(_("No such course."))
    lesson = selectors.lesson_get(course=course, position=position)
    if lesson is None:
        raise Http404(_("No such lesson."))
    try:
        services.lesson_mark_done(user=request.user, lesson=lesson)
    except services.NotEnrolledError:
        return _not_enrolled(request, course)
    messages.success(request, _("Lesson %(number)s marked as done.") % {"number": lesson.position})
    return redirect("recommendations:lesson_detail", course.slug, lesson.position)


@require_POST
@login_required
def course_enroll(request: HttpRequest, slug: str) -> HttpResponse:
    course = selectors.course_get_published(slug=slug)
    if course is None:
        raise Http404(_("No such course."))
    services.enrollment_create(user=request.user, course=course)
    messages.success(request, _("You are enrolled in %(course)s.") % {"course": course.title})
    return redirect(course)


@require_POST
@login_required
def course_leave(request: HttpRequest, slug: str) -> HttpResponse:
    course = selectors.course_get(slug=slug)
    if course is None:
        raise Http404(_("No such course."))
    if services.enrollment_delete(user=request.user, course=course):
        messages.success(request, _("You have left %(course)s.") % {"course": course.title})
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return redirect(next_url)
    return redirect("recommendations:my_courses")


@transaction.non_atomic_requests
@require_GET
@login_required
def my_courses(request: HttpRequest) -> HttpResponse:
    page = selectors.my_courses_page(user=request.user, page=request.GET.get("page"))
    return render(request, "recommendations/my_courses.html", {"page": page})


@require_http_methods(["GET", "POST"])
@login_required
def personalization_switch(request: HttpRequest) -> HttpResponse:
    """One click turns personalization off or on (ALG 17, REQUIREMENTS C2).

    It stores a preference and touches no consent record; the very next
    request uses it. Opened by address (GET), it changes nothing and leads to
    the switch on the home page rather than to a bare 405.
    """
    if request.method == "GET":
        return redirect(reverse("home") + "#personalization")
    form = PersonalizationSwitchForm(request.POST)
    if not form.is_valid():
        return _bad_request(
            request, _("That setting could not be changed. Please use the buttons on the home page.")
        )
    enabled = form.cleaned_data["enabled"]
    services.personalization_set(user=request.user, enabled=enabled)
    if enabled:
        messages.success(request, _("Personalized recommendations are on."))
    else:
        messages.success(request, _("Personalized recommendations are off. You now see popular courses."))
    return redirect("home")


@require_POST
@login_required
def invitation_dismiss(request: HttpRequest) -> HttpResponse:
    form = InvitationDismissForm(request.POST)
    if not form.is_valid():
        return _bad_request(
            request, _("That invitation could not be dismissed. Please try again from the home page.")
        )
    services.personalization_invitation_dismiss(
        user=request.user, notice_version=form.cleaned_data["notice_version"]
    )
    return redirect("home")
