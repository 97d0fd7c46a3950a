from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from complaints.models import (
    DESCRIPTION_MAX_LENGTH,
    MAX_ATTACHMENTS,
    OPEN_STATUSES,
    TRANSITIONS,
    Case,
    Category,
    ComplainantType,
    ContactChannel,
    Kind,
    Queue,
    Status,
    Urgency,
    Visibility,
)
from complaints.reference import active_categories, all_categories
from complaints.tracking import parse_tracking_number
from core.forms import (
    CleanCharField,
    CleanFloatField,
    FixedChoiceField,
    NationalIdField,
    PhoneField,
    ReferenceChoiceField,
)
from core.models import Governorate
from core.reference import governorates
from core.text import search_key
from core.uploads import ACCEPTED_TYPES, clean_upload
from registry.models import Organization


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Up to five pictures or PDFs, each checked and cleaned by its content."""

    widget = MultipleFileInput(attrs={"accept": ACCEPTED_TYPES})

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_ATTACHMENTS:
            raise ValidationError(
                ngettext(
                    "Attach at most %(count)d file.",
                    "Attach at most %(count)d files.",
                    MAX_ATTACHMENTS,
                )
                % {"count": MAX_ATTACHMENTS},
                code="too_many_files",
            )
        cleaned, errors = [], []
        for upload in files:
            try:
                cleaned.append(clean_upload(upload))
            except ValidationError as error:
                errors.append(
                    ValidationError(
                        _("%(name)s: %(problem)s"),
                        params={"name": upload.name, "problem": " ".join(error.messages)},
                    )
                )
        if errors:
            raise ValidationError(errors)
        return cleaned


class CaseForm(forms.Form):
    kind = FixedChoiceField(
        label=_("What do you want to send?"), choices=Kind.choices, initial=Kind.COMPLAINT
    )
    category = ReferenceChoiceField(
        Category.objects.filter(is_active=True),
        rows=active_categories,
        label=_("Subject"),
        to_field_name="code",
        empty_label=_("Choose the subject"),
    )
    description = CleanCharField(
        label=_("Describe what happened"),
        min_length=10,
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Up to 4,000 characters. Say where, when and who, without passwords."),
    )
    governorate = ReferenceChoiceField(
        Governorate.objects.all(),
        rows=governorates,
        label=_("Governorate"),
        empty_label=_("Choose the governorate"),
    )
    address = CleanCharField(label=_("Address or place"), max_length=300, required=False)
    organization_number = CleanCharField(
        label=_("Registration number of the organization or facility concerned"),
        max_length=20,
        required=False,
    )
    complainant_type = FixedChoiceField(
        label=_("You are"), choices=ComplainantType.choices, initial=ComplainantType.CITIZEN
    )
    anonymous = forms.BooleanField(
        label=_("Send without my name (you will get a tracking number and a secret code)"),
        required=False,
    )
    complainant_name = CleanCharField(label=_("Full name"), max_length=200, required=False)
    national_id = NationalIdField(label=_("National ID number"), required=False)
    phone = PhoneField(label=_("Mobile phone"), required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    contact_channel = FixedChoiceField(
        label=_("How should we tell you of replies?"),
        choices=ContactChannel.choices,
        initial=ContactChannel.SMS,
    )
    protect_identity = forms.BooleanField(
        label=_("Keep my identity from the unit I complain about"),
        required=False,
    )
    attachments = AttachmentsField(
        label=_("Pictures or PDF files (up to 5, 10 MB each)"),
        required=False,
    )
    # Staff entering a caller's case judge its urgency at once; the public form has none.
    urgency = FixedChoiceField(
        label=_("Urgency"), choices=Urgency.choices, initial=Urgency.NORMAL, required=False
    )
    # Drawn when the form is shown: a double click or a retried POST sends it twice.
    submission_key = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)

    def __init__(self, *args, staff_entry: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not staff_entry:
            del self.fields["urgency"]
        for name in ("complainant_name", "national_id", "phone"):
            self.fields[name].need_note = _("(needed unless you send without your name)")

    def clean_organization_number(self):
        number = self.cleaned_data["organization_number"]
        if not number:
            return None
        organization = Organization.objects.filter(registration_number=number).first()
        if organization is None:
            raise ValidationError(
                _("No organization has the registration number %(number)s."),
                params={"number": number},
                code="unknown_organization",
            )
        return organization.pk

    def clean(self):
        data = super().clean()
        if data.get("anonymous"):
            for name in ("complainant_name", "national_id", "phone", "email"):
                data[name] = ""
            data["contact_channel"] = ContactChannel.NONE
            return data
        for name in ("complainant_name", "national_id", "phone"):
            if not data.get(name) and name not in self.errors:
                self.add_error(name, _("Needed unless you send without your name."))
        if data.get("contact_channel") == ContactChannel.EMAIL and not data.get("email"):
            self.add_error("email", _("Give an e-mail address to be told by e-mail."))
        return data

    def case_fields(self) -> dict:
        data = self.cleaned_data
        fields = {
            name: data[name]
            for name in (
                "kind",
                "category",
                "description",
                "governorate",
                "address",
                "complainant_type",
                "contact_channel",
                "protect_identity",
                "complainant_name",
                "national_id",
                "phone",
                "email",
                "attachments",
            )
        }
        fields["organization_id"] = data["organization_number"]
        fields["preferred_language"] = (get_language() or "ar")[:2]
        fields["urgency"] = data.get("urgency") or Urgency.NORMAL
        return fields


class TrackForm(forms.Form):
    number = CleanCharField(
        label=_("Tracking number"),
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "dir": "ltr", "autocomplete": "off"}),
    )
    token = CleanCharField(
        label=_("Secret code"),
        max_length=40,
        help_text=_(
            "The ten letters and digits shown when you sent your case, such as K7M4P-Q9XR2: "
            "small or capital letters, with or without the dash."
        ),
        widget=forms.TextInput(
            attrs={
                "dir": "ltr",
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
            }
        ),
    )

    def clean_number(self):
        number = parse_tracking_number(self.cleaned_data["number"])
        if number is None:
            raise ValidationError(
                _(
                    "This is not a tracking number: check each digit; a swapped or mistyped "
                    "digit is caught here."
                ),
                code="bad_number",
            )
        return number


class RatingForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("How well was your case handled?"),
        coerce=int,
        choices=[
            (1, _("1: very badly")),
            (2, "2"),
            (3, "3"),
            (4, "4"),
            (5, _("5: very well")),
        ],
        widget=forms.RadioSelect(attrs={"class": "scale"}),
        help_text=_("From 1, very badly, to 5, very well."),
    )


class ReopenForm(forms.Form):
    reason = CleanCharField(
        label=_("What is still wrong?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("It helps the staff put it right."),
    )


# --- Staff -------------------------------------------------------------------


class SlaFilter(models.TextChoices):
    ON_TIME = "on_time", _("On time")
    AT_RISK = "at_risk", _("Three quarters gone")
    BREACHED = "breached", _("Overdue")
    PAUSED = "paused", _("Clock paused")


class WorkbenchFilterForm(forms.Form):
    # A search or a filter: nothing is required, so no box is marked optional.
    is_filter = True

    number = CleanCharField(label=_("Tracking number"), max_length=30, required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All open")), *Status.choices]
    )
    category = ReferenceChoiceField(
        Category.objects.all(),
        rows=all_categories,
        label=_("Subject"),
        required=False,
        to_field_name="code",
        empty_label=_("All subjects"),
    )
    urgency = forms.ChoiceField(
        label=_("Urgency"), required=False, choices=[("", _("Any urgency")), *Urgency.choices]
    )
    sla = forms.ChoiceField(
        label=_("Time to answer"), required=False, choices=[("", _("Any")), *SlaFilter.choices]
    )
    governorate = ReferenceChoiceField(
        Governorate.objects.all(),
        rows=governorates,
        label=_("Governorate"),
        required=False,
        empty_label=_("All governorates"),
    )
    assignee = forms.ChoiceField(
        label=_("Assignee"),
        required=False,
        choices=[("", _("Anyone")), ("me", _("Me")), ("none", _("Nobody yet"))],
    )

    def filter(self, cases, user, now):
        data = self.cleaned_data
        number = parse_tracking_number(data.get("number") or "")
        if number:
            return cases.filter(tracking_number=number)
        cases = (
            cases.filter(status=data["status"])
            if data.get("status")
            else cases.filter(status__in=OPEN_STATUSES)
        )
        for name in ("category", "urgency", "governorate"):
            if data.get(name):
                cases = cases.filter(**{name: data[name]})
        if data.get("assignee") == "me":
            cases = cases.filter(assignee=user)
        elif data.get("assignee") == "none":
            cases = cases.filter(assignee__isnull=True)
        running = ~models.Q(status=Status.WAITING_FOR_CITIZEN)
        sla = {
            SlaFilter.BREACHED: running & models.Q(resolution_due__lt=now),
            SlaFilter.AT_RISK: running & models.Q(resolution_due__gte=now, escalation_level=1),
            SlaFilter.ON_TIME: running & models.Q(resolution_due__gte=now, escalation_level=0),
            SlaFilter.PAUSED: models.Q(status=Status.WAITING_FOR_CITIZEN),
        }.get(data.get("sla"))
        return cases.filter(sla) if sla is not None else cases


def case_workers(user):
    """People a case can be assigned to, within what ``user`` may see."""
    workers = User.objects.filter(
        is_active=True, role__in=[Role.DIRECTORATE_OFFICER, Role.CENTRAL_OFFICER]
    )
    if user.role == Role.DIRECTORATE_OFFICER:
        workers = workers.filter(governorate_id=user.governorate_id)
    return workers.order_by("first_name", "username")


class WorkerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


class AssignForm(forms.Form):
    queue = forms.ModelChoiceField(Queue.objects.all(), label=_("Queue"))
    assignee = WorkerChoiceField(
        User.objects.none(), label=_("Assignee"), required=False, empty_label=_("Nobody yet")
    )
    reason = CleanCharField(label=_("Reason"), max_length=500)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = case_workers(user)


class BulkAssignForm(forms.Form):
    cases = forms.ModelMultipleChoiceField(Case.objects.none(), widget=forms.MultipleHiddenInput)
    assignee = WorkerChoiceField(
        User.objects.none(), label=_("Assign the chosen cases to"), empty_label=_("Choose a person")
    )
    reason = CleanCharField(label=_("Reason"), max_length=500)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cases"].queryset = Case.objects.for_user(user)
        self.fields["assignee"].queryset = case_workers(user)


class StatusForm(forms.Form):
    to = forms.ChoiceField(label=_("New status"))
    reason = CleanCharField(
        label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    public = forms.BooleanField(label=_("Show the reason to the citizen"), required=False)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        handled_elsewhere = {
            Status.ASSIGNED,
            Status.ANSWERED,
            Status.CLOSED,
            Status.DUPLICATE,
            Status.FORWARDED,
            Status.REOPENED,
        }
        self.fields["to"].choices = [
            (status.value, status.label)
            for status in Status
            if status in TRANSITIONS[case.status] and status not in handled_elsewhere
        ]


class ReplyForm(forms.Form):
    body = CleanCharField(
        label=_("Reply to the citizen"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5})
    )
    final = forms.BooleanField(label=_("This is the final answer"), required=False)


class NoteForm(forms.Form):
    body = CleanCharField(
        label=_("Note"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    visibility = forms.ChoiceField(
        label=_("Who reads it"),
        initial=Visibility.INTERNAL,
        choices=[
            (Visibility.INTERNAL, Visibility.INTERNAL.label),
            (Visibility.STAFF, Visibility.STAFF.label),
        ],
    )


class ReasonForm(forms.Form):
    reason = CleanCharField(
        label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class DuplicateForm(forms.Form):
    original = CleanCharField(label=_("Tracking number of the original case"), max_length=30)
    reason = CleanCharField(label=_("Reason"), max_length=1000, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_original(self):
        number = parse_tracking_number(self.cleaned_data["original"])
        original = Case.objects.for_user(self.user).filter(tracking_number=number).first()
        if not number or original is None:
            raise ValidationError(
                _("No case you can see has this tracking number."), code="unknown_case"
            )
        return original


class PlatformCaseForm(forms.Form):
    """A case as the national platform sends it (docs/national-platform.md)."""

    reference = CleanCharField(max_length=64)
    category = forms.ModelChoiceField(Category.objects.all(), to_field_name="code")
    description = CleanCharField(max_length=DESCRIPTION_MAX_LENGTH)
    governorate = ReferenceChoiceField(Governorate.objects.all(), rows=governorates)
    kind = forms.ChoiceField(choices=Kind.choices, required=False)
    urgency = forms.ChoiceField(choices=Urgency.choices, required=False)
    address = CleanCharField(max_length=300, required=False)
    complainant_type = forms.ChoiceField(choices=ComplainantType.choices, required=False)
    complainant_name = CleanCharField(max_length=200, required=False)
    national_id = NationalIdField(required=False)
    phone = PhoneField(required=False)
    email = forms.EmailField(required=False)
    preferred_language = forms.ChoiceField(choices=[("ar", "ar"), ("en", "en")], required=False)

    @staticmethod
    def flatten(payload: dict) -> dict:
        """The platform nests the person under "complainant"; the form reads flat fields."""
        person = payload.get("complainant") if isinstance(payload.get("complainant"), dict) else {}
        flat = {key: value for key, value in payload.items() if key != "complainant"}
        for key in ("name", "national_id", "phone", "email", "type"):
            if key in person:
                flat[
                    "complainant_type"
                    if key == "type"
                    else "complainant_name"
                    if key == "name"
                    else key
                ] = person[key]
        return {
            key: value if isinstance(value, str) else str(value)
            for key, value in flat.items()
            if value is not None
        }

    def case_fields(self) -> dict:
        data = self.cleaned_data
        fields = {
            name: data[name]
            for name in (
                "category",
                "description",
                "governorate",
                "address",
                "complainant_name",
                "national_id",
                "phone",
                "email",
            )
        }
        fields["kind"] = data["kind"] or Kind.COMPLAINT
        fields["urgency"] = data["urgency"] or Urgency.NORMAL
        fields["complainant_type"] = data["complainant_type"] or ComplainantType.CITIZEN
        fields["preferred_language"] = data["preferred_language"] or "ar"
        fields["contact_channel"] = ContactChannel.SMS if data["phone"] else ContactChannel.NONE
        fields["external_reference"] = data["reference"]
        return fields


class Open311RequestForm(forms.Form):
    """POST /requests as the GeoReport v2 specification lists its arguments."""

    service_code = ReferenceChoiceField(
        Category.objects.filter(is_active=True), rows=active_categories, to_field_name="code"
    )
    description = CleanCharField(max_length=DESCRIPTION_MAX_LENGTH, min_length=10)
    address_string = CleanCharField(max_length=300, required=False)
    address_id = CleanCharField(max_length=100, required=False)
    lat = CleanFloatField(min_value=-90, max_value=90, required=False)
    long = CleanFloatField(min_value=-180, max_value=180, required=False)
    # Sanad's one addition: the governorate, when the address does not name it.
    governorate = ReferenceChoiceField(Governorate.objects.all(), rows=governorates, required=False)
    email = forms.EmailField(required=False)
    first_name = CleanCharField(max_length=100, required=False)
    last_name = CleanCharField(max_length=100, required=False)
    phone = PhoneField(required=False)
    device_id = CleanCharField(max_length=100, required=False)
    account_id = CleanCharField(max_length=100, required=False)
    media_url = forms.URLField(required=False, assume_scheme="https")

    def clean(self):
        data = super().clean()
        has_point = data.get("lat") is not None and data.get("long") is not None
        if not (has_point or data.get("address_string") or data.get("address_id")):
            raise ValidationError(
                _("a location is required: lat and long, address_string or address_id"),
                code="location",
            )
        if not data.get("governorate"):
            data["governorate"] = self._governorate_named_in(data.get("address_string") or "")
            if data["governorate"] is None:
                self.add_error(
                    "governorate",
                    _(
                        "name the governorate in address_string or send its two-digit code as "
                        "governorate"
                    ),
                )
        return data

    @staticmethod
    def _governorate_named_in(address: str):
        key = f" {search_key(address)} "
        for governorate in governorates().values():
            for name in (governorate.name_ar, governorate.name_en):
                if f" {search_key(name)} " in key:
                    return governorate
        return None

    def case_fields(self) -> dict:
        data = self.cleaned_data
        name = " ".join(filter(None, (data["first_name"], data["last_name"])))
        return {
            "category": data["service_code"],
            "description": data["description"],
            "governorate": data["governorate"],
            "address": data["address_string"],
            # Not fetched: a link from outside is shown to staff to open with care.
            "staff_note": _("The app sent a picture or file at this address (not checked): %(url)s")
            % {"url": data["media_url"]}
            if data["media_url"]
            else "",
            "complainant_name": name,
            "phone": data["phone"],
            "email": data["email"],
            "contact_channel": ContactChannel.SMS
            if data["phone"]
            else (ContactChannel.EMAIL if data["email"] else ContactChannel.NONE),
        }
