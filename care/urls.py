from django.urls import path

from care import views, views_staff

app_name = "care"
urlpatterns = [
    path("", views.check, name="check"),
    path("facilities/<int:pk>/", views.facility_page, name="facility"),
    path("verify/<str:key>/", views.verify, name="verify"),
    path("licences/<str:key>/certificate.pdf", views.certificate, name="certificate"),
    path("apply/", views.apply, name="apply"),
    path("mine/", views.mine, name="mine"),
    path("mine/<int:pk>/renew/", views.renew, name="renew"),
    path("inspections/", views.my_inspections, name="my_inspections"),
    path("inspections/<int:pk>/", views.inspection_form, name="inspection"),
    path("inspections/<int:pk>/check/", views.inspection_check, name="inspection_check"),
    path("inspections/<int:pk>/<slug:code>/", views.inspection_section, name="inspection_section"),
]
urlpatterns += [
    path("desk/", views_staff.desk, name="desk"),
    path("desk/applications/<int:pk>/", views_staff.application_desk, name="application_desk"),
    path("desk/facilities/<int:pk>/", views_staff.facility_desk, name="facility_desk"),
    path("dashboard/", views_staff.dashboard_page, name="dashboard"),
    path("photos/<int:pk>/", views_staff.photo, name="photo"),
]
