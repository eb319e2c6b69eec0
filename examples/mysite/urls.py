from django.contrib import admin
from django.urls import include, path

from marketing import views

urlpatterns = [
    path("", views.home, name="home"),
    path("signup/", views.signup, name="signup"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    # /privacy/, /consent/..., /privacy-centre/...
    path("", include("consent.urls")),
]
