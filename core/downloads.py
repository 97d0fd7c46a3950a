"""Tables to download: one CSV shape for every module's figures."""

import csv
from collections.abc import Iterable, Sequence

from django.http import HttpResponse


def csv_download(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    """A CSV file with a byte-order mark, so that spreadsheet programs read the Arabic right."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows(rows)
    return response
