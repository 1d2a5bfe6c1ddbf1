from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from razem.accounts import otp
from razem.accounts.roles import Role
from razem.core.testing.factories import totp_device, user_with_role

pytestmark = pytest.mark.django_db


def test_prints_the_current_code(time_machine):
    time_machine.move_to("2026-03-02 09:00 +01:00", tick=False)
    user = user_with_role(Role.ZI_CHAIR)
    device = totp_device(user)
    out = StringIO()

    call_command("totp", user.username, stdout=out)

    code = out.getvalue().strip()
    assert code == otp.current_code(device)
    assert len(code) == 6
    assert device.verify_token(code)


def test_user_without_a_device_is_an_error():
    user = user_with_role(Role.ZI_CHAIR)

    with pytest.raises(CommandError):
        call_command("totp", user.username)
