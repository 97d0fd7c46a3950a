from django.urls import path

from training import views

app_name = "training"
urlpatterns = [
    path("cohorts/", views.my_cohorts, name="my_cohorts"),
    path("courses/", views.open_courses, name="open_courses"),
    path("reach/", views.public_reach, name="reach"),
    path("courses/<int:pk>/join/", views.join, name="join"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("staff/", views.staff, name="staff"),
    path("sessions/<int:pk>/", views.roster, name="roster"),
    path("enrolments/<int:pk>/test/<slug:kind>/", views.test_page, name="test"),
    path("cohorts/<int:pk>/", views.cohort_page, name="cohort"),
    path("cohorts/<int:pk>/complete/", views.complete_cohort, name="complete"),
    path("certificates/<str:code>/", views.verify, name="verify"),
    path("certificates/<str:code>/certificate.pdf", views.certificate_pdf, name="certificate"),
]
