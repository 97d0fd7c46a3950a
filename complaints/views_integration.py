"""Machine-to-machine entry points: the national complaints platform's webhook."""

import json

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from complaints import actions
from complaints.forms import PlatformCaseForm
from complaints.models import Case, Channel
from complaints.national_platform import check_signature
from core.audit import client_ip


def _error(status: int, code: str, message: str, **extra) -> JsonResponse:
    return JsonResponse({"error": code, "message": message, **extra}, status=status)


@csrf_exempt  # signed with the shared secret instead; no browser ever posts here
@require_POST
def national_platform_cases(request):
    try:
        body = request.body
    except RequestDataTooBig:
        return _error(413, "too_large", "the body is larger than 2.5 MB")
    refusal = check_signature(settings.NATIONAL_PLATFORM_SECRET, request.headers, body)
    if refusal is not None:
        return _error(refusal.status, refusal.code, refusal.message)
    try:
        payload = json.loads(body)
        if not isinstance(payload, dict):
            raise TypeError
    except (ValueError, TypeError):
        return _error(400, "not_json", "the body must be one JSON object")
    form = PlatformCaseForm(PlatformCaseForm.flatten(payload))
    if not form.is_valid():
        return _error(
            422, "invalid", "some fields are missing or wrong", fields=form.errors.get_json_data()
        )
    reference = form.cleaned_data["reference"]
    earlier = Case.objects.filter(external_reference=reference).first()
    if earlier is None:
        submitted = actions.submit_case(
            actions.CaseInput(**form.case_fields()),
            channel=Channel.NATIONAL_PLATFORM,
            idempotency_key=f"ncp:{reference}",
            ip=client_ip(request),
        )
        case, created = submitted.case, submitted.created
    else:
        case, created = earlier, False
    return JsonResponse(
        {
            "reference": reference,
            "tracking_number": case.tracking_number,
            "status": case.status,
            "created": created,
        },
        status=201 if created else 200,
    )
