"""Load the demo data set. Idempotent: whatever exists is kept as it is (users may have changed
it); only what is missing is added."""

import hashlib
from base64 import b32encode
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from razem.accounts.models import Membership, User
from razem.accounts.roles import Role
from razem.audit import log
from razem.audit.events import EventType
from razem.demo import places
from razem.demo.synthetic import Synth
from razem.people.models import (
    Address,
    AddressKind,
    Contact,
    ContactKind,
    Household,
    HouseholdMember,
    Person,
    Relationship,
    RelationshipKind,
)
from razem.territory.models import Institution, InstitutionKind, Municipality

DEMO_PASSWORD = "Razem-demo-2026"  # noqa: S105 - printed for the demo on purpose


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: Role
    institution: str  # short name
    teryt: str  # municipality, or the voivode office's seat for the analyst


DEMO_USERS = [
    DemoUser(
        "administrator", "Marek", "Zieliński", Role.MUNICIPALITY_ADMIN, "UM Gliwice", places.GLIWICE
    ),
    DemoUser("przewodniczaca", "Joanna", "Wróbel", Role.ZI_CHAIR, "MOPS Gliwice", places.GLIWICE),
    DemoUser("czlonek.zi", "Tomasz", "Nowicki", Role.ZI_MEMBER, "GKRPA Gliwice", places.GLIWICE),
    DemoUser("grupa", "Katarzyna", "Lis", Role.GROUP_MEMBER, "MOPS Gliwice", places.GLIWICE),
    DemoUser(
        "policjant", "Paweł", "Kaczmarek", Role.INITIATING_OFFICER, "KMP Gliwice", places.GLIWICE
    ),
    DemoUser("programy", "Agnieszka", "Mazur", Role.PROGRAMME_STAFF, "OIK Gliwice", places.GLIWICE),
    DemoUser(
        "profilaktyka",
        "Monika",
        "Pawlak",
        Role.PREVENTION_COORDINATOR,
        "UM Gliwice",
        places.GLIWICE,
    ),
    DemoUser("analityk", "Piotr", "Górski", Role.VOIVODESHIP_ANALYST, "ŚUW Katowice", "2469011"),
    DemoUser("iod", "Ewa", "Sikora", Role.DATA_PROTECTION_OFFICER, "MOPS Gliwice", places.GLIWICE),
    DemoUser(
        "przewodniczacy.jastrzebie",
        "Adam",
        "Kubiak",
        Role.ZI_CHAIR,
        "MOPS Jastrzębie-Zdrój",
        places.JASTRZEBIE,
    ),
]


def demo_totp_key(username: str) -> str:
    """A fixed TOTP secret per demo user, so `razem totp USER` and an app can show the codes."""
    return hashlib.sha256(f"razem-demo-totp:{username}".encode()).hexdigest()[:40]


def demo_totp_base32(username: str) -> str:
    return b32encode(bytes.fromhex(demo_totp_key(username))).decode().rstrip("=")


@transaction.atomic(durable=True)
def load_demo(*, today: date | None = None) -> dict[str, int]:
    today = today or timezone.localdate()
    added = {"institutions": 0, "users": 0, "persons": 0}
    municipalities = _municipalities()
    institutions = _institutions(municipalities, added)
    users = _users(municipalities, institutions, added)
    for teryt, (postal, _loc, count) in places.MUNICIPALITIES.items():
        municipality = municipalities[teryt]
        if Person.objects.filter(municipality=municipality).exists():
            continue
        creators = [u for u in users if u.teryt == teryt and u.role in _RECORDING_ROLES]
        added["persons"] += _people(municipality, postal, count, creators, today)
    if any(added.values()):
        log.record(event_type=EventType.DEMO_LOADED, extra=added)
    return added


_RECORDING_ROLES = {Role.ZI_CHAIR, Role.INITIATING_OFFICER, Role.GROUP_MEMBER}


def _municipalities() -> dict[str, Municipality]:
    wanted = set(places.MUNICIPALITIES) | set(places.VOIVODE_OFFICES)
    found = {
        m.teryt: m
        for m in Municipality.objects.select_related("county__voivodeship").filter(teryt__in=wanted)
    }
    Municipality.objects.filter(teryt__in=places.MUNICIPALITIES, uses_razem=False).update(
        uses_razem=True
    )
    return found


def _institutions(municipalities, added) -> dict[str, Institution]:  # type: ignore[no-untyped-def]
    rows = [
        (teryt, name, short, kind, street)
        for teryt, entries in places.INSTITUTIONS.items()
        for name, short, kind, street in entries
    ]
    rows += [
        (teryt, name, short, InstitutionKind.VOIVODE_OFFICE, street)
        for teryt, (name, short, street) in places.VOIVODE_OFFICES.items()
    ]
    result = {}
    for number, (teryt, name, short, kind, street) in enumerate(rows):
        municipality = municipalities[teryt]
        institution, created = Institution.objects.get_or_create(
            municipality=municipality,
            name=name,
            defaults={
                "short_name": short,
                "kind": kind,
                "street": street,
                "city": municipality.name,
                "phone": f"32 000 {number // 100:02d} {number % 100:02d}",
                "email": f"kontakt{number}@example.org",
            },
        )
        added["institutions"] += int(created)
        result[short] = institution
    return result


def _users(municipalities, institutions, added) -> list[DemoUser]:  # type: ignore[no-untyped-def]
    for demo in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=demo.username,
            defaults={
                "first_name": demo.first_name,
                "last_name": demo.last_name,
                "email": f"{demo.username}@example.org",
            },
        )
        if not created:
            continue
        added["users"] += 1
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        place = municipalities[demo.teryt]
        local = demo.role != Role.VOIVODESHIP_ANALYST
        Membership.objects.create(
            user=user,
            institution=institutions[demo.institution],
            role=demo.role,
            municipality=place if local else None,
            voivodeship=None if local else place.county.voivodeship,
        )
        TOTPDevice.objects.create(
            user=user, name="Razem demo", key=demo_totp_key(demo.username), confirmed=True
        )
    return DEMO_USERS


def _people(municipality, postal, count, creators, today) -> int:  # type: ignore[no-untyped-def]
    creator_ids = list(
        User.objects.filter(username__in=[c.username for c in creators]).values_list(
            "id", flat=True
        )
    ) or [None]
    synth = Synth(seed=int(municipality.teryt), today=today)
    created = 0
    while created < count:
        members = synth.household()
        created += len(members)
        _household(municipality, postal, synth, members, creator_ids[created % len(creator_ids)])
    return created


def _household(municipality, postal, synth, members, creator_id) -> None:  # type: ignore[no-untyped-def]
    persons = []
    for role, fake in members:
        surname_key, first_key = fake.keys
        person = Person(
            municipality=municipality,
            first_names=fake.first_names,
            surname=fake.surname,
            sex=fake.sex,
            birth_date=fake.birth_date,
            pesel=fake.pesel,
            surname_key=surname_key,
            first_names_key=first_key,
            has_disability=synth.rng.random() < 0.06,
            created_by_id=creator_id,
        )
        if fake.pesel:
            from razem.core.crypto import blind_index

            person.pesel_index = blind_index(fake.pesel)
        person.full_clean(exclude=["created_by", "pesel_index"])
        person.save()
        persons.append((role, person))
    household = Household.objects.create(
        municipality=municipality, label=f"Gospodarstwo {persons[0][1].surname}"
    )
    home = synth.address(municipality.name, postal)
    confidential = synth.rng.random() < 0.08
    for _role, person in persons:
        HouseholdMember.objects.create(household=household, person=person)
        Address.objects.create(
            person=person,
            municipality=municipality,
            kind=AddressKind.RESIDENCE,
            street=home.street,
            postal_code=home.postal_code,
            city=home.city,
            is_confidential=confidential,
            created_by_id=creator_id,
        )
    adults = [p for r, p in persons if r == "adult"]
    children = [p for r, p in persons if r == "child"]
    if adults:
        Contact.objects.create(
            person=adults[0],
            municipality=municipality,
            kind=ContactKind.PHONE,
            value=f"500 000 {synth.rng.randint(100, 999)}",
        )
    if len(adults) == 2:
        _relate(municipality, adults[0], adults[1], RelationshipKind.SPOUSE)
    for adult in adults:
        for child in children:
            _relate(municipality, adult, child, RelationshipKind.PARENT)
    for i, child in enumerate(children):
        for sibling in children[i + 1 :]:
            _relate(municipality, child, sibling, RelationshipKind.SIBLING)


def _relate(municipality, person, other, kind) -> None:  # type: ignore[no-untyped-def]
    from razem.people.models import RELATIONSHIP_INVERSE

    Relationship.objects.create(
        municipality=municipality, person=person, related_person=other, kind=kind
    )
    Relationship.objects.create(
        municipality=municipality,
        person=other,
        related_person=person,
        kind=RELATIONSHIP_INVERSE[kind],
    )
