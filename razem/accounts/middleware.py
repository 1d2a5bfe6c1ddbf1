"""Per-request account checks: session limits, the second factor, the active role."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from razem.accounts.memberships import Grant, grants_of, needs_second_factor

SESSION_STARTED = "razem_started_at"
SESSION_SEEN = "razem_seen_at"
SESSION_ACTIVE_MEMBERSHIP = "razem_active_membership"
SESSION_EXPIRED_FLAG = "razem_expired"
SEEN_RESOLUTION_SECONDS = 60

# Pages a signed-in user may open before finishing the second factor: signing in and out,
# the second factor itself, public pages. Nothing else of the accounts app (the security page
# could issue recovery codes, the users pages show personal data).
SECOND_FACTOR_EXEMPT_VIEWS = frozenset(
    {
        "accounts:login",
        "accounts:logout",
        "accounts:second_factor",
        "accounts:second_factor_setup",
        "home:set_language",
    }
)
SECOND_FACTOR_EXEMPT_PREFIXES = ("public:",)


class SessionLimitsMiddleware:
    """15 minutes idle and 12 hours absolute (S5); the session's timestamps live in the session."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            started = request.session.get(SESSION_STARTED, now)
            seen = request.session.get(SESSION_SEEN, now)
            idle = now - seen > settings.RAZEM_SESSION_IDLE_SECONDS
            if idle or now - started > settings.RAZEM_SESSION_ABSOLUTE_SECONDS:
                from razem.accounts import actions

                actions.expire_session(request=request, reason="idle" if idle else "absolute")
                logout(request)
                request.session[SESSION_EXPIRED_FLAG] = True
            elif now - seen >= SEEN_RESOLUTION_SECONDS or SESSION_STARTED not in request.session:
                # Refreshed at most once a minute: a session write on every request would cost
                # a database UPDATE per page; the idle limit stays exact to within a minute.
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
            target = reverse("accounts:second_factor")
            if request.method == "GET":
                target += "?" + urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
            return redirect(target)
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
    return (
        name in SECOND_FACTOR_EXEMPT_VIEWS
        or name.startswith(SECOND_FACTOR_EXEMPT_PREFIXES)
        or request.path.startswith(settings.STATIC_URL)
    )


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
