"""The one exception that actions raise when a request cannot be carried out."""

from enum import StrEnum


class ActionError(Exception):
    """A refused action: a stable ``code`` for clients and a translated ``message`` for
    people; ``field`` names the input at fault when there is one (the reason a rejection
    needs), so a page can put the message beside it."""

    def __init__(self, code: StrEnum, message: str, *, field: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


def refuse(form, error: ActionError) -> None:
    """Show an action's refusal on the form that asked for it: beside the field at fault
    if the form has it (the error summary then links there), else above the form."""
    fields = getattr(form, "fields", {})  # a set of rows has none of its own
    form.add_error(error.field if error.field in fields else None, error.message)
