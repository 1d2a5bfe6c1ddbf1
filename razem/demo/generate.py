"""Large synthetic data sets for benchmarks: bulk inserts, batches, no per-row saves."""

import random
from collections.abc import Iterator
from datetime import date

from django.db import transaction

from razem.core.crypto import blind_index
from razem.demo.synthetic import Synth
from razem.people.models import Address, AddressKind, Person
from razem.territory.models import Institution, InstitutionKind, Municipality

BATCH = 5000


def pick_municipalities(count: int, seed: int) -> list[Municipality]:
    ids = sorted(Municipality.objects.values_list("id", flat=True))
    chosen = random.Random(seed).sample(ids, min(count, len(ids)))  # noqa: S311
    Municipality.objects.filter(id__in=chosen).update(uses_razem=True)
    return list(Municipality.objects.filter(id__in=chosen).order_by("id"))


def ensure_institutions(municipalities: list[Municipality]) -> None:
    existing = set(
        Institution.objects.filter(
            municipality__in=municipalities, kind=InstitutionKind.SOCIAL_ASSISTANCE
        ).values_list("municipality_id", flat=True)
    )
    Institution.objects.bulk_create(
        [
            Institution(
                municipality=m,
                name=f"Ośrodek Pomocy Społecznej — {m.name} ({m.teryt})",
                short_name=f"OPS {m.name}"[:40],
                kind=InstitutionKind.SOCIAL_ASSISTANCE,
                city=m.name,
            )
            for m in municipalities
            if m.id not in existing
        ]
    )


def _persons(synth: Synth, municipality: Municipality, count: int) -> Iterator[tuple]:
    made = 0
    while made < count:
        for _role, fake in synth.household():
            if made >= count:
                return
            made += 1
            yield fake, synth.address(municipality.name, "00")


def generate_people(
    *, municipalities: list[Municipality], persons: int, seed: int, today: date
) -> int:
    """Spread `persons` over the municipalities; returns how many were created."""
    synth = Synth(seed=seed, today=today)
    per_municipality = [persons // len(municipalities)] * len(municipalities)
    per_municipality[0] += persons - sum(per_municipality)
    total = 0
    for municipality, count in zip(municipalities, per_municipality, strict=True):
        batch: list[tuple] = []
        for item in _persons(synth, municipality, count):
            batch.append(item)
            if len(batch) >= BATCH:
                total += _flush(municipality, batch)
                batch = []
        if batch:
            total += _flush(municipality, batch)
    return total


@transaction.atomic
def _flush(municipality: Municipality, batch: list[tuple]) -> int:
    people = [
        Person(
            municipality=municipality,
            first_names=fake.first_names,
            surname=fake.surname,
            sex=fake.sex,
            birth_date=fake.birth_date,
            pesel=fake.pesel,
            pesel_index=blind_index(fake.pesel) if fake.pesel else "",
            surname_key=fake.keys[0],
            first_names_key=fake.keys[1],
        )
        for fake, _address in batch
    ]
    Person.objects.bulk_create(people, batch_size=1000)
    Address.objects.bulk_create(
        [
            Address(
                person=person,
                municipality=municipality,
                kind=AddressKind.RESIDENCE,
                street=address.street,
                postal_code=address.postal_code,
                city=address.city,
            )
            for person, (_fake, address) in zip(people, batch, strict=True)
        ],
        batch_size=1000,
    )
    return len(people)
