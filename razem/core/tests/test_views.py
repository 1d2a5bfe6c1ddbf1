"""Faults the user must never see as a traceback: the database down gives a calm 503."""

import pytest
from django.db import OperationalError
from django.test import Client

from razem.accounts.roles import Role
from razem.core.testing.auth import login
from razem.core.testing.factories import user_with_role


@pytest.mark.django_db
def test_database_down_gives_friendly_503(monkeypatch):
    # given a signed-in user
    user = user_with_role(Role.ZI_CHAIR)
    client = Client(raise_request_exception=False)
    login(client, user)

    # when the database stops answering while the page is built
    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OperationalError("connection to server at 127.0.0.1 failed")

    monkeypatch.setattr("razem.home.views._context", broken)
    response = client.get("/")

    # then a 503 in Polish, with no trace of the error
    assert response.status_code == 503
    body = response.content.decode()
    assert "Traceback" not in body
    assert "127.0.0.1" not in body
    assert response["Retry-After"] == "30"


@pytest.mark.django_db
def test_other_errors_give_plain_500(monkeypatch):
    user = user_with_role(Role.ZI_CHAIR)
    client = Client(raise_request_exception=False)
    login(client, user)

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("secret detail")

    monkeypatch.setattr("razem.home.views._context", broken)
    response = client.get("/")

    assert response.status_code == 500
    assert "secret detail" not in response.content.decode()
