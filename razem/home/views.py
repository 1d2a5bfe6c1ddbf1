"""The first screen after sign-in: one dashboard per role (ux.md, "Who opens Razem")."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from razem.accounts.roles import Role
from razem.home import selectors

TEMPLATES = {
    Role.ZI_CHAIR: "home/dashboard_chair.html",
    Role.ZI_MEMBER: "home/dashboard_member.html",
    Role.GROUP_MEMBER: "home/dashboard_member.html",
    Role.INITIATING_OFFICER: "home/dashboard_officer.html",
    Role.MUNICIPALITY_ADMIN: "home/dashboard_admin.html",
    Role.DATA_PROTECTION_OFFICER: "home/dashboard_dpo.html",
    Role.VOIVODESHIP_ANALYST: "home/dashboard_analyst.html",
    Role.PROGRAMME_STAFF: "home/dashboard_programmes.html",
    Role.PREVENTION_COORDINATOR: "home/dashboard_prevention.html",
}


def dashboard(request: HttpRequest) -> HttpResponse:
    grant = request.grant  # type: ignore[attr-defined]
    if grant is None:
        return render(request, "home/dashboard_no_role.html", {})
    return render(request, TEMPLATES[grant.role], _context(request, grant))


def _context(request: HttpRequest, grant) -> dict:  # type: ignore[no-untyped-def]
    role = grant.role
    if role == Role.ZI_CHAIR:
        return selectors.chair_summary(grant) | selectors.recorded_by_me(grant, request.user)
    if role in {Role.ZI_MEMBER, Role.GROUP_MEMBER, Role.INITIATING_OFFICER}:
        return selectors.recorded_by_me(grant, request.user)
    if role == Role.MUNICIPALITY_ADMIN:
        return selectors.admin_summary(grant)
    if role == Role.DATA_PROTECTION_OFFICER:
        return selectors.dpo_summary(grant)
    if role == Role.VOIVODESHIP_ANALYST:
        return selectors.analyst_summary(grant)
    return {}
