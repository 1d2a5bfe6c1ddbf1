from datetime import timedelta

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from razem.accounts import otp
from razem.accounts.actions import WRONG_CODE
from razem.accounts.roles import Role
from razem.accounts.tests.helpers import (
    SECOND_FACTOR_URL,
    SETUP_URL,
    code_for_key,
    events_of,
    post_password,
)
from razem.accounts.views import (
    SESSION_PENDING_KEY,
    TOO_MANY_ATTEMPTS,
    WRONG_RECOVERY_CODE,
)
from razem.audit.events import EventType
from razem.core.testing.auth import login
from razem.core.testing.factories import totp_device, user_with_role

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("home:dashboard")
SECURITY = reverse("accounts:security")
RECOVERY_URL = reverse("accounts:recovery_codes")


def _enrol(client, user):  # type: ignore[no-untyped-def]
    post_password(client, user.username)
    client.get(SETUP_URL)
    key = client.session[SESSION_PENDING_KEY]
    response = client.post(SETUP_URL, {"code": code_for_key(key)})
    return key, response


@pytest.mark.parametrize("path", [DASHBOARD, SECURITY, reverse("accounts:users")])
def test_no_other_page_opens_before_the_second_factor(client, path):
    # given: password accepted, code not yet typed
    user = user_with_role(Role.MUNICIPALITY_ADMIN)
    totp_device(user)
    post_password(client, user.username)

    # when
    response = client.get(path)

    # then
    assert response.status_code == 302
    assert response["Location"] == f"{SECOND_FACTOR_URL}?next={path.replace('/', '%2F')}"


def test_the_api_answers_403_before_the_second_factor(client):
    user = user_with_role(Role.ZI_CHAIR)
    totp_device(user)
    post_password(client, user.username)

    response = client.get("/api/schema/")

    assert response.status_code == 403


def test_user_without_device_is_sent_to_enrolment(client):
    user = user_with_role(Role.ZI_CHAIR)
    post_password(client, user.username)

    response = client.get(SECOND_FACTOR_URL)

    assert response.status_code == 302
    assert response["Location"] == SETUP_URL


def test_enrolment_page_shows_a_local_qr_code_and_the_key(client):
    user = user_with_role(Role.ZI_CHAIR)
    post_password(client, user.username)

    response = client.get(SETUP_URL)

    html = response.content.decode()
    key = client.session[SESSION_PENDING_KEY]
    assert "<svg" in html
    assert otp.secret_for_manual_entry(key) in html
    assert 'autocomplete="one-time-code"' in html
    assert 'inputmode="numeric"' in html
    assert 'class="sidebar"' not in html
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_enrolment_with_the_right_code_creates_the_device_and_shows_codes_once(client):
    # given
    user = user_with_role(Role.ZI_CHAIR)

    # when
    key, response = _enrol(client, user)
    shown = client.get(response["Location"])
    again = client.get(RECOVERY_URL)

    # then
    device = TOTPDevice.objects.get(user=user)
    assert device.confirmed
    assert device.key == key
    tokens = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(tokens) == 10
    assert response["Location"].startswith(RECOVERY_URL)
    assert all(token in shown.content.decode() for token in tokens)
    assert again.status_code == 302
    assert client.get(DASHBOARD).status_code == 200
    assert len(events_of(user, EventType.OTP_ENROLLED)) == 1
    assert len(events_of(user, EventType.RECOVERY_CODES_CREATED)) == 1


def test_enrolment_with_a_wrong_code_saves_nothing(client):
    user = user_with_role(Role.ZI_CHAIR)
    post_password(client, user.username)
    client.get(SETUP_URL)

    response = client.post(SETUP_URL, {"code": "000000"})

    assert response.status_code == 200
    assert str(WRONG_CODE) in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_enrolment_is_refused_when_a_device_exists(client):
    # given: someone with the password only must not add their own phone
    user = user_with_role(Role.ZI_CHAIR)
    totp_device(user)
    post_password(client, user.username)

    response = client.get(SETUP_URL)

    assert response.status_code == 302
    assert response["Location"] == SECOND_FACTOR_URL


def test_correct_code_verifies_the_session(client):
    # given
    user = user_with_role(Role.ZI_CHAIR)
    device = totp_device(user)
    post_password(client, user.username)

    # when
    response = client.post(
        f"{SECOND_FACTOR_URL}?next={SECURITY}", {"code": otp.current_code(device)}
    )

    # then
    assert response["Location"] == SECURITY
    assert client.get(SECURITY).status_code == 200
    assert len(events_of(user, EventType.OTP_VERIFIED)) == 1


def test_wrong_codes_are_audited_and_throttled(client, time_machine):
    # given
    time_machine.move_to("2026-03-02 09:00 +01:00", tick=False)
    user = user_with_role(Role.ZI_CHAIR)
    device = totp_device(user)
    post_password(client, user.username)

    # when
    wrong = client.post(SECOND_FACTOR_URL, {"code": "000000"})
    throttled = client.post(SECOND_FACTOR_URL, {"code": otp.current_code(device)})
    time_machine.shift(timedelta(seconds=2))
    accepted = client.post(SECOND_FACTOR_URL, {"code": otp.current_code(device)})

    # then
    assert str(WRONG_CODE) in wrong.content.decode()
    assert str(TOO_MANY_ATTEMPTS) in throttled.content.decode()
    assert accepted.status_code == 302
    failures = events_of(user, EventType.OTP_FAILED)
    assert [event.extra_data["throttled"] for event in failures] == [False, True]


def test_recovery_code_works_once(client):
    # given
    user = user_with_role(Role.ZI_CHAIR)
    _enrol(client, user)
    code = StaticToken.objects.filter(device__user=user).first().token
    client.logout()

    # when
    post_password(client, user.username)
    first = client.post(SECOND_FACTOR_URL, {"recovery_code": code.upper()})
    client.logout()
    post_password(client, user.username)
    second = client.post(SECOND_FACTOR_URL, {"recovery_code": code})

    # then
    assert first.status_code == 302
    assert second.status_code == 200
    assert str(WRONG_RECOVERY_CODE) in second.content.decode()
    assert StaticToken.objects.filter(device__user=user).count() == 9
    [used] = events_of(user, EventType.RECOVERY_CODE_USED)
    assert used.extra_data == {"codes_left": 9}


def test_new_recovery_codes_replace_the_old_ones(client):
    # given
    user = user_with_role(Role.ZI_CHAIR)
    _enrol(client, user)
    old = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))

    # when
    response = client.post(reverse("accounts:recovery_codes_regenerate"))
    page = client.get(response["Location"])

    # then
    new = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(new) == 10
    assert not old & new
    assert all(token in page.content.decode() for token in new)
    assert len(events_of(user, EventType.RECOVERY_CODES_CREATED)) == 2


def test_recovery_codes_cannot_be_generated_before_the_second_factor(client):
    user = user_with_role(Role.ZI_CHAIR)
    totp_device(user)
    post_password(client, user.username)

    response = client.post(reverse("accounts:recovery_codes_regenerate"))

    assert response["Location"].startswith(SECOND_FACTOR_URL)
    assert not StaticToken.objects.filter(device__user=user).exists()


def test_login_helper_passes_the_second_factor(client):
    user = user_with_role(Role.ZI_CHAIR)

    login(client, user)

    assert client.get(DASHBOARD).status_code == 200
