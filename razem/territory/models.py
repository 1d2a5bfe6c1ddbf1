"""Voivodeship -> county (powiat) -> municipality (gmina), and the institutions in them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from razem.core.models import BaseModel
from razem.territory.validators import validate_municipality_teryt


class Voivodeship(models.Model):
    teryt = models.CharField(_("TERYT code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=64)

    class Meta:
        ordering = ["name"]
        verbose_name = _("voivodeship")
        verbose_name_plural = _("voivodeships")

    def __str__(self) -> str:
        return self.name


class County(models.Model):
    teryt = models.CharField(_("TERYT code"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=64)
    voivodeship = models.ForeignKey(
        Voivodeship,
        on_delete=models.PROTECT,
        related_name="counties",
        verbose_name=_("voivodeship"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("county")
        verbose_name_plural = _("counties")

    def __str__(self) -> str:
        return self.name


class MunicipalityKind(models.TextChoices):
    URBAN = "miejska", _("urban")
    RURAL = "wiejska", _("rural")
    URBAN_RURAL = "miejsko-wiejska", _("urban-rural")
    DISTRICT = "dzielnica", _("district of Warsaw")


class Municipality(models.Model):
    """Gmina: the unit that runs the local system and owns every record of personal data."""

    teryt = models.CharField(
        _("TERYT code"), max_length=7, unique=True, validators=[validate_municipality_teryt]
    )
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=16, choices=MunicipalityKind.choices)
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("county")
    )
    # Whether this municipality runs its local system in this installation.
    uses_razem = models.BooleanField(_("uses Razem"), default=False)

    class Meta:
        ordering = ["name", "teryt"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name


class InstitutionKind(models.TextChoices):
    # Bodies named by the act (art. 9a) and the Blue Card regulation (§ 2 ust. 2).
    SOCIAL_ASSISTANCE = "social_assistance", _("social assistance centre (OPS/MOPS/GOPS)")
    POLICE = "police", _("police unit")
    MILITARY_POLICE = "military_police", _("military police unit")
    SCHOOL = "school", _("school")
    KINDERGARTEN = "kindergarten", _("kindergarten")
    HEALTH_CARE = "health_care", _("health care")
    GKRPA = "gkrpa", _("municipal alcohol problems commission (GKRPA)")
    CRISIS_INTERVENTION = "crisis_intervention", _("crisis intervention centre (OIK)")
    SPECIALIST_SUPPORT = "specialist_support", _("specialist support centre (SOW)")
    NGO = "ngo", _("non-governmental organisation")
    PROBATION = "probation", _("probation service")
    PROSECUTOR = "prosecutor", _("prosecutor's office")
    MUNICIPAL_OFFICE = "municipal_office", _("municipal office")
    VOIVODE_OFFICE = "voivode_office", _("voivode's office")
    OTHER = "other", pgettext_lazy("institution kind", "other")


class Institution(BaseModel):
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=InstitutionKind.choices)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="institutions",
        verbose_name=_("municipality"),
    )
    street = models.CharField(_("street and number"), max_length=120, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=6, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    is_active = models.BooleanField(pgettext_lazy("institution", "active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"], name="institution_unique_name_per_municipality"
            )
        ]

    def __str__(self) -> str:
        return self.short_name or self.name
