"""Filters of the audit pages (GET forms: the filters stay in the URL)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from razem.audit.events import EventType

DATES_REVERSED = _("The start date must not be later than the end date.")
SUBJECT_ID_WITHOUT_TYPE = _("Choose the subject type as well as its id.")

SUBJECT_TYPES = [
    ("", _("any")),
    ("people.person", _("person")),
    ("people.address", _("address")),
    ("people.contact", _("contact")),
    ("accounts.user", _("user")),
    ("accounts.membership", _("role")),
]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class AuditSearchForm(forms.Form):
    user = forms.CharField(
        label=_("User"), required=False, max_length=150, help_text=_("The exact user name.")
    )
    event_type = forms.TypedChoiceField(
        label=_("Event"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("any"))] + list(EventType.choices),
    )
    subject_type = forms.ChoiceField(label=_("Subject type"), required=False, choices=SUBJECT_TYPES)
    subject_id = forms.CharField(label=_("Subject id"), required=False, max_length=40)
    municipality = forms.TypedChoiceField(
        label=_("Municipality"), required=False, coerce=int, empty_value=None
    )
    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("To"), required=False, widget=DateInput())

    def __init__(self, *args: Any, municipalities: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [("", _("all of mine"))] + municipalities

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", DATES_REVERSED)
        if data.get("subject_id") and not data.get("subject_type"):
            self.add_error("subject_type", SUBJECT_ID_WITHOUT_TYPE)
        return data


class PersonAccessForm(forms.Form):
    person = forms.IntegerField(
        label=_("Person id"),
        min_value=1,
        help_text=_("The number shown on the person's record in the people registry."),
    )
