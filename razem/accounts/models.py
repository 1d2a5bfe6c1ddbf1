"""Users, and their memberships: which role they hold, for which institution, where."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from razem.accounts.roles import Role
from razem.core.models import BaseModel
from razem.territory.models import Institution, Municipality, Voivodeship


class User(AbstractUser):
    # Raised by "sign out everywhere": every session issued before it stops being valid.
    session_generation = models.PositiveIntegerField(_("session generation"), default=0)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def get_session_auth_hash(self) -> str:
        # Django flushes a session whose stored hash no longer matches (see sign-out everywhere).
        return salted_hmac(
            "razem.accounts.User.session",
            f"{self.password}:{self.session_generation}",
            algorithm="sha256",
        ).hexdigest()

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class Membership(BaseModel):
    """A role held by a user for an institution, in a municipality (or a voivodeship)."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    institution = models.ForeignKey(
        Institution,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("institution"),
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("municipality"),
    )
    voivodeship = models.ForeignKey(
        Voivodeship,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("voivodeship"),
    )
    is_active = models.BooleanField(pgettext_lazy("role", "active"), default=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["user_id", "role"]
        constraints = [
            models.CheckConstraint(
                name="membership_scope_matches_role",
                condition=(
                    Q(
                        role=Role.VOIVODESHIP_ANALYST,
                        voivodeship__isnull=False,
                        municipality__isnull=True,
                    )
                    | (
                        ~Q(role=Role.VOIVODESHIP_ANALYST)
                        & Q(municipality__isnull=False, voivodeship__isnull=True)
                    )
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "institution", "role", "municipality"],
                name="membership_unique_role",
            ),
        ]
        indexes = [models.Index(fields=["municipality", "role"])]

    def __str__(self) -> str:
        where = self.municipality or self.voivodeship
        return f"{self.get_role_display()} — {where}"
