"""Sanad's WSGI application plus one bare view that inserts a row: the benchmark's ceiling.

Only bench/complaints.py serves this; the application itself never has the view.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanad.settings")
application = get_wsgi_application()

from django.db import connection  # noqa: E402
from django.http import JsonResponse  # noqa: E402
from django.urls import path  # noqa: E402
from django.views.decorators.csrf import csrf_exempt  # noqa: E402

import sanad.urls  # noqa: E402


@csrf_exempt
def ceiling(request):
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO bench_ceiling (body) VALUES (%s) RETURNING id",
            [request.body.decode()[:4000]],
        )
        (row_id,) = cursor.fetchone()
    return JsonResponse({"id": row_id}, status=201)


sanad.urls.urlpatterns.insert(0, path("bench/ceiling", ceiling))
