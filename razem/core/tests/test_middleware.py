import pytest

from razem.accounts.roles import Role
from razem.core.middleware import CONTENT_SECURITY_POLICY
from razem.core.testing.auth import login
from razem.core.testing.factories import user_with_role


@pytest.mark.django_db
def test_pages_are_never_cached_and_carry_a_strict_csp(client):
    login(client, user_with_role(Role.ZI_CHAIR))

    response = client.get("/")

    assert response["Cache-Control"] == "no-store"
    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_sign_in_page_has_no_inline_script(client):
    response = client.get("/konto/logowanie/")

    body = response.content.decode()
    assert "<script>" not in body
    assert "onclick=" not in body
    assert "style=" not in body


@pytest.mark.django_db
def test_polish_by_default_even_for_an_english_browser(client):
    response = client.get("/konto/logowanie/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert response["Content-Language"] == "pl"
    assert 'lang="pl"' in response.content.decode()


@pytest.mark.django_db
def test_chosen_language_is_kept_in_a_cookie(client):
    client.post("/jezyk/", {"language": "en", "next": "/"})

    response = client.get("/konto/logowanie/")

    assert response["Content-Language"] == "en"
