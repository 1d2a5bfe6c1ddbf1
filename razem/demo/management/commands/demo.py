"""`razem demo`: a working Razem with demo data on this machine, in one command."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import translation
from django_otp.oath import totp

from razem.demo.loader import DEMO_PASSWORD, DEMO_USERS, demo_totp_base32, demo_totp_key, load_demo


class Command(BaseCommand):
    help = "Create the data folder, migrate, load the demo data and serve on 127.0.0.1."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-serve", action="store_true", help="Prepare only, do not serve.")

    def handle(self, *args, port: int, no_serve: bool, **options) -> None:  # type: ignore[no-untyped-def]
        translation.activate(settings.LANGUAGE_CODE)
        database = settings.DATABASES["default"]
        self.stdout.write(f"Razem: data folder {settings.DATA_DIR}")
        self.stdout.write(
            f"Razem: database {database['ENGINE'].rsplit('.', 1)[-1]} {database['NAME']}"
        )
        call_command("migrate", interactive=False, verbosity=0)
        added = load_demo()
        self.stdout.write(
            "Razem: demo data — added {institutions} institutions, {users} users, "
            "{persons} persons (existing records kept).".format(**added)
        )
        self._print_logins(port)
        if not no_serve:
            call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)

    def _print_logins(self, port: int) -> None:
        self.stdout.write("")
        self.stdout.write(
            f"Open http://127.0.0.1:{port}/ and sign in. "
            f"Password for every demo user: {DEMO_PASSWORD}"
        )
        self.stdout.write(
            "Second factor: the code below (valid ~30 s), `razem totp USER` for a fresh one,"
        )
        self.stdout.write("or add the secret to an authenticator app.")
        self.stdout.write("")
        self.stdout.write(f"{'user':<28}{'role':<48}{'code':<8}secret")
        for demo in DEMO_USERS:
            code = f"{totp(bytes.fromhex(demo_totp_key(demo.username))):06d}"
            self.stdout.write(
                f"{demo.username:<28}{str(demo.role.label):<48}{code:<8}{demo_totp_base32(demo.username)}"
            )
        self.stdout.write("")
