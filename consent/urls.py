from django.urls import path

from consent import views

app_name = "consent"

urlpatterns = [
    path("privacy/", views.privacy_policy, name="privacy_policy"),
    path("privacy/versions/<int:pk>/", views.privacy_policy_version, name="privacy_policy_version"),
    # Before the <purpose> pattern, which would otherwise match "acknowledge".
    path("consent/acknowledge/", views.acknowledge, name="acknowledge"),
    path("consent/<slug:purpose>/", views.screen, name="screen"),
]

# The privacy centre and the data-rights flows (B6, B7, D1-D6, E2). Exercising
# a right does not wait for a new policy to be accepted: the first-run gate
# lets these pages through (consent.middleware.EXEMPT_URL_NAMES; PIPL 15, 45, 47).
urlpatterns += [
    path("privacy/contact/", views.privacy_contact, name="privacy_contact"),
    path("privacy-centre/", views.privacy_centre, name="privacy_centre"),
    path("privacy-centre/decide/", views.privacy_centre_decide, name="privacy_centre_decide"),
    path("privacy-centre/history/", views.consent_history, name="consent_history"),
    path("privacy-centre/verify_receipt.py", views.receipt_verifier, name="receipt_verifier"),
    path(
        "privacy-centre/history/<uuid:record_id>/receipt.json", views.consent_receipt, name="consent_receipt"
    ),
    path("privacy-centre/my-data/", views.my_data, name="my_data"),
    path("privacy-centre/my-data/export/", views.export_request, name="export_request"),
    path("privacy-centre/my-data/export/<uuid:export_id>/", views.export_status, name="export_status"),
    path(
        "privacy-centre/my-data/export/<uuid:export_id>/download/",
        views.export_download,
        name="export_download",
    ),
    path("privacy-centre/cancel-account/", views.account_cancel, name="account_cancel"),
    path("privacy-centre/cancelled/", views.account_cancelled, name="account_cancelled"),
]
