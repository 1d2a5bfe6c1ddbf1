from datetime import date

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from razem.people import pesel
from razem.people.models import Sex

dates = st.dates(min_value=date(1800, 1, 1), max_value=date(2299, 12, 31))
serials = st.integers(min_value=0, max_value=999)
sexes = st.sampled_from([Sex.FEMALE, Sex.MALE])


def _messages(error: pytest.ExceptionInfo) -> list[str]:
    return [str(message) for message in error.value.messages]


@given(birth_date=dates, serial=serials, sex=sexes)
def test_any_generated_pesel_validates_and_decodes_back(birth_date, serial, sex):
    # given
    number = pesel.build(birth_date, serial, sex)

    # when / then
    pesel.check_pesel(number, birth_date=birth_date, sex=sex)
    assert pesel.birth_date_of(number) == birth_date
    assert pesel.sex_of(number) == sex


@given(
    birth_date=dates,
    serial=serials,
    sex=sexes,
    position=st.integers(min_value=0, max_value=10),
    shift=st.integers(min_value=1, max_value=9),
)
def test_any_single_digit_change_breaks_the_checksum(birth_date, serial, sex, position, shift):
    # given
    number = pesel.build(birth_date, serial, sex)
    changed_digit = str((int(number[position]) + shift) % 10)
    changed = number[:position] + changed_digit + number[position + 1 :]

    # when / then
    assert not pesel.has_valid_checksum(changed)
    with pytest.raises(ValidationError) as error:
        pesel.check_pesel(changed)
    assert _messages(error) == [str(pesel.PESEL_CHECKSUM)]


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("44051401359", date(1944, 5, 14)),
        ("02270803628", date(2002, 7, 8)),
        ("00891412345", date(1800, 9, 14)),
    ],
)
def test_known_numbers_decode(number, expected):
    assert pesel.birth_date_of(number) == expected


def test_century_offsets():
    assert pesel.birth_date_of("99923100000") == date(1899, 12, 31)
    assert pesel.birth_date_of("00010100000") == date(1900, 1, 1)
    assert pesel.birth_date_of("00210100000") == date(2000, 1, 1)
    assert pesel.birth_date_of("00410100000") == date(2100, 1, 1)
    assert pesel.birth_date_of("00610100000") == date(2200, 1, 1)


@pytest.mark.parametrize(
    "number_case", ["1234567890", "123456789012", "4405140135a", "", "４４０５１４０１３５９"]
)
def test_wrong_length_or_characters(number_case):
    with pytest.raises(ValidationError) as error:
        pesel.check_pesel(number_case)
    assert _messages(error) == [str(pesel.PESEL_FORMAT)]


def test_impossible_date_with_a_correct_checksum():
    # given: 30 February 1990
    first_ten = "9002300000"
    number = first_ten + str(pesel.check_digit(first_ten))

    with pytest.raises(ValidationError) as error:
        pesel.check_pesel(number)
    assert _messages(error) == [str(pesel.PESEL_IMPOSSIBLE_DATE)]


def test_birth_date_mismatch():
    number = pesel.build(date(1980, 5, 17), 123, Sex.MALE)

    with pytest.raises(ValidationError) as error:
        pesel.check_pesel(number, birth_date=date(1980, 5, 18))
    assert error.value.code == "pesel_birth_date_mismatch"
    assert "17.05.1980" in _messages(error)[0]


def test_sex_mismatch():
    number = pesel.build(date(1980, 5, 17), 123, Sex.MALE)

    with pytest.raises(ValidationError) as error:
        pesel.check_pesel(number, birth_date=date(1980, 5, 17), sex=Sex.FEMALE)
    assert _messages(error) == [str(pesel.PESEL_SEX_MISMATCH)]


def test_known_valid_pesel_passes():
    pesel.check_pesel("44051401359", birth_date=date(1944, 5, 14), sex=Sex.MALE)
