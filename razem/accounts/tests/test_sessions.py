from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from razem.accounts import actions
from razem.accounts.models import User
from razem.accounts.roles import Role
from razem.accounts.tests.helpers import LOGIN_URL, events_of
from razem.accounts.views import PASSWORD_CHANGED, SESSION_EXPIRED
from razem.audit.events import EventType
from razem.core.testing.auth import login
from razem.core.testing.factories import user_with_role

pytestmark = pytest.mark.django_db

SECURITY = reverse("accounts:security")


def _is_signed_out(response) -> bool:  # type: ignore[no-untyped-def]
    return response.status_code == 302 and response["Location"].startswith(LOGIN_URL)


@pytest.fixture
def morning(time_machine):  # type: ignore[no-untyped-def]
    time_machine.move_to("2026-03-02 08:00 +01:00", tick=False)
    return time_machine


def test_session_survives_fourteen_idle_minutes(client, morning):
    user = user_with_role(Role.ZI_CHAIR)
    login(client, user)
    client.get(SECURITY)

    morning.shift(timedelta(minutes=14))

    assert client.get(SECURITY).status_code == 200


def test_session_ends_after_fifteen_idle_minutes_with_a_message(client, morning):
    # given
    user = user_with_role(Role.ZI_CHAIR)
    login(client, user)
    client.get(SECURITY)

    # when
    morning.shift(timedelta(minutes=15, seconds=1))
    response = client.get(SECURITY)
    page = client.get(response["Location"])

    # then
    assert _is_signed_out(response)
    assert str(SESSION_EXPIRED) in page.content.decode()
    [event] = events_of(user, EventType.SESSION_EXPIRED)
    assert event.extra_data == {"reason": "idle"}
    assert _is_signed_out(client.get(SECURITY))


def test_session_ends_after_twelve_hours_even_when_active(client, morning):
    # given: the user works without a break, a request every 14 minutes
    user = user_with_role(Role.ZI_CHAIR)
    login(client, user)
    client.get(SECURITY)
    elapsed = timedelta()
    while elapsed + timedelta(minutes=14) <= timedelta(hours=12):
        morning.shift(timedelta(minutes=14))
        elapsed += timedelta(minutes=14)
        assert client.get(SECURITY).status_code == 200

    # when
    morning.shift(timedelta(hours=12) - elapsed + timedelta(seconds=1))
    response = client.get(SECURITY)

    # then
    assert _is_signed_out(response)
    [event] = events_of(user, EventType.SESSION_EXPIRED)
    assert event.extra_data == {"reason": "absolute"}


def test_sign_out_ends_the_session(client):
    user = user_with_role(Role.ZI_CHAIR)
    login(client, user)

    response = client.post(reverse("accounts:logout"))

    assert response["Location"] == LOGIN_URL
    assert _is_signed_out(client.get(SECURITY))
    assert len(events_of(user, EventType.LOGOUT)) == 1


def test_sign_out_needs_post(client):
    user = user_with_role(Role.ZI_CHAIR)
    login(client, user)

    response = client.get(reverse("accounts:logout"))

    assert response.status_code == 405
    assert client.get(SECURITY).status_code == 200


def test_sign_out_everywhere_ends_the_other_sessions(client):
    # given: the same person on two computers
    user = user_with_role(Role.ZI_CHAIR)
    other = Client()
    login(client, user)
    login(other, user)

    # when
    response = client.post(reverse("accounts:logout_everywhere"))

    # then
    assert response["Location"] == SECURITY
    assert client.get(SECURITY).status_code == 200
    assert _is_signed_out(other.get(SECURITY))
    assert User.objects.get(pk=user.pk).session_generation == 1
    assert len(events_of(user, EventType.LOGOUT_EVERYWHERE)) == 1


def test_disabled_account_loses_its_live_session_at_once(client):
    # given
    user = user_with_role(Role.ZI_CHAIR)
    login(client, user)
    assert client.get(SECURITY).status_code == 200

    # when: only is_active changes (Django's ModelBackend refuses inactive users in get_user)
    User.objects.filter(pk=user.pk).update(is_active=False)

    # then
    assert _is_signed_out(client.get(SECURITY))


def test_password_change_keeps_this_session_and_ends_others(client):
    # given
    user = user_with_role(Role.ZI_CHAIR)
    other = Client()
    login(client, user)
    login(other, user)

    # when
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "Haslo-testowe-123",
            "new_password1": "Nowe-bezpieczne-haslo-2026",
            "new_password2": "Nowe-bezpieczne-haslo-2026",
        },
        follow=True,
    )

    # then
    assert str(PASSWORD_CHANGED) in response.content.decode()
    assert User.objects.get(pk=user.pk).check_password("Nowe-bezpieczne-haslo-2026")
    assert _is_signed_out(other.get(SECURITY))
    assert events_of(user, EventType.USER_UPDATED)[0].extra_data == {"changed": ["password"]}


def test_expire_session_records_the_reason(rf):
    user = user_with_role(Role.ZI_CHAIR)
    request = rf.get("/")
    request.user = user

    actions.expire_session(request=request, reason="absolute")

    assert events_of(user, EventType.SESSION_EXPIRED)[0].extra_data == {"reason": "absolute"}


def test_security_page_shows_roles_and_second_factor(client):
    user = user_with_role(Role.ZI_CHAIR)
    login(client, user)

    html = client.get(SECURITY).content.decode()

    assert str(Role.ZI_CHAIR.label) in html
    assert reverse("accounts:logout_everywhere") in html
    assert reverse("accounts:recovery_codes_regenerate") in html
    assert reverse("accounts:password_change") in html
