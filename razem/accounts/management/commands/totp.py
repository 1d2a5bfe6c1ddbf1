"""`razem totp USERNAME`: the current code of the user's authenticator (demo and support)."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from razem.accounts import otp
from razem.accounts.models import User


class Command(BaseCommand):
    help = "Print the current TOTP code of a user's confirmed authenticator device."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: object, **options: object) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user named {options['username']!r}.")
        device = otp.confirmed_totp_device(user)
        if device is None:
            raise CommandError(f"User {user.username!r} has no confirmed authenticator device.")
        self.stdout.write(otp.current_code(device))
