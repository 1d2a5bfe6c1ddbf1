from dataclasses import dataclass
from datetime import date

from razem.cases.deadlines import DayCount, due_date


@dataclass(frozen=True)
class DeadlineRule:
    """One statutory period: what starts it, how long it is, where the law says so.

    `verified` is False where the paragraph was taken from secondary sources and must still be
    checked against the text in the Journal of Laws; the rules page shows that to users.
    """

    code: str
    label: str
    starts_with: str  # the event that starts the clock
    days: int
    count: DayCount
    reference: str
    verified: bool = False

    def due(self, start: date) -> date:
        return due_date(start, self.days, self.count)


@dataclass(frozen=True)
class RuleSet:
    code: str
    title: str
    journal: str
    effective_from: date
    deadlines: tuple[DeadlineRule, ...]

    def deadline(self, code: str) -> DeadlineRule:
        for rule in self.deadlines:
            if rule.code == code:
                return rule
        raise KeyError(code)
