from django.urls import include, path

from recommendations import views

# No module-level app_name: it would put `home` in the namespace too.
namespaced = [
    path("courses/", views.course_list, name="course_list"),
    path("courses/<slug:slug>/", views.course_detail, name="course_detail"),
    path("courses/<slug:slug>/enroll/", views.course_enroll, name="course_enroll"),
    path("courses/<slug:slug>/leave/", views.course_leave, name="course_leave"),
    path("courses/<slug:slug>/lessons/<int:position>/", views.lesson_detail, name="lesson_detail"),
    path("courses/<slug:slug>/lessons/<int:position>/done/", views.lesson_done, name="lesson_done"),
    path("my-courses/", views.my_courses, name="my_courses"),
    path("recommendations/how-it-works/", views.how_it_works, name="how_it_works"),
    path(
        "recommendations/personalization/",
        views.personalization_switch,
        name="personalization_switch",
    ),
    path(
        "recommendations/invitation/dismiss/",
        views.invitation_dismiss,
        name="invitation_dismiss",
    ),
]

# `home` is the site root and keeps its un-namespaced name (LOGIN_REDIRECT_URL, base.html).
urlpatterns = [
    path("", views.home, name="home"),
    path("", include((namespaced, "recommendations"))),
]
