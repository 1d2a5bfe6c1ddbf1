"""Rozporządzenie Rady Ministrów z dnia 6 września 2023 r. w sprawie procedury „Niebieskie
Karty” oraz wzorów formularzy „Niebieska Karta” (Dz.U. 2023 poz. 1870), in force 28.09.2023.

Paragraph numbers beyond § 3 were not read in the legal text yet (verified=False).
"""

from datetime import date

from django.utils.translation import gettext_lazy as _

from razem.cases.deadlines import DayCount
from razem.cases.rules.base import DeadlineRule, RuleSet

RULES = RuleSet(
    code="2023",
    title=_("Blue Card procedure, regulation of 6 September 2023"),
    journal="Dz.U. 2023 poz. 1870",
    effective_from=date(2023, 9, 28),
    deadlines=(
        DeadlineRule(
            code="form_a_to_chair",
            label=_("Form A delivered to the chair of the interdisciplinary team"),
            starts_with="form_a_filled",
            days=5,
            count=DayCount.WORKING,
            reference="rozporządzenie z 6.09.2023 (Dz.U. 2023 poz. 1870)",
        ),
        DeadlineRule(
            code="group_appointed",
            label=_("Diagnostic-support group appointed"),
            starts_with="form_a_received",
            days=3,
            count=DayCount.CALENDAR,
            reference="art. 9a ustawy o przeciwdziałaniu przemocy domowej",
        ),
        DeadlineRule(
            code="form_a_to_group",
            label=_("Form A passed to the diagnostic-support group"),
            starts_with="group_appointed",
            days=3,
            count=DayCount.WORKING,
            reference="rozporządzenie z 6.09.2023 (Dz.U. 2023 poz. 1870)",
        ),
        DeadlineRule(
            code="first_group_meeting",
            label=_("First meeting of the diagnostic-support group"),
            starts_with="form_a_received_by_group",
            days=5,
            count=DayCount.WORKING,
            reference="rozporządzenie z 6.09.2023 (Dz.U. 2023 poz. 1870)",
        ),
        DeadlineRule(
            code="notify_person_using_violence",
            label=_("Person using violence notified of the opened procedure"),
            starts_with="form_a_received_by_group",
            days=3,
            count=DayCount.WORKING,
            reference="rozporządzenie z 6.09.2023 (Dz.U. 2023 poz. 1870)",
        ),
    ),
)
