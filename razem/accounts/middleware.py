"""Per-request account checks: session limits, the second factor, the active role."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from razem.accounts.memberships import Grant, grants_of, needs_second_factor

SESSION_STARTED = "razem_started_at"
SESSION_SEEN = "razem_seen_at"
SESSION_ACTIVE_MEMBERSHIP = "razem_active_membership"
SESSION_EXPIRED_FLAG = "razem_expired"

# Pages a signed-in user may open before finishing the second factor.
SECOND_FACTOR_EXEMPT = ("accounts:", "public:", "home:set_language")


class SessionLimitsMiddleware:
    """15 minutes idle and 12 hours absolute (S5); the session's timestamps live in the session."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            started = request.session.get(SESSION_STARTED, now)
            seen = request.session.get(SESSION_SEEN, now)
            idle_limit = settings.RAZEM_SESSION_IDLE_SECONDS
            if now - seen > idle_limit or now - started > settings.RAZEM_SESSION_ABSOLUTE_SECONDS:
                from razem.accounts import actions

                actions.expire_session(request=request)
                logout(request)
                request.session[SESSION_EXPIRED_FLAG] = True
            else:
                request.session[SESSION_STARTED] = started
                request.session[SESSION_SEEN] = now
        return self.get_response(request)


class SecondFactorMiddleware:
    """A user whose roles see personal data reaches nothing but the sign-in pages until the
    TOTP code is confirmed in this session."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and needs_second_factor(user)
            and not _exempt(request)
        ):
            if request.path.startswith("/api/"):
                return HttpResponse(status=403)
            return redirect("accounts:second_factor")
        return self.get_response(request)


def _exempt(request: HttpRequest) -> bool:
    match = request.resolver_match
    if match is None:
        from django.urls import Resolver404, resolve

        try:
            match = resolve(request.path_info)
        except Resolver404:
            return True
    name = match.view_name or ""
    return name.startswith(SECOND_FACTOR_EXEMPT) or request.path.startswith(settings.STATIC_URL)


class ActiveMembershipMiddleware:
    """Chooses the role the user works in now (the top bar shows it; dashboards follow it)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.grant = active_grant(request)  # type: ignore[attr-defined]
        return self.get_response(request)


def active_grant(request: HttpRequest) -> Grant | None:
    grants = grants_of(request.user)
    if not grants:
        return None
    wanted = request.session.get(SESSION_ACTIVE_MEMBERSHIP)
    for grant in grants:
        if grant.membership_id == wanted:
            return grant
    return grants[0]
