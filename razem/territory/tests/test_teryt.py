import pytest
from django.core.exceptions import ValidationError

from razem.territory import teryt
from razem.territory.models import Municipality, Voivodeship
from razem.territory.validators import TERYT_FORMAT, TERYT_UNKNOWN, validate_municipality_teryt


def test_register_knows_the_seed_municipalities():
    assert teryt.lookup("2466011").name == "Gliwice"
    assert teryt.lookup("2467011").name == "Jastrzębie-Zdrój"
    assert teryt.lookup("2474011").name == "Siemianowice Śląskie"
    assert teryt.lookup("1805011").voivodeship == "podkarpackie"


@pytest.mark.parametrize("code", ["246601", "24660111", "24660a1", ""])
def test_malformed_teryt_is_refused(code):
    with pytest.raises(ValidationError) as error:
        validate_municipality_teryt(code)
    assert error.value.messages == [str(TERYT_FORMAT)]


def test_unknown_teryt_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_municipality_teryt("9999999")
    assert error.value.messages == [str(TERYT_UNKNOWN) % {"code": "9999999"}]


@pytest.mark.django_db
def test_migrations_load_the_whole_register():
    assert Voivodeship.objects.count() == 16
    assert Municipality.objects.count() == len(teryt.registry())
    gliwice = Municipality.objects.select_related("county__voivodeship").get(teryt="2466011")
    assert gliwice.county.voivodeship.name == "śląskie"
