from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.urls import include, path

app_name_urls = [path("topics/", lambda request: HttpResponse("topics"), name="topics")]

urlpatterns = [
    path("", lambda request: HttpResponse("home"), name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("host/", include((app_name_urls, "hostapp"))),
    path("", include("consent.urls")),
]
