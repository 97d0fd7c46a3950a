"""The REST API for integrations: file a case and follow it, with an API key.

Send the key as ``Authorization: Api-Key <key>``. Every create honours an
``Idempotency-Key`` header: the same key returns the case the first call made.
"""

from collections.abc import Mapping

from django.http import QueryDict
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, Throttled
from rest_framework.response import Response
from rest_framework.views import APIView

from complaints import actions
from complaints.forms import CaseForm
from complaints.models import Case, Category, Channel, Visibility
from complaints.tracking import TooManyTries, too_many_tries_message
from core.audit import client_ip


class CategorySerializer(serializers.Serializer):
    code = serializers.CharField()
    name_ar = serializers.CharField()
    name_en = serializers.CharField()


# What an API client may leave out (the web form asks for each of them).
API_DEFAULTS = {"kind": "complaint", "complainant_type": "citizen", "contact_channel": "sms"}


class NewCaseSerializer(serializers.Serializer):
    """The body of a new case, for the schema (the view checks it with CaseForm)."""

    kind = serializers.CharField(required=False, default="complaint")
    category = serializers.CharField(help_text="a category code, as listed by /api/v1/categories/")
    description = serializers.CharField(max_length=4000)
    governorate = serializers.CharField(help_text="two-digit governorate code, e.g. 02")
    address = serializers.CharField(required=False, allow_blank=True, default="")
    complainant_type = serializers.CharField(required=False, default="citizen")
    anonymous = serializers.BooleanField(required=False, default=False)
    complainant_name = serializers.CharField(required=False, allow_blank=True, default="")
    national_id = serializers.CharField(required=False, allow_blank=True, default="")
    phone = serializers.CharField(required=False, allow_blank=True, default="")
    email = serializers.CharField(required=False, allow_blank=True, default="")
    contact_channel = serializers.CharField(required=False, default="sms")
    protect_identity = serializers.BooleanField(required=False, default=False)
    attachments = serializers.ListField(
        child=serializers.FileField(),
        required=False,
        write_only=True,
        help_text="with multipart/form-data: up to five pictures (JPEG, PNG, WebP) or PDFs",
    )


class CreatedCaseSerializer(serializers.Serializer):
    tracking_number = serializers.CharField()
    token = serializers.CharField(allow_null=True, help_text="shown once; null on a retry")
    status = serializers.CharField()
    created = serializers.BooleanField()


class TimelineSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    status = serializers.CharField(source="to_status")
    text = serializers.CharField(source="body")
    is_reply = serializers.BooleanField()


class CaseStatusSerializer(serializers.Serializer):
    tracking_number = serializers.CharField()
    status = serializers.CharField()
    category = serializers.CharField(source="category.code")
    received_at = serializers.DateTimeField()
    answered_at = serializers.DateTimeField(allow_null=True)
    timeline = TimelineSerializer(many=True, source="public_timeline")


class CategoryList(APIView):
    @extend_schema(responses=CategorySerializer(many=True))
    def get(self, request):
        return Response(CategorySerializer(Category.objects.filter(is_active=True), many=True).data)


class CaseCreate(APIView):
    @extend_schema(
        request=NewCaseSerializer,
        responses={201: CreatedCaseSerializer, 200: CreatedCaseSerializer},
        parameters=[
            OpenApiParameter(
                "Idempotency-Key",
                str,
                OpenApiParameter.HEADER,
                description="the same key returns the first case",
            )
        ],
    )
    def post(self, request):
        if not isinstance(request.data, Mapping):
            return Response(
                {"errors": {"__all__": [{"message": _("Send one case as a JSON object.")}]}},
                status=status.HTTP_400_BAD_REQUEST,
            )
        # Checked once, by the web form itself, so that every channel checks the same way;
        # NewCaseSerializer only describes the body in the schema.
        # A multipart body comes as a QueryDict of lists: one value per field.
        fields = request.data.dict() if isinstance(request.data, QueryDict) else request.data
        form = CaseForm(
            {**API_DEFAULTS, **fields, "organization_number": ""},
            # Up to five pictures or PDFs as multipart "attachments", checked like the web's.
            request.FILES or None,
        )
        if not form.is_valid():
            return Response(
                {"errors": form.errors.get_json_data()}, status=status.HTTP_400_BAD_REQUEST
            )
        key = request.headers.get("Idempotency-Key")
        submitted = actions.submit_case(
            actions.CaseInput(**form.case_fields()),
            channel=Channel.API,
            idempotency_key=f"api:{request.auth.pk}:{key}" if key else None,
            ip=client_ip(request),
        )
        # The shape CreatedCaseSerializer documents, built directly: a serializer per
        # answer costs more than the four fields it would copy.
        body = {
            "tracking_number": submitted.case.tracking_number,
            "token": submitted.token,
            "status": submitted.case.status,
            "created": submitted.created,
        }
        return Response(
            body, status=status.HTTP_201_CREATED if submitted.created else status.HTTP_200_OK
        )


class CaseStatus(APIView):
    @extend_schema(
        responses=CaseStatusSerializer,
        parameters=[
            OpenApiParameter(
                "token",
                str,
                OpenApiParameter.QUERY,
                required=True,
                description="the secret token given at creation",
            )
        ],
    )
    def get(self, request, number):
        try:
            case = Case.objects.select_related("category").with_code(
                number, request.query_params.get("token", "")
            )
        except TooManyTries:
            raise Throttled(detail=too_many_tries_message()) from None
        if case is None:
            raise NotFound("No case matches this number and token.")
        case.public_timeline = case.story(Visibility.PUBLIC)
        return Response(CaseStatusSerializer(case).data)
