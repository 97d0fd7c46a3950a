from django.urls import path

from complaints import views_public, views_staff, views_statistics

app_name = "complaints"
urlpatterns = [
    path("new/", views_public.new_case, name="new"),
    path("received/", views_public.submitted, name="submitted"),
    path("track/", views_public.track, name="track"),
    path("statistics/", views_statistics.page, name="statistics"),
    path("statistics.csv", views_statistics.download_csv, name="statistics_csv"),
    path("statistics.json", views_statistics.download_json, name="statistics_json"),
    path("work/", views_staff.workbench, name="workbench"),
    path("work/assign/", views_staff.bulk_assign, name="bulk_assign"),
    path("work/<str:number>/", views_staff.case_detail, name="case"),
    path("work/<str:number>/files/<int:pk>/", views_staff.attachment, name="attachment"),
]
