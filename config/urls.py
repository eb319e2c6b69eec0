from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from config.allauth_urls import allauth_urlpatterns_in_use
from onboarding.views import healthz

if settings.ADMIN_REQUIRE_MFA:
    # Staff sign in like everyone (SMS code), then allauth asks for the
    # authenticator code; the admin's password page is no longer served and
    # only staff with an authenticator app enter (F3, docs/OPERATIONS.md).
    admin.site.login = secure_admin_login(admin.site.login)
    _staff_has_permission = admin.site.has_permission

    def _staff_with_authenticator_has_permission(request) -> bool:
        from allauth.mfa.utils import is_mfa_enabled

        return _staff_has_permission(request) and is_mfa_enabled(request.user)

    admin.site.has_permission = _staff_with_authenticator_has_permission

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Sign-in is by SMS code only: the password login page is never shown.
    path(
        "accounts/login/",
        RedirectView.as_view(pattern_name="account_request_login_code", query_string=True),
        name="account_login",
    ),
    # Only the allauth pages we use; the rest (passwords, email) are 404s.
    path("accounts/", include(allauth_urlpatterns_in_use())),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("onboarding.urls")),
    path("", include("recommendations.urls")),
    path("", include("consent.urls")),
    path("", include("training.urls")),
]

handler500 = "onboarding.views.server_error"
