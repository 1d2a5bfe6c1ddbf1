"""Rozporządzenie Rady Ministrów z dnia 13 września 2011 r. w sprawie procedury „Niebieskie
Karty” oraz wzorów formularzy „Niebieska Karta” (Dz.U. 2011 nr 209 poz. 1245), kept for cards
opened before 28.09.2023 (they speak of a working group, grupa robocza)."""

from datetime import date

from django.utils.translation import gettext_lazy as _

from razem.cases.deadlines import DayCount
from razem.cases.rules.base import DeadlineRule, RuleSet

RULES = RuleSet(
    code="2011",
    title=_("Blue Card procedure, regulation of 13 September 2011"),
    journal="Dz.U. 2011 nr 209 poz. 1245",
    effective_from=date(2011, 10, 18),
    deadlines=(
        DeadlineRule(
            code="form_a_to_chair",
            label=_("Form A delivered to the chair of the interdisciplinary team"),
            starts_with="form_a_filled",
            days=7,
            count=DayCount.CALENDAR,
            reference="rozporządzenie z 13.09.2011 (Dz.U. 2011 nr 209 poz. 1245)",
        ),
    ),
)
