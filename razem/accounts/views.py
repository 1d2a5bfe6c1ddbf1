"""Signing in (password, then the second factor), the security page, roles, and the users
administration of a municipality. Views stay thin: access -> form -> action -> redirect."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, authenticate
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from razem.accounts import access, actions, otp, selectors
from razem.accounts.forms import (
    EnrolmentForm,
    GrantForm,
    RoleSwitchForm,
    SecondFactorForm,
    SignInForm,
    UserCreateForm,
    UserSearchForm,
)
from razem.accounts.memberships import grants_of, needs_second_factor
from razem.accounts.middleware import SESSION_EXPIRED_FLAG

SIGN_IN_FAILED = _(
    "The user name or password is not correct. Check them and try again. After 5 failed "
    "attempts, signing in is locked for 15 minutes."
)
SESSION_EXPIRED = _("Your session expired for your safety. Please sign in again.")
TOO_MANY_ATTEMPTS = _("Too many wrong codes. Wait a moment and try again.")
WRONG_RECOVERY_CODE = _("This recovery code is not correct or has already been used.")


def recovery_code_used(count: int) -> str:
    return ngettext(
        "You signed in with a recovery code. %(count)s code is left. If you lost your phone, "
        "ask your municipality administrator for help and generate new codes on the Security "
        "page.",
        "You signed in with a recovery code. %(count)s codes are left. If you lost your phone, "
        "ask your municipality administrator for help and generate new codes on the Security "
        "page.",
        count,
    ) % {"count": count}


SIGNED_OUT = _("You have been signed out.")
SIGNED_OUT_EVERYWHERE = _("You have been signed out on every other device.")
PASSWORD_CHANGED = _("Your password has been changed. Other sessions have been ended.")
ROLE_SWITCHED = _("You now work as: %(role)s.")
USER_CREATED = _("The account has been created.")
ROLE_GRANTED = _("The role has been granted.")
ROLE_REVOKED = _("The role has been revoked.")
USER_DISABLED = _("The account has been disabled. Its sessions have ended.")

SESSION_PENDING_KEY = "razem_totp_pending_key"
SESSION_NEW_CODES = "razem_new_recovery_codes"
SESSION_NEW_PASSWORD = "razem_new_password"  # noqa: S105 (a session key)
USERS_PER_PAGE = 25


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME)
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _with_next(request: HttpRequest, name: str) -> str:
    target = reverse(name)
    following = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME)
    if following:
        target += "?" + urlencode({REDIRECT_FIELD_NAME: following})
    return target


# --- signing in and out -------------------------------------------------------------------


@login_not_required
def login_view(request: HttpRequest) -> HttpResponse:
    if request.session.pop(SESSION_EXPIRED_FLAG, False):
        messages.info(request, SESSION_EXPIRED)
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"]
        user = authenticate(
            request=request, username=username, password=form.cleaned_data["password"]
        )
        if user is None:
            locked = bool(getattr(request, "axes_locked_out", False))
            actions.record_failed_sign_in(request=request, username=username, locked_out=locked)
            form.add_error(None, SIGN_IN_FAILED)
        else:
            actions.sign_in(request=request, user=user)
            if needs_second_factor(user):
                return redirect(_with_next(request, "accounts:second_factor"))
            return redirect(_next_url(request))
    return render(
        request,
        "accounts/login.html",
        {"form": form, "next": request.GET.get(REDIRECT_FIELD_NAME, "")},
    )


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    actions.sign_out(request=request)
    messages.info(request, SIGNED_OUT)
    return redirect("accounts:login")


@require_POST
def logout_everywhere(request: HttpRequest) -> HttpResponse:
    actions.sign_out_everywhere(request=request, acting_user=request.user)
    messages.success(request, SIGNED_OUT_EVERYWHERE)
    return redirect("accounts:security")


# --- the second factor ---------------------------------------------------------------------


def second_factor(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.is_verified():
        return redirect(_next_url(request))
    if not otp.has_confirmed_device(user):
        return redirect(_with_next(request, "accounts:second_factor_setup"))
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        recovery = not form.cleaned_data["code"]
        code = form.cleaned_data["recovery_code" if recovery else "code"]
        result = actions.verify_second_factor(
            request=request, acting_user=user, code=code, recovery=recovery
        )
        if result is actions.SecondFactorResult.VERIFIED:
            if recovery:
                count = otp.recovery_codes_left(user)
                messages.warning(request, recovery_code_used(count))
            return redirect(_next_url(request))
        if result is actions.SecondFactorResult.THROTTLED:
            form.add_error(None, TOO_MANY_ATTEMPTS)
        elif recovery:
            form.add_error("recovery_code", WRONG_RECOVERY_CODE)
        else:
            form.add_error("code", actions.WRONG_CODE)
    return render(
        request,
        "accounts/second_factor.html",
        {"form": form, "next": request.GET.get(REDIRECT_FIELD_NAME, "")},
    )


def second_factor_setup(request: HttpRequest) -> HttpResponse:
    user = request.user
    if otp.has_confirmed_device(user):
        return redirect(_with_next(request, "accounts:second_factor"))
    hex_key = request.session.get(SESSION_PENDING_KEY) or otp.new_secret()
    request.session[SESSION_PENDING_KEY] = hex_key
    form = EnrolmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = actions.enrol_totp(
                request=request, acting_user=user, hex_key=hex_key, code=form.cleaned_data["code"]
            )
        except ValidationError as error:
            form.add_error("code", error)
        else:
            del request.session[SESSION_PENDING_KEY]
            request.session[SESSION_NEW_CODES] = codes
            return redirect(_with_next(request, "accounts:recovery_codes"))
    url = otp.provisioning_url(user, hex_key)
    return render(
        request,
        "accounts/second_factor_setup.html",
        {
            "form": form,
            "qr_svg": otp.qr_code_svg(url, title=_g("QR code for the authenticator app")),
            "secret": otp.secret_for_manual_entry(hex_key),
            "next": request.GET.get(REDIRECT_FIELD_NAME, ""),
        },
    )


def recovery_codes(request: HttpRequest) -> HttpResponse:
    """Shows freshly generated recovery codes once; a reload shows nothing more."""
    codes = request.session.pop(SESSION_NEW_CODES, None)
    if not codes:
        return redirect("accounts:security")
    return render(
        request,
        "accounts/recovery_codes.html",
        {"codes": codes, "continue_url": _next_url(request)},
    )


@require_POST
def recovery_codes_regenerate(request: HttpRequest) -> HttpResponse:
    codes = actions.create_recovery_codes(request=request, acting_user=request.user)
    request.session[SESSION_NEW_CODES] = codes
    following = urlencode({REDIRECT_FIELD_NAME: reverse("accounts:security")})
    return redirect(reverse("accounts:recovery_codes") + "?" + following)


# --- the user's own account ----------------------------------------------------------------


def security(request: HttpRequest) -> HttpResponse:
    overview = selectors.security_overview(viewer=request.user)
    return render(request, "accounts/security.html", {"overview": overview})


def password_change(request: HttpRequest) -> HttpResponse:
    form = PasswordChangeForm(user=request.user, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.change_password(
            request=request,
            acting_user=request.user,
            new_password=form.cleaned_data["new_password1"],
        )
        messages.success(request, PASSWORD_CHANGED)
        return redirect("accounts:security")
    return render(request, "accounts/password_change.html", {"form": form})


def switch_role(request: HttpRequest) -> HttpResponse:
    grants = grants_of(request.user)
    current = getattr(request, "grant", None)
    initial = {"membership": current.membership_id} if current else {}
    form = RoleSwitchForm(request.POST or None, grants=grants, initial=initial)
    if request.method == "POST" and form.is_valid():
        grant = access.access_own_grant(request.user, form.cleaned_data["membership"])
        actions.switch_role(request=request, acting_user=request.user, grant=grant)
        messages.success(request, str(ROLE_SWITCHED) % {"role": grant.role_label})
        return redirect(settings.LOGIN_REDIRECT_URL)
    return render(request, "accounts/switch_role.html", {"form": form})


# --- users administration (municipality administrator) --------------------------------------


def users(request: HttpRequest) -> HttpResponse:
    municipality_id = access.administered_municipality_id(request)
    search = UserSearchForm(request.GET or None)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    queryset = selectors.users_of_municipality(municipality_id=municipality_id, search=query)
    page = Paginator(queryset, USERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "accounts/users.html", {"search": search, "page_obj": page})


def user_create(request: HttpRequest) -> HttpResponse:
    municipality_id = access.administered_municipality_id(request)
    institutions = selectors.institutions_of_municipality(municipality_id=municipality_id)
    form = UserCreateForm(request.POST or None, institutions=institutions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user, password = actions.create_user(
                request=request,
                acting_user=request.user,
                municipality_id=municipality_id,
                username=data["username"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                password=data["password"],
                institution=data["institution"],
                role=data["role"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if not data["password"]:
                request.session[SESSION_NEW_PASSWORD] = {"user": user.pk, "password": password}
            messages.success(request, USER_CREATED)
            return redirect("accounts:user_detail", user_id=user.pk)
    return render(request, "accounts/user_create.html", {"form": form})


def user_detail(request: HttpRequest, user_id: int) -> HttpResponse:
    municipality_id = access.administered_municipality_id(request)
    person = access.access_managed_user(user_id=user_id, municipality_id=municipality_id)
    shown_once = request.session.get(SESSION_NEW_PASSWORD)
    new_password = None
    if shown_once and shown_once.get("user") == person.pk:
        new_password = request.session.pop(SESSION_NEW_PASSWORD)["password"]
    roles = selectors.memberships_in_municipality(user=person, municipality_id=municipality_id)
    return render(
        request,
        "accounts/user_detail.html",
        {"person": person, "memberships": roles, "new_password": new_password},
    )


def membership_grant(request: HttpRequest, user_id: int) -> HttpResponse:
    municipality_id = access.administered_municipality_id(request)
    person = access.access_managed_user(user_id=user_id, municipality_id=municipality_id)
    institutions = selectors.institutions_of_municipality(municipality_id=municipality_id)
    form = GrantForm(request.POST or None, institutions=institutions)
    if request.method == "POST" and form.is_valid():
        try:
            actions.grant_membership(
                request=request,
                acting_user=request.user,
                municipality_id=municipality_id,
                user=person,
                institution=form.cleaned_data["institution"],
                role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, ROLE_GRANTED)
            return redirect("accounts:user_detail", user_id=person.pk)
    return render(request, "accounts/membership_grant.html", {"form": form, "person": person})


def membership_revoke(request: HttpRequest, membership_id: int) -> HttpResponse:
    municipality_id = access.administered_municipality_id(request)
    membership = access.access_membership(
        membership_id=membership_id, municipality_id=municipality_id
    )
    if request.method == "POST":
        try:
            actions.revoke_membership(
                request=request, acting_user=request.user, membership=membership
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, ROLE_REVOKED)
        return redirect("accounts:user_detail", user_id=membership.user_id)
    return render(request, "accounts/membership_revoke.html", {"membership": membership})


def user_disable(request: HttpRequest, user_id: int) -> HttpResponse:
    municipality_id = access.administered_municipality_id(request)
    person = access.access_managed_user(user_id=user_id, municipality_id=municipality_id)
    if request.method == "POST":
        try:
            actions.disable_user(
                request=request,
                acting_user=request.user,
                municipality_id=municipality_id,
                user=person,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, USER_DISABLED)
        return redirect("accounts:user_detail", user_id=person.pk)
    return render(request, "accounts/user_disable.html", {"person": person})
