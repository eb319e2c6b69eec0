"""The optional profile questions and the tags they become (REQUIREMENTS A5, B4, C4, D2)."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.response import Response

from api import presenters
from api import serializers as s
from api.errors import ConsentRequired, NotFound
from api.views.base import SIGNED_IN_ERRORS, WRITE_ERRORS, ApiView, problem
from consent import selectors as consent_selectors
from onboarding import selectors as onboarding_selectors
from onboarding import services as onboarding_services
from onboarding.forms import PROFILE_QUESTION_TEXTS
from onboarding.models import LearnerProfile

FIELD_PARAMETER = OpenApiParameter(
    "field", str, OpenApiParameter.PATH, description="occupation, learning_goal or english_level."
)
CONSENT_ERRORS = {403: problem("consent_required (nothing was written) or acknowledgment_required")}


def _field(field: str) -> str:
    if field not in onboarding_selectors.PROFILE_ANSWER_FIELDS:
        raise NotFound()
    return field


def _require_profiling_grant(user) -> None:
    # The same question the web views ask before showing a question (A5, B1);
    # the write service asks it again itself.
    if not consent_selectors.consent_is_granted(user=user, purpose=onboarding_services.PROFILING_PURPOSE):
        raise ConsentRequired(purpose=onboarding_services.PROFILING_PURPOSE)


def _next_question(field: str) -> str | None:
    fields = onboarding_selectors.PROFILE_ANSWER_FIELDS
    position = fields.index(field)
    return fields[position + 1] if position + 1 < len(fields) else None


def _error_details(error: DjangoValidationError) -> list[ErrorDetail]:
    """The service's messages with their codes (invalid_choice, ...), for field errors."""
    return [
        ErrorDetail(message, code=item.code or "invalid") for item in error.error_list for message in item
    ]


def _question(field: str, answer: str | None) -> dict:
    return {
        "field": field,
        "position": onboarding_selectors.PROFILE_ANSWER_FIELDS.index(field) + 1,
        "text": str(PROFILE_QUESTION_TEXTS[field]),
        "choices": [
            {"value": value, "label": str(label)}
            for value, label in LearnerProfile._meta.get_field(field).choices
        ],
        "answer": answer,
    }


class QuestionsView(ApiView):
    @extend_schema(
        operation_id="profile_questions",
        summary="The optional questions in order, each with its choices and the saved answer",
        description="Every question can be skipped; none has a default answer (B3, B4).",
        responses={200: s.QuestionsSerializer, **SIGNED_IN_ERRORS},
        tags=["profile"],
    )
    def get(self, request):
        answers = onboarding_selectors.learner_profile_answers(user=request.user)
        questions = [
            _question(field, answers.get(field)) for field in onboarding_selectors.PROFILE_ANSWER_FIELDS
        ]
        can_answer = consent_selectors.consent_is_granted(
            user=request.user, purpose=onboarding_services.PROFILING_PURPOSE
        )
        return Response({"can_answer": can_answer, "questions": questions})


class AnswerView(ApiView):
    @extend_schema(
        operation_id="profile_answer_set",
        summary="Answer a question, or change an answer (D2)",
        parameters=[FIELD_PARAMETER],
        request=s.AnswerInputSerializer,
        responses={200: s.QuestionSerializer, 404: problem("not_found"), **WRITE_ERRORS, **CONSENT_ERRORS},
        tags=["profile"],
    )
    def put(self, request, field: str):
        field = _field(field)
        _require_profiling_grant(request.user)
        data = presenters.validated(s.AnswerInputSerializer, request)
        try:
            onboarding_services.learner_profile_set_answer(
                user=request.user, field=field, value=data["answer"]
            )
        except onboarding_services.ProfilingConsentRequired:
            raise ConsentRequired(purpose=onboarding_services.PROFILING_PURPOSE) from None
        except DjangoValidationError as error:
            raise ValidationError({"answer": _error_details(error)}) from None
        return Response(_question(field, data["answer"]))

    @extend_schema(
        operation_id="profile_answer_delete",
        summary="Delete an answer: erased from storage, recommendations and exports (C4)",
        description=(
            "Always allowed, with or without consent: taking data back is never harder than giving it."
        ),
        parameters=[FIELD_PARAMETER],
        request=None,
        responses={204: None, 404: problem("not_found"), **SIGNED_IN_ERRORS},
        tags=["profile"],
    )
    def delete(self, request, field: str):
        onboarding_services.learner_profile_delete_answer(user=request.user, field=_field(field))
        return Response(status=204)


class SkipQuestionView(ApiView):
    @extend_schema(
        operation_id="profile_question_skip",
        summary="Skip one question: nothing is written, any earlier answer stays as it was (B4)",
        parameters=[FIELD_PARAMETER],
        request=None,
        responses={
            200: s.SkipResultSerializer,
            404: problem("not_found"),
            **SIGNED_IN_ERRORS,
            **CONSENT_ERRORS,
        },
        tags=["profile"],
    )
    def post(self, request, field: str):
        field = _field(field)
        _require_profiling_grant(request.user)
        return Response({"next_question": _next_question(field), "saved": False})


class SkipRestView(ApiView):
    @extend_schema(
        operation_id="profile_questions_skip_rest",
        summary="Skip every remaining question at once; the full product follows (B4)",
        request=None,
        responses={200: s.SkipResultSerializer, **SIGNED_IN_ERRORS, **CONSENT_ERRORS},
        tags=["profile"],
    )
    def post(self, request):
        _require_profiling_grant(request.user)
        return Response({"next_question": None, "saved": False})
