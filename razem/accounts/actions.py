"""Every change to accounts, sessions, second factors and roles, each with its audit row."""

import enum
import secrets
import time

from django.contrib import auth
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from razem.accounts import memberships, otp
from razem.accounts.memberships import Grant
from razem.accounts.middleware import (
    SESSION_ACTIVE_MEMBERSHIP,
    SESSION_SEEN,
    SESSION_STARTED,
)
from razem.accounts.models import Membership, User
from razem.accounts.roles import Role
from razem.audit.events import EventType
from razem.audit.log import Subject, record
from razem.territory.models import Institution

WRONG_CODE = _("The code is not correct. Check the time on your phone and try again.")
ALREADY_ENROLLED = _("A second factor is already set up for this account.")
ROLE_NOT_GRANTABLE = _("A municipality administrator cannot grant this role.")
INSTITUTION_ELSEWHERE = _("Choose an institution of your municipality.")
ROLE_ALREADY_HELD = _("This person already holds this role in this institution.")
CANNOT_DISABLE_SELF = _("You cannot disable your own account.")
CANNOT_DISABLE_ELSEWHERE = _(
    "This person also holds roles outside your municipality. Revoke the roles of your "
    "municipality instead, or ask the administrator of the other unit."
)
CANNOT_DISABLE_SUPERUSER = _("A system administrator account cannot be disabled here.")
CANNOT_REVOKE_OWN_ADMIN = _(
    "You cannot revoke your own administrator role. Ask another administrator to do it."
)
USERNAME_TAKEN = _("This user name is already taken. Choose another one.")

GENERATED_PASSWORD_BYTES = 12


class SecondFactorResult(enum.Enum):
    VERIFIED = "verified"
    WRONG = "wrong"
    THROTTLED = "throttled"


# --- signing in and out -------------------------------------------------------------------


@transaction.atomic(durable=True)
def record_failed_sign_in(*, request: HttpRequest, username: str, locked_out: bool) -> None:
    """Audits a refused sign-in (never the password). The attempted user name is the label,
    since no account is known; LOCKED_OUT is added when django-axes has locked the pair."""
    _record_attempt(request=request, username=username, event_type=EventType.LOGIN_FAILED)
    if locked_out:
        _record_attempt(request=request, username=username, event_type=EventType.LOCKED_OUT)


@transaction.atomic(durable=True)
def sign_in(*, request: HttpRequest, user: User) -> None:
    """Starts the session (a new key) and its clocks for the idle and absolute limits."""
    auth.login(request, user)
    now = time.time()
    request.session[SESSION_STARTED] = now
    request.session[SESSION_SEEN] = now
    record(event_type=EventType.LOGIN, actor=user, request=request)


@transaction.atomic(durable=True)
def expire_session(*, request: HttpRequest, reason: str = "idle") -> None:
    """Audits a session ended by the idle or absolute limit (the caller signs the user out)."""
    record(
        event_type=EventType.SESSION_EXPIRED,
        actor=request.user,
        request=request,
        extra={"reason": reason},
    )


@transaction.atomic(durable=True)
def sign_out(*, request: HttpRequest) -> None:
    record(event_type=EventType.LOGOUT, actor=request.user, request=request)
    auth.logout(request)


@transaction.atomic(durable=True)
def sign_out_everywhere(*, request: HttpRequest, acting_user: User) -> None:
    """Raises the session generation: every other session of the user fails its hash check
    on its next request. This session is kept (its hash is refreshed)."""
    user = User.objects.select_for_update().get(pk=acting_user.pk)
    user.session_generation = F("session_generation") + 1
    user.save(update_fields=["session_generation"])
    user.refresh_from_db(fields=["session_generation"])
    acting_user.session_generation = user.session_generation
    auth.update_session_auth_hash(request, acting_user)
    record(event_type=EventType.LOGOUT_EVERYWHERE, actor=acting_user, request=request)


@transaction.atomic(durable=True)
def change_password(*, request: HttpRequest, acting_user: User, new_password: str) -> None:
    """Sets the password (Argon2); other sessions end, as the session hash includes it."""
    user = User.objects.select_for_update().get(pk=acting_user.pk)
    user.set_password(new_password)
    user.save(update_fields=["password"])
    acting_user.password = user.password
    auth.update_session_auth_hash(request, acting_user)
    record(
        event_type=EventType.USER_UPDATED,
        actor=acting_user,
        request=request,
        subject=Subject.of(acting_user),
        extra={"changed": ["password"]},
    )


# --- the second factor ---------------------------------------------------------------------


@transaction.atomic(durable=True)
def enrol_totp(*, request: HttpRequest, acting_user: User, hex_key: str, code: str) -> list[str]:
    """Confirms the authenticator app with a code, stores the device, marks this session
    verified and returns 10 new recovery codes (to be shown once).

    Raises ValidationError (WRONG_CODE, ALREADY_ENROLLED). Audits OTP_ENROLLED and
    RECOVERY_CODES_CREATED."""
    User.objects.select_for_update().filter(pk=acting_user.pk).get()
    if otp.has_confirmed_device(acting_user):
        raise ValidationError(ALREADY_ENROLLED)
    if not otp.totp_matches(hex_key, otp.normalise_code(code)):
        raise ValidationError(WRONG_CODE)
    TOTPDevice.objects.filter(user=acting_user).delete()
    device = TOTPDevice(user=acting_user, name=otp.DEVICE_NAME, key=hex_key, confirmed=True)
    device.full_clean()
    device.save()
    # The code just typed must not open a second session.
    device.verify_token(otp.normalise_code(code))
    otp_login(request, device)
    record(
        event_type=EventType.OTP_ENROLLED,
        actor=acting_user,
        request=request,
        subject=Subject.of(acting_user),
    )
    return _replace_recovery_codes(request=request, user=acting_user)


@transaction.atomic(durable=True)
def verify_second_factor(
    *, request: HttpRequest, acting_user: User, code: str, recovery: bool = False
) -> SecondFactorResult:
    """Checks a TOTP code (or, with recovery=True, a recovery code, which is then used up)
    and marks this session verified. Failures are throttled by django-otp (the delay doubles
    after each wrong code) and audited as OTP_FAILED; successes as OTP_VERIFIED or
    RECOVERY_CODE_USED."""
    model = StaticDevice if recovery else TOTPDevice
    device = (
        model.objects.select_for_update()
        .filter(user=acting_user, confirmed=True)
        .order_by("id")
        .first()
    )
    if device is None:
        return SecondFactorResult.WRONG
    allowed, _details = device.verify_is_allowed()
    if not allowed:
        _record_otp_failure(request=request, user=acting_user, recovery=recovery, throttled=True)
        return SecondFactorResult.THROTTLED
    if not device.verify_token(otp.normalise_code(code)):
        _record_otp_failure(request=request, user=acting_user, recovery=recovery, throttled=False)
        return SecondFactorResult.WRONG
    otp_login(request, device)
    record(
        event_type=EventType.RECOVERY_CODE_USED if recovery else EventType.OTP_VERIFIED,
        actor=acting_user,
        request=request,
        extra={"codes_left": device.token_set.count()} if recovery else None,
    )
    return SecondFactorResult.VERIFIED


@transaction.atomic(durable=True)
def create_recovery_codes(*, request: HttpRequest, acting_user: User) -> list[str]:
    """Replaces the user's recovery codes with 10 new ones (returned to be shown once)."""
    User.objects.select_for_update().filter(pk=acting_user.pk).get()
    return _replace_recovery_codes(request=request, user=acting_user)


def _replace_recovery_codes(*, request: HttpRequest, user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=otp.RECOVERY_DEVICE_NAME, confirmed=True)
    codes = otp.new_recovery_codes()
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    record(
        event_type=EventType.RECOVERY_CODES_CREATED,
        actor=user,
        request=request,
        subject=Subject.of(user),
        extra={"count": len(codes)},
    )
    return codes


def _record_otp_failure(
    *, request: HttpRequest, user: User, recovery: bool, throttled: bool
) -> None:
    record(
        event_type=EventType.OTP_FAILED,
        actor=user,
        request=request,
        extra={"kind": "recovery" if recovery else "totp", "throttled": throttled},
    )


# --- roles ---------------------------------------------------------------------------------


@transaction.atomic(durable=True)
def switch_role(*, request: HttpRequest, acting_user: User, grant: Grant) -> None:
    """Makes one of the user's own grants the active one for this session."""
    request.session[SESSION_ACTIVE_MEMBERSHIP] = grant.membership_id
    record(
        event_type=EventType.ROLE_SWITCHED,
        actor=acting_user,
        request=request,
        municipality_id=grant.municipality_id,
        extra={"membership": grant.membership_id, "role": str(grant.role)},
    )


# --- users administration (municipality administrator) --------------------------------------


@transaction.atomic(durable=True)
def create_user(
    *,
    request: HttpRequest,
    acting_user: User,
    municipality_id: int,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    password: str,
    institution: Institution,
    role: Role,
) -> tuple[User, str]:
    """Creates an account with its first role in the administrator's municipality.

    An empty password is replaced by a generated one; returns (user, password) so the
    password can be shown once. Audits USER_CREATED and MEMBERSHIP_GRANTED."""
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": USERNAME_TAKEN})
    _check_grantable(municipality_id=municipality_id, institution=institution, role=role)
    generated = not password
    password = password or secrets.token_urlsafe(GENERATED_PASSWORD_BYTES)
    user = User(username=username, first_name=first_name, last_name=last_name, email=email)
    user.set_password(password)
    user.full_clean()
    user.save()
    record(
        event_type=EventType.USER_CREATED,
        actor=acting_user,
        request=request,
        subject=Subject.of(user),
        municipality_id=municipality_id,
        extra={"username": username, "password_generated": generated},
    )
    _grant(
        request=request,
        acting_user=acting_user,
        municipality_id=municipality_id,
        user=user,
        institution=institution,
        role=role,
    )
    return user, password


@transaction.atomic(durable=True)
def grant_membership(
    *,
    request: HttpRequest,
    acting_user: User,
    municipality_id: int,
    user: User,
    institution: Institution,
    role: Role,
) -> Membership:
    """Grants a role in an institution of the administrator's municipality (a revoked one is
    restored). Raises ValidationError for the voivodeship role, another municipality's
    institution or a role already held. Audits MEMBERSHIP_GRANTED."""
    _check_grantable(municipality_id=municipality_id, institution=institution, role=role)
    return _grant(
        request=request,
        acting_user=acting_user,
        municipality_id=municipality_id,
        user=user,
        institution=institution,
        role=role,
    )


def _check_grantable(*, municipality_id: int, institution: Institution, role: Role) -> None:
    if role not in grantable_roles():
        raise ValidationError({"role": ROLE_NOT_GRANTABLE})
    if institution.municipality_id != municipality_id:
        raise ValidationError({"institution": INSTITUTION_ELSEWHERE})


def grantable_roles() -> list[Role]:
    return [role for role in Role if role != Role.VOIVODESHIP_ANALYST]


def _grant(
    *,
    request: HttpRequest,
    acting_user: User,
    municipality_id: int,
    user: User,
    institution: Institution,
    role: Role,
) -> Membership:
    membership = (
        Membership.objects.select_for_update()
        .filter(user=user, institution=institution, role=role, municipality_id=municipality_id)
        .first()
    )
    if membership is not None and membership.is_active:
        raise ValidationError(ROLE_ALREADY_HELD)
    if membership is None:
        membership = Membership(
            user=user, institution=institution, role=role, municipality_id=municipality_id
        )
        membership.full_clean()
        membership.save()
    else:
        membership.is_active = True
        membership.version = F("version") + 1
        membership.save(update_fields=["is_active", "version", "updated_at"])
        membership.refresh_from_db(fields=["version"])
    memberships.forget(user)
    record(
        event_type=EventType.MEMBERSHIP_GRANTED,
        actor=acting_user,
        request=request,
        subject=Subject.of(user),
        municipality_id=municipality_id,
        extra={"membership": membership.pk, "role": str(role), "institution": institution.pk},
    )
    return membership


@transaction.atomic(durable=True)
def revoke_membership(*, request: HttpRequest, acting_user: User, membership: Membership) -> None:
    """Deactivates a role (kept for history). The administrator cannot revoke their own
    administrator role. Audits MEMBERSHIP_REVOKED."""
    locked = Membership.objects.select_for_update().get(pk=membership.pk)
    if locked.user_id == acting_user.pk and locked.role == Role.MUNICIPALITY_ADMIN:
        raise ValidationError(CANNOT_REVOKE_OWN_ADMIN)
    if not locked.is_active:
        return
    locked.is_active = False
    locked.version = F("version") + 1
    locked.save(update_fields=["is_active", "version", "updated_at"])
    membership.is_active = False
    record(
        event_type=EventType.MEMBERSHIP_REVOKED,
        actor=acting_user,
        request=request,
        subject=Subject(type="accounts.user", id=str(locked.user_id)),
        municipality_id=locked.municipality_id,
        extra={"membership": locked.pk, "role": locked.role, "institution": locked.institution_id},
    )


@transaction.atomic(durable=True)
def disable_user(
    *, request: HttpRequest, acting_user: User, municipality_id: int, user: User
) -> None:
    """Disables the account: it cannot sign in, and its sessions end at once (the session
    generation is raised too). Refused for oneself, for system administrators and for people
    who also hold roles outside the municipality. Audits USER_DISABLED."""
    locked = User.objects.select_for_update().get(pk=user.pk)
    if locked.pk == acting_user.pk:
        raise ValidationError(CANNOT_DISABLE_SELF)
    if locked.is_superuser or locked.is_staff:
        raise ValidationError(CANNOT_DISABLE_SUPERUSER)
    elsewhere = Membership.objects.filter(user=locked, is_active=True).exclude(
        municipality_id=municipality_id
    )
    if elsewhere.exists():
        raise ValidationError(CANNOT_DISABLE_ELSEWHERE)
    if not locked.is_active:
        return
    locked.is_active = False
    locked.session_generation = F("session_generation") + 1
    locked.save(update_fields=["is_active", "session_generation"])
    user.is_active = False
    record(
        event_type=EventType.USER_DISABLED,
        actor=acting_user,
        request=request,
        subject=Subject.of(locked),
        municipality_id=municipality_id,
    )


# --- audit of anonymous attempts -------------------------------------------------------------


def _record_attempt(*, request: HttpRequest, username: str, event_type: EventType) -> None:
    """No account is signed in yet: the attempted user name is kept as the actor label."""
    record(event_type=event_type, request=request, actor_label=username)
