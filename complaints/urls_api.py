from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from complaints import api

urlpatterns = [
    path(
        "schema/",
        SpectacularAPIView.as_view(authentication_classes=[], permission_classes=[]),
        name="api-schema",
    ),
    path("v1/categories/", api.CategoryList.as_view(), name="api-categories"),
    path("v1/cases/", api.CaseCreate.as_view(), name="api-cases"),
    path("v1/cases/<str:number>/", api.CaseStatus.as_view(), name="api-case"),
]
