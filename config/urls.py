from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from api.headless_urls import headless_urlpatterns_in_use
from config.admin_mfa import admin_login_with_mfa, has_permission_with_mfa
from config.allauth_urls import allauth_urlpatterns_in_use
from onboarding.views import healthz

if settings.ADMIN_REQUIRE_MFA:
    # Staff sign in like everyone (SMS code), then allauth asks for the
    # authenticator code; the admin's password page is no longer served and
    # only staff with an authenticator app enter (F3, docs/OPERATIONS.md).
    admin.site.login = admin_login_with_mfa(admin.site.login)
    admin.site.has_permission = has_permission_with_mfa(admin.site.has_permission)

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Browsers ask for /favicon.ico whatever the page says: no 404 on every page.
    path("favicon.ico", RedirectView.as_view(url=settings.STATIC_URL + "favicon.svg", permanent=True)),
    # Sign-in is by SMS code only: the password login page is never shown.
    path(
        "accounts/login/",
        RedirectView.as_view(pattern_name="account_request_login_code", query_string=True),
        name="account_login",
    ),
    # Only the allauth pages we use; the rest (passwords, email) are 404s.
    path("accounts/", include(allauth_urlpatterns_in_use())),
    # Native apps (G1): allauth headless (the app client, the same endpoints
    # in use as the pages above) and the product API.
    path("_allauth/", include((headless_urlpatterns_in_use(), "headless"))),
    path("api/", include("api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("onboarding.urls")),
    path("", include("recommendations.urls")),
    path("", include("consent.urls")),
    path("", include("training.urls")),
]

handler400 = "onboarding.views.bad_request"
handler500 = "onboarding.views.server_error"
