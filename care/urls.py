from django.urls import path

from care import views

app_name = "care"
urlpatterns = [
    path("", views.check, name="check"),
    path("facilities/<int:pk>/", views.facility_page, name="facility"),
    path("verify/<str:key>/", views.verify, name="verify"),
    path("licences/<str:key>/certificate.pdf", views.certificate, name="certificate"),
    path("inspections/", views.my_inspections, name="my_inspections"),
    path("inspections/<int:pk>/", views.inspection_form, name="inspection"),
]
