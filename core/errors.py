"""The one exception that actions raise when a request cannot be carried out."""

from enum import StrEnum


class ActionError(Exception):
    """A refused action: a stable ``code`` for clients and a translated ``message`` for people."""

    def __init__(self, code: StrEnum, message: str):
        super().__init__(message)
        self.code = code
        self.message = message
