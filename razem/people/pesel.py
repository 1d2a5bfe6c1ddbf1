"""PESEL, the Polish personal identification number: checksum, birth date and sex.

Pure functions, no database. Digits 1-6 hold the birth date (the month carries the century),
digits 7-10 a serial number whose last digit gives the sex (odd: male), digit 11 the checksum.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from razem.people.models import Sex

WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
LENGTH = 11

# Month offset -> first year of the century it encodes.
CENTURY_BY_OFFSET = {80: 1800, 0: 1900, 20: 2000, 40: 2100, 60: 2200}
OFFSET_BY_CENTURY = {century: offset for offset, century in CENTURY_BY_OFFSET.items()}

PESEL_FORMAT = _("PESEL has 11 digits.")
PESEL_CHECKSUM = _("This PESEL is not valid: its check digit does not match. Check for a typo.")
PESEL_IMPOSSIBLE_DATE = _("This PESEL does not contain a valid date of birth.")
PESEL_BIRTH_DATE_MISMATCH = _(
    "The PESEL gives %(pesel_date)s as the date of birth, which differs from the date of birth "
    "entered."
)
PESEL_SEX_MISMATCH = _("The PESEL belongs to a person of the other sex than the one entered.")


def check_digit(first_ten: str) -> int:
    total = sum(int(digit) * weight for digit, weight in zip(first_ten, WEIGHTS, strict=True))
    return (10 - total % 10) % 10


def has_valid_format(pesel: str) -> bool:
    return len(pesel) == LENGTH and pesel.isascii() and pesel.isdigit()


def has_valid_checksum(pesel: str) -> bool:
    return has_valid_format(pesel) and check_digit(pesel[:10]) == int(pesel[10])


def birth_date_of(pesel: str) -> date | None:
    """The encoded birth date, or None when the digits name no real day."""
    year, month, day = int(pesel[0:2]), int(pesel[2:4]), int(pesel[4:6])
    offset = (month - 1) // 20 * 20 if month else -1
    century = CENTURY_BY_OFFSET.get(offset)
    if century is None:
        return None
    try:
        return date(century + year, month - offset, day)
    except ValueError:
        return None


def sex_of(pesel: str) -> str:
    return Sex.MALE if int(pesel[9]) % 2 else Sex.FEMALE


def build(birth_date: date, serial: int, sex: str) -> str:
    """A valid PESEL for the date, serial (0-999) and sex; used by tests and demo data."""
    century = birth_date.year // 100 * 100
    offset = OFFSET_BY_CENTURY[century]
    sex_digit = (serial % 5) * 2 + (1 if sex == Sex.MALE else 0)
    first_ten = (
        f"{birth_date.year % 100:02d}{birth_date.month + offset:02d}{birth_date.day:02d}"
        f"{serial % 1000:03d}{sex_digit}"
    )
    return first_ten + str(check_digit(first_ten))


def check_pesel(pesel: str, birth_date: date | None = None, sex: str | None = None) -> None:
    """Raise ValidationError with one of the module's messages when the PESEL is wrong or does
    not agree with the birth date or sex given."""
    if not has_valid_format(pesel):
        raise ValidationError(PESEL_FORMAT, code="pesel_format")
    if not has_valid_checksum(pesel):
        raise ValidationError(PESEL_CHECKSUM, code="pesel_checksum")
    encoded = birth_date_of(pesel)
    if encoded is None:
        raise ValidationError(PESEL_IMPOSSIBLE_DATE, code="pesel_date")
    if birth_date is not None and birth_date != encoded:
        raise ValidationError(
            PESEL_BIRTH_DATE_MISMATCH,
            code="pesel_birth_date_mismatch",
            params={"pesel_date": encoded.strftime("%d.%m.%Y")},
        )
    if sex and sex != sex_of(pesel):
        raise ValidationError(PESEL_SEX_MISMATCH, code="pesel_sex_mismatch")
