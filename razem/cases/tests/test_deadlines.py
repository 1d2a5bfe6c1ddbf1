from datetime import date

import pytest

from razem.cases.deadlines import DayCount, days_left, due_date, is_working_day

W = DayCount.WORKING
C = DayCount.CALENDAR


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 11, 20), True),  # Friday
        (date(2026, 11, 21), False),  # Saturday
        (date(2026, 11, 11), False),  # Independence Day
        (date(2026, 12, 24), False),  # Christmas Eve, a holiday since 2025
        (date(2026, 6, 4), False),  # Corpus Christi (moves with Easter)
    ],
)
def test_working_days_skip_weekends_and_polish_holidays(day, working):
    assert is_working_day(day) is working


@pytest.mark.parametrize(
    ("start", "days", "count", "due"),
    [
        # 5 working days from a Monday end on the next Monday
        (date(2026, 11, 16), 5, W, date(2026, 11, 23)),
        # from a Friday, the weekend is not counted
        (date(2026, 11, 20), 3, W, date(2026, 11, 25)),
        # across 11 November (Wednesday): Tue 10 -> Thu 12, Fri 13, Mon 16
        (date(2026, 11, 10), 3, W, date(2026, 11, 16)),
        # across Christmas and the year end: 23.12.2026 + 5 working days
        (date(2026, 12, 23), 5, W, date(2027, 1, 4)),
        # 3 calendar days ending on a Saturday move to Monday
        (date(2026, 11, 18), 3, C, date(2026, 11, 23)),
        # 3 calendar days ending on a working day stay
        (date(2026, 11, 16), 3, C, date(2026, 11, 19)),
        # ending on New Year's Day moves to 2 January 2027 (Saturday) -> Monday 4th
        (date(2026, 12, 29), 3, C, date(2027, 1, 4)),
    ],
)
def test_due_date(start, days, count, due):
    assert due_date(start, days, count) == due


def test_days_left_counts_in_the_rules_unit():
    due = date(2026, 11, 23)  # Monday
    assert days_left(date(2026, 11, 20), due, W) == 1
    assert days_left(date(2026, 11, 20), due, C) == 3
    assert days_left(date(2026, 11, 23), due, W) == 0
    assert days_left(date(2026, 11, 25), due, W) == -2


def test_negative_period_is_refused():
    with pytest.raises(ValueError, match="negative"):
        due_date(date(2026, 1, 1), -1, C)
