from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from onboarding.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Sign-in is by SMS code only: the password login page is never shown.
    path(
        "accounts/login/",
        RedirectView.as_view(pattern_name="account_request_login_code", query_string=True),
        name="account_login",
    ),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("onboarding.urls")),
    path("", include("recommendations.urls")),
    path("", include("consent.urls")),
    path("", include("training.urls")),
]

handler400 = "onboarding.views.bad_request"
handler500 = "onboarding.views.server_error"
