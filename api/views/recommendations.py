"""Recommendations, the switch, the catalog and enrollment (REQUIREMENTS B8, C1-C3)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from api import presenters
from api import serializers as s
from api.errors import NotEnrolled, NotFound
from api.permissions import PolicyAcknowledged
from api.views.base import SIGNED_IN_ERRORS, WRITE_ERRORS, ApiView, problem
from recommendations import selectors as recommendation_selectors
from recommendations import services as recommendation_services

SLUG_PARAMETER = OpenApiParameter("slug", str, OpenApiParameter.PATH)
PAGE_PARAMETER = OpenApiParameter(
    "page", int, OpenApiParameter.QUERY, required=False, description="Out of range: the nearest page."
)


def _course(course) -> dict:
    return {
        "slug": course.slug,
        "title": course.title,
        "summary": course.summary,
        "level_range": str(course.level_range),
        "featured": course.featured,
    }


def _published_course(slug: str):
    course = recommendation_selectors.course_get_published(slug=slug)
    if course is None:
        raise NotFound(detail=_("No such course."))
    return course


class RecommendationsView(ApiView):
    """Open to everyone: without consent, answers or the switch, the same popular list (C1)."""

    # Open to visitors; a signed-in person still meets the first-run gate (A2).
    permission_classes = [AllowAny, PolicyAcknowledged]

    @extend_schema(
        operation_id="recommendations",
        summary="The recommended courses, labelled personalized or popular, each with its reasons",
        description=(
            "Show `label` above the list (C3) and each item's `reasons` on request. "
            "Anonymous callers and everyone without a profiling grant, answers or with the "
            "switch off get the same non-personalized list (C1)."
        ),
        responses={200: s.RecommendationsSerializer, 403: problem("acknowledgment_required")},
        tags=["recommendations"],
    )
    def get(self, request):
        recommendations = recommendation_selectors.recommendations_for(user=request.user)
        return Response(
            {
                "label": "personalized" if recommendations.personalized else "popular",
                "personalized": recommendations.personalized,
                "switch_enabled": recommendations.switch_enabled,
                "consent_granted": recommendations.consent_granted,
                "items": [
                    {
                        "slug": item.slug,
                        "title": item.title,
                        "summary": item.summary,
                        "level_range": item.level_range,
                        "featured": item.featured,
                        "reasons": list(item.reasons),
                    }
                    for item in recommendations.courses
                ],
            }
        )


class PersonalizationView(ApiView):
    @extend_schema(
        operation_id="personalization_get",
        summary="The personalization switch",
        responses={200: s.PersonalizationSerializer, **SIGNED_IN_ERRORS},
        tags=["recommendations"],
    )
    def get(self, request):
        return Response({"enabled": recommendation_selectors.personalization_is_enabled(user=request.user)})

    @extend_schema(
        operation_id="personalization_set",
        summary="Turn personalization off or on: one call, effective on the next request (C2)",
        request=s.PersonalizationSerializer,
        responses={200: s.PersonalizationSerializer, **WRITE_ERRORS},
        tags=["recommendations"],
    )
    def put(self, request):
        data = presenters.validated(s.PersonalizationSerializer, request)
        preference = recommendation_services.personalization_set(user=request.user, enabled=data["enabled"])
        return Response({"enabled": preference.enabled})


class CourseListView(ApiView):
    # Open to visitors; a signed-in person still meets the first-run gate (A2).
    permission_classes = [AllowAny, PolicyAcknowledged]

    @extend_schema(
        operation_id="courses",
        summary="The catalog: the same order for everyone (B8, C5)",
        parameters=[PAGE_PARAMETER],
        responses={200: s.CoursePageSerializer, 403: problem("acknowledgment_required")},
        tags=["courses"],
    )
    def get(self, request):
        page = recommendation_selectors.course_catalog_page(page=request.query_params.get("page"))
        return Response(
            {
                "page": page.number,
                "pages": page.paginator.num_pages,
                "count": page.paginator.count,
                "results": [_course(course) for course in page.object_list],
            }
        )


class CourseDetailView(ApiView):
    # Open to visitors; a signed-in person still meets the first-run gate (A2).
    permission_classes = [AllowAny, PolicyAcknowledged]

    @extend_schema(
        operation_id="course",
        summary="One course, its lessons, and the caller's enrollment and progress",
        parameters=[SLUG_PARAMETER],
        responses={
            200: s.CourseDetailSerializer,
            404: problem("not_found"),
            403: problem("acknowledgment_required"),
        },
        tags=["courses"],
    )
    def get(self, request, slug: str):
        course = _published_course(slug)
        progress = recommendation_selectors.course_progress(user=request.user, course=course)
        next_lesson = progress.next_lesson
        return Response(
            {
                **_course(course),
                "enrolled": progress.enrolled,
                "lessons": [
                    {"position": entry.lesson.position, "title": entry.lesson.title, "done": entry.done}
                    for entry in progress.syllabus
                ],
                "progress": {
                    "done": progress.done,
                    "total": progress.total,
                    "next_lesson": next_lesson.position if next_lesson else None,
                },
            }
        )


class EnrollmentView(ApiView):
    @extend_schema(
        operation_id="enroll",
        summary="Enroll: open to everyone, with or without a profile or consent (A1, B8)",
        parameters=[SLUG_PARAMETER],
        request=None,
        responses={200: s.EnrollmentSerializer, 404: problem("not_found"), **SIGNED_IN_ERRORS},
        tags=["courses"],
    )
    def put(self, request, slug: str):
        course = _published_course(slug)
        recommendation_services.enrollment_create(user=request.user, course=course)
        return Response({"course": course.slug, "enrolled": True})

    @extend_schema(
        operation_id="leave",
        summary="Leave a course: the enrollment is deleted",
        parameters=[SLUG_PARAMETER],
        request=None,
        responses={200: s.EnrollmentSerializer, 404: problem("not_found"), **SIGNED_IN_ERRORS},
        tags=["courses"],
    )
    def delete(self, request, slug: str):
        course = recommendation_selectors.course_get(slug=slug)
        if course is None:
            raise NotFound(detail=_("No such course."))
        recommendation_services.enrollment_delete(user=request.user, course=course)
        return Response({"course": course.slug, "enrolled": False})


POSITION_PARAMETER = OpenApiParameter("position", int, OpenApiParameter.PATH)


def _lesson_of(course, position: int):
    lesson = recommendation_selectors.lesson_get(course=course, position=position)
    if lesson is None:
        raise NotFound(detail=_("No such lesson."))
    return lesson


class LessonView(ApiView):
    @extend_schema(
        operation_id="lesson",
        summary="One lesson of a course the caller is enrolled in",
        parameters=[SLUG_PARAMETER, POSITION_PARAMETER],
        responses={
            200: s.LessonSerializer,
            403: problem("not_enrolled, or acknowledgment_required"),
            404: problem("not_found"),
            401: problem("not_authenticated"),
        },
        tags=["courses"],
    )
    def get(self, request, slug: str, position: int):
        course = _published_course(slug)
        progress = recommendation_selectors.course_progress(user=request.user, course=course)
        entry = recommendation_selectors.lesson_entry(progress=progress, position=position)
        if entry is None:
            raise NotFound(detail=_("No such lesson."))
        if not progress.enrolled:
            raise NotEnrolled()
        following = recommendation_selectors.lesson_after(progress=progress, position=position)
        return Response(
            {
                "course": course.slug,
                "position": entry.lesson.position,
                "title": entry.lesson.title,
                "paragraphs": entry.lesson.paragraphs,
                "done": entry.done,
                "next_lesson": following.position if following else None,
            }
        )


class LessonDoneView(ApiView):
    @extend_schema(
        operation_id="lesson_done",
        summary="Mark a lesson as done (progress is read by its owner only, never by the rankers: C5)",
        parameters=[SLUG_PARAMETER, POSITION_PARAMETER],
        request=None,
        responses={
            200: s.ProgressSerializer,
            403: problem("not_enrolled, or acknowledgment_required"),
            404: problem("not_found"),
            **SIGNED_IN_ERRORS,
        },
        tags=["courses"],
    )
    def post(self, request, slug: str, position: int):
        course = _published_course(slug)
        lesson = _lesson_of(course, position)
        try:
            recommendation_services.lesson_mark_done(user=request.user, lesson=lesson)
        except recommendation_services.NotEnrolledError:
            raise NotEnrolled() from None
        progress = recommendation_selectors.course_progress(user=request.user, course=course)
        next_lesson = progress.next_lesson
        return Response(
            {
                "done": progress.done,
                "total": progress.total,
                "next_lesson": next_lesson.position if next_lesson else None,
            }
        )
