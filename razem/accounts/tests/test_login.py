from datetime import timedelta

import pytest
from django.urls import reverse

from razem.accounts.roles import Role
from razem.accounts.tests.helpers import (
    LOGIN_URL,
    SECOND_FACTOR_URL,
    events,
    events_of,
    post_password,
)
from razem.accounts.views import SIGN_IN_FAILED
from razem.audit.events import EventType
from razem.core.testing.factories import totp_device, user_with_role

pytestmark = pytest.mark.django_db

WRONG = "zle-haslo-123456"


def test_sign_in_page_is_public_and_polish(client):
    response = client.get(LOGIN_URL)

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "pl"
    html = response.content.decode()
    assert 'autocomplete="username"' in html
    assert 'autocomplete="current-password"' in html
    assert "autofocus" in html
    assert 'class="sidebar"' not in html


def test_correct_password_starts_the_session_and_asks_for_the_second_factor(client):
    # given
    user = user_with_role(Role.ZI_CHAIR)
    totp_device(user)

    # when
    response = post_password(client, user.username)

    # then
    assert response.status_code == 302
    assert response["Location"].startswith(SECOND_FACTOR_URL)
    assert int(client.session["_auth_user_id"]) == user.pk
    assert "razem_started_at" in client.session
    assert len(events_of(user, EventType.LOGIN)) == 1


def test_analyst_needs_no_second_factor(client):
    user = user_with_role(Role.VOIVODESHIP_ANALYST)

    response = post_password(client, user.username)

    assert response.status_code == 302
    assert response["Location"] == reverse("home:dashboard")


def test_next_is_followed_only_within_the_site(client):
    user = user_with_role(Role.VOIVODESHIP_ANALYST)
    data = {"username": user.username, "password": "Haslo-testowe-123"}

    inside = client.post(LOGIN_URL + "?next=/konto/bezpieczenstwo/", data)
    client.logout()
    outside = client.post(LOGIN_URL + "?next=https://evil.example/", data)

    assert inside["Location"] == "/konto/bezpieczenstwo/"
    assert outside["Location"] == reverse("home:dashboard")


def test_wrong_password_is_refused_and_audited_with_the_attempted_name(client):
    # given
    user = user_with_role(Role.ZI_CHAIR)

    # when
    response = post_password(client, user.username, WRONG)

    # then
    assert response.status_code == 200
    assert str(SIGN_IN_FAILED) in response.content.decode()
    assert "_auth_user_id" not in client.session
    [event] = events(EventType.LOGIN_FAILED)
    assert event.actor_id is None
    assert event.actor_label == user.username
    assert WRONG not in str(event.extra_data)


def test_disabled_account_cannot_sign_in(client):
    user = user_with_role(Role.ZI_CHAIR, is_active=False)

    response = post_password(client, user.username)

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_five_failures_lock_the_account_and_a_correct_password_is_then_refused(client):
    # given
    user = user_with_role(Role.ZI_CHAIR)
    for _ in range(4):
        assert post_password(client, user.username, WRONG).status_code == 200

    # when
    fifth = post_password(client, user.username, WRONG)
    sixth = post_password(client, user.username)

    # then
    assert fifth.status_code == 429
    assert "accounts/locked_out.html" in [t.name for t in fifth.templates]
    assert "15" in fifth.content.decode()
    assert sixth.status_code == 429
    assert "_auth_user_id" not in client.session
    assert len(events(EventType.LOCKED_OUT, actor_label=user.username)) == 2
    assert len(events(EventType.LOGIN_FAILED, actor_label=user.username)) == 6


def test_lock_is_lifted_after_fifteen_minutes(client, time_machine):
    # given
    time_machine.move_to("2026-03-02 09:00 +01:00", tick=False)
    user = user_with_role(Role.VOIVODESHIP_ANALYST)
    for _ in range(5):
        post_password(client, user.username, WRONG)

    # when
    time_machine.shift(timedelta(minutes=14))
    still_locked = post_password(client, user.username)
    time_machine.shift(timedelta(minutes=15, seconds=1))
    lifted = post_password(client, user.username)

    # then: an attempt during the lock starts the 15 minutes again
    assert still_locked.status_code == 429
    assert lifted.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


def test_lock_holds_for_the_account_and_address_pair_only(client):
    user = user_with_role(Role.VOIVODESHIP_ANALYST)
    for _ in range(5):
        post_password(client, user.username, WRONG)

    response = client.post(
        LOGIN_URL,
        {"username": user.username, "password": "Haslo-testowe-123"},
        REMOTE_ADDR="10.1.2.3",
    )

    assert response.status_code == 302
