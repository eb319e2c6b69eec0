from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from api.signup import app_signup
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
    # Native apps (G1): allauth headless (the app client) and the product API.
    # The app's signup adds the privacy-policy acknowledgment (A3) to allauth's.
    path("_allauth/app/v1/auth/signup", app_signup, name="api_app_signup"),
    path("_allauth/", include("allauth.headless.urls")),
    path("api/", include("api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("onboarding.urls")),
    path("", include("recommendations.urls")),
    path("", include("consent.urls")),
    path("", include("training.urls")),
]

handler500 = "onboarding.views.server_error"
