from django.conf import settings
from django.http import Http404
from django.urls import path, re_path
from django.utils.translation import gettext as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from api.errors import problem_response
from api.views import consent, notices, profile, recommendations, rights

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Notices and the acknowledgment (A2-A4, A6)
    path("v1/notices", notices.NoticesView.as_view(), name="notices"),
    path("v1/notices/privacy-policy", notices.PrivacyPolicyView.as_view(), name="privacy_policy"),
    path("v1/acknowledgment", notices.AcknowledgmentView.as_view(), name="acknowledgment"),
    path("v1/next-step", notices.NextStepView.as_view(), name="next_step"),
    # The consent step (B1-B3, B5)
    path("v1/consent/<slug:purpose>", consent.ConsentStepView.as_view(), name="consent_step"),
    # Profile questions (B4, C4, D2)
    path("v1/profile/questions", profile.QuestionsView.as_view(), name="questions"),
    path("v1/profile/questions/skip-rest", profile.SkipRestView.as_view(), name="questions_skip_rest"),
    path("v1/profile/questions/<str:field>/skip", profile.SkipQuestionView.as_view(), name="question_skip"),
    path("v1/profile/answers/<str:field>", profile.AnswerView.as_view(), name="answer"),
    # Recommendations and courses (B8, C1-C3)
    path("v1/recommendations", recommendations.RecommendationsView.as_view(), name="recommendations"),
    path(
        "v1/recommendations/personalization",
        recommendations.PersonalizationView.as_view(),
        name="personalization",
    ),
    path("v1/courses", recommendations.CourseListView.as_view(), name="courses"),
    path("v1/courses/<slug:slug>", recommendations.CourseDetailView.as_view(), name="course"),
    path("v1/courses/<slug:slug>/enrollment", recommendations.EnrollmentView.as_view(), name="enrollment"),
    path(
        "v1/courses/<slug:slug>/lessons/<int:position>", recommendations.LessonView.as_view(), name="lesson"
    ),
    path(
        "v1/courses/<slug:slug>/lessons/<int:position>/done",
        recommendations.LessonDoneView.as_view(),
        name="lesson_done",
    ),
    # Rights (B6, B7, D1, D3-D5, E2)
    path("v1/privacy-centre", rights.PrivacyCentreView.as_view(), name="privacy_centre"),
    path("v1/privacy-centre/<slug:purpose>/grant", rights.GrantView.as_view(), name="consent_grant"),
    path("v1/privacy-centre/<slug:purpose>/withdraw", rights.WithdrawView.as_view(), name="consent_withdraw"),
    path("v1/privacy-centre/history", rights.HistoryView.as_view(), name="consent_history"),
    path(
        "v1/privacy-centre/history/<str:record_id>/receipt",
        rights.ReceiptView.as_view(),
        name="consent_receipt",
    ),
    path("v1/privacy-centre/exports", rights.ExportsView.as_view(), name="exports"),
    path("v1/privacy-centre/exports/<str:export_id>", rights.ExportView.as_view(), name="export"),
    path(
        "v1/privacy-centre/exports/<str:export_id>/download",
        rights.ExportDownloadView.as_view(),
        name="export_download",
    ),
    path("v1/privacy-centre/cancel-account", rights.CancelAccountView.as_view(), name="account_cancel"),
]

_swagger = SpectacularSwaggerSplitView.as_view(url_name="api:schema")


def docs(request, *args, **kwargs):
    """Browsable documentation in development only; the schema itself is public.

    Swagger UI is served from our own origin (drf-spectacular-sidecar) with
    its script in a separate file, so the CSP holds (A5, F3).
    """
    if not settings.DEBUG:
        raise Http404
    return _swagger(request, *args, **kwargs)


def not_found(request, *args, **kwargs):
    """Any other path under /api/: a problem document, like every API error."""
    return problem_response(status_code=404, code="not_found", title=_("Not found."))


urlpatterns += [
    path("docs/", docs, name="docs"),
    re_path(r"^", not_found),
]
