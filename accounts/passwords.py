"""The rules a new password and user name must follow, in Sanad's words.

Django's own validators are right, but their Arabic is uneven: the length rule fell back
to English for most lengths (its Arabic catalogue misses plural forms), and the signs a
user name may hold (@ . + - _) were reordered by the surrounding right-to-left text.
These keep Django's checks and say them as people here would, with Arabic's plural
forms and the Latin parts isolated in their own direction (the boxes themselves take
their direction from what is typed, so ``Nour-2027-سند!`` stays in its order).
"""

from django.contrib.auth import password_validation
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

# Unicode's left-to-right isolate: text between LRI and PDI keeps its own order inside a
# right-to-left sentence, in plain text (messages) as <bdi dir="ltr"> does in a page.
LRI, PDI = "\u2066", "\u2069"
USERNAME_SIGNS = "\u00a0".join("@.+-_")  # no-break spaces: never split over two lines


def left_to_right(text: str) -> str:
    return f"{LRI}{text}{PDI}"


class SimilarityValidator(password_validation.UserAttributeSimilarityValidator):
    def validate(self, password, user=None):
        try:
            super().validate(password, user)
        except ValidationError as error:
            raise ValidationError(
                _("The password is too close to your name, user name or e-mail: choose another."),
                code="password_too_similar",
            ) from error

    def get_help_text(self):
        return _("Not close to your name, user name or e-mail.")


class LengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "The password is too short: it needs at least %(min_length)d character.",
            "The password is too short: it needs at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self):
        return ngettext(
            "At least %(min_length)d character.",
            "At least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    def get_error_message(self):
        return _("This password is one of the most common, and easy to guess: choose another.")

    def get_help_text(self):
        return _("Not a common password.")


class NumericPasswordValidator(password_validation.NumericPasswordValidator):
    def get_error_message(self):
        return _("The password is digits only: add letters or signs.")

    def get_help_text(self):
        return _("Not digits only.")


@deconstructible
class UsernameValidator(UnicodeUsernameValidator):
    message = gettext_lazy("A user name holds only letters, digits and the signs %(signs)s.")

    def __call__(self, value):
        try:
            super().__call__(value)
        except ValidationError as error:
            raise ValidationError(
                self.message, code="invalid", params={"signs": left_to_right(USERNAME_SIGNS)}
            ) from error


def username_help_text() -> str:
    return _("Up to 150 letters and digits; you may use %(signs)s. You sign in with it.") % {
        "signs": left_to_right(USERNAME_SIGNS)
    }
