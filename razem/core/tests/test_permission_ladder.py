"""S2: deny by default, proven for every URL of the project.

Every URL pattern must be declared by its app (tests/ladder.py); each declared case is walked:
anonymous -> wrong role -> right role in another municipality -> right role.
"""

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from razem.accounts.roles import Role
from razem.core.testing.auth import login
from razem.core.testing.factories import municipality, other_municipality, user_with_role
from razem.core.testing.ladder import UrlCase, all_cases

# Framework URLs that are not Razem pages: Django's admin has its own staff-only login.
NOT_RAZEM_PAGES = ("admin:",)


def _url_names(resolver: URLResolver | None = None, namespace: str = "") -> set[str]:
    resolver = resolver or get_resolver()
    names: set[str] = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


CASES = all_cases()


def test_every_url_has_a_permission_case():
    declared = {case.name for case in CASES}
    missing = {
        name
        for name in _url_names()
        if name not in declared and not name.startswith(NOT_RAZEM_PAGES)
    }
    assert not missing, f"URLs without a permission-ladder case: {sorted(missing)}"


def _request(client, case: UrlCase, kwargs):  # type: ignore[no-untyped-def]
    url = reverse(case.name, kwargs=kwargs) + case.query
    if case.method == "post":
        return client.post(url, case.data or {})
    return client.get(url)


def _ids(case: UrlCase) -> str:
    return f"{case.name}{case.query}:{case.method}"


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_permission_ladder(client, case: UrlCase):
    home = municipality()
    owner_role = case.allowed[0] if case.allowed else Role.ZI_CHAIR
    owner = user_with_role(owner_role, municipality_obj=home)
    kwargs = case.kwargs(home, owner)

    # anonymous
    response = _request(client, case, kwargs)
    if case.public:
        assert response.status_code == case.expected_status
        return
    if case.api:
        assert response.status_code in {401, 403}
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse(settings.LOGIN_URL))

    if not case.any_role:
        # every other role, in the same municipality
        for role in Role:
            if role in case.allowed:
                continue
            stranger = user_with_role(role, municipality_obj=home)
            client.logout()
            login(client, stranger)
            response = _request(client, case, kwargs)
            assert response.status_code in {403, 404}, (role, response.status_code)

        # the right role, in another municipality
        if case.scoped:
            outsider = user_with_role(owner_role, municipality_obj=other_municipality())
            client.logout()
            login(client, outsider)
            response = _request(client, case, kwargs)
            assert response.status_code in {403, 404}, response.status_code

    # the right role, here
    client.logout()
    login(client, owner)
    response = _request(client, case, kwargs)
    assert response.status_code == case.expected_status, response.content[:500]
