from django.urls import path

from onboarding import views

app_name = "onboarding"

urlpatterns = [
    path("welcome/questions/", views.questions, name="questions"),
    path("welcome/questions/<int:step>/", views.question, name="question"),
    path("sms/inbound/", views.sms_inbound, name="sms_inbound"),
    path("profile/", views.profile, name="profile"),
    path("profile/answers/<str:field>/", views.profile_answer_change, name="profile_answer_change"),
    path("profile/answers/<str:field>/delete/", views.profile_answer_delete, name="profile_answer_delete"),
]
