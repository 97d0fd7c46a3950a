"""Finding a record within what a person may see, and saying why when it is not."""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.utils.translation import gettext as _

from core.models import Governorate

# Where a record keeps its governorate, nearest first.
_GOVERNORATE_PATHS = ("governorate", "organization__governorate", "facility__governorate")


class OutsideGovernorate(PermissionDenied):
    """A staff member working for one governorate opened a record of another."""

    def __init__(self, record_governorate: Governorate, own: Governorate):
        super().__init__(
            _(
                "This record belongs to %(record)s. You work on the records of %(own)s: ask "
                "a colleague of %(record)s's directorate, or the central office, to open it."
            )
            % {"record": record_governorate.name, "own": own.name}
        )


def _governorate_of(record: models.Model) -> Governorate | None:
    for path in _GOVERNORATE_PATHS:
        value = record
        for part in path.split("__"):
            value = getattr(value, part, None)
        if isinstance(value, Governorate):
            return value
    return None


def get_visible_or_explain(visible: models.QuerySet, user, **lookup) -> models.Model:
    """The record of ``visible`` (a ``for_user`` queryset) matching ``lookup``.

    If it exists but lies in another governorate than the one a staff member works
    for, the refusal says so (403); otherwise, or for anyone without a governorate,
    the record is simply not found (404), which tells an outsider nothing.
    """
    try:
        return visible.get(**lookup)
    except visible.model.DoesNotExist:
        pass
    own = getattr(user, "governorate", None)
    if own is not None and getattr(user, "needs_second_factor", False):
        record = visible.model._default_manager.filter(**lookup).first()
        elsewhere = _governorate_of(record) if record is not None else None
        if elsewhere is not None and elsewhere != own:
            raise OutsideGovernorate(elsewhere, own)
    raise Http404
