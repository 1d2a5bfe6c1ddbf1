"""Forms of the accounts pages: they check the shape of input; actions do the rest."""

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from razem.accounts.actions import grantable_roles
from razem.accounts.memberships import Grant
from razem.accounts.models import User
from razem.accounts.roles import Role
from razem.territory.models import Institution

CODE_REQUIRED = _("Type the code from your authenticator app or one of your recovery codes.")


class SignInForm(forms.Form):
    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autofocus": True, "autocapitalize": "none"}
        ),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


def _code_widget(*, autofocus: bool) -> forms.TextInput:
    attrs = {
        "autocomplete": "one-time-code",
        "inputmode": "numeric",
        "pattern": "[0-9 ]*",
        "maxlength": "7",
        "class": "code",
    }
    if autofocus:
        attrs["autofocus"] = True
    return forms.TextInput(attrs=attrs)


class EnrolmentForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the app"),
        help_text=_("Six digits shown by the authenticator app after you add the account."),
        max_length=7,
        widget=_code_widget(autofocus=True),
    )


class SecondFactorForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the authenticator app"),
        help_text=_("Six digits. A new code appears every 30 seconds."),
        max_length=7,
        required=False,
        widget=_code_widget(autofocus=True),
    )
    recovery_code = forms.CharField(
        label=_("Recovery code"),
        help_text=_("Use it only if you do not have your phone. Each code works once."),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("code") and not data.get("recovery_code"):
            raise forms.ValidationError(CODE_REQUIRED)
        return data


class RoleSwitchForm(forms.Form):
    membership = forms.TypedChoiceField(
        label=_("Role"), coerce=int, widget=forms.RadioSelect, choices=()
    )

    def __init__(self, *args: object, grants: list[Grant], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["membership"].choices = [  # type: ignore[attr-defined]
            (g.membership_id, f"{g.role_label} — {g.institution_name}, {g.place_name}")
            for g in grants
        ]


class UserSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("User name, first or last name, e-mail."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )


def _role_choices() -> list[tuple[str, str]]:
    return [("", "---------")] + [(role.value, role.label) for role in grantable_roles()]


class GrantForm(forms.Form):
    institution = forms.ModelChoiceField(
        label=_("Institution"), queryset=Institution.objects.none()
    )
    role = forms.ChoiceField(label=_("Role"), choices=_role_choices)

    def __init__(self, *args: object, institutions: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["institution"].queryset = institutions  # type: ignore[attr-defined]

    def clean_role(self) -> Role:
        return Role(self.cleaned_data["role"])


class UserCreateForm(GrantForm):
    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        validators=[User.username_validator],
        help_text=_("Letters, digits and @ . + - _ only. Used to sign in."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"))
    password = forms.CharField(
        label=_("Initial password"),
        required=False,
        strip=False,
        help_text=_(
            "Leave empty to have a password generated; it will be shown once. "
            "At least 12 characters."
        ),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    field_order = ["username", "first_name", "last_name", "email", "password"]

    def clean_password(self) -> str:
        password = self.cleaned_data.get("password", "")
        if password:
            candidate = User(
                username=self.data.get("username", ""),
                first_name=self.data.get("first_name", ""),
                last_name=self.data.get("last_name", ""),
                email=self.data.get("email", ""),
            )
            password_validation.validate_password(password, candidate)
        return password
