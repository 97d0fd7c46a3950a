from django.urls import re_path

from complaints import open311

app_name = "open311"
FORMAT = r"\.(?P<fmt>xml|json)"
urlpatterns = [
    re_path(rf"^discovery{FORMAT}$", open311.discovery, name="discovery"),
    re_path(rf"^services{FORMAT}$", open311.services, name="services"),
    re_path(rf"^services/(?P<code>[\w-]+){FORMAT}$", open311.service_definition, name="service"),
    re_path(rf"^requests{FORMAT}$", open311.requests, name="requests"),
    re_path(rf"^requests/(?P<number>\d+){FORMAT}$", open311.request_detail, name="request"),
    re_path(rf"^tokens/(?P<token>[\w-]+){FORMAT}$", open311.token, name="token"),
]
