"""Legal date arithmetic for the Blue Card procedure: calendar and working days (dni robocze).

Periods follow the general rule of Polish administrative law (art. 57 k.p.a.): the day of the
event that starts the clock is not counted; a period in calendar days that ends on a Saturday,
Sunday or public holiday ends on the next working day. Working days are Monday to Friday
without the Polish public holidays of the `holidays` package.
"""

from datetime import date, timedelta
from functools import cache

import holidays
from django.db import models
from django.utils.translation import gettext_lazy as _


class DayCount(models.TextChoices):
    CALENDAR = "calendar", _("calendar days")
    WORKING = "working", _("working days")


@cache
def _polish_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("PL", years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _polish_holidays(day.year)


def next_working_day(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def due_date(start: date, days: int, count: DayCount) -> date:
    """The last day of a period of `days` counted from the day after `start`."""
    if days < 0:
        raise ValueError("A period cannot be negative.")
    if count == DayCount.CALENDAR:
        return next_working_day(start + timedelta(days=days))
    day = start
    remaining = days
    while remaining:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def days_left(today: date, due: date, count: DayCount) -> int:
    """Days until the due date in the rule's own unit; negative when overdue."""
    if count == DayCount.CALENDAR:
        return (due - today).days
    step = 1 if due >= today else -1
    left = 0
    day = today
    while day != due:
        day += timedelta(days=step)
        if is_working_day(day):
            left += step
    return left
