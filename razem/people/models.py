"""The people registry: persons, their addresses, contacts, relationships and households.

Every row belongs to exactly one municipality. PESEL, addresses and contact data are encrypted at
rest; PESEL has a keyed hash for exact-match search, names have diacritic-free search keys.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from razem.core.crypto import EncryptedTextField
from razem.core.models import BaseModel
from razem.territory.models import Municipality


class Sex(models.TextChoices):
    FEMALE = "F", _("female")
    MALE = "M", _("male")


class Person(BaseModel):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    first_names = models.CharField(_("first names"), max_length=100)
    surname = models.CharField(_("surname"), max_length=100)
    family_name = models.CharField(_("family name"), max_length=100, blank=True)
    former_names = models.CharField(_("former names"), max_length=200, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    estimated_age = models.PositiveSmallIntegerField(_("estimated age"), null=True, blank=True)
    estimated_age_on = models.DateField(_("age estimated on"), null=True, blank=True)
    pesel = EncryptedTextField(_("PESEL"), blank=True, default="")
    pesel_index = models.CharField(max_length=64, blank=True, default="", db_index=True)
    citizenship = models.CharField(_("citizenship"), max_length=60, blank=True, default="polskie")
    has_disability = models.BooleanField(_("disability"), default=False)
    notes = models.TextField(_("notes"), blank=True)
    # Diacritic-free, lower-case copies for search (Łukasz = Lukasz).
    surname_key = models.CharField(max_length=100, db_index=True, editable=False)
    first_names_key = models.CharField(max_length=100, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        ordering = ["surname_key", "first_names_key", "id"]
        indexes = [
            models.Index(
                fields=["municipality", "surname_key", "first_names_key", "id"],
                name="person_muni_name",
            ),
            models.Index(fields=["municipality", "birth_date"], name="person_muni_birth"),
            # Prefix search (LIKE 'kow%') on PostgreSQL under any collation; other databases
            # ignore the operator classes.
            models.Index(
                fields=["municipality", "surname_key"],
                name="person_muni_surname_prefix",
                opclasses=["int8_ops", "varchar_pattern_ops"],
            ),
            models.Index(
                fields=["municipality", "first_names_key"],
                name="person_muni_first_prefix",
                opclasses=["int8_ops", "varchar_pattern_ops"],
            ),
        ]
        constraints = [
            models.CheckConstraint(
                name="person_estimated_age_range",
                condition=Q(estimated_age__isnull=True) | Q(estimated_age__lte=130),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.surname} {self.first_names}"

    @property
    def full_name(self) -> str:
        return f"{self.first_names} {self.surname}"


class AddressKind(models.TextChoices):
    RESIDENCE = "residence", _("place of residence")
    REGISTERED = "registered", _("registered address")
    CORRESPONDENCE = "correspondence", _("correspondence address")


class Address(BaseModel):
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="addresses", verbose_name=_("person")
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=AddressKind.choices)
    street = EncryptedTextField(_("street, building and flat"), blank=True)
    postal_code = EncryptedTextField(_("postal code"), blank=True)
    city = EncryptedTextField(_("city"))
    # A confidential address (e.g. after moving away from the person using violence) is shown
    # only to those with an explicit need (people.access.can_see_confidential_address).
    is_confidential = models.BooleanField(_("confidential address"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("address")
        verbose_name_plural = _("addresses")
        ordering = ["person_id", "kind", "id"]

    def __str__(self) -> str:
        return str(self.get_kind_display())


class ContactKind(models.TextChoices):
    PHONE = "phone", _("phone")
    EMAIL = "email", _("e-mail")
    OTHER = "other", pgettext_lazy("contact kind", "other")


class Contact(BaseModel):
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("person")
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ContactKind.choices)
    value = EncryptedTextField(_("contact"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["person_id", "kind", "id"]

    def __str__(self) -> str:
        return str(self.get_kind_display())


class RelationshipKind(models.TextChoices):
    # Read as "person is <kind> of related person".
    SPOUSE = "spouse", _("spouse")
    FORMER_SPOUSE = "former_spouse", _("former spouse")
    PARTNER = "partner", _("partner")
    FORMER_PARTNER = "former_partner", _("former partner")
    PARENT = "parent", _("parent")
    CHILD = "child", _("child")
    SIBLING = "sibling", _("sibling")
    GRANDPARENT = "grandparent", _("grandparent")
    GRANDCHILD = "grandchild", _("grandchild")
    GUARDIAN = "guardian", _("legal guardian")
    WARD = "ward", _("ward")
    OTHER_RELATIVE = "other_relative", _("other relative")
    CO_RESIDENT = "co_resident", _("lives in the same household")
    OTHER = "other", pgettext_lazy("relationship", "other")


# Each kind read from the other side; relationships are stored in both directions.
RELATIONSHIP_INVERSE: dict[str, str] = {
    RelationshipKind.SPOUSE: RelationshipKind.SPOUSE,
    RelationshipKind.FORMER_SPOUSE: RelationshipKind.FORMER_SPOUSE,
    RelationshipKind.PARTNER: RelationshipKind.PARTNER,
    RelationshipKind.FORMER_PARTNER: RelationshipKind.FORMER_PARTNER,
    RelationshipKind.PARENT: RelationshipKind.CHILD,
    RelationshipKind.CHILD: RelationshipKind.PARENT,
    RelationshipKind.SIBLING: RelationshipKind.SIBLING,
    RelationshipKind.GRANDPARENT: RelationshipKind.GRANDCHILD,
    RelationshipKind.GRANDCHILD: RelationshipKind.GRANDPARENT,
    RelationshipKind.GUARDIAN: RelationshipKind.WARD,
    RelationshipKind.WARD: RelationshipKind.GUARDIAN,
    RelationshipKind.OTHER_RELATIVE: RelationshipKind.OTHER_RELATIVE,
    RelationshipKind.CO_RESIDENT: RelationshipKind.CO_RESIDENT,
    RelationshipKind.OTHER: RelationshipKind.OTHER,
}


class Relationship(BaseModel):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="relationships", verbose_name=_("person")
    )
    related_person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="+", verbose_name=_("related person")
    )
    kind = models.CharField(_("relationship"), max_length=20, choices=RelationshipKind.choices)

    class Meta:
        verbose_name = _("relationship")
        verbose_name_plural = _("relationships")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "related_person"], name="relationship_unique_pair"
            ),
            models.CheckConstraint(
                name="relationship_not_self", condition=~Q(person=models.F("related_person"))
            ),
        ]

    def __str__(self) -> str:
        return str(self.get_kind_display())


class Household(BaseModel):
    """Gospodarstwo domowe: people living together at a given time."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    label = models.CharField(_("name"), max_length=120)
    members = models.ManyToManyField(
        Person, through="HouseholdMember", related_name="households", verbose_name=_("members")
    )

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")

    def __str__(self) -> str:
        return self.label


class HouseholdMember(models.Model):
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("household member")
        verbose_name_plural = _("household members")
        constraints = [
            models.UniqueConstraint(fields=["household", "person"], name="household_member_once")
        ]

    def __str__(self) -> str:
        return f"{self.household_id}:{self.person_id}"
