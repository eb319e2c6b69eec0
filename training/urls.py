from django.urls import path

from training import views

urlpatterns = [
    path("training/", views.training, name="training"),
]
