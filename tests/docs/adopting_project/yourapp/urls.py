from django.http import HttpResponse
from django.urls import include, path

app_name = "yourapp"
urlpatterns = [path("questions/", lambda request: HttpResponse("questions"), name="questions")]

root_urlpatterns = [
    path("", lambda request: HttpResponse("home"), name="home"),
    path("accounts/", include("allauth.urls")),
    path("you/", include("yourapp.urls")),
    path("", include("consent.urls")),
]
