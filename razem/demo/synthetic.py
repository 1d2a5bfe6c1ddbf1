"""Synthetic persons for the demo and the benchmarks. Never a real person: names are drawn from
Faker's pl_PL lists, PESEL numbers are computed (valid checksum) for random dates and serials.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from faker.providers.address.pl_PL import Provider as AddressProvider
from faker.providers.person.pl_PL import Provider as PersonProvider

from razem.core.text import search_key

PESEL_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
FEMALE_FIRST = tuple(PersonProvider.first_names_female)
MALE_FIRST = tuple(PersonProvider.first_names_male)
MALE_LAST = tuple(PersonProvider.male_last_names)
STREETS = tuple(AddressProvider.streets)


def pesel_for(birth: date, sex: str, serial: int) -> str:
    """A PESEL with a correct checksum for the date, sex ('F'/'M') and a 3-digit serial."""
    month = birth.month + {18: 80, 19: 0, 20: 20, 21: 40, 22: 60}[birth.year // 100]
    sex_digit = (serial % 5) * 2 + (1 if sex == "M" else 0)
    digits = f"{birth.year % 100:02d}{month:02d}{birth.day:02d}{serial % 1000:03d}{sex_digit}"
    total = sum(int(d) * w for d, w in zip(digits, PESEL_WEIGHTS, strict=True))
    return digits + str((10 - total % 10) % 10)


def feminine_surname(male: str) -> str:
    """Polish adjectival surnames decline: Kowalski -> Kowalska, Zawadzki -> Zawadzka."""
    for ending in ("ski", "cki", "dzki"):
        if male.endswith(ending):
            return male[:-1] + "a"
    return male


@dataclass
class FakePerson:
    first_names: str
    surname: str
    sex: str
    birth_date: date
    pesel: str

    @property
    def keys(self) -> tuple[str, str]:
        return search_key(self.surname), search_key(self.first_names)


@dataclass
class FakeAddress:
    street: str
    postal_code: str
    city: str


class Synth:
    """A seeded source of synthetic people and households."""

    def __init__(self, seed: int, today: date) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
        self.today = today

    def birth_date(self, min_age: int, max_age: int) -> date:
        age_days = self.rng.randint(min_age * 365 + 1, max_age * 365 + 300)
        return self.today - timedelta(days=age_days)

    def surname_pair(self) -> tuple[str, str]:
        """A family surname in its female and male form (Kowalska/Kowalski where it declines)."""
        male = self.rng.choice(MALE_LAST)
        return feminine_surname(male), male

    def person(self, sex: str, birth: date, surname: str) -> FakePerson:
        first = self.rng.choice(FEMALE_FIRST if sex == "F" else MALE_FIRST)
        if self.rng.random() < 0.2:
            second = self.rng.choice(FEMALE_FIRST if sex == "F" else MALE_FIRST)
            if second != first:
                first = f"{first} {second}"
        pesel = pesel_for(birth, sex, self.rng.randrange(1000)) if self.rng.random() < 0.85 else ""
        return FakePerson(first, surname, sex, birth, pesel)

    def address(self, city: str, postal_prefix: str) -> FakeAddress:
        street = f"ul. {self.rng.choice(STREETS)} {self.rng.randint(1, 120)}"
        if self.rng.random() < 0.6:
            street += f"/{self.rng.randint(1, 60)}"
        return FakeAddress(street, f"{postal_prefix}-{self.rng.randint(100, 999)}", city)

    def household(self) -> list[tuple[str, FakePerson]]:
        """A family: one or two adults and up to three children, as (role, person) pairs."""
        female, male = self.surname_pair()
        members: list[tuple[str, FakePerson]] = []
        mother_birth = self.birth_date(22, 70)
        members.append(("adult", self.person("F", mother_birth, female)))
        if self.rng.random() < 0.75:
            members.append(("adult", self.person("M", self.birth_date(22, 75), male)))
        mother_age = (self.today - mother_birth).days // 365
        for _ in range(self.rng.choice((0, 1, 1, 2, 2, 3))):
            max_child_age = min(17, max(0, mother_age - 18))
            sex = self.rng.choice("FM")
            birth = self.birth_date(0, max_child_age) if max_child_age else self.birth_date(0, 1)
            members.append(("child", self.person(sex, birth, female if sex == "F" else male)))
        return members
