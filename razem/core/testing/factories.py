"""Factories shared by every app's tests: territory, institutions, users with roles."""

import factory
from django_otp.plugins.otp_totp.models import TOTPDevice

from razem.accounts.models import Membership, User
from razem.accounts.roles import Role
from razem.territory.models import Institution, InstitutionKind, Municipality, Voivodeship

DEFAULT_PASSWORD = "Haslo-testowe-123"  # noqa: S105


def municipality(teryt: str = "2466011") -> Municipality:
    """A municipality from the TERYT register loaded by migrations (default: Gliwice)."""
    return Municipality.objects.select_related("county__voivodeship").get(teryt=teryt)


def other_municipality() -> Municipality:
    return municipality("2467011")  # Jastrzębie-Zdrój


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Institution

    name = factory.Sequence(lambda n: f"Ośrodek Pomocy Społecznej nr {n}")
    kind = InstitutionKind.SOCIAL_ASSISTANCE
    municipality = factory.LazyFunction(municipality)
    city = "Gliwice"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"uzytkownik{n}")
    first_name = "Anna"
    last_name = factory.Sequence(lambda n: f"Testowa{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):  # type: ignore[no-untyped-def]  # noqa: N805
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    institution = factory.SubFactory(InstitutionFactory)
    role = Role.ZI_CHAIR
    municipality = factory.LazyAttribute(lambda m: m.institution.municipality)


def user_with_role(
    role: Role,
    *,
    municipality_obj: Municipality | None = None,
    voivodeship: Voivodeship | None = None,
    **user_fields: object,
) -> User:
    """A user holding one role; the analyst is placed in a voivodeship, others in a gmina."""
    place = municipality_obj or municipality()
    user = UserFactory(**user_fields)
    institution = InstitutionFactory(municipality=place)
    if role == Role.VOIVODESHIP_ANALYST:
        institution.kind = InstitutionKind.VOIVODE_OFFICE
        institution.save(update_fields=["kind"])
        MembershipFactory(
            user=user,
            institution=institution,
            role=role,
            municipality=None,
            voivodeship=voivodeship or place.county.voivodeship,
        )
    else:
        MembershipFactory(user=user, institution=institution, role=role, municipality=place)
    return user


def totp_device(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="test", confirmed=True)
