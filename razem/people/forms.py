"""Forms of the people registry. They check shape only; the rules live in people.actions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from razem.people.models import (
    AddressKind,
    ContactKind,
    Person,
    RelationshipKind,
    Sex,
)
from razem.people.selectors import AGE_ADULT, AGE_CHILD, AGE_ELDERLY, ORDERINGS

MAX_ADDRESS_LINE = 200
MAX_POSTAL_CODE = 12
MAX_CITY = 100
MAX_CONTACT = 200


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def _max(field: str) -> int:
    return Person._meta.get_field(field).max_length  # type: ignore[return-value]


class PersonForm(forms.Form):
    first_names = forms.CharField(label=_("First names"), max_length=_max("first_names"))
    surname = forms.CharField(label=_("Surname"), max_length=_max("surname"))
    family_name = forms.CharField(
        label=_("Family name"), max_length=_max("family_name"), required=False
    )
    former_names = forms.CharField(
        label=_("Former names"),
        max_length=_max("former_names"),
        required=False,
        help_text=_("Earlier surnames, e.g. before marriage."),
    )
    sex = forms.ChoiceField(
        label=_("Sex"), choices=[("", _("not given")), *Sex.choices], required=False
    )
    birth_date = forms.DateField(label=_("Date of birth"), required=False, widget=DateInput())
    estimated_age = forms.IntegerField(
        label=_("Estimated age"),
        required=False,
        min_value=0,
        max_value=130,
        help_text=_("Only when the date of birth is not known."),
    )
    pesel = forms.CharField(
        label=_("PESEL"),
        max_length=13,
        required=False,
        help_text=_("Optional. The date of birth and sex are checked against it."),
    )
    citizenship = forms.CharField(
        label=_("Citizenship"), max_length=_max("citizenship"), required=False
    )
    has_disability = forms.BooleanField(label=_("Person with a disability"), required=False)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(), max_length=2000
    )


class PersonEditForm(PersonForm):
    version = forms.IntegerField(widget=forms.HiddenInput())


class AddressForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of address"), choices=AddressKind.choices)
    street = forms.CharField(
        label=_("Street, building and flat"), max_length=MAX_ADDRESS_LINE, required=False
    )
    postal_code = forms.CharField(
        label=_("Postal code"), max_length=MAX_POSTAL_CODE, required=False
    )
    city = forms.CharField(label=_("City"), max_length=MAX_CITY)
    is_confidential = forms.BooleanField(
        label=_("Confidential address"),
        required=False,
        help_text=_(
            "Only the chair of the interdisciplinary team and you will see it, e.g. when the "
            "person has moved away from the person using violence."
        ),
    )


class ContactForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of contact"), choices=ContactKind.choices)
    value = forms.CharField(label=_("Phone, e-mail or other contact"), max_length=MAX_CONTACT)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class RelationshipForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("This person is the related person's"), choices=RelationshipKind.choices
    )
    related_person = forms.ModelChoiceField(
        label=_("Related person"), queryset=Person.objects.none()
    )

    def __init__(self, *args, candidates=None, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        if candidates is not None:
            self.fields["related_person"].queryset = candidates  # type: ignore[attr-defined]


class PersonSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("Surname and first name (Polish letters optional) or the full PESEL."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=[("", _("any")), *Sex.choices], required=False)
    disability = forms.ChoiceField(
        label=_("Disability"),
        choices=[("", _("any")), ("yes", _("with a disability")), ("no", _("without"))],
        required=False,
    )
    age = forms.ChoiceField(
        label=_("Age"),
        choices=[
            ("", _("any")),
            (AGE_CHILD, _("child (under 18)")),
            (AGE_ADULT, _("adult (18-64)")),
            (AGE_ELDERLY, _("elderly (65 and over)")),
        ],
        required=False,
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        choices=[
            ("surname", _("surname A-Z")),
            ("-surname", _("surname Z-A")),
            ("birth_date", _("oldest first")),
            ("-birth_date", _("youngest first")),
            ("-created", _("recently recorded")),
            ("created", _("first recorded")),
        ],
        required=False,
    )

    def search_arguments(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        disability = {"yes": True, "no": False}.get(data.get("disability", ""))
        sort = data.get("sort") or "surname"
        return {
            "query": data.get("q", ""),
            "filters": {
                "sex": data.get("sex", ""),
                "has_disability": disability,
                "age_group": data.get("age", ""),
            },
            "ordering": sort if sort in ORDERINGS else "surname",
        }
