from django.urls import path

from complaints import views_public

app_name = "complaints"
urlpatterns = [
    path("new/", views_public.new_case, name="new"),
    path("received/", views_public.submitted, name="submitted"),
    path("track/", views_public.track, name="track"),
]
