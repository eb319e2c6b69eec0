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
