from django.urls import path

from fund import views, views_staff

app_name = "fund"
urlpatterns = [
    path("calls/", views.calls, name="calls"),
    path("grants-360giving.json", views.grants_360giving, name="grants_360giving"),
    path("grants-360giving.csv", views.grants_360giving_csv, name="grants_360giving_csv"),
    path("calls/<slug:code>/", views.call_detail, name="call"),
    path("calls/<slug:code>/apply/", views.start_application, name="apply"),
    path("awards/", views.awards, name="awards"),
    path("applications/", views.my_applications, name="my_applications"),
    path("applications/<int:pk>/", views.application_page, name="application"),
    path("applications/<int:pk>/<slug:step>/", views.application_step, name="step"),
    path("reports/<int:pk>/", views.report_page, name="report"),
    path("documents/<int:pk>/", views.document, name="document"),
    path("staff/grants/<int:pk>/", views_staff.grant_page, name="staff_grant"),
    path("staff/reports/", views_staff.report_list, name="staff_reports"),
    path("staff/reports/<int:pk>/", views_staff.report_review, name="staff_report"),
    path("staff/calls/", views_staff.call_list, name="staff_calls"),
    path("staff/applications/", views_staff.application_list, name="staff_applications"),
    path("staff/applications/<int:pk>/", views_staff.application_detail, name="staff_application"),
    path("staff/calls/<slug:code>/ranking/", views_staff.ranking, name="ranking"),
    path("reviews/", views_staff.my_reviews, name="my_reviews"),
    path("reviews/<int:pk>/", views_staff.review_page, name="review"),
]
