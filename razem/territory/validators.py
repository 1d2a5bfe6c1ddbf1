from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from razem.territory import teryt

TERYT_FORMAT = _("A TERYT code of a municipality has exactly 7 digits, e.g. 2466011.")
TERYT_UNKNOWN = _("There is no municipality with TERYT code %(code)s in the register.")


def validate_municipality_teryt(value: str) -> None:
    if len(value) != 7 or not value.isdigit():
        raise ValidationError(TERYT_FORMAT, code="teryt_format")
    if teryt.lookup(value) is None:
        raise ValidationError(TERYT_UNKNOWN, code="teryt_unknown", params={"code": value})
